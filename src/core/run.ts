/**
 * The run idiom shared by every model solver (see `docs/conventions.md`).
 *
 * A model solver takes two arguments: the **problem** (what to solve and how: parameters, grid,
 * scheme, tolerances, seed) and the **run options** ({@link RunOptions}: `signal`, `onProgress`,
 * `progressEvery`, `saveAt`), which are the same object shape for every model. It returns a
 * {@link RunResult}: `status` and `message`, `stats` with the `time/` counter names
 * ({@link RunStats}), the final state under `final`, the states recorded at `saveAt` under
 * `saved`, and scalar diagnostics over time under `history`.
 *
 * Runs long enough to step by hand also come as a {@link Stepper} (`init → step → result`), and
 * the one-call solver is then {@link drive} over it.
 *
 * @module
 */
import { checkFinite, checkFunction, checkInteger } from './check';
import { InvalidArgumentError, InvalidTypeError } from './errors';
import { RunWatch, type LongRunOptions, type ProgressInfo } from './progress';
import type { SolveStatus } from './status';

/**
 * Run options understood by every model solver, always passed as the **second** argument.
 * Which time variable `saveAt` refers to (physical t, rescaled τ, iteration count, …) is stated by
 * each solver; the ordering rule is the same everywhere: strictly increasing, inside the run's
 * time span, otherwise an {@link InvalidArgumentError} before any work (never silently sorted).
 * @example
 * ```ts
 * const ac = new AbortController();
 * const options: RunOptions = { signal: ac.signal, onProgress: (p) => console.log(p.fraction), progressEvery: 100, saveAt: [1, 2] };
 * const r = heatBlowupRadial({ dim: 1, tauEnd: 5 }, options);
 * ```
 */
export interface RunOptions extends LongRunOptions {
  /** Times at which the full state is recorded into {@link RunResult.saved}. */
  saveAt?: ArrayLike<number>;
}

/**
 * Counters of a run, with the names of `time/`'s `OdeStats`: `nsteps` attempted steps (or
 * iterations), `naccept` accepted, `nreject` rejected (`nsteps = naccept + nreject`), `nfev`
 * evaluations of the model's right-hand side, forward map or loss. Model-specific counters are
 * added under their own names by extending this interface.
 * @example
 * ```ts
 * const { nsteps, naccept, nreject, nfev }: RunStats = heatBlowupRadial({ dim: 1, tauEnd: 5 }).stats;
 * ```
 */
export interface RunStats {
  /** Attempted steps or iterations. */
  nsteps: number;
  /** Accepted steps or iterations. */
  naccept: number;
  /** Rejected steps (0 for fixed-step methods). */
  nreject: number;
  /** Evaluations of the right-hand side, forward map or objective. */
  nfev: number;
}

/**
 * A zeroed {@link RunStats}.
 * @example
 * ```ts
 * const stats = emptyRunStats(); stats.nsteps++; // { nsteps: 1, naccept: 0, nreject: 0, nfev: 0 }
 * ```
 */
export function emptyRunStats(): RunStats {
  return { nsteps: 0, naccept: 0, nreject: 0, nfev: 0 };
}

/**
 * One recorded state: the time it was recorded at and a copy of the state.
 * @example
 * ```ts
 * const first: SavedState<Float64Array> | undefined = trainJetModel(problem, { saveAt: [10] }).saved[0];
 * first?.t; first?.state; // 10, the parameters after 10 iterations
 * ```
 */
export interface SavedState<S> {
  /** The run's time variable at the record (the solver's docs say which). */
  t: number;
  /** A copy of the state (never aliased to the solver's work arrays). */
  state: S;
}

/**
 * The result of every model solver.
 *
 * @typeParam F - the final state's type
 * @typeParam S - the type of the states recorded at `saveAt` (often the same as `F`)
 * @typeParam X - model-specific counters added to {@link RunStats}
 * @typeParam H - the scalar diagnostics recorded over the run (columns of equal length)
 * @example
 * ```ts
 * const r: RunResult<{ loss: number }> = { status: 'success', message: '', stats: emptyRunStats(), final: { loss: 0 }, saved: [], history: {} };
 * ```
 */
export interface RunResult<F, S = F, X extends object = object, H extends object = object> {
  /** How the run ended; anything but `'success'` means `final` is the last good state, not the answer. */
  status: SolveStatus;
  /** One human-readable sentence on how the run ended (`''` on success is allowed but discouraged). */
  message: string;
  /** Counters with the shared names plus the model's extras. */
  stats: RunStats & X;
  /** The state at the end of the run (the last finite one when the run failed). */
  final: F;
  /** The states recorded at `saveAt`, in time order (those reached before the run stopped). */
  saved: SavedState<S>[];
  /** Scalar diagnostics over the run, one column per quantity, all of equal length. */
  history: H;
}

