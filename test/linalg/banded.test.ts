import { BandedMatrix, bandedLU, BandedLUFactorization } from '../../src/linalg/banded';
import { bandedCholesky } from '../../src/linalg/bandedCholesky';
import { InvalidArgumentError, InvalidTypeError, NumericalError } from '../../src/core/errors';
import { EPS, lcg, loadFixtures, maxAbs, maxAbsDiff, observedOrder, randomVec } from './linalgTestUtils';

function randomBanded(n: number, kl: number, ku: number, rnd: () => number): BandedMatrix {
  const A = new BandedMatrix(n, kl, ku);
  for (let i = 0; i < n; i++) for (let j = Math.max(0, i - kl); j <= Math.min(n - 1, i + ku); j++) A.set(i, j, rnd());
  return A;
}

/** Normwise relative backward error ‖b − Ax‖∞ / (‖A‖∞‖x‖∞ + ‖b‖∞) (Rigal–Gaches). */
function backwardError(A: BandedMatrix, x: Float64Array, b: Float64Array): number {
  const r = A.matvec(x);
  for (let i = 0; i < r.length; i++) r[i] -= b[i];
  const dense = A.toDense();
  let normA = 0;
  for (let i = 0; i < A.n; i++) {
    let s = 0;
    for (let j = 0; j < A.n; j++) s += Math.abs(dense[i * A.n + j]);
    normA = Math.max(normA, s);
  }
  return maxAbs(r) / (normA * maxAbs(x) + maxAbs(b));
}

/** Pentadiagonal fourth-order −u'' on (0,1), u(0) = u(1) = 0, odd reflection at both ends. */
function fourthOrderLaplacian(n: number): BandedMatrix {
  const h = 1 / (n + 1);
  const c = 1 / (12 * h * h);
  const A = new BandedMatrix(n, 2, 2);
  for (let i = 0; i < n; i++) {
    A.set(i, i, 30 * c);
    if (i >= 1) A.set(i, i - 1, -16 * c);
    if (i + 1 < n) A.set(i, i + 1, -16 * c);
    if (i >= 2) A.set(i, i - 2, c);
    if (i + 2 < n) A.set(i, i + 2, c);
  }
  A.add(0, 0, -c); // ghost u(-h) = -u(h)
  A.add(n - 1, n - 1, -c);
  return A;
}

describe('BandedMatrix storage', () => {
  test('entry (i, j) lives at data[i*(kl+ku+1) + (j - i + kl)]; get is zero outside the band', () => {
    const A = new BandedMatrix(5, 1, 2);
    A.set(3, 2, 7);
    A.set(1, 3, -2);
    A.add(1, 3, 0.5);
    expect(A.data[3 * 4 + (2 - 3 + 1)]).toBe(7);
    expect(A.data[1 * 4 + (3 - 1 + 1)]).toBe(-1.5);
    expect(A.get(1, 3)).toBe(-1.5);
    expect(A.get(4, 0)).toBe(0);
    expect(A.indexOf(0, 4)).toBe(-1);
    expect(() => A.set(4, 0, 1)).toThrow(InvalidArgumentError);
    expect(() => A.get(5, 0)).toThrow(InvalidArgumentError);
  });

  test('matvec agrees with the dense product', () => {
    const rnd = lcg(3);
    const A = randomBanded(9, 2, 3, rnd);
    const x = randomVec(9, rnd);
    const dense = A.toDense();
    const y = new Float64Array(9);
    for (let i = 0; i < 9; i++) for (let j = 0; j < 9; j++) y[i] += dense[i * 9 + j] * x[j];
    expect(maxAbsDiff(A.matvec(x), y)).toBeLessThan(4 * EPS);
  });

  test('invalid arguments throw named errors', () => {
    expect(() => new BandedMatrix(0, 0, 0)).toThrow(/^n must be an integer >= 1/);
    expect(() => new BandedMatrix(4, 4, 0)).toThrow(InvalidArgumentError);
    expect(() => new BandedMatrix(4, 1, 1.5)).toThrow(/ku must be/);
    expect(() => new BandedMatrix(4, 1, 1, new Float64Array(3))).toThrow(InvalidTypeError);
    const A = new BandedMatrix(4, 1, 1);
    expect(() => A.matvec(new Float64Array(3))).toThrow(InvalidTypeError);
    expect(() => bandedLU({} as BandedMatrix)).toThrow(InvalidTypeError);
    expect(() => bandedCholesky(null as unknown as BandedMatrix)).toThrow(InvalidTypeError);
    expect(() => bandedCholesky(new BandedMatrix(4, 0, 1))).toThrow(/A\.kl must be equal to A\.ku/);
  });
});

