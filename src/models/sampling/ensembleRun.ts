/**
 * Shared run machinery of the ensemble samplers: history (means, covariance eigenvalues, step
 * sizes), `saveAt` records, the force norms of the adaptive step (thesis eq. (C.6.4)), and the
 * stepper skeleton with the shared status handling.
 *
 * @module
 */
import { checkAllFinite, checkFunction, checkInteger, checkOneOf } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { RunResult, RunStats, SavedState, Stepper } from '../../core/run';
import { checkRunOptions, checkSaveAt, type RunOptions } from '../../core/run';
import { RunWatch } from '../../core/progress';
import type { SolveStatus } from '../../core/status';
import type { DenseMatrix } from '../../core/types';
import { createMatrix } from '../../linalg/dense';
import { symmetricEigenDecomposition, symmetricSqrt } from '../../linalg/mlMatrixAdapter';
import type { Rng } from '../../random/rng';
import type { EnsembleKalmanWorkspace } from '../../stats/ensembleKalman';
import { checkDivergenceThreshold, type DivergenceMonitor } from './divergence';

/**
 * Norm |F| of the N×I force matrix in the adaptive step ε_j = ε/(a|F| + 1) (thesis eq. (C.6.4),
 * which leaves it unspecified): `'maxParticle'` max over particles of the Euclidean norm
 * (default; independent of I), `'rms'` root mean square of the particle norms, `'frobenius'` the
 * Frobenius norm over all particles (grows like √I).
 */
export type ForceNorm = 'maxParticle' | 'rms' | 'frobenius';

/** Accepted force norms. @internal */
export const FORCE_NORMS: readonly ForceNorm[] = ['maxParticle', 'rms', 'frobenius'];

/** |F| without checks (the samplers' hot path). @internal */
export function forceNormUnchecked(forces: Float64Array, members: number, dimension: number, norm: ForceNorm): number {
  let max = 0;
  let sum = 0;
  for (let i = 0; i < members; i++) {
    let s = 0;
    for (let a = 0; a < dimension; a++) s += forces[i * dimension + a] ** 2;
    sum += s;
    if (s > max) max = s;
  }
  if (norm === 'maxParticle') return Math.sqrt(max);
  if (norm === 'rms') return Math.sqrt(sum / members);
  return Math.sqrt(sum);
}

/**
 * |F| of forces F (I×N, particle per row) in the given {@link ForceNorm}. O(I·N).
 * @throws InvalidTypeError when `forces` is not a Float64Array; InvalidArgumentError for sizes that
 * are not positive integers, forces shorter than members·dimension, non-finite forces or an unknown norm
 * @example
 * ```ts
 * forceNorm(new Float64Array([3, 4, 0, 0]), 2, 2, 'maxParticle'); // 5
 * ```
 */
export function forceNorm(forces: Float64Array, members: number, dimension: number, norm: ForceNorm): number {
  if (!(forces instanceof Float64Array)) throw new InvalidTypeError('forces', 'a Float64Array (I×N, particle per row)', forces);
  const I = checkInteger('members', members, 1);
  const N = checkInteger('dimension', dimension, 1);
  checkOneOf('norm', norm, FORCE_NORMS);
  if (forces.length !== I * N) throw new InvalidArgumentError('forces', `of length members·dimension = ${I * N}`, `length ${forces.length}`);
  checkAllFinite('forces', forces);
  return forceNormUnchecked(forces, I, N, norm);
}

/** Scalar diagnostics over a sampler run, one entry per recorded iteration (0 = the initial ensemble). */
export interface EnsembleHistory {
  /** Iteration numbers of the records. */
  iteration: number[];
  /** Accumulated pseudo-time Σ step sizes. */
  time: number[];
  /** Step size taken to reach the record (0 for the initial record). */
  stepSize: number[];
  /** Ensemble mean q̄ (length N) at each record. */
  mean: Float64Array[];
  /** Eigenvalues of C_q in descending order at each record (empty arrays when not tracked). */
  covarianceEigenvalues: Float64Array[];
  /** tr C_q at each record (always tracked; O(N)). */
  covarianceTrace: number[];
}

/** Counters of an ensemble sampler run. */
export interface SamplerStats {
  /** Forward-map evaluations (one per particle per ensemble evaluation). */
  nforward: number;
  /** Gradient evaluations DΦ (gradient-based EKHMC). */
  ngradient: number;
}

