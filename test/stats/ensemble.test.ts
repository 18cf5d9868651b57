import { Rng } from '../../src/random/rng';
import {
  applyEnsembleCovariance,
  centeredEnsembleMatrix,
  covarianceSquareRoot,
  ensembleCovariance,
  ensembleMean,
} from '../../src/stats/ensemble';
import { Histogram } from '../../src/stats/histogram';
import { normalCdf, normalPdf } from '../../src/special/normal';
import type { DenseMatrix } from '../../src/core/types';
import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';

function randomEnsemble(J: number, d: number, offset: number, seed: number): DenseMatrix {
  const rng = new Rng(seed);
  const data = new Float64Array(J * d);
  for (let j = 0; j < J; j++) {
    let prev = 0;
    for (let i = 0; i < d; i++) {
      prev = 0.7 * prev + rng.normal(); // correlated components
      data[j * d + i] = offset + prev;
    }
  }
  return { rows: J, cols: d, data };
}

/** max |(P·Qᵀ) − C| / max|C| for P (n×k), Q (n×k). */
function productError(P: DenseMatrix, Q: DenseMatrix, C: DenseMatrix): number {
  const n = P.rows;
  const k = P.cols;
  let scale = 0;
  let err = 0;
  for (let a = 0; a < n * n; a++) scale = Math.max(scale, Math.abs(C.data[a]));
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      let s = 0;
      for (let m = 0; m < k; m++) s += P.data[a * k + m] * Q.data[b * k + m];
      err = Math.max(err, Math.abs(s - C.data[a * n + b]));
    }
  }
  return err / scale;
}

describe('ensemble statistics', () => {
  const J = 200;
  const d = 6;
  const E = randomEnsemble(J, d, 0, 1);

  test('covariance is bitwise symmetric, PSD, and equals A·Aᵀ of the centred ensemble matrix', () => {
    for (const ddof of [0, 1]) {
      const C = ensembleCovariance(E, { ddof });
      for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) expect(C.data[a * d + b]).toBe(C.data[b * d + a]);
      const A = centeredEnsembleMatrix(E, { ddof });
      expect(A.rows).toBe(d);
      expect(A.cols).toBe(J);
      expect(productError(A, A, C)).toBeLessThan(1e-14);
      // the columns of A sum to zero (centering)
      for (let i = 0; i < d; i++) {
        let s = 0;
        for (let j = 0; j < J; j++) s += A.data[i * J + j];
        expect(Math.abs(s)).toBeLessThan(1e-13);
      }
    }
    const C0 = ensembleCovariance(E, { ddof: 0 }).data;
    const C1 = ensembleCovariance(E, { ddof: 1 }).data;
    for (let a = 0; a < d * d; a++) expect(C0[a] / C1[a]).toBeCloseTo((J - 1) / J, 14);
  });

  test('a common offset of 1e8 changes the covariance only at the data resolution ulp(1e8)·σ', () => {
    const shifted = randomEnsemble(J, d, 1e8, 1);
    const C = ensembleCovariance(E, { ddof: 1 }).data;
    const Cs = ensembleCovariance(shifted, { ddof: 1 }).data;
    let err = 0;
    for (let a = 0; a < d * d; a++) err = Math.max(err, Math.abs(Cs[a] - C[a]));
    // the data themselves are rounded to ulp(1e8)/2 = 7.5e-9; deviations of O(1) give O(1e-8) changes
    expect(err).toBeLessThan(1e-7);
    expect(Math.abs(ensembleMean(shifted)[0] - 1e8 - ensembleMean(E)[0])).toBeLessThan(1e-7);
  });

  test('offsets of 1e12 and 1e15 cost no accuracy: covariance of the stored data to 1e-15 relative', () => {
    for (const offset of [1e12, 1e15]) {
      const shifted = randomEnsemble(J, d, offset, 1);
      // the exact covariance of the stored (rounded) data: x − offset is exact here (Sterbenz)
      const exact = { rows: J, cols: d, data: shifted.data.map((v) => v - offset) };
      const C = ensembleCovariance(shifted, { ddof: 1 }).data;
      const Ce = ensembleCovariance(exact, { ddof: 1 }).data;
      const Xc = ensembleCovariance(shifted, { ddof: 0 }).data;
      const Xe = ensembleCovariance(exact, { ddof: 0 }).data;
      const A = centeredEnsembleMatrix(shifted, { ddof: 1 }).data;
      const Ae = centeredEnsembleMatrix(exact, { ddof: 1 }).data;
      const scale = Math.max(...Ce.map(Math.abs));
      for (let a = 0; a < d * d; a++) {
        expect(Math.abs(C[a] - Ce[a])).toBeLessThanOrEqual(1e-15 * scale);
        expect(Math.abs(Xc[a] - Xe[a])).toBeLessThanOrEqual(1e-15 * scale);
      }
      for (let a = 0; a < A.length; a++) expect(Math.abs(A[a] - Ae[a])).toBeLessThanOrEqual(1e-15 * Math.sqrt(scale));
    }
  });

  test('C·v by A(Aᵀv) equals the dense product; Cholesky and symmetric roots reproduce C', () => {
    const C = ensembleCovariance(E, { ddof: 0 });
    const A = centeredEnsembleMatrix(E, { ddof: 0 });
    const v = new Rng(9).fillNormal(new Float64Array(d));
    const Cv = applyEnsembleCovariance(A, v);
    for (let a = 0; a < d; a++) {
      let s = 0;
      for (let b = 0; b < d; b++) s += C.data[a * d + b] * v[b];
      expect(Math.abs(Cv[a] - s)).toBeLessThan(1e-13 * (1 + Math.abs(s)));
    }
    const L = covarianceSquareRoot(C, { method: 'cholesky' });
    expect(L.status).toBe('success');
    for (let a = 0; a < d; a++) for (let b = a + 1; b < d; b++) expect(L.factor.data[a * d + b]).toBe(0);
    expect(productError(L.factor, L.factor, C)).toBeLessThan(1e-14);
    const S = covarianceSquareRoot(C, { method: 'symmetric' });
    expect(productError(S.factor, S.factor, C)).toBeLessThan(1e-13); // S·Sᵀ = S² since S = Sᵀ
  });

  test('J <= d: Cholesky reports notPositiveDefinite, jitter recovers a factor', () => {
    const small = randomEnsemble(4, d, 0, 2);
    const C = ensembleCovariance(small, { ddof: 0 });
    expect(covarianceSquareRoot(C, { method: 'cholesky' }).status).toBe('notPositiveDefinite');
    const r = covarianceSquareRoot(C, { method: 'cholesky', jitter: 1e-10 });
    expect(r.status).toBe('success');
    expect(r.jitter).toBeGreaterThan(0);
  });

  test('samples L·ξ and A·ξ reproduce C (Monte Carlo, 5 standard errors)', () => {
    const C = ensembleCovariance(E, { ddof: 0 });
    const L = covarianceSquareRoot(C, { method: 'cholesky' }).factor;
    const A = centeredEnsembleMatrix(E, { ddof: 0 });
    const rng = new Rng('mvn');
    const M = 20000;
    const xi = new Float64Array(J);
    const z = new Float64Array(d);
    const x = new Float64Array(d);
    const accL = new Float64Array(d * d);
    const accA = new Float64Array(d * d);
    for (let m = 0; m < M; m++) {
      rng.fillNormal(z);
      rng.fillNormal(xi);
      for (let a = 0; a < d; a++) {
        let s = 0;
        for (let b = 0; b <= a; b++) s += L.data[a * d + b] * z[b];
        x[a] = s;
      }
      const y = applyEnsembleCovarianceSample(A, xi);
      for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) {
        accL[a * d + b] += x[a] * x[b];
        accA[a * d + b] += y[a] * y[b];
      }
    }
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) {
        const c = C.data[a * d + b];
        // Var(x_a x_b) = C_aa C_bb + C_ab² for a Gaussian vector
        const se = Math.sqrt((C.data[a * d + a] * C.data[b * d + b] + c * c) / M);
        expect(Math.abs(accL[a * d + b] / M - c)).toBeLessThan(5 * se);
        expect(Math.abs(accA[a * d + b] / M - c)).toBeLessThan(5 * se);
      }
    }
  });

  test('argument checks: ddof is required and bounded, layouts validated', () => {
    expect(() => ensembleCovariance(E, {} as never)).toThrow(InvalidTypeError);
    expect(() => ensembleCovariance(E, { ddof: J })).toThrow(/options.ddof must be an integer in \[0, 199\]/);
    expect(() => ensembleMean(E, { membersAlong: 'diagonal' as never })).toThrow(InvalidArgumentError);
    expect(() => covarianceSquareRoot(centeredEnsembleMatrix(E, { ddof: 0 }), { method: 'cholesky' })).toThrow(InvalidArgumentError);
  });
});

