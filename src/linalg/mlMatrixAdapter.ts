/**
 * A thin adapter over `ml-matrix` (the only module of singularis that imports it) for small dense
 * factorizations: SVD, symmetric eigendecomposition, Cholesky, LU, QR, the pseudo-inverse and the
 * symmetric matrix (inverse) square root. Inputs and outputs are singularis types
 * ({@link DenseMatrix}, Float64Array); no `ml-matrix` class appears in the API.
 *
 * The decompositions are the JAMA algorithms in pure JavaScript (Golub–Kahan SVD, tred2/tql2,
 * Householder QR, Doolittle LU with partial pivoting): O(n³), meant for small matrices
 * (ensemble-space and reduced problems, n up to a few hundred).
 *
 * @module
 */
import {
  CholeskyDecomposition,
  EigenvalueDecomposition,
  LuDecomposition,
  Matrix,
  QrDecomposition,
  SingularValueDecomposition,
  WrapperMatrix1D,
} from 'ml-matrix';
import { checkAllFinite, checkInRange, checkVec } from '../core/check';
import { InvalidArgumentError, NumericalError } from '../core/errors';
import type { DenseMatrix, Vec } from '../core/types';
import { checkDenseMatrix, createMatrix, symmetrize } from './dense';

const EPS = 2.220446049250313e-16;

function checkInput(name: string, A: DenseMatrix, square: boolean): void {
  checkDenseMatrix(name, A);
  if (square && A.rows !== A.cols) throw new InvalidArgumentError(name, 'a square matrix', `${A.rows}×${A.cols}`);
  checkAllFinite(`${name}.data`, A.data);
}

/** Zero-copy ml-matrix view of a row-major matrix (the decompositions copy it internally). */
function view(A: DenseMatrix): WrapperMatrix1D {
  return new WrapperMatrix1D(A.data, { rows: A.rows });
}

/** Copy the leading rows×cols block of an ml-matrix into a DenseMatrix. */
function fromMl(M: Matrix, rows = M.rows, cols = M.columns): DenseMatrix {
  const out = createMatrix(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out.data[i * cols + j] = M.get(i, j);
  return out;
}

function columnVector(b: Vec): Matrix {
  return Matrix.columnVector(Array.from(b));
}

function intoVec(M: Matrix, out: Vec): Vec {
  for (let i = 0; i < out.length; i++) out[i] = M.get(i, 0);
  return out;
}

/** Thin singular value decomposition A = U·diag(s)·Vᵀ. */
export interface SvdResult {
  /** rows×k, orthonormal columns (k = min(rows, cols)). */
  U: DenseMatrix;
  /** The k singular values, descending. */
  singularValues: Vec;
  /** cols×k, orthonormal columns. */
  V: DenseMatrix;
  /** Number of singular values > max(rows, cols)·ε·s₀. */
  rank: number;
}

/**
 * Thin SVD of any rows×cols matrix (Golub–Kahan–Reinsch, via ml-matrix; wide matrices are
 * transposed internally). O(m·n·min(m, n)).
 * @example
 * ```ts
 * const { singularValues } = svdDecomposition(createMatrix(2, 2, new Float64Array([3, 0, 0, -2]))); // [3, 2]
 * ```
 */
export function svdDecomposition(A: DenseMatrix): SvdResult {
  checkInput('A', A, false);
  const svd = new SingularValueDecomposition(view(A), { autoTranspose: true });
  const k = Math.min(A.rows, A.cols);
  const s = Float64Array.from(svd.diagonal.slice(0, k));
  const tol = Math.max(A.rows, A.cols) * EPS * (s[0] ?? 0);
  let rank = 0;
  for (let i = 0; i < k; i++) if (s[i] > tol) rank++;
  return { U: fromMl(svd.leftSingularVectors, A.rows, k), singularValues: s, V: fromMl(svd.rightSingularVectors, A.cols, k), rank };
}

/**
 * Moore–Penrose pseudo-inverse A⁺ = V·diag(1/s)·Uᵀ (cols×rows), singular values
 * s ≤ rcond·s₀ treated as zero (default rcond = max(rows, cols)·ε, as numpy `pinv`). O(m·n·min(m, n)).
 * @example
 * ```ts
 * const Aplus = pseudoInverse(A); // x = A⁺ b is the minimum-norm least-squares solution
 * ```
 */
export function pseudoInverse(A: DenseMatrix, rcond?: number): DenseMatrix {
  checkInput('A', A, false);
  const tolRel = rcond === undefined ? Math.max(A.rows, A.cols) * EPS : checkInRange('rcond', rcond, 0, 1);
  const { U, singularValues: s, V } = svdDecomposition(A);
  const m = A.rows;
  const n = A.cols;
  const k = s.length;
  const out = createMatrix(n, m);
  const cut = tolRel * s[0];
  for (let t = 0; t < k; t++) {
    if (!(s[t] > cut)) continue;
    const inv = 1 / s[t];
    for (let i = 0; i < n; i++) {
      const vi = V.data[i * k + t] * inv;
      for (let j = 0; j < m; j++) out.data[i * m + j] += vi * U.data[j * k + t];
    }
  }
  return out;
}

/** Symmetric eigendecomposition A = V·diag(λ)·Vᵀ. */
export interface SymmetricEigenResult {
  /** Eigenvalues in ascending order. */
  values: Vec;
  /** n×n matrix whose column j is the unit eigenvector of values[j] (orthonormal columns). */
  vectors: DenseMatrix;
}

/**
 * Eigenvalues (ascending) and orthonormal eigenvectors of the symmetric part (A + Aᵀ)/2 of a
 * square matrix (Householder tridiagonalization + implicit QL, tred2/tql2, via ml-matrix).
 * Eigenvalues are accurate to ≈ n·ε·‖A‖₂ absolutely. O(n³).
 * @example
 * ```ts
 * const { values, vectors } = symmetricEigenDecomposition(createMatrix(2, 2, new Float64Array([2, 1, 1, 2]))); // [1, 3]
 * ```
 */
export function symmetricEigenDecomposition(A: DenseMatrix): SymmetricEigenResult {
  checkInput('A', A, true);
  const n = A.rows;
  const evd = new EigenvalueDecomposition(view(symmetrize(A)), { assumeSymmetric: true });
  const lambda = evd.realEigenvalues;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => lambda[a] - lambda[b]);
  const V = evd.eigenvectorMatrix;
  const values = new Float64Array(n);
  const vectors = createMatrix(n, n);
  for (let j = 0; j < n; j++) {
    values[j] = lambda[order[j]];
    for (let i = 0; i < n; i++) vectors.data[i * n + j] = V.get(i, order[j]);
  }
  return { values, vectors };
}

