/**
 * Additive (implicit–explicit) Runge–Kutta methods with shared weights for split systems
 * `y' = N(t, y) + L(y)`: an explicit tableau for the non-stiff part `N` and a diagonally implicit
 * (ESDIRK) tableau for the stiff part `L`, which acts on the leading `implicitSize` components of
 * the state. The step is linearly implicit in `L` only through the stage solve
 * `(I − γk·L)x = b`, supplied by the caller, so any discretization (finite volumes, splines, complex
 * tridiagonal, FEM with a lumped mass) plugs in.
 *
 * The ARK3(2)4L[2]SA pair of Kennedy & Carpenter (Appl. Numer. Math. 44 (2003) 139–181, Table 2)
 * is {@link ark324L2SA}; {@link AdditiveRkStepper} takes one step of any such pair, with the
 * embedded error estimate for step-size control; {@link imexArk324} wraps the pair as a
 * fixed-step {@link OdeAlgorithm} for `odeProblem({ rhs, linear })`.
 *
 * @module
 */
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import { checkInteger } from '../core/check';
import { allFinite } from '../core/status';
import type { Vec } from '../core/types';
import type { StiffLinearOperator } from './linearOperator';
import type { OdeStats, RhsEvaluator } from './problem';

/**
 * An additive Runge–Kutta pair with shared weights. Stage i:
 * `Y_i = y_n + k Σ_{j<i} explicitA[i][j]·E_j + k Σ_{j≤i} implicitA[i][j]·I_j`, where `E_j` is the
 * explicit part and `I_j` the implicit (stiff) part at stage j; `y_{n+1} = y_n + k Σ b_i (E_i + I_i)`.
 * With `implicitA = null` the stiff part is explicit too (`I_i` evaluated at `Y_i`, coefficients
 * `explicitA`).
 *
 * @example
 * ```ts
 * const s: AdditiveRkTableau = ark324L2SA;
 * s.order; // 3
 * s.b.length; // 4 stages
 * ```
 */
export interface AdditiveRkTableau {
  /** Short name, e.g. `'ark3'`. */
  readonly name: string;
  /** Classical order of the pair. */
  readonly order: number;
  /** Strictly lower-triangular explicit coefficients (rows of length `stages`). */
  readonly explicitA: readonly (readonly number[])[];
  /** Lower-triangular implicit coefficients (ESDIRK: first row zero), or null for an explicit stiff part. */
  readonly implicitA: readonly (readonly number[])[] | null;
  /** Weights, shared by both parts. */
  readonly b: readonly number[];
  /** Embedded weights of order `order − 1` for error control, or null (fixed step rule). */
  readonly bEmbedded: readonly number[] | null;
}

const GAMMA = 1767732205903 / 4055673282236;

/**
 * ARK3(2)4L[2]SA of Kennedy & Carpenter (Appl. Numer. Math. 44, 2003, Table 2): third order,
 * four stages, L-stable stiffly accurate ESDIRK (γ ≈ 0.4359) for the stiff part, explicit part for
 * the rest, shared weights and an embedded second-order solution for step-size control. The order
 * conditions up to three, including the coupling conditions, hold to round-off for these rational
 * coefficients (checked in the tests).
 *
 * @example
 * ```ts
 * const stepper = new AdditiveRkStepper(ark324L2SA, system);
 * const err = stepper.attempt(0, y, 1e-3, 1e-8, 1e-12, yNew); // accept when err <= 1
 * ```
 */
export const ark324L2SA: AdditiveRkTableau = {
  name: 'ark3',
  order: 3,
  explicitA: [
    [0, 0, 0, 0],
    [2 * GAMMA, 0, 0, 0],
    [5535828885825 / 10492691773637, 788022342437 / 10882634858940, 0, 0],
    [6485989280629 / 16251701735622, -4246266847089 / 9704473918619, 10755448449292 / 10357097424841, 0],
  ],
  implicitA: [
    [0, 0, 0, 0],
    [GAMMA, GAMMA, 0, 0],
    [2746238789719 / 10658868560708, -640167445237 / 6845629431997, GAMMA, 0],
    [1471266399579 / 7840856788654, -4482444167858 / 7529755066697, 11266239266428 / 11593286722821, GAMMA],
  ],
  b: [1471266399579 / 7840856788654, -4482444167858 / 7529755066697, 11266239266428 / 11593286722821, GAMMA],
  bEmbedded: [2756255671327 / 12835298489170, -10771552573575 / 22201958757719, 9247589265047 / 10645013368117, 2193209047091 / 5459859503100],
};

