/**
 * Complex discrete Fourier transforms of any length on split re/im Float64Arrays: a mixed-radix
 * Stockham autosort FFT (radices 4, 2, 3, 5 and a generic odd radix) with Bluestein's chirp-z
 * algorithm for lengths with a prime factor above {@link BLUESTEIN_PRIME_THRESHOLD}.
 *
 * @module
 */
import { checkInteger, checkOneOf } from '../core/check';
import { InvalidTypeError } from '../core/errors';

/**
 * Normalization of a transform pair, as numpy.fft: `'backward'` (forward unscaled, inverse 1/n),
 * `'ortho'` (both 1/√n) and `'forward'` (forward 1/n, inverse unscaled).
 */
export type FftNormalization = 'backward' | 'ortho' | 'forward';

/**
 * The accepted normalizations.
 * @example
 * ```ts
 * FFT_NORMALIZATIONS; // ['backward', 'ortho', 'forward'], numpy's names
 * ```
 */
export const FFT_NORMALIZATIONS: readonly FftNormalization[] = ['backward', 'ortho', 'forward'];

/**
 * Prime factors above this make the plan use Bluestein's algorithm for the whole length.
 * @example
 * ```ts
 * // a length with a prime factor above the threshold is transformed by Bluestein's algorithm
 * BLUESTEIN_PRIME_THRESHOLD; // 31
 * ```
 */
export const BLUESTEIN_PRIME_THRESHOLD = 31;

/**
 * Scale applied after an unnormalized sum of length `n`.
 * @param n - transform length (product of the transformed sizes)
 * @param norm - the normalization
 * @param inverse - true for the inverse direction
 * @returns 1, 1/√n or 1/n
 * @example
 * ```ts
 * normalizationScale(8, 'backward', true); // 0.125
 * ```
 */
export function normalizationScale(n: number, norm: FftNormalization, inverse: boolean): number {
  if (norm === 'ortho') return 1 / Math.sqrt(n);
  if (norm === 'backward') return inverse ? 1 / n : 1;
  return inverse ? 1 : 1 / n;
}

/**
 * Validate a normalization argument (default `'backward'`).
 * @example
 * ```ts
 * const norm = checkNormalization('options.norm', options.norm ?? 'backward');
 * ```
 */
export function checkNormalization(name: string, norm: unknown): FftNormalization {
  return norm === undefined ? 'backward' : checkOneOf(name, norm, FFT_NORMALIZATIONS);
}

function factorize(n: number): number[] {
  const f: number[] = [];
  let m = n;
  while (m % 4 === 0) { f.push(4); m /= 4; }
  while (m % 2 === 0) { f.push(2); m /= 2; }
  for (let p = 3; p * p <= m; p += 2) while (m % p === 0) { f.push(p); m /= p; }
  if (m > 1) f.push(m);
  return f;
}

/**
 * A reusable plan for the complex DFT of length n,
 * X_k = Σ_j x_j e^{∓2πijk/n} (− forward, + inverse), computed in place on split re/im arrays,
 * optionally strided. The plan owns its twiddles and work buffers, so a transform allocates
 * nothing. Cost O(n Σ p_i) for n = Π p_i (O(n log n) for smooth n); Bluestein lengths cost three
 * power-of-two transforms of length ≥ 2n − 1. Not re-entrant: one plan per concurrent user.
 *
 * @example
 * ```ts
 * const plan = new FftPlan(12);
 * const re = new Float64Array(12).fill(1), im = new Float64Array(12);
 * plan.forward(re, im);            // re[0] = 12, all else 0
 * plan.inverse(re, im);            // back to ones ('backward' normalization)
 * ```
 */
export class FftPlan {
  /** Transform length. */
  readonly n: number;
  /** The radices of the Stockham stages (empty for Bluestein plans and n = 1). */
  readonly factors: readonly number[];
  /** Whether the plan uses Bluestein's chirp-z algorithm. */
  readonly bluestein: boolean;
  private readonly cosT: Float64Array;
  private readonly sinT: Float64Array;
  private readonly aRe: Float64Array;
  private readonly aIm: Float64Array;
  private readonly bRe: Float64Array;
  private readonly bIm: Float64Array;
  private readonly cRe: Float64Array;
  private readonly cIm: Float64Array;
  private readonly tRe: Float64Array;
  private readonly tIm: Float64Array;
  // Bluestein data: chirp w_j = e^{-iπj²/n}, the transformed conjugate-chirp filter and a sub-plan.
  private readonly sub: FftPlan | null = null;
  private readonly chirpRe: Float64Array | null = null;
  private readonly chirpIm: Float64Array | null = null;
  private readonly filtRe: Float64Array | null = null;
  private readonly filtIm: Float64Array | null = null;

