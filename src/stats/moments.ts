/**
 * Sample moments of a data vector by the two-pass (centered) algorithm.
 *
 * Estimators (documented because several are in use):
 * - mean x̄ = (1/n)Σxᵢ;
 * - variance Σ(xᵢ − x̄)²/(n − ddof), ddof = 1 by default (unbiased);
 * - skewness g₁ = m₃/m₂^{3/2} and excess kurtosis g₂ = m₄/m₂² − 3 with mₖ = (1/n)Σ(xᵢ − x̄)ᵏ (the
 *   moment estimators, scipy.stats' default `bias=True`); with `adjusted: true` the
 *   Fisher–Pearson adjusted G₁ = g₁√(n(n−1))/(n−2) and G₂ = ((n+1)g₂ + 6)(n−1)/((n−2)(n−3))
 *   (scipy `bias=False`, Excel SKEW/KURT).
 * Under normality the standard errors are ≈ √(6/n) for g₁ and √(24/n) for g₂.
 *
 * @module
 */
import { scaleByPow2 } from '../core/pow2';
import { deviationScale } from './deviationScale';
import { checkInteger, checkVec } from '../core/check';
import { InvalidArgumentError } from '../core/errors';

/** Options of {@link sampleMoments}. */
export interface SampleMomentsOptions {
  /** Delta degrees of freedom of the variance (default 1). */
  ddof?: number;
  /** Use the adjusted G₁, G₂ instead of g₁, g₂ (default false). */
  adjusted?: boolean;
}

/** Result of {@link sampleMoments}. */
export interface SampleMoments {
  /** Number of values n. */
  count: number;
  /** Sample mean. */
  mean: number;
  /** Σ(x − x̄)²/(n − ddof). */
  variance: number;
  /** g₁ (or G₁ when adjusted). */
  skewness: number;
  /** g₂ (or G₂ when adjusted). */
  excessKurtosis: number;
}

/**
 * Mean, variance, skewness and excess kurtosis of `x[offset + k·stride]`, k < n, by two passes
 * over the data shifted by its first value (the mean first, with one correction sweep, then
 * centered power sums), which is accurate for data with a large common offset; deviations beyond
 * 2^±200 are scaled by a power of two (exact), so data of size 1e±80…1e±300 give their skewness and
 * kurtosis (cubes and fourth powers under/overflowed before). O(n), no allocation.
 *
 * @example
 * ```ts
 * const m = sampleMoments(rng.fillNormal(new Float64Array(1e5)));
 * m.mean; m.variance; m.skewness; m.excessKurtosis;
 * ```
 */
export function sampleMoments(x: Float64Array, options: SampleMomentsOptions = {}, n: number = x.length, stride = 1, offset = 0): SampleMoments {
  checkVec('x', x);
  checkInteger('n', n, 1);
  checkInteger('stride', stride, 1);
  checkInteger('offset', offset, 0);
  if (offset + (n - 1) * stride >= x.length) throw new InvalidArgumentError('offset + (n − 1)·stride', `< x.length = ${x.length}`, offset + (n - 1) * stride);
  const ddof = options.ddof === undefined ? 1 : checkInteger('options.ddof', options.ddof, 0);
  const adjusted = options.adjusted === true;
  if (adjusted && n < 4) throw new InvalidArgumentError('n', 'an integer >= 4 for adjusted skewness/kurtosis', n);
  // Work on y = x − K with K = the first value: y is exact for data within a factor 2 of K, and
  // the mean of y is not limited to the resolution ulp(K) of a stored mean near K.
  const shift = Number.isFinite(x[offset]) ? x[offset] : 0;
  let s = 0;
  let amax = 0;
  for (let k = 0, j = offset; k < n; k++, j += stride) {
    s += x[j] - shift;
    if (Math.abs(x[j] - shift) > amax) amax = Math.abs(x[j] - shift);
  }
  let meanY = s / n;
  // the correction sweep removes the rounding error of the first-pass mean
  let c1 = 0;
  for (let k = 0, j = offset; k < n; k++, j += stride) c1 += x[j] - shift - meanY;
  meanY += c1 / n;
  // deviations beyond 2^±200 are scaled by a power of two (exact): d³ and d⁴ of data of size 1e±80
  // would under/overflow; skewness and kurtosis are scale-invariant, the variance is scaled back
  const { u1, u2, exponent } = deviationScale(amax);
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let k = 0, j = offset; k < n; k++, j += stride) {
    const d = (x[j] - shift - meanY) * u1 * u2;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  const m2 = s2 / n;
  let skewness = s3 / n / Math.pow(m2, 1.5);
  let excessKurtosis = s4 / n / (m2 * m2) - 3;
  if (adjusted) {
    skewness *= Math.sqrt(n * (n - 1)) / (n - 2);
    excessKurtosis = (((n + 1) * excessKurtosis + 6) * (n - 1)) / ((n - 2) * (n - 3));
  }
  return { count: n, mean: shift + meanY, variance: n > ddof ? scaleByPow2(s2 / (n - ddof), 2 * exponent) : NaN, skewness, excessKurtosis };
}
