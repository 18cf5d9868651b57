/**
 * The status vocabulary shared by every long-running routine.
 *
 * Solvers never throw mid-way for numerical trouble; they stop and report one of these.
 *
 * @module
 */

/**
 * Outcome of a long-running computation.
 * - `success` — finished as asked (reached the final time, met the tolerance).
 * - `maxSteps` — stopped at the step/iteration budget before finishing.
 * - `aborted` — the caller's `AbortSignal` fired; the partial result is returned.
 * - `nonFinite` — a NaN or infinity appeared; the last finite state is returned.
 * - `diverged` — the iteration left its region of validity (step size underflow, growth past a bound).
 * @example
 * ```ts
 * const ok = (status: SolveStatus) => status === 'success';
 * ```
 */
export type SolveStatus = 'success' | 'maxSteps' | 'aborted' | 'nonFinite' | 'diverged';

/**
 * Every value of {@link SolveStatus}, for validation and exhaustive tables.
 * @example
 * ```ts
 * SOLVE_STATUSES.includes(result.status); // true for every solver result
 * ```
 */
export const SOLVE_STATUSES: readonly SolveStatus[] = ['success', 'maxSteps', 'aborted', 'nonFinite', 'diverged'];

/**
 * True when every entry of `x[0..n)` is finite. Allocation-free; use it to detect `nonFinite`.
 * @example
 * ```ts
 * if (!allFinite(y)) return { status: 'nonFinite' };
 * ```
 */
export function allFinite(x: ArrayLike<number>, n = x.length): boolean {
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v - v !== 0) return false; // NaN or ±Infinity
  }
  return true;
}
