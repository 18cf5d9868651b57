/**
 * Types of the dynamic-rescaling driver (thesis §2.2 and §2.4): the {@link RescalingModel}
 * interface a model implements, the step controls, the problem of `runRescaled`/`initRescaled`
 * and its result. Guide: docs/blowup.md, "How to add a new model to the driver".
 *
 * @module
 */
import type { LongRunOptions, RunResult } from '../../core/run';
import type { SolveStatus } from '../../core/status';
import type { Vec } from '../../core/types';
import type { RescalingScheme } from './schemes';

/**
 * A rescaled model the driver can advance. Field length `size`; `directions` scale factors λ_i;
 * `modulations` constants c_p (c_0 = c_u; c_i = c_l^i for i = 1..directions in the heat family).
 * A model implements `normalization` (or, for compatibility, the older spelling `normalization`).
 *
 * @example
 * ```ts
 * const model = radialHeatModel(grid, { dim: 1 }); // implements RescalingModel
 * const run = runRescaled(model, { u0, logLambda0: [0], logAmplitude0: 0, tauEnd: 10 });
 * ```
 */
export interface RescalingModel {
  /** Length of the discrete field û. */
  readonly size: number;
  /** Number d of scale factors λ_i (1 in 1D and radial nD, 2 for the 2-D tensor model). */
  readonly directions: number;
  /** Number P of modulation constants = number of normalization functionals. */
  readonly modulations: number;
  /** False when the model has no diffusion (Riccati toy): no implicit solves are made. */
  readonly hasDiffusion: boolean;
  /**
   * Explicit terms at the field `u` with scale factors `lambdas`: `fields[p] ← G_p(u)`
   * (e.g. `û` for c_u and `−z_i∂_iû` for c_l^i), `reaction ← N(u)` (e.g. `û²`) and, when
   * `diffusion` is non-null, `diffusion ← Σ_i λ_i D_i u`. Entries at nodes where no equation is
   * imposed (outflow boundary) must be 0 in every output. No allocation.
   */
  evaluate(u: Vec, lambdas: Vec, fields: Vec[], reaction: Vec, diffusion: Vec | null): void;
  /**
   * `out ← (I − kGamma·Σ_i λ_i D_i)⁻¹ rhs` (the same D_i as in `evaluate`; approximate
   * factorizations are allowed, the invariants stay exact). Rows without an equation: `out = rhs`.
   */
  solveImplicit(kGamma: number, lambdas: Vec, rhs: Vec, out: Vec): void;
  /** The P linear normalization functionals: `out[q] ← ℓ_q(f)`. */
  normalization?(f: Vec, out: Vec): void;
  /** @deprecated The British spelling of {@link RescalingModel.normalization}, still accepted. */
  normalisation?(f: Vec, out: Vec): void;
  /** Optional closed-form (thesis) modulation formulas: `out ← c(u, λ)`. */
  thesisModulations?(u: Vec, lambdas: Vec, out: Vec): void;
  /** Largest stable step for the transport part, given the modulation constants (∞ if none). */
  advectiveStepBound(c: Vec): number;
  /** Largest stable step for an explicit diffusion, given λ (∞ without diffusion). */
  diffusiveStepBound(lambdas: Vec): number;
  /**
   * Optional: the τ-derivatives of the stored scale variables from c and the current scale values
   * λ (`lambdas`, as passed to `evaluate`). Default `(log λ_i)_τ = c_0 + 2c_i`, the parabolic
   * scaling of (★). Models whose scales evolve by a matrix law (the 2-D CGL matrix Q) use λ.
   */
  scaleRates?(c: Vec, out: Vec, lambdas: Vec): void;
  /**
   * Optional: the scale values λ passed to `evaluate`, `solveImplicit`, the step bounds and
   * `inRegime`, from the stored scale variables `state[offset..offset + directions)` (default
   * `λ_i = exp(state[offset + i])`, the stored variables being log λ_i). Lets a model store
   * signed variables (e.g. an off-diagonal entry of a matrix scale). No allocation.
   */
  scaleValues?(state: Vec, offset: number, out: Vec): void;
  /** Optional: false when the field has left the self-similar regime (ends the run with `'diverged'`). */
  inRegime?(u: Vec, lambdas: Vec): boolean;
}

/** How the modulation constants are obtained at each stage (see `driver.ts`). */
export type NormalizationMode = 'discrete' | 'thesis';
/** @deprecated British spelling of {@link NormalizationMode}. */
export type NormalisationMode = NormalizationMode;
/** `'augmented'`: c recomputed at every stage; `'frozen'`: c of the first stage for the whole step. */
export type ModulationUpdate = 'augmented' | 'frozen';

