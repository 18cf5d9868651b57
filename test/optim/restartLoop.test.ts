import { RestartingQuasiNewton } from '../../src/optim/restartLoop';
import type { Objective } from '../../src/optim/types';

/** Cycle k: a shifted, rescaled quartic-plus-quadratic (a different objective per "sample set"). */
const objectiveFor = (cycle: number): Objective => (x, g) => {
  let f = 0;
  for (let i = 0; i < x.length; i++) {
    const c = 1 + 0.1 * Math.sin(cycle + i);
    const d = x[i] - 0.5 * c;
    f += c * d * d + 0.25 * d ** 4;
    g[i] = 2 * c * d + d ** 3;
  }
  return f;
};

describe('restart loop around dense quasi-Newton (thesis B.3–B.4)', () => {
  test('restarts every k iterations on the next objective, H symmetric afterwards; an indefinite H is reset to I at the restart', () => {
    const calls: number[] = [];
    const loop = new RestartingQuasiNewton((k) => { calls.push(k); return objectiveFor(k); }, new Float64Array(6).fill(2), { restartEvery: 5 });
    while (loop.iterations < 12) expect(loop.step().status).toBeUndefined();
    expect(calls).toEqual([0, 1, 2]);
    expect(loop.cycle).toBe(2);
    expect(loop.choleskyResets).toBe(0);
    const H = loop.minimizer.inverseHessian;
    const n = 6;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(H[i * n + j]).toBe(H[j * n + i]);
    // inject an indefinite, non-symmetric H before the next boundary
    while (loop.iterations < 15) loop.step();
    H.fill(0);
    for (let i = 0; i < n; i++) H[i * n + i] = i === 2 ? -1 : 1;
    H[1] = 0.3;
    expect(loop.atBoundary).toBe(true);
    loop.step();
    expect(loop.choleskyResets).toBe(1);
    expect(loop.minimizer.counters.resets).toBeGreaterThanOrEqual(1);
  });

  test('resuming from a boundary state is bit-identical to the uninterrupted run', () => {
    const x0 = Float64Array.from({ length: 8 }, (_, i) => Math.cos(i));
    const full = new RestartingQuasiNewton(objectiveFor, x0, { restartEvery: 4 });
    let saved;
    while (full.iterations < 14) {
      if (full.restartIfDue() && full.iterations === 8) saved = JSON.parse(JSON.stringify({ ...full.boundaryState(), x: Array.from(full.minimizer.x), inverseHessian: Array.from(full.minimizer.inverseHessian) }));
      full.minimizer.step();
    }
    const resumed = new RestartingQuasiNewton(objectiveFor, x0, { restartEvery: 4 }, { ...saved, x: Float64Array.from(saved.x), inverseHessian: Float64Array.from(saved.inverseHessian) });
    while (resumed.iterations < 14) resumed.step();
    expect(Array.from(resumed.minimizer.x)).toEqual(Array.from(full.minimizer.x));
    expect(resumed.minimizer.nfev).toBe(full.minimizer.nfev);
    expect(resumed.cycle).toBe(full.cycle);
  });

  test('bad input', () => {
    expect(() => new RestartingQuasiNewton(objectiveFor, new Float64Array(2), { restartEvery: -1 })).toThrow(/restartEvery/);
    expect(() => new RestartingQuasiNewton(objectiveFor, new Float64Array(2), {}, { cycle: 0, x: new Float64Array(2), inverseHessian: new Float64Array(3), iterations: 0, nfev: 0, counters: { skipped: 0, fallbacks: 0, guarded: 0, resets: 0 } })).toThrow(/inverseHessian/);
  });
});
