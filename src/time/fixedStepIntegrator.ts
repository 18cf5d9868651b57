/**
 * The integrator shared by every fixed-step one-step method (RK4, SSP-RK3, IMEX Euler, ARS(2,2,2)).
 *
 * The step size is a number or a rule `dt(t, y)` evaluated before every step (CFL conditions,
 * schedules). Steps are shortened to land exactly on the stop time; when the remaining interval
 * exceeds the requested step by less than 1e-8 relative, the step is stretched instead, so no
 * sliver step is ever taken.
 *
 * @module
 */
import { checkFunction, checkPositive } from '../core/check';
import { InvalidTypeError } from '../core/errors';
import { allFinite } from '../core/status';
import type { Vec } from '../core/types';
import { hermiteCoefficients, type OdeAlgorithm } from './integrator';
import { OneStepIntegratorBase } from './integratorBase';
import type { OdeProblem, RhsEvaluator } from './problem';

/**
 * Step size of a fixed-step method: a positive number, or a rule `dt(t, y)` returning a positive
 * step magnitude before every step (the sign follows the integration direction).
 * @example
 * ```ts
 * const fixed: StepSize = 1e-3;
 * const cfl: StepSize = (t, y) => 0.4 / Math.max(1, Math.abs(y[0])); // a rule evaluated before every step
 * ```
 */
export type StepSize = number | ((t: number, y: Vec) => number);

/**
 * Options of every fixed-step method.
 * @example
 * ```ts
 * const options: FixedStepOptions = { dt: 1e-2 };
 * solve(prob, rk4(options));
 * ```
 */
export interface FixedStepOptions {
  /** Step size (a positive number or a rule `dt(t, y)`). */
  dt: StepSize;
}

/** Validate a {@link StepSize}. Internal helper. */
export function checkStepSize(name: string, dt: unknown): StepSize {
  if (typeof dt === 'function') {
    checkFunction(name, dt);
    return dt as StepSize;
  }
  if (typeof dt !== 'number') throw new InvalidTypeError(name, 'a positive number or a function (t, y) => step size', dt);
  return checkPositive(name, dt);
}

/**
 * One step of a one-step method: `out ← Φ_h(t, y)`. `fStart` holds the full right-hand side at
 * `(t, y)` when the scheme declares `usesStartDerivative`, otherwise it is not read.
 * `out` never aliases `y`.
 */
export interface OneStepScheme {
  /** Whether `advance` reads `fStart = f(t, y)`. */
  readonly usesStartDerivative: boolean;
  /** Advance by the signed step `h`. */
  advance(t: number, y: Vec, h: number, fStart: Vec, out: Vec): void;
}

/** Factory of a {@link OneStepScheme} for one problem. */
export type OneStepSchemeFactory = (prob: OdeProblem<unknown>, evaluator: RhsEvaluator<unknown>) => OneStepScheme;

/** Relative slack under which a step is stretched to land on the stop time. */
const LANDING_SLACK = 1e-8;

/**
 * Fixed-step integrator around a {@link OneStepScheme}. Not constructed directly: use
 * {@link init} with {@link rk4}, {@link sspRk3}, {@link imexEuler} or {@link imexArs222}.
 * Memory: 5 state vectors + the scheme's stages. Dense output is the cubic Hermite interpolant
 * (two extra right-hand-side evaluations per step when requested, one of which an explicit
 * Runge–Kutta method reuses as its next first stage).
 */
export class FixedStepIntegrator extends OneStepIntegratorBase {
  readonly fixedStep = true;
  private readonly scheme: OneStepScheme;
  private readonly stepSize: StepSize;
  private readonly yNew: Vec;
  private fCur: Vec;
  private fPrev: Vec;
  private fCurValid = false;
  private fPrevValid = false;

  /**
   * @param prob - validated problem
   * @param stepSize - validated step size or rule
   * @param factory - creates the one-step scheme
   */
  constructor(prob: OdeProblem<unknown>, stepSize: StepSize, factory: OneStepSchemeFactory) {
    super(prob);
    this.stepSize = stepSize;
    const n = prob.dim;
    this.yNew = new Float64Array(n);
    this.fCur = new Float64Array(n);
    this.fPrev = new Float64Array(n);
    this.scheme = factory(prob, this.f);
  }

  step(): boolean {
    if (this.status !== 'running') return false;
    const dir = this.problem.direction;
    const remaining = dir * (this.tStop - this.t);
    if (remaining <= 0) {
      if (this.t === this.problem.t1) this.status = 'success';
      return false;
    }
    const stepSize = this.stepSize;
    let h = typeof stepSize === 'number' ? stepSize : stepSize(this.t, this.y);
    if (!Number.isFinite(h)) {
      this.status = 'nonFinite';
      return false;
    }
    if (!(h > 0) || this.t + dir * h === this.t) {
      this.status = 'diverged';
      return false;
    }
    const lands = h >= remaining * (1 - LANDING_SLACK);
    if (lands) h = remaining;
    const hSigned = dir * h;
    if (this.scheme.usesStartDerivative && !this.fCurValid) {
      this.f.full(this.t, this.y, this.fCur);
      this.fCurValid = true;
    }
    this.stats.nsteps++;
    this.scheme.advance(this.t, this.y, hSigned, this.fCur, this.yNew);
    if (!allFinite(this.yNew)) {
      this.stats.nreject++;
      this.status = 'nonFinite';
      return false;
    }
    this.stats.naccept++;
    const swap = this.fPrev;
    this.fPrev = this.fCur;
    this.fCur = swap;
    this.fPrevValid = this.fCurValid;
    this.fCurValid = false;
    this.commitStep(this.yNew, lands ? this.tStop : this.t + hSigned);
    return true;
  }

  override interpolate(time: number, out: Vec = new Float64Array(this.problem.dim)): Vec {
    if (time === this.tPrev && time !== this.t) {
      out.set(this.yPrev);
      return out;
    }
    return super.interpolate(time, out);
  }

  denseCoefficients(out: Vec, offset: number): void {
    this.ensureDerivatives();
    hermiteCoefficients(this.yPrev, this.fPrev, this.y, this.fCur, this.hLast, out, offset);
  }

  protected afterSetState(): void {
    this.fCurValid = false;
    this.fPrevValid = false;
  }

  private ensureDerivatives(): void {
    if (!this.fPrevValid) {
      this.f.full(this.tPrev, this.yPrev, this.fPrev);
      this.fPrevValid = true;
    }
    if (!this.fCurValid) {
      this.f.full(this.t, this.y, this.fCur);
      this.fCurValid = true;
    }
  }
}

/**
 * Build the algorithm descriptor of a fixed-step method from its scheme factory; shared by the
 * explicit Runge–Kutta and the IMEX methods. Validates `options.dt` before any work.
 */
export function fixedStepAlgorithm(
  name: string,
  order: number,
  needsLinearPart: boolean,
  options: FixedStepOptions,
  makeScheme: (prob: OdeProblem<unknown>, f: RhsEvaluator<unknown>) => OneStepScheme,
): OdeAlgorithm {
  const dt = checkStepSize('dt', options?.dt);
  return {
    name,
    order,
    fixedStep: true,
    needsLinearPart,
    createIntegrator: (prob: OdeProblem<unknown>) => new FixedStepIntegrator(prob, dt, makeScheme),
  };
}
