/**
 * Adaptive ARK3(2)4L[2]SA for `odeProblem({ rhs, linear })`: the {@link AdditiveRkStepper} of
 * Kennedy & Carpenter's pair with its embedded second-order estimate, the library's
 * {@link StepSizeController} and cubic Hermite dense output, behind the {@link OdeIntegrator}
 * interface (so `solve`, `init`, `saveAt` and events work as for DOPRI5).
 *
 * @module
 */
import { checkFinite, checkInRange, checkPositive } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import { allFinite } from '../core/status';
import type { Vec } from '../core/types';
import { AdditiveRkStepper, ark324L2SA, type AdditiveRkSystem } from './additiveRk';
import { checkTimeInStep, evaluateDense, hermiteCoefficients, type IntegratorStatus, type OdeAlgorithm, type OdeIntegrator } from './integrator';
import type { StiffLinearOperator } from './linearOperator';
import { emptyOdeStats, RhsEvaluator, toStateVector, type OdeProblem, type OdeStats } from './problem';
import { StepSizeController } from './stepController';

/**
 * Options of {@link ark324}.
 * @example
 * ```ts
 * const options: Ark324Options = { rtol: 1e-8, atol: 1e-10, hmax: 0.05 };
 * solve(prob, ark324(options));
 * ```
 */
export interface Ark324Options {
  /** Relative tolerance (default 1e-6). */
  rtol?: number;
  /** Absolute tolerance (default 1e-9). */
  atol?: number;
  /** Largest step magnitude (default: the length of the time span). */
  hmax?: number;
  /** Initial step magnitude (default: 0.01·‖y‖/‖f‖ in the scaled norm, as Hairer's first guess). */
  h0?: number;
}

interface Ark324Settings {
  rtol: number;
  atol: number;
  hmax: number | undefined;
  h0: number | undefined;
}

/**
 * ARK3(2)4L[2]SA (Kennedy & Carpenter, Appl. Numer. Math. 44, 2003) with error control for
 * `y' = L·y + N(t, y)`: `L` implicit (L-stable, stiffly accurate ESDIRK part, 3 shifted solves per
 * attempt with one γ·h), `N` explicit, error norm
 * `sqrt(mean((h Σ (b − b̂)_s (E_s + I_s) / (atol + rtol·max(|y|, |y₁|)))²))`, I-controller of
 * order 3 (factors in [0.2, 5], safety 0.9, no growth right after a rejection). Steps are limited
 * by the explicit part only. Status `'diverged'` when the step underflows, `'nonFinite'` when it
 * underflows because of non-finite trial stages. Per attempt: 4 evaluations of `N`, 4 products
 * `L·y`, 3 shifted solves; dense output costs one more evaluation per step, on request.
 *
 * @example
 * ```ts
 * const prob = odeProblem({ rhs: reaction, y0, tspan: [0, 1], linear: tridiagonalOperator(laplacian) });
 * const sol = solve(prob, ark324({ rtol: 1e-8, atol: 1e-10 }), { saveAt: [0.5, 1] });
 * sol.status; sol.stats.nreject;
 * ```
 */
export function ark324(options: Ark324Options = {}): OdeAlgorithm {
  if (options === null || typeof options !== 'object') throw new InvalidTypeError('options', 'an object', options);
  const rtol = checkInRange('rtol', options.rtol ?? 1e-6, 0, 1);
  const atol = checkInRange('atol', options.atol ?? 1e-9, 0, Number.MAX_VALUE);
  if (rtol === 0 && atol === 0) throw new InvalidArgumentError('atol', 'a finite number > 0 when rtol = 0', atol);
  const hmax = options.hmax === undefined ? undefined : checkPositive('hmax', options.hmax);
  const h0 = options.h0 === undefined ? undefined : checkPositive('h0', options.h0);
  const settings: Ark324Settings = { rtol, atol, hmax, h0 };
  return {
    name: 'ark324',
    order: 3,
    fixedStep: false,
    needsLinearPart: true,
    createIntegrator: (prob: OdeProblem<unknown>) => new Ark324Integrator(prob, settings),
  };
}

const UNIT_ROUNDOFF = Number.EPSILON / 2;

/** Integrator of {@link ark324}; create it with `init(prob, ark324(options))`. */
export class Ark324Integrator implements OdeIntegrator {
  readonly problem: OdeProblem<unknown>;
  readonly stats: OdeStats = emptyOdeStats();
  readonly fixedStep = false;
  readonly y: Vec;
  t: number;
  tPrev: number;
  dt = 0;
  status: IntegratorStatus = 'running';
  /** Signed step size the next attempt will use. */
  hNext = 0;
  private readonly settings: Ark324Settings;
  private readonly hmax: number;
  private readonly f: RhsEvaluator<unknown>;
  private readonly stepper: AdditiveRkStepper;
  private readonly controller = new StepSizeController({ order: 3 });
  private readonly yPrev: Vec;
  private readonly yNew: Vec;
  private readonly fPrev: Vec;
  private readonly fCur: Vec;
  private readonly dense: Vec;
  private fCurValid = false;
  private denseValid = false;
  private hLast = 0;
  private tStop: number;

