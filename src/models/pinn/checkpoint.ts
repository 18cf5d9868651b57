/**
 * Serializable state of a profile-training run: versioned, validated JSON with the parameters, the
 * inverse Hessian, the generator state, the counters and the loss history, taken at a
 * resampling restart so that resuming is bit-identical to an uninterrupted run.
 *
 * @module
 */
import type { QuasiNewtonCounters } from '../../optim/restartLoop';
import { count, countersAndRng, fail, header, numbers, object, parseJson } from './checkpointFields';
import type { ResolvedProfileProblem } from './problem';
import type { ProfileHistory } from './train';

/**
 * The format tag of a checkpoint.
 * @example
 * ```ts
 * parseCheckpoint(readFileSync('run.ckpt.json', 'utf8')).format === CHECKPOINT_FORMAT; // true (anything else is refused)
 * ```
 */
export const CHECKPOINT_FORMAT = 'singularis/pinn-checkpoint';
/**
 * The current checkpoint version.
 * @example
 * ```ts
 * parseCheckpoint(text).version <= CHECKPOINT_VERSION; // newer files are refused with a named error
 * ```
 */
export const CHECKPOINT_VERSION = 1;

/**
 * A checkpoint (plain JSON data; numbers round-trip exactly through `JSON.stringify`/`JSON.parse`).
 * @example
 * ```ts
 * const text = JSON.stringify(checkpoint);
 * const again = parseCheckpoint(text);
 * ```
 */
export interface ProfileCheckpoint {
  /** Always {@link CHECKPOINT_FORMAT}. */
  format: typeof CHECKPOINT_FORMAT;
  /** Always {@link CHECKPOINT_VERSION}. */
  version: number;
  /** The problem (resolved, without callbacks). */
  problem: Omit<ResolvedProfileProblem, 'checkpointEvery'>;
  /** Resampling cycle the state belongs to. */
  cycle: number;
  /** Iterations done. */
  iterations: number;
  /** Loss evaluations done. */
  nfev: number;
  /** Quasi-Newton counters. */
  counters: QuasiNewtonCounters;
  /** Restarts at which H failed the Cholesky test. */
  choleskyResets: number;
  /** Generator state words before drawing this cycle's points. */
  rng: number[];
  /** Network parameters. */
  params: number[];
  /** Inverse Hessian, row-major. */
  inverseHessian: number[];
  /** Loss history so far. */
  history: ProfileHistory;
}

/**
 * Validate a parsed checkpoint object (format, version, shapes, finiteness); throws
 * `InvalidTypeError`/`InvalidArgumentError` naming the first bad field — a foreign or corrupt file
 * never reaches the solver. O(size).
 * @example
 * ```ts
 * const cp = validateCheckpoint(JSON.parse(text));
 * ```
 */
export function validateCheckpoint(value: unknown): ProfileCheckpoint {
  const c = header(value, CHECKPOINT_FORMAT, 'PINN checkpoint', CHECKPOINT_VERSION) as ProfileCheckpoint;
  const widths = numbers('problem.widths', c.problem.widths, undefined, true);
  let n = 0;
  for (let l = 0; l + 1 < widths.length; l++) n += (widths[l] + 1) * widths[l + 1];
  if (n === 0) fail('problem.widths', 'at least two layers', widths);
  for (const k of ['cycle', 'iterations', 'nfev', 'choleskyResets'] as const) count(k, c[k]);
  countersAndRng(c.counters, c.rng);
  numbers('params', c.params, n);
  numbers('inverseHessian', c.inverseHessian, n * n);
  const h = c.history;
  object('history', h);
  const len = numbers('history.iteration', h.iteration, undefined, true).length;
  numbers('history.loss', h.loss, len);
  numbers('history.gradNorm', h.gradNorm, len);
  return c;
}

/**
 * Parse checkpoint text (JSON) and validate it; a file that is not JSON or not a checkpoint throws
 * `InvalidArgumentError` naming `checkpoint`.
 * @example
 * ```ts
 * const cp = parseCheckpoint(readFileSync('run.ckpt.json', 'utf8'));
 * ```
 */
export function parseCheckpoint(text: string): ProfileCheckpoint {
  return validateCheckpoint(parseJson(text, 'PINN checkpoint'));
}

/** Fields of the problem that must agree between a checkpoint and the problem resuming it. */
export const RESUME_FIELDS = ['equation', 'lambda', 'asymptotics', 'widths', 'batch', 'resampleEvery', 'zMax', 'seed', 'update', 'weights'] as const;
