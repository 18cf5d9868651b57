/**
 * The low-dimensional test problem of thesis Appendix C, §C.6.1 (after Garbuno-Inigo et al. 2020,
 * §4.3): −(exp(u1)p′)′ = 1 on (0, 1), p(0) = 0, p(1) = u2 (eq. (C.6.5)), observed at x = 0.25 and
 * 0.75 (eqs. (C.6.6)–(C.6.7)), and a reference posterior of any two-parameter problem by tensor
 * Gauss–Legendre quadrature of exp(−Φ), refined until its moments are stable.
 *
 * @module
 */
import { checkAllFinite, checkFinite, checkInRange, checkInteger, checkPositive } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError, NumericalError } from '../../core/errors';
import type { DenseMatrix } from '../../core/types';
import { createMatrix } from '../../linalg/dense';
import { gaussLegendre } from '../../quad/gaussLegendre';
import { Rng } from '../../random/rng';
import type { Seed } from '../../random/seed';
import { checkInverseProblem, type InverseProblem } from './problem';

/**
 * The closed-form solution p(x) = u2·x + e^{−u1}(−x²/2 + x/2) of (C.6.5) (thesis eq. (C.6.6)).
 * @example
 * ```ts
 * lowDimensionalPressure(0, 1, 1); // p(1) = u2 = 1
 * ```
 */
export function lowDimensionalPressure(u1: number, u2: number, x: number): number {
  checkFinite('u1', u1);
  checkFinite('u2', u2);
  checkInRange('x', x, 0, 1);
  const bubble = 0.5 * x * (1 - x); // zero at both ends, where e^{−u1} may overflow
  return bubble === 0 ? u2 * x : u2 * x + Math.exp(-u1) * bubble;
}

/**
 * The thesis's low-dimensional problem (§C.6.1): G(u) = (p(0.25), p(0.75)) (eq. (C.6.7)),
 * y = (27.5, 79.7), Γ = 0.1²I₂, prior N(0, 10²I₂).
 * @example
 * ```ts
 * const r = eks({ ...lowDimensionalProblem(), ensemble: lowDimensionalInitialEnsemble(1000, 1) });
 * ```
 */
export function lowDimensionalProblem(): InverseProblem {
  return {
    dimension: 2,
    data: [27.5, 79.7],
    noise: 0.1 ** 2,
    prior: { covariance: 10 ** 2 },
    forward: (u, out) => {
      const e = 0.09375 * Math.exp(-u[0]);
      out[0] = 0.25 * u[1] + e;
      out[1] = 0.75 * u[1] + e;
    },
  };
}

/**
 * The thesis's initial ensemble for §C.6.1: u1 ~ N(−3.5, 0.1²), u2 ~ U(70, 110), independent;
 * I×2, one particle per row.
 * @example
 * ```ts
 * lowDimensionalInitialEnsemble(1000, 42);
 * ```
 */
export function lowDimensionalInitialEnsemble(members: number, seed: Seed = 0): DenseMatrix {
  const I = checkInteger('members', members, 2);
  const rng = new Rng(seed);
  const E = createMatrix(I, 2);
  for (let i = 0; i < I; i++) {
    E.data[2 * i] = -3.5 + 0.1 * rng.normal();
    E.data[2 * i + 1] = 70 + 40 * rng.uniform();
  }
  return E;
}

/** Moments of a two-parameter posterior computed by quadrature. */
export interface QuadraturePosterior {
  /** Posterior mean (length 2). */
  mean: Float64Array;
  /** Posterior covariance (2×2 row-major). */
  covariance: Float64Array;
  /** Eigenvalues of the covariance, descending. */
  covarianceEigenvalues: Float64Array;
  /** Gauss–Legendre nodes per axis of the accepted rule. */
  nodes: number;
  /** Largest relative change of mean and covariance entries between the last two refinements. */
  change: number;
  /** The integration box [lo0, hi0, lo1, hi1]. */
  box: number[];
}