/**
 * A split system `y' = N(t, y) + L(y)` for {@link AdditiveRkStepper}. The stiff part `L` acts on
 * (and only on) the leading `implicitSize` components; the remaining components (e.g. integrated
 * diagnostics, modulation parameters) are advanced explicitly.
 *
 * @example
 * ```ts
 * // y' = −1000·y + y² on one component, L = −1000 (diagonal)
 * const system: AdditiveRkSystem = {
 *   size: 1,
 *   implicitSize: 1,
 *   evaluate(_t, y, e, i) { e[0] = y[0] * y[0]; i[0] = -1000 * y[0]; return true; },
 *   solveImplicit(g, x) { x[0] /= 1 + 1000 * g; },
 * };
 * ```
 */
export interface AdditiveRkSystem {
  /** State length. */
  readonly size: number;
  /** Number of leading components the stiff part acts on (1 ≤ implicitSize ≤ size). */
  readonly implicitSize: number;
  /**
   * Write `N(t, state)` into `explicitOut` (length `size`) and `L(state)` into `implicitOut`
   * (length `implicitSize`). Return false to abandon the attempt (e.g. a non-finite value); the
   * attempt then reports an infinite error.
   */
  evaluate(t: number, state: Vec, explicitOut: Vec, implicitOut: Vec): boolean;
  /**
   * In place on the stiff components (a view of length `implicitSize`):
   * `x ← (I − gammaK·L)⁻¹ x`, with `gammaK` the diagonal coefficient times the signed step.
   */
  solveImplicit(gammaK: number, x: Vec): void;
}

/**
 * One step of an additive Runge–Kutta pair ({@link AdditiveRkTableau}) on an
 * {@link AdditiveRkSystem}, with the embedded error estimate. Allocation-free after construction;
 * per step: `stages` evaluations and `stages − 1` implicit solves (ESDIRK: none at the first
 * stage), O(stages²·size) flops. The caller owns the step-size logic (e.g. a
 * {@link StepSizeController}), so rejections, positivity checks or caps fit around it.
 *
 * @example
 * ```ts
 * const stepper = new AdditiveRkStepper(ark324L2SA, system);
 * const ctrl = new StepSizeController({ order: 3, noGrowthAfterReject: false });
 * const y = Float64Array.of(1), yNew = new Float64Array(1);
 * let t = 0, k = 1e-3;
 * while (t < 1) {
 *   k = Math.min(k, 1 - t);
 *   const err = stepper.attempt(t, y, k, 1e-8, 1e-12, yNew);
 *   if (err <= 1) { y.set(yNew); t += k; k *= ctrl.accept(err); } else k *= ctrl.reject(err);
 * }
 * ```
 */
export class AdditiveRkStepper {
  /** The pair. */
  readonly tableau: AdditiveRkTableau;
  /** The system. */
  readonly system: AdditiveRkSystem;
  /** Number of leading components the error norm measures (default: all). */
  readonly errorComponents: number;
  /** Explicit stage values E_s (read-only views, valid after a step). */
  readonly explicitStages: readonly Vec[];
  /** Implicit stage values I_s (read-only views, valid after a step). */
  readonly implicitStages: readonly Vec[];
  private readonly stage: Vec;
  private readonly stageImplicit: Vec;
  private readonly c: Float64Array;

