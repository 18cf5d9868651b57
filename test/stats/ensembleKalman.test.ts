import { EnsembleKalmanWorkspace, ensembleKalmanMisfitMatrix } from '../../src/stats/ensembleKalman';
import { applyEnsembleCovariance, centeredEnsembleMatrix, ensembleCovariance, ensembleCrossCovariance } from '../../src/stats/ensemble';
import { CovarianceOperator } from '../../src/linalg/covarianceOperator';
import { createMatrix } from '../../src/linalg/dense';
import { Rng } from '../../src/random/rng';

const rng = new Rng(7);
function randomEnsemble(I: number, d: number, offset = 0): Float64Array {
  const x = new Float64Array(I * d);
  for (let k = 0; k < x.length; k++) x[k] = offset + rng.normal() * (1 + (k % d));
  return x;
}

describe('EnsembleKalmanWorkspace', () => {
  it('covariance with 1/I from positions only, Q/√I reproducing it, also for I < N (no Cholesky)', () => {
    for (const [I, N] of [[7, 3], [4, 6]]) {
      const q = randomEnsemble(I, N, 3);
      const ws = new EnsembleKalmanWorkspace(I, N, 0);
      ws.update(q);
      // dense formula (1/I)Σ(q − q̄)(q − q̄)ᵀ
      const E = createMatrix(I, N, q);
      const C = ensembleCovariance(E, { ddof: 0 });
      for (let k = 0; k < N * N; k++) expect(ws.covariance.data[k]).toBeCloseTo(C.data[k], 13);
      // the noise map ξ ↦ Qξ/√I applied to the unit vectors e_k gives the columns of Q/√I: (Q/√I)(Q/√I)ᵀ = C
      const A = createMatrix(N, I);
      const col = new Float64Array(N);
      for (let k = 0; k < I; k++) {
        const e = new Float64Array(I);
        e[k] = 1;
        ws.noise(e, col);
        for (let a = 0; a < N; a++) A.data[a * I + k] = col[a];
      }
      const ref = centeredEnsembleMatrix(E, { ddof: 0 });
      for (let k = 0; k < N * I; k++) expect(A.data[k]).toBeCloseTo(ref.data[k], 13);
      for (let a = 0; a < N; a++) {
        for (let b = 0; b < N; b++) {
          let s = 0;
          for (let k = 0; k < I; k++) s += A.data[a * I + k] * A.data[b * I + k];
          expect(s).toBeCloseTo(C.data[a * N + b], 12);
        }
      }
      // C·v without forming C
      const v = new Float64Array(N).map((_, i) => i - 1.5);
      const Cv = applyEnsembleCovariance(A, v);
      for (let a = 0; a < N; a++) {
        let s = 0;
        for (let b = 0; b < N; b++) s += C.data[a * N + b] * v[b];
        expect(Cv[a]).toBeCloseTo(s, 12);
      }
    }
  });

  it('noise factor: RᵀR = C_q from a Householder QR of Qᵀ/√I, also for I < N', () => {
    for (const [I, N] of [[50, 3], [3, 5]]) {
      const q = randomEnsemble(I, N, -2);
      const ws = new EnsembleKalmanWorkspace(I, N, 0);
      ws.update(q);
      const k = ws.noiseFactor();
      expect(k).toBe(Math.min(I, N));
      const R = ws.factorR;
      for (let a = 0; a < N; a++) {
        for (let b = 0; b < N; b++) {
          let s = 0;
          for (let r = 0; r < k; r++) s += R[r * N + a] * R[r * N + b];
          expect(s).toBeCloseTo(ws.covariance.data[a * N + b], 12);
        }
      }
      // Rᵀζ for unit ζ gives the columns of Rᵀ
      const out = new Float64Array(N);
      const e = new Float64Array(N);
      e[0] = 1;
      ws.factorNoise(e, out);
      for (let c = 0; c < N; c++) expect(out[c]).toBe(R[c]);
    }
  });

  it('the 1/(I − 1) normalization is explicit (ddof = 1)', () => {
    const q = randomEnsemble(5, 2);
    const w0 = new EnsembleKalmanWorkspace(5, 2, 0, 0);
    const w1 = new EnsembleKalmanWorkspace(5, 2, 0, 1);
    w0.update(q);
    w1.update(q);
    expect(w1.covariance.data[0] / w0.covariance.data[0]).toBeCloseTo(5 / 4, 14);
  });

  it('Kalman forces: cross-covariance form = D-matrix form = dense formula; raw and centred Q agree; exact for linear G', () => {
    const I = 9;
    const N = 3;
    const J = 4;
    const q = randomEnsemble(I, N, 1);
    const A = new Float64Array(J * N).map((_, k) => Math.sin(k + 1));
    const g = new Float64Array(I * J);
    for (let i = 0; i < I; i++) for (let j = 0; j < J; j++) for (let a = 0; a < N; a++) g[i * J + j] += A[j * N + a] * q[i * N + a];
    const y = new Float64Array([0.5, -1, 2, 0.1]);
    const noise = CovarianceOperator.diagonal([0.3, 0.5, 0.2, 1]);
    const prior = CovarianceOperator.scalar(N, 4);
    const m0 = new Float64Array([0.1, 0.2, -0.3]);
    const ws = new EnsembleKalmanWorkspace(I, N, J);
    ws.update(q, g);
    const F = ws.kalmanForces(q, g, y, noise, m0, prior, new Float64Array(I * N));
    // cross-covariance against the stats/ensemble function
    const Cqg = ensembleCrossCovariance(createMatrix(I, N, q), createMatrix(I, J, g), { ddof: 0 });
    for (let k = 0; k < N * J; k++) expect(ws.crossCovariance.data[k]).toBeCloseTo(Cqg.data[k], 13);
    // D-matrix form with raw positions: misfit force_i = −Σ_k D_ki q_k; and with centered positions
    const D = ensembleKalmanMisfitMatrix(g, I, J, y, noise);
    const qbar = ws.mean;
    for (let i = 0; i < I; i++) {
      for (let a = 0; a < N; a++) {
        let raw = 0;
        let cen = 0;
        for (let k = 0; k < I; k++) {
          raw -= D.data[k * I + i] * q[k * N + a];
          cen -= D.data[k * I + i] * (q[k * N + a] - qbar[a]);
        }
        let prior_ = 0;
        for (let b = 0; b < N; b++) prior_ -= ws.covariance.data[a * N + b] * (q[i * N + b] - m0[b]) / 4;
        expect(F[i * N + a]).toBeCloseTo(raw + prior_, 11);
        expect(Math.abs(raw - cen)).toBeLessThan(1e-12 * (1 + Math.abs(raw)));
        // exact force for linear G: −C(Γ0⁻¹(q − m0) + AᵀΓ⁻¹(Aq − y))
        let exact = 0;
        for (let b = 0; b < N; b++) {
          let grad = (q[i * N + b] - m0[b]) / 4;
          for (let j = 0; j < J; j++) grad += (A[j * N + b] * (g[i * J + j] - y[j])) / noise.diagonal![j];
          exact -= ws.covariance.data[a * N + b] * grad;
        }
        expect(Math.abs(F[i * N + a] - exact)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(exact)));
      }
    }
    // ‖D‖_F without forming D
    let fro = 0;
    for (let k = 0; k < I * I; k++) fro += D.data[k] ** 2;
    expect(ws.misfitFrobenius(g, y, noise)).toBeCloseTo(Math.sqrt(fro), 12);
    // gradient forces −C·grad
    const grads = randomEnsemble(I, N);
    const Fg = ws.gradientForces(grads, new Float64Array(I * N));
    let s = 0;
    for (let b = 0; b < N; b++) s -= ws.covariance.data[b] * grads[N + b];
    expect(Fg[N]).toBeCloseTo(s, 13);
  });
});
