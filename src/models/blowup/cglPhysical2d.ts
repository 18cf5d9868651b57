/**
 * Direct physical-time solve of the 2-D complex Ginzburg–Landau equation (thesis §1.1.2, L833)
 *
 *     ψ_t = (1 + iβ)Δψ + (1 + iδ)|ψ|^{p−1}ψ − γψ    on [−L, L]²,
 *
 * for the blowup time, independently of the rescaling (no symmetry assumed): vertex-centred finite
 * volumes on a tensor grid (the operator of the 2-D heat direct solver, `physicalTensor2d.ts`, on
 * the full square: `M = Mx⊗My`, `K = Kx⊗My + Mx⊗Ky`, zero flux on the four sides), the
 * Laplacian implicit and the reaction explicit in the ARK3(2)4L[2]SA IMEX pair with embedded error
 * control, as the 1-D direct solver (`cglPhysical.ts`). Each step factors the complex symmetric
 * stage matrix `M + g(1+iβ)K` once (sparse LDLᵀ without conjugation on the AMD analysis of K; its
 * Hermitian part `M + gK` is positive definite, so no pivoting is needed) and solves it at the
 * three implicit stages. The step is also capped at `0.5/max|ψ|^{p−1}`. The run stops when
 * `max|ψ|` reaches the target; the blowup time is extrapolated as in 1-D:
 * `T ≈ t + u^{1−p}/((p−1)(1−q))`, `q = −Re(ψ̄(1+iβ)Δψ)/u^{p+1} + γu^{1−p}` at the maximum.
 *
 * @module
 */
import { StepSizeController } from '../../time/stepController';
import { checkInRange, checkInteger, checkPositive, checkVec } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { checkRunOptions, drive, emptyRunStats, type RunOptions, type RunResult, type RunStats, type Stepper } from '../../core/run';
import type { SolveStatus } from '../../core/status';
import type { Vec } from '../../core/types';
import { csrFromTriplets, csrFindEntry, sparseLdlAnalyze, ComplexSymmetricLdlFactorization, type ComplexCsrMatrix, type CsrMatrix, type SparseLdlSymbolic } from '../../linalg/index';
import { resolveCglParameters, type CglParameters, type CglResolvedParameters } from './cglModel';
import { ark3Imex } from './schemes';

/** The problem of {@link cglPhysical2D}. */
export interface CglPhysical2dProblem extends CglParameters {
  /** Nodes per direction on [−L, L] (strictly increasing, at least 5), the same along x and y. */
  nodes: Vec;
  /** Initial data `[Re ψ…, Im ψ…]`, node (i, j) at i·n + j (length 2n², finite, not identically 0). */
  initialData: Vec;
  /** Stop when max|ψ| reaches this (default 1e3·max|ψ(·,0)|). */
  amplitudeTarget?: number;
  /** Relative tolerance (default 1e-7). */
  rtol?: number;
  /** Absolute tolerance (default 1e-6·rtol·max|ψ(·,0)|). */
  atol?: number;
  /** Budget of attempted steps (default 1e5). */
  maxSteps?: number;
}

/** State of a direct 2-D CGL run. */
export interface CglPhysical2dState {
  /** Physical time. */
  t: number;
  /** Re ψ. */
  re: Vec;
  /** Im ψ. */
  im: Vec;
}

/** Diagnostics per accepted step. */
export interface CglPhysical2dHistory {
  /** t. */
  t: Vec;
  /** max|ψ|. */
  amplitude: Vec;
  /** q at the maximum (module doc). */
  q: Vec;
}

/** Extra counters. */
export interface CglPhysical2dStats {
  /** Sparse complex factorizations. */
  nfactor: number;
}

/** Result of {@link cglPhysical2D}. */
export interface CglPhysical2dResult extends RunResult<CglPhysical2dState, CglPhysical2dState, CglPhysical2dStats, CglPhysical2dHistory> {
  /** Parameters. */
  params: CglResolvedParameters;
  /** Corrected blowup time `t + u^{1−p}/((p−1)(1−q))`. */
  blowupTime: number;
  /** Plain estimate `t + u^{1−p}/(p−1)`. */
  blowupTimeSimple: number;
}

