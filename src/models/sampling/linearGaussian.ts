/**
 * Linear-Gaussian theory of the ensemble samplers (thesis Appendix C, §C.2 eq. (C.2.2) and §C.5
 * eq. (C.5.2)): the exact posterior N(Bc, B) of y = Aq + η, and the mean-field moment equations of
 * EKHMC with their RK4 integration.
 *
 * @module
 */
import { checkAllFinite, checkInteger, checkPositive, checkVec } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { DenseMatrix } from '../../core/types';
import { checkDenseMatrix, choleskyFactor, choleskySolve, createMatrix, symmetrize } from '../../linalg/dense';
import { checkInverseProblem, type GaussianPrior, type CovarianceSpec, type InverseProblem } from './problem';

/** A linear inverse problem y = Aq + η. */
export interface LinearInverseProblem {
  /** The forward matrix A (J×N). */
  A: DenseMatrix;
  /** Data y (length J). */
  data: ArrayLike<number>;
  /** Noise covariance Γ (J×J). */
  noise: CovarianceSpec;
  /** Gaussian prior N(m0, Γ0). */
  prior: GaussianPrior;
}

/** The exact Gaussian posterior N(Bc, B). */
export interface GaussianPosterior {
  /** Posterior mean Bc (length N). */
  mean: Float64Array;
  /** Posterior covariance B = (AᵀΓ⁻¹A + Γ0⁻¹)⁻¹ (N×N, symmetric). */
  covariance: DenseMatrix;
  /** Posterior precision B⁻¹ (N×N). */
  precision: DenseMatrix;
  /** c = AᵀΓ⁻¹y + Γ0⁻¹m0 (length N), so that DΦ(q) = B⁻¹q − c. */
  c: Float64Array;
}

/**
 * The exact posterior of a linear-Gaussian problem: B = (AᵀΓ⁻¹A + Γ0⁻¹)⁻¹, c = AᵀΓ⁻¹y + Γ0⁻¹m0,
 * mean Bc (thesis eq. (C.2.2), with a prior mean). O(N²J + N³).
 * @throws InvalidArgumentError on dimension mismatches or a non-SPD covariance
 * @example
 * ```ts
 * const post = linearGaussianPosterior({ A: createMatrix(1, 1, new Float64Array([1])), data: [1],
 *   noise: 0.1, prior: { covariance: 1 } });   // mean 1/1.1, covariance 0.1/1.1
 * ```
 */
export function linearGaussianPosterior(problem: LinearInverseProblem): GaussianPosterior {
  checkDenseMatrix('problem.A', problem.A);
  const { rows: J, cols: N } = problem.A;
  const p = checkInverseProblem(linearInverseProblem(problem), { forward: true, gradient: false });
  if (p.J !== J) throw new InvalidArgumentError('problem.data', `length J = ${J} (the rows of A)`, `length ${p.J}`);
  const A = problem.A.data;
  const P = createMatrix(N, N);
  const col = new Float64Array(J);
  const e = new Float64Array(N);
  const w = new Float64Array(N);
  for (let b = 0; b < N; b++) {
    for (let j = 0; j < J; j++) col[j] = A[j * N + b];
    p.noise!.solve(col, col);
    for (let a = 0; a < N; a++) {
      let s = 0;
      for (let j = 0; j < J; j++) s += A[j * N + a] * col[j];
      P.data[a * N + b] = s;
    }
    e.fill(0);
    e[b] = 1;
    p.prior.solve(e, w);
    for (let a = 0; a < N; a++) P.data[a * N + b] += w[a];
  }
  const precision = symmetrize(P);
  const c = new Float64Array(N);
  const r = p.noise!.solve(Float64Array.from(p.data));
  for (let a = 0; a < N; a++) {
    let s = 0;
    for (let j = 0; j < J; j++) s += A[j * N + a] * r[j];
    c[a] = s;
  }
  const m0 = p.prior.solve(p.priorMean);
  for (let a = 0; a < N; a++) c[a] += m0[a];
  const L = choleskyFactor(precision);
  if (L.status !== 'success') throw new InvalidArgumentError('problem', 'a problem whose posterior precision is positive definite');
  const cov = createMatrix(N, N);
  for (let b = 0; b < N; b++) {
    e.fill(0);
    e[b] = 1;
    const x = choleskySolve(L.factor, e);
    for (let a = 0; a < N; a++) cov.data[a * N + b] = x[a];
  }
  return { mean: choleskySolve(L.factor, c) as Float64Array, covariance: symmetrize(cov), precision, c };
}

