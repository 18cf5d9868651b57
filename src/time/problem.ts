/**
 * The ODE problem object: right-hand side, initial state, time span, optional parameters and an
 * optional stiff linear part for implicit–explicit (IMEX) methods.
 *
 * With `linear` given, the equation is `y' = L·y + rhs(t, y)`: explicit methods integrate the
 * sum, IMEX methods treat `L` implicitly and `rhs` explicitly.
 *
 * @module
 */
import { checkAllFinite, checkFinite, checkFunction, checkInteger } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import type { Vec } from '../core/types';
import { assertStiffLinearOperator, type StiffLinearOperator } from './linearOperator';

/**
 * In-place right-hand side `dy ← f(t, y)`. Must write every entry of `dy` and must not keep
 * references to `y` or `dy` (the integrator reuses them).
 * @example
 * ```ts
 * const pendulum: OdeRhs<{ g: number }> = (t, y, dy, { g }) => { dy[0] = y[1]; dy[1] = -g * Math.sin(y[0]); };
 * ```
 */
export type OdeRhs<P = unknown> = (t: number, y: Vec, dy: Vec, params: P) => void;

/**
 * What {@link odeProblem} accepts.
 * @example
 * ```ts
 * const spec: OdeProblemSpec<{ g: number }> = { rhs: pendulum, y0: [0.1, 0], tspan: [0, 10], params: { g: 9.81 } };
 * const prob = odeProblem(spec);
 * ```
 */
export interface OdeProblemSpec<P = unknown> {
  /** Right-hand side; with `linear` present it is the explicit (non-stiff) part only. */
  rhs: OdeRhs<P>;
  /** Initial state at `tspan[0]` (copied). */
  y0: Float64Array | readonly number[];
  /** `[t0, t1]`; `t1 < t0` integrates backwards in time. */
  tspan: readonly [number, number] | readonly number[];
  /** Passed unchanged as the last argument of `rhs`. */
  params?: P;
  /** Optional stiff linear part `L` for IMEX methods (the ODE becomes `y' = L·y + rhs(t, y)`). */
  linear?: StiffLinearOperator;
}

/**
 * A validated initial value problem (see {@link odeProblem}).
 * @example
 * ```ts
 * const prob: OdeProblem = odeProblem({ rhs: (t, y, dy) => { dy[0] = -y[0]; }, y0: [1], tspan: [1, 0] });
 * prob.direction; // -1 (backward)
 * ```
 */
export interface OdeProblem<P = unknown> {
  /** Right-hand side (explicit part when `linear` is present); see {@link OdeRhs}. */
  rhs(t: number, y: Vec, dy: Vec, params: P): void;
  /** Initial state (a private copy). */
  readonly y0: Vec;
  /** Start time. */
  readonly t0: number;
  /** End time. */
  readonly t1: number;
  /** Integration direction, `+1` forward, `-1` backward. */
  readonly direction: 1 | -1;
  /** State dimension. */
  readonly dim: number;
  /** Parameters passed to `rhs`. */
  readonly params: P;
  /** Stiff linear part, if any. */
  readonly linear: StiffLinearOperator | undefined;
}

/**
 * Build and validate an initial value problem `y' = f(t, y)`, `y(t0) = y0` on `tspan = [t0, t1]`
 * (or `y' = L·y + f(t, y)` when a stiff linear part is given). Backward integration
 * (`t1 < t0`) is supported by every method.
 *
 * Checks (before any work): `rhs` is a function, `y0` is a non-empty array of finite numbers,
 * `tspan` holds two finite, distinct times, `linear` (if any) has dimension `y0.length`.
 * Complexity: O(dim).
 *
 * @example
 * ```ts
 * const prob = odeProblem({
 *   rhs(t, y, dy) { dy[0] = y[1]; dy[1] = -y[0]; },
 *   y0: [1, 0],
 *   tspan: [0, 2 * Math.PI],
 * });
 * ```
 */
