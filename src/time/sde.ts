/**
 * Stochastic differential equations with diagonal noise,
 * `dX_i = a_i(t, X) dt + b_i(t, X) dW_i`, and the Euler–Maruyama method.
 *
 * Randomness enters only through a {@link RandomSource} passed by the caller, or through
 * explicit Wiener increments (for strong-convergence studies and coupled paths).
 *
 * @module
 */
import { checkFinite, checkFunction, checkInteger, checkPositive } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import { RunWatch, type LongRunOptions } from '../core/progress';
import { allFinite, type SolveStatus } from '../core/status';
import type { RandomSource, Vec } from '../core/types';
import { toStateVector } from './problem';
import { TrajectoryRecorder } from './solution';

/**
 * What {@link sdeProblem} accepts.
 * @example
 * ```ts
 * const spec: SdeProblemSpec = { drift(t, x, out) { out[0] = -x[0]; }, diffusion(t, x, out) { out[0] = 0.3; }, x0: [1], tspan: [0, 1] };
 * ```
 */
export interface SdeProblemSpec<P = unknown> {
  /** Drift: `out ← a(t, x)`. */
  drift(t: number, x: Vec, out: Vec, params: P): void;
  /** Diagonal diffusion: `out_i ← b_i(t, x)` (the noise on component i is `b_i dW_i`). */
  diffusion(t: number, x: Vec, out: Vec, params: P): void;
  /** Initial state (copied). */
  x0: Float64Array | readonly number[];
  /** `[t0, t1]` with `t1 > t0`. */
  tspan: readonly [number, number] | readonly number[];
  /** Passed as the last argument of `drift` and `diffusion`. */
  params?: P;
}

/**
 * A validated SDE problem (see {@link sdeProblem}).
 * @example
 * ```ts
 * const prob: SdeProblem = sdeProblem(spec);
 * prob.dim; // 1
 * ```
 */
export interface SdeProblem<P = unknown> {
  /** Drift `a(t, x)`. */
  drift(t: number, x: Vec, out: Vec, params: P): void;
  /** Diagonal diffusion `b(t, x)`. */
  diffusion(t: number, x: Vec, out: Vec, params: P): void;
  /** Initial state. */
  readonly x0: Vec;
  /** Start time. */
  readonly t0: number;
  /** End time. */
  readonly t1: number;
  /** State dimension (= number of independent Wiener processes). */
  readonly dim: number;
  /** Parameters. */
  readonly params: P;
}

/**
 * Build and validate an Itô SDE `dX = a(t, X) dt + diag(b(t, X)) dW` on `[t0, t1]`
 * (forward in time only). O(dim).
 *
 * @example
 * ```ts
 * // Ornstein–Uhlenbeck: dX = −θX dt + σ dW
 * const prob = sdeProblem({
 *   drift(t, x, out) { out[0] = -2 * x[0]; },
 *   diffusion(t, x, out) { out[0] = 0.5; },
 *   x0: [1], tspan: [0, 5],
 * });
 * ```
 */
export function sdeProblem<P = unknown>(spec: SdeProblemSpec<P>): SdeProblem<P> {
  if (spec === null || typeof spec !== 'object') throw new InvalidTypeError('problem', 'an object { drift, diffusion, x0, tspan }', spec);
  checkFunction('drift', spec.drift);
  checkFunction('diffusion', spec.diffusion);
  const x0 = toStateVector('x0', spec.x0);
  if (spec.tspan === null || typeof spec.tspan !== 'object' || spec.tspan.length !== 2) {
    throw new InvalidTypeError('tspan', 'an array [t0, t1] of two finite numbers', spec.tspan);
  }
  const t0 = checkFinite('tspan[0]', spec.tspan[0]);
  const t1 = checkFinite('tspan[1]', spec.tspan[1]);
  if (!(t1 > t0)) throw new InvalidArgumentError('tspan[1]', `a time > tspan[0] = ${t0}`, t1);
  return { drift: spec.drift, diffusion: spec.diffusion, x0, t0, t1, dim: x0.length, params: spec.params as P };
}

/**
 * The Euler–Maruyama step `X_{n+1} = X_n + a(t_n, X_n)·h + b(t_n, X_n)·ΔW_n`, `ΔW_n ~ N(0, h·I)`
 * (Kloeden & Platen, *Numerical Solution of SDEs*, §10.2): strong order 1/2, weak order 1.
 * Allocation-free after construction; one drift and one diffusion evaluation per step.
 *
 * @example
 * ```ts
 * const em = new EulerMaruyama(prob);
 * const x = Float64Array.from(prob.x0);
 * for (let n = 0; n < 100; n++) em.step(n * 0.01, x, 0.01, rng, x); // in place
 * ```
 */
export class EulerMaruyama<P = unknown> {
  /** State dimension. */
  readonly dim: number;
  private readonly a: Vec;
  private readonly b: Vec;
  private readonly dW: Vec;

  /** @param problem - the SDE */
  constructor(readonly problem: SdeProblem<P>) {
    this.dim = problem.dim;
    this.a = new Float64Array(this.dim);
    this.b = new Float64Array(this.dim);
    this.dW = new Float64Array(this.dim);
  }

  /**
   * One step with given Wiener increments `dW` (each ~ N(0, h) for a true Brownian path).
   * `out` may alias `x`. Returns `out`.
   */
  stepWithIncrement(t: number, x: Vec, h: number, dW: Vec, out: Vec = new Float64Array(this.dim)): Vec {
    const { a, b } = this;
    const p = this.problem;
    p.drift(t, x, a, p.params);
    p.diffusion(t, x, b, p.params);
    for (let i = 0; i < this.dim; i++) out[i] = x[i] + h * a[i] + b[i] * dW[i];
    return out;
  }

