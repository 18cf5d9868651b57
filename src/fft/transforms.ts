/**
 * One-call transforms that build a plan, transform a copy and return new arrays. For repeated
 * transforms of one size, build a plan ({@link FftPlan}, {@link RealFftPlan}, {@link Fft2dPlan},
 * {@link RealFft2dPlan}) once and reuse it: plans allocate nothing per call.
 *
 * @module
 */
import { checkInteger } from '../core/check';
import { InvalidTypeError } from '../core/errors';
import { Fft2dPlan, RealFft2dPlan } from './fft2d';
import { FftPlan, type FftNormalization } from './fftPlan';
import { RealFftPlan } from './realFftPlan';

/** A complex array in split storage. */
export interface SplitComplex {
  /** Real parts. */
  re: Float64Array;
  /** Imaginary parts. */
  im: Float64Array;
}

function vec(name: string, a: unknown): Float64Array {
  if (!(a instanceof Float64Array) || a.length === 0) throw new InvalidTypeError(name, 'a non-empty Float64Array', a);
  return a;
}

function pair(re: unknown, im: unknown): number {
  const n = vec('re', re).length;
  if (vec('im', im).length !== n) throw new InvalidTypeError('im', `a Float64Array of length ${n} (as re)`, (im as Float64Array).length);
  return n;
}

/**
 * Complex forward DFT of any length (numpy `fft.fft`). O(n log n) for smooth n.
 * @example
 * ```ts
 * const { re, im } = fft(Float64Array.of(1, 2, 3), new Float64Array(3));
 * ```
 */
export function fft(re: Float64Array, im: Float64Array, norm: FftNormalization = 'backward'): SplitComplex {
  const n = pair(re, im);
  const out = { re: Float64Array.from(re), im: Float64Array.from(im) };
  new FftPlan(n).forward(out.re, out.im, norm);
  return out;
}

/**
 * Complex inverse DFT (numpy `fft.ifft`).
 * @example
 * ```ts
 * const x = ifft(X.re, X.im); // x = ifft(fft(x))
 * ```
 */
export function ifft(re: Float64Array, im: Float64Array, norm: FftNormalization = 'backward'): SplitComplex {
  const n = pair(re, im);
  const out = { re: Float64Array.from(re), im: Float64Array.from(im) };
  new FftPlan(n).inverse(out.re, out.im, norm);
  return out;
}

/**
 * Real forward DFT (numpy `fft.rfft`): ⌊n/2⌋ + 1 coefficients.
 * @example
 * ```ts
 * const { re, im } = rfft(Float64Array.of(1, 0, 0, 0)); // re = [1, 1, 1]
 * ```
 */
export function rfft(x: Float64Array, norm: FftNormalization = 'backward'): SplitComplex {
  const n = vec('x', x).length;
  const plan = new RealFftPlan(n);
  const out = { re: new Float64Array(plan.nOut), im: new Float64Array(plan.nOut) };
  plan.rfft(x, out.re, out.im, norm);
  return out;
}

/**
 * Real inverse DFT (numpy `fft.irfft`) to n samples; re/im must hold ⌊n/2⌋ + 1 coefficients.
 * @example
 * ```ts
 * const x = irfft(X.re, X.im, 8);
 * ```
 */
export function irfft(re: Float64Array, im: Float64Array, n: number, norm: FftNormalization = 'backward'): Float64Array {
  checkInteger('n', n, 1);
  const plan = new RealFftPlan(n);
  if (pair(re, im) !== plan.nOut) throw new InvalidTypeError('re', `a Float64Array of length ${plan.nOut} = floor(n/2) + 1`, re.length);
  const out = new Float64Array(n);
  plan.irfft(re, im, out, norm);
  return out;
}

/**
 * Complex forward 2D DFT of an n0 × n1 row-major array (numpy `fft.fft2`).
 * @example
 * ```ts
 * const X = fft2(re, im, 4, 6);
 * ```
 */
export function fft2(re: Float64Array, im: Float64Array, n0: number, n1: number, norm: FftNormalization = 'backward'): SplitComplex {
  const plan = new Fft2dPlan(n0, n1);
  if (pair(re, im) !== n0 * n1) throw new InvalidTypeError('re', `a Float64Array of length ${n0 * n1} = n0·n1`, re.length);
  const out = { re: Float64Array.from(re), im: Float64Array.from(im) };
  plan.forward(out.re, out.im, norm);
  return out;
}

/**
 * Complex inverse 2D DFT (numpy `fft.ifft2`).
 * @example
 * ```ts
 * const x = ifft2(X.re, X.im, 4, 6);
 * ```
 */
export function ifft2(re: Float64Array, im: Float64Array, n0: number, n1: number, norm: FftNormalization = 'backward'): SplitComplex {
  const plan = new Fft2dPlan(n0, n1);
  if (pair(re, im) !== n0 * n1) throw new InvalidTypeError('re', `a Float64Array of length ${n0 * n1} = n0·n1`, re.length);
  const out = { re: Float64Array.from(re), im: Float64Array.from(im) };
  plan.inverse(out.re, out.im, norm);
  return out;
}

/**
 * Real forward 2D DFT (numpy `fft.rfft2`): n0 × (⌊n1/2⌋ + 1) coefficients, row-major.
 * @example
 * ```ts
 * const X = rfft2(x, 8, 8);
 * ```
 */
export function rfft2(x: Float64Array, n0: number, n1: number, norm: FftNormalization = 'backward'): SplitComplex {
  const plan = new RealFft2dPlan(n0, n1);
  if (vec('x', x).length !== n0 * n1) throw new InvalidTypeError('x', `a Float64Array of length ${n0 * n1} = n0·n1`, x.length);
  const out = { re: new Float64Array(n0 * plan.m1), im: new Float64Array(n0 * plan.m1) };
  plan.rfft2(x, out.re, out.im, norm);
  return out;
}

/**
 * Real inverse 2D DFT (numpy `fft.irfft2`) to n0 × n1 samples.
 * @example
 * ```ts
 * const x = irfft2(X.re, X.im, 8, 8);
 * ```
 */
export function irfft2(re: Float64Array, im: Float64Array, n0: number, n1: number, norm: FftNormalization = 'backward'): Float64Array {
  const plan = new RealFft2dPlan(n0, n1);
  if (pair(re, im) !== n0 * plan.m1) throw new InvalidTypeError('re', `a Float64Array of length ${n0 * plan.m1} = n0·(floor(n1/2) + 1)`, re.length);
  const out = new Float64Array(n0 * n1);
  plan.irfft2(re, im, out, norm);
  return out;
}
