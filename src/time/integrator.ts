/**
 * The step-by-step integrator interface (`init` → `step` → read `t`, `y`) shared by every ODE
 * method, and the algorithm descriptor that creates integrators.
 *
 * Every integrator carries an interpolant over its last step written in Hairer's form
 * `y(tPrev + θh) = r1 + θ(r2 + (1−θ)(r3 + θ(r4 + (1−θ)r5)))`: DOPRI5 fills all five
 * coefficients (its 4th-order continuous extension); fixed-step methods fill r1..r4 with the cubic
 * Hermite interpolant of (y, f) at both step ends and set r5 = 0.
 *
 * @module
 */
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import type { SolveStatus } from '../core/status';
import type { Vec } from '../core/types';
import type { OdeProblem, OdeStats } from './problem';

/**
 * Integrator state: still stepping, or finished with a {@link SolveStatus}.
 * @example
 * ```ts
 * const it = init(prob, rk4({ dt: 0.1 }));
 * while (it.step()) {}
 * const status: IntegratorStatus = it.status; // 'success' at the end time
 * ```
 */
export type IntegratorStatus = SolveStatus | 'running';

/**
 * A user-drivable integrator. `y` is owned by the integrator (same array for its whole life) and
 * must be treated as read-only; copy it to keep a state.
 *
 * @example
 * ```ts
 * const it = init(prob, rk4({ dt: 0.01 }));
 * while (it.step()) if (it.y[0] < 0) break; // custom stopping rule
 * ```
 */
export interface OdeIntegrator {
  /** Current time. */
  readonly t: number;
  /** Current state (read-only view owned by the integrator). */
  readonly y: Vec;
  /** Start of the last accepted step (equals `t` before the first step). */
  readonly tPrev: number;
  /** Magnitude of the last accepted step (0 before the first step). */
  readonly dt: number;
  /** `'running'` until the end time is reached or a failure stops the integrator. */
  readonly status: IntegratorStatus;
  /** Counters (nfev, naccept, nreject, nsteps, nlinsolve). */
  readonly stats: OdeStats;
  /** The problem being integrated. */
  readonly problem: OdeProblem<unknown>;
  /** True for fixed-step methods (whose steps can be shortened to land on requested times). */
  readonly fixedStep: boolean;
  /**
   * Take one accepted step (adaptive methods may reject and retry internally). Never steps past
   * the stop time (see {@link OdeIntegrator.stopAt}). Returns false, without changing the state,
   * when finished or when a failure sets `status`.
   */
  step(): boolean;
  /**
   * Evaluate the interpolant of the last step at `time ∈ [tPrev, t]` into `out`.
   * @throws InvalidArgumentError when `time` is outside the last step
   */
  interpolate(time: number, out?: Vec): Vec;
  /**
   * Write the five interpolation coefficients r1..r5 of the last step (5·dim values) into
   * `out[offset…]` (see the module notes). Used to record dense output.
   */
  denseCoefficients(out: Vec, offset: number): void;
  /**
   * Do not step past `tStop` (between `t` and the problem's end time). Fixed-step methods shorten
   * the step to land exactly on it; DOPRI5 shortens its step as it does for the end time.
   */
  stopAt(tStop: number): void;
  /**
   * Restart from a new state `(time, y)` (e.g. after a terminal event or an impulsive change).
   * `time` must lie between the problem's start and end times. Resets `status` to `'running'`.
   */
  setState(time: number, y: Vec): void;
}

/**
 * Options common to every integrator.
 * @example
 * ```ts
 * const it = init(prob, dopri5(), { tStop: 0.5 }); // steps end exactly at 0.5
 * ```
 */
export interface IntegratorOptions {
  /** Stop time other than the problem's end time (see {@link OdeIntegrator.stopAt}). */
  tStop?: number;
}

/**
 * An ODE method. Created by {@link rk4}, {@link sspRk3}, {@link dopri5}, {@link imexEuler},
 * {@link imexArs222}; pass it to {@link init} or {@link solve}.
 * @example
 * ```ts
 * const alg: OdeAlgorithm = imexArk324({ dt: 1e-2 });
 * alg.order; // 3
 * alg.needsLinearPart; // true: the problem must carry `linear`
 * ```
 */
