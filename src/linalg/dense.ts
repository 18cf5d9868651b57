/**
 * Small dense linear algebra on row-major {@link DenseMatrix} values: construction, products,
 * transpose, symmetrization, stdlib-style strided BLAS-1 kernels (`ddot`, `daxpy`, `dnrm2`) and
 * an allocation-free Cholesky factorization with an optional diagonal-jitter retry.
 *
 * Strided-kernel convention (stdlib-js `ndarray` variants): element k of a vector argument is
 * `x[offsetX + k*strideX]`; strides may be negative or zero; every accessed index is checked
 * to lie inside the array before any work.
 *
 * @module
 */
import { checkInteger, checkNonNegative, checkVec } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import type { DenseMatrix, Vec } from '../core/types';

/**
 * Check that `value` is a {@link DenseMatrix} (integer rows, cols >= 1 and a Float64Array of
 * length rows·cols), optionally of a given shape; returns it.
 *
 * @example
 * ```ts
 * const A = checkDenseMatrix('A', { rows: 2, cols: 2, data: new Float64Array(4) }, 2, 2);
 * ```
 */
export function checkDenseMatrix(name: string, value: unknown, rows?: number, cols?: number): DenseMatrix {
  if (typeof value !== 'object' || value === null) throw new InvalidTypeError(name, 'a DenseMatrix {rows, cols, data}', value);
  const A = value as DenseMatrix;
  checkInteger(`${name}.rows`, A.rows, rows ?? 1, rows ?? Number.MAX_SAFE_INTEGER);
  checkInteger(`${name}.cols`, A.cols, cols ?? 1, cols ?? Number.MAX_SAFE_INTEGER);
  checkVec(`${name}.data`, A.data, A.rows * A.cols);
  return A;
}

/**
 * Check a strided view of `n` entries of an array holding `entries` entries: every index
 * `offset + k*stride`, 0 <= k < n, must lie in [0, entries). Used by all strided kernels.
 *
 * @example
 * ```ts
 * checkStridedView('x', x.length, n, 2, 0); // every other entry of x
 * ```
 */
export function checkStridedView(name: string, entries: number, n: number, stride: number, offset: number): void {
  checkInteger(`${name} stride`, stride);
  checkInteger(`${name} offset`, offset);
  if (n === 0) return;
  const last = offset + (n - 1) * stride;
  if (offset < 0 || offset >= entries || last < 0 || last >= entries) {
    throw new InvalidArgumentError(`${name} (offset ${offset}, stride ${stride}, n ${n})`, `a view inside an array of ${entries} entries`);
  }
}

/**
 * A rows×cols matrix, zero-filled or wrapping `data` (not copied).
 *
 * @example
 * ```ts
 * const A = createMatrix(2, 3); // zeros
 * const B = createMatrix(2, 2, new Float64Array([1, 2, 3, 4])); // [[1, 2], [3, 4]]
 * ```
 */
export function createMatrix(rows: number, cols: number, data?: Float64Array): DenseMatrix {
  checkInteger('rows', rows, 1);
  checkInteger('cols', cols, 1);
  if (data !== undefined) checkVec('data', data, rows * cols);
  return { rows, cols, data: data ?? new Float64Array(rows * cols) };
}

/**
 * The n×n identity matrix.
 * @example
 * ```ts
 * identityMatrix(3).data; // [1,0,0, 0,1,0, 0,0,1]
 * ```
 */
export function identityMatrix(n: number): DenseMatrix {
  const I = createMatrix(n, n);
  for (let i = 0; i < n; i++) I.data[i * n + i] = 1;
  return I;
}

/**
 * C = A·B (i-k-j loop order: contiguous inner loop). O(m·k·n). `out` must not alias A or B.
 * @example
 * ```ts
 * const C = matmul(A, B); // A: m×k, B: k×n, C: m×n
 * ```
 */
export function matmul(A: DenseMatrix, B: DenseMatrix, out?: DenseMatrix): DenseMatrix {
  checkDenseMatrix('A', A);
  checkDenseMatrix('B', B, A.cols);
  const m = A.rows;
  const p = A.cols;
  const n = B.cols;
  const C = out === undefined ? createMatrix(m, n) : checkDenseMatrix('out', out, m, n);
  if (C.data === A.data || C.data === B.data) throw new InvalidArgumentError('out', 'storage distinct from A and B');
  const a = A.data;
  const b = B.data;
  const c = C.data;
  c.fill(0);
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    for (let k = 0; k < p; k++) {
      const aik = a[i * p + k];
      if (aik === 0) continue;
      const bk = k * n;
      for (let j = 0; j < n; j++) c[ci + j] += aik * b[bk + j];
    }
  }
  return C;
}

/**
 * y = A·x. O(rows·cols). `out` must not alias x.
 * @example
 * ```ts
 * matvec(identityMatrix(2), new Float64Array([3, 4])); // [3, 4]
 * ```
 */
