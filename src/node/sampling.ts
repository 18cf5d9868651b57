/**
 * Worker-thread evaluation of the Darcy forward map for the ensemble samplers of
 * `singularis/sampling` (thesis Appendix C, §C.6.2): an asynchronous batch for `runSamplerAsync`
 * that splits the ensemble into contiguous blocks and maps them over `mapInWorkers`. Each particle's
 * output depends only on its position, and the samplers draw all random numbers in the main
 * thread, so results are identical for any number of workers.
 *
 * @module
 */
import { dirname, extname, join } from 'node:path';
import { checkInteger } from '../core/check';
import { InvalidArgumentError } from '../core/errors';
import type { DarcyOptions } from '../models/sampling/darcy';
import type { AsyncForwardBatch } from '../models/sampling/ensembleRun';
import type { DarcyForwardTask } from './samplingTask';
import { mapInWorkers } from './workerMap';
import { WorkerPool } from './workerPool';

/** Options of {@link darcyForwardBatchInWorkers}. */
export interface DarcyWorkerOptions {
  /** Worker threads (default 2). */
  workers?: number;
  /** Particles per task (default: I split into 4 blocks per worker). */
  blockSize?: number;
  /** Path or `file:` URL of the task module `samplingTask` (default: next to this module). */
  taskModule?: string | URL;
  /** Require hook for the workers (default `'tsx/cjs'` when the task module is a .ts file). */
  preload?: string;
}

/** The task module (default: `samplingTask` next to this module) and its require hook. */
function resolveTaskModule(workerOptions: DarcyWorkerOptions): { module: string | URL; preload?: string } {
  let module = workerOptions.taskModule;
  if (module === undefined) {
    if (typeof __filename !== 'string') throw new InvalidArgumentError('workerOptions.taskModule', 'given when running as an ES module (the path of samplingTask.js)');
    module = join(dirname(__filename), `samplingTask${extname(__filename)}`);
  }
  const path = module instanceof URL ? module.pathname : module;
  return { module, preload: workerOptions.preload ?? (path.endsWith('.ts') ? 'tsx/cjs' : undefined) };
}

/**
 * An {@link AsyncForwardBatch} evaluating the Darcy forward map with `options` on worker threads.
 * Workers are started per batch (one ensemble evaluation), which costs tens of milliseconds; worth it
 * when a batch takes seconds (I·n⁴ flops at n² grid cells).
 * @example
 * ```ts
 * const { problem } = darcyProblem({ grid: 32 }, 1);
 * const r = await runSamplerAsync(initEkhmc({ ...problem, ensembleSize: 512, iterations: 100 }),
 *   darcyForwardBatchInWorkers({ grid: 32 }, { workers: 2 }));
 * ```
 */
export function darcyForwardBatchInWorkers(options: DarcyOptions, workerOptions: DarcyWorkerOptions = {}): AsyncForwardBatch {
  const workers = checkInteger('workerOptions.workers', workerOptions.workers ?? 2, 1, 1024);
  const { module, preload } = resolveTaskModule(workerOptions);
  return async (positions, members, outputs) => {
    const d = positions.length / members;
    const K = outputs.length / members;
    const size = workerOptions.blockSize ?? Math.max(1, Math.ceil(members / (4 * workers)));
    const tasks: DarcyForwardTask[] = [];
    for (let start = 0; start < members; start += size) {
      const count = Math.min(size, members - start);
      tasks.push({ options, positions: positions.slice(start * d, (start + count) * d), count });
    }
    const { results } = await mapInWorkers<DarcyForwardTask, Float64Array>({ module, exportName: 'darcyForwardTask', tasks, workers, preload });
    for (let t = 0, start = 0; t < tasks.length; start += tasks[t].count, t++) outputs.set(results[t]!.subarray(0, tasks[t].count * K), start * K);
  };
}

/**
 * A persistent pool of worker threads evaluating the Darcy forward map: the workers (and, in each,
 * the forward map with its solver storage) are started once and reused for every ensemble
 * evaluation, instead of once per batch as in {@link darcyForwardBatchInWorkers}. Same blocks, same
 * results (bit-identical for any worker count); a thin user of {@link WorkerPool}. Call
 * {@link DarcyWorkerPool.close} when done.
 * @example
 * ```ts
 * const pool = new DarcyWorkerPool({ grid: 32 }, { workers: 2 });
 * try {
 *   const r = await runSamplerAsync(initEkhmc({ ...problem, ensembleSize: 512 }), pool.batch);
 * } finally {
 *   await pool.close();
 * }
 * ```
 */
export class DarcyWorkerPool {
  /** The asynchronous forward batch to hand to `runSamplerAsync`. */
  readonly batch: AsyncForwardBatch;
  private readonly pool: WorkerPool<DarcyForwardTask, Float64Array>;

  /**
   * @param options - the Darcy forward-map options (as for `darcyForwardMap`)
   * @param workerOptions - workers, block size, task module and preload hook, as for {@link darcyForwardBatchInWorkers}
   */
  constructor(options: DarcyOptions, workerOptions: DarcyWorkerOptions = {}) {
    const count = checkInteger('workerOptions.workers', workerOptions.workers ?? 2, 1, 1024);
    const { module, preload } = resolveTaskModule(workerOptions);
    const pool = new WorkerPool<DarcyForwardTask, Float64Array>({ module, exportName: 'darcyForwardTask', workers: count, preload });
    this.pool = pool;
    this.batch = async (positions, members, outputs) => {
      const d = positions.length / members;
      const K = outputs.length / members;
      const size = workerOptions.blockSize ?? Math.max(1, Math.ceil(members / (4 * count)));
      const tasks: DarcyForwardTask[] = [];
      for (let start = 0; start < members; start += size) tasks.push({ options, positions: positions.slice(start * d, (start + Math.min(size, members - start)) * d), count: Math.min(size, members - start) });
      const { results } = await pool.map(tasks);
      for (let t = 0, start = 0; t < tasks.length; start += tasks[t].count, t++) outputs.set(results[t]!.subarray(0, tasks[t].count * K), start * K);
    };
  }

  /** Terminate the workers (idempotent). */
  close(): Promise<void> {
    return this.pool.close();
  }
}
