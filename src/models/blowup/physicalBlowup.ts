/**
 * Independent blowup time of `a_t = Δa + a²`: solve the physical equation directly with adaptive
 * linearly implicit steps until the amplitude at the origin is large, then extrapolate
 * `T ≈ t + 1/a(0,t)` (docs/blowup.md check 10; thesis §1.2, thesis §1.1.1).
 *
 * **Why the extrapolation works.** At the origin `d(1/a)/dt = −(1 − q)`, `q := −Δa(0,t)/a(0,t)²`.
 * Near blowup `a ≈ (T−t)^{−1} ū(x/√((T−t)|log(T−t)|))`, so `q ≈ n/(4|log(T−t)|) → 0` (the rescaled
 * law `c_u + 1 = Σλ_i/4`, thesis (2.2.7)). Integrating from t to T:
 * `T − t = 1/a + O(q/a)` (the plain estimate, error ≈ q/a) and, freezing q,
 * `T − t = 1/(a(1 − q)) + O(q²/a)` (the corrected estimate). Both converge as a → ∞; the tests
 * check the predicted error `≈ q/a` of the plain one.
 *
 * @module
 */
import { InvalidArgumentError } from '../../core/errors';
import { checkFinite, checkInRange, checkInteger, checkPositive, checkVec } from '../../core/check';
import { InvalidTypeError } from '../../core/errors';
import { RunWatch } from '../../core/progress';
import { checkRunOptions, checkSaveAt, type RunOptions, type RunResult, type SavedState } from '../../core/run';
import { StepSizeController } from '../../time/stepController';
import { allFinite, type SolveStatus } from '../../core/status';
import type { Vec } from '../../core/types';
import type { PhysicalHeatSystem } from './physicalRadial';
import { HeatRosenbrockStepper } from './physicalRosenbrock';

/** Problem of {@link solvePhysicalHeat}. */
export interface PhysicalHeatOptions {
  /** The semi-discrete system (`radialHeatSystem` or `tensorHeatSystem2d`). */
  system: PhysicalHeatSystem;
  /** a(·,0) at the system's nodes; finite, with a(0,0) > 0 the maximum. */
  initial: Vec | ArrayLike<number>;
  /** Stop once `a(0,t)` reaches this value (default 1e6; must exceed the initial amplitude). */
  amplitudeTarget?: number;
  /** Relative local error tolerance per step (default 1e-8). */
  rtol?: number;
  /** Absolute tolerance, relative to the initial amplitude (default 1e-6·rtol·a(0,0)). */
  atol?: number;
  /** Initial step (default 1e-4/a(0,0)). */
  initialStep?: number;
  /** Budget of attempted steps (default 1e6). */
  maxSteps?: number;
}

/** The final state of {@link solvePhysicalHeat} with the blowup-time estimates. */
export interface PhysicalHeatFinal {
  /** Final physical time t. */
  t: number;
  /** Final state a(·, t) (length `system.size`). */
  state: Vec;
  /** a(0,t) at the final time. */
  amplitude: number;
  /** Discrete Laplacian Δa(0,t) = −(K a)_0/M_0 at the final time. */
  laplacianAtOrigin: number;
  /** Corrected blowup-time estimate `t + 1/(a + Δa(0)/a)` (error O(q²/a)). */
  blowupTime: number;
  /** Plain estimate `t + 1/a(0,t)` (error ≈ q/a). */
  blowupTimeSimple: number;
}

/** Per accepted step (and the initial state): t, a(0,t), Δa(0,t). */
export interface PhysicalHeatHistory {
  /** Physical times t. */
  t: Vec;
  /** Amplitude a(0,t) at the origin. */
  amplitude: Vec;
  /** Discrete Laplacian Δa(0,t) at the origin. */
  laplacian: Vec;
}

/** Counters of {@link solvePhysicalHeat} besides the shared ones (`nfev` = evaluations of F(a) = −K a + M a²). */
export interface PhysicalHeatStats {
  /** Stage-matrix factorizations (one per attempted step). */
  factorizations: number;
}

/** Result of {@link solvePhysicalHeat}: the shared run result (`saved` states at `saveAt`, physical times). */
export type PhysicalHeatResult = RunResult<PhysicalHeatFinal, Vec, PhysicalHeatStats, PhysicalHeatHistory>;

