/**
 * Fourier continuation by Gram polynomial blending (FC-Gram; Albin & Bruno, J. Comput. Phys. 230
 * (2011); Amlani & Bruno, J. Comput. Phys. 307 (2016), §3.1): the last d samples of a non-periodic
 * signal are expanded in the Gram polynomials of those d points, each polynomial is continued by a
 * precomputed trigonometric "blend to zero" over C = 25 further points, and the same is done,
 * mirrored, at the left end; the sum of the two blends fills the gap of the periodic extension.
 * Because the continuation is defined in units of the grid spacing, a fixed number of added points
 * keeps the derivative accuracy under refinement (unlike FC-Legendre with fixed nAdditional,
 * docs/fft.md). The thesis (§1.2.1) names Fourier continuation as the tool of FC-PINO but gives
 * no algorithm.
 *
 * @module
 */
import { checkInteger } from '../core/check';
import { InvalidTypeError } from '../core/errors';
import { FC_GRAM_CONTINUATION_POINTS, FC_GRAM_MATRICES } from './fcGramMatrices';

/** Options of {@link FcGram}. */
export interface FcGramOptions {
  /** Matching points per side d ∈ {2, …, 6} (default 5): data of polynomial degree ≤ d − 1 are continued to the fit accuracy. */
  matchingPoints?: number;
}

/**
 * FC-Gram continuation along one axis with C = 25 added points. `matrix` (C × d, row-major) maps
 * the last d samples [x_{n−d} … x_{n−1}] to the right blend R_j at x_{n+j} (j = 0 … C − 1); the left
 * blend L_j at x_{−1−j} is the same matrix applied to [x_{d−1} … x_0]. The periodic extension (period
 * (n + C)h) has gap values g_j = R_j + L_{C−1−j}; `extend` returns it rotated so that the data sit in
 * the middle: [g_{C−c} … g_{C−1}, x_0 … x_{n−1}, g_0 … g_{C−c−1}] with c = ⌊C/2⌋. Construction O(C·d)
 * (tabulated matrices); `extend` O(n + C·d), no allocation with `out`.
 *
 * @example
 * ```ts
 * const fc = new FcGram({ matchingPoints: 5 });
 * const ext = fc.extend(samples);                 // length samples.length + 25
 * fc.restrict(ext);                               // the samples again
 * const d = new FourierDiff({ n: 101, h: 1 / 100, continuation: fc }).derivative(samples);
 * ```
 */
export class FcGram {
  /** Matching points per side d. */
  readonly matchingPoints: number;
  /** Added points C (25). */
  readonly nAdditional: number;
  /** The continuation matrix M, row-major C × d. */
  readonly matrix: Float64Array;
  private readonly gap: Float64Array;

  /** @param options - see {@link FcGramOptions} */
  constructor(options: FcGramOptions = {}) {
    if (options === null || typeof options !== 'object') throw new InvalidTypeError('options', 'an object { matchingPoints? }', options);
    const d = checkInteger('options.matchingPoints', options.matchingPoints ?? 5, 2, 6);
    this.matchingPoints = d;
    this.nAdditional = FC_GRAM_CONTINUATION_POINTS;
    this.matrix = Float64Array.from(FC_GRAM_MATRICES[d]);
    this.gap = new Float64Array(this.nAdditional);
  }

  /**
   * Extend n ≥ d samples (read at offset + j·stride) to n + C samples written to `out` (contiguous).
   * @param x - the samples
   * @param out - receives n + C values
   * @param n - number of samples (default x.length)
   * @param offset - first index (default 0)
   * @param stride - index step (default 1)
   */
  extend(x: Float64Array, out?: Float64Array, n: number = x.length, offset = 0, stride = 1): Float64Array {
    const d = this.matchingPoints, C = this.nAdditional, c = Math.floor(C / 2), M = this.matrix, g = this.gap;
    if (!(x instanceof Float64Array)) throw new InvalidTypeError('x', 'a Float64Array', x);
    checkInteger('n', n, d);
    checkInteger('offset', offset, 0);
    checkInteger('stride', stride, 1);
    if (offset + (n - 1) * stride >= x.length) throw new InvalidTypeError('x', `a Float64Array of length > ${offset + (n - 1) * stride}`, x.length);
    const o = out ?? new Float64Array(n + C);
    if (!(o instanceof Float64Array) || o.length < n + C) throw new InvalidTypeError('out', `a Float64Array of length >= ${n + C}`, o);
    for (let j = 0; j < n; j++) o[c + j] = x[offset + j * stride];
    g.fill(0);
    for (let j = 0; j < C; j++) {
      let r = 0, l = 0;
      const row = j * d;
      for (let t = 0; t < d; t++) {
        r += M[row + t] * o[c + n - d + t];
        l += M[row + t] * o[c + d - 1 - t];
      }
      g[j] += r;
      g[C - 1 - j] += l;
    }
    for (let j = 0; j < C; j++) {
      if (j < C - c) o[c + n + j] = g[j];
      else o[j - (C - c)] = g[j];
    }
    return o;
  }

  /** Drop the added points of an extended signal (the inverse of {@link FcGram.extend}). */
  restrict(ext: Float64Array, out?: Float64Array): Float64Array {
    const C = this.nAdditional, c = Math.floor(C / 2);
    if (!(ext instanceof Float64Array) || ext.length <= C) throw new InvalidTypeError('ext', `a Float64Array of length > ${C}`, ext);
    const n = ext.length - C;
    const o = out ?? new Float64Array(n);
    if (!(o instanceof Float64Array) || o.length !== n) throw new InvalidTypeError('out', `a Float64Array of length ${n}`, o);
    o.set(ext.subarray(c, c + n));
    return o;
  }
}
