/**
 * Resampling of collocation points (thesis Appendix B.4): uniform points in axis-aligned boxes,
 * in mixtures of boxes (each point picks a box with the given probabilities) and on the sides of a
 * box. Points are written row-major (point i, coordinate d at out[i·dim + d]).
 *
 * @module
 */
import { checkFinite, checkInteger, checkPositive } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import { Rng } from './rng';

/**
 * An axis-aligned box [lo_d, hi_d] per coordinate.
 * @example
 * ```ts
 * const box: Box = { lo: [0, 0], hi: [30, 30] };
 * ```
 */
export interface Box {
  /** Lower corner. */
  lo: readonly number[];
  /** Upper corner (hi_d ≥ lo_d). */
  hi: readonly number[];
}

function checkBox(name: string, box: unknown, dim?: number): Box {
  if (box === null || typeof box !== 'object' || !Array.isArray((box as Box).lo) || !Array.isArray((box as Box).hi)) {
    throw new InvalidTypeError(name, 'a box {lo: number[], hi: number[]}', box);
  }
  const b = box as Box;
  if (b.lo.length < 1 || b.lo.length !== b.hi.length || (dim !== undefined && b.lo.length !== dim)) {
    throw new InvalidArgumentError(`${name}.hi.length`, `the dimension ${dim ?? b.lo.length} of ${name}.lo`, b.hi.length);
  }
  for (let d = 0; d < b.lo.length; d++) {
    const lo = checkFinite(`${name}.lo[${d}]`, b.lo[d]);
    const hi = checkFinite(`${name}.hi[${d}]`, b.hi[d]);
    if (!(hi >= lo)) throw new InvalidArgumentError(`${name}.hi[${d}]`, `a number >= lo[${d}] = ${lo}`, hi);
  }
  return b;
}

function output(n: number, dim: number, out?: Float64Array): Float64Array {
  if (out === undefined) return new Float64Array(n * dim);
  if (!(out instanceof Float64Array) || out.length < n * dim) throw new InvalidTypeError('out', `a Float64Array of length >= ${n * dim}`, out);
  return out;
}

/**
 * n points uniform in a box. Draws n·dim uniforms in point order. O(n·dim).
 * @example
 * ```ts
 * const z = sampleBox(new Rng(0), { lo: [0], hi: [30] }, 10000);
 * ```
 */
export function sampleBox(rng: Rng, box: Box, n: number, out?: Float64Array): Float64Array {
  if (!(rng instanceof Rng)) throw new InvalidTypeError('rng', 'an Rng', rng);
  checkBox('box', box);
  checkInteger('n', n, 1);
  const dim = box.lo.length;
  const x = output(n, dim, out);
  for (let i = 0; i < n; i++) for (let d = 0; d < dim; d++) x[i * dim + d] = box.lo[d] + (box.hi[d] - box.lo[d]) * rng.uniform();
  return x;
}

/**
 * n points from a mixture of boxes: each point first picks box k with probability
 * weights[k]/Σweights (one uniform), then is uniform in it. Thesis B.4 (Boussinesq): interior points
 * with probability ½ in [0,30]² or [0,5]². O(n·(dim + boxes)).
 * @example
 * ```ts
 * const pts = sampleBoxMixture(rng, [{ lo: [0, 0], hi: [30, 30] }, { lo: [0, 0], hi: [5, 5] }], [1, 1], 5000);
 * ```
 */
export function sampleBoxMixture(rng: Rng, boxes: readonly Box[], weights: readonly number[], n: number, out?: Float64Array): Float64Array {
  if (!(rng instanceof Rng)) throw new InvalidTypeError('rng', 'an Rng', rng);
  if (!Array.isArray(boxes) || boxes.length < 1) throw new InvalidTypeError('boxes', 'a non-empty array of boxes', boxes);
  const dim = checkBox('boxes[0]', boxes[0]).lo.length;
  boxes.forEach((b, k) => checkBox(`boxes[${k}]`, b, dim));
  if (!Array.isArray(weights) || weights.length !== boxes.length) throw new InvalidArgumentError('weights.length', `the number of boxes ${boxes.length}`, Array.isArray(weights) ? weights.length : weights);
  let total = 0;
  weights.forEach((w, k) => (total += checkPositive(`weights[${k}]`, w)));
  checkInteger('n', n, 1);
  const x = output(n, dim, out);
  for (let i = 0; i < n; i++) {
    const u = rng.uniform() * total;
    let k = 0;
    for (let acc = weights[0]; k + 1 < boxes.length && u >= acc; ) acc += weights[++k];
    const b = boxes[k];
    for (let d = 0; d < dim; d++) x[i * dim + d] = b.lo[d] + (b.hi[d] - b.lo[d]) * rng.uniform();
  }
  return x;
}

/**
 * n points uniform on one side of a box: coordinate `axis` fixed at lo (end 'lo') or hi (end 'hi'),
 * the others uniform. Thesis B.4: 1000 points on each side of [0,30]². O(n·dim).
 * @example
 * ```ts
 * const top = sampleBoxSide(rng, { lo: [0, 0], hi: [30, 30] }, 1, 'hi', 1000); // z2 = 30
 * ```
 */
export function sampleBoxSide(rng: Rng, box: Box, axis: number, end: 'lo' | 'hi', n: number, out?: Float64Array): Float64Array {
  if (!(rng instanceof Rng)) throw new InvalidTypeError('rng', 'an Rng', rng);
  checkBox('box', box);
  const dim = box.lo.length;
  checkInteger('axis', axis, 0, dim - 1);
  if (end !== 'lo' && end !== 'hi') throw new InvalidArgumentError('end', "'lo' or 'hi'", end);
  checkInteger('n', n, 1);
  const x = output(n, dim, out);
  const fixed = end === 'lo' ? box.lo[axis] : box.hi[axis];
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < dim; d++) x[i * dim + d] = d === axis ? fixed : box.lo[d] + (box.hi[d] - box.lo[d]) * rng.uniform();
  }
  return x;
}