describe('bandedLU (partial pivoting)', () => {
  test('backward error at round-off on a random non-symmetric banded system', () => {
    const rnd = lcg(17);
    const n = 300;
    const A = randomBanded(n, 3, 2, rnd);
    const b = randomVec(n, rnd);
    const x = bandedLU(A).solve(b);
    expect(backwardError(A, x, b)).toBeLessThan(2 * EPS);
  });

  test('solves a system with zero diagonal entries (needs pivoting) and matches scipy solve_banded', () => {
    const f = loadFixtures().bandedPivoting;
    const A = new BandedMatrix(f.n, f.kl, f.ku, Float64Array.from(f.data));
    expect(A.get(0, 0)).toBe(0);
    const lu = bandedLU(A);
    const x = lu.solve(Float64Array.from(f.b));
    expect(maxAbsDiff(x, f.x) / maxAbs(f.x)).toBeLessThan(1e-13);
    expect(backwardError(A, x, Float64Array.from(f.b))).toBeLessThan(2 * EPS);
    expect(Math.abs(lu.logAbsDeterminant() - f.logAbsDet)).toBeLessThan(1e-13);
    expect(Math.sign(lu.determinant())).toBe(f.detSign);
  });

  test('pivoting keeps a tiny-pivot system stable (no pivoting would lose all digits)', () => {
    // [δ 1; 1 1] x = [1, 2] with δ = 1e-18: x ≈ [1, 1]; unpivoted elimination returns x0 = 0
    const A = new BandedMatrix(2, 1, 1);
    A.set(0, 0, 1e-18); A.set(0, 1, 1); A.set(1, 0, 1); A.set(1, 1, 1);
    const x = bandedLU(A).solve(new Float64Array([1, 2]));
    expect(Math.abs(x[0] - 1)).toBeLessThan(2 * EPS);
    expect(Math.abs(x[1] - 1)).toBeLessThan(2 * EPS);
  });

  test('an all-zero diagonal (A = tridiag(1, 0, 1), n even) is solved exactly', () => {
    const n = 8;
    const A = new BandedMatrix(n, 1, 1);
    for (let i = 0; i + 1 < n; i++) { A.set(i, i + 1, 1); A.set(i + 1, i, 1); }
    const xTrue = Float64Array.from({ length: n }, (_, i) => i + 1);
    const x = bandedLU(A).solve(A.matvec(xTrue));
    expect(maxAbsDiff(x, xTrue)).toBe(0);
  });

  test('throws NumericalError("singular") for a singular matrix', () => {
    const A = new BandedMatrix(3, 1, 1);
    A.set(0, 0, 1); A.set(0, 1, 2); A.set(1, 0, 2); A.set(1, 1, 4); A.set(2, 2, 1);
    expect(() => bandedLU(A)).toThrow(NumericalError);
    try { bandedLU(A); } catch (e) { expect((e as NumericalError).reason).toBe('singular'); }
  });

  test('strided in-place solve along a column of a row-major array; refactor reuses storage', () => {
    const rnd = lcg(5);
    const n = 20;
    const cols = 3;
    const A = randomBanded(n, 2, 1, rnd);
    const lu = new BandedLUFactorization(A);
    const field = randomVec(n * cols, rnd);
    const column = Float64Array.from({ length: n }, (_, i) => field[i * cols + 1]);
    lu.solveStrided(field, cols, 1, field, cols, 1);
    const x = lu.solve(column);
    for (let i = 0; i < n; i++) expect(field[i * cols + 1]).toBe(x[i]);
    const B = randomBanded(n, 2, 1, rnd);
    const b = randomVec(n, rnd);
    expect(maxAbsDiff(lu.factor(B).solve(b), bandedLU(B).solve(b))).toBe(0);
    expect(() => lu.factor(new BandedMatrix(n, 1, 1))).toThrow(InvalidArgumentError);
    expect(() => lu.solveStrided(field, cols, 1, field, cols * 2, 1)).toThrow(InvalidArgumentError);
  });
});

