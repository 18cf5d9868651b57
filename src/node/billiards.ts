/**
 * Worker-thread runner of pinned-balls Monte Carlo ensembles (`singularis/billiards`): the same
 * plan, blocks and in-order block merge as `pinnedBallsEnsemble` / `whiteNoiseDiagnostics`, so
 * the results are bit-identical to the single-thread run for the same options, whatever the
 * number of workers.
 *
 * @module
 */
import { dirname, extname, join } from 'node:path';
import { InvalidArgumentError } from '../core/errors';
import type { LongRunOptions } from '../core/progress';
import {
  emptyEnsembleBlock,
  ensembleBlockFromJSON,
  finishEnsemble,
  mergeEnsembleBlock,
  type EnsembleBlock,
  type EnsembleBlockJSON,
  type PinnedBallsEnsembleResult,
} from '../models/billiards/ensemble';
import { planPinnedBallsEnsemble, type EnsemblePlan, type PinnedBallsEnsembleOptions } from '../models/billiards/ensemblePlan';
import {
  emptyWhiteNoiseBlock,
  finishWhiteNoise,
  mergeWhiteNoiseBlock,
  planWhiteNoise,
  type WhiteNoiseBlock,
  type WhiteNoiseDiagnostics,
  type WhiteNoiseOptions,
} from '../models/billiards/whiteNoise';
import { mapInWorkers } from './workerMap';
import type { EnsembleBlockTask, WhiteNoiseBlockTask } from './billiardsTask';

/** Options of the worker-thread runner. */
export interface BilliardsWorkerOptions extends LongRunOptions {
  /** Number of worker threads (default: available parallelism). */
  workers?: number;
  /**
   * Path or `file:` URL of the compiled task module `billiardsTask` (.js/.cjs, or .ts with
   * `preload: 'tsx/cjs'`). Default: the `billiardsTask` file next to this module (the built
   * package ships it beside `singularis/node` in both module formats).
   */
  taskModule?: string | URL;
  /** Require hook for the workers (default `'tsx/cjs'` when the task module is a .ts file). */
  preload?: string;
}

function resolveTaskModule(options: BilliardsWorkerOptions): { module: string | URL; preload?: string } {
  let module = options.taskModule;
  if (module === undefined) {
    if (typeof __filename !== 'string') throw new InvalidArgumentError('options.taskModule', 'given when running as an ES module (the path of billiardsTask.js)');
    const ext = extname(__filename);
    module = join(dirname(__filename), `billiardsTask${ext}`);
  }
  const path = module instanceof URL ? module.pathname : module;
  return { module, preload: options.preload ?? (path.endsWith('.ts') ? 'tsx/cjs' : undefined) };
}

/** Merge the contiguous prefix of finished blocks, in block order. */
function foldInOrder<B>(results: (B | undefined)[], merge: (total: B, next: B) => B): { total: B | undefined; complete: boolean } {
  let total: B | undefined;
  for (const block of results) {
    if (block === undefined) return { total, complete: false };
    total = total === undefined ? block : merge(total, block);
  }
  return { total, complete: true };
}

/**
 * `pinnedBallsEnsemble` on worker threads: one task per block of runs, merged in block order.
 * Bit-identical to the single-thread result. When aborted, the statistics of the contiguous
 * prefix of completed blocks are returned with status `'aborted'`.
 *
 * @example
 * ```ts
 * const res = await pinnedBallsEnsembleInWorkers({ n: 1000, runs: 2000, seed: 1, times: [1e-4] }, { workers: 2 });
 * ```
 */
export async function pinnedBallsEnsembleInWorkers(
  options: PinnedBallsEnsembleOptions,
  workerOptions: BilliardsWorkerOptions = {},
): Promise<{
  /** The validated plan of the ensemble (pass it on to {@link whiteNoiseDiagnosticsInWorkers}). */
  plan: EnsemblePlan;
  /** The merged ensemble statistics, bit-identical to `pinnedBallsEnsemble(options)`. */
  result: PinnedBallsEnsembleResult;
}> {
  const plan = planPinnedBallsEnsemble(options);
  const { module, preload } = resolveTaskModule(workerOptions);
  const tasks: EnsembleBlockTask[] = Array.from({ length: plan.blockCount }, (_, block) => ({ plan, block }));
  const run = await mapInWorkers<EnsembleBlockTask, EnsembleBlockJSON>({
    module,
    exportName: 'ensembleBlockTask',
    tasks,
    workers: Math.min(workerOptions.workers ?? Number.MAX_SAFE_INTEGER, tasks.length),
    preload,
    signal: workerOptions.signal,
    onProgress: workerOptions.onProgress,
  });
  const blocks = run.results.map((b) => (b === undefined ? undefined : ensembleBlockFromJSON(b)));
  const { total, complete } = foldInOrder<EnsembleBlock>(blocks, (a, b) => mergeEnsembleBlock(plan, a, b));
  const merged = total ?? emptyEnsembleBlock(plan, 0);
  if (!complete && merged.status === 'success') merged.status = 'aborted';
  return { plan, result: finishEnsemble(plan, merged) };
}

/**
 * `whiteNoiseDiagnostics` on worker threads: the second pass, one task per block, merged in
 * block order — bit-identical to the single-thread diagnostics.
 *
 * @example
 * ```ts
 * const { plan, result } = await pinnedBallsEnsembleInWorkers(opts, { workers: 2 });
 * const wn = await whiteNoiseDiagnosticsInWorkers(plan, result, { time: opts.times[0] }, { workers: 2 });
 * ```
 */
export async function whiteNoiseDiagnosticsInWorkers(
  plan: EnsemblePlan,
  ensemble: PinnedBallsEnsembleResult,
  options: WhiteNoiseOptions,
  workerOptions: BilliardsWorkerOptions = {},
): Promise<WhiteNoiseDiagnostics> {
  const whiteNoise = planWhiteNoise(plan, ensemble, options);
  const { module, preload } = resolveTaskModule(workerOptions);
  const tasks: WhiteNoiseBlockTask[] = Array.from({ length: plan.blockCount }, (_, block) => ({ plan, block, whiteNoise }));
  const run = await mapInWorkers<WhiteNoiseBlockTask, WhiteNoiseBlock>({
    module,
    exportName: 'whiteNoiseBlockTask',
    tasks,
    workers: Math.min(workerOptions.workers ?? Number.MAX_SAFE_INTEGER, tasks.length),
    preload,
    signal: workerOptions.signal,
    onProgress: workerOptions.onProgress,
  });
  const folded = foldInOrder<WhiteNoiseBlock>(run.results, mergeWhiteNoiseBlock);
  const total = folded.total ?? emptyWhiteNoiseBlock(whiteNoise, 0);
  if (!folded.complete && total.status === 'success') total.status = 'aborted';
  return finishWhiteNoise(plan, whiteNoise, total);
}