/** The state of a rescaled run at one τ. */
export interface RescaledFinal {
  /** Rescaled time τ. */
  tau: number;
  /** The field û (a copy in results; a view into the driver's storage in `onSample`: copy it to keep it). */
  u: Vec;
  /** log λ_i. */
  logLambda: Vec;
  /** log Ĉ_u. */
  logAmplitude: number;
  /** Physical time t(τ) = ∫₀^τ Ĉ_u. */
  t: number;
  /** Modulation constants at this state (c_u, c_l^1, …). */
  c: Vec;
}

/** A read-only view of the driver's state passed to `onSample`. */
export interface RescaledState extends RescaledFinal {
  /** Normalization functionals ℓ_q(û) at this state. */
  invariants: Vec;
  /** Accepted steps so far. */
  steps: number;
}

/**
 * Step control shared by `runRescaled` and the high-level solvers built on it
 * (`heatBlowup1D`, `heatBlowupRadial`, `heatBlowup2D`).
 */
export interface RescaledStepControls {
  /** Normalization (default `'discrete'`). */
  normalization?: NormalizationMode;
  /** @deprecated British spelling of `normalization`, still accepted. */
  normalisation?: NormalizationMode;
  /** Modulation update within a step (default `'augmented'`). */
  modulation?: ModulationUpdate;
  /** Fraction of the stability bounds used (default 0.4 for explicit schemes — stable; 0.6 is not — and 1.4 for IMEX, whose explicit part is unstable on the spline advection above ≈ 1.55). */
  cfl?: number;
  /** Fixed step (overrides the step rule and the error control; still shortened to hit sample times). */
  dt?: number;
  /** Relative tolerance of the embedded error control (default 1e-6). */
  rtol?: number;
  /** Absolute tolerance of the embedded error control (default 1e-9). */
  atol?: number;
  /** Maximum number of attempted steps (default 1e7). */
  maxSteps?: number;
  /**
   * Rescaled times (strictly increasing, in [0, tauEnd]) at which `onSample` is called and the
   * scalar history is recorded; τ = 0 and the end always are. (Full states are saved at the run
   * option `saveAt`.)
   */
  sampleAt?: ArrayLike<number>;
}

/** The problem of `runRescaled` / `initRescaled` (the model is passed separately). */
export interface RescaledRunOptions extends LongRunOptions, RescaledStepControls {
  /** Initial field (copied), length `model.size`. */
  u0: Vec;
  /** Initial log λ_i (length `model.directions`). */
  logLambda0: ArrayLike<number>;
  /** Initial log Ĉ_u (default 0). */
  logAmplitude0?: number;
  /** Final rescaled time τ > 0. */
  tauEnd: number;
  /** Scheme: `'imex'` (ARK3(2)4L[2]SA, default when the model has diffusion), `'rk4'`, or a tableau. */
  scheme?: 'imex' | 'rk4' | RescalingScheme;
  /** Called at τ = 0, at each `sampleAt` and `saveAt` time and at the end (also when the run stops early). */
  onSample?: (state: RescaledState) => void;
  /** `'diverged'` when some λ_i exceeds this (the diffusion wins: no blowup); default 1e8. */
  lambdaMax?: number;
}

/** Counters of a rescaled run besides the shared ones. */
export interface RescaledStatsExtras {
  /** @deprecated Accepted steps; use `naccept`. */
  steps: number;
  /** @deprecated Rejected steps; use `nreject`. */
  rejected: number;
  /** @deprecated Stage evaluations; use `nfev`. */
  stages: number;
}

/** Scalars recorded at τ = 0, at each sample time and at the end. */
export interface RescaledHistory {
  /** Rescaled time τ. */
  tau: number[];
  /** Physical time t(τ). */
  t: number[];
  /** log Ĉ_u. */
  logAmplitude: number[];
  /** c_u (first modulation constant). */
  c0: number[];
}

/**
 * Result of `runRescaled`: the shared {@link RunResult} shape (`final`, `saved` at the run
 * option `saveAt`, `history` at the sample times; `stats.nfev` counts stage evaluations), plus the
 * final-state fields at the top level kept for compatibility.
 */
export interface RescaledRunResult extends RunResult<RescaledFinal, Vec, RescaledStatsExtras, RescaledHistory> {
  /** `'success'`, or why the run stopped early (`'diverged'`: left the self-similar regime). */
  status: SolveStatus;
  /** Same as `final.tau`. */
  tau: number;
  /** Same as `final.u`. */
  u: Vec;
  /** Same as `final.logLambda`. */
  logLambda: Vec;
  /** Same as `final.logAmplitude`. */
  logAmplitude: number;
  /** Same as `final.t`. */
  t: number;
  /** Same as `final.c`. */
  c: Vec;
}
