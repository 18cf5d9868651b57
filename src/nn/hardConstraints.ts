/**
 * Hard constraints of profile networks on unbounded domains (thesis Appendix B.2): per-point jets
 * (value, d/dz, d²/dz²) of the fixed parts of an ansatz
 * Û(z) = P(x) + M(x)·B(z) + Q(y), where B is the (parity-wrapped) network, x = z or y = sinh z,
 * P(x) = c₁x + Σ_k c_k x^{p_k} (Taylor ansatz at the origin, real powers allowed), M(x) = x^m, and
 * Q(y) = c·y^a·(y/(1+y))^n (cutoff (y/(1+y))^n times the far-field law c·y^a), evaluated in log form
 * so y ≈ 5·10¹² cannot overflow. These jets depend only on the points, not on the parameters, so
 * they are computed once per sample set.
 *
 * @module
 */
import { checkFinite, checkNonNegative, checkOneOf } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import { SinhCoordinate } from '../grid/sinhCoordinate';

/** One fixed term c·x^p of a {@link TaylorAnsatz}. */
export interface AnsatzTerm {
  /** The power p ≥ 0 (real). */
  power: number;
  /** The coefficient c. */
  coefficient: number;
}

/**
 * A Taylor ansatz at the origin P(x) + x^m·B: `linear` c₁, extra `terms` c_k x^{p_k} (real
 * powers; a non-integer power needs x ≥ 0), `multiplierPower` m (the network enters as x^m·B).
 * Thesis B.2 for Burgers: variable 'z', linear −1, terms [{power 3, coefficient 1}], m = 4.
 * @example
 * ```ts
 * const burgersWeak: TaylorAnsatz = { variable: 'z', linear: -1, terms: [{ power: 3, coefficient: 1 }], multiplierPower: 4 };
 * ```
 */
export interface TaylorAnsatz {
  /** The variable of the expansion: the sampled coordinate z, or y = sinh z. */
  variable: 'z' | 'y';
  /** Coefficient c₁ of x (e.g. −1 to enforce U′(0) = −1). */
  linear: number;
  /** Further fixed terms c·x^p (p real ≥ 0). */
  terms: readonly AnsatzTerm[];
  /** Power m ≥ 0 of the factor multiplying the network. */
  multiplierPower: number;
}

/**
 * A far-field law times a cutoff, Q(y) = coefficient·y^exponent·(y/(1+y))^cutoffPower for y ≥ 0,
 * extended oddly to y < 0. Burgers with exact asymptotics (thesis B.4, eq. (B.4.5)): coefficient −1,
 * exponent λ/(1+λ), cutoffPower 15.
 * @example
 * ```ts
 * const law: FarFieldLaw = { coefficient: -1, exponent: 1 / 3, cutoffPower: 15 };
 * ```
 */
export interface FarFieldLaw {
  /** c in c·y^a. */
  coefficient: number;
  /** a in c·y^a. */
  exponent: number;
  /** n in (y/(1+y))^n, n > 2 − a so Q is C² at the origin. */
  cutoffPower: number;
}

/**
 * Validate a {@link TaylorAnsatz} (throws naming the offending field).
 * @example
 * ```ts
 * const t = checkTaylorAnsatz('ansatz', { variable: 'z', linear: -1, terms: [], multiplierPower: 2 });
 * ```
 */
export function checkTaylorAnsatz(name: string, t: unknown): TaylorAnsatz {
  if (t === null || typeof t !== 'object') throw new InvalidTypeError(name, 'a TaylorAnsatz object', t);
  const a = t as TaylorAnsatz;
  checkOneOf(`${name}.variable`, a.variable, ['z', 'y'] as const);
  checkFinite(`${name}.linear`, a.linear);
  if (!Array.isArray(a.terms)) throw new InvalidTypeError(`${name}.terms`, 'an array of {power, coefficient}', a.terms);
  a.terms.forEach((term, k) => {
    checkNonNegative(`${name}.terms[${k}].power`, term?.power);
    checkFinite(`${name}.terms[${k}].coefficient`, term?.coefficient);
  });
  checkNonNegative(`${name}.multiplierPower`, a.multiplierPower);
  return a;
}

/**
 * Validate a {@link FarFieldLaw} (throws naming the offending field).
 * @example
 * ```ts
 * const law = checkFarFieldLaw('farField', { coefficient: -1, exponent: 1 / 3, cutoffPower: 15 });
 * ```
 */
export function checkFarFieldLaw(name: string, f: unknown): FarFieldLaw {
  if (f === null || typeof f !== 'object') throw new InvalidTypeError(name, 'a FarFieldLaw object', f);
  const law = f as FarFieldLaw;
  checkFinite(`${name}.coefficient`, law.coefficient);
  const a = checkFinite(`${name}.exponent`, law.exponent);
  const n = checkNonNegative(`${name}.cutoffPower`, law.cutoffPower);
  if (!(n + a > 2)) throw new InvalidArgumentError(`${name}.cutoffPower`, `a number with cutoffPower + exponent > 2 (C² at y = 0; exponent ${a})`, n);
  return law;
}

