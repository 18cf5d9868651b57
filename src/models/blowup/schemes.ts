/**
 * Runge–Kutta schemes used by the dynamic-rescaling driver, written as additive (IMEX) tableaux:
 * an explicit tableau for the transport/reaction/modulation part and an implicit (ESDIRK) tableau
 * for the diffusion, sharing the weights `b`. Sharing `b` is what lets the driver preserve the
 * normalization functionals to round-off (see `driver.ts`).
 *
 * @module
 */

/**
 * An additive Runge–Kutta scheme with shared weights.
 *
 * Stage i: `Y_i = y_n + k Σ_{j<i} explicitA[i][j]·E_j + k Σ_{j≤i} implicitA[i][j]·I_j`, where E is
 * the explicit part and I the diffusion; `y_{n+1} = y_n + k Σ b_i (E_i + I_i)`. With
 * `implicitA = null` the diffusion is explicit too (`I_i` evaluated at `Y_i`).
 *
 * @example
 * ```ts
 * const s: RescalingScheme = ark3Imex; s.order; // 3
 * ```
 */
export interface RescalingScheme {
  /** Short name, e.g. `'rk4'`. */
  readonly name: string;
  /** Classical order of the pair. */
  readonly order: number;
  /** Strictly lower-triangular explicit coefficients (rows of length `stages`). */
  readonly explicitA: readonly (readonly number[])[];
  /** Lower-triangular implicit coefficients (ESDIRK: first row zero), or null for explicit diffusion. */
  readonly implicitA: readonly (readonly number[])[] | null;
  /** Weights, shared by both parts. */
  readonly b: readonly number[];
  /** Embedded weights of order `order − 1` for error control, or null (fixed step rule). */
  readonly bEmbedded: readonly number[] | null;
}

/**
 * The classical fourth-order Runge–Kutta method (the thesis's stepper, thesis §2.4), diffusion explicit.
 * Stable for the spline Laplacian up to `k ≤ 0.232 h²/λ` (docs/blowup.md) — the reason for the tiny
 * steps of the thesis's run.
 *
 * @example
 * ```ts
 * heatBlowupRadial({ dim: 1, tauEnd: 5, scheme: 'rk4' });
 * ```
 */
export const rk4Explicit: RescalingScheme = {
  name: 'rk4',
  order: 4,
  explicitA: [[0, 0, 0, 0], [0.5, 0, 0, 0], [0, 0.5, 0, 0], [0, 0, 1, 0]],
  implicitA: null,
  b: [1 / 6, 1 / 3, 1 / 3, 1 / 6],
  bEmbedded: null,
};

const GAMMA = 1767732205903 / 4055673282236;

/**
 * ARK3(2)4L[2]SA of Kennedy & Carpenter (Appl. Numer. Math. 44, 2003, Table 2): third order,
 * four stages, L-stable stiffly accurate ESDIRK for the diffusion, explicit part for the rest,
 * shared weights and an embedded second-order solution for step-size control. The order
 * conditions up to three (including the coupling conditions) hold to round-off for these
 * rational coefficients (checked in the tests).
 *
 * @example
 * ```ts
 * heatBlowupRadial({ dim: 1, tauEnd: 1000 }); // the default scheme
 * ```
 */
export const ark3Imex: RescalingScheme = {
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
