/**
 * Direct physical-time solve of the 1-D complex Ginzburg–Landau equation (thesis §1.1.2, L833)
 *
 *     ψ_t = (1 + iβ)ψ_xx + (1 + iδ)|ψ|^{p−1}ψ − γψ    on [−L, L]
 *
 * for the blowup time, independently of the rescaling: vertex-centred finite volumes on the given
 * nodes (zero flux at ±L; the data must decay so the ends carry no measurable flux), the Laplacian
 * implicit and the reaction explicit in the ARK3(2)4L[2]SA IMEX pair with embedded error control
 * (one complex tridiagonal solve `(V − g(1+iβ)K)Y = VX` per stage), the step also capped at
 * `0.5/max|ψ|^{p−1}`. The run stops when `max|ψ|` reaches the target.
 *
 * **Blowup time.** At the maximum of u = |ψ|, `d(u^{1−p})/dt = −(p−1)(1 − q)` with
 * `q = −Re(ψ̄(1+iβ)ψ_xx)/u^{p+1} + γu^{1−p}`; near blowup q → 0 like 1/|log(T−t)| (the heat law
 * `c_u + 1 = λ/4`), so freezing q gives `T ≈ t + u^{1−p}/((p−1)(1−q))` with error O(q²u^{1−p})
 * (for β = δ = γ = 0, p = 2 the corrected estimate of the heat solver).
 *
 * @module
 */
import { StepSizeController } from '../../time/stepController';
import { checkInRange, checkInteger, checkPositive, checkVec } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { checkRunOptions, drive, emptyRunStats, type RunOptions, type RunResult, type RunStats, type Stepper } from '../../core/run';
import type { SolveStatus } from '../../core/status';
import type { Vec } from '../../core/types';
import { ComplexTridiagonalFactorization } from '../../linalg/complex';
import { resolveCglParameters, type CglParameters, type CglResolvedParameters } from './cglModel';
import { additiveRkStageInput, ark324L2SA } from '../../time/additiveRk';

/** The problem of {@link cglPhysical}. */
export interface CglPhysicalProblem extends CglParameters {
  /** Nodes on [−L, L] (strictly increasing, at least 9). */
  nodes: Vec;
  /** Initial data `[Re ψ at the nodes…, Im ψ at the nodes…]` (length 2n, finite, not identically 0). */
  initialData: Vec;
  /** Stop when max|ψ| reaches this (default 1e6·max|ψ(·,0)|). */
  amplitudeTarget?: number;
  /** Relative tolerance (default 1e-8). */
  rtol?: number;
  /** Absolute tolerance (default 1e-6·rtol·max|ψ(·,0)|). */
  atol?: number;
  /** Budget of attempted steps (default 1e6). */
  maxSteps?: number;
}

/** State of a direct CGL run. */
export interface CglPhysicalState {
  /** Physical time. */
  t: number;
  /** Re ψ. */
  re: Vec;
  /** Im ψ. */
  im: Vec;
}

/** Diagnostics per accepted step. */
export interface CglPhysicalHistory {
  /** t. */
  t: Vec;
  /** max|ψ|. */
  amplitude: Vec;
  /** q at the maximum (module doc). */
  q: Vec;
}

/** Extra counters. */
export interface CglPhysicalStats {
  /** Complex tridiagonal solves. */
  nlinsolve: number;
}

/** Result of {@link cglPhysical}. */
export interface CglPhysicalResult extends RunResult<CglPhysicalState, CglPhysicalState, CglPhysicalStats, CglPhysicalHistory> {
  /** Parameters. */
  params: CglResolvedParameters;
  /** Corrected blowup time `t + u^{1−p}/((p−1)(1−q))`. */
  blowupTime: number;
  /** Plain estimate `t + u^{1−p}/(p−1)`. */
  blowupTimeSimple: number;
}

/**
 * Integrate 1-D CGL directly until max|ψ| reaches the target and extrapolate the blowup time
 * (module doc): `drive(initCglPhysical(problem, runOptions), runOptions)`. O(n) per stage.
 *
 * @throws InvalidArgumentError for p ≤ 1, non-finite parameters or data, bad nodes or options
 * @example
 * ```ts
 * const x = mirroredNodes(mappedGrid(sinhMap({ length: 50, scale: 0.05 }), 201));
 * const data = new Float64Array(2 * x.length); x.forEach((v, i) => { data[i] = 1 / (1 + v * v / 8 + v ** 4 / 10); });
 * cglPhysical({ beta: 0.1, delta: 0.1, nodes: x, initialData: data }).blowupTime;
 * ```
 */
