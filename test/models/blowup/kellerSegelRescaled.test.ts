import { InvalidArgumentError } from '../../../src/core/errors';
import { mappedGrid } from '../../../src/grid/grid1d';
import { sinhMap } from '../../../src/grid/maps';
import { kellerSegelRescaled, kellerSegelTrackedRange, type KellerSegelRescaledResult } from '../../../src/models/blowup/kellerSegelRescaled';
import { kellerSegelRescaledModel } from '../../../src/models/blowup/kellerSegelRescaledModel';
import { kellerSegelModulationLaws } from '../../../src/models/blowup/kellerSegelTaylor';
import laws from '../../fixtures/keller-segel/modulation_laws.json';

const BETA = 1 / 3 + 1 / 8; // μ = 0, j0 = 4
const historyAt = Array.from({ length: 39 }, (_, i) => i + 1);
const runs = new Map<string, KellerSegelRescaledResult>();
function run(n: number, nu0: number, modulateUnstable = true): KellerSegelRescaledResult {
  const key = `${n}/${nu0}/${modulateUnstable}`;
  if (!runs.has(key)) runs.set(key, kellerSegelRescaled({ mu: 0, j0: 4, tauEnd: 40, nu0, perturbation: 0.05, grid: { n }, modulateUnstable, historyAt }));
  return runs.get(key)!;
}
const at = (r: KellerSegelRescaledResult, tau: number): number => r.history.tau.findIndex((t) => Math.abs(t - tau) < 1e-9);

describe('Keller–Segel rescaled dynamics: Taylor-space modulation laws', () => {
  test('the closed-form laws equal a symbolic (sympy) solution of the order-by-order conditions', () => {
    for (const c of laws.cases) {
      const got = kellerSegelModulationLaws(c.mu, c.j0, c.psi, c.nu, c.modulateUnstable);
      expect(got.length).toBe(c.c.length);
      for (let q = 0; q < c.c.length; q++) expect(got[q]).toBeCloseTo(c.c[q], 12);
    }
  });

  test('on the profile data: c_u = −1, c_l = β, a_{j0−1} = 2j0(2j0+1)ν, the other a_j = 0', () => {
    const c = kellerSegelModulationLaws(0, 4, [1, 0, 0, 0, -1, 0], 1e-3);
    expect(c[0]).toBe(-1);
    expect(c[1]).toBeCloseTo(BETA, 15);
    expect(Math.abs(c[2])).toBe(0);
    expect(Math.abs(c[3])).toBe(0);
    expect(c[4]).toBeCloseTo(72e-3, 15);
  });
});

