import { InvalidArgumentError } from '../../../src/core/errors';
import { uniformGrid } from '../../../src/grid/grid1d';
import { kellerSegelProfile } from '../../../src/models/blowup/kellerSegelProfile';
import { initKellerSegelPhysical, kellerSegelPhysical, rateEstimates, scaledProfileData } from '../../../src/models/blowup/kellerSegelPhysical';

/** (T − t)ρ(yℓ) with ℓ = W(T − t)^β, by linear interpolation on the grid. */
function rescaled(r: Float64Array, rho: Float64Array, T: number, t: number, beta: number, width: number, y: number): number {
  const x = y * width * Math.pow(T - t, beta);
  let i = 0;
  while (r[i + 1] < x) i++;
  const th = (x - r[i]) / (r[i + 1] - r[i]);
  return (T - t) * (rho[i] * (1 - th) + rho[i + 1] * th);
}

describe('physical-time 3-D radial Keller–Segel with logistic damping', () => {
  const W = 1e3;
  const grid = (n: number) => ({ n, length: 2e4, scale: 0.5 });

  test('bad input is rejected before work', () => {
    const data = (r: number) => 1 / (1 + r * r);
    expect(() => kellerSegelPhysical({ mu: 1 / 3, initialData: data })).toThrow(/problem\.mu/);
    expect(() => kellerSegelPhysical({ mu: Number.POSITIVE_INFINITY, initialData: data })).toThrow(InvalidArgumentError);
    expect(() => kellerSegelPhysical({ mu: 0, initialData: data, grid: uniformGrid(20, { start: 0.5, length: 3 }) })).toThrow(/grid\.x\[0\]/);
    expect(() => kellerSegelPhysical({ mu: 0, initialData: (r) => (r > 1 ? -1 : 1) })).toThrow(/initialData/);
    expect(() => kellerSegelPhysical({ mu: 0, initialData: () => Number.NaN })).toThrow(/initialData/);
    expect(() => kellerSegelPhysical({ mu: 0, initialData: data }, { saveAt: [1, 0.5] })).toThrow(/saveAt/);
  });

  test('an aborted signal ends the run with status aborted and the last good state', () => {
    const ac = new AbortController();
    ac.abort();
    const run = kellerSegelPhysical({ mu: 0, initialData: (r) => 1 / (1 + r * r), grid: { n: 50 } }, { signal: ac.signal });
    expect(run.status).toBe('aborted');
    for (const v of run.final.rho) expect(Number.isFinite(v)).toBe(true);
  });

  test('rate estimates are exact for a = A/(T − t)', () => {
    const t = Float64Array.from({ length: 400 }, (_, i) => 2 * (1 - Math.pow(0.97, i)));
    const a = t.map((s) => 3 / (2 - s));
    const est = rateEstimates(t, a);
    expect(est.rate.length).toBeGreaterThan(5);
    for (let i = 0; i < est.rate.length; i++) {
      expect(est.rate[i]).toBeCloseTo(3, 10);
      expect(est.blowupTime[i]).toBeCloseTo(2, 10);
    }
  });

  test('data on the scaled profile (μ = 0, j0 = 10): ρ(0,t)(T − t) → Q(0) = 1; mass balance to round-off; positive; the core follows Q(x/(T−t)^β) with the error shrinking under refinement', () => {
    const p = kellerSegelProfile({ mu: 0, j0: 10 });
    const data = scaledProfileData((y) => p.profileAt(y), 1, W);
    const errors: number[] = [];
    for (const n of [400, 800]) {
      const run = kellerSegelPhysical({ mu: 0, initialData: data, grid: grid(n), amplitudeTarget: 1e4 });
      expect(run.status).toBe('success');
      expect(run.maxBalanceDefect).toBeLessThan(1e-13);
      expect(run.history.logisticLoss[run.history.logisticLoss.length - 1]).toBe(0);
      for (const v of run.final.rho) expect(v).toBeGreaterThanOrEqual(0);
      expect(run.rates.rate.length).toBe(7);
      for (const rate of run.rates.rate) expect(Math.abs(rate - 1)).toBeLessThan(1e-6);
      // diffusion delays the blowup only slightly: T − 1 = O(T0/W²)
      expect(Math.abs(run.blowupTime - 1)).toBeLessThan(1e-6);
      errors.push(Math.abs(rescaled(run.r, run.final.rho, run.blowupTime, run.final.t, p.beta, W, 1) - p.profileAt(1)));
    }
    // observed |(T−t)ρ(ℓ) − Q(1)| at ρ(0) = 1e4: 0.125 (N = 400), 0.029 (N = 800): order 2.1
    const order = Math.log2(errors[0] / errors[1]);
    expect(order).toBeGreaterThan(1.6);
    expect(order).toBeLessThan(2.6);
    expect(errors[1]).toBeLessThan(0.05);
  });

  test('μ = 0.2, j0 = 10: the logistic loss is accounted for (mass + loss conserved to round-off while mass decreases); rate → 1/(1−μ)', () => {
    const p = kellerSegelProfile({ mu: 0.2, j0: 10 });
    const stepper = initKellerSegelPhysical({ mu: 0.2, initialData: scaledProfileData((y) => p.profileAt(y), 1, W), grid: grid(400), amplitudeTarget: 1e3 }, { saveAt: [0.5] });
    while (stepper.step()) { /* step by hand */ }
    const run = stepper.result();
    expect(run.status).toBe('success');
    const h = run.history;
    const last = h.mass.length - 1;
    expect(h.mass[last]).toBeLessThan(h.mass[0] * (1 - 1e-3));
    expect(h.logisticLoss[last]).toBeGreaterThan(1e-3 * h.mass[0]);
    expect(run.maxBalanceDefect).toBeLessThan(1e-13);
    expect(run.rateToQ0).toBeGreaterThan(1 - 1e-5);
    expect(run.rateToQ0).toBeLessThan(1 + 1e-5);
    expect(run.saved.length).toBe(1);
    expect(run.saved[0].t).toBeGreaterThanOrEqual(0.5);
  });
});