  /** @param n - transform length, an integer ≥ 1 */
  constructor(n: number) {
    this.n = checkInteger('n', n, 1);
    const f = factorize(n);
    const maxP = f.length ? f[f.length - 1] : 1;
    this.bluestein = maxP > BLUESTEIN_PRIME_THRESHOLD;
    this.factors = this.bluestein ? [] : f;
    this.cosT = new Float64Array(n);
    this.sinT = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const a = (-2 * Math.PI * j) / n;
      this.cosT[j] = Math.cos(a);
      this.sinT[j] = Math.sin(a);
    }
    this.aRe = new Float64Array(n);
    this.aIm = new Float64Array(n);
    this.bRe = new Float64Array(n);
    this.bIm = new Float64Array(n);
    this.cRe = new Float64Array(this.bluestein ? 0 : n);
    this.cIm = new Float64Array(this.bluestein ? 0 : n);
    this.tRe = new Float64Array(maxP);
    this.tIm = new Float64Array(maxP);
    if (this.bluestein) {
      let m = 1;
      while (m < 2 * n - 1) m *= 2;
      this.sub = new FftPlan(m);
      this.chirpRe = new Float64Array(n);
      this.chirpIm = new Float64Array(n);
      for (let j = 0; j < n; j++) {
        // j² mod 2n keeps the angle small and exact in double precision
        const a = (-Math.PI * ((j * j) % (2 * n))) / n;
        this.chirpRe[j] = Math.cos(a);
        this.chirpIm[j] = Math.sin(a);
      }
      this.filtRe = new Float64Array(m);
      this.filtIm = new Float64Array(m);
      for (let j = 0; j < n; j++) {
        this.filtRe[j] = this.chirpRe[j];
        this.filtIm[j] = -this.chirpIm[j];
        if (j > 0) {
          this.filtRe[m - j] = this.chirpRe[j];
          this.filtIm[m - j] = -this.chirpIm[j];
        }
      }
      this.sub.transform(this.filtRe, this.filtIm, false, 1);
      // Workspace of length m for the convolution lives in new buffers of the sub-plan size.
      this.aRe = new Float64Array(m);
      this.aIm = new Float64Array(m);
    }
  }

  /**
   * Forward transform in place.
   * @param re - real parts (length ≥ offset + (n−1)·stride + 1)
   * @param im - imaginary parts
   * @param norm - normalization (default `'backward'`: unscaled)
   * @param offset - first index (default 0)
   * @param stride - index step (default 1)
   */
  forward(re: Float64Array, im: Float64Array, norm: FftNormalization = 'backward', offset = 0, stride = 1): void {
    this.check(re, im, offset, stride);
    this.run(re, im, false, normalizationScale(this.n, checkNormalization('norm', norm), false), offset, stride);
  }

  /**
   * Inverse transform in place (x_j = s·Σ_k X_k e^{2πijk/n}, s from the normalization).
   * @param re - real parts
   * @param im - imaginary parts
   * @param norm - normalization (default `'backward'`: 1/n)
   * @param offset - first index (default 0)
   * @param stride - index step (default 1)
   */
  inverse(re: Float64Array, im: Float64Array, norm: FftNormalization = 'backward', offset = 0, stride = 1): void {
    this.check(re, im, offset, stride);
    this.run(re, im, true, normalizationScale(this.n, checkNormalization('norm', norm), true), offset, stride);
  }

  /**
   * Unchecked transform with an explicit scale (for other plans of this family).
   * @internal
   */
  run(re: Float64Array, im: Float64Array, inverse: boolean, scale: number, offset = 0, stride = 1): void {
    const n = this.n;
    // The inverse is the forward transform with re and im exchanged on input and output.
    const xr = inverse ? im : re;
    const xi = inverse ? re : im;
    if (this.bluestein) {
      this.runBluestein(xr, xi, scale, offset, stride);
      return;
    }
    if (offset === 0 && stride === 1 && this.factors.length >= 2) {
      // contiguous: the first stage reads the caller's arrays and the last writes them (no copies)
      this.stages(xr, xi, xr, xi);
      if (scale !== 1) for (let j = 0; j < n; j++) { xr[j] *= scale; xi[j] *= scale; }
      return;
    }
    const cRe = this.cRe, cIm = this.cIm;
    for (let j = 0, p = offset; j < n; j++, p += stride) { cRe[j] = xr[p]; cIm[j] = xi[p]; }
    this.stages(cRe, cIm, cRe, cIm);
    for (let j = 0, p = offset; j < n; j++, p += stride) { xr[p] = cRe[j] * scale; xi[p] = cIm[j] * scale; }
  }

  /** In-place contiguous forward transform of full-length arrays (no checks, no scaling). @internal */
  transform(re: Float64Array, im: Float64Array, inverse: boolean, scale: number): void {
    this.run(re, im, inverse, scale, 0, 1);
  }

  /**
   * Unnormalized forward transform of n complex values stored interleaved, z_j = x[xo + 2j·xs] +
   * i·x[xo + (2j + 1)·xs], into (outR, outI) (contiguous, length ≥ n); the input is not modified.
   * The first radix-4 stage reads the interleaved input directly (the real transforms' packing
   * needs no separate pass). @internal
   */
  runInterleaved(x: Float64Array, xo: number, xs: number, outR: Float64Array, outI: Float64Array): void {
    const n = this.n, f = this.factors;
    if (this.bluestein || f.length < 2 || f[0] !== 4) {
      for (let j = 0, p = xo; j < n; j++, p += 2 * xs) { outR[j] = x[p]; outI[j] = x[p + xs]; }
      this.run(outR, outI, false, 1);
      return;
    }
    const m = n / 4, cT = this.cosT, sT = this.sinT, dR = this.bRe, dI = this.bIm, step = 2 * xs * m;
    for (let k = 0, p = xo; k < m; k++, p += 2 * xs) {
      const c1 = cT[k], s1 = sT[k], c2 = cT[2 * k], s2 = sT[2 * k], c3 = cT[3 * k], s3 = sT[3 * k];
      const p1 = p + step, p2 = p1 + step, p3 = p2 + step;
      const ar = x[p], ai = x[p + xs], br = x[p1], bi = x[p1 + xs];
      const cr = x[p2], ci = x[p2 + xs], dr = x[p3], di = x[p3 + xs];
      const apcR = ar + cr, apcI = ai + ci, amcR = ar - cr, amcI = ai - ci;
      const bpdR = br + dr, bpdI = bi + di, bmdR = br - dr, bmdI = bi - di;
      const o = 4 * k;
      dR[o] = apcR + bpdR; dI[o] = apcI + bpdI;
      let tr = amcR + bmdI, ti = amcI - bmdR;
      dR[o + 1] = tr * c1 - ti * s1; dI[o + 1] = tr * s1 + ti * c1;
      tr = apcR - bpdR; ti = apcI - bpdI;
      dR[o + 2] = tr * c2 - ti * s2; dI[o + 2] = tr * s2 + ti * c2;
      tr = amcR - bmdI; ti = amcI + bmdR;
      dR[o + 3] = tr * c3 - ti * s3; dI[o + 3] = tr * s3 + ti * c3;
    }
    this.stagesFrom(1, 4, dR, dI, outR, outI);
  }

  private check(re: Float64Array, im: Float64Array, offset: number, stride: number): void {
    if (!(re instanceof Float64Array)) throw new InvalidTypeError('re', 'a Float64Array', re);
    if (!(im instanceof Float64Array)) throw new InvalidTypeError('im', 'a Float64Array', im);
    checkInteger('offset', offset, 0);
    checkInteger('stride', stride, 1);
    const last = offset + (this.n - 1) * stride;
    if (last >= re.length || last >= im.length) throw new InvalidTypeError('re, im', `Float64Arrays of length > ${last}`, Math.min(re.length, im.length));
  }

  /**
   * Stockham decimation-in-frequency stages from (inR, inI) to (outR, outI), ping-ponging through
   * the work buffers (bRe, bIm) and (aRe, aIm), which must differ from the input and output. The
   * input and output may be the same arrays: the first stage reads the input, the last writes the
   * output, and every stage in between reads one work buffer and writes the other.
   */
  private stages(inR: Float64Array, inI: Float64Array, outR: Float64Array, outI: Float64Array): void {
    const S = this.factors.length;
    if (S === 0) {
      if (outR !== inR) { outR.set(inR.subarray(0, this.n)); outI.set(inI.subarray(0, this.n)); }
      return;
    }
    if (S === 1) {
      this.stage(this.factors[0], 1, inR, inI, this.bRe, this.bIm);
      outR.set(this.bRe); outI.set(this.bIm);
      return;
    }
    this.stagesFrom(0, 1, inR, inI, outR, outI);
  }

  /** Stages first … S − 1 (stride s on entry) from (srcR, srcI); see {@link FftPlan.stages}. */
  private stagesFrom(first: number, s: number, srcR: Float64Array, srcI: Float64Array, outR: Float64Array, outI: Float64Array): void {
    const S = this.factors.length;
    for (let i = first; i < S; i++) {
      const p = this.factors[i];
      const last = i === S - 1;
      const dstR = last ? outR : i % 2 === 0 ? this.bRe : this.aRe;
      const dstI = last ? outI : i % 2 === 0 ? this.bIm : this.aIm;
      this.stage(p, s, srcR, srcI, dstR, dstI);
      srcR = dstR; srcI = dstI;
      s *= p;
    }
  }

  /** One Stockham stage of radix p with stride s (m = n/(s·p) butterfly groups). */
  private stage(p: number, s: number, srcR: Float64Array, srcI: Float64Array, dstR: Float64Array, dstI: Float64Array): void {
    const m = this.n / (s * p);
    const cT = this.cosT, sT = this.sinT;
    const sm = s * m;
    if (p === 4 && m === 1) {
      // last stage: every twiddle is 1
      for (let q = 0; q < s; q++) {
        const i1 = q + s, i2 = i1 + s, i3 = i2 + s;
        const ar = srcR[q], ai = srcI[q], br = srcR[i1], bi = srcI[i1];
        const cr = srcR[i2], ci = srcI[i2], dr = srcR[i3], di = srcI[i3];
        const apcR = ar + cr, apcI = ai + ci, amcR = ar - cr, amcI = ai - ci;
        const bpdR = br + dr, bpdI = bi + di, bmdR = br - dr, bmdI = bi - di;
        dstR[q] = apcR + bpdR; dstI[q] = apcI + bpdI;
        dstR[i1] = amcR + bmdI; dstI[i1] = amcI - bmdR;
        dstR[i2] = apcR - bpdR; dstI[i2] = apcI - bpdI;
        dstR[i3] = amcR - bmdI; dstI[i3] = amcI + bmdR;
      }
    } else if (p === 2 && m === 1) {
      for (let q = 0; q < s; q++) {
        const i1 = q + s;
        const ar = srcR[q], ai = srcI[q], br = srcR[i1], bi = srcI[i1];
        dstR[q] = ar + br; dstI[q] = ai + bi;
        dstR[i1] = ar - br; dstI[i1] = ai - bi;
      }
    } else if (p === 4) {
      for (let k = 0; k < m; k++) {
        const w1 = k * s, w2 = 2 * w1, w3 = 3 * w1;
        const c1 = cT[w1], s1 = sT[w1], c2 = cT[w2], s2 = sT[w2], c3 = cT[w3], s3 = sT[w3];
        for (let q = 0; q < s; q++) {
          const i0 = q + s * k, i1 = i0 + sm, i2 = i1 + sm, i3 = i2 + sm;
          const ar = srcR[i0], ai = srcI[i0], br = srcR[i1], bi = srcI[i1];
          const cr = srcR[i2], ci = srcI[i2], dr = srcR[i3], di = srcI[i3];
          const apcR = ar + cr, apcI = ai + ci, amcR = ar - cr, amcI = ai - ci;
          const bpdR = br + dr, bpdI = bi + di, bmdR = br - dr, bmdI = bi - di;
          const o = q + s * 4 * k;
          dstR[o] = apcR + bpdR; dstI[o] = apcI + bpdI;
          // y1 = (a − c) − i(b − d), y2 = (a + c) − (b + d), y3 = (a − c) + i(b − d)
          let tr = amcR + bmdI, ti = amcI - bmdR;
          dstR[o + s] = tr * c1 - ti * s1; dstI[o + s] = tr * s1 + ti * c1;
          tr = apcR - bpdR; ti = apcI - bpdI;
          dstR[o + 2 * s] = tr * c2 - ti * s2; dstI[o + 2 * s] = tr * s2 + ti * c2;
          tr = amcR - bmdI; ti = amcI + bmdR;
          dstR[o + 3 * s] = tr * c3 - ti * s3; dstI[o + 3 * s] = tr * s3 + ti * c3;
        }
      }
    } else if (p === 2) {
      for (let k = 0; k < m; k++) {
        const c1 = cT[k * s], s1 = sT[k * s];
        for (let q = 0; q < s; q++) {
          const i0 = q + s * k, i1 = i0 + sm;
          const ar = srcR[i0], ai = srcI[i0], br = srcR[i1], bi = srcI[i1];
          const o = q + s * 2 * k;
          dstR[o] = ar + br; dstI[o] = ai + bi;
          const tr = ar - br, ti = ai - bi;
          dstR[o + s] = tr * c1 - ti * s1; dstI[o + s] = tr * s1 + ti * c1;
        }
      }
    } else if (p === 3) {
      const h = -Math.sqrt(3) / 2; // sin(−2π/3)
      for (let k = 0; k < m; k++) {
        const w1 = k * s, w2 = 2 * w1;
        const c1 = cT[w1], s1 = sT[w1], c2 = cT[w2], s2 = sT[w2];
        for (let q = 0; q < s; q++) {
          const i0 = q + s * k, i1 = i0 + sm, i2 = i1 + sm;
          const ar = srcR[i0], ai = srcI[i0];
          const sr = srcR[i1] + srcR[i2], si = srcI[i1] + srcI[i2];
          const dr = srcR[i1] - srcR[i2], di = srcI[i1] - srcI[i2];
          const o = q + s * 3 * k;
          dstR[o] = ar + sr; dstI[o] = ai + si;
          const mr = ar - 0.5 * sr, mi = ai - 0.5 * si;
          // y1 = m + i·h·d, y2 = m − i·h·d
          let tr = mr - h * di, ti = mi + h * dr;
          dstR[o + s] = tr * c1 - ti * s1; dstI[o + s] = tr * s1 + ti * c1;
          tr = mr + h * di; ti = mi - h * dr;
          dstR[o + 2 * s] = tr * c2 - ti * s2; dstI[o + 2 * s] = tr * s2 + ti * c2;
        }
      }
    } else if (p === 5) {
      this.radix5Stage(m, s, srcR, srcI, dstR, dstI);
    } else {
      this.genericStage(p, m, s, srcR, srcI, dstR, dstI);
    }
  }

  /** Radix-5 butterfly with the real-symmetric split (4 real multiplications per pair). */
  private radix5Stage(m: number, s: number, srcR: Float64Array, srcI: Float64Array, dstR: Float64Array, dstI: Float64Array): void {
    const cT = this.cosT, sT = this.sinT;
    const c1 = Math.cos((2 * Math.PI) / 5), c2 = Math.cos((4 * Math.PI) / 5);
    const s1 = Math.sin((2 * Math.PI) / 5), s2 = Math.sin((4 * Math.PI) / 5);
    const sm = s * m;
    for (let k = 0; k < m; k++) {
      const w1 = k * s;
      for (let q = 0; q < s; q++) {
        const i0 = q + s * k, i1 = i0 + sm, i2 = i1 + sm, i3 = i2 + sm, i4 = i3 + sm;
        const a0r = srcR[i0], a0i = srcI[i0];
        const b1r = srcR[i1] + srcR[i4], b1i = srcI[i1] + srcI[i4], d1r = srcR[i1] - srcR[i4], d1i = srcI[i1] - srcI[i4];
        const b2r = srcR[i2] + srcR[i3], b2i = srcI[i2] + srcI[i3], d2r = srcR[i2] - srcR[i3], d2i = srcI[i2] - srcI[i3];
        const t1r = a0r + c1 * b1r + c2 * b2r, t1i = a0i + c1 * b1i + c2 * b2i;
        const t2r = a0r + c2 * b1r + c1 * b2r, t2i = a0i + c2 * b1i + c1 * b2i;
        const u1r = s1 * d1r + s2 * d2r, u1i = s1 * d1i + s2 * d2i;
        const u2r = s2 * d1r - s1 * d2r, u2i = s2 * d1i - s1 * d2i;
        const o = q + s * 5 * k;
        dstR[o] = a0r + b1r + b2r; dstI[o] = a0i + b1i + b2i;
        // y1 = t1 − i·u1, y2 = t2 − i·u2, y3 = t2 + i·u2, y4 = t1 + i·u1, then twiddles w^{rk}
        let w = w1, c = cT[w], sn = sT[w];
        let yr = t1r + u1i, yi = t1i - u1r;
        dstR[o + s] = yr * c - yi * sn; dstI[o + s] = yr * sn + yi * c;
        w += w1; c = cT[w]; sn = sT[w]; yr = t2r + u2i; yi = t2i - u2r;
        dstR[o + 2 * s] = yr * c - yi * sn; dstI[o + 2 * s] = yr * sn + yi * c;
        w += w1; c = cT[w]; sn = sT[w]; yr = t2r - u2i; yi = t2i + u2r;
        dstR[o + 3 * s] = yr * c - yi * sn; dstI[o + 3 * s] = yr * sn + yi * c;
        w += w1; c = cT[w]; sn = sT[w]; yr = t1r - u1i; yi = t1i + u1r;
        dstR[o + 4 * s] = yr * c - yi * sn; dstI[o + 4 * s] = yr * sn + yi * c;
      }
    }
  }

  /** Radix-p butterfly by direct O(p²) sums (p = 5 and other primes up to the threshold). */
  private genericStage(p: number, m: number, s: number, srcR: Float64Array, srcI: Float64Array, dstR: Float64Array, dstI: Float64Array): void {
    const n = this.n, cT = this.cosT, sT = this.sinT, tRe = this.tRe, tIm = this.tIm;
    const rootStep = n / p;
    const sm = s * m;
    for (let k = 0; k < m; k++) {
      for (let q = 0; q < s; q++) {
        const base = q + s * k;
        for (let r = 0; r < p; r++) {
          let accR = 0, accI = 0;
          for (let t = 0, idx = base; t < p; t++, idx += sm) {
            const w = ((r * t) % p) * rootStep;
            const c = cT[w], sn = sT[w], xr = srcR[idx], xi = srcI[idx];
            accR += xr * c - xi * sn;
            accI += xr * sn + xi * c;
          }
          tRe[r] = accR; tIm[r] = accI;
        }
        const o = q + s * p * k;
        for (let r = 0; r < p; r++) {
          const w = r * k * s;
          const c = cT[w], sn = sT[w];
          dstR[o + r * s] = tRe[r] * c - tIm[r] * sn;
          dstI[o + r * s] = tRe[r] * sn + tIm[r] * c;
        }
      }
    }
  }

  /** X_k = w_k Σ_j (x_j w_j) conj(w_{k−j}) as a power-of-two circular convolution. */
  private runBluestein(xr: Float64Array, xi: Float64Array, scale: number, offset: number, stride: number): void {
    const n = this.n;
    const sub = this.sub as FftPlan;
    const m = sub.n;
    const cr = this.chirpRe as Float64Array, ci = this.chirpIm as Float64Array;
    const fr = this.filtRe as Float64Array, fi = this.filtIm as Float64Array;
    const aRe = this.aRe, aIm = this.aIm;
    for (let j = 0, p = offset; j < n; j++, p += stride) {
      const a = xr[p], b = xi[p];
      aRe[j] = a * cr[j] - b * ci[j];
      aIm[j] = a * ci[j] + b * cr[j];
    }
    aRe.fill(0, n, m);
    aIm.fill(0, n, m);
    sub.run(aRe, aIm, false, 1);
    for (let j = 0; j < m; j++) {
      const a = aRe[j], b = aIm[j];
      aRe[j] = a * fr[j] - b * fi[j];
      aIm[j] = a * fi[j] + b * fr[j];
    }
    sub.run(aRe, aIm, true, 1 / m);
    for (let k = 0, p = offset; k < n; k++, p += stride) {
      const a = aRe[k], b = aIm[k];
      xr[p] = (a * cr[k] - b * ci[k]) * scale;
      xi[p] = (a * ci[k] + b * cr[k]) * scale;
    }
  }
}
