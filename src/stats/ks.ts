/**
 * The one-sample Kolmogorov–Smirnov statistic Dₙ = sup_x |Fₙ(x) − F(x)| against a continuous
 * distribution function F, with the asymptotic p-value Q(√n·Dₙ) of the Kolmogorov distribution.
 *
 * With the sorted sample x₍₁₎ ≤ … ≤ x₍ₙ₎, Dₙ = max(D⁺, D⁻), D⁺ = maxᵢ(i/n − F(x₍ᵢ₎)),
 * D⁻ = maxᵢ(F(x₍ᵢ₎) − (i−1)/n). The asymptotic p-value is accurate to about 1/√n in relative terms
 * for moderate n (for n ≥ 1000 the difference from the exact law is immaterial).
 *
 * @module
 */
import { checkAllFinite, checkFunction, checkInteger, checkVec } from '../core/check';
import { normalCdf } from '../special/normal';
import { kolmogorovSurvival } from '../special/kolmogorov';

/** Result of {@link ksTest}. */
export interface KsTestResult {
  /** Sample size n. */
  n: number;
  /** Dₙ = max(D⁺, D⁻). */
  statistic: number;
  /** D⁺ = maxᵢ(i/n − F(x₍ᵢ₎)). */
  statisticPlus: number;
  /** D⁻ = maxᵢ(F(x₍ᵢ₎) − (i−1)/n). */
  statisticMinus: number;
  /** Asymptotic p-value Q(√n·Dₙ) (Kolmogorov distribution). */
  pValue: number;
}

/**
 * The Kolmogorov–Smirnov test of a sample against a continuous CDF. Sorts a copy of the sample:
 * O(n log n) time, O(n) memory; calls `cdf` n times.
 *
 * @param sample - the data (at least 1 value, all finite)
 * @param cdf - the hypothesised distribution function
 * @example
 * ```ts
 * const { statistic, pValue } = ksTest(rng.fillUniform(new Float64Array(1e4)), (u) => Math.min(1, Math.max(0, u)));
 * ```
 */
export function ksTest(sample: Float64Array, cdf: (x: number) => number): KsTestResult {
  checkVec('sample', sample);
  checkInteger('sample.length', sample.length, 1);
  checkAllFinite('sample', sample);
  checkFunction('cdf', cdf);
  const sorted = Float64Array.from(sample).sort();
  const n = sorted.length;
  let dPlus = 0;
  let dMinus = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    const up = (i + 1) / n - f;
    const down = f - i / n;
    if (up > dPlus) dPlus = up;
    if (down > dMinus) dMinus = down;
  }
  const statistic = Math.max(dPlus, dMinus);
  return { n, statistic, statisticPlus: dPlus, statisticMinus: dMinus, pValue: kolmogorovSurvival(Math.sqrt(n) * statistic) };
}

/**
 * The Kolmogorov–Smirnov test against the standard normal distribution Φ. O(n log n).
 * @example
 * ```ts
 * ksTestNormal(rng.fillNormal(new Float64Array(1e5))).pValue; // typically > 0.01
 * ```
 */
export function ksTestNormal(sample: Float64Array): KsTestResult {
  return ksTest(sample, normalCdf);
}