/**
 * Integrate 2-D CGL directly until max|ψ| reaches the target and extrapolate the blowup time
 * (module doc). Cost per step: one complex sparse factorization (≈ 4× the real LDLᵀ flops of the
 * heat solver's tensor system) and three solves.
 *
 * @throws InvalidArgumentError for p ≤ 1, non-finite parameters or data, bad nodes or options
 * @example
 * ```ts
 * const x = mirroredNodes(mappedGrid(sinhMap({ length: 50, scale: 0.1 }), 21));
 * const n = x.length, data = new Float64Array(2 * n * n);
 * for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = 1 / (1 + (x[i] ** 2 + x[j] ** 2) / 8);
 * cglPhysical2D({ beta: 0.1, delta: 0.2, nodes: x, initialData: data }).blowupTime;
 * ```
 */
export function cglPhysical2D(problem: CglPhysical2dProblem, runOptions?: RunOptions): CglPhysical2dResult {
  return drive(initCglPhysical2D(problem, runOptions), runOptions);
}

/**
 * The stepper form of {@link cglPhysical2D} (validates, does not step).
 * @example
 * ```ts
 * const run = initCglPhysical2D(problem);
 * while (run.step()) { }
 * run.result().blowupTime;
 * ```
 */
export function initCglPhysical2D(problem: CglPhysical2dProblem, runOptions?: RunOptions): Stepper<CglPhysical2dResult> {
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'an object { nodes, initialData, … }', problem);
  const params = resolveCglParameters(problem);
  const x = checkVec('problem.nodes', problem.nodes);
  const n = x.length;
  checkInteger('problem.nodes.length', n, 5);
  for (let i = 1; i < n; i++) if (!(x[i] > x[i - 1])) throw new InvalidArgumentError(`problem.nodes[${i}]`, 'strictly increasing nodes', x[i]);
  const N = n * n;
  const y0 = checkVec('problem.initialData', problem.initialData, 2 * N);
  let amp0 = 0;
  for (let k = 0; k < 2 * N; k++) if (!Number.isFinite(y0[k])) throw new InvalidArgumentError(`problem.initialData[${k}]`, 'a finite number', y0[k]);
  for (let k = 0; k < N; k++) amp0 = Math.max(amp0, Math.hypot(y0[k], y0[N + k]));
  if (!(amp0 > 0)) throw new InvalidArgumentError('problem.initialData', 'not identically zero');
  const target = checkPositive('problem.amplitudeTarget', problem.amplitudeTarget ?? 1e3 * amp0);
  if (!(target > amp0)) throw new InvalidArgumentError('problem.amplitudeTarget', `greater than the initial amplitude ${amp0}`, target);
  const rtol = checkInRange('problem.rtol', problem.rtol ?? 1e-7, 1e-14, 0.1);
  const atol = checkPositive('problem.atol', problem.atol ?? 1e-6 * rtol * amp0);
  const maxSteps = checkInteger('problem.maxSteps', problem.maxSteps ?? 1e5, 1);
  checkRunOptions(runOptions);
  return new CglPhysical2dStepper(params, x, y0, amp0, target, rtol, atol, maxSteps);
}

const S = ark3Imex.b.length;

/** The finite-volume operator of the full square: mass, stiffness (CSR) and its analysis. */
class TensorOperator {
  readonly size: number;
  readonly mass: Float64Array;
  readonly stiffness: CsrMatrix;
  readonly stage: ComplexCsrMatrix;
  readonly diagonalSlot: Int32Array;
  readonly symbolic: SparseLdlSymbolic;

