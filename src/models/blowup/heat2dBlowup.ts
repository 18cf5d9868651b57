/**
 * High-level solver for the non-radial 2-D blowup of `a_t = Δa + a²` by dynamic rescaling
 * (thesis §2.4.2, thesis §2.4): the tensor model of `heat2dModel.ts` on the driver, with the
 * per-direction diagnostics of the thesis's Figure 2.4 recorded along τ.
 *
 * @module
 */
import { checkFinite, checkPositive } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { checkRunOptions, drive, type RunOptions, type RunResult, type Stepper } from '../../core/run';
import type { Vec } from '../../core/types';
import type { Grid1D } from '../../grid/grid1d';
import type { RescaledState, RescaledStepControls } from './driverTypes';
import { initRescaled } from './rescaledStepper';
import { heatHistoryTimes, MappedStepper, resolveHeatGrid } from './heatRunSetup';
import { heat2dModel } from './heat2dModel';

/**
 * Problem of {@link heatBlowup2D}; the step controls default as in `runRescaled`. Diagnostics are
 * recorded at `historyAt` (default 16 times per decade from τ = 0.01), at the run option
 * `saveAt` (where the whole field is also saved) and at the end.
 */
export interface HeatBlowup2dOptions extends Omit<RescaledStepControls, 'sampleAt'> {
  /** Final rescaled time τ. */
  tauEnd: number;
  /** The grid per direction: a Grid1D starting at 0, or sinh-map parameters (default n = 40, length 4000, scale 1; the thesis used 200 nodes on [0, 4000]). */
  grid?:
    | Grid1D
    | {
        /** Number of nodes per direction (integer ≥ 8; default 40). */
        n?: number;
        /** Length L > 0 of the domain [0, L] per direction (default 4000). */
        length?: number;
        /** Sinh-map scale A > 0: |z| ≲ A is resolved almost uniformly (default 1). */
        scale?: number;
      };
  /** Initial rescaled data û(x, y, 0) (default the thesis's `(1 + (x²+y²)/8 + x⁴/100)⁻¹`, thesis §2.4). */
  initialData?: (x: number, y: number) => number;
  /** `'imex'` (default: implicit diffusion, adaptive) or `'rk4'` (thesis-style explicit). */
  scheme?: 'imex' | 'rk4';
  /** Rescaled times (strictly increasing, in [0, tauEnd]) at which the diagnostics are recorded (default 16 per decade from 0.01). */
  historyAt?: ArrayLike<number>;
  /** Defect-correction sweeps of the implicit solve (default 2, see `heat2dModel`). */
  implicitCorrections?: number;
}

/** Diagnostics along τ; index 1/2 = direction x/y. */
export interface HeatBlowup2dSeries {
  /** Rescaled time τ. */
  tau: Vec;
  /** c_u(τ). */
  cu: Vec;
  /** c_l¹(τ) (direction x). */
  cl1: Vec;
  /** c_l²(τ) (direction y). */
  cl2: Vec;
  /** λ₁(τ). */
  lambda1: Vec;
  /** λ₂(τ). */
  lambda2: Vec;
  /** λ₁τ (→ 1). */
  lambdaTau1: Vec;
  /** λ₂τ. */
  lambdaTau2: Vec;
  /** (c_u + 1)τ (→ 1/2). */
  lawU: Vec;
  /** (½ − c_l¹)τ (→ 3/4). */
  lawL1: Vec;
  /** (½ − c_l²)τ (→ 3/4). */
  lawL2: Vec;
  /** log Ĉ_u. */
  logCu: Vec;
  /** Physical time t(τ). */
  t: Vec;
  /** `t + Ĉ_u/|c_u|`. */
  blowupTime: Vec;
  /** τ·sup|û − ū(|z|)| over the grid. */
  supDiffTau: Vec;
  /** û(0,0) (conserved in the discrete normalization). */
  u0: Vec;
  /** (D2x û)(0,0). */
  uxx: Vec;
  /** (D2y û)(0,0). */
  uyy: Vec;
}

