/**
 * EKS and ALDI: first-order ensemble Kalman samplers (thesis Appendix C, eq. (C.1.1); the
 * baselines of §C.6), discretized linearly implicitly in the prior term as in Garbuno-Inigo,
 * Hoffmann, Li & Stuart (2020):
 *
 *   u*⁽ʲ⁾ = (I_N + Δt C Γ0⁻¹)⁻¹ [u⁽ʲ⁾ − Δt C_qG Γ⁻¹(G(u⁽ʲ⁾) − y) + Δt C Γ0⁻¹ m0 (+ Δt (N+1)/I (u⁽ʲ⁾ − ū))],
 *   u⁽ʲ⁾ ← u*⁽ʲ⁾ + √(2Δt) · noise,
 *
 * where the bracketed finite-sample correction is what distinguishes ALDI (Garbuno-Inigo, Nüsken &
 * Reich 2020) from plain EKS. The noise has the law of Qξ/√I (ξ ∈ Rᴵ; affine invariant) or is the
 * symmetric square root C^{1/2}η (η ∈ Rᴺ).
 *
 * @module
 */
import { checkNonNegative, checkOneOf, checkPositive } from '../../core/check';
import { drive, type RunOptions } from '../../core/run';
import type { DenseMatrix } from '../../core/types';
import { choleskyFactor, createMatrix } from '../../linalg/dense';
import type { Rng } from '../../random/rng';
import { EnsembleKalmanWorkspace } from '../../stats/ensembleKalman';
import { checkCommon, drawEnsembleNoise, EnsembleStepperBase, forceNormUnchecked, NOISE_SQRTS, type ForceNorm, type NoiseSqrt, type StepFailure, type RecordOptions, type SamplerResult } from './ensembleRun';
import { DivergenceMonitor, type DivergenceOptions } from './divergence';
import { checkInverseProblem, evaluateForward, firstNonFinite, initialEnsemble, type CheckedProblem, type EnsembleSetup, type InverseProblem } from './problem';

/**
 * Step rule of EKS/ALDI: `'misfitFrobenius'` Δt = ε/(‖D‖_F + 2⁻⁵²) with D = (1/I)G_cᵀΓ⁻¹(G − y1ᵀ)
 * (the rule of the EKS code lineage; ε = 1 by default), `'adaptive'` Δt = ε/(a|F| + 1) with F the
 * drift (the rule the thesis uses for its like-for-like comparison, §C.6.1).
 */
export type EksStepRule = 'misfitFrobenius' | 'adaptive';

/** The EKS/ALDI problem: the inverse problem, the ensemble and the scheme's parameters. */
export interface EksProblem extends InverseProblem, EnsembleSetup, RecordOptions, DivergenceOptions {
  /** Number of iterations (default 200). */
  iterations?: number;
  /** Step rule (default `'misfitFrobenius'`). */
  stepRule?: EksStepRule;
  /** ε of the step rule (default 1 for `'misfitFrobenius'`, 0.2 for `'adaptive'`). */
  epsilon?: number;
  /** a of the adaptive rule (default 0.01; 0 = fixed step ε). */
  a?: number;
  /** Norm |F| of the adaptive rule (default `'maxParticle'`). */
  forceNorm?: ForceNorm;
  /**
   * How N(0, C) noise is drawn: `'ensembleFactor'` (default; the law of Qξ/√I at O(I·N²) per
   * iteration), `'ensemble'` (Qξ/√I itself, ξ ∈ Rᴵ: affine invariant path by path, O(I²·N)) or
   * `'symmetricSqrt'` (the [EKP] convention); see {@link NoiseSqrt}.
   */
  noiseSqrt?: NoiseSqrt;
  /** Covariance normalization 1/(I − ddof): 0 (default) or 1. */
  ddof?: number;
}

/**
 * A running EKS or ALDI sampler (see {@link initEks}, {@link initAldi}).
 * @example
 * ```ts
 * const run: EksStepper = initAldi(problem);
 * while (run.step()) {}
 * run.result().history.covarianceEigenvalues.at(-1);
 * ```
 */
