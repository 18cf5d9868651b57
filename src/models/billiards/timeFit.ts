/**
 * Best-fit PDE time of a Monte Carlo mean profile (docs/billiards.md check 18): the time τ̂ at which the
 * mean-field PDE's μ(·, τ) is closest, in the least-squares sense over interior balls, to an
 * ensemble mean μ̂. Dividing τ̂ by the mapped time τ = 2k/((n−1)²(n−2)) of the k collisions that
 * produced μ̂ validates the step → PDE time map directly.
 *
 * Estimator. With balls i in the interior window z_i ∈ [zMin, zMax] (the wall boundary layer,
 * docs/billiards.md item 6, left out) and the PDE profile interpolated linearly in z and by cubic Lagrange
 * interpolation in τ between dense snapshots,
 *
 *   τ̂ = argmin_τ S(τ),   S(τ) = Σ_i (μ̂_i − μ_PDE(z_i, τ))².
 *
 * The minimum is located by scanning the snapshots and refining by golden section on the bracket
 * of the best snapshot's neighbors.
 *
 * Statistical error (Gauss–Newton linearization). With g_i = ∂μ_PDE/∂τ(z_i, τ̂), G = Σ g_i² and
 * μ̂_i = μ_i + ε_i, Var ε_i = σ̂_i²/R (R runs), the fitted time moves by Σ g_i ε_i / G, so
 *
 *   SE(τ̂) = √(Σ g_i² σ̂_i² / R) / G,
 *
 * treating balls as independent (within-run lag correlations are inside the null band,
 * `whiteNoiseDiagnostics`). Systematic finite-n differences between μ̂ and the PDE are not noise:
 * they shift τ̂ deterministically (the PDE state nearest to the Monte Carlo state), which is why a
 * ratio τ̂/τ can differ from 1 by more than SE at small n.
 *
 * @module
 */
import { checkAllFinite, checkInRange, checkInteger, checkStrictlyIncreasing, checkVec } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { Vec } from '../../core/types';
import type { PinnedBallsEnsembleResult } from './ensemble';
import { tauForSteps } from './timeMap';

/** Golden-section iterations: the bracket shrinks by 0.618⁸⁰ ≈ 2·10⁻¹⁷, i.e. to round-off. */
const GOLDEN_ITERATIONS = 80;
const INV_PHI = (Math.sqrt(5) - 1) / 2;

/** PDE states on a common grid: what `meanFieldPde(problem, { saveAt })` returns (`z`, `saved`). */
export interface PdeProfiles {
  /** Grid nodes (strictly increasing). */
  z: Vec;
  /** States at strictly increasing times (at least 4), μ at the grid nodes. */
  saved: readonly {
    /** PDE time τ of the state. */
    t: number;
    /** The state: its mean profile μ at the grid nodes `z` (finite, same length as `z`). */
    state: {
      /** μ at the grid nodes. */
      mu: Vec;
    };
  }[];
}

/** Options of {@link pdeTimeFitter}: the interior window of balls that enter the fit. */
export interface PdeTimeFitWindow {
  /** Lower end of the interior window in z (default 0.03, docs/billiards.md). */
  zMin?: number;
  /** Upper end of the interior window in z (default 0.97). */
  zMax?: number;
}

/** Options of {@link bestFitPdeTime}: the interior window and, optionally, the noise level. */
export interface PdeTimeFitOptions extends PdeTimeFitWindow {
  /** Per-ball σ̂ of the ensemble (same length as the mean); with `runs`, gives the standard error. */
  sigma?: Vec;
  /** Number of runs R behind the mean (integer ≥ 2; required with `sigma`). */
  runs?: number;
}

/** The result of {@link bestFitPdeTime}. */
export interface PdeTimeFit {
  /** The best-fit PDE time τ̂. */
  tau: number;
  /** SE(τ̂) = √(Σ g_i²σ̂_i²/R)/G (NaN without `sigma`/`runs`). */
  standardError: number;
  /** Root-mean-square residual √(S(τ̂)/m) over the m fitted balls. */
  rmsResidual: number;
  /** Root-mean-square sensitivity √(G/m) = rms ∂μ/∂τ at τ̂ (time is identifiable when large). */
  rmsSensitivity: number;
  /** Number m of balls in the window. */
  balls: number;
  /** False when the minimum lies at the first or last snapshot time (τ̂ is then only a bound). */
  bracketed: boolean;
}