/**
 * The {@link InverseProblem} of y = Aq + η, with forward map q ↦ Aq and gradient DΦ(q) = B⁻¹q − c.
 * @example
 * ```ts
 * const problem = linearInverseProblem({ A, data: y, noise: 0.01, prior: { covariance: 100 } });
 * ekhmc({ ...problem, ensembleSize: 200, iterations: 100 });
 * ```
 */
export function linearInverseProblem(problem: LinearInverseProblem): InverseProblem {
  const A = checkDenseMatrix('problem.A', problem.A);
  const { rows: J, cols: N } = A;
  let post: GaussianPosterior | undefined;
  return {
    dimension: N,
    data: problem.data,
    noise: problem.noise,
    prior: problem.prior,
    forward: (q, out) => {
      for (let j = 0; j < J; j++) {
        let s = 0;
        for (let a = 0; a < N; a++) s += A.data[j * N + a] * q[a];
        out[j] = s;
      }
    },
    gradient: (q, out) => {
      post ??= linearGaussianPosterior(problem);
      const P = post.precision.data;
      for (let a = 0; a < N; a++) {
        let s = -post.c[a];
        for (let b = 0; b < N; b++) s += P[a * N + b] * q[b];
        out[a] = s;
      }
    },
  };
}

/** The moments of the mean-field EKHMC law: means of q and p, covariances C_q, C_p, C_qp (N×N row-major). */
export interface MomentState {
  /** m_q (length N). */
  mq: Float64Array;
  /** m_p (length N). */
  mp: Float64Array;
  /** C_q (N·N). */
  Cq: Float64Array;
  /** C_p (N·N). */
  Cp: Float64Array;
  /** C_qp (N·N). */
  Cqp: Float64Array;
}

function mul(N: number, X: Float64Array, Y: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let k = 0; k < N; k++) s += X[i * N + k] * Y[k * N + j];
      out[i * N + j] = s;
    }
  }
  return out;
}

/**
 * Right-hand side of the moment equations (thesis eq. (C.5.2)):
 * ṁ_q = m_p, ṁ_p = −C_q(B⁻¹m_q − c) − γm_p, Ċ_q = C_qp + C_qpᵀ,
 * Ċ_p = −C_qB⁻¹C_qp − (C_qB⁻¹C_qp)ᵀ − 2γC_p + 2γC_q, Ċ_qp = −γC_qp − C_qB⁻¹C_q + C_p. O(N³).
 * @example
 * ```ts
 * const d = momentOdeRhs(state, precision.data, c, 2 * Math.SQRT2 - 1);
 * ```
 */
export function momentOdeRhs(s: MomentState, precision: Float64Array, c: Float64Array, gamma: number): MomentState {
  checkMomentArguments(s, precision, c, gamma);
  return momentRhs(s, precision, c, gamma);
}

/** Validate a moment state, B⁻¹ (N×N), c (length N) and γ > 0, all finite. */
function checkMomentArguments(s: MomentState, precision: Float64Array, c: Float64Array, gamma: number): void {
  checkPositive('gamma', gamma);
  if (s === null || typeof s !== 'object') throw new InvalidTypeError('state', 'a MomentState { mq, mp, Cq, Cp, Cqp }', s);
  const N = checkVec('state.mq', s.mq).length;
  if (N < 1) throw new InvalidArgumentError('state.mq', 'a non-empty Float64Array', 'length 0');
  checkVec('state.mp', s.mp, N);
  for (const k of ['Cq', 'Cp', 'Cqp'] as const) checkVec(`state.${k}`, s[k], N * N);
  checkVec('precision', precision, N * N);
  checkVec('c', c, N);
  for (const k of ['mq', 'mp', 'Cq', 'Cp', 'Cqp'] as const) checkAllFinite(`state.${k}`, s[k]);
  checkAllFinite('precision', precision);
  checkAllFinite('c', c);
}

