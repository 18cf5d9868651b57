/**
 * Monte Carlo ensembles of the pinned-balls model (source, Section 3): per-ball mean and
 * standard deviation at PDE output times, with mergeable per-block accumulators so that a
 * single thread and any number of workers give bit-identical results (see `ensemblePlan`).
 *
 * @module
 */
import { InvalidTypeError } from '../../core/errors';
import { RunWatch, type LongRunOptions } from '../../core/progress';
import { checkRunOptions, type RunOptions, type RunResult } from '../../core/run';
import { allFinite, type SolveStatus } from '../../core/status';
import { streams, type Rng } from '../../random/rng';
import { VectorWelfordAccumulator, type VectorWelfordJSON } from '../../stats/vectorWelford';
import { drawInitialVelocities } from './initialData';
import { blockRuns, planPinnedBallsEnsemble, type EnsemblePlan, type PinnedBallsEnsembleOptions } from './ensemblePlan';
import { freezeTime, type FreezeOptions, type FreezeResult } from './freeze';
import { pinnedBallsSteps } from './pinnedBallsSteps';
import { lambdaForBalls } from './timeMap';

/** Collisions between two abort/progress checks. */
const CHUNK_STEPS = 1 << 17;

/** Status of a Monte Carlo computation. */
export type EnsembleStatus = Extract<SolveStatus, 'success' | 'aborted' | 'nonFinite'>;

/** The statistics of one block of runs (or of several merged blocks). */
export interface EnsembleBlock {
  /** First block index covered. */
  firstBlock: number;
  /** Number of blocks covered. */
  blocks: number;
  /** Runs accumulated. */
  runs: number;
  /** `success`, or why the block stopped early (its completed runs are still accumulated). */
  status: EnsembleStatus;
  /** One accumulator per output time (shift μ0(z), fixed). */
  accumulators: VectorWelfordAccumulator[];
  /** Raw velocities per kept time: row r − firstRun of a runs×n row-major array. */
  raw: Float64Array[];
  /** First run index of the covered blocks. */
  firstRun: number;
}

/** Serializable form of an {@link EnsembleBlock} (for worker threads). */
export interface EnsembleBlockJSON {
  /** See {@link EnsembleBlock}. */
  firstBlock: number;
  /** See {@link EnsembleBlock}. */
  blocks: number;
  /** See {@link EnsembleBlock}. */
  runs: number;
  /** See {@link EnsembleBlock}. */
  status: EnsembleStatus;
  /** Accumulators as JSON. */
  accumulators: VectorWelfordJSON[];
  /** See {@link EnsembleBlock}. */
  raw: Float64Array[];
  /** See {@link EnsembleBlock}. */
  firstRun: number;
}

/** A block with no runs yet (block b, room for its raw rows). O(|times|·n). */
export function emptyEnsembleBlock(plan: EnsemblePlan, block: number): EnsembleBlock {
  const { first, end } = blockRuns(plan, block);
  return {
    firstBlock: block,
    blocks: 1,
    runs: 0,
    status: 'success',
    accumulators: plan.steps.map(() => new VectorWelfordAccumulator(plan.n, plan.mean0)),
    raw: plan.rawIndices.map(() => new Float64Array((end - first) * plan.n)),
    firstRun: first,
  };
}

/**
 * Advance one run from collision step `from` to `to` in chunks, checking the watch between
 * chunks. Returns false when the signal fired.
 */
export function advanceRun(v: Float64Array, rng: Rng, from: number, to: number, watch: RunWatch, onChunk: (done: number) => void): boolean {
  for (let k = from; k < to; ) {
    const chunk = Math.min(CHUNK_STEPS, to - k);
    pinnedBallsSteps(v, chunk, rng);
    k += chunk;
    onChunk(chunk);
    if (watch.tick(k, Number.NaN)) return false;
  }
  return true;
}

