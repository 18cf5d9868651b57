/**
 * Power-of-two scaling of deviations for the two-pass statistics (internal). Products of up to four
 * deviations (squares for variances and correlations, cubes and fourth powers for skewness and
 * kurtosis) leave the double range for deviations beyond about 2^±250, although the statistics are
 * scale-invariant (correlations, skewness, kurtosis) or representable (variance up to 1e308). Data
 * whose largest deviation m lies outside [2^−200, 2^200] are multiplied by 2^(−e), 2^e ≈ m, which is
 * exact; inside that range no scaling is applied, so ordinary data give bit-identical results.
 *
 * @module
 */
import { pow2Exponent, scaleByPow2 } from '../core/pow2';

/** The factors u1·u2 = 2^(−e) applied to deviations and the exponent e (0, 1, 1 when no scaling). */
export interface DeviationScale {
  /** The exponent e: a statistic of degree k in the data is scaled back by 2^(k·e). */
  exponent: number;
  /** First factor of 2^(−e) (two factors so that e down to −1074 is representable). */
  u1: number;
  /** Second factor of 2^(−e). */
  u2: number;
}

const NONE: DeviationScale = { exponent: 0, u1: 1, u2: 1 };
const LOW = 2 ** -200;
const HIGH = 2 ** 200;

/** The scale for a largest absolute deviation m (no scaling inside [2^−200, 2^200], for 0 or non-finite m). */
export function deviationScale(m: number): DeviationScale {
  if (!(m > 0 && m < Infinity) || (m >= LOW && m <= HIGH)) return NONE;
  const e = pow2Exponent(m);
  const half = Math.trunc(-e / 2);
  return { exponent: e, u1: scaleByPow2(1, half), u2: scaleByPow2(1, -e - half) };
}
