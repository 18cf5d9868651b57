/**
 * The spectral convolution of a Fourier neural operator in 1D and 2D, with its exact reverse
 * pass. Conventions of the neuraloperator library 2.0 (not of the thesis, which only names neural
 * operators, §1.2.1): forward real FFT with the `'forward'` normalization, `nModes` = total number
 * of modes kept per dimension, the last dimension keeping ⌊m/2⌋ + 1 non-negative frequencies and a
 * non-last dimension the frequencies −⌊m/2⌋ … ⌊m/2⌋ − 1 + (m mod 2), a dense complex contraction
 * over channels per mode, an inverse real FFT (unscaled) of the zero-filled spectrum, and a bias.
 *
 * @module
 */
import { checkInteger } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import { RealFft2dPlan } from '../fft/fft2d';

/** Spatial size of one field: [n] in 1D, [n0, n1] (row-major, n1 contiguous) in 2D. */
export type SpatialShape = readonly number[];

/** Internal per-resolution buffers: plans, input spectra (kept for the reverse pass), output spectra. */
interface ConvWork {
  s0: number; s1: number; t0: number; t1: number;
  inPlan: RealFft2dPlan; outPlan: RealFft2dPlan;
  xr: Float64Array; xi: Float64Array; yr: Float64Array; yi: Float64Array;
  gr: Float64Array; gi: Float64Array;
}

/**
 * Validate `nModes` for a d-dimensional operator (d = nModes.length ∈ {1, 2}). Plain integers are
 * rejected for d > 1 (ambiguous); every entry must be an integer ≥ 1.
 * @example
 * ```ts
 * checkModes('nModes', [16]); // [16]
 * ```
 */
export function checkModes(name: string, nModes: unknown): number[] {
  if (!Array.isArray(nModes) || nModes.length < 1 || nModes.length > 2) throw new InvalidTypeError(name, 'an array of 1 or 2 mode counts', nModes);
  return nModes.map((m, i) => checkInteger(`${name}[${i}]`, m, 1));
}

/**
 * Converts a mode count of the original FNO code (Li et al., `fourier_1d.py` / `fourier_2d.py`,
 * which keep k ∈ {0…m−1} in 1D and {−m…m−1} × {0…m−1} in 2D) to `nModes` in the neuraloperator
 * 2.0 convention: [2m − 2] in 1D (⌊(2m−2)/2⌋ + 1 = m) and [2m, 2m − 2] in 2D.
 * @example
 * ```ts
 * nModesFromLi(16, 1); // [30]
 * nModesFromLi(12, 2); // [24, 22]
 * ```
 */
export function nModesFromLi(m: number, d: 1 | 2): number[] {
  checkInteger('m', m, 2);
  if (d !== 1 && d !== 2) throw new InvalidArgumentError('d', '1 or 2', d);
  return d === 1 ? [2 * m - 2] : [2 * m, 2 * m - 2];
}

/**
 * Kept frequencies of a non-last axis of size n for mode count m: [lo, hi).
 * @example
 * ```ts
 * nonLastFrequencyRange(16, 4); // the kept rows of the centered weight layout
 * ```
 */
export function nonLastFrequencyRange(n: number, m: number): [number, number] {
  const k = Math.min(m, n);
  return [-Math.floor(k / 2), Math.floor(k / 2) + (k % 2)];
}

/**
 * One spectral convolution layer, parameters in a flat Float64Array at `offset`:
 * complex weights W[i, o, a, b] as (re, im) pairs, index ((i·out + o)·M0 + a)·M1 + b, with
 * M0 = m0 (2D; 1 in 1D) and M1 = ⌊m_last/2⌋ + 1, then `out` bias values. Axis-0 frequency f has
 * weight row a = ⌊M0/2⌋ + f (weights are stored centered, as neuraloperator stores them after
 * `fftshift`). Forward O(C·P log P + in·out·modes) for C channels and P points.
 *
 * @example
 * ```ts
 * const conv = new SpectralConv(3, 2, [8]);
 * const theta = new Float64Array(conv.parameterCount);
 * const y = conv.forward(theta, 0, x, [32]); // 2 × 32 output
 * ```
 */
