/**
 * The `singularis/browser` subpath: run long model solvers off the main thread of a page. The
 * module worker entry `singularis/browser/worker` serves an allow-list of solvers; {@link runInWorker}
 * calls one with the usual `signal` / `onProgress` run options and returns a Promise of its result.
 * This subpath holds only the page side, so that it stays small and free of the solvers' code
 * (the worker entry bundles those). Guide: docs/browser.md.
 * @module browser
 */
export { runInWorker, type WorkerLike, type WorkerRunOptions } from './runInWorker';
export {
  WORKER_SOLVERS,
  type WorkerSolverName,
  type WorkerRunMessage,
  type WorkerAbortMessage,
  type WorkerProgressMessage,
  type WorkerResultMessage,
  type WorkerErrorMessage,
  type WorkerRequest,
  type WorkerReply,
} from './protocol';
