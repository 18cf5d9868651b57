import { InvalidArgumentError, InvalidTypeError } from '../../../src/core/errors';
import { mappedGrid, sinhMap, tensorGrid2D, uniformGrid } from '../../../src/grid/index';
import { heatBlowup1D } from '../../../src/models/blowup/heatBlowup';
import { solvePhysicalHeat, correctedBlowupTime } from '../../../src/models/blowup/physicalBlowup';
import { radialHeatSystem } from '../../../src/models/blowup/physicalRadial';
import { tensorHeatSystem2d } from '../../../src/models/blowup/physicalTensor2d';

const thesis1D = (x: number) => 1 / (1 + (x * x) / 8 + (x * x * x * x) / 10);
const sinhGrid = (n: number, length: number, scale: number) => mappedGrid(sinhMap({ length, scale }), n, { symmetry: 'even' });
/** Blowup time of the thesis's 1-D data from the direct solve on n nodes (domain [0, 1e5], A = 0.01, the default extrapolation). */
const direct1D = (n: number, rtol = 1e-9) => {
  const g = sinhGrid(n, 1e5, 0.01);
  return solvePhysicalHeat({ system: radialHeatSystem(g, 1), initial: g.x.map(thesis1D), amplitudeTarget: 1e6, rtol });
};

