/**
 * Helpers for cancellation (`AbortSignal`) and progress reporting in long computations.
 *
 * @module
 */
import { checkInteger } from './check';

/**
 * Progress report passed to `onProgress` callbacks.
 * @example
 * ```ts
 * const onProgress = (p: ProgressInfo) => console.log(`${(100 * p.fraction).toFixed(1)} % at step ${p.step}, t = ${p.t}`);
 * ```
 */
export interface ProgressInfo {
  /** Fraction of the work done, in [0, 1] (NaN when unknown). */
  fraction: number;
  /** Steps or iterations completed so far. */
  step: number;
  /** Current simulated time, where it applies. */
  t?: number;
  /** Free-form extra values (current loss, residual, …). */
  [key: string]: number | undefined;
}

/**
 * Options understood by every long-running routine.
 * @example
 * ```ts
 * const options: LongRunOptions = { signal: AbortSignal.timeout(10_000), onProgress: (p) => console.log(p.fraction) };
 * ```
 */
export interface LongRunOptions {
  /** Cancels the computation; the routine returns with `status: 'aborted'`. */
  signal?: AbortSignal;
  /** Called at most every `progressEvery` steps with a {@link ProgressInfo}. */
  onProgress?: (info: ProgressInfo) => void;
  /** Steps between progress reports and abort checks (default 64). */
  progressEvery?: number;
}

/**
 * A small throttle that checks an `AbortSignal` and reports progress every `every` ticks, so
 * that hot loops pay one integer comparison per step.
 *
 * @example
 * ```ts
 * const watch = new RunWatch(options);
 * for (let k = 0; k < n; k++) {
 *   if (watch.tick(k, k / n)) return { status: 'aborted' };
 *   // ... work ...
 * }
 * ```
 */
export class RunWatch {
  private readonly signal: AbortSignal | undefined;
  private readonly onProgress: ((info: ProgressInfo) => void) | undefined;
  private readonly every: number;
  private countdown: number;

  /** @param options - the caller's {@link LongRunOptions} */
  constructor(options: LongRunOptions = {}) {
    this.signal = options.signal;
    this.onProgress = options.onProgress;
    this.every = options.progressEvery === undefined ? 64 : checkInteger('progressEvery', options.progressEvery, 1);
    this.countdown = 0;
  }

  /** True when the signal has fired (checked immediately, not throttled). */
  get aborted(): boolean {
    return this.signal?.aborted === true;
  }

  /**
   * Count one step; every `every` steps, report progress and check the signal. `extra` may be a
   * function, evaluated only when a report is actually made (for values that cost a pass over the data).
   * @returns true when the computation must stop because the signal fired
   */
  tick(step: number, fraction: number, t?: number, extra?: Record<string, number> | (() => Record<string, number>)): boolean {
    if (--this.countdown > 0) return false;
    this.countdown = this.every;
    if (this.onProgress) this.onProgress({ fraction, step, t, ...(typeof extra === 'function' ? extra() : extra) });
    return this.signal?.aborted === true;
  }

  /** Report a final progress value unconditionally. */
  finish(step: number, fraction: number, t?: number, extra?: Record<string, number>): void {
    if (this.onProgress) this.onProgress({ fraction, step, t, ...extra });
  }
}

/**
 * The same run options with progress fractions mapped from [0, 1] onto [from, to], for one stage of
 * a computation made of several (the signal and the throttle pass through unchanged).
 *
 * @param options - the caller's {@link LongRunOptions}
 * @param from - the fraction of the whole at which this stage starts, in [0, 1]
 * @param to - the fraction at which it ends, in [from, 1]
 * @example
 * ```ts
 * // two stages of equal weight
 * trainKan(first, progressSlice(options, 0, 0.5));
 * trainKan(second, progressSlice(options, 0.5, 1));
 * ```
 */
export function progressSlice<T extends LongRunOptions>(options: T, from: number, to: number): T {
  if (!(from >= 0 && from <= 1)) throw new RangeError(`progressSlice: from must lie in [0, 1] (got ${from})`);
  if (!(to >= from && to <= 1)) throw new RangeError(`progressSlice: to must lie in [from, 1] = [${from}, 1] (got ${to})`);
  const report = options.onProgress;
  if (report === undefined) return options;
  return { ...options, onProgress: (info: ProgressInfo) => report({ ...info, fraction: from + (to - from) * (Number.isFinite(info.fraction) ? info.fraction : 0) }) };
}
