/**
 * The damping quadratic form of the Hou–Li linearization (thesis Proposition A.2.4, eq. (A.2.5),
 * Lemma A.6.1, Remark A.6.2): assembly of the truncated matrix F^{(N)}, an independent quadrature
 * of the energy derivative dE1 it represents, and the definiteness checks of the lemma.
 *
 * In `x = (a_1..a_N, c_1..c_N)` (ω = Σ a_k o_k, u_x = Σ c_k e_k in the L²(ρ)-orthonormal bases of
 * thesis Lemma A.2.3), (A.2.5) reads `F(a, c) = xᵀF^{(N)}x` with `1 − d` on the diagonal where the
 * thesis writes 0.84 (damping d = 0.16). With d = 0 the form is −dE1 — **up to the sign of c**: the
 * literal expansion of `−[((L1)_x, u_xρ) + (L2, ωρ)]` equals the printed form at `(a, −c)`
 * ({@link dampingFormQuadrature} checks this). The spectrum is the same for both signs
 * (diag(I, −I) is orthogonal).
 *
 * @module
 */
import { checkAllFinite, checkInteger, checkNonNegative, checkVec } from '../../core/check';
import { InvalidArgumentError } from '../../core/errors';
import type { DenseMatrix, Vec } from '../../core/types';
import { choleskyFactor, createMatrix } from '../../linalg/dense';
import { symmetricEigenvalues } from '../../linalg/symmetricEigenvalues';

/**
 * Assemble F^{(N)} of thesis (A.2.5) (2N×2N, rows/columns `a_1..a_N, c_1..c_N`) with `1 − damping`
 * in place of 0.84 (`damping = 0.16` is the thesis's form; 0 gives the −dE1 form). Terms with
 * 1/(k−1) are 0 at k = 1 (thesis L6046); indices beyond N are dropped (truncation). Every
 * off-diagonal entry is written to (i, j) and (j, i) from one expression, so the matrix is exactly
 * symmetric. O(N²).
 *
 * @param N - truncation, integer in [1, 2000]
 * @param damping - d ≥ 0 (default 0.16)
 * @example
 * ```ts
 * const F = dampingFormMatrix(200); // thesis (A.2.5), 400×400
 * ```
 */
export function dampingFormMatrix(N: number, damping = 0.16): DenseMatrix {
  checkInteger('N', N, 1, 2000);
  checkNonNegative('damping', damping);
  const n = 2 * N;
  const M = createMatrix(n, n);
  const m = M.data;
  const add = (i: number, j: number, v: number): void => {
    if (i === j) m[i * n + i] += v;
    else { m[i * n + j] += v; m[j * n + i] += v; }
  };
  const A = (k: number): number => k - 1;
  const C = (k: number): number => N + k - 1;
  const one = 1 - damping;
  for (let k = 1; k <= N; k++) {
    add(A(k), A(k), one + 1 / (k * k) - (k > 1 ? 1 / ((k - 1) * (k - 1)) : 0));
    add(C(k), C(k), one + 1 / (k * (k + 1)));
    if (k + 1 <= N) add(A(k), A(k + 1), 1 / ((k + 1) * (k + 1)));
    for (let j = k + 2; j <= N; j++) add(A(k), A(j), 1 / (j * j) - 1 / ((j - 1) * (j - 1)));
    add(A(k), C(k), (1 + 2 * k - k * k) / (2 * k * k * (k + 1)));
    if (k + 1 <= N) add(A(k + 1), C(k), (k * k - k - 1) / (2 * k * k * (k + 1) * (k + 1)));
    if (k + 2 <= N) add(A(k + 2), C(k), -(k + 2) / (2 * (k + 1) * (k + 1)));
    for (let j = k + 1; j <= N; j++) add(A(k), C(j), 1 / (j * (j + 1)));
  }
  return M;
}

