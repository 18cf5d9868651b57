/**
 * The map between collision steps of the pinned-balls model and the time of the mean-field PDEs
 * (2.9)–(2.10), and the PDE speed λ of (2.8).
 *
 * One collision step advances PDE time by dτ = 2/((n−1)²(n−2)). Derivation: (2.6) reads
 * (n−2)·E[Δv] = (2/(n−1)²)·μ_zz − (1/(√π(n−1)))·σ_z + O(n⁻³) per step; multiplying by
 * (n−1)²(n−2)/2 gives μ_zz − λσ_z with λ = (n−1)/(2√π), i.e. (2.9); (2.7) → (2.10) likewise.
 * The factor (n−1)²(n−2)/2 is an integer for every n (one of n−1, n−2 is even), so the map is
 * exact integer arithmetic for n up to ≈ 2.6·10⁵.
 *
 * @module
 */
import { checkFinite, checkInteger } from '../../core/check';
import { InvalidArgumentError } from '../../core/errors';

/**
 * The smallest number of balls the models accept (a center with two neighbors plus one more ball).
 * @example
 * ```ts
 * pinnedBallsEnsemble({ n: MIN_BALLS, runs: 2, seed: 1 }, { saveAt: [1e-3] }); // the smallest system accepted
 * ```
 */
export const MIN_BALLS = 4;

/** Largest n for which (n−1)²(n−2)/2 is below 2⁵³, so that the step count per unit time is exact. */
const MAX_BALLS = 262145;

/** Validate a ball count n (an integer in [4, 262145]); returns n. */
export function checkBallCount(name: string, n: unknown): number {
  return checkInteger(name, n, MIN_BALLS, MAX_BALLS);
}

/**
 * Collision steps per unit of PDE time, K(n) = (n−1)²(n−2)/2 (an exact integer).
 *
 * For n = 1000, K = 499·998001 = 498,002,499. O(1).
 * @param n - number of balls, an integer ≥ 4
 * @example
 * ```ts
 * stepsPerUnitTime(1000); // 498002499
 * ```
 */
export function stepsPerUnitTime(n: number): number {
  checkBallCount('n', n);
  return ((n - 1) * (n - 1) * (n - 2)) / 2;
}

/**
 * The number of collision steps k = round(τ·(n−1)²(n−2)/2) that corresponds to PDE time τ
 * (spec: §0 item 1, derived from (2.6)–(2.10)).
 *
 * @param tau - PDE time, finite and ≥ 0
 * @param n - number of balls, an integer ≥ 4
 * @throws InvalidArgumentError for a negative or non-finite τ, or a bad n, or k ≥ 2⁵³
 * @example
 * ```ts
 * stepsForTau(1.20162e-4, 1000); // 59841 — the paper's "T" in collision steps
 * ```
 */
export function stepsForTau(tau: number, n: number): number {
  checkFinite('tau', tau);
  if (!(tau >= 0)) throw new InvalidArgumentError('tau', 'a finite number >= 0', tau);
  const k = Math.round(tau * stepsPerUnitTime(n));
  if (!Number.isSafeInteger(k)) throw new InvalidArgumentError('tau', `small enough that the step count is below 2^53 for n = ${n}`, tau);
  return k;
}

/**
 * The PDE time τ = 2k/((n−1)²(n−2)) reached after k collision steps (inverse of {@link stepsForTau}).
 *
 * @param k - number of collision steps, an integer ≥ 0
 * @param n - number of balls, an integer ≥ 4
 * @example
 * ```ts
 * tauForSteps(498002499, 1000); // 1
 * ```
 */
export function tauForSteps(k: number, n: number): number {
  checkInteger('k', k, 0);
  return k / stepsPerUnitTime(n);
}

/**
 * The speed λ = (n−1)/(2√π) of the mean-field PDEs (2.9)–(2.10) that match n balls ((2.8)).
 *
 * For n = 1000, λ ≈ 281.8127.
 * @param n - number of balls, an integer ≥ 4
 * @example
 * ```ts
 * lambdaForBalls(1000); // 281.81...
 * ```
 */
export function lambdaForBalls(n: number): number {
  checkBallCount('n', n);
  return (n - 1) / (2 * Math.sqrt(Math.PI));
}