  /** One step drawing `ΔW = √h·ξ`, ξ ~ N(0, I) from `rng`. `out` may alias `x`. */
  step(t: number, x: Vec, h: number, rng: RandomSource, out: Vec = new Float64Array(this.dim)): Vec {
    const dW = this.dW;
    const sqrtH = Math.sqrt(h);
    for (let i = 0; i < this.dim; i++) dW[i] = sqrtH * rng.normal();
    return this.stepWithIncrement(t, x, h, dW, out);
  }
}

/**
 * Options of {@link solveSde}.
 * @example
 * ```ts
 * const path = solveSde(prob, { dt: 1e-3, rng: new Rng(1), saveAt: [0.5, 1] });
 * ```
 */
export interface SdeSolveOptions extends LongRunOptions {
  /** Step size (> 0); steps are shortened to land on `saveAt` times and on t1. */
  dt: number;
  /** The random source (e.g. from `random/`); required, no hidden global generator. */
  rng: RandomSource;
  /** Increasing times in [t0, t1] at which to record; default every step. */
  saveAt?: ArrayLike<number>;
  /** Budget of steps (default 1e7); status `'maxSteps'` when exhausted. */
  maxSteps?: number;
}

/**
 * Result of {@link solveSde}: one sample path.
 * @example
 * ```ts
 * const path: SdeSolution = solveSde(prob, { dt: 1e-3, rng: new Rng(1) });
 * path.x[path.x.length - 1]; // the state at t1 (dimension 1)
 * ```
 */
export interface SdeSolution {
  /** Recorded times. */
  readonly t: Float64Array;
  /** Recorded states, flat row-major (`x[k·dim + i]`). */
  readonly x: Float64Array;
  /** State dimension. */
  readonly dim: number;
  /** `'success'`, `'maxSteps'`, `'aborted'` or `'nonFinite'`. */
  readonly status: SolveStatus;
  /** Steps taken (each evaluates drift and diffusion once). */
  readonly stats: {
    /** Steps taken. */
    nsteps: number;
  };
}

/**
 * Integrate one Euler–Maruyama sample path of `prob` from t0 to t1.
 * Cost: O(dim) plus one drift and diffusion evaluation per step.
 *
 * @example
 * ```ts
 * const path = solveSde(prob, { dt: 1e-3, rng, saveAt: [1, 2, 5] });
 * ```
 */
export function solveSde<P>(prob: SdeProblem<P>, options: SdeSolveOptions): SdeSolution {
  if (prob === null || typeof prob !== 'object' || !(prob.x0 instanceof Float64Array)) {
    throw new InvalidTypeError('prob', 'an SdeProblem created by sdeProblem()', prob);
  }
  if (options === null || typeof options !== 'object') throw new InvalidTypeError('options', 'an object { dt, rng }', options);
  const dt = checkPositive('options.dt', options.dt);
  const rng = options.rng;
  if (rng === null || typeof rng !== 'object' || typeof rng.normal !== 'function') {
    throw new InvalidTypeError('options.rng', 'a RandomSource { uniform(), normal() }', rng);
  }
  const maxSteps = checkInteger('options.maxSteps', options.maxSteps ?? 10_000_000, 1);
  let saveAt: Float64Array | undefined;
  if (options.saveAt !== undefined) {
    saveAt = Float64Array.from(options.saveAt);
    for (let k = 0; k < saveAt.length; k++) {
      const s = saveAt[k];
      if (!(s >= prob.t0 && s <= prob.t1)) throw new InvalidArgumentError(`options.saveAt[${k}]`, `a time in [${prob.t0}, ${prob.t1}]`, s);
      if (k > 0 && !(s > saveAt[k - 1])) throw new InvalidArgumentError(`options.saveAt[${k}]`, 'strictly increasing times', s);
    }
  }
  const em = new EulerMaruyama(prob);
  const dim = prob.dim;
  const x = Float64Array.from(prob.x0);
  const xNew = new Float64Array(dim);
  const record = new TrajectoryRecorder(dim);
  const watch = new RunWatch(options);
  let t = prob.t0;
  let nextSave = 0;
  if (saveAt === undefined) record.push(t, x);
  else while (nextSave < saveAt.length && saveAt[nextSave] === t) record.push(saveAt[nextSave++], x);
  let status: SolveStatus = 'success';
  let nsteps = 0;
  while (t < prob.t1) {
    if (nsteps >= maxSteps) {
      status = 'maxSteps';
      break;
    }
    if (watch.tick(nsteps, (t - prob.t0) / (prob.t1 - prob.t0), t)) {
      status = 'aborted';
      break;
    }
    const target = saveAt !== undefined && nextSave < saveAt.length ? saveAt[nextSave] : prob.t1;
    const lands = dt >= (target - t) * (1 - 1e-8);
    const h = lands ? target - t : dt;
    em.step(t, x, h, rng, xNew);
    nsteps++;
    if (!allFinite(xNew)) {
      status = 'nonFinite';
      break;
    }
    x.set(xNew);
    t = lands ? target : t + h;
    if (saveAt === undefined) record.push(t, x);
    else if (lands && nextSave < saveAt.length && t === saveAt[nextSave]) record.push(saveAt[nextSave++], x);
  }
  const { t: times, y: states } = record.finish();
  return { t: times, x: states, dim, status, stats: { nsteps } };
}