/**
 * x^p and its first two derivatives into out[o], out[o+1], out[o+2], with the limits at x = 0
 * (0 for orders below p, p! at an integer order equal to p, ∞ above). x < 0 with a non-integer p
 * gives NaN. O(1).
 * @example
 * ```ts
 * const j = powerJet(2, 3.5, new Float64Array(3), 0); // [2^3.5, 3.5·2^2.5, 8.75·2^1.5]
 * ```
 */
export function powerJet(x: number, p: number, out: Float64Array, o: number): Float64Array {
  if (x === 0) {
    out[o] = p === 0 ? 1 : 0;
    out[o + 1] = p === 1 ? 1 : p > 1 || p === 0 ? 0 : Infinity;
    out[o + 2] = p === 2 ? 2 : p > 2 || p === 1 || p === 0 ? 0 : Infinity;
    return out;
  }
  const v = Math.pow(x, p);
  out[o] = v;
  out[o + 1] = p === 0 ? 0 : p * Math.pow(x, p - 1);
  out[o + 2] = p === 0 || p === 1 ? 0 : p * (p - 1) * Math.pow(x, p - 2);
  return out;
}

/**
 * The z-jets of P and M of a {@link TaylorAnsatz} at z: out[o…o+2] = (P, P_z, P_zz),
 * out[o+3…o+5] = (M, M_z, M_zz); with variable 'y' the x-jets are composed with y(z) by the chain
 * rule. O(number of terms).
 * @example
 * ```ts
 * const jets = taylorAnsatzJets(ansatz, new SinhCoordinate(), 0.3, new Float64Array(6), 0);
 * ```
 */
export function taylorAnsatzJets(ansatz: TaylorAnsatz, map: SinhCoordinate, z: number, out: Float64Array, o: number): Float64Array {
  const x = ansatz.variable === 'z' ? z : map.y(z);
  let p0 = ansatz.linear * x;
  let p1 = ansatz.linear;
  let p2 = 0;
  for (const term of ansatz.terms) {
    powerJet(x, term.power, out, o);
    p0 += term.coefficient * out[o];
    p1 += term.coefficient * out[o + 1];
    p2 += term.coefficient * out[o + 2];
  }
  powerJet(x, ansatz.multiplierPower, out, o + 3);
  out[o] = p0;
  out[o + 1] = p1;
  out[o + 2] = p2;
  if (ansatz.variable === 'y') {
    const d1 = map.dydz(z);
    const d2 = map.d2ydz2(z);
    out[o + 2] = p2 * d1 * d1 + p1 * d2;
    out[o + 1] = p1 * d1;
    const m1 = out[o + 4];
    out[o + 5] = out[o + 5] * d1 * d1 + m1 * d2;
    out[o + 4] = m1 * d1;
  }
  return out;
}

/**
 * The z-jets (Q, Q_z, Q_zz) of the cutoff × far-field law at z (y = c·sinh(z/ℓ) from `map`), written to
 * out[o…o+2]. Log form: |Q| = |c|·exp((n+a)·log y − n·log(1+y)), Q_z = Q·h, Q_zz = Q·(h² + h′) with
 * h = (a + n/(1+y))·coth(z/ℓ)/ℓ, so nothing overflows for |z/ℓ| ≤ 700 (at y = 5.3·10¹² the direct
 * form y^{15.33} ≈ 10¹⁹⁵ would be near the edge of double range). Odd in z. O(1).
 * @example
 * ```ts
 * farFieldJets({ coefficient: -1, exponent: 1 / 3, cutoffPower: 15 }, new SinhCoordinate(), 30, out, 0);
 * ```
 */
export function farFieldJets(law: FarFieldLaw, map: SinhCoordinate, z: number, out: Float64Array, o: number): Float64Array {
  const sign = z < 0 ? -1 : 1;
  const az = Math.abs(z);
  const y = map.y(az);
  const a = law.exponent;
  const n = law.cutoffPower;
  const q = y === 0 ? 0 : law.coefficient * Math.exp((n + a) * Math.log(y) - n * Math.log1p(y));
  if (q === 0) {
    out[o] = out[o + 1] = out[o + 2] = 0;
    return out;
  }
  const l = map.width;
  const u = az / l;
  const coth = 1 / Math.tanh(u);
  const g = a + n / (1 + y);
  const h = (g * coth) / l;
  const sinh = Math.sinh(u);
  const dg = (-n * map.dydz(az)) / ((1 + y) * (1 + y));
  const dh = (dg * coth) / l - g / (l * l * sinh * sinh);
  out[o] = sign * q;
  out[o + 1] = q * h;
  out[o + 2] = sign * q * (h * h + dh);
  return out;
}

/** Parity of a wrapped network: 'odd' (N(z) − N(−z)), 'even' (N(z) + N(−z)) or 'none'. */
export type Parity = 'odd' | 'even' | 'none';

/**
 * Validate a {@link Parity}.
 * @example
 * ```ts
 * checkParity('parity', 'odd'); // 'odd'; anything but 'odd' | 'even' | 'none' throws
 * ```
 */
export function checkParity(name: string, p: unknown): Parity {
  return checkOneOf(name, p, ['odd', 'even', 'none'] as const);
}
