/**
 * Finite-difference weights on arbitrary stencils by Fornberg's recursion.
 *
 * B. Fornberg, "Generation of finite difference formulas on arbitrarily spaced grids",
 * Math. Comp. 51 (1988) 699–706; the in-place variant of B. Fornberg, "Calculation of weights
 * in finite difference formulas", SIAM Rev. 40 (1998) 685–691.
 *
 * Weights layout: for a stencil of n nodes and derivative orders 0..M, the weight of node j
 * for derivative m is `w[m·n + j]`, so that `f^(m)(x0) ≈ Σ_j w[m·n + j]·f(nodes[j])`. The
 * formula is exact for polynomials of degree ≤ n−1.
 *
 * @module
 */
import { pow2Exponent, scaleByPow2 } from '../core/pow2';
import { checkAllFinite, checkFinite, checkInteger, checkVec } from '../core/check';
import { InvalidArgumentError } from '../core/errors';
import type { Vec } from '../core/types';

/**
 * Strided kernel of {@link fornbergWeights}: nodes are `nodes[offsetNodes + j·strideNodes]`,
 * j = 0..n−1 (distinct, any order); weights go to `out[offsetOut + m·n + j]` for m = 0..maxOrder.
 * O(n²·maxOrder) flops, no allocation. Inputs are not validated here.
 *
 * @example
 * ```ts
 * const w = fornbergWeightsKernel(0, 3, new Float64Array([-1, 0, 1]), 1, 0, 2, new Float64Array(9), 0);
 * // second-derivative row w[6..8] = [1, -2, 1]
 * ```
 */
export function fornbergWeightsKernel(
  x0: number, n: number, nodes: ArrayLike<number>, strideNodes: number, offsetNodes: number,
  maxOrder: number, out: Vec, offsetOut: number,
): Vec {
  const size = (maxOrder + 1) * n;
  for (let k = 0; k < size; k++) out[offsetOut + k] = 0;
  out[offsetOut] = 1;
  // Work in units of the stencil radius (an exact power of two): products of up to n − 1 node
  // differences then stay near 1 whatever the spacing; row k is scaled back by 2^(−k·e) at the end.
  let radius = 0;
  for (let j = 0; j < n; j++) radius = Math.max(radius, Math.abs(nodes[offsetNodes + j * strideNodes] - x0));
  const exponent = pow2Exponent(radius);
  const unit = scaleByPow2(1, -exponent);
  let c1 = 1;
  let c4 = (nodes[offsetNodes] - x0) * unit;
  for (let i = 1; i < n; i++) {
    const xi = nodes[offsetNodes + i * strideNodes];
    const mn = i < maxOrder ? i : maxOrder;
    let c2 = 1;
    const c5 = c4;
    c4 = (xi - x0) * unit;
    for (let j = 0; j < i; j++) {
      const c3 = (xi - nodes[offsetNodes + j * strideNodes]) * unit;
      c2 *= c3;
      if (j === i - 1) {
        // new node i from node i−1 (uses the not-yet-updated column i−1)
        for (let k = mn; k >= 1; k--) {
          const row = offsetOut + k * n;
          out[row + i] = (c1 * (k * out[row - n + i - 1] - c5 * out[row + i - 1])) / c2;
        }
        out[offsetOut + i] = (-c1 * c5 * out[offsetOut + i - 1]) / c2;
      }
      for (let k = mn; k >= 1; k--) {
        const row = offsetOut + k * n;
        out[row + j] = (c4 * out[row + j] - k * out[row - n + j]) / c3;
      }
      out[offsetOut + j] = (c4 * out[offsetOut + j]) / c3;
    }
    c1 = c2;
  }
  if (exponent !== 0) {
    for (let k = 1; k <= maxOrder; k++) {
      for (let j = 0, p = offsetOut + k * n; j < n; j++, p++) out[p] = scaleByPow2(out[p], -k * exponent);
    }
  }
  return out;
}

/**
 * Finite-difference weights for derivatives of orders 0..maxOrder at `x0` from values at
 * arbitrary distinct `nodes` (Fornberg 1988). Row m of the result, `w[m·n .. m·n+n)`, holds the
 * weights of the m-th derivative; the formula is exact for polynomials of degree ≤ n−1 and
 * weights of orders ≥ n are zero. O(n²·maxOrder).
 *
 * Conditioning: weights scale like h^−m; for high orders on wide stencils expect the usual
 * cancellation (relative rounding ≈ ε·Σ|w_j f_j| / |f^(m)|).
 *
 * @param x0 - evaluation point (need not be a node)
 * @param nodes - n ≥ 1 distinct finite nodes, any order
 * @param maxOrder - highest derivative order, an integer ≥ 0
 * @param out - optional output of length (maxOrder+1)·n
 * @example
 * ```ts
 * const w = fornbergWeights(0, [-2, -1, 0, 1, 2], 2);
 * // w.subarray(10, 15) = [-1/12, 4/3, -5/2, 4/3, -1/12]
 * ```
 */
export function fornbergWeights(x0: number, nodes: ArrayLike<number>, maxOrder: number, out?: Vec): Vec {
  checkFinite('x0', x0);
  if (nodes === null || typeof nodes !== 'object' || typeof nodes.length !== 'number') {
    throw new InvalidArgumentError('nodes', 'an array of finite numbers', nodes);
  }
  const n = checkInteger('nodes.length', nodes.length, 1);
  checkAllFinite('nodes', nodes);
  checkInteger('maxOrder', maxOrder, 0);
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (nodes[i] === nodes[j]) throw new InvalidArgumentError('nodes', `distinct (nodes[${j}] = nodes[${i}])`, nodes[i]);
    }
  }
  const size = (maxOrder + 1) * n;
  const result = out === undefined ? new Float64Array(size) : checkVec('out', out, size);
  return fornbergWeightsKernel(x0, n, nodes, 1, 0, maxOrder, result, 0);
}
