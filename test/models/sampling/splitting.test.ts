import { leapfrogStep, ornsteinUhlenbeckStep } from '../../../src/time/splitting';
import { EnsembleKalmanWorkspace } from '../../../src/stats/ensembleKalman';
import { Rng } from '../../../src/random/rng';

describe('OU step with the ensemble noise (spec check 3)', () => {
  // a frozen ensemble of I = 6 particles in R², so C_q = QQᵀ/6
  const I = 6;
  const q = new Float64Array([0.3, 1, -1, 0.2, 0.5, -0.7, 2, 0.1, -0.4, 0.9, 0.1, -1.1]);
  const ws = new EnsembleKalmanWorkspace(I, 2, 0);
  ws.update(q);
  const C = ws.covariance.data;
  const M = 4000; // independent momentum copies
  const rng = new Rng(11);
  const xi = new Float64Array(I);
  const eta = new Float64Array(2);
  function covOf(p: Float64Array[]): number[] {
    const s = [0, 0, 0];
    for (const v of p) {
      s[0] += v[0] * v[0];
      s[1] += v[0] * v[1];
      s[2] += v[1] * v[1];
    }
    return s.map((x) => x / p.length);
  }
  // standard error of a sample second moment E[p_a p_b] of N(0, C): √((C_aa C_bb + C_ab²)/M)
  const se = [Math.sqrt((2 * C[0] * C[0]) / M), Math.sqrt((C[0] * C[3] + C[1] * C[1]) / M), Math.sqrt((2 * C[3] * C[3]) / M)];
  const target = [C[0], C[1], C[3]];

  it('one step from p = 0 has covariance (1 − e^{−2γε})C_q', () => {
    const gamma = 1.3;
    const h = 0.2;
    const f = -Math.expm1(-2 * gamma * h);
    const ps = Array.from({ length: M }, () => {
      const p = new Float64Array(2);
      rng.fillNormal(xi);
      ws.noise(xi, eta);
      return ornsteinUhlenbeckStep(p, gamma, h, eta);
    });
    const c = covOf(ps);
    for (let k = 0; k < 3; k++) expect(Math.abs(c[k] - f * target[k])).toBeLessThan(4 * f * se[k]);
  });

  it('N(0, C_q) is stationary: many steps from a far start end at covariance C_q', () => {
    const ps = Array.from({ length: M }, () => {
      const p = new Float64Array([5, -5]);
      for (let s = 0; s < 25; s++) {
        rng.fillNormal(xi);
        ws.noise(xi, eta);
        ornsteinUhlenbeckStep(p, 1, 0.4, eta);
      }
      return p;
    });
    const c = covOf(ps);
    // after 25 steps of 0.4 the start has decayed by e^{-10}·5 ≈ 2e-4, far below the sampling error
    for (let k = 0; k < 3; k++) expect(Math.abs(c[k] - target[k])).toBeLessThan(4 * se[k]);
  });
});

describe('leapfrog with a frozen covariance and quadratic Φ (spec check 4)', () => {
  // Φ(q) = ½(q − m)ᵀP(q − m), force −C·DΦ with frozen SPD C; energy H = ½pᵀC⁻¹p + Φ(q)
  const C = [1.5, 0.4, 0.4, 0.8];
  const det = C[0] * C[3] - C[1] * C[1];
  const Cinv = [C[3] / det, -C[1] / det, -C[1] / det, C[0] / det];
  const P = [2, -0.5, -0.5, 1];
  const m = [0.3, -0.2];
  const force = (q: Float64Array, out: Float64Array): boolean => {
    const g0 = P[0] * (q[0] - m[0]) + P[1] * (q[1] - m[1]);
    const g1 = P[2] * (q[0] - m[0]) + P[3] * (q[1] - m[1]);
    out[0] = -(C[0] * g0 + C[1] * g1);
    out[1] = -(C[2] * g0 + C[3] * g1);
    return true;
  };
  const energy = (q: Float64Array, p: Float64Array): number => {
    const d0 = q[0] - m[0];
    const d1 = q[1] - m[1];
    return 0.5 * (p[0] * (Cinv[0] * p[0] + Cinv[1] * p[1]) + p[1] * (Cinv[2] * p[0] + Cinv[3] * p[1])) + 0.5 * (d0 * (P[0] * d0 + P[1] * d1) + d1 * (P[2] * d0 + P[3] * d1));
  };

  it('is time reversible to round-off', () => {
    const q = new Float64Array([1, 2]);
    const p = new Float64Array([-0.5, 0.3]);
    const F = new Float64Array(2);
    force(q, F);
    for (let k = 0; k < 200; k++) leapfrogStep(q, p, F, 0.05, force);
    p[0] = -p[0];
    p[1] = -p[1];
    for (let k = 0; k < 200; k++) leapfrogStep(q, p, F, 0.05, force);
    expect(Math.abs(q[0] - 1) + Math.abs(q[1] - 2)).toBeLessThan(1e-12);
    expect(Math.abs(p[0] - 0.5) + Math.abs(p[1] + 0.3)).toBeLessThan(1e-12);
  });

  it('has energy error O(ε²): ratio ≈ 4 under halving ε', () => {
    const errs = [0.1, 0.05, 0.025].map((h) => {
      const q = new Float64Array([1, 2]);
      const p = new Float64Array([-0.5, 0.3]);
      const F = new Float64Array(2);
      force(q, F);
      const H0 = energy(q, p);
      let worst = 0;
      for (let k = 0; k < Math.round(3 / h); k++) {
        leapfrogStep(q, p, F, h, force);
        worst = Math.max(worst, Math.abs(energy(q, p) - H0));
      }
      return worst;
    });
    for (let k = 0; k < 2; k++) {
      const ratio = errs[k] / errs[k + 1];
      expect(ratio).toBeGreaterThan(3.6);
      expect(ratio).toBeLessThan(4.4);
    }
  });
});
