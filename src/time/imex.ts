/**
 * Implicit–explicit (IMEX) Runge–Kutta methods for `y' = L·y + N(t, y)` with a stiff linear `L`
 * (diffusion) treated implicitly through `L.solveShifted` and a non-stiff `N` treated explicitly.
 * The step restriction is the one of `N` alone; the diffusive `dt ≲ dx²` limit disappears.
 *
 * @module
 */
import type { Vec } from '../core/types';
import { AdditiveRkStepper, ark324L2SA, linearSplitSystem } from './additiveRk';
import { fixedStepAlgorithm, type FixedStepOptions, type OneStepScheme } from './fixedStepIntegrator';
import type { OdeAlgorithm } from './integrator';
import type { StiffLinearOperator } from './linearOperator';
import type { OdeStats, RhsEvaluator } from './problem';

/** `out = (I − hL)⁻¹ (y + h N(t, y))`. */
class ImexEulerScheme implements OneStepScheme {
  readonly usesStartDerivative = false;
  private readonly k: Vec;

  constructor(private readonly f: RhsEvaluator<unknown>, private readonly L: StiffLinearOperator, private readonly stats: OdeStats, n: number) {
    this.k = new Float64Array(n);
  }

  advance(t: number, y: Vec, h: number, _fStart: Vec, out: Vec): void {
    const k = this.k;
    this.f.explicitPart(t, y, k);
    for (let i = 0; i < k.length; i++) k[i] = y[i] + h * k[i];
    this.L.solveShifted(h, k, out);
    this.stats.nlinsolve++;
  }
}

/**
 * ARS(2,2,2), Ascher–Ruuth–Spiteri (Appl. Numer. Math. 25, 1997), §2.6, with
 * γ = 1 − 1/√2 and δ = 1 − 1/(2γ):
 * ```
 *   implicit  0 | 0  0    0        explicit  0 | 0  0    0
 *             γ | 0  γ    0                  γ | γ  0    0
 *             1 | 0  1−γ  γ                  1 | δ  1−δ  0
 *               | 0  1−γ  γ                    | δ  1−δ  0
 * ```
 * Stiffly accurate (y_{n+1} = last stage) and L-stable in the implicit part.
 */
class Ars222Scheme implements OneStepScheme {
  readonly usesStartDerivative = false;
  static readonly gamma = 1 - Math.SQRT1_2;
  static readonly delta = 1 - 1 / (2 * Ars222Scheme.gamma);
  private readonly explicit1: Vec;
  private readonly explicit2: Vec;
  private readonly stage2: Vec;
  private readonly linear2: Vec;
  private readonly rhs: Vec;

  constructor(private readonly f: RhsEvaluator<unknown>, private readonly L: StiffLinearOperator, private readonly stats: OdeStats, n: number) {
    this.explicit1 = new Float64Array(n);
    this.explicit2 = new Float64Array(n);
    this.stage2 = new Float64Array(n);
    this.linear2 = new Float64Array(n);
    this.rhs = new Float64Array(n);
  }

  advance(t: number, y: Vec, h: number, _fStart: Vec, out: Vec): void {
    const gamma = Ars222Scheme.gamma;
    const delta = Ars222Scheme.delta;
    const { explicit1, explicit2, stage2, linear2, rhs } = this;
    const n = y.length;
    const gh = gamma * h;
    this.f.explicitPart(t, y, explicit1);
    for (let i = 0; i < n; i++) rhs[i] = y[i] + gh * explicit1[i];
    this.L.solveShifted(gh, rhs, stage2);
    this.L.apply(stage2, linear2);
    this.f.explicitPart(t + gh, stage2, explicit2);
    const a = delta * h;
    const b = (1 - delta) * h;
    const c = (1 - gamma) * h;
    for (let i = 0; i < n; i++) rhs[i] = y[i] + a * explicit1[i] + b * explicit2[i] + c * linear2[i];
    this.L.solveShifted(gh, rhs, out);
    this.stats.nlinsolve += 2;
  }
}