  /**
   * @param tableau - the pair (e.g. {@link ark324L2SA})
   * @param system - the split system
   * @param options - `errorComponents`: measure only the leading components in the error norm
   */
  constructor(tableau: AdditiveRkTableau, system: AdditiveRkSystem, options: { errorComponents?: number } = {}) {
    checkTableau(tableau);
    if (system === null || typeof system !== 'object' || typeof system.evaluate !== 'function' || typeof system.solveImplicit !== 'function') {
      throw new InvalidTypeError('system', 'an AdditiveRkSystem { size, implicitSize, evaluate, solveImplicit }', system);
    }
    const n = checkInteger('system.size', system.size, 1);
    const m = checkInteger('system.implicitSize', system.implicitSize, 1, n);
    this.errorComponents = checkInteger('options.errorComponents', options.errorComponents ?? n, 1, n);
    this.tableau = tableau;
    this.system = system;
    const S = tableau.b.length;
    this.explicitStages = Array.from({ length: S }, () => new Float64Array(n));
    this.implicitStages = Array.from({ length: S }, () => new Float64Array(m));
    this.stage = new Float64Array(n);
    this.stageImplicit = this.stage.subarray(0, m);
    this.c = Float64Array.from(tableau.explicitA, (row) => row.reduce((a, x) => a + x, 0));
  }

  /**
   * Compute the stages of a step of signed size `k` from `(t, y)` and write the solution of order
   * `tableau.order` into `out` (not aliasing `y`). Returns false when the system abandoned a stage.
   */
  advance(t: number, y: Vec, k: number, out: Vec): boolean {
    const { tableau, system, stage, stageImplicit, c } = this;
    const E = this.explicitStages;
    const I = this.implicitStages;
    const m = system.implicitSize;
    const S = tableau.b.length;
    if (!system.evaluate(t, y, E[0], I[0])) return false;
    for (let s = 1; s < S; s++) {
      additiveRkStageInput(tableau, s, k, y, E, I, m, stage);
      if (tableau.implicitA !== null) system.solveImplicit(k * tableau.implicitA[s][s], stageImplicit);
      if (!system.evaluate(t + c[s] * k, stage, E[s], I[s])) return false;
    }
    additiveRkCombination(tableau, k, y, E, I, m, out);
    return true;
  }

  /**
   * {@link AdditiveRkStepper.advance}, then the scaled RMS norm of the embedded error estimate
   * over the first `errorComponents` components,
   * `sqrt(mean((k Σ (b_s − b̂_s)(E_s + I_s) / (atol + rtol·max(|y|, |out|)))²))`: accept when ≤ 1.
   * Returns `Infinity` when a stage was abandoned, NaN when a value is not finite, and 0 for a
   * pair without embedded weights.
   */
  attempt(t: number, y: Vec, k: number, rtol: number, atol: number, out: Vec): number {
    if (!this.advance(t, y, k, out)) return Infinity;
    const be = this.tableau.bEmbedded;
    if (be === null) return 0;
    const b = this.tableau.b;
    const E = this.explicitStages;
    const I = this.implicitStages;
    const m = this.system.implicitSize;
    const S = b.length;
    const count = this.errorComponents;
    let err = 0;
    for (let q = 0; q < count; q++) {
      let diff = 0;
      if (q < m) for (let s = 0; s < S; s++) diff += (b[s] - be[s]) * (E[s][q] + I[s][q]);
      else for (let s = 0; s < S; s++) diff += (b[s] - be[s]) * E[s][q];
      const sc = atol + rtol * Math.max(Math.abs(y[q]), Math.abs(out[q]));
      const e = (k * diff) / sc;
      err += e * e;
    }
    return Math.sqrt(err / count);
  }
}

/**
 * The explicit part of stage `s` of an additive pair (before the implicit solve):
 * `out = y + k Σ_{j<s} (explicitA[s][j]·E_j + A[s][j]·I_j)` on the leading `m` components
 * (A = `implicitA`, or `explicitA` when the stiff part is explicit) and
 * `out = y + k Σ_{j<s} explicitA[s][j]·E_j` on the others. `E_j` have the state's length, `I_j`
 * length ≥ m. The kernel of {@link AdditiveRkStepper}, for steppers that need their own stage
 * logic (a modulation solve, a complex implicit part). O(s·n), no allocation.
 *
 * @example
 * ```ts
 * additiveRkStageInput(ark324L2SA, 2, k, y, E, I, n, stage);
 * solveShifted(k * ark324L2SA.implicitA![2][2], stage); // then Y_2 = (I − γk L)⁻¹ stage
 * ```
 */
