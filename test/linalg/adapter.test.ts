import {
  choleskyDecomposition, luDecomposition, pseudoInverse, qrDecomposition, svdDecomposition,
  symmetricEigenDecomposition, symmetricInverseSqrt, symmetricSqrt,
} from '../../src/linalg/mlMatrixAdapter';
import { createMatrix, identityMatrix, matmul, matvec, symmetrize, transpose } from '../../src/linalg/dense';
import { InvalidArgumentError, NumericalError } from '../../src/core/errors';
import type { DenseMatrix } from '../../src/core/types';
import { EPS, lcg, loadFixtures, maxAbs, maxAbsDiff, normInf, randomMatrix, randomVec } from './linalgTestUtils';

function scaleColumns(A: DenseMatrix, s: ArrayLike<number>): DenseMatrix {
  const B = createMatrix(A.rows, A.cols, Float64Array.from(A.data));
  for (let i = 0; i < A.rows; i++) for (let j = 0; j < A.cols; j++) B.data[i * A.cols + j] *= s[j];
  return B;
}

function orthonormalityError(Q: DenseMatrix): number {
  const G = matmul(transpose(Q), Q);
  return maxAbsDiff(G.data, identityMatrix(Q.cols).data);
}

function randomSpd(n: number, rnd: () => number): DenseMatrix {
  const G = randomMatrix(n, n, rnd);
  const A = matmul(G, transpose(G));
  for (let i = 0; i < n; i++) A.data[i * n + i] += 0.5;
  return symmetrize(A, A);
}

