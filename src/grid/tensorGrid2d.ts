/**
 * Two-dimensional tensor-product grids: the product of two 1-D grids.
 *
 * Layout (row-major, C order): a field on the grid is a Float64Array of length n0·n1 where the
 * value at node (i, j) — coordinates `(axes[0].x[i], axes[1].x[j])` — is `data[i·n1 + j]`.
 * Axis 0 is the slow (row) index, axis 1 the fast (column) index. A line along axis 0 at column j
 * has offset j and stride n1; a line along axis 1 at row i has offset i·n1 and stride 1.
 *
 * @module
 */
import { checkFunction, checkInteger, checkVec } from '../core/check';
import { InvalidTypeError } from '../core/errors';
import type { Vec } from '../core/types';
import { Grid1D } from './grid1d';

/**
 * A tensor-product grid of two {@link Grid1D}s with row-major field layout (module doc).
 *
 * @example
 * ```ts
 * const g = new TensorGrid2D(mappedGrid(sinhMap({ length: 4000 }), 200, { symmetry: 'even' }),
 *                            mappedGrid(sinhMap({ length: 4000 }), 200, { symmetry: 'even' }));
 * const u = g.fill((x, y) => 1 / (1 + (x * x + y * y) / 8));
 * u[g.index(3, 5)]; // value at (x_3, y_5)
 * ```
 */
export class TensorGrid2D {
  /** The 1-D grids along axis 0 (rows) and axis 1 (columns). */
  readonly axes: readonly [Grid1D, Grid1D];
  /** `[n0, n1]`. */
  readonly shape: readonly [number, number];
  /** Row-major strides `[n1, 1]`. */
  readonly strides: readonly [number, number];
  /** Number of nodes n0·n1. */
  readonly size: number;

  /**
   * @param axis0 - grid along axis 0 (slow index)
   * @param axis1 - grid along axis 1 (fast index)
   */
  constructor(axis0: Grid1D, axis1: Grid1D) {
    if (!(axis0 instanceof Grid1D)) throw new InvalidTypeError('axis0', 'a Grid1D', axis0);
    if (!(axis1 instanceof Grid1D)) throw new InvalidTypeError('axis1', 'a Grid1D', axis1);
    this.axes = [axis0, axis1];
    this.shape = [axis0.n, axis1.n];
    this.strides = [axis1.n, 1];
    this.size = axis0.n * axis1.n;
  }

  /** Flat index of node (i, j): `i·n1 + j`. */
  index(i: number, j: number): number {
    return i * this.shape[1] + j;
  }

  /**
   * Offset and stride of line `k` along `axis`: the line along axis 0 at column k, or along
   * axis 1 at row k. Use with strided kernels (`solveStrided`, spline `derivativesStrided`).
   */
  line(axis: 0 | 1, k: number): {
    /** Index of the line's first element in the row-major array. */
    offset: number;
    /** Step between consecutive elements of the line. */
    stride: number;
  } {
    checkInteger('axis', axis, 0, 1);
    checkInteger('k', k, 0, this.shape[1 - axis] - 1);
    return axis === 0 ? { offset: k, stride: this.shape[1] } : { offset: k * this.shape[1], stride: 1 };
  }

  /**
   * Sample `f(x, y)` at every node into a new (or the given) row-major array. O(n0·n1) calls.
   *
   * @example
   * ```ts
   * const u = grid.fill((x, y) => Math.exp(-x * x - y * y));
   * ```
   */
  fill(f: (x: number, y: number) => number, out?: Vec): Vec {
    checkFunction('f', f);
    const [n0, n1] = this.shape;
    const result = out === undefined ? new Float64Array(this.size) : checkVec('out', out, this.size);
    const x0 = this.axes[0].x;
    const x1 = this.axes[1].x;
    for (let i = 0, k = 0; i < n0; i++) {
      const xi = x0[i];
      for (let j = 0; j < n1; j++, k++) result[k] = f(xi, x1[j]);
    }
    return result;
  }
}

/**
 * Build the tensor product of two 1-D grids (see {@link TensorGrid2D} for the layout).
 *
 * @example
 * ```ts
 * const g = tensorGrid2D(uniformGrid(65), uniformGrid(33)); // shape [65, 33]
 * ```
 */
export function tensorGrid2D(axis0: Grid1D, axis1: Grid1D): TensorGrid2D {
  return new TensorGrid2D(axis0, axis1);
}
