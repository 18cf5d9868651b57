import { readFileSync } from 'fs';
import { join } from 'path';
import { InvalidArgumentError } from '../../src/core/errors';
import { cubicSplineOperator, type SplineEndCondition } from '../../src/diff/index';
import { mappedGrid, sinhMap, tensorGrid2D, uniformGrid } from '../../src/grid/index';
import { lcg, maxAbsDiff } from './convergence';

const ref = JSON.parse(readFileSync(join(__dirname, '../fixtures/diff/reference.json'), 'utf8')).cubicSpline;
const x = Float64Array.from(ref.x as number[]);
const y = Float64Array.from(ref.y as number[]);
const xq = Float64Array.from(ref.xq as number[]);

const conditions: Record<string, [SplineEndCondition, SplineEndCondition]> = {
  natural: ['natural', 'natural'],
  notAKnot: ['notAKnot', 'notAKnot'],
  clamped: [{ type: 'clamped', slope: 0.7 }, { type: 'clamped', slope: -1.3 }],
  evenNatural: ['even', 'natural'],
  oddClamped: ['odd', { type: 'clamped', slope: 0.25 }],
  secondDerivative: [{ type: 'secondDerivative', value: 1.5 }, { type: 'secondDerivative', value: -0.5 }],
};

describe('cubic spline operator vs scipy.interpolate.CubicSpline (fixture)', () => {
  test.each(Object.keys(conditions))('%s: nodal S\', S\'\' and S, S\' between nodes', (name) => {
    const [left, right] = conditions[name];
    const c = ref.cases[name];
    const op = cubicSplineOperator(x, { left, right });
    const d1 = new Float64Array(x.length);
    const d2 = new Float64Array(x.length);
    op.derivatives(y, d1, d2);
    expect(maxAbsDiff(d1, c.d1)).toBeLessThan(1e-13);
    expect(maxAbsDiff(d2, c.d2)).toBeLessThan(2e-12);
    const s = op.fit(y);
    expect(maxAbsDiff(s.evaluate(xq), c.valuesAt)).toBeLessThan(1e-14);
    expect(maxAbsDiff(s.evaluate(xq, undefined, 1), c.d1At)).toBeLessThan(1e-13);
  });

  test('periodic', () => {
    const c = ref.cases.periodic;
    const yp = Float64Array.from(c.y as number[]);
    const op = cubicSplineOperator(x, { left: 'periodic', right: 'periodic' });
    const d1 = new Float64Array(x.length);
    const d2 = new Float64Array(x.length);
    op.derivatives(yp, d1, d2);
    expect(maxAbsDiff(d1, c.d1)).toBeLessThan(1e-12);
    expect(maxAbsDiff(d2, c.d2)).toBeLessThan(1e-11);
    const s = op.fit(yp);
    expect(maxAbsDiff(s.evaluate(xq), c.valuesAt)).toBeLessThan(1e-13);
    // wrapping: S(x + period) = S(x)
    const period = x[x.length - 1] - x[0];
    for (const t of [0.1, 0.77, 1.9]) {
      expect(s.value(t + period)).toBeCloseTo(s.value(t), 13);
      expect(s.value(t - 2 * period)).toBeCloseTo(s.value(t), 13);
    }
  });
});

