/**
 * The m-independent part of ExpMsFEM's cellwise Galerkin assembly (thesis (4.3.10)–(4.3.11)): on a
 * coarse cell the multiscale functions are `Φ = W C` with `W = [ψ_T | L_1 | L_2 | …]` (the nodal
 * functions and the edge-extension blocks of the cell's interior sides) and `C` the block-diagonal
 * selection `diag(I, T_1, T_2, …)` of the edge traces for a given m. So `op(Φ) K Φ = op(C) (op(W) K W) C`,
 * and `op(W) K W`, `op(W) F`, `op(W) K u^b` are computed once per run and reused for every m — the
 * per-m cost drops from O(nodes·n_T²) sparse-dense work per cell to O(w²·n_T) with w = 4 + 4(N_f−1).
 *
 * @module
 */
import { complexMatrix, complexMultiply, type ComplexColumnMatrix } from '../../linalg/complexDense';
import { sparseTimesDense } from './localProblem';
import type { CellData } from './offline';

/** The reduced forms of one cell. */
export interface CellReduction {
  /** `op(W) K_op W` (w × w). */
  B: ComplexColumnMatrix;
  /** `op(W) F^T` (w × 1). */
  g: ComplexColumnMatrix;
  /** `op(W) K_op u^b` (w × 1), when the cell has a fixed part u^b. */
  h?: ComplexColumnMatrix;
  /** Column offset in W of each side's block (in `cell.sides` order), after the nodal columns. */
  sideOffset: number[];
  /** w. */
  width: number;
}

/** W = [ψ | L_1 | L_2 | …] of a cell (nodes × w). */
function cellColumns(cell: CellData): { W: ComplexColumnMatrix; sideOffset: number[] } {
  const n = cell.local.nodeCount;
  let w = cell.nodal.length;
  const sideOffset: number[] = [];
  for (const { L } of cell.sides) {
    sideOffset.push(w);
    w += L.cols;
  }
  const W = complexMatrix(n, w);
  cell.nodal.forEach(({ column }, q) => W.data.set(column, 2 * n * q));
  cell.sides.forEach(({ L }, s) => W.data.set(L.data, 2 * n * sideOffset[s]));
  return { W, sideOffset };
}

/**
 * The reduced forms of a cell for `op` = transpose (Petrov) or adjoint (Ritz). O(nnz(K)·w + n·w²).
 * @example
 * ```ts
 * const red = reduceCell(cellData, shift, 'transpose');
 * ```
 */
export function reduceCell(cell: CellData, shift: Float64Array | undefined, op: 'transpose' | 'adjoint'): CellReduction {
  const n = cell.local.nodeCount;
  const { W, sideOffset } = cellColumns(cell);
  const B = complexMultiply(W, sparseTimesDense(cell.local.Kop, W), op);
  const g = complexMultiply(W, complexMatrix(n, 1, Float64Array.from(cell.local.load)), op);
  const h = shift === undefined ? undefined : complexMultiply(W, sparseTimesDense(cell.local.Kop, complexMatrix(n, 1, shift)), op);
  return { B, g, h, sideOffset, width: W.cols };
}

/**
 * The selection C (w × n_T) for the cell's traces: identity on the nodal columns, T_s on side s.
 */
export function selection(cell: CellData, red: CellReduction, traces: readonly ComplexColumnMatrix[]): ComplexColumnMatrix {
  const a = cell.nodal.length;
  const nt = a + traces.reduce((s, T) => s + T.cols, 0);
  const w = red.width;
  const C = complexMatrix(w, nt);
  for (let q = 0; q < a; q++) C.data[2 * (q + w * q)] = 1;
  let col = a;
  traces.forEach((T, s) => {
    const o = red.sideOffset[s];
    for (let q = 0; q < T.cols; q++, col++) {
      for (let i = 0; i < T.rows; i++) {
        C.data[2 * (o + i + w * col)] = T.data[2 * (i + T.rows * q)];
        C.data[2 * (o + i + w * col) + 1] = T.data[2 * (i + T.rows * q) + 1];
      }
    }
  });
  return C;
}

/** `W y` on the cell's nodes (interleaved complex), for the coefficients y = C c. O(n·w). */
export function expandCell(cell: CellData, red: CellReduction, y: Float64Array): Float64Array {
  const n = cell.local.nodeCount;
  const out = new Float64Array(2 * n);
  const axpy = (col: Float64Array, yr: number, yi: number) => {
    if (yr === 0 && yi === 0) return;
    for (let k = 0; k < 2 * n; k += 2) {
      out[k] += col[k] * yr - col[k + 1] * yi;
      out[k + 1] += col[k] * yi + col[k + 1] * yr;
    }
  };
  cell.nodal.forEach(({ column }, q) => axpy(column, y[2 * q], y[2 * q + 1]));
  cell.sides.forEach(({ L }, s) => {
    for (let q = 0; q < L.cols; q++) axpy(L.data.subarray(2 * n * q, 2 * n * (q + 1)), y[2 * (red.sideOffset[s] + q)], y[2 * (red.sideOffset[s] + q) + 1]);
  });
  return out;
}
