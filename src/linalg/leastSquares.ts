/**
 * Linear least squares min‖Ax − b‖₂ (optionally with Tikhonov/ridge regularization) by
 * column-pivoted Householder QR and, when A is numerically rank deficient, a complete orthogonal
 * decomposition that yields the MINIMUM-NORM solution — the algorithm of LAPACK `dgelsy`.
 *
 * @module
 */
import { checkAllFinite, checkInRange, checkNonNegative, checkVec } from '../core/check';
import type { DenseMatrix, Vec } from '../core/types';
import { checkDenseMatrix, dnrm2 } from './dense';

/** Options of {@link leastSquares}. */
export interface LeastSquaresOptions {
  /**
   * Relative rank threshold in [0, 1): R(k,k) of the pivoted QR counts towards the rank while
   * |R(k,k)| > rcond·|R(0,0)|. Default `max(rows, cols)·ε` (ε = 2^-52), as numpy's `lstsq`.
   */
  rcond?: number;
  /**
   * Tikhonov parameter λ >= 0 (default 0): minimize ‖Ax − b‖² + λ‖x‖². Solved stably as the
   * augmented problem [A; √λ·I] x ≈ [b; 0], never through the normal equations.
   */
  ridge?: number;
  /** Output vector for x (length cols). */
  out?: Vec;
}

/** Result of {@link leastSquares}. */
export interface LeastSquaresResult {
  /** The (minimum-norm) minimizer, length cols. */
  x: Vec;
  /** Numerical rank of the factorized matrix (A, or [A; √λ·I] when ridge > 0). */
  rank: number;
  /** ‖A x − b‖₂, recomputed from A, x and b (the data misfit only, without the ridge term). */
  residualNorm: number;
  /**
   * `'success'` when rank = cols (unique minimizer); `'rankDeficient'` when rank < cols — the
   * columns are numerically dependent (always the case when rows < cols and ridge = 0) and the
   * minimum-norm minimizer of the rank-`rank` truncation is returned.
   */
  status: 'success' | 'rankDeficient';
}

const EPS = 2.220446049250313e-16;
const TOL3Z = Math.sqrt(EPS);

/**
 * Solve min‖Ax − b‖₂ (+ λ‖x‖₂² with `ridge`) for a dense row-major A (rows×cols, any shape).
 *
 * Algorithm (LAPACK `dgelsy`): (1) Householder QR with column pivoting A P = Q R, with the
 * Drmač–Bujanović-safe column-norm downdating of `dlaqp2`; (2) rank r = number of leading
 * |R(k,k)| > rcond·|R(0,0)|; (3) if r < cols, the trailing block R12 is annihilated from the right
 * by Householder reflectors, [R11 R12] = [T 0] Z (`dtzrzf`); (4) x = P Zᵀ [T⁻¹(Qᵀb)(0:r); 0].
 * The result is the minimum-norm least-squares solution of the problem with R22 set to zero
 * (‖R22‖ ≲ rcond·‖A‖), i.e. the truncated pseudo-inverse solution when the rank gap is clear.
 *
 * Accuracy: backward stable for full-rank A (relative error ≈ ε·κ(A) + ε·κ(A)²·‖r‖/(‖A‖‖x‖)).
 * Complexity: 2·m·n² − 2n³/3 flops for QR (m = rows, or rows + cols with ridge) plus O(r²(n−r))
 * for the orthogonal completion; memory m·n.
 *
 * @example
 * ```ts
 * // fit y = c0 + c1 t through (0, 1), (1, 3), (2, 5)
 * const A = createMatrix(3, 2, new Float64Array([1, 0, 1, 1, 1, 2]));
 * const { x, rank, status } = leastSquares(A, new Float64Array([1, 3, 5])); // x = [1, 2], rank 2
 * ```
 */
