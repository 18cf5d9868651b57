/**
 * The freeze detector that defines the paper's "time until the apparent total freeze" T
 * (Section 3, the paper, §3: "the variance σ² is almost identically equal to 0 compared to typical
 * values in the main part of the evolution").
 *
 * Definition used throughout the library: given a time series s(t) ≥ 0 (∫σ² dz by default, or
 * max σ², or the Monte Carlo ∫σ̂²), let t* be the time of its global maximum (the peak). Then
 * `T(f)` is the first time after t* at which s falls below `f·s(t*)`, with linear interpolation
 * between the two samples that bracket the crossing. When s never falls below the level after
 * the peak (the printed orientation of Section 3), there is no freeze: `time` is null and
 * `status` is `'noFreeze'` — a result, not an error.
 *
 * @module
 */
import { checkAllFinite, checkInRange } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';

/**
 * Options of {@link freezeTime}.
 * @example
 * ```ts
 * const T = freezeTime(times, sigmaMax, { fraction: 0.05 }).time; // the 5 % freeze time
 * ```
 */
export interface FreezeOptions {
  /** Level f as a fraction of the peak, in (0, 1) (default 0.01). */
  fraction?: number;
}

/**
 * Result of {@link freezeTime}.
 * @example
 * ```ts
 * const r: FreezeResult = freezeTime([0, 1, 2, 3], [0, 1, 0.5, 0]);
 * r.status; r.time; r.peakTime; // 'frozen', ≈ 2.98, 1
 * ```
 */
export interface FreezeResult {
  /** `'frozen'` when the series fell below `fraction·peak` after its peak, else `'noFreeze'`. */
  status: 'frozen' | 'noFreeze';
  /** The freeze time T(f) (linearly interpolated crossing), or null when nothing freezes. */
  time: number | null;
  /** The level used, `fraction·peakValue`. */
  level: number;
  /** Time of the global maximum of the series (the first one if repeated). */
  peakTime: number;
  /** The global maximum of the series. */
  peakValue: number;
  /** Index of the first sample below the level after the peak, or −1. */
  index: number;
  /** The fraction f used. */
  fraction: number;
}

/**
 * The freeze time T(f) of a series: the first time after its peak at which it falls below
 * `f·peak` (docs/billiards.md; the paper's T of Section 3, the paper, §3, made precise).
 *
 * The crossing is located by linear interpolation between the last sample at or above the level
 * and the first one below it, so the result is accurate to O(Δt²) for a smooth series sampled at
 * spacing Δt. Complexity O(m) for m samples, no allocation.
 *
 * @param times - strictly increasing sample times (length m ≥ 2)
 * @param values - the series at those times (finite), e.g. `result.history.sigmaSquaredIntegral`
 * @param options - `fraction` f in (0, 1), default 0.01
 * @returns the freeze time (or null with status `'noFreeze'`) and the peak it refers to
 * @throws InvalidTypeError when the arrays have different lengths;
 *   InvalidArgumentError for fewer than 2 samples, non-increasing times, non-finite values or f ∉ (0, 1)
 * @example
 * ```ts
 * const run = meanFieldPde({ n: 1000, orientation: 'reversed', nodes: 801, tEnd: 6e-3 });
 * const T = freezeTime(run.history.t, run.history.sigmaSquaredIntegral).time; // ≈ 1/λ
 * ```
 */
export function freezeTime(times: ArrayLike<number>, values: ArrayLike<number>, options: FreezeOptions = {}): FreezeResult {
  const fraction = checkInRange('fraction', options.fraction ?? 0.01, 0, 1);
  if (fraction === 0 || fraction === 1) throw new InvalidArgumentError('fraction', 'a number in (0, 1)', fraction);
  if (times === null || typeof times !== 'object' || typeof times.length !== 'number') throw new InvalidTypeError('times', 'an array of numbers', times);
  if (values === null || typeof values !== 'object' || values.length !== times.length) {
    throw new InvalidTypeError('values', `an array of numbers of length times.length = ${times.length}`, values);
  }
  const m = times.length;
  if (m < 2) throw new InvalidArgumentError('times.length', 'an integer >= 2', m);
  checkAllFinite('times', times);
  checkAllFinite('values', values);
  for (let k = 1; k < m; k++) {
    if (!(times[k] > times[k - 1])) throw new InvalidArgumentError('times', `strictly increasing (fails at index ${k})`, times[k]);
  }
  let peakIndex = 0;
  for (let k = 1; k < m; k++) if (values[k] > values[peakIndex]) peakIndex = k;
  const peakValue = values[peakIndex];
  const level = fraction * peakValue;
  const base = { level, peakTime: times[peakIndex], peakValue, fraction };
  for (let k = peakIndex + 1; k < m; k++) {
    if (values[k] < level) {
      const v0 = values[k - 1];
      const v1 = values[k];
      const theta = v0 > v1 ? (v0 - level) / (v0 - v1) : 1;
      const time = times[k - 1] + Math.min(1, Math.max(0, theta)) * (times[k] - times[k - 1]);
      return { status: 'frozen', time, index: k, ...base };
    }
  }
  return { status: 'noFreeze', time: null, index: -1, ...base };
}