/** A {@link PdeTimeFit} of one ensemble output time, with the mapped time and the ratio. */
export interface EnsembleTimeFit extends PdeTimeFit {
  /** The mapped PDE time τ of the output (from the collision count). */
  mappedTau: number;
  /** τ̂ / τ. */
  ratio: number;
  /** SE(τ̂) / τ, the standard error of the ratio. */
  ratioStandardError: number;
}

/** Interpolation of a grid function to the fitted balls: node index k and weight θ of node k + 1. */
interface BallStencil {
  ball: Int32Array;
  node: Int32Array;
  theta: Float64Array;
}

function ballStencil(ballZ: Vec, gridZ: Vec, zMin: number, zMax: number): BallStencil {
  const picked: number[] = [];
  for (let i = 0; i < ballZ.length; i++) if (ballZ[i] >= zMin && ballZ[i] <= zMax) picked.push(i);
  if (picked.length < 2) throw new InvalidArgumentError('zMin, zMax', 'a window containing at least 2 balls', [zMin, zMax]);
  const last = gridZ.length - 1;
  const node = new Int32Array(picked.length);
  const theta = new Float64Array(picked.length);
  let k = 0;
  for (let p = 0; p < picked.length; p++) {
    const z = ballZ[picked[p]];
    if (z < gridZ[0] || z > gridZ[last]) throw new InvalidArgumentError(`ballZ[${picked[p]}]`, `inside the PDE grid [${gridZ[0]}, ${gridZ[last]}]`, z);
    while (k < last - 1 && gridZ[k + 1] <= z) k++; // ballZ need not be sorted globally: restart if it decreases
    while (k > 0 && gridZ[k] > z) k--;
    node[p] = k;
    theta[p] = (z - gridZ[k]) / (gridZ[k + 1] - gridZ[k]);
  }
  return { ball: Int32Array.from(picked), node, theta };
}

/** Cubic Lagrange weights (and their τ-derivatives) of the 4 snapshots starting at j0. */
function lagrangeWeights(times: Float64Array, j0: number, tau: number, w: Float64Array, dw: Float64Array): void {
  for (let a = 0; a < 4; a++) {
    const ta = times[j0 + a];
    let value = 1;
    let denominator = 1;
    let derivative = 0;
    for (let b = 0; b < 4; b++) {
      if (b === a) continue;
      denominator *= ta - times[j0 + b];
      // d/dτ Π_{b≠a}(τ − t_b) = Σ_{c≠a} Π_{b≠a,c}(τ − t_b)
      let term = 1;
      for (let c = 0; c < 4; c++) if (c !== a && c !== b) term *= tau - times[j0 + c];
      derivative += term;
      value *= tau - times[j0 + b];
    }
    w[a] = value / denominator;
    dw[a] = derivative / denominator;
  }
}

/** The fit's working data: the PDE at the fitted balls for every snapshot (row j, length m). */
class TimeFitObjective {
  readonly w = new Float64Array(4);
  readonly dw = new Float64Array(4);

  constructor(
    readonly times: Float64Array,
    readonly profiles: Float64Array,
    readonly target: Float64Array,
    readonly m: number,
  ) {}

  /** First of the 4 snapshots used for τ (the interval's neighbors, clipped to the range). */
  start(tau: number): number {
    const t = this.times;
    let k = 0;
    while (k < t.length - 2 && t[k + 1] <= tau) k++;
    return Math.min(Math.max(k - 1, 0), t.length - 4);
  }

