/**
 * The mean-field PDE solver: systems (B) (corrected, `√(2w)`) and (C) of Section 4 on z ∈ [0, 1],
 * which are (2.9)–(2.10) rewritten in non-singular variables, with the paper's Dirichlet walls
 * (2.11)–(2.12) or energy-conserving zero-flux walls, explicit or IMEX time stepping, snapshots hit
 * exactly, conservation diagnostics and the freeze detector.
 *
 * @module
 */
import { RunWatch } from '../../core/progress';
import type { SolveStatus } from '../../core/status';
import type { Vec } from '../../core/types';
import { freezeTime } from './freeze';
import { createPdeEngine } from './pdeEngine';
import { DIAG_ENERGY, DIAG_MIN_W, DIAG_MOMENTUM, DIAG_SIGMA2_INTEGRAL, DIAG_SIGMA2_MAX } from './pdeExplicitStep';
import { planMeanFieldRun, setupMeanFieldPde } from './pdeSetup';
import type { MeanFieldPdeResult, MeanFieldPdeSpec, MeanFieldRunOptions, PdeSeries, PdeSnapshot } from './pdeTypes';

/** Growable columns of the diagnostic series. */
class SeriesRecorder {
  readonly t: number[] = [];
  readonly s2: number[] = [];
  readonly s2max: number[] = [];
  readonly momentum: number[] = [];
  readonly energy: number[] = [];
  readonly minW: number[] = [];

  record(t: number, diag: Vec): void {
    if (this.t.length > 0 && this.t[this.t.length - 1] === t) return;
    this.t.push(t);
    this.s2.push(diag[DIAG_SIGMA2_INTEGRAL]);
    this.s2max.push(diag[DIAG_SIGMA2_MAX]);
    this.momentum.push(diag[DIAG_MOMENTUM]);
    this.energy.push(diag[DIAG_ENERGY]);
    this.minW.push(diag[DIAG_MIN_W]);
  }

  toSeries(): PdeSeries {
    return {
      t: Float64Array.from(this.t),
      sigmaSquaredIntegral: Float64Array.from(this.s2),
      maxSigmaSquared: Float64Array.from(this.s2max),
      momentum: Float64Array.from(this.momentum),
      energy: Float64Array.from(this.energy),
      minW: Float64Array.from(this.minW),
    };
  }
}

function snapshot(t: number, mu: Vec, q: Vec, energyForm: boolean): PdeSnapshot {
  const n = mu.length;
  const w = new Float64Array(n);
  const sigma = new Float64Array(n);
  let maxSigma = 0;
  for (let i = 0; i < n; i++) {
    const wi = energyForm ? q[i] - 0.5 * mu[i] * mu[i] : q[i];
    w[i] = wi;
    const s = Math.sqrt(wi > 0 ? 2 * wi : 0);
    sigma[i] = s;
    if (s > maxSigma) maxSigma = s;
  }
  return { t, mu: Float64Array.from(mu), sigma, w, maxSigma };
}

/**
 * Solve the mean-field system of Section 4 — (B) corrected, `μ_t = μ_zz − λ(√(2w))_z`,
 * `w_t = w_zz − λμ_z√(2w) + μ_z²`, or (C), `μ_t = μ_zz − λσ_z`, `E_t = E_zz − λ(μσ)_z` — on
 * z ∈ [0, 1] from Section 3's data (or user profiles), with λ = (n − 1)/(2√π) ((2.8)) when `n` is
 * given. Both are (2.9)–(2.10) ≡ system (A) in variables without A's 1/σ singularity; A itself is
 * not discretized. Time is the PDE time τ of (2.9)–(2.10): τ = 2k/((n−1)²(n−2)) after k collision
 * steps (see `stepsForTau`).
 *
 * Discretization: finite volumes on N + 1 nodes with half cells at the walls (see
 * `pdeExplicitStep`); forward Euler with default `dt = min(0.25dx², 1/λ²)` (positivity of w is
 * guaranteed for `dt ≤ 2/(λ² + 4/dx²)`), or IMEX ARS(2,2,2) with implicit diffusion and default
 * `dt = 0.25/λ²`. Snapshot times are hit exactly by shortening one step. The diagnostics (∫σ²,
 * max σ², momentum, energy, min w) are accumulated in the same pass as the update.
 *
 * Complexity: O(N) per step, ≈ tEnd/dt steps (explicit: ≈ 4·N²·tEnd); memory O(N) plus the
 * snapshots. No allocation per step in the explicit path.
 *
 * Numerical trouble never throws: a non-finite state stops the run with status `'nonFinite'`,
 * keeping the last finite state; w < −`negativeWTolerance` (default 10⁻⁸ × the largest initial
 * energy density; possible only above the positivity bound, e.g. at the marginal `dt = dx²/2`
 * where an odd–even mode grows at the freeze) stops it with status `'diverged'`. Smaller
 * negative values are recorded in `series.minW`, `stats.minW` and `stats.firstNegativeWTime`.
 *
 * @param spec - problem: `lambda` or `n`, `nodes` (default 3201), `scheme`, `walls`,
 *   `orientation`, profiles `mean`/`sigma`, `bAsPrinted`, `stepper`, `dt`, and the run controls
 *   `tEnd`, `seriesEvery`, `maxSteps`, `stopAtFreeze`, `freezeFraction`, `negativeWTolerance`
 * @param options - `saveAt` (PDE times, strictly increasing), `signal`, `onProgress`, `progressEvery`
 * @returns status and message, final state, saved states, diagnostic history, freeze time and statistics
 * @throws InvalidArgumentError / InvalidTypeError for invalid input, before any work
 * @example
 * ```ts
 * const run = meanFieldPde({ n: 1000, orientation: 'reversed', nodes: 801, tEnd: 6e-3 }, { saveAt: [1e-3], signal });
 * run.status;            // 'success'
 * run.freeze.time;       // ≈ 1/λ ≈ 3.5e-3
 * run.saved[0].state;    // { t: 1e-3, mu, sigma, w, maxSigma }
 * run.final.maxSigma; run.stats.nsteps;
 * ```
 */