describe('physical-time solver of a_t = Δa + a²', () => {
  test('spatially constant data: a = c/(1 − ct) exactly, so T = 1/c to round-off (t + 1/a is invariant under the scheme)', () => {
    const g = sinhGrid(41, 30, 1);
    for (const rtol of [1e-4, 1e-8]) {
      const run = solvePhysicalHeat({ system: radialHeatSystem(g, 1), initial: new Float64Array(41).fill(2), amplitudeTarget: 1e6, rtol });
      expect(run.status).toBe('success');
      expect(run.final.amplitude).toBeGreaterThanOrEqual(1e6);
      expect(Math.abs(run.final.blowupTimeSimple - 0.5)).toBeLessThan(1e-12);
      expect(Math.abs(run.final.laplacianAtOrigin)).toBeLessThan(1e-6 * run.final.amplitude);
    }
  });

  test('finite-volume stiffness: K·1 = 0 (no flux through the symmetry and far boundaries); radial mass sums to L^n/n', () => {
    for (const dim of [1, 2, 3]) {
      const g = sinhGrid(60, 7, 0.5);
      const s = radialHeatSystem(g, dim);
      const out = new Float64Array(60);
      s.applyStiffness(new Float64Array(60).fill(1), out);
      for (const v of out) expect(Math.abs(v)).toBeLessThan(1e-12);
      const total = s.mass.reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(7 ** dim / dim, 10);
    }
  });

  test('T converges at second order in space (thesis 1-D data, N = 101, 201, 401 on a sinh grid)', () => {
    const T = [101, 201, 401].map((n) => direct1D(n).final.blowupTime);
    const order = Math.log2((T[1] - T[0]) / (T[2] - T[1]));
    expect(order).toBeGreaterThan(1.8);
    expect(order).toBeLessThan(2.2);
  });

  test('the extrapolation t + 1/a converges like q/a (q = −Δa(0)/a²) as a → ∞; the corrected one like q²/a', () => {
    const run = direct1D(401);
    expect(run.status).toBe('success');
    const T = run.final.blowupTime;
    const h = run.history;
    let prevRatio = 0;
    for (const M of [1e2, 1e3, 1e4]) {
      let k = 0;
      while (h.amplitude[k] < M) k++;
      const a = h.amplitude[k];
      const q = -h.laplacian[k] / (a * a);
      const errSimple = T - (h.t[k] + 1 / a);
      const errCorrected = T - correctedBlowupTime(h.t[k], a, h.laplacian[k]);
      // predicted: errSimple = (q/a)(1 + O(q)) with q ≈ 1/(4 log a) → 0; measured 0.89, 0.92, 0.93
      const ratio = errSimple / (q / a);
      expect(ratio).toBeGreaterThan(0.85);
      expect(ratio).toBeLessThan(1);
      expect(ratio).toBeGreaterThan(prevRatio);
      prevRatio = ratio;
      expect(Math.abs(errCorrected)).toBeLessThan(4 * (q * q) / a);
      expect(Math.abs(errCorrected)).toBeLessThan(Math.abs(errSimple) / 4);
    }
  });

  test('T agrees between the rescaled run (t(∞) = ∫Ĉ_u dτ) and the direct solve, both Richardson-extrapolated in the grid', () => {
    const d = [201, 401].map((n) => direct1D(n).final.blowupTime);
    const directT = d[1] + (d[1] - d[0]) / 3;
    const r = [300, 600].map((n) => heatBlowup1D({ tauEnd: 30, grid: { n }, rtol: 1e-9 }).final.blowupTime);
    const rescaledT = r[1] + (r[1] - r[0]) / 3;
    // each estimate's own error is below its last Richardson correction (|d1−d0|/3 ≈ 2e-4, |r1−r0|/3 ≈ 6e-6)
    const tolerance = Math.abs(d[1] - d[0]) / 3 + Math.abs(r[1] - r[0]) / 3;
    expect(Math.abs(directT - rescaledT)).toBeLessThan(tolerance);
    expect(Math.abs(directT - rescaledT)).toBeLessThan(2e-5); // measured ≈ 1e-6
    expect(directT).toBeGreaterThan(1.3947);
    expect(directT).toBeLessThan(1.3949);
  });

  test('2-D tensor system on radial data agrees with the radial n = 2 system (two discretizations, same limit at O(h²))', () => {
    const radialData = (x: number, y: number) => 1 / (1 + (x * x + y * y) / 8);
    const tensorT = [21, 41].map((n) => {
      const g = sinhGrid(n, 30, 1);
      return solvePhysicalHeat({ system: tensorHeatSystem2d(g, g), initial: tensorGrid2D(g, g).fill(radialData), amplitudeTarget: 1e3, rtol: 1e-7 }).final.blowupTime;
    });
    const radialT = [161, 321].map((n) => {
      const g = sinhGrid(n, 30, 1);
      return solvePhysicalHeat({ system: radialHeatSystem(g, 2), initial: g.x.map((r) => 1 / (1 + (r * r) / 8)), amplitudeTarget: 1e3, rtol: 1e-7 }).final.blowupTime;
    });
    const radialLimit = radialT[1] + (radialT[1] - radialT[0]) / 3;
    const tensorLimit = tensorT[1] + (tensorT[1] - tensorT[0]) / 3;
    const errors = tensorT.map((t) => Math.abs(t - radialLimit));
    expect(errors[0] / errors[1]).toBeGreaterThan(3); // second order: ratio → 4
    expect(Math.abs(tensorLimit - radialLimit)).toBeLessThan(errors[1] / 3);
  });

  test('bad input throws named errors before any work; budgets and signals give a status', () => {
    const g = sinhGrid(41, 30, 1);
    const s = radialHeatSystem(g, 1);
    const ok = g.x.map((x) => 1 / (1 + x * x));
    expect(() => solvePhysicalHeat({ system: s, initial: ok.map((v) => -v) })).toThrow(InvalidArgumentError);
    expect(() => solvePhysicalHeat({ system: s, initial: ok.map((v, i) => (i === 5 ? Number.NaN : v)) })).toThrow(InvalidArgumentError);
    expect(() => solvePhysicalHeat({ system: s, initial: ok.subarray(1) })).toThrow(InvalidTypeError);
    expect(() => solvePhysicalHeat({ system: s, initial: ok, amplitudeTarget: 0.5 })).toThrow(InvalidArgumentError);
    expect(() => radialHeatSystem(uniformGrid(20, { start: 1, length: 5 }), 1)).toThrow(InvalidArgumentError);
    expect(() => radialHeatSystem(g, 0)).toThrow(InvalidArgumentError);
    expect(() => tensorHeatSystem2d(g, uniformGrid(20, { start: -1, length: 5 }))).toThrow(InvalidArgumentError);
    const short = solvePhysicalHeat({ system: s, initial: ok, maxSteps: 5 });
    expect(short.status).toBe('maxSteps');
    expect(Number.isFinite(short.final.blowupTimeSimple)).toBe(true);
    const controller = new AbortController();
    controller.abort();
    expect(solvePhysicalHeat({ system: s, initial: ok }, { signal: controller.signal, progressEvery: 1 }).status).toBe('aborted');
  });
});