/** Options of {@link quadraturePosterior2d}. */
export interface QuadraturePosteriorOptions {
  /** Center of the box (e.g. the MAP); default: found by Gauss–Newton from `start`. */
  center?: ArrayLike<number>;
  /** Start of the Gauss–Newton MAP search (default the prior mean). */
  start?: ArrayLike<number>;
  /** Half-width of the box in Laplace standard deviations (default 12). */
  halfWidth?: number;
  /** Relative stability required of every moment between refinements (default 1e-5: "4 digits" with margin). */
  tolerance?: number;
  /** Initial nodes per axis (default 16), doubled until stable, at most `maxNodes` (default 1024). */
  nodes?: number;
  /** Upper bound on the nodes per axis. */
  maxNodes?: number;
}

/**
 * Mean and covariance of π(u) ∝ exp(−Φ(u)) for a two-parameter {@link InverseProblem}, by tensor
 * Gauss–Legendre quadrature on a box of ±`halfWidth` Laplace standard deviations around the MAP
 * (found by Gauss–Newton with finite-difference Jacobians), doubling the nodes per axis until every
 * moment changes by less than `tolerance` relative to its scale. O(n²) forward evaluations.
 * @example
 * ```ts
 * const ref = quadraturePosterior2d(lowDimensionalProblem(), { start: [-2.7, 104.4] });
 * ref.mean; // ≈ [−2.70, 104.4]
 * ```
 */
