/**
 * One step-size controller for every adaptive integrator of the library: the PI controller of
 * Hairer, Nørsett & Wanner (Solving ODEs I, §II.4, eq. (4.13) and the PI variant of Gustafsson,
 * Hairer–Wanner II §IV.2), which reduces to the classical I-controller with `beta = 0`.
 *
 * The factor proposed for the next step after an error estimate `err` (scaled RMS norm, ≤ 1 to
 * accept) is
 *
 *     factor = clamp(safety · err^(−α) · errOld^β, minFactor, maxFactor),  α = 1/order − 0.75β,
 *
 * with `errOld` the (floored) error of the last accepted step (β term on accepted steps only) and,
 * optionally, no growth right after a rejection. O(1) per call, no allocation.
 *
 * @module
 */
import { checkInRange, checkNonNegative, checkPositive } from '../core/check';
import { InvalidArgumentError } from '../core/errors';

/**
 * Options of {@link StepSizeController}.
 * @example
 * ```ts
 * const ctrl = new StepSizeController({ order: 5, beta: 0.04, safety: 0.9, minFactor: 0.2, maxFactor: 10 });
 * ```
 */
export interface StepControllerOptions {
  /** Order q used in the exponent 1/q (the order of the lower-order solution + 1, e.g. 5 for DOPRI5). */
  order: number;
  /** PI weight β ≥ 0 (0: I-controller; 0.04 is Hairer's DOPRI5 choice). Default 0. */
  beta?: number;
  /** Safety factor in (0, 1) (default 0.9). */
  safety?: number;
  /** Smallest factor (default 0.2). */
  minFactor?: number;
  /** Largest factor (default 5). */
  maxFactor?: number;
  /** When true (default), the step does not grow on the step accepted right after a rejection. */
  noGrowthAfterReject?: boolean;
}

/**
 * A PI step-size controller (module doc). Call {@link StepSizeController.accept} or
 * {@link StepSizeController.reject} with each error estimate; both return the factor by which to
 * multiply the step just attempted.
 *
 * @example
 * ```ts
 * const ctrl = new StepSizeController({ order: 3 });
 * let h = 1e-3;
 * const err = 0.3;                          // scaled error of the attempted step
 * h *= err <= 1 ? ctrl.accept(err) : ctrl.reject(err);
 * ```
 */
export class StepSizeController {
  /** Exponent α = 1/order − 0.75β. */
  readonly alpha: number;
  /** PI weight β. */
  readonly beta: number;
  /** Safety factor. */
  readonly safety: number;
  /** Smallest factor. */
  readonly minFactor: number;
  /** Largest factor. */
  readonly maxFactor: number;
  /** Whether growth is suppressed right after a rejection. */
  readonly noGrowthAfterReject: boolean;
  private errOld = 1e-4;
  private lastRejected = false;

  constructor(options: StepControllerOptions) {
    const order = checkPositive('options.order', options.order);
    this.beta = checkNonNegative('options.beta', options.beta ?? 0);
    this.safety = checkInRange('options.safety', options.safety ?? 0.9, Number.MIN_VALUE, 1);
    this.minFactor = checkInRange('options.minFactor', options.minFactor ?? 0.2, Number.MIN_VALUE, 1);
    this.maxFactor = checkPositive('options.maxFactor', options.maxFactor ?? 5);
    if (!(this.maxFactor >= 1)) throw new InvalidArgumentError('options.maxFactor', 'a number >= 1', this.maxFactor);
    this.alpha = 1 / order - 0.75 * this.beta;
    if (!(this.alpha > 0)) throw new InvalidArgumentError('options.beta', `less than 4/(3·order) = ${4 / (3 * order)}`, this.beta);
    this.noGrowthAfterReject = options.noGrowthAfterReject ?? true;
  }

  /** Forget the history (errOld, last rejection), e.g. when a run restarts. */
  reset(): void {
    this.errOld = 1e-4;
    this.lastRejected = false;
  }

  /** The step was accepted with scaled error `err ≤ 1`: the factor for the next step. */
  accept(err: number): number {
    let f = err > 0 ? this.safety * Math.pow(err, -this.alpha) : Infinity;
    if (this.beta > 0) f *= Math.pow(this.errOld, this.beta);
    const hi = this.noGrowthAfterReject && this.lastRejected ? Math.min(1, this.maxFactor) : this.maxFactor;
    this.errOld = Math.max(err, 1e-4);
    this.lastRejected = false;
    return Math.min(hi, Math.max(this.minFactor, f));
  }

  /** The step was rejected (`err > 1`, or not finite): the factor for the retry (< 1). */
  reject(err: number): number {
    this.lastRejected = true;
    if (!Number.isFinite(err)) return this.minFactor;
    return Math.min(this.safety, Math.max(this.minFactor, this.safety * Math.pow(err, -this.alpha)));
  }
}