export function leastSquares(A: DenseMatrix, b: Vec, options: LeastSquaresOptions = {}): LeastSquaresResult {
  checkDenseMatrix('A', A);
  const m = A.rows;
  const n = A.cols;
  checkVec('b', b, m);
  const rcond = options.rcond === undefined ? Math.max(m, n) * EPS : checkInRange('options.rcond', options.rcond, 0, 1 - EPS);
  const ridge = options.ridge === undefined ? 0 : checkNonNegative('options.ridge', options.ridge);
  const x = options.out === undefined ? new Float64Array(n) : checkVec('options.out', options.out, n);
  checkAllFinite('A.data', A.data);
  checkAllFinite('b', b);

  const mAug = ridge > 0 ? m + n : m;
  const a = new Float64Array(mAug * n);
  a.set(A.data);
  const c = new Float64Array(mAug);
  c.set(b);
  if (ridge > 0) {
    const s = Math.sqrt(ridge);
    for (let i = 0; i < n; i++) a[(m + i) * n + i] = s;
  }
  const kmax = Math.min(mAug, n);
  const perm = new Int32Array(n);
  const tau = new Float64Array(kmax);
  pivotedHouseholderQR(mAug, n, a, tau, perm);
  applyQTranspose(mAug, n, kmax, a, tau, c);

  const tol = rcond * Math.abs(a[0]);
  let rank = 0;
  while (rank < kmax && Math.abs(a[rank * n + rank]) > tol) rank++;

  const z = new Float64Array(n);
  if (rank > 0) {
    const tauZ = new Float64Array(rank);
    if (rank < n) annihilateTrailingColumns(n, rank, a, tauZ);
    // T y = c(0:rank), T upper triangular in a(0:rank, 0:rank)
    for (let i = rank - 1; i >= 0; i--) {
      let s = c[i];
      for (let j = i + 1; j < rank; j++) s -= a[i * n + j] * z[j];
      z[i] = s / a[i * n + i];
    }
    if (rank < n) applyZTranspose(n, rank, a, tauZ, z);
  }
  for (let j = 0; j < n; j++) x[perm[j]] = z[j];

  const residual = new Float64Array(m);
  const data = A.data;
  for (let i = 0; i < m; i++) {
    let s = -b[i];
    for (let j = 0; j < n; j++) s += data[i * n + j] * x[j];
    residual[i] = s;
  }
  const residualNorm = dnrm2(m, residual, 1, 0);
  return { x, rank, residualNorm, status: rank < n ? 'rankDeficient' : 'success' };
}

/**
 * Householder reflector (LAPACK `dlarfg`) for the vector (alpha, v) with v = x[off + k*stride],
 * k < len: scales v in place to the reflector tail and returns [beta, tau] through `out2`.
 */
function householder(x: Float64Array, alpha: number, off: number, stride: number, len: number, out2: Float64Array): void {
  const xnorm = len > 0 ? dnrm2(len, x, stride, off) : 0;
  if (xnorm === 0) {
    out2[0] = alpha;
    out2[1] = 0;
    return;
  }
  const beta = (alpha >= 0 ? -1 : 1) * Math.hypot(alpha, xnorm);
  const scale = 1 / (alpha - beta);
  for (let k = 0, i = off; k < len; k++, i += stride) x[i] *= scale;
  out2[0] = beta;
  out2[1] = (beta - alpha) / beta;
}

