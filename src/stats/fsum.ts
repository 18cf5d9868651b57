/**
 * Exactly rounded floating-point summation: Shewchuk's adaptive "partials" algorithm
 * (Shewchuk, Discrete Comput. Geom. 18, 1997), as in Python's `math.fsum` and d3-array's `Adder`.
 *
 * The running sum is held exactly as a list of non-overlapping doubles (the partials), so the
 * result is the correctly rounded value of the exact sum of all inputs, whatever their order and
 * magnitude. Use it for conservation checks (mass, energy, Σv, Σv²) where ordinary summation's
 * error O(n·ε·Σ|xᵢ|) would hide or fake a drift.
 *
 * @module
 */
import { checkVec } from '../core/check';

/**
 * A running exact sum. `add` costs O(number of partials) — in practice a handful; the memory is
 * bounded by ~40 partials for doubles of any exponents.
 *
 * Non-finite inputs are summed separately (∞ + (−∞) = NaN); an intermediate overflow of finite
 * inputs yields ±∞.
 *
 * @example
 * ```ts
 * const s = new Adder();
 * s.add(1e100); s.add(1); s.add(-1e100);
 * s.value(); // 1 (naive summation gives 0)
 * ```
 */
export class Adder {
  private readonly partials: number[] = [];
  private special = 0;

  /** Add x to the running sum; returns this. */
  add(x: number): this {
    if (!Number.isFinite(x)) {
      this.special += x;
      return this;
    }
    const p = this.partials;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      let y = p[j];
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      if (!Number.isFinite(hi)) {
        this.special += hi; // intermediate overflow
        p.length = 0;
        return this;
      }
      const lo = y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    p.length = i;
    p.push(x);
    return this;
  }

  /** The correctly rounded value of the exact sum (round-half-even on the last partials). */
  value(): number {
    if (this.special !== 0 || this.special !== this.special) return this.special;
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    let hi = p[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Python's half-way correction: the remaining partials decide a tie in hi + lo.
    if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }

  /** Same as {@link Adder.value}, so an Adder can be used where a number is expected. */
  valueOf(): number {
    return this.value();
  }
}

/**
 * The correctly rounded sum of `x[offset + k·stride]`, k < n (Shewchuk/Python `math.fsum`).
 * O(n) for typical data.
 *
 * @example
 * ```ts
 * fsum(new Float64Array([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1])); // 1 (naive: 0.9999999999999999)
 * ```
 */
export function fsum(x: Float64Array, n: number = x.length, stride = 1, offset = 0): number {
  checkVec('x', x);
  const adder = new Adder();
  for (let k = 0, j = offset; k < n; k++, j += stride) adder.add(x[j]);
  return adder.value();
}
