/**
 * Sub-blocks of CSR matrices by row and column index lists — the free/prescribed splits of
 * Dirichlet elimination and of the local problems of the multiscale FEM (thesis (4.3.2)).
 *
 * @module
 */
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import { checkCsrMatrix, type AnyCsrMatrix } from '../linalg/sparse/csr';

/**
 * The block `A[rows, cols]` as a CSR matrix of the same field (real or complex), rows and columns
 * renumbered 0.. in the order given. Column lists must not repeat. O(nnz of the selected rows + A.cols).
 *
 * @example
 * ```ts
 * const cls = grid.classifyNodes({ bottom: 'D', right: 'D', top: 'D', left: 'D' });
 * const Aff = csrBlock(K, cls.free, cls.free);   // the Dirichlet-eliminated system
 * ```
 */
export function csrBlock<M extends AnyCsrMatrix>(A: M, rows: Int32Array, cols: Int32Array): M {
  checkCsrMatrix('A', A, 'any');
  if (!(rows instanceof Int32Array)) throw new InvalidTypeError('rows', 'an Int32Array', rows);
  if (!(cols instanceof Int32Array)) throw new InvalidTypeError('cols', 'an Int32Array', cols);
  const width = A.field === 'complex' ? 2 : 1;
  const map = new Int32Array(A.cols).fill(-1);
  for (let k = 0; k < cols.length; k++) {
    const c = cols[k];
    if (!(c >= 0 && c < A.cols) || map[c] !== -1) throw new InvalidArgumentError(`cols[${k}]`, `a distinct index in [0, ${A.cols})`, c);
    map[c] = k;
  }
  const rowPtr = new Int32Array(rows.length + 1);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (!(r >= 0 && r < A.rows)) throw new InvalidArgumentError(`rows[${k}]`, `an index in [0, ${A.rows})`, r);
    let count = 0;
    for (let p = A.rowPtr[r]; p < A.rowPtr[r + 1]; p++) if (map[A.colIndex[p]] >= 0) count++;
    rowPtr[k + 1] = rowPtr[k] + count;
  }
  const nnz = rowPtr[rows.length];
  const colIndex = new Int32Array(nnz);
  const values = new Float64Array(width * nnz);
  const order: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    order.length = 0;
    for (let p = A.rowPtr[r]; p < A.rowPtr[r + 1]; p++) if (map[A.colIndex[p]] >= 0) order.push(p);
    order.sort((a, b) => map[A.colIndex[a]] - map[A.colIndex[b]]);
    let q = rowPtr[k];
    for (const p of order) {
      colIndex[q] = map[A.colIndex[p]];
      values[width * q] = A.values[width * p];
      if (width === 2) values[2 * q + 1] = A.values[2 * p + 1];
      q++;
    }
  }
  return { rows: rows.length, cols: cols.length, rowPtr, colIndex, values, field: A.field } as M;
}
