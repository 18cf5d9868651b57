/**
 * Taylor data at x = 0 of even or odd functions from nodal values on a grid starting at 0.
 *
 * An even f is interpolated as f(x) = p(x²) with p a polynomial of degree K−1 through the first
 * K nodes (x_0 = 0 included); then f^(2j)(0) = (2j)!/j!·p^(j)(0). An odd f is interpolated as
 * f(x) = x·q(x²) through the first K nodes with x > 0; then f^(2j+1)(0) = (2j+1)!/j!·q^(j)(0).
 * The derivatives p^(j)(0), q^(j)(0) come from Fornberg weights in the variable t = x², so no
 * linear system is solved. Equivalent to the symmetric interpolant on the 2K−1 (even) or 2K
 * (odd) reflected nodes, hence the error in f^(2j)(0) is O(h^(2K−2j)) on smooth grids.
 *
 * Conditioning: like any finite difference, the result for derivative order d carries rounding
 * ≈ ε·max|f|/h^d (h the spacing near 0).
 *
 * @module
 */
import { checkInteger, checkOneOf, checkStrictlyIncreasing, checkVec } from '../core/check';
import { pow2Exponent, scaleByPow2 } from '../core/pow2';
import { InvalidArgumentError } from '../core/errors';
import type { Vec } from '../core/types';
import { fornbergWeightsKernel } from './fornberg';

/**
 * Even- or odd-symmetric local interpolation at 0. For `'even'`, `out[j] = f^(2j)(0)`; for
 * `'odd'`, `out[j] = f^(2j+1)(0)`, j = 0..points−1. O(points³), allocates one small table.
 *
 * @param nodes - strictly increasing, nodes[0] ≥ 0 (typically a grid with x_0 = 0)
 * @param values - f at the nodes
 * @param parity - `'even'` or `'odd'`
 * @param points - number of nodes used, K ≥ 1 (even: the K first nodes; odd: the K first
 *   nodes with x > 0)
 * @param out - optional output of length K
 * @example
 * ```ts
 * // û_zzzz(0) of an even profile from the first 4 nodes (error O(h⁴)):
 * const taylor = parityFitDerivativesAtZero(grid.x, u, 'even', 4); // [f(0), f''(0), f''''(0), f^(6)(0)]
 * const u4 = taylor[2];
 * ```
 */
export function parityFitDerivativesAtZero(nodes: Vec, values: Vec, parity: 'even' | 'odd', points: number, out?: Vec): Vec {
  checkVec('nodes', nodes);
  checkVec('values', values, nodes.length);
  checkOneOf('parity', parity, ['even', 'odd'] as const);
  checkStrictlyIncreasing('nodes', nodes, 1);
  if (!(nodes[0] >= 0)) throw new InvalidArgumentError('nodes[0]', 'a finite number >= 0 (symmetry is about x = 0)', nodes[0]);
  const first = parity === 'odd' && nodes[0] === 0 ? 1 : 0;
  checkInteger('points', points, 1, nodes.length - first);
  const result = out === undefined ? new Float64Array(points) : checkVec('out', out, points);
  const t = new Float64Array(points);
  const q = new Float64Array(points);
  // fit in x̂ = x·2^(−e) with the widest node near 1 (exact scaling), so that t = x̂² neither
  // overflows nor underflows; f^(d)(0) = f̂^(d)(0)·2^(−d·e)
  const exponent = pow2Exponent(nodes[first + points - 1]);
  const unit = scaleByPow2(1, -exponent);
  for (let i = 0; i < points; i++) {
    const xi = nodes[first + i] * unit;
    t[i] = xi * xi;
    q[i] = parity === 'even' ? values[first + i] : values[first + i] / xi;
  }
  const weights = fornbergWeightsKernel(0, points, t, 1, 0, points - 1, new Float64Array(points * points), 0);
  let factorial = 1; // (2j)!/j! for even, (2j+1)!/j! for odd
  for (let j = 0; j < points; j++) {
    if (j > 0) factorial *= parity === 'even' ? 2 * (2 * j - 1) : 2 * (2 * j + 1);
    let acc = 0;
    for (let i = 0; i < points; i++) acc += weights[j * points + i] * q[i];
    result[j] = scaleByPow2(factorial * acc, -(parity === 'even' ? 2 * j : 2 * j + 1) * exponent);
  }
  return result;
}
