/**
 * A seeded, serializable pseudo-random generator: xoshiro128** 1.1 (Blackman & Vigna, "Scrambled
 * linear pseudorandom number generators", ACM TOMS 47(4), 2021), with SplitMix64 seeding,
 * jump-ahead streams, 53-bit uniform doubles, unbiased integers and ziggurat normals.
 *
 * Why xoshiro128** and not xoshiro256**: JavaScript has exact 32-bit integer arithmetic
 * (`Math.imul`, `<<`, `>>>`, `^`) on ordinary numbers, but 64-bit words need BigInt or pairs of
 * 32-bit halves with carries, which is several times slower. xoshiro128** works on four 32-bit
 * words, has period 2^128 − 1, passes BigCrush, and its published jump polynomial (equivalent to
 * 2^64 steps) yields 2^64 non-overlapping streams of length 2^64 — far beyond any ensemble.
 *
 * @module
 */
import { checkInteger, checkVec } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import type { RandomSource } from '../core/types';
import { seedState, type Seed } from './seed';
import { zigguratSlowPath, zigguratTables, type ZigguratTables } from './ziggurat';

// Builtins bound once: global lookups are slow in sandboxed contexts (vm modules, test runners).
const imul = Math.imul;

/** Jump polynomial: advances the state by 2^64 steps. */
const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b];
/** Long-jump polynomial: advances the state by 2^96 steps. */
const LONG_JUMP = [0xb523952e, 0x0b6f099f, 0xccf5a0ef, 0x1c580662];
const TWO_POW_26 = 67108864;
const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;

/** The JSON form of a generator: the algorithm name and its four 32-bit state words. */
export interface RngJSON {
  /** Always `"xoshiro128**"`. */
  algorithm: 'xoshiro128**';
  /** The state words s[0..3] as unsigned 32-bit integers. */
  state: number[];
}

/**
 * The xoshiro128** generator with samplers. Implements {@link RandomSource}.
 *
 * Streams: `Rng.stream(seed, k)` is the seeded state jumped k times (2^64·k steps ahead), so
 * ensemble member k draws the same numbers however the ensemble is split across workers; use
 * {@link streams} to walk the streams sequentially at one jump each.
 *
 * @example
 * ```ts
 * const rng = new Rng(42);
 * rng.uniform();       // in [0, 1), 53 random bits
 * rng.normal();        // N(0, 1), ziggurat
 * rng.integer(6);      // 0..5, unbiased
 * const saved = rng.toJSON();
 * const again = Rng.fromJSON(saved); // continues the exact sequence
 * ```
 */
export class Rng implements RandomSource {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private readonly zig: ZigguratTables;

  /**
   * @param seed - a safe integer or a string, expanded by SplitMix64 (see `seedState`)
   * @param state - optional explicit state words; when given, `seed` is ignored (prefer {@link Rng.fromState})
   * @throws InvalidArgumentError / InvalidTypeError for any other seed or a malformed state
   */
  constructor(seed: Seed, state?: ArrayLike<number>) {
    this.zig = zigguratTables();
    this.restore(state === undefined ? seedState(seed) : state);
  }

  /**
   * A generator positioned at a given state (as returned by {@link Rng.state}).
   * @example
   * ```ts
   * const copy = Rng.fromState(rng.state());
   * ```
   */
  static fromState(state: ArrayLike<number>): Rng {
    return new Rng(0, state);
  }

  /**
   * Rebuild a generator from {@link Rng.toJSON} output (or its `JSON.parse`d text).
   * @throws InvalidTypeError / InvalidArgumentError for a malformed object
   * @example
   * ```ts
   * const rng2 = Rng.fromJSON(JSON.parse(JSON.stringify(rng)));
   * ```
   */
  static fromJSON(json: RngJSON): Rng {
    if (typeof json !== 'object' || json === null || json.algorithm !== 'xoshiro128**') {
      throw new InvalidTypeError('json', 'an object {algorithm: "xoshiro128**", state: number[4]}', json);
    }
    return Rng.fromState(json.state);
  }

