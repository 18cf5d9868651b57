/**
 * Ensemble statistics for J members of dimension d: mean, covariance (1/(J − ddof)),
 * cross-covariance of two ensembles, the centered ensemble matrix A = [x⁽ʲ⁾ − x̄]/√(J − ddof) (d×J)
 * with C = A·Aᵀ, products C·v = A(Aᵀv) without forming C, and covariance square roots.
 *
 * Storage: a row-major {@link DenseMatrix} holding one member per row (J×d, the default) or one
 * member per column (d×J, `membersAlong: 'columns'`, the layout of the ensemble Kalman literature).
 * All covariances are two-pass on data shifted by the first member (the shifted mean first), so a
 * large common offset costs no accuracy (relative error at the 1e−16 level at offsets of 1e15), and
 * covariance outputs are bitwise symmetric (safe for Cholesky and eigen-solvers that reject any
 * asymmetry).
 *
 * Normalization is always explicit (`ddof`): ddof = 0 gives the 1/J covariance of the ensemble
 * Kalman samplers (EKS/ALDI/EKHMC: C = (1/J)Σ(x⁽ʲ⁾ − x̄)(x⁽ʲ⁾ − x̄)ᵀ, √C := Q/√J), ddof = 1 the unbiased
 * sample covariance.
 *
 * @module
 */
import { checkInteger, checkOneOf, checkVec } from '../core/check';
import { InvalidArgumentError } from '../core/errors';
import type { DenseMatrix } from '../core/types';
import { checkDenseMatrix, choleskyFactor, createMatrix, type CholeskyFactorResult } from '../linalg/dense';
import { symmetricSqrt } from '../linalg/mlMatrixAdapter';

/** Where the members of an ensemble matrix are stored. */
export type MemberLayout = 'rows' | 'columns';

/** Options shared by the ensemble functions. */
export interface EnsembleOptions {
  /** `'rows'` (default): J×d, member j is row j; `'columns'`: d×J, member j is column j. */
  membersAlong?: MemberLayout;
}

/** Options of the covariance functions: the normalization 1/(J − ddof) is required. */
export interface CovarianceOptions extends EnsembleOptions {
  /** Delta degrees of freedom: 0 for 1/J, 1 for 1/(J − 1). An integer in [0, J − 1]. */
  ddof: number;
  /** Output matrix. */
  out?: DenseMatrix;
}

/** Strided description of an ensemble: member j, component i is data[j·memberStride + i·componentStride]. */
interface EnsembleView {
  members: number;
  dimension: number;
  memberStride: number;
  componentStride: number;
  data: Float64Array;
}

function ensembleView(name: string, E: DenseMatrix, options: EnsembleOptions | undefined): EnsembleView {
  checkDenseMatrix(name, E);
  const layout = options?.membersAlong === undefined ? 'rows' : checkOneOf('options.membersAlong', options.membersAlong, ['rows', 'columns'] as const);
  return layout === 'rows'
    ? { members: E.rows, dimension: E.cols, memberStride: E.cols, componentStride: 1, data: E.data }
    : { members: E.cols, dimension: E.rows, memberStride: 1, componentStride: E.cols, data: E.data };
}

function checkDdof(ddof: unknown, members: number): number {
  return checkInteger('options.ddof', ddof, 0, members - 1);
}

/** Mean over members written to out (length d); no argument checks. */
function meanOf(v: EnsembleView, out: Float64Array): Float64Array {
  const { members: J, dimension: d, memberStride: sm, componentStride: sc, data } = v;
  for (let i = 0; i < d; i++) {
    let s = 0;
    for (let j = 0, p = i * sc; j < J; j++, p += sm) s += data[p];
    let m = s / J;
    let c = 0; // one correction sweep: removes the rounding error of the first-pass mean
    for (let j = 0, p = i * sc; j < J; j++, p += sm) c += data[p] - m;
    m += c / J;
    out[i] = m;
  }
  return out;
}

/**
 * Centering data: `shift` = member 0 and `mean` = the mean of x − shift, so that the centered value
 * of member j is (x⁽ʲ⁾ − shift) − mean. The differences x⁽ʲ⁾ − shift are exact when a common offset
 * dominates (Sterbenz), and their mean is then accurate relative to the spread, not to the offset:
 * the representable x̄ itself can be off by half an ulp of the offset, which would bias a covariance
 * by that error squared. No argument checks.
 */
interface Centring {
  shift: Float64Array;
  mean: Float64Array;
}

