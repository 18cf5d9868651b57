/**
 * Tensor-product quadrature weights for row-major 2-D fields.
 *
 * @module
 */
import { checkVec } from '../core/check';
import type { Vec } from '../core/types';

/**
 * Outer-product weights W[i·n1 + j] = w0[i]·w1[j] for a row-major field f[i·n1 + j] sampled at
 * (x0_i, x1_j). Pass the result as `baseWeights` of a {@link WeightedMeasure} (with a weight array
 * holding ρ(x0_i, x1_j) if needed) to get 2-D integrals, inner products and norms. Exact for
 * products of polynomials each integrated exactly by its 1-D rule. O(n0·n1).
 *
 * @param w0 - weights along axis 0 (rows, length n0)
 * @param w1 - weights along axis 1 (columns, length n1)
 * @param out - optional output of length n0·n1
 * @returns the flattened weight matrix
 * @example
 * ```ts
 * const W = tensorProductWeights(simpsonWeights(y), simpsonWeights(x)); // field[iy * nx + ix]
 * integrate(W, field);
 * ```
 */
export function tensorProductWeights(w0: Vec, w1: Vec, out?: Vec): Vec {
  checkVec('w0', w0);
  checkVec('w1', w1);
  const n0 = w0.length;
  const n1 = w1.length;
  const W = out === undefined ? new Float64Array(n0 * n1) : checkVec('out', out, n0 * n1);
  for (let i = 0; i < n0; i++) {
    const a = w0[i];
    const row = i * n1;
    for (let j = 0; j < n1; j++) W[row + j] = a * w1[j];
  }
  return W;
}

/**
 * Tensor-product nodes of a row-major grid: returns the pair of flattened coordinate arrays
 * X0[i·n1 + j] = x0[i], X1[i·n1 + j] = x1[j] (for evaluating a weight function ρ(x0, x1)). O(n0·n1).
 *
 * @example
 * ```ts
 * const [Y, X] = tensorProductNodes(y, x);
 * const rho = X.map((xv, k) => Math.hypot(xv, Y[k]) ** -2);
 * ```
 */
export function tensorProductNodes(x0: Vec, x1: Vec): [Vec, Vec] {
  checkVec('x0', x0);
  checkVec('x1', x1);
  const n0 = x0.length;
  const n1 = x1.length;
  const X0 = new Float64Array(n0 * n1);
  const X1 = new Float64Array(n0 * n1);
  for (let i = 0; i < n0; i++) {
    for (let j = 0; j < n1; j++) {
      X0[i * n1 + j] = x0[i];
      X1[i * n1 + j] = x1[j];
    }
  }
  return [X0, X1];
}
