import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { expMsfem } from '../../src/models/msfem/expMsfem';
import { msfemCaseProblem } from '../../src/models/msfem/experiments/cases';
import { expMsfemInWorkers, msfemWorkerPool, type MsfemStage } from '../../src/node/msfem';

const taskModule = join(__dirname, '..', '..', 'src', 'node', 'msfemTask.ts');

/** The bytes of a Float64Array (or a number list) for exact comparison. */
const bytes = (a: ArrayLike<number>) => Buffer.from(Float64Array.from(a).buffer).toString('hex');

describe('ExpMsFEM offline stage on worker threads', () => {
  it('gives the serial result to the last bit for 1 and 2 workers (errors, σ of every edge, the multiscale solution)', async () => {
    // Helmholtz with Robin sides: complex local problems, harmonic-basis eigenproblems, the edge bubble
    const problem = msfemCaseProblem({ case: 'helmholtz', coarse: 4, fine: 6, modes: [1, 2, 4], k: 8 });
    const serial = expMsfem(problem);
    expect(serial.status).toBe('success');
    for (const workers of [1, 2]) {
      const stages: MsfemStage[] = [];
      const r = await expMsfemInWorkers(problem, {}, {
        workers, taskModule,
        stageOptions: (s) => ({ onProgress: () => (stages[stages.length - 1] === s ? undefined : stages.push(s)) }),
      });
      expect(r.status).toBe('success');
      expect(stages).toEqual(['cells', 'edges', 'online']);
      expect(r.stats).toMatchObject({ cells: 16, edges: 24 });
      expect(bytes(r.final.eH)).toBe(bytes(serial.final.eH));
      expect(bytes(r.final.eL2)).toBe(bytes(serial.final.eL2));
      expect(r.final.dofs).toEqual(serial.final.dofs);
      expect(bytes(r.final.solution)).toBe(bytes(serial.final.solution));
      expect([...r.final.sigma.keys()]).toEqual([...serial.final.sigma.keys()]);
      for (const [e, s] of serial.final.sigma) expect(bytes(r.final.sigma.get(e)!)).toBe(bytes(s));
    }
  });

  it('an abort during the cell problems stops the workers and returns status aborted', async () => {
    const problem = msfemCaseProblem({ case: 'periodic', coarse: 6, fine: 6, modes: [1] });
    const controller = new AbortController();
    const fractions: number[] = [];
    const r = await expMsfemInWorkers(problem, { signal: controller.signal, onProgress: (p) => {
      fractions.push(p.fraction);
      if (fractions.length === 3) controller.abort();
    } }, { workers: 2, taskModule });
    expect(r.status).toBe('aborted');
    expect(r.message).toMatch(/aborted by the signal after \d+ of 36 cell tasks/);
    expect(r.stats.cells).toBeLessThan(36);
    expect(r.final.eH).toEqual([]);
    for (let k = 1; k < fractions.length; k++) expect(fractions[k]).toBeGreaterThanOrEqual(fractions[k - 1]);
    expect(Math.max(...fractions)).toBeLessThanOrEqual(0.2);
  });

  it('one pool serves several runs bit-identically; an abort in the edge stage leaves it usable; it closes cleanly', async () => {
    const problem = msfemCaseProblem({ case: 'periodic', coarse: 4, fine: 4, modes: [1, 2] });
    const serial = expMsfem(problem);
    expect(serial.status).toBe('success');
    const pool = msfemWorkerPool({ workers: 2, taskModule });
    try {
      const first = await expMsfemInWorkers(problem, {}, { pool });
      const controller = new AbortController();
      const aborted = await expMsfemInWorkers(problem, {}, {
        pool,
        stageOptions: (s) => (s === 'edges' ? { signal: controller.signal, onProgress: () => controller.abort() } : {}),
      });
      expect(aborted.status).toBe('aborted');
      expect(aborted.message).toMatch(/aborted by the signal after 1 of 24 edge tasks/);
      expect(aborted.stats).toMatchObject({ cells: 16, edges: 1 });
      const again = await expMsfemInWorkers(problem, {}, { pool });
      for (const r of [first, again]) {
        expect(r.status).toBe('success');
        expect(bytes(r.final.eH)).toBe(bytes(serial.final.eH));
        expect(bytes(r.final.solution)).toBe(bytes(serial.final.solution));
        for (const [e, s] of serial.final.sigma) expect(bytes(r.final.sigma.get(e)!)).toBe(bytes(s));
      }
    } finally {
      await pool.close();
    }
    expect(pool.closed).toBe(true);
    await expect(expMsfemInWorkers(problem, {}, { pool })).rejects.toThrow(/workerOptions.pool must be open/);
  });

  it('reports an ill-posed local problem through its status, naming the cell, as the serial run does', async () => {
    // N_f = 2, h = 1/8: on the four fine elements of cell 5, a = t² and V = −128t (t = fl(1/3)) make the
    // diagonal entry of the cell's only free node exactly 0 (a·2t and V·t²/64 cancel in floating point)
    const t = 1 / 3;
    const diffusion = new Float64Array(64).fill(1);
    const potential = new Float64Array(64);
    for (const e of [18, 19, 26, 27]) [diffusion[e], potential[e]] = [t * t, -128 * t];
    const problem = { coarse: 4, fine: 2, diffusion, potential, source: 1, modes: [1] };
    const serial = expMsfem(problem);
    const r = await expMsfemInWorkers(problem, {}, { workers: 2, taskModule });
    expect(serial.status).toBe('nonFinite');
    expect(r.status).toBe('nonFinite');
    expect(r.message).toBe(serial.message);
    expect(r.message).toMatch(/^cell 5: the local Dirichlet problem is singular/);
  });
});
