/**
 * Field checks shared by the two checkpoint kinds of `singularis/pinn` (the profile checkpoint and the
 * Boussinesq checkpoint): the header (object, format tag, version, problem object), the counters and
 * generator words, arrays of finite numbers of a given length, and JSON parsing. Every failure throws
 * `InvalidTypeError`/`InvalidArgumentError` naming the field as `checkpoint.<field>`. Internal: not
 * exported from the family index.
 *
 * @module
 */
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { QuasiNewtonCounters } from '../../optim/restartLoop';

/**
 * Throw `InvalidArgumentError` naming `checkpoint.<field>`.
 * @example
 * ```ts
 * if (bad) fail('rng', 'four 32-bit words, not all zero', rng);
 * ```
 */
export function fail(field: string, expected: string, got: unknown): never {
  throw new InvalidArgumentError(`checkpoint.${field}`, expected, got);
}

/**
 * Check that `v` is an object (not null); `InvalidTypeError` naming `checkpoint.<field>` otherwise.
 * @example
 * ```ts
 * object('history', c.history);
 * ```
 */
export function object(field: string, v: unknown): void {
  if (v === null || typeof v !== 'object') throw new InvalidTypeError(`checkpoint.${field}`, 'an object', v);
}

/**
 * Check an array of finite numbers (integers if `integer`), of length `length` when given. O(length).
 * @example
 * ```ts
 * numbers('params', c.params, n);
 * ```
 */
export function numbers(field: string, v: unknown, length?: number, integer = false): number[] {
  if (!Array.isArray(v)) throw new InvalidTypeError(`checkpoint.${field}`, 'an array of numbers', v);
  if (length !== undefined && v.length !== length) fail(`${field}.length`, `${length}`, v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i] as unknown;
    if (typeof x !== 'number' || !Number.isFinite(x) || (integer && !Number.isInteger(x))) fail(`${field}[${i}]`, integer ? 'an integer' : 'a finite number', x);
  }
  return v as number[];
}

/**
 * Check an integer ≥ 0.
 * @example
 * ```ts
 * count('cycle', c.cycle);
 * ```
 */
export function count(field: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(field, 'an integer >= 0', v);
  return v;
}

/** Header fields common to both checkpoint kinds. */
interface CheckpointHeader {
  /** Format tag. */
  format: unknown;
  /** Version. */
  version: unknown;
  /** The problem. */
  problem: unknown;
}

/**
 * Check the header of a checkpoint: an object (not an array) with the format tag `format` (`what`
 * names the kind in the message, e.g. "PINN checkpoint"), the version `version` (or, when `oldest` is
 * given, an integer version in [oldest, version]: older files a reader still accepts) and a problem object.
 * @example
 * ```ts
 * const c = header(value, CHECKPOINT_FORMAT, 'PINN checkpoint', CHECKPOINT_VERSION) as ProfileCheckpoint;
 * ```
 */
export function header(value: unknown, format: string, what: string, version: number, oldest = version): CheckpointHeader {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new InvalidTypeError('checkpoint', `a ${format} object`, value);
  const c = value as CheckpointHeader;
  if (c.format !== format) fail('format', `"${format}" (not a singularis ${what})`, c.format);
  if (oldest === version) {
    if (c.version !== version) fail('version', `${version}`, c.version);
  } else if (typeof c.version !== 'number' || !Number.isInteger(c.version) || c.version < oldest || c.version > version) {
    fail('version', `an integer in [${oldest}, ${version}] (versions this library reads)`, c.version);
  }
  object('problem', c.problem);
  return c;
}

/**
 * Check the quasi-Newton counters and the four generator words (32-bit, not all zero).
 * @example
 * ```ts
 * countersAndRng(c.counters, c.rng);
 * ```
 */
export function countersAndRng(counters: QuasiNewtonCounters, rng: unknown): void {
  object('counters', counters);
  for (const k of ['skipped', 'fallbacks', 'guarded', 'resets'] as const) count(`counters.${k}`, counters[k]);
  const words = numbers('rng', rng, 4, true);
  if (words.every((w) => w === 0) || words.some((w) => w < 0 || w > 0xffffffff)) fail('rng', 'four 32-bit words, not all zero', words);
}

/**
 * Parse checkpoint JSON text; text that is not a string throws `InvalidTypeError` naming `text`, text
 * that is not JSON throws `InvalidArgumentError` naming `checkpoint` (`what` names the kind).
 * @example
 * ```ts
 * const value = parseJson(text, 'PINN checkpoint');
 * ```
 */
export function parseJson(text: string, what: string): unknown {
  if (typeof text !== 'string') throw new InvalidTypeError('text', 'a string', text);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidArgumentError('checkpoint', `JSON text of a singularis ${what}`, `unparsable text (${(error as Error).message})`);
  }
}
