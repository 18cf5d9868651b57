/**
 * The result of {@link solve}: recorded times and states (one flat row-major Float64Array), the
 * dense interpolant over the whole integration, status, counters and located events.
 *
 * @module
 */
import { checkInteger, checkFinite } from '../core/check';
import { InvalidArgumentError } from '../core/errors';
import type { SolveStatus } from '../core/status';
import type { Vec } from '../core/types';
import type { EventHit } from './events';
import { evaluateDense } from './integrator';
import type { OdeStats } from './problem';

/**
 * Solution of an initial value problem.
 *
 * Layout: `t[k]` is the k-th recorded time and the state at `t[k]` is
 * `y.subarray(k·dim, (k+1)·dim)` (row-major; `state(k)` copies it out).
 * @example
 * ```ts
 * const sol: OdeSolution = solve(prob, dopri5({ rtol: 1e-9 }), { saveAt: [1, 2] });
 * sol.t; sol.state(1); sol.at(1.5); // recorded times, a copy of the state at t = 2, dense output
 * ```
 */
export interface OdeSolution {
  /** Recorded times (every accepted step, or the `saveAt` times reached). */
  readonly t: Float64Array;
  /** Recorded states, flat row-major: `y[k·dim + i]` is component i at `t[k]`. */
  readonly y: Float64Array;
  /** State dimension. */
  readonly dim: number;
  /** How the integration ended. */
  readonly status: SolveStatus;
  /** Counters: evaluations, accepted/rejected/attempted steps, shifted solves. */
  readonly stats: OdeStats;
  /** Located events in time order. */
  readonly events: EventHit[];
  /** Time actually reached (the end time, a terminal event, or where a failure stopped). */
  readonly tFinal: number;
  /** Name of the method used. */
  readonly method: string;
  /** Copy of the k-th recorded state. */
  state(k: number, out?: Vec): Vec;
  /**
   * Dense output at any time between the start and `tFinal`: DOPRI5's 4th-order continuous
   * extension, or the cubic Hermite interpolant of the fixed-step methods (local error O(dt⁴)).
   * Requires `dense: true` (the default) in the solve options.
   */
  at(time: number, out?: Vec): Vec;
}

/** Growable record of per-step interpolation coefficients (5·dim values per step). Internal. */
export class DenseHistory {
  private starts: Float64Array = new Float64Array(64);
  private ends: Float64Array = new Float64Array(64);
  private coef: Float64Array;
  private count = 0;

  /** @param dim - state dimension */
  constructor(private readonly dim: number) {
    this.coef = new Float64Array(64 * 5 * dim);
  }

  /** Reserve the coefficient slot of a new step [tStart, tEnd]; returns its offset. */
  push(tStart: number, tEnd: number): { coef: Float64Array; offset: number } {
    if (this.count === this.starts.length) {
      const grow = (a: Float64Array, size: number): Float64Array => {
        const b = new Float64Array(size);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts, 2 * this.count);
      this.ends = grow(this.ends, 2 * this.count);
      this.coef = grow(this.coef, 2 * this.count * 5 * this.dim);
    }
    this.starts[this.count] = tStart;
    this.ends[this.count] = tEnd;
    const offset = this.count * 5 * this.dim;
    this.count++;
    return { coef: this.coef, offset };
  }

  /** Evaluate at `time` (caller checks the range). O(log steps + dim). */
  evaluate(time: number, out: Vec): Vec {
    const n = this.count;
    const forward = n === 0 || this.ends[0] >= this.starts[0];
    // binary search for the last step whose start is at or before `time` (in integration order)
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const before = forward ? this.starts[mid] <= time : this.starts[mid] >= time;
      if (before) lo = mid;
      else hi = mid - 1;
    }
    const h = this.ends[lo] - this.starts[lo];
    const theta = h === 0 ? 0 : (time - this.starts[lo]) / h;
    return evaluateDense(this.coef, lo * 5 * this.dim, this.dim, theta, out);
  }

  /** Number of recorded steps. */
  get length(): number {
    return this.count;
  }
}

/** Growable (t, y) record. Internal. */
export class TrajectoryRecorder {
  private times: Float64Array = new Float64Array(64);
  private states: Float64Array;
  private count = 0;

  /** @param dim - state dimension */
  constructor(private readonly dim: number) {
    this.states = new Float64Array(64 * dim);
  }

  /** Append a copy of `(time, y)`. */
  push(time: number, y: Vec): void {
    if (this.count === this.times.length) {
      const times = new Float64Array(2 * this.count);
      times.set(this.times);
      this.times = times;
      const states = new Float64Array(2 * this.count * this.dim);
      states.set(this.states);
      this.states = states;
    }
    this.times[this.count] = time;
    this.states.set(y.subarray(0, this.dim), this.count * this.dim);
    this.count++;
  }

  /** Trimmed copies of the recorded arrays. */
  finish(): { t: Float64Array; y: Float64Array } {
    return { t: this.times.slice(0, this.count), y: this.states.slice(0, this.count * this.dim) };
  }
}

/** Assemble an {@link OdeSolution}. Internal helper of `solve`. */
export function makeSolution(parts: {
  t: Float64Array; y: Float64Array; dim: number; status: SolveStatus; stats: OdeStats; events: EventHit[];
  t0: number; tFinal: number; y0: Vec; method: string; dense: DenseHistory | undefined;
}): OdeSolution {
  const { t, y, dim, t0, tFinal, dense } = parts;
  const lo = Math.min(t0, tFinal);
  const hi = Math.max(t0, tFinal);
  const y0 = Float64Array.from(parts.y0);
  return {
    t, y, dim,
    status: parts.status,
    stats: parts.stats,
    events: parts.events,
    tFinal,
    method: parts.method,
    state(k: number, out: Vec = new Float64Array(dim)): Vec {
      checkInteger('k', k, 0, t.length - 1);
      out.set(y.subarray(k * dim, (k + 1) * dim));
      return out;
    },
    at(time: number, out: Vec = new Float64Array(dim)): Vec {
      checkFinite('time', time);
      if (dense === undefined) throw new InvalidArgumentError('options.dense', 'true (the default) to use Solution.at', false);
      if (!(time >= lo && time <= hi)) throw new InvalidArgumentError('time', `a time in [${lo}, ${hi}]`, time);
      if (dense.length === 0) {
        out.set(y0);
        return out;
      }
      return dense.evaluate(time, out);
    },
  };
}
