/**
 * One collision of the pinned-balls model (source, Steps 2.1–2.2): the energy exchange of a
 * triple of neighboring balls followed by the ordering of one of its two pairs.
 *
 * The deterministic part takes its random inputs explicitly (center c, the angle as cos φ, sin φ,
 * and κ = ±1), so that tests can drive it with chosen or mirrored draws; {@link pinnedBallsStep}
 * draws them from an `Rng` in the library's fixed order (center, κ, angle), the same order the
 * fast multi-step kernel `pinnedBallsSteps` uses.
 *
 * @module
 */
import { checkFinite, checkInteger } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { uniformAngleCosSin } from '../../random/diskAngle';
import { lemireInteger } from '../../random/lemireInteger';
import type { Rng } from '../../random/rng';
import { checkBallCount } from './timeMap';

/** √3/2, the weight of cos φ in the 2nd and 3rd points of the circle parametrization. */
export const HALF_SQRT3 = 0.8660254037844386;
/** 2/3, the factor of the deviation radius r = √((2/3)Σd²) ((5.10)). */
const TWO_THIRDS = 2 / 3;

/**
 * Step 2.1 (source (2.3)–(2.4)): replace (v[c−1], v[c], v[c+1]) by the point of angle φ on the
 * circle {Σ = S, Σ² = Q} through the triple, parametrized as in (5.10)–(5.11):
 *
 *   a = (v₀+v₁+v₂)/3, d_k = v_k − a, r = √((2/3)(d₀²+d₁²+d₂²)),
 *   v₀' = a + r sin φ, v₁' = a + r sin(φ + 2π/3), v₂' = a + r sin(φ + 4π/3).
 *
 * The three sines sum to 0 and their squares to 3/2, so Σv and Σv² are preserved (to round-off);
 * the curve has constant speed r√(3/2), so a uniform φ is a uniform point in arc length. The
 * radius is computed from the deviations d_k, which avoids the cancellation of S²/3 − Q in (5.11).
 * O(1), no allocation.
 *
 * @param v - velocities (modified in place)
 * @param c - 0-based center index in [1, n − 2]
 * @param cosPhi - cos φ
 * @param sinPhi - sin φ
 * @example
 * ```ts
 * const v = new Float64Array([1, 0, -1, 2]);
 * energyExchange(v, 1, 1, 0); // φ = π/2: v[0..2] = a + r·(0, √3/2, −√3/2)
 * ```
 */
export function energyExchange(v: Float64Array, c: number, cosPhi: number, sinPhi: number): Float64Array {
  checkTriple(v, c, cosPhi, sinPhi);
  return exchangeUnchecked(v, c, cosPhi, sinPhi);
}

/**
 * Validate the arguments of a collision on the triple centered at c: a Float64Array of length
 * ≥ 3, an integer center in [1, n − 2], finite velocities on the triple and a finite unit vector
 * (cos φ, sin φ) (|cos²φ + sin²φ − 1| ≤ 1e-9).
 */
function checkTriple(v: Float64Array, c: number, cosPhi: number, sinPhi: number): void {
  if (!(v instanceof Float64Array)) throw new InvalidTypeError('v', 'a Float64Array', v);
  if (v.length < 3) throw new InvalidArgumentError('v.length', 'an integer >= 3', v.length);
  checkInteger('c', c, 1, v.length - 2);
  for (let k = c - 1; k <= c + 1; k++) checkFinite(`v[${k}]`, v[k]);
  checkFinite('cosPhi', cosPhi);
  checkFinite('sinPhi', sinPhi);
  const norm = cosPhi * cosPhi + sinPhi * sinPhi;
  if (!(Math.abs(norm - 1) <= 1e-9)) throw new InvalidArgumentError('cosPhi² + sinPhi²', '1 (a point on the unit circle)', norm);
}

function exchangeUnchecked(v: Float64Array, c: number, cosPhi: number, sinPhi: number): Float64Array {
  const v0 = v[c - 1];
  const v1 = v[c];
  const v2 = v[c + 1];
  const a = (v0 + v1 + v2) / 3;
  const d0 = v0 - a;
  const d1 = v1 - a;
  const d2 = v2 - a;
  const r = Math.sqrt(TWO_THIRDS * (d0 * d0 + d1 * d1 + d2 * d2));
  if (r === 0) return v; // a single point: nothing to exchange (and no round-off on a)
  const rs = r * sinPhi;
  const rc = HALF_SQRT3 * r * cosPhi;
  const h = a - 0.5 * rs;
  v[c - 1] = a + rs;
  v[c] = h + rc;
  v[c + 1] = h - rc;
  return v;
}

