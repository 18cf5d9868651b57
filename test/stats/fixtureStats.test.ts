import { readFileSync } from 'fs';
import { join } from 'path';
import { Adder, fsum } from '../../src/stats/fsum';
import { sampleMoments } from '../../src/stats/moments';
import { ensembleMean, ensembleCovariance, ensembleCrossCovariance } from '../../src/stats/ensemble';
import { autocorrelation, lagCorrelation, pearsonCorrelation } from '../../src/stats/correlation';
import { ksTest, ksTestNormal } from '../../src/stats/ks';
import { Histogram } from '../../src/stats/histogram';
import type { DenseMatrix } from '../../src/core/types';

const fx = JSON.parse(readFileSync(join(__dirname, '../fixtures/stats/stats.json'), 'utf8'));
const f64 = (a: number[]): Float64Array => Float64Array.from(a);
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
const maxRel = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let scale = 0;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]));
  let e = 0;
  for (let i = 0; i < b.length; i++) e = Math.max(e, Math.abs(a[i] - b[i]) / scale);
  return e;
};

describe('agreement with numpy / scipy / math.fsum (fixture)', () => {
  test('fsum reproduces math.fsum bit for bit under cancellation over 60 decades; naive summation fails', () => {
    const data = f64(fx.fsum.data);
    expect(fsum(data)).toBe(fx.fsum.fsum);
    const adder = new Adder();
    for (let i = data.length - 1; i >= 0; i--) adder.add(data[i]); // order does not matter
    expect(adder.value()).toBe(fx.fsum.fsum);
    let naive = 0;
    for (let i = 0; i < data.length; i++) naive += data[i];
    expect(rel(naive, fx.fsum.fsum)).toBeGreaterThan(1); // the ordinary sum is garbage here
  });

  test('moments match scipy (bias=True and bias=False) to 1e-13 relative', () => {
    const x = f64(fx.moments.data);
    const m = sampleMoments(x);
    expect(rel(m.mean, fx.moments.mean)).toBeLessThan(1e-14);
    expect(rel(m.variance, fx.moments.var1)).toBeLessThan(1e-13);
    expect(rel(m.skewness, fx.moments.skew)).toBeLessThan(1e-13);
    expect(rel(m.excessKurtosis, fx.moments.kurt)).toBeLessThan(1e-13);
    const a = sampleMoments(x, { adjusted: true });
    expect(rel(a.skewness, fx.moments.skewAdjusted)).toBeLessThan(1e-13);
    expect(rel(a.excessKurtosis, fx.moments.kurtAdjusted)).toBeLessThan(1e-13);
  });

  test('ensemble mean, covariance (1/J and 1/(J-1)) and cross-covariance match numpy; both layouts', () => {
    const { J, d, d2 } = fx.ensemble;
    const X: DenseMatrix = { rows: J, cols: d, data: f64(fx.ensemble.X) };
    const Y: DenseMatrix = { rows: J, cols: d2, data: f64(fx.ensemble.Y) };
    expect(maxRel(ensembleMean(X), fx.ensemble.mean)).toBeLessThan(1e-15);
    expect(maxRel(ensembleCovariance(X, { ddof: 0 }).data, fx.ensemble.cov0)).toBeLessThan(1e-13);
    expect(maxRel(ensembleCovariance(X, { ddof: 1 }).data, fx.ensemble.cov1)).toBeLessThan(1e-13);
    expect(maxRel(ensembleCrossCovariance(X, Y, { ddof: 0 }).data, fx.ensemble.cross0)).toBeLessThan(1e-13);
    // the same ensemble stored one member per column (d×J) gives identical results
    const Xt: DenseMatrix = { rows: d, cols: J, data: new Float64Array(J * d) };
    for (let j = 0; j < J; j++) for (let i = 0; i < d; i++) Xt.data[i * J + j] = X.data[j * d + i];
    expect(ensembleCovariance(Xt, { ddof: 1, membersAlong: 'columns' }).data).toEqual(ensembleCovariance(X, { ddof: 1 }).data);
  });

  test('Pearson, lag-k correlation and the ACF match numpy to 1e-13', () => {
    const x = f64(fx.correlation.x);
    const y = f64(fx.correlation.y);
    expect(Math.abs(pearsonCorrelation(x, y) - fx.correlation.pearson)).toBeLessThan(1e-13);
    const acf = autocorrelation(x, 10);
    expect(maxRel(acf, fx.correlation.acf)).toBeLessThan(1e-13);
    for (let k = 1; k <= 10; k++) expect(Math.abs(lagCorrelation(x, k) - fx.correlation.lag[k - 1])).toBeLessThan(1e-13);
    // AR(1) with phi = 0.6: the ACF decays like 0.6^k (statistical check, n = 4000, sd ≈ 0.03)
    expect(Math.abs(acf[1] - 0.6)).toBeLessThan(0.1);
    expect(Math.abs(acf[2] - 0.36)).toBeLessThan(0.1);
  });

  test('KS statistic and asymptotic p-value match scipy.stats.kstest(method="asymp")', () => {
    const rN = ksTestNormal(f64(fx.ks.normalSample));
    expect(Math.abs(rN.statistic - fx.ks.normalStatistic)).toBeLessThan(1e-15);
    expect(rel(rN.pValue, fx.ks.normalP)).toBeLessThan(1e-12);
    const rU = ksTest(f64(fx.ks.uniformSample), (u) => Math.min(1, Math.max(0, u)));
    expect(Math.abs(rU.statistic - fx.ks.uniformStatistic)).toBeLessThan(1e-15);
    expect(rel(rU.pValue, fx.ks.uniformP)).toBeLessThan(1e-12);
  });

  test('histogram counts match numpy.histogram; out-of-range values are tallied', () => {
    const h = new Histogram(-4, 4, 16).pushAll(fx.histogram.data);
    expect(Array.from(h.counts)).toEqual(fx.histogram.counts);
    expect(Array.from(h.edges())).toEqual(fx.histogram.edges);
    expect(h.above).toBe(1);
    expect(h.below).toBe(1);
    expect(h.total()).toBe(fx.histogram.data.length);
  });
});
