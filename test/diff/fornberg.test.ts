import { readFileSync } from 'fs';
import { join } from 'path';
import { InvalidArgumentError } from '../../src/core/errors';
import { fornbergWeights } from '../../src/diff/fornberg';
import { finiteDifferenceOperator } from '../../src/diff/finiteDifferenceOperator';
import { mappedGrid, sinhMap, tanhMap, uniformGrid } from '../../src/grid/index';
import { lcg, observedOrder } from './convergence';

const reference = JSON.parse(readFileSync(join(__dirname, '../fixtures/diff/reference.json'), 'utf8'));

describe('fornbergWeights', () => {
  test('classical centred weights (5-point first and second derivative)', () => {
    const w = fornbergWeights(0, [-2, -1, 0, 1, 2], 2);
    const d1 = [1 / 12, -2 / 3, 0, 2 / 3, -1 / 12];
    const d2 = [-1 / 12, 4 / 3, -5 / 2, 4 / 3, -1 / 12];
    for (let j = 0; j < 5; j++) {
      expect(w[j]).toBeCloseTo(j === 2 ? 1 : 0, 15);
      expect(w[5 + j]).toBeCloseTo(d1[j], 14);
      expect(w[10 + j]).toBeCloseTo(d2[j], 14);
    }
  });

  test('agrees with 50-digit Vandermonde solves (mpmath fixture) on non-uniform stencils', () => {
    for (const c of reference.fornberg) {
      const n = c.nodes.length;
      const w = fornbergWeights(c.x0, c.nodes, c.maxOrder);
      for (let m = 0; m <= c.maxOrder; m++) {
        const scale = Math.max(...c.weights[m].map(Math.abs));
        for (let j = 0; j < n; j++) expect(Math.abs(w[m * n + j] - c.weights[m][j]) / scale).toBeLessThan(1e-12);
      }
    }
  });

  test('exact on polynomials up to degree n−1 for every derivative order (random stencils)', () => {
    const rnd = lcg(11);
    for (let trial = 0; trial < 20; trial++) {
      const n = 2 + (trial % 7);
      const nodes = Array.from({ length: n }, (_, j) => j + 0.8 * rnd()); // distinct, unsorted order below
      nodes.reverse();
      const x0 = 2 * rnd() + n / 2;
      const M = n + 1;
      const w = fornbergWeights(x0, nodes, M);
      for (let p = 0; p <= n - 1; p++) {
        // f = (x − c)^p, c chosen so that values are O(1)
        const c = n / 2;
        for (let m = 0; m <= M; m++) {
          let approx = 0;
          for (let j = 0; j < n; j++) approx += w[m * n + j] * (nodes[j] - c) ** p;
          let exact = 0;
          if (m <= p) {
            let coef = 1;
            for (let q = 0; q < m; q++) coef *= p - q;
            exact = coef * (x0 - c) ** (p - m);
          }
          const scale = w.slice(m * n, m * n + n).reduce((a, b) => a + Math.abs(b), 0) * Math.max(1, (n / 2 + 1) ** p) + 1;
          expect(Math.abs(approx - exact)).toBeLessThan(1e-13 * scale);
        }
      }
    }
  });

  test('validation', () => {
    expect(() => fornbergWeights(0, [0, 1, 1], 1)).toThrow(/distinct/);
    expect(() => fornbergWeights(0, [], 1)).toThrow(InvalidArgumentError);
    expect(() => fornbergWeights(0, [0, 1], -1)).toThrow(/maxOrder/);
    expect(() => fornbergWeights(NaN, [0, 1], 1)).toThrow(/x0/);
    expect(() => fornbergWeights(0, [0, 1], 1, new Float64Array(3))).toThrow(/out/);
  });
});

