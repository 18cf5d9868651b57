/**
 * Exact power-of-two scaling. Multiplying by 2^k changes only the exponent of a double, so a
 * computation carried out on x·2^k and scaled back is bit-identical to the same computation on x
 * wherever neither overflows nor underflows — and stays accurate where the unscaled one would
 * (products of tiny or huge spacings). The primitives that form powers of node spacings
 * (splines, finite-difference weights, Simpson weights) use this to work for any representable
 * spacing.
 *
 * @module
 */

/**
 * An integer k with 2^k within a factor 2 of |x| (x finite and nonzero), so that x·2^(−k) lies
 * in [1/2, 2]. Exact for every normal and subnormal double.
 *
 * @example
 * ```ts
 * pow2Exponent(1e-150); // −499  (2^−499 ≈ 6.1e−151)
 * pow2Exponent(0.75);   // −1
 * ```
 */
export function pow2Exponent(x: number): number {
  const a = Math.abs(x);
  if (!(a > 0) || a === Infinity) return 0;
  let k = Math.floor(Math.log2(a));
  // Math.log2 may round across an integer near powers of two; one correction is enough
  if (scaleByPow2(a, -k) >= 2) k += 1;
  else if (scaleByPow2(a, -k) < 1) k -= 1;
  return k;
}

/**
 * v·2^k without intermediate overflow or underflow of the factor (k may be any integer; the factor
 * is applied in chunks of at most 2^±1000). Exact unless the result itself leaves the normal range.
 *
 * @example
 * ```ts
 * scaleByPow2(3, 1100) === 3 * 2 ** 1000 * 2 ** 100; // true; 2 ** 1100 alone would be Infinity
 * ```
 */
export function scaleByPow2(v: number, k: number): number {
  let r = v;
  let e = k;
  while (e > 1000) { r *= 2 ** 1000; e -= 1000; }
  while (e < -1000) { r *= 2 ** -1000; e += 1000; }
  return r * 2 ** e;
}
