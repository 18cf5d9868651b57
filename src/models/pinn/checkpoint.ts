/**
 * Serialisable state of a profile-training run: versioned, validated JSON with the parameters, the
 * inverse Hessian, the generator state, the counters and the loss history, taken at a
 * resampling restart so that resuming is bit-identical to an uninterrupted run.
 *
 * @module
 */
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { QuasiNewtonCounters } from '../../optim/restartLoop';
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

function fail(field: string, expected: string, got: unknown): never {
  throw new InvalidArgumentError(`checkpoint.${field}`, expected, got);
}

function numbers(field: string, v: unknown, length?: number, integer = false): number[] {
  if (!Array.isArray(v)) throw new InvalidTypeError(`checkpoint.${field}`, 'an array of numbers', v);
  if (length !== undefined && v.length !== length) fail(`${field}.length`, `${length}`, v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i] as unknown;
    if (typeof x !== 'number' || !Number.isFinite(x) || (integer && !Number.isInteger(x))) fail(`${field}[${i}]`, integer ? 'an integer' : 'a finite number', x);
  }
  return v as number[];
}

function count(field: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(field, 'an integer >= 0', v);
  return v;
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
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new InvalidTypeError('checkpoint', `a ${CHECKPOINT_FORMAT} object`, value);
  const c = value as ProfileCheckpoint;
  if (c.format !== CHECKPOINT_FORMAT) fail('format', `"${CHECKPOINT_FORMAT}" (not a singularis PINN checkpoint)`, c.format);
  if (c.version !== CHECKPOINT_VERSION) fail('version', `${CHECKPOINT_VERSION}`, c.version);
  const p = c.problem;
  if (p === null || typeof p !== 'object') throw new InvalidTypeError('checkpoint.problem', 'an object', p);
  const widths = numbers('problem.widths', p.widths, undefined, true);
  let n = 0;
  for (let l = 0; l + 1 < widths.length; l++) n += (widths[l] + 1) * widths[l + 1];
  if (n === 0) fail('problem.widths', 'at least two layers', widths);
  count('cycle', c.cycle);
  count('iterations', c.iterations);
  count('nfev', c.nfev);
  count('choleskyResets', c.choleskyResets);
  if (c.counters === null || typeof c.counters !== 'object') throw new InvalidTypeError('checkpoint.counters', 'an object', c.counters);
  for (const k of ['skipped', 'fallbacks', 'guarded', 'resets'] as const) count(`counters.${k}`, c.counters[k]);
  const rng = numbers('rng', c.rng, 4, true);
  if (rng.every((w) => w === 0) || rng.some((w) => w < 0 || w > 0xffffffff)) fail('rng', 'four 32-bit words, not all zero', rng);
  numbers('params', c.params, n);
  numbers('inverseHessian', c.inverseHessian, n * n);
  const h = c.history;
  if (h === null || typeof h !== 'object') throw new InvalidTypeError('checkpoint.history', 'an object', h);
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
  if (typeof text !== 'string') throw new InvalidTypeError('text', 'a string', text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidArgumentError('checkpoint', 'JSON text of a singularis PINN checkpoint', `unparsable text (${(error as Error).message})`);
  }
  return validateCheckpoint(value);
}

/** Fields of the problem that must agree between a checkpoint and the problem resuming it. */
export const RESUME_FIELDS = ['equation', 'lambda', 'asymptotics', 'widths', 'batch', 'resampleEvery', 'zMax', 'seed', 'update', 'weights'] as const;
