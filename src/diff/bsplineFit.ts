/**
 * Least-squares fitting of B-spline coefficients to samples (x_s, y_s):
 * minimize Σ_s (Σ_i c_i B_i(x_s) − y_s)² + ridge·Σ_i c_i².
 *
 * Two solvers:
 * - `'normalEquations'` (default): the design matrix has k+1 nonzeros per row, so BᵀB is banded
 *   with bandwidth k; assembled in O(S·k²) and solved by banded Cholesky in O(nb·k²). Used when
 *   the problem is structurally full rank (Schoenberg–Whitney condition, below) or ridge > 0.
 * - `'qr'`: column-pivoted Householder QR of the dense S×nb design matrix (minimum-norm solution
 *   with numerical rank), O(S·nb²). Chosen automatically for structurally rank-deficient
 *   problems without ridge, and as a fallback if Cholesky meets a non-positive pivot.
 *
 * Rank: by the Schoenberg–Whitney theorem the design matrix has full column rank iff some
 * increasing selection of distinct sites x_{s_0} < … < x_{s_{nb−1}} has B_i(x_{s_i}) ≠ 0 for
 * every i; a greedy matching computes the largest such selection (the structural rank). Empty
 * knot spans or clusters of samples make it smaller than nb; the fit then reports
 * `status: 'rankDeficient'` and returns the minimum-norm solution (or the ridge solution).
 *
 * @module
 */
import { checkAllFinite, checkInRange, checkNonNegative, checkOneOf, checkVec } from '../core/check';
import { InvalidArgumentError, InvalidTypeError, NumericalError } from '../core/errors';
import type { Vec } from '../core/types';
import { BandedMatrix } from '../linalg/banded';
import { bandedCholesky } from '../linalg/bandedCholesky';
import { leastSquares } from '../linalg/leastSquares';
import { BSplineBasis } from './bsplineBasis';

/**
 * Options of {@link fitBSplineLeastSquares}.
 *
 * @example
 * ```ts
 * fitBSplineLeastSquares(basis, xs, ys, { ridge: 1e-8, method: 'qr' });
 * ```
 */
export interface BSplineFitOptions {
  /** Tikhonov parameter λ ≥ 0 added to the diagonal of BᵀB (default 0). */
  ridge?: number;
  /** Solver; default `'normalEquations'` (falls back to `'qr'` when rank deficient). */
  method?: 'normalEquations' | 'qr';
  /** Relative rank threshold for the QR solver (default as `leastSquares`). */
  rcond?: number;
}

/**
 * Result of {@link fitBSplineLeastSquares}.
 *
 * @example
 * ```ts
 * const { coefficients, status, rank } = fitBSplineLeastSquares(basis, xs, ys);
 * if (status === 'rankDeficient') reportRank(rank, basis.size); // minimum-norm solution returned
 * ```
 */
export interface BSplineFitResult {
  /** Coefficients c_0..c_{nb−1}. */
  coefficients: Vec;
  /** `'success'`: unique least-squares solution; `'rankDeficient'`: see `rank`. */
  status: 'success' | 'rankDeficient';
  /** Numerical rank from QR when QR was used; otherwise the structural rank. */
  rank: number;
  /** Schoenberg–Whitney structural rank of the design matrix (≤ nb). */
  structuralRank: number;
  /** ‖B c − y‖₂ over the samples (without the ridge term). */
  residualNorm: number;
  /** The solver that produced the coefficients. */
  method: 'normalEquations' | 'qr';
}

/**
 * Fit B-spline coefficients to samples by (ridge-regularized) least squares; see the module doc
 * for the solvers and the rank report. Samples outside the support contribute zero rows.
 * Complexity O(S·k² + nb·k²) with normal equations, O(S·nb²) with QR.
 *
 * @param basis - the B-spline basis
 * @param xs - sample sites (finite; any order)
 * @param ys - sample values (finite), same length
 * @param options - ridge, method, rcond
 * @example
 * ```ts
 * const basis = uniformExtendedBSplineBasis(-1, 1, 50, 3);
 * const { coefficients, status } = fitBSplineLeastSquares(basis, xs, ys);
 * const yFit = basis.splineValues(coefficients, xs);
 * ```
 */