function centringOf(v: EnsembleView): Centring {
  const { members: J, dimension: d, memberStride: sm, componentStride: sc, data } = v;
  const shift = new Float64Array(d);
  const mean = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    const k = data[i * sc];
    let s = 0;
    for (let j = 0, p = i * sc; j < J; j++, p += sm) s += data[p] - k;
    let m = s / J;
    let c = 0;
    for (let j = 0, p = i * sc; j < J; j++, p += sm) c += (data[p] - k) - m;
    m += c / J;
    shift[i] = k;
    mean[i] = m;
  }
  return { shift, mean };
}

/**
 * The ensemble mean x̄ = (1/J)Σⱼ x⁽ʲ⁾ (length d), with one correction sweep for round-off. O(J·d).
 * @example
 * ```ts
 * const E = { rows: 3, cols: 2, data: new Float64Array([1, 2, 3, 4, 5, 6]) };
 * ensembleMean(E); // [3, 4]
 * ```
 */
export function ensembleMean(E: DenseMatrix, options: EnsembleOptions & { out?: Float64Array } = {}): Float64Array {
  const v = ensembleView('E', E, options);
  const out = options.out === undefined ? new Float64Array(v.dimension) : checkVec('options.out', options.out, v.dimension);
  return meanOf(v, out);
}

/**
 * Cross-covariance C_xy = (1/(J − ddof)) Σⱼ (x⁽ʲ⁾ − x̄)(y⁽ʲ⁾ − ȳ)ᵀ of two ensembles with the same
 * number of members (dx × dy), two-pass. O(J·dx·dy); allocates the two means.
 * @example
 * ```ts
 * const Cqg = ensembleCrossCovariance(Q, G, { ddof: 0 }); // C_qG of the ensemble Kalman samplers
 * ```
 */
export function ensembleCrossCovariance(X: DenseMatrix, Y: DenseMatrix, options: CovarianceOptions): DenseMatrix {
  const vx = ensembleView('X', X, options);
  const vy = ensembleView('Y', Y, options);
  if (vy.members !== vx.members) throw new InvalidArgumentError('Y', `an ensemble with ${vx.members} members like X`, `${vy.members} members`);
  const ddof = checkDdof(options.ddof, vx.members);
  const out = options.out === undefined ? createMatrix(vx.dimension, vy.dimension) : checkDenseMatrix('options.out', options.out, vx.dimension, vy.dimension);
  crossProducts(vx, centringOf(vx), vy, centringOf(vy), out.data, 1 / (vx.members - ddof), false);
  return out;
}

/**
 * Covariance C = (1/(J − ddof)) Σⱼ (x⁽ʲ⁾ − x̄)(x⁽ʲ⁾ − x̄)ᵀ (d×d, bitwise symmetric), two-pass.
 * O(J·d²/2); allocates the mean.
 * @example
 * ```ts
 * const C = ensembleCovariance(E, { ddof: 1 });
 * ```
 */
export function ensembleCovariance(E: DenseMatrix, options: CovarianceOptions): DenseMatrix {
  const v = ensembleView('E', E, options);
  const ddof = checkDdof(options.ddof, v.members);
  const out = options.out === undefined ? createMatrix(v.dimension, v.dimension) : checkDenseMatrix('options.out', options.out, v.dimension, v.dimension);
  const c = centringOf(v);
  crossProducts(v, c, v, c, out.data, 1 / (v.members - ddof), true);
  return out;
}

/** out[a·dy + b] = scale·Σⱼ (x_a⁽ʲ⁾ − x̄_a)(y_b⁽ʲ⁾ − ȳ_b) from centrings; lower triangle only (mirrored) when symmetric. */
function crossProducts(vx: EnsembleView, cx: Centring, vy: EnsembleView, cy: Centring, out: Float64Array, scale: number, symmetric: boolean): void {
  const kx = cx.shift, mx = cx.mean, ky = cy.shift, my = cy.mean;
  const J = vx.members;
  const dx = vx.dimension;
  const dy = vy.dimension;
  const x = vx.data;
  const y = vy.data;
  for (let a = 0; a < dx; a++) {
    const bEnd = symmetric ? a + 1 : dy;
    for (let b = 0; b < bEnd; b++) {
      let s = 0;
      for (let j = 0, p = a * vx.componentStride, q = b * vy.componentStride; j < J; j++, p += vx.memberStride, q += vy.memberStride) {
        s += (x[p] - kx[a] - mx[a]) * (y[q] - ky[b] - my[b]);
      }
      out[a * dy + b] = s * scale;
      if (symmetric) out[b * dy + a] = s * scale;
    }
  }
}

/**
 * The centered ensemble matrix A (d×J) with column j equal to (x⁽ʲ⁾ − x̄)/√(J − ddof), so that
 * A·Aᵀ is the covariance and A·ξ, ξ ~ N(0, I_J), is a draw from N(0, C) that stays in the ensemble
 * span (the generalized square root Q/√J of the ensemble Kalman samplers for ddof = 0). O(J·d).
 * @example
 * ```ts
 * const A = centeredEnsembleMatrix(E, { ddof: 0 }); // d×J
 * ```
 */
