/**
 * The time stepping shared by the direct physical-time CGL solvers in 1-D (`cglPhysical.ts`) and
 * 2-D (`cglPhysical2d.ts`) (thesis §1.1.2, L833): the Laplacian implicit and the reaction
 * `(1 + iδ)|ψ|^{p−1}ψ − γψ` explicit in the ARK3(2)4L[2]SA IMEX pair with embedded error control,
 * the step also capped at `0.5/max|ψ|^{p−1}`, the run stopped when `max|ψ|` reaches the target, and
 * the blowup time extrapolated as `T ≈ t + u^{1−p}/((p−1)(1−q))`,
 * `q = −Re(ψ̄(1+iβ)Δψ)/u^{p+1} + γu^{1−p}` at the maximum. A dimension supplies only its discrete
 * `(1+iβ)Δ` and the stage solve `(M + g(1+iβ)K)⁻¹M`; the state is `[Re ψ…, Im ψ…]`.
 *
 * @module
 */
import { StepSizeController } from '../../time/stepController';
import { checkInRange, checkInteger, checkPositive, checkVec } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { checkRunOptions, emptyRunStats, type RunOptions, type RunResult, type RunStats, type Stepper } from '../../core/run';
import type { SolveStatus } from '../../core/status';
import type { Vec } from '../../core/types';
import { additiveRkStageInput, ark324L2SA } from '../../time/additiveRk';
import { resolveCglParameters, type CglParameters, type CglResolvedParameters } from './cglModel';

/** The problem of a direct CGL run: the fields of `CglPhysicalProblem` and `CglPhysical2dProblem` (documented there). */
export type CglDirectProblem = CglParameters & { nodes: Vec; initialData: Vec; amplitudeTarget?: number; rtol?: number; atol?: number; maxSteps?: number };

/** What differs between the dimensions in the validation of a {@link CglDirectProblem}. */
export interface CglDirectDefaults {
  /** Space dimension: the data has 2·n^dim entries for n nodes. */
  dim: 1 | 2;
  /** Least number of nodes. */
  minNodes: number;
  /** Default target as a multiple of max|ψ(·,0)|. */
  amplitudeFactor: number;
  /** Default relative tolerance. */
  rtol: number;
  /** Default step budget. */
  maxSteps: number;
}

/** A validated {@link CglDirectProblem}. */
export interface CglDirectSetup {
  /** Resolved parameters. */
  params: CglResolvedParameters;
  /** Nodes. */
  x: Vec;
  /** Initial data. */
  y0: Vec;
  /** max|ψ(·,0)|. */
  amp0: number;
  /** Amplitude target. */
  target: number;
  /** Relative tolerance. */
  rtol: number;
  /** Absolute tolerance. */
  atol: number;
  /** Step budget. */
  maxSteps: number;
}

/**
 * Validate a direct CGL problem and the run options (before any work), applying the defaults of the
 * dimension. O(n^dim).
 *
 * @throws InvalidTypeError when problem is not an object
 * @throws InvalidArgumentError for p ≤ 1, non-finite parameters or data, bad nodes or options
 * @example
 * ```ts
 * const s = checkCglDirectProblem(problem, runOptions, { dim: 1, minNodes: 9, amplitudeFactor: 1e6, rtol: 1e-8, maxSteps: 1e6 });
 * ```
 */
export function checkCglDirectProblem(problem: CglDirectProblem, runOptions: RunOptions | undefined, defaults: CglDirectDefaults): CglDirectSetup {
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'an object { nodes, initialData, … }', problem);
  const params = resolveCglParameters(problem);
  const x = checkVec('problem.nodes', problem.nodes);
  const n = x.length;
  checkInteger('problem.nodes.length', n, defaults.minNodes);
  for (let i = 1; i < n; i++) if (!(x[i] > x[i - 1])) throw new InvalidArgumentError(`problem.nodes[${i}]`, 'strictly increasing nodes', x[i]);
  const N = defaults.dim === 1 ? n : n * n;
  const y0 = checkVec('problem.initialData', problem.initialData, 2 * N);
  let amp0 = 0;
  for (let k = 0; k < 2 * N; k++) if (!Number.isFinite(y0[k])) throw new InvalidArgumentError(`problem.initialData[${k}]`, 'a finite number', y0[k]);
  for (let k = 0; k < N; k++) amp0 = Math.max(amp0, Math.hypot(y0[k], y0[N + k]));
  if (!(amp0 > 0)) throw new InvalidArgumentError('problem.initialData', 'not identically zero');
  const target = checkPositive('problem.amplitudeTarget', problem.amplitudeTarget ?? defaults.amplitudeFactor * amp0);
  if (!(target > amp0)) throw new InvalidArgumentError('problem.amplitudeTarget', `greater than the initial amplitude ${amp0}`, target);
  const rtol = checkInRange('problem.rtol', problem.rtol ?? defaults.rtol, 1e-14, 0.1);
  const atol = checkPositive('problem.atol', problem.atol ?? 1e-6 * rtol * amp0);
  const maxSteps = checkInteger('problem.maxSteps', problem.maxSteps ?? defaults.maxSteps, 1);
  checkRunOptions(runOptions);
  return { params, x, y0, amp0, target, rtol, atol, maxSteps };
}