/** y = A·ξ (d×J times J). */
function applyEnsembleCovarianceSample(A: DenseMatrix, xi: Float64Array): Float64Array {
  const y = new Float64Array(A.rows);
  for (let i = 0; i < A.rows; i++) {
    let s = 0;
    for (let j = 0; j < A.cols; j++) s += A.data[i * A.cols + j] * xi[j];
    y[i] = s;
  }
  return y;
}

describe('histogram density', () => {
  test('density integrates to the in-range fraction; binned-density bias converges at order 2 in the bin width', () => {
    const n = 400_000;
    const x = new Rng('hist').fillNormal(new Float64Array(n));
    const h = new Histogram(-3, 3, 60).pushAll(x);
    const dens = h.density();
    let integral = 0;
    for (let k = 0; k < 60; k++) integral += dens[k] * 0.1;
    const inRange = (h.total() - h.below - h.above) / n;
    expect(Math.abs(integral - inRange)).toBeLessThan(1e-12);
    expect(Math.abs(inRange - (normalCdf(3) - normalCdf(-3)))).toBeLessThan(5 * Math.sqrt(0.0027 / n));
    // deterministic part: the expected density of a bin, (Φ(b) − Φ(a))/w, differs from φ at the
    // center by w²φ''/24 + O(w⁴): observed order 2 under bin refinement
    const errors: number[] = [];
    const widths = [0.4, 0.2, 0.1, 0.05];
    for (const w of widths) {
      let e = 0;
      for (let c = -3 + w / 2; c < 3; c += w) e = Math.max(e, Math.abs((normalCdf(c + w / 2) - normalCdf(c - w / 2)) / w - normalPdf(c)));
      errors.push(e);
    }
    for (let k = 1; k < widths.length; k++) {
      const order = Math.log(errors[k - 1] / errors[k]) / Math.log(2);
      expect(order).toBeGreaterThan(1.9);
      expect(order).toBeLessThan(2.1);
    }
    // statistical part: each bin's density is within 5 standard errors of its expectation
    const centres = h.centers();
    for (let k = 0; k < 60; k++) {
      const p = normalCdf(centres[k] + 0.05) - normalCdf(centres[k] - 0.05);
      const se = Math.sqrt((p * (1 - p)) / n) / 0.1;
      expect(Math.abs(dens[k] - p / 0.1)).toBeLessThan(5 * se);
    }
  });
});
