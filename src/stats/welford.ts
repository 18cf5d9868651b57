/**
 * Mergeable running moments of a scalar stream: count, mean and the central sums
 * M₂ = Σ(x − x̄)², M₃, M₄, updated one value at a time (Welford 1962; Terriberry 2007 for M₃, M₄)
 * and merged across partial streams exactly as if the data had been concatenated (Chan, Golub &
 * LeVeque 1979 for M₂; Pébay 2008 for M₃, M₄).
 *
 * Shifted data. The accumulator works on yᵢ = xᵢ − K with a fixed shift K (by default the first
 * value pushed; or given, e.g. a reference profile value). yᵢ is exact when xᵢ is within a factor 2
 * of K, so a large common offset costs nothing: for 1e8 + N(0, 1) data, plain Welford updates of
 * x lose ~8 digits (the running mean carries rounding errors of ulp(1e8) ≈ 1.5e−8 into every
 * update), the textbook Σx² − (Σx)²/n loses all of them, and the shifted updates keep ~14 digits
 * (see `docs/stats.md`). Merging two accumulators with different shifts is exact in the shift
 * difference when the shifts are close.
 *
 * @module
 */
import { checkFinite, checkInteger } from '../core/check';
import { InvalidTypeError, NumericalError } from '../core/errors';

/** The JSON form of a {@link WelfordAccumulator}. */
export interface WelfordJSON {
  /** Number of values. */
  count: number;
  /** Running mean of x − shift. */
  mean: number;
  /** Σ(x − mean)². */
  m2: number;
  /** Σ(x − mean)³. */
  m3: number;
  /** Σ(x − mean)⁴. */
  m4: number;
  /** The shift K (the stored mean is that of x − K). */
  shift: number;
  /** Whether K was fixed by the caller (otherwise the first value pushed sets it). */
  shiftFixed: boolean;
}

/**
 * Running count, mean, variance, skewness and excess kurtosis of a scalar stream; mergeable and
 * serializable. O(1) per value, no allocation.
 *
 * @example
 * ```ts
 * const a = new WelfordAccumulator();
 * for (const v of part1) a.push(v);
 * const b = new WelfordAccumulator();
 * for (const v of part2) b.push(v);
 * a.merge(b);           // same as one pass over part1 ++ part2
 * a.variance();         // unbiased (ddof = 1)
 * ```
 */
export class WelfordAccumulator {
  /** Number of values pushed (and merged). */
  count = 0;
  private mu = 0; // mean of x − shift
  private m2 = 0;
  private m3 = 0;
  private m4 = 0;
  private shift: number;
  private shiftFixed: boolean;

  /**
   * @param shift - optional fixed shift K ≈ the data's location (default: the first value pushed)
   */
  constructor(shift?: number) {
    this.shiftFixed = shift !== undefined;
    this.shift = shift === undefined ? 0 : checkFinite('shift', shift);
  }

  /** Add one value (Welford/Terriberry update of x − K). NaN or ±∞ make every moment NaN. */
  push(x: number): this {
    const n1 = this.count;
    if (n1 === 0 && !this.shiftFixed && Number.isFinite(x)) this.shift = x;
    const n = n1 + 1;
    const delta = x - this.shift - this.mu;
    const deltaN = delta / n;
    const deltaN2 = deltaN * deltaN;
    const term1 = delta * deltaN * n1;
    this.mu += deltaN;
    this.m4 += term1 * deltaN2 * (n * n - 3 * n + 3) + 6 * deltaN2 * this.m2 - 4 * deltaN * this.m3;
    this.m3 += term1 * deltaN * (n - 2) - 3 * deltaN * this.m2;
    this.m2 += term1;
    this.count = n;
    return this;
  }