  /** S(τ) = Σ (target − μ(τ))². */
  value(tau: number): number {
    const j0 = this.start(tau);
    lagrangeWeights(this.times, j0, tau, this.w, this.dw);
    const { m, profiles: P, target, w } = this;
    let s = 0;
    for (let i = 0; i < m; i++) {
      const r = target[i] - (w[0] * P[j0 * m + i] + w[1] * P[(j0 + 1) * m + i] + w[2] * P[(j0 + 2) * m + i] + w[3] * P[(j0 + 3) * m + i]);
      s += r * r;
    }
    return s;
  }

  /** S at snapshot j (no interpolation). */
  valueAt(j: number): number {
    const { m, profiles: P, target } = this;
    let s = 0;
    for (let i = 0; i < m; i++) s += (target[i] - P[j * m + i]) ** 2;
    return s;
  }

  /** g_i = ∂μ_i/∂τ at τ, written into g. */
  sensitivity(tau: number, g: Float64Array): Float64Array {
    const j0 = this.start(tau);
    lagrangeWeights(this.times, j0, tau, this.w, this.dw);
    const { m, profiles: P, dw } = this;
    for (let i = 0; i < m; i++) g[i] = dw[0] * P[j0 * m + i] + dw[1] * P[(j0 + 1) * m + i] + dw[2] * P[(j0 + 2) * m + i] + dw[3] * P[(j0 + 3) * m + i];
    return g;
  }
}

/** Golden-section minimization of a unimodal function on [a, b]. */
function goldenSection(f: (x: number) => number, a: number, b: number): number {
  let x1 = b - INV_PHI * (b - a);
  let x2 = a + INV_PHI * (b - a);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let it = 0; it < GOLDEN_ITERATIONS && b - a > 0; it++) {
    if (f1 <= f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - INV_PHI * (b - a);
      f1 = f(x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + INV_PHI * (b - a);
      f2 = f(x2);
    }
  }
  return f1 <= f2 ? x1 : x2;
}

function checkProfiles(pde: PdeProfiles): Float64Array {
  if (pde === null || typeof pde !== 'object' || !Array.isArray(pde.saved)) throw new InvalidTypeError('pde', 'an object with z and saved states', pde);
  const gridZ = checkVec('pde.z', pde.z);
  checkStrictlyIncreasing('pde.z', gridZ, 2);
  const times = Float64Array.from(pde.saved, (s) => s.t);
  checkStrictlyIncreasing('pde.saved[].t', times, 4);
  pde.saved.forEach((s, j) => {
    if (s === null || typeof s !== 'object' || s.state === null || typeof s.state !== 'object') throw new InvalidTypeError(`pde.saved[${j}]`, 'a saved state { t, state: { mu } }', s);
    checkVec(`pde.saved[${j}].state.mu`, s.state.mu, gridZ.length);
    checkAllFinite(`pde.saved[${j}].state.mu`, s.state.mu);
  });
  return times;
}

/** A reusable least-squares time fit against fixed PDE snapshots, from {@link pdeTimeFitter}. */
export interface PdeTimeFitter {
  /** Number m of balls in the window. */
  readonly balls: number;
  /**
   * Fit one mean profile μ̂ (length n); with `sigma` (length n) and `runs` R ≥ 2 also the
   * standard error. O(J·m + 80·m), no allocation beyond the result and two work arrays.
   */
  fit(mean: Vec, noise?: { sigma: Vec; runs: number }): PdeTimeFit;
}

/**
 * Tabulate dense PDE snapshots at the interior balls once, for many time fits against them (the
 * "operator built once, applied many times" form of {@link bestFitPdeTime}; same estimator).
 * Complexity O(J·m) time and memory for J snapshots and m balls in the window.
 *
 * @param ballZ - ball coordinates z_x = (x − 1)/(n − 1) (length n)
 * @param pde - grid `z` and snapshots `{ t, mu }` (a `meanFieldPde` result run with `times`)
 * @param window - interior window `zMin`/`zMax`
 * @throws InvalidTypeError / InvalidArgumentError for non-finite data, fewer than 4 snapshots,
 *   non-increasing times, mismatched grid lengths, or a window with < 2 balls or outside the grid
 * @example
 * ```ts
 * const fitter = pdeTimeFitter(ens.z, pde);
 * const fits = ens.mean.map((mean, j) => fitter.fit(mean, { sigma: ens.sigma[j], runs: ens.runs }));
 * ```
 */
