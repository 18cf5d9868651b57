/**
 * The normalization solve of the dynamic-rescaling driver (thesis §2.2, the conditions fixing the
 * modulation constants after (2.2.5)): at each stage the constants c solve the P×P system
 * `Σ_p c_p ℓ_q(G_p) = −ℓ_q(N) − ℓ_q(I)`, assembled from the model's normalization functionals and
 * solved by `linalg`'s small pivoted elimination. Also the default scale rates and the scheme
 * lookup. Internal to the driver.
 *
 * @module
 */
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { Vec } from '../../core/types';
import { solveSmallDenseUnchecked } from '../../linalg/smallSolve';
import type { RescaledRunOptions, RescalingModel } from './driverTypes';
import { ark3Imex, rk4Explicit, type RescalingScheme } from './schemes';

/** The model's normalization functionals under either spelling, bound to the model. */
export function modelNormalization(model: RescalingModel): (f: Vec, out: Vec) => void {
  if (typeof model.normalization === 'function') return model.normalization.bind(model);
  if (typeof model.normalisation === 'function') return model.normalisation.bind(model);
  throw new InvalidTypeError('model.normalization', 'a function (f, out) => void', model.normalization);
}

/** The scheme named by the option (default IMEX with diffusion, RK4 without). */
export function resolveScheme(scheme: RescaledRunOptions['scheme'], hasDiffusion: boolean): RescalingScheme {
  if (scheme === undefined) return hasDiffusion ? ark3Imex : rk4Explicit;
  if (scheme === 'imex') return ark3Imex;
  if (scheme === 'rk4') return rk4Explicit;
  if (typeof scheme === 'object' && scheme !== null && Array.isArray(scheme.b) && Array.isArray(scheme.explicitA)) return scheme;
  throw new InvalidArgumentError('options.scheme', "'imex', 'rk4' or a RescalingScheme", scheme);
}

/**
 * The rates of the stored scale variables (`(log λ_i)_τ` by default) from c and the current scale
 * values λ: the model's rule, or `c_0 + 2c_i` (the parabolic scaling of (★)).
 */
export function scaleRates(model: RescalingModel, c: Vec, out: Vec, lambdas: Vec): void {
  if (model.scaleRates !== undefined) { model.scaleRates(c, out, lambdas); return; }
  for (let i = 0; i < out.length; i++) out[i] = c[0] + 2 * c[1 + i];
}

/**
 * Solve `Σ_p c_p ℓ_q(G_p) = −ℓ_q(N) − ℓ_q(I)` for c (P×P, partial pivoting, `A` a scratch of
 * P·(P+1) entries). Returns false when the system is singular to working precision. O(P·size + P³).
 */
export function solveNormalization(
  normalization: (f: Vec, out: Vec) => void,
  fields: Vec[],
  reaction: Vec,
  diffusion: Vec,
  P: number,
  A: Float64Array,
  ell: Vec,
  c: Float64Array,
): boolean {
  const w = P + 1;
  for (let p = 0; p < P; p++) {
    normalization(fields[p], ell);
    for (let q = 0; q < P; q++) A[q * w + p] = ell[q];
  }
  normalization(reaction, ell);
  for (let q = 0; q < P; q++) A[q * w + P] = -ell[q];
  normalization(diffusion, ell);
  for (let q = 0; q < P; q++) A[q * w + P] -= ell[q];
  return solveSmallDenseUnchecked(P, A, c);
}
