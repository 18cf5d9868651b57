/**
 * A large common offset must cost no accuracy in any centered statistic (the pattern of
 * `ensembleCovariance` fixed earlier): correlations and the ensemble Kalman algebra of data
 * offset + y with offset 1e12 and 1e15 are compared with the same statistics of the stored data
 * minus the offset, which is exact (Sterbenz: every stored value is within a factor 2 of the
 * offset). A plain two-pass with the representable mean x̄ (half an ulp of the offset off) was
 * wrong by up to 3e−3 relative at 1e15 (Pearson) and 1e−3 (autocorrelation).
 */
import { autocorrelation, lagCorrelation, pearsonCorrelation } from '../../src/stats/correlation';
import { EnsembleKalmanWorkspace, ensembleKalmanMisfitMatrix } from '../../src/stats/ensembleKalman';
import { CovarianceOperator } from '../../src/linalg/covarianceOperator';
import { Rng } from '../../src/random/rng';
import { sampleMoments } from '../../src/stats/moments';
import { WelfordAccumulator } from '../../src/stats/welford';
import { NumericalError } from '../../src/core/errors';
import { ensembleCovariance } from '../../src/stats/ensemble';
import { VectorWelfordAccumulator } from '../../src/stats/vectorWelford';

const OFFSETS = [1e12, 1e15];

/** offset + y with y of spread O(1), and the exact y of the stored values (stored − offset). */
function offsetData(n: number, offset: number, seed: number): { stored: Float64Array; exact: Float64Array } {
  const rng = new Rng(seed);
  const stored = new Float64Array(n);
  let prev = 0;
  for (let i = 0; i < n; i++) {
    prev = 0.6 * prev + rng.normal(); // correlated, so the lag statistics are not ≈ 0
    stored[i] = offset + prev;
  }
  return { stored, exact: stored.map((v) => v - offset) };
}

const maxAbs = (v: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
};

describe('centred statistics under a large common offset', () => {
  test.each(OFFSETS)('Pearson, lag-k correlation and the ACF at offset %p equal those of the stored data minus the offset', (offset) => {
    const x = offsetData(400, offset, 1);
    const y = offsetData(400, offset, 2);
    // y correlated with x: same offset, y = x + noise
    const yx = { stored: x.stored.map((v, i) => v + y.exact[i]), exact: x.exact.map((v, i) => v + y.exact[i]) };
    for (let i = 0; i < 400; i++) yx.exact[i] = yx.stored[i] - offset;
    const r = pearsonCorrelation(x.stored, yx.stored);
    const re = pearsonCorrelation(x.exact, yx.exact);
    expect(Math.abs(re)).toBeGreaterThan(0.3);
    expect(Math.abs(r - re)).toBeLessThanOrEqual(1e-14);
    for (const k of [1, 3]) expect(Math.abs(lagCorrelation(x.stored, k) - lagCorrelation(x.exact, k))).toBeLessThanOrEqual(1e-14);
    const acf = autocorrelation(x.stored, 5);
    const acfe = autocorrelation(x.exact, 5);
    expect(acfe[1]).toBeGreaterThan(0.3);
    for (let k = 0; k <= 5; k++) expect(Math.abs(acf[k] - acfe[k])).toBeLessThanOrEqual(1e-14);
  });

  test.each(OFFSETS)('EnsembleKalmanWorkspace.update at offset %p: mean, centred ensembles, C_q and C_qG as for the exact data', (offset) => {
    const I = 40, N = 3, J = 2;
    const q = offsetData(I * N, offset, 3);
    const g = offsetData(I * J, offset, 4);
    const ws = new EnsembleKalmanWorkspace(I, N, J);
    const we = new EnsembleKalmanWorkspace(I, N, J);
    ws.update(q.stored, g.stored);
    we.update(q.exact, g.exact);
    const scale = maxAbs(we.covariance.data);
    for (let k = 0; k < N * N; k++) expect(Math.abs(ws.covariance.data[k] - we.covariance.data[k])).toBeLessThanOrEqual(1e-15 * scale);
    const xscale = maxAbs(we.crossCovariance.data);
    for (let k = 0; k < N * J; k++) expect(Math.abs(ws.crossCovariance.data[k] - we.crossCovariance.data[k])).toBeLessThanOrEqual(1e-15 * xscale);
    const cscale = maxAbs(we.centered);
    for (let k = 0; k < I * N; k++) expect(Math.abs(ws.centered[k] - we.centered[k])).toBeLessThanOrEqual(1e-15 * cscale);
    for (let k = 0; k < I * J; k++) expect(Math.abs(ws.centeredOutputs[k] - we.centeredOutputs[k])).toBeLessThanOrEqual(1e-15 * maxAbs(we.centeredOutputs));
    // the reported mean is the mean of the stored data, to the resolution of the offset
    for (let a = 0; a < N; a++) expect(Math.abs(ws.mean[a] - offset - we.mean[a])).toBeLessThanOrEqual(2 * offset * Number.EPSILON);
  });

  test.each(OFFSETS)('ensembleKalmanMisfitMatrix at offset %p equals that of the exact data', (offset) => {
    const I = 12, J = 3;
    const g = offsetData(I * J, offset, 5);
    const y = new Float64Array([offset + 0.25, offset - 0.5, offset + 1]);
    const ye = y.map((v) => v - offset);
    const noise = CovarianceOperator.scalar(J, 0.3);
    const D = ensembleKalmanMisfitMatrix(g.stored, I, J, y, noise).data;
    const De = ensembleKalmanMisfitMatrix(g.exact, I, J, ye, noise).data;
    const scale = maxAbs(De);
    for (let k = 0; k < I * I; k++) expect(Math.abs(D[k] - De[k])).toBeLessThanOrEqual(1e-14 * scale);
  });
});

