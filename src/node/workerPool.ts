/**
 * A persistent pool of worker threads on one task module: the workers load the module (and warm up
 * the JIT) once, then run any number of task lists through {@link WorkerPool.map}. Results are
 * returned by task index, so they depend only on the tasks, never on the number of workers or on
 * scheduling (each task must carry everything that determines its result).
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkInteger } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import type { LongRunOptions } from '../core/progress';

/**
 * Options of the {@link WorkerPool} constructor.
 * @example
 * ```ts
 * const options: WorkerPoolOptions = { module: new URL('./tasks.mjs', import.meta.url), exportName: 'simulate', workers: 2 };
 * ```
 */
export interface WorkerPoolOptions {
  /**
   * The ES or CommonJS module that exports the task function, as an absolute path or a
   * `file:` URL. The function receives one task (structured-cloned) and returns its result,
   * or a promise of it.
   */
  module: string | URL;
  /** Name of the exported task function (default `"default"`). */
  exportName?: string;
  /** Number of worker threads (default: the machine's available parallelism). */
  workers?: number;
  /**
   * A CommonJS require hook each worker registers before loading the task module, which is then
   * loaded with `require` instead of `import`: `'tsx/cjs'` runs TypeScript task modules straight
   * from source (tests, notebooks). Resolved from the current working directory.
   */
  preload?: string;
}

/**
 * Result of {@link WorkerPool.map} (and of `mapInWorkers`).
 * @example
 * ```ts
 * const { results, status, completed } = await pool.map(tasks, { signal });
 * if (status === 'aborted') console.log(`${completed} of ${tasks.length} done`);
 * ```
 */
export interface WorkerMapResult<R> {
  /** `results[i]` is the result of `tasks[i]`; entries of unfinished tasks are `undefined` when aborted. */
  results: (R | undefined)[];
  /** `success`, or `aborted` when the signal fired or the pool was closed during the run. */
  status: 'success' | 'aborted';
  /** Number of tasks completed. */
  completed: number;
}

/** The worker bootstrap: loads the task module and answers `{ job, index, task }` messages. @internal */
export const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
const load = workerData.preload
  ? Promise.resolve().then(() => { require(require.resolve(workerData.preload, { paths: [process.cwd()] })); return require(require('node:url').fileURLToPath(workerData.url)); })
  : import(workerData.url);
