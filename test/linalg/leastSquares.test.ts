import { leastSquares } from '../../src/linalg/leastSquares';
import { choleskyFactor, choleskySolve, matmul, matvec, transpose, createMatrix } from '../../src/linalg/dense';
import { pseudoInverse, svdDecomposition } from '../../src/linalg/mlMatrixAdapter';
import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';
import type { DenseMatrix } from '../../src/core/types';
import { EPS, lcg, loadFixtures, maxAbs, maxAbsDiff, normInf, observedOrder, randomMatrix, randomVec } from './linalgTestUtils';

/** (AᵀA + λI)⁻¹Aᵀb by the normal equations (an independent, less stable formula). */
function normalEquations(A: DenseMatrix, b: Float64Array, lambda = 0): Float64Array {
  const At = transpose(A);
  const G = matmul(At, A);
  for (let i = 0; i < A.cols; i++) G.data[i * A.cols + i] += lambda;
  const { factor, status } = choleskyFactor(G);
  expect(status).toBe('success');
  return choleskySolve(factor, matvec(At, b));
}

/** A random rows×cols matrix of exact rank r (product of Gaussian-like factors). */
function lowRank(rows: number, cols: number, r: number, rnd: () => number): DenseMatrix {
  return matmul(randomMatrix(rows, r, rnd), randomMatrix(r, cols, rnd));
}

