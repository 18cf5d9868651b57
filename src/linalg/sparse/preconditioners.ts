/**
 * Preconditioners for the Krylov solvers: Jacobi (diagonal scaling, real and complex) and the
 * zero-fill incomplete Cholesky factorization IC(0) for real symmetric positive definite matrices.
 *
 * @module
 */
import { checkNonNegative } from '../../core/check';
import { InvalidArgumentError, NumericalError } from '../../core/errors';
import type { Vec } from '../../core/types';
import { checkCsrMatrix, type ComplexCsrMatrix, type CsrMatrix } from './csr';
import { csrDiagonal } from './csrOps';
import type { Preconditioner } from './krylov';

function reciprocalDiagonal(A: CsrMatrix | ComplexCsrMatrix): Float64Array {
  const d = csrDiagonal(A);
  const width = A.field === 'complex' ? 2 : 1;
  const inv = new Float64Array(d.length);
  for (let i = 0; i < A.rows; i++) {
    if (width === 1) {
      if (d[i] === 0 || !Number.isFinite(d[i])) throw new InvalidArgumentError(`A(${i},${i})`, 'a finite non-zero diagonal entry for Jacobi preconditioning', d[i]);
      inv[i] = 1 / d[i];
    } else {
      const re = d[2 * i];
      const im = d[2 * i + 1];
      const m = re * re + im * im;
      if (m === 0 || !Number.isFinite(m)) throw new InvalidArgumentError(`A(${i},${i})`, 'a finite non-zero diagonal entry for Jacobi preconditioning', m);
      inv[2 * i] = re / m;
      inv[2 * i + 1] = -im / m;
    }
  }
  return inv;
}

/**
 * Jacobi preconditioner M = diag(A) for a real square matrix: `z_i = r_i / a_ii`. O(n) per
 * application, no allocation. Throws InvalidArgumentError for a zero or non-finite diagonal entry.
 *
 * @example
 * ```ts
 * const result = conjugateGradient(K, f, { preconditioner: jacobiPreconditioner(K) });
 * ```
 */
export function jacobiPreconditioner(A: CsrMatrix): Preconditioner {
  checkCsrMatrix('A', A, 'real');
  const inv = reciprocalDiagonal(A);
  return {
    apply(r: Vec, z: Vec): void {
      for (let i = 0; i < inv.length; i++) z[i] = r[i] * inv[i];
    },
  };
}

/**
 * Complex Jacobi preconditioner M = diag(A) (interleaved vectors): `z_i = r_i / a_ii` in complex
 * arithmetic. M is complex symmetric, so it keeps COCG's symmetry. O(n) per application.
 *
 * @example
 * ```ts
 * const result = cocg(H, f, { preconditioner: complexJacobiPreconditioner(H) });
 * ```
 */
export function complexJacobiPreconditioner(A: ComplexCsrMatrix): Preconditioner {
  checkCsrMatrix('A', A, 'complex');
  const inv = reciprocalDiagonal(A);
  return {
    apply(r: Vec, z: Vec): void {
      for (let i = 0; i < inv.length; i += 2) {
        const rr = r[i];
        const ri = r[i + 1];
        z[i] = rr * inv[i] - ri * inv[i + 1];
        z[i + 1] = rr * inv[i + 1] + ri * inv[i];
      }
    },
  };
}

/**
 * Zero-fill incomplete Cholesky IC(0): L lower triangular with the pattern of tril(A) such that
 * (L Lᵀ)_ij = a_ij on that pattern (Meijerink & van der Vorst 1977; Saad 2003, §10.3). Used as
 * M = L Lᵀ in {@link conjugateGradient}. Factorization cost Σ_i Σ_{k ∈ row i} |row k| with a dense
 * position map (O(nnz·row length)); each application is two triangular solves, 4·nnz(tril A)
 * flops, no allocation, and may be done in place.
 *
 * IC(0) exists for M-matrices (e.g. Q1/P1 Laplacians on good meshes); otherwise a pivot may be
 * non-positive, in which case a {@link NumericalError} with reason `'notPositiveDefinite'` is
 * thrown and a diagonal shift (factor A + α·diag(A), Manteuffel 1980) is the usual remedy.
 *
 * @example
 * ```ts
 * const ic = new IncompleteCholesky(K);                  // or { diagonalShift: 1e-3 }
 * const { x, iterations } = conjugateGradient(K, f, { preconditioner: ic });
 * ```
 */
