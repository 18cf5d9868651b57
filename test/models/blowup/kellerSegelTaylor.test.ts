import { kellerSegelManifoldStart } from '../../../src/models/blowup/kellerSegelProfile';
import { kellerSegelProfileSeries, kellerSegelTaylorMatrix } from '../../../src/models/blowup/kellerSegelTaylor';
import reference from '../../fixtures/keller-segel/couplings.json';

describe('Keller–Segel Taylor-space linearization (modulation couplings)', () => {
  test('profile series: q2 equals the manifold start coefficient a; matches the symbolic series', () => {
    for (const c of reference.cases) {
      const q = kellerSegelProfileSeries(c.mu, c.j0, c.seriesQ.length - 1);
      expect(q[2]).toBeCloseTo(kellerSegelManifoldStart(c.mu, c.j0, 0.1).a, 14);
      for (let k = 0; k < c.seriesQ.length; k++) expect(q[k]).toBeCloseTo(c.seriesQ[k], 12);
    }
  });

  test('the closed-form couplings σ_{i,i+kj0} and the eigenvalues 1 − i/j0 equal a symbolic (sympy) linearization, every other entry zero', () => {
    for (const c of reference.cases) {
      const w = c.K + 1;
      const A = kellerSegelTaylorMatrix(c.mu, c.j0, c.K);
      for (let i = 0; i < w; i++) for (let j = 0; j < w; j++) expect(A[i * w + j]).toBeCloseTo(c.matrix[i][j], 10);
      expect(A[0 * w + c.j0]).toBeCloseTo((-2 * c.j0) / 3 - 2 * (1 - c.mu), 13); // the spec's σ_{0,j0}
    }
  });
});
