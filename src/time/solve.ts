/**
 * `solve(problem, algorithm, options)`: drive an integrator to the end time, recording the
 * trajectory, dense output and events, with cancellation and progress reports.
 *
 * @module
 */
import { checkAllFinite, checkInteger } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import { RunWatch, type LongRunOptions } from '../core/progress';
import type { SolveStatus } from '../core/status';
import type { Vec } from '../core/types';
import { checkEvents, EventTracker, type EventHit, type OdeEvent } from './events';
import { checkProblemAndAlgorithm, type OdeAlgorithm } from './integrator';
import type { OdeProblem } from './problem';
import { DenseHistory, makeSolution, TrajectoryRecorder, type OdeSolution } from './solution';

/**
 * Options of {@link solve}.
 * @example
 * ```ts
 * const ac = new AbortController();
 * const sol = solve(prob, dopri5(), { saveAt: [1, 2, 3], maxSteps: 1e5, signal: ac.signal, onProgress: (p) => console.log(p.fraction) });
 * ```
 */
export interface SolveOptions extends LongRunOptions {
  /**
   * Times at which to record the state, monotone in the integration direction and inside the
   * time span. Fixed-step methods shorten steps to land on them exactly; DOPRI5 evaluates its
   * dense output there. Default: record every accepted step (and the initial state).
   */
  saveAt?: ArrayLike<number>;
  /** Event functions located during the integration (see {@link OdeEvent}). */
  events?: OdeEvent[];
  /** Budget of attempted steps; status `'maxSteps'` when exhausted (default 1e6). */
  maxSteps?: number;
  /** Record the interpolant of every step for {@link OdeSolution.at} (default true). */
  dense?: boolean;
}

/**
 * Integrate `prob` with `alg` from `t0` to `t1` (or to a terminal event).
 *
 * Never throws for numerical trouble: the returned status is `'success'`, `'maxSteps'`,
 * `'aborted'` (the signal fired; checked every `progressEvery` steps), `'nonFinite'` (NaN/Inf in
 * the state or the step size; the last finite state is kept) or `'diverged'` (step size
 * underflow, or a non-positive step from a step rule). Invalid arguments throw
 * `InvalidArgumentError`/`InvalidTypeError` before any work.
 *
 * Cost: the method's cost per step; O(dim) per recorded point; with `dense`, 5·dim numbers per
 * step (plus, for fixed-step methods, one extra right-hand-side evaluation per step).
 *
 * @example
 * ```ts
 * const prob = odeProblem({ rhs(t, y, dy) { dy[0] = -y[0]; }, y0: [1], tspan: [0, 1] });
 * const sol = solve(prob, dopri5({ rtol: 1e-10, atol: 1e-12 }), { saveAt: [0.5, 1] });
 * sol.y[1]; // ≈ Math.exp(-1)
 * ```
 */
