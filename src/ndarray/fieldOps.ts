/**
 * A few field operations on scijs ndarrays, delegated to `ndarray-ops`.
 *
 * `ndarray-ops` (through `cwise`) generates specialised loops with `new Function` the first time
 * an operation meets a new array layout. That is fast, but pages with a strict Content Security
 * Policy (no `unsafe-eval`) forbid it, which is why only the `singularis/ndarray` subpath imports
 * it; the rest of the library is plain code.
 *
 * @module
 */
import ndarray, { type NdArray } from 'ndarray';
import ops from 'ndarray-ops';
import { InvalidTypeError } from '../core/errors';

/** A scijs ndarray over Float64Array storage, the field type of these operations. */
export type Field = NdArray<Float64Array>;

function sameShape(name: string, a: Field, b: Field): void {
  if (a.shape.length !== b.shape.length || a.shape.some((s, d) => s !== b.shape[d])) {
    throw new InvalidTypeError(name, `an ndarray of shape [${a.shape.join(', ')}]`, `shape [${b.shape.join(', ')}]`);
  }
}

/**
 * out ← a + s·b, element-wise, for fields of equal shape (any strides). Returns `out`.
 * @example
 * ```ts
 * axpyField(u, u, dt, du); // explicit Euler step u += dt·du on 2D fields
 * ```
 */
export function axpyField(out: Field, a: Field, s: number, b: Field): Field {
  sameShape('a', out, a);
  sameShape('b', out, b);
  if (out === a) {
    // out aliases a: form s·b in a temporary so that a is read before it is overwritten
    const tmp = ndarray(new Float64Array(b.size), [...b.shape]);
    ops.muls(tmp, b, s);
    return ops.addeq(out, tmp);
  }
  ops.muls(out, b, s);
  return ops.addeq(out, a);
}

/**
 * The maximum absolute value of a field (the sup norm).
 * @example
 * ```ts
 * supNormField(ndarray(Float64Array.of(1, -3, 2), [3])); // 3
 * ```
 */
export function supNormField(a: Field): number {
  return ops.norminf(a);
}

/**
 * The Euclidean norm of all entries of a field (no quadrature weights; see `quad/` for those).
 * @example
 * ```ts
 * l2NormField(ndarray(Float64Array.of(3, 4), [2])); // 5
 * ```
 */
export function l2NormField(a: Field): number {
  return Math.sqrt(ops.norm2squared(a));
}
