/**
 * High-level solvers for the blowup of `a_t = Δa + a²` by dynamic rescaling in 1D (thesis §2.4.1)
 * and for radial data in n dimensions (thesis §2.2 with equal λ_i), with the diagnostics of the
 * thesis's Figures 2.1–2.3 recorded along τ.
 *
 * @module
 */
import { checkFinite, checkInteger, checkPositive, checkVec } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { checkRunOptions, drive, type RunOptions, type RunResult, type Stepper } from '../../core/run';
import type { Vec } from '../../core/types';
import type { Grid1D } from '../../grid/grid1d';
import type { RescaledState, RescaledStepControls } from './driverTypes';
import { initRescaled } from './rescaledStepper';
import { heatHistoryTimes, MappedStepper, resolveHeatGrid } from './heatRunSetup';
import { radialHeatModel, type RadialHeatModel } from './radialHeatModel';

/**
 * Problem of {@link heatBlowupRadial} (and {@link heatBlowup1D}); the step controls default as in
 * `runRescaled`. The scalar diagnostics are recorded at `historyAt` (default 16 times per decade
 * from τ = 0.01), at the run option `saveAt` (where the whole profile is also saved) and at the end.
 */
export interface HeatBlowupOptions extends Omit<RescaledStepControls, 'sampleAt'> {
  /** Space dimension n ≥ 1 (radial data; 1 = the 1-D even problem). Default 1. */
  dim?: number;
  /** Final rescaled time τ. */
  tauEnd: number;
  /** A grid starting at 0, or the sinh map `z = A sinh(bs)` parameters (default n = 300, length 1e5, scale A = 1). */
  grid?:
    | Grid1D
    | {
        /** Number of nodes (integer ≥ 8; default 300). */
        n?: number;
        /** Length L > 0 of the domain [0, L] in z (default 1e5). */
        length?: number;
        /** Sinh-map scale A > 0: |z| ≲ A is resolved almost uniformly (default 1). */
        scale?: number;
      };
  /** Initial rescaled data û(z, 0) as a function of |z| or nodal values (default the thesis's `(1 + z²/8 + z⁴/10)⁻¹`, thesis §2.4). */
  initialData?: ((z: number) => number) | Vec;
  /** Ĉ_u(0) > 0 (default 1): the physical data are `a(x, 0) = û(x/Ĉ_l(0), 0)/Ĉ_u(0)`. */
  amplitudeScale?: number;
  /** Ĉ_l(0) > 0 (default 1); λ(0) = Ĉ_u(0)/Ĉ_l(0)² (thesis "λ = 1", thesis §2.4). */
  lengthScale?: number;
  /** `'imex'` (default, ARK3(2)4L[2]SA, implicit diffusion, adaptive) or `'rk4'` (thesis-style explicit). */
  scheme?: 'imex' | 'rk4';
  /** û_zzzz(0) for the thesis formulas (default `'splineSquared'`). */
  fourthDerivative?: 'splineSquared' | 'evenFit';
  /** Rescaled times (strictly increasing, in [0, tauEnd]) at which the diagnostics are recorded (default 16 per decade from 0.01). */
  historyAt?: ArrayLike<number>;
  /** Leaving the self-similar regime: `max û > maxAmplitudeRatio·û(0)` (default 4) or λ > lambdaMax (default 1e8). */
  maxAmplitudeRatio?: number;
  /** See `maxAmplitudeRatio`. */
  lambdaMax?: number;
}

/** Diagnostics along τ (one entry per sample). */
export interface HeatBlowupSeries {
  /** Rescaled time τ. */
  tau: Vec;
  /** c_u(τ). */
  cu: Vec;
  /** c_l(τ). */
  cl: Vec;
  /** λ(τ). */
  lambda: Vec;
  /** λτ (→ 1). */
  lambdaTau: Vec;
  /** (c_u + 1)τ (→ n/4; thesis Fig. 2.3). */
  lawU: Vec;
  /** (½ − c_l)τ (→ (n+4)/8; thesis Fig. 2.3). */
  lawL: Vec;
  /** log Ĉ_u (≈ −τ + (n/4) log τ + const). */
  logCu: Vec;
  /** Physical time t(τ). */
  t: Vec;
  /** Blowup-time estimate `t + Ĉ_u/|c_u|` at each sample. */
  blowupTime: Vec;
  /** sup_z|û − ū| (ū = 1/(1+z²/8)). */
  supDiff: Vec;
  /** τ·sup_z|û − ū| (thesis Fig. 2.2, with |·|; → max|v| ≈ 0.2603). */
  supDiffTau: Vec;
  /** argmax_z |û − ū| (→ 5.08). */
  supDiffAt: Vec;
  /** τ·sup_z|û − ū_h|, ū_h = 1/(1 + c_h z²), c_h = −(D2û)(0)/2 (removes the O(h²) floor). */
  supDiffDiscreteTau: Vec;
  /** Signed sup_z(û − ū) (the thesis's γ; tends to the discretization floor). */
  signedSup: Vec;
  /** û(0) (conserved). */
  u0: Vec;
  /** (D2û)(0) (conserved in the discrete normalization). */
  u2: Vec;
}