/**
 * Integrate the semi-discrete physical equation `M a' = −K a + M a²` from `initial` with the
 * adaptive RODAS3 stepper until `a(0,t) ≥ amplitudeTarget`, and extrapolate the blowup time.
 *
 * The step is also capped at `0.5/max(a)` (half the blowup time of the local ODE), which keeps the
 * stage matrices SPD, and shortened to hit the run option `saveAt` (physical times ≥ 0, strictly
 * increasing; those after the stop are not reached). Steps are controlled by `time/`'s
 * `StepSizeController` (order 3). Cost: O(N) per step in 1-D (tridiagonal), one sparse
 * factorization per step in 2-D; the number of steps grows like `rtol^{−1/3}·log(amplitudeTarget)`.
 *
 * @param problem - the system, the initial data, tolerances and the stopping amplitude
 * @param runOptions - `signal`, `onProgress`, `progressEvery`, `saveAt`
 * @throws InvalidArgumentError for non-finite data, a(0,0) ≤ 0, or bad options (before any work)
 * @example
 * ```ts
 * const grid = mappedGrid(sinhMap({ length: 1e5, scale: 0.01 }), 401, { symmetry: 'even' });
 * const a0 = grid.x.map((x) => 1 / (1 + x * x / 8 + x ** 4 / 10));
 * const run = solvePhysicalHeat({ system: radialHeatSystem(grid, 1), initial: a0, amplitudeTarget: 1e6 }, { signal });
 * run.status; run.final.blowupTime; // ≈ 1.24
 * ```
 */
