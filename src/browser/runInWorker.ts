/**
 * The page side of the protocol: run an allow-listed solver in a module worker and get a Promise
 * of its result, with the same `signal` / `onProgress` / `progressEvery` run options as a direct call.
 *
 * @module
 */
import { checkInteger } from '../core/check';
import { InvalidTypeError } from '../core/errors';
import type { ProgressInfo } from '../core/progress';
import { WORKER_SOLVERS, type WorkerReply, type WorkerRunMessage, type WorkerSolverName } from './protocol';

/** The part of a `Worker` (or `MessagePort`) the client uses. */
export interface WorkerLike {
  /** Send a message. */
  postMessage(message: unknown): void;
  /** Listen for replies (and for `'error'`, a worker that failed to load). */
  addEventListener(type: 'message' | 'error', listener: (event: { data?: unknown; message?: string }) => void): void;
  /** Stop listening. */
  removeEventListener(type: 'message' | 'error', listener: (event: { data?: unknown; message?: string }) => void): void;
}

/** Run options of {@link runInWorker}: those of a direct call, minus `saveAt` (pass it in the problem where a solver takes it). */
export interface WorkerRunOptions {
  /** Fires the run's AbortSignal inside the worker; the Promise then resolves with `status: 'aborted'`. */
  signal?: AbortSignal;
  /** Called on the page with each progress report of the worker. */
  onProgress?: (info: ProgressInfo) => void;
  /** Steps between progress reports and abort checks (positive integer, default 64). */
  progressEvery?: number;
}

const nextIds = new WeakMap<object, number>();

/**
 * Run `solver(problem, runOptions)` in `worker` (a module worker on `singularis/browser/worker`)
 * and resolve with its `RunResult` — the same numbers as the direct call in the page or in Node,
 * since the worker takes exactly the same steps. Progress reports arrive as messages, so the page
 * stays responsive; aborting `signal` stops the run at the worker's next check (within one time
 * slice, 50 ms by default) and resolves with `status: 'aborted'` and the partial result. Invalid
 * input rejects with a `RangeError`/`TypeError` carrying the solver's message. Several runs may
 * share one worker.
 *
 * @param worker - a `Worker` created with `{ type: 'module' }` on the worker entry
 * @param solver - one of {@link WORKER_SOLVERS}
 * @param problem - the solver's problem, as plain data (functions cannot be posted: pass nodal arrays)
 * @example
 * ```ts
 * const worker = new Worker(new URL('singularis/browser/worker', import.meta.url), { type: 'module' });
 * const result = await runInWorker(worker, 'heatBlowup1D', { tauEnd: 1e4 }, { signal, onProgress: (p) => bar.value = p.fraction });
 * result.status; result.final.lawL; // 'success', ≈ 5/8
 * ```
 */
export function runInWorker<R = unknown>(worker: WorkerLike, solver: WorkerSolverName, problem: unknown, options: WorkerRunOptions = {}): Promise<R> {
  if (worker === null || typeof worker !== 'object' || typeof worker.postMessage !== 'function' || typeof worker.addEventListener !== 'function') {
    throw new InvalidTypeError('worker', 'a Worker (or MessagePort)', worker);
  }
  if (!(WORKER_SOLVERS as readonly string[]).includes(solver)) throw new InvalidTypeError('solver', `one of ${WORKER_SOLVERS.join(', ')}`, solver);
  const { signal, onProgress, progressEvery } = options;
  if (progressEvery !== undefined) checkInteger('options.progressEvery', progressEvery, 1);
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new InvalidTypeError('options.onProgress', 'a function', onProgress);
  const id = nextIds.get(worker) ?? 1;
  nextIds.set(worker, id + 1);

  return new Promise<R>((resolve, reject) => {
    const onAbort = (): void => worker.postMessage({ id, type: 'abort' });
    const cleanup = (): void => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      signal?.removeEventListener('abort', onAbort);
    };
    const onError = (event: { message?: string }): void => {
      cleanup();
      reject(new Error(`the worker failed: ${event.message ?? 'unknown error (is it a module worker on singularis/browser/worker?)'}`));
    };
    const onMessage = (event: { data?: unknown }): void => {
      const reply = event.data as WorkerReply;
      if (reply === null || typeof reply !== 'object' || reply.id !== id) return;
      if (reply.type === 'progress') {
        onProgress?.(reply.info);
      } else if (reply.type === 'result') {
        cleanup();
        resolve(reply.result as R);
      } else if (reply.type === 'error') {
        cleanup();
        const err = reply.kind === 'RangeError' ? new RangeError(reply.message) : reply.kind === 'TypeError' ? new TypeError(reply.message) : new Error(reply.message);
        err.name = reply.name;
        reject(err);
      }
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    const msg: WorkerRunMessage = { id, type: 'run', solver, problem, runOptions: progressEvery === undefined ? {} : { progressEvery } };
    try {
      worker.postMessage(msg);
    } catch (e) {
      cleanup();
      reject(e);
      return;
    }
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}
