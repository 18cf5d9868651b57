/**
 * Structural operations on CSR matrices that work for real and complex values alike: transpose,
 * diagonal extraction, row scaling, and Dirichlet row/column elimination for finite elements.
 *
 * Every routine handles both fields through the value width (1 double per real entry, 2 per
 * complex entry), so there is one implementation per operation.
 *
 * @module
 */
import { checkAllFinite, checkVec } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { Vec } from '../../core/types';
import { type AnyCsrMatrix, checkCsrMatrix, csrNnz, csrValueWidth } from './csr';

/**
 * Transpose `Aᵀ` (no conjugation for complex values; pass `conjugate: true` for `Aᴴ`). Counting
 * sort by column, so the result has sorted column indices. O(nnz + rows + cols).
 *
 * @example
 * ```ts
 * const At = csrTranspose(A);
 * const Ah = csrTranspose(Az, { conjugate: true });
 * ```
 */
export function csrTranspose<M extends AnyCsrMatrix>(A: M, options: { conjugate?: boolean } = {}): M {
  checkCsrMatrix('A', A, 'any');
  const width = csrValueWidth(A);
  const { rows, cols, rowPtr, colIndex, values } = A;
  const nnz = csrNnz(A);
  const tPtr = new Int32Array(cols + 1);
  for (let p = 0; p < nnz; p++) tPtr[colIndex[p] + 1]++;
  for (let j = 0; j < cols; j++) tPtr[j + 1] += tPtr[j];
  const next = tPtr.slice(0, cols);
  const tCol = new Int32Array(nnz);
  const tVal = new Float64Array(width * nnz);
  const imagSign = options.conjugate === true ? -1 : 1;
  for (let i = 0; i < rows; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const q = next[colIndex[p]]++;
      tCol[q] = i;
      if (width === 1) {
        tVal[q] = values[p];
      } else {
        tVal[2 * q] = values[2 * p];
        tVal[2 * q + 1] = imagSign * values[2 * p + 1];
      }
    }
  }
  return { field: A.field, rows: cols, cols: rows, rowPtr: tPtr, colIndex: tCol, values: tVal } as M;
}

/**
 * Main diagonal `d_i = A_ii`, i < min(rows, cols), zero where no entry is stored (interleaved for
 * complex). Binary search per row: O(rows·log(nnz/rows)).
 *
 * @example
 * ```ts
 * const d = csrDiagonal(A);            // Float64Array(n)
 * const dz = csrDiagonal(Az);          // Float64Array(2n), interleaved
 * ```
 */
export function csrDiagonal(A: AnyCsrMatrix, out?: Vec): Vec {
  const width = csrValueWidth(A);
  const m = Math.min(A.rows, A.cols);
  const result = out === undefined ? new Float64Array(width * m) : checkVec('out', out, width * m);
  for (let i = 0; i < m; i++) {
    const p = csrFindEntry(A, i, i);
    if (width === 1) {
      result[i] = p < 0 ? 0 : A.values[p];
    } else {
      result[2 * i] = p < 0 ? 0 : A.values[2 * p];
      result[2 * i + 1] = p < 0 ? 0 : A.values[2 * p + 1];
    }
  }
  return result;
}

/**
 * Index p of the stored entry (i, j), or −1 when it is not stored. Binary search in row i:
 * O(log(row length)).
 *
 * @example
 * ```ts
 * const p = csrFindEntry(A, 3, 4);
 * if (p >= 0) A.values[p] += 1;
 * ```
 */
