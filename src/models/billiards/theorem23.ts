/**
 * Theorem 2.3 (one-step expectations (2.6)–(2.7)) made checkable: the exact one-step moments of
 * the pinned-balls step under the modulated-white-noise ansatz (2.5), compared with the
 * theorem's right-hand sides for given smooth profiles μ̃, σ̃.
 *
 * Exact reduction (proof of Theorem 2.3, valid for interior balls 3 ≤ x ≤ n − 2, docs/billiards.md item 3):
 * ```
 * (n−2)·E[v(x,t+1) − v(x,t)]   = S[μ]/3       + (√3/(2π))·(E r(x−1) − E r(x+1))            (5.5), (5.13)
 * (n−2)·E[v(x,t+1)² − v(x,t)²] = S[μ² + σ²]/3 + (√3/π)·(E[a r](x−1) − E[a r](x+1))          (5.6), (5.15)
 * ```
 * with the 5-point stencil S[f] = f(x−2) + 2f(x−1) − 6f(x) + 2f(x+1) + f(x+2) ((5.1); in (5.2)/(5.6)
 * the printed last term μ(x, t+1)² is a typo for μ(x+2, t)²) and E r, E[a r] over the normal
 * triples centered at x ∓ 1 ((5.16)–(5.24); the printed arguments t − 1 in (5.24) are a typo for t),
 * computed by {@link tripleRadiusMoments}. The theorem states that these equal
 * ```
 * −σ̃_z/(√π(n−1)) + 2μ̃_zz/(n−1)²                                        (2.6)
 * −2(μσ̃_z + σμ̃_z)/(√π(n−1)) + 2(μ̃² + σ̃²)_zz/(n−1)²                    (2.7)
 * ```
 * up to O(n⁻³). The last line of the proof of (2.7) has `σμ̃_z − μσ̃_z`; that sign is a typo (the
 * line before has −(δ₁+δ₃)σ − (δ₂+δ₄)μ) and gives an O(1/n) error; it is returned as
 * `theoremSquareProofSign` so the difference can be seen.
 *
 * @module
 */
import { checkFunction, checkInteger } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { polarRule, tripleRadiusMoments, type PolarRule } from './theorem23Gaussian';
import { checkBallCount } from './timeMap';

/** A smooth profile on z ∈ [0, 1] with its first two derivatives. */
export interface SmoothProfile {
  /** f(z). */
  value: (z: number) => number;
  /** f′(z). */
  first: (z: number) => number;
  /** f″(z). */
  second: (z: number) => number;
}

/** Input of {@link theorem23OneStep}. */
export interface Theorem23Input {
  /** Number of balls n ≥ 5. */
  n: number;
  /** Ball index x (1-based) with 3 ≤ x ≤ n − 2. */
  x: number;
  /** μ̃ with derivatives. */
  mean: SmoothProfile;
  /** σ̃ > 0 with derivatives. */
  sigma: SmoothProfile;
  /** Polar quadrature rule (default `polarRule(64, 64)`). */
  rule?: PolarRule;
}

/** Output of {@link theorem23OneStep}: both sides of (2.6)–(2.7) and their differences. */
export interface Theorem23Result {
  /** (n−2)·E[Δv] from the exact reduction (5.5) + (5.13). */
  exactMean: number;
  /** (n−2)·E[Δ(v²)] from the exact reduction (5.6) + (5.15). */
  exactSquare: number;
  /** Right-hand side of (2.6) without the O(n⁻³) term. */
  theoremMean: number;
  /** Right-hand side of (2.7) without the O(n⁻³) term. */
  theoremSquare: number;
  /** The proof's last line of (2.7) (sign typo σμ̃_z − μσ̃_z). */
  theoremSquareProofSign: number;
  /** exactMean − theoremMean: O(n⁻³) by Theorem 2.3. */
  errorMean: number;
  /** exactSquare − theoremSquare: O(n⁻³) by Theorem 2.3. */
  errorSquare: number;
  /** exactSquare − theoremSquareProofSign: O(1/n). */
  errorSquareProofSign: number;
}

function checkProfile(name: string, p: SmoothProfile): void {
  if (p === null || typeof p !== 'object') throw new InvalidTypeError(name, 'an object { value, first, second }', p);
  checkFunction(`${name}.value`, p.value);
  checkFunction(`${name}.first`, p.first);
  checkFunction(`${name}.second`, p.second);
}

