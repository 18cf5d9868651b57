/**
 * Weighted power sums Σ_i c_i |f_i|^p without spurious underflow or overflow (internal to the
 * norms). The values are scaled by 2^(−e), with 2^e within a factor 2 of max|f_i| over the nodes of
 * nonzero weight, so |f_i|·2^(−e) < 2 and neither |f|^p of fields of size 1e−160 (which underflowed to
 * 0 or lost digits) nor of size 1e160 (which overflowed) leaves the double range; the norm is scaled
 * back by 2^e. Power-of-two scaling is exact, so for p = 1 and p = 2 the results are bit-identical to
 * the unscaled sums wherever those neither underflow nor overflow (the same compensated summation).
 *
 * @module
 */
import { pow2Exponent, scaleByPow2 } from '../core/pow2';
import type { Vec } from '../core/types';

/** The scale of a field: 2^e ≈ max|f_i| (c_i ≠ 0), and the two factors whose product is 2^(−e). */
export interface FieldScale {
  /** The exponent e; 0 when the field is zero or not finite on the support (then no scaling). */
  exponent: number;
  /** First factor of 2^(−e) (two factors, so that e down to −1074 is representable). */
  u1: number;
  /** Second factor of 2^(−e). */
  u2: number;
}

/** An unscaled field (e = 0). */
export const NO_SCALE: FieldScale = { exponent: 0, u1: 1, u2: 1 };

/** max|f_i| over the nodes with c_i ≠ 0 (f read at offset + i·stride), NaN when any is NaN. */
export function maxAbsOnSupport(c: Vec, n: number, f: ArrayLike<number>, stride: number, offset: number): number {
  let m = 0;
  for (let i = 0, j = offset; i < n; i++, j += stride) {
    if (c[i] === 0) continue;
    const a = Math.abs(f[j]);
    if (a > m || Number.isNaN(a)) m = a;
    if (Number.isNaN(m)) return NaN;
  }
  return m;
}

/** The scale for a largest magnitude m (no scaling for 0, ±Infinity or NaN: the sums then say so). */
export function fieldScale(m: number): FieldScale {
  if (!(m > 0 && m < Infinity)) return NO_SCALE;
  const e = pow2Exponent(m);
  const half = Math.trunc(-e / 2);
  return { exponent: e, u1: scaleByPow2(1, half), u2: scaleByPow2(1, -e - half) };
}

/**
 * Compensated Σ_i c_i·(f_i·2^(−e))·(g_i·2^(−e)), the scaled form of `WeightedMeasure.inner` (same
 * operation order, so bit-identical to it times 2^(−2e) barring underflow).
 */
export function scaledInner(c: Vec, n: number, f: ArrayLike<number>, g: ArrayLike<number>, s: FieldScale): number {
  const { u1, u2 } = s;
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const term = c[i] * (f[i] * u1 * u2) * (g[i] * u1 * u2);
    const t = sum + term;
    comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
  }
  return sum + comp;
}

/** Compensated Σ_i c_i·|f_i·2^(−e)|^p for 1 ≤ p < ∞ (f read at offset + i·stride). */
export function scaledPowerSum(c: Vec, n: number, f: ArrayLike<number>, stride: number, offset: number, p: number, s: FieldScale): number {
  const { u1, u2 } = s;
  let sum = 0;
  let comp = 0;
  for (let i = 0, j = offset; i < n; i++, j += stride) {
    const a = Math.abs(f[j]) * u1 * u2;
    const term = c[i] * (p === 2 ? a * a : p === 1 ? a : Math.pow(a, p));
    const t = sum + term;
    comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
  }
  return sum + comp;
}