/** In-place A P = Q R (unblocked `dgeqp3`): R in the upper triangle, reflector tails below it. */
function pivotedHouseholderQR(m: number, n: number, a: Float64Array, tau: Float64Array, perm: Int32Array): void {
  const kmax = Math.min(m, n);
  const vn1 = new Float64Array(n);
  const vn2 = new Float64Array(n);
  const w = new Float64Array(n);
  const bt = new Float64Array(2);
  for (let j = 0; j < n; j++) {
    perm[j] = j;
    vn1[j] = dnrm2(m, a, n, j);
    vn2[j] = vn1[j];
  }
  for (let k = 0; k < kmax; k++) {
    let p = k;
    for (let j = k + 1; j < n; j++) if (vn1[j] > vn1[p]) p = j;
    if (p !== k) {
      for (let i = 0; i < m; i++) {
        const t = a[i * n + k];
        a[i * n + k] = a[i * n + p];
        a[i * n + p] = t;
      }
      const tp = perm[p];
      perm[p] = perm[k];
      perm[k] = tp;
      vn1[p] = vn1[k];
      vn2[p] = vn2[k];
    }
    householder(a, a[k * n + k], (k + 1) * n + k, n, m - k - 1, bt);
    a[k * n + k] = bt[0];
    const t = bt[1];
    tau[k] = t;
    if (t !== 0 && k + 1 < n) {
      // w_j = Σ_i v_i a(i, j) for j > k (v_k = 1), row-oriented; then a(i, j) -= τ v_i w_j
      for (let j = k + 1; j < n; j++) w[j] = a[k * n + j];
      for (let i = k + 1; i < m; i++) {
        const vi = a[i * n + k];
        if (vi === 0) continue;
        for (let j = k + 1, r = i * n; j < n; j++) w[j] += vi * a[r + j];
      }
      for (let j = k + 1; j < n; j++) a[k * n + j] -= t * w[j];
      for (let i = k + 1; i < m; i++) {
        const f = t * a[i * n + k];
        if (f === 0) continue;
        for (let j = k + 1, r = i * n; j < n; j++) a[r + j] -= f * w[j];
      }
    }
    // downdate the partial column norms (dlaqp2), recomputing when cancellation threatens
    for (let j = k + 1; j < n; j++) {
      if (vn1[j] === 0) continue;
      const ratio = Math.abs(a[k * n + j]) / vn1[j];
      const temp = Math.max(0, 1 - ratio * ratio);
      const q = vn1[j] / vn2[j];
      if (temp * q * q <= TOL3Z) {
        vn1[j] = k + 1 < m ? dnrm2(m - k - 1, a, n, (k + 1) * n + j) : 0;
        vn2[j] = vn1[j];
      } else {
        vn1[j] *= Math.sqrt(temp);
      }
    }
  }
}

/** c ← Qᵀ c with Q = H_0 H_1 ⋯ H_{kmax-1} stored below the diagonal of a. */
function applyQTranspose(m: number, n: number, kmax: number, a: Float64Array, tau: Float64Array, c: Float64Array): void {
  for (let k = 0; k < kmax; k++) {
    const t = tau[k];
    if (t === 0) continue;
    let s = c[k];
    for (let i = k + 1; i < m; i++) s += a[i * n + k] * c[i];
    s *= t;
    c[k] -= s;
    for (let i = k + 1; i < m; i++) c[i] -= s * a[i * n + k];
  }
}

/**
 * RZ step (`dtzrzf`): for k = r-1, …, 0 a reflector acting on columns {k} ∪ [r, n) annihilates
 * a(k, r:n) from the right; its tail overwrites a(k, r:n) and τ goes to tauZ[k].
 */
function annihilateTrailingColumns(n: number, r: number, a: Float64Array, tauZ: Float64Array): void {
  const bt = new Float64Array(2);
  const nt = n - r;
  for (let k = r - 1; k >= 0; k--) {
    const rowK = k * n;
    householder(a, a[rowK + k], rowK + r, 1, nt, bt);
    a[rowK + k] = bt[0];
    const t = bt[1];
    tauZ[k] = t;
    if (t === 0) continue;
    for (let i = 0; i < k; i++) {
      const rowI = i * n;
      let s = a[rowI + k];
      for (let j = 0; j < nt; j++) s += a[rowI + r + j] * a[rowK + r + j];
      s *= t;
      a[rowI + k] -= s;
      for (let j = 0; j < nt; j++) a[rowI + r + j] -= s * a[rowK + r + j];
    }
  }
}

/** z ← Zᵀ z = H_{r-1} ⋯ H_0 z with the RZ reflectors of {@link annihilateTrailingColumns}. */
function applyZTranspose(n: number, r: number, a: Float64Array, tauZ: Float64Array, z: Float64Array): void {
  for (let k = 0; k < r; k++) {
    const t = tauZ[k];
    if (t === 0) continue;
    const rowK = k * n;
    let s = z[k];
    for (let j = r; j < n; j++) s += a[rowK + j] * z[j];
    s *= t;
    z[k] -= s;
    for (let j = r; j < n; j++) z[j] -= s * a[rowK + j];
  }
}