function momentRhs(s: MomentState, precision: Float64Array, c: Float64Array, gamma: number): MomentState {
  const N = s.mq.length;
  const t1 = new Float64Array(N * N);
  const t2 = new Float64Array(N * N);
  const d: MomentState = { mq: Float64Array.from(s.mp), mp: new Float64Array(N), Cq: new Float64Array(N * N), Cp: new Float64Array(N * N), Cqp: new Float64Array(N * N) };
  const r = new Float64Array(N);
  for (let a = 0; a < N; a++) {
    let v = -c[a];
    for (let b = 0; b < N; b++) v += precision[a * N + b] * s.mq[b];
    r[a] = v;
  }
  for (let a = 0; a < N; a++) {
    let v = 0;
    for (let b = 0; b < N; b++) v += s.Cq[a * N + b] * r[b];
    d.mp[a] = -v - gamma * s.mp[a];
  }
  mul(N, s.Cq, precision, t1); // C_q B⁻¹
  mul(N, t1, s.Cqp, t2); // C_q B⁻¹ C_qp
  const t3 = mul(N, t1, s.Cq, new Float64Array(N * N)); // C_q B⁻¹ C_q
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const ij = i * N + j;
      const ji = j * N + i;
      d.Cq[ij] = s.Cqp[ij] + s.Cqp[ji];
      d.Cp[ij] = -t2[ij] - t2[ji] - 2 * gamma * s.Cp[ij] + 2 * gamma * s.Cq[ij];
      d.Cqp[ij] = -gamma * s.Cqp[ij] - t3[ij] + s.Cp[ij];
    }
  }
  return d;
}

/**
 * Integrate the moment equations (C.5.2) by classical RK4 with step `dt` for `steps` steps,
 * calling `observe(t, state)` after every step (and at t = 0). O(steps·N³).
 * @example
 * ```ts
 * integrateMomentOde(init, post.precision.data, post.c, 1, 0.01, 1000, (t, s) => {});
 * ```
 */
export function integrateMomentOde(init: MomentState, precision: Float64Array, c: Float64Array, gamma: number, dt: number, steps: number, observe?: (t: number, s: MomentState) => void): MomentState {
  checkMomentArguments(init, precision, c, gamma);
  checkPositive('dt', dt);
  checkInteger('steps', steps, 0);
  const keys = ['mq', 'mp', 'Cq', 'Cp', 'Cqp'] as const;
  const axpy = (s: MomentState, d: MomentState, h: number): MomentState => {
    const o = {} as MomentState;
    for (const k of keys) {
      const v = Float64Array.from(s[k]);
      for (let i = 0; i < v.length; i++) v[i] += h * d[k][i];
      o[k] = v;
    }
    return o;
  };
  let s: MomentState = axpy(init, init, 0);
  observe?.(0, s);
  for (let n = 0; n < steps; n++) {
    const k1 = momentRhs(s, precision, c, gamma);
    const k2 = momentRhs(axpy(s, k1, dt / 2), precision, c, gamma);
    const k3 = momentRhs(axpy(s, k2, dt / 2), precision, c, gamma);
    const k4 = momentRhs(axpy(s, k3, dt), precision, c, gamma);
    const next = {} as MomentState;
    for (const k of keys) {
      const v = Float64Array.from(s[k]);
      for (let i = 0; i < v.length; i++) v[i] += (dt / 6) * (k1[k][i] + 2 * k2[k][i] + 2 * k3[k][i] + k4[k][i]);
      next[k] = v;
    }
    s = next;
    observe?.((n + 1) * dt, s);
  }
  return s;
}
