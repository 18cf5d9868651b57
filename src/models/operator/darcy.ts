/**
 * Darcy-flow datasets for neural operators (Li et al., *Fourier neural operator for parametric
 * PDEs*, ICLR 2021, §5.2): −∇·(a∇u) = f on (0, 1)², u = 0 on the boundary, f = 1, with the
 * coefficient a = ψ(μ) of a Gaussian random field μ ~ N(0, σ²(−Δ + τ²)^{−α}) (zero Neumann
 * conditions, α = 2, τ = 3), ψ the threshold map (12 where μ ≥ 0, 3 where μ < 0) or, as an
 * alternative, the lognormal map a = exp(μ). Built on the library's primitives only: the cosine-series
 * field of `random/` and the banded Q1 finite-element solver of `fem/`.
 *
 * @module
 */
import { checkInteger, checkOneOf, checkPositive } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { BandedDiffusionSolver } from '../../fem/bandedDiffusion';
import { NeumannGaussianField2d } from '../../random/neumannGaussianField2d';
import { Rng } from '../../random/rng';

/** Options of {@link darcyDataset}. */
export interface DarcyDatasetOptions {
  /** Samples to draw. */
  samples: number;
  /** Elements per side of each returned grid (fields on its (n + 1)² nodes); each must divide `solveN`. */
  resolutions: readonly number[];
  /** Elements per side of the finite-element solve (default the largest resolution). */
  solveN?: number;
  /** Seed (sample s uses stream s of this seed, so any subset is reproducible on its own). */
  seed: number | string;
  /** `'threshold'` (default, ψ = high on μ ≥ 0, low on μ < 0) or `'lognormal'` (a = exp μ). */
  coefficient?: 'threshold' | 'lognormal';
  /** Threshold values [high, low] (default [12, 3]). */
  thresholdValues?: readonly [number, number];
  /** Covariance exponent α (default 2). */
  alpha?: number;
  /** Covariance shift τ (default 3). */
  tau?: number;
  /** Field amplitude σ (default τ^{α−1}). */
  sigma?: number;
  /** Cosine modes per axis of the field (default 32). */
  kMax?: number;
  /** Constant source f (default 1). */
  source?: number;
}

/** A Darcy dataset: per resolution, the coefficient and the solution at the nodes, samples × (n+1)², x fastest. */
export interface DarcyDataset {
  /** Elements per side of each returned grid. */
  resolutions: number[];
  /** Node grids per side, resolutions[r] + 1 (the FNO shape is [side, side]). */
  sides: number[];
  /** inputs[r]: the coefficient a at the nodes, samples × sides[r]². */
  inputs: Float64Array[];
  /** outputs[r]: the Q1 solution u at the nodes, samples × sides[r]². */
  outputs: Float64Array[];
  /** Number of samples. */
  samples: number;
  /** Elements per side of the solve. */
  solveN: number;
}

/**
 * Draw μ (sample s from stream s of `seed`), set the cellwise coefficient a = ψ(μ) at the centers of
 * the solveN × solveN elements, solve the Q1 system once, and return for every requested resolution
 * n the coefficient ψ(μ) evaluated at the (n + 1)² nodes (the network input) and the nodal solution
 * subsampled to them (the target). The same μ gives the same function at every resolution.
 * Cost per sample: one banded Cholesky, ≈ solveN⁴ flops, plus O(kMax·solveN²) for the field.
 * @example
 * ```ts
 * const data = darcyDataset({ samples: 100, resolutions: [16, 32], seed: 1 });
 * data.inputs[0].length; // 100 · 17²
 * ```
 */
export function darcyDataset(options: DarcyDatasetOptions): DarcyDataset {
  if (options === null || typeof options !== 'object') throw new InvalidTypeError('options', 'an object { samples, resolutions, seed, … }', options);
  const samples = checkInteger('options.samples', options.samples, 1);
  if (!Array.isArray(options.resolutions) || options.resolutions.length === 0) throw new InvalidTypeError('options.resolutions', 'a non-empty array of element counts', options.resolutions);
  const res = options.resolutions.map((r, i) => checkInteger(`options.resolutions[${i}]`, r, 2, 1024));
  const N = checkInteger('options.solveN', options.solveN ?? Math.max(...res), 2, 1024);
  res.forEach((r, i) => { if (N % r !== 0) throw new InvalidArgumentError(`options.resolutions[${i}]`, `a divisor of solveN = ${N}`, r); });
  if (typeof options.seed !== 'number' && typeof options.seed !== 'string') throw new InvalidTypeError('options.seed', 'a number or a string', options.seed);
  const kind = checkOneOf('options.coefficient', options.coefficient ?? 'threshold', ['threshold', 'lognormal'] as const);
  const tv = options.thresholdValues ?? [12, 3];
  if (!Array.isArray(tv) || tv.length !== 2) throw new InvalidTypeError('options.thresholdValues', 'a pair [high, low] of positive numbers', tv);
  const high = checkPositive('options.thresholdValues[0]', tv[0]), low = checkPositive('options.thresholdValues[1]', tv[1]);
  const f = checkPositive('options.source', options.source ?? 1);
  const grf = new NeumannGaussianField2d({ alpha: options.alpha, tau: options.tau, sigma: options.sigma, kMax: options.kMax });
  const psi = (m: number): number => (kind === 'lognormal' ? Math.exp(m) : m >= 0 ? high : low);
  const centres = Float64Array.from({ length: N }, (_, i) => (i + 0.5) / N);
  const nodes = res.map((r) => Float64Array.from({ length: r + 1 }, (_, i) => i / r));
  const sides = res.map((r) => r + 1);
  const inputs = sides.map((s) => new Float64Array(samples * s * s));
  const outputs = sides.map((s) => new Float64Array(samples * s * s));
  const solver = new BandedDiffusionSolver(N);
  const coeffs = new Float64Array(grf.kMax * grf.kMax);
  const cells = new Float64Array(N * N);
  const u = new Float64Array((N + 1) * (N + 1));
  const nodeValues = sides.map((s) => new Float64Array(s * s));
  for (let s = 0; s < samples; s++) {
    grf.draw(Rng.stream(options.seed, s), coeffs);
    grf.evaluate(coeffs, centres, centres, cells);
    for (let e = 0; e < cells.length; e++) cells[e] = psi(cells[e]);
    solver.solve(cells, f, u);
    res.forEach((r, i) => {
      const side = r + 1, stride = N / r, P = side * side;
      const a = grf.evaluate(coeffs, nodes[i], nodes[i], nodeValues[i]);
      for (let q = 0; q < P; q++) inputs[i][s * P + q] = psi(a[q]);
      for (let j = 0; j < side; j++) {
        for (let k = 0; k < side; k++) outputs[i][s * P + j * side + k] = u[j * stride * (N + 1) + k * stride];
      }
    });
  }
  return { resolutions: res, sides, inputs, outputs, samples, solveN: N };
}
