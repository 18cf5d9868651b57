/**
 * Runge–Kutta schemes used by the dynamic-rescaling driver, written as additive (IMEX) tableaux:
 * an explicit tableau for the transport/reaction/modulation part and an implicit (ESDIRK) tableau
 * for the diffusion, sharing the weights `b`. Sharing `b` is what lets the driver preserve the
 * normalization functionals to round-off (see `driver.ts`).
 *
 * @module
 */
import { ark324L2SA, type AdditiveRkTableau } from '../../time/additiveRk';

/**
 * An additive Runge–Kutta scheme with shared weights: the `time/` primitive's
 * {@link AdditiveRkTableau} under the driver's name.
 *
 * @example
 * ```ts
 * const s: RescalingScheme = ark3Imex; s.order; // 3
 * ```
 */
export type RescalingScheme = AdditiveRkTableau;

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

/**
 * ARK3(2)4L[2]SA of Kennedy & Carpenter (Appl. Numer. Math. 44, 2003, Table 2), the default scheme
 * of the driver: the `time/` primitive {@link ark324L2SA} (third order, L-stable stiffly accurate
 * ESDIRK diffusion, embedded second-order solution for step-size control).
 *
 * @example
 * ```ts
 * heatBlowupRadial({ dim: 1, tauEnd: 1000 }); // the default scheme
 * ```
 */
export const ark3Imex: RescalingScheme = ark324L2SA;