export function cglPhysical(problem: CglPhysicalProblem, runOptions?: RunOptions): CglPhysicalResult {
  return drive(initCglPhysical(problem, runOptions), runOptions);
}

/**
 * The stepper form of {@link cglPhysical} (validates, does not step). `saveAt` is not supported
 * (the direct run has no fixed end time); states are in `final`.
 * @example
 * ```ts
 * const run = initCglPhysical(problem);
 * while (run.step()) { }
 * run.result().blowupTime;
 * ```
 */
export function initCglPhysical(problem: CglPhysicalProblem, runOptions?: RunOptions): Stepper<CglPhysicalResult> {
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'an object { nodes, initialData, … }', problem);
  const params = resolveCglParameters(problem);
  const x = checkVec('problem.nodes', problem.nodes);
  const n = x.length;
  checkInteger('problem.nodes.length', n, 9);
  for (let i = 1; i < n; i++) if (!(x[i] > x[i - 1])) throw new InvalidArgumentError(`problem.nodes[${i}]`, 'strictly increasing nodes', x[i]);
  const y0 = checkVec('problem.initialData', problem.initialData, 2 * n);
  let amp0 = 0;
  for (let i = 0; i < 2 * n; i++) if (!Number.isFinite(y0[i])) throw new InvalidArgumentError(`problem.initialData[${i}]`, 'a finite number', y0[i]);
  for (let i = 0; i < n; i++) amp0 = Math.max(amp0, Math.hypot(y0[i], y0[n + i]));
  if (!(amp0 > 0)) throw new InvalidArgumentError('problem.initialData', 'not identically zero');
  const target = checkPositive('problem.amplitudeTarget', problem.amplitudeTarget ?? 1e6 * amp0);
  if (!(target > amp0)) throw new InvalidArgumentError('problem.amplitudeTarget', `greater than the initial amplitude ${amp0}`, target);
  const rtol = checkInRange('problem.rtol', problem.rtol ?? 1e-8, 1e-14, 0.1);
  const atol = checkPositive('problem.atol', problem.atol ?? 1e-6 * rtol * amp0);
  const maxSteps = checkInteger('problem.maxSteps', problem.maxSteps ?? 1e6, 1);
  checkRunOptions(runOptions);
  return new CglPhysicalStepper(params, x, y0, target, rtol, atol, maxSteps);
}

const S = ark324L2SA.b.length;

class CglPhysicalStepper implements Stepper<CglPhysicalResult> {
  status: SolveStatus | 'running' = 'running';
  t = 0;
  readonly stats: RunStats & CglPhysicalStats = { ...emptyRunStats(), nlinsolve: 0 };
  private message = '';
  private readonly n: number;
  private readonly V: Vec;
  private readonly cond: Vec;
  private readonly y: Vec;
  private readonly yNew: Vec;
  private readonly E: Vec[];
  private readonly I: Vec[];
  private readonly stage: Vec;
  private readonly packed: Vec;
  private readonly lower: Vec;
  private readonly diag: Vec;
  private readonly upper: Vec;
  private factorization: ComplexTridiagonalFactorization | null = null;
  private factoredG = Number.NaN;
  private k: number;
  private readonly hist = { t: [] as number[], amplitude: [] as number[], q: [] as number[] };
  private readonly amp0: number;
  /** The library's step-size controller (I-controller for the embedded order-2 estimate). */
  private readonly controller = new StepSizeController({ order: 3, noGrowthAfterReject: false });

  constructor(
    private readonly params: CglResolvedParameters,
    x: Vec,
    y0: Vec,
    private readonly target: number,
    private readonly rtol: number,
    private readonly atol: number,
    private readonly maxSteps: number,
  ) {
    const n = x.length;
    this.n = n;
    this.V = new Float64Array(n);
    this.cond = new Float64Array(n - 1);
    for (let i = 0; i < n; i++) this.V[i] = 0.5 * ((i < n - 1 ? x[i + 1] : x[i]) - (i > 0 ? x[i - 1] : x[i]));
    for (let i = 0; i < n - 1; i++) this.cond[i] = 1 / (x[i + 1] - x[i]);
    this.y = Float64Array.from(y0);
    this.yNew = new Float64Array(2 * n);
    this.E = Array.from({ length: S }, () => new Float64Array(2 * n));
    this.I = Array.from({ length: S }, () => new Float64Array(2 * n));
    this.stage = new Float64Array(2 * n);
    this.packed = new Float64Array(2 * n);
    this.lower = new Float64Array(2 * n);
    this.diag = new Float64Array(2 * n);
    this.upper = new Float64Array(2 * n);
    let a = 0;
    for (let i = 0; i < n; i++) a = Math.max(a, Math.hypot(y0[i], y0[n + i]));
    this.amp0 = a;
    this.k = 1e-4 / Math.pow(a, params.p - 1);
    this.record();
  }

