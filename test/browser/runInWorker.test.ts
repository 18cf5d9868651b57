import { heatBlowup1D, heatBlowupRadial } from '../../src/models/blowup';
import { runInWorker } from '../../src/browser';
import { serveSolvers, transferables } from '../../src/browser/serveSolvers';
import { driveInSlices } from '../../src/browser/driveInSlices';
import { initHeatBlowupRadial } from '../../src/models/blowup';
import type { ProgressInfo } from '../../src/core/progress';
import type { HeatBlowupResult } from '../../src/models/blowup';

// The worker side runs on one end of a MessageChannel, the page side on the other: the same
// code paths as a module worker, in one Node process.
function channel(sliceMs?: number): { port: unknown; close: () => void } {
  const { port1, port2 } = new MessageChannel();
  serveSolvers(port2 as never, { sliceMs });
  port1.start();
  return { port: port1, close: () => { port1.close(); port2.close(); } };
}

function expectSameResult(a: HeatBlowupResult, b: HeatBlowupResult): void {
  expect(a.status).toBe(b.status);
  expect(a.message).toBe(b.message);
  expect(a.stats).toEqual(b.stats);
  expect(Array.from(a.final.u)).toEqual(Array.from(b.final.u));
  expect(a.final.lawL).toBe(b.final.lawL);
  expect(Array.from(a.history.tau)).toEqual(Array.from(b.history.tau));
  expect(Array.from(a.history.cu)).toEqual(Array.from(b.history.cu));
}

describe('runInWorker over a message channel', () => {
  it('returns exactly the direct solve, with typed arrays and progress reports', async () => {
    const { port, close } = channel();
    const problem = { tauEnd: 20, grid: { n: 64 } };
    const progress: ProgressInfo[] = [];
    const r = await runInWorker<HeatBlowupResult>(port as never, 'heatBlowup1D', problem, { progressEvery: 16, onProgress: (p) => progress.push(p) });
    close();
    const directProgress: ProgressInfo[] = [];
    const direct = heatBlowup1D(problem, { progressEvery: 16, onProgress: (p) => directProgress.push(p) });
    expect(r.status).toBe('success');
    expect(Object.prototype.toString.call(r.final.u)).toBe('[object Float64Array]'); // cloned in another realm
    expectSameResult(r, direct);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual(directProgress);
    expect(progress[progress.length - 1].fraction).toBe(1);
  });

  it('aborts a run in progress (the worker yields between slices) and returns the partial result', async () => {
    const { port, close } = channel(1);
    const controller = new AbortController();
    let reports = 0;
    const r = await runInWorker<HeatBlowupResult>(port as never, 'heatBlowupRadial', { dim: 3, tauEnd: 1e6, grid: { n: 64 } }, {
      signal: controller.signal, progressEvery: 8,
      onProgress: () => { if (++reports === 3) controller.abort(); },
    });
    close();
    expect(r.status).toBe('aborted');
    expect(r.message).toMatch(/aborted by the signal at t = /);
    expect(r.final.tau).toBeLessThan(1e6);
    expect(r.stats.naccept).toBeGreaterThanOrEqual(17); // reports at steps 1, 9, 17, …
  });

  it('honours a signal aborted before the run starts', async () => {
    const { port, close } = channel();
    const controller = new AbortController();
    controller.abort();
    const r = await runInWorker<HeatBlowupResult>(port as never, 'heatBlowup1D', { tauEnd: 10, grid: { n: 32 } }, { signal: controller.signal });
    close();
    expect(r.status).toBe('aborted');
    expect(r.stats.naccept).toBe(0);
  });

  it('rejects invalid input with the solver\'s error kind and message, and unknown solvers on the page', async () => {
    const { port, close } = channel();
    await expect(runInWorker(port as never, 'heatBlowup1D', { tauEnd: -1 })).rejects.toThrow(RangeError);
    await expect(runInWorker(port as never, 'heatBlowup1D', { tauEnd: -1 })).rejects.toThrow(/problem\.tauEnd/);
    close();
    expect(() => runInWorker(port as never, 'trainKan' as never, {})).toThrow(TypeError);
    expect(() => runInWorker(port as never, 'heatBlowup1D', {}, { progressEvery: 0 })).toThrow(RangeError);
  });
});

describe('driveInSlices', () => {
  it('takes the same steps as the synchronous drive', async () => {
    const problem = { dim: 2, tauEnd: 5, grid: { n: 48 } };
    const r = await driveInSlices(initHeatBlowupRadial(problem), {}, 0);
    expectSameResult(r, heatBlowupRadial(problem));
  });

  it('lists each ArrayBuffer once for transfer', () => {
    const a = new Float64Array(4);
    const view = new Float64Array(a.buffer, 8, 2);
    expect(transferables({ a, b: [view, new Float64Array(1)], c: 3 }).size).toBe(2);
  });
});
