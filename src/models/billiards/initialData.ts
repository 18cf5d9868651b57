/**
 * Initial data of the billiards model: the mean and standard-deviation profiles μ0(z), σ0(z) on
 * z ∈ [0, 1], Section 3's profiles with an `orientation` switch, their evaluation on a lattice with
 * validation, and the draw v(x, 0) = μ0(z_x) + σ0(z_x)·ξ_x of the ball velocities.
 *
 * Orientation: the printed μ0 = erf(27(z−½)³) is increasing, i.e. already sorted, and nothing
 * freezes; `'reversed'` uses −μ0 (decreasing, unsorted), which performs the sort-and-freeze
 * the paper describes. σ0 is the same in both orientations.
 *
 * @module
 */
import { checkAllFinite, checkFinite, checkFunction, checkOneOf } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { RandomSource } from '../../core/types';
import { erf } from '../../special/index';
import { checkBallCount } from './timeMap';

/**
 * Which way the Section 3 mean profile runs: as printed (increasing, sorted) or reversed (−μ0).
 * @example
 * ```ts
 * const orientation: Orientation = 'reversed'; // the printed mean negated: sorts, then freezes
 * initialProfiles({ orientation });
 * ```
 */
export type Orientation = 'asPrinted' | 'reversed';

/**
 * The accepted values of {@link Orientation}.
 * @example
 * ```ts
 * for (const orientation of ORIENTATIONS) initialProfiles({ orientation });
 * ```
 */
export const ORIENTATIONS: readonly Orientation[] = ['asPrinted', 'reversed'];

/** Initial mean and standard-deviation profiles on z ∈ [0, 1] (velocity units). */
export interface InitialProfiles {
  /** μ0(z): the initial mean velocity at z ∈ [0, 1]. */
  mean: (z: number) => number;
  /** σ0(z) ≥ 0: the initial standard deviation at z ∈ [0, 1]. */
  sigma: (z: number) => number;
}

/**
 * Options selecting initial profiles: user profiles (either may be omitted) and an orientation.
 * @example
 * ```ts
 * const options: InitialDataOptions = { mean: (z) => Math.sin(Math.PI * z), sigma: () => 1e-3 };
 * initialProfiles(options);
 * ```
 */
export interface InitialDataOptions {
  /** μ0(z); default Section 3's erf(27(z−½)³). */
  mean?: (z: number) => number;
  /** σ0(z); default Section 3's (1 − cos 2πz)/1000. */
  sigma?: (z: number) => number;
  /** `'reversed'` negates the mean profile (default `'asPrinted'`). */
  orientation?: Orientation;
}

/**
 * Section 3's initial mean μ0(z) = erf(27(z − ½)³) (source, Section 3), in the printed orientation.
 * @example
 * ```ts
 * section3Mean(0.5); // 0
 * ```
 */
export function section3Mean(z: number): number {
  checkFinite('z', z);
  const s = z - 0.5;
  return erf(27 * s * s * s);
}

/**
 * Section 3's initial standard deviation σ0(z) = (1 − cos 2πz)/1000 (source, Section 3).
 * @example
 * ```ts
 * section3Sigma(0.5); // 0.002
 * ```
 */
export function section3Sigma(z: number): number {
  checkFinite('z', z);
  return (1 - Math.cos(2 * Math.PI * z)) / 1000;
}

function negatedSection3Mean(z: number): number {
  return -section3Mean(z);
}

/**
 * Resolve initial profiles: the user's μ0/σ0 where given, Section 3's otherwise; with
 * `orientation: 'reversed'` the mean profile is negated (μ0 → −μ0).
 *
 * @throws InvalidTypeError when a profile is not a function; InvalidArgumentError for an unknown orientation
 * @example
 * ```ts
 * const p = initialProfiles({ orientation: 'reversed' });
 * p.mean(0); // ≈ +1: decreasing, unsorted
 * ```
 */
export function initialProfiles(options: InitialDataOptions = {}): InitialProfiles {
  const orientation = checkOneOf('orientation', options.orientation ?? 'asPrinted', ORIENTATIONS);
  if (options.mean !== undefined) checkFunction('mean', options.mean);
  if (options.sigma !== undefined) checkFunction('sigma', options.sigma);
  const sigma = options.sigma ?? section3Sigma;
  if (options.mean === undefined) {
    return { mean: orientation === 'reversed' ? negatedSection3Mean : section3Mean, sigma };
  }
  const userMean = options.mean;
  return { mean: orientation === 'reversed' ? (z: number) => -userMean(z) : userMean, sigma };
}