describe('scale-invariant statistics of data scaled by 1e±80…1e±300 (products of deviations would under/overflow)', () => {
  const SCALES = [1e-300, 1e-150, 1e-80, 1e80, 1e150, 1e300];
  test.each(SCALES)('Pearson, lag-k, ACF, skewness and kurtosis at scale %p equal those at scale 1; the variance scales by s²', (scale) => {
    const x = offsetData(300, 0, 6).exact;
    const y = Float64Array.from(x, (v, i) => v + Math.sin(i));
    const xs = x.map((v) => v * scale), ys = y.map((v) => v * scale);
    expect(Math.abs(pearsonCorrelation(xs, ys) - pearsonCorrelation(x, y))).toBeLessThanOrEqual(1e-14);
    expect(Math.abs(lagCorrelation(xs, 2) - lagCorrelation(x, 2))).toBeLessThanOrEqual(1e-14);
    const acf = autocorrelation(xs, 3), acf1 = autocorrelation(x, 3);
    for (let k = 0; k <= 3; k++) expect(Math.abs(acf[k] - acf1[k])).toBeLessThanOrEqual(1e-14);
    const m = sampleMoments(xs), m1 = sampleMoments(x);
    expect(Math.abs(m.skewness - m1.skewness)).toBeLessThanOrEqual(1e-13);
    expect(Math.abs(m.excessKurtosis - m1.excessKurtosis)).toBeLessThanOrEqual(1e-13);
    expect(Math.abs(m.mean / scale - m1.mean)).toBeLessThanOrEqual(1e-13 * Math.sqrt(m1.variance));
    const v = m1.variance * scale * scale; // the variance itself, where it is a normal double
    if (v > 1e-300 && v < 1e300) expect(Math.abs(m.variance / v - 1)).toBeLessThanOrEqual(1e-13);
  });
});

describe('the streaming accumulator at extreme scales: correct or a named error', () => {
  test.each([1e-150, 1e-100, 1e100, 1e150])('WelfordAccumulator at scale %p: mean and variance correct; skewness and kurtosis refused by name (their sums of cubes and fourth powers left the double range)', (scale) => {
    const x = offsetData(200, 0, 7).exact;
    const acc = new WelfordAccumulator();
    const acc1 = new WelfordAccumulator();
    for (const v of x) { acc.push(v * scale); acc1.push(v); }
    expect(Math.abs(acc.mean() / scale - acc1.mean())).toBeLessThanOrEqual(1e-13);
    expect(Math.abs(acc.variance() / (scale * scale) / acc1.variance() - 1)).toBeLessThanOrEqual(1e-13);
    expect(() => acc.skewness()).toThrow(NumericalError);
    expect(() => acc.excessKurtosis()).toThrow(/fourth powers .* double range.*sampleMoments/);
  });
  test('inside the safe range (deviations 1e-60…1e60) skewness and kurtosis are those of the unscaled data', () => {
    const x = offsetData(200, 0, 7).exact;
    const acc1 = new WelfordAccumulator();
    for (const v of x) acc1.push(v);
    for (const scale of [1e-60, 1e60]) {
      const acc = new WelfordAccumulator();
      for (const v of x) acc.push(v * scale);
      expect(Math.abs(acc.skewness() - acc1.skewness())).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(acc.excessKurtosis() - acc1.excessKurtosis())).toBeLessThanOrEqual(1e-12);
    }
  });
});

describe('covariances of data scaled by 1e±150 scale by s² (representable there)', () => {
  test.each([1e-150, 1e150])('ensembleCovariance, VectorWelfordAccumulator and EnsembleKalmanWorkspace at scale %p', (scale) => {
    const J = 30, d = 3;
    const data = offsetData(J * d, 0, 8).exact;
    const C1 = ensembleCovariance({ rows: J, cols: d, data }, { ddof: 1 }).data;
    const Cs = ensembleCovariance({ rows: J, cols: d, data: data.map((v) => v * scale) }, { ddof: 1 }).data;
    const acc = new VectorWelfordAccumulator(d), acc1 = new VectorWelfordAccumulator(d);
    const ws = new EnsembleKalmanWorkspace(J, d, 0), ws1 = new EnsembleKalmanWorkspace(J, d, 0);
    ws.update(data.map((v) => v * scale));
    ws1.update(data);
    for (let j = 0; j < J; j++) { acc.push(data.subarray(j * d, j * d + d).map((v) => v * scale)); acc1.push(data.subarray(j * d, j * d + d)); }
    const V = acc.variance(), V1 = acc1.variance();
    const top = maxAbs(C1);
    for (let k = 0; k < d * d; k++) {
      expect(Math.abs(Cs[k] / (scale * scale) - C1[k])).toBeLessThanOrEqual(1e-14 * top);
      expect(Math.abs(ws.covariance.data[k] / (scale * scale) - ws1.covariance.data[k])).toBeLessThanOrEqual(1e-14 * top);
    }
    for (let a = 0; a < d; a++) expect(Math.abs(V[a] / (scale * scale) / V1[a] - 1)).toBeLessThanOrEqual(1e-13);
  });
});
