/**
 * Banded Cholesky factorization of symmetric positive definite band matrices (LAPACK `pbtrf`).
 *
 * @module
 */
import { checkInteger, checkVec } from '../core/check';
import { InvalidArgumentError, NumericalError } from '../core/errors';
import type { Vec } from '../core/types';
import { BandedMatrix, checkBanded, checkSolveViews } from './banded';

/**
 * Cholesky factorization A = L Lᵀ of a symmetric positive definite banded matrix, as LAPACK
 * `pbtrf`. Only the LOWER band of A is read — entries (i, j) with `i - kl <= j <= i` — so A may be
 * stored symmetrically (kl = ku) or as its lower half only (ku = 0); upper entries are ignored.
 * An upper-only storage (kl = 0 < ku) is rejected, since its lower band is just the diagonal.
 *
 * L is stored row-major with width `kl + 1`: L(i, j) at `l[i*(kl+1) + (j - i + kl)]`.
 * Complexity: n·kl²/2 + O(n·kl) flops to factor (≈ n·b² counting multiply-adds twice), 4·n·kl
 * per solve; solves allocate nothing. Unconditionally backward stable for SPD A.
 *
 * @example
 * ```ts
 * const chol = bandedCholesky(A); // A SPD, e.g. a 5-point Laplacian with kl = ku = nx
 * const x = chol.solve(b);
 * ```
 */
export class BandedCholeskyFactorization {
  /** Order of the matrix. */
  readonly n: number;
  /** Bandwidth (sub-diagonals) of L. */
  readonly kl: number;
  private readonly lower: Float64Array;

  /**
   * Factor A (not modified).
   * @throws NumericalError with reason `'notPositiveDefinite'` when a pivot is <= 0 or not finite
   */
  constructor(A: BandedMatrix) {
    checkBanded('A', A);
    if (A.kl === 0 && A.ku > 0) throw new InvalidArgumentError('A.kl', 'equal to A.ku (the lower band is read; store it)', A.kl);
    this.n = A.n;
    this.kl = A.kl;
    this.lower = new Float64Array(A.n * (A.kl + 1));
    this.factor(A);
  }

  /** Re-factor a matrix with the same n and kl in the existing storage (no allocation). */
  factor(A: BandedMatrix): this {
    checkBanded('A', A);
    if (A.n !== this.n || A.kl !== this.kl) {
      throw new InvalidArgumentError('A', `a BandedMatrix with n=${this.n}, kl=${this.kl}`, `n=${A.n}, kl=${A.kl}`);
    }
    const { n, kl, lower: L } = this;
    const p = kl + 1;
    const aw = A.width;
    const a = A.data;
    for (let i = 0; i < n; i++) {
      const jlo = i - kl > 0 ? i - kl : 0;
      const rowI = i * p - i + kl; // L[rowI + j] = L(i, j)
      for (let j = jlo; j <= i; j++) {
        const rowJ = j * p - j + kl;
        let s = a[i * aw + j - i + kl];
        for (let k = jlo; k < j; k++) s -= L[rowI + k] * L[rowJ + k];
        if (j < i) {
          L[rowI + j] = s / L[rowJ + j];
        } else {
          if (!(s > 0) || !Number.isFinite(s)) {
            throw new NumericalError('notPositiveDefinite', `banded Cholesky: pivot ${i} is ${s}; the matrix is not positive definite`);
          }
          L[rowI + i] = Math.sqrt(s);
        }
      }
      for (let t = 0; t < kl - i; t++) L[i * p + t] = 0; // slots left of column 0
    }
    return this;
  }

  /** Solve A x = b; `out` may alias `b`. */
  solve(b: Vec, out?: Vec): Vec {
    checkVec('b', b, this.n);
    const x = out === undefined ? new Float64Array(this.n) : checkVec('out', out, this.n);
    return this.solveStrided(b, 1, 0, x, 1, 0);
  }

  /** Strided solve; views as in {@link BandedLUFactorization.solveStrided}. */
  solveStrided(b: Vec, strideB: number, offsetB: number, out: Vec, strideOut: number, offsetOut: number): Vec {
    const { n, kl, lower: L } = this;
    checkSolveViews(n, b, offsetB, strideB, out, offsetOut, strideOut);
    const p = kl + 1;
    const so = strideOut;
    // forward: L y = b
    for (let i = 0; i < n; i++) {
      const jlo = i - kl > 0 ? i - kl : 0;
      const row = i * p - i + kl;
      let s = b[offsetB + i * strideB];
      for (let j = jlo; j < i; j++) s -= L[row + j] * out[offsetOut + j * so];
      out[offsetOut + i * so] = s / L[row + i];
    }
    // backward: Lᵀ x = y, column-oriented so that L is read row by row
    for (let i = n - 1; i >= 0; i--) {
      const row = i * p - i + kl;
      const xi = out[offsetOut + i * so] / L[row + i];
      out[offsetOut + i * so] = xi;
      const jlo = i - kl > 0 ? i - kl : 0;
      for (let j = jlo; j < i; j++) out[offsetOut + j * so] -= L[row + j] * xi;
    }
    return out;
  }

  /** log det(A) = 2 Σ log L_ii (Gaussian log-likelihoods). */
  logDeterminant(): number {
    const p = this.kl + 1;
    let s = 0;
    for (let i = 0; i < this.n; i++) s += Math.log(this.lower[i * p + this.kl]);
    return 2 * s;
  }

  /** Entry L(i, j) of the Cholesky factor (zero outside the lower band). */
  factorEntry(i: number, j: number): number {
    checkInteger('i', i, 0, this.n - 1);
    checkInteger('j', j, 0, this.n - 1);
    if (j > i || i - j > this.kl) return 0;
    return this.lower[i * (this.kl + 1) + j - i + this.kl];
  }
}

/**
 * Factor a symmetric positive definite banded matrix, reading its lower band
 * (see {@link BandedCholeskyFactorization}).
 *
 * @throws NumericalError with reason `'notPositiveDefinite'`
 * @example
 * ```ts
 * const x = bandedCholesky(A).solve(b);
 * ```
 */
export function bandedCholesky(A: BandedMatrix): BandedCholeskyFactorization {
  return new BandedCholeskyFactorization(A);
}