export class IncompleteCholesky implements Preconditioner {
  /** System size. */
  readonly n: number;
  private readonly rowPtr: Int32Array;
  private readonly colIndex: Int32Array;
  /** Values of L by rows; the diagonal entry is the last one of each row. */
  private readonly values: Float64Array;

  /**
   * @param A - real symmetric matrix; only tril(A) is read, and every diagonal entry must be stored
   * @param options.diagonalShift - α ≥ 0: factor A + α·diag(A) (default 0)
   * @throws NumericalError `'notPositiveDefinite'` when a pivot is not positive
   */
  constructor(A: CsrMatrix, options: { diagonalShift?: number } = {}) {
    checkCsrMatrix('A', A, 'real');
    if (A.rows !== A.cols) throw new InvalidArgumentError('A', 'a square matrix', `${A.rows}×${A.cols}`);
    const shift = options.diagonalShift === undefined ? 0 : checkNonNegative('options.diagonalShift', options.diagonalShift);
    const n = A.rows;
    this.n = n;
    const rowPtr = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      let count = 0;
      let hasDiagonal = false;
      for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) {
        if (A.colIndex[p] <= i) count++;
        if (A.colIndex[p] === i) hasDiagonal = true;
      }
      if (!hasDiagonal) throw new InvalidArgumentError(`A(${i},${i})`, 'a stored diagonal entry for IC(0)');
      rowPtr[i + 1] = rowPtr[i] + count;
    }
    const colIndex = new Int32Array(rowPtr[n]);
    const values = new Float64Array(rowPtr[n]);
    for (let i = 0; i < n; i++) {
      let q = rowPtr[i];
      for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) {
        const j = A.colIndex[p];
        if (j > i) break;
        colIndex[q] = j;
        values[q++] = j === i ? A.values[p] * (1 + shift) : A.values[p];
      }
    }
    // row-wise IC(0): l_ik = (a_ik − Σ_{j<k} l_ij l_kj) / l_kk, l_ii = sqrt(a_ii − Σ_{j<i} l_ij²)
    const position = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      const start = rowPtr[i];
      const diag = rowPtr[i + 1] - 1;
      for (let q = start; q <= diag; q++) position[colIndex[q]] = q;
      for (let q = start; q < diag; q++) {
        const k = colIndex[q];
        let sum = values[q];
        const kDiag = rowPtr[k + 1] - 1;
        for (let m = rowPtr[k]; m < kDiag; m++) {
          const at = position[colIndex[m]];
          if (at >= 0 && at < q) sum -= values[at] * values[m];
        }
        values[q] = sum / values[kDiag];
      }
      let pivot = values[diag];
      for (let q = start; q < diag; q++) pivot -= values[q] * values[q];
      if (!(pivot > 0) || !Number.isFinite(pivot)) {
        throw new NumericalError('notPositiveDefinite', `IC(0) pivot ${i} is ${pivot}; the matrix is not positive definite or needs options.diagonalShift > 0`);
      }
      values[diag] = Math.sqrt(pivot);
      for (let q = start; q <= diag; q++) position[colIndex[q]] = -1;
    }
    this.rowPtr = rowPtr;
    this.colIndex = colIndex;
    this.values = values;
  }

  /** z = (L Lᵀ)⁻¹ r by a forward and a backward triangular solve; z may alias r. */
  apply(r: Vec, z: Vec): void {
    const { n, rowPtr, colIndex, values } = this;
    for (let i = 0; i < n; i++) {
      const diag = rowPtr[i + 1] - 1;
      let sum = r[i];
      for (let q = rowPtr[i]; q < diag; q++) sum -= values[q] * z[colIndex[q]];
      z[i] = sum / values[diag];
    }
    for (let i = n - 1; i >= 0; i--) {
      const diag = rowPtr[i + 1] - 1;
      const zi = z[i] / values[diag];
      z[i] = zi;
      for (let q = rowPtr[i]; q < diag; q++) z[colIndex[q]] -= values[q] * zi;
    }
  }
}