export function quadraturePosterior2d(problem: InverseProblem, options: QuadraturePosteriorOptions = {}): QuadraturePosterior {
  if (options === null || typeof options !== 'object') throw new InvalidTypeError('options', 'an object of quadrature options', options);
  const p = checkInverseProblem(problem, { forward: true, gradient: false });
  if (p.N !== 2) throw new InvalidArgumentError('problem.dimension', '2 for 2-D quadrature', p.N);
  const halfWidth = checkPositive('options.halfWidth', options.halfWidth ?? 12);
  const tol = checkPositive('options.tolerance', options.tolerance ?? 1e-5);
  const maxNodes = checkInteger('options.maxNodes', options.maxNodes ?? 1024, 2, 4096);
  const firstNodes = checkInteger('options.nodes', options.nodes ?? 16, 2, maxNodes);
  const startAt = options.center ?? options.start;
  if (startAt !== undefined) {
    if (startAt === null || typeof startAt !== 'object' || startAt.length !== 2) throw new InvalidArgumentError(options.center !== undefined ? 'options.center' : 'options.start', 'an array of 2 finite numbers', startAt);
    checkAllFinite(options.center !== undefined ? 'options.center' : 'options.start', startAt);
  }
  const J = p.J;
  const out = new Float64Array(J);
  const r = new Float64Array(J);
  const phi = (u: Float64Array): number => {
    p.forward!(u, out);
    for (let j = 0; j < J; j++) r[j] = p.data[j] - out[j];
    const d = new Float64Array([u[0] - p.priorMean[0], u[1] - p.priorMean[1]]);
    return 0.5 * p.noise!.normSquared(r) + 0.5 * p.prior.normSquared(d);
  };
  // Gauss–Newton for the MAP, with the Gauss–Newton Hessian H = JᵀΓ⁻¹J + Γ0⁻¹ for the box
  const u = new Float64Array(options.center ?? options.start ?? p.priorMean);
  const jac = new Float64Array(J * 2);
  const H = new Float64Array(4);
  const gn = (): Float64Array => {
    p.forward!(u, out);
    const g0 = Float64Array.from(out);
    for (let a = 0; a < 2; a++) {
      const h = 1e-7 * Math.max(1, Math.abs(u[a]));
      const v = Float64Array.from(u);
      v[a] += h;
      p.forward!(v, out);
      for (let j = 0; j < J; j++) jac[j * 2 + a] = (out[j] - g0[j]) / h;
    }
    const grad = new Float64Array(2);
    const col = new Float64Array(J);
    for (let a = 0; a < 2; a++) {
      for (let j = 0; j < J; j++) col[j] = jac[j * 2 + a];
      p.noise!.solve(col, col);
      for (let b = 0; b < 2; b++) {
        let s = 0;
        for (let j = 0; j < J; j++) s += col[j] * jac[j * 2 + b];
        H[a * 2 + b] = s;
      }
      let s = 0;
      for (let j = 0; j < J; j++) s += col[j] * (g0[j] - p.data[j]);
      grad[a] = s;
    }
    const e0 = new Float64Array([1, 0]);
    const e1 = new Float64Array([0, 1]);
    const w0 = p.prior.solve(e0);
    const w1 = p.prior.solve(e1);
    H[0] += w0[0];
    H[1] += w1[0];
    H[2] += w0[1];
    H[3] += w1[1];
    const pm = p.prior.solve(new Float64Array([u[0] - p.priorMean[0], u[1] - p.priorMean[1]]));
    grad[0] += pm[0];
    grad[1] += pm[1];
    return grad;
  };
  for (let it = 0; it < (options.center === undefined ? 50 : 1); it++) {
    const g = gn();
    if (options.center !== undefined) break;
    const det = H[0] * H[3] - H[1] * H[2];
    const d0 = (H[3] * g[0] - H[1] * g[1]) / det;
    const d1 = (-H[2] * g[0] + H[0] * g[1]) / det;
    let t = 1;
    const f0 = phi(u);
    while (t > 1e-8) {
      const v = new Float64Array([u[0] - t * d0, u[1] - t * d1]);
      if (phi(v) <= f0) break;
      t /= 2;
    }
    u[0] -= t * d0;
    u[1] -= t * d1;
    if (Math.abs(t * d0) + Math.abs(t * d1) < 1e-13 * (1 + Math.abs(u[0]) + Math.abs(u[1]))) break;
  }
  gn();
  const det = H[0] * H[3] - H[1] * H[2];
  const sd = [Math.sqrt(H[3] / det), Math.sqrt(H[0] / det)];
  const box = [u[0] - halfWidth * sd[0], u[0] + halfWidth * sd[0], u[1] - halfWidth * sd[1], u[1] + halfWidth * sd[1]];
  const phiMap = phi(u);
  const moments = (n: number): number[] => {
    const r0 = gaussLegendre(n, box[0], box[1]);
    const r1 = gaussLegendre(n, box[2], box[3]);
    const v = new Float64Array(2);
    let z = 0;
    const m = [0, 0, 0, 0, 0]; // E[u0], E[u1], E[u0²], E[u0u1], E[u1²] about the center
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < n; k++) {
        v[0] = r0.nodes[i];
        v[1] = r1.nodes[k];
        const w = r0.weights[i] * r1.weights[k] * Math.exp(phiMap - phi(v));
        const x = v[0] - u[0];
        const y = v[1] - u[1];
        z += w;
        m[0] += w * x;
        m[1] += w * y;
        m[2] += w * x * x;
        m[3] += w * x * y;
        m[4] += w * y * y;
      }
    }
    const mx = m[0] / z;
    const my = m[1] / z;
    return [u[0] + mx, u[1] + my, m[2] / z - mx * mx, m[3] / z - mx * my, m[4] / z - my * my];
  };
  let n = firstNodes;
  let prev = moments(n);
  let change = Infinity;
  const scale = [sd[0], sd[1], sd[0] * sd[0], sd[0] * sd[1], sd[1] * sd[1]];
  while (n * 2 <= maxNodes) {
    n *= 2;
    const next = moments(n);
    change = 0;
    for (let k = 0; k < 5; k++) change = Math.max(change, Math.abs(next[k] - prev[k]) / (k < 2 ? Math.abs(next[k]) + scale[k] : scale[k]));
    prev = next;
    if (change < tol) break;
  }
  if (!prev.every(Number.isFinite) || !Number.isFinite(phiMap)) throw new NumericalError('nonFinite', `quadraturePosterior2d: the posterior moments are not finite (Φ at the MAP ${phiMap}); is the forward map finite on the box [${box.join(', ')}]?`);
  const cov = new Float64Array([prev[2], prev[3], prev[3], prev[4]]);
  const tr = cov[0] + cov[3];
  const disc = Math.sqrt(Math.max(0, ((cov[0] - cov[3]) / 2) ** 2 + cov[1] * cov[1]));
  return { mean: new Float64Array([prev[0], prev[1]]), covariance: cov, covarianceEigenvalues: new Float64Array([tr / 2 + disc, tr / 2 - disc]), nodes: n, change, box };
}
