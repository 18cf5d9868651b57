/**
 * Gaussian random fields on the unit square with the covariance operator σ²(−Δ + τ²)^{−α} under
 * zero Neumann boundary conditions, by a truncated cosine (Karhunen–Loève) series — the input
 * measure of the Darcy-flow benchmark of Li et al., *Fourier neural operator for parametric PDEs*
 * (ICLR 2021, §5.2: μ = N(0, (−Δ + 9I)^{−2}), i.e. α = 2, τ = 3), and of their data script, which
 * scales the covariance by τ^{2(α−1)} (our default σ = τ^{α−1}).
 *
 * @module
 */
import { checkInteger, checkPositive, checkVec } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import { Rng } from './rng';

/** Parameters of {@link NeumannGaussianField2d}. */
export interface NeumannGaussianFieldOptions {
  /** Exponent α of the covariance operator (default 2). */
  alpha?: number;
  /** Shift τ of the covariance operator (default 3). */
  tau?: number;
  /** Amplitude σ (default τ^{α−1}, as the original data script). */
  sigma?: number;
  /** Modes per axis K: wavenumbers k₁, k₂ ∈ {0, …, K − 1} (default 32). */
  kMax?: number;
}

/**
 * μ(x, y) = Σ_{(k₁,k₂) ≠ (0,0), k_i < K} c_k ξ_k φ_{k₁}(x) φ_{k₂}(y), with φ₀ = 1, φ_k = √2 cos(πk·), the
 * orthonormal Neumann eigenfunctions of −Δ on [0, 1]², c_k = σ(π²(k₁² + k₂²) + τ²)^{−α/2} the square
 * roots of the covariance eigenvalues and ξ_k i.i.d. N(0, 1). The mean mode is dropped (as in the
 * original data script). A draw is the K × K coefficient array; evaluating it on two grids gives
 * the same function at the common points (data at several resolutions). Drawing: K² normals;
 * evaluation on nx × ny points: O(K²·ny + K·nx·ny), no allocation with `out` (one K·ny buffer per
 * field object).
 *
 * @example
 * ```ts
 * const grf = new NeumannGaussianField2d({ kMax: 16 });
 * const a = grf.draw(new Rng(1));                                // 256 coefficients
 * const xs = Float64Array.from({ length: 17 }, (_, i) => i / 16);
 * const mu = grf.evaluate(a, xs, xs);                            // 17 × 17 values, x fastest
 * ```
 */
export class NeumannGaussianField2d {
  /** Exponent α. */
  readonly alpha: number;
  /** Shift τ. */
  readonly tau: number;
  /** Amplitude σ. */
  readonly sigma: number;
  /** Modes per axis K. */
  readonly kMax: number;
  /** c_k for k = k₂·K + k₁ (c₀₀ = 0). */
  readonly amplitudes: Float64Array;
  private buffer: Float64Array;

  /** @param options - α, τ, σ, K */
  constructor(options: NeumannGaussianFieldOptions = {}) {
    if (options === null || typeof options !== 'object') throw new InvalidTypeError('options', 'an object { alpha?, tau?, sigma?, kMax? }', options);
    this.alpha = checkPositive('options.alpha', options.alpha ?? 2);
    this.tau = checkPositive('options.tau', options.tau ?? 3);
    this.sigma = checkPositive('options.sigma', options.sigma ?? this.tau ** (this.alpha - 1));
    this.kMax = checkInteger('options.kMax', options.kMax ?? 32, 1, 4096);
    const K = this.kMax;
    this.amplitudes = new Float64Array(K * K);
    for (let k2 = 0; k2 < K; k2++) {
      for (let k1 = 0; k1 < K; k1++) {
        if (k1 === 0 && k2 === 0) continue;
        this.amplitudes[k2 * K + k1] = this.sigma * (Math.PI * Math.PI * (k1 * k1 + k2 * k2) + this.tau * this.tau) ** (-this.alpha / 2);
      }
    }
    this.buffer = new Float64Array(0);
  }

