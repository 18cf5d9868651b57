import { InvalidArgumentError } from '../../src/core/errors';
import { bsplineBasis, fitBSplineLeastSquares, uniformExtendedBSplineBasis, type BSplineBasis } from '../../src/diff/index';
import { lcg, maxAbsDiff, observedOrder } from './convergence';

function randomSites(count: number, a: number, b: number, seed: number): Float64Array {
  const rnd = lcg(seed);
  return Float64Array.from({ length: count }, () => a + (b - a) * (rnd() + 0.5));
}

/** Bessel J0 by the trapezoid rule on Bessel's integral (geometric convergence; 64 nodes ≫ enough for |x| ≤ 20). */
function besselJ0(x: number): number {
  const N = 64;
  let s = 0;
  for (let j = 0; j < N; j++) s += Math.cos(x * Math.sin(((j + 0.5) * Math.PI) / N));
  return s / N;
}

describe('least-squares B-spline fitting', () => {
  test.each(['normalEquations', 'qr'] as const)('%s: samples of a random spline recover its coefficients to ~1e-12', (method) => {
    for (const basis of [
      uniformExtendedBSplineBasis(-1, 1, 20, 3),
      uniformExtendedBSplineBasis(0, 2, 12, 5),
      bsplineBasis(new Float64Array([0, 0, 0, 0, 0.1, 0.3, 0.35, 0.6, 0.9, 1, 1, 1, 1]), 3),
    ]) {
      const rnd = lcg(17);
      const coef = Float64Array.from({ length: basis.size }, () => rnd());
      const [a, b] = basis.domain;
      const xs = randomSites(600, a, b, 23);
      const ys = basis.splineValues(coef, xs);
      const fit = fitBSplineLeastSquares(basis, xs, ys, { method });
      expect(fit.status).toBe('success');
      expect(fit.rank).toBe(basis.size);
      expect(fit.structuralRank).toBe(basis.size);
      expect(fit.method).toBe(method);
      expect(maxAbsDiff(fit.coefficients, coef)).toBeLessThan(1e-11);
      expect(fit.residualNorm).toBeLessThan(1e-12);
    }
  });

  test('rank deficiency (knot spans without samples) is reported; the minimum-norm solution is returned', () => {
    const basis = uniformExtendedBSplineBasis(0, 1, 10, 3); // 13 functions, spans of width 0.1
    // samples only in [0, 0.4] ∪ [0.8, 1]: spans 4..7 are empty
    const xs = Float64Array.from([...randomSites(80, 0, 0.4, 1), ...randomSites(40, 0.8, 1, 2)]);
    const ys = xs.map((x) => Math.sin(4 * x));
    const fit = fitBSplineLeastSquares(basis, xs, ys);
    expect(fit.status).toBe('rankDeficient');
    expect(fit.method).toBe('qr');
    // B_i lives on [(i−3)/10, (i+1)/10]: only B_7 = [0.4, 0.8] sees no sample; on [0, 0.4] the 7 functions
    // B_0..B_6 span the 3 + 4 = 7-dimensional spline space, on [0.8, 1] B_8..B_12 span 3 + 2 = 5 → rank 12
    expect(fit.structuralRank).toBe(12);
    expect(fit.rank).toBe(12);
    // the unsampled function gets a zero coefficient in the minimum-norm solution
    expect(Math.abs(fit.coefficients[7])).toBeLessThan(1e-12);
    // and the data are still fitted in the least-squares sense: the residual is orthogonal to every column
    const fitted = basis.splineValues(fit.coefficients, xs);
    const v = new Float64Array(4);
    const grad = new Float64Array(basis.size);
    for (let s = 0; s < xs.length; s++) {
      const st = basis.evaluate(xs[s], v);
      for (let r = 0; r < 4; r++) grad[st + r] += v[r] * (fitted[s] - ys[s]);
    }
    expect(Math.max(...grad.map(Math.abs))).toBeLessThan(1e-12);
  });

  test('fewer samples than coefficients (pykan-style initialisation G+1 → G+k): rank G+1, minimum norm', () => {
    const G = 5;
    const basis = uniformExtendedBSplineBasis(-1, 1, G, 3);
    const xs = Float64Array.from({ length: G + 1 }, (_, j) => -1 + (2 * j) / G);
    const ys = xs.map((x) => 0.1 * x * x - 0.05);
    const fit = fitBSplineLeastSquares(basis, xs, ys);
    expect(fit.status).toBe('rankDeficient');
    expect(fit.rank).toBe(G + 1);
    expect(fit.structuralRank).toBe(G + 1); // no zero column: the deficiency is only visible to Schoenberg–Whitney
    expect(fit.residualNorm).toBeLessThan(1e-14);
    // minimum norm: the solution is orthogonal to the null space of the design matrix, i.e. it lies in the
    // row space — equivalently c = Bᵀw for some w; check by comparing with the ridge limit λ → 0
    const ridgeFit = fitBSplineLeastSquares(basis, xs, ys, { ridge: 1e-12, method: 'qr' });
    expect(maxAbsDiff(fit.coefficients, ridgeFit.coefficients)).toBeLessThan(1e-9);
  });

  test('ridge: normal equations and QR agree with the dense regularized solution; status still reports deficiency', () => {
    const basis = uniformExtendedBSplineBasis(0, 1, 10, 3);
    const xs = Float64Array.from([...randomSites(60, 0, 0.4, 4), ...randomSites(30, 0.8, 1, 5)]);
    const ys = xs.map((x) => Math.exp(x));
    const ridge = 1e-3;
    const a = fitBSplineLeastSquares(basis, xs, ys, { ridge });
    const b = fitBSplineLeastSquares(basis, xs, ys, { ridge, method: 'qr' });
    const c = denseRidge(basis, xs, ys, ridge);
    expect(a.method).toBe('normalEquations');
    expect(a.status).toBe('rankDeficient');
    expect(maxAbsDiff(a.coefficients, c)).toBeLessThan(1e-10);
    expect(maxAbsDiff(b.coefficients, c)).toBeLessThan(1e-10);
  });

  test('cubic least-squares fit of J0(20x) on 1000 points: RMSE decays like G^−4 (kan spec check 12)', () => {
    const xs = Float64Array.from({ length: 1000 }, (_, q) => -1 + (2 * q) / 999);
    const ys = xs.map((x) => besselJ0(20 * x));
    const test = Float64Array.from({ length: 997 }, (_, q) => -1 + (2 * (q + 0.5)) / 997);
    const exact = test.map((x) => besselJ0(20 * x));
    const Gs = [50, 100, 200];
    const rmse = Gs.map((G) => {
      const basis = uniformExtendedBSplineBasis(-1, 1, G, 3);
      const fit = fitBSplineLeastSquares(basis, xs, ys);
      expect(fit.status).toBe('success');
      const pred = basis.splineValues(fit.coefficients, test);
      let s = 0;
      for (let q = 0; q < test.length; q++) s += (pred[q] - exact[q]) ** 2;
      return Math.sqrt(s / test.length);
    });
    const slope = observedOrder(Gs.map((G) => 1 / G), rmse);
    expect(slope).toBeGreaterThan(3.4);
    expect(slope).toBeLessThan(4.6);
  });

  test('validation', () => {
    const basis = uniformExtendedBSplineBasis(0, 1, 4, 2);
    expect(() => fitBSplineLeastSquares(basis, new Float64Array(3), new Float64Array(2))).toThrow(/ys/);
    expect(() => fitBSplineLeastSquares(basis, new Float64Array([0, NaN]), new Float64Array(2))).toThrow(InvalidArgumentError);
    expect(() => fitBSplineLeastSquares(basis, new Float64Array(2), new Float64Array(2), { ridge: -1 })).toThrow(/ridge/);
    expect(() => fitBSplineLeastSquares(basis, new Float64Array(2), new Float64Array(2), { method: 'svd' as never })).toThrow(/method/);
    expect(() => fitBSplineLeastSquares({} as never, new Float64Array(2), new Float64Array(2))).toThrow(/basis/);
  });
});