  /**
   * @param prob - validated problem with a linear part
   * @param settings - validated options
   */
  constructor(prob: OdeProblem<unknown>, settings: Ark324Settings) {
    const n = prob.dim;
    const L = prob.linear as StiffLinearOperator;
    this.problem = prob;
    this.settings = settings;
    this.hmax = settings.hmax ?? Math.abs(prob.t1 - prob.t0);
    this.f = new RhsEvaluator(prob, this.stats);
    const f = this.f;
    const stats = this.stats;
    const solved = new Float64Array(n);
    const system: AdditiveRkSystem = {
      size: n,
      implicitSize: n,
      evaluate(t, state, explicitOut, implicitOut) {
        f.explicitPart(t, state, explicitOut);
        L.apply(state, implicitOut);
        return allFinite(explicitOut) && allFinite(implicitOut);
      },
      solveImplicit(gammaK, x) {
        L.solveShifted(gammaK, x, solved);
        x.set(solved);
        stats.nlinsolve++;
      },
    };
    this.stepper = new AdditiveRkStepper(ark324L2SA, system);
    this.y = Float64Array.from(prob.y0);
    this.yPrev = Float64Array.from(prob.y0);
    this.yNew = new Float64Array(n);
    this.fPrev = new Float64Array(n);
    this.fCur = new Float64Array(n);
    this.dense = new Float64Array(5 * n);
    this.t = prob.t0;
    this.tPrev = prob.t0;
    this.tStop = prob.t1;
    this.restart(settings.h0);
  }

  /** Evaluate f at the current state and choose the next step (given, or Hairer's first guess). */
  private restart(h0: number | undefined): void {
    const { y, fCur } = this;
    this.f.full(this.t, y, fCur);
    this.fCurValid = true;
    this.denseValid = false;
    this.controller.reset();
    if (!allFinite(fCur)) {
      this.status = 'nonFinite';
      return;
    }
    let h = h0;
    if (h === undefined) {
      const { rtol, atol } = this.settings;
      let dnf = 0;
      let dny = 0;
      for (let i = 0; i < y.length; i++) {
        const sk = atol + rtol * Math.abs(y[i]);
        dnf += (fCur[i] / sk) ** 2;
        dny += (y[i] / sk) ** 2;
      }
      h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : 0.01 * Math.sqrt(dny / dnf);
    }
    this.hNext = this.problem.direction * Math.min(h, this.hmax);
  }

  step(): boolean {
    if (this.status !== 'running') return false;
    const dir = this.problem.direction;
    const { y, yNew } = this;
    const { rtol, atol } = this.settings;
    let lastFailureNonFinite = false;
    for (;;) {
      if (dir * (this.tStop - this.t) <= 0) {
        if (this.t === this.problem.t1) this.status = 'success';
        return false;
      }
      let h = this.hNext;
      const t = this.t;
      if (h === 0 || 0.1 * Math.abs(h) <= Math.abs(t) * UNIT_ROUNDOFF) {
        this.status = lastFailureNonFinite ? 'nonFinite' : 'diverged';
        return false;
      }
      let lands = false;
      if (dir * (t + 1.01 * h - this.tStop) > 0) {
        h = this.tStop - t;
        lands = true;
      }
      this.stats.nsteps++;
      const err = this.stepper.attempt(t, y, h, rtol, atol, yNew);
      if (!Number.isFinite(err)) {
        lastFailureNonFinite = true;
        this.stats.nreject++;
        this.hNext = h * this.controller.reject(err);
        continue;
      }
      lastFailureNonFinite = false;
      if (err > 1) {
        this.stats.nreject++;
        this.hNext = h * this.controller.reject(err);
        continue;
      }
      let hNew = h * this.controller.accept(err);
      if (Math.abs(hNew) > this.hmax) hNew = dir * this.hmax;
      this.hNext = hNew;
      this.stats.naccept++;
      // f at the step start is E_0 + I_0 of the accepted attempt
      const E0 = this.stepper.explicitStages[0];
      const I0 = this.stepper.implicitStages[0];
      for (let i = 0; i < y.length; i++) this.fPrev[i] = E0[i] + I0[i];
      this.yPrev.set(y);
      y.set(yNew);
      this.tPrev = t;
      this.t = lands ? this.tStop : t + h;
      this.hLast = this.t - this.tPrev;
      this.dt = Math.abs(this.hLast);
      this.fCurValid = false;
      this.denseValid = false;
      if (this.t === this.problem.t1) this.status = 'success';
      return true;
    }
  }

  interpolate(time: number, out: Vec = new Float64Array(this.problem.dim)): Vec {
    checkTimeInStep('time', time, this.tPrev, this.t);
    if (time === this.t || this.hLast === 0) {
      out.set(this.y);
      return out;
    }
    if (!this.denseValid) {
      this.denseCoefficients(this.dense, 0);
      this.denseValid = true;
    }
    return evaluateDense(this.dense, 0, this.problem.dim, (time - this.tPrev) / this.hLast, out);
  }

  /** Cubic Hermite coefficients of the last step (one evaluation of f at its end, once). */
  denseCoefficients(out: Vec, offset: number): void {
    if (!this.fCurValid) {
      this.f.full(this.t, this.y, this.fCur);
      this.fCurValid = true;
    }
    hermiteCoefficients(this.yPrev, this.fPrev, this.y, this.fCur, this.hLast, out, offset);
  }

  stopAt(tStop: number): void {
    checkTimeInStep('tStop', checkFinite('tStop', tStop), this.t, this.problem.t1);
    this.tStop = tStop;
  }

  setState(time: number, y: Vec): void {
    checkTimeInStep('time', checkFinite('time', time), this.problem.t0, this.problem.t1);
    const state = toStateVector('y', y);
    if (state.length !== this.problem.dim) throw new InvalidTypeError('y', `a state of length ${this.problem.dim}`, y);
    this.y.set(state);
    this.yPrev.set(state);
    this.t = time;
    this.tPrev = time;
    this.hLast = 0;
    this.dt = 0;
    if (this.problem.direction * (this.tStop - time) < 0) this.tStop = this.problem.t1;
    this.status = time === this.problem.t1 ? 'success' : 'running';
    const h = Math.abs(this.hNext);
    this.restart(h > 0 ? h : undefined);
  }
}
