/**
 * Result types of the rescaled weak-advection solver (`weakAdvectionBlowup`, thesis (A.2.1)).
 *
 * @module
 */
import type { RunResult, RunStats } from '../../core/run';
import type { Vec } from '../../core/types';

/** A state of the run (copies). */
export interface WeakAdvectionState {
  /** Rescaled time τ. */
  tau: number;
  /** ũ at the nodes. */
  u: Vec;
  /** ω̃ at the nodes. */
  omega: Vec;
}

/** The final state with its derived quantities. */
export interface WeakAdvectionFinal extends WeakAdvectionState {
  /** The nodes. */
  x: Vec;
  /** ψ̃ at the nodes. */
  psi: Vec;
  /** ψ̃_x at the nodes. */
  psiX: Vec;
  /** c_u at the final state. */
  cu: number;
  /** The normalization functional: discrete ũ_x(0) (or lim ũ/x^{(1+α)/2} for Hölder data). */
  slope: number;
  /** c_u/ũ_x(0): invariant under the scaling (ũ, ω̃, ψ̃, c_u) → κ(·). */
  cuNormalized: number;
  /** log C_u(τ). */
  logAmplitude: number;
  /** Physical time t(τ) = ∫₀^τ C_u. */
  t: number;
  /** Blowup-time estimate T ≈ t + C_u/|c_u| (Infinity when c_u ≥ 0). */
  blowupTime: number;
  /** ‖∂_τ(ũ, ω̃)‖_∞ at the final state. */
  residual: number;
  /** Local exponent of |ω̃| near π (log–log fit, see `cuspExponent`). */
  cuspExponent: number;
  /** Its prediction |c_u|/(2a|ψ̃_x(π)|). */
  cuspPrediction: number;
}

/** Scalar diagnostics over τ (one entry per recorded step). */
export interface WeakAdvectionHistory {
  /** τ. */
  tau: Float64Array;
  /** c_u(τ). */
  cu: Float64Array;
  /** c_u/ũ_x(0). */
  cuNormalized: Float64Array;
  /** Discrete ũ_x(0) (conserved in the discrete normalization). */
  slope: Float64Array;
  /** log C_u(τ). */
  logAmplitude: Float64Array;
  /** t(τ). */
  t: Float64Array;
  /** t + C_u/|c_u|. */
  blowupTime: Float64Array;
  /** ‖∂_τ(ũ, ω̃)‖_∞. */
  residual: Float64Array;
  /** max|ω̃|. */
  maxOmega: Float64Array;
  /** ψ̃_x(0). */
  psiX0: Float64Array;
  /** ψ̃_x(π). */
  psiXPi: Float64Array;
}

/** Counters of a run. */
export interface WeakAdvectionStats extends RunStats {
  /** Evaluations of the semi-discrete operator (= nfev). */
  nstages: number;
}

/** Result of `weakAdvectionBlowup`. */
export type WeakAdvectionResult = RunResult<WeakAdvectionFinal, WeakAdvectionState, WeakAdvectionStats, WeakAdvectionHistory>;

