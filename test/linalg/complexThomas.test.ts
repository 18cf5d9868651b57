import { NumericalError } from '../../src/core/errors';
import { ComplexThomasFactorization } from '../../src/linalg/complexThomas';

describe('ComplexThomasFactorization', () => {
  test('solves T + g(1+iβ)K (positive definite Hermitian part) to round-off, refactoring in place', () => {
    const n = 50;
    const f = new ComplexThomasFactorization(n);
    const h = Float64Array.from({ length: n }, (_, i) => 0.1 + 0.05 * Math.sin(i));
    for (const [g, beta] of [[0.01, 0.5], [10, 3], [1e4, -2]]) {
      const lr = new Float64Array(n), li = new Float64Array(n), dr = new Float64Array(n), di = new Float64Array(n), ur = new Float64Array(n), ui = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const hl = i > 0 ? h[i - 1] : 0;
        const hr = i < n - 1 ? h[i] : 0;
        if (i > 0) { lr[i] = hl / 6 - g / hl; li[i] = (-g * beta) / hl; }
        if (i < n - 1) { ur[i] = hr / 6 - g / hr; ui[i] = (-g * beta) / hr; }
        dr[i] = (hl + hr) / 3 + g * ((hl > 0 ? 1 / hl : 0) + (hr > 0 ? 1 / hr : 0));
        di[i] = g * beta * ((hl > 0 ? 1 / hl : 0) + (hr > 0 ? 1 / hr : 0));
      }
      f.factor(lr, li, dr, di, ur, ui);
      const br = Float64Array.from({ length: n }, (_, i) => Math.cos(i)), bi = Float64Array.from({ length: n }, (_, i) => Math.sin(2 * i));
      const xr = new Float64Array(n), xi = new Float64Array(n);
      f.solve(br, bi, xr, xi);
      let scale = 0;
      for (let i = 0; i < n; i++) scale = Math.max(scale, Math.hypot(dr[i], di[i]) * Math.hypot(xr[i], xi[i]));
      for (let i = 0; i < n; i++) {
        let rr = dr[i] * xr[i] - di[i] * xi[i] - br[i];
        let ri = dr[i] * xi[i] + di[i] * xr[i] - bi[i];
        if (i > 0) { rr += lr[i] * xr[i - 1] - li[i] * xi[i - 1]; ri += lr[i] * xi[i - 1] + li[i] * xr[i - 1]; }
        if (i < n - 1) { rr += ur[i] * xr[i + 1] - ui[i] * xi[i + 1]; ri += ur[i] * xi[i + 1] + ui[i] * xr[i + 1]; }
        expect(Math.hypot(rr, ri)).toBeLessThan(1e-13 * scale);
      }
    }
  });

  test('a zero pivot throws NumericalError', () => {
    const z = new Float64Array(3);
    expect(() => new ComplexThomasFactorization(3).factor(z, z, z, z, z, z)).toThrow(NumericalError);
  });
});
