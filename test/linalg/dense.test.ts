import {
  checkDenseMatrix, choleskyFactor, choleskySolve, createMatrix, daxpy, ddot, dnrm2, identityMatrix,
  matmul, matvec, symmetrize, transpose,
} from '../../src/linalg/dense';
import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';
import type { DenseMatrix } from '../../src/core/types';
import { EPS, lcg, maxAbs, maxAbsDiff, normInf, randomMatrix, randomVec } from './linalgTestUtils';

function randomSpd(n: number, rnd: () => number): DenseMatrix {
  const G = randomMatrix(n, n, rnd);
  const A = matmul(G, transpose(G));
  for (let i = 0; i < n; i++) A.data[i * n + i] += 0.1;
  return symmetrize(A, A);
}

describe('dense matrix helpers', () => {
  test('matmul: identity, associativity to round-off, agreement with matvec', () => {
    const rnd = lcg(1);
    const A = randomMatrix(5, 4, rnd);
    const B = randomMatrix(4, 6, rnd);
    const C = randomMatrix(6, 3, rnd);
    expect(matmul(identityMatrix(5), A).data).toEqual(A.data);
    const left = matmul(matmul(A, B), C);
    const right = matmul(A, matmul(B, C));
    expect(maxAbsDiff(left.data, right.data)).toBeLessThan(16 * EPS * maxAbs(left.data) * 4);
    const x = randomVec(6, rnd);
    const Bx = matvec(B, x);
    const Bxm = matmul(B, createMatrix(6, 1, Float64Array.from(x)));
    expect(maxAbsDiff(Bx, Bxm.data)).toBe(0);
  });

  test('transpose is an involution; (AB)ᵀ = BᵀAᵀ exactly', () => {
    const rnd = lcg(2);
    const A = randomMatrix(3, 5, rnd);
    const B = randomMatrix(5, 2, rnd);
    expect(transpose(transpose(A)).data).toEqual(A.data);
    expect(transpose(matmul(A, B)).data).toEqual(matmul(transpose(B), transpose(A)).data);
  });

  test('symmetrize is bitwise symmetric, exact on symmetric input, and works in place', () => {
    const rnd = lcg(3);
    const A = randomMatrix(6, 6, rnd);
    const S = symmetrize(A);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) expect(S.data[i * 6 + j]).toBe(S.data[j * 6 + i]);
    expect(symmetrize(S).data).toEqual(S.data);
    const copy = createMatrix(6, 6, Float64Array.from(A.data));
    symmetrize(copy, copy);
    expect(copy.data).toEqual(S.data);
    expect(() => symmetrize(randomMatrix(2, 3, rnd))).toThrow(InvalidArgumentError);
  });

  test('invalid shapes and aliasing throw named errors', () => {
    const rnd = lcg(4);
    expect(() => matmul(randomMatrix(2, 3, rnd), randomMatrix(2, 3, rnd))).toThrow(/B\.rows must be an integer in \[3, 3\]/);
    expect(() => matvec(randomMatrix(2, 3, rnd), new Float64Array(2))).toThrow(InvalidTypeError);
    expect(() => createMatrix(0, 2)).toThrow(InvalidArgumentError);
    expect(() => checkDenseMatrix('M', { rows: 2, cols: 2, data: [1, 2, 3, 4] })).toThrow(/M\.data must be a Float64Array/);
    const A = randomMatrix(2, 2, rnd);
    expect(() => transpose(A, A)).toThrow(InvalidArgumentError);
  });
});

describe('strided BLAS-1 kernels', () => {
  test('ddot and daxpy honour strides (including negative) and offsets', () => {
    const x = new Float64Array([1, 2, 3, 4, 5, 6]);
    const y = new Float64Array([10, 20, 30]);
    // x[1], x[3], x[5] against y[2], y[1], y[0]
    expect(ddot(3, x, 2, 1, y, -1, 2)).toBe(2 * 30 + 4 * 20 + 6 * 10);
    const z = new Float64Array([1, 1, 1, 1]);
    daxpy(2, 3, x, 3, 0, z, 2, 1); // z[1] += 3·x[0], z[3] += 3·x[3]
    expect(Array.from(z)).toEqual([1, 4, 1, 13]);
    expect(ddot(0, x, 1, 0, y, 1, 0)).toBe(0);
    expect(() => ddot(4, x, 2, 0, y, 1, 0)).toThrow(InvalidArgumentError);
    expect(() => daxpy(3, 1, x, 1, 0, y, -1, 1)).toThrow(InvalidArgumentError);
  });

  test('dnrm2: no overflow or underflow, agrees with the naive norm in range, NaN propagates', () => {
    expect(dnrm2(2, new Float64Array([3e200, 4e200]), 1, 0) / 5e200 - 1).toBeLessThan(2 * EPS);
    expect(dnrm2(2, new Float64Array([3e-200, 4e-200]), 1, 0) / 5e-200 - 1).toBeLessThan(2 * EPS);
    expect(dnrm2(2, new Float64Array([Number.MAX_VALUE, Number.MAX_VALUE]), 1, 0)).toBe(Infinity);
    const tiny = new Float64Array([5e-324, 5e-324, 5e-324, 5e-324]);
    expect(dnrm2(4, tiny, 1, 0)).toBe(2 * 5e-324);
    const rnd = lcg(5);
    const v = randomVec(101, rnd);
    let s = 0;
    for (const t of v) s += t * t;
    expect(Math.abs(dnrm2(101, v, 1, 0) - Math.sqrt(s))).toBeLessThan(4 * EPS);
    expect(dnrm2(3, new Float64Array([1, NaN, 1]), 1, 0)).toBeNaN();
    expect(dnrm2(2, new Float64Array([3, 0, 4]), -2, 2)).toBe(5);
  });
});