/** State of a direct CGL run: the fields of `CglPhysicalState` and `CglPhysical2dState` (documented there). */
export type CglDirectState = { t: number; re: Vec; im: Vec };

/** Diagnostics per accepted step: the fields of `CglPhysicalHistory` and `CglPhysical2dHistory` (documented there). */
export type CglDirectHistory = { t: Vec; amplitude: Vec; q: Vec };

/** Result of a direct CGL run with the extra counters `X` (the shape of the solvers' results). */
export interface CglDirectResult<X extends object> extends RunResult<CglDirectState, CglDirectState, X, CglDirectHistory> {
  /** Parameters. */
  params: CglResolvedParameters;
  /** Corrected blowup time `t + u^{1−p}/((p−1)(1−q))`. */
  blowupTime: number;
  /** Plain estimate `t + u^{1−p}/(p−1)`. */
  blowupTimeSimple: number;
}

const S = ark324L2SA.b.length;

/**
 * The stepper of a direct CGL run (module doc), whatever the dimension: a subclass supplies
 * {@link CglDirectStepper.laplacian} and {@link CglDirectStepper.solve} and calls
 * {@link CglDirectStepper.start} at the end of its constructor. O(size) per stage besides the solve.
 *
 * @example
 * ```ts
 * class Line extends CglDirectStepper<{ nlinsolve: number }> {
 *   constructor() { super(params, y0, amp0, target, rtol, atol, maxSteps, { nlinsolve: 0 }); this.start(); }
 *   protected laplacian(s: Vec, d: Vec): void { ... }
 *   protected solve(g: number, s: Vec): void { ... }
 * }
 * ```
 */
export abstract class CglDirectStepper<X extends object> implements Stepper<CglDirectResult<X>> {
  /** Run status. */
  status: SolveStatus | 'running' = 'running';
  /** Physical time. */
  t = 0;
  /** Counters: steps, evaluations of the reaction and the extra counters `X`. */
  readonly stats: RunStats & X;
  /** Number of complex unknowns (nodes). */
  protected readonly size: number;
  /** Work vector of length 2·size (stage values, the Laplacian at the maximum). */
  protected readonly stage: Vec;
  private message = '';
  private readonly y: Vec;
  private readonly yNew: Vec;
  private readonly E: Vec[];
  private readonly I: Vec[];
  private k: number;
  private readonly hist = { t: [] as number[], amplitude: [] as number[], q: [] as number[] };
  /** The library's step-size controller (I-controller for the embedded order-2 estimate). */
  private readonly controller = new StepSizeController({ order: 3, noGrowthAfterReject: false });

  /**
   * @param params - the CGL parameters
   * @param y0 - initial `[Re ψ…, Im ψ…]` (copied)
   * @param amp0 - max|ψ(·,0)|
   * @param target - stop when max|ψ| reaches this
   * @param rtol - relative tolerance
   * @param atol - absolute tolerance
   * @param maxSteps - budget of attempted steps
   * @param extra - the extra counters, initialized
   */
  constructor(
    protected readonly params: CglResolvedParameters,
    y0: Vec,
    private readonly amp0: number,
    private readonly target: number,
    private readonly rtol: number,
    private readonly atol: number,
    private readonly maxSteps: number,
    extra: X,
  ) {
    this.stats = { ...emptyRunStats(), ...extra };
    const N = y0.length / 2;
    this.size = N;
    this.y = Float64Array.from(y0);
    this.yNew = new Float64Array(2 * N);
    this.E = Array.from({ length: S }, () => new Float64Array(2 * N));
    this.I = Array.from({ length: S }, () => new Float64Array(2 * N));
    this.stage = new Float64Array(2 * N);
    this.k = 1e-4 / Math.pow(amp0, params.p - 1);
  }

  /** d ← the discrete (1+iβ)Δs (split layout). */
  protected abstract laplacian(s: Vec, d: Vec): void;

  /** s ← (M + g(1+iβ)K)⁻¹ M s: the implicit stage solve with coefficient g. */
  protected abstract solve(g: number, s: Vec): void;

  /** Record the initial state; a subclass calls it once its operator is built. */
  protected start(): void {
    this.record();
  }

  /** Progress in [0, 1]: log(max|ψ|/amp0)/log(target/amp0). */
  get fraction(): number {
    const a = this.hist.amplitude[this.hist.amplitude.length - 1];
    return Math.min(1, Math.max(0, Math.log(a / this.amp0) / Math.log(this.target / this.amp0)));
  }

