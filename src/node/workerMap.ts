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
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkInteger } from '../core/check';
import { InvalidTypeError } from '../core/errors';
import type { LongRunOptions } from '../core/progress';

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

/** Result of {@link mapInWorkers}. */
export interface WorkerMapResult<R> {
  /** `results[i]` is the result of `tasks[i]`; entries of unfinished tasks are `undefined` when aborted. */
  results: (R | undefined)[];
  /** `success`, or `aborted` when the signal fired (workers are terminated). */
  status: 'success' | 'aborted';
  /** Number of tasks completed. */
  completed: number;
}

/** The worker bootstrap: loads the task module and answers `{ index, task }` messages. @internal */
export const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
const load = workerData.preload
  ? Promise.resolve().then(() => { require(require.resolve(workerData.preload, { paths: [process.cwd()] })); return require(require('node:url').fileURLToPath(workerData.url)); })
  : import(workerData.url);
load.then((m) => {
  const fn = m[workerData.exportName] ?? (m.default && m.default[workerData.exportName]);
  if (typeof fn !== 'function') throw new Error('export ' + JSON.stringify(workerData.exportName) + ' of ' + workerData.url + ' is not a function');
  parentPort.on('message', async ({ index, task }) => {
    try { parentPort.postMessage({ index, result: await fn(task) }); }
    catch (e) { parentPort.postMessage({ index, error: String((e && e.stack) || e) }); }
  });
  parentPort.postMessage({ ready: true });
}).catch((e) => parentPort.postMessage({ fatal: String((e && e.stack) || e) }));
`;

/**
 * Map tasks over a pool of worker threads with dynamic scheduling.
 *
 * Rejects (with the worker's stack) if a task throws; resolves with `status: 'aborted'` if the
 * signal fires. `onProgress` is called after each completed task.
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
  const { tasks, signal, onProgress } = options;
  if (!Array.isArray(tasks)) throw new InvalidTypeError('tasks', 'an array', tasks);
  const url = toUrl(options.module);
  const exportName = options.exportName ?? 'default';
  const workerCount = checkInteger('workers', options.workers ?? Math.max(1, availableParallelism()), 1, 1024);
  const results: (R | undefined)[] = new Array(tasks.length);
  if (tasks.length === 0) return { results, status: 'success', completed: 0 };
  if (signal?.aborted) return { results, status: 'aborted', completed: 0 };

  const pool: Worker[] = [];
  let next = 0;
  let completed = 0;
  return new Promise<WorkerMapResult<R>>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      Promise.all(pool.map((w) => w.terminate())).then(fn, fn);
    };
    const onAbort = () => finish(() => resolve({ results, status: 'aborted', completed }));
    signal?.addEventListener('abort', onAbort);
    const feed = (w: Worker) => {
      if (next < tasks.length) {
        const index = next++;
        w.postMessage({ index, task: tasks[index] });
      }
    };
    for (let k = 0; k < Math.min(workerCount, tasks.length); k++) {
      const w = new Worker(BOOTSTRAP, { eval: true, execArgv: workerExecArgv(), workerData: { url, exportName, preload: options.preload } });
      pool.push(w);
      w.on('message', (msg: { ready?: boolean; index?: number; result?: R; error?: string; fatal?: string }) => {
        if (settled) return;
        if (msg.fatal !== undefined) return finish(() => reject(new Error(`worker failed to load ${url}: ${msg.fatal}`)));
        if (msg.ready) return feed(w);
        if (msg.error !== undefined) return finish(() => reject(new Error(`task ${msg.index} failed: ${msg.error}`)));
        results[msg.index as number] = msg.result;
        completed++;
        onProgress?.({ fraction: completed / tasks.length, step: completed });
        if (completed === tasks.length) return finish(() => resolve({ results, status: 'success', completed }));
        feed(w);
      });
      w.on('error', (err) => finish(() => reject(err)));
    }
  });
}

/**
 * The parent's Node options minus `--input-type`, which would make the CommonJS bootstrap an ES
 * module when the parent itself was started from `node --input-type=module -e …`.
 */
/** @internal */
export function workerExecArgv(): string[] {
  return process.execArgv.filter((arg, i, all) => !arg.startsWith('--input-type') && all[i - 1] !== '--input-type');
}

/** The task module as a `file:` URL (absolute paths and URLs only). @internal */
export function toUrl(module: string | URL): string {
  if (module instanceof URL) return module.href;
  if (typeof module !== 'string' || module.length === 0) throw new InvalidTypeError('module', 'an absolute path or a file: URL', module);
  if (module.startsWith('file:')) return module;
  if (!module.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(module)) throw new InvalidTypeError('module', 'an absolute path or a file: URL', module);
  return pathToFileURL(module).href;
}
