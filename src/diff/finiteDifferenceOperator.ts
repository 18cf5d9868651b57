/**
 * Banded finite-difference differentiation matrices on (non-uniform) 1-D grids, built from
 * Fornberg weights: row i uses `width` consecutive nodes, centered where possible and shifted
 * to one-sided stencils near the boundaries.
 *
 * Band storage (`width × n`, row-major by stencil position): row i of the matrix has the
 * entries `band[k·n + i]` in columns `start[i] + k`, k = 0..width−1.
 *
 * Accuracy: a row with w nodes for derivative m is exact for polynomials of degree ≤ w−1, so its
 * truncation error is O(h^(w−m)) on any grid; centered rows on uniform or smoothly mapped grids
 * gain one order when w−m is odd (symmetric cancellation), e.g. 3-point second derivative O(h²).
 *
 * @module
 */
import { checkInteger, checkVec } from '../core/check';
import type { Vec } from '../core/types';
import { fornbergWeightsKernel } from './fornberg';
import { resolveNodes, type NodesLike } from './nodes';

/**
 * A banded differentiation matrix D ≈ d^m/dx^m on a fixed set of nodes. Apply costs
 * O(n·width) with no allocation.
 *
 * @example
 * ```ts
 * const D1 = finiteDifferenceOperator(grid, 1, 5); // 4th-order first derivative
 * const du = D1.apply(u);
 * ```
 */
export class FiniteDifferenceOperator {
  /** Number of nodes (rows and columns). */
  readonly n: number;
  /** Derivative order m. */
  readonly derivativeOrder: number;
  /** Stencil width (nonzeros per row). */
  readonly width: number;
  /** Band storage, `band[k·n + i]` = entry (i, start[i] + k). */
  readonly band: Vec;
  /** First column of each row's stencil. */
  readonly start: Int32Array;

  /**
   * @param nodes - a grid or strictly increasing nodes (n ≥ width)
   * @param derivativeOrder - m, an integer ≥ 0
   * @param width - stencil width, an integer in [m+1, n]
   */
  constructor(nodes: NodesLike, derivativeOrder: number, width: number) {
    const x = resolveNodes('nodes', nodes, 2);
    const n = x.length;
    const m = checkInteger('derivativeOrder', derivativeOrder, 0);
    checkInteger('width', width, Math.max(1, m + 1), Math.max(n, m + 1));
    checkInteger('nodes.length', n, width);
    this.n = n;
    this.derivativeOrder = m;
    this.width = width;
    this.band = new Float64Array(width * n);
    this.start = new Int32Array(n);
    const table = new Float64Array((m + 1) * width);
    const half = (width - 1) >> 1;
    for (let i = 0; i < n; i++) {
      let s = i - half;
      if (s < 0) s = 0;
      if (s > n - width) s = n - width;
      this.start[i] = s;
      fornbergWeightsKernel(x[i], width, x, 1, s, m, table, 0);
      for (let k = 0; k < width; k++) this.band[k * n + i] = table[m * width + k];
    }
  }

  /**
   * Strided apply: `out[offsetOut + i·strideOut] = Σ_k band[k·n+i]·f[offsetF + (start[i]+k)·strideF]`.
   * O(n·width), no allocation. `out` must not alias `f`.
   */
  applyStrided(f: Vec, strideF: number, offsetF: number, out: Vec, strideOut: number, offsetOut: number): Vec {
    const n = this.n;
    const w = this.width;
    const band = this.band;
    const start = this.start;
    for (let i = 0, io = offsetOut; i < n; i++, io += strideOut) {
      let acc = 0;
      let jf = offsetF + start[i] * strideF;
      for (let k = 0, kb = i; k < w; k++, kb += n, jf += strideF) acc += band[kb] * f[jf];
      out[io] = acc;
    }
    return out;
  }

  /**
   * Apply to nodal values: out = D f. O(n·width). `out` must not alias `f`.
   *
   * @example
   * ```ts
   * const d2u = D2.apply(u, new Float64Array(u.length));
   * ```
   */
  apply(f: Vec, out?: Vec): Vec {
    checkVec('f', f, this.n);
    const result = out === undefined ? new Float64Array(this.n) : checkVec('out', out, this.n);
    return this.applyStrided(f, 1, 0, result, 1, 0);
  }

  /** Matrix entry (i, j) (zero outside the stencil). O(1). */
  entry(i: number, j: number): number {
    const k = j - this.start[i];
    return k >= 0 && k < this.width ? this.band[k * this.n + i] : 0;
  }

  /** The matrix as a dense row-major n×n array (for inspection and small problems). O(n²). */
  toDense(out?: Vec): Vec {
    const n = this.n;
    const result = out === undefined ? new Float64Array(n * n) : checkVec('out', out, n * n);
    result.fill(0);
    for (let i = 0; i < n; i++) for (let k = 0; k < this.width; k++) result[i * n + this.start[i] + k] = this.band[k * n + i];
    return result;
  }
}

/**
 * Build the banded differentiation matrix for derivative order m with the given stencil width
 * on a grid or node array (see {@link FiniteDifferenceOperator}). O(n·width²·m) to build.
 *
 * @example
 * ```ts
 * const D2 = finiteDifferenceOperator(mappedGrid(tanhMap({ length: 1, strength: 2 }), 101), 2, 5);
 * ```
 */
export function finiteDifferenceOperator(nodes: NodesLike, derivativeOrder: number, width: number): FiniteDifferenceOperator {
  return new FiniteDifferenceOperator(nodes, derivativeOrder, width);
}
