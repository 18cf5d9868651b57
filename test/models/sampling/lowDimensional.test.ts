import * as fs from 'node:fs';
import * as path from 'node:path';
import { ekhmc, eks, lowDimensionalInitialEnsemble, lowDimensionalPressure, lowDimensionalProblem, quadraturePosterior2d } from '../../../src/models/sampling/index';

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/sampling/low_dimensional_posterior.json'), 'utf8')) as { mean: number[]; covariance: number[]; covarianceEigenvalues: number[] };

describe('low-dimensional problem (thesis §C.6.1; spec check 9)', () => {
  it('the closed form (C.6.6) solves −(e^{u1}p′)′ = 1, p(0) = 0, p(1) = u2 (finite differences, exact for quadratics)', () => {
    const [u1, u2] = [-2.7, 104.4];
    const n = 64;
    const h = 1 / n;
    // −e^{u1}(p_{k−1} − 2p_k + p_{k+1})/h² = 1, Thomas algorithm
    const m = n - 1;
    const sub = -1, diag = 2, sup = -1;
    const rhs = new Float64Array(m).fill((h * h) / Math.exp(u1));
    rhs[m - 1] += u2;
    const c = new Float64Array(m);
    const d = new Float64Array(m);
    c[0] = sup / diag;
    d[0] = rhs[0] / diag;
    for (let k = 1; k < m; k++) {
      const den = diag - sub * c[k - 1];
      c[k] = sup / den;
      d[k] = (rhs[k] - sub * d[k - 1]) / den;
    }
    const p = new Float64Array(m);
    p[m - 1] = d[m - 1];
    for (let k = m - 2; k >= 0; k--) p[k] = d[k] - c[k] * p[k + 1];
    for (let k = 0; k < m; k++) expect(Math.abs(p[k] - lowDimensionalPressure(u1, u2, (k + 1) * h))).toBeLessThan(1e-10);
    const out = new Float64Array(2);
    lowDimensionalProblem().forward!(new Float64Array([u1, u2]), out);
    expect(out[0]).toBeCloseTo(p[n / 4 - 1], 10);
    expect(out[1]).toBeCloseTo(p[(3 * n) / 4 - 1], 10);
  });

  it('the reference posterior by 2-D quadrature is stable to better than 4 digits and matches scipy', () => {
    const ref = quadraturePosterior2d(lowDimensionalProblem(), { start: [-2.7, 104.4] });
    expect(ref.change).toBeLessThan(1e-5);
    for (let a = 0; a < 2; a++) expect(Math.abs(ref.mean[a] - fixture.mean[a])).toBeLessThan(1e-4 * Math.sqrt(fixture.covariance[3 * a]));
    for (let k = 0; k < 4; k++) expect(Math.abs(ref.covariance[k] / fixture.covariance[k] - 1)).toBeLessThan(1e-4);
    // the noise-free fit u = (−ln(224/15), 104.4) is near the posterior mean (spec §8(A))
    expect(Math.abs(ref.mean[0] + Math.log(224 / 15))).toBeLessThan(0.2);
    expect(Math.abs(ref.mean[1] - 104.4)).toBeLessThan(0.3);
  });

  const I = 200;
  const sd = [Math.sqrt(fixture.covariance[0]), Math.sqrt(fixture.covariance[3])];
  it('EKS (misfit-Frobenius step) ends with a mean within 3 posterior standard deviations of the quadrature mean', () => {
    for (const seed of [1, 2]) {
      const r = eks({ ...lowDimensionalProblem(), ensemble: lowDimensionalInitialEnsemble(I, seed), iterations: 200, seed, noiseSqrt: 'ensembleFactor' });
      const m = r.history.mean.at(-1)!;
      for (let a = 0; a < 2; a++) expect(Math.abs(m[a] - fixture.mean[a])).toBeLessThan(3 * sd[a]);
    }
  });

  it('EKHMC with the thesis step (a = 0.01, ε = 0.2, max-particle |F_H|): γ = 1 overshoots, γ = 100 approaches monotonically', () => {
    for (const seed of [1, 2]) {
      const E = lowDimensionalInitialEnsemble(I, seed);
      const u2 = (gamma: number): number[] => ekhmc({ ...lowDimensionalProblem(), gamma, ensemble: E, iterations: 200, seed, noiseSqrt: 'ensembleFactor' }).history.mean.map((m) => m[1]);
      const slow = u2(1);
      expect(Math.max(...slow)).toBeGreaterThan(fixture.mean[1] + 5); // overshoot past the posterior mean
      const fast = u2(100);
      let decreases = 0;
      for (let k = 1; k < fast.length; k++) if (fast[k] < fast[k - 1]) decreases++;
      expect(decreases).toBeLessThanOrEqual(2);
      expect(Math.max(...fast)).toBeLessThan(fixture.mean[1] + 3 * sd[1]);
      expect(Math.abs(fast.at(-1)! - fixture.mean[1])).toBeLessThan(1); // within 4 posterior sd after 200 iterations
    }
  });
});
