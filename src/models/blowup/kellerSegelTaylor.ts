/**
 * Taylor-space structure of the 3-D Keller–Segel profile and of its linearization (thesis §1.1.3,
 * L1003–1030), for the modulation design of the rescaled dynamics.
 *
 * **Profile series.** The profile equation is autonomous in s = log r, so Q is a power series in
 * `ε = r^{2j0}`: `Q = Σ_k q_k ε^k`, `m = M/r³ = Σ_k q_k ε^k/(2kj0 + 3)`, with q₀ = 1/(1−μ), q₁ = −1
 * (the normalization `Q = q0 − |y|^{2j0} + …`) and, from `(dQ/ds)(β − m) = Q((1−μ)Q − 1)` at order n ≥ 2,
 *
 *     (n − 1) q_n = (1−μ) Σ_{k=1}^{n−1} q_k q_{n−k} + Σ_{k=1}^{n−1} 2kj0 q_k q_{n−k}/(2(n−k)j0 + 3).
 *
 * **Linearization.** With `L ε = −ε − βy·∇ε + ∇ε·∇Δ⁻¹Q + ∇Q·∇Δ⁻¹ε + 2(1−μ)Qε` and
 * `∇Δ⁻¹r^{2i} = r^{2i+1}/(2i+3) ê_r`,
 *
 *     L r^{2i} = (1 − i/j0) r^{2i} + Σ_{k≥1} σ_{i,i+kj0} r^{2i+2kj0},
 *     σ_{i,i+kj0} = q_k (2i/(2kj0 + 3) + 2kj0/(2i + 3) + 2(1−μ)),
 *
 * so the thesis's eigenvalues `(j0 − j)/j0` appear on the diagonal and the couplings it leaves
 * unnamed vanish unless j − i is a multiple of j0 (`σ_{0,j0} = −2j0/3 − 2(1−μ)`). Checked against a
 * symbolic linearization (sympy) in the tests.
 *
 * @module
 */
import { checkFinite, checkInteger } from '../../core/check';
import { InvalidArgumentError } from '../../core/errors';
import type { Vec } from '../../core/types';

/**
 * The coefficients q_0..q_n of the profile series `Q = Σ q_k r^{2kj0}` (module doc). O(n²).
 * @throws InvalidArgumentError for μ ∉ [0, 1/3) or j0 not a positive integer
 * @example
 * ```ts
 * kellerSegelProfileSeries(0, 4, 2); // [1, −1, 1 + 8/11]
 * ```
 */
export function kellerSegelProfileSeries(mu: number, j0: number, n: number): Vec {
  checkFinite('mu', mu);
  if (!(mu >= 0 && mu < 1 / 3)) throw new InvalidArgumentError('mu', 'a number in [0, 1/3)', mu);
  checkInteger('j0', j0, 1);
  checkInteger('n', n, 1, 10000);
  const q = new Float64Array(n + 1);
  q[0] = 1 / (1 - mu);
  q[1] = -1;
  for (let m = 2; m <= n; m++) {
    let acc = 0;
    for (let k = 1; k < m; k++) acc += (1 - mu) * q[k] * q[m - k] + (2 * k * j0 * q[k] * q[m - k]) / (2 * (m - k) * j0 + 3);
    q[m] = acc / (m - 1);
  }
  return q;
}

/**
 * The linearized operator of the rescaled Keller–Segel equation at Q (without the viscous term) on
 * the monomials r^{2i}, i = 0..K: row-major (K+1)², entry `[i·(K+1) + j]` = coefficient of r^{2j} in
 * `L r^{2i}` (module doc). Lower-triangular in the sense j ≥ i. O(K²).
 * @example
 * ```ts
 * const A = kellerSegelTaylorMatrix(0, 4, 8);
 * A[0 * 9 + 4]; // σ_{0,4} = −8/3 − 2
 * ```
 */