load.then((m) => {
  const fn = m[workerData.exportName] ?? (m.default && m.default[workerData.exportName]);
  if (typeof fn !== 'function') throw new Error('export ' + JSON.stringify(workerData.exportName) + ' of ' + workerData.url + ' is not a function');
  parentPort.on('message', async ({ job, index, task }) => {
    try { parentPort.postMessage({ job, index, result: await fn(task) }); }
    catch (e) { parentPort.postMessage({ job, index, error: String((e && e.stack) || e) }); }
  });
  parentPort.postMessage({ ready: true });
}).catch((e) => parentPort.postMessage({ fatal: String((e && e.stack) || e) }));
`;

/**
 * The parent's Node options minus `--input-type`, which would make the CommonJS bootstrap an ES
 * module when the parent itself was started from `node --input-type=module -e …`. @internal
 */
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

interface Slot {
  worker: Worker;
  ready: boolean;
  busy: boolean;
}

interface Job<T, R> {
  id: number;
  tasks: readonly T[];
  results: (R | undefined)[];
  next: number;
  completed: number;
  options: LongRunOptions;
  settle: (outcome: { ok: true; status: 'success' | 'aborted' } | { ok: false; error: Error }) => void;
}

interface Reply<R> {
  ready?: boolean;
  fatal?: string;
  job?: number;
  index?: number;
  result?: R;
  error?: string;
}

/**
 * A persistent pool of worker threads running one exported function of one task module, with
 * dynamic scheduling (an idle worker takes the next task). `map` calls run one after another;
 * an abort resolves `map` at once with `status: 'aborted'` and leaves the pool usable (tasks
 * still running in workers finish and their results are dropped). A task that throws rejects its
 * `map` with `task i failed: …` and the worker's stack; the pool stays usable. A worker that
 * fails to load the module or dies breaks the pool: that and every later `map` rejects. Workers
 * keep the process alive until {@link WorkerPool.close}.
 *
 * Cost: one module load and JIT warm-up per worker (about a second for the larger models), paid
 * once instead of once per `mapInWorkers` call; per task, one structured clone each way.
 *
 * @example
 * ```ts
 * // tasks.mjs: export function square(x) { return x * x; }
 * const pool = new WorkerPool<number, number>({ module: new URL('./tasks.mjs', import.meta.url), exportName: 'square', workers: 2 });
 * try {
 *   const a = await pool.map([1, 2, 3]);            // a.results = [1, 4, 9]
 *   const b = await pool.map([4, 5], { signal });   // same warm workers
 * } finally {
 *   await pool.close();
 * }
 * ```
 */
export class WorkerPool<T, R> {
  /** Number of worker threads. */
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly url: string;
  private job: Job<T, R> | undefined;
  private tail: Promise<void> = Promise.resolve();
  private jobs = 0;
  private broken: Error | undefined;
  private isClosed = false;

  /**
   * Start the workers (they load the task module in the background; the first `map` waits for them).
   * @throws InvalidTypeError for a relative module path; InvalidArgumentError for a bad worker count
   */
  constructor(options: WorkerPoolOptions) {
    this.url = toUrl(options.module);
    this.size = checkInteger('workers', options.workers ?? Math.max(1, availableParallelism()), 1, 1024);
    const workerData = { url: this.url, exportName: options.exportName ?? 'default', preload: options.preload };
    for (let k = 0; k < this.size; k++) {
      const slot: Slot = { worker: new Worker(BOOTSTRAP, { eval: true, execArgv: workerExecArgv(), workerData }), ready: false, busy: false };
      this.slots.push(slot);
      slot.worker.on('message', (msg: Reply<R>) => this.onMessage(slot, msg));
      slot.worker.on('error', (err) => this.fail(err));
      slot.worker.on('exit', (code) => {
        if (!this.isClosed) this.fail(new Error(`worker exited with code ${code}`));
      });
    }
  }

  /** Whether {@link WorkerPool.close} was called. */
  get closed(): boolean {
    return this.isClosed;
  }

  /**
   * Run `tasks` on the pool; `results[i]` is the result of `tasks[i]`. Waits for an earlier `map`
   * to finish. `onProgress` is called after each completed task (fraction of this list).
   * @throws InvalidArgumentError when the pool is closed; rejects when a task throws or the pool broke
   */
  async map(tasks: readonly T[], options: LongRunOptions = {}): Promise<WorkerMapResult<R>> {
    if (!Array.isArray(tasks)) throw new InvalidTypeError('tasks', 'an array', tasks);
    if (this.broken !== undefined) throw this.broken;
    if (this.isClosed) throw new InvalidArgumentError('pool', 'open (close() was called)');
    const previous = this.tail;
    let unlock = () => {};
    this.tail = new Promise<void>((resolve) => (unlock = resolve));
    try {
      await previous;
      return await this.run(tasks, options);
    } finally {
      unlock();
    }
  }

  /** One `map` with the pool to itself. */
  private run(tasks: readonly T[], options: LongRunOptions): Promise<WorkerMapResult<R>> {
    if (this.broken !== undefined) return Promise.reject(this.broken);
    const results: (R | undefined)[] = new Array(tasks.length);
    const { signal } = options;
    if (this.isClosed || signal?.aborted) return Promise.resolve({ results, status: 'aborted', completed: 0 });
    if (tasks.length === 0) return Promise.resolve({ results, status: 'success', completed: 0 });
    return new Promise<WorkerMapResult<R>>((resolve, reject) => {
      const job: Job<T, R> = {
        id: ++this.jobs, tasks, results, next: 0, completed: 0, options,
        settle: (outcome) => {
          if (this.job !== job) return;
          signal?.removeEventListener('abort', onAbort);
          this.job = undefined;
          if (outcome.ok) resolve({ results, status: outcome.status, completed: job.completed });
          else reject(outcome.error);
        },
      };
      const onAbort = () => job.settle({ ok: true, status: 'aborted' });
      signal?.addEventListener('abort', onAbort);
      this.job = job;
      this.pump();
    });
  }

  /** Terminate the workers (idempotent). A running `map` resolves with `status: 'aborted'`. */
  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    this.job?.settle({ ok: true, status: 'aborted' });
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  /** Give every idle, loaded worker the next task of the current job. */
  private pump(): void {
    const job = this.job;
    if (job === undefined) return;
    for (const slot of this.slots) {
      if (job.next >= job.tasks.length) return;
      if (!slot.ready || slot.busy) continue;
      slot.busy = true;
      const index = job.next++;
      slot.worker.postMessage({ job: job.id, index, task: job.tasks[index] });
    }
  }

  private onMessage(slot: Slot, msg: Reply<R>): void {
    if (msg.fatal !== undefined) return this.fail(new Error(`worker failed to load ${this.url}: ${msg.fatal}`));
    if (msg.ready) slot.ready = true;
    else slot.busy = false;
    const job = this.job;
    if (job !== undefined && msg.job === job.id) {
      if (msg.error !== undefined) return job.settle({ ok: false, error: new Error(`task ${msg.index} failed: ${msg.error}`) });
      job.results[msg.index!] = msg.result;
      job.completed++;
      try {
        job.options.onProgress?.({ fraction: job.completed / job.tasks.length, step: job.completed });
      } catch (err) {
        return job.settle({ ok: false, error: err instanceof Error ? err : new Error(String(err)) });
      }
      if (job.completed === job.tasks.length) return job.settle({ ok: true, status: 'success' });
    }
    this.pump();
  }

  /** The pool is unusable: reject the running `map` and every later one; stop the workers. */
  private fail(err: Error): void {
    if (this.broken !== undefined || this.isClosed) return;
    this.broken = err;
    this.job?.settle({ ok: false, error: err });
    this.isClosed = true;
    for (const s of this.slots) void s.worker.terminate();
  }
}