describe('ml-matrix adapter', () => {
  test('SVD round trips U·diag(s)·Vᵀ = A for tall and wide matrices; singular values match numpy', () => {
    const rnd = lcg(1);
    for (const [m, n] of [[7, 4], [3, 6]]) {
      const A = randomMatrix(m, n, rnd);
      const { U, singularValues: s, V, rank } = svdDecomposition(A);
      expect(U.rows).toBe(m);
      expect(V.rows).toBe(n);
      expect(rank).toBe(Math.min(m, n));
      for (let k = 1; k < s.length; k++) expect(s[k]).toBeLessThanOrEqual(s[k - 1]);
      const back = matmul(scaleColumns(U, s), transpose(V));
      expect(maxAbsDiff(back.data, A.data)).toBeLessThan(16 * EPS * s[0]);
      expect(orthonormalityError(U)).toBeLessThan(16 * EPS);
      expect(orthonormalityError(V)).toBeLessThan(16 * EPS);
    }
    const f = loadFixtures().svd;
    const s = svdDecomposition(createMatrix(f.rows, f.cols, Float64Array.from(f.data))).singularValues;
    expect(maxAbsDiff(s, f.singularValues)).toBeLessThan(8 * EPS * f.singularValues[0]);
  });

  test('pseudo-inverse satisfies the four Penrose conditions on a rank-deficient matrix', () => {
    const rnd = lcg(2);
    const A = matmul(randomMatrix(6, 2, rnd), randomMatrix(2, 5, rnd));
    const P = pseudoInverse(A);
    const tol = 1e-12;
    expect(maxAbsDiff(matmul(matmul(A, P), A).data, A.data)).toBeLessThan(tol);
    expect(maxAbsDiff(matmul(matmul(P, A), P).data, P.data)).toBeLessThan(tol * normInf(P));
    const AP = matmul(A, P);
    const PA = matmul(P, A);
    expect(maxAbsDiff(AP.data, transpose(AP).data)).toBeLessThan(tol);
    expect(maxAbsDiff(PA.data, transpose(PA).data)).toBeLessThan(tol);
  });

  test('symmetric EVD: ascending eigenvalues, orthonormal vectors, A V = V Λ; matches numpy eigvalsh', () => {
    const f = loadFixtures().symmetricSqrt;
    const A = createMatrix(f.n, f.n, Float64Array.from(f.data));
    const { values, vectors } = symmetricEigenDecomposition(A);
    expect(maxAbsDiff(values, f.eigenvalues)).toBeLessThan(16 * EPS * values[f.n - 1]);
    for (let k = 1; k < f.n; k++) expect(values[k]).toBeGreaterThanOrEqual(values[k - 1]);
    expect(orthonormalityError(vectors)).toBeLessThan(16 * EPS);
    const AV = matmul(A, vectors);
    const VL = scaleColumns(vectors, values);
    expect(maxAbsDiff(AV.data, VL.data)).toBeLessThan(16 * EPS * values[f.n - 1]);
  });

  test('Cholesky accepts a product A·S·Aᵀ that is not bitwise symmetric (symmetrized first)', () => {
    const rnd = lcg(3);
    const G = randomMatrix(6, 6, rnd);
    const S = randomSpd(6, rnd);
    const P = matmul(matmul(G, S), transpose(G));
    let asymmetric = false;
    for (let i = 0; i < 6; i++) for (let j = 0; j < i; j++) if (P.data[i * 6 + j] !== P.data[j * 6 + i]) asymmetric = true;
    expect(asymmetric).toBe(true);
    const { L, solve } = choleskyDecomposition(P);
    const Ps = symmetrize(P);
    expect(maxAbsDiff(matmul(L, transpose(L)).data, Ps.data)).toBeLessThan(32 * EPS * normInf(Ps));
    const b = randomVec(6, rnd);
    const x = solve(b);
    const r = matvec(Ps, x);
    expect(maxAbsDiff(r, b) / (normInf(Ps) * maxAbs(x))).toBeLessThan(16 * EPS);
    expect(() => choleskyDecomposition(createMatrix(2, 2, new Float64Array([1, 2, 2, 1])))).toThrow(NumericalError);
  });

  test('LU: P A = L U, determinant of a Vandermonde matrix equals Π(x_j − x_i), solve residual', () => {
    const nodes = [0.1, 0.4, -0.7, 1.3, 2.0];
    const n = nodes.length;
    const V = createMatrix(n, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) V.data[i * n + j] = nodes[i] ** j;
    let det = 1;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) det *= nodes[j] - nodes[i];
    const lu = luDecomposition(V);
    expect(Math.abs(lu.determinant - det) / Math.abs(det)).toBeLessThan(1e-13);
    const PA = createMatrix(n, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) PA.data[i * n + j] = V.data[lu.pivots[i] * n + j];
    expect(maxAbsDiff(matmul(lu.L, lu.U).data, PA.data)).toBeLessThan(16 * EPS * normInf(V));
    const xTrue = new Float64Array([1, -1, 2, 0.5, 3]);
    expect(maxAbsDiff(lu.solve(matvec(V, xTrue)), xTrue)).toBeLessThan(1e-12);
    const singular = luDecomposition(createMatrix(2, 2, new Float64Array([1, 2, 2, 4])));
    expect(singular.isSingular).toBe(true);
    expect(() => singular.solve(new Float64Array(2))).toThrow(NumericalError);
  });

  test('QR: Q R = A with orthonormal Q; solve gives the least-squares solution', () => {
    const rnd = lcg(4);
    const A = randomMatrix(9, 4, rnd);
    const { Q, R, solve } = qrDecomposition(A);
    expect(maxAbsDiff(matmul(Q, R).data, A.data)).toBeLessThan(16 * EPS * normInf(A));
    expect(orthonormalityError(Q)).toBeLessThan(16 * EPS);
    for (let i = 0; i < 4; i++) for (let j = 0; j < i; j++) expect(R.data[i * 4 + j]).toBe(0);
    const b = randomVec(9, rnd);
    const x = solve(b);
    const r = matvec(A, x);
    for (let i = 0; i < 9; i++) r[i] -= b[i];
    expect(maxAbs(matvec(transpose(A), r))).toBeLessThan(1e-14);
    expect(() => qrDecomposition(randomMatrix(2, 3, rnd))).toThrow(InvalidArgumentError);
  });

  test('symmetric sqrt squares back to A, is bitwise symmetric, and matches scipy sqrtm', () => {
    const f = loadFixtures().symmetricSqrt;
    const A = createMatrix(f.n, f.n, Float64Array.from(f.data));
    const S = symmetricSqrt(A);
    for (let i = 0; i < f.n; i++) for (let j = 0; j < i; j++) expect(S.data[i * f.n + j]).toBe(S.data[j * f.n + i]);
    expect(maxAbsDiff(matmul(S, S).data, A.data) / normInf(A)).toBeLessThan(16 * f.n * EPS);
    expect(maxAbsDiff(S.data, f.sqrt) / maxAbs(f.sqrt)).toBeLessThan(1e-13);
    const W = symmetricInverseSqrt(A);
    expect(maxAbsDiff(matmul(matmul(W, A), W).data, identityMatrix(f.n).data)).toBeLessThan(1e-13);
    expect(maxAbsDiff(matmul(W, S).data, identityMatrix(f.n).data)).toBeLessThan(1e-13);
  });

  test('sqrt of a singular covariance clips round-off negatives; clearly indefinite input throws', () => {
    const rnd = lcg(5);
    const X = randomMatrix(6, 3, rnd);
    const C = symmetrize(matmul(X, transpose(X))); // rank 3, three eigenvalues ≈ ±1e-16
    const S = symmetricSqrt(C);
    expect(maxAbsDiff(matmul(S, S).data, C.data) / normInf(C)).toBeLessThan(1e-14);
    expect(() => symmetricInverseSqrt(C)).toThrow(NumericalError);
    const indefinite = createMatrix(2, 2, new Float64Array([1, 2, 2, 1]));
    let reason = '';
    try { symmetricSqrt(indefinite); } catch (e) { reason = (e as NumericalError).reason; }
    expect(reason).toBe('notPositiveSemidefinite');
    expect(() => symmetricSqrt(randomMatrix(2, 3, rnd))).toThrow(InvalidArgumentError);
    expect(() => symmetricSqrt(createMatrix(1, 1, new Float64Array([NaN])))).toThrow(/A\.data\[0\] must be a finite number/);
  });
});
