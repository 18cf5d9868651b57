/**
 * Divergence detection of the ensemble samplers (EKS, ALDI, EKHMC): a run whose ensemble leaves
 * every plausible region of the posterior ends with status `'diverged'` instead of `'success'`.
 *
 * The statistic is the largest squared prior (Mahalanobis) distance of a particle per dimension,
 *
 *   D(q) = max_i ‖q⁽ⁱ⁾ − m0‖²_Γ0 / N,   ‖x‖²_Γ0 = xᵀΓ0⁻¹x,
 *
 * which has mean 1 for one draw of the prior N(m0, Γ0) (thesis §C.1, eq. (C.2.1)). The run diverges
 * when D exceeds `divergenceThreshold` × max(1, D(initial ensemble)): a particle has gone √threshold
 * times farther, in prior standard deviations, than both the prior's typical draw and the farthest
 * particle of the initial ensemble. D is invariant under the affine maps q ↦ Aq + b that the
 * samplers are invariant under (when the prior is mapped with them), needs no eigensolve, and is
 * checked only every `progressEvery` iterations and at the last one, so its O(I·N) (diagonal Γ0)
 * or O(I·N²) (factored Γ0) cost is negligible against the iterations in between.
 *
 * @module
 */
import { checkAllFinite, checkInteger, checkVec } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { CovarianceOperator } from '../../linalg/covarianceOperator';
import { MAX_DIMENSION, MAX_ENSEMBLE_ENTRIES } from './problem';

/**
 * Options of the divergence check of the ensemble samplers (part of `EkhmcProblem` and `EksProblem`).
 * @example
 * ```ts
 * const r = ekhmc({ ...lowDimensionalProblem(), ensemble: lowDimensionalInitialEnsemble(10, 8), gamma: 1, iterations: 100, seed: 8 });
 * r.status; // 'diverged' (with divergenceThreshold: Infinity: 'success')
 * ```
 */
export interface DivergenceOptions {
  /**
   * The run ends with status `'diverged'` when max_i ‖q⁽ⁱ⁾ − m0‖²_Γ0/N exceeds this multiple of
   * max(1, its value at the initial ensemble), checked every `progressEvery` iterations and at the
   * last one. A number > 1; default {@link DEFAULT_DIVERGENCE_THRESHOLD} = 10⁴ (a particle 100 prior
   * standard deviations out); `Infinity` disables the check.
   */
  divergenceThreshold?: number;
}

/**
 * Default of {@link DivergenceOptions.divergenceThreshold}: 10⁴, i.e. a particle 100 prior standard
 * deviations farther out than both a prior draw and the initial ensemble's farthest particle.
 * @example
 * ```ts
 * eks({ ...problem, divergenceThreshold: 10 * DEFAULT_DIVERGENCE_THRESHOLD });
 * ```
 */
export const DEFAULT_DIVERGENCE_THRESHOLD = 1e4;

/**
 * Validate `divergenceThreshold`: a number > 1 (finite, or `Infinity` to disable); undefined gives
 * {@link DEFAULT_DIVERGENCE_THRESHOLD}.
 * @throws InvalidTypeError for a non-number; InvalidArgumentError for NaN, −Infinity or a value ≤ 1
 * @example
 * ```ts
 * checkDivergenceThreshold('problem.divergenceThreshold', undefined); // 1e4
 * checkDivergenceThreshold('problem.divergenceThreshold', Infinity);  // Infinity (check off)
 * ```
 */
export function checkDivergenceThreshold(name: string, value: unknown): number {
  if (value === undefined) return DEFAULT_DIVERGENCE_THRESHOLD;
  if (typeof value !== 'number') throw new InvalidTypeError(name, 'a number > 1 (Infinity disables the check)', value);
  if (!(value > 1)) throw new InvalidArgumentError(name, 'a number > 1 (Infinity disables the check)', value);
  return value;
}

/**
 * The farthest particle of an ensemble in prior units (see {@link farthestParticle}).
 * @example
 * ```ts
 * const { particle, distance } = farthestParticle(q, I, N, m0, prior);
 * ```
 */
export interface FarthestParticle {
  /** Index of the particle (its row in the I×N ensemble). */
  particle: number;
  /** ‖q⁽ⁱ⁾ − m0‖²_Γ0 / N of that particle. */
  distance: number;
}