export function meanFieldPde(spec: MeanFieldPdeSpec, options: MeanFieldRunOptions = {}): MeanFieldPdeResult {
  const plan = planMeanFieldRun(spec ?? {}, options);
  const setup = setupMeanFieldPde(spec);
  const watch = new RunWatch(options);
  const engine = createPdeEngine(setup, plan.tEnd);
  const energyForm = setup.scheme === 'C';
  const estimatedSteps = Math.ceil(plan.tEnd / setup.dt) + plan.times.length;
  const every = plan.seriesEvery > 0 ? plan.seriesEvery : Math.max(1, Math.floor(estimatedSteps / 4000));
  const recorder = new SeriesRecorder();
  const snapshots: PdeSnapshot[] = [];
  const targets = plan.times.length > 0 && plan.times[plan.times.length - 1] === plan.tEnd ? plan.times : [...plan.times, plan.tEnd];
  const level = plan.freezeFraction;
  let peak = engine.diag[DIAG_SIGMA2_INTEGRAL];
  let minW = Math.min(0, engine.diag[DIAG_MIN_W]);
  const negativeLimit = -(plan.negativeWTolerance ?? 1e-8 * initialEnergyScale(setup.mu0, setup.q0, energyForm));
  let firstNegativeWTime: number | null = minW < 0 ? 0 : null;
  let steps = 0;
  let status: SolveStatus = 'success';
  let message = '';
  recorder.record(0, engine.diag);
  outer: for (const target of targets) {
    while (engine.t < target) {
      if (steps >= plan.maxSteps) {
        status = 'maxSteps';
        message = `maxSteps = ${plan.maxSteps} reached at t = ${engine.t}`;
        break outer;
      }
      if (!engine.stepToward(target)) {
        status = 'nonFinite';
        message = `non-finite state after the step from t = ${engine.t}; the last finite state is kept`;
        break outer;
      }
      steps++;
      const diag = engine.diag;
      const wMin = diag[DIAG_MIN_W];
      if (wMin < minW) minW = wMin;
      if (wMin < 0 && firstNegativeWTime === null) firstNegativeWTime = engine.t;
      if (wMin < negativeLimit) {
        // w = σ²/2 < 0 beyond round-off: the scheme has left its region of validity
        recorder.record(engine.t, diag);
        status = 'diverged';
        message = `w = σ²/2 fell to ${wMin} < −negativeWTolerance at t = ${engine.t}: positivity lost`;
        break outer;
      }
      const s2 = diag[DIAG_SIGMA2_INTEGRAL];
      if (s2 > peak) peak = s2;
      const frozen = plan.stopAtFreeze && s2 < level * peak;
      if (steps % every === 0 || frozen) recorder.record(engine.t, diag);
      if (frozen) { message = `stopped at the freeze, t = ${engine.t}`; break outer; }
      if (watch.tick(steps, engine.t / plan.tEnd, engine.t)) {
        status = 'aborted';
        message = `aborted by the signal at t = ${engine.t}`;
        break outer;
      }
    }
    if (target !== plan.tEnd || plan.times.includes(target)) snapshots.push(snapshot(target, engine.mu, engine.q, energyForm));
  }
  recorder.record(engine.t, engine.diag);
  watch.finish(steps, engine.t / plan.tEnd, engine.t);
  const series = recorder.toSeries();
  const lastSnapshot = snapshots.length > 0 ? snapshots[snapshots.length - 1] : undefined;
  const final = lastSnapshot !== undefined && lastSnapshot.t === engine.t ? lastSnapshot : snapshot(engine.t, engine.mu, engine.q, energyForm);
  const freeze = series.t.length >= 2 ? freezeTime(series.t, series.sigmaSquaredIntegral, { fraction: level }) : noFreeze(series, level);
  return {
    status,
    message,
    t: engine.t,
    lambda: setup.lambda,
    z: setup.z,
    dx: setup.dx,
    dt: setup.dt,
    scheme: setup.scheme,
    walls: setup.walls,
    stepper: setup.stepper,
    advection: setup.advection,
    cellPeclet: setup.cellPeclet,
    final,
    saved: snapshots.map((snap) => ({ t: snap.t, state: snap })),
    history: series,
    freeze,
    stats: {
      nsteps: steps,
      naccept: steps,
      nreject: 0,
      nfev: steps,
      minW,
      firstNegativeWTime,
      positivityBound: setup.positivityBound,
      positivityGuaranteed: setup.stepper === 'explicit' && setup.dt <= setup.positivityBound,
      nlinsolve: engine.linearSolves,
    },
  };
}

/** max over the grid of the initial energy density E = μ²/2 + w (scale of the w tolerance). */
function initialEnergyScale(mu: Vec, q: Vec, energyForm: boolean): number {
  let e = 0;
  for (let i = 0; i < mu.length; i++) e = Math.max(e, energyForm ? q[i] : 0.5 * mu[i] * mu[i] + q[i]);
  return e > 0 ? e : 1;
}

function noFreeze(series: PdeSeries, fraction: number): MeanFieldPdeResult['freeze'] {
  const peakValue = series.sigmaSquaredIntegral[0];
  return { status: 'noFreeze', time: null, level: fraction * peakValue, peakTime: series.t[0], peakValue, index: -1, fraction };
}
