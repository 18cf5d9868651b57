/**
 * The Darcy-flow test problem of thesis Appendix C, §C.6.2 (after Garbuno-Inigo et al. 2020):
 * −∇·(a(x)∇p) = f on (0, 1)², p = 0 on the boundary (eq. (C.6.8)), log a from the KL prior
 * (C.6.9), and pointwise observations of p. The forward solve is the banded Q1 finite-element
 * diffusion solver of `fem/` (a primitive) on an n×n grid with a cellwise coefficient; p at an observation
 * point is the finite-element function there (bilinear in its cell).
 *
 * Defaults for what the thesis leaves open: f ≡ 1, n = 32, K = 64 observations on the 8×8 lattice
 * (i/9, j/9), i, j = 1…8, M = 16 modes per direction without the constant mode (d = 255), τ = 3,
 * α = 2, truth u† ~ N(0, I_d), noise N(0, 0.1²I_K), prior N(0, 10²I_d).
 *
 * @module
 */
import { checkInteger, checkPositive } from '../../core/check';
import { InvalidTypeError } from '../../core/errors';
import { BandedDiffusionSolver } from '../../fem/bandedDiffusion';
import { Rng } from '../../random/rng';
import type { Seed } from '../../random/seed';
import { darcyKlBasis, klCosineTable, logPermeability, type DarcyKlBasis, type DarcyKlOptions } from './darcyPrior';
import type { InverseProblem } from './problem';

/** Options of {@link darcyForwardMap} and {@link darcyProblem}. */
export interface DarcyOptions extends DarcyKlOptions {
  /** Elements per side of the forward grid (default 32). */
  grid?: number;
  /** Observation lattice size m: K = m² points (i/(m+1), j/(m+1)) (default 8). */
  observations?: number;
  /** Source f (default 1). */
  source?: number;
}

/** Largest forward grid: the banded factorization stores about n³ numbers (n = 512: 1 GiB). */
const MAX_FORWARD_GRID = 512;

/** A Darcy forward map q ↦ p(observation points). */
export interface DarcyForwardMap {
  /** The KL basis (dimension d, eigenvalues λ_l). */
  kl: DarcyKlBasis;
  /** Elements per side n. */
  grid: number;
  /** Observation points, (x, y) pairs (length 2K). */
  points: Float64Array;
  /** G(u) into out (length K). One Q1 solve of (n − 1)² unknowns. */
  forward: (u: Float64Array, out: Float64Array) => void;
}

/**
 * The Darcy forward map of thesis §C.6.2: KL coefficients u → log a on cell centers → Q1 solve of
 * −∇·(e^{log a}∇p) = f, p = 0 on ∂D → p at the observation points. O(n²·M + n³) per evaluation.
 * @example
 * ```ts
 * const G = darcyForwardMap({ grid: 16 });
 * const y = new Float64Array(64);
 * G.forward(new Float64Array(G.kl.dimension), y); // a ≡ 1: the torsion function at the lattice
 * ```
 */
export function darcyForwardMap(options: DarcyOptions = {}): DarcyForwardMap {
  if (options === null || typeof options !== 'object') throw new InvalidTypeError('options', 'an object of Darcy options', options);
  const kl = darcyKlBasis(options);
  const n = checkInteger('options.grid', options.grid ?? 32, 2, MAX_FORWARD_GRID);
  const m = checkInteger('options.observations', options.observations ?? 8, 1, 1024);
  const f = checkPositive('options.source', options.source ?? 1);
  const points = new Float64Array(2 * m * m);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < m; i++) {
      points[2 * (j * m + i)] = (i + 1) / (m + 1);
      points[2 * (j * m + i) + 1] = (j + 1) / (m + 1);
    }
  }
  const logA = new Float64Array(n * n);
  const a = new Float64Array(n * n);
  const work = new Float64Array(kl.modes * kl.modes + n * kl.modes);
  const cosines = klCosineTable(kl.modes, n);
  const solver = new BandedDiffusionSolver(n);
  const p = new Float64Array((n + 1) * (n + 1));
  const forward = (u: Float64Array, out: Float64Array): void => {
    logPermeability(kl, u, n, logA, work, cosines);
    for (let c = 0; c < n * n; c++) a[c] = Math.exp(logA[c]);
    solver.solve(a, f, p);
    for (let k = 0; k < m * m; k++) out[k] = solver.evaluate(p, points[2 * k], points[2 * k + 1]);
  };
  return { kl, grid: n, points, forward };
}

/** The Darcy inverse problem with its synthetic truth. */
export interface DarcyProblem {
  /** The inverse problem (forward map, data, Γ = σ²I, prior N(0, σ0²I)). */
  problem: InverseProblem;
  /** The truth u† (length d). */
  truth: Float64Array;
  /** The forward map and KL basis. */
  map: DarcyForwardMap;
}

/**
 * The Darcy inverse problem of thesis §C.6.2 with a synthetic truth u† ~ N(0, I_d) and data
 * y = G(u†) + η, η ~ N(0, noiseSd²I_K); prior N(0, priorSd²I_d) (defaults 0.1 and 10).
 * @example
 * ```ts
 * const { problem, truth, map } = darcyProblem({ grid: 16 }, 3);
 * const r = eks({ ...problem, ensembleSize: 128, iterations: 100, seed: 1 });
 * darcyMetrics(r.final.data, 128, truth, map.kl.eigenvalues);
 * ```
 */
export function darcyProblem(options: DarcyOptions & { noiseSd?: number; priorSd?: number } = {}, seed: Seed = 0): DarcyProblem {
  const map = darcyForwardMap(options);
  const noiseSd = checkPositive('options.noiseSd', options.noiseSd ?? 0.1);
  const priorSd = checkPositive('options.priorSd', options.priorSd ?? 10);
  const rng = new Rng(seed);
  const truth = rng.fillNormal(new Float64Array(map.kl.dimension));
  const K = map.points.length / 2;
  const data = new Float64Array(K);
  map.forward(truth, data);
  for (let k = 0; k < K; k++) data[k] += noiseSd * rng.normal();
  return {
    problem: { dimension: map.kl.dimension, data, noise: noiseSd * noiseSd, prior: { covariance: priorSd * priorSd }, forward: map.forward },
    truth,
    map,
  };
}
