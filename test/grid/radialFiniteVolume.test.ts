import { InvalidArgumentError } from '../../src/core/errors';
import { mappedGrid, uniformGrid } from '../../src/grid/grid1d';
import { sinhMap } from '../../src/grid/maps';
import { radialFiniteVolume } from '../../src/grid/radialFiniteVolume';

describe('radial finite volumes', () => {
  const grid = mappedGrid(sinhMap({ length: 5, scale: 0.2 }), 81, { symmetry: 'even' });

  test('rejects grids without the origin', () => {
    expect(() => radialFiniteVolume(uniformGrid(10, { start: 0.1, length: 1 }), 3)).toThrow(InvalidArgumentError);
  });

  test('volumes sum to R^n/n; enclosed mass of 1 is f_i^n/n; diffusion and transport sum to zero', () => {
    for (const n of [1, 2, 3]) {
      const fv = radialFiniteVolume(grid, n);
      expect(fv.total(new Float64Array(81).fill(1))).toBeCloseTo(5 ** n / n, 11);
      const m = fv.enclosedMass(new Float64Array(81).fill(1), new Float64Array(81));
      for (let i = 0; i < 81; i++) expect(m[i]).toBeCloseTo(fv.faces[i] ** n / n, 11);
      const y = grid.x.map((r) => Math.exp(-r * r) * (1 + Math.sin(3 * r)));
      const q = grid.x.subarray(0, 80).map((r) => Math.sin(r) - 0.3);
      let sd = 0, st = 0;
      for (const v of fv.applyDiffusion(y, new Float64Array(81))) sd += v;
      for (const v of fv.applyUpwindTransport(y, q, new Float64Array(81))) st += v;
      expect(Math.abs(sd)).toBeLessThan(1e-14);
      expect(Math.abs(st)).toBeLessThan(1e-14);
    }
  });

  test('diffusion converges at second order to Δy for y = exp(−r²) in 3D', () => {
    const errs = [81, 161, 321].map((N) => {
      const g = mappedGrid(sinhMap({ length: 6, scale: 0.5 }), N, { symmetry: 'even' });
      const fv = radialFiniteVolume(g, 3);
      const y = g.x.map((r) => Math.exp(-r * r));
      const d = fv.applyDiffusion(y, new Float64Array(N));
      let e = 0;
      for (let i = 0; i < N - 1; i++) {
        const r = g.x[i];
        const exact = (4 * r * r - 6) * Math.exp(-r * r);
        e = Math.max(e, Math.abs(d[i] / fv.volumes[i] - exact));
      }
      return e;
    });
    for (let k = 0; k < 2; k++) {
      const order = Math.log2(errs[k] / errs[k + 1]);
      expect(order).toBeGreaterThan(1.8);
      expect(order).toBeLessThan(2.3);
    }
  });

  test('implicit diffusion: (V − gK)Y = VX is solved to round-off and keeps non-negative data non-negative; mass conserved', () => {
    const fv = radialFiniteVolume(grid, 3);
    const x = grid.x.map((r) => (r > 1 && r < 1.3 ? 1 : 0));
    const y = fv.solveImplicitDiffusion(0.7, x, new Float64Array(81));
    const ky = fv.applyDiffusion(y, new Float64Array(81));
    for (let i = 0; i < 81; i++) {
      expect(Math.abs(fv.volumes[i] * (y[i] - x[i]) - 0.7 * ky[i])).toBeLessThan(1e-14);
      expect(y[i]).toBeGreaterThanOrEqual(0);
    }
    expect(fv.total(y)).toBeCloseTo(fv.total(x), 13);
  });

  test('van Leer transport: forward Euler at half the step bound keeps data non-negative; second order on smooth monotone data', () => {
    const fv = radialFiniteVolume(grid, 3);
    const y = grid.x.map((r) => (r < 2 ? Math.exp(-4 * r * r) : 0));
    const q = grid.x.subarray(0, 80).map((r) => -(r ** 3));
    const k = 0.5 * fv.upwindStepBound(q);
    const out = fv.applyUpwindTransport(y, q, new Float64Array(81));
    for (let i = 0; i < 81; i++) expect(y[i] + (k * out[i]) / fv.volumes[i]).toBeGreaterThanOrEqual(-1e-300);
    // consistency: with q = −f_i³ (velocity −f_i) the divergence form of ∂_t y = r⁻²∂_r(r³ y) = 3y + r y'
    const errs = [81, 161, 321].map((N) => {
      const g = mappedGrid(sinhMap({ length: 3, scale: 0.5 }), N, { symmetry: 'even' });
      const f3 = radialFiniteVolume(g, 3);
      const yy = g.x.map((r) => 1 / (1 + r * r));
      const qq = f3.faces.subarray(0, N - 1).map((f) => -(f ** 3));
      const d = f3.applyUpwindTransport(yy, qq, new Float64Array(N));
      let e = 0;
      for (let i = 1; i < N - 2; i++) { // the last cells use the first-order closure at R
        const r = g.x[i];
        const exact = 3 / (1 + r * r) - (2 * r * r) / (1 + r * r) ** 2;
        e = Math.max(e, Math.abs(d[i] / f3.volumes[i] - exact));
      }
      return e;
    });
    for (let k = 0; k < 2; k++) {
      expect(Math.log2(errs[k] / errs[k + 1])).toBeGreaterThan(1.5);
      expect(Math.log2(errs[k] / errs[k + 1])).toBeLessThan(2.5);
    }
  });
});