export class SpectralConv {
  /** Input channels. */
  readonly inChannels: number;
  /** Output channels. */
  readonly outChannels: number;
  /** Mode counts per dimension (neuraloperator 2.0 convention). */
  readonly nModes: readonly number[];
  /** Spatial dimension (1 or 2). */
  readonly dim: number;
  /** Stored weight rows along axis 0 (1 in 1D). */
  readonly m0: number;
  /** Stored weight columns along the last axis, ⌊m_last/2⌋ + 1. */
  readonly m1: number;
  /** Number of real parameters: 2·in·out·m0·m1 + out. */
  readonly parameterCount: number;
  private readonly work = new Map<string, ConvWork>();

  /**
   * @param inChannels - input channels ≥ 1
   * @param outChannels - output channels ≥ 1
   * @param nModes - modes per dimension ([m] or [m0, m1])
   */
  constructor(inChannels: number, outChannels: number, nModes: readonly number[]) {
    this.inChannels = checkInteger('inChannels', inChannels, 1);
    this.outChannels = checkInteger('outChannels', outChannels, 1);
    this.nModes = Object.freeze(checkModes('nModes', nModes));
    this.dim = this.nModes.length;
    this.m0 = this.dim === 2 ? this.nModes[0] : 1;
    this.m1 = Math.floor(this.nModes[this.dim - 1] / 2) + 1;
    this.parameterCount = 2 * inChannels * outChannels * this.m0 * this.m1 + outChannels;
  }

  /** Offset of the bias inside the layer's parameter block. */
  get biasOffset(): number {
    return this.parameterCount - this.outChannels;
  }

  /** [s0, s1] of a 1D or 2D spatial shape (s0 = 1 in 1D), validated against the mode counts. */
  planeShape(name: string, shape: SpatialShape, modes: readonly number[] = this.nModes): [number, number] {
    if (!Array.isArray(shape) || shape.length !== this.dim) throw new InvalidTypeError(name, `an array of ${this.dim} sizes`, shape);
    const s = shape.map((v, i) => checkInteger(`${name}[${i}]`, v, 1));
    const s0 = this.dim === 2 ? s[0] : 1, s1 = s[this.dim - 1];
    const mLast = modes[this.dim - 1];
    if (Math.floor(mLast / 2) + 1 > Math.floor(s1 / 2) + 1) throw new InvalidArgumentError(`nModes[${this.dim - 1}]`, `at most ${2 * Math.floor(s1 / 2) + 1} for a last-axis size ${s1} (floor(m/2) + 1 <= floor(n/2) + 1, the Nyquist limit)`, mLast);
    if (this.dim === 2 && modes[0] > s0) throw new InvalidArgumentError('nModes[0]', `at most the axis-0 size ${s0}`, modes[0]);
    return [s0, s1];
  }

  private workspace(s0: number, s1: number, t0: number, t1: number): ConvWork {
    const key = `${s0}x${s1}>${t0}x${t1}`;
    let w = this.work.get(key);
    if (!w) {
      const inPlan = new RealFft2dPlan(s0, s1);
      const outPlan = s0 === t0 && s1 === t1 ? inPlan : new RealFft2dPlan(t0, t1);
      w = {
        s0, s1, t0, t1, inPlan, outPlan,
        xr: new Float64Array(this.inChannels * s0 * inPlan.m1), xi: new Float64Array(this.inChannels * s0 * inPlan.m1),
        yr: new Float64Array(this.outChannels * t0 * outPlan.m1), yi: new Float64Array(this.outChannels * t0 * outPlan.m1),
        gr: new Float64Array(this.inChannels * s0 * inPlan.m1), gi: new Float64Array(this.inChannels * s0 * inPlan.m1),
      };
      this.work.set(key, w);
    }
    return w;
  }

