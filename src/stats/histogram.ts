/**
 * Fixed-bin histograms on [lo, hi) with density normalization; mergeable across workers.
 *
 * Bin k covers [lo + k·w, lo + (k+1)·w), w = (hi − lo)/bins, except that the last bin also
 * contains hi (numpy's convention). Values below lo / above hi are counted in `below` / `above`,
 * NaN in `nan`. `density()` divides the counts by (total count)·w — the total includes the
 * out-of-range values — so it estimates the probability density itself even when [lo, hi] clips the
 * tails (numpy's `density=True` divides by the in-range count instead).
 *
 * @module
 */
import { checkFinite, checkInteger, checkVec } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';

// Bound once: global lookups are slow in sandboxed contexts (vm modules, test runners).
const floor = Math.floor;

/**
 * A fixed-bin histogram. `push` is O(1), `merge` O(bins).
 *
 * @example
 * ```ts
 * const h = new Histogram(-4, 4, 80);
 * h.pushAll(samples);
 * const centers = h.centers();
 * const density = h.density(); // compare with normalPdf(centers[k])
 * ```
 */
export class Histogram {
  /** Left edge. */
  readonly lo: number;
  /** Right edge. */
  readonly hi: number;
  /** Number of bins. */
  readonly bins: number;
  /** Bin counts (length bins). */
  readonly counts: Float64Array;
  /** Count of values < lo. */
  below = 0;
  /** Count of values > hi. */
  above = 0;
  /** Count of NaN values. */
  nan = 0;
  private readonly scale: number;

  /**
   * @param lo - left edge (finite)
   * @param hi - right edge (finite, > lo)
   * @param bins - number of bins, an integer >= 1
   */
  constructor(lo: number, hi: number, bins: number) {
    this.lo = checkFinite('lo', lo);
    this.hi = checkFinite('hi', hi);
    if (!(hi > lo)) throw new InvalidArgumentError('hi', `a finite number > lo = ${lo}`, hi);
    this.bins = checkInteger('bins', bins, 1);
    this.counts = new Float64Array(bins);
    this.scale = bins / (hi - lo);
  }

  /** Count one value. */
  push(x: number): this {
    if (x >= this.lo && x <= this.hi) {
      const k = floor((x - this.lo) * this.scale);
      this.counts[k < this.bins ? k : this.bins - 1]++;
    } else if (x < this.lo) this.below++;
    else if (x > this.hi) this.above++;
    else this.nan++;
    return this;
  }

  /** Count every value of x. O(x.length). */
  pushAll(x: ArrayLike<number>): this {
    for (let i = 0; i < x.length; i++) this.push(x[i]);
    return this;
  }

  /** Add the counts of a histogram with identical edges. */
  merge(other: Histogram): this {
    if (!(other instanceof Histogram) || other.lo !== this.lo || other.hi !== this.hi || other.bins !== this.bins) {
      throw new InvalidTypeError('other', `a Histogram on [${this.lo}, ${this.hi}] with ${this.bins} bins`, other);
    }
    for (let k = 0; k < this.bins; k++) this.counts[k] += other.counts[k];
    this.below += other.below;
    this.above += other.above;
    this.nan += other.nan;
    return this;
  }

  /** Total number of values pushed, including out-of-range and NaN values. */
  total(): number {
    let s = this.below + this.above + this.nan;
    for (let k = 0; k < this.bins; k++) s += this.counts[k];
    return s;
  }

  /** Bin edges lo + k·w, k = 0..bins (length bins + 1). */
  edges(out: Float64Array = new Float64Array(this.bins + 1)): Float64Array {
    checkVec('out', out, this.bins + 1);
    const w = (this.hi - this.lo) / this.bins;
    for (let k = 0; k < this.bins; k++) out[k] = this.lo + k * w;
    out[this.bins] = this.hi;
    return out;
  }

  /** Bin centers lo + (k + ½)·w (length bins). */
  centers(out: Float64Array = new Float64Array(this.bins)): Float64Array {
    checkVec('out', out, this.bins);
    const w = (this.hi - this.lo) / this.bins;
    for (let k = 0; k < this.bins; k++) out[k] = this.lo + (k + 0.5) * w;
    return out;
  }

  /** counts/(total·w): a density estimate that integrates to the in-range fraction. */
  density(out: Float64Array = new Float64Array(this.bins)): Float64Array {
    checkVec('out', out, this.bins);
    const norm = this.scale / this.total();
    for (let k = 0; k < this.bins; k++) out[k] = this.counts[k] * norm;
    return out;
  }
}