export function csrFindEntry(A: AnyCsrMatrix, i: number, j: number): number {
  let lo = A.rowPtr[i];
  let hi = A.rowPtr[i + 1] - 1;
  const cols = A.colIndex;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = cols[mid];
    if (c === j) return mid;
    if (c < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Row scaling `diag(s)·A` with real factors s (length rows). Returns a matrix that shares A's
 * pattern; pass `out = A` to scale in place. O(nnz).
 *
 * @example
 * ```ts
 * const d = csrDiagonal(A);
 * const B = csrScaleRows(A, d.map((v) => 1 / v)); // unit diagonal
 * ```
 */
export function csrScaleRows<M extends AnyCsrMatrix>(A: M, scale: Vec, out?: M): M {
  checkVec('scale', scale, A.rows);
  const width = csrValueWidth(A);
  const nnz = csrNnz(A);
  if (out !== undefined && (out.field !== A.field || out.values.length !== width * nnz)) {
    throw new InvalidTypeError('out', `a ${A.field} CSR matrix with the pattern of A`, out);
  }
  const result = out ?? ({ ...A, values: new Float64Array(width * nnz) } as M);
  const src = A.values;
  const dst = result.values;
  for (let i = 0; i < A.rows; i++) {
    const s = scale[i];
    for (let q = width * A.rowPtr[i]; q < width * A.rowPtr[i + 1]; q++) dst[q] = s * src[q];
  }
  return result;
}

/**
 * Impose Dirichlet values `x_d = g_d` on a square system `A x = b` by symmetric row/column
 * elimination, in place and without changing the pattern (so symbolic factorizations stay valid):
 * for every constrained index d, `b_i −= A_id·g_d` for the free rows i, then row d and column d
 * are zeroed except the diagonal, which keeps its value `A_dd` (or 1 if it is zero), and
 * `b_d = A_dd·g_d`. Symmetric (or complex-symmetric) A stays so. The solution of the modified
 * system equals g on the constrained set and solves the free block `A_FF x_F = b_F − A_FD g`.
 * O(nnz + rows). For complex matrices `b` and `values` are interleaved (length 2·rows and
 * 2·count); the diagonal entry must be stored.
 *
 * @param A - square matrix, modified in place
 * @param b - right-hand side, modified in place
 * @param indices - constrained unknowns (distinct integers in [0, rows))
 * @param values - prescribed values g (real: same length as indices; complex: twice); default 0
 * @returns the same `b`
 *
 * @example
 * ```ts
 * csrApplyDirichlet(K, f, boundaryNodes);              // homogeneous
 * csrApplyDirichlet(K, f, boundaryNodes, gValues);     // x = g on the boundary
 * ```
 */
export function csrApplyDirichlet(A: AnyCsrMatrix, b: Vec, indices: ArrayLike<number>, values?: Vec): Vec {
  const n = A.rows;
  if (A.cols !== n) throw new InvalidArgumentError('A', 'a square matrix', `${A.rows}×${A.cols}`);
  const width = csrValueWidth(A);
  checkVec('b', b, width * n);
  const count = indices.length;
  if (values !== undefined) {
    checkVec('values', values, width * count);
    checkAllFinite('values', values);
  }
  const constrained = new Int32Array(n).fill(-1);
  for (let k = 0; k < count; k++) {
    const d = indices[k];
    if (!(Number.isInteger(d) && d >= 0 && d < n)) throw new InvalidArgumentError(`indices[${k}]`, `an integer in [0, ${n - 1}]`, d);
    if (constrained[d] >= 0) throw new InvalidArgumentError(`indices[${k}]`, 'distinct from the other indices', d);
    if (csrFindEntry(A, d, d) < 0) throw new InvalidArgumentError(`indices[${k}]`, 'an index whose diagonal entry is stored in A', d);
    constrained[d] = k;
  }
  const { rowPtr, colIndex } = A;
  const a = A.values;
  for (let i = 0; i < n; i++) {
    const rowConstraint = constrained[i];
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const j = colIndex[p];
      const colConstraint = constrained[j];
      if (rowConstraint < 0 && colConstraint < 0) continue;
      if (rowConstraint < 0 && values !== undefined) {
        // free row i, constrained column j: move A_ij g_j to the right-hand side
        if (width === 1) {
          b[i] -= a[p] * values[colConstraint];
        } else {
          const gr = values[2 * colConstraint];
          const gi = values[2 * colConstraint + 1];
          b[2 * i] -= a[2 * p] * gr - a[2 * p + 1] * gi;
          b[2 * i + 1] -= a[2 * p] * gi + a[2 * p + 1] * gr;
        }
      }
      if (i === j) {
        // constrained diagonal: keep A_dd (1 if zero), b_d = A_dd g_d
        if (width === 1) {
          if (a[p] === 0) a[p] = 1;
          b[i] = values === undefined ? 0 : a[p] * values[rowConstraint];
        } else {
          if (a[2 * p] === 0 && a[2 * p + 1] === 0) a[2 * p] = 1;
          const gr = values === undefined ? 0 : values[2 * rowConstraint];
          const gi = values === undefined ? 0 : values[2 * rowConstraint + 1];
          b[2 * i] = a[2 * p] * gr - a[2 * p + 1] * gi;
          b[2 * i + 1] = a[2 * p] * gi + a[2 * p + 1] * gr;
        }
      } else {
        for (let c = 0; c < width; c++) a[width * p + c] = 0;
      }
    }
  }
  return b;
}
