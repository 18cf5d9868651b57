/**
 * EKHMC — the ensemble Kalman hybrid (Hamiltonian) Monte Carlo sampler of thesis Appendix C
 * (second-order ensemble Langevin dynamics (C.1.10), gradient-free form (C.4.1)), integrated by the
 * splitting of §C.6: leapfrog (half kick, drift, half kick) for the Hamiltonian part (C.6.1) and
 * the exact Ornstein–Uhlenbeck solution for the damping/noise part (C.6.2)–(C.6.3), with the
 * adaptive step ε_j = ε/(a|F_H| + 1) of eq. (C.6.4). No Metropolis correction (as in the thesis).
 *
 * @module
 */
import { checkNonNegative, checkOneOf, checkPositive } from '../../core/check';
import { InvalidArgumentError } from '../../core/errors';
import { drive, type RunOptions } from '../../core/run';
import type { Rng } from '../../random/rng';
import { ornsteinUhlenbeckStep } from '../../time/splitting';
import { EnsembleKalmanWorkspace } from '../../stats/ensembleKalman';
import { checkCommon, drawEnsembleNoise, EnsembleStepperBase, forceNormUnchecked, NOISE_SQRTS, type ForceNorm, type NoiseSqrt, type StepFailure, type RecordOptions, type SamplerResult } from './ensembleRun';
import { DivergenceMonitor, type DivergenceOptions } from './divergence';
import { checkInverseProblem, evaluateForward, firstNonFinite, initialEnsemble, type CheckedProblem, type EnsembleSetup, type InverseProblem } from './problem';

/**
 * γ0 = 2√2 − 1 ≈ 1.828427: the damping that maximizes the linear-Gaussian spectral gap (thesis Remark C.8.1).
 * @example
 * ```ts
 * spectralGap(OPTIMAL_DAMPING); // 2√2 − 2 = MAX_SPECTRAL_GAP
 * ekhmc({ ...problem, gamma: OPTIMAL_DAMPING });
 * ```
 */
export const OPTIMAL_DAMPING = 2 * Math.SQRT2 - 1;

/** The EKHMC problem: the inverse problem, the ensemble and the scheme's parameters. */
export interface EkhmcProblem extends InverseProblem, EnsembleSetup, RecordOptions, DivergenceOptions {
  /** Number of iterations (default 200). */
  iterations?: number;
  /** Damping γ > 0 (default {@link OPTIMAL_DAMPING} = 2√2 − 1). */
  gamma?: number;
  /** Base step ε > 0 (default 0.2, thesis §C.6.1). */
  epsilon?: number;
  /** Adaptivity a ≥ 0 in ε_j = ε/(a|F_H| + 1) (default 0.01; 0 = fixed step ε). */
  a?: number;
  /** Norm |F_H| of the adaptive step (default `'maxParticle'`). */
  forceNorm?: ForceNorm;
  /**
   * `'kalman'` (default): the gradient-free ensemble Kalman force of eq. (C.4.1);
   * `'gradient'`: the exact force −C_q DΦ(q) from `problem.gradient` (eq. (C.1.10)).
   */
  force?: 'kalman' | 'gradient';
  /**
   * Stability cap κ (default 0 = off, as in the thesis): ε_j ≤ κ/max(s, √s) with
   * s = tr(C_q Γ0⁻¹) + (1/I)Σ_k ‖G(q⁽ᵏ⁾) − Ḡ‖²_Γ, an upper bound of λ_max(C_q·DΦ²) for linear G
   * (equal to its trace): √s bounds the leapfrog frequency, s the rate at which C_q collapses while
   * the ensemble is much wider than the posterior. The thesis's ε/(a|F_H| + 1) alone lets the
   * ensemble blow up on stiff problems (docs/sampling.md); κ = 1 prevents it there. Gradient-free force only.
   */
  stabilityCap?: number;
  /** Initial momenta: `'zero'` (default) or `'gibbs'` (p = Qξ/√I, a draw from N(0, C_q)). */
  initialMomentum?: 'zero' | 'gibbs';
  /** Covariance normalization 1/(I − ddof): 0 (thesis, default) or 1. */
  ddof?: number;
  /**
   * How N(0, C_q) noise is drawn: `'ensembleFactor'` (default; the law of Q̂ξ/√I at O(I·N²) per
   * iteration), `'ensemble'` (Q̂ξ/√I itself, ξ ∈ Rᴵ: affine invariant path by path, O(I²·N)) or
   * `'symmetricSqrt'`; see {@link NoiseSqrt}.
   */
  noiseSqrt?: NoiseSqrt;
}

/**
 * A running EKHMC sampler (see {@link initEkhmc}).
 * @example
 * ```ts
 * const run: EkhmcStepper = initEkhmc(problem);
 * while (run.step()) if (run.t === 100) run.stop('success', 'enough');
 * ```
 */
