import { symbolicPipeline } from '../../../src/models/kan/experiments/pipeline';
import { gridStaircase } from '../../../src/models/kan/experiments/staircase';

describe('experiments', () => {
  it('pipeline on exp(sin(πx1) + x2²): [2,5,1] → prune → refine → snap → retrain recovers the formula to RMSE < 1e-8', () => {
    // reduced size (300 train / 300 test samples, 20 L-BFGS steps per phase); the CLI runs 1000 / 1000 / 50
    const r = symbolicPipeline({ train: 300, test: 300, steps: 20, seed: 0 });
    expect(r.status).toBe('success');
    expect(r.phases.find((p) => p.name === 'prune')!.shape).toEqual([2, 1, 1]);
    expect(r.edges.map((e) => e.name)).toEqual(['sin', 'x^2', 'exp']);
    expect(r.formula).toBe('exp(sin(pi*x1) + x2^2)');
    expect(r.finalTestRmse).toBeLessThan(1e-8);
    expect(r.formulaTestRmse).toBeLessThan(1e-8);
    // snapping must improve on the refined spline network by orders of magnitude
    const refined = r.phases.find((p) => p.name === 'refine')!;
    expect(r.finalTestRmse).toBeLessThan(1e-3 * refined.testRmse[refined.testRmse.length - 1]);
  });

  it('grid-extension staircase on a [2,1,1] KAN: RMSE decreases with G, slope over G = 5…20 near −4 (k + 1)', () => {
    const r = gridStaircase({ grids: [3, 5, 10, 20], train: 1000, test: 1000, steps: 20, seed: 1, fitFrom: 5 });
    // pykan docs Example 1 (same f, [2,1,1], 1000 points): 1.5e-2, 3.3e-4, 4.0e-5 at G = 3, 10, 20
    for (let q = 1; q < r.testRmse.length; q++) expect(r.testRmse[q]).toBeLessThan(r.testRmse[q - 1]);
    expect(r.testRmse[0]).toBeLessThan(3e-2);
    expect(r.slope).toBeLessThan(-3.5);
    expect(r.slope).toBeGreaterThan(-5);
  });
});
