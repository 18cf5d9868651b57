/**
 * Sup norms and weighted Sobolev (H^k) norms built on {@link WeightedMeasure}.
 *
 * @module
 */
import { checkFunction, checkInteger, checkVec } from '../core/check';
import { InvalidArgumentError } from '../core/errors';
import type { Vec } from '../core/types';
import type { WeightedMeasure } from './weightedMeasure';
import { scaleByPow2 } from '../core/pow2';
import { fieldScale, maxAbsOnSupport, scaledInner } from './scaledSums';

/**
 * max_{i<n} |f[offset + i·stride]| (strided; NaN entries propagate as NaN). O(n).
 *
 * @param f - values
 * @param n - number of entries (default all of `f` from `offset` with `stride`)
 * @param stride - stride (default 1)
 * @param offset - offset (default 0)
 * @example
 * ```ts
 * supNorm(new Float64Array([1, -3, 2])); // 3
 * ```
 */
export function supNorm(f: ArrayLike<number>, n?: number, stride = 1, offset = 0): number {
  checkInteger('stride', stride, 1);
  checkInteger('offset', offset, 0);
  const count = n ?? Math.max(0, Math.ceil((f.length - offset) / stride));
  checkInteger('n', count, 0, Math.max(0, Math.ceil((f.length - offset) / stride)));
  let m = 0;
  for (let i = 0, j = offset; i < count; i++, j += stride) {
    const a = Math.abs(f[j]);
    if (!(a <= m)) m = a; // also propagates NaN
  }
  return m;
}

/**
 * Weighted sup norm max_i |f_i|·ρ_i (ρ ≥ 0 given at the nodes; entries with ρ_i = 0 are ignored, so a
 * singular weight can be skipped at 0 by setting it to 0). O(n).
 *
 * @example
 * ```ts
 * weightedSupNorm(u, rhoAtNodes);
 * ```
 */
export function weightedSupNorm(f: ArrayLike<number>, weight: Vec): number {
  checkVec('weight', weight, f.length);
  let m = 0;
  for (let i = 0; i < f.length; i++) {
    if (weight[i] === 0) continue;
    const a = Math.abs(f[i]) * weight[i];
    if (!(a <= m)) m = a;
  }
  return m;
}

/**
 * Weighted H^k norm (Σ_{j=0}^{k} ‖u^{(j)}‖²_{L²(μ_j)})^{1/2} from supplied derivative arrays
 * `derivatives[j] = u^{(j)}` at the nodes (for several dimensions pass any list of derivative fields,
 * e.g. all ∂^β u with |β| ≤ k). `measures` is one measure for all orders or one per entry (e.g. the
 * blowup weights ρ_k = 1 + 10^{−3k}|z|^{2k+1−n}). With `seminorm: true` only the last entry counts
 * (‖∇^k u‖_{ρ_k}). Fields of any representable size give their norm (computed on the fields scaled
 * by one power of two near their largest value). O(k·n).
 *
 * @example
 * ```ts
 * const h1 = weightedHkNorm([u, ux], mu);                    // (‖u‖² + ‖u′‖²)^{1/2}
 * const top = weightedHkNorm([u, ux, uxx], [mu0, mu1, mu2], { seminorm: true });
 * ```
 */
export function weightedHkNorm(derivatives: readonly ArrayLike<number>[], measures: WeightedMeasure | readonly WeightedMeasure[], options: { seminorm?: boolean } = {}): number {
  if (!Array.isArray(derivatives) || derivatives.length === 0) throw new InvalidArgumentError('derivatives.length', 'an integer >= 1', (derivatives as unknown[])?.length);
  const list = Array.isArray(measures) ? (measures as readonly WeightedMeasure[]) : null;
  if (list !== null && list.length !== derivatives.length) {
    throw new InvalidArgumentError('measures.length', `equal to derivatives.length = ${derivatives.length}`, list.length);
  }
  const first = options.seminorm === true ? derivatives.length - 1 : 0;
  const measureOf = (j: number): WeightedMeasure => (list === null ? (measures as WeightedMeasure) : list[j]);
  let m = 0;
  for (let j = first; j < derivatives.length; j++) {
    const mu = measureOf(j);
    const dj = derivatives[j];
    if (dj.length !== mu.n) throw new InvalidArgumentError(`derivatives[${j}].length`, `equal to the measure size ${mu.n}`, dj.length);
    const mj = maxAbsOnSupport(mu.weights, mu.n, dj, 1, 0);
    if (!(mj <= m) && !Number.isNaN(m)) m = mj; // NaN stays NaN
  }
  // all fields scaled by one power of two near the largest value, so that squares of fields of size
  // 1e−160 or 1e160 neither underflow nor overflow (bit-identical to the unscaled sum where it is exact)
  const scale = fieldScale(m);
  let sum = 0;
  for (let j = first; j < derivatives.length; j++) {
    const mu = measureOf(j);
    sum += scaledInner(mu.weights, mu.n, derivatives[j], derivatives[j], scale);
  }
  return scaleByPow2(Math.sqrt(sum), scale.exponent);
}

/**
 * Weighted H^k norm where the derivatives come from a differentiation callback
 * `differentiate(f, out)` (writes f′ at the nodes into `out`, e.g. a spline differentiator built on the
 * same grid), applied k times. Allocates k arrays once per call. O(k·(n + cost of differentiate)).
 *
 * @example
 * ```ts
 * const h2 = weightedHkNormByDifferentiation(u, 2, (f, out) => spline.derivative(f, out), mu);
 * ```
 */
export function weightedHkNormByDifferentiation(
  u: Vec,
  k: number,
  differentiate: (f: Vec, out: Vec) => void,
  measures: WeightedMeasure | readonly WeightedMeasure[],
  options: { seminorm?: boolean } = {},
): number {
  checkVec('u', u);
  checkInteger('k', k, 0, 64);
  checkFunction('differentiate', differentiate);
  const derivatives: Vec[] = [u];
  for (let j = 1; j <= k; j++) {
    const next = new Float64Array(u.length);
    differentiate(derivatives[j - 1], next);
    derivatives.push(next);
  }
  return weightedHkNorm(derivatives, measures, options);
}
