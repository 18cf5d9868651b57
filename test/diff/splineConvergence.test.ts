/**
 * Observed orders of the cubic-spline nodal derivatives under refinement (same map, more nodes).
 * Theory (smooth f, end conditions exact for f): values O(h⁴); nodal S' O(h⁴) on uniform and
 * smoothly mapped grids but O(h³) on meshes whose spacing ratio does not tend to 1; S'' O(h²);
 * nodal S''' O(h²) with the midpoint interpolation used here; D2∘D2 at an even end O(h²) when
 * the reflected grid is smooth (map with z''(0) = 0). Not-a-knot ends cost one order in S'.
 */
import { cubicSplineOperator, parityFitDerivativesAtZero, type CubicSplineOptions } from '../../src/diff/index';
import { mappedGrid, sinhMap, tanhMap, uniformGrid, type Grid1D } from '../../src/grid/index';
import { observedOrder } from './convergence';

// f = 1/(1+z²) (even; the blowup profile's shape) and its derivatives
const f0 = (z: number) => 1 / (1 + z * z);
const f1 = (z: number) => (-2 * z) / (1 + z * z) ** 2;
const f2 = (z: number) => (6 * z * z - 2) / (1 + z * z) ** 3;
const f3 = (z: number) => (24 * z * (1 - z * z)) / (1 + z * z) ** 4;
const F4_AT_0 = 24;

interface Errors { value: number; d1: number; d2: number; d3: number; d4: number }

function errorsOn(grid: Grid1D, options: CubicSplineOptions, evenLeft: boolean): Errors {
  const n = grid.n;
  const u = grid.x.map(f0);
  const op = cubicSplineOperator(grid, options);
  const d1 = new Float64Array(n), d2 = new Float64Array(n), d3 = new Float64Array(n);
  op.derivatives(u, d1, d2, d3);
  const e: Errors = { value: 0, d1: 0, d2: 0, d3: 0, d4: 0 };
  for (let i = 0; i < n; i++) {
    const z = grid.x[i];
    e.d1 = Math.max(e.d1, Math.abs(d1[i] - f1(z)));
    e.d2 = Math.max(e.d2, Math.abs(d2[i] - f2(z)));
    e.d3 = Math.max(e.d3, Math.abs(d3[i] - f3(z)));
  }
  const s = op.fit(u);
  for (let i = 0; i < n - 1; i++) {
    const z = 0.5 * (grid.x[i] + grid.x[i + 1]);
    e.value = Math.max(e.value, Math.abs(s.value(z) - f0(z)));
  }
  e.d4 = evenLeft ? Math.abs(op.fourthDerivativeAtLeftEnd(u) - F4_AT_0) : NaN;
  return e;
}

function orders(makeGrid: (n: number) => Grid1D, options: CubicSplineOptions, ns: number[], evenLeft = true): Record<keyof Errors, number> {
  const hs = ns.map((n) => 1 / (n - 1));
  const all = ns.map((n) => errorsOn(makeGrid(n), options, evenLeft));
  const pick = (k: keyof Errors) => observedOrder(hs, all.map((e) => e[k]));
  return { value: pick('value'), d1: pick('d1'), d2: pick('d2'), d3: pick('d3'), d4: evenLeft ? pick('d4') : NaN };
}

function expectOrder(observed: number, expected: number, below = 0.2, above = 0.3): void {
  expect(observed).toBeGreaterThan(expected - below);
  expect(observed).toBeLessThan(expected + above);
}