export function additiveRkStageInput(tableau: AdditiveRkTableau, s: number, k: number, y: Vec, E: readonly Vec[], I: readonly Vec[], m: number, out: Vec): Vec {
  const n = y.length;
  out.set(y);
  const ae = tableau.explicitA[s];
  const ai = tableau.implicitA === null ? ae : tableau.implicitA[s];
  for (let j = 0; j < s; j++) {
    const ce = k * ae[j];
    const ci = k * ai[j];
    const ej = E[j];
    const ij = I[j];
    for (let q = 0; q < m; q++) out[q] += ce * ej[q] + ci * ij[q];
    for (let q = m; q < n; q++) out[q] += ce * ej[q];
  }
  return out;
}

/**
 * The new state of an additive pair from its stages: `out = y + k Σ_s b_s (E_s + I_s)` on the
 * leading `m` components and `out = y + k Σ_s b_s E_s` on the others (weights `k·b_s` applied
 * stage by stage). O(stages·n), no allocation.
 *
 * @example
 * ```ts
 * additiveRkCombination(ark324L2SA, k, y, E, I, n, yNew);
 * ```
 */
export function additiveRkCombination(tableau: AdditiveRkTableau, k: number, y: Vec, E: readonly Vec[], I: readonly Vec[], m: number, out: Vec): Vec {
  const n = y.length;
  out.set(y);
  for (let s = 0; s < tableau.b.length; s++) {
    const w = k * tableau.b[s];
    const es = E[s];
    const is = I[s];
    for (let q = 0; q < m; q++) out[q] += w * (es[q] + is[q]);
    for (let q = m; q < n; q++) out[q] += w * es[q];
  }
  return out;
}

/** Throw unless `tableau` is a consistent {@link AdditiveRkTableau}. */
export function checkTableau(tableau: AdditiveRkTableau, name = 'tableau'): void {
  if (tableau === null || typeof tableau !== 'object' || !Array.isArray(tableau.b) || !Array.isArray(tableau.explicitA)) {
    throw new InvalidTypeError(name, 'an AdditiveRkTableau { explicitA, implicitA, b, bEmbedded }', tableau);
  }
  const S = tableau.b.length;
  const square = (A: readonly (readonly number[])[]) => A.length === S && A.every((row) => Array.isArray(row) && row.length === S);
  if (S < 1 || !square(tableau.explicitA) || (tableau.implicitA !== null && !square(tableau.implicitA))) {
    throw new InvalidArgumentError(`${name}.explicitA`, `square ${S}×${S} coefficient arrays matching b`);
  }
  if (tableau.bEmbedded !== null && (!Array.isArray(tableau.bEmbedded) || tableau.bEmbedded.length !== S)) {
    throw new InvalidArgumentError(`${name}.bEmbedded`, `null or an array of ${S} weights`);
  }
}

/**
 * The {@link AdditiveRkSystem} of `y' = L·y + N(t, y)`: `N` (the problem's `rhs`) explicit, the
 * stiff linear `L` implicit through `L.solveShifted` (one `nlinsolve` counted per solve). With
 * `reportNonFinite`, `evaluate` reports non-finite stage derivatives (adaptive use: the attempt is
 * rejected); otherwise it always reports success. Internal helper of the IMEX integrators.
 */
export function linearSplitSystem(f: RhsEvaluator<unknown>, L: StiffLinearOperator, stats: OdeStats, n: number, reportNonFinite: boolean): AdditiveRkSystem {
  const solved = new Float64Array(n);
  return {
    size: n,
    implicitSize: n,
    evaluate(t, state, explicitOut, implicitOut) {
      f.explicitPart(t, state, explicitOut);
      L.apply(state, implicitOut);
      return !reportNonFinite || (allFinite(explicitOut) && allFinite(implicitOut));
    },
    solveImplicit(gammaK, x) {
      L.solveShifted(gammaK, x, solved);
      x.set(solved);
      stats.nlinsolve++;
    },
  };
}