/**
 * Step 2.2 (the paper, §2, Step 2.2): sort the pair (v[left], v[left+1]) ascending (smaller velocity
 * to the left). κ = −1 orders (c−1, c), κ = +1 orders (c, c+1). O(1).
 * @example
 * ```ts
 * orderPair(new Float64Array([2, 1]), 0); // [1, 2]
 * ```
 */
export function orderPair(v: Float64Array, left: number): Float64Array {
  if (!(v instanceof Float64Array)) throw new InvalidTypeError('v', 'a Float64Array', v);
  checkInteger('left', left, 0, v.length - 2);
  checkFinite(`v[${left}]`, v[left]);
  checkFinite(`v[${left + 1}]`, v[left + 1]);
  return orderPairUnchecked(v, left);
}

function orderPairUnchecked(v: Float64Array, left: number): Float64Array {
  const x = v[left];
  const y = v[left + 1];
  if (y < x) {
    v[left] = y;
    v[left + 1] = x;
  }
  return v;
}

/**
 * One collision with explicit random inputs: {@link energyExchange} of the triple centered at c,
 * then {@link orderPair} of (c−1, c) when κ = −1 or of (c, c+1) when κ = +1. The ball not in
 * the sorted pair keeps its Step 2.1 value; all other balls are unchanged (the paper, §2).
 *
 * @param v - velocities (modified in place)
 * @param c - 0-based center in [1, n − 2]
 * @param cosPhi - cos φ of the Step 2.1 angle
 * @param sinPhi - sin φ
 * @param kappa - −1 or +1
 * @example
 * ```ts
 * pinnedBallsCollision(v, 5, Math.cos(1), Math.sin(1), -1);
 * ```
 */
export function pinnedBallsCollision(v: Float64Array, c: number, cosPhi: number, sinPhi: number, kappa: -1 | 1): Float64Array {
  checkTriple(v, c, cosPhi, sinPhi);
  if (kappa !== -1 && kappa !== 1) throw new InvalidArgumentError('kappa', '-1 or +1', kappa);
  exchangeUnchecked(v, c, cosPhi, sinPhi);
  return orderPairUnchecked(v, kappa < 0 ? c - 1 : c);
}

/** Result of one drawn collision: the random inputs that were used. */
export interface CollisionDraw {
  /** 0-based center in [1, n − 2]. */
  center: number;
  /** κ = ±1: which pair was ordered. */
  kappa: -1 | 1;
  /** cos φ of the Step 2.1 angle. */
  cosPhi: number;
  /** sin φ of the Step 2.1 angle. */
  sinPhi: number;
}

/**
 * One step of the pinned-balls model (Steps 2.1–2.2) with draws from `rng` in the library's
 * fixed order: center c = 1 + `lemireInteger(rng, n − 2)` (unbiased), κ = +1 when the top bit of the
 * next 32-bit word is set (else −1), then the angle by disk rejection (`uniformAngleCosSin`).
 * This is the readable reference of the fast kernel `pinnedBallsSteps`, which consumes the same
 * words and produces bit-identical states. O(1); allocates the returned draw record.
 *
 * @param v - velocities, length n ≥ 4 (modified in place)
 * @param rng - the run's generator
 * @returns the random inputs used
 * @example
 * ```ts
 * const v = new Float64Array([0.3, -1, 2, 0.5, 1]);
 * pinnedBallsStep(v, new Rng(1));
 * ```
 */
export function pinnedBallsStep(v: Float64Array, rng: Rng): CollisionDraw {
  if (!(v instanceof Float64Array)) throw new InvalidTypeError('v', 'a Float64Array', v);
  checkBallCount('v.length', v.length);
  if (rng === null || typeof rng !== 'object' || typeof rng.nextUint32 !== 'function') throw new InvalidTypeError('rng', 'an Rng', rng);
  const center = 1 + lemireInteger(rng, v.length - 2);
  const kappa = rng.nextUint32() >>> 31 === 1 ? 1 : -1;
  const cs = uniformAngleCosSin(rng, new Float64Array(2));
  exchangeUnchecked(v, center, cs[0], cs[1]);
  orderPairUnchecked(v, kappa < 0 ? center - 1 : center);
  return { center, kappa, cosPhi: cs[0], sinPhi: cs[1] };
}
