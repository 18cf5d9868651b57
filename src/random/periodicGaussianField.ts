/**
 * Periodic Gaussian random fields on [0, 1) by spectral synthesis, with the covariance operator
 * σ²(−Δ + τ²)^{−γ} used to draw initial data for neural-operator datasets (Li et al., ICLR 2021,
 * and their data scripts: γ = 2.5, τ = 7, σ = 7² for Burgers).
 *
 * @module
 */
import { checkInteger, checkPositive } from '../core/check';
import { InvalidTypeError } from '../core/errors';
import { RealFftPlan } from '../fft/realFftPlan';
import type { Rng } from './rng';

/** Parameters of {@link PeriodicGaussianField1d}. */
export interface PeriodicGaussianFieldOptions {
  /** Grid points n on [0, 1) (x_j = j/n). */
  n: number;
  /** Smoothness exponent γ (default 2.5). */
  gamma?: number;
  /** Inverse length scale τ (default 7). */
  tau?: number;
  /** Amplitude σ (default τ² = 49). */
  sigma?: number;
  /** Highest wavenumber drawn (default ⌊n/2⌋ − 1: every resolved non-Nyquist mode). */
  kMax?: number;
}

/**
 * Zero-mean periodic field u(x) = Σ_{k=1}^{K} √2·σ((2πk)² + τ²)^{−γ/2}(ξ_k cos 2πkx + η_k sin 2πkx)
 * with ξ, η i.i.d. N(0, 1), sampled at x_j = j/n through one inverse real FFT. Drawing the same
 * (ξ, η) with a fixed K at two resolutions gives the same function at the common points
 * (band-limited data for super-resolution tests). O(n log n) per draw, no allocation.
 *
 * @example
 * ```ts
 * const grf = new PeriodicGaussianField1d({ n: 256, kMax: 32 });
 * const u0 = grf.sample(new Rng(1)); // 256 values
 * ```
 */
export class PeriodicGaussianField1d {
  /** Grid points. */
  readonly n: number;
  /** Highest wavenumber drawn. */
  readonly kMax: number;
  /** Standard deviations √2·σ((2πk)² + τ²)^{−γ/2}, k = 0..kMax (entry 0 is 0). */
  readonly amplitudes: Float64Array;
  private readonly plan: RealFftPlan;
  private readonly re: Float64Array;
  private readonly im: Float64Array;

  /** @param options - see {@link PeriodicGaussianFieldOptions} */
  constructor(options: PeriodicGaussianFieldOptions) {
    this.n = checkInteger('options.n', options.n, 4);
    const gamma = checkPositive('options.gamma', options.gamma ?? 2.5);
    const tau = checkPositive('options.tau', options.tau ?? 7);
    const sigma = checkPositive('options.sigma', options.sigma ?? tau * tau);
    this.kMax = checkInteger('options.kMax', options.kMax ?? Math.floor(this.n / 2) - 1, 1, Math.floor((this.n - 1) / 2));
    this.amplitudes = new Float64Array(this.kMax + 1);
    for (let k = 1; k <= this.kMax; k++) this.amplitudes[k] = Math.SQRT2 * sigma * Math.pow((2 * Math.PI * k) ** 2 + tau * tau, -gamma / 2);
    this.plan = new RealFftPlan(this.n);
    this.re = new Float64Array(this.plan.nOut);
    this.im = new Float64Array(this.plan.nOut);
  }

  /**
   * One draw; consumes 2·kMax normals from `rng` in the order ξ_1, η_1, ξ_2, η_2, ….
   * @param rng - the generator
   * @param out - receives n values
   */
  sample(rng: Rng, out: Float64Array = new Float64Array(this.n)): Float64Array {
    if (!(out instanceof Float64Array) || out.length !== this.n) throw new InvalidTypeError('out', `a Float64Array of length ${this.n}`, out);
    this.re.fill(0); this.im.fill(0);
    for (let k = 1; k <= this.kMax; k++) {
      const a = this.amplitudes[k];
      // ξ cos + η sin = Re((ξ − iη) e^{iθ}); the unscaled inverse real FFT doubles interior modes
      this.re[k] = 0.5 * a * rng.normal();
      this.im[k] = -0.5 * a * rng.normal();
    }
    this.plan.inverseRaw(this.re, this.im, 0, 1, out, 0, 1, 1);
    return out;
  }
}
