/**
 * The spectral gap of the mean-field EKHMC dynamics linearized at the Gaussian posterior (thesis
 * Appendix C, §C.8, the linearization after eq. (C.8.1) and Remark C.8.1): the eigenvalues of the
 * 3×3 block [[0, 0, 2], [2γ, −2γ, −2], [−2, 1, −γ]] are the roots of
 *
 *   p_γ(x) = x³ + 3γx² + (2γ² + 6)x + 4γ,
 *
 * which has exactly one real root, in (−γ, 0); the gap is its absolute value. It is maximal at
 * γ0 = 2√2 − 1 with gap 2√2 − 2 (root x0 = 2 − 2√2 solves x⁴ − 24x² + 16 = 0, from p = ∂p/∂γ = 0).
 *
 * @module
 */
import { checkPositive } from '../../core/check';

/**
 * The maximal spectral gap 2√2 − 2 ≈ 0.828427, reached at γ0 = 2√2 − 1 (`OPTIMAL_DAMPING`).
 * @example
 * ```ts
 * Math.abs(spectralGap(OPTIMAL_DAMPING) - MAX_SPECTRAL_GAP) < 1e-12; // true
 * ```
 */
export const MAX_SPECTRAL_GAP = 2 * Math.SQRT2 - 2;

/** The unique real root of a monic cubic x³ + b x² + c x + d known to lie in (lo, hi) with a sign change: bisection then Newton polish. */
function bracketedRoot(b: number, c: number, d: number, lo: number, hi: number): number {
  const p = (x: number): number => ((x + b) * x + c) * x + d;
  let flo = p(lo);
  for (let k = 0; k < 200 && hi - lo > 4e-16 * Math.max(1, Math.abs(lo), Math.abs(hi)); k++) {
    const mid = 0.5 * (lo + hi);
    const fm = p(mid);
    if (fm === 0) return mid;
    if (Math.sign(fm) === Math.sign(flo)) {
      lo = mid;
      flo = fm;
    } else hi = mid;
  }
  let x = 0.5 * (lo + hi);
  for (let k = 0; k < 2; k++) {
    const dp = (3 * x + 2 * b) * x + c;
    if (dp !== 0) x -= p(x) / dp;
  }
  return x;
}

/**
 * The real root of x³ + 3γx² + (2γ² + 6)x + 4γ (thesis §C.8), in (−γ, 0) since p(−γ) = −2γ < 0 < 4γ = p(0).
 * The cubic's derivative 3x² + 6γx + 2γ² + 6 has discriminant 12(γ² − 18) and the root is unique (thesis §C.8).
 * @example
 * ```ts
 * spectralGapRoot(2 * Math.SQRT2 - 1); // 2 − 2√2
 * ```
 */
export function spectralGapRoot(gamma: number): number {
  const g = checkPositive('gamma', gamma);
  return bracketedRoot(3 * g, 2 * g * g + 6, 4 * g, -g, 0);
}

/**
 * The spectral gap |x(γ)| of the linearized mean-field EKHMC covariance dynamics at the posterior
 * (thesis Remark C.8.1). Asymptotically 2γ/3 as γ → 0 and 2/γ as γ → ∞; maximal 2√2 − 2 at γ0.
 * @example
 * ```ts
 * spectralGap(1);   // ≈ 0.6
 * ```
 */
export function spectralGap(gamma: number): number {
  return -spectralGapRoot(gamma);
}

/**
 * The real root in (0, 1) of x³ + 3γx² + 2γ²x − 4γ, the growth rate of the unstable mode at the
 * degenerate equilibria of the moment equations (thesis §C.8, after Remark C.8.1).
 * @example
 * ```ts
 * unstableModeRoot(1); // > 0
 * ```
 */
export function unstableModeRoot(gamma: number): number {
  const g = checkPositive('gamma', gamma);
  return bracketedRoot(3 * g, 2 * g * g, -4 * g, 0, 1);
}

/** Result of {@link maximizeSpectralGap}. */
export interface SpectralGapMaximum {
  /** The maximizing damping γ (compare `OPTIMAL_DAMPING` = 2√2 − 1). */
  gamma: number;
  /** The maximal gap (compare {@link MAX_SPECTRAL_GAP}). */
  gap: number;
  /** Golden-section iterations used. */
  iterations: number;
}

/**
 * Maximize {@link spectralGap} over γ ∈ [lo, hi] by golden-section search to the tolerance `tol`
 * on γ: the numerical check of γ0 = 2√2 − 1 and the maximal gap 2√2 − 2.
 * @example
 * ```ts
 * maximizeSpectralGap(); // { gamma ≈ 1.828427, gap ≈ 0.828427 }
 * ```
 */
export function maximizeSpectralGap(lo = 0.1, hi = 100, tol = 1e-8): SpectralGapMaximum {
  const r = (Math.sqrt(5) - 1) / 2;
  let a = checkPositive('lo', lo);
  let b = checkPositive('hi', hi);
  let x1 = b - r * (b - a);
  let x2 = a + r * (b - a);
  let f1 = spectralGap(x1);
  let f2 = spectralGap(x2);
  let it = 0;
  while (b - a > tol && it < 500) {
    it++;
    if (f1 < f2) {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + r * (b - a);
      f2 = spectralGap(x2);
    } else {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - r * (b - a);
      f1 = spectralGap(x1);
    }
  }
  const gamma = 0.5 * (a + b);
  return { gamma, gap: spectralGap(gamma), iterations: it };
}