/**
 * A run advanced by hand: `init → step → result`, the form of `time/`'s integrators for model
 * runs. `step()` takes one accepted step (or iteration) and returns false, without changing the
 * state, when the run has ended (`status` is then no longer `'running'`).
 * @example
 * ```ts
 * const run = initRescaled(model, { u0, logLambda0: [0], tauEnd: 50 });
 * while (run.step()) if (run.fraction > 0.5) run.stop('aborted', 'half way is enough');
 * run.result().status; // 'aborted'
 * ```
 */
export interface Stepper<R> {
  /** `'running'` until the run ends, then its final {@link SolveStatus}. */
  readonly status: SolveStatus | 'running';
  /** The run's current time variable. */
  readonly t: number;
  /** Fraction of the requested run done, in [0, 1]. */
  readonly fraction: number;
  /** Counters so far. */
  readonly stats: RunStats;
  /** Take one step; false once the run has ended. */
  step(): boolean;
  /** End the run early with the given status and message (used for aborts). */
  stop(status: SolveStatus, message: string): void;
  /** Values reported to `onProgress` besides `fraction`, `step` and `t` (evaluated only when reported). */
  progressExtras?(): Record<string, number>;
  /** The result so far (the final result once `status` is not `'running'`). */
  result(): R;
}

/**
 * Run a {@link Stepper} to its end under the shared run options: checks the signal and reports
 * progress every `progressEvery` steps, stops with status `'aborted'` when the signal fires.
 * This is the whole loop of every one-call model solver built on a stepper.
 *
 * @example
 * ```ts
 * const stepper = initHeatBlowup(problem, runOptions);
 * const result = drive(stepper, runOptions); // same as heatBlowup(problem, runOptions)
 * ```
 */
export function drive<R>(stepper: Stepper<R>, options: LongRunOptions = {}): R {
  const watch = new RunWatch(options);
  if (watch.aborted) {
    stepper.stop('aborted', 'aborted by the signal before the first step');
    return stepper.result();
  }
  const extras = stepper.progressExtras === undefined ? undefined : () => stepper.progressExtras!();
  while (stepper.step()) {
    if (watch.tick(stepper.stats.naccept, stepper.fraction, stepper.t, extras)) {
      if (stepper.status === 'running') stepper.stop('aborted', `aborted by the signal at t = ${stepper.t}`);
      break;
    }
  }
  watch.finish(stepper.stats.naccept, stepper.fraction, stepper.t, stepper.progressExtras?.());
  return stepper.result();
}

/**
 * Validate the shared run options (types of `signal` and `onProgress`, `progressEvery` a positive
 * integer) before any work. `saveAt` is checked separately by {@link checkSaveAt}, which needs the
 * run's time span.
 * @example
 * ```ts
 * const options = checkRunOptions(runOptions); // {} when undefined; throws on a bad progressEvery
 * ```
 */
export function checkRunOptions(options: unknown, name = 'runOptions'): RunOptions {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object') throw new InvalidTypeError(name, 'an object', options);
  const o = options as RunOptions;
  if (o.signal !== undefined && (o.signal === null || typeof o.signal !== 'object' || typeof o.signal.aborted !== 'boolean')) {
    throw new InvalidTypeError(`${name}.signal`, 'an AbortSignal', o.signal);
  }
  if (o.onProgress !== undefined) checkFunction(`${name}.onProgress`, o.onProgress);
  if (o.progressEvery !== undefined) checkInteger(`${name}.progressEvery`, o.progressEvery, 1);
  return o;
}

/**
 * Check output times against the one ordering rule: finite, strictly increasing, inside
 * `[lo, hi]`. Returns a copy as a Float64Array.
 * @throws InvalidArgumentError naming the first offending entry
 * @example
 * ```ts
 * const times = checkSaveAt('runOptions.saveAt', [0.5, 1, 2], 0, 2); // Float64Array [0.5, 1, 2]
 * checkSaveAt('runOptions.saveAt', [1, 0.5], 0, 2); // throws: not increasing
 * ```
 */
export function checkSaveAt(name: string, saveAt: ArrayLike<number> | undefined, lo: number, hi: number): Float64Array {
  if (saveAt === undefined) return new Float64Array(0);
  if (saveAt === null || typeof saveAt !== 'object' || typeof saveAt.length !== 'number') {
    throw new InvalidTypeError(name, 'an array of times', saveAt);
  }
  const out = new Float64Array(saveAt.length);
  for (let i = 0; i < saveAt.length; i++) {
    const v = checkFinite(`${name}[${i}]`, saveAt[i]);
    if (v < lo || v > hi) throw new InvalidArgumentError(`${name}[${i}]`, `a time in [${lo}, ${hi}]`, v);
    if (i > 0 && !(v > out[i - 1])) throw new InvalidArgumentError(`${name}[${i}]`, `strictly greater than ${name}[${i - 1}] = ${out[i - 1]} (times must be strictly increasing)`, v);
    out[i] = v;
  }
  return out;
}

/** The progress report type of every model (re-exported here so models import one module). */
export type { ProgressInfo, LongRunOptions };
