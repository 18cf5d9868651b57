import { mappedGrid, sinhMap, uniformGrid } from '../../../src/grid/index';
import { riccatiToy, riccatiExactSolution, riccatiDampingRate, radialHeatModel, runRescaled } from '../../../src/models/blowup/index';

const grid = (n: number) => mappedGrid(sinhMap({ length: 1e5 }), n, { symmetry: 'even' });
const log2 = (x: number) => Math.log(x) / Math.LN2;

describe('Riccati toy (thesis (1.1.1)), exact solution 1/(1 + bz² + dz⁴e^{−τ})', () => {
  test('thesis normalization gives c_u = −1, c_l = ½ exactly and spatial order 4', () => {
    const errors = [100, 200, 400].map((n) => {
      const r = riccatiToy({ grid: grid(n), b: 0.125, d: 0.1, tauEnd: 2, dt: 0.01 });
      expect(r.status).toBe('success');
      expect(r.final.maxModulationDeviation).toBeLessThan(1e-14);
      return r.final.maxError;
    });
    // time error at dt = 0.01 is ~1e-10 (next test), far below these
    const orders = [log2(errors[0] / errors[1]), log2(errors[1] / errors[2])];
    for (const p of orders) expect(p).toBeGreaterThan(3.8);
    for (const p of orders) expect(p).toBeLessThan(4.3);
  });

  test('RK4 in the augmented state: temporal order 4 (self-convergence on a fixed grid)', () => {
    const g = grid(100);
    const run = (dt: number) => riccatiToy({ grid: g, b: 0.125, d: 0.1, tauEnd: 2, dt }).final.u;
    const ref = run(0.125 / 64);
    const errs = [0.125, 0.0625, 0.03125].map((dt) => {
      const u = run(dt);
      let e = 0;
      for (let i = 0; i < u.length; i++) e = Math.max(e, Math.abs(u[i] - ref[i]));
      return e;
    });
    expect(log2(errs[0] / errs[1])).toBeGreaterThan(3.8);
    expect(log2(errs[1] / errs[2])).toBeGreaterThan(3.8);
    expect(log2(errs[1] / errs[2])).toBeLessThan(4.3);
  });

  test('discrete normalization: c deviates from (−1, ½) by O(h²) and so does the solution', () => {
    const dev = [100, 200, 400].map((n) => riccatiToy({ grid: grid(n), b: 0.125, d: 0.1, tauEnd: 2, dt: 0.01, normalization: 'discrete' }));
    expect(log2(dev[0].final.maxModulationDeviation / dev[1].final.maxModulationDeviation)).toBeGreaterThan(1.8);
    expect(log2(dev[1].final.maxError / dev[2].final.maxError)).toBeGreaterThan(1.8);
    expect(log2(dev[1].final.maxError / dev[2].final.maxError)).toBeLessThan(2.3);
  });

  test('long run (τ = 12): error stays at the O(h⁴) level while û approaches ū_b', () => {
    const g = grid(200);
    const model = radialHeatModel(g, { diffusion: false });
    const u0 = riccatiExactSolution(g.x, 0, 0.125, 0.1);
    const distances: number[] = [];
    const limit = riccatiExactSolution(g.x, 1e3, 0.125, 0.1);
    let worst = 0;
    runRescaled(model, {
      u0, logLambda0: [0], tauEnd: 12, scheme: 'rk4', normalization: 'thesis', dt: 0.02, sampleAt: [6],
      onSample: (s) => {
        if (s.tau === 0) return;
        const exact = riccatiExactSolution(g.x, s.tau, 0.125, 0.1);
        let d = 0;
        for (let i = 0; i < g.n; i++) { worst = Math.max(worst, Math.abs(s.u[i] - exact[i])); d = Math.max(d, Math.abs(s.u[i] - limit[i])); }
        distances.push(d);
      },
    });
    expect(worst).toBeLessThan(1e-5);
    // convergence to ū_b: the distance shrinks with τ as the exact one does (ratio of the exact sups, within the solver's error)
    const exactDistance = (tau: number) => { const e = riccatiExactSolution(g.x, tau, 0.125, 0.1); return e.reduce((a, v, i) => Math.max(a, Math.abs(v - limit[i])), 0); };
    expect(Math.abs(distances[0] - exactDistance(6))).toBeLessThanOrEqual(worst);
    expect(Math.abs(distances[1] - exactDistance(12))).toBeLessThanOrEqual(worst);
    expect(distances[1]).toBeLessThan(distances[0] / 100);
  });

  test('weighted-L² damping (L532–540): quotient = integration-by-parts form ≤ (5−α)/4, sharp for u concentrated at 0', () => {
    const g = uniformGrid(20001, { length: 40 });
    const z = g.x;
    for (const alpha of [5.5, 6, 7]) {
      let last = -Infinity;
      for (const width of [4, 1, 0.25]) {
        const u = z.map((x) => x ** 4 * Math.exp(-(x * x) / width));
        const uz = z.map((x) => (4 * x ** 3 - (2 * x ** 5) / width) * Math.exp(-(x * x) / width));
        const r = riccatiDampingRate(z, u, uz, alpha, 0.125);
        expect(r.bound).toBeCloseTo((5 - alpha) / 4, 15);
        // Simpson, h = 2e-3: O(h⁴) quadrature error of both forms
        expect(Math.abs(r.quotient - r.integratedByParts)).toBeLessThan(1e-8);
        expect(r.quotient).toBeLessThanOrEqual(r.bound + 1e-9);
        expect(r.quotient).toBeGreaterThan(last); // approaches the bound as the support shrinks
        last = r.quotient;
      }
      // width 0.25: 2ū differs from 2 by ≈ 2b⟨z²⟩ with ⟨z²⟩ = O(width)
      expect(r0(alpha) - last).toBeLessThan(0.25 * 0.125 * 2 * 4);
    }
    function r0(alpha: number) { return (5 - alpha) / 4; }
  });
});