function finite(name: string, v: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidArgumentError(name, 'a finite number', v);
  return v;
}

/**
 * Both sides of Theorem 2.3 at ball x for the modulated white noise v(y) = μ̃(z_y) + σ̃(z_y)ξ_y,
 * z_y = (y − 1)/(n − 1) (see module notes for the formulas). The difference `errorMean`,
 * `errorSquare` falls like n⁻³ (8× per doubling of n − 1) for C³ profiles.
 * Cost: four triple integrals of 64 × 64 Gaussian evaluations (default rule).
 *
 * @throws InvalidArgumentError for n < 5, x outside [3, n − 2], non-finite profile values or σ̃ ≤ 0
 * @example
 * ```ts
 * const mean = { value: (z) => Math.sin(z), first: Math.cos, second: (z) => -Math.sin(z) };
 * const sigma = { value: () => 0.5, first: () => 0, second: () => 0 };
 * const r = theorem23OneStep({ n: 101, x: 31, mean, sigma });
 * r.errorMean; // O(n⁻³)
 * ```
 */
export function theorem23OneStep(input: Theorem23Input): Theorem23Result {
  if (input === null || typeof input !== 'object') throw new InvalidTypeError('input', 'an object { n, x, mean, sigma }', input);
  const n = checkBallCount('n', input.n);
  if (n < 5) throw new InvalidArgumentError('n', 'an integer >= 5 (an interior ball needs two neighbors on each side)', n);
  const x = checkInteger('x', input.x, 3, n - 2);
  checkProfile('mean', input.mean);
  checkProfile('sigma', input.sigma);
  const rule = input.rule ?? polarRule();
  const h = 1 / (n - 1);
  const mu = new Float64Array(5);
  const sg = new Float64Array(5);
  for (let k = 0; k < 5; k++) {
    const z = (x - 3 + k) * h; // balls x−2 … x+2
    mu[k] = finite(`mean.value(${z})`, input.mean.value(z));
    sg[k] = finite(`sigma.value(${z})`, input.sigma.value(z));
  }
  const left = tripleRadiusMoments(mu.subarray(0, 3), sg.subarray(0, 3), rule);
  const right = tripleRadiusMoments(mu.subarray(2, 5), sg.subarray(2, 5), rule);
  const stencil = (f: (k: number) => number): number => (f(0) + 2 * f(1) - 6 * f(2) + 2 * f(3) + f(4)) / 3;
  const exactMean = stencil((k) => mu[k]) + (Math.sqrt(3) / (2 * Math.PI)) * (left.meanRadius - right.meanRadius);
  const exactSquare =
    stencil((k) => mu[k] * mu[k] + sg[k] * sg[k]) + (Math.sqrt(3) / Math.PI) * (left.meanCenterTimesRadius - right.meanCenterTimesRadius);
  const z = (x - 1) * h;
  const m = mu[2];
  const s = sg[2];
  const m1 = finite(`mean.first(${z})`, input.mean.first(z));
  const m2 = finite(`mean.second(${z})`, input.mean.second(z));
  const s1 = finite(`sigma.first(${z})`, input.sigma.first(z));
  const s2 = finite(`sigma.second(${z})`, input.sigma.second(z));
  const c1 = 1 / (Math.sqrt(Math.PI) * (n - 1));
  const c2 = 2 / ((n - 1) * (n - 1));
  const energySecond = 2 * (m1 * m1 + m * m2 + s1 * s1 + s * s2); // (μ̃² + σ̃²)_zz
  const theoremMean = -c1 * s1 + c2 * m2;
  const theoremSquare = -2 * c1 * (m * s1 + s * m1) + c2 * energySecond;
  const theoremSquareProofSign = -2 * c1 * (s * m1 - m * s1) + c2 * energySecond;
  return {
    exactMean,
    exactSquare,
    theoremMean,
    theoremSquare,
    theoremSquareProofSign,
    errorMean: exactMean - theoremMean,
    errorSquare: exactSquare - theoremSquare,
    errorSquareProofSign: exactSquare - theoremSquareProofSign,
  };
}

export { polarRule, tripleRadiusMoments, type PolarRule, type TripleRadiusMoments } from './theorem23Gaussian';
