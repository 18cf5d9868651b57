/**
 * Monte Carlo ensemble vs the mean-field PDE at reduced size (spec §5, §8: n = 200, λ ≈ 56.1).
 *
 * Tolerance derivation: compare block averages over B = 10 consecutive balls away from the walls
 * (z ∈ [0.03, 0.97], spec §5.3). Under the white-noise picture the block mean of μ̂ − μ_PDE has
 * standard error SE_B = √(Σ_{i∈B} σ̂_i²/R)/B; over ≈ 19 blocks a 5·SE_B bound fails by chance with
 * probability < 1e−5. This purely statistical bound holds early in the reversed run. Later, the
 * finite-n model error (spec §5.4: O(1/n) corrections to the mean-field limit) dominates the noise;
 * there the test asserts recorded bounds on the relative sup difference (observed values in the
 * comments; seed fixed), which document the systematic offset rather than hide it.
 */
import { ensembleFreezeTime, pinnedBallsEnsemble } from '../../../src/models/billiards/ensemble';
import { meanFieldPde } from '../../../src/models/billiards/meanFieldPde';
import { lambdaForBalls } from '../../../src/models/billiards/timeMap';

const n = 200;
const R = 400;
const lambda = lambdaForBalls(n);

function interpolate(grid: Float64Array, z: number): number {
  const x = z * (grid.length - 1);
  const k = Math.min(Math.floor(x), grid.length - 2);
  const t = x - k;
  return grid[k] * (1 - t) + grid[k + 1] * t;
}

describe('reversed orientation, n = 200: Monte Carlo vs PDE', () => {
  const fractions = [0.01, 0.2, 0.4, 0.6, 0.8];
  let T: number;
  let times: number[];
  let mc: ReturnType<typeof pinnedBallsEnsemble>;
  let pde: ReturnType<typeof meanFieldPde>;
  beforeAll(() => {
    const reference = meanFieldPde({ n, nodes: 801, orientation: 'reversed', tEnd: 2 / lambda });
    T = reference.freeze.time as number;
    times = fractions.map((f) => f * T);
    const scan = Array.from({ length: 60 }, (_, k) => ((k + 1) / 40) * T);
    const all = [...new Set([...times, ...scan])].sort((a, b) => a - b);
    mc = pinnedBallsEnsemble({ n, runs: R, seed: 1, orientation: 'reversed' }, { saveAt: all });
    pde = meanFieldPde({ n, nodes: 801, orientation: 'reversed' }, { saveAt: times });
  });

  function compare(q: number): { worstZ: number; relMu: number; relSigma: number } {
    const j = mc.times.indexOf(times[q]);
    const snap = pde.saved[q].state;
    const B = 10;
    let worstZ = 0;
    let supMu = 0;
    for (let b0 = 0; b0 + B <= n; b0 += B) {
      if (b0 / (n - 1) < 0.03 || (b0 + B - 1) / (n - 1) > 0.97) continue;
      let d = 0;
      let se2 = 0;
      for (let i = b0; i < b0 + B; i++) {
        d += mc.mean[j][i] - interpolate(snap.mu, i / (n - 1));
        se2 += mc.sigma[j][i] ** 2 / R;
      }
      worstZ = Math.max(worstZ, Math.abs(d / B) / (Math.sqrt(se2) / B));
      supMu = Math.max(supMu, Math.abs(d / B));
    }
    return { worstZ, relMu: supMu, relSigma: Math.abs(mc.maxSigma[j] - snap.maxSigma) / snap.maxSigma };
  }

  test('the PDE freezes at the derived λT = 0.9601 (freeze detector at f = 0.01; 401 and 801 nodes give 0.96014, 0.96013)', () => {
    // the band is the detector's sampling of ∫σ² (≈ 4000 records per run ⇒ ≲ 1e-3 in λT), far
    // below the spread of λT over λ (0.9559 … 0.9737, docs/billiards.md)
    expect(Math.abs(lambda * T - 0.9601)).toBeLessThan(2e-3);
  });

  test('early times: block means agree within 5 standard errors (pure statistics)', () => {
    for (const q of [0, 1, 2]) expect(compare(q).worstZ).toBeLessThan(5); // observed 2.7, 1.9, 2.8
  });

  test('all times: sup |μ̂ − μ| < 0.05 (|μ| ≤ 1) and max σ̂ within 10% of the PDE (finite-n offset, spec §5.4)', () => {
    for (let q = 0; q < fractions.length; q++) {
      const c = compare(q);
      expect(c.relMu).toBeLessThan(0.05); // observed ≤ 0.041 (at 0.6T, where z ≈ 13: systematic)
      expect(c.relSigma).toBeLessThan(0.1); // observed 5.8%, 6.6%, 3.8%, 6.8%, 8.8%
    }
  });

  test('the Monte Carlo freeze time (detector on ∫σ̂²) is within 15% of the PDE freeze time', () => {
    const mcFreeze = ensembleFreezeTime(mc);
    expect(mcFreeze.status).toBe('frozen');
    expect(Math.abs((mcFreeze.time as number) / T - 1)).toBeLessThan(0.15); // observed +10%
  });
});