export function fitBSplineLeastSquares(basis: BSplineBasis, xs: Vec, ys: Vec, options: BSplineFitOptions = {}): BSplineFitResult {
  if (!(basis instanceof BSplineBasis)) throw new InvalidTypeError('basis', 'a BSplineBasis', basis);
  checkVec('xs', xs);
  const S = xs.length;
  if (S < 1) throw new InvalidArgumentError('xs.length', 'an integer >= 1', S);
  checkVec('ys', ys, S);
  checkAllFinite('xs', xs);
  checkAllFinite('ys', ys);
  const ridge = checkNonNegative('options.ridge', options.ridge ?? 0);
  const method = checkOneOf('options.method', options.method ?? 'normalEquations', ['normalEquations', 'qr'] as const);
  if (options.rcond !== undefined) checkInRange('options.rcond', options.rcond, 0, 1);
  const k = basis.degree;
  const p1 = k + 1;
  const nb = basis.size;
  // local basis rows: start index and k+1 values per sample
  const starts = new Int32Array(S);
  const rows = new Float64Array(S * p1);
  const scratch = new Float64Array(p1);
  for (let s = 0; s < S; s++) {
    starts[s] = basis.evaluate(xs[s], scratch);
    rows.set(scratch, s * p1);
  }
  const structuralRank = schoenbergWhitneyRank(basis.knots, xs, starts, rows, k, nb);
  let coefficients: Vec | null = null;
  let rank = structuralRank;
  let used: 'normalEquations' | 'qr' = 'qr';
  if (method === 'normalEquations' && (structuralRank === nb || ridge > 0)) {
    coefficients = solveNormalEquations(ys, starts, rows, k, nb, ridge);
    if (coefficients !== null) used = 'normalEquations';
  }
  let status: 'success' | 'rankDeficient' = structuralRank < nb ? 'rankDeficient' : 'success';
  if (coefficients === null) {
    const A = new Float64Array(S * nb);
    for (let s = 0; s < S; s++) for (let r = 0; r < p1; r++) A[s * nb + starts[s] + r] = rows[s * p1 + r];
    const result = leastSquares({ rows: S, cols: nb, data: A }, ys, { ridge, rcond: options.rcond });
    coefficients = result.x;
    rank = ridge > 0 ? Math.min(structuralRank, result.rank) : result.rank;
    if (rank < nb) status = 'rankDeficient';
  }
  let sum = 0;
  for (let s = 0; s < S; s++) {
    let v = -ys[s];
    for (let r = 0; r < p1; r++) v += coefficients[starts[s] + r] * rows[s * p1 + r];
    sum += v * v;
  }
  return { coefficients, status, rank, structuralRank, residualNorm: Math.sqrt(sum), method: used };
}

/** Banded normal equations (lower band, bandwidth k) + banded Cholesky; null if not SPD. */
function solveNormalEquations(ys: Vec, starts: Int32Array, rows: Vec, k: number, nb: number, ridge: number): Vec | null {
  const p1 = k + 1;
  const kl = Math.min(k, nb - 1);
  const N = new BandedMatrix(nb, kl, 0);
  const w = N.width;
  const data = N.data;
  const rhs = new Float64Array(nb);
  for (let s = 0; s < starts.length; s++) {
    const st = starts[s];
    const row = s * p1;
    for (let r = 0; r < p1; r++) {
      const vr = rows[row + r];
      if (vr === 0) continue;
      rhs[st + r] += vr * ys[s];
      const base = (st + r) * w + kl - r; // entry (st+r, st+q) at base + q
      for (let q = Math.max(0, r - kl); q <= r; q++) data[base + q] += vr * rows[row + q];
    }
  }
  if (ridge > 0) for (let i = 0; i < nb; i++) data[i * w + kl] += ridge;
  try {
    return bandedCholesky(N).solve(rhs);
  } catch (e) {
    if (e instanceof NumericalError) return null;
    throw e;
  }
}

/**
 * Largest Schoenberg–Whitney selection: columns in increasing order are matched greedily to the
 * next unused distinct sample site (in sorted order) at which the column's basis function is
 * nonzero. Supports [t_i, t_{i+k+1}] have nondecreasing ends, so a site left of column i's
 * support is useless for every later column and a site right of it ends the search for column i;
 * hence the greedy matching is maximal.
 */
function schoenbergWhitneyRank(knots: Vec, xs: Vec, starts: Int32Array, rows: Vec, k: number, nb: number): number {
  const S = xs.length;
  const p1 = k + 1;
  const order = Array.from({ length: S }, (_, i) => i).sort((a, b) => xs[a] - xs[b]);
  let rank = 0;
  let p = 0;
  let lastX = -Infinity;
  for (let i = 0; i < nb && p < S; i++) {
    const middle = 0.5 * (knots[i] + knots[i + k + 1]);
    while (p < S) {
      const s = order[p];
      const x = xs[s];
      const r = i - starts[s];
      if (x > lastX && r >= 0 && r <= k && rows[s * p1 + r] !== 0) {
        rank++;
        lastX = x;
        p++;
        break;
      }
      if (x <= lastX || x < middle) {
        p++; // repeated site, or left of the support of column i: useless from now on
        continue;
      }
      break; // right of column i's support: column i stays unmatched
    }
  }
  return rank;
}