/** The final state of {@link heatBlowupRadial}: the field and the last values of the diagnostics. */
export interface HeatBlowupFinal {
  /** Final τ. */
  tau: number;
  /** Final field û at the grid nodes. */
  u: Vec;
  /** Final c_u. */
  cu: number;
  /** Final c_l. */
  cl: number;
  /** Final λ. */
  lambda: number;
  /** Final (c_u + 1)τ. */
  lawU: number;
  /** Final (½ − c_l)τ. */
  lawL: number;
  /** Final λτ. */
  lambdaTau: number;
  /** Final log Ĉ_u. */
  logCu: number;
  /** Physical time t at the final τ. */
  t: number;
  /** Blowup time T = t(∞) ≈ t + Ĉ_u/|c_u| (Infinity when c_u ≥ 0). */
  blowupTime: number;
}

/**
 * Result of {@link heatBlowupRadial}: the shared run result (`final`, `saved` profiles at
 * `saveAt`, `history` = the diagnostics along τ; `stats.nfev` counts stage evaluations).
 */
export interface HeatBlowupResult extends RunResult<HeatBlowupFinal, Vec, object, HeatBlowupSeries> {
  /** Space dimension. */
  dim: number;
  /** Grid nodes z. */
  z: Vec;
}

/**
 * The thesis's 1-D initial datum `(1 + z²/8 + z⁴/10)⁻¹` (thesis §2.4).
 *
 * @example
 * ```ts
 * thesisInitialData1D(0); // 1
 * ```
 */
export function thesisInitialData1D(z: number): number {
  checkFinite('z', z);
  const z2 = z * z;
  return 1 / (1 + z2 / 8 + (z2 * z2) / 10);
}

/**
 * Set up the radial blowup run of {@link heatBlowupRadial} without stepping it: a stepper whose
 * `t` is τ, advanced with `step()`; `drive(initHeatBlowupRadial(problem, runOptions), runOptions)`
 * is `heatBlowupRadial(problem, runOptions)`.
 *
 * @example
 * ```ts
 * const run = initHeatBlowupRadial({ dim: 3, tauEnd: 200 });
 * while (run.step()) if (run.t > 100) break;
 * run.result().final.lawU;
 * ```
 */
export function initHeatBlowupRadial(problem: HeatBlowupOptions, runOptions: RunOptions = {}): Stepper<HeatBlowupResult> {
  const options = problem;
  if (options === null || typeof options !== 'object') throw new InvalidTypeError('problem', 'a problem object { tauEnd, dim?, grid?, … }', options);
  checkRunOptions(runOptions);
  const dim = checkInteger('problem.dim', options.dim ?? 1, 1, 64);
  const tauEnd = checkPositive('problem.tauEnd', options.tauEnd);
  const grid = resolveHeatGrid(options.grid, { n: 300, length: 1e5 });
  const z = grid.x;
  const N = grid.n;
  const u0 = resolveInitialData(options.initialData, z);
  if (!(u0[0] > 0)) throw new InvalidArgumentError('problem.initialData(0)', 'a finite number > 0 (the initial amplitude û(0))', u0[0]);
  const amplitudeScale = checkPositive('problem.amplitudeScale', options.amplitudeScale ?? 1);
  const lengthScale = checkPositive('problem.lengthScale', options.lengthScale ?? 1);
  const model: RadialHeatModel = radialHeatModel(grid, { dim, fourthDerivative: options.fourthDerivative, maxAmplitudeRatio: options.maxAmplitudeRatio });
  const samples = heatHistoryTimes(tauEnd, options.historyAt);

  const rec: Record<keyof HeatBlowupSeries, number[]> = {
    tau: [], cu: [], cl: [], lambda: [], lambdaTau: [], lawU: [], lawL: [], logCu: [], t: [], blowupTime: [],
    supDiff: [], supDiffTau: [], supDiffAt: [], supDiffDiscreteTau: [], signedSup: [], u0: [], u2: [],
  };
  const onSample = (s: RescaledState): void => {
    const tau = s.tau;
    const lambda = Math.exp(s.logLambda[0]);
    const cu = s.c[0];
    const cl = s.c[1];
    const ch = -s.invariants[1] / 2;
    let sup = 0, at = 0, supH = 0, signed = -Infinity;
    for (let i = 0; i < N; i++) {
      const z2 = z[i] * z[i];
      const diff = s.u[i] - 1 / (1 + z2 / 8);
      if (Math.abs(diff) > sup) { sup = Math.abs(diff); at = z[i]; }
      if (diff > signed) signed = diff;
      const diffH = Math.abs(s.u[i] - s.invariants[0] / (1 + ch * z2 / s.invariants[0]));
      if (diffH > supH) supH = diffH;
    }
    const amplitude = Math.exp(s.logAmplitude);
    rec.tau.push(tau); rec.cu.push(cu); rec.cl.push(cl); rec.lambda.push(lambda); rec.lambdaTau.push(lambda * tau);
    rec.lawU.push((cu + 1) * tau); rec.lawL.push((0.5 - cl) * tau); rec.logCu.push(s.logAmplitude); rec.t.push(s.t);
    rec.blowupTime.push(cu < 0 ? s.t + amplitude / -cu : Infinity);
    rec.supDiff.push(sup); rec.supDiffTau.push(sup * tau); rec.supDiffAt.push(at); rec.supDiffDiscreteTau.push(supH * tau);
    rec.signedSup.push(signed); rec.u0.push(s.invariants[0]); rec.u2.push(s.invariants[1]);
  };

  const inner = initRescaled(model, {
    u0,
    logLambda0: [Math.log(amplitudeScale / (lengthScale * lengthScale))],
    logAmplitude0: Math.log(amplitudeScale),
    tauEnd,
    scheme: options.scheme,
    normalization: options.normalization ?? options.normalisation,
    modulation: options.modulation,
    cfl: options.cfl,
    dt: options.dt,
    rtol: options.rtol,
    atol: options.atol,
    maxSteps: options.maxSteps,
    lambdaMax: options.lambdaMax,
    sampleAt: samples,
    onSample,
  }, { saveAt: runOptions.saveAt });
  return new MappedStepper(inner, (run): HeatBlowupResult => {
    const series = Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, Float64Array.from(v)])) as unknown as HeatBlowupSeries;
    const last = series.tau.length - 1;
    return {
      status: run.status,
      message: run.message,
      stats: { nsteps: run.stats.nsteps, naccept: run.stats.naccept, nreject: run.stats.nreject, nfev: run.stats.nfev },
      final: {
        tau: run.final.tau,
        u: run.final.u,
        cu: series.cu[last],
        cl: series.cl[last],
        lambda: series.lambda[last],
        lawU: series.lawU[last],
        lawL: series.lawL[last],
        lambdaTau: series.lambdaTau[last],
        logCu: series.logCu[last],
        t: series.t[last],
        blowupTime: series.blowupTime[last],
      },
      saved: run.saved,
      history: series,
      dim,
      z: Float64Array.from(z),
    };
  });
}

