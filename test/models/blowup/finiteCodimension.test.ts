import { mappedGrid, sinhMap } from '../../../src/grid/index';
import { finiteCodimensionEigenvalues, finiteCodimensionModulationMatrix, finiteCodimensionProfile, finiteCodimensionRatesOnGrid, finiteCodimensionResidual } from '../../../src/models/blowup/index';

const log2 = (x: number) => Math.log(x) / Math.LN2;

describe('finite-codimension profiles (thesis §2.5)', () => {
  test.each([2, 3])('U* = 1/(1 + y^{2m}) is steady for λ = 0: spline residual decays like h⁴ (m = %i)', (m) => {
    const errs = [100, 200, 400].map((n) => {
      const r = finiteCodimensionResidual(m, mappedGrid(sinhMap({ length: 1e3 }), n, { symmetry: 'even' }));
      return r.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
    });
    expect(log2(errs[0] / errs[1])).toBeGreaterThan(3.5);
    expect(log2(errs[1] / errs[2])).toBeGreaterThan(3.7);
    // the exact derivative gives 0 to round-off
    const y = new Float64Array([0, 0.3, 1, 2.5]);
    const U = finiteCodimensionProfile(m, y);
    for (let i = 0; i < y.length; i++) {
      const Uy = (-2 * m * y[i] ** (2 * m - 1)) / (1 + y[i] ** (2 * m)) ** 2;
      expect(Math.abs(-U[i] - (y[i] * Uy) / (2 * m) + U[i] * U[i])).toBeLessThan(1e-15);
    }
  });

  test.each([2, 3, 4])('Taylor-space modulation matrix: eigenvalues 1 − j/m and the −2c_0 coupling (m = %i)', (m) => {
    const A = finiteCodimensionModulationMatrix(m);
    const K = m + 1;
    const ev = finiteCodimensionEigenvalues(m);
    for (let j = 0; j < K; j++) {
      expect(A[j * K + j]).toBeCloseTo(ev[j], 14);
      for (let i = 0; i < j; i++) expect(A[i * K + j]).toBe(0); // lower triangular
    }
    expect(A[m * K + 0]).toBeCloseTo(-2, 14);
    for (let i = 1; i < m; i++) expect(A[i * K]).toBe(0);
  });

  test('eigenvalues 1 − j/m recovered from the discrete operator on a grid, converging under refinement', () => {
    const m = 2;
    const exact = finiteCodimensionEigenvalues(m);
    const errs = [400, 800].map((n) => {
      const rates = finiteCodimensionRatesOnGrid(m, mappedGrid(sinhMap({ length: 50, scale: 0.5 }), n, { symmetry: 'even' }), 6);
      return rates.reduce((a, v, j) => Math.max(a, Math.abs(v - exact[j])), 0);
    });
    expect(errs[1]).toBeLessThan(1e-3);
    expect(errs[1]).toBeLessThan(errs[0] / 3);
  });
});