export function odeProblem<P = unknown>(spec: OdeProblemSpec<P>): OdeProblem<P> {
  if (spec === null || typeof spec !== 'object') throw new InvalidTypeError('problem', 'an object { rhs, y0, tspan }', spec);
  checkFunction('rhs', spec.rhs);
  const y0 = toStateVector('y0', spec.y0);
  const tspan = spec.tspan;
  if (tspan === null || typeof tspan !== 'object' || typeof (tspan as ArrayLike<number>).length !== 'number' || tspan.length !== 2) {
    throw new InvalidTypeError('tspan', 'an array [t0, t1] of two finite numbers', tspan);
  }
  const t0 = checkFinite('tspan[0]', tspan[0]);
  const t1 = checkFinite('tspan[1]', tspan[1]);
  if (t1 === t0) throw new InvalidArgumentError('tspan[1]', `a time different from tspan[0] = ${t0}`, t1);
  const linear = spec.linear;
  if (linear !== undefined) {
    assertStiffLinearOperator('linear', linear);
    if (linear.dim !== y0.length) throw new InvalidArgumentError('linear.dim', `equal to y0.length = ${y0.length}`, linear.dim);
  }
  return {
    rhs: spec.rhs,
    y0,
    t0,
    t1,
    direction: t1 > t0 ? 1 : -1,
    dim: y0.length,
    params: spec.params as P,
    linear,
  };
}

/** Copy a Float64Array or number[] of finite values into a fresh Float64Array (length >= 1). */
export function toStateVector(name: string, value: unknown): Vec {
  if (!(value instanceof Float64Array) && !Array.isArray(value)) {
    throw new InvalidTypeError(name, 'a Float64Array or an array of finite numbers', value);
  }
  checkInteger(`${name}.length`, value.length, 1);
  checkAllFinite(name, value as ArrayLike<number>);
  return Float64Array.from(value as ArrayLike<number>);
}

/**
 * Counters shared by every ODE method; `nsteps = naccept + nreject`.
 * @example
 * ```ts
 * const { nfev, naccept, nreject } = solve(prob, dopri5()).stats;
 * ```
 */
export interface OdeStats {
  /** Evaluations of `rhs` (the explicit part for IMEX methods). */
  nfev: number;
  /** Accepted steps. */
  naccept: number;
  /** Rejected steps (adaptive methods only). */
  nreject: number;
  /** Attempted steps. */
  nsteps: number;
  /** Shifted linear solves `(I − γΔt·L)x = b` (IMEX methods only). */
  nlinsolve: number;
}

/** A zeroed {@link OdeStats}. */
export function emptyOdeStats(): OdeStats {
  return { nfev: 0, naccept: 0, nreject: 0, nsteps: 0, nlinsolve: 0 };
}

/**
 * Evaluates the full right-hand side `L·y + f(t, y)` (or `f` alone) and counts evaluations.
 * One work vector, no allocation per call. Internal helper shared by the integrators.
 */
export class RhsEvaluator<P = unknown> {
  private readonly work: Vec;

  /**
   * @param prob - the problem
   * @param stats - counters to increment
   */
  constructor(readonly prob: OdeProblem<P>, readonly stats: OdeStats) {
    this.work = new Float64Array(prob.linear ? prob.dim : 0);
  }

  /** `out ← L·y + f(t, y)` (just `f` without a linear part). */
  full(t: number, y: Vec, out: Vec): Vec {
    const prob = this.prob;
    prob.rhs(t, y, out, prob.params);
    this.stats.nfev++;
    const linear = prob.linear;
    if (linear) {
      const w = this.work;
      linear.apply(y, w);
      for (let i = 0; i < w.length; i++) out[i] += w[i];
    }
    return out;
  }

  /** `out ← f(t, y)`: the explicit part only. */
  explicitPart(t: number, y: Vec, out: Vec): Vec {
    this.prob.rhs(t, y, out, this.prob.params);
    this.stats.nfev++;
    return out;
  }
}