export function matvec(A: DenseMatrix, x: Vec, out?: Vec): Vec {
  checkDenseMatrix('A', A);
  checkVec('x', x, A.cols);
  const y = out === undefined ? new Float64Array(A.rows) : checkVec('out', out, A.rows);
  const { rows, cols, data } = A;
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0, r = i * cols; j < cols; j++) s += data[r + j] * x[j];
    y[i] = s;
  }
  return y;
}

/**
 * Aᵀ. O(rows·cols). `out` must not alias A.
 * @example
 * ```ts
 * transpose(createMatrix(1, 2, new Float64Array([1, 2]))); // 2×1 [[1], [2]]
 * ```
 */
export function transpose(A: DenseMatrix, out?: DenseMatrix): DenseMatrix {
  checkDenseMatrix('A', A);
  const T = out === undefined ? createMatrix(A.cols, A.rows) : checkDenseMatrix('out', out, A.cols, A.rows);
  if (T.data === A.data) throw new InvalidArgumentError('out', 'storage distinct from A (use symmetrize for in-place work)');
  const { rows, cols, data } = A;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) T.data[j * rows + i] = data[i * cols + j];
  return T;
}

/**
 * (A + Aᵀ)/2 for square A: the result is bitwise symmetric, as exact-symmetry checks (ml-matrix
 * Cholesky) require. `out` may alias A (in-place). O(n²).
 * @example
 * ```ts
 * symmetrize(createMatrix(2, 2, new Float64Array([1, 2, 4, 1]))).data; // [1, 3, 3, 1]
 * ```
 */
export function symmetrize(A: DenseMatrix, out?: DenseMatrix): DenseMatrix {
  checkDenseMatrix('A', A);
  const n = A.rows;
  if (A.cols !== n) throw new InvalidArgumentError('A', 'a square matrix', `${A.rows}×${A.cols}`);
  const S = out === undefined ? createMatrix(n, n) : checkDenseMatrix('out', out, n, n);
  const a = A.data;
  const s = S.data;
  for (let i = 0; i < n; i++) {
    s[i * n + i] = a[i * n + i];
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (a[i * n + j] + a[j * n + i]);
      s[i * n + j] = v;
      s[j * n + i] = v;
    }
  }
  return S;
}

/**
 * Dot product Σ x_k y_k over strided views (BLAS `ddot`). O(n).
 * @example
 * ```ts
 * ddot(2, new Float64Array([1, 2]), 1, 0, new Float64Array([3, 4]), 1, 0); // 11
 * ```
 */
export function ddot(n: number, x: Vec, strideX: number, offsetX: number, y: Vec, strideY: number, offsetY: number): number {
  checkInteger('n', n, 0);
  checkVec('x', x);
  checkVec('y', y);
  checkStridedView('x', x.length, n, strideX, offsetX);
  checkStridedView('y', y.length, n, strideY, offsetY);
  let s = 0;
  for (let k = 0, ix = offsetX, iy = offsetY; k < n; k++, ix += strideX, iy += strideY) s += x[ix] * y[iy];
  return s;
}

/**
 * y ← α·x + y over strided views (BLAS `daxpy`); returns y. O(n).
 * @example
 * ```ts
 * daxpy(2, 2, new Float64Array([1, 1]), 1, 0, new Float64Array([1, 2]), 1, 0); // [3, 4]
 * ```
 */
export function daxpy(n: number, alpha: number, x: Vec, strideX: number, offsetX: number, y: Vec, strideY: number, offsetY: number): Vec {
  checkInteger('n', n, 0);
  if (typeof alpha !== 'number') throw new InvalidTypeError('alpha', 'a number', alpha);
  checkVec('x', x);
  checkVec('y', y);
  checkStridedView('x', x.length, n, strideX, offsetX);
  checkStridedView('y', y.length, n, strideY, offsetY);
  if (alpha === 0) return y;
  for (let k = 0, ix = offsetX, iy = offsetY; k < n; k++, ix += strideX, iy += strideY) y[iy] += alpha * x[ix];
  return y;
}

/**
 * Euclidean norm ‖x‖₂ over a strided view, free of overflow and underflow (BLAS `dnrm2`): a fast
 * unscaled sum of squares is used when it is safely inside the normal range, otherwise the sum
 * Σ(x_k/max|x|)² is rescaled. Relative error ≤ (n/2 + 1)·ε. NaN in x gives NaN. O(n).
 * @example
 * ```ts
 * dnrm2(2, new Float64Array([3e200, 4e200]), 1, 0); // 5e200 (no overflow)
 * ```
 */
export function dnrm2(n: number, x: Vec, strideX: number, offsetX: number): number {
  checkInteger('n', n, 0);
  checkVec('x', x);
  checkStridedView('x', x.length, n, strideX, offsetX);
  let ss = 0;
  for (let k = 0, ix = offsetX; k < n; k++, ix += strideX) ss += x[ix] * x[ix];
  if (ss > 1e-280 && ss < 1e280) return Math.sqrt(ss);
  if (ss !== ss) return NaN;
  let big = 0;
  for (let k = 0, ix = offsetX; k < n; k++, ix += strideX) {
    const a = Math.abs(x[ix]);
    if (a > big) big = a;
  }
  if (big === 0 || big === Infinity) return big;
  ss = 0; // divide (not multiply by 1/big, which overflows for subnormal big)
  for (let k = 0, ix = offsetX; k < n; k++, ix += strideX) {
    const t = x[ix] / big;
    ss += t * t;
  }
  return big * Math.sqrt(ss);
}