/**
 * Blowup of `a_t = Δa + a²` for radial data in n dimensions by dynamic rescaling (thesis eq.
 * (2.2.5) with equal λ_i; normalization û(0), û_rr(0) fixed). Returns the diagnostics along τ
 * (`history`), the final state with the blowup time (`final`), and the profiles saved at the run
 * option `saveAt` (rescaled times τ, strictly increasing, in [0, tauEnd]). Cost: O(N) per stage;
 * with the defaults (N = 300, IMEX) τ = 10⁴ takes about 8·10⁴ steps.
 *
 * @throws InvalidArgumentError for a non-positive initial amplitude û(0), a grid that does not start at 0, non-finite data or options out of range
 * @example
 * ```ts
 * const r = heatBlowupRadial({ dim: 3, tauEnd: 200 }, { signal, onProgress: (p) => console.log(p.fraction) });
 * r.status; r.stats.naccept; r.final.lawU; r.final.lawL; // → 3/4, 7/8
 * ```
 */
export function heatBlowupRadial(problem: HeatBlowupOptions, runOptions: RunOptions = {}): HeatBlowupResult {
  return drive(initHeatBlowupRadial(problem, runOptions), runOptions);
}

/**
 * The 1-D problem of thesis §2.4.1 (`heatBlowupRadial` with dim = 1): by default the thesis's
 * data `(1 + z²/8 + z⁴/10)⁻¹`, Ĉ_u(0) = λ(0) = 1, on `sinhMap({ length: 1e5 })` with 300 nodes.
 *
 * @example
 * ```ts
 * const r = heatBlowup1D({ tauEnd: 1e4 }, { signal });
 * r.final.lawL; r.final.lawU; // within 1% of 5/8 and 1/4
 * ```
 */
export function heatBlowup1D(problem: Omit<HeatBlowupOptions, 'dim'>, runOptions: RunOptions = {}): HeatBlowupResult {
  return heatBlowupRadial({ ...problem, dim: 1 }, runOptions);
}

function resolveInitialData(data: HeatBlowupOptions['initialData'], z: Vec): Vec {
  const f = data ?? thesisInitialData1D;
  let u: Vec;
  if (typeof f === 'function') {
    u = new Float64Array(z.length);
    for (let i = 0; i < z.length; i++) u[i] = f(z[i]);
  } else {
    u = Float64Array.from(checkVec('problem.initialData', f, z.length));
  }
  for (let i = 0; i < u.length; i++) {
    if (!Number.isFinite(u[i])) throw new InvalidArgumentError(`problem.initialData[${i}]`, 'a finite number', u[i]);
  }
  return u;
}


