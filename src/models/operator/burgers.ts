/**
 * Periodic viscous Burgers u_t + (u²/2)_x = ν u_xx on [0, 1) by a Fourier pseudo-spectral method
 * with the exact integrating factor for the viscosity and classical RK4 for the advection (IFRK4,
 * Trefethen, *Spectral Methods in MATLAB*, ch. 10), 2/3-rule dealiasing, and the dataset generator
 * of the FNO Burgers benchmark (Li et al., ICLR 2021) built on it.
 *
 * @module
 */
import { checkInteger, checkPositive } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { RealFftPlan } from '../../fft/realFftPlan';
import { PeriodicGaussianField1d } from '../../random/periodicGaussianField';
import { Rng } from '../../random/rng';

/** Options of {@link solveBurgersPeriodic}. */
export interface BurgersOptions {
  /** Viscosity ν > 0. */
  nu: number;
  /** Final time T > 0. */
  T: number;
  /** Time step (default min(2e-3, 0.5/(n·max|u0|)), shrunk to divide T). */
  dt?: number;
}

/**
 * Advance periodic samples u0 (x_j = j/n) to time T. Each step: four evaluations of
 * N(û) = −(iκ/2)·FFT(u²) (dealiased: modes above 2/3 of the Nyquist index zeroed), with
 * E = e^{−νκ²dt/2}. O(steps · n log n); returns the samples at T and the step count.
 * @example
 * ```ts
 * const { u } = solveBurgersPeriodic(u0, { nu: 0.1, T: 1 });
 * ```
 */
export function solveBurgersPeriodic(u0: Float64Array, options: BurgersOptions): {
  /** The solution at T on the grid of u0. */
  u: Float64Array;
  /** Time steps taken. */
  steps: number;
} {
  if (!(u0 instanceof Float64Array) || u0.length < 8) throw new InvalidTypeError('u0', 'a Float64Array of length >= 8', u0);
  const n = u0.length;
  const nu = checkPositive('options.nu', options.nu);
  const T = checkPositive('options.T', options.T);
  let umax = 0;
  for (let j = 0; j < n; j++) { if (!Number.isFinite(u0[j])) throw new InvalidArgumentError(`u0[${j}]`, 'a finite number', u0[j]); umax = Math.max(umax, Math.abs(u0[j])); }
  const dt0 = options.dt === undefined ? Math.min(2e-3, 0.5 / (n * Math.max(umax, 1e-3))) : checkPositive('options.dt', options.dt);
  const steps = Math.ceil(T / dt0 - 1e-12);
  const dt = T / steps;
  const plan = new RealFftPlan(n);
  const m = plan.nOut, cut = Math.floor((2 * (m - 1)) / 3);
  const kap = new Float64Array(m), Eh = new Float64Array(m), Ef = new Float64Array(m);
  for (let k = 0; k < m; k++) { kap[k] = 2 * Math.PI * k; Eh[k] = Math.exp((-nu * kap[k] * kap[k] * dt) / 2); Ef[k] = Eh[k] * Eh[k]; }
  const ur = new Float64Array(m), ui = new Float64Array(m);
  plan.forwardRaw(u0, 0, 1, ur, ui, 0, 1, 1);
  const vr = new Float64Array(m), vi = new Float64Array(m), phys = new Float64Array(n);
  const k1r = new Float64Array(m), k1i = new Float64Array(m), k2r = new Float64Array(m), k2i = new Float64Array(m);
  const k3r = new Float64Array(m), k3i = new Float64Array(m), k4r = new Float64Array(m), k4i = new Float64Array(m);
  // N(v̂) into (or, oi): −(iκ/2)·FFT(u²), u = IFFT(v̂)
  const nonlinear = (ar: Float64Array, ai: Float64Array, or: Float64Array, oi: Float64Array): void => {
    plan.inverseRaw(ar, ai, 0, 1, phys, 0, 1, 1 / n);
    for (let j = 0; j < n; j++) phys[j] *= phys[j];
    plan.forwardRaw(phys, 0, 1, or, oi, 0, 1, 1);
    for (let k = 0; k < m; k++) {
      if (k > cut) { or[k] = 0; oi[k] = 0; continue; }
      const a = or[k], b = oi[k];
      or[k] = 0.5 * kap[k] * b; oi[k] = -0.5 * kap[k] * a;
    }
  };
  for (let k = cut + 1; k < m; k++) { ur[k] = 0; ui[k] = 0; }
  for (let s = 0; s < steps; s++) {
    nonlinear(ur, ui, k1r, k1i);
    for (let k = 0; k < m; k++) { vr[k] = Eh[k] * (ur[k] + 0.5 * dt * k1r[k]); vi[k] = Eh[k] * (ui[k] + 0.5 * dt * k1i[k]); }
    nonlinear(vr, vi, k2r, k2i);
    for (let k = 0; k < m; k++) { vr[k] = Eh[k] * ur[k] + 0.5 * dt * k2r[k]; vi[k] = Eh[k] * ui[k] + 0.5 * dt * k2i[k]; }
    nonlinear(vr, vi, k3r, k3i);
    for (let k = 0; k < m; k++) { vr[k] = Ef[k] * ur[k] + dt * Eh[k] * k3r[k]; vi[k] = Ef[k] * ui[k] + dt * Eh[k] * k3i[k]; }
    nonlinear(vr, vi, k4r, k4i);
    for (let k = 0; k < m; k++) {
      ur[k] = Ef[k] * ur[k] + (dt / 6) * (Ef[k] * k1r[k] + 2 * Eh[k] * (k2r[k] + k3r[k]) + k4r[k]);
      ui[k] = Ef[k] * ui[k] + (dt / 6) * (Ef[k] * k1i[k] + 2 * Eh[k] * (k2i[k] + k3i[k]) + k4i[k]);
    }
  }
  const u = new Float64Array(n);
  plan.inverseRaw(ur, ui, 0, 1, u, 0, 1, 1 / n);
  return { u, steps };
}

