/**
 * Fixed-step explicit Runge–Kutta methods: the classical fourth-order method (RK4) and the
 * three-stage third-order strong-stability-preserving method of Shu and Osher (SSP-RK3).
 *
 * Both take the step from a number or a rule `dt(t, y)` and land exactly on requested times
 * (see `fixedStepIntegrator`). With a stiff linear part in the problem they integrate the full
 * right-hand side `L·y + f(t, y)` explicitly.
 *
 * @module
 */
import type { Vec } from '../core/types';
import { fixedStepAlgorithm, type FixedStepOptions, type OneStepScheme } from './fixedStepIntegrator';
import type { OdeAlgorithm } from './integrator';
import type { RhsEvaluator } from './problem';

/** Classical RK4 stages; `out = y + h/6 (k1 + 2k2 + 2k3 + k4)`. */
class Rk4Scheme implements OneStepScheme {
  readonly usesStartDerivative = true;
  private readonly k2: Vec;
  private readonly k3: Vec;
  private readonly k4: Vec;
  private readonly stage: Vec;

  constructor(private readonly f: RhsEvaluator<unknown>, n: number) {
    this.k2 = new Float64Array(n);
    this.k3 = new Float64Array(n);
    this.k4 = new Float64Array(n);
    this.stage = new Float64Array(n);
  }

  advance(t: number, y: Vec, h: number, k1: Vec, out: Vec): void {
    const { k2, k3, k4, stage } = this;
    const n = y.length;
    const half = 0.5 * h;
    for (let i = 0; i < n; i++) stage[i] = y[i] + half * k1[i];
    this.f.full(t + half, stage, k2);
    for (let i = 0; i < n; i++) stage[i] = y[i] + half * k2[i];
    this.f.full(t + half, stage, k3);
    for (let i = 0; i < n; i++) stage[i] = y[i] + h * k3[i];
    this.f.full(t + h, stage, k4);
    const sixth = h / 6;
    for (let i = 0; i < n; i++) out[i] = y[i] + sixth * (k1[i] + 2 * (k2[i] + k3[i]) + k4[i]);
  }
}

/**
 * Shu–Osher form of SSP-RK3:
 * `u1 = y + h f(t, y)`, `u2 = ¾y + ¼(u1 + h f(t+h, u1))`, `out = ⅓y + ⅔(u2 + h f(t+h/2, u2))`.
 */
class SspRk3Scheme implements OneStepScheme {
  readonly usesStartDerivative = true;
  private readonly u: Vec;
  private readonly k: Vec;

  constructor(private readonly f: RhsEvaluator<unknown>, n: number) {
    this.u = new Float64Array(n);
    this.k = new Float64Array(n);
  }

  advance(t: number, y: Vec, h: number, k1: Vec, out: Vec): void {
    const { u, k } = this;
    const n = y.length;
    for (let i = 0; i < n; i++) u[i] = y[i] + h * k1[i];
    this.f.full(t + h, u, k);
    for (let i = 0; i < n; i++) u[i] = 0.75 * y[i] + 0.25 * (u[i] + h * k[i]);
    this.f.full(t + 0.5 * h, u, k);
    const third = 1 / 3;
    const twoThirds = 2 / 3;
    for (let i = 0; i < n; i++) out[i] = third * y[i] + twoThirds * (u[i] + h * k[i]);
  }
}

/**
 * The classical fourth-order Runge–Kutta method (Kutta 1901; Hairer–Nørsett–Wanner I, §II.1):
 * 4 right-hand-side evaluations per step, global error O(dt⁴). Real stability interval
 * ≈ [−2.785, 0], imaginary ≈ [−2√2, 2√2]. Memory: 4 stage vectors.
 *
 * @param options - `dt`: a positive step or a rule `dt(t, y)` evaluated before every step
 * @example
 * ```ts
 * const sol = solve(prob, rk4({ dt: 1e-3 }));
 * const cfl = solve(prob, rk4({ dt: (t, y) => 0.4 * h / Math.max(...y.map(Math.abs)) }));
 * ```
 */
export function rk4(options: FixedStepOptions): OdeAlgorithm {
  return fixedStepAlgorithm('rk4', 4, false, options, (p, f) => new Rk4Scheme(f, p.dim));
}

/**
 * The optimal three-stage, third-order strong-stability-preserving Runge–Kutta method of Shu and
 * Osher (J. Comput. Phys. 77, 1988), SSP coefficient 1: a convex combination of forward Euler
 * steps, so it preserves any convex property (positivity, TVD, maximum principle) that forward
 * Euler has under `dt ≤ dt_FE`. 3 evaluations per step, global error O(dt³).
 *
 * @param options - `dt`: a positive step or a rule `dt(t, y)` evaluated before every step
 * @example
 * ```ts
 * const sol = solve(prob, sspRk3({ dt: (t, y) => 0.4 * dx / maxSpeed(y) }));
 * ```
 */
export function sspRk3(options: FixedStepOptions): OdeAlgorithm {
  return fixedStepAlgorithm('sspRk3', 3, false, options, (p, f) => new SspRk3Scheme(f, p.dim));
}
