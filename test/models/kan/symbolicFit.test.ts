import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, InvalidTypeError } from '../../../src/core/errors';
import { fitSymbolicEdge, suggestSymbolic } from '../../../src/models/kan/symbolicFit';
import { symbolicLibrary } from '../../../src/models/kan/symbolicLibrary';
import { Rng } from '../../../src/random/index';

interface FixtureFit { a: number; b: number; c: number; d: number; r2: number }
const fixture = JSON.parse(readFileSync(join(__dirname, '../../fixtures/kan/symbolic_fit.json'), 'utf8')) as {
  x: number[];
  cases: { label: string; y: number[]; fits: Record<string, FixtureFit> }[];
};

const linspace = (lo: number, hi: number, n: number) => Float64Array.from({ length: n }, (_, s) => lo + ((hi - lo) * s) / (n - 1));

describe('fitSymbolicEdge', () => {
  it('agrees with an independent numpy implementation of the grid search + OLS (fixture)', () => {
    const x = Float64Array.from(fixture.x);
    for (const c of fixture.cases) {
      const y = Float64Array.from(c.y);
      for (const [name, ref] of Object.entries(c.fits)) {
        const fit = fitSymbolicEdge(x, y, name);
        const f = symbolicLibrary().get(name)!;
        // Exact ties decided by rounding: for odd/even f, (a, b) and (−a, −b) give the same R², so
        // compare (|a|, sign(a)·b); the R² of exp(a·x + b) does not depend on b (e^b goes into c).
        const sm = f.parity === 'none' ? 1 : Math.sign(fit.a);
        const sr = f.parity === 'none' ? 1 : Math.sign(ref.a);
        const determined = name === 'exp' ? [fit.a - ref.a] : [sm * fit.a - sr * ref.a, sm * fit.b - sr * ref.b];
        expect([c.label, name, determined.every((e) => Math.abs(e) < 1e-9)]).toEqual([c.label, name, true]);
        let curve = 0;
        let scale = 0;
        for (const xs of x) {
          const mine = fit.c * f.value(fit.a * xs + fit.b) + fit.d;
          const theirs = ref.c * f.value(ref.a * xs + ref.b) + ref.d;
          curve = Math.max(curve, Math.abs(mine - theirs));
          scale = Math.max(scale, Math.abs(theirs));
        }
        expect(curve).toBeLessThan(1e-9 * scale);
        expect(Math.abs(fit.r2 - ref.r2)).toBeLessThan(1e-10);
      }
    }
  });

  it("reproduces pykan's fit_params docstring example: y = 5 sin(3x + 2) + 0.7 + N(0, 0.02²)", () => {
    const rng = new Rng(7);
    const x = linspace(-1, 1, 100);
    const truth = x.map((v) => 5 * Math.sin(3 * v + 2) + 0.7);
    const y = truth.map((v) => v + 0.02 * rng.normal());
    const fit = fitSymbolicEdge(x, y, 'sin');
    // (a, b, c) and (−a, −b, −c) describe the same curve; the argmax may land on either.
    const s = Math.sign(fit.a);
    expect(Math.abs(s * fit.a - 3)).toBeLessThan(1e-2);
    expect(Math.abs(s * fit.b - 2)).toBeLessThan(1e-2);
    expect(Math.abs(s * fit.c - 5)).toBeLessThan(2e-2);
    expect(Math.abs(fit.d - 0.7)).toBeLessThan(1e-2);
    expect(fit.r2).toBeGreaterThan(0.9999);
    // The residual is the noise: RMSE within 20% of σ = 0.02 (n = 100, relative s.e. of an RMS ≈ 1/√(2n) = 7%).
    expect(fit.rmse).toBeGreaterThan(0.8 * 0.02);
    expect(fit.rmse).toBeLessThan(1.2 * 0.02);
  });

  it('recovers an exact affine-composed function to the resolution of the zoomed grid', () => {
    const x = linspace(-1, 1, 200);
    const y = x.map((v) => 2.5 * Math.tanh(1.3 * v - 0.5) + 1);
    const fit = fitSymbolicEdge(x, y, 'tanh');
    const s = Math.sign(fit.a);
    // third sweep spacing 20/100 · (2/100)² = 8e-5
    expect(Math.abs(s * fit.a - 1.3)).toBeLessThan(8e-5);
    expect(Math.abs(s * fit.b + 0.5)).toBeLessThan(8e-5);
    expect(Math.abs(s * fit.c - 2.5)).toBeLessThan(1e-3);
    expect(fit.r2).toBeGreaterThan(1 - 1e-7);
  });

  it('never lets a domain error leak: log, sqrt, 1/x and arcsin on data crossing 0', () => {
    const x = linspace(-1, 1, 101);
    const y = x.map((v) => Math.exp(v) - v * v);
    for (const name of ['log', 'sqrt', '1/x', '1/sqrt(x)', 'arcsin', 'arctanh']) {
      const fit = fitSymbolicEdge(x, y, name);
      for (const v of [fit.a, fit.b, fit.c, fit.d, fit.r2, fit.rmse]) expect(Number.isFinite(v)).toBe(true);
      const f = symbolicLibrary().get(name)!;
      for (const xs of x) expect(Number.isFinite(fit.c * f.value(fit.a * xs + fit.b) + fit.d)).toBe(true);
    }
  });

  it('fits x and 0 without a search', () => {
    const x = linspace(-2, 3, 50);
    const y = x.map((v) => -4 * v + 0.25);
    const lin = fitSymbolicEdge(x, y, 'x');
    expect([lin.a, lin.b]).toEqual([1, 0]);
    expect(lin.c).toBeCloseTo(-4, 12);
    expect(lin.d).toBeCloseTo(0.25, 12);
    const zero = fitSymbolicEdge(x, y, '0');
    expect(zero.c).toBe(0);
    expect(zero.d).toBeCloseTo(-4 * 0.5 + 0.25, 12); // mean of y
    expect(zero.r2).toBe(0);
  });

  it('throws named errors on bad input before any work', () => {
    const x = linspace(-1, 1, 10);
    expect(() => fitSymbolicEdge(x, new Float64Array(9), 'sin')).toThrow(InvalidTypeError);
    const bad = x.slice();
    bad[3] = NaN;
    expect(() => fitSymbolicEdge(x, bad, 'sin')).toThrow(InvalidArgumentError);
    expect(() => fitSymbolicEdge(x, x, 'bessel')).toThrow(InvalidArgumentError);
    expect(() => fitSymbolicEdge(x, x, 'sin', { aRange: [1, -1] })).toThrow(InvalidArgumentError);
    expect(() => fitSymbolicEdge(x, x, 'sin', { gridNumber: 2 })).toThrow(InvalidArgumentError);
  });
});