  private reaction(s: Vec, e: Vec): void {
    const N = this.size;
    const { delta, gamma, p } = this.params;
    const half = (p - 1) / 2;
    for (let i = 0; i < N; i++) {
      const a = s[i];
      const b = s[N + i];
      const m = Math.pow(a * a + b * b, half);
      e[i] = m * (a - delta * b) - gamma * a;
      e[N + i] = m * (b + delta * a) - gamma * b;
    }
    this.stats.nfev++;
  }

  /** One accepted step (retrying rejected ones); false once the run has stopped. */
  step(): boolean {
    if (this.status !== 'running') return false;
    const { size: N, y, yNew, E, I, stage } = this;
    const N2 = 2 * N;
    const p = this.params.p;
    for (;;) {
      if (this.stats.nsteps >= this.maxSteps) { this.stop('maxSteps', `maxSteps = ${this.maxSteps} reached`); return false; }
      this.stats.nsteps++;
      let umax = 0;
      for (let i = 0; i < N; i++) umax = Math.max(umax, Math.hypot(y[i], y[N + i]));
      const k = Math.min(this.k, 0.5 / Math.pow(umax, p - 1));
      this.reaction(y, E[0]);
      this.laplacian(y, I[0]);
      for (let s = 1; s < S; s++) {
        additiveRkStageInput(ark324L2SA, s, k, y, E, I, N2, stage);
        this.solve(k * (ark324L2SA.implicitA as readonly (readonly number[])[])[s][s], stage);
        this.reaction(stage, E[s]);
        this.laplacian(stage, I[s]);
      }
      yNew.set(y);
      let err = 0;
      const be = ark324L2SA.bEmbedded as readonly number[];
      for (let q = 0; q < N2; q++) {
        let incr = 0;
        let diff = 0;
        for (let s = 0; s < S; s++) { const v = E[s][q] + I[s][q]; incr += ark324L2SA.b[s] * v; diff += (ark324L2SA.b[s] - be[s]) * v; }
        yNew[q] += k * incr;
        const e = (k * diff) / (this.atol + this.rtol * Math.max(Math.abs(y[q]), Math.abs(yNew[q])));
        err += e * e;
      }
      err = Math.sqrt(err / N2);
      if (!Number.isFinite(err) || err > 1) {
        this.stats.nreject++;
        this.k = k * (Number.isFinite(err) ? this.controller.reject(err) : 0.25);
        if (this.k < 1e-15 * Math.max(this.t, 1e-300)) { this.stop(Number.isFinite(err) ? 'diverged' : 'nonFinite', `step size underflow at t = ${this.t}`); return false; }
        continue;
      }
      this.stats.naccept++;
      y.set(yNew);
      this.t += k;
      this.k = k * this.controller.accept(err);
      const amp = this.record();
      if (amp >= this.target) this.stop('success', `max|ψ| reached ${this.target} at t = ${this.t}`);
      return true;
    }
  }

  /** Record t, max|ψ| and q at the maximum; returns max|ψ|. */
  private record(): number {
    const { size: N, y, stage } = this;
    let imax = 0;
    let umax = 0;
    for (let i = 0; i < N; i++) { const m = Math.hypot(y[i], y[N + i]); if (m > umax) { umax = m; imax = i; } }
    this.laplacian(y, stage);
    const { p, gamma } = this.params;
    const q = -(y[imax] * stage[imax] + y[N + imax] * stage[N + imax]) / Math.pow(umax, p + 1) + gamma * Math.pow(umax, 1 - p);
    this.hist.t.push(this.t); this.hist.amplitude.push(umax); this.hist.q.push(q);
    return umax;
  }

  /** Stop the run with a status (no effect once stopped). */
  stop(status: SolveStatus, message: string): void {
    if (this.status !== 'running') return;
    this.status = status;
    this.message = message;
  }

  /** The result so far (`aborted` while still running). */
  result(): CglDirectResult<X> {
    const h = this.hist;
    const last = h.t.length - 1;
    const p = this.params.p;
    const tail = Math.pow(h.amplitude[last], 1 - p) / (p - 1);
    const state = { t: this.t, re: this.y.slice(0, this.size), im: this.y.slice(this.size) };
    return {
      status: this.status === 'running' ? 'aborted' : this.status,
      message: this.status === 'running' ? 'stopped before the end' : this.message,
      stats: { ...this.stats },
      final: state,
      saved: [],
      history: { t: Float64Array.from(h.t), amplitude: Float64Array.from(h.amplitude), q: Float64Array.from(h.q) },
      params: this.params,
      blowupTime: this.t + tail / (1 - h.q[last]),
      blowupTimeSimple: this.t + tail,
    };
  }
}
