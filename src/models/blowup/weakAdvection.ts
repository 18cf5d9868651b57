/**
 * Blowup of the weak-advection model (thesis (A.1.5); a = 1 is the Hou–Li model (A.1.4)) by dynamic
 * rescaling without spatial rescaling (thesis §A.2, eq. (A.2.1), Remark A.2.1), with the Hölder data
 * of §A.4 and the viscous terms of §A.5 (eq. (A.5.2)). A {@link Stepper} ({@link initWeakAdvection})
 * and the one-call solver {@link weakAdvectionBlowup} = `drive(initWeakAdvection(…))`.
 *
 * State: ũ, ω̃ on the nodes of [0, π] (odd symmetry), log C_u and the physical time t, advanced
 * together by RK4 or SSP-RK3 with c_u recomputed at every stage (see `weakAdvectionOperator`), under
 * the advective step rule `dτ = cfl·min_i (x_i − x_{i−1})/(2a|ψ̃_i|)`.
 *
 * @module
 */
import { checkFinite, checkInteger, checkOneOf, checkPositive } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { checkRunOptions, checkSaveAt, drive, emptyRunStats, type RunOptions, type SavedState, type Stepper } from '../../core/run';
import { allFinite, type SolveStatus } from '../../core/status';
import type { Vec } from '../../core/types';
import { weakAdvectionOperator, type WeakAdvectionNormalization, type WeakAdvectionOperator } from './weakAdvectionOperator';
import { defaultWeakAdvectionData, resolveScheme, resolveWeakAdvectionParameters, sampleWeakAdvectionData, weakAdvectionNodes, type WeakAdvectionData, type WeakAdvectionGridSpec, type WeakAdvectionParameters } from './weakAdvectionSetup';
import { cuspExponent } from './weakAdvectionDiagnostics';
import type { WeakAdvectionState, WeakAdvectionFinal, WeakAdvectionHistory, WeakAdvectionStats, WeakAdvectionResult } from './weakAdvectionTypes';

/** The problem of {@link weakAdvectionBlowup}. */
export interface WeakAdvectionProblem extends WeakAdvectionParameters {
  /** Final rescaled time τ > 0. */
  tauEnd: number;
  /** Nodes of [0, π] (see `weakAdvectionNodes`; default 400 nodes clustered at π with p = 3 and at 0 with q = 2). */
  grid?: WeakAdvectionGridSpec;
  /** Initial data (default (sin x, sin x), or the Hölder profile of §A.4 when α < 1). */
  initialData?: WeakAdvectionData;
  /** C_u(0) > 0 (default 1; the physical data are ũ(·,0)/C_u(0)). Viscous runs: the thesis takes |a − 1|² (§A.5, L7492). */
  amplitude0?: number;
  /** c_u rule: `'discrete'` (default, conserves the discrete ũ_x(0) to round-off) or `'thesis'` (c_u = (a(1+α) − 2)ψ̃_x(0)). */
  normalization?: WeakAdvectionNormalization;
  /** `'rk4'` (default) or `'ssprk3'`. */
  scheme?: 'rk4' | 'ssprk3';
  /** Fraction of the advective step bound (default 0.4). */
  cfl?: number;
  /** Largest step (default 0.05). */
  dtMax?: number;
  /** Fixed step (overrides the step rule; still shortened to land on saveAt times and tauEnd). */
  dt?: number;
  /** Stop with `'success'` once the residual ‖∂_τ(ũ, ω̃)‖_∞ falls below this (default 0: run to tauEnd). */
  residualTol?: number;
  /** Step budget (default 1e7); exceeding it ends with `'maxSteps'`. */
  maxSteps?: number;
  /** `'diverged'` (self-similar regime lost: focusing or under-resolution) once max|ω̃| exceeds this multiple of its initial value (default 1e3). */
  growthMax?: number;
  /** Record the history every this many steps (default 16; the last step is always recorded). */
  historyEvery?: number;
}

export type { WeakAdvectionState, WeakAdvectionFinal, WeakAdvectionHistory, WeakAdvectionStats, WeakAdvectionResult } from './weakAdvectionTypes';

