import { evaluateKan, kanFromJSON, kanToJSON } from '../../../src/models/kan/index';
import { multSymbolicPipeline } from '../../../src/models/kan/experiments/multPipeline';
import { sampleDataset } from '../../../src/models/kan/experiments/pipeline';

describe('MultKAN symbolic pipeline', () => {
  test('y = x1·x2 on [2, [0, 1], 1] (200 samples): the formula x1*x2, exact to rounding', () => {
    const r = multSymbolicPipeline({ target: 'product', samples: 200 });
    expect(r.status).toBe('success');
    expect(r.formula).toBe('x1*x2');
    expect(r.formulaTestRmse).toBeLessThan(1e-9);
    expect(r.testRmse.symbolic).toBeLessThan(1e-9);
  });

  test('y = x1·x2 + sin(x3) on [3, [3, 2], 1] (1000 samples): pruned to [3, [1, 1], 1], formula sin(x3) + x1*x2', () => {
    const r = multSymbolicPipeline({ target: 'productSine', samples: 1000, lamb: 0.01, maxSamples: 96, retrainSteps: 20 });
    expect(r.status).toBe('success');
    expect(r.prunedShape).toEqual([3, [1, 1], 1]);
    expect(r.formula).toBe('sin(x3) + x1*x2');
    expect(r.formulaTestRmse).toBeLessThan(1e-9);
    // the snapped network saves and loads bit-identically, symbolic edges and mult node included
    const copy = kanFromJSON(JSON.parse(JSON.stringify(kanToJSON(r.network)))).net;
    const X = sampleDataset((x) => x[0], 3, { train: 50, test: 1, seed: 7 }).trainInput;
    const a = evaluateKan(r.network, X);
    const b = evaluateKan(copy, X);
    for (let s = 0; s < a.length; s++) expect(Object.is(a[s], b[s])).toBe(true);
  });
});