  get fraction(): number {
    const a = this.hist.amplitude[this.hist.amplitude.length - 1];
    return Math.min(1, Math.max(0, Math.log(a / this.amp0) / Math.log(this.target / this.amp0)));
  }

  /** (1+iβ)Kψ/V into d (split layout). */
  private laplacian(s: Vec, d: Vec): void {
    const { n, V, cond } = this;
    const beta = this.params.beta;
    for (let part = 0; part < 2; part++) {
      const o = part * n;
      let left = 0;
      for (let i = 0; i < n; i++) {
        const flux = i < n - 1 ? cond[i] * (s[o + i + 1] - s[o + i]) : 0;
        d[o + i] = (flux - left) / V[i];
        left = flux;
      }
    }
    if (beta !== 0) {
      for (let i = 0; i < n; i++) {
        const a = d[i];
        const b = d[n + i];
        d[i] = a - beta * b;
        d[n + i] = b + beta * a;
      }
    }
  }

  private reaction(s: Vec, e: Vec): void {
    const { n } = this;
    const { delta, gamma, p } = this.params;
    const half = (p - 1) / 2;
    for (let i = 0; i < n; i++) {
      const a = s[i];
      const b = s[n + i];
      const m = Math.pow(a * a + b * b, half);
      e[i] = m * (a - delta * b) - gamma * a;
      e[n + i] = m * (b + delta * a) - gamma * b;
    }
    this.stats.nfev++;
  }

  /** stage ← (V − g(1+iβ)K)⁻¹ V stage. */
  private solve(g: number, s: Vec): void {
    const { n, V, cond, lower, diag, upper, packed } = this;
    if (g !== this.factoredG || this.factorization === null) {
      const gr = g;
      const gi = g * this.params.beta;
      for (let i = 0; i < n; i++) {
        const l = i > 0 ? cond[i - 1] : 0;
        const r = i < n - 1 ? cond[i] : 0;
        lower[2 * i] = -gr * l; lower[2 * i + 1] = -gi * l;
        upper[2 * i] = -gr * r; upper[2 * i + 1] = -gi * r;
        diag[2 * i] = V[i] + gr * (l + r); diag[2 * i + 1] = gi * (l + r);
      }
      this.factorization = new ComplexTridiagonalFactorization(lower, diag, upper);
      this.factoredG = g;
    }
    for (let i = 0; i < n; i++) { packed[2 * i] = V[i] * s[i]; packed[2 * i + 1] = V[i] * s[n + i]; }
    this.factorization.solve(packed, packed);
    for (let i = 0; i < n; i++) { s[i] = packed[2 * i]; s[n + i] = packed[2 * i + 1]; }
    this.stats.nlinsolve++;
  }

  step(): boolean {
    if (this.status !== 'running') return false;
    const { n, y, yNew, E, I, stage } = this;
    const N2 = 2 * n;
    const p = this.params.p;
    for (;;) {
      if (this.stats.nsteps >= this.maxSteps) { this.stop('maxSteps', `maxSteps = ${this.maxSteps} reached`); return false; }
      this.stats.nsteps++;
      let umax = 0;
      for (let i = 0; i < n; i++) umax = Math.max(umax, Math.hypot(y[i], y[n + i]));
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
    const { n, y, stage } = this;
    let imax = 0;
    let umax = 0;
    for (let i = 0; i < n; i++) { const m = Math.hypot(y[i], y[n + i]); if (m > umax) { umax = m; imax = i; } }
    this.laplacian(y, stage);
    const { p, gamma } = this.params;
    const q = -(y[imax] * stage[imax] + y[n + imax] * stage[n + imax]) / Math.pow(umax, p + 1) + gamma * Math.pow(umax, 1 - p);
    this.hist.t.push(this.t); this.hist.amplitude.push(umax); this.hist.q.push(q);
    return umax;
  }

  stop(status: SolveStatus, message: string): void {
    if (this.status !== 'running') return;
    this.status = status;
    this.message = message;
  }

  result(): CglPhysicalResult {
    const h = this.hist;
    const last = h.t.length - 1;
    const p = this.params.p;
    const u = h.amplitude[last];
    const tail = Math.pow(u, 1 - p) / (p - 1);
    const state = { t: this.t, re: this.y.slice(0, this.n), im: this.y.slice(this.n) };
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
