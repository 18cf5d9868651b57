/**
 * Mergeable per-component running mean and variance of a stream of vectors (ensemble members,
 * per-ball velocities across Monte Carlo runs): Welford's update for each component and Chan's
 * pairwise merge, so worker partials combine into exactly the single-pass statistics.
 *
 * Like the scalar `WelfordAccumulator` it works on shifted data x − K (K = the first vector
 * pushed unless given), which keeps ~14 digits for data with a large common offset.
 *
 * @module
 */
import { checkInteger, checkVec } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';

/** The JSON form of a {@link VectorWelfordAccumulator}. */
export interface VectorWelfordJSON {
  /** Vector length d. */
  dimension: number;
  /** Number of vectors pushed. */
  count: number;
  /** Per-component mean of x − shift (length d). */
  mean: number[];
  /** Per-component shift K (length d). */
  shift: number[];
  /** Whether K was fixed by the caller. */
  shiftFixed: boolean;
  /** Per-component Σ(x − mean)² (length d). */
  m2: number[];
}

/**
 * Per-component count/mean/M₂ of vectors of fixed length d. `push` is O(d) with no allocation;
 * `merge` is O(d). Accurate for data with a large common offset (centered updates).
 *
 * @example
 * ```ts
 * const acc = new VectorWelfordAccumulator(3);
 * acc.push(new Float64Array([1, 2, 3]));
 * acc.push(new Float64Array([3, 2, 1]));
 * acc.mean();       // [2, 2, 2]
 * acc.variance();   // [2, 0, 2] (ddof = 1)
 * ```
 */
export class VectorWelfordAccumulator {
  /** Vector length. */
  readonly dimension: number;
  /** Number of vectors pushed (and merged). */
  count = 0;
  private readonly mu: Float64Array; // mean of x − shift
  private readonly m2: Float64Array;
  private readonly shift: Float64Array;
  private shiftFixed: boolean;

  /**
   * @param dimension - vector length d, an integer >= 1
   * @param shift - optional fixed per-component shift K (length d; default: the first vector pushed)
   */
  constructor(dimension: number, shift?: Float64Array) {
    this.dimension = checkInteger('dimension', dimension, 1);
    this.mu = new Float64Array(dimension);
    this.m2 = new Float64Array(dimension);
    this.shift = new Float64Array(dimension);
    this.shiftFixed = shift !== undefined;
    if (shift !== undefined) this.shift.set(checkVec('shift', shift, dimension));
  }

  /**
   * Add the vector `x[offset + i·stride]`, i < d (default: x itself).
   * @example
   * ```ts
   * acc.push(ensemble.data, 1, j * d); // member j of a row-major J×d ensemble
   * ```
   */
  push(x: ArrayLike<number>, stride = 1, offset = 0): this {
    const d = this.dimension;
    if (x === null || typeof x !== 'object' || typeof x.length !== 'number') throw new InvalidTypeError('x', 'an array-like of numbers', x);
    checkInteger('stride', stride, 1);
    checkInteger('offset', offset, 0);
    if (offset + (d - 1) * stride >= x.length) {
      throw new InvalidArgumentError('x.length', `> offset + (dimension − 1)·stride = ${offset + (d - 1) * stride}`, x.length);
    }
    const n = this.count + 1;
    const inv = 1 / n;
    const mu = this.mu;
    const m2 = this.m2;
    const k = this.shift;
    if (n === 1 && !this.shiftFixed) for (let i = 0, j = offset; i < d; i++, j += stride) k[i] = Number.isFinite(x[j]) ? x[j] : 0;
    for (let i = 0, j = offset; i < d; i++, j += stride) {
      const y = x[j] - k[i];
      const delta = y - mu[i];
      mu[i] += delta * inv;
      m2[i] += delta * (y - mu[i]);
    }
    this.count = n;
    return this;
  }

  /** Merge another accumulator of the same dimension (Chan et al. 1979). O(d). */
  merge(other: VectorWelfordAccumulator): this {
    if (!(other instanceof VectorWelfordAccumulator) || other.dimension !== this.dimension) {
      throw new InvalidTypeError('other', `a VectorWelfordAccumulator of dimension ${this.dimension}`, other);
    }
    const na = this.count;
    const nb = other.count;
    if (nb === 0) return this;
    if (na === 0) {
      this.shift.set(other.shift);
      this.shiftFixed = other.shiftFixed;
    }
    const n = na + nb;
    const wb = nb / n;
    const wab = (na * nb) / n;
    for (let i = 0; i < this.dimension; i++) {
      const delta = other.shift[i] - this.shift[i] + (other.mu[i] - this.mu[i]);
      this.mu[i] += delta * wb;
      this.m2[i] += other.m2[i] + delta * delta * wab;
    }
    this.count = n;
    return this;
  }

  /** Per-component mean (NaN entries when empty). */
  mean(out: Float64Array = new Float64Array(this.dimension)): Float64Array {
    checkVec('out', out, this.dimension);
    for (let i = 0; i < this.dimension; i++) out[i] = this.count > 0 ? this.shift[i] + this.mu[i] : NaN;
    return out;
  }

  /** Per-component M₂/(count − ddof) (default ddof = 1, unbiased); NaN entries when count ≤ ddof. */
  variance(out: Float64Array = new Float64Array(this.dimension), ddof = 1): Float64Array {
    checkVec('out', out, this.dimension);
    checkInteger('ddof', ddof, 0);
    const scale = this.count > ddof ? 1 / (this.count - ddof) : NaN;
    for (let i = 0; i < this.dimension; i++) out[i] = this.m2[i] * scale;
    return out;
  }

  /** A JSON snapshot (exact: doubles round-trip through JSON). */
  toJSON(): VectorWelfordJSON {
    return {
      dimension: this.dimension,
      count: this.count,
      mean: Array.from(this.mu),
      m2: Array.from(this.m2),
      shift: Array.from(this.shift),
      shiftFixed: this.shiftFixed,
    };
  }

  /**
   * Rebuild an accumulator from {@link VectorWelfordAccumulator.toJSON} output.
   * @example
   * ```ts
   * const copy = VectorWelfordAccumulator.fromJSON(JSON.parse(JSON.stringify(acc)));
   * ```
   */
  static fromJSON(json: VectorWelfordJSON): VectorWelfordAccumulator {
    if (typeof json !== 'object' || json === null) throw new InvalidTypeError('json', 'a VectorWelfordJSON object', json);
    const acc = new VectorWelfordAccumulator(json.dimension);
    acc.count = checkInteger('json.count', json.count, 0);
    const d = acc.dimension;
    if (!Array.isArray(json.mean) || json.mean.length !== d) throw new InvalidTypeError('json.mean', `an array of length ${d}`, json.mean);
    if (!Array.isArray(json.m2) || json.m2.length !== d) throw new InvalidTypeError('json.m2', `an array of length ${d}`, json.m2);
    if (!Array.isArray(json.shift) || json.shift.length !== d) throw new InvalidTypeError('json.shift', `an array of length ${d}`, json.shift);
    acc.mu.set(json.mean);
    acc.m2.set(json.m2);
    acc.shift.set(json.shift);
    acc.shiftFixed = json.shiftFixed === true;
    return acc;
  }
}
