import { lambdaForBalls } from '../../../../src/models/billiards/timeMap';
import { FIG5_FRACTIONS, PAPER_T, PROBE_LAMBDA_T, probeHorizon, section3Schedule, WHITE_NOISE_FRACTION } from '../../../../src/models/billiards/experiments/section3';
import { histogramRows, LAG_CURVES, lagRows, pairRows } from '../../../../src/models/billiards/experiments/figureData';
import type { WhiteNoiseDiagnostics } from '../../../../src/models/billiards/whiteNoise';

const strictlyIncreasing = (x: number[]) => x.every((v, i) => i === 0 || v > x[i - 1]);

describe('Section 3 reproduction plan', () => {
  const lambda = lambdaForBalls(60);

  test('horizon: the freeze time when the PDE froze, else 3/λ (reversed) or the paper\'s T (as printed)', () => {
    expect(probeHorizon('reversed', lambda)).toBe(PROBE_LAMBDA_T / lambda);
    expect(probeHorizon('asPrinted', lambda)).toBe(PAPER_T);
    expect(section3Schedule('reversed', lambda, 0.02, []).horizon).toBe('freeze');
    expect(section3Schedule('reversed', lambda, null, []).horizon).toBe('probe');
    const paper = section3Schedule('asPrinted', lambda, null, []);
    expect(paper.horizon).toBe('paper');
    expect(paper.T).toBe(PAPER_T);
  });

  test('times: Fig. 5 and white-noise fractions of T, user times merged; PDE runs 1.5T past a freeze; Monte Carlo times strictly increasing and include every snapshot', () => {
    const T = 0.02;
    const plan = section3Schedule('reversed', lambda, T, [0.025, 0.2 * T]);
    expect(plan.fig5Times).toEqual(FIG5_FRACTIONS.map((f) => f * T));
    expect(plan.whiteNoiseTime).toBe(WHITE_NOISE_FRACTION * T);
    expect(strictlyIncreasing(plan.snapshotTimes)).toBe(true);
    expect(plan.snapshotTimes.length).toBe(FIG5_FRACTIONS.length + 2); // 0.2T repeats a Fig. 5 time
    expect(plan.pdeEnd).toBe(1.5 * T);
    expect(strictlyIncreasing(plan.monteCarloTimes)).toBe(true);
    for (const t of plan.snapshotTimes) expect(plan.monteCarloTimes).toContain(t);
    expect(plan.monteCarloTimes[plan.monteCarloTimes.length - 1]).toBeCloseTo(1.5 * T, 15);
    const late = section3Schedule('reversed', lambda, null, [10 / lambda]);
    expect(late.pdeEnd).toBe(10 / lambda);
  });
});

describe('figure data', () => {
  const wn = {
    histogram: { centers: Float64Array.of(-1, 0, 1), density: Float64Array.of(0.2, 0.4, 0.2), normalDensity: Float64Array.of(0.24, 0.4, 0.24) },
    lags: { k: [1, 2], run: [0.1, -0.1], mean: [0.01, 0], band: [0.2, 0.2] },
    pair: { ball: 18, left: Float64Array.from({ length: 50000 }, (_, r) => r), right: new Float64Array(50000) },
  } as unknown as WhiteNoiseDiagnostics;

  test('one histogram row per bin, four lag rows per lag (band mirrored), the pair cloud thinned to ~20 000 points', () => {
    expect(histogramRows(wn)).toEqual([{ W: -1, empirical: 0.2, normal: 0.24 }, { W: 0, empirical: 0.4, normal: 0.4 }, { W: 1, empirical: 0.2, normal: 0.24 }]);
    const lags = lagRows(wn);
    expect(lags.length).toBe(8);
    expect(lags[3]).toEqual({ k: 1, r: -0.2, curve: LAG_CURVES[3] });
    const pairs = pairRows(wn);
    expect(pairs.length).toBe(25000);
    expect(pairs[1]).toEqual({ left: 2, right: 0, run: (2 / 50000) ** 5 });
  });
});