/** Result of {@link dampingFormQuadrature}. */
export interface DampingQuadrature {
  /** dE1 = ((L1)_x, u_xρ) + (L2, ωρ) (thesis Proposition A.2.4). */
  dE1: number;
  /** (u_x, u_xρ) + (ω, ωρ) (= Σ a_k² + c_k² by orthonormality). */
  energy: number;
  /** max |u_x − Σ c_k e_k| at the nodes (checks the coefficient relation (A.2.4)). */
  coefficientError: number;
}

/**
 * Independent evaluation of dE1 for ω = Σ a_k o_k and u_x = Σ c_k e_k (thesis Lemma A.2.3):
 * u from (A.2.4) (`b_i = Σ_{k≥i} c_k/(k(k+1)) − c_{i−1}/i`), ψ from −ψ_xx = ω in the sine basis,
 * `(L1)_x = −2 sin x u_xx + 2 sin x ψ − 2u sin x + 2 sin x ψ_xx`,
 * `L2 = −2 sin x ω_x − 2 cos x ψ + 2u cos x + 2 sin x u_x`, and the inner products
 * `(f, gρ) = ∫₀^{2π} fg/(2π(1 − cos x))` by the midpoint rule on M = 8N + 64 points, exact here
 * (the integrands are trigonometric polynomials divisible by 1 − cos x). O(N·M).
 *
 * @example
 * ```ts
 * const q = dampingFormQuadrature(a, c);
 * // −q.dE1 equals xᵀF x with x = (a, −c) and F = dampingFormMatrix(N, 0)
 * ```
 */
export function dampingFormQuadrature(a: Vec, c: Vec): DampingQuadrature {
  const N = checkVec('a', a).length;
  checkVec('c', c, N);
  if (N < 1) throw new InvalidArgumentError('a', 'a non-empty vector', N);
  checkAllFinite('a', a);
  checkAllFinite('c', c);
  const M = 8 * N + 64;
  const s = new Float64Array(N + 2); // sine coefficients of ω, index k = 1..N
  for (let k = 1; k <= N; k++) s[k] = a[k - 1] - (k < N ? a[k] : 0);
  const cc = new Float64Array(N + 2); // c_0..c_{N+1}
  for (let k = 1; k <= N; k++) cc[k] = c[k - 1];
  const b = new Float64Array(N + 3);
  let tail = 0; // Σ_{k≥i} c_k/(k(k+1))
  for (let i = N + 1; i >= 1; i--) {
    if (i <= N) tail += cc[i] / (i * (i + 1));
    b[i] = tail - cc[i - 1] / i;
  }
  const beta = new Float64Array(N + 2); // sine coefficients of u, k = 1..N+1
  for (let k = 1; k <= N + 1; k++) beta[k] = b[k] - b[k + 1];
  let dE1 = 0, energy = 0, coefErr = 0;
  const h = (2 * Math.PI) / M;
  for (let j = 0; j < M; j++) {
    const x = (j + 0.5) * h;
    let w = 0, wx = 0, psi = 0, u = 0, ux = 0, uxx = 0, uxE = 0;
    for (let k = 1; k <= N + 1; k++) {
      const sk = Math.sin(k * x), ck = Math.cos(k * x);
      if (k <= N) {
        w += s[k] * sk;
        wx += k * s[k] * ck;
        psi += (s[k] / (k * k)) * sk;
        uxE += cc[k] * (ck - Math.cos((k + 1) * x));
      }
      u += beta[k] * sk;
      ux += k * beta[k] * ck;
      uxx -= k * k * beta[k] * sk;
    }
    const sx = Math.sin(x), cx = Math.cos(x);
    const half = Math.sin(0.5 * x);
    const rho = 1 / (4 * Math.PI * half * half);
    const L1x = -2 * sx * uxx + 2 * sx * psi - 2 * u * sx - 2 * sx * w;
    const L2 = -2 * sx * wx - 2 * cx * psi + 2 * u * cx + 2 * sx * ux;
    dE1 += (L1x * ux + L2 * w) * rho;
    energy += (ux * ux + w * w) * rho;
    coefErr = Math.max(coefErr, Math.abs(ux - uxE));
  }
  return { dE1: dE1 * h, energy: energy * h, coefficientError: coefErr };
}

