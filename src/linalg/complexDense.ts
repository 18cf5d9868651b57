/**
 * Small dense complex matrices, column-major and interleaved — entry (i, j) of an r × c matrix at
 * `data[2(i + j·r)]` (real) and `+1` (imaginary), so each column is a contiguous complex vector —
 * with the products, Hermitian Cholesky and triangular solves that the Gram matrices and local
 * eigenproblems of the multiscale FEM need (thesis §4.3, (4.3.4)). O(n³) kernels, no pivoting in
 * Cholesky (Hermitian positive definite input).
 *
 * @module
 */
import { checkInteger, checkVec } from '../core/check';
import { InvalidArgumentError, NumericalError } from '../core/errors';
import { hermitianEigenDecomposition } from './hermitianEigen';

/**
 * A dense complex matrix, column-major, interleaved: entry (i, j) at `data[2(i + j·rows)]` (+1 im).
 *
 * @example
 * ```ts
 * const A = complexMatrix(3, 2);   // zeros
 * A.data[2 * (1 + 0 * 3)] = 5;     // A(1, 0) = 5
 * ```
 */
export interface ComplexColumnMatrix {
  /** Rows. */
  readonly rows: number;
  /** Columns. */
  readonly cols: number;
  /** Interleaved column-major storage, length 2·rows·cols. */
  readonly data: Float64Array;
}

/**
 * A zero (or wrapped) column-major complex matrix.
 *
 * @example
 * ```ts
 * const I = complexMatrix(2, 2, new Float64Array([1, 0, 0, 0, 0, 0, 1, 0]));
 * ```
 */
export function complexMatrix(rows: number, cols: number, data?: Float64Array): ComplexColumnMatrix {
  checkInteger('rows', rows, 0);
  checkInteger('cols', cols, 0);
  if (data !== undefined) checkVec('data', data, 2 * rows * cols);
  return { rows, cols, data: data ?? new Float64Array(2 * rows * cols) };
}

/**
 * `op(A)·B` with `op(A) = A` or `Aᴴ` (`adjoint`) or `Aᵀ` (`transpose`). O(m·n·k).
 *
 * @example
 * ```ts
 * const G = complexMultiply(V, W, 'adjoint');   // Vᴴ W
 * ```
 */
export function complexMultiply(A: ComplexColumnMatrix, B: ComplexColumnMatrix, op: 'none' | 'adjoint' | 'transpose' = 'none'): ComplexColumnMatrix {
  const a = A.data;
  const b = B.data;
  if (op === 'none') {
    if (A.cols !== B.rows) throw new InvalidArgumentError('B', `${A.cols} rows`, B.rows);
    const m = A.rows;
    const out = complexMatrix(m, B.cols);
    const c = out.data;
    for (let j = 0; j < B.cols; j++) {
      for (let k = 0; k < A.cols; k++) {
        const br = b[2 * (k + j * B.rows)];
        const bi = b[2 * (k + j * B.rows) + 1];
        if (br === 0 && bi === 0) continue;
        const ao = 2 * k * m;
        const co = 2 * j * m;
        for (let i = 0; i < m; i++) {
          const ar = a[ao + 2 * i];
          const ai = a[ao + 2 * i + 1];
          c[co + 2 * i] += ar * br - ai * bi;
          c[co + 2 * i + 1] += ar * bi + ai * br;
        }
      }
    }
    return out;
  }
  if (A.rows !== B.rows) throw new InvalidArgumentError('B', `${A.rows} rows`, B.rows);
  const sign = op === 'adjoint' ? -1 : 1;
  const n = A.rows;
  const out = complexMatrix(A.cols, B.cols);
  const c = out.data;
  for (let j = 0; j < B.cols; j++) {
    const bo = 2 * j * n;
    for (let i = 0; i < A.cols; i++) {
      const ao = 2 * i * n;
      let sr = 0;
      let si = 0;
      for (let k = 0; k < n; k++) {
        const ar = a[ao + 2 * k];
        const ai = sign * a[ao + 2 * k + 1];
        const br = b[bo + 2 * k];
        const bi = b[bo + 2 * k + 1];
        sr += ar * br - ai * bi;
        si += ar * bi + ai * br;
      }
      c[2 * (i + j * A.cols)] = sr;
      c[2 * (i + j * A.cols) + 1] = si;
    }
  }
  return out;
}

/**
 * Cholesky factor L (lower, real positive diagonal) of a Hermitian positive definite matrix,
 * `A = L Lᴴ`; only the lower triangle of A is read. O(n³/3) complex flops.
 *
 * @throws NumericalError `'notPositiveDefinite'` naming the failing column
 * @example
 * ```ts
 * const L = complexCholesky(P);
 * ```
 */