  /** Merge another accumulator into this one (Chan/Pébay pairwise formulas). O(1). */
  merge(other: WelfordAccumulator): this {
    const na = this.count;
    const nb = other.count;
    if (nb === 0) return this;
    if (na === 0) return this.restore(other.toJSON());
    const n = na + nb;
    const delta = other.shift - this.shift + (other.mu - this.mu);
    const d2 = delta * delta;
    const a2 = this.m2;
    const a3 = this.m3;
    this.m4 +=
      other.m4 +
      ((d2 * d2 * na * nb * (na * na - na * nb + nb * nb)) / (n * n * n)) +
      (6 * d2 * (na * na * other.m2 + nb * nb * a2)) / (n * n) +
      (4 * delta * (na * other.m3 - nb * a3)) / n;
    this.m3 += other.m3 + (d2 * delta * na * nb * (na - nb)) / (n * n) + (3 * delta * (na * other.m2 - nb * a2)) / n;
    this.m2 += other.m2 + (d2 * na * nb) / n;
    this.mu += (delta * nb) / n;
    this.count = n;
    return this;
  }

  /** The mean K + mean(x − K) (NaN when empty). */
  mean(): number {
    return this.count > 0 ? this.shift + this.mu : NaN;
  }

  /** M₂/(count − ddof); NaN when count ≤ ddof. ddof = 1 (default) is the unbiased estimator. */
  variance(ddof = 1): number {
    checkInteger('ddof', ddof, 0);
    return this.count > ddof ? this.m2 / (this.count - ddof) : NaN;
  }

  /**
   * Sample skewness g₁ = m₃/m₂^{3/2} with mₖ = Mₖ/count (the biased estimator, scipy's default).
   * @throws NumericalError (`'range'`) when the variance lies outside [1e−150, 1e150] (see {@link WelfordAccumulator.excessKurtosis})
   */
  skewness(): number {
    this.checkHigherMomentRange('skewness', 'cubes');
    const n = this.count;
    return (Math.sqrt(n) * this.m3) / Math.pow(this.m2, 1.5);
  }

  /**
   * Sample excess kurtosis g₂ = m₄/m₂² − 3 with mₖ = Mₖ/count (biased, scipy's default).
   * @throws NumericalError (`'range'`) when the variance lies outside [1e−150, 1e150]: the running sums of
   *   cubes and fourth powers of deviations (below about 1e−77 or above 1e77) are then not normal
   *   doubles and these statistics would be wrong; `sampleMoments` (two-pass, scaled) handles such data
   */
  excessKurtosis(): number {
    this.checkHigherMomentRange('excessKurtosis', 'fourth powers');
    return (this.count * this.m4) / (this.m2 * this.m2) - 3;
  }

  private checkHigherMomentRange(what: string, powers: string): void {
    const v = this.m2 / this.count;
    if (v !== 0 && (v < 1e-150 || v > 1e150)) {
      throw new NumericalError('range', `${what}: the biased variance ${v.toPrecision(3)} is outside [1e-150, 1e150], so the running sums of ${powers} of the deviations left the double range (cubes and fourth powers over/underflow); use sampleMoments, which scales the data`);
    }
  }

  /** A JSON snapshot (exact: doubles round-trip through JSON). */
  toJSON(): WelfordJSON {
    return { count: this.count, mean: this.mu, m2: this.m2, m3: this.m3, m4: this.m4, shift: this.shift, shiftFixed: this.shiftFixed };
  }

  /** Overwrite this accumulator with a snapshot. */
  restore(json: WelfordJSON): this {
    if (typeof json !== 'object' || json === null) throw new InvalidTypeError('json', 'a WelfordJSON object', json);
    this.count = checkInteger('json.count', json.count, 0);
    this.mu = checkFinite('json.mean', json.mean);
    this.m2 = checkFinite('json.m2', json.m2);
    this.m3 = checkFinite('json.m3', json.m3);
    this.m4 = checkFinite('json.m4', json.m4);
    this.shift = checkFinite('json.shift', json.shift);
    this.shiftFixed = json.shiftFixed === true;
    return this;
  }

  /**
   * Rebuild an accumulator from {@link WelfordAccumulator.toJSON} output.
   * @example
   * ```ts
   * const copy = WelfordAccumulator.fromJSON(JSON.parse(JSON.stringify(acc)));
   * ```
   */
  static fromJSON(json: WelfordJSON): WelfordAccumulator {
    return new WelfordAccumulator().restore(json);
  }
}