type HistKey = keyof WeakAdvectionHistory;
const HIST_KEYS: HistKey[] = ['tau', 'cu', 'cuNormalized', 'slope', 'logAmplitude', 't', 'blowupTime', 'residual', 'maxOmega', 'psiX0', 'psiXPi'];

/** RK4 and SSP-RK3 as (a, b, c) with the stage combination coefficients. */
const RK4 = { a: [[], [0.5], [0, 0.5], [0, 0, 1]], b: [1 / 6, 1 / 3, 1 / 3, 1 / 6], c: [0, 0.5, 0.5, 1] };
const SSP3 = { a: [[], [1], [0.25, 0.25]], b: [1 / 6, 1 / 6, 2 / 3], c: [0, 1, 0.5] };

/**
 * Step-by-step run of the rescaled weak-advection model ({@link weakAdvectionBlowup} is
 * `drive(initWeakAdvection(problem, runOptions), runOptions)`). Validates everything before work:
 * a ∉ (0, 1], α ∉ (0, 1], ν < 0, non-finite or non-odd data, grids without the endpoints 0 and π,
 * saveAt outside [0, tauEnd] all throw.
 *
 * @example
 * ```ts
 * const run = initWeakAdvection({ a: 0.9, tauEnd: 50 });
 * while (run.step()) if (run.t > 10) break;
 * const r = run.result(); r.final.cu; // ≈ 2(a − 1) + o(a − 1)
 * ```
 */
export function initWeakAdvection(problem: WeakAdvectionProblem, runOptions: RunOptions = {}): WeakAdvectionStepper {
  return new WeakAdvectionStepper(problem, runOptions);
}

/**
 * Solve the rescaled weak-advection / Hou–Li model (thesis (A.2.1)) from τ = 0 to `tauEnd` (or until
 * the residual falls below `residualTol`). `saveAt` is in rescaled time τ. Ends with a status, never
 * NaNs: `'nonFinite'` or `'diverged'` (max|ω̃| grew by `growthMax`, or moved onto the first two
 * interior nodes next to 0: focusing or under-resolution)
 * carry the τ at which the regime was lost in `message` and the last good state in `final`.
 * Cost O(n) per stage; ~ n·τ/(cfl·3) stages on the default cubic map.
 *
 * @example
 * ```ts
 * const r = weakAdvectionBlowup({ a: 0.9, tauEnd: 60, grid: { n: 400 } });
 * r.status; r.final.cuNormalized / (2 * (0.9 - 1)); r.final.blowupTime;
 * ```
 */
export function weakAdvectionBlowup(problem: WeakAdvectionProblem, runOptions: RunOptions = {}): WeakAdvectionResult {
  return drive(initWeakAdvection(problem, runOptions), checkRunOptions(runOptions));
}

/**
 * The {@link Stepper} of {@link initWeakAdvection}.
 * @example
 * ```ts
 * const run: WeakAdvectionStepper = initWeakAdvection({ a: 0.9, tauEnd: 60, grid: { n: 400 } });
 * while (run.step()) if (run.t > 30) break;
 * run.result().final;
 * ```
 */
export class WeakAdvectionStepper implements Stepper<WeakAdvectionResult> {
  /** `'running'` until the run ends. */
  status: SolveStatus | 'running' = 'running';
  /** Counters. */
  readonly stats: WeakAdvectionStats = { ...emptyRunStats(), nstages: 0 };
  /** The discrete operator (nodes, ψ̃). */
  readonly op: WeakAdvectionOperator;
  private readonly a: number;
  private readonly n: number;
  private readonly tauEnd: number;
  private readonly y: Vec;
  private readonly yStage: Vec;
  private readonly yLast: Vec;
  private readonly k: Vec[];
  private readonly tableau: typeof RK4;
  private readonly cfl: number;
  private readonly dtMax: number;
  private readonly dtFixed: number | undefined;
  private readonly residualTol: number;
  private readonly maxSteps: number;
  private readonly growthLimit: number;
  /** True when the data's max|ω̃| starts away from the first two interior nodes (the focusing check applies). */
  private readonly peakAwayFromZero: boolean;
  private readonly historyEvery: number;
  private readonly saveAt: Float64Array;
  private saveIndex = 0;
  private readonly saved: SavedState<WeakAdvectionState>[] = [];
  private readonly hist: Record<HistKey, number[]>;
  private tauNow = 0;
  private message = '';
  private cuNow = 0;
  private residualNow = Infinity;