/** (BᵀB + λI) c = Bᵀy by dense Gaussian elimination (independent of the library's solvers). */
function denseRidge(basis: BSplineBasis, xs: Float64Array, ys: Float64Array, ridge: number): Float64Array {
  const nb = basis.size;
  const k = basis.degree;
  const A = new Float64Array(nb * nb);
  const b = new Float64Array(nb);
  const v = new Float64Array(k + 1);
  for (let s = 0; s < xs.length; s++) {
    const st = basis.evaluate(xs[s], v);
    for (let r = 0; r <= k; r++) {
      b[st + r] += v[r] * ys[s];
      for (let q = 0; q <= k; q++) A[(st + r) * nb + st + q] += v[r] * v[q];
    }
  }
  for (let i = 0; i < nb; i++) A[i * nb + i] += ridge;
  for (let c = 0; c < nb; c++) {
    for (let r = c + 1; r < nb; r++) {
      const f = A[r * nb + c] / A[c * nb + c];
      for (let j = c; j < nb; j++) A[r * nb + j] -= f * A[c * nb + j];
      b[r] -= f * b[c];
    }
  }
  const x = new Float64Array(nb);
  for (let i = nb - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < nb; j++) s -= A[i * nb + j] * x[j];
    x[i] = s / A[i * nb + i];
  }
  return x;
}
