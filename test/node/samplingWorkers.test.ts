import { join } from 'node:path';
import { darcyForwardBatchInWorkers, DarcyWorkerPool } from '../../src/node/sampling';
import { darcyProblem, ekhmc, initEkhmc, initEks, eks, runSamplerAsync } from '../../src/models/sampling/index';

// spec check 12: identical results for 1 and 2 workers (and the serial run) with the same seed
describe('Darcy forward map on worker threads', () => {
  const options = { grid: 6, modes: 3, observations: 3 };
  const { problem } = darcyProblem(options, 1);
  const taskModule = join(__dirname, '..', '..', 'src', 'node', 'samplingTask.ts');
  const setup = { ...problem, ensembleSize: 10, iterations: 1, seed: 4, epsilon: 1, a: 0.01 };

  it('EKHMC and EKS give the same ensembles serially and on 1 or 2 workers', async () => {
    const serial = [ekhmc({ ...setup, gamma: 1 }).final.data, eks({ ...setup, stepRule: 'adaptive' }).final.data];
    for (const workers of [1, 2]) {
      const batch = darcyForwardBatchInWorkers(options, { workers, taskModule, blockSize: 3 });
      const a = await runSamplerAsync(initEkhmc({ ...setup, gamma: 1 }), batch);
      const b = await runSamplerAsync(initEks({ ...setup, stepRule: 'adaptive' }), batch);
      expect(a.status).toBe('success');
      expect(Array.from(a.final.data)).toEqual(Array.from(serial[0]));
      expect(Array.from(b.final.data)).toEqual(Array.from(serial[1]));
      expect(a.stats.nforward).toBe(10 * 2);
    }
  });

  it('a persistent pool gives the same ensembles as the serial run, over several batches, and refuses work once closed', async () => {
    const serial = ekhmc({ ...setup, iterations: 3, gamma: 1 }).final.data;
    const pool = new DarcyWorkerPool(options, { workers: 2, taskModule, blockSize: 3 });
    try {
      const a = await runSamplerAsync(initEkhmc({ ...setup, iterations: 3, gamma: 1 }), pool.batch);
      expect(a.status).toBe('success');
      expect(Array.from(a.final.data)).toEqual(Array.from(serial));
      expect(a.stats.nforward).toBe(10 * 4);
    } finally {
      await pool.close();
    }
    await expect(pool.batch(new Float64Array(0), 1, new Float64Array(0))).rejects.toThrow(/pool must be open/);
  });
});
