/**
 * Closed-form self-similar profiles of the inviscid Burgers equation (thesis Appendix B.4,
 * eq. (B.4.5)): the odd solutions of −λU + ((1+λ)y + U)U_y = 0 satisfy y + U + C·U^{1+1/λ} = 0,
 * read for y ≥ 0 as U = −s with s + C·s^{1+1/λ} = y and extended oddly. C = 1 is the member whose far
 * field is exactly −y^{λ/(1+λ)} (the normalization of the exact-asymptotics runs); the z-Taylor
 * ansatz −z + z³ of the weak runs (with y = sinh z) fixes C = 7/6 for λ = ½. The family is
 * U_μ(y) = μU(y/μ).
 *
 * @module
 */
import { checkFinite, checkPositive } from '../../core/check';

/**
 * The real root of U³ + U/C + y/C = 0 by Cardano's formula (λ = ½):
 * U = ∛(−y/2C + √(y²/4C² + 1/27C³)) + ∛(−y/2C − √(…)). O(1).
 * @example
 * ```ts
 * burgersProfileCardano(10); // −2 (2 + 8 = 10)
 * ```
 */
export function burgersProfileCardano(y: number, C = 1): number {
  checkFinite('y', y);
  checkPositive('C', C);
  if (y < 0) return -burgersProfileCardano(-y, C);
  const p = 1 / C;
  const q = y / C;
  const disc = Math.sqrt((q * q) / 4 + (p * p * p) / 27);
  // −q/2 − disc < 0 has catastrophic-free magnitude; use the product form for the small root term
  const a = Math.cbrt(-q / 2 - disc);
  const b = a === 0 ? 0 : -p / (3 * a); // ab = −p/3
  return a + b;
}

/**
 * s(y) ≥ 0 solving s + C·s^p = y (p = 1 + 1/λ), the magnitude of the profile: monotone Newton from
 * above (the function is increasing and convex, so the iterates decrease monotonically to the root),
 * stopped when they stop decreasing. Accurate to a few ulps for y up to 10³⁰⁰. O(iterations ≈ 10).
 */
function profileMagnitude(y: number, p: number, C: number): number {
  if (y === 0) return 0;
  let s = Math.min(y, Math.pow(y / C, 1 / p));
  for (let k = 0; k < 200; k++) {
    const sp1 = Math.pow(s, p - 1);
    const f = s + C * s * sp1 - y;
    const next = s - f / (1 + C * p * sp1);
    if (!(next < s) || next <= 0) break;
    s = next;
  }
  return s;
}

/**
 * The closed-form Burgers profile U(y) for any λ > 0 and member C > 0: U = −sign(y)·s,
 * s + C·s^{1+1/λ} = |y| (thesis eq. (B.4.5)). U(2) = −1 for every λ when C = 1. O(10) pow calls.
 * @example
 * ```ts
 * burgersProfile(2, 0.4);        // −1
 * burgersProfile(1e12, 0.5);     // ≈ −1e4 (far field −y^{1/3})
 * burgersProfile(0.1, 0.5, 7 / 6); // the member of the weak-asymptotics runs
 * ```
 */
export function burgersProfile(y: number, lambda: number, C = 1): number {
  checkFinite('y', y);
  checkPositive('lambda', lambda);
  checkPositive('C', C);
  const s = profileMagnitude(Math.abs(y), 1 + 1 / lambda, C);
  return y < 0 ? s : -s;
}

/**
 * U_y of the closed-form profile by implicit differentiation: U_y = −1/(1 + C(1+1/λ)|U|^{1/λ}). O(1).
 * @example
 * ```ts
 * burgersProfileSlope(burgersProfile(2, 0.5), 0.5); // −1/4
 * ```
 */
export function burgersProfileSlope(U: number, lambda: number, C = 1): number {
  checkFinite('U', U);
  checkPositive('lambda', lambda);
  checkPositive('C', C);
  return -1 / (1 + C * (1 + 1 / lambda) * Math.pow(Math.abs(U), 1 / lambda));
}