export class EkhmcStepper extends EnsembleStepperBase {
  /** Momenta p (I×N, particle per row). */
  readonly momenta: Float64Array;
  /** Current forces F_H (I×N). */
  readonly forces: Float64Array;
  /** Current forward outputs (I×J). */
  readonly outputs: Float64Array;
  /** Damping γ (may be changed between steps). */
  gamma: number;
  /** Base step ε (may be changed between steps). */
  epsilon: number;
  /** Adaptivity a (may be changed between steps). */
  a: number;
  /** Leapfrog stability cap κ (0 = off; may be changed between steps). */
  stabilityCap: number;
  private readonly p: CheckedProblem;
  private readonly rng: Rng;
  private readonly norm: ForceNorm;
  private readonly useGradient: boolean;
  private readonly noiseKind: NoiseSqrt;
  private readonly back: { q: Float64Array; p: Float64Array; f: Float64Array; g: Float64Array };
  private readonly xi: Float64Array;
  private readonly zeta: Float64Array;
  private readonly noiseAll: Float64Array;
  private readonly grad: Float64Array;

  /** @internal */
  constructor(problem: EkhmcProblem, runOptions: RunOptions | undefined) {
    const useGradient = (problem?.force === undefined ? 'kalman' : checkOneOf('problem.force', problem.force, ['kalman', 'gradient'] as const)) === 'gradient';
    const p = checkInverseProblem(problem, { forward: !useGradient, gradient: useGradient });
    const c = checkCommon(problem, p.N);
    const gamma = checkPositive('problem.gamma', problem.gamma ?? OPTIMAL_DAMPING);
    const epsilon = checkPositive('problem.epsilon', problem.epsilon ?? 0.2);
    const a = checkNonNegative('problem.a', problem.a ?? 0.01);
    const cap = checkNonNegative('problem.stabilityCap', problem.stabilityCap ?? 0);
    if (cap > 0 && useGradient) throw new InvalidArgumentError('problem.stabilityCap', "0 with force: 'gradient' (the cap estimates the stiffness from forward outputs)", cap);
    const init = problem.initialMomentum === undefined ? 'zero' : checkOneOf('problem.initialMomentum', problem.initialMomentum, ['zero', 'gibbs'] as const);
    const noiseKind = problem.noiseSqrt === undefined ? 'ensembleFactor' : checkOneOf('problem.noiseSqrt', problem.noiseSqrt, NOISE_SQRTS);
    const { rng, I, positions } = initialEnsemble(problem, p);
    const ws = new EnsembleKalmanWorkspace(I, p.N, p.J, c.ddof);
    super(I, p.N, c.iterations, positions, ws, c.trackEigenvalues, runOptions, 'EKHMC', new DivergenceMonitor(p.priorMean, p.prior, c.divergenceThreshold));
    this.p = p;
    this.rng = rng;
    this.norm = c.forceNorm;
    this.useGradient = useGradient;
    this.noiseKind = noiseKind;
    this.gamma = gamma;
    this.epsilon = epsilon;
    this.a = a;
    this.stabilityCap = cap;
    this.momenta = new Float64Array(I * p.N);
    this.forces = new Float64Array(I * p.N);
    this.outputs = new Float64Array(I * p.J);
    this.back = { q: new Float64Array(I * p.N), p: new Float64Array(I * p.N), f: new Float64Array(I * p.N), g: new Float64Array(I * p.J) };
    this.xi = new Float64Array(I);
    this.zeta = new Float64Array(p.N);
    this.noiseAll = new Float64Array(I * p.N);
    this.grad = new Float64Array(I * p.N);
    const bad = this.evaluate();
    if (bad !== null) {
      this.status = 'nonFinite';
      this.message = `EKHMC: ${bad} at the initial ensemble`;
      ws.update(positions);
    }
    if (init === 'gibbs') {
      for (let i = 0; i < I; i++) {
        rng.fillNormal(this.xi);
        ws.noise(this.xi, this.momenta, i * p.N);
      }
    }
    this.record();
  }

  /** Forward (or gradient) evaluation, covariance update and forces at the current positions. */
  private evaluate(): string | null {
    this.forwardSync();
    return this.outputsReady();
  }

  /** @internal */
  protected forwardSync(): void {
    if (!this.useGradient) evaluateForward(this.p, this.I, this.positions, this.outputs);
  }

  /** After the outputs of the current positions are in: counters, checks, covariance update, forces. */
  private outputsReady(): string | null {
    const { I, N } = this;
    const p = this.p;
    if (this.useGradient) {
      const g = this.grad;
      for (let i = 0; i < I; i++) p.gradient!(this.positions.subarray(i * N, (i + 1) * N), g.subarray(i * N, (i + 1) * N));
      this.stats.nfev += I;
      this.stats.ngradient += I;
      for (let k = 0; k < I * N; k++) if (g[k] - g[k] !== 0) return `the gradient of particle ${Math.floor(k / N)} is not finite`;
      this.ws.update(this.positions);
      this.ws.gradientForces(g, this.forces);
      return null;
    }
    this.stats.nfev += I;
    this.stats.nforward += I;
    const bad = firstNonFinite(this.outputs, I, p.J);
    if (bad >= 0) return `the forward map returned a non-finite value for particle ${bad}`;
    this.ws.update(this.positions, this.outputs);
    this.ws.kalmanForces(this.positions, this.outputs, p.data, p.noise, p.priorMean, p.prior, this.forces);
    return null;
  }

