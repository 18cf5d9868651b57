import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';
import { NeumannGaussianField2d, Rng } from '../../src/random/index';

describe('NeumannGaussianField2d', () => {
  const grf = new NeumannGaussianField2d({ kMax: 8 });

  it('evaluation equals the explicit double cosine sum', () => {
    const c = grf.draw(new Rng(3));
    const xs = Float64Array.of(0, 0.13, 0.5, 1), ys = Float64Array.of(0.7, 0.01, 1);
    const f = grf.evaluate(c, xs, ys);
    const phi = (k: number, x: number) => (k === 0 ? 1 : Math.SQRT2 * Math.cos(Math.PI * k * x));
    for (let b = 0; b < ys.length; b++) {
      for (let a = 0; a < xs.length; a++) {
        let s = 0;
        for (let k2 = 0; k2 < 8; k2++) for (let k1 = 0; k1 < 8; k1++) s += c[k2 * 8 + k1] * phi(k1, xs[a]) * phi(k2, ys[b]);
        expect(Math.abs(f[b * xs.length + a] - s)).toBeLessThan(1e-13);
      }
    }
  });

  it('amplitudes are σ(π²|k|² + τ²)^(−α/2) with the mean mode dropped; the basis is orthonormal (coefficients recovered by midpoint quadrature)', () => {
    expect(grf.sigma).toBe(3);
    expect(grf.amplitudes[0]).toBe(0);
    expect(grf.amplitudes[2 * 8 + 1]).toBeCloseTo(3 / (Math.PI * Math.PI * 5 + 9), 15);
    const c = grf.draw(new Rng(4));
    const M = 32;
    const mid = Float64Array.from({ length: M }, (_, i) => (i + 0.5) / M);
    const f = grf.evaluate(c, mid, mid);
    // the midpoint rule on M points integrates cos(πkx)cos(πlx) exactly for k + l < 2M (discrete DCT-II orthogonality)
    for (const [k1, k2] of [[0, 1], [3, 0], [2, 5], [7, 7]]) {
      let s = 0;
      for (let b = 0; b < M; b++) for (let a = 0; a < M; a++) {
        const px = k1 === 0 ? 1 : Math.SQRT2 * Math.cos(Math.PI * k1 * mid[a]);
        const py = k2 === 0 ? 1 : Math.SQRT2 * Math.cos(Math.PI * k2 * mid[b]);
        s += f[b * M + a] * px * py;
      }
      expect(Math.abs(s / (M * M) - c[k2 * 8 + k1])).toBeLessThan(1e-14);
    }
  });

  it('pointwise variance of many draws matches the exact variance within sampling error; zero normal derivative at the walls', () => {
    const N = 3000;
    const rng = new Rng(11);
    const pts = Float64Array.of(0, 0.5);
    const c = new Float64Array(64);
    const f = new Float64Array(4);
    const sum2 = [0, 0, 0, 0];
    for (let s = 0; s < N; s++) {
      grf.evaluate(grf.draw(rng, c), pts, pts, f);
      for (let q = 0; q < 4; q++) sum2[q] += f[q] * f[q];
    }
    const exact = [grf.variance(0, 0), grf.variance(0.5, 0), grf.variance(0, 0.5), grf.variance(0.5, 0.5)];
    // the sample variance of a centered normal has relative standard deviation √(2/N); 5 standard deviations
    for (let q = 0; q < 4; q++) expect(Math.abs(sum2[q] / N / exact[q] - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
    // ∂μ/∂x = O(h) at x = 0: one-sided differences shrink linearly
    const h = [1e-3, 5e-4];
    const d = h.map((t) => { const v = grf.evaluate(c, Float64Array.of(0, t), Float64Array.of(0.3)); return Math.abs(v[1] - v[0]) / t; });
    expect(d[1] / d[0]).toBeGreaterThan(0.45);
    expect(d[1] / d[0]).toBeLessThan(0.55);
  });

  it('is deterministic and validates its arguments', () => {
    expect(grf.draw(new Rng(5))).toEqual(grf.draw(new Rng(5)));
    expect(() => new NeumannGaussianField2d({ kMax: 0 })).toThrow(InvalidArgumentError);
    expect(() => new NeumannGaussianField2d({ tau: -1 })).toThrow(InvalidArgumentError);
    expect(() => grf.evaluate(new Float64Array(3), Float64Array.of(0), Float64Array.of(0))).toThrow(InvalidTypeError);
    expect(() => grf.evaluate(new Float64Array(64), Float64Array.of(1.5), Float64Array.of(0))).toThrow(/xs\[0\]/);
    expect(() => grf.draw(1 as unknown as Rng)).toThrow(InvalidTypeError);
  });
});
