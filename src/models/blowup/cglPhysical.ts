/**
 * Direct physical-time solve of the 1-D complex Ginzburg–Landau equation (thesis §1.1.2, L833)
 *
 *     ψ_t = (1 + iβ)ψ_xx + (1 + iδ)|ψ|^{p−1}ψ − γψ    on [−L, L]
 *
 * for the blowup time, independently of the rescaling: vertex-centered finite volumes on the given
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
import { drive, type RunOptions, type RunResult, type Stepper } from '../../core/run';
import type { Vec } from '../../core/types';
import { ComplexTridiagonalFactorization } from '../../linalg/complex';
import type { CglParameters, CglResolvedParameters } from './cglModel';
import { CglDirectStepper, checkCglDirectProblem } from './cglPhysicalCommon';

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
  const { params, x, y0, amp0, target, rtol, atol, maxSteps } = checkCglDirectProblem(problem, runOptions, { dim: 1, minNodes: 9, amplitudeFactor: 1e6, rtol: 1e-8, maxSteps: 1e6 });
  return new CglPhysicalStepper(params, x, y0, amp0, target, rtol, atol, maxSteps);
}

class CglPhysicalStepper extends CglDirectStepper<CglPhysicalStats> {
  private readonly V: Vec;
  private readonly cond: Vec;
  private readonly packed: Vec;
  private readonly lower: Vec;
  private readonly diag: Vec;
  private readonly upper: Vec;
  private factorization: ComplexTridiagonalFactorization | null = null;
  private factoredG = Number.NaN;

  constructor(params: CglResolvedParameters, x: Vec, y0: Vec, amp0: number, target: number, rtol: number, atol: number, maxSteps: number) {
    super(params, y0, amp0, target, rtol, atol, maxSteps, { nlinsolve: 0 });
    const n = x.length;
    this.V = new Float64Array(n);
    this.cond = new Float64Array(n - 1);
    for (let i = 0; i < n; i++) this.V[i] = 0.5 * ((i < n - 1 ? x[i + 1] : x[i]) - (i > 0 ? x[i - 1] : x[i]));
    for (let i = 0; i < n - 1; i++) this.cond[i] = 1 / (x[i + 1] - x[i]);
    this.packed = new Float64Array(2 * n);
    this.lower = new Float64Array(2 * n);
    this.diag = new Float64Array(2 * n);
    this.upper = new Float64Array(2 * n);
    this.start();
  }

  /** (1+iβ)Kψ/V into d (split layout). */
  protected laplacian(s: Vec, d: Vec): void {
    const { size: n, V, cond } = this;
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

  /** stage ← (V − g(1+iβ)K)⁻¹ V stage. */
  protected solve(g: number, s: Vec): void {
    const { size: n, V, cond, lower, diag, upper, packed } = this;
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
}
