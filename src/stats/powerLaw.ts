/**
 * Power-law fits: the least-squares slope of log y against log x. This is the observed order of
 * convergence when x is a step size and y an error, and a scaling exponent in general.
 *
 * @module
 */
import { InvalidArgumentError } from '../core/errors';

/**
 * Least-squares slope p of log(y) ≈ p·log(x) + c. All values must be finite and positive.
 * Complexity O(m) for m points; no allocation.
 *
 * @example
 * ```ts
 * logLogSlope([0.1, 0.05, 0.025], [1e-4, 6.25e-6, 3.9e-7]); // ≈ 4 (fourth-order convergence)
 * ```
 */
export function logLogSlope(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const m = x.length;
  if (m < 2 || y.length !== m) throw new InvalidArgumentError('x.length', `equal to y.length (${y.length}) and >= 2`, m);
  let mx = 0;
  let my = 0;
  for (let i = 0; i < m; i++) {
    if (!(x[i] > 0 && y[i] > 0 && Number.isFinite(x[i]) && Number.isFinite(y[i]))) {
      throw new InvalidArgumentError(`(x[${i}], y[${i}])`, 'finite and > 0', `${x[i]}, ${y[i]}`);
    }
    mx += Math.log(x[i]);
    my += Math.log(y[i]);
  }
  mx /= m;
  my /= m;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < m; i++) {
    const dx = Math.log(x[i]) - mx;
    sxy += dx * (Math.log(y[i]) - my);
    sxx += dx * dx;
  }
  if (!(sxx > 0)) throw new InvalidArgumentError('x', 'not all equal', x[0]);
  return sxy / sxx;
}