export class EksStepper extends EnsembleStepperBase {
  /** Current forward outputs (I×J). */
  readonly outputs: Float64Array;
  /** Current drifts F (I×N). */
  readonly forces: Float64Array;
  /** ε of the step rule (may be changed between steps). */
  epsilon: number;
  /** a of the adaptive rule (may be changed between steps). */
  a: number;
  private readonly p: CheckedProblem;
  private readonly rng: Rng;
  private readonly corrected: boolean;
  private readonly rule: EksStepRule;
  private readonly norm: ForceNorm;
  private readonly noiseKind: NoiseSqrt;
  private readonly noiseAll: Float64Array;
  private readonly zeta: Float64Array;
  private readonly prior: DenseMatrix;
  private readonly back: { q: Float64Array; f: Float64Array; g: Float64Array };
  private readonly next: Float64Array;
  private readonly xi: Float64Array;
  private readonly rhs: Float64Array;
  private readonly z: Float64Array;
  private readonly M: DenseMatrix;
  private readonly L: DenseMatrix;

  /** @internal */
  constructor(problem: EksProblem, runOptions: RunOptions | undefined, corrected: boolean) {
    const label = corrected ? 'ALDI' : 'EKS';
    const p = checkInverseProblem(problem, { forward: true, gradient: false });
    const c = checkCommon(problem, p.N);
    const rule = problem.stepRule === undefined ? 'misfitFrobenius' : checkOneOf('problem.stepRule', problem.stepRule, ['misfitFrobenius', 'adaptive'] as const);
    const epsilon = checkPositive('problem.epsilon', problem.epsilon ?? (rule === 'adaptive' ? 0.2 : 1));
    const a = checkNonNegative('problem.a', problem.a ?? 0.01);
    const noiseKind = problem.noiseSqrt === undefined ? 'ensembleFactor' : checkOneOf('problem.noiseSqrt', problem.noiseSqrt, NOISE_SQRTS);
    const { rng, I, positions } = initialEnsemble(problem, p);
    const ws = new EnsembleKalmanWorkspace(I, p.N, p.J, c.ddof);
    super(I, p.N, c.iterations, positions, ws, c.trackEigenvalues, runOptions, label, new DivergenceMonitor(p.priorMean, p.prior, c.divergenceThreshold));
    this.p = p;
    this.rng = rng;
    this.corrected = corrected;
    this.rule = rule;
    this.norm = c.forceNorm;
    this.epsilon = epsilon;
    this.a = a;
    this.noiseKind = noiseKind;
    this.prior = p.prior.toDense();
    this.outputs = new Float64Array(I * p.J);
    this.forces = new Float64Array(I * p.N);
    this.back = { q: new Float64Array(I * p.N), f: new Float64Array(I * p.N), g: new Float64Array(I * p.J) };
    this.next = new Float64Array(I * p.N);
    this.xi = new Float64Array(I);
    this.zeta = new Float64Array(p.N);
    this.noiseAll = new Float64Array(I * p.N);
    this.rhs = new Float64Array(p.N);
    this.z = new Float64Array(p.N);
    this.M = createMatrix(p.N, p.N);
    this.L = createMatrix(p.N, p.N);
    const bad = this.evaluate();
    if (bad !== null) {
      this.status = 'nonFinite';
      this.message = `${label}: ${bad} at the initial ensemble`;
      ws.update(positions);
    }
    this.record();
  }

  private evaluate(): string | null {
    this.forwardSync();
    return this.outputsReady();
  }

  /** @internal */
  protected forwardSync(): void {
    evaluateForward(this.p, this.I, this.positions, this.outputs);
  }

  private outputsReady(): string | null {
    const p = this.p;
    this.stats.nfev += this.I;
    this.stats.nforward += this.I;
    const bad = firstNonFinite(this.outputs, this.I, p.J);
    if (bad >= 0) return `the forward map returned a non-finite value for particle ${bad}`;
    this.ws.update(this.positions, this.outputs);
    this.ws.kalmanForces(this.positions, this.outputs, p.data, p.noise, p.priorMean, p.prior, this.forces);
    return null;
  }

  /** The step Δt the rule gives for the current ensemble. */
  stepSize(): number {
    if (this.rule === 'adaptive') return this.epsilon / (this.a * forceNormUnchecked(this.forces, this.I, this.N, this.norm) + 1);
    return this.epsilon / (this.ws.misfitFrobenius(this.outputs, this.p.data, this.p.noise!) + 2 ** -52);
  }