describe('exactness and invariants', () => {
  const cubic = (t: number) => 0.5 - 1.25 * t + 0.8 * t * t - 0.3 * t ** 3;
  const cubic1 = (t: number) => -1.25 + 1.6 * t - 0.9 * t * t;
  const cubic2 = (t: number) => 1.6 - 1.8 * t;
  const cubic3 = () => -1.8;

  test.each([
    ['clamped (true slopes)', { left: { type: 'clamped', slope: cubic1(x[0]) }, right: { type: 'clamped', slope: cubic1(x[x.length - 1]) } }],
    ['not-a-knot', { left: 'notAKnot', right: 'notAKnot' }],
    ['second derivative (true values)', { left: { type: 'secondDerivative', value: cubic2(x[0]) }, right: { type: 'secondDerivative', value: cubic2(x[x.length - 1]) } }],
    ['not-a-knot + clamped', { left: 'notAKnot', right: { type: 'clamped', slope: cubic1(x[x.length - 1]) } }],
  ] as Array<[string, { left: SplineEndCondition; right: SplineEndCondition }]>)('%s reproduces a cubic polynomial exactly', (_name, opts) => {
    const op = cubicSplineOperator(x, opts);
    const f = x.map(cubic);
    const d1 = new Float64Array(x.length), d2 = new Float64Array(x.length), d3 = new Float64Array(x.length);
    op.derivatives(f, d1, d2, d3);
    expect(maxAbsDiff(d1, x.map(cubic1))).toBeLessThan(1e-13);
    expect(maxAbsDiff(d2, x.map(cubic2))).toBeLessThan(1e-12);
    expect(maxAbsDiff(d3, x.map(cubic3))).toBeLessThan(1e-11);
    const s = op.fit(f);
    expect(maxAbsDiff(s.evaluate(xq), xq.map(cubic))).toBeLessThan(1e-14);
    expect(maxAbsDiff(s.evaluate(xq, undefined, 3), xq.map(cubic3))).toBeLessThan(1e-11);
  });

  test('natural and periodic reproduce what they can: lines (natural), constants (periodic)', () => {
    const line = x.map((t) => 2 - 3 * t);
    const d1 = cubicSplineOperator(x, { left: 'natural', right: 'natural' }).derivatives(line);
    expect(maxAbsDiff(d1, new Float64Array(x.length).fill(-3))).toBeLessThan(1e-13);
    const op = cubicSplineOperator(x, { left: 'periodic' });
    const c = new Float64Array(x.length).fill(1.7);
    const pd1 = new Float64Array(x.length), pd2 = new Float64Array(x.length);
    op.derivatives(c, pd1, pd2);
    expect(Math.max(...pd1.map(Math.abs), ...pd2.map(Math.abs))).toBeLessThan(1e-14);
  });

  test('even data on a symmetric grid: the half-grid even spline equals the full symmetric spline', () => {
    // full grid −x_{n−1}..x_{n−1} with natural ends vs half grid with left 'even', right natural
    const half = mappedGrid(sinhMap({ length: 8, scale: 0.7 }), 25, { symmetry: 'even' });
    const n = half.n;
    const full = new Float64Array(2 * n - 1);
    for (let i = 0; i < n; i++) { full[n - 1 + i] = half.x[i]; full[n - 1 - i] = -half.x[i]; }
    const f = (t: number) => 1 / (1 + t * t / 3) + 0.1 * Math.cos(t);
    const dHalf = new Float64Array(n), d2Half = new Float64Array(n);
    cubicSplineOperator(half, { right: 'natural' }).derivatives(half.x.map(f), dHalf, d2Half); // left defaults to the grid's 'even'
    const dFull = new Float64Array(2 * n - 1), d2Full = new Float64Array(2 * n - 1);
    cubicSplineOperator(full, { left: 'natural', right: 'natural' }).derivatives(full.map(f), dFull, d2Full);
    for (let i = 0; i < n; i++) {
      expect(Math.abs(dHalf[i] - dFull[n - 1 + i])).toBeLessThan(1e-14);
      expect(Math.abs(d2Half[i] - d2Full[n - 1 + i])).toBeLessThan(1e-13);
    }
  });

  test('odd data: the half-grid odd spline equals the full antisymmetric spline', () => {
    const half = mappedGrid(sinhMap({ length: 5 }), 21, { symmetry: 'odd' });
    const n = half.n;
    const full = new Float64Array(2 * n - 1);
    for (let i = 0; i < n; i++) { full[n - 1 + i] = half.x[i]; full[n - 1 - i] = -half.x[i]; }
    const f = (t: number) => Math.atan(t) + 0.2 * Math.sin(2 * t);
    const dHalf = new Float64Array(n), d2Half = new Float64Array(n), d3Half = new Float64Array(n);
    cubicSplineOperator(half, { right: 'notAKnot' }).derivatives(half.x.map(f), dHalf, d2Half, d3Half);
    const dFull = new Float64Array(2 * n - 1), d2Full = new Float64Array(2 * n - 1), d3Full = new Float64Array(2 * n - 1);
    cubicSplineOperator(full, { left: 'notAKnot', right: 'notAKnot' }).derivatives(full.map(f), dFull, d2Full, d3Full);
    for (let i = 0; i < n; i++) {
      expect(Math.abs(dHalf[i] - dFull[n - 1 + i])).toBeLessThan(1e-13);
      expect(Math.abs(d2Half[i] - d2Full[n - 1 + i])).toBeLessThan(1e-12);
      expect(Math.abs(d3Half[i] - d3Full[n - 1 + i])).toBeLessThan(1e-10);
    }
  });

  test('linearity: D(a f + b g) = a D f + b D g to round-off (homogeneous end conditions)', () => {
    const rnd = lcg(3);
    const op = cubicSplineOperator(x, { left: 'even', right: 'natural' });
    const f = x.map(() => rnd()), g = x.map(() => rnd());
    const comb = f.map((v, i) => 2 * v - 3 * g[i]);
    const df = op.secondDerivative(f), dg = op.secondDerivative(g), dc = op.secondDerivative(comb);
    expect(maxAbsDiff(dc, df.map((v, i) => 2 * v - 3 * dg[i]))).toBeLessThan(1e-11);
  });

  test('repeated application gives identical results (scratch state does not leak between calls)', () => {
    const op = cubicSplineOperator(x, { left: 'notAKnot', right: 'natural' });
    const a = op.firstDerivative(y);
    op.secondDerivative(x.map(Math.sin));
    const b = op.firstDerivative(y);
    expect(Array.from(b)).toEqual(Array.from(a));
  });
});

