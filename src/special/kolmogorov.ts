/**
 * The Kolmogorov distribution: the limit law of √n·Dₙ for the one-sample Kolmogorov–Smirnov
 * statistic Dₙ = sup|Fₙ − F| of a continuous F.
 *
 * @module
 */
import { checkFinite } from '../core/check';

/** Switch between the two series: both need at most ~6 terms on their side of it. */
const SERIES_SWITCH = 1.18;

/** K(λ) = (√(2π)/λ) Σ_{k≥1} e^{−(2k−1)²π²/(8λ²)} for 0 < λ < 1.18. */
function jacobiSeries(lambda: number): number {
  const c = -(Math.PI * Math.PI) / (8 * lambda * lambda);
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const m = 2 * k - 1;
    const term = Math.exp(c * m * m);
    sum += term;
    if (term <= 1e-17 * sum) break;
  }
  return (Math.sqrt(2 * Math.PI) / lambda) * sum;
}

/**
 * The Kolmogorov survival function Q(λ) = P(K > λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²}, the
 * asymptotic p-value of the Kolmogorov–Smirnov test at λ = √n·Dₙ (Kolmogorov 1933).
 *
 * For λ ≥ 1.18 the alternating series above converges fast (ratio ≤ e^{−6λ²}); for smaller λ
 * the Jacobi-transformed series 1 − Q(λ) = (√(2π)/λ) Σ_{k≥1} e^{−(2k−1)²π²/(8λ²)} is used, so
 * Q(λ) is accurate to a few ulps absolutely over the whole range and relatively in the tail
 * (Q(λ) ~ 2e^{−2λ²}). Q(λ) = 1 for λ ≤ 0. Same function as `scipy.special.kolmogorov`. O(1).
 *
 * @param lambda - the scaled statistic √n·Dₙ (a finite number)
 * @throws InvalidArgumentError / InvalidTypeError when lambda is not a finite number
 * @example
 * ```ts
 * kolmogorovSurvival(1.3580986393225505); // ≈ 0.05 (the 5% critical value)
 * ```
 */
export function kolmogorovSurvival(lambda: number): number {
  checkFinite('lambda', lambda);
  if (lambda <= 0) return 1;
  if (lambda >= SERIES_SWITCH) {
    const q = Math.exp(-2 * lambda * lambda);
    let sum = 0;
    let sign = 1;
    for (let k = 1; k <= 100; k++) {
      const term = Math.pow(q, k * k);
      sum += sign * term;
      if (term <= 1e-17 * sum) break;
      sign = -sign;
    }
    return 2 * sum;
  }
  return 1 - jacobiSeries(lambda);
}

/**
 * The Kolmogorov distribution function K(λ) = P(K ≤ λ) = 1 − Q(λ), accurate relatively for small
 * λ (where it is tiny) through the Jacobi series. O(1).
 *
 * @param lambda - a finite number
 * @example
 * ```ts
 * kolmogorovCdf(0.5); // 0.036054756335124914
 * ```
 */
export function kolmogorovCdf(lambda: number): number {
  checkFinite('lambda', lambda);
  if (lambda <= 0) return 0;
  if (lambda >= SERIES_SWITCH) return 1 - kolmogorovSurvival(lambda);
  return jacobiSeries(lambda);
}
