import { reproduceSampling } from '../../../src/models/sampling/experiments/reproduce';

describe('reproduceSampling (the CLI experiment)', () => {
  it('runs several methods on the linear problem with one seed and reports against the exact posterior', async () => {
    const r = await reproduceSampling({ problem: 'linear', methods: ['eks', 'aldi', 'ekhmc'], ensemble: 60, iterations: 60, seed: 3 });
    expect(r.runs.map((x) => x.method)).toEqual(['eks', 'aldi', 'ekhmc']);
    for (const run of r.runs) {
      expect(run.status).toBe('success');
      expect(run.forwardEvaluations).toBe(60 * 61);
      expect(run.mean.length).toBe(4);
      expect(run.trace.length).toBe(61);
    }
    expect(r.reference.mean.length).toBe(4);
    expect(r.spectralGap.gamma0).toBeCloseTo(2 * Math.SQRT2 - 1, 14);
    expect(Math.abs(r.spectralGap.gamma0Numerical - r.spectralGap.gamma0)).toBeLessThan(1e-6);
  });
});
