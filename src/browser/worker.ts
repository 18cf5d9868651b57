/**
 * The module worker entry, built as `dist/browser/worker.js` (ESM, self-contained): serves the
 * allow-listed solvers of `singularis/browser` on the worker's global scope. Load it with
 * `new Worker(new URL('singularis/browser/worker', import.meta.url), { type: 'module' })` in a
 * bundler, or from its URL in a plain page (see `docs/browser.md`), and talk to it with
 * `runInWorker`.
 *
 * @module
 */
import { serveSolvers, type MessageEndpoint } from './serveSolvers';

serveSolvers(globalThis as unknown as MessageEndpoint);
