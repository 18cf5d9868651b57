import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mappedGrid, sinhMap } from '../../../src/grid/index';
import { leastSquares } from '../../../src/linalg/index';
import {
  heatBlowup1D, heatCorrectionMaximum, heatModulationsFromTaylor, heatProfile, heatProfileCorrection, heatProfileResidual,
  predictedHeatLaws, radialHeatModel, type HeatBlowupResult,
} from '../../../src/models/blowup/index';

const fixture = JSON.parse(readFileSync(join(__dirname, '../../fixtures/blowup/reference.json'), 'utf8'));
const grid = (n: number) => mappedGrid(sinhMap({ length: 1e5 }), n, { symmetry: 'even' });
const log2 = (x: number) => Math.log(x) / Math.LN2;
/** Worst-case round-off of ℓ_1 = (D2 f)(0) after `steps` steps: one rounding per node and step, ε·‖w‖₁·max|û|·steps. */
const l1RoundoffBound = (n: number, steps: number) => {
  const model = radialHeatModel(grid(n));
  let w1 = 0;
  const unit = new Float64Array(n);
  for (let j = 0; j < n; j++) { unit[j] = 1; w1 += Math.abs(model.secondDerivativeAtZero(unit)); unit[j] = 0; }
  return Number.EPSILON * w1 * steps;
};
const at = (r: HeatBlowupResult, tau: number) => { const i = r.history.tau.findIndex((t) => Math.abs(t - tau) < 1e-9 * tau); expect(i).toBeGreaterThanOrEqual(0); return i; };

describe('profile ū = 1/(1 + z²/8) and its corrections', () => {
  test('residual with the predicted λ-term: exact derivatives give −λz⁴ū³/64; spline derivatives converge at O(h²)', () => {
    const lambda = 0.05;
    const errs = [150, 300, 600].map((n) => {
      const g = grid(n);
      const model = radialHeatModel(g);
      const ub = heatProfile(g.x);
      const fields = [new Float64Array(n), new Float64Array(n)], react = new Float64Array(n), diff = new Float64Array(n);
      model.evaluate(ub, new Float64Array([lambda]), fields, react, diff);
      const expected = heatProfileResidual(g.x, lambda);
      let e = 0;
      for (let i = 0; i < n - 1; i++) {
        const r = (-1 + lambda / 4) * fields[0][i] + (0.5 - (5 * lambda) / 8) * fields[1][i] + react[i] + diff[i];
        e = Math.max(e, Math.abs(r - expected[i]));
      }
      return e;
    });
    expect(log2(errs[0] / errs[1])).toBeGreaterThan(1.8);
    expect(log2(errs[0] / errs[1])).toBeLessThan(2.2); // O(h²): observed 2.00–2.03
    expect(log2(errs[1] / errs[2])).toBeGreaterThan(1.8);
    expect(log2(errs[1] / errs[2])).toBeLessThan(2.2); // O(h²): observed 2.00–2.03
    // exact derivatives: ū′ = −zū²/4, ū″ = −ū²/4 + z²ū³/8 (L1868)
    for (const z of [0, 0.7, 3, 20]) {
      const u = 1 / (1 + (z * z) / 8), u1 = (-z * u * u) / 4, u2 = (-u * u) / 4 + (z * z * u ** 3) / 8;
      const r = (-1 + lambda / 4) * u - (0.5 - (5 * lambda) / 8) * z * u1 + u * u + lambda * u2;
      expect(r).toBeCloseTo(heatProfileResidual(new Float64Array([z]), lambda)[0], 15);
    }
  });

  test('closed-form correction v agrees with an independent ODE solve (scipy DOP853 fixture)', () => {
    const v = heatProfileCorrection(Float64Array.from(fixture.correction.points));
    fixture.correction.values.forEach((ref: number, i: number) => expect(Math.abs(v[i] - ref)).toBeLessThan(1e-10));
    const max = heatCorrectionMaximum();
    expect(Math.abs(max.value - fixture.correction.maxAbs)).toBeLessThan(1e-10);
    expect(Math.abs(max.z - fixture.correction.argmax)).toBeLessThan(1e-6);
    // local expansion v = −z⁴/64 + O(z⁶)
    expect(heatProfileCorrection(new Float64Array([1e-2]))[0] / (-1e-8 / 64)).toBeCloseTo(1, 4);
  });
});

