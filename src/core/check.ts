/**
 * Argument checks shared by every module. Each throws an {@link InvalidArgumentError} or
 * {@link InvalidTypeError} naming the argument; each returns its (narrowed) input so checks
 * compose inline: `const n = checkInteger('n', opts.n, 4)`.
 *
 * @module
 */
import { InvalidArgumentError, InvalidTypeError } from './errors';

/**
 * Require a finite number.
 * @example
 * ```ts
 * const t = checkFinite('options.t0', options.t0); // NaN, ±Infinity or a string throw
 * ```
 */
export function checkFinite(name: string, value: unknown): number {
  if (typeof value !== 'number') throw new InvalidTypeError(name, 'a finite number', value);
  if (!Number.isFinite(value)) throw new InvalidArgumentError(name, 'a finite number', value);
  return value;
}

/**
 * Require a finite number > 0.
 * @example
 * ```ts
 * const dt = checkPositive('options.dt', options.dt);
 * ```
 */
export function checkPositive(name: string, value: unknown): number {
  const v = checkFinite(name, value);
  if (!(v > 0)) throw new InvalidArgumentError(name, 'a finite number > 0', v);
  return v;
}

/**
 * Require a finite number >= 0.
 * @example
 * ```ts
 * const atol = checkNonNegative('options.atol', options.atol ?? 0);
 * ```
 */
export function checkNonNegative(name: string, value: unknown): number {
  const v = checkFinite(name, value);
  if (!(v >= 0)) throw new InvalidArgumentError(name, 'a finite number >= 0', v);
  return v;
}

/**
 * Require a finite number in the closed interval [lo, hi].
 * @example
 * ```ts
 * const safety = checkInRange('options.safety', options.safety ?? 0.9, 0.5, 1);
 * ```
 */
export function checkInRange(name: string, value: unknown, lo: number, hi: number): number {
  const v = checkFinite(name, value);
  if (!(v >= lo && v <= hi)) throw new InvalidArgumentError(name, `a finite number in [${lo}, ${hi}]`, v);
  return v;
}

/**
 * Require an integer in [min, max] (max defaults to `Number.MAX_SAFE_INTEGER`).
 * @example
 * ```ts
 * const n = checkInteger('options.n', options.n, 4); // an integer >= 4
 * checkInteger('order', 3, 0, 2); // throws: order must be an integer in [0, 2] (got 3)
 * ```
 */
export function checkInteger(name: string, value: unknown, min = -Number.MAX_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number') throw new InvalidTypeError(name, 'an integer', value);
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer in [${min}, ${max}]`;
    throw new InvalidArgumentError(name, range, value);
  }
  return value;
}

/**
 * Require a Float64Array, optionally of an exact length.
 * @example
 * ```ts
 * const y0 = checkVec('y0', problem.y0, 3); // a Float64Array of length 3, else InvalidTypeError
 * ```
 */
export function checkVec(name: string, value: unknown, length?: number): Float64Array {
  if (!(value instanceof Float64Array)) throw new InvalidTypeError(name, length === undefined ? 'a Float64Array' : `a Float64Array of length ${length}`, value);
  if (length !== undefined && value.length !== length) throw new InvalidTypeError(name, `a Float64Array of length ${length}`, value);
  return value;
}

/**
 * Require every entry of an array-like to be finite; reports the first bad index.
 * @example
 * ```ts
 * checkAllFinite('data', Float64Array.of(1, Number.NaN)); // throws naming data[1]
 * ```
 */
export function checkAllFinite(name: string, value: ArrayLike<number>): void {
  for (let i = 0; i < value.length; i++) {
    if (!Number.isFinite(value[i])) throw new InvalidArgumentError(`${name}[${i}]`, 'a finite number', value[i]);
  }
}

/**
 * Require a strictly increasing array of finite numbers with at least `minLength` entries.
 * @example
 * ```ts
 * checkStrictlyIncreasing('grid.x', Float64Array.of(0, 0.5, 1)); // passes
 * checkStrictlyIncreasing('grid.x', [0, 1, 1]); // throws: grid.x must be strictly increasing (fails at index 2)
 * ```
 */
export function checkStrictlyIncreasing(name: string, value: ArrayLike<number>, minLength = 2): void {
  if (value.length < minLength) throw new InvalidArgumentError(`${name}.length`, `an integer >= ${minLength}`, value.length);
  checkAllFinite(name, value);
  for (let i = 1; i < value.length; i++) {
    if (!(value[i] > value[i - 1])) throw new InvalidArgumentError(name, `strictly increasing (fails at index ${i})`, value[i]);
  }
}

/**
 * Require a function.
 * @example
 * ```ts
 * checkFunction('rhs', spec.rhs); // throws unless rhs is a function
 * ```
 */
export function checkFunction(name: string, value: unknown): void {
  if (typeof value !== 'function') throw new InvalidTypeError(name, 'a function', value);
}

/**
 * Require one of a fixed set of string options.
 * @example
 * ```ts
 * const mode = checkOneOf('options.mode', options.mode ?? 'discrete', ['discrete', 'thesis'] as const); // typed 'discrete' | 'thesis'
 * ```
 */
export function checkOneOf<T extends string>(name: string, value: unknown, options: readonly T[]): T {
  if (typeof value !== 'string' || !options.includes(value as T)) {
    throw new InvalidArgumentError(name, `one of ${options.map((o) => JSON.stringify(o)).join(', ')}`, value);
  }
  return value as T;
}
