/**
 * The simple one-dimensional sorting model of Section 2 ((2.1)–(2.2)): at each step a uniformly
 * chosen neighboring pair is put in ascending order. Velocities are only rearranged, so their
 * multiset is conserved; from any start the state ends fully sorted. From the reversed order this
 * is the oriented swap process, absorbed after ≈ 2n(n−1) discrete steps for large n
 * (Angel, Holroyd & Romik 2009: ≈ 2n in continuous time with n − 1 rate-1 clocks).
 *
 * @module
 */
import { checkInteger } from '../../core/check';
import { InvalidTypeError } from '../../core/errors';
import { RunWatch, type LongRunOptions } from '../../core/progress';
import type { SolveStatus } from '../../core/status';
import { Rng } from '../../random/rng';
import { orderPair } from './collision';
import { checkBallCount } from './timeMap';

const floor = Math.floor;
const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** Options of {@link runSortingModel}. */
export interface SortingModelOptions extends LongRunOptions {
  /** Step budget (default 2⁵³ − 1: run until sorted). */
  maxSteps?: number;
}

/** Result of {@link runSortingModel}. */
export interface SortingModelResult {
  /** `'success'` when fully sorted, `'maxSteps'` at the budget, `'aborted'` when the signal fired. */
  status: Extract<SolveStatus, 'success' | 'maxSteps' | 'aborted'>;
  /** Steps performed (the absorption time when `status` is `'success'`). */
  steps: number;
  /** Number of descents v[i] > v[i+1] left (0 when sorted). */
  descents: number;
}

/**
 * Run the sorting model (2.1)–(2.2) on `v` in place until it is sorted ascending: each step
 * draws x uniform on {0, …, n − 2} (unbiased: Lemire's method, as `lemireInteger`) and sets
 * v[x] ← min(v[x], v[x+1]), v[x+1] ← max(…). The number of descents is tracked in O(1) per step,
 * so the stopping test costs nothing. O(steps) time, no allocation.
 *
 * @param v - values, length n ≥ 4 (modified in place)
 * @param rng - the generator (advanced)
 * @param options - step budget, signal, progress
 * @example
 * ```ts
 * const v = Float64Array.from({ length: 100 }, (_, i) => 100 - i);
 * runSortingModel(v, new Rng(1)).steps; // ≈ 2·100·99 on average
 * ```
 */
export function runSortingModel(v: Float64Array, rng: Rng, options: SortingModelOptions = {}): SortingModelResult {
  if (!(v instanceof Float64Array)) throw new InvalidTypeError('v', 'a Float64Array', v);
  const n = checkBallCount('v.length', v.length);
  if (!(rng instanceof Rng)) throw new InvalidTypeError('rng', 'an Rng', rng);
  const maxSteps = checkInteger('maxSteps', options.maxSteps ?? Number.MAX_SAFE_INTEGER, 0);
  const watch = new RunWatch({ progressEvery: 65536, ...options });
  let descents = 0;
  for (let i = 0; i + 1 < n; i++) if (v[i] > v[i + 1]) descents++;
  const m = n - 1;
  const threshold = TWO_POW_32 % m;
  let steps = 0;
  while (descents > 0) {
    if (steps >= maxSteps) return { status: 'maxSteps', steps, descents };
    if (watch.tick(steps, Number.NaN)) return { status: 'aborted', steps, descents };
    // x uniform on {0..n−2}: lemireInteger(rng, n − 1) with the range check hoisted out of the loop
    let product: number;
    let x: number;
    do {
      product = rng.nextUint32() * m;
      x = floor(product * TWO_POW_MINUS_32);
    } while (product - x * TWO_POW_32 < threshold);
    steps++;
    if (v[x] > v[x + 1]) {
      // the swap removes the descent at x and may change those at x − 1 and x + 1
      const before = (x > 0 && v[x - 1] > v[x] ? 1 : 0) + (x + 2 < n && v[x + 1] > v[x + 2] ? 1 : 0);
      orderPair(v, x);
      const after = (x > 0 && v[x - 1] > v[x] ? 1 : 0) + (x + 2 < n && v[x + 1] > v[x + 2] ? 1 : 0);
      descents += after - before - 1;
    }
  }
  watch.finish(steps, 1, undefined, { descents });
  return { status: 'success', steps, descents };
}
