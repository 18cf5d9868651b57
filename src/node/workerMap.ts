/**
 * Run independent tasks on worker threads and collect the results in task order.
 *
 * Results depend only on the tasks, never on the number of workers or on scheduling: each task
 * must carry everything that determines its result (for stochastic work, its own seed and
 * stream index — see `Rng.stream` in `random/`), and results are returned by task index.
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import { checkInteger } from '../core/check';
import { InvalidTypeError } from '../core/errors';
import type { LongRunOptions } from '../core/progress';
import { toUrl, WorkerPool, type WorkerMapResult } from './workerPool';

export type { WorkerMapResult } from './workerPool';

/** Options of {@link mapInWorkers}. */
export interface WorkerMapOptions<T> extends LongRunOptions {
  /**
   * The ES or CommonJS module that exports the task function, as an absolute path or a
   * `file:` URL. The function receives one task (structured-cloned) and returns its result,
   * or a promise of it.
   */
  module: string | URL;
  /** Name of the exported task function (default `"default"`). */
  exportName?: string;
  /** The tasks, each structured-cloneable (numbers, plain objects, typed arrays …). */
  tasks: readonly T[];
  /** Number of worker threads (default: the machine's available parallelism, at most tasks.length). */
  workers?: number;
  /**
   * A CommonJS require hook each worker registers before loading the task module, which is then
   * loaded with `require` instead of `import`: `'tsx/cjs'` runs TypeScript task modules straight
   * from source (tests, notebooks). Resolved from the current working directory.
   */
  preload?: string;
}

/**
 * Map tasks over a pool of worker threads with dynamic scheduling.
 *
 * Rejects (with the worker's stack) if a task throws; resolves with `status: 'aborted'` if the
 * signal fires. `onProgress` is called after each completed task. Starts a fresh
 * {@link WorkerPool} and closes it at the end: for several task lists in a row, keep one
 * `WorkerPool` instead (each worker's module load and JIT warm-up is then paid once).
 *
 * @example
 * ```ts
 * // tasks.mjs: export default function ({ seed, run }) { … return new Float64Array(…); }
 * const { results } = await mapInWorkers({
 *   module: new URL('./tasks.mjs', import.meta.url),
 *   tasks: Array.from({ length: 100 }, (_, run) => ({ seed: 42, run })),
 *   workers: 2,
 * });
 * ```
 */
export async function mapInWorkers<T, R>(options: WorkerMapOptions<T>): Promise<WorkerMapResult<R>> {
  const { tasks, signal } = options;
  if (!Array.isArray(tasks)) throw new InvalidTypeError('tasks', 'an array', tasks);
  toUrl(options.module);
  const workerCount = checkInteger('workers', options.workers ?? Math.max(1, availableParallelism()), 1, 1024);
  if (tasks.length === 0) return { results: new Array(0), status: 'success', completed: 0 };
  if (signal?.aborted) return { results: new Array(tasks.length), status: 'aborted', completed: 0 };
  const pool = new WorkerPool<T, R>({ module: options.module, exportName: options.exportName, workers: Math.min(workerCount, tasks.length), preload: options.preload });
  try {
    return await pool.map(tasks, { signal, onProgress: options.onProgress });
  } finally {
    await pool.close();
  }
}