/**
 * IMEX Euler (forward Euler on `N`, backward Euler on `L`):
 * `y_{n+1} = (I − dt·L)⁻¹ (y_n + dt·N(t_n, y_n))`. First order, unconditionally stable for the
 * linear part when `L` is negative semi-definite. Per step: 1 evaluation of `N`, 1 shifted solve.
 * The problem must carry `linear` (see {@link odeProblem}); its `rhs` is `N`.
 *
 * @param options - `dt`: a positive step or a rule `dt(t, y)`
 * @example
 * ```ts
 * const prob = odeProblem({ rhs: reaction, y0, tspan: [0, 1], linear: tridiagonalOperator(laplacian) });
 * const sol = solve(prob, imexEuler({ dt: 1e-3 }));
 * ```
 */
export function imexEuler(options: FixedStepOptions): OdeAlgorithm {
  return fixedStepAlgorithm('imexEuler', 1, true, options, (p, f) => new ImexEulerScheme(f, p.linear as StiffLinearOperator, f.stats, p.dim));
}

/**
 * The second-order IMEX Runge–Kutta method ARS(2,2,2) of Ascher, Ruuth and Spiteri (1997):
 * L-stable, stiffly accurate implicit part (SDIRK, γ = 1 − 1/√2), two explicit stages. Global
 * error O(dt²) with steps far above the explicit diffusive limit. Per step: 2 evaluations of
 * `N`, 2 shifted solves with the same γ·dt (one cached factorization), 1 product `L·y`.
 *
 * @param options - `dt`: a positive step or a rule `dt(t, y)`
 * @example
 * ```ts
 * const sol = solve(prob, imexArs222({ dt: 1e-2 }), { saveAt: [0.5, 1] });
 * ```
 */
export function imexArs222(options: FixedStepOptions): OdeAlgorithm {
  return fixedStepAlgorithm('imexArs222', 2, true, options, (p, f) => new Ars222Scheme(f, p.linear as StiffLinearOperator, f.stats, p.dim));
}

/** ARK3(2)4L[2]SA on `y' = L·y + N(t, y)` through {@link AdditiveRkStepper}. */
class Ark324Scheme implements OneStepScheme {
  readonly usesStartDerivative = false;
  private readonly stepper: AdditiveRkStepper;

  constructor(f: RhsEvaluator<unknown>, L: StiffLinearOperator, stats: OdeStats, n: number) {
    this.stepper = new AdditiveRkStepper(ark324L2SA, linearSplitSystem(f, L, stats, n, false));
  }

  advance(t: number, y: Vec, h: number, _fStart: Vec, out: Vec): void {
    this.stepper.advance(t, y, h, out);
  }
}

/**
 * The third-order additive Runge–Kutta method ARK3(2)4L[2]SA of Kennedy & Carpenter (2003) as a
 * fixed-step IMEX method for `y' = L·y + N(t, y)`: L-stable, stiffly accurate ESDIRK part on `L`
 * (γ ≈ 0.4359), explicit part on `N`, shared weights. Per step: 4 evaluations of `N`, 4 products
 * `L·y`, 3 shifted solves with the same γ·dt (one cached factorization). For the adaptive form
 * with the embedded second-order estimate, drive an {@link AdditiveRkStepper} with a
 * {@link StepSizeController}.
 *
 * @param options - `dt`: a positive step or a rule `dt(t, y)`
 * @example
 * ```ts
 * const prob = odeProblem({ rhs: reaction, y0, tspan: [0, 1], linear: tridiagonalOperator(laplacian) });
 * const sol = solve(prob, imexArk324({ dt: 1e-2 }));
 * ```
 */
export function imexArk324(options: FixedStepOptions): OdeAlgorithm {
  return fixedStepAlgorithm('imexArk324', 3, true, options, (p, f) => new Ark324Scheme(f, p.linear as StiffLinearOperator, f.stats, p.dim));
}