  /** Prefer {@link initWeakAdvection}. */
  constructor(problem: WeakAdvectionProblem, runOptions: RunOptions = {}) {
    if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'a problem object', problem);
    checkRunOptions(runOptions);
    const { a, alpha, nu } = resolveWeakAdvectionParameters(problem);
    this.a = a;
    this.tauEnd = checkPositive('problem.tauEnd', problem.tauEnd);
    const x = weakAdvectionNodes(problem.grid);
    const n = x.length;
    this.n = n;
    const data = sampleWeakAdvectionData(x, problem.initialData ?? defaultWeakAdvectionData(alpha));
    const amplitude0 = checkPositive('problem.amplitude0', problem.amplitude0 ?? 1);
    const normalization = checkOneOf('problem.normalization', problem.normalization ?? 'discrete', ['discrete', 'thesis'] as const);
    this.tableau = resolveScheme(problem.scheme) === 'rk4' ? RK4 : SSP3;
    this.cfl = checkPositive('problem.cfl', problem.cfl ?? 0.4);
    this.dtMax = checkPositive('problem.dtMax', problem.dtMax ?? 0.05);
    this.dtFixed = problem.dt === undefined ? undefined : checkPositive('problem.dt', problem.dt);
    this.residualTol = checkFinite('problem.residualTol', problem.residualTol ?? 0);
    if (this.residualTol < 0) throw new InvalidArgumentError('problem.residualTol', 'a finite number >= 0', this.residualTol);
    this.maxSteps = checkInteger('problem.maxSteps', problem.maxSteps ?? 1e7, 1);
    const growthMax = checkPositive('problem.growthMax', problem.growthMax ?? 1e3);
    this.historyEvery = checkInteger('problem.historyEvery', problem.historyEvery ?? 16, 1);
    this.saveAt = checkSaveAt('runOptions.saveAt', runOptions.saveAt, 0, this.tauEnd);
    this.op = weakAdvectionOperator(x, { a, alpha, nu, normalization });
    if (!(this.op.slope(data.u) > 0)) throw new InvalidArgumentError('problem.initialData.u', 'data with a positive slope ũ_x(0) (the normalized quantity)', this.op.slope(data.u));
    const dim = 2 * n + 2;
    this.y = new Float64Array(dim);
    this.y.set(data.u, 0);
    this.y.set(data.omega, n);
    this.y[2 * n] = Math.log(amplitude0);
    this.y[2 * n + 1] = 0;
    this.yStage = new Float64Array(dim);
    this.yLast = new Float64Array(dim);
    this.k = this.tableau.b.map(() => new Float64Array(dim));
    let maxW = 0;
    let peak = 0;
    for (let i = 0; i < n; i++) if (Math.abs(data.omega[i]) > maxW) { maxW = Math.abs(data.omega[i]); peak = i; }
    this.growthLimit = growthMax * maxW;
    this.peakAwayFromZero = peak > 2;
    this.hist = Object.fromEntries(HIST_KEYS.map((key) => [key, [] as number[]])) as unknown as Record<HistKey, number[]>;
    this.cuNow = this.rhs(this.y, this.k[0]);
    this.updateResidual();
    this.record();
    while (this.saveIndex < this.saveAt.length && this.saveAt[this.saveIndex] <= 0) this.save();
  }

  /** Current τ. */
  get t(): number { return this.tauNow; }
  /** Fraction of [0, tauEnd] done. */
  get fraction(): number { return Math.min(1, this.tauNow / this.tauEnd); }

  /** c_u, residual and physical time for progress reports. */
  progressExtras(): Record<string, number> {
    return { cu: this.cuNow, residual: this.residualNow, physicalTime: this.y[2 * this.n + 1] };
  }

  /** Full right-hand side of the augmented state; returns c_u. */
  private rhs(y: Vec, dy: Vec): number {
    const n = this.n;
    const u = y.subarray(0, n), w = y.subarray(n, 2 * n);
    const logC = y[2 * n];
    const cu = this.op.evaluate(u, w, logC, dy.subarray(0, n), dy.subarray(n, 2 * n));
    dy[2 * n] = cu;
    dy[2 * n + 1] = Math.exp(logC);
    this.stats.nfev++;
    this.stats.nstages++;
    return cu;
  }

  /** Take one step; false once the run has ended. */
  step(): boolean {
    if (this.status !== 'running') return false;
    if (this.stats.nsteps >= this.maxSteps) {
      this.stop('maxSteps', `step budget ${this.maxSteps} exhausted at τ = ${this.tauNow}`);
      return false;
    }
    const n = this.n, y = this.y, dim = y.length;
    const k0 = this.k[0];
    // k0 holds the right-hand side at the current state (computed at the end of the last step).
    let dt = this.dtFixed ?? Math.min(this.op.stepBound(this.cfl, y[2 * n]), this.dtMax);
    const target = this.saveIndex < this.saveAt.length ? Math.min(this.saveAt[this.saveIndex], this.tauEnd) : this.tauEnd;
    if (this.tauNow + dt >= target) dt = target - this.tauNow;
    if (!(dt > 0) || this.tauNow + dt === this.tauNow) {
      this.stop('diverged', `step size underflow (dτ = ${dt}) at τ = ${this.tauNow}: the self-similar regime is lost`);
      return false;
    }
    this.yLast.set(y);
    const { a: A, b: B } = this.tableau;
    const ys = this.yStage;
    for (let s = 1; s < B.length; s++) {
      ys.set(y);
      for (let j = 0; j < s; j++) {
        const c = A[s][j] * dt;
        if (c === 0) continue;
        const kj = this.k[j];
        for (let i = 0; i < dim; i++) ys[i] += c * kj[i];
      }
      this.rhs(ys, this.k[s]);
    }
    for (let s = 0; s < B.length; s++) {
      const c = B[s] * dt, ks = this.k[s];
      for (let i = 0; i < dim; i++) y[i] += c * ks[i];
    }
    this.stats.nsteps++;
    this.tauNow = target - this.tauNow === dt ? target : this.tauNow + dt;
    if (!allFinite(y)) {
      y.set(this.yLast);
      this.tauNow -= dt;
      this.stats.nreject++;
      this.stop('nonFinite', `non-finite values at τ = ${this.tauNow + dt} (self-similar regime lost); final is the state at τ = ${this.tauNow}`);
      return false;
    }
    this.stats.naccept++;
    this.cuNow = this.rhs(y, k0);
    this.updateResidual();
    let maxW = 0;
    let peak = 0;
    for (let i = n; i < 2 * n; i++) if (Math.abs(y[i]) > maxW) { maxW = Math.abs(y[i]); peak = i - n; }
    const ended = this.tauNow >= this.tauEnd;
    while (this.saveIndex < this.saveAt.length && this.saveAt[this.saveIndex] <= this.tauNow) this.save();
    if (!allFinite(k0) || maxW > this.growthLimit) {
      this.record();
      this.stop('diverged', `max|ω̃| = ${maxW.toPrecision(4)} exceeded ${this.growthLimit.toPrecision(4)} at τ = ${this.tauNow}: the self-similar regime is lost (focusing or under-resolution)`);
      return false;
    }
    if (this.peakAwayFromZero && peak <= 2) {
      // the profile focuses at 0 faster than the grid resolves: the maximum sits on the nodes of the
      // normalization fit, and the scheme would settle into a steady state made by the grid
      this.record();
      this.stop('diverged', `max|ω̃| reached interior node ${peak} (x = ${this.op.x[peak].toPrecision(3)}) next to 0 at τ = ${this.tauNow}: focusing at 0 is no longer resolved, the self-similar regime is lost (refine at 0: more nodes or a larger grid.zeroExponent)`);
      return false;
    }
    const converged = this.residualTol > 0 && this.residualNow < this.residualTol;
    if (ended || converged || this.stats.naccept % this.historyEvery === 0) this.record();
    if (converged) {
      this.status = 'success';
      this.message = `converged: residual ${this.residualNow.toExponential(3)} < ${this.residualTol} at τ = ${this.tauNow}`;
      return false;
    }
    if (ended) {
      this.status = 'success';
      this.message = `reached τ = ${this.tauEnd}`;
      return false;
    }
    return true;
  }

  /** End the run early. */
  stop(status: SolveStatus, message: string): void {
    if (this.status !== 'running') return;
    this.status = status;
    this.message = message;
  }

  private save(): void {
    const n = this.n;
    this.saved.push({ t: this.saveAt[this.saveIndex], state: { tau: this.tauNow, u: this.y.slice(0, n), omega: this.y.slice(n, 2 * n) } });
    this.saveIndex++;
  }

  /** residualNow ← ‖∂_τ(ũ, ω̃)‖_∞ from k[0] (the right-hand side at the current state). */
  private updateResidual(): void {
    const k0 = this.k[0], m = 2 * this.n;
    let res = 0;
    for (let i = 0; i < m; i++) { const v = Math.abs(k0[i]); if (v > res) res = v; }
    this.residualNow = res;
  }

  /** Append the diagnostics of the current state (k[0] must hold its right-hand side). */
  private record(): void {
    const n = this.n, y = this.y, k0 = this.k[0];
    const res = this.residualNow;
    let maxW = 0;
    for (let i = n; i < 2 * n; i++) maxW = Math.max(maxW, Math.abs(y[i]));
    const cu = k0[2 * n];
    this.cuNow = cu;
    const slope = this.op.slope(y);
    const C = Math.exp(y[2 * n]);
    const t = y[2 * n + 1];
    const h = this.hist;
    const last = h.tau.length - 1;
    if (last >= 0 && h.tau[last] === this.tauNow) for (const key of HIST_KEYS) h[key].pop();
    h.tau.push(this.tauNow);
    h.cu.push(cu);
    h.cuNormalized.push(cu / slope);
    h.slope.push(slope);
    h.logAmplitude.push(y[2 * n]);
    h.t.push(t);
    h.blowupTime.push(cu < 0 ? t + C / -cu : Infinity);
    h.residual.push(res);
    h.maxOmega.push(maxW);
    h.psiX0.push(this.op.psiX[0]);
    h.psiXPi.push(this.op.psiX[n - 1]);
  }

  /** The result so far (final once the run has ended). */
  result(): WeakAdvectionResult {
    const n = this.n, y = this.y, op = this.op;
    // Make ψ̃ and c_u those of the final state (not counted: the same evaluation as the last step's).
    const k0 = this.k[0];
    const cu = op.evaluate(y.subarray(0, n), y.subarray(n, 2 * n), y[2 * n], k0.subarray(0, n), k0.subarray(n, 2 * n));
    const u = y.slice(0, n), omega = y.slice(n, 2 * n);
    const slope = op.slope(u);
    const C = Math.exp(y[2 * n]);
    const t = y[2 * n + 1];
    let res = 0;
    for (let i = 0; i < 2 * n; i++) res = Math.max(res, Math.abs(k0[i]));
    const psiXPi = op.psiX[n - 1];
    const final: WeakAdvectionFinal = {
      tau: this.tauNow, x: Float64Array.from(op.x), u, omega, psi: Float64Array.from(op.psi), psiX: Float64Array.from(op.psiX),
      cu, slope, cuNormalized: cu / slope, logAmplitude: y[2 * n], t, blowupTime: cu < 0 ? t + C / -cu : Infinity, residual: res,
      cuspExponent: cuspExponent(op.x, omega),
      cuspPrediction: Math.abs(cu) / (2 * this.a * Math.abs(psiXPi)),
    };
    const history = Object.fromEntries(HIST_KEYS.map((key) => [key, Float64Array.from(this.hist[key])])) as unknown as WeakAdvectionHistory;
    return {
      // a result taken mid-run is not a finished run (the convention of every stepper)
      status: this.status === 'running' ? 'aborted' : this.status,
      message: this.status === 'running' ? `still running at τ = ${this.tauNow}` : this.message,
      stats: { ...this.stats },
      final,
      saved: this.saved.slice(),
      history,
    };
  }
}
