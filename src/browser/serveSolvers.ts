/**
 * The worker side of the protocol: answers run and abort messages on a message endpoint (the
 * worker's global scope, or any `MessagePort`). The module worker entry `singularis/browser/worker`
 * is this function applied to the worker's global scope.
 *
 * @module
 */
import { initHeatBlowupRadial, type HeatBlowupOptions } from '../models/blowup';
import type { Stepper } from '../core/run';
import type { ProgressInfo } from '../core/progress';
import { driveInSlices } from './driveInSlices';
import { WORKER_SOLVERS, type WorkerReply, type WorkerRequest, type WorkerRunMessage, type WorkerSolverName } from './protocol';

/** The part of a worker scope or `MessagePort` the host uses. */
export interface MessageEndpoint {
  /** Send a message (with buffers to transfer). */
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  /** Listen for messages. */
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  /** Start delivery (a `MessagePort` needs it; a worker scope has none). */
  start?(): void;
}

/** How a host runs: milliseconds of stepping between yields to the event loop. */
export interface ServeOptions {
  /** Milliseconds of stepping between turns of the event loop (the abort latency; default 50). */
  sliceMs?: number;
}

const steppers: Record<WorkerSolverName, (problem: unknown, options: { progressEvery?: number }) => Stepper<unknown>> = {
  heatBlowup1D: (p, o) => initHeatBlowupRadial({ ...(p as Omit<HeatBlowupOptions, 'dim'>), dim: 1 }, o),
  heatBlowupRadial: (p, o) => initHeatBlowupRadial(p as HeatBlowupOptions, o),
};

/** The distinct ArrayBuffers under the typed arrays of a result (walking plain objects and arrays). */
export function transferables(value: unknown, out: Set<ArrayBuffer> = new Set()): Set<ArrayBuffer> {
  if (ArrayBuffer.isView(value)) {
    const buffer = value.buffer;
    // not a SharedArrayBuffer (shared memory is not transferred); realm-independent test
    if (Object.prototype.toString.call(buffer) === '[object ArrayBuffer]') out.add(buffer as ArrayBuffer);
  } else if (Array.isArray(value)) {
    for (const v of value) transferables(v, out);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) transferables(v, out);
  }
  return out;
}

function errorReply(id: number, e: unknown): WorkerReply {
  const err = e instanceof Error ? e : new Error(String(e));
  const kind = err instanceof RangeError ? 'RangeError' : err instanceof TypeError ? 'TypeError' : 'Error';
  return { id, type: 'error', name: err.name, message: err.message, kind };
}

/**
 * Serve the allow-listed solvers ({@link WORKER_SOLVERS}) on `endpoint`: for each
 * `{ id, type: 'run', solver, problem, runOptions }` run the solver's stepper in slices (see
 * {@link driveInSlices}), post `{ id, type: 'progress', info }` every `progressEvery` steps and
 * finally `{ id, type: 'result', result }` with the result's typed arrays transferred; fire the
 * run's AbortSignal on `{ id, type: 'abort' }`. Invalid input is answered by
 * `{ id, type: 'error', … }` before any work. Several runs may be in flight; they take turns.
 *
 * @param endpoint - the worker's global scope (`self`) or a `MessagePort`
 * @example
 * ```ts
 * // my-worker.js, loaded with new Worker(url, { type: 'module' })
 * import { serveSolvers } from './serveSolvers';
 * serveSolvers(self);
 * ```
 */
export function serveSolvers(endpoint: MessageEndpoint, options: ServeOptions = {}): void {
  const live = new Map<number, AbortController>();
  const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []): void => endpoint.postMessage(reply, transfer);

  const run = async (msg: WorkerRunMessage): Promise<void> => {
    const { id } = msg;
    let stepper: Stepper<unknown>;
    const controller = new AbortController();
    try {
      if (!(WORKER_SOLVERS as readonly string[]).includes(msg.solver)) {
        throw new TypeError(`solver must be one of ${WORKER_SOLVERS.join(', ')} (got ${String(msg.solver)})`);
      }
      const progressEvery = msg.runOptions?.progressEvery;
      stepper = steppers[msg.solver](msg.problem, progressEvery === undefined ? {} : { progressEvery });
      live.set(id, controller);
      const onProgress = (info: ProgressInfo): void => post({ id, type: 'progress', info });
      const result = await driveInSlices(stepper, { signal: controller.signal, onProgress, progressEvery }, options.sliceMs);
      post({ id, type: 'result', result }, [...transferables(result)]);
    } catch (e) {
      post(errorReply(id, e));
    } finally {
      live.delete(id);
    }
  };

  endpoint.addEventListener('message', (event) => {
    const msg = event.data as WorkerRequest;
    if (msg === null || typeof msg !== 'object' || typeof msg.id !== 'number') return;
    if (msg.type === 'abort') live.get(msg.id)?.abort();
    else if (msg.type === 'run') void run(msg);
  });
  endpoint.start?.();
}