export function kellerSegelTaylorMatrix(mu: number, j0: number, K: number): Vec {
  checkInteger('K', K, 0, 10000);
  const q = kellerSegelProfileSeries(mu, j0, Math.max(1, Math.floor(K / j0) + 1));
  const w = K + 1;
  const A = new Float64Array(w * w);
  for (let i = 0; i <= K; i++) {
    A[i * w + i] = 1 - i / j0;
    for (let k = 1; i + k * j0 <= K; k++) {
      A[i * w + i + k * j0] = q[k] * ((2 * i) / (2 * k * j0 + 3) + (2 * k * j0) / (2 * i + 3) + 2 * (1 - mu));
    }
  }
  return A;
}

/**
 * The modulation laws of the rescaled Keller–Segel dynamics in Taylor space (thesis §1.1.3,
 * L1003–1030; derivation in docs/keller-segel.md). For
 * `Ψ_τ = c_uΨ − c_l y·∇Ψ + ∇Ψ·∇Δ⁻¹Ψ + (1−μ)Ψ² + νΔΨ + Σ_{j=1}^{j0−1} a_j χ|y|^{2j}` and
 * `Ψ = Σ_j ψ_j|y|^{2j}` near 0, holding `ψ_0..ψ_{j0}` fixed means, at order `|y|^{2j}`,
 *
 *     0 = (c_u − 2jc_l)ψ_j + S_j + ν(2j+2)(2j+3)ψ_{j+1} + a_j,
 *     S_j = Σ_{k+l=j} ψ_kψ_l (2k/(2l+3) + 1 − μ),
 *
 * (a_0 = a_{j0} = 0), solved as `c_u` from j = 0, `c_l` from j = j0 and a_j from the rest. On
 * `ψ = (q0, 0, …, 0, −1, ψ_{j0+1})`: `c_u = −1`, `c_l = β + ν(2j0+2)(2j0+3)ψ_{j0+1}/(2j0·ψ_{j0})`,
 * `a_{j0−1} = 2j0(2j0+1)ν`, the other a_j = 0. With `modulateUnstable = false` only
 * `[c_u, c_l]` are returned. O(j0²).
 *
 * @param psi - Taylor coefficients ψ_0..ψ_{j0+1} (length ≥ j0 + 2; ψ_0 ≠ 0, ψ_{j0} ≠ 0)
 * @example
 * ```ts
 * kellerSegelModulationLaws(0, 4, [1, 0, 0, 0, -1, 0], 1e-3); // [−1, 11/24, 0, 0, 0.072]
 * ```
 */
export function kellerSegelModulationLaws(mu: number, j0: number, psi: ArrayLike<number>, nu: number, modulateUnstable = true): Vec {
  checkFinite('mu', mu);
  if (!(mu >= 0 && mu < 1 / 3)) throw new InvalidArgumentError('mu', 'a number in [0, 1/3)', mu);
  checkInteger('j0', j0, 2, 64);
  if (psi === null || typeof psi !== 'object' || !(psi.length >= j0 + 2)) throw new InvalidArgumentError('psi', `an array of at least j0 + 2 = ${j0 + 2} Taylor coefficients`, psi);
  for (let j = 0; j < j0 + 2; j++) checkFinite(`psi[${j}]`, psi[j]);
  if (psi[0] === 0 || psi[j0] === 0) throw new InvalidArgumentError('psi', 'coefficients with ψ_0 ≠ 0 and ψ_{j0} ≠ 0', psi);
  checkFinite('nu', nu);
  const S = (j: number): number => {
    let acc = 0;
    for (let k = 0; k <= j; k++) acc += psi[k] * psi[j - k] * ((2 * k) / (2 * (j - k) + 3) + 1 - mu);
    return acc;
  };
  const visc = (j: number): number => nu * (2 * j + 2) * (2 * j + 3) * psi[j + 1];
  const cu = -(S(0) + visc(0)) / psi[0];
  const cl = (cu * psi[j0] + S(j0) + visc(j0)) / (2 * j0 * psi[j0]);
  const out = new Float64Array(modulateUnstable ? j0 + 1 : 2);
  out[0] = cu;
  out[1] = cl;
  if (modulateUnstable) for (let j = 1; j < j0; j++) out[1 + j] = -((cu - 2 * j * cl) * psi[j] + S(j) + visc(j));
  return out;
}
