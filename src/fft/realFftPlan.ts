/**
 * Real-input DFT (numpy `rfft`/`irfft`) of any length on split storage: even lengths pack the
 * signal into a complex signal of half the length; odd lengths go through the full complex plan.
 *
 * @module
 */
import { checkInteger } from '../core/check';
import { InvalidTypeError } from '../core/errors';
import { checkNormalization, FftPlan, normalizationScale, type FftNormalization } from './fftPlan';

function checkArray(name: string, a: unknown, minLength: number): Float64Array {
  if (!(a instanceof Float64Array) || a.length < minLength) throw new InvalidTypeError(name, `a Float64Array of length >= ${minLength}`, a instanceof Float64Array ? `length ${a.length}` : a);
  return a;
}

/**
 * A reusable plan for the real DFT of length n: `rfft` maps n reals to the n/2 + 1 (integer
 * division) non-negative-frequency coefficients X_k = Σ_j x_j e^{−2πijk/n}; `irfft` maps them back,
 * treating the input as the half of a Hermitian spectrum — the imaginary parts of X_0 and (n even)
 * X_{n/2} are ignored, exactly as numpy.fft.irfft does. No allocation per call; O(n log n) for
 * smooth n, about half the work of a complex transform for even n.
 *
 * @example
 * ```ts
 * const plan = new RealFftPlan(8);
 * const x = Float64Array.from({ length: 8 }, (_, j) => Math.cos((2 * Math.PI * j) / 8));
 * const re = new Float64Array(5), im = new Float64Array(5);
 * plan.rfft(x, re, im);          // re[1] = 4, all else 0
 * plan.irfft(re, im, x);         // back to the cosine
 * ```
 */
export class RealFftPlan {
  /** Signal length. */
  readonly n: number;
  /** Number of coefficients, ⌊n/2⌋ + 1. */
  readonly nOut: number;
  private readonly plan: FftPlan;
  private readonly half: boolean;
  private readonly wRe: Float64Array;
  private readonly wIm: Float64Array;
  private readonly zRe: Float64Array;
  private readonly zIm: Float64Array;

  /** @param n - signal length, an integer ≥ 1 */
  constructor(n: number) {
    this.n = checkInteger('n', n, 1);
    this.nOut = Math.floor(n / 2) + 1;
    this.half = n % 2 === 0;
    const h = this.half ? n / 2 : n;
    this.plan = new FftPlan(h);
    this.zRe = new Float64Array(h);
    this.zIm = new Float64Array(h);
    this.wRe = new Float64Array(this.nOut);
    this.wIm = new Float64Array(this.nOut);
    for (let k = 0; k < this.nOut; k++) {
      this.wRe[k] = Math.cos((-2 * Math.PI * k) / n);
      this.wIm[k] = Math.sin((-2 * Math.PI * k) / n);
    }
  }

  /**
   * Forward real transform.
   * @param x - n real samples (read at offset + j·stride)
   * @param outRe - receives ⌊n/2⌋ + 1 real parts (written at outOffset + k·outStride)
   * @param outIm - receives the imaginary parts
   * @param norm - normalization (default `'backward'`)
   */
  rfft(x: Float64Array, outRe: Float64Array, outIm: Float64Array, norm: FftNormalization = 'backward'): void {
    checkArray('x', x, this.n);
    checkArray('outRe', outRe, this.nOut);
    checkArray('outIm', outIm, this.nOut);
    this.forwardRaw(x, 0, 1, outRe, outIm, 0, 1, normalizationScale(this.n, checkNormalization('norm', norm), false));
  }

  /**
   * Inverse real transform x_j = s·Σ_{k=0}^{n−1} X_k e^{2πijk/n} with X_{n−k} = conj(X_k).
   * The inputs are not modified.
   * @param re - ⌊n/2⌋ + 1 real parts
   * @param im - imaginary parts
   * @param out - receives n real samples
   * @param norm - normalization (default `'backward'`: s = 1/n)
   */
  irfft(re: Float64Array, im: Float64Array, out: Float64Array, norm: FftNormalization = 'backward'): void {
    checkArray('re', re, this.nOut);
    checkArray('im', im, this.nOut);
    checkArray('out', out, this.n);
    this.inverseRaw(re, im, 0, 1, out, 0, 1, normalizationScale(this.n, checkNormalization('norm', norm), true));
  }

