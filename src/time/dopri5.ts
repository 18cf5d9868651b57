/**
 * DOPRI5: the explicit Runge–Kutta pair of Dormand and Prince, order 5(4), with FSAL, step-size
 * control, initial step selection and 4th-order dense output as in Hairer's `dopri5.f`
 * (Hairer, Nørsett, Wanner, *Solving ODEs I*, 2nd ed., §II.4–II.6 and the code of its appendix).
 *
 * @module
 */
import { checkAllFinite, checkInRange, checkNonNegative, checkOneOf, checkPositive, checkVec } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import type { Vec } from '../core/types';
import { hermiteCoefficients, type OdeAlgorithm } from './integrator';
import { AdaptiveIntegratorBase, firstStepGuess } from './integratorBase';
import { StepSizeController } from './stepController';
import type { OdeProblem } from './problem';

/**
 * Options of {@link dopri5}.
 * @example
 * ```ts
 * const alg = dopri5({ rtol: 1e-10, atol: 1e-12, hmax: 0.1, controller: 'pi' });
 * ```
 */
export interface Dopri5Options {
  /** Relative tolerance, scalar or per component (default 1e-6). */
  rtol?: number | Float64Array;
  /** Absolute tolerance, scalar or per component (default 1e-9). */
  atol?: number | Float64Array;
  /** Largest step magnitude (default: the length of the time span). */
  hmax?: number;
  /** Initial step magnitude (default: Hairer's `hinit` estimate). */
  h0?: number;
  /** `'pi'` (Lund-stabilized, β = 0.04, default) or `'standard'` (β = 0) step-size controller. */
  controller?: 'pi' | 'standard';
  /** Safety factor of the controller, in [0.5, 1) (default 0.9). */
  safety?: number;
}

// Butcher tableau (Hairer's dopri5.f).
const C2 = 0.2, C3 = 0.3, C4 = 0.8, C5 = 8 / 9;
const A21 = 0.2;
const A31 = 3 / 40, A32 = 9 / 40;
const A41 = 44 / 45, A42 = -56 / 15, A43 = 32 / 9;
const A51 = 19372 / 6561, A52 = -25360 / 2187, A53 = 64448 / 6561, A54 = -212 / 729;
const A61 = 9017 / 3168, A62 = -355 / 33, A63 = 46732 / 5247, A64 = 49 / 176, A65 = -5103 / 18656;
const A71 = 35 / 384, A73 = 500 / 1113, A74 = 125 / 192, A75 = -2187 / 6784, A76 = 11 / 84;
// Error coefficients b − b̂.
const E1 = 71 / 57600, E3 = -71 / 16695, E4 = 71 / 1920, E5 = -17253 / 339200, E6 = 22 / 525, E7 = -1 / 40;
// Dense output (Shampine's 4th-order continuous extension, as in dopri5.f).
const D1 = -12715105075 / 11282082432, D3 = 87487479700 / 32700410799, D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632, D6 = -1453857185 / 822651844, D7 = 69997945 / 29380423;

const FACTOR_MIN = 0.2; // hnew/h >= 0.2
const FACTOR_MAX = 10; // hnew/h <= 10

interface Dopri5Settings {
  rtol: number | Float64Array;
  atol: number | Float64Array;
  hmax: number | undefined;
  h0: number | undefined;
  beta: number;
  safety: number;
}

/**
 * The Dormand–Prince 5(4) method (Dormand & Prince, J. Comput. Appl. Math. 6, 1980) as in Hairer's
 * `dopri5.f`: FSAL (6 evaluations per step), local extrapolation (advances with the 5th-order
 * solution), error norm `sqrt(mean((err_i / (atol_i + rtol_i·max(|y_i|, |y1_i|)))²))`, step
 * controller `h_new = h·min(10, max(0.2, err^(−(0.2−0.75β))·errold^β / safety))` (PI with β = 0.04,
 * or β = 0), Hairer's initial step selection, and the 4th-order continuous extension for dense
 * output and events. Status `'diverged'` when the step underflows (`0.1|h| ≤ |t|·u`),
 * `'nonFinite'` when the right-hand side is not finite at an accepted state or when the underflow
 * was caused by non-finite trial stages.
 *
 * @example
 * ```ts
 * const sol = solve(prob, dopri5({ rtol: 1e-10, atol: 1e-12 }));
 * sol.at(1.5); // 4th-order dense output
 * ```
 */
