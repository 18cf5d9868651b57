import {
  ComplexTridiagonalFactorization, solveComplexTridiagonal, zaxpy, zdotc, zdotu, znrm2,
} from '../../src/linalg/complex';
import { InvalidArgumentError, InvalidTypeError, NumericalError } from '../../src/core/errors';
import { EPS, lcg, loadFixtures, maxAbs, maxAbsDiff, observedOrder, randomVec } from './linalgTestUtils';

/** r = A x − b for the complex tridiagonal convention (interleaved storage). */
function tridiagonalResidual(lo: Float64Array, d: Float64Array, up: Float64Array, x: Float64Array, b: Float64Array): Float64Array {
  const n = d.length / 2;
  const r = new Float64Array(2 * n);
  const mul = (a: Float64Array, i: number, k: number) => [a[2 * i] * x[2 * k] - a[2 * i + 1] * x[2 * k + 1], a[2 * i] * x[2 * k + 1] + a[2 * i + 1] * x[2 * k]];
  for (let i = 0; i < n; i++) {
    let [re, im] = mul(d, i, i);
    if (i > 0) { const [a, c] = mul(lo, i, i - 1); re += a; im += c; }
    if (i + 1 < n) { const [a, c] = mul(up, i, i + 1); re += a; im += c; }
    r[2 * i] = re - b[2 * i];
    r[2 * i + 1] = im - b[2 * i + 1];
  }
  return r;
}

/** −u'' − k²u = 0 on (0,1), u(0) = 1, outgoing condition u'(1) = iku(1); exact u = e^{ikx}. */
function helmholtzError(k: number, n: number): number {
  const h = 1 / n;
  const lo = new Float64Array(2 * n);
  const d = new Float64Array(2 * n);
  const up = new Float64Array(2 * n);
  const b = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) { // unknowns u(x_j), x_j = (j+1)h
    d[2 * i] = 2 / (h * h) - k * k;
    if (i > 0) lo[2 * i] = -1 / (h * h);
    if (i + 1 < n) up[2 * i] = -1 / (h * h);
  }
  b[0] = 1 / (h * h); // Dirichlet u(0) = 1 moved to the right-hand side
  lo[2 * (n - 1)] = -2 / (h * h); // ghost u_{n+1} = u_{n-1} + 2ikh·u_n
  d[2 * (n - 1) + 1] = -2 * k / h;
  const u = solveComplexTridiagonal(lo, d, up, b);
  const r = tridiagonalResidual(lo, d, up, u, b);
  expect(maxAbs(r) / ((4 / (h * h)) * maxAbs(u) + maxAbs(b))).toBeLessThan(4 * EPS);
  let err = 0;
  for (let j = 0; j < n; j++) {
    const x = (j + 1) * h;
    err = Math.max(err, Math.hypot(u[2 * j] - Math.cos(k * x), u[2 * j + 1] - Math.sin(k * x)));
  }
  return err;
}

describe('complex BLAS-1 kernels', () => {
  const f = loadFixtures().complexBlas;
  const x = Float64Array.from(f.x);
  const y = Float64Array.from(f.y);

  test('zdotu, zdotc, znrm2, zaxpy match numpy', () => {
    const out = new Float64Array(2);
    expect(zdotu(7, x, 1, 0, y, 1, 0, out)).toBe(out);
    expect(maxAbsDiff(out, f.dotu)).toBeLessThan(8 * EPS * 7);
    expect(maxAbsDiff(zdotc(7, x, 1, 0, y, 1, 0, out), f.dotc)).toBeLessThan(8 * EPS * 7);
    expect(Math.abs(znrm2(7, x, 1, 0) - f.nrm2)).toBeLessThan(4 * EPS * f.nrm2);
    const z = Float64Array.from(y);
    expect(zaxpy(7, f.axpyAlpha[0], f.axpyAlpha[1], x, 1, 0, z, 1, 0)).toBe(z);
    expect(maxAbsDiff(z, f.axpy)).toBeLessThan(8 * EPS);
  });

  test('strides and offsets count complex entries (negative strides allowed)', () => {
    const out = new Float64Array(2);
    zdotu(3, x, 2, 1, y, -1, 6, out); // x[1], x[3], x[5] · y[6], y[5], y[4]
    expect(maxAbsDiff(out, f.dotuStrided)).toBeLessThan(8 * EPS * 3);
    const z = new Float64Array(8);
    zaxpy(2, 1, 0, x, 3, 1, z, 2, 1); // z[1] = x[1], z[3] = x[4]
    expect(Array.from(z)).toEqual([0, 0, x[2], x[3], 0, 0, x[8], x[9]]);
    expect(znrm2(2, new Float64Array([3, 4, 9, 9, 0, 12]), 2, 0)).toBe(13);
  });

  test('zdotc(x, x) = ‖x‖² (real); zdotu(x, x) is the unconjugated square; znrm2 does not overflow', () => {
    const out = new Float64Array(2);
    zdotc(7, x, 1, 0, x, 1, 0, out);
    expect(out[1]).toBe(0);
    expect(Math.abs(out[0] - znrm2(7, x, 1, 0) ** 2)).toBeLessThan(16 * EPS * out[0]);
    zdotu(1, new Float64Array([0, 1]), 1, 0, new Float64Array([0, 1]), 1, 0, out);
    expect(Array.from(out)).toEqual([-1, 0]);
    expect(znrm2(2, new Float64Array([3e300, 0, 0, 4e300]), 1, 0) / 5e300 - 1).toBeLessThan(2 * EPS);
    expect(znrm2(0, new Float64Array(0), 1, 0)).toBe(0);
  });

  test('invalid arguments throw named errors', () => {
    const out = new Float64Array(2);
    expect(() => zdotu(8, x, 1, 0, y, 1, 0, out)).toThrow(InvalidArgumentError);
    expect(() => zdotc(2, x, 1, 0, y, 1, 0, new Float64Array(3))).toThrow(/out2 must be a Float64Array of length 2/);
    expect(() => zaxpy(2, NaN, 0, x, 1, 0, y, 1, 0)).toThrow(/alphaRe must be a finite number/);
    expect(() => znrm2(-1, x, 1, 0)).toThrow(InvalidArgumentError);
    expect(() => znrm2(2, [1, 2, 3, 4] as unknown as Float64Array, 1, 0)).toThrow(InvalidTypeError);
  });
});

