/**
 * Composite Simpson weights on a non-uniform grid, with the exact quadratic correction for an odd
 * number of intervals.
 *
 * @module
 */
import { checkStrictlyIncreasing, checkVec } from '../core/check';
import type { Vec } from '../core/types';
import { checkSpanRepresentable } from './trapezoid';

/**
 * Composite Simpson weights on strictly increasing, possibly non-uniform nodes.
 *
 * Each pair of intervals [x_{2k}, x_{2k+2}] with lengths h0, h1 integrates the interpolating
 * quadratic exactly:
 * w_{2k} += (h0+h1)(2 − h1/h0)/6, w_{2k+1} += (h0+h1)³/(6 h0 h1), w_{2k+2} += (h0+h1)(2 − h0/h1)/6.
 * With an odd number of intervals the last interval [x_{n-2}, x_{n-1}] integrates the quadratic
 * through the last three nodes (Cartwright's correction, as in `scipy.integrate.simpson` ≥ 1.11):
 * with a = h_{n-3}, b = h_{n-2}: w_{n-1} += (2b² + 3ab)/(6(a+b)), w_{n-2} += (b² + 3ab)/(6a),
 * w_{n-3} −= b³/(6a(a+b)). Two nodes fall back to the trapezoid rule.
 *
 * Accuracy: exact for quadratics on any grid, for cubics on uniform grids; O(h⁴) for smooth f on
 * smoothly mapped grids x_i = X(i/N) (adjacent spacings differ by O(h²)); only O(h³) on rough grids.
 * Weights can be negative when adjacent spacings differ by more than a factor 2. O(n).
 * The weights are formed from ratios of spacings, so any representable spacing (1e±150 and beyond)
 * gives accurate weights; nodes spanning more than the double range are rejected.
 *
 * @param x - nodes, strictly increasing, length ≥ 2
 * @param out - optional output of length n
 * @returns the weights
 * @example
 * ```ts
 * const x = new Float64Array([0, 0.2, 0.5, 0.9, 1.4, 2]);   // 5 intervals (odd)
 * const w = simpsonWeights(x);
 * // integrate(w, x.map((t) => t * t)) === 8/3 to round-off
 * ```
 */
export function simpsonWeights(x: Vec, out?: Vec): Vec {
  checkVec('x', x);
  checkStrictlyIncreasing('x', x, 2);
  const n = x.length;
  const w = out === undefined ? new Float64Array(n) : checkVec('out', out, n);
  checkSpanRepresentable('x', x);
  w.fill(0);
  if (n === 2) {
    w[0] = w[1] = 0.5 * (x[1] - x[0]);
    return w;
  }
  const intervals = n - 1;
  const pairedEnd = intervals % 2 === 0 ? n - 1 : n - 2; // last node covered by pairs
  for (let i = 0; i < pairedEnd; i += 2) {
    const h0 = x[i + 1] - x[i];
    const h1 = x[i + 2] - x[i + 1];
    const hs = h0 + h1;
    w[i] += (hs * (2 - h1 / h0)) / 6;
    w[i + 1] += (hs * (hs / h0) * (hs / h1)) / 6;
    w[i + 2] += (hs * (2 - h0 / h1)) / 6;
  }
  if (pairedEnd === n - 2) {
    const a = x[n - 2] - x[n - 3];
    const b = x[n - 1] - x[n - 2];
    w[n - 1] += (b * ((2 * b + 3 * a) / (a + b))) / 6;
    w[n - 2] += (b * ((b + 3 * a) / a)) / 6;
    w[n - 3] -= (b * (b / a) * (b / (a + b))) / 6;
  }
  return w;
}
