/**
 * "One idiom for every model" (README): the same notebook-style snippet — construct a problem, run
 * it with `signal` and `onProgress`, read `status`, `stats` and `final` — works for every model
 * solver with only the problem changed. Each problem is tiny; the test checks the shared shape,
 * that progress is reported, that the counters are consistent, and that an aborted signal is
 * honoured with status 'aborted' (never an exception).
 */
import type { RunOptions, RunResult } from '../../src/core/run';
import { mappedGrid, sinhMap } from '../../src/grid/index';
import { meanFieldPde, pinnedBallsEnsemble } from '../../src/models/billiards/index';
import { heatBlowup1D, heatBlowup2D, radialHeatSystem, riccatiToy, solvePhysicalHeat } from '../../src/models/blowup/index';
import { createKan, trainKan } from '../../src/models/kan/index';
import { sampleDataset } from '../../src/models/kan/experiments/pipeline';

const grid = mappedGrid(sinhMap({ length: 1e5, scale: 0.01 }), 101, { symmetry: 'even' });
const data = sampleDataset((x) => x[0] * x[1], 2, { train: 50, test: 20, seed: 0 });

type Solver = (runOptions: RunOptions) => RunResult<unknown, unknown, object, object>;
const solvers: Record<string, Solver> = {
  'billiards meanFieldPde': (o) => meanFieldPde({ n: 200, nodes: 101, tEnd: 1e-3 }, o),
  'billiards pinnedBallsEnsemble': (o) => pinnedBallsEnsemble({ n: 20, runs: 8, seed: 1, orientation: 'reversed' }, { ...o, saveAt: [1e-3, 2e-3] }),
  'blowup heatBlowup1D': (o) => heatBlowup1D({ tauEnd: 5, grid: { n: 60 } }, o),
  'blowup heatBlowup2D': (o) => heatBlowup2D({ tauEnd: 2, grid: { n: 16 } }, o),
  'blowup riccatiToy': (o) => riccatiToy({ grid, b: 0.125, d: 0.1, tauEnd: 0.5 }, o),
  'blowup solvePhysicalHeat': (o) => solvePhysicalHeat({ system: radialHeatSystem(grid, 1), initial: grid.x.map((x) => 1 / (1 + (x * x) / 8)), amplitudeTarget: 10 }, o),
  'kan trainKan': (o) => trainKan({ net: createKan({ shape: [2, 2, 1], intervals: 3, seed: 0 }), data, steps: 3 }, o),
};

describe.each(Object.entries(solvers))('%s', (_name, solve) => {
  test('construct → run with signal and onProgress → status, stats, final', () => {
    const controller = new AbortController();
    let reports = 0;
    const r = solve({ signal: controller.signal, onProgress: () => { reports++; }, progressEvery: 1 });
    expect(r.status).toBe('success');
    expect(typeof r.message).toBe('string');
    expect(reports).toBeGreaterThan(0);
    const { nsteps, naccept, nreject, nfev } = r.stats;
    for (const v of [nsteps, naccept, nreject, nfev]) expect(Number.isInteger(v) && v >= 0).toBe(true);
    expect(nsteps).toBe(naccept + nreject);
    expect(naccept).toBeGreaterThan(0);
    expect(r.final).toBeDefined();
    expect(Array.isArray(r.saved)).toBe(true);
    expect(typeof r.history).toBe('object');
  });

  test('an aborted signal ends the run with status aborted, not an exception', () => {
    const controller = new AbortController();
    controller.abort();
    const r = solve({ signal: controller.signal });
    expect(r.status).toBe('aborted');
    expect(r.final).toBeDefined();
  });
});
