/**
 * One adaptive step of the L-stable Rosenbrock method RODAS3 (Sandu et al., Atmos. Environ. 31,
 * 1997; 4 stages, order 3, embedded order 2, stiffly accurate) for the mass–stiffness system
 * `M y' = F(y) = −K y + M y²` of a {@link PhysicalHeatSystem}, with the exact Jacobian
 * `J = −K + 2M diag(y)`. Each step factors one SPD stage matrix `M/(hγ) − J = K + M(1/(hγ) − 2y)`
 * and solves four systems (Hairer–Wanner VI.7, form (7.4′) with a constant mass matrix):
 *
 *     (M/(hγ) − J) k_i = F(y + Σ_j a_ij k_j) + M Σ_j (c_ij/h) k_j,   y₁ = y + Σ m_i k_i,  err = k₄.
 *
 * @module
 */
import { InvalidTypeError } from '../../core/errors';
import type { Vec } from '../../core/types';
import type { PhysicalHeatSystem } from './physicalRadial';

/** RODAS3 diagonal coefficient γ. */
const GAMMA = 0.5;

/**
 * Work space and stage logic of RODAS3 for one {@link PhysicalHeatSystem}; allocation-free after
 * construction (apart from what the system's factorization allocates).
 *
 * @example
 * ```ts
 * const stepper = new HeatRosenbrockStepper(system);
 * const err = stepper.attempt(y, h, 1e-8, 1e-14, yNew); // accept when err <= 1
 * ```
 */
export class HeatRosenbrockStepper {
  private readonly system: PhysicalHeatSystem;
  private readonly k1: Vec;
  private readonly k2: Vec;
  private readonly k3: Vec;
  private readonly k4: Vec;
  private readonly stage: Vec;
  private readonly rhs: Vec;
  private readonly shift: Vec;
  /** F(y) at the last attempted step's starting state. */
  readonly force: Vec;
  /** Number of right-hand-side evaluations F(y) so far (three per attempted step). */
  evaluations = 0;
  /** Number of stage-matrix factorizations so far (one per attempted step). */
  factorizations = 0;

  /** @param system - the semi-discretization to advance */
  constructor(system: PhysicalHeatSystem) {
    if (system === null || typeof system !== 'object' || !Number.isInteger(system.size) || system.size < 1 || typeof system.applyStiffness !== 'function') {
      throw new InvalidTypeError('system', 'a PhysicalHeatSystem (radialHeatSystem or tensorHeatSystem2d)', system);
    }
    this.system = system;
    const n = system.size;
    this.k1 = new Float64Array(n);
    this.k2 = new Float64Array(n);
    this.k3 = new Float64Array(n);
    this.k4 = new Float64Array(n);
    this.stage = new Float64Array(n);
    this.rhs = new Float64Array(n);
    this.shift = new Float64Array(n);
    this.force = new Float64Array(n);
  }

  /** Write `out = F(y) = −K y + M y²`. */
  evaluate(y: Vec, out: Vec): void {
    const n = this.system.size;
    const m = this.system.mass;
    this.system.applyStiffness(y, out);
    for (let i = 0; i < n; i++) out[i] = m[i] * y[i] * y[i] - out[i];
    this.evaluations++;
  }

  /**
   * Attempt one step of size h from y, writing the third-order solution into `out`.
   * Requires `h·max(y) < 1` (then the stage matrix is SPD); callers cap h accordingly.
   * @returns the scaled error `max_i |k4_i|/(atol + rtol·max(|y_i|, |out_i|))` (accept if ≤ 1)
   */
  attempt(y: Vec, h: number, rtol: number, atol: number, out: Vec): number {
    const { system, k1, k2, k3, k4, stage, rhs, shift, force } = this;
    const n = system.size;
    const m = system.mass;
    const inverseHGamma = 1 / (h * GAMMA);
    for (let i = 0; i < n; i++) shift[i] = m[i] * (inverseHGamma - 2 * y[i]);
    system.factorShifted(shift);
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
