/**
 * The rescaled dynamics of the 3-D radial Keller–Segel blowup near the self-similar profile Q
 * (thesis §1.1.3, L975–1030): the model of `kellerSegelRescaledModel.ts` advanced by the shared
 * dynamic-rescaling driver from `Ψ(0) = Q + δp` (p with vanishing Taylor data j ≤ j0 at the
 * origin), with the diagnostics that show whether and for how long the run tracks Q:
 * `sup|Ψ − Q|`, the modulations against their self-similar values (`c_u → −1`, `c_l → β`, and
 * `a_{j0−1} → 2j0(2j0+1)ν`, the only unstable direction the viscous term feeds, the others → 0),
 * ν and the physical time. Design and derivation: docs/keller-segel.md.
 *
 * @module
 */
import { checkFinite, checkInteger, checkPositive, checkVec } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { checkRunOptions, checkSaveAt, drive, type RunOptions, type RunResult, type Stepper } from '../../core/run';
import type { Vec } from '../../core/types';
import { Grid1D, mappedGrid } from '../../grid/grid1d';
import { sinhMap } from '../../grid/maps';
import type { RescaledState, RescaledStepControls } from './driverTypes';
import { MappedStepper } from './heatRunSetup';
import { kellerSegelAdmissibility, kellerSegelProfile } from './kellerSegelProfile';
import { kellerSegelRescaledModel } from './kellerSegelRescaledModel';
import { initRescaled } from './rescaledStepper';

/** The problem of {@link kellerSegelRescaled}; the step controls default as in `runRescaled`. */
export interface KellerSegelRescaledProblem extends Omit<RescaledStepControls, 'sampleAt' | 'normalization' | 'normalisation'> {
  /** Logistic damping μ ∈ [0, 1/3). */
  mu: number;
  /** Vanishing order j0 of the profile (an integer > 3(1−μ)/(1−3μ)). */
  j0: number;
  /** Final rescaled time τ > 0. */
  tauEnd: number;
  /** Initial viscous factor ν(0) = λ(0)^{2−4β} > 0 (default 1e-4). */
  nu0?: number;
  /** Amplitude δ of the perturbation (default 0.02; 0 starts on Q). */
  perturbation?: number;
  /** Shape p(y) of the perturbation before its Taylor data j ≤ j0 are projected out (default `(y²/(j0+1))^{j0+1}e^{j0+1−y²}`, maximum 1 at y² = j0+1). */
  perturbationShape?: (y: number) => number;
  /** A grid from the origin, or sinh-map parameters (default n = 200, length 200, scale 0.5). */
  grid?: Grid1D | {
    /** Nodes (integer ≥ 8). */
    n?: number;
    /** Outer radius R in y. */
    length?: number;
    /** Sinh-map scale (nearly uniform for y ≲ scale). */
    scale?: number;
  };
  /** Modulate the unstable directions 1 ≤ j < j0 (default true; false: only c_u and c_l). */
  modulateUnstable?: boolean;
  /** Radius of the Taylor fit window (default 0.6). */
  window?: number;
  /** The run ends with `'diverged'` once sup|Ψ − Q| exceeds this (default 0.5). */
  maxDeviation?: number;
  /** Rescaled times of the diagnostics (strictly increasing, in [0, tauEnd]; default 100 uniform). */
  historyAt?: ArrayLike<number>;
}

/** Diagnostics along τ (one entry per sample). */
export interface KellerSegelRescaledHistory {
  /** Rescaled time τ. */
  tau: Vec;
  /** sup_y |Ψ − Q| over the grid. */
  deviation: Vec;
  /** c_u (→ −1). */
  cu: Vec;
  /** c_l − β (→ 0). */
  clMinusBeta: Vec;
  /** a_{j0−1}, the modulation of the direction χ|y|^{2j0−2} (0 when not modulated). */
  aTop: Vec;
  /** Its self-similar value 2j0(2j0+1)ν·(−[Ψ]_{j0}). */
  aTopLaw: Vec;
  /** max_{1≤j<j0−1} |a_j|. */
  aOthers: Vec;
  /** ν = λ^{2−4β}. */
  nu: Vec;
  /** Physical time t(τ). */
  t: Vec;
  /** Blowup-time estimate `t + Ĉ_u/|c_u|`. */
  blowupTime: Vec;
  /** max_q |ℓ_q(Ψ) − ℓ_q(Ψ(0))| (the held Taylor data; round-off). */
  invariantDrift: Vec;
}

/** The final state of {@link kellerSegelRescaled}. */
export interface KellerSegelRescaledFinal {
  /** Final τ. */
  tau: number;
  /** Ψ at the nodes. */
  psi: Vec;
  /** Modulations `[c_u, c_l, a_1, …]`. */
  c: Vec;
  /** sup|Ψ − Q|. */
  deviation: number;
  /** ν. */
  nu: number;
  /** Physical time reached. */
  t: number;
  /** Blowup-time estimate. */
  blowupTime: number;
}

