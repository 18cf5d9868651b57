/**
 * Trapezoid-rule weights on a non-uniform grid.
 *
 * @module
 */
import { checkStrictlyIncreasing, checkVec } from '../core/check';
import { InvalidArgumentError } from '../core/errors';
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
  checkSpanRepresentable('x', x);
  w[0] = halfDifference(x[1], x[0]);
  for (let i = 1; i < n - 1; i++) w[i] = halfDifference(x[i + 1], x[i - 1]);
  w[n - 1] = halfDifference(x[n - 1], x[n - 2]);
  return w;
}

/** (a − b)/2 without overflow when a − b exceeds the double range but its half does not. */
function halfDifference(a: number, b: number): number {
  const d = a - b;
  return d <= Number.MAX_VALUE ? 0.5 * d : 0.5 * a - 0.5 * b;
}

/**
 * Reject nodes whose consecutive spacings are not representable (x_{i+1} − x_i overflows), naming
 * the first such pair. Internal check shared by the weight builders.
 */
export function checkSpanRepresentable(name: string, x: Vec): void {
  for (let i = 0; i + 1 < x.length; i++) {
    if (!(x[i + 1] - x[i] <= Number.MAX_VALUE)) {
      throw new InvalidArgumentError(`${name}[${i + 1}] − ${name}[${i}]`, 'a spacing representable as a finite double (the nodes span more than the double range)', x[i + 1] - x[i]);
    }
  }
}