export function dopri5(options: Dopri5Options = {}): OdeAlgorithm {
  if (options === null || typeof options !== 'object') throw new InvalidTypeError('options', 'an object', options);
  const rtol = checkTolerance('rtol', options.rtol ?? 1e-6);
  const atol = checkTolerance('atol', options.atol ?? 1e-9);
  const hmax = options.hmax === undefined ? undefined : checkPositive('hmax', options.hmax);
  const h0 = options.h0 === undefined ? undefined : checkPositive('h0', options.h0);
  const controller = checkOneOf('controller', options.controller ?? 'pi', ['pi', 'standard'] as const);
  const safety = options.safety === undefined ? 0.9 : checkInRange('safety', options.safety, 0.5, 0.999);
  if (typeof rtol === 'number' && typeof atol === 'number' && rtol === 0 && atol === 0) {
    throw new InvalidArgumentError('atol', 'a finite number > 0 when rtol = 0', atol);
  }
  const settings: Dopri5Settings = { rtol, atol, hmax, h0, beta: controller === 'pi' ? 0.04 : 0, safety };
  return {
    name: 'dopri5',
    order: 5,
    fixedStep: false,
    needsLinearPart: false,
    createIntegrator: (prob: OdeProblem<unknown>) => new Dopri5Integrator(prob, settings),
  };
}

function checkTolerance(name: string, value: unknown): number | Float64Array {
  if (value instanceof Float64Array) {
    checkAllFinite(name, value);
    for (let i = 0; i < value.length; i++) checkNonNegative(`${name}[${i}]`, value[i]);
    return Float64Array.from(value);
  }
  if (typeof value !== 'number') throw new InvalidTypeError(name, 'a number >= 0 or a Float64Array of them', value);
  return checkNonNegative(name, value);
}

function toleranceVector(name: string, value: number | Float64Array, n: number): Vec {
  if (typeof value === 'number') return new Float64Array(n).fill(value);
  return checkVec(name, value, n);
}

/** Integrator of {@link dopri5}; create it with `init(prob, dopri5(options))`. */
export class Dopri5Integrator extends AdaptiveIntegratorBase {
  private readonly rtol: Vec;
  private readonly atol: Vec;
  private readonly y1: Vec;
  private readonly stage: Vec;
  private k1: Vec;
  private k1Prev: Vec;
  private readonly k2: Vec;
  private readonly k3: Vec;
  private readonly k4: Vec;
  private readonly k5: Vec;
  private readonly k6: Vec;
  private readonly k7: Vec;

  /**
   * @param prob - validated problem
   * @param settings - validated options
   */
  constructor(prob: OdeProblem<unknown>, settings: Dopri5Settings) {
    super(prob, settings.hmax, new StepSizeController({ order: 5, beta: settings.beta, safety: settings.safety, minFactor: FACTOR_MIN, maxFactor: FACTOR_MAX }));
    const n = prob.dim;
    this.rtol = toleranceVector('rtol', settings.rtol, n);
    this.atol = toleranceVector('atol', settings.atol, n);
    for (let i = 0; i < n; i++) {
      if (this.rtol[i] === 0 && this.atol[i] === 0) throw new InvalidArgumentError(`atol[${i}]`, 'a finite number > 0 when rtol is 0', 0);
    }
    this.y1 = new Float64Array(n);
    this.stage = new Float64Array(n);
    this.k1 = new Float64Array(n);
    this.k1Prev = new Float64Array(n);
    this.k2 = new Float64Array(n);
    this.k3 = new Float64Array(n);
    this.k4 = new Float64Array(n);
    this.k5 = new Float64Array(n);
    this.k6 = new Float64Array(n);
    this.k7 = new Float64Array(n);
    this.restart(settings.h0);
  }