/** Options of {@link choleskyFactor}. */
export interface CholeskyFactorOptions {
  /**
   * First diagonal shift δ >= 0 tried when A is not numerically positive definite (default 0:
   * no retry). Attempts add δ, 10δ, 100δ, … to the diagonal. A common choice is
   * `1e-10 · trace(A)/n`.
   */
  jitter?: number;
  /** Number of jittered attempts after the plain one (default 6; used only when jitter > 0). */
  maxJitterAttempts?: number;
  /** Output matrix (n×n) for L; must not share storage with A. */
  out?: DenseMatrix;
}

/** Result of {@link choleskyFactor}. */
export interface CholeskyFactorResult {
  /** Lower-triangular L with A + jitter·I = L Lᵀ (strict upper triangle zero). Undefined content on failure. */
  factor: DenseMatrix;
  /** `'success'`, or `'notPositiveDefinite'` when every attempt met a non-positive pivot. */
  status: 'success' | 'notPositiveDefinite';
  /** Diagonal shift actually added (0 when the plain factorization succeeded). */
  jitter: number;
  /** Index of the failing pivot of the last attempt, or -1 on success. */
  failedPivot: number;
}

/**
 * Dense Cholesky factorization A = L Lᵀ (Cholesky–Banachiewicz, row-major, reading only the
 * LOWER triangle of A), returning a status instead of throwing, with optional diagonal-jitter
 * retries for nearly semidefinite matrices such as ensemble covariances.
 * Cost n³/3 flops per attempt; allocates nothing but the result object when `out` is given.
 * Backward stable: the computed L satisfies L Lᵀ = A + E with |E| ≤ (n+1)ε/(1−(n+1)ε)·|L||Lᵀ|.
 *
 * @example
 * ```ts
 * const { factor, status } = choleskyFactor(createMatrix(2, 2, new Float64Array([4, 2, 2, 3])));
 * // status 'success', factor.data = [2, 0, 1, √2]
 * ```
 */
export function choleskyFactor(A: DenseMatrix, options: CholeskyFactorOptions = {}): CholeskyFactorResult {
  checkDenseMatrix('A', A);
  const n = A.rows;
  if (A.cols !== n) throw new InvalidArgumentError('A', 'a square matrix', `${A.rows}×${A.cols}`);
  const jitter0 = options.jitter === undefined ? 0 : checkNonNegative('options.jitter', options.jitter);
  const attempts = options.maxJitterAttempts === undefined ? 6 : checkInteger('options.maxJitterAttempts', options.maxJitterAttempts, 0, 64);
  const L = options.out === undefined ? createMatrix(n, n) : checkDenseMatrix('options.out', options.out, n, n);
  if (L.data === A.data) throw new InvalidArgumentError('options.out', 'storage distinct from A');
  let failedPivot = choleskyAttempt(n, A.data, L.data, 0);
  let shift = 0;
  for (let k = 0; failedPivot >= 0 && jitter0 > 0 && k < attempts; k++) {
    shift = jitter0 * 10 ** k;
    failedPivot = choleskyAttempt(n, A.data, L.data, shift);
  }
  return { factor: L, status: failedPivot < 0 ? 'success' : 'notPositiveDefinite', jitter: shift, failedPivot };
}

/** One Cholesky attempt of A + shift·I into l; returns -1 or the index of the failing pivot. */
function choleskyAttempt(n: number, a: Float64Array, l: Float64Array, shift: number): number {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= l[ri + k] * l[rj + k];
      if (j < i) {
        l[ri + j] = s / l[rj + j];
      } else {
        s += shift;
        if (!(s > 0) || s === Infinity) return i;
        l[ri + i] = Math.sqrt(s);
      }
    }
    for (let j = i + 1; j < n; j++) l[ri + j] = 0;
  }
  return -1;
}

/**
 * Solve (L Lᵀ) x = b given the lower Cholesky factor L (from {@link choleskyFactor}) by forward
 * and back substitution. O(2n²) flops; `out` may alias b.
 * @example
 * ```ts
 * const x = choleskySolve(choleskyFactor(A).factor, b);
 * ```
 */
export function choleskySolve(L: DenseMatrix, b: Vec, out?: Vec): Vec {
  checkDenseMatrix('L', L);
  const n = L.rows;
  if (L.cols !== n) throw new InvalidArgumentError('L', 'a square matrix', `${L.rows}×${L.cols}`);
  checkVec('b', b, n);
  const x = out === undefined ? new Float64Array(n) : checkVec('out', out, n);
  const l = L.data;
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0, r = i * n; k < i; k++) s -= l[r + k] * x[k];
    x[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    const xi = x[i] / l[i * n + i];
    x[i] = xi;
    for (let k = 0, r = i * n; k < i; k++) x[k] -= l[r + k] * xi;
  }
  return x;
}
