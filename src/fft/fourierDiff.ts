/**
 * Spectral differentiation on equispaced grids: periodic Fourier differentiation and, for
 * non-periodic data, differentiation of a Fourier continuation ({@link FcLegendre} or {@link FcGram}).
 *
 * @module
 */
import { checkInRange, checkInteger, checkPositive } from '../core/check';
import { InvalidTypeError } from '../core/errors';
import type { FcGram } from './fcGram';
import type { FcLegendre } from './fourierContinuation';
import { RealFftPlan } from './realFftPlan';

/**
 * What {@link FourierDiff} needs of a Fourier continuation ({@link FcLegendre}, {@link FcGram}):
 * `extend` writes the n data at offset ⌊nAdditional/2⌋ of an n + nAdditional periodic signal.
 * @example
 * ```ts
 * const fc: FourierContinuation = new FcGram({ matchingPoints: 4 });
 * ```
 */
export type FourierContinuation = FcLegendre | FcGram;

/** Options of {@link FourierDiff}. */
export interface FourierDiffOptions {
  /** Number of samples n. */
  n: number;
  /**
   * Grid spacing h (required). Periodic data x_j = x_0 + j·h have period n·h; data sampled on
   * `linspace(a, b, n)` including both ends have h = (b − a)/(n − 1) and need a continuation.
   */
  h: number;
  /** A Fourier continuation for non-periodic data (default none: the data are periodic). */
  continuation?: FourierContinuation;
  /** Zero the top fraction of the retained coefficients (0 ≤ ratio < 1, default 0: no filter). */
  lowPassRatio?: number;
}

/**
 * Derivatives d^k f/dx^k of equispaced samples by the FFT: f̂_κ ↦ (iκ)^k f̂_κ with
 * κ = 2π·m/(N·h), m = 0..⌊N/2⌋, N = n (periodic) or n + nAdditional (continued, the derivative
 * being restricted back to the n data points). For odd k and even N the Nyquist coefficient is
 * set to zero (its derivative is not real). O(N log N) per call, no allocation.
 *
 * @example
 * ```ts
 * const n = 64, h = (2 * Math.PI) / n;
 * const f = Float64Array.from({ length: n }, (_, j) => Math.sin(3 * j * h));
 * const d1 = new FourierDiff({ n, h }).derivative(f, 1); // 3 cos(3x) to round-off
 * ```
 */
export class FourierDiff {
  /** Number of samples. */
  readonly n: number;
  /** Grid spacing. */
  readonly h: number;
  private readonly fc: FourierContinuation | undefined;
  private readonly nExt: number;
  private readonly plan: RealFftPlan;
  private readonly ext: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  private readonly cutoff: number;

  /** @param options - see {@link FourierDiffOptions} */
  constructor(options: FourierDiffOptions) {
    this.n = checkInteger('options.n', options.n, 2);
    this.h = checkPositive('options.h', options.h);
    this.fc = options.continuation;
    if (this.fc !== undefined && this.n < this.fc.matchingPoints) throw new InvalidTypeError('options.n', `>= continuation.matchingPoints = ${this.fc.matchingPoints}`, this.n);
    const ratio = checkInRange('options.lowPassRatio', options.lowPassRatio ?? 0, 0, 0.999);
    this.nExt = this.n + (this.fc?.nAdditional ?? 0);
    this.plan = new RealFftPlan(this.nExt);
    this.ext = new Float64Array(this.nExt);
    this.re = new Float64Array(this.plan.nOut);
    this.im = new Float64Array(this.plan.nOut);
    this.cutoff = Math.ceil(this.plan.nOut * (1 - ratio));
  }

  /**
   * The order-k derivative of the n samples in `f`.
   * @param f - n samples
   * @param order - derivative order k ≥ 0
   * @param out - receives n values (may be `f`)
   */
  derivative(f: Float64Array, order = 1, out: Float64Array = new Float64Array(this.n)): Float64Array {
    const n = this.n, N = this.nExt;
    if (!(f instanceof Float64Array) || f.length !== n) throw new InvalidTypeError('f', `a Float64Array of length ${n}`, f);
    if (!(out instanceof Float64Array) || out.length !== n) throw new InvalidTypeError('out', `a Float64Array of length ${n}`, out);
    checkInteger('order', order, 0, 64);
    const ext = this.ext, re = this.re, im = this.im;
    if (this.fc) this.fc.extend(f, ext);
    else ext.set(f);
    this.plan.forwardRaw(ext, 0, 1, re, im, 0, 1, 1);
    const base = (2 * Math.PI) / (N * this.h);
    const m = this.plan.nOut;
    for (let k = 0; k < m; k++) {
      if (k >= this.cutoff || (order % 2 === 1 && N % 2 === 0 && k === m - 1)) { re[k] = 0; im[k] = 0; continue; }
      const kap = Math.pow(base * k, order);
      // multiply by i^order
      const a = re[k] * kap, b = im[k] * kap;
      switch (order % 4) {
        case 0: re[k] = a; im[k] = b; break;
        case 1: re[k] = -b; im[k] = a; break;
        case 2: re[k] = -a; im[k] = -b; break;
        default: re[k] = b; im[k] = -a;
      }
    }
    this.plan.inverseRaw(re, im, 0, 1, ext, 0, 1, 1 / N);
    const c = Math.floor((N - n) / 2);
    for (let j = 0; j < n; j++) out[j] = ext[c + j];
    return out;
  }
}
