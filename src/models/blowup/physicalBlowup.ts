/**
 * Independent blowup time of `a_t = Δa + a²`: solve the physical equation directly with adaptive
 * linearly implicit steps until the amplitude at the origin is large, then extrapolate
 * `T ≈ t + 1/a(0,t)` (spec §7 check 10; thesis §1.2, L686–703).
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
import { checkInRange, checkInteger, checkPositive, checkVec } from '../../core/check';
import { RunWatch, type LongRunOptions } from '../../core/progress';
import { allFinite, type SolveStatus } from '../../core/status';
import type { Vec } from '../../core/types';
import type { PhysicalHeatSystem } from './physicalRadial';
import { HeatRosenbrockStepper } from './physicalRosenbrock';

/** Options of {@link solvePhysicalHeat}. */
export interface PhysicalHeatOptions extends LongRunOptions {
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

/** Result of {@link solvePhysicalHeat}. */
export interface PhysicalHeatResult {
  /** 'success' when the amplitude target was reached. */
  status: SolveStatus;
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
  /** Per accepted step (and the initial state): t, a(0,t), Δa(0,t). */
  history: {
    /** Physical times t. */
    t: Vec;
    /** Amplitude a(0,t) at the origin. */
    amplitude: Vec;
    /** Discrete Laplacian Δa(0,t) at the origin. */
    laplacian: Vec;
  };
  /** Accepted and rejected steps, stage-matrix factorizations, right-hand-side evaluations. */
  stats: {
    /** Accepted steps. */
    accepted: number;
    /** Rejected step attempts (error too large or non-finite). */
    rejected: number;
    /** Stage-matrix factorizations (one per attempted step). */
    factorizations: number;
    /** Right-hand-side evaluations F(a) = −K a + M a². */
    evaluations: number;
  };
}

/**
 * Integrate the semi-discrete physical equation `M a' = −K a + M a²` from `initial` with the
 * adaptive RODAS3 stepper until `a(0,t) ≥ amplitudeTarget`, and extrapolate the blowup time.
 *
 * The step is also capped at `0.5/max(a)` (half the blowup time of the local ODE), which keeps the
 * stage matrices SPD. Cost: O(N) per step in 1-D (tridiagonal), one sparse factorization per step
 * in 2-D; the number of steps grows like `rtol^{−1/3}·log(amplitudeTarget)`.
 *
 * @param system - {@link radialHeatSystem} or {@link tensorHeatSystem2d}
 * @param initial - a(·,0) at the system's nodes; finite, with a(0,0) > 0 the maximum
 * @param options - tolerances, stopping amplitude, signal/onProgress
 * @throws InvalidArgumentError for non-finite data, a(0,0) ≤ 0, or bad options (before any work)
 * @example
 * ```ts
 * const grid = mappedGrid(sinhMap({ length: 1e5, scale: 0.01 }), 401, { symmetry: 'even' });
 * const a0 = grid.x.map((x) => 1 / (1 + x * x / 8 + x ** 4 / 10));
 * const run = solvePhysicalHeat(radialHeatSystem(grid, 1), a0, { amplitudeTarget: 1e6 });
 * run.status; run.blowupTime; // ≈ 1.24
 * ```
 */
export function solvePhysicalHeat(system: PhysicalHeatSystem, initial: Vec | ArrayLike<number>, options: PhysicalHeatOptions = {}): PhysicalHeatResult {
  const y0 = checkVec('initial', initial instanceof Float64Array ? initial : Float64Array.from(initial as ArrayLike<number>), system.size);
  if (!allFinite(y0)) throw new InvalidArgumentError('initial', 'finite at every node');
  if (!(y0[0] > 0)) throw new InvalidArgumentError('initial[0]', 'a positive amplitude at the origin', y0[0]);
  const amplitudeTarget = checkPositive('options.amplitudeTarget', options.amplitudeTarget ?? 1e6);
  if (!(amplitudeTarget > y0[0])) throw new InvalidArgumentError('options.amplitudeTarget', `greater than the initial amplitude ${y0[0]}`, amplitudeTarget);
  const rtol = checkInRange('options.rtol', options.rtol ?? 1e-8, 1e-14, 0.1);
  const atol = checkPositive('options.atol', options.atol ?? 1e-6 * rtol * y0[0]);
  let h = checkPositive('options.initialStep', options.initialStep ?? 1e-4 / y0[0]);
  const maxSteps = checkInteger('options.maxSteps', options.maxSteps ?? 1e6, 1);

  const stepper = new HeatRosenbrockStepper(system);
  const watch = new RunWatch(options);
  const progressExtra = { amplitude: 0 };
  const n = system.size;
  let y = Float64Array.from(y0);
  let next = new Float64Array(n);
  const scratch = new Float64Array(n);
  const ts: number[] = [0];
  const amps: number[] = [y[0]];
  const laps: number[] = [laplacianAtOrigin(system, y, scratch)];
  let t = 0;
  let accepted = 0;
  let rejected = 0;
  let lastRejected = false;
  let status: SolveStatus = 'maxSteps';
  for (let attempt = 0; attempt < maxSteps; attempt++) {
    let ymax = 0;
    for (let i = 0; i < n; i++) if (y[i] > ymax) ymax = y[i];
    h = Math.min(h, 0.5 / ymax);
    const err = stepper.attempt(y, h, rtol, atol, next);
    if (!Number.isFinite(err)) {
      if (h < 1e-15 * Math.max(t, 1 / ymax)) { status = 'nonFinite'; break; }
      h *= 0.25;
      rejected++;
      lastRejected = true;
      continue;
    }
    const factor = Math.min(lastRejected ? 1 : 5, Math.max(0.2, 0.9 * Math.cbrt(1 / Math.max(err, 1e-12))));
    if (err > 1) {
      rejected++;
      lastRejected = true;
      h *= factor;
      if (h < 1e-15 * Math.max(t, 1 / ymax)) { status = 'diverged'; break; }
      continue;
    }
    t += h;
    const swap = y; y = next; next = swap;
    accepted++;
    lastRejected = false;
    h *= factor;
    ts.push(t);
    amps.push(y[0]);
    laps.push(laplacianAtOrigin(system, y, scratch));
    if (y[0] >= amplitudeTarget) { status = 'success'; break; }
    progressExtra.amplitude = y[0];
    if (watch.tick(accepted, Math.log(y[0] / y0[0]) / Math.log(amplitudeTarget / y0[0]), t, progressExtra)) { status = 'aborted'; break; }
  }
  watch.finish(accepted, status === 'success' ? 1 : Math.log(y[0] / y0[0]) / Math.log(amplitudeTarget / y0[0]), t, { amplitude: y[0] });
  const amplitude = y[0];
  const lap = laps[laps.length - 1];
  return {
    status,
    t,
    state: y,
    amplitude,
    laplacianAtOrigin: lap,
    blowupTime: correctedBlowupTime(t, amplitude, lap),
    blowupTimeSimple: t + 1 / amplitude,
    history: { t: Float64Array.from(ts), amplitude: Float64Array.from(amps), laplacian: Float64Array.from(laps) },
    stats: { accepted, rejected, factorizations: stepper.factorizations, evaluations: stepper.evaluations },
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
  return t + 1 / (amplitude + laplacian / amplitude);
}

/** Δ_h a at the origin: `−(K a)_0 / M_0`. */
function laplacianAtOrigin(system: PhysicalHeatSystem, y: Vec, scratch: Vec): number {
  system.applyStiffness(y, scratch);
  return -scratch[0] / system.mass[0];
}