/** Result of {@link kellerSegelRescaled} (the run idiom; `saved` holds Ψ at `saveAt`). */
export interface KellerSegelRescaledResult extends RunResult<KellerSegelRescaledFinal, Vec, object, KellerSegelRescaledHistory> {
  /** β = 1/(3(1−μ)) + 1/(2j0). */
  beta: number;
  /** The grid nodes y. */
  y: Vec;
  /** Q at the nodes. */
  profile: Vec;
}

/**
 * Set up {@link kellerSegelRescaled} without stepping it (`t` is τ).
 *
 * @throws InvalidArgumentError for μ ∉ [0, 1/3), non-finite parameters, an inadmissible j0 (with the bound), a bad grid
 * @example
 * ```ts
 * const run = initKellerSegelRescaled({ mu: 0, j0: 4, tauEnd: 20 });
 * while (run.step()) {}
 * run.result().final.deviation;
 * ```
 */
export function initKellerSegelRescaled(problem: KellerSegelRescaledProblem, runOptions: RunOptions = {}): Stepper<KellerSegelRescaledResult> {
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'an object { mu, j0, tauEnd }', problem);
  checkRunOptions(runOptions);
  const mu = checkFinite('problem.mu', problem.mu);
  if (!(mu >= 0 && mu < 1 / 3)) throw new InvalidArgumentError('problem.mu', 'a number in [0, 1/3) (the sharp range of thesis L935–937)', mu);
  const j0 = checkFinite('problem.j0', problem.j0);
  const adm = kellerSegelAdmissibility(mu, j0);
  if (!adm.admissible) throw new InvalidArgumentError('problem.j0', `an integer > 3(1−μ)/(1−3μ) = ${adm.j0Bound} (${adm.reason})`, j0);
  const tauEnd = checkPositive('problem.tauEnd', problem.tauEnd);
  const nu0 = checkPositive('problem.nu0', problem.nu0 ?? 1e-4);
  const delta = checkFinite('problem.perturbation', problem.perturbation ?? 0.02);
  const shape = problem.perturbationShape ?? defaultShape(problem.j0);
  if (typeof shape !== 'function') throw new InvalidTypeError('problem.perturbationShape', 'a function of y', shape);
  const grid = resolveGrid(problem.grid);
  const samples = problem.historyAt === undefined ? Float64Array.from({ length: 99 }, (_, i) => ((i + 1) * tauEnd) / 100) : checkSaveAt('problem.historyAt', problem.historyAt, 0, tauEnd);
  const beta = adm.beta;

  const y = grid.x;
  const N = grid.n;
  const Q = kellerSegelProfile({ mu, j0, rMax: Math.max(1e6, 2 * y[N - 1]) });
  if (Q.status !== 'success') throw new InvalidArgumentError('problem.j0', 'a pair whose profile integrates (the phase-portrait run failed)', j0);
  const profile = new Float64Array(N);
  profile[0] = Q.q0;
  for (let i = 1; i < N; i++) profile[i] = Q.profileAt(y[i]);
  const model = kellerSegelRescaledModel(grid, {
    mu, j0, modulateUnstable: problem.modulateUnstable, window: problem.window, reference: profile, maxDeviation: problem.maxDeviation,
  });
  const p = new Float64Array(N);
  for (let i = 0; i < N - 1; i++) {
    p[i] = shape(y[i]);
    if (!Number.isFinite(p[i])) throw new InvalidArgumentError('problem.perturbationShape', 'a function with finite values on the grid', p[i]);
  }
  model.projectOut(p);
  const psi0 = new Float64Array(N);
  for (let i = 0; i < N; i++) psi0[i] = profile[i] + delta * p[i];
  checkVec('initial data', psi0, N);

  const P = model.modulations;
  const top = model.orders.indexOf(j0 - 1);
  const ell0 = new Float64Array(P);
  model.normalization(psi0, ell0);
  const rec: Record<keyof KellerSegelRescaledHistory, number[]> = {
    tau: [], deviation: [], cu: [], clMinusBeta: [], aTop: [], aTopLaw: [], aOthers: [], nu: [], t: [], blowupTime: [], invariantDrift: [],
  };
  const onSample = (s: RescaledState): void => {
    const nu = Math.exp(s.logLambda[0]);
    const cu = s.c[0];
    let others = 0;
    for (let q = 2; q < P; q++) if (q !== top) others = Math.max(others, Math.abs(s.c[q]));
    let drift = 0;
    for (let q = 0; q < P; q++) drift = Math.max(drift, Math.abs(s.invariants[q] - ell0[q]));
    rec.tau.push(s.tau); rec.deviation.push(model.deviation(s.u)); rec.cu.push(cu); rec.clMinusBeta.push(s.c[1] - beta);
    rec.aTop.push(top >= 0 && j0 >= 2 ? s.c[top] : 0);
    rec.aTopLaw.push(2 * j0 * (2 * j0 + 1) * nu * -s.invariants[1]);
    rec.aOthers.push(others); rec.nu.push(nu); rec.t.push(s.t);
    rec.blowupTime.push(cu < 0 ? s.t + Math.exp(s.logAmplitude) / -cu : Infinity);
    rec.invariantDrift.push(drift);
  };
  const inner = initRescaled(model, {
    u0: psi0, logLambda0: [Math.log(nu0)], logAmplitude0: 0, tauEnd, scheme: 'imex', modulation: problem.modulation,
    cfl: problem.cfl, dt: problem.dt, rtol: problem.rtol, atol: problem.atol, maxSteps: problem.maxSteps,
    sampleAt: samples, onSample,
  }, { saveAt: runOptions.saveAt });
  return new MappedStepper(inner, (run): KellerSegelRescaledResult => {
    const history = Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, Float64Array.from(v)])) as unknown as KellerSegelRescaledHistory;
    const last = history.tau.length - 1;
    return {
      status: run.status,
      message: run.message,
      stats: { nsteps: run.stats.nsteps, naccept: run.stats.naccept, nreject: run.stats.nreject, nfev: run.stats.nfev },
      final: {
        tau: run.final.tau, psi: run.final.u, c: run.final.c, deviation: history.deviation[last], nu: history.nu[last], t: history.t[last], blowupTime: history.blowupTime[last],
      },
      saved: run.saved,
      history,
      beta,
      y: Float64Array.from(y),
      profile,
    };
  });
}

