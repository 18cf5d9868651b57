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
  let s = 0;
  for (let k = 0; k < nt; k++) s += wt[k] * Math.pow(measure.lpNorm(snapshot(u, k, measure.n), p), q);
  return Math.pow(s, 1 / q);
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
  let s = 0;
  for (let k = 0; k < nt; k++) {
    let e = 0;
    if (options.seminorm !== true) {
      const uk = snapshot(u, k, n);
      e += measure.inner(uk, uk);
    }
    for (let c = 0; c < derivatives.length; c++) {
      const dk = snapshot(derivatives[c], k, n);
      e += measure.inner(dk, dk);
    }
    s += wt[k] * e;
  }
  return Math.sqrt(s);
}
