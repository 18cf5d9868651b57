import { InvalidArgumentError } from '../../../src/core/errors';
import { kellerSegelAdmissibility, kellerSegelManifoldStart, kellerSegelProfile } from '../../../src/models/blowup/kellerSegelProfile';
import reference from '../../fixtures/keller-segel/profiles.json';

const PAIRS: [number, number][] = [[0, 4], [0, 5], [0, 6], [0.1, 5], [0.2, 10]];

describe('Keller–Segel self-similar profile (phase-portrait ODE, thesis §1.1.3)', () => {
  test('admissibility: μ ∈ [0, 1/3) and j0 > 3(1−μ)/(1−3μ) ⟺ 1/(3(1−μ)) < β < 1/2', () => {
    expect(kellerSegelAdmissibility(0, 4).admissible).toBe(true);
    expect(kellerSegelAdmissibility(0, 3).admissible).toBe(false); // β = 1/2 exactly
    expect(kellerSegelAdmissibility(0.1, 5).admissible).toBe(true); // bound 27/7 ≈ 3.86
    expect(kellerSegelAdmissibility(0.2, 6).admissible).toBe(false); // bound 6
    expect(kellerSegelAdmissibility(0.2, 7).admissible).toBe(true);
    expect(kellerSegelAdmissibility(1 / 3, 100).admissible).toBe(false);
    for (let mu = 0; mu < 0.33; mu += 0.01) {
      for (let j0 = 1; j0 < 200; j0++) {
        const a = kellerSegelAdmissibility(mu, j0);
        expect(a.admissible).toBe(a.beta < 0.5 && a.beta > 1 / (3 * (1 - mu)));
      }
    }
  });

  test('inadmissible pairs and bad input are rejected with named errors before any work', () => {
    expect(() => kellerSegelProfile({ mu: 0, j0: 3 })).toThrow(InvalidArgumentError);
    expect(() => kellerSegelProfile({ mu: 0, j0: 3 })).toThrow(/problem\.j0/);
    expect(() => kellerSegelProfile({ mu: 0.2, j0: 6 })).toThrow(/problem\.j0/);
    expect(() => kellerSegelProfile({ mu: 1 / 3, j0: 10 })).toThrow(/problem\.mu/);
    expect(() => kellerSegelProfile({ mu: -0.1, j0: 10 })).toThrow(/problem\.mu/);
    expect(() => kellerSegelProfile({ mu: Number.NaN, j0: 10 })).toThrow(/problem\.mu/);
    expect(() => kellerSegelProfile({ mu: 0, j0: 4.5 })).toThrow(/problem\.j0/);
    expect(() => kellerSegelProfile({ mu: 0, j0: 4, start: 0.5 })).toThrow(/problem\.start/);
    expect(() => kellerSegelProfile({ mu: 0, j0: 4 }, { saveAt: [2, 1] })).toThrow(/saveAt\[1\]/);
  });

  test('the manifold start satisfies the ODE to O(ε²) at first order (the thesis Taylor data) and O(ε³) at second order', () => {
    for (const [mu, j0] of PAIRS) {
      const q0 = 1 / (1 - mu);
      const beta = q0 / 3 + 1 / (2 * j0);
      const residuals = (eps: number) => {
        const s = kellerSegelManifoldStart(mu, j0, eps);
        // d/ds acts on ε^k as 2j0·k·ε^k
        const dQ1 = -2 * j0 * eps;
        const dm1 = (-2 * j0 * eps) / (2 * j0 + 3);
        const dQ2 = dQ1 + 4 * j0 * s.a * eps * eps;
        const dm2 = dm1 + 4 * j0 * s.b * eps * eps;
        const r1 = Math.abs(dQ1 * (beta - s.m1) - s.Q1 * ((1 - mu) * s.Q1 - 1)) + Math.abs(dm1 - (s.Q1 - 3 * s.m1));
        const r2 = Math.abs(dQ2 * (beta - s.m) - s.Q * ((1 - mu) * s.Q - 1)) + Math.abs(dm2 - (s.Q - 3 * s.m));
        return [r1, r2];
      };
      const [a1, a2] = residuals(1e-2);
      const [b1, b2] = residuals(1e-3);
      expect(Math.log10(a1 / b1)).toBeGreaterThan(1.9); // order 2
      expect(Math.log10(a1 / b1)).toBeLessThan(2.1);
      expect(Math.log10(a2 / b2)).toBeGreaterThan(2.8); // order 3
      expect(Math.log10(a2 / b2)).toBeLessThan(3.2);
    }
  });

  test('admissible pairs reach the far field with m < β throughout; far-field slope → −1/β; values match an independent mpmath solve in r', () => {
    for (const [mu, j0] of PAIRS) {
      const p = kellerSegelProfile({ mu, j0 });
      expect(p.status).toBe('success');
      expect(p.stats.singularLineHits).toBe(0);
      expect(p.maxMMinusBeta).toBeLessThan(0);
      expect(p.maxMMinusBeta).toBeCloseTo(1 / (3 * (1 - mu)) - p.beta, 6); // attained at the start: m ≤ q0/3
      const ref = reference.pairs.find((q) => q.mu === mu && q.j0 === j0)!;
      expect(p.beta).toBeCloseTo(ref.beta, 14);
      for (const [r, v] of [[1, ref.Q1], [2, ref.Q2], [10, ref.Q10]] as const) {
        expect(Math.abs(p.profileAt(r) - v) / v).toBeLessThan(1e-10);
      }
      // slope at rMax = 1e6 is −1/β up to O(Q(rMax)) ~ 1e-13
      expect(Math.abs(p.farSlope - p.farSlopeLimit)).toBeLessThan(1e-11);
      // and it approaches monotonically: the deviation at 10 and 1e4 from the reference
      expect(Math.abs(ref.slopeAt10 - ref.slopeLimit)).toBeGreaterThan(Math.abs(ref.slopeAt1e4 - ref.slopeLimit) * 100);
      // Q decreasing, positive
      for (let i = 1; i < p.history.Q.length; i++) expect(p.history.Q[i]).toBeLessThan(p.history.Q[i - 1]);
      expect(p.final.Q).toBeGreaterThan(0);
    }
  });

  test('profiles are insensitive to the start radius: ε = 1e-6, 1e-8, 1e-10 agree to 1e-10 (relative) at r = 0.5, 1, 2, 10, 100', () => {
    let worst = 0;
    for (const [mu, j0] of PAIRS) {
      const base = kellerSegelProfile({ mu, j0 });
      for (const start of [1e-6, 1e-10]) {
        const other = kellerSegelProfile({ mu, j0, start });
        for (const r of [0.5, 1, 2, 10, 100]) worst = Math.max(worst, Math.abs(other.profileAt(r) - base.profileAt(r)) / base.profileAt(r));
      }
    }
    expect(worst).toBeLessThan(1e-10); // observed ≈ 1e-12 (the DOPRI5 tolerance 1e-12)
  });

  test('saveAt radii are recorded in order; profileAt below the start uses the series', () => {
    const p = kellerSegelProfile({ mu: 0, j0: 4 }, { saveAt: [0.5, 1, 10] });
    expect(p.saved.map((s) => s.t)).toEqual([0.5, 1, 10]);
    expect(p.saved[1].state.Q).toBeCloseTo(p.profileAt(1), 12);
    expect(p.profileAt(0.01)).toBeCloseTo(1 - 0.01 ** 8, 15);
    expect(Number.isNaN(p.profileAt(2e6))).toBe(true);
  });
});
