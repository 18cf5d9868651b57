/**
 * Space-time norms from stored snapshots u(·, t_k): quadrature in x (a {@link WeightedMeasure}) and
 * in t (trapezoid or Simpson on the possibly non-uniform snapshot times).
 *
 * @module
 */
import { checkInteger, checkOneOf, checkStrictlyIncreasing, checkVec } from '../core/check';
import { InvalidArgumentError } from '../core/errors';
import type { Vec } from '../core/types';
import { simpsonWeights } from './simpson';
import { trapezoidWeights } from './trapezoid';
import { checkExponent, type WeightedMeasure } from './weightedMeasure';
import { scaleByPow2 } from '../core/pow2';
import { fieldScale, maxAbsOnSupport, scaledInner } from './scaledSums';

/** Snapshots: one array per time, or one flat row-major array of shape [nt, n] (time slowest). */
export type Snapshots = readonly ArrayLike<number>[] | Vec;

/** Options of the space-time norms. */
export interface SpaceTimeOptions {
  /** Rule in time (default `'trapezoid'`; `'simpson'` is O(Δt⁴) for smooth-in-time data). */
  timeRule?: 'trapezoid' | 'simpson';
}

/** Snapshot k as an array view (no copy for flat storage). */
function snapshot(u: Snapshots, k: number, n: number): ArrayLike<number> {
  return u instanceof Float64Array ? u.subarray(k * n, (k + 1) * n) : u[k];
}

function checkSnapshots(name: string, u: Snapshots, nt: number, n: number): void {
  if (u instanceof Float64Array) {
    if (u.length !== nt * n) throw new InvalidArgumentError(`${name}.length`, `nt·n = ${nt}·${n} = ${nt * n}`, u.length);
    return;
  }
  if (!Array.isArray(u) || u.length !== nt) throw new InvalidArgumentError(`${name}.length`, `the number of times ${nt}`, (u as unknown[])?.length);
  for (let k = 0; k < nt; k++) if (u[k].length !== n) throw new InvalidArgumentError(`${name}[${k}].length`, `the measure size ${n}`, u[k].length);
}

function timeWeights(times: Vec, rule: 'trapezoid' | 'simpson'): Vec {
  return rule === 'simpson' ? simpsonWeights(times) : trapezoidWeights(times);
}

/**
 * Mixed space-time norm ‖u‖_{L^q(0,T; L^p(μ))} = (∫ ‖u(t)‖_{L^p(μ)}^q dt)^{1/q}, with q = p by default
 * (the plain L^p over x and t); q = Infinity gives max_k ‖u(t_k)‖_p. Time integral by the chosen rule
 * on the snapshot times (which need not be uniform). O(nt·n).
 *
 * @param u - snapshots u(·, t_k)
 * @param times - snapshot times, strictly increasing, ≥ 2
 * @param measure - spatial measure (grid weights, ρ, radial factor)
 * @param p - spatial exponent in [1, ∞] (default 2)
 * @param q - time exponent in [1, ∞] (default p)
 * @example
 * ```ts
 * const mu = new WeightedMeasure(x, simpsonWeights(x));
 * spaceTimeLpNorm(snaps, t, mu, 2);           // (∫∫ u² dx dt)^{1/2}
 * spaceTimeLpNorm(snaps, t, mu, 2, Infinity); // max_t ‖u(t)‖_2
 * ```
 */
export function spaceTimeLpNorm(u: Snapshots, times: Vec, measure: WeightedMeasure, p = 2, q = p, options: SpaceTimeOptions = {}): number {
  checkVec('times', times);
  checkStrictlyIncreasing('times', times, 2);
  checkExponent(p, 'p');
  checkExponent(q, 'q');
  const rule = checkOneOf('options.timeRule', options.timeRule ?? 'trapezoid', ['trapezoid', 'simpson'] as const);
  const nt = times.length;
  checkSnapshots('u', u, nt, measure.n);
  if (q === Infinity) {
    let m = 0;
    for (let k = 0; k < nt; k++) m = Math.max(m, measure.lpNorm(snapshot(u, k, measure.n), p));
    return m;
  }
  const wt = timeWeights(times, rule);
  // the spatial norms scaled by a power of two near their largest, so that their q-th powers neither
  // underflow nor overflow (bit-identical to the unscaled sum where that one is exact)
  const norms = new Float64Array(nt);
  for (let k = 0; k < nt; k++) norms[k] = measure.lpNorm(snapshot(u, k, measure.n), p);
  const scale = fieldScale(maxAbsOnSupport(wt, nt, norms, 1, 0));
  let s = 0;
  for (let k = 0; k < nt; k++) s += wt[k] * Math.pow(norms[k] * scale.u1 * scale.u2, q);
  return scaleByPow2(Math.pow(s, 1 / q), scale.exponent);
}

/**
 * Space-time H¹ norm from snapshots and their derivatives:
 * ‖u‖² = ∫_0^T (‖u(t)‖²_μ + Σ_c ‖D_c u(t)‖²_μ) dt, where each entry of `derivatives` is the snapshot
 * series of one derivative field D_c u (e.g. [u_x] in 1-D, [u_x, u_y] in 2-D: L²(0,T; H¹_x); add u_t
 * for the full space-time H¹). With `seminorm: true` the ‖u‖² term is dropped. O(nt·n·(1 + #derivatives)).
 *
 * @example
 * ```ts
 * spaceTimeH1Norm(snaps, [snapsX], t, mu);            // L²(0,T; H¹)
 * spaceTimeH1Norm(snaps, [snapsX, snapsT], t, mu);    // H¹ of the space-time cylinder
 * ```
 */
export function spaceTimeH1Norm(
  u: Snapshots,
  derivatives: readonly Snapshots[],
  times: Vec,
  measure: WeightedMeasure,
  options: SpaceTimeOptions & { seminorm?: boolean } = {},
): number {
  checkVec('times', times);
  checkStrictlyIncreasing('times', times, 2);
  const rule = checkOneOf('options.timeRule', options.timeRule ?? 'trapezoid', ['trapezoid', 'simpson'] as const);
  const nt = times.length;
  const n = measure.n;
  checkSnapshots('u', u, nt, n);
  if (!Array.isArray(derivatives)) throw new InvalidArgumentError('derivatives', 'an array of snapshot series', derivatives);
  checkInteger('derivatives.length', derivatives.length, options.seminorm === true ? 1 : 0);
  derivatives.forEach((d, c) => checkSnapshots(`derivatives[${c}]`, d, nt, n));
  const wt = timeWeights(times, rule);
  // every field scaled by one power of two near the largest value (squares of fields of size 1e−160
  // or 1e160 would underflow or overflow; bit-identical to the unscaled sums where those are exact)
  const c = measure.weights;
  const fields = (k: number): ArrayLike<number>[] => [...(options.seminorm === true ? [] : [snapshot(u, k, n)]), ...derivatives.map((d) => snapshot(d, k, n))];
  let m = 0;
  for (let k = 0; k < nt; k++) {
    if (wt[k] === 0) continue;
    for (const f of fields(k)) {
      const mf = maxAbsOnSupport(c, n, f, 1, 0);
      if (!(mf <= m) && !Number.isNaN(m)) m = mf; // NaN stays NaN
    }
  }
  const scale = fieldScale(m);
  let s = 0;
  for (let k = 0; k < nt; k++) {
    let e = 0;
    for (const f of fields(k)) e += scaledInner(c, n, f, f, scale);
    s += wt[k] * e;
  }
  return scaleByPow2(Math.sqrt(s), scale.exponent);
}
