/**
 * Sparse matrix–vector products for CSR matrices, real and complex, contiguous and strided.
 *
 * The contiguous entry points check vector lengths (O(1)); the strided kernels check nothing
 * beyond what the contiguous wrappers pass them and never allocate, so they can sit inside
 * Krylov loops. The matrix itself is not re-validated per product (use {@link checkCsrMatrix}
 * once when the matrix comes from outside).
 *
 * @module
 */
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { ComplexVec, Vec } from '../../core/types';
import type { ComplexCsrMatrix, CsrMatrix } from './csr';

function checkProductVectors(A: { rows: number; cols: number; field: string }, field: 'real' | 'complex', x: unknown, out: unknown, name = 'x'): void {
  if (A.field !== field) throw new InvalidTypeError('A', `a ${field} CSR matrix`, A.field);
  const width = field === 'complex' ? 2 : 1;
  if (!(x instanceof Float64Array) || x.length !== width * A.cols) throw new InvalidTypeError(name, `a Float64Array of length ${width * A.cols}`, x);
  if (!(out instanceof Float64Array) || out.length !== width * A.rows) throw new InvalidTypeError('out', `a Float64Array of length ${width * A.rows}`, out);
  if (out === x) throw new InvalidArgumentError('out', `a different array from ${name} (no in-place product)`);
}

/**
 * Strided real SpMV kernel: `y[offsetY + i·strideY] = Σ_p values[p]·x[offsetX + colIndex[p]·strideX]`
 * for every row i. 2·nnz flops, no allocation. `y` must not overlap `x`.
 *
 * @example
 * ```ts
 * // multiply the second column of a row-major n×2 block
 * csrMatVecStrided(A, X, 2, 1, Y, 2, 1);
 * ```
 */
export function csrMatVecStrided(A: CsrMatrix, x: Vec, strideX: number, offsetX: number, y: Vec, strideY: number, offsetY: number): Vec {
  const rowPtr = A.rowPtr;
  const colIndex = A.colIndex;
  const values = A.values;
  const rows = A.rows;
  let p = rowPtr[0];
  for (let i = 0, iy = offsetY; i < rows; i++, iy += strideY) {
    const end = rowPtr[i + 1];
    let sum = 0;
    for (; p < end; p++) sum += values[p] * x[offsetX + colIndex[p] * strideX];
    y[iy] = sum;
  }
  return y;
}

/**
 * Real sparse matrix–vector product `out = A x`. 2·nnz flops, allocation-free when `out` is given.
 *
 * @example
 * ```ts
 * const y = csrMatVec(A, x);          // new vector
 * csrMatVec(A, x, y);                 // reuse y
 * ```
 */
export function csrMatVec(A: CsrMatrix, x: Vec, out: Vec = new Float64Array(A.rows)): Vec {
  checkProductVectors(A, 'real', x, out);
  return csrMatVecStrided(A, x, 1, 0, out, 1, 0);
}

/**
 * Residual `out = b − A x` (real). 2·nnz + rows flops; `out` may alias `b`.
 *
 * @example
 * ```ts
 * const r = csrResidual(A, x, b);
 * ```
 */
export function csrResidual(A: CsrMatrix, x: Vec, b: Vec, out: Vec = new Float64Array(A.rows)): Vec {
  checkProductVectors(A, 'real', x, out);
  if (!(b instanceof Float64Array) || b.length !== A.rows) throw new InvalidTypeError('b', `a Float64Array of length ${A.rows}`, b);
  const { rowPtr, colIndex, values, rows } = A;
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) sum += values[p] * x[colIndex[p]];
    out[i] = b[i] - sum;
  }
  return out;
}

/**
 * Strided complex SpMV kernel (interleaved values and vectors; strides and offsets count complex
 * entries): `y_i = Σ_p a_p x_{col(p)}`, no conjugation. 8·nnz flops, no allocation.
 *
 * @example
 * ```ts
 * complexCsrMatVecStrided(A, x, 1, 0, y, 1, 0);
 * ```
 */
export function complexCsrMatVecStrided(A: ComplexCsrMatrix, x: ComplexVec, strideX: number, offsetX: number, y: ComplexVec, strideY: number, offsetY: number): ComplexVec {
  const rowPtr = A.rowPtr;
  const colIndex = A.colIndex;
  const values = A.values;
  const rows = A.rows;
  let p = rowPtr[0];
  for (let i = 0, iy = 2 * offsetY; i < rows; i++, iy += 2 * strideY) {
    const end = rowPtr[i + 1];
    let re = 0;
    let im = 0;
    for (; p < end; p++) {
      const ar = values[2 * p];
      const ai = values[2 * p + 1];
      const ix = 2 * (offsetX + colIndex[p] * strideX);
      const xr = x[ix];
      const xi = x[ix + 1];
      re += ar * xr - ai * xi;
      im += ar * xi + ai * xr;
    }
    y[iy] = re;
    y[iy + 1] = im;
  }
  return y;
}

/**
 * Complex sparse matrix–vector product `out = A x` (interleaved vectors of length 2·cols and
 * 2·rows). 8·nnz flops, allocation-free when `out` is given.
 *
 * @example
 * ```ts
 * const y = complexCsrMatVec(A, x);
 * ```
 */
export function complexCsrMatVec(A: ComplexCsrMatrix, x: ComplexVec, out: ComplexVec = new Float64Array(2 * A.rows)): ComplexVec {
  checkProductVectors(A, 'complex', x, out);
  return complexCsrMatVecStrided(A, x, 1, 0, out, 1, 0);
}

/**
 * Complex residual `out = b − A x` (interleaved). `out` may alias `b`.
 *
 * @example
 * ```ts
 * const r = complexCsrResidual(A, x, b);
 * ```
 */
export function complexCsrResidual(A: ComplexCsrMatrix, x: ComplexVec, b: ComplexVec, out: ComplexVec = new Float64Array(2 * A.rows)): ComplexVec {
  checkProductVectors(A, 'complex', x, out);
  if (!(b instanceof Float64Array) || b.length !== 2 * A.rows) throw new InvalidTypeError('b', `a Float64Array of length ${2 * A.rows}`, b);
  const { rowPtr, colIndex, values, rows } = A;
  for (let i = 0; i < rows; i++) {
    let re = 0;
    let im = 0;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const ar = values[2 * p];
      const ai = values[2 * p + 1];
      const xr = x[2 * colIndex[p]];
      const xi = x[2 * colIndex[p] + 1];
      re += ar * xr - ai * xi;
      im += ar * xi + ai * xr;
    }
    out[2 * i] = b[2 * i] - re;
    out[2 * i + 1] = b[2 * i + 1] - im;
  }
  return out;
}