export function pdeTimeFitter(ballZ: Vec, pde: PdeProfiles, window: PdeTimeFitWindow = {}): PdeTimeFitter {
  checkVec('ballZ', ballZ);
  checkAllFinite('ballZ', ballZ);
  const times = checkProfiles(pde);
  const zMin = checkInRange('zMin', window.zMin ?? 0.03, 0, 1);
  const zMax = checkInRange('zMax', window.zMax ?? 0.97, zMin, 1);
  const stencil = ballStencil(ballZ, pde.z, zMin, zMax);
  const m = stencil.ball.length;
  const J = times.length;
  const profiles = new Float64Array(J * m);
  for (let j = 0; j < J; j++) {
    const mu = pde.saved[j].state.mu;
    for (let p = 0; p < m; p++) {
      const k = stencil.node[p];
      const th = stencil.theta[p];
      profiles[j * m + p] = (1 - th) * mu[k] + th * mu[k + 1];
    }
  }
  const objective = new TimeFitObjective(times, profiles, new Float64Array(m), m);
  const g = new Float64Array(m);
  const value = (t: number): number => objective.value(t);
  return {
    balls: m,
    fit(mean: Vec, noise?: { sigma: Vec; runs: number }): PdeTimeFit {
      checkVec('mean', mean, ballZ.length);
      checkAllFinite('mean', mean);
      if (noise !== undefined) {
        checkVec('sigma', noise.sigma, ballZ.length);
        checkAllFinite('sigma', noise.sigma);
        checkInteger('runs', noise.runs, 2);
      }
      for (let p = 0; p < m; p++) objective.target[p] = mean[stencil.ball[p]];
      let best = 0;
      let bestValue = objective.valueAt(0);
      for (let j = 1; j < J; j++) {
        const v = objective.valueAt(j);
        if (v < bestValue) {
          best = j;
          bestValue = v;
        }
      }
      const lo = times[Math.max(best - 1, 0)];
      const hi = times[Math.min(best + 1, J - 1)];
      const tau = goldenSection(value, lo, hi);
      const edge = (hi - lo) * 1e-6;
      objective.sensitivity(tau, g);
      let G = 0;
      let variance = 0;
      for (let p = 0; p < m; p++) {
        G += g[p] * g[p];
        if (noise !== undefined) variance += (g[p] * noise.sigma[stencil.ball[p]]) ** 2 / noise.runs;
      }
      return {
        tau,
        standardError: noise === undefined ? Number.NaN : Math.sqrt(variance) / G,
        rmsResidual: Math.sqrt(objective.value(tau) / m),
        rmsSensitivity: Math.sqrt(G / m),
        balls: m,
        bracketed: tau - times[0] > edge && times[J - 1] - tau > edge,
      };
    },
  };
}

