/**
 * The fast multi-step kernel of the pinned-balls model: k collisions (source, Steps 2.1–2.2) in
 * one call, with the xoshiro128** generator inlined in local variables.
 *
 * It consumes exactly the words {@link pinnedBallsStep} consumes, in the same order, and applies
 * the same floating-point operations, so k calls of `pinnedBallsStep` and one call of
 * `pinnedBallsSteps(v, k, rng)` leave identical velocities and generator states (asserted in the
 * tests). The generator is inlined because a method call per 32-bit word costs ≈ 2× in V8.
 *
 * @module
 */
import { checkInteger } from '../../core/check';
import { InvalidTypeError } from '../../core/errors';
import { Rng } from '../../random/rng';
import { HALF_SQRT3 } from './collision';
import { checkBallCount } from './timeMap';

const imul = Math.imul;
const sqrt = Math.sqrt;
const floor = Math.floor;
const TWO_POW_31 = 2147483648;
const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_31 = 4.656612873077393e-10;
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;
const TWO_THIRDS = 2 / 3;

/**
 * Run `steps` collisions of the pinned-balls model on `v` in place, drawing from `rng` (whose
 * state is advanced exactly as by `steps` calls of `pinnedBallsStep`).
 *
 * Per step: center c = 1 + (unbiased integer in [0, n − 2)), κ from the top bit of one word,
 * the angle by disk rejection (≈ 2.55 words), one square root, ≈ 20 flops. Σv and Σv² are
 * preserved to round-off. O(steps) time, O(1) memory (one 4-word scratch per call), no
 * allocation in the loop.
 *
 * @param v - velocities, a Float64Array of length n ≥ 4 (modified in place)
 * @param steps - number of collisions, an integer ≥ 0
 * @param rng - the run's generator (advanced)
 * @returns `v`
 * @example
 * ```ts
 * const rng = new Rng(2024);
 * const v = drawInitialVelocities(mean, sigma, rng);
 * pinnedBallsSteps(v, stepsForTau(1e-4, v.length), rng);
 * ```
 */
export function pinnedBallsSteps(v: Float64Array, steps: number, rng: Rng): Float64Array {
  if (!(v instanceof Float64Array)) throw new InvalidTypeError('v', 'a Float64Array', v);
  const n = checkBallCount('v.length', v.length);
  checkInteger('steps', steps, 0);
  if (!(rng instanceof Rng)) throw new InvalidTypeError('rng', 'an Rng', rng);
  const state = rng.state();
  let s0 = state[0] | 0;
  let s1 = state[1] | 0;
  let s2 = state[2] | 0;
  let s3 = state[3] | 0;
  const m = n - 2;
  const threshold = TWO_POW_32 % m;
  for (let k = 0; k < steps; k++) {
    // center: Lemire's multiply-and-reject (lemireInteger), unbiased
    let w: number;
    let prod: number;
    let hiWord: number;
    do {
      const t2 = s2 ^ s0;
      const t3 = s3 ^ s1;
      const p = imul(s1, 5);
      w = imul((p << 7) | (p >>> 25), 9) >>> 0;
      s2 = t2 ^ (s1 << 9);
      s1 ^= t2;
      s0 ^= t3;
      s3 = (t3 << 11) | (t3 >>> 21);
      prod = w * m;
      hiWord = floor(prod * TWO_POW_MINUS_32);
    } while (prod - hiWord * TWO_POW_32 < threshold);
    const c = 1 + hiWord;
    // κ: the top bit of one word
    {
      const t2 = s2 ^ s0;
      const t3 = s3 ^ s1;
      const p = imul(s1, 5);
      w = imul((p << 7) | (p >>> 25), 9) >>> 0;
      s2 = t2 ^ (s1 << 9);
      s1 ^= t2;
      s0 ^= t3;
      s3 = (t3 << 11) | (t3 >>> 21);
    }
    const left = w >>> 31 === 1 ? c : c - 1;
    // angle: uniform point in the unit disk by rejection, doubled (uniformAngleCosSin)
    let x: number;
    let y: number;
    let q: number;
    do {
      let t2 = s2 ^ s0;
      let t3 = s3 ^ s1;
      let p = imul(s1, 5);
      x = ((imul((p << 7) | (p >>> 25), 9) >>> 0) - TWO_POW_31 + 0.5) * TWO_POW_MINUS_31;
      s2 = t2 ^ (s1 << 9);
      s1 ^= t2;
      s0 ^= t3;
      s3 = (t3 << 11) | (t3 >>> 21);
      t2 = s2 ^ s0;
      t3 = s3 ^ s1;
      p = imul(s1, 5);
      y = ((imul((p << 7) | (p >>> 25), 9) >>> 0) - TWO_POW_31 + 0.5) * TWO_POW_MINUS_31;
      s2 = t2 ^ (s1 << 9);
      s1 ^= t2;
      s0 ^= t3;
      s3 = (t3 << 11) | (t3 >>> 21);
      q = x * x + y * y;
    } while (q >= 1);
    const inv = 1 / q;
    const cosPhi = (x * x - y * y) * inv;
    const sinPhi = 2 * x * y * inv;
    // Step 2.1: energy exchange on the triple (energyExchange)
    const v0 = v[c - 1];
    const v1 = v[c];
    const v2 = v[c + 1];
    const a = (v0 + v1 + v2) / 3;
    const d0 = v0 - a;
    const d1 = v1 - a;
    const d2 = v2 - a;
    const r = sqrt(TWO_THIRDS * (d0 * d0 + d1 * d1 + d2 * d2));
    if (r !== 0) {
      const rs = r * sinPhi;
      const rc = HALF_SQRT3 * r * cosPhi;
      const h = a - 0.5 * rs;
      v[c - 1] = a + rs;
      v[c] = h + rc;
      v[c + 1] = h - rc;
    }
    // Step 2.2: order the pair (left, left + 1) ascending (orderPair)
    const lo = v[left];
    const hi = v[left + 1];
    if (hi < lo) {
      v[left] = hi;
      v[left + 1] = lo;
    }
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  rng.restore(state);
  return v;
}
