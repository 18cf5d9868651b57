/**
 * Lemire's nearly divisionless unbiased integer draw (D. Lemire, "Fast random integer generation
 * in an interval", ACM TOMACS 29(1), 2019), for ranges up to 2²¹ so that the 32×21-bit product
 * is exact in a double.
 *
 * A 32-bit word w gives the 53-bit product w·m = hi·2³² + lo; hi ∈ [0, m) is returned unless
 * lo < 2³² mod m, in which case the word is rejected. Every hi then has exactly ⌊2³²/m⌋
 * accepted preimages, so the draw is unbiased; the rejection probability is (2³² mod m)/2³² <
 * m/2³². Unlike rejection-then-modulo (`Rng.integer`) it needs no division of a 32-bit value by
 * m in the common case, which matters in V8 where `%` on values ≥ 2³¹ is a floating-point fmod.
 *
 * @module
 */
import { checkInteger } from '../core/check';
import type { Uint32Source } from './diskAngle';

const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/**
 * The largest range accepted by {@link lemireInteger}: 2²¹, so that w·m < 2⁵³ is exact.
 * @example
 * ```ts
 * lemireInteger(rng, LEMIRE_MAX_RANGE); // uniform on {0, …, 2²¹ − 1}; a larger m throws
 * ```
 */
export const LEMIRE_MAX_RANGE = 2097152;

/**
 * An integer uniform on {0, …, m − 1} by Lemire's multiply-and-reject method. Consumes one
 * 32-bit word, and another with probability (2³² mod m)/2³² per rejection. O(1), no allocation.
 *
 * @param source - the 32-bit word source (an `Rng`)
 * @param m - the range, an integer in [1, 2²¹]
 * @example
 * ```ts
 * const center = 1 + lemireInteger(rng, n - 2);
 * ```
 */
export function lemireInteger(source: Uint32Source, m: number): number {
  checkInteger('m', m, 1, LEMIRE_MAX_RANGE);
  const threshold = TWO_POW_32 % m;
  for (;;) {
    const product = source.nextUint32() * m;
    const high = Math.floor(product * TWO_POW_MINUS_32);
    if (product - high * TWO_POW_32 >= threshold) return high;
  }
}
