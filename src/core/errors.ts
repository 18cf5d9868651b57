/**
 * Error classes thrown by singularis for invalid input.
 *
 * Every check runs before any numerical work starts, and every message names the offending
 * argument and the accepted range, e.g. `n must be an integer >= 4 (got 2)`.
 *
 * @module
 */

/**
 * Thrown when a numeric argument lies outside its accepted range (a `RangeError`).
 * @example
 * ```ts
 * throw new InvalidArgumentError('options.rtol', 'a number in (0, 1)', 2);
 * // RangeError: options.rtol must be a number in (0, 1) (got 2)
 * ```
 */
export class InvalidArgumentError extends RangeError {
  /** Name of the offending argument, e.g. `"rtol"` or `"options.maxSteps"`. */
  readonly argument: string;
  /** Human-readable description of the accepted range, e.g. `"a finite number > 0"`. */
  readonly accepted: string;

  /**
   * @param argument - name of the argument as the caller wrote it
   * @param accepted - what would have been accepted
   * @param got - the value received (formatted into the message)
   */
  constructor(argument: string, accepted: string, got?: unknown) {
    super(`${argument} must be ${accepted}${got === undefined ? '' : ` (got ${formatValue(got)})`}`);
    this.name = 'InvalidArgumentError';
    this.argument = argument;
    this.accepted = accepted;
  }
}

/**
 * Thrown when an argument has the wrong type or shape (a `TypeError`).
 * @example
 * ```ts
 * throw new InvalidTypeError('y0', 'a Float64Array or an array of finite numbers', 'abc');
 * ```
 */
export class InvalidTypeError extends TypeError {
  /** Name of the offending argument. */
  readonly argument: string;
  /** Description of the accepted type or shape. */
  readonly accepted: string;

  /**
   * @param argument - name of the argument as the caller wrote it
   * @param accepted - what would have been accepted, e.g. `"a Float64Array of length 12"`
   * @param got - the value received (formatted into the message)
   */
  constructor(argument: string, accepted: string, got?: unknown) {
    super(`${argument} must be ${accepted}${got === undefined ? '' : ` (got ${formatValue(got)})`}`);
    this.name = 'InvalidTypeError';
    this.argument = argument;
    this.accepted = accepted;
  }
}

/**
 * Thrown when a numerical routine cannot proceed for a mathematical reason that the caller
 * must handle (a singular pivot in a direct solve, a matrix that is not positive definite).
 * Long-running solvers never throw this mid-way; they return a `status` instead.
 * @example
 * ```ts
 * try { choleskyFactor(A); } catch (e) { if (e instanceof NumericalError && e.reason === 'notPositiveDefinite') A = regularized(A); }
 * ```
 */
export class NumericalError extends Error {
  /** Machine-readable reason, e.g. `"singular"` or `"notPositiveDefinite"`. */
  readonly reason: string;

  /**
   * @param reason - machine-readable reason
   * @param message - human-readable explanation
   */
  constructor(reason: string, message: string) {
    super(message);
    this.name = 'NumericalError';
    this.reason = reason;
  }
}

function formatValue(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null) return 'null';
  if (ArrayBuffer.isView(v)) return `${v.constructor.name}(length ${(v as unknown as ArrayLike<number>).length})`;
  if (Array.isArray(v)) return `Array(length ${v.length})`;
  return typeof v;
}