  /** Validated run-time modes (each ≤ the constructor's). */
  private runModes(modes: readonly number[] | undefined): readonly number[] {
    if (modes === undefined) return this.nModes;
    const m = checkModes('modes', modes);
    if (m.length !== this.dim) throw new InvalidTypeError('modes', `an array of ${this.dim} mode counts`, modes);
    m.forEach((v, i) => { if (v > this.nModes[i]) throw new InvalidArgumentError(`modes[${i}]`, `an integer in [1, ${this.nModes[i]}] (the layer's nModes)`, v); });
    return m;
  }

  /**
   * Forward pass of one sample: x (in × s0·s1, channel-major) ↦ y (out × t0·t1).
   * @param theta - parameters; the layer's block starts at `offset`
   * @param offset - first parameter index of the layer
   * @param x - input field, in·P values
   * @param shape - input spatial shape ([n] or [n0, n1])
   * @param options - `outShape` (default the input shape: resolution scaling when different) and
   *   `modes` (run-time mode counts ≤ nModes)
   * @param out - receives out·P_out values
   */
  forward(theta: Float64Array, offset: number, x: Float64Array, shape: SpatialShape, options: { outShape?: SpatialShape; modes?: readonly number[] } = {}, out?: Float64Array): Float64Array {
    const modes = this.runModes(options.modes);
    const [s0, s1] = this.planeShape('shape', shape, modes);
    const [t0, t1] = this.planeShape('options.outShape', options.outShape ?? shape, modes);
    if (!(x instanceof Float64Array) || x.length !== this.inChannels * s0 * s1) throw new InvalidTypeError('x', `a Float64Array of length ${this.inChannels * s0 * s1} (channels × points)`, x);
    if (!(theta instanceof Float64Array) || theta.length < offset + this.parameterCount) throw new InvalidTypeError('theta', `a Float64Array of length >= ${offset + this.parameterCount}`, theta);
    const y = out ?? new Float64Array(this.outChannels * t0 * t1);
    if (y.length !== this.outChannels * t0 * t1) throw new InvalidTypeError('out', `a Float64Array of length ${this.outChannels * t0 * t1}`, y.length);
    this.forwardRaw(theta, offset, x, s0, s1, y, t0, t1, modes);
    return y;
  }

  /** Unchecked forward pass (input spectra kept for {@link SpectralConv.backwardRaw}). @internal */
  forwardRaw(theta: Float64Array, offset: number, x: Float64Array, s0: number, s1: number, y: Float64Array, t0: number, t1: number, modes: readonly number[] = this.nModes): void {
    const w = this.workspace(s0, s1, t0, t1);
    const C = this.inChannels, O = this.outChannels;
    const ms = w.inPlan.m1, mt = w.outPlan.m1;
    const P = s0 * s1, Q = t0 * t1;
    const scale = 1 / P;
    for (let i = 0; i < C; i++) w.inPlan.forwardRaw(x, w.xr, w.xi, scale, i * P, i * s0 * ms);
    w.yr.fill(0); w.yi.fill(0);
    const [lo, hi] = this.dim === 2 ? nonLastFrequencyRange(Math.min(s0, t0), modes[0]) : [0, 1];
    const k1 = Math.min(Math.floor(modes[this.dim - 1] / 2) + 1, ms, mt);
    const M0 = this.m0, M1 = this.m1, c0 = Math.floor(M0 / 2);
    for (let f0 = lo; f0 < hi; f0++) {
      const rs = ((f0 % s0) + s0) % s0, rt = ((f0 % t0) + t0) % t0, a = c0 + f0;
      for (let b = 0; b < k1; b++) {
        for (let i = 0; i < C; i++) {
          const xi = (i * s0 + rs) * ms + b;
          const ar = w.xr[xi], ai = w.xi[xi];
          let wp = offset + 2 * (((i * O) * M0 + a) * M1 + b);
          const ostep = 2 * M0 * M1;
          for (let o = 0; o < O; o++, wp += ostep) {
            const br = theta[wp], bi = theta[wp + 1];
            const yidx = (o * t0 + rt) * mt + b;
            w.yr[yidx] += ar * br - ai * bi;
            w.yi[yidx] += ar * bi + ai * br;
          }
        }
      }
    }
    const bias = offset + this.biasOffset;
    for (let o = 0; o < O; o++) {
      const yo = o * Q;
      w.outPlan.inverseRaw(w.yr, w.yi, y, 1, o * t0 * mt, yo);
      const bo = theta[bias + o];
      for (let q = 0; q < Q; q++) y[yo + q] += bo;
    }
  }

