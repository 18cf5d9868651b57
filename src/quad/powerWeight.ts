/**
 * Power-law weights ρ(x) = Σ_j c_j |x|^{e_j}, possibly singular at x = 0, and their exact moments.
 *
 * @module
 */
import { checkFinite } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';

/** One term c·|x|^e of a {@link PowerWeight}. */
export interface PowerTerm {
  /** Coefficient c (finite). */
  readonly coefficient: number;
  /** Exponent e (finite; negative exponents make the weight singular at 0). */
  readonly exponent: number;
}

/**
 * A weight ρ(x) = Σ_j c_j |x|^{e_j}, e.g. the blowup weights |z|^{−α} or
 * |z|^{−5−n} + 10⁻³|z|^{1−n}. Knowing the form lets a measure compute exact moments
 * ∫ ρ(x) x^m dx and subtract Taylor data near a singular origin.
 */
export interface PowerWeight {
  /** The terms c_j |x|^{e_j}, at least one. */
  readonly terms: readonly PowerTerm[];
}

/**
 * Build a {@link PowerWeight} from alternating coefficient/exponent pairs.
 *
 * @param pairs - `[c_0, e_0, c_1, e_1, …]` (even length ≥ 2, finite)
 * @returns the weight Σ_j c_j |x|^{e_j}
 * @example
 * ```ts
 * const rho = powerWeight(1, -6, 1e-3, 0); // |z|^{-6} + 10^{-3}, the 1-D heat weight
 * evaluatePowerWeight(rho, 0.5);           // 64.001
 * ```
 */
export function powerWeight(...pairs: number[]): PowerWeight {
  if (pairs.length < 2 || pairs.length % 2 !== 0) {
    throw new InvalidArgumentError('pairs.length', 'an even number >= 2 (coefficient, exponent pairs)', pairs.length);
  }
  const terms: PowerTerm[] = [];
  for (let j = 0; j < pairs.length; j += 2) {
    terms.push({ coefficient: checkFinite(`pairs[${j}]`, pairs[j]), exponent: checkFinite(`pairs[${j + 1}]`, pairs[j + 1]) });
  }
  return { terms };
}

/** Validate a {@link PowerWeight} (throws naming `name`). */
export function checkPowerWeight(name: string, weight: unknown): PowerWeight {
  const terms = (weight as PowerWeight | undefined)?.terms;
  if (!Array.isArray(terms) || terms.length === 0) throw new InvalidTypeError(`${name}.terms`, 'a non-empty array of { coefficient, exponent }', terms);
  terms.forEach((t: PowerTerm, j: number) => {
    checkFinite(`${name}.terms[${j}].coefficient`, t?.coefficient);
    checkFinite(`${name}.terms[${j}].exponent`, t?.exponent);
  });
  return weight as PowerWeight;
}

/**
 * ρ(x) = Σ_j c_j |x|^{e_j}; `Infinity` at x = 0 when some e_j < 0 (with c_j ≠ 0). O(#terms).
 *
 * @example
 * ```ts
 * evaluatePowerWeight(powerWeight(1, -0.5), 4); // 0.5
 * ```
 */
export function evaluatePowerWeight(weight: PowerWeight, x: number): number {
  const ax = Math.abs(x);
  let s = 0;
  for (const t of weight.terms) s += t.coefficient === 0 ? 0 : t.coefficient * Math.pow(ax, t.exponent);
  return s;
}

/**
 * True when every term of ∫_0 ρ(x)·x^m·|x|^{shift} dx converges at 0 (e_j + m + shift > −1 for every
 * nonzero c_j). O(#terms).
 *
 * @example
 * ```ts
 * powerWeightMomentConverges(powerWeight(1, -6), 8); // true: z^{-6} z^8 is integrable at 0
 * ```
 */
export function powerWeightMomentConverges(weight: PowerWeight, m: number, shift = 0): boolean {
  return weight.terms.every((t) => t.coefficient === 0 || t.exponent + m + shift + 1 > 0);
}

/**
 * Exact moment ∫_lo^hi ρ(x)·x^m·|x|^{shift} dx for 0 ≤ lo < hi (the radial factor |x|^{d−1} enters
 * as `shift = d − 1`). Each term needs e_j + m + shift > −1 when lo = 0, otherwise the integral
 * diverges and an {@link InvalidArgumentError} is thrown. O(#terms).
 *
 * @example
 * ```ts
 * powerWeightMoment(powerWeight(1, -0.5), 2, 0, 1); // ∫_0^1 z^{-1/2} z^2 dz = 0.4
 * ```
 */
export function powerWeightMoment(weight: PowerWeight, m: number, lo: number, hi: number, shift = 0): number {
  let s = 0;
  for (let j = 0; j < weight.terms.length; j++) {
    const t = weight.terms[j];
    if (t.coefficient === 0) continue;
    const q = t.exponent + m + shift + 1;
    if (lo === 0 && !(q > 0)) {
      throw new InvalidArgumentError(`weight.terms[${j}].exponent`, `> ${-(m + shift + 1)} so that the moment of order ${m} converges at 0`, t.exponent);
    }
    s += t.coefficient * (q === 0 ? Math.log(hi / lo) : powerDifference(lo, hi, q));
  }
  return s;
}

/**
 * (hi^q − lo^q)/q for 0 ≤ lo < hi, q ≠ 0. Where a power is not a finite double (hi^q beyond 1e308,
 * or lo^q for q < 0 and tiny lo) although the difference may be, it is formed in log space:
 * |hi^q − lo^q| = big·(−expm1(q·ln(small/big))), big = max(hi^q, lo^q), with ln big = q·ln(hi or lo).
 */
function powerDifference(lo: number, hi: number, q: number): number {
  const direct = (Math.pow(hi, q) - Math.pow(lo, q)) / q;
  if (Number.isFinite(direct) || !(lo > 0)) return direct;
  // q > 0: hi^q is the larger power; q < 0: lo^q is; either way (·)/q > 0
  const logBig = q > 0 ? q * Math.log(hi) : q * Math.log(lo);
  const ratio = q > 0 ? q * Math.log(lo / hi) : q * Math.log(hi / lo); // ln(small/big) < 0
  return Math.exp(logBig + Math.log(-Math.expm1(ratio)) - Math.log(Math.abs(q)));
}
