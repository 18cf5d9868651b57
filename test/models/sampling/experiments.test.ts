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

describe('the Darcy reference posterior by a pCN chain', () => {
  it('replaces the truth as the reference with its sample moments; listed as a method it is the same chain', async () => {
    const r = await reproduceSampling({ problem: 'darcy', methods: ['eks', 'pcn'], ensemble: 8, iterations: 2, seed: 4, darcyGrid: 8, pcnIterations: 200 });
    expect(r.failure).toBeNull();
    expect(r.completed).toEqual(['eks', 'pcn', 'pCN reference', 'spectral gap']);
    expect(r.reference.source).toMatch(/^pCN chain of 200 proposals \(β = 0\.5\), 201 forward solves/);
    expect(r.reference.forwardEvaluations).toBe(201);
    expect(r.reference.acceptanceRate).toBeGreaterThan(0);
    expect(r.reference.acceptanceRate).toBeLessThanOrEqual(1);
    expect(r.reference.mean).toHaveLength(255);
    expect(r.reference.covEigenvalues).toHaveLength(255);
    for (let k = 1; k < 255; k++) expect(r.reference.covEigenvalues[k]).toBeLessThanOrEqual(r.reference.covEigenvalues[k - 1]);
    expect(r.runs[1].mean).toEqual(r.reference.mean);
    expect(r.runs[1].forwardEvaluations).toBe(201);
  });

  it('without a chain the truth is the reference; once aborted no part starts', async () => {
    const truthOnly = await reproduceSampling({ problem: 'darcy', methods: ['eks'], ensemble: 8, iterations: 2, seed: 4, darcyGrid: 8, pcnIterations: 0 });
    expect(truthOnly.reference.source).toMatch(/^truth/);
    expect(truthOnly.reference.covEigenvalues).toEqual([]);
    const stopped = await reproduceSampling({ problem: 'low-dim', methods: ['eks', 'ekhmc'], ensemble: 8, iterations: 2, seed: 4, gammaSweep: true, aborted: () => true });
    expect(stopped.runs).toEqual([]);
    expect(stopped.completed).toEqual(['spectral gap']);
  });
});