/** The result of an ensemble sampler: `final` is the ensemble (I×N, particle per row). */
export type SamplerResult = RunResult<DenseMatrix, DenseMatrix, SamplerStats, EnsembleHistory>;

/** Options on what a sampler records. */
export interface RecordOptions {
  /** Record C_q's eigenvalues every iteration (an O(N³) symmetric eigensolve; default N ≤ 64). */
  trackEigenvalues?: boolean;
}

/** Descending eigenvalues of a symmetric N×N matrix. @internal */
export function descendingEigenvalues(C: DenseMatrix): Float64Array {
  const v = Float64Array.from(symmetricEigenDecomposition(C).values);
  return v.reverse();
}

/** How an iteration failed: the run's final status and a one-sentence message. */
export interface StepFailure {
  /** The status the run ends with. */
  status: SolveStatus;
  /** What happened (naming the particle for a non-finite forward output). */
  message: string;
}

/**
 * The common part of the sampler steppers (EKHMC, EKS, ALDI): counters, history, saveAt,
 * termination, and the synchronous ({@link EnsembleStepperBase.step}) and asynchronous
 * ({@link EnsembleStepperBase.stepAsync}) iteration. Subclasses implement `phases()` (one
 * iteration as a generator that yields for forward evaluations) and `forwardSync()`.
 * @example
 * ```ts
 * // every sampler stepper is one: drive any of them the same way
 * const run: EnsembleStepperBase = Math.random() < 0.5 ? initEks(problem) : initEkhmc(problem);
 * while (run.step()) {}
 * run.result().history.mean.at(-1);
 * ```
 */
export abstract class EnsembleStepperBase implements Stepper<SamplerResult> {
  /** `'running'` until the run ends, then its status. */
  status: SolveStatus | 'running' = 'running';
  /** Accumulated pseudo-time Σ step sizes. */
  t = 0;
  /** Counters so far. */
  readonly stats: RunStats & SamplerStats = { nsteps: 0, naccept: 0, nreject: 0, nfev: 0, nforward: 0, ngradient: 0 };
  /** @internal */
  protected message = '';
  /** @internal */
  protected readonly history: EnsembleHistory = { iteration: [], time: [], stepSize: [], mean: [], covarianceEigenvalues: [], covarianceTrace: [] };
  /** @internal */
  protected readonly saved: SavedState<DenseMatrix>[] = [];
  private readonly saveAt: Float64Array;
  private nextSave = 0;
  /** @internal */
  protected lastStep = 0;

  /** @internal */
  constructor(
    /** @internal */ protected readonly I: number,
    /** @internal */ protected readonly N: number,
    /** @internal */ protected readonly iterations: number,
    /** @internal */ protected readonly positions: Float64Array,
    /** @internal */ protected readonly ws: EnsembleKalmanWorkspace,
    /** @internal */ protected readonly trackEigenvalues: boolean,
    runOptions: RunOptions | undefined,
    /** @internal */ protected readonly label: string,
    private readonly divergence: DivergenceMonitor,
  ) {
    const ro = checkRunOptions(runOptions);
    this.saveAt = checkSaveAt('runOptions.saveAt', ro.saveAt, 0, iterations);
    divergence.every = ro.progressEvery ?? 64;
    divergence.start(positions, I);
  }

  /** Fraction of the requested iterations done. */
  get fraction(): number {
    return this.iterations === 0 ? 1 : this.stats.naccept / this.iterations;
  }

  /** Forward outputs (I×J), filled before each iteration continues past its forward evaluation. */
  abstract readonly outputs: Float64Array;

  /**
   * One iteration as a generator: it yields when `positions` need forward outputs (filled into
   * `outputs` by the driver, synchronously or by an asynchronous batch) and returns null on
   * success or a failure (state left at the last good one).
   */
  /** @internal */
  protected abstract phases(): Generator<void, StepFailure | null, void>;

  /** @internal */
  protected record(): void {
    const h = this.history;
    h.iteration.push(this.stats.naccept);
    h.time.push(this.t);
    h.stepSize.push(this.lastStep);
    h.mean.push(Float64Array.from(this.ws.mean));
    h.covarianceEigenvalues.push(this.trackEigenvalues ? descendingEigenvalues(this.ws.covariance) : new Float64Array(0));
    let tr = 0;
    for (let a = 0; a < this.N; a++) tr += this.ws.covariance.data[a * this.N + a];
    h.covarianceTrace.push(tr);
    while (this.nextSave < this.saveAt.length && this.saveAt[this.nextSave] <= this.stats.naccept) {
      this.saved.push({ t: this.stats.naccept, state: this.ensemble() });
      this.nextSave++;
    }
  }