describe('normalization (thesis (2.2.1)–(2.2.2), L2484–2490)', () => {
  test('closed forms: c̃_u = λ/4, c̃_l = −(5/8 + 2u_zzzz(0))λ for û = ū + u, u(0) = u_zz(0) = 0', () => {
    for (const [lambda, u4] of [[0.3, 0], [0.01, -2.4], [1, 0.7]]) {
      const c = heatModulationsFromTaylor(1, -0.25, 3 / 8 + u4, lambda, 1);
      expect(c[0] + 1).toBeCloseTo(lambda / 4, 14);
      expect(c[1] - 0.5).toBeCloseTo(-(5 / 8 + 2 * u4) * lambda, 14);
    }
  });

  test('discrete normalization of û = ū + u (u = O(z⁴), even) converges to the closed forms at O(h²)', () => {
    const lambda = 0.2;
    const u4 = 24 * 0.05; // u = 0.05 z⁴ e^{−z²/2}: u''''(0) = 1.2
    const target = heatModulationsFromTaylor(1, -0.25, 3 / 8 + u4, lambda, 1);
    const errs = [150, 300, 600].map((n) => {
      const g = grid(n);
      const model = radialHeatModel(g);
      const u = g.x.map((z) => 1 / (1 + (z * z) / 8) + 0.05 * z ** 4 * Math.exp(-(z * z) / 2));
      // solve ℓ_q(R) = 0 exactly as the driver does (2×2)
      const f = [new Float64Array(n), new Float64Array(n)], react = new Float64Array(n), diff = new Float64Array(n);
      model.evaluate(u, new Float64Array([lambda]), f, react, diff);
      const l = (v: Float64Array) => { const o = new Float64Array(2); model.normalization(v, o); return o; };
      const [a0, a1] = [l(f[0]), l(f[1])];
      const r = l(react), dd = l(diff);
      const b0 = -r[0] - dd[0], b1 = -r[1] - dd[1];
      const det = a0[0] * a1[1] - a1[0] * a0[1];
      const cu = (b0 * a1[1] - a1[0] * b1) / det, cl = (a0[0] * b1 - b0 * a0[1]) / det;
      return Math.max(Math.abs(cu - target[0]), Math.abs(cl - target[1]));
    });
    expect(log2(errs[0] / errs[1])).toBeGreaterThan(1.7);
    expect(log2(errs[0] / errs[1])).toBeLessThan(2.2); // O(h²): observed 2.00–2.03
    expect(log2(errs[1] / errs[2])).toBeGreaterThan(1.7);
    expect(log2(errs[1] / errs[2])).toBeLessThan(2.2); // O(h²): observed 2.00–2.03
  });

  test('initial constants of the thesis data: closed forms equal the mpmath fixture; discrete values converge at O(h²)', () => {
    const ref = fixture.initial1D;
    const c = heatModulationsFromTaylor(ref.u0, ref.u2, ref.u4, 1, 1);
    expect(Math.abs(c[0] - -0.75)).toBeLessThan(1e-14);
    expect(Math.abs(c[1] - 4.675)).toBeLessThan(1e-14);
    expect(Math.abs(c[0] + 2 * c[1] - ref.logLambdaRate)).toBeLessThan(1e-13);
    for (const normalization of ['discrete', 'thesis'] as const) {
      const errs = [150, 300, 600].map((n) => {
        const r = heatBlowup1D({ tauEnd: 1e-3, grid: { n }, normalization, historyAt: [] });
        return Math.max(Math.abs(r.history.cu[0] - ref.cu), Math.abs(r.history.cl[0] - ref.cl));
      });
      expect(log2(errs[0] / errs[1])).toBeGreaterThan(1.8);
      expect(log2(errs[0] / errs[1])).toBeLessThan(2.2); // O(h²): observed 2.00–2.03
      expect(log2(errs[1] / errs[2])).toBeGreaterThan(1.8);
      expect(log2(errs[1] / errs[2])).toBeLessThan(2.2); // O(h²): observed 2.00–2.03
      expect(errs[2]).toBeLessThan(2e-2);
    }
  });
});