describe('cubic spline: observed orders under refinement', () => {
  test('blowup configuration: sinh map A = 1 on [0, 1e5], even at 0, natural at L', () => {
    const p = orders((n) => mappedGrid(sinhMap({ length: 1e5 }), n, { symmetry: 'even' }), { left: 'even', right: 'natural' }, [151, 301, 601, 1201]);
    expectOrder(p.value, 4);
    expectOrder(p.d1, 4); // superconvergent: the sinh grid is smoothly mapped
    expectOrder(p.d2, 2);
    expectOrder(p.d3, 2);
    expectOrder(p.d4, 2); // D2∘D2 at 0
  });

  test('tanh map clustered at the right end (z\'\'(0) = 0), even at 0, clamped with the true slope at L', () => {
    const L = 4;
    const p = orders((n) => mappedGrid(tanhMap({ length: L, strength: 1.5, clusterAt: 'right' }), n),
      { left: 'even', right: { type: 'clamped', slope: f1(L) } }, [101, 201, 401, 801]);
    expectOrder(p.value, 4);
    expectOrder(p.d1, 4);
    expectOrder(p.d2, 2);
    expectOrder(p.d3, 2);
    expectOrder(p.d4, 2);
  });

  test('tanh map clustered at 0 (z\'\'(0) ≠ 0): the even reflection has a kink in the spacing, D2∘D2 drops to O(h)', () => {
    const L = 4;
    const p = orders((n) => mappedGrid(tanhMap({ length: L, strength: 2, clusterAt: 'left' }), n),
      { left: 'even', right: { type: 'clamped', slope: f1(L) } }, [101, 201, 401]);
    expectOrder(p.value, 4);
    expectOrder(p.d1, 4);
    expectOrder(p.d2, 2);
    expectOrder(p.d4, 1);
  });

  test('not-a-knot end: nodal S\' is O(h³) and S\'\'\' O(h) near that end (values stay O(h⁴), S\'\' O(h²))', () => {
    const p = orders((n) => uniformGrid(n, { length: 4 }), { left: 'notAKnot', right: 'notAKnot' }, [101, 201, 401, 801], false);
    expectOrder(p.value, 4);
    expectOrder(p.d1, 3);
    expectOrder(p.d2, 2);
    expectOrder(p.d3, 1);
  });

  test('irregular mesh (alternating spacings h, 2h): nodal S\' is only O(h³)', () => {
    const f = (z: number) => Math.sin(2 * z) + Math.exp(-z);
    const df = (z: number) => 2 * Math.cos(2 * z) - Math.exp(-z);
    const hs: number[] = [];
    const errs: number[] = [];
    for (const k of [50, 100, 200, 400]) {
      const n = 2 * k + 1;
      const x = new Float64Array(n);
      const H = 4 / (3 * k);
      for (let i = 1; i < n; i++) x[i] = x[i - 1] + (i % 2 === 1 ? H : 2 * H);
      const op = cubicSplineOperator(x, { left: { type: 'clamped', slope: df(0) }, right: { type: 'clamped', slope: df(x[n - 1]) } });
      const d1 = op.derivatives(x.map(f));
      let e = 0;
      for (let i = 0; i < n; i++) e = Math.max(e, Math.abs(d1[i] - df(x[i])));
      hs.push(H);
      errs.push(e);
    }
    expectOrder(observedOrder(hs, errs), 3, 0.1, 0.1);
  });

  test('natural end where f\'\' ≠ 0: S\'\' does not converge at that end (error → |f\'\'(0)|)', () => {
    const errs = [101, 201, 401].map((n) => errorsOn(uniformGrid(n, { length: 4 }), { left: 'natural', right: 'natural' }, false).d2);
    for (const e of errs) expect(Math.abs(e - 2)).toBeLessThan(1e-2); // |f''(0)| = 2
  });

  test('periodic spline on a trigonometric function: values O(h⁴), S\' O(h⁴), S\'\'\' O(h²) (uniform grid)', () => {
    const hs: number[] = [];
    const ev: number[] = [];
    const e1: number[] = [];
    const e3: number[] = [];
    for (const n of [33, 65, 129, 257]) {
      const g = uniformGrid(n, { length: 2 * Math.PI });
      const u = g.x.map((t) => Math.sin(t) + 0.5 * Math.cos(3 * t));
      const op = cubicSplineOperator(g, { left: 'periodic', right: 'periodic' });
      const d3 = new Float64Array(n);
      const d1 = op.derivatives(u, undefined, undefined, d3);
      let a = 0, b = 0, c = 0;
      for (let i = 0; i < n; i++) {
        b = Math.max(b, Math.abs(d1[i] - (Math.cos(g.x[i]) - 1.5 * Math.sin(3 * g.x[i]))));
        c = Math.max(c, Math.abs(d3[i] - (-Math.cos(g.x[i]) + 13.5 * Math.sin(3 * g.x[i]))));
      }
      const s = op.fit(u);
      for (let i = 0; i < n - 1; i++) {
        const t = 0.5 * (g.x[i] + g.x[i + 1]);
        a = Math.max(a, Math.abs(s.value(t) - Math.sin(t) - 0.5 * Math.cos(3 * t)));
      }
      hs.push(1 / (n - 1)); ev.push(a); e1.push(b); e3.push(c);
    }
    expectOrder(observedOrder(hs, ev), 4);
    expectOrder(observedOrder(hs, e1), 4);
    expectOrder(observedOrder(hs, e3), 2);
  });
});

describe('Taylor data at 0 from even/odd local fits', () => {
  test('even fit: exact on even polynomials of degree ≤ 2K−2', () => {
    const g = mappedGrid(sinhMap({ length: 10 }), 40, { symmetry: 'even' });
    const u = g.x.map((z) => 3 - 2 * z * z + 0.5 * z ** 4 - 0.1 * z ** 6);
    const t = parityFitDerivativesAtZero(g.x, u, 'even', 4);
    const exact = [3, -4, 0.5 * 24, -0.1 * 720];
    for (let j = 0; j < 4; j++) expect(Math.abs(t[j] - exact[j])).toBeLessThan(1e-9 * Math.max(1, Math.abs(exact[j])) * 10 ** j);
  });

  test('odd fit: exact on odd polynomials, skips the node at 0', () => {
    const g = uniformGrid(20, { length: 1, symmetry: 'odd' });
    const u = g.x.map((z) => 2 * z - z ** 3 + 0.25 * z ** 5);
    const t = parityFitDerivativesAtZero(g.x, u, 'odd', 3);
    expect(t[0]).toBeCloseTo(2, 11);
    expect(t[1]).toBeCloseTo(-6, 8);
    expect(t[2]).toBeCloseTo(30, 5);
  });

  test('even fit of f = 1/(1+z²): f\'\'\'\'(0) with K points converges with order 2K−4', () => {
    for (const K of [3, 4]) {
      const hs: number[] = [];
      const errs: number[] = [];
      for (const n of [101, 201, 401]) {
        const g = mappedGrid(sinhMap({ length: 1e5 }), n, { symmetry: 'even' });
        const t = parityFitDerivativesAtZero(g.x, g.x.map(f0), 'even', K);
        hs.push(1 / (n - 1));
        errs.push(Math.abs(t[2] - F4_AT_0));
      }
      expectOrder(observedOrder(hs, errs), 2 * K - 4);
    }
  });

  test('validation', () => {
    expect(() => parityFitDerivativesAtZero(new Float64Array([-1, 0, 1]), new Float64Array(3), 'even', 2)).toThrow(/nodes\[0\]/);
    expect(() => parityFitDerivativesAtZero(new Float64Array([0, 1, 2]), new Float64Array(3), 'odd', 3)).toThrow(/points/);
  });
});
