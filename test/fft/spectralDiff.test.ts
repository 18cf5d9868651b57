import { InvalidArgumentError } from '../../src/core/errors';
import { gaussLegendre } from '../../src/quad/gaussLegendre';
import { FcLegendre, FourierDiff, normalizedLegendre } from '../../src/fft/index';

const f = (x: number): number => Math.sin(16 * x) - Math.cos(8 * x);
const df = (x: number): number => 16 * Math.cos(16 * x) + 8 * Math.sin(8 * x);

/** Max error of the FC derivative of f on linspace(0, 1, n). */
function fcError(n: number, d: number, nAdd: number): number {
  const h = 1 / (n - 1);
  const x = Float64Array.from({ length: n }, (_, j) => f(j * h));
  const D = new FourierDiff({ n, h, continuation: new FcLegendre({ matchingPoints: d, nAdditional: nAdd }) }).derivative(x, 1);
  let e = 0;
  for (let j = 0; j < n; j++) e = Math.max(e, Math.abs(D[j] - df(j * h)));
  return e;
}

/** Max error of second-order finite differences (central inside, one-sided at the ends). */
function fd2Error(n: number): number {
  const h = 1 / (n - 1);
  const x = Float64Array.from({ length: n }, (_, j) => f(j * h));
  let e = 0;
  for (let j = 0; j < n; j++) {
    const v = j === 0 ? (-3 * x[0] + 4 * x[1] - x[2]) / (2 * h) : j === n - 1 ? (3 * x[n - 1] - 4 * x[n - 2] + x[n - 3]) / (2 * h) : (x[j + 1] - x[j - 1]) / (2 * h);
    e = Math.max(e, Math.abs(v - df(j * h)));
  }
  return e;
}

describe('FC-Legendre (spec check 11)', () => {
  it('normalized Legendre polynomials are orthonormal on [-1, 1]', () => {
    const { nodes, weights } = gaussLegendre(20);
    const P = Array.from(nodes, (x) => normalizedLegendre(x, 11));
    for (let a = 0; a <= 11; a++) for (let b = 0; b <= 11; b++) {
      let s = 0;
      for (let q = 0; q < 20; q++) s += weights[q] * P[q][a] * P[q][b];
      expect(Math.abs(s - (a === b ? 1 : 0))).toBeLessThan(1e-13);
    }
  });

  it.each([1, 2, 3, 4, 5, 6])('d = %i: shape (nAdd, 2d) and exact continuation of polynomials of degree <= 2d - 1', (d) => {
    const nAdd = 30;
    const fc = new FcLegendre({ matchingPoints: d, nAdditional: nAdd });
    expect(fc.matrix.length).toBe(nAdd * 2 * d);
    const total = 2 * d + nAdd;
    const g = (j: number): number => -1 + (2 * j) / (total - 1);
    const coef = Array.from({ length: 2 * d }, (_, k) => Math.cos(1 + k) / (k + 1));
    const p = (x: number): number => coef.reduceRight((acc, c) => acc * x + c, 0);
    const b = Float64Array.from({ length: 2 * d }, (_, i) => p(g(i < d ? i : nAdd + i)));
    for (let r = 0; r < nAdd; r++) {
      let s = 0;
      for (let c = 0; c < 2 * d; c++) s += fc.matrix[r * 2 * d + c] * b[c];
      expect(Math.abs(s - p(g(d + r)))).toBeLessThan(1e-10);
    }
  });

  it('restrict(extend(x)) = x exactly, data in the middle, and odd nAdditional is rejected', () => {
    const fc = new FcLegendre({ matchingPoints: 4, nAdditional: 20 });
    const x = Float64Array.from({ length: 37 }, (_, j) => Math.exp(Math.sin(j)));
    const ext = fc.extend(x);
    expect(ext.length).toBe(57);
    expect(Array.from(ext.subarray(10, 47))).toEqual(Array.from(x));
    expect(Array.from(fc.restrict(ext))).toEqual(Array.from(x));
    expect(() => new FcLegendre({ nAdditional: 25 })).toThrow(InvalidArgumentError);
    expect(() => new FcLegendre({ nAdditional: 25 })).toThrow(/options.nAdditional must be an even integer/);
  });
});

