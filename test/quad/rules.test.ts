import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError } from '../../src/core/errors';
import { gaussLegendre } from '../../src/quad/gaussLegendre';
import { integrate, weightedSum } from '../../src/quad/rule';
import { simpsonWeights } from '../../src/quad/simpson';
import { trapezoidWeights } from '../../src/quad/trapezoid';
import { mappedNodes, observedOrder, stretched } from './helpers';

const fixture = JSON.parse(readFileSync(join(__dirname, '../fixtures/quad/quad_reference.json'), 'utf8'));

// f(x) = e^x cos 3x, ∫_0^1 f = [e^x (cos 3x + 3 sin 3x)/10]_0^1
const f = (x: number): number => Math.exp(x) * Math.cos(3 * x);
const exactF = (Math.E * (Math.cos(3) + 3 * Math.sin(3)) - 1) / 10;

function ruleError(weights: (x: Float64Array) => Float64Array, N: number): number {
  const x = mappedNodes(N, stretched);
  return Math.abs(integrate(weights(x), x.map(f)) - exactF);
}

describe('trapezoidWeights', () => {
  test('exact for linear functions on a random grid', () => {
    const x = new Float64Array([0, 0.13, 0.2, 0.55, 0.6, 1.7]);
    const w = trapezoidWeights(x);
    expect(integrate(w, x.map(() => 1))).toBeCloseTo(1.7, 15);
    expect(Math.abs(integrate(w, x.map((t) => 3 * t - 1)) - (1.5 * 1.7 ** 2 - 1.7))).toBeLessThan(1e-15);
  });

  test('observed order 2 on a smoothly stretched grid', () => {
    const Ns = [40, 80, 160, 320];
    const p = observedOrder(Ns.map((N) => 1 / N), Ns.map((N) => ruleError(trapezoidWeights, N)));
    expect(p).toBeGreaterThan(1.95);
    expect(p).toBeLessThan(2.05);
  });

  test('rejects unsorted nodes, naming the argument', () => {
    expect(() => trapezoidWeights(new Float64Array([0, 2, 1]))).toThrow(InvalidArgumentError);
    expect(() => trapezoidWeights(new Float64Array([0, 2, 1]))).toThrow(/^x must be strictly increasing/);
    expect(() => trapezoidWeights(new Float64Array([0]))).toThrow(/x.length/);
  });
});

describe('simpsonWeights (non-uniform)', () => {
  test('matches scipy.integrate.simpson weights (even and odd interval counts)', () => {
    for (const c of fixture.simpson) {
      const w = simpsonWeights(Float64Array.from(c.x));
      for (let i = 0; i < w.length; i++) expect(Math.abs(w[i] - c.weights[i])).toBeLessThan(1e-14);
    }
  });

  test('exact for quadratics on random grids with even and odd interval counts', () => {
    for (const n of [6, 7, 2, 3]) {
      const x = new Float64Array(n);
      for (let i = 1; i < n; i++) x[i] = x[i - 1] + 0.1 + ((i * 0.37) % 0.5);
      const w = simpsonWeights(x);
      const L = x[n - 1];
      const q = x.map((t) => 2 - t + 3 * t * t);
      const exact = 2 * L - L * L / 2 + L ** 3;
      if (n > 2) expect(Math.abs(integrate(w, q) - exact)).toBeLessThan(1e-13 * exact);
      else expect(Math.abs(integrate(w, x.map((t) => 1 - t)) - (L - L * L / 2))).toBeLessThan(1e-15);
    }
  });

  test('observed order 4 on a smoothly stretched grid, even and odd interval counts', () => {
    for (const shift of [0, 1]) {
      const Ns = [40, 80, 160, 320].map((N) => N + shift);
      const p = observedOrder(Ns.map((N) => 1 / N), Ns.map((N) => ruleError(simpsonWeights, N)));
      expect(p).toBeGreaterThan(3.8);
      expect(p).toBeLessThan(4.3);
    }
  });
});

describe('gaussLegendre', () => {
  test('nodes and weights agree with 40-digit references up to n = 200', () => {
    for (const key of Object.keys(fixture.gaussLegendre)) {
      const n = Number(key);
      const ref = fixture.gaussLegendre[key];
      const { nodes, weights } = gaussLegendre(n);
      let nodeErr = 0;
      let weightErr = 0;
      for (let i = 0; i < n; i++) {
        nodeErr = Math.max(nodeErr, Math.abs(nodes[i] - Number(ref.nodes[i])));
        weightErr = Math.max(weightErr, Math.abs(weights[i] / Number(ref.weights[i]) - 1));
      }
      expect(nodeErr).toBeLessThanOrEqual(2.3e-16); // 1 ulp of 1
      expect(weightErr).toBeLessThan(1e-14); // ≈ nε for n = 200
    }
  });

  test('exact to degree 2n−1 on [a, b], not at degree 2n', () => {
    const a = 0.5;
    const b = 2;
    for (const n of [1, 2, 3, 7, 16]) {
      const rule = gaussLegendre(n, a, b);
      for (let k = 0; k <= 2 * n - 1; k++) {
        const exact = (b ** (k + 1) - a ** (k + 1)) / (k + 1);
        expect(Math.abs(integrate(rule, rule.nodes.map((x) => x ** k)) / exact - 1)).toBeLessThan(1e-14);
      }
      if (n > 7) continue;
      // degree 2n: the error is (b−a)^{2n+1}(n!)^4 (2n)!/((2n+1)((2n)!)^3) exactly
      const k = 2 * n;
      const exact = (b ** (k + 1) - a ** (k + 1)) / (k + 1);
      const fact = (m: number): number => (m <= 1 ? 1 : m * fact(m - 1));
      const predicted = ((b - a) ** (2 * n + 1) * fact(n) ** 4) / ((2 * n + 1) * fact(2 * n) ** 2);
      const observed = exact - integrate(rule, rule.nodes.map((x) => x ** k));
      expect(Math.abs(observed - predicted)).toBeLessThan(1e-9 * predicted + 8 * Number.EPSILON * exact);
    }
  });

  test('symmetric, increasing, weights summing to b − a', () => {
    const { nodes, weights } = gaussLegendre(101);
    for (let i = 0; i < 101; i++) {
      expect(nodes[i] + nodes[100 - i]).toBe(0);
      expect(weights[i]).toBe(weights[100 - i]);
      if (i > 0) expect(nodes[i]).toBeGreaterThan(nodes[i - 1]);
    }
    expect(Math.abs(weightedSum(101, weights, 1, 0, new Float64Array(101).fill(1), 1, 0) - 2)).toBeLessThan(1e-15);
  });

  test('invalid arguments', () => {
    expect(() => gaussLegendre(0)).toThrow(/^n must be an integer in \[1, 10000\]/);
    expect(() => gaussLegendre(3, 1, 1)).toThrow(InvalidArgumentError);
    expect(() => gaussLegendre(2.5)).toThrow(/^n must be/);
  });
});

describe('weightedSum', () => {
  test('strided access reads the right elements', () => {
    const w = new Float64Array([9, 1, 9, 2, 9, 3]);
    const f = new Float64Array([5, 5, 1, 5, 5, 1, 5, 5, 1]);
    expect(weightedSum(3, w, 2, 1, f, 3, 2)).toBe(6);
  });
});
