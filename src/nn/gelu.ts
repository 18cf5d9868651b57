/**
 * The exact GELU activation, GELU(x) = x·Φ(x) = ½x(1 + erf(x/√2)) (Hendrycks & Gimpel 2016; the
 * PyTorch default form used by neural operators), and its derivative Φ(x) + x·φ(x).
 *
 * @module
 */
import { erf } from '../special/erf';

const INV_SQRT2 = Math.SQRT1_2;
const INV_SQRT_2PI = 0.3989422804014327;

/**
 * Exact GELU of one value. O(1).
 * @example
 * ```ts
 * gelu(1); // 0.8413447460685429
 * ```
 */
export function gelu(x: number): number {
  return 0.5 * x * (1 + erf(x * INV_SQRT2));
}

/**
 * d GELU/dx = Φ(x) + x·φ(x). O(1).
 * @example
 * ```ts
 * geluDerivative(0); // 0.5
 * ```
 */
export function geluDerivative(x: number): number {
  return 0.5 * (1 + erf(x * INV_SQRT2)) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}
