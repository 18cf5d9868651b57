/**
 * Even/odd reflection about x = 0 for grids that start at 0: ghost nodes at −x_k carry
 * f(−x_k) = ±f(x_k), so centered stencils can be applied at and near the origin.
 *
 * Extended layout (g ghosts): entry `k` of the extended array corresponds to node index
 * `k − g`, i.e. `[f(−x_g), …, f(−x_1), f(x_0), f(x_1), …, f(x_{n−1})]` with length n + g.
 *
 * @module
 */
import { checkInteger, checkOneOf, checkVec } from '../core/check';
import { InvalidArgumentError } from '../core/errors';
import type { Vec } from '../core/types';
import type { Grid1D } from './grid1d';

/**
 * Strided kernel: write the g-ghost symmetric extension of x (n values at
 * `x[offsetX + i·strideX]`) to `out[offsetOut + k·strideOut]`, k = 0..n+g−1, with sign +1 (even)
 * or −1 (odd). O(n + g), no allocation. For odd data the value at 0 is copied, not forced to 0.
 *
 * @example
 * ```ts
 * const ext = fillSymmetricGhostsStrided(3, 2, -1, new Float64Array([0, 1, 2]), 1, 0, new Float64Array(5), 1, 0);
 * // [-2, -1, 0, 1, 2]
 * ```
 */
export function fillSymmetricGhostsStrided(
  n: number, ghosts: number, sign: 1 | -1,
  x: Vec, strideX: number, offsetX: number,
  out: Vec, strideOut: number, offsetOut: number,
): Vec {
  for (let i = n - 1; i >= 0; i--) out[offsetOut + (ghosts + i) * strideOut] = x[offsetX + i * strideX];
  for (let j = 1; j <= ghosts; j++) {
    out[offsetOut + (ghosts - j) * strideOut] = sign * out[offsetOut + (ghosts + j) * strideOut];
  }
  return out;
}

/**
 * Extend nodal values by `ghosts` reflected values: even f(−x_k) = f(x_k), odd f(−x_k) = −f(x_k).
 * Returns an array of length n + ghosts (layout in the module doc). O(n).
 *
 * @param symmetry - `'even'` or `'odd'`
 * @param ghosts - number of ghost values, an integer in [0, n−1]
 * @param values - the n nodal values (n ≥ 2)
 * @param out - optional output of length n + ghosts
 * @example
 * ```ts
 * fillSymmetricGhosts('even', 1, new Float64Array([1, 0.5, 0.2])); // [0.5, 1, 0.5, 0.2]
 * ```
 */
export function fillSymmetricGhosts(symmetry: 'even' | 'odd', ghosts: number, values: Vec, out?: Vec): Vec {
  checkOneOf('symmetry', symmetry, ['even', 'odd'] as const);
  checkVec('values', values);
  const n = values.length;
  checkInteger('ghosts', ghosts, 0, Math.max(0, n - 1));
  const result = out === undefined ? new Float64Array(n + ghosts) : checkVec('out', out, n + ghosts);
  return fillSymmetricGhostsStrided(n, ghosts, symmetry === 'even' ? 1 : -1, values, 1, 0, result, 1, 0);
}

/**
 * The reflected coordinates `[−x_g, …, −x_1, x_0, …, x_{n−1}]` of a grid that starts at 0
 * (any declared symmetry). O(n).
 *
 * @example
 * ```ts
 * extendedCoordinates(uniformGrid(3, { symmetry: 'even' }), 2); // [-1, -0.5, 0, 0.5, 1]
 * ```
 */
export function extendedCoordinates(grid: Grid1D, ghosts: number, out?: Vec): Vec {
  checkInteger('ghosts', ghosts, 0, grid.n - 1);
  if (grid.domain[0] !== 0) throw new InvalidArgumentError('grid.domain[0]', '0 (reflection is about x = 0)', grid.domain[0]);
  const result = out === undefined ? new Float64Array(grid.n + ghosts) : checkVec('out', out, grid.n + ghosts);
  return fillSymmetricGhostsStrided(grid.n, ghosts, -1, grid.x, 1, 0, result, 1, 0);
}

/**
 * Ghost-fill using the grid's declared symmetry (`'even'` or `'odd'`; throws for `'none'`).
 *
 * @example
 * ```ts
 * const g = uniformGrid(5, { symmetry: 'odd' });
 * const ext = fillGridGhosts(g, 2, values); // length 7
 * ```
 */
export function fillGridGhosts(grid: Grid1D, ghosts: number, values: Vec, out?: Vec): Vec {
  const symmetry = checkOneOf('grid.symmetry', grid.symmetry, ['even', 'odd'] as const);
  checkVec('values', values, grid.n);
  return fillSymmetricGhosts(symmetry, ghosts, values, out);
}