describe('leastSquares', () => {
  test('full rank: matches the normal-equation solution; residual orthogonal to range(A)', () => {
    const rnd = lcg(101);
    const A = randomMatrix(40, 7, rnd);
    const b = randomVec(40, rnd);
    const res = leastSquares(A, b);
    expect(res.status).toBe('success');
    expect(res.rank).toBe(7);
    const xn = normalEquations(A, b);
    expect(maxAbsDiff(res.x, xn) / maxAbs(xn)).toBeLessThan(1e-13);
    const r = matvec(A, res.x);
    for (let i = 0; i < 40; i++) r[i] -= b[i];
    const Atr = matvec(transpose(A), r);
    // backward-stable bound: ‖Aᵀr‖∞ ≲ m·ε·‖Aᵀ‖∞·(‖A‖∞‖x‖∞ + ‖b‖∞)
    expect(maxAbs(Atr)).toBeLessThan(40 * EPS * normInf(transpose(A)) * (normInf(A) * maxAbs(res.x) + maxAbs(b)));
    let rn = 0;
    for (const v of r) rn += v * v;
    expect(Math.abs(res.residualNorm - Math.sqrt(rn))).toBeLessThan(8 * EPS);
  });

  test('exact on consistent data: polynomial fitting recovers cubic coefficients', () => {
    const m = 25;
    const A = createMatrix(m, 4);
    const b = new Float64Array(m);
    const coef = [0.5, -2, 1.25, 3];
    for (let i = 0; i < m; i++) {
      const t = -1 + (2 * i) / (m - 1);
      for (let p = 0; p < 4; p++) A.data[i * 4 + p] = t ** p;
      b[i] = coef[0] + coef[1] * t + coef[2] * t * t + coef[3] * t ** 3;
    }
    const res = leastSquares(A, b);
    expect(maxAbsDiff(res.x, coef)).toBeLessThan(20 * EPS * 4);
    expect(res.residualNorm).toBeLessThan(20 * EPS * maxAbs(b));
  });

  test('rank deficient: minimum-norm solution equals pinv(A)·b (ml-matrix SVD) and numpy lstsq; rank reported', () => {
    const rnd = lcg(7);
    const A = lowRank(12, 9, 4, rnd);
    const b = randomVec(12, rnd);
    const res = leastSquares(A, b);
    expect(res.rank).toBe(4);
    expect(svdDecomposition(A).rank).toBe(4);
    expect(res.status).toBe('rankDeficient');
    const xp = matvec(pseudoInverse(A), b);
    expect(maxAbsDiff(res.x, xp) / maxAbs(xp)).toBeLessThan(1e-12);
    const f = loadFixtures().lstsqRankDeficient;
    const Af = createMatrix(f.rows, f.cols, Float64Array.from(f.data));
    const rf = leastSquares(Af, Float64Array.from(f.b));
    expect(rf.rank).toBe(f.rank);
    expect(maxAbsDiff(rf.x, f.x) / maxAbs(f.x)).toBeLessThan(1e-12);
    expect(Math.abs(rf.residualNorm - f.residualNorm)).toBeLessThan(1e-13);
  });

  test('minimum-norm solution is orthogonal to the null space', () => {
    const rnd = lcg(8);
    // columns 3 = column 0 + column 1, column 4 = 2·column 2: null space spanned by (1,1,0,-1,0), (0,0,2,0,-1)
    const A = createMatrix(10, 5);
    for (let i = 0; i < 10; i++) {
      const a = rnd(); const c = rnd(); const d = rnd();
      A.data.set([a, c, d, a + c, 2 * d], i * 5);
    }
    const res = leastSquares(A, randomVec(10, rnd));
    expect(res.rank).toBe(3);
    const x = res.x;
    expect(Math.abs(x[0] + x[1] - x[3])).toBeLessThan(1e-14);
    expect(Math.abs(2 * x[2] - x[4])).toBeLessThan(1e-14);
  });

  test('wide (underdetermined) problem: x = Aᵀ(AAᵀ)⁻¹b, matches numpy', () => {
    const f = loadFixtures().lstsqWide;
    const A = createMatrix(f.rows, f.cols, Float64Array.from(f.data));
    const b = Float64Array.from(f.b);
    const res = leastSquares(A, b);
    expect(res.rank).toBe(3);
    expect(res.status).toBe('rankDeficient');
    expect(maxAbsDiff(res.x, f.x) / maxAbs(f.x)).toBeLessThan(1e-13);
    expect(res.residualNorm).toBeLessThan(1e-14);
  });

  test('ridge: matches (AᵀA + λI)⁻¹Aᵀb (and scipy); the ridge solution tends to the minimum-norm one at order 1 in λ', () => {
    const f = loadFixtures().lstsqRankDeficient;
    const A = createMatrix(f.rows, f.cols, Float64Array.from(f.data));
    const b = Float64Array.from(f.b);
    const res = leastSquares(A, b, { ridge: f.ridge });
    expect(res.status).toBe('success');
    expect(res.rank).toBe(f.cols);
    expect(maxAbsDiff(res.x, f.xRidge) / maxAbs(f.xRidge)).toBeLessThan(1e-13);
    expect(maxAbsDiff(res.x, normalEquations(A, b, f.ridge)) / maxAbs(f.xRidge)).toBeLessThan(1e-12);
    const lambdas = [1e-2, 1e-3, 1e-4, 1e-5];
    const errs = lambdas.map((lambda) => maxAbsDiff(leastSquares(A, b, { ridge: lambda }).x, f.x));
    const order = observedOrder(lambdas, errs);
    expect(order).toBeGreaterThan(0.95);
    expect(order).toBeLessThan(1.05);
  });

  test('rcond sets the rank threshold; options.out receives x', () => {
    const rnd = lcg(9);
    const A = randomMatrix(6, 3, rnd);
    for (let i = 0; i < 6; i++) A.data[i * 3 + 2] = A.data[i * 3] + 1e-9 * rnd();
    const b = randomVec(6, rnd);
    expect(leastSquares(A, b).rank).toBe(3);
    expect(leastSquares(A, b, { rcond: 1e-6 }).rank).toBe(2);
    const out = new Float64Array(3);
    expect(leastSquares(A, b, { out }).x).toBe(out);
    expect(leastSquares(createMatrix(3, 2), new Float64Array([1, 2, 3])).rank).toBe(0);
  });

  test('invalid arguments throw named errors before any work', () => {
    const A = createMatrix(3, 2, new Float64Array([1, 2, 3, 4, 5, 6]));
    const b = new Float64Array(3);
    const out = new Float64Array(2).fill(7);
    expect(() => leastSquares(A, new Float64Array(2))).toThrow(InvalidTypeError);
    expect(() => leastSquares(A, b, { rcond: -1, out })).toThrow(/options\.rcond must be/);
    expect(() => leastSquares(A, b, { ridge: -1, out })).toThrow(InvalidArgumentError);
    expect(() => leastSquares({ rows: 3, cols: 2, data: new Float64Array(5) }, b)).toThrow(/A\.data must be/);
    const bad = createMatrix(3, 2, new Float64Array([1, NaN, 3, 4, 5, 6]));
    expect(() => leastSquares(bad, b, { out })).toThrow(/A\.data\[1\] must be a finite number/);
    expect(Array.from(out)).toEqual([7, 7]);
  });
});
