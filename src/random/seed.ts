/**
 * Seeding: turning a number or a string into a 128-bit xoshiro128** state with SplitMix64, as
 * recommended by the xoshiro authors (a seed with few set bits still gives a well-mixed state).
 *
 * - A number seed must be a safe integer; it is taken modulo 2^64 (so −1 means 2^64 − 1).
 * - A string seed is hashed with 64-bit FNV-1a over its UTF-8 bytes.
 * - SplitMix64 (Steele, Lea & Flood, OOPSLA 2014) started at that 64-bit value produces two
 *   outputs z₁, z₂; the state words are [lo(z₁), hi(z₁), lo(z₂), hi(z₂)]. SplitMix64's output
 *   function is a bijection, so the state is never all zero.
 *
 * Seeding runs once per generator, so it uses BigInt for clarity; the generator itself does not.
 *
 * @module
 */
import { checkInteger } from '../core/check';
import { InvalidTypeError } from '../core/errors';

const MASK64 = (1n << 64n) - 1n;

/** A seed accepted by the random generators: a safe integer or any string. */
export type Seed = number | string;

/** 64-bit FNV-1a hash of the UTF-8 encoding of `text`. */
function fnv1a64(text: string): bigint {
  let h = 0xcbf29ce484222325n;
  const mix = (byte: number): void => {
    h = ((h ^ BigInt(byte)) * 0x100000001b3n) & MASK64;
  };
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) mix(c);
    else if (c < 0x800) {
      mix(0xc0 | (c >> 6));
      mix(0x80 | (c & 63));
    } else if (c < 0x10000) {
      mix(0xe0 | (c >> 12));
      mix(0x80 | ((c >> 6) & 63));
      mix(0x80 | (c & 63));
    } else {
      mix(0xf0 | (c >> 18));
      mix(0x80 | ((c >> 12) & 63));
      mix(0x80 | ((c >> 6) & 63));
      mix(0x80 | (c & 63));
    }
  }
  return h;
}

/**
 * The xoshiro128** state words produced from a seed by SplitMix64 (see the module notes).
 * O(length of the seed).
 *
 * @param seed - a safe integer or a string
 * @param out - optional destination for the four 32-bit words
 * @throws InvalidTypeError / InvalidArgumentError when the seed is neither a string nor a safe integer
 * @example
 * ```ts
 * seedState(0); // Uint32Array [2065550767, 3793791033, 2713282036, 1853398634]
 * ```
 */
export function seedState(seed: Seed, out: Uint32Array = new Uint32Array(4)): Uint32Array {
  let state: bigint;
  if (typeof seed === 'string') state = fnv1a64(seed);
  else if (typeof seed === 'number') state = BigInt.asUintN(64, BigInt(checkInteger('seed', seed)));
  else throw new InvalidTypeError('seed', 'a safe integer or a string', seed);
  for (let k = 0; k < 2; k++) {
    state = (state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    z ^= z >> 31n;
    out[2 * k] = Number(z & 0xffffffffn);
    out[2 * k + 1] = Number(z >> 32n);
  }
  return out;
}