describe('FC spectral derivative of sin(16x) - cos(8x) on [0, 1] (spec check 12)', () => {
  it('regression at n = 101 with nAdditional = 50: FC beats second-order FD for d = 3, 4, 5', () => {
    const fd = fd2Error(101);
    expect(fd).toBeGreaterThan(0.13); expect(fd).toBeLessThan(0.14);
    // observed 1.32e-1, 2.11e-2, 2.74e-3 (d = 3, 4, 5); FD2 1.36e-1
    const ref = [1.32e-1, 2.11e-2, 2.74e-3];
    [3, 4, 5].forEach((d, i) => {
      const e = fcError(101, d, 50);
      expect(e / ref[i]).toBeGreaterThan(0.97);
      expect(e / ref[i]).toBeLessThan(1.03);
      expect(e).toBeLessThan(fd);
    });
  });

  it('with nAdditional ∝ n the derivative converges at order ≈ d − 1; second-order FD at order 2', () => {
    const order = (e1: number, e2: number): number => Math.log2(e1 / e2);
    const ns = [101, 201, 401];
    const fdE = ns.map(fd2Error);
    for (let i = 1; i < ns.length; i++) {
      const p = order(fdE[i - 1], fdE[i]);
      expect(p).toBeGreaterThan(1.95); expect(p).toBeLessThan(2.05);
    }
    // d = 3: 1.92, 1.96; d = 4: 2.91, 2.95; d = 5: 3.82, 3.89 (nAdditional = (n − 1)/2)
    for (const [d, lo, hi] of [[3, 1.85, 2.05], [4, 2.8, 3.05], [5, 3.6, 4.05]]) {
      const e = ns.map((n) => fcError(n, d, (n - 1) / 2));
      for (let i = 1; i < ns.length; i++) {
        const p = order(e[i - 1], e[i]);
        expect(p).toBeGreaterThan(lo); expect(p).toBeLessThan(hi);
      }
      // d = 3 is second order like FD2 with a slightly larger constant (8.99e-3 vs 8.54e-3 at n = 401)
      if (d >= 4) expect(e[2]).toBeLessThan(fdE[2] / 10);
    }
  });

  it('with nAdditional fixed at 50 the error stops decreasing (continuation squeezed into 50h)', () => {
    const e = [201, 401, 801].map((n) => fcError(n, 4, 50));
    expect(e[2]).toBeGreaterThan(e[1]);
    expect(e[1]).toBeGreaterThan(e[0] * 0.9);
  });
});

describe('periodic FourierDiff (spec check 13)', () => {
  it.each([[16, 3], [17, 5], [64, 31], [45, 22]])('n = %i: derivatives of sin(kx), k = %i, to round-off', (n, k) => {
    const h = (2 * Math.PI) / n;
    const x = Float64Array.from({ length: n }, (_, j) => Math.sin(k * j * h));
    const D = new FourierDiff({ n, h });
    for (const order of [1, 2, 3, 4]) {
      const d = D.derivative(x, order);
      for (let j = 0; j < n; j++) {
        const exact = k ** order * Math.sin(k * j * h + (order * Math.PI) / 2);
        expect(Math.abs(d[j] - exact)).toBeLessThan(1e-12 * k ** order * n);
      }
    }
  });

  it('the spacing is honoured: linspace(0, 1, n) data need h = 1/(n − 1) explicitly', () => {
    const n = 101;
    const x = Float64Array.from({ length: n }, (_, j) => f(j / (n - 1)));
    const fc = new FcLegendre({ matchingPoints: 5, nAdditional: 50 });
    const good = new FourierDiff({ n, h: 1 / (n - 1), continuation: fc }).derivative(x);
    const wrong = new FourierDiff({ n, h: 1 / n, continuation: fc }).derivative(x);
    let eGood = 0, eWrong = 0;
    for (let j = 0; j < n; j++) { eGood = Math.max(eGood, Math.abs(good[j] - df(j / (n - 1)))); eWrong = Math.max(eWrong, Math.abs(wrong[j] - df(j / (n - 1)))); }
    expect(eGood).toBeLessThan(5e-3);
    expect(eWrong).toBeGreaterThan(0.1);
    expect(() => new FourierDiff({ n, h: 0 })).toThrow(InvalidArgumentError);
  });
});