describe('suggestSymbolic', () => {
  it('ranks the generating function first (pure R² ranking)', () => {
    const x = linspace(-1, 1, 100);
    const cases: [string, (v: number) => number][] = [
      ['x^2', (v) => 0.7 * v * v - 0.2],
      ['sin', (v) => Math.sin(Math.PI * v)],
      ['exp', (v) => 2 * Math.exp(0.9 * v)],
    ];
    for (const [name, g] of cases) {
      const ranked = suggestSymbolic(x, x.map(g), { library: ['x', 'x^2', 'x^3', 'x^4', 'exp', 'log', 'sqrt', 'tanh', 'sin', 'abs'] });
      expect([name, ranked[0].name]).toEqual([name, name]);
      expect(ranked[0].r2).toBeGreaterThan(1 - 1e-6);
      for (let q = 1; q < ranked.length; q++) expect(ranked[q].loss).toBeGreaterThanOrEqual(ranked[q - 1].loss);
    }
  });

  it('the complexity weight prefers the simpler of two near-perfect fits', () => {
    const x = linspace(-1, 1, 100);
    const y = x.map((v) => v * v);
    const ranked = suggestSymbolic(x, y, { library: ['cosh', 'x^2'], weightSimple: 0.8 });
    expect(ranked[0].name).toBe('x^2');
  });
});