export interface OdeAlgorithm {
  /** Method name, e.g. `"rk4"`. */
  readonly name: string;
  /** Classical order of accuracy. */
  readonly order: number;
  /** Fixed-step (step size from a number or a callback) rather than error-controlled. */
  readonly fixedStep: boolean;
  /** Needs `problem.linear` (IMEX methods). */
  readonly needsLinearPart: boolean;
  /** Create an integrator at the problem's initial state. */
  createIntegrator(prob: OdeProblem<unknown>): OdeIntegrator;
}

/**
 * Create a step-by-step integrator for `prob` with method `alg`, positioned at `(t0, y0)`.
 * Complexity: O(dim) memory per stage; DOPRI5 evaluates `rhs` twice here (initial step choice).
 *
 * @example
 * ```ts
 * const it = init(prob, dopri5({ rtol: 1e-8 }));
 * const trace: number[] = [];
 * for (let k = 0; k < 100 && it.step(); k++) trace.push(it.t, it.y[0]);
 * ```
 */
export function init<P>(prob: OdeProblem<P>, alg: OdeAlgorithm, options: IntegratorOptions = {}): OdeIntegrator {
  checkProblemAndAlgorithm(prob, alg);
  const it = alg.createIntegrator(prob as OdeProblem<unknown>);
  if (options.tStop !== undefined) it.stopAt(options.tStop);
  return it;
}

/** Validate the (problem, algorithm) pair. Internal helper shared with `solve`. */
export function checkProblemAndAlgorithm(prob: OdeProblem<unknown> | OdeProblem<never>, alg: OdeAlgorithm): void {
  if (prob === null || typeof prob !== 'object' || !(prob.y0 instanceof Float64Array) || typeof prob.rhs !== 'function') {
    throw new InvalidTypeError('prob', 'an OdeProblem created by odeProblem()', prob);
  }
  if (alg === null || typeof alg !== 'object' || typeof alg.createIntegrator !== 'function') {
    throw new InvalidTypeError('alg', 'an OdeAlgorithm such as rk4({ dt }) or dopri5()', alg);
  }
  if (alg.needsLinearPart && prob.linear === undefined) {
    throw new InvalidArgumentError('prob.linear', `a StiffLinearOperator (method ${alg.name} is implicit–explicit)`);
  }
}

/**
 * Evaluate the Hairer-form interpolant with coefficients `coef[offset + k·dim + i]` (k = 0..4)
 * at `θ = (time − tStart)/h` into `out`. O(dim).
 */
export function evaluateDense(coef: Vec, offset: number, dim: number, theta: number, out: Vec): Vec {
  const theta1 = 1 - theta;
  for (let i = 0, j = offset; i < dim; i++, j++) {
    out[i] = coef[j] + theta * (coef[j + dim] + theta1 * (coef[j + 2 * dim] + theta * (coef[j + 3 * dim] + theta1 * coef[j + 4 * dim])));
  }
  return out;
}

/**
 * Fill r1..r4 with the cubic Hermite interpolant of `(y0, f0)` and `(y1, f1)` over a step of
 * signed size `h`, and r5 = 0 (Hairer's form, see module notes). O(dim).
 */
export function hermiteCoefficients(y0: Vec, f0: Vec, y1: Vec, f1: Vec, h: number, out: Vec, offset: number): void {
  const dim = y0.length;
  for (let i = 0, j = offset; i < dim; i++, j++) {
    const diff = y1[i] - y0[i];
    const r3 = h * f0[i] - diff;
    out[j] = y0[i];
    out[j + dim] = diff;
    out[j + 2 * dim] = r3;
    out[j + 3 * dim] = diff - h * f1[i] - r3;
    out[j + 4 * dim] = 0;
  }
}

/** Throw unless `time` lies in the closed interval spanned by `a` and `b` (either order). */
export function checkTimeInStep(name: string, time: number, a: number, b: number): void {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (!(time >= lo && time <= hi)) throw new InvalidArgumentError(name, `a time in [${lo}, ${hi}]`, time);
}