export function centeredEnsembleMatrix(E: DenseMatrix, options: CovarianceOptions): DenseMatrix {
  const v = ensembleView('E', E, options);
  const J = v.members;
  const d = v.dimension;
  const ddof = checkDdof(options.ddof, J);
  const out = options.out === undefined ? createMatrix(d, J) : checkDenseMatrix('options.out', options.out, d, J);
  const { shift, mean } = centringOf(v);
  const scale = 1 / Math.sqrt(J - ddof);
  const o = out.data;
  for (let i = 0; i < d; i++) {
    for (let j = 0, p = i * v.componentStride; j < J; j++, p += v.memberStride) o[i * J + j] = (v.data[p] - shift[i] - mean[i]) * scale;
  }
  return out;
}

/**
 * C·v = A(Aᵀv) for a centered ensemble matrix A (d×J) without forming C: O(d·J) instead of O(d²).
 * @param A - d×J matrix from {@link centeredEnsembleMatrix}
 * @param v - vector of length d
 * @param out - result (length d); must not alias v
 * @param work - optional scratch of length J
 * @example
 * ```ts
 * const Cv = applyEnsembleCovariance(A, v);
 * ```
 */
export function applyEnsembleCovariance(A: DenseMatrix, v: Float64Array, out: Float64Array = new Float64Array(A.rows), work: Float64Array = new Float64Array(A.cols)): Float64Array {
  checkDenseMatrix('A', A);
  const d = A.rows;
  const J = A.cols;
  checkVec('v', v, d);
  checkVec('out', out, d);
  checkVec('work', work, J);
  if (out === v) throw new InvalidArgumentError('out', 'an array distinct from v');
  const a = A.data;
  work.fill(0);
  for (let i = 0; i < d; i++) {
    const vi = v[i];
    for (let j = 0; j < J; j++) work[j] += a[i * J + j] * vi;
  }
  for (let i = 0; i < d; i++) {
    let s = 0;
    for (let j = 0; j < J; j++) s += a[i * J + j] * work[j];
    out[i] = s;
  }
  return out;
}

/** Options of {@link covarianceSquareRoot}. */
export interface CovarianceSquareRootOptions {
  /** `'cholesky'` (lower-triangular L, C = L·Lᵀ) or `'symmetric'` (S = C^{1/2} = Sᵀ, C = S·S). */
  method: 'cholesky' | 'symmetric';
  /**
   * Cholesky only: first diagonal shift tried when C is numerically singular (e.g. J ≤ d), then
   * ×10 per attempt (see `choleskyFactor`). Default 0: no retry.
   */
  jitter?: number;
  /** Output d×d matrix. */
  out?: DenseMatrix;
}

/** Result of {@link covarianceSquareRoot}. */
export interface CovarianceSquareRoot {
  /** The factor: L (cholesky) or S (symmetric). */
  factor: DenseMatrix;
  /** `'success'` or, for Cholesky, `'notPositiveDefinite'` when every attempt failed. */
  status: 'success' | 'notPositiveDefinite';
  /** Diagonal shift actually added (Cholesky with jitter), else 0. */
  jitter: number;
}

/**
 * A square root of a covariance matrix: the Cholesky factor L (C = LLᵀ; n³/3 flops, via
 * `linalg/dense.choleskyFactor`) or the symmetric square root S (C = S², O(n³), via the
 * eigen-decomposition in `linalg/mlMatrixAdapter.symmetricSqrt`, which clips round-off negative
 * eigenvalues of a semidefinite C). Either gives N(0, C) draws as factor·ξ.
 * For J ≤ d ensembles prefer {@link centeredEnsembleMatrix}: C is then singular.
 *
 * @throws NumericalError (symmetric method) when C has a clearly negative eigenvalue
 * @example
 * ```ts
 * const { factor } = covarianceSquareRoot(ensembleCovariance(E, { ddof: 1 }), { method: 'cholesky' });
 * ```
 */
export function covarianceSquareRoot(C: DenseMatrix, options: CovarianceSquareRootOptions): CovarianceSquareRoot {
  checkDenseMatrix('C', C);
  if (C.rows !== C.cols) throw new InvalidArgumentError('C', 'a square matrix', `${C.rows}×${C.cols}`);
  const method = checkOneOf('options.method', options?.method, ['cholesky', 'symmetric'] as const);
  if (method === 'symmetric') return { factor: symmetricSqrt(C, { out: options.out }), status: 'success', jitter: 0 };
  const r: CholeskyFactorResult = choleskyFactor(C, { jitter: options.jitter, out: options.out });
  return { factor: r.factor, status: r.status, jitter: r.jitter };
}