  constructor(x: Vec) {
    const n = x.length;
    const size = n * n;
    this.size = size;
    const v = new Float64Array(n);
    const c = new Float64Array(n - 1);
    for (let i = 0; i < n; i++) v[i] = 0.5 * ((i < n - 1 ? x[i + 1] : x[i]) - (i > 0 ? x[i - 1] : x[i]));
    for (let i = 0; i < n - 1; i++) c[i] = 1 / (x[i + 1] - x[i]);
    this.mass = new Float64Array(size);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) this.mass[i * n + j] = v[i] * v[j];
    const faces = 2 * (n - 1) * n;
    const rows = new Int32Array(4 * faces + size);
    const cols = new Int32Array(4 * faces + size);
    const vals = new Float64Array(4 * faces + size);
    let t = 0;
    const addFace = (p: number, q: number, w: number): void => {
      rows[t] = p; cols[t] = p; vals[t++] = w;
      rows[t] = q; cols[t] = q; vals[t++] = w;
      rows[t] = p; cols[t] = q; vals[t++] = -w;
      rows[t] = q; cols[t] = p; vals[t++] = -w;
    };
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const p = i * n + j;
        if (i < n - 1) addFace(p, p + n, c[i] * v[j]);
        if (j < n - 1) addFace(p, p + 1, v[i] * c[j]);
      }
    }
    for (let p = 0; p < size; p++) { rows[t] = p; cols[t] = p; vals[t++] = 0; }
    this.stiffness = csrFromTriplets(size, size, rows, cols, vals);
    const K = this.stiffness;
    this.stage = { field: 'complex', rows: size, cols: size, rowPtr: K.rowPtr, colIndex: K.colIndex, values: new Float64Array(2 * K.values.length) };
    this.diagonalSlot = new Int32Array(size);
    for (let p = 0; p < size; p++) this.diagonalSlot[p] = csrFindEntry(K, p, p);
    this.symbolic = sparseLdlAnalyze(K);
  }

  /** d ← −(1+iβ)M⁻¹Kψ (the discrete (1+iβ)Δ) on the split layout. */
  laplacian(s: Vec, d: Vec, beta: number): void {
    const { size, mass } = this;
    const { rowPtr, colIndex, values } = this.stiffness;
    for (let i = 0; i < size; i++) {
      let a = 0;
      let b = 0;
      for (let q = rowPtr[i]; q < rowPtr[i + 1]; q++) { const w = values[q]; const col = colIndex[q]; a += w * s[col]; b += w * s[size + col]; }
      a = -a / mass[i];
      b = -b / mass[i];
      d[i] = a - beta * b;
      d[size + i] = b + beta * a;
    }
  }

  /** The stage matrix `M + g(1+iβ)K` in `stage`. */
  assemble(g: number, beta: number): void {
    const kv = this.stiffness.values;
    const sv = this.stage.values;
    for (let q = 0; q < kv.length; q++) { sv[2 * q] = g * kv[q]; sv[2 * q + 1] = g * beta * kv[q]; }
    for (let p = 0; p < this.size; p++) sv[2 * this.diagonalSlot[p]] += this.mass[p];
  }
}

class CglPhysical2dStepper implements Stepper<CglPhysical2dResult> {
  status: SolveStatus | 'running' = 'running';
  t = 0;
  readonly stats: RunStats & CglPhysical2dStats = { ...emptyRunStats(), nfactor: 0 };
  private message = '';
  private readonly op: TensorOperator;
  private readonly N: number;
  private readonly y: Vec;
  private readonly yNew: Vec;
  private readonly E: Vec[];
  private readonly I: Vec[];
  private readonly stage: Vec;
  private readonly packed: Vec;
  private factorization: ComplexSymmetricLdlFactorization | null = null;
  private factoredG = Number.NaN;
  private k: number;
  private readonly hist = { t: [] as number[], amplitude: [] as number[], q: [] as number[] };
  private readonly controller = new StepSizeController({ order: 3, noGrowthAfterReject: false });

  constructor(
    private readonly params: CglResolvedParameters,
    x: Vec,
    y0: Vec,
    private readonly amp0: number,
    private readonly target: number,
    private readonly rtol: number,
    private readonly atol: number,
    private readonly maxSteps: number,
  ) {
    this.op = new TensorOperator(x);
    const N = this.op.size;
    this.N = N;
    this.y = Float64Array.from(y0);
    this.yNew = new Float64Array(2 * N);
    this.E = Array.from({ length: S }, () => new Float64Array(2 * N));
    this.I = Array.from({ length: S }, () => new Float64Array(2 * N));
    this.stage = new Float64Array(2 * N);
    this.packed = new Float64Array(2 * N);
    this.k = 1e-4 / Math.pow(amp0, params.p - 1);
    this.record();
  }