  /**
   * Stream k of a seed: the seeded state advanced by k jumps of 2^64 steps. Cost O(k) jumps
   * (each 128 generator steps); for many consecutive streams use {@link streams}.
   * @param seed - the ensemble seed
   * @param k - stream index, an integer >= 0
   * @example
   * ```ts
   * const member7 = Rng.stream(2024, 7);
   * ```
   */
  static stream(seed: Seed, k: number): Rng {
    checkInteger('k', k, 0);
    const rng = new Rng(seed);
    for (let j = 0; j < k; j++) rng.jump();
    return rng;
  }

  /** The next 32 random bits as an unsigned integer in [0, 2^32). One xoshiro128** step. */
  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    const m = imul(s1, 5);
    const result = imul((m << 7) | (m >>> 25), 9);
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ (s1 << 9);
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result >>> 0;
  }

  /** A uniform double k/2^53 in [0, 1), k uniform in [0, 2^53): 27 + 26 high bits of two outputs. */
  uniform(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * TWO_POW_26 + b) * TWO_POW_MINUS_53;
  }

  /** A uniform double (k + ½)/2^53 in the open interval (0, 1): safe for `Math.log`. */
  uniformOpen(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * TWO_POW_26 + b + 0.5) * TWO_POW_MINUS_53;
  }

  /** A uniform double (k + 1)/2^53 in (0, 1]. */
  uniformOpenClosed(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * TWO_POW_26 + b + 1) * TWO_POW_MINUS_53;
  }

  /**
   * An integer uniform on {0, …, n − 1}, without modulo bias: a w-bit draw x (w = 32 for
   * n ≤ 2^32, else 53) is rejected when x ≥ 2^w − (2^w mod n), so every residue has the same
   * number of preimages; then x mod n is returned. Expected draws < 2.
   * @param n - an integer in [1, 2^53]
   * @example
   * ```ts
   * const die = 1 + rng.integer(6);
   * ```
   */
  integer(n: number): number {
    checkInteger('n', n, 1, 9007199254740992);
    if (n <= TWO_POW_32) {
      const limit = TWO_POW_32 - (TWO_POW_32 % n);
      for (;;) {
        const x = this.nextUint32();
        if (x < limit) return x % n;
      }
    }
    const limit = 9007199254740992 - (9007199254740992 % n);
    for (;;) {
      const x = (this.nextUint32() >>> 5) * TWO_POW_26 + (this.nextUint32() >>> 6);
      if (x < limit) return x % n;
    }
  }

  /**
   * A standard normal N(0, 1) sample by the 256-layer ziggurat (see `ziggurat.ts`): one 32-bit
   * word gives the layer (8 bits), the sign (1 bit) and 21 bits of the abscissa, a second word
   * the remaining 32 bits. 98.5% of draws take the fast path (one multiply, one compare); the rest
   * need one exponential (wedge) or the exact tail sampler.
   */
  normal(): number {
    const t = this.zig;
    for (;;) {
      const w = this.nextUint32();
      const i = w & 255;
      const u = ((w >>> 11) * TWO_POW_32 + this.nextUint32()) * TWO_POW_MINUS_53;
      const x = u * t.x[i];
      if (u < t.ratio[i]) return (w & 256) === 0 ? x : -x;
      const y = zigguratSlowPath(this, t, i, x);
      if (y >= 0) return (w & 256) === 0 ? y : -y;
    }
  }

  /**
   * Fill `out[offset + k·stride]`, k < n, with uniform doubles in [0, 1); returns `out`.
   * @example
   * ```ts
   * rng.fillUniform(new Float64Array(1000));
   * ```
   */
  fillUniform(out: Float64Array, n: number = out.length, stride = 1, offset = 0): Float64Array {
    checkStridedView('out', out, n, stride, offset);
    for (let k = 0, j = offset; k < n; k++, j += stride) out[j] = this.uniform();
    return out;
  }

  /**
   * Fill `out[offset + k·stride]`, k < n, with standard normals; returns `out`.
   * @example
   * ```ts
   * rng.fillNormal(new Float64Array(1000));
   * ```
   */
  fillNormal(out: Float64Array, n: number = out.length, stride = 1, offset = 0): Float64Array {
    checkStridedView('out', out, n, stride, offset);
    for (let k = 0, j = offset; k < n; k++, j += stride) out[j] = this.normal();
    return out;
  }

  /** Advance the state by 2^64 steps (the published jump polynomial). 128 steps of work. */
  jump(): this {
    return this.applyJump(JUMP);
  }

  /** Advance the state by 2^96 steps (the published long-jump polynomial): 2^32 groups of 2^32 streams. */
  longJump(): this {
    return this.applyJump(LONG_JUMP);
  }

  /** An independent copy that continues the same sequence. */
  clone(): Rng {
    return Rng.fromState(this.state());
  }

  /**
   * The four state words (unsigned 32-bit) — restoring them with {@link Rng.restore} continues
   * the exact sequence.
   */
  state(out: Uint32Array = new Uint32Array(4)): Uint32Array {
    out[0] = this.s0;
    out[1] = this.s1;
    out[2] = this.s2;
    out[3] = this.s3;
    return out;
  }

  /**
   * Set the state words.
   * @param state - four integers in [0, 2^32), not all zero
   * @throws InvalidTypeError / InvalidArgumentError otherwise
   */
  restore(state: ArrayLike<number>): this {
    if (state === null || typeof state !== 'object' || state.length !== 4) {
      throw new InvalidTypeError('state', 'an array of 4 unsigned 32-bit integers', state);
    }
    for (let k = 0; k < 4; k++) checkInteger(`state[${k}]`, state[k], 0, TWO_POW_32 - 1);
    if ((state[0] | state[1] | state[2] | state[3]) === 0) {
      throw new InvalidArgumentError('state', 'not all zero (the all-zero state is a fixed point)');
    }
    this.s0 = state[0] | 0;
    this.s1 = state[1] | 0;
    this.s2 = state[2] | 0;
    this.s3 = state[3] | 0;
    return this;
  }

  /** A JSON-serializable snapshot: `{ algorithm: 'xoshiro128**', state: [s0, s1, s2, s3] }`. */
  toJSON(): RngJSON {
    return { algorithm: 'xoshiro128**', state: Array.from(this.state()) };
  }

  private applyJump(poly: readonly number[]): this {
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (let w = 0; w < 4; w++) {
      for (let b = 0; b < 32; b++) {
        if ((poly[w] >>> b) & 1) {
          a0 ^= this.s0;
          a1 ^= this.s1;
          a2 ^= this.s2;
          a3 ^= this.s3;
        }
        this.nextUint32();
      }
    }
    this.s0 = a0;
    this.s1 = a1;
    this.s2 = a2;
    this.s3 = a3;
    return this;
  }
}