describe('application along one axis of a row-major 2-D array', () => {
  test('axis 0 and axis 1 agree with line-by-line 1-D application', () => {
    const g0 = mappedGrid(sinhMap({ length: 20 }), 12, { symmetry: 'even' });
    const g1 = uniformGrid(7, { length: 2 });
    const t = tensorGrid2D(g0, g1);
    const u = t.fill((a, b) => Math.exp(-a * a / 10) * Math.cos(b + 0.3 * a));
    const op0 = cubicSplineOperator(g0, { right: 'natural' });
    const op1 = cubicSplineOperator(g1, { left: 'notAKnot', right: 'notAKnot' });
    const d1 = new Float64Array(t.size), d2 = new Float64Array(t.size), d3 = new Float64Array(t.size);
    op0.derivativesAlongAxis(u, t.shape, 0, d1, d2, d3);
    for (let j = 0; j < 7; j++) {
      const col = g0.x.map((_, i) => u[t.index(i, j)]);
      const c1 = new Float64Array(12), c2 = new Float64Array(12), c3 = new Float64Array(12);
      op0.derivatives(col, c1, c2, c3);
      for (let i = 0; i < 12; i++) {
        expect(d1[t.index(i, j)]).toBe(c1[i]);
        expect(d2[t.index(i, j)]).toBe(c2[i]);
        expect(d3[t.index(i, j)]).toBe(c3[i]);
      }
    }
    const e2 = new Float64Array(t.size);
    op1.derivativesAlongAxis(u, t.shape, 1, null, e2);
    for (let i = 0; i < 12; i++) {
      const row = u.slice(i * 7, i * 7 + 7);
      const r2 = op1.secondDerivative(row);
      for (let j = 0; j < 7; j++) expect(e2[t.index(i, j)]).toBe(r2[j]);
    }
    expect(() => op1.derivativesAlongAxis(u, t.shape, 0, d1)).toThrow(/shape\[0\]/);
  });
});

describe('validation', () => {
  test('arguments are checked before any work', () => {
    expect(() => cubicSplineOperator(x, { left: 'periodic', right: 'natural' })).toThrow(/periodic/);
    expect(() => cubicSplineOperator(new Float64Array([0, 1, 2]), { left: 'notAKnot', right: 'notAKnot' })).toThrow(/>= 4/);
    expect(() => cubicSplineOperator(x, { left: 'bogus' as never })).toThrow(InvalidArgumentError);
    expect(() => cubicSplineOperator(x, { left: { type: 'clamped', slope: NaN } })).toThrow(/slope/);
    expect(() => cubicSplineOperator(new Float64Array([0, 1, 1, 2]))).toThrow(/strictly increasing/);
    const op = cubicSplineOperator(x, { left: 'natural', right: 'natural' });
    expect(() => op.derivatives(new Float64Array(3))).toThrow(/values/);
    expect(() => op.fourthDerivativeAtLeftEnd(y)).toThrow(/'even'/);
  });

  test('two nodes: natural/clamped give the chord', () => {
    const op = cubicSplineOperator(new Float64Array([1, 3]), { left: 'natural', right: 'natural' });
    const d1 = op.derivatives(new Float64Array([2, 6]));
    expect(Array.from(d1)).toEqual([2, 2]);
  });
});
