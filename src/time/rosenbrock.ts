/**
 * The L-stable Rosenbrock method RODAS3 (Sandu et al., Atmos. Environ. 31 (1997) 3459–3472;
 * 4 stages, order 3, embedded order 2, stiffly accurate) for autonomous systems with a diagonal
 * (lumped) mass matrix, `M y' = F(y)`, and a caller-supplied Jacobian solve. Each step factors one
 * stage matrix `M/(hγ) − J(y)` and solves four systems (Hairer & Wanner, Solving ODEs II, §VI.7,
 * form (7.4′) with a constant mass matrix):
 *
 *     (M/(hγ) − J) k_i = F(y + Σ_j a_ij k_j) + M Σ_j (c_ij/h) k_j,   y₁ = y + Σ m_i k_i,  err = k₄.
 *
 * A non-autonomous equation becomes autonomous by appending `t` as a component with `t' = 1`.
 *
 * @module
 */
import { checkInteger } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import type { Vec } from '../core/types';

/** RODAS3 diagonal coefficient γ. */
const GAMMA = 0.5;

/**
 * An autonomous system `M y' = F(y)` with diagonal mass `M` for {@link Rodas3Stepper}.
 *
 * @example
 * ```ts
 * // y' = −1000 (y − 1) with the exact Jacobian −1000
 * let pivot = 0;
 * const system: RosenbrockSystem = {
 *   size: 1,
 *   mass: Float64Array.of(1),
 *   evaluate(y, out) { out[0] = -1000 * (y[0] - 1); },
 *   factorStageMatrix(inverseHGamma) { pivot = inverseHGamma + 1000; },
 *   solve(rhs, out) { out[0] = rhs[0] / pivot; },
 * };
 * ```
 */
export interface RosenbrockSystem {
  /** State length. */
  readonly size: number;
  /** Diagonal of the mass matrix `M` (length `size`; all ones for `y' = F(y)`). */
  readonly mass: Vec;
  /** Write `out = F(y)`. */
  evaluate(y: Vec, out: Vec): void;
  /** Factor the stage matrix `M·inverseHGamma − J(y)` (J the Jacobian of F at y) for {@link RosenbrockSystem.solve}. */
  factorStageMatrix(inverseHGamma: number, y: Vec): void;
  /** Solve with the last factored stage matrix: `out ← (M·inverseHGamma − J)⁻¹ rhs`. */
  solve(rhs: Vec, out: Vec): void;
}

/**
 * Work space and stage logic of RODAS3 for one {@link RosenbrockSystem}; allocation-free after
 * construction (apart from what the system's factorization allocates). Per attempted step: one
 * factorization, four solves, three evaluations of `F`, O(size) flops besides. The caller owns
 * the step-size logic (pair it with a {@link StepSizeController} of order 3).
 *
 * @example
 * ```ts
 * const stepper = new Rodas3Stepper(system);
 * const y = Float64Array.of(0), next = new Float64Array(1);
 * const err = stepper.attempt(y, 0.1, 1e-8, 1e-12, next); // accept when err <= 1
 * ```
 */
export class Rodas3Stepper {
  private readonly system: RosenbrockSystem;
  private readonly k1: Vec;
  private readonly k2: Vec;
  private readonly k3: Vec;
  private readonly k4: Vec;
  private readonly stage: Vec;
  private readonly rhs: Vec;
  /** F(y) at the last attempted step's starting state. */
  readonly force: Vec;
  /** Number of right-hand-side evaluations F(y) so far (three per attempted step). */
  evaluations = 0;
  /** Number of stage-matrix factorizations so far (one per attempted step). */
  factorizations = 0;

  /** @param system - the system to advance */
  constructor(system: RosenbrockSystem) {
    if (system === null || typeof system !== 'object' || typeof system.evaluate !== 'function' || typeof system.factorStageMatrix !== 'function' || typeof system.solve !== 'function') {
      throw new InvalidTypeError('system', 'a RosenbrockSystem { size, mass, evaluate, factorStageMatrix, solve }', system);
    }
    const n = checkInteger('system.size', system.size, 1);
    if (!(system.mass instanceof Float64Array) || system.mass.length !== n) throw new InvalidArgumentError('system.mass', `a Float64Array of length ${n}`);
    this.system = system;
    this.k1 = new Float64Array(n);
    this.k2 = new Float64Array(n);
    this.k3 = new Float64Array(n);
    this.k4 = new Float64Array(n);
    this.stage = new Float64Array(n);
    this.rhs = new Float64Array(n);
    this.force = new Float64Array(n);
  }

  /** Write `out = F(y)` (counted in `evaluations`). */
  evaluate(y: Vec, out: Vec): void {
    this.system.evaluate(y, out);
    this.evaluations++;
  }

  /**
   * Attempt one step of signed size `h` from `y`, writing the third-order solution into `out`
   * (not aliasing `y`). The stage matrix must be non-singular (for `M y' = −K y + …` with `K`
   * SPD: `h` small enough that `M/(hγ) − J` stays positive definite; callers cap h accordingly).
   * @returns the scaled error `max_i |k4_i|/(atol + rtol·max(|y_i|, |out_i|))` (accept if ≤ 1;
   * NaN propagates)
   */
  attempt(y: Vec, h: number, rtol: number, atol: number, out: Vec): number {
    const { system, k1, k2, k3, k4, stage, rhs, force } = this;
    const n = system.size;
    const m = system.mass;
    system.factorStageMatrix(1 / (h * GAMMA), y);
    this.factorizations++;
    this.evaluate(y, force);
    // stage 1
    system.solve(force, k1);
    // stage 2 (a21 = 0: reuses F(y)), c21 = 4
    for (let i = 0; i < n; i++) rhs[i] = force[i] + (m[i] * 4 * k1[i]) / h;
    system.solve(rhs, k2);
    // stage 3: Y = y + 2k1; c31 = 1, c32 = −1
    for (let i = 0; i < n; i++) stage[i] = y[i] + 2 * k1[i];
    this.evaluate(stage, rhs);
    for (let i = 0; i < n; i++) rhs[i] += (m[i] * (k1[i] - k2[i])) / h;
    system.solve(rhs, k3);
    // stage 4: Y = y + 2k1 + k3; c41 = 1, c42 = −1, c43 = −8/3
    for (let i = 0; i < n; i++) stage[i] = y[i] + 2 * k1[i] + k3[i];
    this.evaluate(stage, rhs);
    for (let i = 0; i < n; i++) rhs[i] += (m[i] * (k1[i] - k2[i] - (8 / 3) * k3[i])) / h;
    system.solve(rhs, k4);
    // y1 = Y4 + k4 (stiffly accurate), error estimate k4
    let err = 0;
    for (let i = 0; i < n; i++) {
      const next = stage[i] + k4[i];
      out[i] = next;
      const scale = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(next));
      const e = Math.abs(k4[i]) / scale;
      if (!(e <= err)) err = e; // also propagates NaN
    }
    return err;
  }
}
