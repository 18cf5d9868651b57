import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';
import { FC_GRAM_FIT_RESIDUAL, FcGram, FcLegendre, FourierDiff } from '../../src/fft/index';

const f = (x: number): number => Math.sin(16 * x) - Math.cos(8 * x);
const df = (x: number): number => 16 * Math.cos(16 * x) + 8 * Math.sin(8 * x);

function derivative(n: number, fc: FcGram | FcLegendre, g = f): Float64Array {
  const h = 1 / (n - 1);
  return new FourierDiff({ n, h, continuation: fc }).derivative(Float64Array.from({ length: n }, (_, j) => g(j * h)), 1);
}

function maxError(n: number, D: Float64Array, dg = df): number {
  let e = 0;
  for (let j = 0; j < n; j++) e = Math.max(e, Math.abs(D[j] - dg(j / (n - 1))));
  return e;
}

/** Second-order finite differences (central inside, one-sided second order at the ends). */
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

const order = (e1: number, e2: number): number => Math.log2(e1 / e2);

describe('FC-Gram continuation', () => {
  it('has C × d matrices from fits accurate to round-off; restrict(extend(x)) = x with the data in the middle', () => {
    for (const d of [2, 3, 4, 5, 6]) {
      const fc = new FcGram({ matchingPoints: d });
      expect(fc.nAdditional).toBe(25);
      expect(fc.matrix.length).toBe(25 * d);
      expect(FC_GRAM_FIT_RESIDUAL[d]).toBeLessThan(1e-15);
    }
    const fc = new FcGram({ matchingPoints: 4 });
    const x = Float64Array.from({ length: 40 }, (_, j) => Math.cos(j * 0.3) + j);
    const ext = fc.extend(x);
    expect(ext.length).toBe(65);
    expect(ext.subarray(12, 52)).toEqual(x);
    expect(fc.restrict(ext)).toEqual(x);
    // strided input gives the same extension
    const wide = new Float64Array(81);
    for (let j = 0; j < 40; j++) wide[1 + 2 * j] = x[j];
    expect(fc.extend(wide, undefined, 40, 1, 2)).toEqual(ext);
  });

  it('differentiates polynomials of degree ≤ d − 1 up to the boundary (n = 101, ≤ 1e-8; observed ≤ 1.5e-10)', () => {
    for (const d of [3, 4, 5, 6]) {
      const p = (x: number) => 1 + 2 * x - 3 * x * x + (d > 3 ? 0.5 * x ** 3 : 0) + (d > 4 ? x ** 4 : 0) + (d > 5 ? -2 * x ** 5 : 0);
      const dp = (x: number) => 2 - 6 * x + (d > 3 ? 1.5 * x * x : 0) + (d > 4 ? 4 * x ** 3 : 0) + (d > 5 ? -10 * x ** 4 : 0);
      expect(maxError(101, derivative(101, new FcGram({ matchingPoints: d }), p), dp)).toBeLessThan(1e-8);
    }
  });

  it('sin(16x) − cos(8x) on [0, 1]: converges at order d − 1 with the continuation length fixed, far below second-order FD', () => {
    // observed: d = 3: 2.00, 2.00; d = 4 (n = 201 → 401 → 801): 2.70, 2.87 (→ 3); d = 5: 3.96, 3.99
    const cases: [number, number[], number, number][] = [[3, [101, 201, 401], 1.95, 2.05], [4, [201, 401, 801], 2.6, 3.05], [5, [101, 201, 401], 3.85, 4.1]];
    for (const [d, ns, lo, hi] of cases) {
      const e = ns.map((n) => maxError(n, derivative(n, new FcGram({ matchingPoints: d }))));
      for (let i = 1; i < ns.length; i++) {
        const p = order(e[i - 1], e[i]);
        expect(p).toBeGreaterThan(lo);
        expect(p).toBeLessThan(hi);
      }
    }
    // n = 401: FD2 8.54e-3, FC-Gram d = 5 7.95e-6
    expect(maxError(401, derivative(401, new FcGram({ matchingPoints: 5 })))).toBeLessThan(fd2Error(401) / 500);
  });

  it('agrees with FC-Legendre (an independent continuation) to within their errors', () => {
    const n = 201;
    const g = derivative(n, new FcGram({ matchingPoints: 5 }));
    const l = derivative(n, new FcLegendre({ matchingPoints: 5, nAdditional: 100 }));
    const eg = maxError(n, g), el = maxError(n, l);
    let diff = 0;
    for (let j = 0; j < n; j++) diff = Math.max(diff, Math.abs(g[j] - l[j]));
    expect(diff).toBeLessThanOrEqual(eg + el);
    expect(diff).toBeLessThan(5e-4); // observed errors 1.26e-4 (Gram) and 1.94e-4 (Legendre)
  });

  it('rejects bad options and short signals', () => {
    expect(() => new FcGram({ matchingPoints: 7 })).toThrow(InvalidArgumentError);
    expect(() => new FcGram({ matchingPoints: 1 })).toThrow(InvalidArgumentError);
    expect(() => new FcGram().extend(new Float64Array(3))).toThrow(InvalidArgumentError);
    expect(() => new FcGram().restrict(new Float64Array(10))).toThrow(InvalidTypeError);
    expect(() => new FourierDiff({ n: 4, h: 0.1, continuation: new FcGram() })).toThrow(InvalidTypeError);
  });
});
