/**
 * Shared vocabulary of the optimizers: objectives, stopping criteria and results.
 *
 * @module
 */
import { checkFunction, checkInteger, checkNonNegative, checkVec } from '../core/check';
import type { LongRunOptions } from '../core/progress';
import type { SolveStatus } from '../core/status';
import type { Vec } from '../core/types';

/**
 * An objective with gradient: writes ∇f(x) into `grad` and returns f(x). Parameters are one flat
 * Float64Array. Returning NaN/±∞ (or writing a non-finite gradient) marks the point as invalid.
 */
export type Objective = (x: Vec, grad: Vec) => number;

/** Stopping criteria shared by every optimizer (all optional). */
export interface StoppingOptions extends LongRunOptions {
  /** Stop with `success` when ‖∇f‖_∞ ≤ gtol (default 1e-8; 0 disables). */
  gtol?: number;
  /** Stop with `success` when |f_k − f_{k+1}| ≤ ftol·max(|f_k|, |f_{k+1}|, 1) (default 0 = off). */
  ftol?: number;
  /** Stop with `success` when the step ‖x_{k+1} − x_k‖_∞ ≤ xtol (default 0 = off). */
  xtol?: number;
  /** Iteration budget; reaching it gives `maxSteps` (default 1000). */
  maxIterations?: number;
  /** Objective-evaluation budget; reaching it gives `maxSteps` (default 20·maxIterations). */
  maxFev?: number;
}

/** Result of a minimization. */
export interface OptimizeResult {
  /** Final iterate (the last finite one when `status` is `nonFinite`). */
  x: Vec;
  /** Objective at `x`. */
  f: number;
  /** ‖∇f(x)‖_∞. */
  gradNorm: number;
  /** Iterations performed. */
  iterations: number;
  /** Objective/gradient evaluations. */
  nfev: number;
  /** Why the run stopped. */
  status: SolveStatus;
  /** Human-readable reason. */
  message: string;
  /** f after each iteration; `history[0]` is f(x0). */
  history: number[];
}

/** What one `step()` of an iterative minimizer reports. */
export interface StepReport {
  /** `undefined` while the iteration may continue; otherwise the terminal status. */
  status?: SolveStatus;
  /** Reason for a terminal status. */
  message?: string;
  /** Objective before the step. */
  previousF: number;
  /** ‖x_{k+1} − x_k‖_∞ of the accepted step (0 if none). */
  stepNorm: number;
}

/** The state every step-by-step minimizer exposes. */
export interface IterativeMinimizer {
  /** Current iterate (always a point where f and ∇f are finite). */
  readonly x: Vec;
  /** Gradient at `x`. */
  readonly g: Vec;
  /** Objective at `x`. */
  readonly f: number;
  /** Iterations done. */
  readonly iterations: number;
  /** Evaluations done. */
  readonly nfev: number;
  /** One iteration. */
  step(): StepReport;
  /** Optional: cap the objective evaluations of the next step (drivers enforce `maxFev` with it). */
  limitEvaluations?(maxEvaluations: number): void;
}

/** Resolved stopping criteria. */
export interface ResolvedStopping {
  /** Gradient-norm tolerance. */
  gtol: number;
  /** Relative function-change tolerance. */
  ftol: number;
  /** Step-size tolerance. */
  xtol: number;
  /** Iteration budget. */
  maxIterations: number;
  /** Function-evaluation budget. */
  maxFev: number;
}

/**
 * Validate and default the stopping options (throws naming the option).
 * @example
 * ```ts
 * const stop = resolveStopping({ gtol: 1e-10 }, { maxIterations: 500 }); // defaults for the other fields
 * ```
 */
export function resolveStopping(options: StoppingOptions, defaults: Partial<ResolvedStopping> = {}): ResolvedStopping {
  const maxIterations = checkInteger('options.maxIterations', options.maxIterations ?? defaults.maxIterations ?? 1000, 0);
  return {
    gtol: checkNonNegative('options.gtol', options.gtol ?? defaults.gtol ?? 1e-8),
    ftol: checkNonNegative('options.ftol', options.ftol ?? defaults.ftol ?? 0),
    xtol: checkNonNegative('options.xtol', options.xtol ?? defaults.xtol ?? 0),
    maxIterations,
    maxFev: checkInteger('options.maxFev', options.maxFev ?? defaults.maxFev ?? Math.max(20 * maxIterations, 1), 1),
  };
}

/** Validate an objective and a starting point. */
export function checkProblem(fg: unknown, x0: unknown): Vec {
  checkFunction('fg', fg);
  const x = checkVec('x0', x0);
  checkInteger('x0.length', x.length, 1);
  return x;
}

/** ‖v‖_∞ over the first n entries (NaN propagates). */
export function maxAbs(v: Vec, n = v.length): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(v[i]);
    if (!(a <= m)) m = a;
  }
  return m;
}

/** Euclidean dot product of the first n entries. */
export function dot(a: Vec, b: Vec, n = a.length): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}
