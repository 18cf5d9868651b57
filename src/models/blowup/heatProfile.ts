/**
 * The blowup profile of `a_t = Δa + a²` and its asymptotic corrections (thesis §1.1.1,
 * thesis §2.2, thesis §2.3; docs/blowup.md–1.3 [D]).
 *
 * * Profile `ū(z) = 1/(1 + |z|²/8)`, steady for (★) with λ = 0, `c̄_u = −1`, `c̄_l = ½`.
 * * Residual with the predicted modulation `c̃_u = nλ/4`, `c̃_l = −(n+4)λ/8` (1D: λ/4, −5λ/8):
 *   `(−1 + c̃_u)ū − (½ + c̃_l) z ū′ + ū² + λΔū = −λ|z|⁴ū³/64` (n-independent).
 * * First correction `û = ū + v(|z|)/τ + o(1/τ)`, `λ = 1/τ + o(1/τ)`: v solves
 *   `−v − ½zv′ + 2ūv = z⁴ū³/64`, `v(0) = v″(0) = 0`; closed form [D, derived here]
 *   with s = z², q = s/8: `v = −q log(1+q)/(1+q)²` (the homogeneous solution s/(8+s)² fixes
 *   v″(0) = 0). max|v| ≈ 0.2603 at z ≈ 5.08 is the limit of τ·sup|û − ū| (thesis Fig. 2.2).
 * * Laws: `λτ ≈ 1 + ((n+2)/2) log τ/τ + O(1/τ)`, `(c_u+1)τ = (n/4)λτ·(1 + O(h²))`,
 *   `(½ − c_l)τ ≈ ((n+4)/8)λτ − (n+2)/(4τ)` (1D: `(5/8)λτ − 0.75/τ`); limits n/4 and (n+4)/8.
 *
 * @module
 */
import { checkAllFinite, checkFinite, checkInteger, checkPositive, checkVec } from '../../core/check';
import type { Vec } from '../../core/types';

/**
 * `ū(z) = 1/(1 + z²/8)` at each node (thesis §2.2). O(n).
 *
 * @example
 * ```ts
 * heatProfile(new Float64Array([0, 2])); // [1, 2/3]
 * ```
 */
export function heatProfile(z: Vec, out?: Vec): Vec {
  checkVec('z', z);
  checkAllFinite('z', z);
  const res = out === undefined ? new Float64Array(z.length) : checkVec('out', out, z.length);
  for (let i = 0; i < z.length; i++) res[i] = 1 / (1 + (z[i] * z[i]) / 8);
  return res;
}

/**
 * The exact residual of the profile with the predicted λ-term,
 * `−λ|z|⁴ū³/64` (thesis §2.3 with χ = ū²-terms absent; docs/blowup.md [D]). O(n).
 *
 * @example
 * ```ts
 * heatProfileResidual(new Float64Array([0, 1]), 0.1); // [0, −0.1/64·(8/9)³]
 * ```
 */
export function heatProfileResidual(z: Vec, lambda: number, out?: Vec): Vec {
  checkVec('z', z);
  checkAllFinite('z', z);
  checkFinite('lambda', lambda);
  const res = out === undefined ? new Float64Array(z.length) : checkVec('out', out, z.length);
  for (let i = 0; i < z.length; i++) {
    const z2 = z[i] * z[i];
    const ub = 1 / (1 + z2 / 8);
    res[i] = (-lambda * z2 * z2 * ub * ub * ub) / 64;
  }
  return res;
}

/**
 * The first asymptotic correction `v(z) = −q log(1+q)/(1+q)²`, `q = z²/8` (docs/blowup.md [D]):
 * `û ≈ ū + v/τ`. Solves `−v − ½zv′ + 2ūv = z⁴ū³/64` with `v(0) = v″(0) = 0`; `v = −z⁴/64 + O(z⁶)`.
 * O(n).
 *
 * @example
 * ```ts
 * heatProfileCorrection(new Float64Array([0, 5.08]))[1]; // ≈ −0.2603
 * ```
 */
export function heatProfileCorrection(z: Vec, out?: Vec): Vec {
  checkVec('z', z);
  checkAllFinite('z', z);
  const res = out === undefined ? new Float64Array(z.length) : checkVec('out', out, z.length);
  for (let i = 0; i < z.length; i++) {
    const q = (z[i] * z[i]) / 8;
    res[i] = (-q * Math.log1p(q)) / ((1 + q) * (1 + q));
  }
  return res;
}

/**
 * max_z |v(z)| and its location: with p = 1 + q the maximizer solves `(p − 2) log p = p − 1`
 * (Newton, to round-off). The predicted limit of `τ·sup_z|û − ū|` (docs/blowup.md item 3). O(1).
 *
 * @example
 * ```ts
 * const { value, z } = heatCorrectionMaximum(); // ≈ 0.2603, ≈ 5.08
 * ```
 */
export function heatCorrectionMaximum(): {
  /** max_z |v(z)| (≈ 0.2603): the predicted limit of τ·sup_z|û − ū|. */
  value: number;
  /** The maximizer z = √(8q) > 0 (≈ 5.08). */
  z: number;
} {
  let p = 4.2;
  for (let it = 0; it < 50; it++) {
    const f = (p - 2) * Math.log(p) - p + 1;
    const df = Math.log(p) + (p - 2) / p - 1;
    const step = f / df;
    p -= step;
    if (Math.abs(step) < 1e-15 * p) break;
  }
  const q = p - 1;
  return { value: (q * Math.log(p)) / (p * p), z: Math.sqrt(8 * q) };
}

/**
 * Predicted laws at rescaled time τ for the radial/1-D problem in dimension n (docs/blowup.md–1.3 [D]):
 * `lambdaTau = 1 + ((n+2)/2) log τ/τ` (up to the data-dependent C/τ of `1/λ = τ − ((n+2)/2)log τ + C`),
 * `lawU = (n/4)·lambdaTau`, `lawL = ((n+4)/8)·lambdaTau − (n+2)/(4τ)` (from (2.2.7) with
 * `u_iiii(0) ≈ −3/(8τ)`, `u_iijj(0) ≈ −1/(8τ)`). Limits: `lawU → n/4`, `lawL → (n+4)/8`. O(1).
 *
 * @example
 * ```ts
 * predictedHeatLaws(1e4, 1).lawL; // ≈ 0.62578
 * ```
 */
export function predictedHeatLaws(
  tau: number,
  dim = 1,
): {
  /** Predicted λτ = 1 + ((n+2)/2) log τ/τ (→ 1). */
  lambdaTau: number;
  /** Predicted (c_u + 1)τ = (n/4)·λτ. */
  lawU: number;
  /** Predicted (½ − c_l)τ = ((n+4)/8)·λτ − (n+2)/(4τ). */
  lawL: number;
  /** Limit n/4 of `lawU` as τ → ∞. */
  limitU: number;
  /** Limit (n+4)/8 of `lawL` as τ → ∞. */
  limitL: number;
} {
  checkPositive('tau', tau);
  const n = checkInteger('dim', dim, 1);
  const lambdaTau = 1 + (((n + 2) / 2) * Math.log(tau)) / tau;
  const lawU = (n / 4) * lambdaTau;
  const lawL = ((n + 4) / 8) * lambdaTau - (n + 2) / (4 * tau);
  return { lambdaTau, lawU, lawL, limitU: n / 4, limitL: (n + 4) / 8 };
}
