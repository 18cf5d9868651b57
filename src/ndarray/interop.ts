/**
 * Interop between singularis arrays (Float64Array and the structural {@link NdArrayLike}) and
 * scijs `ndarray` objects.
 *
 * A scijs `ndarray` over a Float64Array already satisfies {@link NdArrayLike}; these helpers
 * make the conversion explicit, check it, and copy only when asked.
 *
 * @module
 */
import ndarray, { type NdArray } from 'ndarray';
import { checkInteger } from '../core/check';
import { InvalidTypeError } from '../core/errors';
import { rowMajorStrides, type NdArrayLike } from '../core/types';

/**
 * Wrap a Float64Array as a scijs `ndarray` without copying.
 *
 * @param data - flat storage
 * @param shape - extents; their product must not exceed what `data` holds from `offset`
 * @param stride - strides (default row-major)
 * @param offset - index of element (0, …, 0) (default 0)
 * @example
 * ```ts
 * const u = wrapNdarray(new Float64Array(12), [3, 4]);
 * u.set(1, 2, 5); // writes data[6]
 * ```
 */
export function wrapNdarray(data: Float64Array, shape: readonly number[], stride?: readonly number[], offset = 0): NdArray<Float64Array> {
  if (!(data instanceof Float64Array)) throw new InvalidTypeError('data', 'a Float64Array', data);
  shape.forEach((s, d) => checkInteger(`shape[${d}]`, s, 0));
  const st = stride ? [...stride] : rowMajorStrides(shape);
  if (st.length !== shape.length) throw new InvalidTypeError('stride', `an array of length ${shape.length}`, stride);
  checkInteger('offset', offset, 0);
  checkExtent(data.length, shape, st, offset);
  return ndarray(data, [...shape], st, offset);
}

/**
 * View any {@link NdArrayLike} (for example a scijs ndarray) as a plain structural object,
 * checking that its storage is a Float64Array and that every index stays inside it. No copy.
 * @example
 * ```ts
 * import ndarray from 'ndarray';
 * const view = asNdArrayLike(ndarray(new Float64Array(12), [3, 4])); // shape [3, 4], stride [4, 1]
 * ```
 */
export function asNdArrayLike(array: { data: unknown; shape: readonly number[]; stride: readonly number[]; offset: number }): NdArrayLike {
  if (!(array.data instanceof Float64Array)) throw new InvalidTypeError('array.data', 'a Float64Array', array.data);
  checkExtent(array.data.length, array.shape, array.stride, array.offset);
  return { data: array.data, shape: [...array.shape], stride: [...array.stride], offset: array.offset };
}

/**
 * Copy an {@link NdArrayLike} (any strides, any offset) into a fresh contiguous row-major
 * Float64Array. Complexity O(size).
 * @example
 * ```ts
 * const t = wrapNdarray(Float64Array.from([1, 2, 3, 4, 5, 6]), [2, 3]).transpose(1, 0);
 * toContiguous(t); // Float64Array [1, 4, 2, 5, 3, 6]
 * ```
 */
export function toContiguous(array: NdArrayLike, out?: Float64Array): Float64Array {
  const { shape, stride, offset, data } = array;
  const size = shape.reduce((a, b) => a * b, 1);
  const res = out ?? new Float64Array(size);
  if (res.length < size) throw new InvalidTypeError('out', `a Float64Array of length >= ${size}`, out);
  if (size === 0) return res;
  const dims = shape.length;
  const index = new Array<number>(dims).fill(0);
  let pos = offset;
  for (let k = 0; k < size; k++) {
    res[k] = data[pos];
    for (let d = dims - 1; d >= 0; d--) {
      index[d]++;
      pos += stride[d];
      if (index[d] < shape[d]) break;
      pos -= stride[d] * shape[d];
      index[d] = 0;
    }
  }
  return res;
}

function checkExtent(length: number, shape: readonly number[], stride: readonly number[], offset: number): void {
  if (shape.some((s) => s === 0)) return;
  let lo = offset;
  let hi = offset;
  for (let d = 0; d < shape.length; d++) {
    const span = (shape[d] - 1) * stride[d];
    if (span > 0) hi += span;
    else lo += span;
  }
  if (lo < 0 || hi >= length) {
    throw new InvalidTypeError('shape/stride/offset', `a view inside storage of length ${length} (indices span [${lo}, ${hi}])`);
  }
}
