/**
 * Adaptive ARK3(2)4L[2]SA for `odeProblem({ rhs, linear })`: the {@link AdditiveRkStepper} of
 * Kennedy & Carpenter's pair with its embedded second-order estimate, the library's
 * {@link StepSizeController} and cubic Hermite dense output, behind the {@link OdeIntegrator}
 * interface (so `solve`, `init`, `saveAt` and events work as for DOPRI5).
 *
 * @module
 */
import { checkInRange, checkPositive } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import type { Vec } from '../core/types';
import { AdditiveRkStepper, ark324L2SA, linearSplitSystem } from './additiveRk';
import { hermiteCoefficients, type OdeAlgorithm } from './integrator';
import { AdaptiveIntegratorBase, firstStepGuess } from './integratorBase';
import type { StiffLinearOperator } from './linearOperator';
import type { OdeProblem } from './problem';
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

/** Integrator of {@link ark324}; create it with `init(prob, ark324(options))`. */
export class Ark324Integrator extends AdaptiveIntegratorBase {
  private readonly settings: Ark324Settings;
  private readonly stepper: AdditiveRkStepper;
  private readonly yNew: Vec;
  private readonly fPrev: Vec;
  private readonly fCur: Vec;
  private fCurValid = false;

  /**
   * @param prob - validated problem with a linear part
   * @param settings - validated options
   */
  constructor(prob: OdeProblem<unknown>, settings: Ark324Settings) {
    super(prob, settings.hmax, new StepSizeController({ order: 3 }));
    const n = prob.dim;
    this.settings = settings;
    this.stepper = new AdditiveRkStepper(ark324L2SA, linearSplitSystem(this.f, prob.linear as StiffLinearOperator, this.stats, n, true));
    this.yNew = new Float64Array(n);
    this.fPrev = new Float64Array(n);
    this.fCur = new Float64Array(n);
    this.restart(settings.h0);
  }

  protected startDerivative(): Vec {
    this.f.full(this.t, this.y, this.fCur);
    this.fCurValid = true;
    return this.fCur;
  }

  protected initialStep(f0: Vec): number {
    const n = this.problem.dim;
    const { rtol, atol } = this.settings;
    return firstStepGuess(this.y, f0, new Float64Array(n).fill(rtol), new Float64Array(n).fill(atol)).h;
  }

  protected attempt(t: number, h: number): number {
    const { rtol, atol } = this.settings;
    return this.stepper.attempt(t, this.y, h, rtol, atol, this.yNew);
  }

  protected accepted(tNew: number): void {
    // f at the step start is E_0 + I_0 of the accepted attempt
    const E0 = this.stepper.explicitStages[0];
    const I0 = this.stepper.implicitStages[0];
    for (let i = 0; i < this.y.length; i++) this.fPrev[i] = E0[i] + I0[i];
    this.fCurValid = false;
    this.commitStep(this.yNew, tNew);
  }

  /** Cubic Hermite coefficients of the last step (one evaluation of f at its end, once). */
  denseCoefficients(out: Vec, offset: number): void {
    if (!this.fCurValid) {
      this.f.full(this.t, this.y, this.fCur);
      this.fCurValid = true;
    }
    hermiteCoefficients(this.yPrev, this.fPrev, this.y, this.fCur, this.hLast, out, offset);
  }
}