  /** FSAL seed: f at the current state. */
  protected startDerivative(): Vec {
    this.f.full(this.t, this.y, this.k1);
    return this.k1;
  }

  /** Hairer's `hinit`: h from ‖y‖/‖f‖, then from an estimate of the second derivative. */
  protected initialStep(f0: Vec): number {
    const { y, rtol, atol, stage: y1, k2: f1 } = this;
    const n = y.length;
    const dir = this.problem.direction;
    const guess = firstStepGuess(y, f0, rtol, atol);
    const dnf = guess.dnf;
    const h = Math.min(guess.h, this.hmax);
    for (let i = 0; i < n; i++) y1[i] = y[i] + dir * h * f0[i];
    this.f.full(this.t + dir * h, y1, f1);
    let der2 = 0;
    for (let i = 0; i < n; i++) {
      const sk = atol[i] + rtol[i] * Math.abs(y[i]);
      der2 += ((f1[i] - f0[i]) / sk) ** 2;
    }
    der2 = Math.sqrt(der2) / h;
    const der12 = Math.max(Math.abs(der2), Math.sqrt(dnf));
    const h1 = der12 <= 1e-15 ? Math.max(1e-6, h * 1e-3) : Math.pow(0.01 / der12, 0.2);
    const result = Math.min(100 * h, h1, this.hmax);
    return Number.isFinite(result) && result > 0 ? result : 1e-6;
  }

  protected attempt(t: number, h: number): number {
    const { y, y1, stage, k1, k2, k3, k4, k5, k6, k7, rtol, atol } = this;
    const n = y.length;
    for (let i = 0; i < n; i++) stage[i] = y[i] + h * A21 * k1[i];
    this.f.full(t + C2 * h, stage, k2);
    for (let i = 0; i < n; i++) stage[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
    this.f.full(t + C3 * h, stage, k3);
    for (let i = 0; i < n; i++) stage[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
    this.f.full(t + C4 * h, stage, k4);
    for (let i = 0; i < n; i++) stage[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
    this.f.full(t + C5 * h, stage, k5);
    for (let i = 0; i < n; i++) stage[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
    this.f.full(t + h, stage, k6);
    for (let i = 0; i < n; i++) y1[i] = y[i] + h * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
    this.f.full(t + h, y1, k7);
    let err = 0;
    for (let i = 0; i < n; i++) {
      const sk = atol[i] + rtol[i] * Math.max(Math.abs(y[i]), Math.abs(y1[i]));
      const e = (h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i])) / sk;
      err += e * e;
    }
    return Math.sqrt(err / n);
  }

  protected accepted(tNew: number): void {
    const swap = this.k1Prev;
    this.k1Prev = this.k1;
    this.k1 = swap;
    this.k1.set(this.k7); // FSAL
    this.commitStep(this.y1, tNew);
  }

  /** Hairer's `rcont1..rcont5` (`contd5` form) for the last accepted step. */
  denseCoefficients(out: Vec, offset: number): void {
    const n = this.problem.dim;
    const h = this.hLast;
    const { yPrev, y, k1Prev, k3, k4, k5, k6, k7 } = this;
    // r1..r4: the cubic Hermite part (Hairer's rcont1..rcont4); r5 the 4th-order correction
    hermiteCoefficients(yPrev, k1Prev, y, k7, h, out, offset);
    for (let i = 0, j = offset + 4 * n; i < n; i++, j++) {
      out[j] = h * (D1 * k1Prev[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
    }
  }
}