/**
 * The continuum coordinates of the balls, z_x = (x − 1)/(n − 1), x = 1..n (source, Section 2.2).
 * @param n - number of balls, an integer ≥ 4
 * @example
 * ```ts
 * ballCoordinates(5); // [0, 0.25, 0.5, 0.75, 1]
 * ```
 */
export function ballCoordinates(n: number, outArg?: Float64Array): Float64Array {
  checkBallCount('n', n);
  const out = outArg ?? new Float64Array(n);
  if (!(out instanceof Float64Array) || out.length !== n) throw new InvalidTypeError('out', `a Float64Array of length ${n}`, out);
  for (let i = 0; i < n; i++) out[i] = i / (n - 1);
  out[n - 1] = 1;
  return out;
}

/** The profiles evaluated at points z: mean μ0(z_i) and standard deviation σ0(z_i). */
export interface SampledProfiles {
  /** μ0 at each point. */
  mean: Float64Array;
  /** σ0 ≥ 0 at each point. */
  sigma: Float64Array;
}

/**
 * Evaluate and validate profiles at the points z (ball lattice or PDE grid). O(len z) profile calls.
 *
 * @throws InvalidArgumentError naming the first point where μ0 is not finite or σ0 is not a
 *   finite number ≥ 0 (e.g. a profile returning NaN), before any simulation starts
 * @example
 * ```ts
 * const { mean, sigma } = sampleProfiles(ballCoordinates(1000), initialProfiles());
 * ```
 */
export function sampleProfiles(
  z: Float64Array,
  profiles: InitialProfiles,
  out: SampledProfiles = { mean: new Float64Array(z.length), sigma: new Float64Array(z.length) },
): SampledProfiles {
  if (!(z instanceof Float64Array)) throw new InvalidTypeError('z', 'a Float64Array', z);
  if (profiles === null || typeof profiles !== 'object') throw new InvalidTypeError('profiles', 'an object { mean, sigma }', profiles);
  checkFunction('profiles.mean', profiles.mean);
  checkFunction('profiles.sigma', profiles.sigma);
  for (const key of ['mean', 'sigma'] as const) {
    const a = out[key];
    if (!(a instanceof Float64Array) || a.length !== z.length) throw new InvalidTypeError(`out.${key}`, `a Float64Array of length ${z.length}`, a);
  }
  for (let i = 0; i < z.length; i++) {
    const m = profiles.mean(z[i]);
    const s = profiles.sigma(z[i]);
    if (typeof m !== 'number' || !Number.isFinite(m)) throw new InvalidArgumentError(`mean(${z[i]})`, 'a finite number', m);
    if (typeof s !== 'number' || !(s >= 0 && s < Infinity)) throw new InvalidArgumentError(`sigma(${z[i]})`, 'a finite number >= 0', s);
    out.mean[i] = m;
    out.sigma[i] = s;
  }
  return out;
}

/**
 * Draw ball velocities v_i = mean_i + sigma_i·ξ_i with ξ_i i.i.d. N(0, 1) from `rng`
 * (source, Section 3: the profiles "rescaled from [0, 1] to [1, 1000]"). O(n) normals.
 *
 * @param mean - μ0 at the balls (from {@link sampleProfiles})
 * @param sigma - σ0 at the balls, same length
 * @param rng - the run's random source; consumes exactly one `normal()` per ball, in ball order
 * @example
 * ```ts
 * const p = sampleProfiles(ballCoordinates(100), initialProfiles());
 * const v = drawInitialVelocities(p.mean, p.sigma, new Rng(1));
 * ```
 */
export function drawInitialVelocities(
  mean: Float64Array,
  sigma: Float64Array,
  rng: RandomSource,
  outArg?: Float64Array,
): Float64Array {
  if (!(mean instanceof Float64Array)) throw new InvalidTypeError('mean', 'a Float64Array', mean);
  const n = mean.length;
  const out = outArg ?? new Float64Array(n);
  if (rng === null || typeof rng !== 'object' || typeof rng.normal !== 'function') throw new InvalidTypeError('rng', 'a RandomSource (with normal())', rng);
  checkAllFinite('mean', mean);
  if (!(sigma instanceof Float64Array) || sigma.length !== n) throw new InvalidTypeError('sigma', `a Float64Array of length ${n}`, sigma);
  if (!(out instanceof Float64Array) || out.length !== n) throw new InvalidTypeError('out', `a Float64Array of length ${n}`, out);
  checkAllFinite('sigma', sigma);
  for (let i = 0; i < n; i++) out[i] = mean[i] + sigma[i] * rng.normal();
  return out;
}
