/**
 * Trapezoid-rule weights on a non-uniform grid.
 *
 * @module
 */
import { checkStrictlyIncreasing, checkVec } from '../core/check';
import type { Vec } from '../core/types';

/**
 * Composite trapezoid weights on strictly increasing nodes x_0 < … < x_{n-1}:
 * w_0 = h_0/2, w_i = (h_{i-1} + h_i)/2, w_{n-1} = h_{n-2}/2 with h_i = x_{i+1} − x_i.
 * Exact for piecewise-linear integrands; error −Σ h_i³ f''(ξ_i)/12 = O(h²) for smooth f on any
 * grid. O(n).
 *
 * @param x - nodes, strictly increasing, length ≥ 2
 * @param out - optional output of length n
 * @returns the weights
 * @example
 * ```ts
 * const x = new Float64Array([0, 0.1, 0.3, 0.6, 1]);
 * const w = trapezoidWeights(x); // sums to 1
 * ```
 */
export function trapezoidWeights(x: Vec, out?: Vec): Vec {
  checkVec('x', x);
  checkStrictlyIncreasing('x', x, 2);
  const n = x.length;
  const w = out === undefined ? new Float64Array(n) : checkVec('out', out, n);
  w[0] = 0.5 * (x[1] - x[0]);
  for (let i = 1; i < n - 1; i++) w[i] = 0.5 * (x[i + 1] - x[i - 1]);
  w[n - 1] = 0.5 * (x[n - 1] - x[n - 2]);
  return w;
}