  /**
   * Reverse pass of the last {@link SpectralConv.forwardRaw} at these sizes: adds the parameter
   * gradient to `grad` (same layout as theta) and writes the input gradient to `gx`. The output
   * gradient `gy` is overwritten (used as work space). @internal
   */
  backwardRaw(theta: Float64Array, offset: number, gy: Float64Array, grad: Float64Array, gx: Float64Array, s0: number, s1: number, t0: number, t1: number, modes: readonly number[] = this.nModes): void {
    const w = this.workspace(s0, s1, t0, t1);
    const C = this.inChannels, O = this.outChannels;
    const ms = w.inPlan.m1, mt = w.outPlan.m1;
    const P = s0 * s1, Q = t0 * t1;
    const bias = offset + this.biasOffset;
    for (let o = 0; o < O; o++) {
      let s = 0;
      for (let q = 0; q < Q; q++) s += gy[o * Q + q];
      grad[bias + o] += s;
      // adjoint of the unscaled inverse real transform: c_b · rfft2(gy), c_b = 2 on interior columns
      w.outPlan.forwardRaw(gy, w.yr, w.yi, 1, o * Q, o * t0 * mt);
    }
    const [lo, hi] = this.dim === 2 ? nonLastFrequencyRange(Math.min(s0, t0), modes[0]) : [0, 1];
    const k1 = Math.min(Math.floor(modes[this.dim - 1] / 2) + 1, ms, mt);
    const M0 = this.m0, M1 = this.m1, c0 = Math.floor(M0 / 2);
    const gxr = w.gr, gimag = w.gi;
    gxr.fill(0); gimag.fill(0);
    const ostep = 2 * M0 * M1;
    for (let f0 = lo; f0 < hi; f0++) {
      const rs = ((f0 % s0) + s0) % s0, rt = ((f0 % t0) + t0) % t0, a = c0 + f0;
      for (let b = 0; b < k1; b++) {
        const ct = b === 0 || (t1 % 2 === 0 && b === t1 / 2) ? 1 : 2;
        const cs = b === 0 || (s1 % 2 === 0 && b === s1 / 2) ? 1 : 2;
        for (let i = 0; i < C; i++) {
          const xidx = (i * s0 + rs) * ms + b;
          const ar = w.xr[xidx], ai = w.xi[xidx];
          let accR = 0, accI = 0;
          let wp = offset + 2 * (((i * O) * M0 + a) * M1 + b);
          for (let o = 0; o < O; o++, wp += ostep) {
            const yidx = (o * t0 + rt) * mt + b;
            const gr = ct * w.yr[yidx], gi = ct * w.yi[yidx];
            // dW = conj(X)·G, dX = conj(W)·G
            grad[wp] += ar * gr + ai * gi;
            grad[wp + 1] += ar * gi - ai * gr;
            const br = theta[wp], bi = theta[wp + 1];
            accR += br * gr + bi * gi;
            accI += br * gi - bi * gr;
          }
          gxr[xidx] += accR / cs;
          gimag[xidx] += accI / cs;
        }
      }
    }
    for (let i = 0; i < C; i++) w.inPlan.inverseRaw(gxr, gimag, gx, 1 / P, i * s0 * ms, i * P);
  }
}