/** The final state of {@link heatBlowup2D}: the field and the last values of the diagnostics. */
export interface HeatBlowup2dFinal {
  /** Final τ. */
  tau: number;
  /** Final field (row-major, node (i, j) at i·ny + j). */
  u: Vec;
  /** Final c_u. */
  cu: number;
  /** Final [c_l¹, c_l²]. */
  cl: [number, number];
  /** Final [λ₁, λ₂]. */
  lambda: [number, number];
  /** Final (c_u + 1)τ. */
  lawU: number;
  /** Final [(½ − c_l¹)τ, (½ − c_l²)τ]. */
  lawL: [number, number];
  /** Final [λ₁τ, λ₂τ]. */
  lambdaTau: [number, number];
  /** Final log Ĉ_u. */
  logCu: number;
  /** Physical time t at the final τ. */
  t: number;
  /** Blowup time T ≈ t + Ĉ_u/|c_u| (Infinity when c_u ≥ 0). */
  blowupTime: number;
}

/** Result of {@link heatBlowup2D}: the shared run result (`saved` fields at `saveAt`, `history` along τ). */
export interface HeatBlowup2dResult extends RunResult<HeatBlowup2dFinal, Vec, object, HeatBlowup2dSeries> {
  /** Space dimension (2). */
  dim: 2;
  /** Grid nodes along x. */
  x: Vec;
  /** Grid nodes along y. */
  y: Vec;
}

/**
 * The thesis's non-radial 2-D datum `(1 + (x²+y²)/8 + x⁴/100)⁻¹` (thesis §2.4).
 * @example
 * ```ts
 * thesisInitialData2D(0, 0); // 1
 * ```
 */
export function thesisInitialData2D(x: number, y: number): number {
  checkFinite('x', x);
  checkFinite('y', y);
  return 1 / (1 + (x * x + y * y) / 8 + (x * x * x * x) / 100);
}

/**
 * Set up the run of {@link heatBlowup2D} without stepping it (`t` is τ); `drive` over it is
 * `heatBlowup2D(problem, runOptions)`.
 *
 * @example
 * ```ts
 * const run = initHeatBlowup2D({ tauEnd: 100 });
 * while (run.step()) if (run.t > 50) break;
 * run.result().final.lawL;
 * ```
 */