/**
 * Simulate the runs of block b of a plan: for each run r, v(0) = μ0 + σ0·ξ from stream r, then
 * collisions up to each output time; every snapshot is pushed into that time's accumulator and,
 * where asked, copied into the raw arrays. Stops at the first non-finite snapshot
 * (`nonFinite`) or when the signal fires (`aborted`; the interrupted run is discarded).
 * Cost: O(Σ_r k_last + R_b·n·|times|).
 *
 * @param plan - from `planPinnedBallsEnsemble`
 * @param block - block index in [0, plan.blockCount)
 * @param options - signal; `onProgress` receives the fraction of this block's collisions done
 * @example
 * ```ts
 * const b0 = simulateEnsembleBlock(plan, 0);
 * ```
 */
export function simulateEnsembleBlock(plan: EnsemblePlan, block: number, options: LongRunOptions = {}): EnsembleBlock {
  const { first, end } = blockRuns(plan, block);
  const { n, steps } = plan;
  const out = emptyEnsembleBlock(plan, block);
  const { accumulators, raw } = out;
  const watch = new RunWatch({ ...options, progressEvery: 1 });
  const total = (end - first) * steps[steps.length - 1];
  let done = 0;
  const onChunk = (chunk: number): void => {
    done += chunk;
    options.onProgress?.({ fraction: total > 0 ? done / total : 1, step: done });
  };
  const v = new Float64Array(n);
  const snapshots = new Float64Array(steps.length * n);
  const rngs = streams(plan.seed, first);
  for (let r = first; r < end; r++) {
    const rng = rngs.next().value;
    drawInitialVelocities(plan.mean0, plan.sigma0, rng, v);
    let k = 0;
    for (let j = 0; j < steps.length; j++) {
      if (!advanceRun(v, rng, k, steps[j], watch, onChunk)) {
        out.status = 'aborted';
        return out;
      }
      k = steps[j];
      if (!allFinite(v)) {
        out.status = 'nonFinite';
        return out;
      }
      snapshots.set(v, j * n);
    }
    // the run is complete: record all its snapshots at once, so an interrupted run leaves no trace
    for (let j = 0; j < steps.length; j++) accumulators[j].push(snapshots, 1, j * n);
    for (let q = 0; q < raw.length; q++) raw[q].set(snapshots.subarray(plan.rawIndices[q] * n, (plan.rawIndices[q] + 1) * n), (r - first) * n);
    out.runs++;
  }
  return out;
}

/** Convert a block to plain data for `postMessage`. O(|times|·n). */
export function ensembleBlockToJSON(block: EnsembleBlock): EnsembleBlockJSON {
  return { ...block, accumulators: block.accumulators.map((a) => a.toJSON()) };
}

/** Rebuild a block from {@link ensembleBlockToJSON} output. O(|times|·n). */
export function ensembleBlockFromJSON(json: EnsembleBlockJSON): EnsembleBlock {
  return { ...json, accumulators: json.accumulators.map((a) => VectorWelfordAccumulator.fromJSON(a)) };
}

/**
 * Fold block `next` (the block right after those in `total`) into `total`, in place: Chan merges
 * of the accumulators and concatenation of the raw rows. Folding blocks 0, 1, 2, … in order is
 * the one reduction used by every execution path. O(|times|·n).
 */
export function mergeEnsembleBlock(plan: EnsemblePlan, total: EnsembleBlock, next: EnsembleBlock): EnsembleBlock {
  for (let j = 0; j < total.accumulators.length; j++) total.accumulators[j].merge(next.accumulators[j]);
  for (let q = 0; q < total.raw.length; q++) {
    if (total.raw[q].length < plan.runs * plan.n) {
      const grown = new Float64Array(plan.runs * plan.n); // once: room for every run
      grown.set(total.raw[q].subarray(0, total.runs * plan.n));
      total.raw[q] = grown;
    }
    total.raw[q].set(next.raw[q].subarray(0, next.runs * plan.n), total.runs * plan.n);
  }
  total.runs += next.runs;
  total.blocks += next.blocks;
  if (total.status === 'success') total.status = next.status;
  return total;
}

