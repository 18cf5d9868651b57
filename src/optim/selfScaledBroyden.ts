/**
 * The self-scaled Broyden family of inverse-Hessian updates and the SSBroyden1 rule for its
 * parameters (Urbán, Stefanou & Pons 2025, "Unveiling the optimization process of physics-informed
 * neural networks", following Al-Baali's self-scaling; reference code `modified_optimize.py`,
 * `method_bfgs="SSBroyden1"`). τ = φ = 1 is BFGS.
 *
 * @module
 */
import type { Vec } from '../core/types';
import { dot } from './types';

/** Python's `min(a, b)`: returns `a` unless `b < a` (so `min(1, NaN) = 1`, `min(NaN, 1) = NaN`). */
function pyMin(a: number, b: number): number {
  return b < a ? b : a;
}

/** Python's `max(a, b)`: returns `a` unless `b > a` (so `max(1, NaN) = 1`). */
function pyMax(a: number, b: number): number {
  return b > a ? b : a;
}

/** Scaling τ and Broyden parameter φ of one self-scaled update, with the quantities they came from. */
export interface SelfScaledParameters {
  /** Scaling τ (divides the old curvature information). */
  tau: number;
  /** Broyden-family parameter φ (1 = BFGS, 0 = DFP). */
  phi: number;
  /** θ of the rule (0 when the small-a guard fired). */
  theta: number;
  /** True when the guard `a ≤ 1e−14` replaced the rule by θ = 0, φ = 1, τ = min(1, 1/b). */
  guarded: boolean;
}

/**
 * SSBroyden1 parameters from b = sᵀBs/(yᵀs) = −α ρ (s·g_k), h = ρ yᵀHy, a = bh − 1 and the dimension n,
 * exactly as the reference code, including Python's min/max NaN semantics (for a < −1, r is NaN and
 * ρ⁻ = 1, θ⁺ = 1):
 * r = √(|a|/(1+a)); ρ⁻ = min(1, h(1−r)); θ⁻ = (ρ⁻−1)/a; θ⁺ = max(1, b(1+r)); θ_SR1 = 1/(1−b);
 * θ = θ⁻ (b = 1), max(θ⁻, θ_SR1) (b > 1), min(θ⁺, θ_SR1) otherwise; ρ̃ = min(1, 1/b); σ = 1 + θa;
 * σ̃ = |σ|^{1/(1−n)}; τ = min(ρ̃σ̃, σ) if θ ≤ 0 else ρ̃·min(σ̃, 1/θ); φ = (1−θ)/(1+aθ).
 * With `guardSmallA` (default true) a ≤ 1e−14 (a ≥ 0 in exact arithmetic, by Cauchy–Schwarz) gives
 * θ = 0, φ = 1, τ = min(1, 1/b). O(1).
 *
 * @example
 * ```ts
 * const { tau, phi } = ssBroyden1Parameters(a, b, h, n);
 * ```
 */
export function ssBroyden1Parameters(a: number, b: number, h: number, n: number, guardSmallA = true): SelfScaledParameters {
  if (guardSmallA && !(a > 1e-14)) return { tau: pyMin(1, 1 / b), phi: 1, theta: 0, guarded: true };
  const r = Math.sqrt(Math.abs(a) / (1 + a));
  const rhoMinus = pyMin(1, h * (1 - r));
  const thetaMinus = (rhoMinus - 1) / a;
  const thetaPlus = pyMax(1, b * (1 + r));
  const thetaSr1 = 1 / (1 - b);
  const theta = b === 1 ? thetaMinus : b > 1 ? pyMax(thetaMinus, thetaSr1) : pyMin(thetaPlus, thetaSr1);
  const rhoTilde = pyMin(1, 1 / b);
  const sigma = 1 + theta * a;
  const sigmaTilde = Math.pow(Math.abs(sigma), 1 / (1 - n));
  const tau = theta <= 0 ? pyMin(rhoTilde * sigmaTilde, sigma) : rhoTilde * pyMin(sigmaTilde, 1 / theta);
  const phi = (1 - theta) / (1 + a * theta);
  return { tau, phi, theta, guarded: false };
}

/**
 * In-place self-scaled Broyden update of the dense inverse Hessian H (row-major n×n, symmetric):
 * H ← (H − (Hy)(Hy)ᵀ/(yᵀHy) + φ·yᵀHy·v vᵀ)/τ + ρ s sᵀ, v = ρs − Hy/(yᵀHy), ρ = 1/(yᵀs).
 * The secant condition H_new y = s holds for every τ, φ (v·y = 0). Only the upper triangle is
 * computed and mirrored, so H stays exactly symmetric. `work` (length ≥ n) receives Hy (pass
 * `hyInWork = true` when it already holds Hy to save the O(n²) product).
 * O(n²) time, no allocation. Requires yᵀs ≠ 0 and yᵀHy ≠ 0.
 *
 * @example
 * ```ts
 * selfScaledBroydenUpdate(H, n, s, y, 1, 1, work); // plain BFGS
 * ```
 */
export function selfScaledBroydenUpdate(H: Vec, n: number, s: Vec, y: Vec, tau: number, phi: number, work: Vec, hyInWork = false): Vec {
  const hy = work;
  for (let i = 0; i < n && !hyInWork; i++) {
    let v = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) v += H[row + j] * y[j];
    hy[i] = v;
  }
  const yHy = dot(y, hy, n);
  const rho = 1 / dot(y, s, n);
  const invTau = 1 / tau;
  const invYHy = 1 / yHy;
  for (let i = 0; i < n; i++) {
    const vi = rho * s[i] - hy[i] * invYHy;
    const row = i * n;
    for (let j = i; j < n; j++) {
      const vj = rho * s[j] - hy[j] * invYHy;
      const value = (H[row + j] - hy[i] * hy[j] * invYHy + phi * yHy * vi * vj) * invTau + rho * s[i] * s[j];
      H[row + j] = value;
      H[j * n + i] = value;
    }
  }
  return H;
}