/** Options of {@link symmetricSqrt} and {@link symmetricInverseSqrt}. */
export interface SymmetricSqrtOptions {
  /**
   * Relative eigenvalue tolerance τ (default n·ε): eigenvalues λ with |λ| ≤ τ·max|λ| are treated
   * as round-off. In the square root, λ ∈ [−τ·max|λ|, 0) are clipped to 0; a more negative λ
   * throws. In the inverse square root any λ ≤ τ·max|λ| throws.
   */
  tolerance?: number;
  /** Output n×n matrix. */
  out?: DenseMatrix;
}

function spectralFunction(A: DenseMatrix, inverse: boolean, options: SymmetricSqrtOptions): DenseMatrix {
  checkInput('A', A, true);
  const n = A.rows;
  const tau = options.tolerance === undefined ? n * EPS : checkInRange('options.tolerance', options.tolerance, 0, 1);
  const out = options.out === undefined ? createMatrix(n, n) : checkDenseMatrix('options.out', options.out, n, n);
  const { values, vectors } = symmetricEigenDecomposition(A);
  const scale = Math.max(Math.abs(values[0]), Math.abs(values[n - 1]));
  const cut = tau * scale;
  const f = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const lambda = values[j];
    if (inverse) {
      if (!(lambda > cut)) throw new NumericalError('notPositiveDefinite', `symmetricInverseSqrt: eigenvalue ${lambda} <= ${cut}; the matrix is not numerically positive definite`);
      f[j] = 1 / Math.sqrt(lambda);
    } else {
      if (lambda < -cut) throw new NumericalError('notPositiveSemidefinite', `symmetricSqrt: eigenvalue ${lambda} < -${cut}; the matrix is not positive semidefinite`);
      f[j] = lambda > 0 ? Math.sqrt(lambda) : 0;
    }
  }
  const v = vectors.data;
  const o = out.data;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += v[i * n + k] * f[k] * v[j * n + k];
      o[i * n + j] = s;
      o[j * n + i] = s;
    }
  }
  return out;
}

/**
 * The symmetric positive semidefinite square root S = A^{1/2} = V·diag(√λ)·Vᵀ of a symmetric
 * positive semidefinite A (its symmetric part is used), so that S·S = A and Sᵀ = S (the
 * output is bitwise symmetric). Tiny negative eigenvalues from round-off are clipped to 0
 * (see {@link SymmetricSqrtOptions}). Accuracy ‖S² − A‖ ≈ n·ε·‖A‖. O(n³).
 *
 * @throws NumericalError with reason `'notPositiveSemidefinite'` for a clearly negative eigenvalue
 * @example
 * ```ts
 * const S = symmetricSqrt(createMatrix(2, 2, new Float64Array([5, 4, 4, 5]))); // [[2, 1], [1, 2]]
 * ```
 */
export function symmetricSqrt(A: DenseMatrix, options: SymmetricSqrtOptions = {}): DenseMatrix {
  return spectralFunction(A, false, options);
}

/**
 * The inverse square root A^{-1/2} = V·diag(1/√λ)·Vᵀ of a symmetric positive definite A
 * (bitwise symmetric output; whitening transforms). O(n³).
 *
 * @throws NumericalError with reason `'notPositiveDefinite'` when an eigenvalue is ≤ τ·max|λ|
 * @example
 * ```ts
 * const W = symmetricInverseSqrt(createMatrix(2, 2, new Float64Array([5, 4, 4, 5]))); // W·A·W = I
 * ```
 */