/**
 * The particle with the largest ‖q⁽ⁱ⁾ − m0‖²_Γ0/N of an I×N ensemble (particle per row): the
 * statistic of the samplers' divergence check. O(I·N) for a diagonal Γ0, O(I·N²) otherwise.
 * @throws InvalidTypeError when positions or priorMean are not Float64Arrays of lengths I·N and N
 *   or prior is not a covariance operator of dimension N; InvalidArgumentError for sizes that are
 *   not positive integers or non-finite positions
 * @example
 * ```ts
 * const prior = covarianceOperator('prior', 4, 1);
 * farthestParticle(new Float64Array([1, -6]), 2, 1, new Float64Array(1), prior); // { particle: 1, distance: 9 }
 * ```
 */
export function farthestParticle(positions: Float64Array, members: number, dimension: number, priorMean: Float64Array, prior: CovarianceOperator): FarthestParticle {
  const I = checkInteger('members', members, 1, MAX_ENSEMBLE_ENTRIES);
  const N = checkInteger('dimension', dimension, 1, MAX_DIMENSION);
  checkVec('positions', positions, I * N);
  checkVec('priorMean', priorMean, N);
  if (!(prior instanceof CovarianceOperator) || prior.dimension !== N) throw new InvalidTypeError('prior', `a covariance operator of dimension ${N} (covarianceOperator)`, prior);
  checkAllFinite('positions', positions);
  checkAllFinite('priorMean', priorMean);
  return farthestParticleUnchecked(positions, I, N, priorMean, prior, new Float64Array(N));
}

/**
 * {@link farthestParticle} without checks; returns the first particle whose distance is not finite
 * (±Infinity or NaN) if any. `work` (length N) is scratch. @internal
 */
export function farthestParticleUnchecked(positions: Float64Array, members: number, dimension: number, priorMean: Float64Array, prior: CovarianceOperator, work: Float64Array): FarthestParticle {
  let best = 0;
  let value = -1;
  for (let i = 0; i < members; i++) {
    for (let a = 0; a < dimension; a++) work[a] = positions[i * dimension + a] - priorMean[a];
    const d = prior.normSquared(work) / dimension;
    if (d - d !== 0) return { particle: i, distance: d }; // ±Infinity or NaN
    if (d > value) {
      value = d;
      best = i;
    }
  }
  return { particle: best, distance: value };
}

/** The state of a sampler's divergence check. @internal */
export class DivergenceMonitor {
  /** max(1, D at the initial ensemble), set by {@link DivergenceMonitor.start}. */
  reference = 1;
  /** Iterations between checks (the run's `progressEvery`). */
  every = 64;
  private readonly work: Float64Array;

  constructor(
    private readonly priorMean: Float64Array,
    private readonly prior: CovarianceOperator,
    /** The accepted multiple of the reference (Infinity = off). */
    readonly threshold: number,
  ) {
    this.work = new Float64Array(priorMean.length);
  }

  /** Record the reference from the initial ensemble. */
  start(positions: Float64Array, members: number): void {
    if (this.threshold === Infinity) return;
    const d = farthestParticleUnchecked(positions, members, this.priorMean.length, this.priorMean, this.prior, this.work).distance;
    this.reference = d > 1 ? d : 1;
  }

  /** Whether iteration `k` of `iterations` is a check point. */
  due(k: number, iterations: number): boolean {
    return this.threshold !== Infinity && (k % this.every === 0 || k >= iterations);
  }

  /** null when the ensemble is within the bound, else what went wrong (one clause, no label). */
  check(positions: Float64Array, members: number): string | null {
    const N = this.priorMean.length;
    const far = farthestParticleUnchecked(positions, members, N, this.priorMean, this.prior, this.work);
    const limit = this.threshold * this.reference;
    if (far.distance <= limit) return null;
    const what = far.distance - far.distance !== 0 ? 'has a non-finite coordinate' : `is at squared prior distance ‖q − m0‖²_Γ0/N = ${far.distance.toPrecision(4)}`;
    return `particle ${far.particle} ${what}, beyond divergenceThreshold ${this.threshold} × ${this.reference.toPrecision(4)} (the larger of 1 and the initial ensemble's farthest particle; checked every ${this.every} iterations)`;
  }
}
