/**
 * Validated, serializable plans of pinned-balls Monte Carlo ensembles: R runs of n balls from the
 * initial profiles, observed at given PDE times mapped to collision steps by
 * k = round(τ·(n−1)²(n−2)/2) (`stepsForTau`).
 *
 * Runs are grouped into fixed blocks of `blockSize` consecutive run indices. Every statistic is
 * accumulated serially within a block and blocks are merged in block order, in one thread and
 * in workers alike; run r draws from stream r of the seed (`Rng.stream(seed, r)`). Hence results
 * depend on (options) only — never on the number of workers — bit for bit.
 *
 * @module
 */
import { checkInteger } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { Seed } from '../../random/seed';
import { seedState } from '../../random/seed';
import { ballCoordinates, initialProfiles, sampleProfiles, type InitialDataOptions, type Orientation } from './initialData';
import { checkBallCount, stepsForTau } from './timeMap';

/** Options of a pinned-balls ensemble. */
export interface PinnedBallsEnsembleOptions extends InitialDataOptions {
  /** Number of balls n, an integer ≥ 4. */
  n: number;
  /** Number of runs R, an integer ≥ 1. */
  runs: number;
  /** Master seed: run r uses stream r of it. */
  seed: Seed;
  /**
   * PDE output times τ ≥ 0, strictly increasing (an error otherwise, never sorted). The one-call
   * solver `pinnedBallsEnsemble` takes them as the run option `saveAt` instead.
   */
  times: ArrayLike<number>;
  /** Times (each one of `times`) at which every run's raw velocities are kept (R·n values each). */
  rawTimes?: ArrayLike<number>;
  /** Runs per reduction block (default 64; part of the definition of the result's last bits). */
  blockSize?: number;
}

/** A validated ensemble plan: plain data that can be sent to worker threads. */
export interface EnsemblePlan {
  /** Number of balls. */
  n: number;
  /** Number of runs. */
  runs: number;
  /** The master seed. */
  seed: Seed;
  /** Orientation label of the initial profiles (informative; the profiles are sampled below). */
  orientation: Orientation;
  /** Output times τ (strictly increasing). */
  times: number[];
  /** Collision steps of each output time, k_j = stepsForTau(times[j], n). */
  steps: number[];
  /** Indices j of the output times whose raw values are kept. */
  rawIndices: number[];
  /** Runs per block. */
  blockSize: number;
  /** Number of blocks, ⌈runs/blockSize⌉. */
  blockCount: number;
  /** Ball coordinates z_x = (x−1)/(n−1). */
  z: Float64Array;
  /** μ0 at the balls. */
  mean0: Float64Array;
  /** σ0 at the balls. */
  sigma0: Float64Array;
}

/** Largest number of raw velocities an ensemble may keep (8·10⁸ bytes). */
export const MAX_RAW_VALUES = 100_000_000;

/**
 * Validate ensemble options and build the plan: check and map the times (strictly increasing), sample
 * the profiles at the balls (rejecting profiles that return NaN, ±∞ or σ0 < 0). O(n + |times|).
 *
 * @throws InvalidArgumentError for n < 4, runs < 1, negative or non-finite times, raw times not
 *   among the output times, too many raw values, bad profiles; InvalidTypeError for wrong types
 * @example
 * ```ts
 * const plan = planPinnedBallsEnsemble({ n: 200, runs: 100, seed: 1, times: [1e-3, 2e-3], orientation: 'reversed' });
 * plan.steps; // [round(1e-3·199²·198/2), …]
 * ```
 */
export function planPinnedBallsEnsemble(options: PinnedBallsEnsembleOptions): EnsemblePlan {
  if (options === null || typeof options !== 'object') throw new InvalidTypeError('options', 'an object', options);
  const n = checkBallCount('n', options.n);
  const runs = checkInteger('runs', options.runs, 1);
  seedState(options.seed); // validates the seed
  const blockSize = checkInteger('blockSize', options.blockSize ?? 64, 1);
  const times = increasingTimes('times', options.times, 1);
  const steps = times.map((t) => stepsForTau(t, n));
  const rawIndices: number[] = [];
  if (options.rawTimes !== undefined) {
    for (const t of increasingTimes('rawTimes', options.rawTimes, 0)) {
      const j = times.indexOf(t);
      if (j < 0) throw new InvalidArgumentError('rawTimes', 'a subset of times', t);
      rawIndices.push(j);
    }
    if (rawIndices.length * runs * n > MAX_RAW_VALUES) {
      throw new InvalidArgumentError('rawTimes.length·runs·n', `at most ${MAX_RAW_VALUES}`, rawIndices.length * runs * n);
    }
  }
  const z = ballCoordinates(n);
  const profiles = sampleProfiles(z, initialProfiles(options));
  return {
    n,
    runs,
    seed: options.seed,
    orientation: options.orientation ?? 'asPrinted',
    times,
    steps,
    rawIndices,
    blockSize,
    blockCount: Math.ceil(runs / blockSize),
    z,
    mean0: profiles.mean,
    sigma0: profiles.sigma,
  };
}

/** The run indices [first, end) of block b of a plan. */
export function blockRuns(
  plan: EnsemblePlan,
  block: number,
): {
  /** Index of the first run of the block. */
  first: number;
  /** One past the index of the last run of the block (at most `plan.runs`). */
  end: number;
} {
  checkInteger('block', block, 0, plan.blockCount - 1);
  const first = block * plan.blockSize;
  return { first, end: Math.min(plan.runs, first + plan.blockSize) };
}

function increasingTimes(name: string, value: ArrayLike<number>, minLength: number): number[] {
  if (value === null || typeof value !== 'object' || typeof value.length !== 'number') throw new InvalidTypeError(name, 'an array of numbers', value);
  if (value.length < minLength) throw new InvalidArgumentError(`${name}.length`, `an integer >= ${minLength}`, value.length);
  const out: number[] = [];
  for (let j = 0; j < value.length; j++) {
    const t = value[j];
    if (typeof t !== 'number' || !(t >= 0 && t < Infinity)) throw new InvalidArgumentError(`${name}[${j}]`, 'a finite number >= 0', t);
    out.push(t);
  }
  for (let j = 1; j < out.length; j++) {
    if (!(out[j] > out[j - 1])) throw new InvalidArgumentError(`${name}[${j}]`, `strictly greater than ${name}[${j - 1}] = ${out[j - 1]} (times must be strictly increasing)`, out[j]);
  }
  return out;
}