/** The ensemble statistics at one output time. */
export interface EnsembleState {
  /** Per ball: the ensemble mean μ̂. */
  mean: Float64Array;
  /** Per ball: the standard deviation σ̂ (ddof = 1). */
  sigma: Float64Array;
}

/**
 * The ensemble statistics at the output times: the shared run result (`saved` = μ̂, σ̂ at each
 * output time, `final` = those at the last one, `history` = ∫σ̂² and max σ̂ over the times,
 * `stats.nsteps`/`nfev` = collisions simulated) plus the per-time arrays.
 */
/** Extra counter of {@link PinnedBallsEnsembleResult}. */
export interface EnsembleStats {
  /** Monte Carlo runs accumulated. */
  runs: number;
}

export interface PinnedBallsEnsembleResult extends RunResult<EnsembleState, EnsembleState, EnsembleStats, EnsembleHistory> {
  /** `success`, `aborted` (statistics of the completed runs) or `nonFinite`. */
  status: EnsembleStatus;
  /** Number of balls. */
  n: number;
  /** λ = (n−1)/(2√π) of the matching PDE ((2.8)). */
  lambda: number;
  /** Completed runs (= requested runs on success). */
  runs: number;
  /** Output times τ (sorted, distinct). */
  times: number[];
  /** Collision steps of each output time. */
  steps: number[];
  /** Ball coordinates z_x = (x−1)/(n−1). */
  z: Float64Array;
  /** Per output time: the per-ball ensemble mean μ̂. */
  mean: Float64Array[];
  /** Per output time: the per-ball standard deviation σ̂ (unbiased variance, ddof = 1). */
  sigma: Float64Array[];
  /** Per output time: ∫σ̂² dz by the trapezoid rule over the balls (input of the freeze detector). */
  sigmaSquaredIntegral: Float64Array;
  /** Per output time: max over balls of σ̂. */
  maxSigma: Float64Array;
  /** Raw velocities at the requested raw times: `{ time, values }`, values runs×n row-major. */
  raw: {
    /** The output time τ of these values (one of `times`). */
    time: number;
    /** Velocities of the completed runs, runs×n row-major: `values[r·n + i]` is ball i + 1 of run r. */
    values: Float64Array;
  }[];
  /** The merged accumulators (merge further ensembles into them). */
  accumulators: VectorWelfordAccumulator[];
}

/** Scalars over the output times of an ensemble. */
export interface EnsembleHistory {
  /** Output times τ. */
  t: number[];
  /** ∫σ̂² dz at each time. */
  sigmaSquaredIntegral: Float64Array;
  /** max σ̂ at each time. */
  maxSigma: Float64Array;
}

/** Turn the merged blocks into the result (means, σ̂, ∫σ̂², max σ̂). O(|times|·n). */
export function finishEnsemble(plan: EnsemblePlan, total: EnsembleBlock): PinnedBallsEnsembleResult {
  const { n } = plan;
  const h = 1 / (n - 1);
  const mean: Float64Array[] = [];
  const sigma: Float64Array[] = [];
  const integral = new Float64Array(plan.times.length);
  const maxSigma = new Float64Array(plan.times.length);
  for (let j = 0; j < plan.times.length; j++) {
    const acc = total.accumulators[j];
    mean.push(acc.mean());
    const s = acc.variance();
    let sum = 0.5 * (s[0] + s[n - 1]);
    for (let i = 1; i < n - 1; i++) sum += s[i];
    integral[j] = sum * h;
    let mx = 0;
    for (let i = 0; i < n; i++) {
      s[i] = Math.sqrt(s[i]);
      if (s[i] > mx) mx = s[i];
    }
    sigma.push(s);
    maxSigma[j] = total.runs > 1 ? mx : Number.NaN;
  }
  const collisions = total.runs * (plan.steps.length > 0 ? plan.steps[plan.steps.length - 1] : 0);
  const last = plan.times.length - 1;
  return {
    status: total.status,
    message: total.status === 'success' ? `${total.runs} runs done` : total.status === 'aborted' ? `aborted after ${total.runs} of ${plan.runs} runs` : `a run produced a non-finite velocity; ${total.runs} runs accumulated`,
    stats: { nsteps: collisions, naccept: collisions, nreject: 0, nfev: collisions, runs: total.runs },
    final: { mean: mean[last], sigma: sigma[last] },
    saved: plan.times.map((t, j) => ({ t, state: { mean: mean[j], sigma: sigma[j] } })),
    history: { t: plan.times.slice(), sigmaSquaredIntegral: integral, maxSigma },
    n,
    lambda: lambdaForBalls(n),
    runs: total.runs,
    times: plan.times.slice(),
    steps: plan.steps.slice(),
    z: plan.z,
    mean,
    sigma,
    sigmaSquaredIntegral: integral,
    maxSigma,
    raw: plan.rawIndices.map((j, q) => ({ time: plan.times[j], values: total.raw[q].subarray(0, total.runs * n) })),
    accumulators: total.accumulators,
  };
}