export function symmetricInverseSqrt(A: DenseMatrix, options: SymmetricSqrtOptions = {}): DenseMatrix {
  return spectralFunction(A, true, options);
}

/** A dense factorization that can solve A x = b. */
export interface DenseSolver {
  /** Solve A x = b (least squares for QR); returns x in `out` when given. */
  solve(b: Vec, out?: Vec): Vec;
}

/** Cholesky factorization A = L Lᵀ. */
export interface DenseCholeskyResult extends DenseSolver {
  /** Lower-triangular factor. */
  L: DenseMatrix;
}

/**
 * Cholesky factorization via ml-matrix, applied to the symmetric part (A + Aᵀ)/2 — ml-matrix
 * rejects any bitwise asymmetry, which products such as A·S·Aᵀ always have. O(n³/3).
 * For an allocation-free factorization with a status and jitter use {@link choleskyFactor}.
 *
 * @throws NumericalError with reason `'notPositiveDefinite'`
 * @example
 * ```ts
 * const { L, solve } = choleskyDecomposition(A);
 * const x = solve(b);
 * ```
 */
export function choleskyDecomposition(A: DenseMatrix): DenseCholeskyResult {
  checkInput('A', A, true);
  const n = A.rows;
  const chol = new CholeskyDecomposition(view(symmetrize(A)));
  if (!chol.isPositiveDefinite()) throw new NumericalError('notPositiveDefinite', 'choleskyDecomposition: the matrix is not positive definite');
  return {
    L: fromMl(chol.lowerTriangularMatrix),
    solve(b: Vec, out?: Vec): Vec {
      checkVec('b', b, n);
      return intoVec(chol.solve(columnVector(b)), out === undefined ? new Float64Array(n) : checkVec('out', out, n));
    },
  };
}

/** LU factorization with partial pivoting P A = L U. */
export interface DenseLuResult extends DenseSolver {
  /** Unit lower-triangular factor. */
  L: DenseMatrix;
  /** Upper-triangular factor. */
  U: DenseMatrix;
  /** Row i of P·A is row `pivots[i]` of A. */
  pivots: Int32Array;
  /** det(A). */
  determinant: number;
  /** True when a pivot is exactly zero (then `solve` throws). */
  isSingular: boolean;
}

/**
 * LU factorization with partial pivoting (Doolittle/Crout as in JAMA, via ml-matrix) of a square
 * matrix, with the determinant. O(2n³/3).
 * `solve` throws NumericalError with reason `'singular'` for an exactly singular matrix.
 * @example
 * ```ts
 * const { determinant, solve } = luDecomposition(A);
 * ```
 */
export function luDecomposition(A: DenseMatrix): DenseLuResult {
  checkInput('A', A, true);
  const n = A.rows;
  const lu = new LuDecomposition(view(A));
  const isSingular = lu.isSingular();
  return {
    L: fromMl(lu.lowerTriangularMatrix),
    U: fromMl(lu.upperTriangularMatrix),
    pivots: Int32Array.from(lu.pivotPermutationVector),
    determinant: lu.determinant,
    isSingular,
    solve(b: Vec, out?: Vec): Vec {
      checkVec('b', b, n);
      const x = out === undefined ? new Float64Array(n) : checkVec('out', out, n);
      if (isSingular) throw new NumericalError('singular', 'luDecomposition: the matrix is singular');
      return intoVec(lu.solve(columnVector(b)), x);
    },
  };
}

/** Householder QR factorization A = Q R (thin). */
export interface DenseQrResult extends DenseSolver {
  /** rows×cols with orthonormal columns. */
  Q: DenseMatrix;
  /** cols×cols upper triangular. */
  R: DenseMatrix;
  /** False when a diagonal entry of R is exactly zero (then `solve` throws). */
  isFullRank: boolean;
}

/**
 * Thin Householder QR (no pivoting, via ml-matrix) of a rows×cols matrix with rows >= cols;
 * `solve` returns the least-squares solution for full-rank A. For rank-deficient or wide
 * problems use {@link leastSquares}. O(2mn² − 2n³/3).
 * @example
 * ```ts
 * const { Q, R } = qrDecomposition(A);
 * ```
 */
export function qrDecomposition(A: DenseMatrix): DenseQrResult {
  checkInput('A', A, false);
  if (A.rows < A.cols) throw new InvalidArgumentError('A', 'a matrix with rows >= cols', `${A.rows}×${A.cols}`);
  const qr = new QrDecomposition(view(A));
  const isFullRank = qr.isFullRank();
  const m = A.rows;
  const n = A.cols;
  return {
    Q: fromMl(qr.orthogonalMatrix),
    R: fromMl(qr.upperTriangularMatrix),
    isFullRank,
    solve(b: Vec, out?: Vec): Vec {
      checkVec('b', b, m);
      const x = out === undefined ? new Float64Array(n) : checkVec('out', out, n);
      if (!isFullRank) throw new NumericalError('singular', 'qrDecomposition: the matrix is rank deficient; use leastSquares');
      return intoVec(qr.solve(columnVector(b)), x);
    },
  };
}
