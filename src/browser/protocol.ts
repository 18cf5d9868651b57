/**
 * The message protocol between {@link runInWorker} (the page) and the module worker entry
 * `singularis/browser/worker` (see `docs/browser.md`). All messages are plain data, so they
 * survive the structured clone of `postMessage`; typed arrays of results are transferred.
 *
 * @module
 */
import type { ProgressInfo } from '../core/progress';

/**
 * The solvers a worker runs, by name (a fixed allow-list: problems of plain data, runs with a stepper).
 * @example
 * ```ts
 * const name = 'heatBlowup1D';
 * if (WORKER_SOLVERS.includes(name)) await runInWorker(worker, name, { tauEnd: 100 });
 * ```
 */
export const WORKER_SOLVERS = ['heatBlowup1D', 'heatBlowupRadial'] as const;

/** The name of a solver the worker runs (one of {@link WORKER_SOLVERS}). */
export type WorkerSolverName = (typeof WORKER_SOLVERS)[number];

/** Page → worker: start a run. */
export interface WorkerRunMessage {
  /** Identifies the run in every later message (unique per worker among live runs). */
  id: number;
  /** Always `'run'`. */
  type: 'run';
  /** Which solver to run. */
  solver: WorkerSolverName;
  /** The solver's first argument (plain data: no functions). */
  problem: unknown;
  /** The run options that survive `postMessage` (`signal` and `onProgress` are replaced by messages). */
  runOptions: {
    /** Steps between progress messages and abort checks (positive integer, default 64). */
    progressEvery?: number;
  };
}

/** Page → worker: fire the run's AbortSignal. */
export interface WorkerAbortMessage {
  /** The run to abort. */
  id: number;
  /** Always `'abort'`. */
  type: 'abort';
}

/** Worker → page: one progress report of the run. */
export interface WorkerProgressMessage {
  /** The run reporting. */
  id: number;
  /** Always `'progress'`. */
  type: 'progress';
  /** The report, as `onProgress` receives it in a direct call. */
  info: ProgressInfo;
}

/** Worker → page: the run ended; `result` is the solver's `RunResult`. */
export interface WorkerResultMessage {
  /** The run that ended. */
  id: number;
  /** Always `'result'`. */
  type: 'result';
  /** The solver's result (typed arrays transferred, not copied). */
  result: unknown;
}

/** Worker → page: the run could not start (invalid input) or failed unexpectedly. */
export interface WorkerErrorMessage {
  /** The run that failed. */
  id: number;
  /** Always `'error'`. */
  type: 'error';
  /** The error's `name` (`InvalidArgumentError`, `InvalidTypeError`, …). */
  name: string;
  /** The error's message. */
  message: string;
  /** Which built-in class the error extends, so that the page rethrows the same kind. */
  kind: 'RangeError' | 'TypeError' | 'Error';
}

/** Any message the page sends to the worker. */
export type WorkerRequest = WorkerRunMessage | WorkerAbortMessage;

/** Any message the worker sends to the page. */
export type WorkerReply = WorkerProgressMessage | WorkerResultMessage | WorkerErrorMessage;