describe('Keller–Segel rescaled dynamics (μ = 0, j0 = 4, from Q + 0.05p)', () => {
  test('ν(0) = 1e-3: tracks Q over τ ∈ [0, 40]; sup|Ψ − Q| = O(ν) decays with ν; the held Taylor data stay fixed', () => {
    const r = run(200, 1e-3);
    expect(r.status).toBe('success');
    const h = r.history;
    expect(kellerSegelTrackedRange(h, 0.2)).toBe(40);
    for (let i = 0; i < h.tau.length; i++) {
      expect(Math.abs(h.cu[i] + 1)).toBeLessThan(1e-8); // c_u = −1 (the thesis law λ_τ/λ = −½)
      expect(h.invariantDrift[i]).toBeLessThan(1e-7);
      expect(Number.isFinite(h.deviation[i])).toBe(true);
    }
    // (log ν)_τ = c_u + 2c_l → −(1 − 2β) = −1/12, to 2·max|c_l − β| (< 2e-3, checked below)
    const i10 = at(r, 10), i40 = at(r, 40);
    expect(Math.abs(Math.log(h.nu[i40] / h.nu[i10]) / 30 + (1 - 2 * BETA))).toBeLessThan(2e-3);
    // deviation decays like ν: sup|Ψ − Q|/ν within [150, 260] for τ ≥ 5 (measured 184–224)
    for (let i = at(r, 5); i < h.tau.length; i++) {
      const ratio = h.deviation[i] / h.nu[i];
      expect(ratio).toBeGreaterThan(150);
      expect(ratio).toBeLessThan(260);
    }
    expect(h.deviation[i40]).toBeLessThan(h.deviation[i10] / 10);
    // the scaling modulation approaches β, the other unstable modulations stay small
    for (let i = at(r, 5); i < h.tau.length; i++) {
      expect(Math.abs(h.clMinusBeta[i])).toBeLessThan(1e-3);
      expect(h.aOthers[i]).toBeLessThan(1e-4);
    }
    expect(Math.abs(r.final.blowupTime - 1)).toBeLessThan(1e-7);
  });

  test('refinement N = 200 → 400: the same sup|Ψ − Q| (viscous, grid-independent part) and a_{j0−1} → 2j0(2j0+1)ν·(−[Ψ]_{j0})', () => {
    const a = run(200, 1e-3), b = run(400, 1e-3);
    expect(b.status).toBe('success');
    for (const tau of [10, 20, 30, 40]) {
      const ia = at(a, tau), ib = at(b, tau);
      expect(Math.abs(a.history.deviation[ia] - b.history.deviation[ib])).toBeLessThan(0.1 * b.history.deviation[ib]);
    }
    // the law's defect shrinks under refinement (measured 0.71 → 0.13 of the law at τ = 40)
    const ea = Math.abs(a.history.aTop[at(a, 40)] / a.history.aTopLaw[at(a, 40)] - 1);
    const eb = Math.abs(b.history.aTop[at(b, 40)] / b.history.aTopLaw[at(b, 40)] - 1);
    expect(eb).toBeLessThan(ea / 2);
    expect(eb).toBeLessThan(0.3);
    for (const tau of [5, 10, 20]) expect(Math.abs(b.history.aTop[at(b, tau)] / b.history.aTopLaw[at(b, tau)] - 1)).toBeLessThan(0.05);
    // and the discrete modulations agree with the Taylor-space laws evaluated on the fitted coefficients
    const model = kellerSegelRescaledModel(mappedGrid(sinhMap({ length: 200, scale: 0.5 }), 400, { symmetry: 'even' }), { mu: 0, j0: 4 });
    const psi = model.taylor(b.final.psi, new Float64Array(10));
    const c = kellerSegelModulationLaws(0, 4, psi, b.final.nu);
    expect(Math.abs(c[1] - b.final.c[1])).toBeLessThan(1e-4);
    expect(Math.abs(c[4] - b.final.c[4])).toBeLessThan(0.2 * c[4]);
  });

  test('without the unstable modulations the run leaves Q (measured τ ≈ 9–12) and ends with a status, never NaN', () => {
    const free200 = run(200, 1e-4, false), free400 = run(400, 1e-4, false);
    for (const r of [free200, free400]) {
      expect(r.status).toBe('diverged');
      expect(r.message).toMatch(/self-similar regime/);
      for (let i = 0; i < r.final.psi.length; i++) expect(Number.isFinite(r.final.psi[i])).toBe(true);
      for (const v of r.history.deviation) expect(Number.isFinite(v)).toBe(true);
    }
    const t200 = kellerSegelTrackedRange(free200.history, 0.05), t400 = kellerSegelTrackedRange(free400.history, 0.05);
    // measured 9.25 (N = 200), 11.75 (N = 400), 10.5 (N = 800): seeded by round-off and truncation, not monotone in N
    for (const t of [t200, t400]) { expect(t).toBeGreaterThan(7); expect(t).toBeLessThan(15); }
    const held = run(200, 1e-4);
    expect(kellerSegelTrackedRange(held.history, 0.05)).toBeGreaterThan(Math.max(t200, t400) + 10);
  });

  test('the run idiom: progress, saveAt (Ψ at rescaled times), abort → status aborted', () => {
    let reports = 0;
    const r = kellerSegelRescaled({ mu: 0, j0: 4, tauEnd: 1, nu0: 1e-3 }, { onProgress: () => { reports++; }, progressEvery: 5, saveAt: [0.5, 1] });
    expect(r.status).toBe('success');
    expect(reports).toBeGreaterThan(0);
    expect(r.saved.map((s) => s.t)).toEqual([0.5, 1]);
    expect(r.saved[1].state).toEqual(r.final.psi);
    expect(r.stats.nsteps).toBe(r.stats.naccept + r.stats.nreject);
    const controller = new AbortController();
    controller.abort();
    const a = kellerSegelRescaled({ mu: 0, j0: 4, tauEnd: 1 }, { signal: controller.signal });
    expect(a.status).toBe('aborted');
    expect(a.final.psi.every(Number.isFinite)).toBe(true);
    expect(() => kellerSegelRescaled({ mu: 0, j0: 4, tauEnd: 1 }, { saveAt: [0.5, 0.2] })).toThrow(/saveAt/);
  });

  test('bad input throws named errors before any work', () => {
    const base = { mu: 0, j0: 4, tauEnd: 1 };
    expect(() => kellerSegelRescaled({ ...base, mu: 1 / 3 })).toThrow(/problem\.mu/);
    expect(() => kellerSegelRescaled({ ...base, mu: Number.NaN })).toThrow(InvalidArgumentError);
    expect(() => kellerSegelRescaled({ ...base, j0: 3 })).toThrow(/problem\.j0.*3/);
    expect(() => kellerSegelRescaled({ ...base, mu: 0.2, j0: 6 })).toThrow(/problem\.j0/);
    expect(() => kellerSegelRescaled({ ...base, j0: 4.5 })).toThrow(/problem\.j0/);
    expect(() => kellerSegelRescaled({ ...base, tauEnd: 0 })).toThrow(/problem\.tauEnd/);
    expect(() => kellerSegelRescaled({ ...base, nu0: Number.POSITIVE_INFINITY })).toThrow(/problem\.nu0/);
    expect(() => kellerSegelRescaled({ ...base, perturbation: Number.NaN })).toThrow(/problem\.perturbation/);
    expect(() => kellerSegelRescaled({ ...base, grid: mappedGrid(sinhMap({ length: 10, start: 1 }), 50) })).toThrow(/grid\.x\[0\]/);
    expect(() => kellerSegelRescaled({ ...base, grid: { n: 40 } })).toThrow(/options\.window/);
    expect(() => kellerSegelModulationLaws(0, 4, [1, 0, 0], 0)).toThrow(/psi/);
  });
});
