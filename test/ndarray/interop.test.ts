import { wrapNdarray, asNdArrayLike, toContiguous, axpyField, supNormField, l2NormField } from '../../src/ndarray/index';

describe('ndarray interop', () => {
  test('wrap shares storage and follows row-major strides', () => {
    const data = new Float64Array(12);
    const u = wrapNdarray(data, [3, 4]);
    u.set(1, 2, 5);
    expect(data[6]).toBe(5);
    expect(asNdArrayLike(u).stride).toEqual([4, 1]);
  });

  test('toContiguous of a transposed and a reversed view', () => {
    const u = wrapNdarray(Float64Array.from([1, 2, 3, 4, 5, 6]), [2, 3]);
    expect(Array.from(toContiguous(asNdArrayLike(u.transpose(1, 0))))).toEqual([1, 4, 2, 5, 3, 6]);
    expect(Array.from(toContiguous(asNdArrayLike(u.step(-1, 1))))).toEqual([4, 5, 6, 1, 2, 3]);
  });

  test('views outside the storage are rejected', () => {
    expect(() => wrapNdarray(new Float64Array(5), [2, 3])).toThrow(TypeError);
    expect(() => wrapNdarray(new Float64Array(6), [2, -3])).toThrow(RangeError);
  });

  test('field ops: axpy (aliased and not), sup and l2 norms', () => {
    const a = wrapNdarray(Float64Array.from([1, -2, 3, 4]), [2, 2]);
    const b = wrapNdarray(Float64Array.from([1, 1, 1, 1]), [2, 2]);
    const out = wrapNdarray(new Float64Array(4), [2, 2]);
    axpyField(out, a, 0.5, b);
    expect(Array.from(out.data)).toEqual([1.5, -1.5, 3.5, 4.5]);
    axpyField(a, a, -1, b);
    expect(Array.from(a.data)).toEqual([0, -3, 2, 3]);
    expect(supNormField(a)).toBe(3);
    expect(l2NormField(a)).toBeCloseTo(Math.sqrt(22), 14);
    expect(() => axpyField(out, a, 1, wrapNdarray(new Float64Array(3), [3]))).toThrow(TypeError);
  });
});
