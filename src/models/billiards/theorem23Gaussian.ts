/**
 * Expectations over a triple of independent normal velocities that the proof of Theorem 2.3
 * needs: E r and E[a r] ((5.13), (5.15), (5.16), (5.24)), where for v = (v₁, v₂, v₃) with
 * v_k ~ N(α_k, β_k²) independent, a = (v₁ + v₂ + v₃)/3 is the triple's mean (5.9) and
 * r = √((2/3)Σ(v_k − a)²) its circle radius (5.10).
 *
 * Reduction to two dimensions: with the orthonormal basis e₁ = (−1, 0, 1)/√2,
 * e₂ = (1, −2, 1)/√6 of the plane orthogonal to (1, 1, 1), the projection y = (e₁·v, e₂·v) is
 * Gaussian with mean m_j = e_j·α and covariance C_jk = Σ_i e_j[i]e_k[i]β_i², and Σ(v_k − a)² = |y|²,
 * so r = √(2/3)|y|. The mean a is Gaussian and jointly Gaussian with y, so
 * E[a | y] = ā + gᵀ(y − m) with ā = mean(α), g = C⁻¹c, c_j = Cov(a, y_j) = (1/3)Σ_i e_j[i]β_i².
 * Hence E r = √(2/3)∫|y|φ(y)dy and E[a r] = √(2/3)∫(ā + gᵀ(y − m))|y|φ(y)dy, two smooth 2-D
 * integrals evaluated in polar coordinates y = ρ(cos θ, sin θ) (dy = ρ dρ dθ) by tensor
 * Gauss–Legendre rules on ρ ∈ [0, |m| + 12·√(largest eigenvalue of C)] and θ ∈ [0, 2π].
 *
 * @module
 */
import { checkInteger } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { Vec } from '../../core/types';
import { gaussLegendre, type QuadratureRule } from '../../quad/index';

/** Tensor Gauss–Legendre rule in polar coordinates on the unit scale (ρ ∈ [0, 1], θ ∈ [0, 2π]). */
export interface PolarRule {
  /** Radial rule on [0, 1] (scaled per integral). */
  radial: QuadratureRule;
  /** Angular rule on [0, 2π]. */
  angular: QuadratureRule;
  /** cos θ at the angular nodes. */
  cos: Vec;
  /** sin θ at the angular nodes. */
  sin: Vec;
}

/**
 * Build the polar rule used by {@link tripleRadiusMoments}. O(radial² + angular²) once.
 *
 * @param radialNodes - Gauss–Legendre nodes in ρ (integer in [4, 2000], default 64)
 * @param angularNodes - Gauss–Legendre nodes in θ (integer in [4, 2000], default 64)
 * @example
 * ```ts
 * const rule = polarRule(64, 64);
 * ```
 */
export function polarRule(radialNodes = 64, angularNodes = 64): PolarRule {
  checkInteger('radialNodes', radialNodes, 4, 2000);
  checkInteger('angularNodes', angularNodes, 4, 2000);
  const radial = gaussLegendre(radialNodes, 0, 1);
  const angular = gaussLegendre(angularNodes, 0, 2 * Math.PI);
  const cos = angular.nodes.map(Math.cos);
  const sin = angular.nodes.map(Math.sin);
  return { radial, angular, cos, sin };
}

/** E r and E[a r] of a normal triple. */
export interface TripleRadiusMoments {
  /** E r, r = √((2/3)Σ(v_k − a)²) ((5.16)). */
  meanRadius: number;
  /** E[a·r], a = (v₁ + v₂ + v₃)/3 ((5.24)). */
  meanCenterTimesRadius: number;
}

const E1 = [-Math.SQRT1_2, 0, Math.SQRT1_2];
const E2 = [1 / Math.sqrt(6), -2 / Math.sqrt(6), 1 / Math.sqrt(6)];