export function complexCholesky(A: ComplexColumnMatrix): ComplexColumnMatrix {
  const n = A.rows;
  if (A.cols !== n) throw new InvalidArgumentError('A', 'a square matrix', `${A.rows}×${A.cols}`);
  const L = complexMatrix(n, n, Float64Array.from(A.data));
  const l = L.data;
  for (let j = 0; j < n; j++) {
    // zero the strict upper part of column j
    for (let i = 0; i < j; i++) {
      l[2 * (i + j * n)] = 0;
      l[2 * (i + j * n) + 1] = 0;
    }
  }
  for (let j = 0; j < n; j++) {
    const jj = 2 * (j + j * n);
    let d = l[jj];
    for (let k = 0; k < j; k++) d -= l[2 * (j + k * n)] ** 2 + l[2 * (j + k * n) + 1] ** 2;
    if (!(d > 0) || !Number.isFinite(d)) throw new NumericalError('notPositiveDefinite', `complex Cholesky: pivot ${j} is ${d} (matrix not Hermitian positive definite)`);
    const s = Math.sqrt(d);
    l[jj] = s;
    l[jj + 1] = 0;
    for (let i = j + 1; i < n; i++) {
      let vr = l[2 * (i + j * n)];
      let vi = l[2 * (i + j * n) + 1];
      for (let k = 0; k < j; k++) {
        // − L(i,k)·conj(L(j,k))
        const ar = l[2 * (i + k * n)];
        const ai = l[2 * (i + k * n) + 1];
        const br = l[2 * (j + k * n)];
        const bi = -l[2 * (j + k * n) + 1];
        vr -= ar * br - ai * bi;
        vi -= ar * bi + ai * br;
      }
      l[2 * (i + j * n)] = vr / s;
      l[2 * (i + j * n) + 1] = vi / s;
    }
  }
  return L;
}

/**
 * Solve `L X = B` (`adjoint` false) or `Lᴴ X = B` (`adjoint` true) for a lower-triangular L,
 * returning a new matrix. O(n²·cols).
 *
 * @example
 * ```ts
 * const Y = complexTriangularSolve(L, B, false);   // L⁻¹ B
 * ```
 */
export function complexTriangularSolve(L: ComplexColumnMatrix, B: ComplexColumnMatrix, adjoint: boolean): ComplexColumnMatrix {
  const n = L.rows;
  if (B.rows !== n) throw new InvalidArgumentError('B', `${n} rows`, B.rows);
  const X = complexMatrix(n, B.cols, Float64Array.from(B.data));
  const l = L.data;
  const x = X.data;
  for (let c = 0; c < B.cols; c++) {
    const o = 2 * c * n;
    if (!adjoint) {
      for (let i = 0; i < n; i++) {
        let vr = x[o + 2 * i];
        let vi = x[o + 2 * i + 1];
        for (let k = 0; k < i; k++) {
          const ar = l[2 * (i + k * n)];
          const ai = l[2 * (i + k * n) + 1];
          vr -= ar * x[o + 2 * k] - ai * x[o + 2 * k + 1];
          vi -= ar * x[o + 2 * k + 1] + ai * x[o + 2 * k];
        }
        const dr = l[2 * (i + i * n)];
        const di = l[2 * (i + i * n) + 1];
        const s = 1 / (dr * dr + di * di);
        x[o + 2 * i] = (vr * dr + vi * di) * s;
        x[o + 2 * i + 1] = (vi * dr - vr * di) * s;
      }
    } else {
      for (let i = n - 1; i >= 0; i--) {
        let vr = x[o + 2 * i];
        let vi = x[o + 2 * i + 1];
        for (let k = i + 1; k < n; k++) {
          // (Lᴴ)(i,k) = conj(L(k,i))
          const ar = l[2 * (k + i * n)];
          const ai = -l[2 * (k + i * n) + 1];
          vr -= ar * x[o + 2 * k] - ai * x[o + 2 * k + 1];
          vi -= ar * x[o + 2 * k + 1] + ai * x[o + 2 * k];
        }
        const dr = l[2 * (i + i * n)];
        const di = -l[2 * (i + i * n) + 1];
        const s = 1 / (dr * dr + di * di);
        x[o + 2 * i] = (vr * dr + vi * di) * s;
        x[o + 2 * i + 1] = (vi * dr - vr * di) * s;
      }
    }
  }
  return X;
}

/**
 * Eigenvalues in **descending** order and orthonormal eigenvectors (columns) of the Hermitian part
 * of a square column-major complex matrix (wraps {@link hermitianEigenDecomposition}). O(n³).
 *
 * @example
 * ```ts
 * const { values, vectors } = complexHermitianEigenDescending(C); // values[0] is the largest
 * ```
 */
export function complexHermitianEigenDescending(A: ComplexColumnMatrix): {
  /** Eigenvalues, descending. */
  values: Float64Array;
  /** Orthonormal eigenvectors (columns), in the order of `values`. */
  vectors: ComplexColumnMatrix;
} {
  const n = A.rows;
  if (A.cols !== n) throw new InvalidArgumentError('A', 'a square matrix', `${A.rows}×${A.cols}`);
  // column-major (i, j) → row-major (i, j): row-major data[2(i·n + j)] = colmajor data[2(i + j·n)]
  const rowMajor = new Float64Array(2 * n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      rowMajor[2 * (i * n + j)] = A.data[2 * (i + j * n)];
      rowMajor[2 * (i * n + j) + 1] = A.data[2 * (i + j * n) + 1];
    }
  }
  const evd = hermitianEigenDecomposition({ n, data: rowMajor });
  const values = new Float64Array(n);
  const vectors = complexMatrix(n, n);
  for (let c = 0; c < n; c++) {
    const src = n - 1 - c;
    values[c] = evd.values[src];
    for (let i = 0; i < n; i++) {
      vectors.data[2 * (i + c * n)] = evd.vectors.data[2 * (i * n + src)];
      vectors.data[2 * (i + c * n) + 1] = evd.vectors.data[2 * (i * n + src) + 1];
    }
  }
  return { values, vectors };
}