/**
 * The best-fit PDE time of one Monte Carlo mean profile (docs/billiards.md check 18): τ̂ minimizing
 * S(τ) = Σ_i (μ̂_i − μ_PDE(z_i, τ))² over the balls with z_i ∈ [zMin, zMax], where μ_PDE is
 * interpolated linearly in z and cubically in τ between the given snapshots (error O(Δz²) + O(Δτ⁴)),
 * with its Gauss–Newton standard error √(Σ g_i²σ̂_i²/R)/Σ g_i² (g = ∂μ_PDE/∂τ; see the module
 * comment). μ of (2.9) is dimensionless; τ is the PDE time of (2.9)–(2.10). Take snapshots dense
 * enough that S has a single minimum between neighbors of its best snapshot (e.g. every T/100).
 * For many profiles against the same snapshots use {@link pdeTimeFitter}.
 *
 * Complexity: O(J·m) to tabulate the J snapshots at the m balls, then O(m) per golden-section
 * evaluation (80 of them); memory O(J·m).
 *
 * @param mean - the ensemble mean μ̂ per ball (length n)
 * @param ballZ - ball coordinates z_x = (x − 1)/(n − 1) (length n)
 * @param pde - grid `z` and snapshots `{ t, mu }` (a `meanFieldPde` result run with `times`)
 * @param options - interior window `zMin`/`zMax`; `sigma` and `runs` for the standard error
 * @throws InvalidTypeError / InvalidArgumentError for mismatched lengths, non-finite data,
 *   fewer than 4 snapshots, non-increasing times, a window with < 2 balls or outside the grid,
 *   or only one of `sigma`/`runs`
 * @example
 * ```ts
 * const n = 200, lambda = lambdaForBalls(n);
 * const ens = pinnedBallsEnsemble({ n, runs: 400, seed: 1, times: [0.4 / lambda], orientation: 'reversed' });
 * const times = Array.from({ length: 150 }, (_, j) => (j + 1) / 100 / lambda);
 * const pde = meanFieldPde({ n, nodes: 801, orientation: 'reversed', stepper: 'imex' }, { saveAt: times });
 * const fit = bestFitPdeTime(ens.mean[0], ens.z, pde, { sigma: ens.sigma[0], runs: ens.runs });
 * fit.tau / ens.times[0]; // ≈ 1.01 at n = 200
 * ```
 */
export function bestFitPdeTime(mean: Vec, ballZ: Vec, pde: PdeProfiles, options: PdeTimeFitOptions = {}): PdeTimeFit {
  const { sigma, runs } = options;
  if ((sigma === undefined) !== (runs === undefined)) throw new InvalidArgumentError('sigma, runs', 'given together or not at all', runs);
  checkVec('mean', mean);
  checkVec('ballZ', ballZ, mean.length);
  const fitter = pdeTimeFitter(ballZ, pde, options);
  return fitter.fit(mean, sigma === undefined || runs === undefined ? undefined : { sigma, runs });
}

/**
 * {@link bestFitPdeTime} for every output time of a Monte Carlo ensemble, with the ratio τ̂/τ to
 * the mapped time τ = 2k/((n−1)²(n−2)) of the k collisions actually run (the requested time up to
 * the rounding of k) and its standard error (docs/billiards.md check 18). Output times
 * outside the snapshot range, or at τ = 0, give `bracketed: false` or a NaN ratio respectively.
 * Complexity O(J·m + |times|·(J + 80)·m).
 *
 * @param ensemble - a `pinnedBallsEnsemble` result (uses `z`, `times`, `mean`, `sigma`, `runs`)
 * @param pde - dense PDE snapshots of the same problem (same n, orientation and profiles)
 * @param options - interior window `zMin`/`zMax` (the ensemble supplies σ̂ and R)
 * @throws InvalidTypeError / InvalidArgumentError as {@link pdeTimeFitter}, and for an ensemble
 *   with fewer than 2 runs (no σ̂)
 * @example
 * ```ts
 * const fits = ensembleTimeFits(ens, pde);
 * fits.map((f) => f.ratio); // ≈ 1 within a few percent
 * ```
 */
export function ensembleTimeFits(ensemble: PinnedBallsEnsembleResult, pde: PdeProfiles, options: PdeTimeFitWindow = {}): EnsembleTimeFit[] {
  if (ensemble === null || typeof ensemble !== 'object' || !Array.isArray(ensemble.mean)) throw new InvalidTypeError('ensemble', 'a pinnedBallsEnsemble result', ensemble);
  const fitter = pdeTimeFitter(ensemble.z, pde, options);
  return ensemble.steps.map((k, j) => {
    const mappedTau = tauForSteps(k, ensemble.n);
    const fit = fitter.fit(ensemble.mean[j], { sigma: ensemble.sigma[j], runs: ensemble.runs });
    const ratio = mappedTau > 0 ? fit.tau / mappedTau : Number.NaN;
    return { ...fit, mappedTau, ratio, ratioStandardError: mappedTau > 0 ? fit.standardError / mappedTau : Number.NaN };
  });
}