export function initHeatBlowup2D(problem: HeatBlowup2dOptions, runOptions: RunOptions = {}): Stepper<HeatBlowup2dResult> {
  const options = problem;
  if (options === null || typeof options !== 'object') throw new InvalidTypeError('problem', 'a problem object { tauEnd, grid?, … }', options);
  checkRunOptions(runOptions);
  const tauEnd = checkPositive('options.tauEnd', options.tauEnd);
  const grid = resolveHeatGrid(options.grid, { n: 40, length: 4000 });
  const data = options.initialData ?? thesisInitialData2D;
  if (typeof data !== 'function') throw new InvalidTypeError('problem.initialData', 'a function (x, y) => number', data);
  const n = grid.n;
  const z = grid.x;
  const u0 = new Float64Array(n * n);
  for (let i = 0, p = 0; i < n; i++) for (let j = 0; j < n; j++, p++) {
    const v = data(z[i], z[j]);
    if (!Number.isFinite(v)) throw new InvalidArgumentError(`problem.initialData(${z[i]}, ${z[j]})`, 'a finite number', v);
    u0[p] = v;
  }
  if (!(u0[0] > 0)) throw new InvalidArgumentError('problem.initialData(0, 0)', 'a finite number > 0 (the initial amplitude û(0))', u0[0]);
  const model = heat2dModel(grid, grid, { implicitCorrections: options.implicitCorrections });
  const samples = heatHistoryTimes(tauEnd, options.historyAt);

  const rec: Record<keyof HeatBlowup2dSeries, number[]> = {
    tau: [], cu: [], cl1: [], cl2: [], lambda1: [], lambda2: [], lambdaTau1: [], lambdaTau2: [], lawU: [], lawL1: [], lawL2: [],
    logCu: [], t: [], blowupTime: [], supDiffTau: [], u0: [], uxx: [], uyy: [],
  };
  const onSample = (s: RescaledState): void => {
    const { tau, c } = s;
    const l1 = Math.exp(s.logLambda[0]);
    const l2 = Math.exp(s.logLambda[1]);
    let sup = 0;
    for (let i = 0, p = 0; i < n; i++) for (let j = 0; j < n; j++, p++) {
      const d = Math.abs(s.u[p] - 1 / (1 + (z[i] * z[i] + z[j] * z[j]) / 8));
      if (d > sup) sup = d;
    }
    rec.tau.push(tau); rec.cu.push(c[0]); rec.cl1.push(c[1]); rec.cl2.push(c[2]);
    rec.lambda1.push(l1); rec.lambda2.push(l2); rec.lambdaTau1.push(l1 * tau); rec.lambdaTau2.push(l2 * tau);
    rec.lawU.push((c[0] + 1) * tau); rec.lawL1.push((0.5 - c[1]) * tau); rec.lawL2.push((0.5 - c[2]) * tau);
    rec.logCu.push(s.logAmplitude); rec.t.push(s.t);
    rec.blowupTime.push(c[0] < 0 ? s.t + Math.exp(s.logAmplitude) / -c[0] : Infinity);
    rec.supDiffTau.push(sup * tau); rec.u0.push(s.invariants[0]); rec.uxx.push(s.invariants[1]); rec.uyy.push(s.invariants[2]);
  };
  const inner = initRescaled(model, {
    u0, logLambda0: [0, 0], logAmplitude0: 0, tauEnd,
    scheme: options.scheme, normalization: options.normalization ?? options.normalisation, modulation: options.modulation,
    cfl: options.cfl, dt: options.dt, rtol: options.rtol, atol: options.atol, maxSteps: options.maxSteps,
    sampleAt: samples, onSample,
  }, { saveAt: runOptions.saveAt });
  return new MappedStepper(inner, (run): HeatBlowup2dResult => {
    const series = Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, Float64Array.from(v)])) as unknown as HeatBlowup2dSeries;
    const last = series.tau.length - 1;
    return {
      status: run.status, message: run.message,
      stats: { nsteps: run.stats.nsteps, naccept: run.stats.naccept, nreject: run.stats.nreject, nfev: run.stats.nfev },
      final: {
        tau: run.final.tau, u: run.final.u,
        cu: series.cu[last], cl: [series.cl1[last], series.cl2[last]], lambda: [series.lambda1[last], series.lambda2[last]],
        lawU: series.lawU[last], lawL: [series.lawL1[last], series.lawL2[last]], lambdaTau: [series.lambdaTau1[last], series.lambdaTau2[last]],
        logCu: series.logCu[last], t: series.t[last], blowupTime: series.blowupTime[last],
      },
      saved: run.saved, history: series,
      dim: 2, x: Float64Array.from(z), y: Float64Array.from(z),
    };
  });
}

/**
 * Blowup of `a_t = Δa + a²` in 2D for data even in x and y by dynamic rescaling with two scale
 * factors λ₁, λ₂ (thesis (2.2.5), §2.4.2): Ĉ_u(0) = λ₁(0) = λ₂(0) = 1. The laws per direction
 * `(½ − c_lⁱ)τ → 3/4` and `(c_u + 1)τ → 1/2` ([D] from (2.2.7)). Cost O(nx·ny) per stage;
 * 40² to τ = 100 takes a few hundred steps.
 *
 * @throws InvalidArgumentError for a non-positive û(0,0), a grid that does not start at 0, non-finite data or options out of range
 * @example
 * ```ts
 * const r = heatBlowup2D({ tauEnd: 100 }, { signal, onProgress });
 * r.status; r.final.lawU; r.final.lawL; // ≈ 0.54, [0.79, 0.79] → 1/2, 3/4
 * ```
 */
export function heatBlowup2D(problem: HeatBlowup2dOptions, runOptions: RunOptions = {}): HeatBlowup2dResult {
  return drive(initHeatBlowup2D(problem, runOptions), runOptions);
}
