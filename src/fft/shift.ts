/**
 * Zero-frequency shifts of spectra (numpy `fftshift` / `ifftshift`), 1D and 2D row-major.
 *
 * @module
 */
import { checkInteger } from '../core/check';
import { InvalidTypeError } from '../core/errors';

function checkLen(name: string, a: unknown, n: number): Float64Array {
  if (!(a instanceof Float64Array) || a.length !== n) throw new InvalidTypeError(name, `a Float64Array of length ${n}`, a instanceof Float64Array ? `length ${a.length}` : a);
  return a;
}

function roll1(x: Float64Array, shift: number, out: Float64Array): Float64Array {
  const n = x.length;
  if (out === x) {
    const copy = Float64Array.from(x);
    for (let j = 0; j < n; j++) out[(j + shift) % n] = copy[j];
  } else {
    for (let j = 0; j < n; j++) out[(j + shift) % n] = x[j];
  }
  return out;
}

/**
 * Move frequency 0 to index ⌊n/2⌋: out[(j + ⌊n/2⌋) mod n] = x[j] (numpy `fftshift`). O(n); `out`
 * may be `x` (then one temporary copy is made).
 * @example
 * ```ts
 * fftshift(Float64Array.of(0, 1, 2, -2, -1)); // [-2, -1, 0, 1, 2]
 * ```
 */
export function fftshift(x: Float64Array, out: Float64Array = new Float64Array(x.length)): Float64Array {
  checkLen('out', out, checkLen('x', x, x instanceof Float64Array ? x.length : 0).length);
  return roll1(x, Math.floor(x.length / 2), out);
}

/**
 * Inverse of {@link fftshift}: out[j] = x[(j + ⌊n/2⌋) mod n] (numpy `ifftshift`). O(n).
 * @example
 * ```ts
 * ifftshift(Float64Array.of(-2, -1, 0, 1, 2)); // [0, 1, 2, -2, -1]
 * ```
 */
export function ifftshift(x: Float64Array, out: Float64Array = new Float64Array(x.length)): Float64Array {
  checkLen('out', out, checkLen('x', x, x instanceof Float64Array ? x.length : 0).length);
  return roll1(x, x.length - Math.floor(x.length / 2), out);
}

function roll2(x: Float64Array, n0: number, n1: number, s0: number, s1: number, out: Float64Array): Float64Array {
  const src = out === x ? Float64Array.from(x) : x;
  for (let r = 0; r < n0; r++) {
    const ro = ((r + s0) % n0) * n1;
    for (let c = 0; c < n1; c++) out[ro + ((c + s1) % n1)] = src[r * n1 + c];
  }
  return out;
}

/** Which axes of a row-major 2D array a shift acts on. */
export type ShiftAxes = 'both' | 0 | 1;

/**
 * 2D {@link fftshift} of an n0 × n1 row-major array over both axes (default) or one axis. O(n0 n1).
 * @example
 * ```ts
 * const y = fftshift2d(x, 8, 9);     // frequency (0, 0) moved to (4, 4)
 * const z = fftshift2d(x, 8, 9, 0);  // axis 0 only
 * ```
 */
export function fftshift2d(x: Float64Array, n0: number, n1: number, axes: ShiftAxes = 'both', out: Float64Array = new Float64Array(n0 * n1)): Float64Array {
  checkInteger('n0', n0, 1); checkInteger('n1', n1, 1);
  checkLen('x', x, n0 * n1); checkLen('out', out, n0 * n1);
  if (axes !== 'both' && axes !== 0 && axes !== 1) throw new InvalidTypeError('axes', "'both', 0 or 1", axes);
  return roll2(x, n0, n1, axes === 1 ? 0 : Math.floor(n0 / 2), axes === 0 ? 0 : Math.floor(n1 / 2), out);
}

/**
 * 2D {@link ifftshift}, the inverse of {@link fftshift2d} with the same axes. O(n0 n1).
 * @example
 * ```ts
 * ifftshift2d(fftshift2d(x, 8, 9), 8, 9); // x
 * ```
 */
export function ifftshift2d(x: Float64Array, n0: number, n1: number, axes: ShiftAxes = 'both', out: Float64Array = new Float64Array(n0 * n1)): Float64Array {
  checkInteger('n0', n0, 1); checkInteger('n1', n1, 1);
  checkLen('x', x, n0 * n1); checkLen('out', out, n0 * n1);
  if (axes !== 'both' && axes !== 0 && axes !== 1) throw new InvalidTypeError('axes', "'both', 0 or 1", axes);
  return roll2(x, n0, n1, axes === 1 ? 0 : n0 - Math.floor(n0 / 2), axes === 0 ? 0 : n1 - Math.floor(n1 / 2), out);
}