/**
 * A pinned-balls Monte Carlo ensemble in this thread (source, Section 3; docs/billiards.md): R runs of the
 * model from v(x,0) = μ0(z) + σ0(z)ξ, observed at the PDE times τ_j (k_j = round(τ_j(n−1)²(n−2)/2)
 * collisions). Bit-identical to `pinnedBallsEnsembleInWorkers` of `singularis/node` with the
 * same options. Cost O(R·k_last) collisions (≈ 10⁷ per second per core).
 *
 * @param problem - n, runs, seed, profiles/orientation, raw times, block size
 * @param longRun - `saveAt` (the output PDE times, strictly increasing; `problem.times` is still
 *   read when it is absent), signal (status `'aborted'` with the completed runs) and progress
 * @throws InvalidArgumentError / InvalidTypeError for invalid options, before any work
 * @example
 * ```ts
 * const res = pinnedBallsEnsemble({ n: 200, runs: 200, seed: 7, orientation: 'reversed' }, { saveAt: [2e-3, 1e-2], signal });
 * res.status; res.stats.nfev; res.final.sigma; // σ̂ per ball at τ = 0.01
 * ```
 */
export function pinnedBallsEnsemble(problem: Omit<PinnedBallsEnsembleOptions, 'times'> & { times?: ArrayLike<number> }, longRun: RunOptions = {}): PinnedBallsEnsembleResult {
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'an object { n, runs, seed, … }', problem);
  checkRunOptions(longRun);
  const times = longRun.saveAt ?? problem.times;
  if (times === undefined) throw new InvalidTypeError('runOptions.saveAt', 'an array of output times', times);
  const options: PinnedBallsEnsembleOptions = { ...problem, times };
  const plan = planPinnedBallsEnsemble(options);
  let total: EnsembleBlock | undefined;
  for (let b = 0; b < plan.blockCount; b++) {
    const onProgress = longRun.onProgress;
    const block = simulateEnsembleBlock(plan, b, {
      signal: longRun.signal,
      onProgress: onProgress && ((info) => onProgress({ ...info, fraction: (b + info.fraction) / plan.blockCount })),
    });
    total = total === undefined ? block : mergeEnsembleBlock(plan, total, block);
    if (total.status !== 'success') break;
  }
  return finishEnsemble(plan, total as EnsembleBlock);
}

/**
 * The Monte Carlo freeze time (docs/billiards.md): the freeze detector `freezeTime` applied to
 * ∫σ̂² dz over the ensemble's output times (use a fine time scan). Returns the detector's result
 * (status `'noFreeze'` and time null when nothing freezes, as in the printed orientation).
 *
 * @param result - an ensemble with at least two output times
 * @param options - `fraction` f of the peak (default 0.01)
 * @example
 * ```ts
 * ensembleFreezeTime(res).time; // ≈ 1/λ in the reversed orientation
 * ```
 */
export function ensembleFreezeTime(result: PinnedBallsEnsembleResult, options: FreezeOptions = {}): FreezeResult {
  return freezeTime(result.times, result.sigmaSquaredIntegral, options);
}
