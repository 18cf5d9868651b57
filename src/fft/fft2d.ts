/**
 * Two-dimensional complex and real DFTs on row-major split storage, built from one-dimensional
 * plans along the rows (contiguous) and the columns (strided).
 *
 * @module
 */
import { checkInteger } from '../core/check';
import { InvalidTypeError } from '../core/errors';
import { checkNormalization, FftPlan, normalizationScale, type FftNormalization } from './fftPlan';
import { RealFftPlan } from './realFftPlan';

function checkArray(name: string, a: unknown, length: number): Float64Array {
  if (!(a instanceof Float64Array) || a.length < length) throw new InvalidTypeError(name, `a Float64Array of length >= ${length}`, a instanceof Float64Array ? `length ${a.length}` : a);
  return a;
}

/**
 * A reusable plan for the complex 2D DFT of an n0 × n1 row-major array,
 * X[k0, k1] = Σ x[j0, j1] e^{∓2πi(j0k0/n0 + j1k1/n1)}, in place. O(n0 n1 log(n0 n1)), no
 * allocation per call.
 *
 * @example
 * ```ts
 * const plan = new Fft2dPlan(4, 6);
 * const re = new Float64Array(24).fill(1), im = new Float64Array(24);
 * plan.forward(re, im, 'ortho'); // re[0] = √24
 * ```
 */
export class Fft2dPlan {
  /** Number of rows. */
  readonly n0: number;
  /** Number of columns (contiguous axis). */
  readonly n1: number;
  private readonly rows: FftPlan;
  private readonly cols: FftPlan;

  /**
   * @param n0 - rows, an integer ≥ 1
   * @param n1 - columns, an integer ≥ 1
   */
  constructor(n0: number, n1: number) {
    this.n0 = checkInteger('n0', n0, 1);
    this.n1 = checkInteger('n1', n1, 1);
    this.rows = new FftPlan(n1);
    this.cols = n0 === n1 ? this.rows : new FftPlan(n0);
  }

  /** Forward transform in place (default `'backward'` normalization: unscaled). */
  forward(re: Float64Array, im: Float64Array, norm: FftNormalization = 'backward'): void {
    this.apply(re, im, false, norm);
  }

  /** Inverse transform in place (default `'backward'` normalization: 1/(n0 n1)). */
  inverse(re: Float64Array, im: Float64Array, norm: FftNormalization = 'backward'): void {
    this.apply(re, im, true, norm);
  }

  /**
   * Transform along axis 0 only (every column), unchecked, with an explicit scale.
   * @internal
   */
  columns(re: Float64Array, im: Float64Array, inverse: boolean, scale: number, n1: number, offset = 0): void {
    if (this.n0 === 1) {
      // a length-1 transform is the identity
      if (scale !== 1) for (let c = offset; c < offset + n1; c++) { re[c] *= scale; im[c] *= scale; }
      return;
    }
    for (let c = 0; c < n1; c++) this.cols.run(re, im, inverse, scale, offset + c, n1);
  }

  private apply(re: Float64Array, im: Float64Array, inverse: boolean, norm: FftNormalization): void {
    const n = this.n0 * this.n1;
    checkArray('re', re, n);
    checkArray('im', im, n);
    const scale = normalizationScale(n, checkNormalization('norm', norm), inverse);
    for (let r = 0; r < this.n0; r++) this.rows.run(re, im, inverse, 1, r * this.n1, 1);
    this.columns(re, im, inverse, scale, this.n1);
  }
}

/**
 * A reusable plan for the real 2D DFT of an n0 × n1 row-major array (numpy `rfft2`/`irfft2`): the
 * spectrum is n0 × (⌊n1/2⌋ + 1), real transform along the rows then complex along the columns;
 * the inverse is complex along the columns then `irfft` along the rows (imaginary parts of the
 * k1 = 0 and, n1 even, k1 = n1/2 columns ignored after the column transform). No allocation per
 * call.
 *
 * @example
 * ```ts
 * const plan = new RealFft2dPlan(8, 8);
 * const x = new Float64Array(64).fill(2);
 * const re = new Float64Array(8 * 5), im = new Float64Array(8 * 5);
 * plan.rfft2(x, re, im, 'forward'); // re[0] = 2 (the mean)
 * ```
 */
