import { createMatrix } from '../../../src/linalg/dense';
import { ekhmc, eks, aldi, type InverseProblem } from '../../../src/models/sampling/index';
import { Rng } from '../../../src/random/rng';

// spec check 5: q → Aq + b with the prior and forward map transformed accordingly, the same random
// numbers, and the trajectories coincide (mapped) to round-off.
describe('affine invariance of EKHMC, EKS and ALDI', () => {
  const N = 2;
  const A = [2, 0.7, -0.4, 1.5];
  const det = A[0] * A[3] - A[1] * A[2];
  const Ainv = [A[3] / det, -A[1] / det, -A[2] / det, A[0] / det];
  const b = [3, -1];
  const forward = (q: Float64Array, out: Float64Array): void => {
    out[0] = q[0] + 0.3 * q[1] * q[1];
    out[1] = Math.sin(q[0]) - q[1];
    out[2] = q[0] * q[1];
  };
  const G0 = [1.5, 0.2, 0.2, 0.8];
  const m0 = [0.1, -0.3];
  const original: InverseProblem = { dimension: N, data: [0.8, 0.1, -0.2], noise: [0.1, 0.2, 0.15], prior: { mean: m0, covariance: createMatrix(2, 2, new Float64Array(G0)) }, forward };
  // transformed: q' = Aq + b, G'(q') = G(A⁻¹(q' − b)), prior N(Am0 + b, AΓ0Aᵀ)
  const AG0 = [A[0] * G0[0] + A[1] * G0[2], A[0] * G0[1] + A[1] * G0[3], A[2] * G0[0] + A[3] * G0[2], A[2] * G0[1] + A[3] * G0[3]];
  const G0t = [AG0[0] * A[0] + AG0[1] * A[1], AG0[0] * A[2] + AG0[1] * A[3], AG0[2] * A[0] + AG0[3] * A[1], AG0[2] * A[2] + AG0[3] * A[3]];
  G0t[2] = G0t[1];
  const back = new Float64Array(2);
  const transformed: InverseProblem = {
    dimension: N,
    data: original.data,
    noise: original.noise,
    prior: { mean: [A[0] * m0[0] + A[1] * m0[1] + b[0], A[2] * m0[0] + A[3] * m0[1] + b[1]], covariance: createMatrix(2, 2, new Float64Array(G0t)) },
    forward: (q, out) => {
      back[0] = Ainv[0] * (q[0] - b[0]) + Ainv[1] * (q[1] - b[1]);
      back[1] = Ainv[2] * (q[0] - b[0]) + Ainv[3] * (q[1] - b[1]);
      forward(back, out);
    },
  };
  const I = 12;
  const rng = new Rng(5);
  const E = createMatrix(I, N);
  for (let i = 0; i < I; i++) {
    E.data[i * N] = 0.5 * rng.normal();
    E.data[i * N + 1] = 0.3 * rng.normal() - 0.2;
  }
  const Et = createMatrix(I, N);
  for (let i = 0; i < I; i++) {
    const x = E.data[i * N];
    const y = E.data[i * N + 1];
    Et.data[i * N] = A[0] * x + A[1] * y + b[0];
    Et.data[i * N + 1] = A[2] * x + A[3] * y + b[1];
  }

  function maxMappedDifference(a: Float64Array, t: Float64Array): number {
    let worst = 0;
    for (let i = 0; i < I; i++) {
      const x = a[i * N];
      const y = a[i * N + 1];
      worst = Math.max(worst, Math.abs(A[0] * x + A[1] * y + b[0] - t[i * N]), Math.abs(A[2] * x + A[3] * y + b[1] - t[i * N + 1]));
    }
    return worst;
  }

  it('EKHMC (fixed step, gradient-free, ensemble noise) is affine invariant to round-off', () => {
    const opts = { iterations: 40, epsilon: 0.1, a: 0, gamma: 1, seed: 9, initialMomentum: 'gibbs' as const, noiseSqrt: 'ensemble' as const };
    const r1 = ekhmc({ ...original, ...opts, ensemble: E }, { saveAt: [10, 40] });
    const r2 = ekhmc({ ...transformed, ...opts, ensemble: Et }, { saveAt: [10, 40] });
    expect(r1.status).toBe('success');
    for (let k = 0; k < 2; k++) expect(maxMappedDifference(r1.saved[k].state.data, r2.saved[k].state.data)).toBeLessThan(1e-10);
    // the ensemble moved: the test is not vacuous
    expect(maxMappedDifference(E.data, r2.final.data)).toBeGreaterThan(0.1);
  });

  it('EKS and ALDI (misfit-Frobenius step, ensemble noise) are affine invariant to round-off', () => {
    for (const run of [eks, aldi]) {
      const opts = { iterations: 30, seed: 4, noiseSqrt: 'ensemble' as const };
      const r1 = run({ ...original, ...opts, ensemble: E });
      const r2 = run({ ...transformed, ...opts, ensemble: Et });
      expect(maxMappedDifference(r1.final.data, r2.final.data)).toBeLessThan(1e-10);
      expect(maxMappedDifference(E.data, r2.final.data)).toBeGreaterThan(0.1);
      for (let k = 0; k < r1.history.stepSize.length; k++) expect(r2.history.stepSize[k]).toBeCloseTo(r1.history.stepSize[k], 10);
    }
  });

  it('the factored and symmetric-square-root noises are not affine invariant path by path (only in law)', () => {
    for (const noiseSqrt of ['symmetricSqrt', 'ensembleFactor'] as const) {
      const opts = { iterations: 20, seed: 4, noiseSqrt };
      const r1 = eks({ ...original, ...opts, ensemble: E });
      const r2 = eks({ ...transformed, ...opts, ensemble: Et });
      expect(maxMappedDifference(r1.final.data, r2.final.data)).toBeGreaterThan(1e-3);
    }
  });
});
