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