/** Options of {@link burgersDataset}. */
export interface BurgersDatasetOptions {
  /** Samples to draw. */
  samples: number;
  /** Resolutions to return (each must divide `solveN`), e.g. [128, 256]. */
  resolutions: readonly number[];
  /** Resolution of the solver (default the largest requested, at least 256). */
  solveN?: number;
  /** Viscosity (default 0.1, the FNO paper's Burgers benchmark). */
  nu?: number;
  /** Final time (default 1). */
  T?: number;
  /** Seed of the initial data (sample s uses stream s of this seed). */
  seed: number | string;
  /** Highest initial wavenumber (default solveN/4: band-limited initial data). */
  kMax?: number;
  /** Gaussian-random-field parameters (defaults γ = 2.5, τ = 7, σ = 49). */
  gamma?: number;
  /** Inverse length scale τ. */
  tau?: number;
  /** Amplitude σ. */
  sigma?: number;
}

/** A Burgers dataset: per resolution, inputs u0 and outputs u(T), samples × n row-major. */
export interface BurgersDataset {
  /** The requested resolutions. */
  resolutions: number[];
  /** inputs[r]: samples × resolutions[r]. */
  inputs: Float64Array[];
  /** outputs[r]: samples × resolutions[r]. */
  outputs: Float64Array[];
  /** Number of samples. */
  samples: number;
}

/**
 * Draw u0 from the periodic Gaussian random field σ²(−Δ + τ²)^{−γ} (sample s from stream s of
 * `seed`, so any subset is reproducible independently), solve Burgers to T at `solveN` points, and
 * subsample inputs and outputs to each requested resolution. O(samples · steps · solveN log solveN).
 * @example
 * ```ts
 * const data = burgersDataset({ samples: 600, resolutions: [128, 256], seed: 1 });
 * ```
 */
export function burgersDataset(options: BurgersDatasetOptions): BurgersDataset {
  const samples = checkInteger('options.samples', options.samples, 1);
  if (!Array.isArray(options.resolutions) || options.resolutions.length === 0) throw new InvalidTypeError('options.resolutions', 'a non-empty array of grid sizes', options.resolutions);
  const res = options.resolutions.map((r, i) => checkInteger(`options.resolutions[${i}]`, r, 8));
  const N = checkInteger('options.solveN', options.solveN ?? Math.max(256, ...res), 8);
  res.forEach((r, i) => { if (N % r !== 0) throw new InvalidArgumentError(`options.resolutions[${i}]`, `a divisor of solveN = ${N}`, r); });
  const grf = new PeriodicGaussianField1d({ n: N, kMax: options.kMax ?? Math.floor(N / 4), gamma: options.gamma, tau: options.tau, sigma: options.sigma });
  const nu = options.nu ?? 0.1, T = options.T ?? 1;
  const inputs = res.map((r) => new Float64Array(samples * r));
  const outputs = res.map((r) => new Float64Array(samples * r));
  const u0 = new Float64Array(N);
  for (let s = 0; s < samples; s++) {
    grf.sample(Rng.stream(options.seed, s), u0);
    const { u } = solveBurgersPeriodic(u0, { nu, T });
    res.forEach((r, i) => {
      const stride = N / r;
      for (let j = 0; j < r; j++) { inputs[i][s * r + j] = u0[j * stride]; outputs[i][s * r + j] = u[j * stride]; }
    });
  }
  return { resolutions: res, inputs, outputs, samples };
}