describe('choleskyFactor', () => {
  test('L Lᵀ = A and solve residual at round-off on a random SPD matrix', () => {
    const rnd = lcg(6);
    const n = 60;
    const A = randomSpd(n, rnd);
    const { factor: L, status, jitter } = choleskyFactor(A);
    expect(status).toBe('success');
    expect(jitter).toBe(0);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(L.data[i * n + j]).toBe(0);
    const LLt = matmul(L, transpose(L));
    expect(maxAbsDiff(LLt.data, A.data) / normInf(A)).toBeLessThan(2 * n * EPS);
    const b = randomVec(n, rnd);
    const x = choleskySolve(L, b);
    const r = matvec(A, x);
    for (let i = 0; i < n; i++) r[i] -= b[i];
    expect(maxAbs(r) / (normInf(A) * maxAbs(x) + maxAbs(b))).toBeLessThan(4 * EPS);
    const x2 = Float64Array.from(b);
    expect(maxAbsDiff(choleskySolve(L, x2, x2), x)).toBe(0);
  });

  test('reads the lower triangle only; writes into out without allocating a new factor', () => {
    const rnd = lcg(7);
    const A = randomSpd(8, rnd);
    const lowerOnly = createMatrix(8, 8, Float64Array.from(A.data));
    for (let i = 0; i < 8; i++) for (let j = i + 1; j < 8; j++) lowerOnly.data[i * 8 + j] = 99;
    const out = createMatrix(8, 8);
    const res = choleskyFactor(lowerOnly, { out });
    expect(res.factor).toBe(out);
    expect(out.data).toEqual(choleskyFactor(A).factor.data);
  });

  test('indefinite → status notPositiveDefinite with the failing pivot; no exception', () => {
    const A = createMatrix(3, 3, new Float64Array([1, 2, 0, 2, 1, 0, 0, 0, 1]));
    const res = choleskyFactor(A);
    expect(res.status).toBe('notPositiveDefinite');
    expect(res.failedPivot).toBe(1);
  });

  test('jitter rescues a singular ensemble covariance (rank I−1 < N) and reports the shift', () => {
    const rnd = lcg(8);
    const N = 10;
    const I = 4;
    const X = randomMatrix(N, I, rnd);
    for (let i = 0; i < N; i++) { // center the ensemble: covariance rank I − 1
      let m = 0;
      for (let k = 0; k < I; k++) m += X.data[i * I + k] / I;
      for (let k = 0; k < I; k++) X.data[i * I + k] -= m;
    }
    const C = symmetrize(matmul(X, transpose(X)));
    expect(choleskyFactor(C).status).toBe('notPositiveDefinite');
    const res = choleskyFactor(C, { jitter: 1e-10 });
    expect(res.status).toBe('success');
    expect(res.jitter).toBeGreaterThanOrEqual(1e-10);
    const LLt = matmul(res.factor, transpose(res.factor));
    for (let i = 0; i < N; i++) C.data[i * N + i] += res.jitter;
    expect(maxAbsDiff(LLt.data, C.data) / normInf(C)).toBeLessThan(2 * N * EPS);
  });

  test('invalid arguments throw before any work', () => {
    const rnd = lcg(9);
    const A = randomSpd(3, rnd);
    expect(() => choleskyFactor(A, { jitter: -1 })).toThrow(/options\.jitter must be a finite number >= 0/);
    expect(() => choleskyFactor(A, { out: A })).toThrow(InvalidArgumentError);
    expect(() => choleskyFactor(randomMatrix(2, 3, rnd))).toThrow(InvalidArgumentError);
    expect(() => choleskySolve(A, new Float64Array(2))).toThrow(InvalidTypeError);
  });
});
