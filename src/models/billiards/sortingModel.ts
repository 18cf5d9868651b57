/**
 * The simple one-dimensional sorting model of Section 2 ((2.1)–(2.2)): at each step a uniformly
 * chosen neighboring pair is put in ascending order. Velocities are only rearranged, so their
 * multiset is conserved; from any start the state ends fully sorted. From the reversed order this
 * is the oriented swap process, absorbed after ≈ 2n(n−1) discrete steps for large n
 * (Angel, Holroyd & Romik 2009: ≈ 2n in continuous time with n − 1 rate-1 clocks).
 *
 * @module
 */
import { checkAllFinite, checkInteger } from '../../core/check';
import { InvalidTypeError } from '../../core/errors';
import { RunWatch } from '../../core/progress';
import { checkRunOptions, checkSaveAt, type RunOptions, type RunResult, type SavedState } from '../../core/run';
import type { SolveStatus } from '../../core/status';
import { Rng } from '../../random/rng';
import { checkBallCount } from './timeMap';

const floor = Math.floor;
const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/**
 * Problem of {@link runSortingModel}.
 * @example
 * ```ts
 * const problem: SortingModelOptions = { v: Float64Array.of(4, 3, 2, 1, 0), rng: new Rng(7) };
 * runSortingModel(problem).final; // sorted ascending
 * ```
 */
export interface SortingModelOptions {
  /** Values, length n ≥ 4, all finite (sorted in place). */
  v: Float64Array;
  /** The generator (advanced). */
  rng: Rng;
  /** Step budget (default 2⁵³ − 1: run until sorted). */
  maxSteps?: number;
}

/**
 * Result of {@link runSortingModel} (the shared run result; `final` is `v`, sorted on success;
 * `saved` holds copies at the `saveAt` step counts; `stats.descents` the descents left).
 * @example
 * ```ts
 * const r: SortingModelResult = runSortingModel({ v: Float64Array.of(3, 1, 2, 0), rng: new Rng(1) });
 * r.status; r.stats.nsteps; r.stats.descents; // 'success', steps taken, 0
 * ```
 */
export type SortingModelResult = RunResult<Float64Array, Float64Array, SortingModelStats, object>;

/**
 * Extra counter of {@link SortingModelResult}.
 * @example
 * ```ts
 * const { descents }: SortingModelStats = runSortingModel({ v, rng, maxSteps: 10 }).stats; // descents left after 10 steps
 * ```
 */
export interface SortingModelStats {
  /** Descents v[x] > v[x+1] left at the end. */
  descents: number;
}

/**
 * Run the sorting model (2.1)–(2.2) on `v` in place until it is sorted ascending: each step
 * draws x uniform on {0, …, n − 2} (unbiased: Lemire's method, as `lemireInteger`) and sets
 * v[x] ← min(v[x], v[x+1]), v[x+1] ← max(…). The number of descents is tracked in O(1) per step,
 * so the stopping test costs nothing. Status `'success'` when fully sorted (the absorption time is
 * `stats.nsteps`), `'maxSteps'` at the budget, `'aborted'` when the signal fired. Non-finite values
 * throw before any work. `runOptions.saveAt` are step counts. O(steps) time, no allocation.
 *
 * @example
 * ```ts
 * const v = Float64Array.from({ length: 100 }, (_, i) => 100 - i);
 * const r = runSortingModel({ v, rng: new Rng(1) }, { signal });
 * r.status; r.stats.nsteps; // 'success', ≈ 2·100·99 on average
 * ```
 */
export function runSortingModel(problem: SortingModelOptions, runOptions: RunOptions = {}): SortingModelResult {
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'a problem object { v, rng, maxSteps? }', problem);
  checkRunOptions(runOptions);
  const { v, rng } = problem;
  if (!(v instanceof Float64Array)) throw new InvalidTypeError('problem.v', 'a Float64Array', v);
  const n = checkBallCount('problem.v.length', v.length);
  checkAllFinite('problem.v', v);
  if (!(rng instanceof Rng)) throw new InvalidTypeError('problem.rng', 'an Rng', rng);
  const maxSteps = checkInteger('problem.maxSteps', problem.maxSteps ?? Number.MAX_SAFE_INTEGER, 0);
  const saveAt = checkSaveAt('runOptions.saveAt', runOptions.saveAt, 0, maxSteps);
  const saved: SavedState<Float64Array>[] = [];
  const watch = new RunWatch({ progressEvery: 65536, ...runOptions });
  let descents = 0;
  for (let i = 0; i + 1 < n; i++) if (v[i] > v[i + 1]) descents++;
  const m = n - 1;
  const threshold = TWO_POW_32 % m;
  let steps = 0;
  let nextSave = 0;
  const finish = (status: SolveStatus, message: string): SortingModelResult => {
    watch.finish(steps, status === 'success' ? 1 : Number.NaN, undefined, { descents });
    return { status, message, stats: { nsteps: steps, naccept: steps, nreject: 0, nfev: steps, descents }, final: v, saved, history: {} };
  };
  while (descents > 0) {
    while (nextSave < saveAt.length && saveAt[nextSave] <= steps) saved.push({ t: saveAt[nextSave++], state: Float64Array.from(v) });
    if (steps >= maxSteps) return finish('maxSteps', `maxSteps = ${maxSteps} reached with ${descents} descents left`);
    if (watch.tick(steps, Number.NaN)) return finish('aborted', `aborted by the signal after ${steps} steps`);
    // x uniform on {0..n−2}: lemireInteger(rng, n − 1) with the range check hoisted out of the loop
    let product: number;
    let x: number;
    do {
      product = rng.nextUint32() * m;
      x = floor(product * TWO_POW_MINUS_32);
    } while (product - x * TWO_POW_32 < threshold);
    steps++;
    const a = v[x];
    const b = v[x + 1];
    if (a > b) {
      // the swap removes the descent at x and may change those at x − 1 and x + 1
      const before = (x > 0 && v[x - 1] > a ? 1 : 0) + (x + 2 < n && b > v[x + 2] ? 1 : 0);
      v[x] = b;
      v[x + 1] = a;
      const after = (x > 0 && v[x - 1] > b ? 1 : 0) + (x + 2 < n && a > v[x + 2] ? 1 : 0);
      descents += after - before - 1;
    }
  }
  return finish('success', `sorted after ${steps} steps`);
}