  /** A copy of the current ensemble, I×N with one particle per row. */
  ensemble(): DenseMatrix {
    return createMatrix(this.I, this.N, Float64Array.from(this.positions));
  }

  /** Evaluate the forward map synchronously on `positions` into `outputs`. @internal */
  protected abstract forwardSync(): void;

  private begin(): boolean {
    if (this.status !== 'running') return false;
    if (this.stats.naccept >= this.iterations) {
      this.status = 'success';
      this.message = `${this.label}: ${this.iterations} iterations done`;
      return false;
    }
    this.stats.nsteps++;
    return true;
  }

  /** One iteration with the forward map evaluated synchronously; false once the run has ended. */
  step(): boolean {
    if (!this.begin()) return false;
    const g = this.phases();
    let r = g.next();
    while (r.done !== true) {
      this.forwardSync();
      r = g.next();
    }
    return this.end(r.value);
  }

  /**
   * {@link step} with the forward map evaluated by an asynchronous batch (e.g. worker threads):
   * `batch(positions, I, outputs)` must fill `outputs` (I×J) before its promise resolves. The
   * random numbers are drawn here, in the same order as {@link step}, so results do not depend on
   * how the batch is evaluated.
   */
  async stepAsync(batch: AsyncForwardBatch): Promise<boolean> {
    if (!this.begin()) return false;
    const g = this.phases();
    let r = g.next();
    while (r.done !== true) {
      await batch(this.positions, this.I, this.outputs);
      r = g.next();
    }
    return this.end(r.value);
  }

  private end(failure: StepFailure | null): boolean {
    if (failure !== null) {
      this.stats.nreject++;
      this.status = failure.status;
      this.message = failure.message;
      return false;
    }
    this.stats.naccept++;
    this.record();
    if (this.divergence.due(this.stats.naccept, this.iterations)) {
      const far = this.divergence.check(this.positions, this.I);
      if (far !== null) {
        this.status = 'diverged';
        this.message = `${this.label}: diverged at iteration ${this.stats.naccept}: ${far}; the ensemble of iteration ${this.stats.naccept} is returned`;
        return false;
      }
    }
    if (this.stats.naccept >= this.iterations) {
      this.status = 'success';
      this.message = `${this.label}: ${this.iterations} iterations done`;
    }
    return true;
  }

  /** End the run early with the given status and message. */
  stop(status: SolveStatus, message: string): void {
    if (this.status !== 'running') return;
    this.status = status;
    this.message = message;
  }

  /** The last step size, for progress reports. */
  progressExtras(): Record<string, number> {
    return { stepSize: this.lastStep };
  }

  /** The result so far (final once the run has ended). */
  result(): SamplerResult {
    return {
      status: this.status === 'running' ? 'maxSteps' : this.status,
      message: this.status === 'running' ? `${this.label}: stopped after ${this.stats.naccept} of ${this.iterations} iterations` : this.message,
      stats: { ...this.stats },
      final: this.ensemble(),
      saved: this.saved.slice(),
      history: {
        iteration: this.history.iteration.slice(),
        time: this.history.time.slice(),
        stepSize: this.history.stepSize.slice(),
        mean: this.history.mean.slice(),
        covarianceEigenvalues: this.history.covarianceEigenvalues.slice(),
        covarianceTrace: this.history.covarianceTrace.slice(),
      },
    };
  }
}

/** A forward map over the whole ensemble evaluated asynchronously: fills `outputs` (I×J) from `positions` (I×N). */
export type AsyncForwardBatch = (positions: Float64Array, members: number, outputs: Float64Array) => Promise<void>;

/**
 * Run a sampler stepper (`initEkhmc`, `initEks`, `initAldi`) to its end with the forward map
 * evaluated by an asynchronous batch — the way to spread forward solves over worker threads
 * (`singularis/node`). Same run options, statuses and results as the one-call samplers, and, the
 * randomness being drawn by the stepper, the same numbers as the synchronous run.
 * @example
 * ```ts
 * const r = await runSamplerAsync(initEkhmc(problem), async (q, I, out) => { … fill out … });
 * ```
 */