describe('complex tridiagonal solver (partial pivoting)', () => {
  test('matches scipy solve_banded on an indefinite system with a zero diagonal entry', () => {
    const f = loadFixtures().complexTridiagonal;
    const lo = Float64Array.from(f.lower);
    const d = Float64Array.from(f.diag);
    const up = Float64Array.from(f.upper);
    const b = Float64Array.from(f.rhs);
    const x = solveComplexTridiagonal(lo, d, up, b);
    expect(maxAbsDiff(x, f.x) / maxAbs(f.x)).toBeLessThan(1e-13);
    expect(maxAbs(tridiagonalResidual(lo, d, up, x, b))).toBeLessThan(1e-14 * maxAbs(f.x));
  });

  test('residual at round-off on a random complex system; solve in place; refactor-free reuse', () => {
    const rnd = lcg(31);
    const n = 400;
    const lo = randomVec(2 * n, rnd);
    const d = randomVec(2 * n, rnd);
    const up = randomVec(2 * n, rnd);
    const b = randomVec(2 * n, rnd);
    const fac = new ComplexTridiagonalFactorization(lo, d, up);
    const x = fac.solve(b);
    const r = tridiagonalResidual(lo, d, up, x, b);
    // normwise backward error ‖r‖∞ / (‖A‖∞‖x‖∞ + ‖b‖∞), ‖A‖∞ ≤ 3·√2·max|entry|
    expect(maxAbs(r) / (3 * Math.SQRT2 * 0.5 * maxAbs(x) + maxAbs(b))).toBeLessThan(8 * EPS);
    const inPlace = Float64Array.from(b);
    expect(maxAbsDiff(fac.solve(inPlace, inPlace), x)).toBe(0);
  });

  test('1D Helmholtz with an outgoing boundary converges at order 2 to e^{ikx}', () => {
    const k = 10;
    const ns = [100, 200, 400, 800];
    const errs = ns.map((n) => helmholtzError(k, n));
    const order = observedOrder(ns.map((n) => 1 / n), errs);
    expect(order).toBeGreaterThan(1.95);
    expect(order).toBeLessThan(2.05);
  });

  test('singular matrix throws NumericalError("singular"); bad shapes throw before work', () => {
    const z = new Float64Array(4);
    let reason = '';
    try { solveComplexTridiagonal(z, new Float64Array([1, 0, 0, 0]), z, z); } catch (e) { reason = (e as NumericalError).reason; }
    expect(reason).toBe('singular');
    expect(() => new ComplexTridiagonalFactorization(z, new Float64Array(3), z)).toThrow(InvalidArgumentError);
    expect(() => new ComplexTridiagonalFactorization(new Float64Array(2), new Float64Array(4), z)).toThrow(InvalidTypeError);
    const fac = new ComplexTridiagonalFactorization(z, new Float64Array([1, 0, 1, 0]), z);
    expect(() => fac.solve(new Float64Array(2))).toThrow(InvalidTypeError);
  });
});