  /**
   * s = tr(C_q Γ0⁻¹) + (1/(I − ddof))Σ_k ‖G_k − Ḡ‖²_Γ = tr(C_q·(Γ0⁻¹ + AᵀΓ⁻¹A)) for linear G, an upper
   * bound of its largest eigenvalue. O(I·(N + J)) for diagonal covariances.
   */
  private stiffness(): number {
    const { I, N } = this;
    const J = this.p.J;
    const ws = this.ws;
    let s = 0;
    for (let i = 0; i < I; i++) {
      s += this.p.prior.normSquared(ws.centered.subarray(i * N, (i + 1) * N));
      if (J > 0) s += this.p.noise!.normSquared(ws.centeredOutputs.subarray(i * J, (i + 1) * J));
    }
    return s / (I - ws.ddof) + Number.MIN_VALUE;
  }

  /** @internal */
  protected *phases(): Generator<void, StepFailure | null, void> {
    const { I, N } = this;
    const q = this.positions;
    const mom = this.momenta;
    const F = this.forces;
    const b = this.back;
    b.q.set(q);
    b.p.set(mom);
    b.f.set(F);
    b.g.set(this.outputs);
    let eps = this.epsilon / (this.a * forceNormUnchecked(F, I, N, this.norm) + 1);
    if (this.stabilityCap > 0) {
      const s = this.stiffness();
      eps = Math.min(eps, this.stabilityCap / Math.max(s, Math.sqrt(s)));
    }
    // leapfrog (C.6.1), written out so that the forward evaluation can be handed to the driver
    // (the same arithmetic as time/'s leapfrogStep): half kick, drift, forces, half kick
    const h = eps / 2;
    for (let k = 0; k < I * N; k++) {
      mom[k] += h * F[k];
      q[k] += eps * mom[k];
    }
    if (!this.useGradient) yield;
    const bad = this.outputsReady();
    if (bad !== null) {
      q.set(b.q);
      mom.set(b.p);
      F.set(b.f);
      this.outputs.set(b.g);
      this.ws.update(q, this.useGradient ? undefined : this.outputs);
      return { status: 'nonFinite', message: `EKHMC: ${bad} at iteration ${this.stats.naccept + 1}; the ensemble of iteration ${this.stats.naccept} is returned` };
    }
    for (let k = 0; k < I * N; k++) mom[k] += h * F[k];
    // exact OU step (C.6.3): p ← e^{−γε}p + √(1 − e^{−2γε})·η, η ~ N(0, C_q(Ẑ)) drawn per particle
    drawEnsembleNoise(this.ws, this.noiseKind, this.rng, this.noiseAll, this.xi, this.zeta);
    ornsteinUhlenbeckStep(mom, this.gamma, eps, this.noiseAll);
    this.t += eps;
    this.lastStep = eps;
    return null;
  }
}

/**
 * Start an EKHMC run without stepping: validates everything, evaluates the initial ensemble and
 * records it. Advance with `step()`; `result()` gives the {@link SamplerResult}. The run's time
 * variable for `saveAt` is the iteration number.
 * @throws InvalidArgumentError / InvalidTypeError for bad input (ensemble < 2 particles,
 *   dimension mismatches between prior, data, noise and ensemble, a non-SPD Γ or Γ0)
 * @example
 * ```ts
 * const run = initEkhmc({ dimension: 1, data: [1], noise: 0.1, prior: { covariance: 1 },
 *   forward: (q, out) => { out[0] = q[0]; }, ensembleSize: 100, iterations: 50, seed: 1 });
 * while (run.step()) {}
 * run.result().history.mean.at(-1);
 * ```
 */
export function initEkhmc(problem: EkhmcProblem, runOptions?: RunOptions): EkhmcStepper {
  return new EkhmcStepper(problem, runOptions);
}

/**
 * Run EKHMC (thesis Appendix C, eqs. (C.4.1), (C.6.1)–(C.6.4)): I particles with momenta, force
 * F⁽ⁱ⁾ = −C_q Γ0⁻¹(q⁽ⁱ⁾ − m0) − C_qG Γ⁻¹(G(q⁽ⁱ⁾) − y) (or −C_q DΦ with `force: 'gradient'`),
 * mass and noise covariance C_q = QQᵀ/I, noise with the law of Qξ/√I (in the ensemble span; affine invariant; valid for I ≤ N).
 * Cost per iteration: I forward evaluations + O(I·N·(N + J)).
 * Returns `status: 'nonFinite'` naming the particle when the forward map returns NaN.
 * @example
 * ```ts
 * const r = ekhmc({ dimension: 1, data: [1], noise: 0.1, prior: { covariance: 1 },
 *   forward: (q, out) => { out[0] = q[0]; }, ensembleSize: 100, iterations: 200, seed: 1 });
 * r.status;                 // 'success'
 * r.history.mean.at(-1);    // ≈ 1/1.1, the posterior mean
 * ```
 */
export function ekhmc(problem: EkhmcProblem, runOptions?: RunOptions): SamplerResult {
  return drive(initEkhmc(problem, runOptions), runOptions);
}