describe('bandedCholesky', () => {
  test('residual at round-off on a random SPD banded matrix; lower-band-only storage gives the same factor', () => {
    const rnd = lcg(23);
    const n = 200;
    const k = 4;
    const A = new BandedMatrix(n, k, k);
    const L = new BandedMatrix(n, k, 0);
    for (let i = 0; i < n; i++) {
      for (let j = Math.max(0, i - k); j < i; j++) {
        const v = rnd();
        A.set(i, j, v); A.set(j, i, v); L.set(i, j, v);
      }
      A.set(i, i, 3 + rnd()); L.set(i, i, A.get(i, i));
    }
    const b = randomVec(n, rnd);
    const x = bandedCholesky(A).solve(b);
    expect(backwardError(A, x, b)).toBeLessThan(2 * EPS);
    expect(maxAbsDiff(bandedCholesky(L).solve(b), x)).toBe(0);
    expect(Math.abs(bandedCholesky(A).logDeterminant() - bandedLU(A).logAbsDeterminant())).toBeLessThan(1e-12 * n);
  });

  test('5-point Laplacian: exact on x(1-x)y(1-y) to round-off times cond', () => {
    const m = 31; // interior nodes per direction, kl = ku = m
    const h = 1 / (m + 1);
    const n = m * m;
    const A = new BandedMatrix(n, m, m);
    const b = new Float64Array(n);
    const exact = new Float64Array(n);
    for (let iy = 0; iy < m; iy++) {
      for (let ix = 0; ix < m; ix++) {
        const p = iy * m + ix;
        const x = (ix + 1) * h;
        const y = (iy + 1) * h;
        A.set(p, p, 4 / (h * h));
        if (ix > 0) A.set(p, p - 1, -1 / (h * h));
        if (ix < m - 1) A.set(p, p + 1, -1 / (h * h));
        if (iy > 0) A.set(p, p - m, -1 / (h * h));
        if (iy < m - 1) A.set(p, p + m, -1 / (h * h));
        b[p] = 2 * (x * (1 - x) + y * (1 - y));
        exact[p] = x * (1 - x) * y * (1 - y);
      }
    }
    const chol = bandedCholesky(A);
    const u = chol.solve(b);
    // cond(A) ≈ 4/(π²h²) ≈ 415: error bound ≈ cond·ε·‖u‖ ≈ 6e-15
    expect(maxAbsDiff(u, exact) / maxAbs(exact)).toBeLessThan(415 * 8 * EPS);
    expect(maxAbsDiff(bandedLU(A).solve(b), u) / maxAbs(exact)).toBeLessThan(415 * 8 * EPS);
  });

  test('fourth-order pentadiagonal discretization converges at order 4 (Cholesky and LU agree)', () => {
    const hs: number[] = [];
    const errs: number[] = [];
    for (const n of [15, 31, 63, 127]) {
      const h = 1 / (n + 1);
      const A = fourthOrderLaplacian(n);
      const f = Float64Array.from({ length: n }, (_, i) => Math.PI * Math.PI * Math.sin(Math.PI * (i + 1) * h));
      const u = bandedCholesky(A).solve(f);
      const cond = 64 / (12 * h * h) / (Math.PI * Math.PI); // λmax/λmin of the operator
      expect(maxAbsDiff(u, bandedLU(A).solve(f))).toBeLessThan(4 * cond * EPS);
      let err = 0;
      for (let i = 0; i < n; i++) err = Math.max(err, Math.abs(u[i] - Math.sin(Math.PI * (i + 1) * h)));
      hs.push(h);
      errs.push(err);
    }
    const order = observedOrder(hs, errs);
    expect(order).toBeGreaterThan(3.9);
    expect(order).toBeLessThan(4.1);
  });

  test('rejects an indefinite matrix with NumericalError("notPositiveDefinite")', () => {
    const A = new BandedMatrix(4, 1, 1);
    for (let i = 0; i < 4; i++) { A.set(i, i, 1); if (i > 0) { A.set(i, i - 1, 2); A.set(i - 1, i, 2); } }
    let caught: unknown;
    try { bandedCholesky(A); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(NumericalError);
    expect((caught as NumericalError).reason).toBe('notPositiveDefinite');
    expect(() => bandedLU(A).solve(new Float64Array(4))).not.toThrow();
  });
});
