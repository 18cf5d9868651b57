/**
 * Direct physical-time solve of the 2-D complex Ginzburg–Landau equation (thesis §1.1.2, L833)
 *
 *     ψ_t = (1 + iβ)Δψ + (1 + iδ)|ψ|^{p−1}ψ − γψ    on [−L, L]²,
 *
 * for the blowup time, independently of the rescaling (no symmetry assumed): vertex-centered finite
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
import { drive, type RunOptions, type RunResult, type Stepper } from '../../core/run';
import type { Vec } from '../../core/types';
import { csrFromTriplets, csrFindEntry, sparseLdlAnalyze, ComplexSymmetricLdlFactorization, type ComplexCsrMatrix, type CsrMatrix, type SparseLdlSymbolic } from '../../linalg/index';
import type { CglParameters, CglResolvedParameters } from './cglModel';
import { CglDirectStepper, checkCglDirectProblem } from './cglPhysicalCommon';

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
  const { params, x, y0, amp0, target, rtol, atol, maxSteps } = checkCglDirectProblem(problem, runOptions, { dim: 2, minNodes: 5, amplitudeFactor: 1e3, rtol: 1e-7, maxSteps: 1e5 });
  return new CglPhysical2dStepper(params, x, y0, amp0, target, rtol, atol, maxSteps);
}

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

class CglPhysical2dStepper extends CglDirectStepper<CglPhysical2dStats> {
  private readonly op: TensorOperator;
  private readonly packed: Vec;
  private factorization: ComplexSymmetricLdlFactorization | null = null;
  private factoredG = Number.NaN;

  constructor(params: CglResolvedParameters, x: Vec, y0: Vec, amp0: number, target: number, rtol: number, atol: number, maxSteps: number) {
    super(params, y0, amp0, target, rtol, atol, maxSteps, { nfactor: 0 });
    this.op = new TensorOperator(x);
    this.packed = new Float64Array(2 * this.op.size);
    this.start();
  }

  /** d ← −(1+iβ)M⁻¹Kψ on the split layout. */
  protected laplacian(s: Vec, d: Vec): void {
    this.op.laplacian(s, d, this.params.beta);
  }

  /** s ← (M + g(1+iβ)K)⁻¹ M s. */
  protected solve(g: number, s: Vec): void {
    const { size: N, op, packed } = this;
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
}