export function solve<P>(prob: OdeProblem<P>, alg: OdeAlgorithm, options: SolveOptions = {}): OdeSolution {
  checkProblemAndAlgorithm(prob, alg);
  if (options === null || typeof options !== 'object') throw new InvalidTypeError('options', 'an object', options);
  const saveAt = options.saveAt === undefined ? undefined : checkSaveAt(prob as OdeProblem<unknown>, options.saveAt);
  const events = options.events === undefined ? [] : checkEvents('options.events', options.events);
  const maxSteps = checkInteger('options.maxSteps', options.maxSteps ?? 1_000_000, 1);
  if (options.dense !== undefined && typeof options.dense !== 'boolean') throw new InvalidTypeError('options.dense', 'a boolean', options.dense);
  const wantDense = options.dense ?? true;

  const it = alg.createIntegrator(prob as OdeProblem<unknown>);
  const dim = prob.dim;
  const record = new TrajectoryRecorder(dim);
  const dense = wantDense ? new DenseHistory(dim) : undefined;
  const tracker = events.length > 0 ? new EventTracker(events, dim) : undefined;
  const hits: EventHit[] = [];
  const watch = new RunWatch(options);
  const span = prob.t1 - prob.t0;
  const dir = prob.direction;
  let nextSave = 0;

  if (saveAt === undefined) record.push(it.t, it.y);
  else while (nextSave < saveAt.length && saveAt[nextSave] === prob.t0) record.push(saveAt[nextSave++], it.y);
  tracker?.reset(it.t, it.y);

  let status: SolveStatus | undefined = it.status === 'running' ? undefined : it.status;
  let tFinal = it.t;
  const scratch = new Float64Array(dim);
  while (status === undefined) {
    if (it.stats.nsteps >= maxSteps) {
      status = 'maxSteps';
      break;
    }
    if (watch.tick(it.stats.naccept, (it.t - prob.t0) / span, it.t)) {
      status = 'aborted';
      break;
    }
    if (saveAt !== undefined && it.fixedStep) it.stopAt(nextSave < saveAt.length ? saveAt[nextSave] : prob.t1);
    if (!it.step()) {
      status = it.status === 'running' ? 'success' : it.status;
      break;
    }
    let tReached = it.t;
    let yReached: Vec = it.y;
    let stopped = false;
    if (tracker) {
      const found = tracker.detect(it);
      for (let h = 0; h < found.length; h++) hits.push(found[h]);
      const last = found[found.length - 1];
      if (last !== undefined && last.terminal) {
        tReached = last.t;
        yReached = last.y;
        stopped = true;
      }
    }
    if (dense) {
      const slot = dense.push(it.tPrev, it.t);
      it.denseCoefficients(slot.coef, slot.offset);
    }
    if (saveAt === undefined) {
      record.push(tReached, yReached);
    } else {
      while (nextSave < saveAt.length && dir * (saveAt[nextSave] - tReached) <= 0) {
        const ts = saveAt[nextSave++];
        record.push(ts, ts === it.t ? it.y : it.interpolate(ts, scratch));
      }
    }
    tFinal = tReached;
    if (stopped) {
      status = 'success';
      if (saveAt !== undefined && saveAt[nextSave - 1] !== tReached) record.push(tReached, yReached);
      break;
    }
    if (it.status !== 'running') status = it.status;
  }
  watch.finish(it.stats.naccept, (tFinal - prob.t0) / span, tFinal);
  const { t, y } = record.finish();
  return makeSolution({
    t, y, dim, status: status as SolveStatus, stats: { ...it.stats }, events: hits,
    t0: prob.t0, tFinal, y0: prob.y0, method: alg.name, dense,
  });
}

/** Validate `saveAt`: finite, strictly monotone in the integration direction, inside the span. */
function checkSaveAt(prob: OdeProblem<unknown>, saveAt: ArrayLike<number>): Float64Array {
  if (saveAt === null || typeof saveAt !== 'object' || typeof saveAt.length !== 'number') {
    throw new InvalidTypeError('options.saveAt', 'an array of times', saveAt);
  }
  checkInteger('options.saveAt.length', saveAt.length, 1);
  checkAllFinite('options.saveAt', saveAt);
  const dir = prob.direction;
  const lo = Math.min(prob.t0, prob.t1);
  const hi = Math.max(prob.t0, prob.t1);
  for (let k = 0; k < saveAt.length; k++) {
    const s = saveAt[k];
    if (!(s >= lo && s <= hi)) throw new InvalidArgumentError(`options.saveAt[${k}]`, `a time in [${lo}, ${hi}]`, s);
    if (k > 0 && !(dir * (s - saveAt[k - 1]) > 0)) {
      throw new InvalidArgumentError(`options.saveAt[${k}]`, `strictly ${dir > 0 ? 'increasing' : 'decreasing'} times (the integration direction)`, s);
    }
  }
  return Float64Array.from(saveAt);
}