  /**
   * One draw: the K² coefficients c_k ξ_k (index k₂·K + k₁), K² normals from `rng` in that order
   * (the mean mode consumes one normal and is set to 0). O(K²).
   * @example
   * ```ts
   * const coeffs = grf.draw(rng);
   * ```
   */
  draw(rng: Rng, out?: Float64Array): Float64Array {
    if (!(rng instanceof Rng)) throw new InvalidTypeError('rng', 'an Rng', rng);
    const n = this.kMax * this.kMax;
    const c = out === undefined ? new Float64Array(n) : checkVec('out', out, n);
    for (let k = 0; k < n; k++) c[k] = this.amplitudes[k] * rng.normal();
    return c;
  }

  /**
   * Values of the field with coefficients `coeffs` at the tensor grid (xs[a], ys[b]), stored at
   * b·nx + a (x fastest, as the node ids of a structured grid). Points must lie in [0, 1].
   * O(K²·ny + K·nx·ny).
   * @example
   * ```ts
   * const centers = Float64Array.from({ length: 64 }, (_, i) => (i + 0.5) / 64);
   * const mu = grf.evaluate(coeffs, centers, centers);
   * ```
   */
  evaluate(coeffs: Float64Array, xs: Float64Array, ys: Float64Array, out?: Float64Array): Float64Array {
    const K = this.kMax;
    checkVec('coeffs', coeffs, K * K);
    for (const [name, p] of [['xs', xs], ['ys', ys]] as const) {
      if (!(p instanceof Float64Array) || p.length === 0) throw new InvalidTypeError(name, 'a non-empty Float64Array of points in [0, 1]', p);
      for (let i = 0; i < p.length; i++) if (!(p[i] >= 0 && p[i] <= 1)) throw new InvalidArgumentError(`${name}[${i}]`, 'a point in [0, 1]', p[i]);
    }
    const nx = xs.length, ny = ys.length;
    const f = out === undefined ? new Float64Array(nx * ny) : checkVec('out', out, nx * ny);
    if (this.buffer.length < K * ny) this.buffer = new Float64Array(K * ny);
    const T = this.buffer;
    const r2 = Math.SQRT2;
    // T[b, k1] = Σ_k2 φ_k2(y_b) coeffs[k2, k1]
    for (let b = 0; b < ny; b++) {
      const row = b * K;
      for (let k1 = 0; k1 < K; k1++) T[row + k1] = coeffs[k1];
      for (let k2 = 1; k2 < K; k2++) {
        const phi = r2 * Math.cos(Math.PI * k2 * ys[b]);
        const base = k2 * K;
        for (let k1 = 0; k1 < K; k1++) T[row + k1] += phi * coeffs[base + k1];
      }
    }
    // f[b, a] = Σ_k1 T[b, k1] φ_k1(x_a)
    for (let a = 0; a < nx; a++) {
      const x = xs[a];
      for (let b = 0; b < ny; b++) f[b * nx + a] = T[b * K];
      for (let k1 = 1; k1 < K; k1++) {
        const phi = r2 * Math.cos(Math.PI * k1 * x);
        for (let b = 0; b < ny; b++) f[b * nx + a] += phi * T[b * K + k1];
      }
    }
    return f;
  }

  /**
   * The exact pointwise variance of the truncated field, Σ_k c_k² φ_{k₁}(x)² φ_{k₂}(y)². O(K²).
   * @example
   * ```ts
   * grf.variance(0.5, 0.5);
   * ```
   */
  variance(x: number, y: number): number {
    const K = this.kMax;
    let s = 0;
    for (let k2 = 0; k2 < K; k2++) {
      const py = k2 === 0 ? 1 : 2 * Math.cos(Math.PI * k2 * y) ** 2;
      for (let k1 = 0; k1 < K; k1++) {
        const px = k1 === 0 ? 1 : 2 * Math.cos(Math.PI * k1 * x) ** 2;
        s += this.amplitudes[k2 * K + k1] ** 2 * px * py;
      }
    }
    return s;
  }
}