/** Validate a strided view `out[offset + k·stride]`, k < n. */
function checkStridedView(name: string, out: Float64Array, n: number, stride: number, offset: number): void {
  checkVec(name, out);
  checkInteger('n', n, 0);
  checkInteger('stride', stride, 1);
  checkInteger('offset', offset, 0);
  if (n > 0 && offset + (n - 1) * stride >= out.length) {
    throw new InvalidArgumentError('offset + (n - 1)·stride', `< ${name}.length = ${out.length}`, offset + (n - 1) * stride);
  }
}

/**
 * The streams of a seed in order, starting at stream `start`: yields `Rng.stream(seed, start)`,
 * `Rng.stream(seed, start + 1)`, … at the cost of one jump each (plus `start` jumps up front).
 * A worker that owns members [a, b) of an ensemble takes b − a generators from `streams(seed, a)`
 * and draws exactly what a single process would.
 *
 * @param seed - the ensemble seed
 * @param start - first stream index, an integer >= 0
 * @example
 * ```ts
 * const it = streams(2024);
 * const members = Array.from({ length: 1000 }, () => it.next().value as Rng);
 * ```
 */
export function streams(seed: Seed, start = 0): Generator<Rng, never, void> {
  const base = Rng.stream(seed, start); // validates seed and start before iteration begins
  return walkStreams(base);
}

function* walkStreams(base: Rng): Generator<Rng, never, void> {
  for (;;) {
    yield base.clone();
    base.jump();
  }
}
