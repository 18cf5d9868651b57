import { join } from 'node:path';
import { mapInWorkers } from '../../src/node/workerMap';
import { middleOfPoisson } from '../fixtures/node/tsTasks';

const tasksModule = join(__dirname, '..', 'fixtures', 'node', 'tasks.mjs');

describe('mapInWorkers', () => {
  test('results are in task order and identical for 1 and 2 workers', async () => {
    const tasks = Array.from({ length: 9 }, (_, k) => ({ n: 1000 + 37 * k, offset: k }));
    const one = await mapInWorkers<{ n: number; offset: number }, Float64Array>({ module: tasksModule, exportName: 'sumOfSquares', tasks, workers: 1 });
    const two = await mapInWorkers<{ n: number; offset: number }, Float64Array>({ module: tasksModule, exportName: 'sumOfSquares', tasks, workers: 2 });
    expect(one.status).toBe('success');
    expect(two.completed).toBe(9);
    for (let k = 0; k < tasks.length; k++) {
      const { n, offset } = tasks[k];
      let s = 0;
      for (let i = 0; i < n; i++) s += (i + offset) * (i + offset);
      expect(one.results[k]![0]).toBe(s);
      expect(two.results[k]![0]).toBe(s);
      expect(two.results[k]![1]).toBe(offset);
    }
  });

  test('TypeScript task modules run from source with the tsx/cjs preload', async () => {
    const res = await mapInWorkers<number, number>({ module: join(__dirname, '..', 'fixtures', 'node', 'tsTasks.ts'), exportName: 'middleOfPoisson', tasks: [3, 5], workers: 2, preload: 'tsx/cjs' });
    // bit-identical to the same computation in this thread; near ((n+1)/2)^2/2, the exact middle value
    expect(res.results).toEqual([middleOfPoisson(3), middleOfPoisson(5)]);
    expect(res.results[1]).toBeCloseTo(4.5, 14);
  });

  test('a failing task rejects with its message', async () => {
    await expect(mapInWorkers({ module: tasksModule, exportName: 'fails', tasks: [1], workers: 1 })).rejects.toThrow(/deliberate failure/);
  });

  test('abort stops the pool and reports status aborted', async () => {
    const controller = new AbortController();
    const pending = mapInWorkers({ module: tasksModule, exportName: 'slow', tasks: Array.from({ length: 20 }, () => ({ ms: 50 })), workers: 1, signal: controller.signal });
    setTimeout(() => controller.abort(), 120);
    const res = await pending;
    expect(res.status).toBe('aborted');
    expect(res.completed).toBeLessThan(20);
  });

  test('bad arguments throw before any work', async () => {
    await expect(mapInWorkers({ module: 'relative.mjs', tasks: [1] })).rejects.toThrow(TypeError);
    await expect(mapInWorkers({ module: tasksModule, tasks: [1], workers: 0 })).rejects.toThrow(RangeError);
  });
});