export class RealFft2dPlan {
  /** Rows. */
  readonly n0: number;
  /** Columns of the real array. */
  readonly n1: number;
  /** Columns of the half spectrum, ⌊n1/2⌋ + 1. */
  readonly m1: number;
  private readonly rowPlan: RealFftPlan;
  private readonly colPlan: Fft2dPlan;
  private readonly wRe: Float64Array;
  private readonly wIm: Float64Array;

  /**
   * @param n0 - rows, an integer ≥ 1
   * @param n1 - columns, an integer ≥ 1
   */
  constructor(n0: number, n1: number) {
    this.n0 = checkInteger('n0', n0, 1);
    this.n1 = checkInteger('n1', n1, 1);
    this.m1 = Math.floor(n1 / 2) + 1;
    this.rowPlan = new RealFftPlan(n1);
    this.colPlan = new Fft2dPlan(n0, 1);
    this.wRe = new Float64Array(n0 * this.m1);
    this.wIm = new Float64Array(n0 * this.m1);
  }

  /**
   * Forward real 2D transform.
   * @param x - n0·n1 samples, row-major
   * @param outRe - receives n0·m1 real parts, row-major
   * @param outIm - receives the imaginary parts
   * @param norm - normalization (default `'backward'`)
   */
  rfft2(x: Float64Array, outRe: Float64Array, outIm: Float64Array, norm: FftNormalization = 'backward'): void {
    const { n0, n1, m1 } = this;
    checkArray('x', x, n0 * n1);
    checkArray('outRe', outRe, n0 * m1);
    checkArray('outIm', outIm, n0 * m1);
    this.forwardRaw(x, outRe, outIm, normalizationScale(n0 * n1, checkNormalization('norm', norm), false));
  }

  /**
   * Inverse real 2D transform; the inputs are not modified.
   * @param re - n0·m1 real parts
   * @param im - imaginary parts
   * @param out - receives n0·n1 samples
   * @param norm - normalization (default `'backward'`: 1/(n0 n1))
   */
  irfft2(re: Float64Array, im: Float64Array, out: Float64Array, norm: FftNormalization = 'backward'): void {
    const { n0, n1, m1 } = this;
    checkArray('re', re, n0 * m1);
    checkArray('im', im, n0 * m1);
    checkArray('out', out, n0 * n1);
    this.inverseRaw(re, im, out, normalizationScale(n0 * n1, checkNormalization('norm', norm), true));
  }

  /** Unchecked forward transform with an explicit scale, reading x from `xo` and writing from `oo`. @internal */
  forwardRaw(x: Float64Array, outRe: Float64Array, outIm: Float64Array, scale: number, xo = 0, oo = 0): void {
    const { n0, n1, m1 } = this;
    if (n0 === 1) { this.rowPlan.forwardRaw(x, xo, 1, outRe, outIm, oo, 1, scale); return; }
    for (let r = 0; r < n0; r++) this.rowPlan.forwardRaw(x, xo + r * n1, 1, outRe, outIm, oo + r * m1, 1, 1);
    this.colPlan.columns(outRe, outIm, false, scale, m1, oo);
  }

  /** Unchecked inverse transform with an explicit scale (inputs untouched), reading from `io` and writing from `oo`. @internal */
  inverseRaw(re: Float64Array, im: Float64Array, out: Float64Array, scale: number, io = 0, oo = 0): void {
    const { n0, n1, m1 } = this;
    if (n0 === 1) { this.rowPlan.inverseRaw(re, im, io, 1, out, oo, 1, scale); return; }
    const wRe = this.wRe, wIm = this.wIm;
    for (let k = 0; k < n0 * m1; k++) { wRe[k] = re[io + k]; wIm[k] = im[io + k]; }
    this.colPlan.columns(wRe, wIm, true, 1, m1);
    for (let r = 0; r < n0; r++) this.rowPlan.inverseRaw(wRe, wIm, r * m1, 1, out, oo + r * n1, 1, scale);
  }
}
