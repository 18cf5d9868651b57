import { join } from 'node:path';
import { WorkerPool } from '../../src/node/workerPool';

const tasksModule = join(__dirname, '..', 'fixtures', 'node', 'tasks.mjs');

/** Σ_{i<n} (i + offset)², the task `sumOfSquares` computed in this thread. */
function sumOfSquares(n: number, offset: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += (i + offset) * (i + offset);
  return s;
}

describe('WorkerPool', () => {
  test('one pool runs several task lists in task order, with progress, and refuses work once closed', async () => {
    const pool = new WorkerPool<{ n: number; offset: number }, Float64Array>({ module: tasksModule, exportName: 'sumOfSquares', workers: 2 });
    try {
      for (const count of [7, 3, 0, 5]) {
        const tasks = Array.from({ length: count }, (_, k) => ({ n: 500 + 61 * k, offset: k + count }));
        const steps: number[] = [];
        const r = await pool.map(tasks, { onProgress: (p) => steps.push(p.step) });
        expect(r.status).toBe('success');
        expect(r.completed).toBe(count);
        expect(steps).toEqual(Array.from({ length: count }, (_, k) => k + 1));
        tasks.forEach(({ n, offset }, k) => {
          expect(r.results[k]![0]).toBe(sumOfSquares(n, offset));
          expect(r.results[k]![1]).toBe(offset);
        });
      }
    } finally {
      await pool.close();
    }
    expect(pool.closed).toBe(true);
    await expect(pool.map([{ n: 1, offset: 0 }])).rejects.toThrow(/pool must be open/);
  });

  test('concurrent map calls run one after another; each gets its own results', async () => {
    const pool = new WorkerPool<{ n: number; offset: number }, Float64Array>({ module: tasksModule, exportName: 'sumOfSquares', workers: 2 });
    try {
      const a = Array.from({ length: 6 }, (_, k) => ({ n: 300, offset: k }));
      const b = Array.from({ length: 4 }, (_, k) => ({ n: 200, offset: 10 + k }));
      const [ra, rb] = await Promise.all([pool.map(a), pool.map(b)]);
      expect(ra.results.map((x) => x![1])).toEqual([0, 1, 2, 3, 4, 5]);
      expect(rb.results.map((x) => x![0])).toEqual(b.map(({ n, offset }) => sumOfSquares(n, offset)));
    } finally {
      await pool.close();
    }
  });

  test('an abort resolves at once with status aborted and the pool stays usable; a failing task names its index', async () => {
    const slow = new WorkerPool<{ ms: number }, number>({ module: tasksModule, exportName: 'slow', workers: 1 });
    try {
      const controller = new AbortController();
      const pending = slow.map(Array.from({ length: 20 }, () => ({ ms: 40 })), { signal: controller.signal, onProgress: (p) => p.step === 2 && controller.abort() });
      const r = await pending;
      expect(r.status).toBe('aborted');
      expect(r.completed).toBe(2);
      expect(r.results.slice(0, 2)).toEqual([40, 40]);
      expect(r.results[2]).toBeUndefined();
      const again = await slow.map([{ ms: 1 }, { ms: 2 }]);
      expect(again).toEqual({ results: [1, 2], status: 'success', completed: 2 });
    } finally {
      await slow.close();
    }
    const progress = new WorkerPool<{ n: number; offset: number }, Float64Array>({ module: tasksModule, exportName: 'sumOfSquares', workers: 1 });
    try {
      await expect(progress.map([{ n: 1, offset: 0 }], { onProgress: () => { throw new Error('progress failed'); } })).rejects.toThrow('progress failed');
      expect((await progress.map([{ n: 2, offset: 1 }])).results[0]![0]).toBe(5);
    } finally {
      await progress.close();
    }
    const failing = new WorkerPool<number, never>({ module: tasksModule, exportName: 'fails', workers: 1 });
    try {
      await expect(failing.map([1, 2])).rejects.toThrow(/^task 0 failed: .*deliberate failure/);
    } finally {
      await failing.close();
    }
  });

  test('a module that does not export the function breaks the pool; bad arguments throw before any work', async () => {
    const broken = new WorkerPool<number, number>({ module: tasksModule, exportName: 'missing', workers: 1 });
    await expect(broken.map([1])).rejects.toThrow(/worker failed to load .*"missing"/);
    await expect(broken.map([1])).rejects.toThrow(/worker failed to load/);
    await broken.close();
    expect(() => new WorkerPool({ module: 'relative.mjs' })).toThrow(TypeError);
    expect(() => new WorkerPool({ module: tasksModule, workers: 0 })).toThrow(RangeError);
  });
});
