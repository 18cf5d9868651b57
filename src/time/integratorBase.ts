/**
 * Plumbing shared by the one-step integrators behind {@link OdeIntegrator} (the fixed-step methods,
 * DOPRI5 and the adaptive ARK3(2)4L[2]SA): state bookkeeping of an accepted step, dense output on the
 * last step, `stopAt`, `setState`, and for the adaptive methods the accept/reject loop with step
 * landing, underflow detection and Hairer's first step guess (Hairer, Nørsett, Wanner, *Solving
 * ODEs I*, 2nd ed., §II.4). Internal: not exported from the package.
 *
 * @module
 */
import { checkFinite } from '../core/check';
import { InvalidTypeError } from '../core/errors';
import { allFinite } from '../core/status';
import type { Vec } from '../core/types';
import { checkTimeInStep, evaluateDense, type IntegratorStatus, type OdeIntegrator } from './integrator';
import { emptyOdeStats, RhsEvaluator, toStateVector, type OdeProblem, type OdeStats } from './problem';
import type { StepSizeController } from './stepController';

const UNIT_ROUNDOFF = Number.EPSILON / 2;

/**
 * Common state of a one-step integrator: current and previous state and time, last signed step,
 * stop time, lazily allocated dense-output coefficients. Subclasses implement `step` (advancing
 * through {@link OneStepIntegratorBase.commitStep}), `denseCoefficients` and `afterSetState`.
 */
export abstract class OneStepIntegratorBase implements OdeIntegrator {
  readonly problem: OdeProblem<unknown>;
  readonly stats: OdeStats = emptyOdeStats();
  abstract readonly fixedStep: boolean;
  readonly y: Vec;
  t: number;
  tPrev: number;
  dt = 0;
  status: IntegratorStatus = 'running';
  protected readonly f: RhsEvaluator<unknown>;
  protected readonly yPrev: Vec;
  protected hLast = 0;
  protected tStop: number;
  protected denseValid = false;
  private denseBuffer: Vec | undefined;

  /** @param prob - validated problem */
  constructor(prob: OdeProblem<unknown>) {
    this.problem = prob;
    this.f = new RhsEvaluator(prob, this.stats);
    this.y = Float64Array.from(prob.y0);
    this.yPrev = Float64Array.from(prob.y0);
    this.t = prob.t0;
    this.tPrev = prob.t0;
    this.tStop = prob.t1;
  }

  abstract step(): boolean;

  abstract denseCoefficients(out: Vec, offset: number): void;

  /** Reset method-specific caches after {@link OneStepIntegratorBase.setState}. */
  protected abstract afterSetState(): void;

  /** Accept `yNew` at `tNew`: the current state becomes the previous one. */
  protected commitStep(yNew: Vec, tNew: number): void {
    this.yPrev.set(this.y);
    this.y.set(yNew);
    this.tPrev = this.t;
    this.t = tNew;
    this.hLast = this.t - this.tPrev;
    this.dt = Math.abs(this.hLast);
    this.denseValid = false;
    if (this.t === this.problem.t1) this.status = 'success';
  }

  interpolate(time: number, out: Vec = new Float64Array(this.problem.dim)): Vec {
    checkTimeInStep('time', time, this.tPrev, this.t);
    if (time === this.t || this.hLast === 0) {
      out.set(this.y);
      return out;
    }
    const coef = this.denseBuffer ?? (this.denseBuffer = new Float64Array(5 * this.problem.dim));
    if (!this.denseValid) {
      this.denseCoefficients(coef, 0);
      this.denseValid = true;
    }
    return evaluateDense(coef, 0, this.problem.dim, (time - this.tPrev) / this.hLast, out);
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
    this.denseValid = false;
    if (this.problem.direction * (this.tStop - time) < 0) this.tStop = this.problem.t1;
    this.status = time === this.problem.t1 ? 'success' : 'running';
    this.afterSetState();
  }
}

/**
 * Hairer's first guess of the initial step, `0.01·‖y‖/‖f‖` in the norm scaled by
 * `atol_i + rtol_i·|y_i|` (1e-6 when either norm is tiny), with `dnf = ‖f‖²·n` for the refinement
 * of `dopri5.f`'s `hinit`. O(n).
 */
export function firstStepGuess(y: Vec, f0: Vec, rtol: Vec, atol: Vec): { h: number; dnf: number } {
  let dnf = 0;
  let dny = 0;
  for (let i = 0; i < y.length; i++) {
    const sk = atol[i] + rtol[i] * Math.abs(y[i]);
    dnf += (f0[i] / sk) ** 2;
    dny += (y[i] / sk) ** 2;
  }
  return { h: dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : 0.01 * Math.sqrt(dny / dnf), dnf };
}

/**
 * Adaptive one-step integrator: the accept/reject loop around an embedded pair. Steps land on the
 * stop time (stretched by up to 1 %), a rejection or a non-finite error estimate shrinks the step
 * through the {@link StepSizeController}, status `'diverged'` when `0.1|h| ≤ |t|·u` and
 * `'nonFinite'` when that underflow follows non-finite trial stages. Subclasses implement
 * `attempt` (one trial step into their own buffers, returning the scaled error norm),
 * `accepted` (commit the trial through `commitStep`) and `startDerivative`.
 */
export abstract class AdaptiveIntegratorBase extends OneStepIntegratorBase {
  readonly fixedStep = false;
  /** Signed step size the next attempt will use. */
  hNext = 0;
  protected readonly hmax: number;
  protected readonly controller: StepSizeController;

  /**
   * @param prob - validated problem
   * @param hmax - largest step magnitude (default: the length of the time span)
   * @param controller - step-size controller of the pair
   */
  constructor(prob: OdeProblem<unknown>, hmax: number | undefined, controller: StepSizeController) {
    super(prob);
    this.hmax = hmax ?? Math.abs(prob.t1 - prob.t0);
    this.controller = controller;
  }

  /** One trial step of signed size `h` from `(t, y)`; returns the scaled error norm. */
  protected abstract attempt(t: number, h: number): number;

  /** Commit the last trial step, ending at `tNew`. */
  protected abstract accepted(tNew: number): void;

  /** Evaluate the full right-hand side at `(t, y)` into the integrator's buffer and return it. */
  protected abstract startDerivative(): Vec;

  /** Initial step magnitude from `f0 = f(t, y)`; Hairer's first guess unless overridden. */
  protected abstract initialStep(f0: Vec): number;

  /** Evaluate f at the current state and choose the next step (given, or the initial-step rule). */
  protected restart(h0: number | undefined): void {
    const f0 = this.startDerivative();
    this.controller.reset();
    this.denseValid = false;
    if (!allFinite(f0)) {
      this.status = 'nonFinite';
      return;
    }
    const h = h0 ?? this.initialStep(f0);
    this.hNext = this.problem.direction * Math.min(h, this.hmax);
  }

  protected afterSetState(): void {
    const h = Math.abs(this.hNext);
    this.restart(h > 0 ? h : undefined);
  }

  step(): boolean {
    if (this.status !== 'running') return false;
    const dir = this.problem.direction;
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
      const err = this.attempt(t, h);
      if (!Number.isFinite(err)) {
        // Overflow or NaN in a trial stage: shrink as much as the controller allows and retry.
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
      this.accepted(lands ? this.tStop : t + h);
      return true;
    }
  }
}