/**
 * Rescaled Keller–Segel dynamics near Q (module doc; thesis §1.1.3, L975–1030): the modulated
 * rescaled equation advanced by the dynamic-rescaling driver (IMEX, implicit diffusion) from Q
 * plus a perturbation with vanishing Taylor data, with `sup|Ψ − Q|` and the modulations recorded
 * at `historyAt`. Status `'diverged'` when the run leaves the self-similar regime (sup|Ψ − Q| >
 * maxDeviation, loss of positivity or of the maximum at the origin). Cost O(N) per stage;
 * N = 200 to τ = 30 takes about 10³ steps.
 *
 * @throws InvalidArgumentError for μ ∉ [0, 1/3), non-finite parameters, an inadmissible j0, a bad grid
 * @example
 * ```ts
 * const r = kellerSegelRescaled({ mu: 0, j0: 4, tauEnd: 30 });
 * r.status; r.final.deviation; r.history.cu; // 'success', small, → −1
 * ```
 */
export function kellerSegelRescaled(problem: KellerSegelRescaledProblem, runOptions: RunOptions = {}): KellerSegelRescaledResult {
  return drive(initKellerSegelRescaled(problem, runOptions), runOptions);
}

/**
 * The rescaled time up to which a run tracks Q within `tolerance`: the first sample τ at which
 * `deviation > tolerance`, or the last τ when it never does. O(samples).
 *
 * @example
 * ```ts
 * kellerSegelTrackedRange(kellerSegelRescaled({ mu: 0, j0: 4, tauEnd: 30 }).history, 0.05); // 30
 * ```
 */
export function kellerSegelTrackedRange(history: Pick<KellerSegelRescaledHistory, 'tau' | 'deviation'>, tolerance: number): number {
  checkPositive('tolerance', tolerance);
  const { tau, deviation } = history;
  for (let i = 0; i < tau.length; i++) if (!(deviation[i] <= tolerance)) return tau[i];
  return tau.length > 0 ? tau[tau.length - 1] : 0;
}

/** `(y²/(j0+1))^{j0+1}·e^{j0+1−y²}`: vanishing Taylor data j ≤ j0, maximum 1 at y² = j0 + 1. */
function defaultShape(j0: number): (y: number) => number {
  const k = j0 + 1;
  return (r: number): number => (r * r / k) ** k * Math.exp(k - r * r);
}

function resolveGrid(spec: KellerSegelRescaledProblem['grid']): Grid1D {
  if (spec instanceof Grid1D) {
    if (spec.x[0] !== 0) throw new InvalidArgumentError('problem.grid.x[0]', 'exactly 0 (the grid must contain the origin as its first node)', spec.x[0]);
    return spec;
  }
  if (spec !== undefined && (spec === null || typeof spec !== 'object')) throw new InvalidTypeError('problem.grid', 'a Grid1D or { n, length, scale }', spec);
  const s = spec ?? {};
  const n = checkInteger('problem.grid.n', s.n ?? 200, 8);
  const length = checkPositive('problem.grid.length', s.length ?? 200);
  const scale = checkPositive('problem.grid.scale', s.scale ?? 0.5);
  return mappedGrid(sinhMap({ length, scale }), n, { symmetry: 'even' });
}