describe('FiniteDifferenceOperator (banded differentiation matrix)', () => {
  test('band storage, entries and dense form agree; apply is exact on polynomials of degree < width', () => {
    const g = mappedGrid(tanhMap({ length: 2, strength: 1.5 }), 17);
    const D = finiteDifferenceOperator(g, 2, 5);
    expect(D.band.length).toBe(5 * 17);
    const dense = D.toDense();
    const f = g.x.map((x) => 1 - 2 * x + 0.5 * x ** 3 - 0.25 * x ** 4);
    const d2 = D.apply(f);
    for (let i = 0; i < 17; i++) {
      let viaDense = 0;
      for (let j = 0; j < 17; j++) {
        viaDense += dense[i * 17 + j] * f[j];
        expect(dense[i * 17 + j]).toBe(D.entry(i, j));
      }
      expect(viaDense).toBeCloseTo(d2[i], 10);
      const x = g.x[i];
      expect(Math.abs(d2[i] - (3 * x - 3 * x * x))).toBeLessThan(1e-9);
    }
    // centered interior rows, one-sided boundary rows
    expect(D.start[0]).toBe(0);
    expect(D.start[8]).toBe(6);
    expect(D.start[16]).toBe(12);
  });

  test('strided apply along a column of a row-major array matches the contiguous apply', () => {
    const g = uniformGrid(9);
    const D = finiteDifferenceOperator(g, 1, 3);
    const cols = 4;
    const field = new Float64Array(9 * cols);
    for (let i = 0; i < 9; i++) for (let j = 0; j < cols; j++) field[i * cols + j] = Math.sin(g.x[i] + j);
    const out = new Float64Array(9 * cols);
    D.applyStrided(field, cols, 2, out, cols, 2);
    const col = g.x.map((x) => Math.sin(x + 2));
    const ref = D.apply(col);
    for (let i = 0; i < 9; i++) expect(out[i * cols + 2]).toBe(ref[i]);
  });

  // observed orders on a mapped sinh grid (smooth map): rows are exact for degree width−1,
  // so one-sided rows have error O(h^(width−m)); centered rows gain one order when width−m is odd.
  const cases: Array<[number, number, number]> = [
    // [derivative order, width, expected order of the max-norm error]
    [1, 3, 2],
    [1, 5, 4],
    [2, 3, 1], // one-sided 3-point second derivative at the ends is first order
    [2, 5, 3],
    [2, 7, 5],
    [3, 5, 2],
  ];
  test.each(cases)('d^%i/dx^%i-point stencil: observed order %i on a sinh-mapped grid', (m, width, expected) => {
    const f = (x: number) => Math.exp(-x) * Math.cos(2 * x);
    // derivatives of e^{-x} cos 2x: Re[(−1 + 2i)^m e^{(−1+2i)x}]
    const exact = (x: number) => {
      let re = 1, im = 0;
      for (let q = 0; q < m; q++) [re, im] = [-re - 2 * im, 2 * re - im];
      return Math.exp(-x) * (re * Math.cos(2 * x) - im * Math.sin(2 * x));
    };
    const hs: number[] = [];
    const errs: number[] = [];
    const interiorErrs: number[] = [];
    for (const n of [41, 81, 161, 321]) {
      const g = mappedGrid(sinhMap({ length: 6, scale: 1 }), n);
      const d = finiteDifferenceOperator(g, m, width).apply(g.x.map(f));
      let e = 0;
      let ei = 0;
      for (let i = 0; i < n; i++) {
        const err = Math.abs(d[i] - exact(g.x[i]));
        e = Math.max(e, err);
        if (i >= width && i < n - width) ei = Math.max(ei, err);
      }
      hs.push(1 / (n - 1));
      errs.push(e);
      interiorErrs.push(ei);
    }
    const p = observedOrder(hs, errs);
    expect(p).toBeGreaterThan(expected - 0.25);
    expect(p).toBeLessThan(expected + 0.35);
    // centered interior rows: width − m + 1 when width − m is odd, else width − m
    const interiorExpected = (width - m) % 2 === 1 ? width - m + 1 : width - m;
    const pi = observedOrder(hs, interiorErrs);
    expect(pi).toBeGreaterThan(interiorExpected - 0.25);
    expect(pi).toBeLessThan(interiorExpected + 0.35);
  });

  test('validation', () => {
    const g = uniformGrid(4);
    expect(() => finiteDifferenceOperator(g, 1, 5)).toThrow(InvalidArgumentError);
    expect(() => finiteDifferenceOperator(g, 3, 3)).toThrow(/width/);
    expect(() => finiteDifferenceOperator(new Float64Array([0, 2, 1]), 1, 3)).toThrow(/strictly increasing/);
    expect(() => finiteDifferenceOperator(g, 1, 3).apply(new Float64Array(3))).toThrow(/f must be/);
  });
});