/**
 * E r and E[a r] for independent v_k ~ N(alpha[k], beta[k]²), k = 0, 1, 2 (see module notes).
 * Cost: radial × angular evaluations of a Gaussian; no allocation.
 *
 * @param alpha - the three means
 * @param beta - the three standard deviations (> 0)
 * @param rule - polar rule from {@link polarRule}
 * @throws InvalidArgumentError when a β_k is not a finite number > 0
 * @example
 * ```ts
 * const { meanRadius } = tripleRadiusMoments([0, 0, 0], [1, 1, 1], polarRule());
 * // √(2/3)·E|y| with y ~ N(0, I₂): √(2/3)·√(π/2) = √(π/3)
 * ```
 */
export function tripleRadiusMoments(alpha: ArrayLike<number>, beta: ArrayLike<number>, rule: PolarRule): TripleRadiusMoments {
  for (const [name, a] of [['alpha', alpha], ['beta', beta]] as const) {
    if (a === null || typeof a !== 'object' || typeof a.length !== 'number' || a.length < 3) throw new InvalidTypeError(name, 'an array of 3 numbers', a);
  }
  for (let k = 0; k < 3; k++) if (!Number.isFinite(alpha[k])) throw new InvalidArgumentError(`alpha[${k}]`, 'a finite number', alpha[k]);
  if (rule === null || typeof rule !== 'object' || typeof (rule as { radial?: unknown }).radial !== 'object' || typeof (rule as { angular?: unknown }).angular !== 'object') throw new InvalidTypeError('rule', 'a PolarRule (from polarRule)', rule);
  for (let k = 0; k < 3; k++) {
    if (!(beta[k] > 0 && beta[k] < Infinity)) throw new InvalidArgumentError(`beta[${k}]`, 'a finite number > 0', beta[k]);
    if (!Number.isFinite(alpha[k])) throw new InvalidArgumentError(`alpha[${k}]`, 'a finite number', alpha[k]);
  }
  let m1 = 0;
  let m2 = 0;
  let c11 = 0;
  let c12 = 0;
  let c22 = 0;
  let k1 = 0;
  let k2 = 0;
  for (let i = 0; i < 3; i++) {
    const b2 = beta[i] * beta[i];
    m1 += E1[i] * alpha[i];
    m2 += E2[i] * alpha[i];
    c11 += E1[i] * E1[i] * b2;
    c12 += E1[i] * E2[i] * b2;
    c22 += E2[i] * E2[i] * b2;
    k1 += (E1[i] * b2) / 3;
    k2 += (E2[i] * b2) / 3;
  }
  const aBar = (alpha[0] + alpha[1] + alpha[2]) / 3;
  const det = c11 * c22 - c12 * c12;
  // inverse covariance P = C⁻¹ and regression g = P c
  const p11 = c22 / det;
  const p12 = -c12 / det;
  const p22 = c11 / det;
  const g1 = p11 * k1 + p12 * k2;
  const g2 = p12 * k1 + p22 * k2;
  const lamMax = 0.5 * (c11 + c22) + Math.sqrt(0.25 * (c11 - c22) * (c11 - c22) + c12 * c12);
  const R = Math.hypot(m1, m2) + 12 * Math.sqrt(lamMax);
  const norm = 1 / (2 * Math.PI * Math.sqrt(det));
  const rn = rule.radial.nodes;
  const rw = rule.radial.weights;
  const aw = rule.angular.weights;
  const cs = rule.cos;
  const sn = rule.sin;
  let sumR = 0;
  let sumAR = 0;
  for (let j = 0; j < aw.length; j++) {
    let innerR = 0;
    let innerAR = 0;
    for (let i = 0; i < rn.length; i++) {
      const rho = R * rn[i];
      const d1 = rho * cs[j] - m1;
      const d2 = rho * sn[j] - m2;
      const density = Math.exp(-0.5 * (p11 * d1 * d1 + 2 * p12 * d1 * d2 + p22 * d2 * d2));
      const f = rw[i] * rho * rho * density; // |y|·ρ (Jacobian)·φ
      innerR += f;
      innerAR += f * (aBar + g1 * d1 + g2 * d2);
    }
    sumR += aw[j] * innerR;
    sumAR += aw[j] * innerAR;
  }
  const scale = Math.sqrt(2 / 3) * norm * R;
  return { meanRadius: scale * sumR, meanCenterTimesRadius: scale * sumAR };
}