describe('heat 1D, thesis §2.4.1 data, reduced runs', () => {
  let long: HeatBlowupResult;
  const samples = [20, 30, 50, 70, 100, 150, 200, 300, 500, 700, 1000];
  beforeAll(() => {
    long = heatBlowup1D({ tauEnd: 1000, historyAt: samples });
  });

  test('discrete normalization conserves û(0) and (D2û)(0) to round-off over 9·10³ steps', () => {
    expect(long.status).toBe('success');
    const bound = l1RoundoffBound(300, long.stats.naccept);
    const s = long.history;
    for (let i = 0; i < s.tau.length; i++) {
      expect(Math.abs(s.u0[i] - s.u0[0])).toBeLessThanOrEqual(Number.EPSILON * long.stats.naccept);
      expect(Math.abs(s.u2[i] - s.u2[0])).toBeLessThanOrEqual(bound);
    }
  });

  test('laws converge with the derived log corrections: (c_u+1)τ → ¼(1 + 1.5 log τ/τ), (½−c_l)τ → ⅝(1 + 1.5 log τ/τ) − 0.75/τ', () => {
    const devU: number[] = [], devL: number[] = [];
    for (const tau of [100, 200, 500, 1000]) {
      const i = at(long, tau);
      const p = predictedHeatLaws(tau, 1);
      devU.push(Math.abs(long.history.lawU[i] - p.lawU));
      devL.push(Math.abs(long.history.lawL[i] - p.lawL));
      // the corrected law is much closer than the bare limit (the log τ/τ term is real)
      expect(devU[devU.length - 1]).toBeLessThan(0.1 * Math.abs(long.history.lawU[i] - 0.25));
      expect(devL[devL.length - 1]).toBeLessThan(0.15 * Math.abs(long.history.lawL[i] - 0.625));
    }
    for (let k = 1; k < devU.length; k++) expect(devU[k]).toBeLessThan(devU[k - 1] * 1.05);
    expect(devU[3]).toBeLessThan(devU[1]);
    expect(devL[3]).toBeLessThan(devL[0]);
    expect(Math.abs(long.final.lawU / 0.25 - 1)).toBeLessThan(0.011);
    expect(Math.abs(long.final.lawL / 0.625 - 1)).toBeLessThan(0.011);
  });

  test('1/λ = aτ − b log τ + C with b = 3/2 (spec §1.2 [D]) and a = 1 up to the O(h²) floor', () => {
    const s = long.history;
    const rows = s.tau.map((t, i) => i).filter((i) => s.tau[i] >= 50);
    const A = { rows: rows.length, cols: 3, data: new Float64Array(rows.length * 3) };
    const y = new Float64Array(rows.length);
    rows.forEach((i, r) => { A.data[3 * r] = s.tau[i]; A.data[3 * r + 1] = -Math.log(s.tau[i]); A.data[3 * r + 2] = 1; y[r] = 1 / s.lambda[i]; });
    const [a, b] = leastSquares(A, y).x;
    // a − 1 is the relative error of −(D2û)(0)·4 = 1 + O(h²) (h0 = 0.04): |a − 1| ≈ |4(D2û)(0) + 1|
    expect(Math.abs(a - 1)).toBeLessThan(2 * Math.abs(4 * s.u2[0] + 1));
    expect(Math.abs(b - 1.5)).toBeLessThan(0.15);
  });

  test('residue: τ·sup|û − ū_h| approaches max|v| ≈ 0.2603 near z ≈ 5.09 (thesis Fig. 2.2)', () => {
    const { value, z } = heatCorrectionMaximum();
    const d = [20, 50, 100, 200].map((tau) => Math.abs(long.history.supDiffDiscreteTau[at(long, tau)] - value));
    for (let k = 1; k < d.length; k++) expect(d[k]).toBeLessThan(d[k - 1]);
    // next correction is O(log τ/τ)
    expect(d[3]).toBeLessThan((3 * Math.log(200)) / 200 * value);
    const i = at(long, 100);
    const zs = long.z;
    const j = zs.findIndex((x) => x >= z);
    expect(Math.abs(long.history.supDiffAt[i] - z)).toBeLessThanOrEqual(2 * (zs[j] - zs[j - 1]));
    // û < ū asymptotically (v ≤ 0): the signed sup only sees the discretization floor
    expect(long.history.signedSup[at(long, 200)]).toBeLessThan(1e-3 * long.history.supDiff[at(long, 200)] * 200);
  });

  test('log Ĉ_u + τ − ¼log τ + (3/8)(log τ + 1)/τ tends to a constant (∫(c_u + 1) = ∫λ/4)', () => {
    const g = (tau: number) => { const i = at(long, tau); return long.history.logCu[i] + tau - 0.25 * Math.log(tau) + (0.375 * (Math.log(tau) + 1)) / tau; };
    const bare = (tau: number) => { const i = at(long, tau); return long.history.logCu[i] + tau - 0.25 * Math.log(tau); };
    expect(Math.abs(g(1000) - g(200))).toBeLessThan(0.1 * Math.abs(bare(1000) - bare(200)));
    expect(Math.abs(g(1000) - g(500))).toBeLessThan(2e-3);
  });

  test('blowup time: t(τ) + Ĉ_u/|c_u| is constant once Ĉ_u ≈ e^{−τ} is negligible', () => {
    const T = long.history.blowupTime;
    expect(Math.abs(long.final.blowupTime - T[at(long, 50)])).toBeLessThan(1e-12);
    // T = 1.3947946 to 1e-7: Richardson of the rescaled runs (N = 300…1200) and of the independent
    // physical-time solve agree (docs/blowup.md, "Independent check of the blowup time"); at the
    // default N = 300 the O(h²) error is 2.26e-5 (rescaled N = 300 gives 1.3947720)
    expect(Math.abs(long.final.blowupTime - 1.3947720)).toBeLessThan(2e-6);
    expect(1.3947946 - long.final.blowupTime).toBeGreaterThan(2.0e-5);
    expect(1.3947946 - long.final.blowupTime).toBeLessThan(2.5e-5);
  });

  test('grid convergence at τ = 20: laws, λτ and T converge at order 2 (Richardson estimate of T)', () => {
    const runs = [150, 300, 600].map((n) => heatBlowup1D({ tauEnd: 20, grid: { n }, historyAt: [] }));
    for (const key of ['lawL', 'lawU', 'lambdaTau', 'blowupTime'] as const) {
      const v = runs.map((r) => r.final[key]);
      const p = log2(Math.abs(v[0] - v[1]) / Math.abs(v[1] - v[2]));
      expect(p).toBeGreaterThan(1.7);
      expect(p).toBeLessThan(2.4);
    }
    const T = runs.map((r) => r.final.blowupTime);
    const richardson = T[2] + (T[2] - T[1]) / 3;
    expect(Math.abs(T[2] - richardson)).toBeLessThan(1e-5);
  });

  test("thesis normalization: (D2û)(0) drifts by O(h²) (ratio ≈ 4 under refinement); laws agree with the discrete mode", () => {
    const drift = [150, 300, 600].map((n) => {
      const r = heatBlowup1D({ tauEnd: 20, grid: { n }, normalization: 'thesis', historyAt: [] });
      return Math.abs(r.history.u2[r.history.u2.length - 1] - r.history.u2[0]);
    });
    expect(log2(drift[0] / drift[1])).toBeGreaterThan(1.8);
    expect(log2(drift[0] / drift[1])).toBeLessThan(2.2); // O(h²): observed 2.00–2.03
    expect(log2(drift[1] / drift[2])).toBeGreaterThan(1.8);
    expect(log2(drift[1] / drift[2])).toBeLessThan(2.2); // O(h²): observed 2.00–2.03
    expect(drift[2]).toBeGreaterThan(1e-6);
  });

  test('augmented vs frozen modulation (RK4): frozen converges to the augmented run at first order in k; only augmented keeps the invariants', () => {
    const base = { tauEnd: 10, grid: { n: 100 }, scheme: 'rk4' as const, historyAt: [] };
    const aug = heatBlowup1D({ ...base, cfl: 0.2 });
    const frz = [0.2, 0.1].map((cfl) => heatBlowup1D({ ...base, cfl, modulation: 'frozen' }));
    const e = frz.map((r) => Math.abs(r.final.lawU - aug.final.lawU));
    const p = log2(e[0] / e[1]);
    expect(p).toBeGreaterThan(0.8);
    expect(p).toBeLessThan(1.3);
    const drift = (r: HeatBlowupResult) => Math.abs(r.history.u0[1] - r.history.u0[0]) + Math.abs(r.history.u2[1] - r.history.u2[0]);
    expect(drift(aug)).toBeLessThan(l1RoundoffBound(100, aug.stats.naccept) + Number.EPSILON * aug.stats.naccept);
    expect(drift(frz[0])).toBeGreaterThan(1e-6);
    expect(log2(drift(frz[0]) / drift(frz[1]))).toBeGreaterThan(0.8);
  });

  test('explicit RK4 (thesis stepper): stable at CFL 0.4, unstable at 0.8 (diffusion-limited phase); agrees with IMEX', () => {
    const g = { n: 100 };
    const rk = heatBlowup1D({ tauEnd: 1, grid: g, scheme: 'rk4', cfl: 0.4, historyAt: [] });
    const imex = heatBlowup1D({ tauEnd: 1, grid: g, rtol: 1e-9, atol: 1e-12, historyAt: [] });
    expect(rk.status).toBe('success');
    // two schemes, same semi-discretization: they agree to the IMEX tolerance (rtol 1e-9)
    expect(Math.abs(rk.final.lambda - imex.final.lambda)).toBeLessThan(1e-7 * imex.final.lambda);
    expect(Math.abs(rk.final.cl - imex.final.cl)).toBeLessThan(1e-7);
    const imexDefault = heatBlowup1D({ tauEnd: 1, grid: g, historyAt: [] });
    expect(rk.stats.naccept).toBeGreaterThan(5 * imexDefault.stats.naccept);
    const unstable = heatBlowup1D({ tauEnd: 3, grid: { n: 300 }, scheme: 'rk4', cfl: 0.8, historyAt: [] });
    expect(unstable.status).toBe('diverged');
    expect(unstable.final.tau).toBeLessThan(0.1);
  });
});
