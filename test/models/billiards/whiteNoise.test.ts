import { pinnedBallsEnsemble } from '../../../src/models/billiards/ensemble';
import { planPinnedBallsEnsemble } from '../../../src/models/billiards/ensemblePlan';
import { whiteNoiseDiagnostics } from '../../../src/models/billiards/whiteNoise';
import { InvalidArgumentError } from '../../../src/core/errors';

const n = 80;
const R = 300;
const options = { n, runs: R, seed: 'white-noise', times: [0, 2e-3], orientation: 'reversed' as const, blockSize: 32 };

describe('white-noise diagnostics', () => {
  let plan: ReturnType<typeof planPinnedBallsEnsemble>;
  let ensemble: ReturnType<typeof pinnedBallsEnsemble>;
  beforeAll(() => {
    plan = planPinnedBallsEnsemble(options);
    ensemble = pinnedBallsEnsemble(options);
  });

  test('exact identities: pooled mean 0 and variance n(R−1)/(nR−1), because each ball has Σ_r W = 0, Σ_r W² = R − 1', () => {
    const wn = whiteNoiseDiagnostics(plan, ensemble, { time: 2e-3 });
    expect(wn.status).toBe('success');
    expect(wn.runs).toBe(R);
    expect(wn.pooled.count).toBe(n * R);
    expect(Math.abs(wn.pooled.mean)).toBeLessThan(1e-13);
    expect(Math.abs(wn.pooled.variance - (n * (R - 1)) / (n * R - 1))).toBeLessThan(1e-12);
    // the histogram's density integrates to the in-range fraction (≈ 1 on [−5, 5])
    const h = 10 / wn.histogram.density.length;
    const mass = wn.histogram.density.reduce((a, b) => a + b, 0) * h;
    expect(mass).toBeGreaterThan(0.999);
    expect(mass).toBeLessThanOrEqual(1 + 1e-12);
  });

  test('at τ = 0, W is i.i.d. normal by construction: moments, lags and the across-run pair are null-like', () => {
    const wn = whiteNoiseDiagnostics(plan, ensemble, { time: 0 });
    const N = wn.pooled.count;
    // skewness and excess kurtosis of N normals have standard errors √(6/N), √(24/N); 5 SE bounds
    expect(Math.abs(wn.pooled.skewness)).toBeLessThan(5 * Math.sqrt(6 / N));
    expect(Math.abs(wn.pooled.excessKurtosis)).toBeLessThan(5 * Math.sqrt(24 / N) + 6 / R);
    // each lag correlation has null sd ≈ 1/√(n−k−1); the mean over R runs has sd band/√R
    for (let k = 0; k < wn.lags.k.length; k++) {
      const bias = -1 / (n - k - 1); // small-sample bias of W's lag correlation (centered per run)
      expect(Math.abs(wn.lags.mean[k] - bias)).toBeLessThan((5 * wn.lags.band[k]) / Math.sqrt(R) + 2 / (n - k - 1));
    }
    // the fraction of |r_k| > 2 sd is ≈ 4.55%; binomial SE over R·maxLag correlated draws is ≲ 1%
    expect(wn.lags.fractionOutsideTwoSd).toBeGreaterThan(0.02);
    expect(wn.lags.fractionOutsideTwoSd).toBeLessThan(0.08);
    expect(Math.abs(wn.pair.correlation)).toBeLessThan(5 * wn.pair.nullSd);
    expect(wn.pair.ball).toBe(24);
    expect(wn.pair.left.length).toBe(R);
  });

  test('the white-noise time must be an ensemble output time', () => {
    expect(() => whiteNoiseDiagnostics(plan, ensemble, { time: 1e-3 })).toThrow(InvalidArgumentError);
  });
});
