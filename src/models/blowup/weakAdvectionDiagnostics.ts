/**
 * Diagnostics of the rescaled weak-advection profiles: the local (cusp) exponent of ω̃ at x = π.
 *
 * Near π, with y = π − x, ψ̃ ≈ p·y (p = |ψ̃_x(π)|) and the steady ω̃-equation of thesis (A.2.1) has the
 * homogeneous solution |y|^β, β = |c_u|/(2ap) (the forcing (ũ²)_x is of higher order because
 * ũ ~ y^{(2p+|c_u|)/(2ap)} with exponent > 1). For a < 1 the profile is therefore a Hölder cusp at π.
 *
 * @module
 */
import { checkFinite } from '../../core/check';
import { InvalidArgumentError } from '../../core/errors';
import type { Vec } from '../../core/types';
import { logGamma } from '../../special/gamma';

/**
 * Least-squares slope of log|ω̃(π − y)| against log y over the nodes with y ∈ [yLo, yHi]
 * (default [1e-6, 1e-3]); NaN-free: returns 0 when fewer than 3 nodes fall in the window or ω̃
 * vanishes there. O(n).
 *
 * @param x - nodes of [0, π]
 * @param omega - ω̃ at the nodes
 * @example
 * ```ts
 * cuspExponent(r.final.x, r.final.omega); // ≈ r.final.cuspPrediction
 * ```
 */
export function cuspExponent(x: Vec, omega: Vec, yLo = 1e-6, yHi = 1e-3): number {
  const n = x.length;
  let sx = 0, sy = 0, sxx = 0, sxy = 0, m = 0;
  for (let i = 1; i < n - 1; i++) {
    const y = Math.PI - x[i];
    if (y < yLo || y > yHi) continue;
    const w = Math.abs(omega[i]);
    if (!(w > 0)) continue;
    const lx = Math.log(y), ly = Math.log(w);
    sx += lx; sy += ly; sxx += lx * lx; sxy += lx * ly; m++;
  }
  if (m < 3) return 0;
  const den = m * sxx - sx * sx;
  return den > 0 ? (m * sxy - sx * sy) / den : 0;
}

/**
 * ψ̄_α,x(0) of the Hölder profile ω̄_α = sgn(x)|sin x|^α (thesis §A.4, Lemma A.4.1 / (A.4.1)):
 * `ψ̄_α,x(0) = ½∫₀^π sin^α y dy = (√π/2)·Γ((1+α)/2)/Γ(1 + α/2)` (→ 1 as α → 1). The profile's
 * scaling constant is `c_u,α = (α − 1)ψ̄_α,x(0)` (thesis L6576–6579), so data on the profile blow up
 * at `T = −1/c_u,α ≈ 1/(1 − α)`. O(1).
 *
 * @example
 * ```ts
 * holderPsiX0(1);    // 1
 * holderPsiX0(0.95); // 1.01569…
 * ```
 */
export function holderPsiX0(alpha: number): number {
  if (!(checkFinite('alpha', alpha) > 0 && alpha <= 1)) throw new InvalidArgumentError('alpha', 'a number in (0, 1]', alpha);
  return (Math.sqrt(Math.PI) / 2) * Math.exp(logGamma((1 + alpha) / 2) - logGamma(1 + alpha / 2));
}
