import { InvalidArgumentError, InvalidTypeError } from '../../../src/core/errors';
import { Rng } from '../../../src/random/rng';
import { fsum } from '../../../src/stats/fsum';
import { sampleMoments } from '../../../src/stats/moments';
import { pinnedBallsEnsemble } from '../../../src/models/billiards/ensemble';
import { planPinnedBallsEnsemble } from '../../../src/models/billiards/ensemblePlan';
import { ballCoordinates, drawInitialVelocities, initialProfiles, sampleProfiles, section3Mean } from '../../../src/models/billiards/initialData';
import { pinnedBallsSteps } from '../../../src/models/billiards/pinnedBallsSteps';
import { stepsForTau } from '../../../src/models/billiards/timeMap';

const base = { n: 60, runs: 40, seed: 'ensemble', times: [0, 1e-3, 2e-3], orientation: 'reversed' as const, blockSize: 7 };

describe('pinned-balls ensemble', () => {
  let res: ReturnType<typeof pinnedBallsEnsemble>;
  beforeAll(() => { res = pinnedBallsEnsemble({ ...base, rawTimes: [1e-3, 2e-3] }); });

  test('times are sorted and mapped by τ = 2k/((n−1)²(n−2))', () => {
    expect(res.status).toBe('success');
    expect(res.times).toEqual([0, 1e-3, 2e-3]);
    expect(res.steps).toEqual([0, stepsForTau(1e-3, 60), stepsForTau(2e-3, 60)]);
  });

  test('run r is exactly an independent simulation from stream r of the seed', () => {
    const p = sampleProfiles(ballCoordinates(60), initialProfiles({ orientation: 'reversed' }));
    for (const r of [0, 6, 7, 39]) {
      const rng = Rng.stream('ensemble', r);
      const v = drawInitialVelocities(p.mean, p.sigma, rng);
      pinnedBallsSteps(v, res.steps[1], rng);
      expect(Array.from(res.raw[0].values.subarray(r * 60, (r + 1) * 60))).toEqual(Array.from(v));
    }
  });

  test('merged block accumulators equal two-pass per-ball moments of the raw values (1e-12)', () => {
    for (const [q, j] of [[0, 1], [1, 2]]) {
      const raw = res.raw[q].values;
      for (let i = 0; i < 60; i += 7) {
        const m = sampleMoments(raw, {}, 40, 60, i);
        expect(Math.abs(res.mean[j][i] - m.mean)).toBeLessThan(1e-12 * (1 + Math.abs(m.mean)));
        expect(Math.abs(res.sigma[j][i] ** 2 - m.variance)).toBeLessThan(1e-12 * m.variance);
      }
    }
  });

  test('momentum invariant: Σ_i μ̂_i is the same at every time (each run conserves Σv)', () => {
    const s0 = fsum(res.mean[0]);
    for (let j = 1; j < res.times.length; j++) expect(Math.abs(fsum(res.mean[j]) - s0)).toBeLessThan(1e-12 * 60);
  });

  test('at τ = 0 the ensemble reproduces μ0 and σ0 within 5 standard errors', () => {
    const big = pinnedBallsEnsemble({ ...base, runs: 400, times: [0] });
    const p = sampleProfiles(ballCoordinates(60), initialProfiles({ orientation: 'reversed' }));
    for (let i = 1; i < 59; i++) {
      const s = p.sigma[i];
      expect(Math.abs(big.mean[0][i] - p.mean[i])).toBeLessThan((5 * s) / Math.sqrt(400));
      // SE of a sample standard deviation of normals ≈ σ/√(2(R−1))
      expect(Math.abs(big.sigma[0][i] - s)).toBeLessThan((5 * s) / Math.sqrt(2 * 399));
    }
    expect(big.mean[0][10]).toBeCloseTo(-section3Mean(10 / 59), 2);
  });

  test('block size only regroups the reduction: results agree to round-off', () => {
    const other = pinnedBallsEnsemble({ ...base, blockSize: 40 });
    for (let j = 0; j < 3; j++) {
      for (let i = 0; i < 60; i++) {
        expect(Math.abs(other.mean[j][i] - res.mean[j][i])).toBeLessThan(1e-13);
        expect(Math.abs(other.sigma[j][i] - res.sigma[j][i])).toBeLessThan(1e-12 * (res.sigma[j][i] + 1e-300));
      }
    }
  });

  test('abort returns the completed runs with status aborted; progress is reported', () => {
    const controller = new AbortController();
    let calls = 0;
    const out = pinnedBallsEnsemble(
      { ...base, runs: 100, times: [5e-2] },
      {
        signal: controller.signal,
        onProgress: (info) => {
          calls++;
          if (info.fraction > 0.3) controller.abort();
        },
      },
    );
    expect(out.status).toBe('aborted');
    expect(out.runs).toBeGreaterThan(0);
    expect(out.runs).toBeLessThan(100);
    expect(calls).toBeGreaterThan(0);
    expect(out.accumulators[0].count).toBe(out.runs);
  });
});

describe('bad input throws named errors before any work', () => {
  test.each([
    ['n < 4', { n: 3 }, InvalidArgumentError],
    ['runs = 0', { runs: 0 }, InvalidArgumentError],
    ['runs < 0', { runs: -5 }, InvalidArgumentError],
    ['negative time', { times: [1e-3, -1e-4] }, InvalidArgumentError],
    ['NaN time', { times: [Number.NaN] }, InvalidArgumentError],
    ['infinite time', { times: [Infinity] }, InvalidArgumentError],
    ['no times', { times: [] }, InvalidArgumentError],
    ['profile returning NaN', { mean: (z: number) => (z > 0.5 ? Number.NaN : z) }, InvalidArgumentError],
    ['negative sigma', { sigma: () => -1 }, InvalidArgumentError],
    ['raw time not an output time', { rawTimes: [5e-4] }, InvalidArgumentError],
    ['bad orientation', { orientation: 'sideways' }, InvalidArgumentError],
    ['profile not a function', { mean: 3 }, InvalidTypeError],
  ])('%s', (_name, patch, error) => {
    expect(() => planPinnedBallsEnsemble({ ...base, ...(patch as object) } as never)).toThrow(error);
    expect(() => pinnedBallsEnsemble({ ...base, ...(patch as object) } as never)).toThrow(error);
  });
});