/** Result of {@link lemmaA61}. */
export interface LemmaA61Result {
  /** Truncations N. */
  N: number[];
  /** λ_min(F^{(N)}) of the thesis's form (damping 0.16) for each N. */
  lambdaMin: number[];
  /** λ_min of the −dE1 form (damping 0) for each N: the sharp damping constant of F^{(N)}. */
  sharpDampingByN: number[];
  /** The sharp damping constant at the largest N (Proposition A.2.4 needs it > 0.16). */
  sharpDamping: number;
  /** Whether Cholesky of F^{(N)} − εI succeeds, per N (ε = `epsilon`, thesis 0.01). */
  choleskyAtEpsilon: boolean[];
  /** The ε used. */
  epsilon: number;
  /** Whether the tail condition λ_min(F^{(N)}) ≥ 2/N holds, per N. */
  tailCondition: boolean[];
  /** Smallest N for which λ_min ≥ 2/N (using λ_min at the largest N, converged in N). */
  tailConditionMinN: number;
  /** Largest damping d for which the tail condition holds at N = 200: λ_min(−dE1 form) − 2/200. */
  dampingForTailAt200: number;
  /** The full spectrum of F^{(N)} at the largest N (ascending). */
  spectrum: Vec;
}

/**
 * Re-verify thesis Lemma A.6.1 / Proposition A.2.4: for each N, λ_min of F^{(N)} (thesis (A.2.5),
 * damping 0.16) and of the −dE1 form (damping 0, the same spectrum shifted by 0.16) by a symmetric eigensolver (Householder + QL, eigenvalues only),
 * Cholesky of `F^{(N)} − εI` (the thesis claims success for ε = 0.01 at N = 200), and the tail
 * condition `λ_min ≥ 2/N` of the proof (thesis L7600–7670). O(N³) per N.
 *
 * @param Ns - truncations (integers in [1, 2000]; default 50, 100, 200, 400)
 * @param epsilon - shift for the Cholesky test (default 0.01)
 * @example
 * ```ts
 * const r = lemmaA61([50, 100, 200]);
 * r.lambdaMin; r.sharpDamping; r.choleskyAtEpsilon; r.tailCondition;
 * ```
 */
export function lemmaA61(Ns: number[] = [50, 100, 200, 400], epsilon = 0.01): LemmaA61Result {
  if (!Array.isArray(Ns) || Ns.length === 0) throw new InvalidArgumentError('Ns', 'a non-empty array of integers', Ns);
  Ns.forEach((N, i) => checkInteger(`Ns[${i}]`, N, 1, 2000));
  checkNonNegative('epsilon', epsilon);
  const lambdaMin: number[] = [], sharp: number[] = [];
  const choleskyAtEpsilon: boolean[] = [], tailCondition: boolean[] = [];
  let spectrum: Vec = new Float64Array(0);
  let largest = -1;
  for (const N of Ns) {
    const F = dampingFormMatrix(N, 0.16);
    const values = symmetricEigenvalues(F);
    // The −dE1 form is F + 0.16·I: its spectrum is shifted by exactly 0.16.
    sharp.push(values[0] + 0.16);
    lambdaMin.push(values[0]);
    const n = 2 * N;
    for (let i = 0; i < n; i++) F.data[i * n + i] -= epsilon;
    choleskyAtEpsilon.push(choleskyFactor(F).status === 'success');
    tailCondition.push(values[0] >= 2 / N);
    if (N > largest) { largest = N; spectrum = values; }
  }
  const iMax = Ns.indexOf(largest);
  const sharpDamping = sharp[iMax];
  const lam = lambdaMin[iMax];
  return {
    N: Ns.slice(), lambdaMin, sharpDampingByN: sharp, sharpDamping, choleskyAtEpsilon, epsilon, tailCondition,
    tailConditionMinN: lam > 0 ? Math.ceil(2 / lam) : Infinity,
    dampingForTailAt200: sharpDamping - 2 / 200,
    spectrum,
  };
}