  /** Unchecked strided forward transform with an explicit scale. @internal */
  forwardRaw(x: Float64Array, xo: number, xs: number, outRe: Float64Array, outIm: Float64Array, oo: number, os: number, scale: number): void {
    const n = this.n, zRe = this.zRe, zIm = this.zIm;
    if (!this.half) {
      for (let j = 0, p = xo; j < n; j++, p += xs) { zRe[j] = x[p]; zIm[j] = 0; }
      this.plan.run(zRe, zIm, false, scale);
      for (let k = 0, p = oo; k < this.nOut; k++, p += os) { outRe[p] = zRe[k]; outIm[p] = zIm[k]; }
      return;
    }
    const h = n / 2;
    this.plan.runInterleaved(x, xo, xs, zRe, zIm);
    const wRe = this.wRe, wIm = this.wIm;
    // k = 0 and k = h: Z_0 = E_0 + i·O_0 with E_0, O_0 real; X_0 = E_0 + O_0, X_h = E_0 − O_0
    const z0r = zRe[0], z0i = zIm[0];
    outRe[oo] = (z0r + z0i) * scale; outIm[oo] = 0;
    outRe[oo + h * os] = (z0r - z0i) * scale; outIm[oo + h * os] = 0;
    for (let k = 1, p = oo + os; k < h; k++, p += os) {
      const b = h - k;
      const zr = zRe[k], zi = zIm[k], cr = zRe[b], ci = -zIm[b]; // Z_k and conj(Z_{h−k})
      const er = 0.5 * (zr + cr), ei = 0.5 * (zi + ci);
      // O = (Z − conj Z')/(2i)
      const or = 0.5 * (zi - ci), oi = -0.5 * (zr - cr);
      const c = wRe[k], sn = wIm[k];
      outRe[p] = (er + or * c - oi * sn) * scale;
      outIm[p] = (ei + or * sn + oi * c) * scale;
    }
  }

  /** Unchecked strided inverse transform with an explicit scale (inputs untouched). @internal */
  inverseRaw(re: Float64Array, im: Float64Array, io: number, is: number, out: Float64Array, oo: number, os: number, scale: number): void {
    const n = this.n, zRe = this.zRe, zIm = this.zIm, nOut = this.nOut;
    if (!this.half) {
      zRe[0] = re[io]; zIm[0] = 0;
      for (let k = 1, p = io + is; k < nOut; k++, p += is) {
        zRe[k] = re[p]; zIm[k] = im[p];
        zRe[n - k] = re[p]; zIm[n - k] = -im[p];
      }
      this.plan.run(zRe, zIm, true, scale);
      for (let j = 0, p = oo; j < n; j++, p += os) out[p] = zRe[j];
      return;
    }
    const h = n / 2;
    const wRe = this.wRe, wIm = this.wIm;
    for (let k = 0; k < h; k++) {
      const p = io + k * is, q = io + (h - k) * is;
      const xr = re[p], xi = k === 0 ? 0 : im[p];
      const cr = re[q], ci = k === 0 ? 0 : -im[q]; // conj(X_{h−k}); Im X_0, Im X_h ignored
      const er = xr + cr, ei = xi + ci;
      // O = (X − conj X') / w^k = (X − conj X')·conj(w^k)
      const dr = xr - cr, di = xi - ci;
      const or = dr * wRe[k] + di * wIm[k], oi = di * wRe[k] - dr * wIm[k];
      zRe[k] = er - oi; zIm[k] = ei + or; // E + iO
    }
    this.plan.run(zRe, zIm, true, scale);
    for (let j = 0, p = oo; j < h; j++, p += 2 * os) { out[p] = zRe[j]; out[p + os] = zIm[j]; }
  }
}