export function solvePhysicalHeat(problem: PhysicalHeatOptions, runOptions: RunOptions = {}): PhysicalHeatResult {
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'a problem object { system, initial, … }', problem);
  checkRunOptions(runOptions);
  const options = problem;
  const system = problem.system;
  if (system === null || typeof system !== 'object' || typeof system.size !== 'number') throw new InvalidTypeError('problem.system', 'a PhysicalHeatSystem', system);
  const initial = problem.initial;
  if (initial === null || typeof initial !== 'object' || typeof (initial as ArrayLike<number>).length !== 'number') throw new InvalidTypeError('problem.initial', 'an array of numbers', initial);
  const y0 = checkVec('problem.initial', initial instanceof Float64Array ? initial : Float64Array.from(initial as ArrayLike<number>), system.size);
  if (!allFinite(y0)) throw new InvalidArgumentError('problem.initial', 'finite at every node');
  if (!(y0[0] > 0)) throw new InvalidArgumentError('problem.initial[0]', 'a positive amplitude at the origin', y0[0]);
  const amplitudeTarget = checkPositive('problem.amplitudeTarget', options.amplitudeTarget ?? 1e6);
  if (!(amplitudeTarget > y0[0])) throw new InvalidArgumentError('problem.amplitudeTarget', `greater than the initial amplitude ${y0[0]}`, amplitudeTarget);
  const rtol = checkInRange('problem.rtol', options.rtol ?? 1e-8, 1e-14, 0.1);
  const atol = checkPositive('problem.atol', options.atol ?? 1e-6 * rtol * y0[0]);
  let h = checkPositive('problem.initialStep', options.initialStep ?? 1e-4 / y0[0]);
  const maxSteps = checkInteger('problem.maxSteps', options.maxSteps ?? 1e6, 1);
  const saveAt = checkSaveAt('runOptions.saveAt', runOptions.saveAt, 0, Infinity);

  const stepper = new HeatRosenbrockStepper(system);
  const controller = new StepSizeController({ order: 3, maxFactor: 5, minFactor: 0.2, safety: 0.9 });
  const watch = new RunWatch(runOptions);
  const progressExtra = { amplitude: 0 };
  const n = system.size;
  let y = Float64Array.from(y0);
  let next = new Float64Array(n);
  const scratch = new Float64Array(n);
  const ts: number[] = [0];
  const amps: number[] = [y[0]];
  const laps: number[] = [laplacianAtOrigin(system, y, scratch)];
  const saved: SavedState<Vec>[] = [];
  let nextSave = 0;
  if (saveAt.length > 0 && saveAt[0] === 0) { saved.push({ t: 0, state: Float64Array.from(y) }); nextSave = 1; }
  let t = 0;
  let accepted = 0;
  let rejected = 0;
  let status: SolveStatus = 'maxSteps';
  let message = `maxSteps = ${maxSteps} attempted steps reached before a(0,t) = ${amplitudeTarget}`;
  let attempt = 0;
  for (; attempt < maxSteps; attempt++) {
    let ymax = 0;
    for (let i = 0; i < n; i++) if (y[i] > ymax) ymax = y[i];
    h = Math.min(h, 0.5 / ymax);
    const hitsSave = nextSave < saveAt.length && t + h >= saveAt[nextSave];
    const hTry = hitsSave ? saveAt[nextSave] - t : h;
    const err = stepper.attempt(y, hTry, rtol, atol, next);
    if (!Number.isFinite(err)) {
      if (hTry < 1e-15 * Math.max(t, 1 / ymax)) { status = 'nonFinite'; message = `non-finite stage values at t = ${t} even with the smallest step`; break; }
      h = hTry * 0.25;
      controller.reject(err);
      rejected++;
      continue;
    }
    if (err > 1) {
      rejected++;
      h = hTry * controller.reject(err);
      if (h < 1e-15 * Math.max(t, 1 / ymax)) { status = 'diverged'; message = `step size underflow at t = ${t}`; break; }
      continue;
    }
    const factor = controller.accept(err);
    t = hitsSave ? saveAt[nextSave] : t + hTry;
    const swap = y; y = next; next = swap;
    accepted++;
    h = hitsSave ? Math.max(h, hTry * factor) : hTry * factor;
    if (hitsSave) saved.push({ t: saveAt[nextSave++], state: Float64Array.from(y) });
    ts.push(t);
    amps.push(y[0]);
    laps.push(laplacianAtOrigin(system, y, scratch));
    if (y[0] >= amplitudeTarget) { status = 'success'; message = `a(0,t) reached ${amplitudeTarget} at t = ${t}`; attempt++; break; }
    progressExtra.amplitude = y[0];
    if (watch.tick(accepted, Math.log(y[0] / y0[0]) / Math.log(amplitudeTarget / y0[0]), t, progressExtra)) { status = 'aborted'; message = `aborted by the signal at t = ${t}`; attempt++; break; }
  }
  watch.finish(accepted, status === 'success' ? 1 : Math.log(y[0] / y0[0]) / Math.log(amplitudeTarget / y0[0]), t, { amplitude: y[0] });
  const amplitude = y[0];
  const lap = laps[laps.length - 1];
  return {
    status,
    message,
    stats: { nsteps: accepted + rejected, naccept: accepted, nreject: rejected, nfev: stepper.evaluations, factorizations: stepper.factorizations },
    final: {
      t,
      state: y,
      amplitude,
      laplacianAtOrigin: lap,
      blowupTime: amplitude + lap / amplitude > 0 ? t + 1 / (amplitude + lap / amplitude) : Infinity,
      blowupTimeSimple: t + 1 / amplitude,
    },
    saved,
    history: { t: Float64Array.from(ts), amplitude: Float64Array.from(amps), laplacian: Float64Array.from(laps) },
  };
}

/**
 * The corrected extrapolation `T ≈ t + 1/(a(1 − q))`, `q = −Δa/a²` (module doc), from the amplitude
 * a = a(0,t) and the Laplacian Δa(0,t). O(1).
 * @example
 * ```ts
 * correctedBlowupTime(0.9, 1e4, -2e6); // 0.9 + 1/(1e4 − 200)
 * ```
 */
export function correctedBlowupTime(t: number, amplitude: number, laplacian: number): number {
  checkFinite('t', t);
  checkPositive('amplitude', amplitude);
  checkFinite('laplacian', laplacian);
  const denominator = amplitude + laplacian / amplitude;
  if (!(denominator > 0)) throw new InvalidArgumentError('laplacian', `greater than −amplitude² = ${-amplitude * amplitude} (q = −Δa/a² < 1: near blowup q → 0)`, laplacian);
  return t + 1 / denominator;
}

/** Δ_h a at the origin: `−(K a)_0 / M_0`. */
function laplacianAtOrigin(system: PhysicalHeatSystem, y: Vec, scratch: Vec): number {
  system.applyStiffness(y, scratch);
  return -scratch[0] / system.mass[0];
}
