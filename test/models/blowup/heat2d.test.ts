import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError } from '../../../src/core/errors';
import { mappedGrid, sinhMap, tensorGrid2D, uniformGrid } from '../../../src/grid/index';
import { predictedHeatLaws } from '../../../src/models/blowup/heatProfile';
import { heatBlowup2D, thesisInitialData2D, type HeatBlowup2dResult } from '../../../src/models/blowup/heat2dBlowup';
import { heat2dModel, heat2dModulationsFromTaylor } from '../../../src/models/blowup/heat2dModel';

const sinhGrid = (n: number) => mappedGrid(sinhMap({ length: 4000, scale: 1 }), n, { symmetry: 'even' });
const indexAt = (r: HeatBlowup2dResult, tau: number) => r.history.tau.findIndex((t) => Math.abs(t - tau) < 1e-9 * tau);

describe('2-D tensor heat model (thesis §2.4.2)', () => {
  test('initial modulation constants of the thesis data from the n = 2 formulas (exact Taylor data, [D] values of spec §2.2)', () => {
    // (1 + (x²+y²)/8 + x⁴/100)⁻¹: û = 1, û_xx = û_yy = −1/4, û_xxxx = 24(1/64 − 1/100) = 0.135, û_xxyy = 0.125, û_yyyy = 0.375
    const c = heat2dModulationsFromTaylor([1, -0.25, -0.25, 0.135, 0.125, 0.375], 1, 1);
    expect(Math.abs(c[0] + 0.5)).toBeLessThan(1e-12);
    expect(Math.abs(c[1] - 0.23)).toBeLessThan(1e-12);
    expect(Math.abs(c[2] + 0.25)).toBeLessThan(1e-12);
    expect(Math.abs(c[0] + 2 * c[1] + 0.04)).toBeLessThan(1e-12); // (log λ₁)_τ
    expect(Math.abs(c[0] + 2 * c[2] + 1.0)).toBeLessThan(1e-12); // (log λ₂)_τ
  });

  test('spline Taylor data at the origin converge at O(h²) to the exact values', () => {
    const exact = [1, -0.25, -0.25, 0.135, 0.125, 0.375];
    const errors = [40, 80, 160].map((n) => {
      const g = sinhGrid(n);
      const t = heat2dModel(g, g).taylorAtOrigin(tensorGrid2D(g, g).fill(thesisInitialData2D));
      return exact.map((v, k) => Math.abs(t[k] - v));
    });
    for (let k = 1; k < 6; k++) {
      const order = Math.log2(errors[1][k] / errors[2][k]);
      expect(order).toBeGreaterThan(1.8);
      expect(order).toBeLessThan(2.3);
    }
    expect(errors[0][0]).toBe(0);
  });

  test('discrete normalization keeps û(0), û_xx(0), û_yy(0) to round-off; per-direction laws → 3/4 and 1/2 with the derived log corrections', () => {
    const r = heatBlowup2D({ tauEnd: 100, historyAt: [10, 30, 100] });
    expect(r.status).toBe('success');
    const s = r.history;
    for (let k = 0; k < s.tau.length; k++) {
      expect(Math.abs(s.u0[k] - s.u0[0])).toBeLessThan(1e-12);
      expect(Math.abs(s.uxx[k] - s.uxx[0])).toBeLessThan(1e-11);
      expect(Math.abs(s.uyy[k] - s.uyy[0])).toBeLessThan(1e-11);
    }
    const [i30, i100] = [indexAt(r, 30), indexAt(r, 100)];
    // non-radial data, yet both directions obey the same law late in the run
    expect(Math.abs(s.lawL1[i30] - s.lawL2[i30])).toBeLessThan(0.01);
    expect(Math.abs(s.lawL1[i100] - s.lawL2[i100])).toBeLessThan(0.003);
    expect(Math.abs(s.lawL1[i100] - s.lawL2[i100])).toBeLessThan(Math.abs(s.lawL1[i30] - s.lawL2[i30]));
    // approach to the limits: distances shrink, and the values match (2.2.7) with λ_iτ ≈ 1 + 2 log τ/τ up to the O(1/τ) constant
    expect(Math.abs(s.lawU[i100] - 0.5)).toBeLessThan(Math.abs(s.lawU[i30] - 0.5));
    expect(Math.abs(s.lawL1[i100] - 0.75)).toBeLessThan(Math.abs(s.lawL1[i30] - 0.75));
    const p = predictedHeatLaws(100, 2);
    expect(Math.abs(r.final.lawU / p.lawU - 1)).toBeLessThan(0.03);
    expect(Math.abs(r.final.lawL[0] / p.lawL - 1)).toBeLessThan(0.03);
    expect(Math.abs(r.final.lawL[1] / p.lawL - 1)).toBeLessThan(0.03);
    expect(Math.abs(r.final.lambdaTau[0] / p.lambdaTau - 1)).toBeLessThan(0.03);
    expect(Math.abs(r.final.lambdaTau[1] / p.lambdaTau - 1)).toBeLessThan(0.03);
  });

  test('IMEX (with defect-corrected implicit stages) and the thesis-style explicit RK4 give the same blowup time', () => {
    const imex = heatBlowup2D({ tauEnd: 30, historyAt: [] });
    const rk4 = heatBlowup2D({ tauEnd: 30, historyAt: [], scheme: 'rk4' });
    const plainSplitting = heatBlowup2D({ tauEnd: 30, historyAt: [], implicitCorrections: 0 });
    expect(rk4.status).toBe('success');
    expect(rk4.stats.naccept).toBeGreaterThan(4 * imex.stats.naccept);
    expect(Math.abs(imex.final.blowupTime - rk4.final.blowupTime)).toBeLessThan(1e-5); // measured 2.3e-6 at rtol 1e-6
    // without the correction sweeps the splitting error escapes the error control (measured 3e-4)
    expect(Math.abs(plainSplitting.final.blowupTime - rk4.final.blowupTime)).toBeGreaterThan(10 * Math.abs(imex.final.blowupTime - rk4.final.blowupTime));
  });

  test('thesis normalization: (D2x û)(0), (D2y û)(0) drift at O(h²) (û_xxxx by D2∘D2), û(0) only at the time-error level', () => {
    const runs = [40, 80].map((n) => heatBlowup2D({ tauEnd: 30, grid: { n }, historyAt: [30], normalization: 'thesis' }));
    const drift = runs.map((r) => {
      const s = r.history;
      const L = s.tau.length - 1;
      expect(r.status).toBe('success');
      expect(Math.abs(s.u0[L] - s.u0[0])).toBeLessThan(1e-6); // measured 7e-8
      return [Math.abs(s.uxx[L] - s.uxx[0]), Math.abs(s.uyy[L] - s.uyy[0])];
    });
    for (const k of [0, 1]) {
      const order = Math.log2(drift[0][k] / drift[1][k]); // measured 2.1 (0.0135 → 0.0032)
      expect(order).toBeGreaterThan(1.7);
      expect(order).toBeLessThan(2.5);
    }
    expect(Math.abs(runs[1].final.blowupTime - runs[0].final.blowupTime)).toBeLessThan(3e-4);
  });

  test('T is grid-converged (O(h²), Richardson) and agrees with the independent physical-time solve (fixture)', () => {
    const fixture = JSON.parse(readFileSync(join(__dirname, '../../fixtures/blowup/physical2d.json'), 'utf8'));
    const T = [20, 40, 80].map((n) => heatBlowup2D({ tauEnd: 30, grid: { n }, historyAt: [], rtol: 1e-7 }).final.blowupTime);
    // the Richardson step below assumes order 2: check it on our own three grids
    const order = Math.log2(Math.abs(T[1] - T[0]) / Math.abs(T[2] - T[1]));
    expect(order).toBeGreaterThan(1.7);
    expect(order).toBeLessThan(2.5);
    T.shift();
    const rescaled = T[1] + (T[1] - T[0]) / 3;
    // tolerance: the two Richardson corrections (bounds on each estimate's remaining error)
    const tolerance = Math.abs(T[1] - T[0]) / 3 + Math.abs(fixture.richardsonCorrection);
    expect(Math.abs(rescaled - fixture.richardson)).toBeLessThan(tolerance);
    expect(Math.abs(rescaled - fixture.richardson)).toBeLessThan(1e-4);
  });

  test('bad input throws named errors', () => {
    const g = sinhGrid(20);
    expect(() => heat2dModel(g, uniformGrid(20, { start: 1, length: 3 }))).toThrow(InvalidArgumentError);
    expect(() => heatBlowup2D({ tauEnd: 1, initialData: (x, y) => -thesisInitialData2D(x, y) })).toThrow(InvalidArgumentError);
    expect(() => heatBlowup2D({ tauEnd: 1, initialData: () => Number.NaN })).toThrow(InvalidArgumentError);
    expect(() => heatBlowup2D({ tauEnd: -1 })).toThrow(InvalidArgumentError);
    expect(() => heatBlowup2D({ tauEnd: 1, grid: { n: 4 } })).toThrow(InvalidArgumentError);
  });

  test('a run that leaves the self-similar regime reports a status, not NaNs', () => {
    // a narrow datum far from the profile: the run leaves the self-similar regime almost at once (measured τ ≈ 4.6e-3)
    const r = heatBlowup2D({ tauEnd: 50, grid: { n: 24 }, initialData: (x, y) => 1 / (1 + 50 * (x * x + y * y)), historyAt: [] });
    expect(r.status).toBe('diverged');
    expect(r.message).toMatch(/self-similar/);
    expect(r.final.tau).toBeLessThan(50);
    for (const v of r.final.u) expect(Number.isFinite(v)).toBe(true);
  });
});
