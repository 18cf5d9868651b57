import { createMatrix } from '../../../src/linalg/dense';
import { integrateMomentOde, linearGaussianPosterior, MAX_SPECTRAL_GAP, maximizeSpectralGap, OPTIMAL_DAMPING, spectralGap, spectralGapRoot, unstableModeRoot, type MomentState } from '../../../src/models/sampling/index';
import { linearTestProblem } from './helpers';

describe('exact linear-Gaussian posterior', () => {
  it('matches the scalar closed form and satisfies B⁻¹(Bc) = c', () => {
    const post = linearGaussianPosterior({ A: createMatrix(1, 1, new Float64Array([2])), data: [3], noise: 0.5, prior: { mean: [1], covariance: 4 } });
    // precision 4/0.5 + 1/4 = 8.25; c = 2·3/0.5 + 1/4 = 12.25
    expect(post.covariance.data[0]).toBeCloseTo(1 / 8.25, 15);
    expect(post.mean[0]).toBeCloseTo(12.25 / 8.25, 14);
    const { posterior } = linearTestProblem();
    const P = posterior.precision.data;
    for (let a = 0; a < 2; a++) expect(P[a * 2] * posterior.mean[0] + P[a * 2 + 1] * posterior.mean[1]).toBeCloseTo(posterior.c[a], 13);
  });
});

describe('spectral gap of the linearized moment equations (spec check 8)', () => {
  it('the real root lies in (−γ, 0) and solves the cubic; the unstable-mode root lies in (0, 1)', () => {
    for (let g = 0.1; g <= 100; g *= 1.37) {
      const x = spectralGapRoot(g);
      expect(x).toBeGreaterThan(-g);
      expect(x).toBeLessThan(0);
      expect(Math.abs(x ** 3 + 3 * g * x * x + (2 * g * g + 6) * x + 4 * g)).toBeLessThan(1e-12 * (1 + g ** 3));
      const u = unstableModeRoot(g);
      expect(u).toBeGreaterThan(0);
      expect(u).toBeLessThan(1);
      expect(Math.abs(u ** 3 + 3 * g * u * u + 2 * g * g * u - 4 * g)).toBeLessThan(1e-12 * (1 + g ** 3));
    }
  });

  it('is maximized at γ0 = 2√2 − 1 with gap 2√2 − 2 (golden section to 1e-8)', () => {
    const m = maximizeSpectralGap(0.1, 100, 1e-8);
    expect(Math.abs(m.gamma - OPTIMAL_DAMPING)).toBeLessThan(1e-6);
    expect(Math.abs(m.gap - MAX_SPECTRAL_GAP)).toBeLessThan(1e-12);
    expect(spectralGapRoot(OPTIMAL_DAMPING)).toBeCloseTo(2 - 2 * Math.SQRT2, 14);
    expect(OPTIMAL_DAMPING).toBeCloseTo(1.828427, 6);
  });

  it('has the asymptotics 2γ/3 (γ → 0) and 2/γ (γ → ∞) with vanishing relative errors', () => {
    const small = [1e-1, 1e-2, 1e-3].map((g) => Math.abs(spectralGap(g) / ((2 * g) / 3) - 1));
    const large = [1e1, 1e2, 1e3].map((g) => Math.abs(spectralGap(g) / (2 / g) - 1));
    for (const e of [small, large]) {
      expect(e[1]).toBeLessThan(e[0] / 5);
      expect(e[2]).toBeLessThan(e[1] / 5);
      expect(e[2]).toBeLessThan(1e-3);
    }
  });
});

describe('moment equations (C.5.2) (spec check 7)', () => {
  const { posterior } = linearTestProblem();
  const P = posterior.precision.data;
  const B = posterior.covariance.data;
  it('converge to (Bc, 0, B, B, 0) with the late-time rate of ‖C_q − B‖ equal to the cubic root within 1%', () => {
    for (const gamma of [0.5, 1, OPTIMAL_DAMPING, 3]) {
      // start near the steady state so the linearization governs the whole window
      const init: MomentState = {
        mq: new Float64Array([posterior.mean[0] + 0.3, posterior.mean[1] - 0.2]),
        mp: new Float64Array(2),
        Cq: new Float64Array([B[0] * 1.3, B[1], B[2], B[3] * 0.8]),
        Cp: new Float64Array([B[0] * 0.7, B[1] * 0.5, B[2] * 0.5, B[3] * 1.2]),
        Cqp: new Float64Array(4),
      };
      const dt = 0.01;
      const gap = spectralGap(gamma);
      const T1 = 6 / gap;
      const T2 = 20 / gap; // ‖C_q − B‖ ≈ e^{−20} there, well above round-off
      const times: number[] = [];
      const errs: number[] = [];
      const end = integrateMomentOde(init, P, posterior.c, gamma, dt, Math.round(T2 / dt), (t, s) => {
        if (Math.round(t / dt) % 50 === 0) {
          times.push(t);
          errs.push(Math.hypot(s.Cq[0] - B[0], s.Cq[1] - B[1], s.Cq[2] - B[2], s.Cq[3] - B[3]));
        }
      });
      // steady state
      // the mean obeys ẍ + γẋ + x = 0 in the B-independent variables: rate γ/2 (γ < 2), (γ − √(γ² − 4))/2 (γ ≥ 2)
      const meanRate = gamma < 2 ? gamma / 2 : (gamma - Math.sqrt(gamma * gamma - 4)) / 2;
      const meanErr = Math.hypot(end.mq[0] - posterior.mean[0], end.mq[1] - posterior.mean[1]);
      expect(meanErr).toBeLessThan(10 * Math.exp(-meanRate * T2) + 1e-13);
      expect(Math.abs(end.Cq[0] - B[0])).toBeLessThan(1e-6);
      // rate fit over a late window t ∈ [6, 20]/gap: the slowest covariance mode is the real root
      const i0 = times.findIndex((t) => t >= T1);
      const i1 = times.length - 1;
      let sx = 0, sy = 0, sxx = 0, sxy = 0, n = 0;
      for (let i = i0; i <= i1; i++) {
        const y = Math.log(errs[i]);
        sx += times[i];
        sy += y;
        sxx += times[i] ** 2;
        sxy += times[i] * y;
        n++;
      }
      const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
      expect(Math.abs(slope / spectralGapRoot(gamma) - 1)).toBeLessThan(0.01);
    }
  });
});
