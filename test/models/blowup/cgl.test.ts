import { uniformGrid } from '../../../src/grid/grid1d';
import { finiteDifferenceOperator } from '../../../src/diff/finiteDifferenceOperator';
import { cglAmplitudePhaseRates, cglComplexRates } from '../../../src/models/blowup/cglAmplitudePhase';
import { cglBlowup1D, masmoudiZaagB } from '../../../src/models/blowup/cglBlowup';
import { cglModel, mirroredNodes, resolveCglParameters } from '../../../src/models/blowup/cglModel';
import { cglPhysical } from '../../../src/models/blowup/cglPhysical';
import { heatBlowup1D } from '../../../src/models/blowup/heatBlowup';
import { mappedGrid } from '../../../src/grid/grid1d';
import { sinhMap } from '../../../src/grid/maps';

const heatData = (x: number) => 1 / (1 + (x * x) / 8 + (x * x * x * x) / 10);

describe('complex Ginzburg–Landau (thesis §1.1.2)', () => {
  test('bad input throws named errors before work: p ≤ 1, non-finite β/δ/γ, nodes without the origin, complex value at the origin', () => {
    const z = mirroredNodes(mappedGrid(sinhMap({ length: 100 }), 20));
    expect(() => cglModel(z, { p: 1 })).toThrow(/params\.p/);
    expect(() => cglModel(z, { beta: Number.NaN })).toThrow(/params\.beta/);
    expect(() => cglModel(z, { delta: Infinity })).toThrow(/params\.delta/);
    expect(() => cglModel(z.map((v) => v + 0.5), {})).toThrow(/origin/);
    expect(() => cglBlowup1D({ tauEnd: 1, p: 0.5 })).toThrow(/problem\.p/);
    expect(() => cglBlowup1D({ tauEnd: 1, gamma: Number.NaN })).toThrow(/problem\.gamma/);
    expect(() => cglBlowup1D({ tauEnd: 1, grid: { n: 20 }, initialData: { re: heatData, im: () => 0.1 } })).toThrow(/initialData/);
    expect(() => cglPhysical({ nodes: z, initialData: new Float64Array(2 * z.length), p: 2 })).toThrow(/initialData/);
    expect(() => cglPhysical({ nodes: z, initialData: new Float64Array(2 * z.length).fill(1), p: 1 })).toThrow(/problem\.p/);
  });

  test('an aborted signal ends the runs with status aborted and finite states (rescaled and direct)', () => {
    const ac = new AbortController();
    ac.abort();
    const r = cglBlowup1D({ tauEnd: 5, grid: { n: 30 } }, { signal: ac.signal });
    expect(r.status).toBe('aborted');
    for (const v of r.final.re) expect(Number.isFinite(v)).toBe(true);
    const x = mirroredNodes(mappedGrid(sinhMap({ length: 60, scale: 0.05 }), 41));
    const data = new Float64Array(2 * x.length);
    x.forEach((v, i) => { data[i] = heatData(v); });
    const d = cglPhysical({ nodes: x, initialData: data }, { signal: ac.signal });
    expect(d.status).toBe('aborted');
  });

  test('amplitude–phase form vs complex form on a random smooth field: the difference of the finite-difference evaluations is O(h²) (order 1.8–2.2)', () => {
    const params = resolveCglParameters({ beta: 0.7, delta: -0.4, gamma: 0.3, p: 2.5 });
    const residual = (n: number): number => {
      const g = uniformGrid(n, { start: -2, length: 4 });
      const x = g.x;
      const u = x.map((s) => 1.5 + 0.3 * Math.sin(1.3 * s + 0.2) + 0.2 * Math.cos(2 * s));
      const th = x.map((s) => 0.7 * Math.sin(s) + 0.3 * s * s - 0.1 * Math.cos(3 * s + 1));
      const re = u.map((v, i) => v * Math.cos(th[i]));
      const im = u.map((v, i) => v * Math.sin(th[i]));
      const D1 = finiteDifferenceOperator(x, 1, 3);
      const D2 = finiteDifferenceOperator(x, 2, 3);
      const [ux, uxx, thx, thxx, rexx, imxx] = [D1.apply(u), D2.apply(u), D1.apply(th), D2.apply(th), D2.apply(re), D2.apply(im)];
      const ut = new Float64Array(n), tht = new Float64Array(n), pr = new Float64Array(n), pi = new Float64Array(n);
      cglAmplitudePhaseRates(params, u, ux, uxx, thx, thxx, ut, tht);
      cglComplexRates(params, re, im, rexx, imxx, pr, pi);
      let r = 0;
      for (let i = 1; i < n - 1; i++) {
        // u_t = Re(ψ̄ψ_t)/u, θ_t = Im(ψ̄ψ_t)/u²
        const utC = (re[i] * pr[i] + im[i] * pi[i]) / u[i];
        const thtC = (re[i] * pi[i] - im[i] * pr[i]) / (u[i] * u[i]);
        r = Math.max(r, Math.abs(ut[i] - utC), Math.abs(tht[i] - thtC));
      }
      return r;
    };
    const r = [81, 161, 321].map(residual);
    for (let k = 0; k < 2; k++) {
      const order = Math.log2(r[k] / r[k + 1]);
      expect(order).toBeGreaterThan(1.8);
      expect(order).toBeLessThan(2.2);
    }
  });

  test('reduction β = δ = γ = 0, p = 2: the rescaled CGL run reproduces the heat run step for step (same steps, fields to 1e-11, T to 1e-14)', () => {
    const h = heatBlowup1D({ tauEnd: 6, dt: 0.02, grid: { n: 80 } });
    const c = cglBlowup1D({ tauEnd: 6, dt: 0.02, grid: { n: 80 } });
    expect(c.status).toBe('success');
    expect(c.stats.naccept).toBe(h.stats.naccept);
    const origin = 79;
    let field = 0;
    for (let i = 0; i < h.final.u.length; i++) field = Math.max(field, Math.abs(h.final.u[i] - c.final.re[origin + i]), Math.abs(h.final.u[i] - c.final.re[origin - i]));
    expect(field).toBeLessThan(1e-11);
    for (const v of c.final.im) expect(v).toBe(0);
    expect(Math.abs(c.blowupTime - h.final.blowupTime)).toBeLessThan(1e-14);
    expect(c.history.tau.length).toBe(h.history.tau.length);
    for (let k = 0; k < h.history.tau.length; k++) {
      expect(Math.abs(c.history.c0[k] - h.history.cu[k])).toBeLessThan(1e-9);
      expect(Math.abs(c.history.cl[k] - h.history.cl[k])).toBeLessThan(1e-9 * Math.max(1, Math.abs(h.history.cl[k])));
      expect(Math.abs(c.history.cv[k])).toBeLessThan(1e-11);
    }
  });

  test('the normalization functionals Re Ψ(0), Im Ψ(0), (D1 Re Ψ)(0), (D2 Re Ψ)(0) are conserved to round-off (β = 0.3, δ = 0.5, γ = 0.2, p = 3, non-even data)', () => {
    const model = cglModel(mirroredNodes(mappedGrid(sinhMap({ length: 1e4 }), 60)), {});
    const c = cglBlowup1D({ beta: 0.3, delta: 0.5, gamma: 0.2, p: 3, tauEnd: 5, grid: { n: 60, length: 1e4 }, initialData: { re: (z) => 1 / (1 + z * z / 8 + 0.05 * z * z * z + z ** 4 / 10), im: (z) => 0.2 * z / (1 + z * z) } });
    expect(model.origin).toBe(59);
    expect(c.status).toBe('success');
    const h = c.history;
    for (let k = 0; k < h.tau.length; k++) {
      expect(Math.abs(h.u0[k] - h.u0[0])).toBeLessThan(1e-13);
      expect(Math.abs(h.imag0[k])).toBeLessThan(1e-13);
      expect(Math.abs(h.u2[k] - h.u2[0])).toBeLessThan(1e-11);
    }
    expect(Math.abs(h.cv[h.cv.length - 1])).toBeGreaterThan(1e-6); // the translation is active for non-even data
  });

  test('rescaled and direct blowup times agree for (β, δ) = (0.1, 0.2) and (−0.1, 0.3) (Richardson on both sides, 5e-6) while differing from the heat value by ≫ 5e-6', () => {
    const heatT = 1.3947946; // docs/blowup.md: both methods, Richardson
    for (const [beta, delta] of [[0.1, 0.2], [-0.1, 0.3]]) {
      const direct = [101, 201].map((n) => {
        const x = mirroredNodes(mappedGrid(sinhMap({ length: 60, scale: 0.05 }), n));
        const data = new Float64Array(2 * x.length);
        x.forEach((v, i) => { data[i] = heatData(v); });
        return cglPhysical({ beta, delta, nodes: x, initialData: data, amplitudeTarget: 1e3, rtol: 1e-7 }).blowupTime;
      });
      const rescaled = [75, 150].map((n) => cglBlowup1D({ beta, delta, tauEnd: 16, grid: { n } }).blowupTime);
      const Td = direct[1] + (direct[1] - direct[0]) / 3;
      const Tr = rescaled[1] + (rescaled[1] - rescaled[0]) / 3;
      expect(Math.abs(Td - Tr)).toBeLessThan(5e-6); // observed 6.8e-7 and 7.4e-7 (single-grid differences ≈ 3e-4)
      expect(Math.abs(Td - heatT)).toBeGreaterThan(4e-4);
    }
  });

  test('Masmoudi–Zaag candidate: Qτ(β, δ)/Qτ(0, 0) at τ = 100 matches b(β, δ)/b(0, 0) to 0.5%, including a pair with the same b (δ = −3β); the phase rate at the origin → −δ', () => {
    const run = (beta: number, delta: number) => cglBlowup1D({ beta, delta, tauEnd: 100, grid: { n: 100 } });
    const heat = run(0, 0);
    for (const [beta, delta] of [[0.1, 0.2], [-0.1, 0.3], [0, 0.3]]) {
      const r = run(beta, delta);
      expect(r.status).toBe('success');
      const ratio = r.Qtau / heat.Qtau;
      const predicted = masmoudiZaagB(2, beta, delta) / masmoudiZaagB(2, 0, 0);
      expect(Math.abs(ratio / predicted - 1)).toBeLessThan(5e-3);
      const ct = r.history.ctheta[r.history.ctheta.length - 1];
      expect(Math.abs(ct + delta)).toBeLessThan(0.01 * Math.abs(delta));
      const phase = r.history.phase[r.history.phase.length - 1];
      expect(Math.abs(phase / 100 - delta)).toBeLessThan(0.05 * Math.abs(delta)); // Θ(0,τ) ≈ δτ + O(log τ)
    }
  });
});