export function runSamplerAsync(stepper: EnsembleStepperBase, batch: AsyncForwardBatch, options: RunOptions = {}): Promise<SamplerResult> {
  if (!(stepper instanceof EnsembleStepperBase)) throw new InvalidTypeError('stepper', 'a sampler stepper from initEkhmc, initEks or initAldi', stepper);
  checkFunction('batch', batch);
  const watch = new RunWatch(checkRunOptions(options));
  return runStepperAsync(stepper, batch, watch);
}

async function runStepperAsync(stepper: EnsembleStepperBase, batch: AsyncForwardBatch, watch: RunWatch): Promise<SamplerResult> {
  if (watch.aborted) {
    stepper.stop('aborted', 'aborted by the signal before the first step');
    return stepper.result();
  }
  while (await stepper.stepAsync(batch)) {
    if (watch.tick(stepper.stats.naccept, stepper.fraction, stepper.t, () => stepper.progressExtras())) {
      if (stepper.status === 'running') stepper.stop('aborted', `aborted by the signal at iteration ${stepper.stats.naccept}`);
      break;
    }
  }
  watch.finish(stepper.stats.naccept, stepper.fraction, stepper.t, stepper.progressExtras());
  return stepper.result();
}

/** Validate `iterations`, `forceNorm`, `trackEigenvalues`, `ddof`, `divergenceThreshold`. @internal */
export function checkCommon(o: { iterations?: number; forceNorm?: ForceNorm; trackEigenvalues?: boolean; ddof?: number; divergenceThreshold?: number }, N: number): { iterations: number; forceNorm: ForceNorm; trackEigenvalues: boolean; ddof: number; divergenceThreshold: number } {
  return {
    divergenceThreshold: checkDivergenceThreshold('problem.divergenceThreshold', o.divergenceThreshold),
    iterations: checkInteger('problem.iterations', o.iterations ?? 200, 0),
    forceNorm: o.forceNorm === undefined ? 'maxParticle' : checkOneOf('problem.forceNorm', o.forceNorm, FORCE_NORMS),
    trackEigenvalues: o.trackEigenvalues ?? N <= 64,
    ddof: checkInteger('problem.ddof', o.ddof ?? 0, 0, 1),
  };
}

/**
 * How the samplers draw N(0, C_q) noise for each particle:
 * - `'ensemble'` — Qξ/√I with ξ ∈ Rᴵ (thesis §C.1, after eq. (C.1.9b)); affine invariant path by
 *   path; I normals and O(I·N) flops per particle, so O(I²) per iteration.
 * - `'ensembleFactor'` (the default) — Rᵀζ with Qᵀ/√I = UR (thin Householder QR) and ζ ∈ R^{min(I,N)}: exactly the
 *   same law given the ensemble (in the ensemble span, no Cholesky of C_q, fine for I ≤ N) at
 *   O(I·N²) per iteration; affine invariant in law.
 * - `'symmetricSqrt'` — C_q^{1/2}ζ, ζ ∈ Rᴺ (the [EKP] convention; symmetric eigensolve, O(N³)).
 */
export type NoiseSqrt = 'ensemble' | 'ensembleFactor' | 'symmetricSqrt';

/** Accepted {@link NoiseSqrt} values. @internal */
export const NOISE_SQRTS: readonly NoiseSqrt[] = ['ensemble', 'ensembleFactor', 'symmetricSqrt'];

/**
 * Fill `out` (I×N) with one N(0, C_q) draw per particle from the current workspace. `xi` has
 * length I, `zeta` length N. @internal
 */
export function drawEnsembleNoise(ws: EnsembleKalmanWorkspace, kind: NoiseSqrt, rng: Rng, out: Float64Array, xi: Float64Array, zeta: Float64Array): void {
  const I = ws.members;
  const N = ws.dimension;
  if (kind === 'ensemble') {
    for (let i = 0; i < I; i++) {
      rng.fillNormal(xi);
      ws.noise(xi, out, i * N);
    }
    return;
  }
  if (kind === 'ensembleFactor') {
    const k = ws.noiseFactor();
    for (let i = 0; i < I; i++) {
      rng.fillNormal(zeta, k);
      ws.factorNoise(zeta, out, i * N);
    }
    return;
  }
  const S = symmetricSqrt(ws.covariance).data;
  for (let i = 0; i < I; i++) {
    rng.fillNormal(zeta);
    for (let a = 0; a < N; a++) {
      let s = 0;
      for (let b = 0; b < N; b++) s += S[a * N + b] * zeta[b];
      out[i * N + a] = s;
    }
  }
}