  get fraction(): number {
    const a = this.hist.amplitude[this.hist.amplitude.length - 1];
    return Math.min(1, Math.max(0, Math.log(a / this.amp0) / Math.log(this.target / this.amp0)));
  }

  private reaction(s: Vec, e: Vec): void {
    const { N } = this;
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

  /** s ← (M + g(1+iβ)K)⁻¹ M s. */
  private solve(g: number, s: Vec): void {
    const { N, op, packed } = this;
    if (g !== this.factoredG || this.factorization === null) {
      op.assemble(g, this.params.beta);
      this.factorization = this.factorization === null ? new ComplexSymmetricLdlFactorization(op.symbolic, op.stage) : this.factorization.refactorize(op.stage);
      this.factoredG = g;
      this.stats.nfactor++;
    }
    const m = op.mass;
    for (let i = 0; i < N; i++) { packed[2 * i] = m[i] * s[i]; packed[2 * i + 1] = m[i] * s[N + i]; }
    this.factorization.solve(packed, packed);
    for (let i = 0; i < N; i++) { s[i] = packed[2 * i]; s[N + i] = packed[2 * i + 1]; }
  }

  step(): boolean {
    if (this.status !== 'running') return false;
    const { N, y, yNew, E, I, stage, op } = this;
    const N2 = 2 * N;
    const { p, beta } = this.params;
    for (;;) {
      if (this.stats.nsteps >= this.maxSteps) { this.stop('maxSteps', `maxSteps = ${this.maxSteps} reached`); return false; }
      this.stats.nsteps++;
      let umax = 0;
      for (let i = 0; i < N; i++) umax = Math.max(umax, Math.hypot(y[i], y[N + i]));
      const k = Math.min(this.k, 0.5 / Math.pow(umax, p - 1));
      this.reaction(y, E[0]);
      op.laplacian(y, I[0], beta);
      for (let s = 1; s < S; s++) {
        stage.set(y);
        const ae = ark3Imex.explicitA[s];
        const ai = (ark3Imex.implicitA as readonly (readonly number[])[])[s];
        for (let j = 0; j < s; j++) {
          const ce = k * ae[j];
          const ci = k * ai[j];
          const ej = E[j];
          const ij = I[j];
          for (let q = 0; q < N2; q++) stage[q] += ce * ej[q] + ci * ij[q];
        }
        this.solve(k * ai[s], stage);
        this.reaction(stage, E[s]);
        op.laplacian(stage, I[s], beta);
      }
      yNew.set(y);
      let err = 0;
      const be = ark3Imex.bEmbedded as readonly number[];
      for (let q = 0; q < N2; q++) {
        let incr = 0;
        let diff = 0;
        for (let s = 0; s < S; s++) { const v = E[s][q] + I[s][q]; incr += ark3Imex.b[s] * v; diff += (ark3Imex.b[s] - be[s]) * v; }
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
    const { N, y, stage } = this;
    let imax = 0;
    let umax = 0;
    for (let i = 0; i < N; i++) { const m = Math.hypot(y[i], y[N + i]); if (m > umax) { umax = m; imax = i; } }
    const { p, gamma, beta } = this.params;
    this.op.laplacian(y, stage, beta);
    const q = -(y[imax] * stage[imax] + y[N + imax] * stage[N + imax]) / Math.pow(umax, p + 1) + gamma * Math.pow(umax, 1 - p);
    this.hist.t.push(this.t); this.hist.amplitude.push(umax); this.hist.q.push(q);
    return umax;
  }

  stop(status: SolveStatus, message: string): void {
    if (this.status !== 'running') return;
    this.status = status;
    this.message = message;
  }

  result(): CglPhysical2dResult {
    const h = this.hist;
    const last = h.t.length - 1;
    const p = this.params.p;
    const tail = Math.pow(h.amplitude[last], 1 - p) / (p - 1);
    const state = { t: this.t, re: this.y.slice(0, this.N), im: this.y.slice(this.N) };
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