  /** @internal */
  protected *phases(): Generator<void, StepFailure | null, void> {
    const { I, N } = this;
    const q = this.positions;
    const F = this.forces;
    const ws = this.ws;
    const dt = this.stepSize();
    // M = Γ0 + Δt C (SPD); the implicit step is δ = Γ0 M⁻¹ (Δt F + ALDI term)
    const m = this.M.data;
    const c = ws.covariance.data;
    const g0 = this.prior.data;
    for (let k = 0; k < N * N; k++) m[k] = g0[k] + dt * c[k];
    const chol = choleskyFactor(this.M, { out: this.L });
    if (chol.status !== 'success') return { status: 'diverged', message: `${this.label}: Γ0 + Δt·C lost positive definiteness at iteration ${this.stats.naccept + 1}` };
    const l = this.L.data;
    const corr = this.corrected ? (dt * (N + 1)) / I : 0;
    const noiseScale = Math.sqrt(2 * dt);
    drawEnsembleNoise(ws, this.noiseKind, this.rng, this.noiseAll, this.xi, this.zeta);
    const all = this.noiseAll;
    const next = this.next;
    const r = this.rhs;
    const z = this.z;
    for (let i = 0; i < I; i++) {
      for (let a = 0; a < N; a++) r[a] = dt * F[i * N + a] + corr * ws.centered[i * N + a];
      for (let a = 0; a < N; a++) {
        let s = r[a];
        for (let k = 0; k < a; k++) s -= l[a * N + k] * z[k];
        z[a] = s / l[a * N + a];
      }
      for (let a = N - 1; a >= 0; a--) {
        let s = z[a];
        for (let k = a + 1; k < N; k++) s -= l[k * N + a] * z[k];
        z[a] = s / l[a * N + a];
      }
      for (let a = 0; a < N; a++) {
        let s = 0;
        for (let b = 0; b < N; b++) s += g0[a * N + b] * z[b];
        next[i * N + a] = q[i * N + a] + s + noiseScale * all[i * N + a];
      }
    }
    const b = this.back;
    b.q.set(q);
    b.f.set(F);
    b.g.set(this.outputs);
    q.set(next);
    yield;
    const bad = this.outputsReady();
    if (bad !== null) {
      q.set(b.q);
      F.set(b.f);
      this.outputs.set(b.g);
      ws.update(q, this.outputs);
      return { status: 'nonFinite', message: `${this.label}: ${bad} at iteration ${this.stats.naccept + 1}; the ensemble of iteration ${this.stats.naccept} is returned` };
    }
    this.t += dt;
    this.lastStep = dt;
    return null;
  }
}

/**
 * Start an EKS run (no finite-sample correction) without stepping; see {@link eks}.
 * @example
 * ```ts
 * const run = initEks(problem);
 * while (run.step()) {}
 * ```
 */
export function initEks(problem: EksProblem, runOptions?: RunOptions): EksStepper {
  return new EksStepper(problem, runOptions, false);
}

/**
 * Start an ALDI run (EKS with the finite-sample correction (N+1)/I·(u⁽ʲ⁾ − ū)); see {@link aldi}.
 * @example
 * ```ts
 * const run = initAldi(problem);
 * while (run.step()) {}
 * ```
 */
export function initAldi(problem: EksProblem, runOptions?: RunOptions): EksStepper {
  return new EksStepper(problem, runOptions, true);
}

/**
 * The ensemble Kalman sampler (EKS; thesis eq. (C.1.1), the baseline of §C.6), linearly implicit
 * in the prior. With a finite ensemble its stationary covariance is biased low by O(N/I); use
 * {@link aldi} to remove that bias. Cost per iteration: I forward evaluations + O(I·N·(N + J) + N³).
 * @throws InvalidArgumentError / InvalidTypeError on bad input, before any work
 * @example
 * ```ts
 * const r = eks({ dimension: 1, data: [1], noise: 0.1, prior: { covariance: 1 },
 *   forward: (q, out) => { out[0] = q[0]; }, ensembleSize: 100, iterations: 100, seed: 1 });
 * ```
 */
export function eks(problem: EksProblem, runOptions?: RunOptions): SamplerResult {
  return drive(initEks(problem, runOptions), runOptions);
}

/**
 * ALDI (affine-invariant Langevin dynamics; Garbuno-Inigo, Nüsken & Reich 2020): the EKS step with
 * the finite-sample correction Δt (N+1)/I (u⁽ʲ⁾ − ū) and ensemble square-root noise, whose
 * ensemble is invariant for the posterior in the linear-Gaussian case for any I > N + 1.
 * @example
 * ```ts
 * const r = aldi({ dimension: 1, data: [1], noise: 0.1, prior: { covariance: 1 },
 *   forward: (q, out) => { out[0] = q[0]; }, ensembleSize: 100, iterations: 100, seed: 1 });
 * ```
 */
export function aldi(problem: EksProblem, runOptions?: RunOptions): SamplerResult {
  return drive(initAldi(problem, runOptions), runOptions);
}
