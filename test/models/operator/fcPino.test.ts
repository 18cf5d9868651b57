import { InvalidArgumentError, InvalidTypeError } from '../../../src/core/errors';
import { BurgersProfileLoss, burgersProfile, fcPinoProfiles, profileError } from '../../../src/models/operator/index';

describe('Burgers self-similar profiles (thesis (B.4.4)-(B.4.5))', () => {
  it('closed form: U(2) = -1 for every λ, U(10) = -2 at λ = 1/2 (Cardano), odd', () => {
    for (const lam of [0.25, 0.4, 0.5, 1]) expect(burgersProfile(2, lam)).toBeCloseTo(-1, 14);
    expect(burgersProfile(10, 0.5)).toBeCloseTo(-2, 14);
    const y = 3.7, c = Math.sqrt((y * y) / 4 + 1 / 27);
    expect(burgersProfile(y, 0.5)).toBeCloseTo(Math.cbrt(-y / 2 + c) + Math.cbrt(-y / 2 - c), 14);
    expect(burgersProfile(-1.3, 0.4)).toBe(-burgersProfile(1.3, 0.4));
  });

  it('FC residual of the exact profile falls under refinement (n = 65 → 257, n_add = (n − 1)/2)', () => {
    // observed max |R|: λ = 0.5: 3.98e-3, 1.42e-3, 1.23e-4; λ = 0.25: 4.80e-3, 1.59e-3, 1.06e-4
    for (const lam of [0.5, 0.25]) {
      const r = [65, 129, 257].map((n) => {
        const L = new BurgersProfileLoss({ n, nAdditional: 2 * Math.round((n - 1) / 4) });
        const R = L.residual(L.y.map((y) => burgersProfile(y, lam)), lam);
        return R.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      });
      expect(r[2]).toBeLessThan(r[0] / 20);
      expect(r[2]).toBeLessThan(2e-4);
    }
  });

  it('the physics-loss gradient matches central differences', () => {
    const L = new BurgersProfileLoss({ n: 24, Y: 6, nAdditional: 12 });
    const U = L.y.map((y) => burgersProfile(y, 0.4) + 0.05 * Math.sin(y));
    const g = new Float64Array(24), tmp = new Float64Array(24);
    L.lossAndGradient(U, 0.4, g);
    for (let k = 0; k < 24; k++) {
      const a = U.slice(), b = U.slice(); a[k] += 1e-6; b[k] -= 1e-6;
      const fd = (L.lossAndGradient(a, 0.4, tmp) - L.lossAndGradient(b, 0.4, tmp)) / 2e-6;
      expect(Math.abs(fd - g[k])).toBeLessThan(1e-7 * Math.max(1, Math.abs(g[k])));
    }
  });
});

describe('FC-PINO profile operator (tiny run)', () => {
  it('physics-only training lowers the loss and the error at an unseen λ; run idiom', () => {
    const res = fcPinoProfiles({ lambdas: [0.4, 0.6], n: 32, Y: 6, fno: { nModes: [8], hiddenChannels: 6, nLayers: 2 }, iterations: 120, lr: 5e-3, seed: 3 }, { saveAt: [60, 120] });
    expect(res.status).toBe('success');
    expect(res.stats.nfev).toBe(240);
    expect(res.history.loss[119]).toBeLessThan(res.history.loss[0] / 20);
    expect(res.saved.map((s) => s.t)).toEqual([60, 120]);
    expect(profileError(res.final.fno, res.final.theta, res.final.loss, 0.5)).toBeLessThan(0.2);
  });

  it('bad input throws before work', () => {
    expect(() => fcPinoProfiles({ lambdas: [], iterations: 1, seed: 1 })).toThrow(InvalidTypeError);
    expect(() => fcPinoProfiles({ lambdas: [-1], iterations: 1, seed: 1 })).toThrow(InvalidArgumentError);
    expect(() => fcPinoProfiles({ lambdas: [0.5], n: 8, iterations: 1, seed: 1 })).toThrow(InvalidArgumentError);
  });
});
