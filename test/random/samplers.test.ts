import { Rng, streams } from '../../src/random/rng';
import { normalTail, zigguratTables, ZIGGURAT_LAYERS, ZIGGURAT_R, ZIGGURAT_V } from '../../src/random/ziggurat';
import { normalCdf, normalSurvival } from '../../src/special/normal';
import { ksTest, ksTestNormal } from '../../src/stats/ks';
import { sampleMoments } from '../../src/stats/moments';
import { pearsonCorrelation } from '../../src/stats/correlation';

// Builtins bound once: global lookups are slow inside the test runner's sandbox.
const { abs, floor, min, max } = Math;

/**
 * Wilson–Hilferty normal approximation of a chi-square statistic with k degrees of freedom:
 * z = ((X/k)^{1/3} − (1 − 2/(9k))) / √(2/(9k)) is ≈ N(0, 1) under the null (accurate for k ≥ 3).
 */
function chiSquareZ(x: number, k: number): number {
  const c = 2 / (9 * k);
  return (Math.cbrt(x / k) - (1 - c)) / Math.sqrt(c);
}

/** Pearson chi-square statistic of observed counts against equal expected counts. */
function chiSquareUniform(counts: ArrayLike<number>, total: number): number {
  const e = total / counts.length;
  let x = 0;
  for (let k = 0; k < counts.length; k++) x += (counts[k] - e) ** 2 / e;
  return x;
}

// All bounds below are 5 standard errors (two-sided normal tail 5.7e-7 per check) unless noted;
// with fixed seeds the tests are deterministic, and a wrong sampler fails them by a wide margin.
const Z = 5;

describe('standard normals (256-layer ziggurat)', () => {
  const N = 1_000_000;
  const x = new Rng('normal-moments').fillNormal(new Float64Array(N));

  test('ziggurat tables: equal layer areas v and closure at x = 0', () => {
    const { x: w, f } = zigguratTables();
    expect(w[1]).toBe(ZIGGURAT_R);
    // base strip: rectangle [0, r] × [0, f(r)] plus the tail has area v by construction
    expect(Math.abs(w[0] * f[1] - ZIGGURAT_V)).toBeLessThan(1e-17);
    for (let i = 1; i < ZIGGURAT_LAYERS - 1; i++) {
      expect(Math.abs(w[i] * (f[i + 1] - f[i]) - ZIGGURAT_V) / ZIGGURAT_V).toBeLessThan(1e-12);
    }
    // the top layer closes at the mode: v/x[255] + f(x[255]) = f(0) = 1
    const top = ZIGGURAT_LAYERS - 1;
    expect(Math.abs(ZIGGURAT_V / w[top] + f[top] - 1)).toBeLessThan(1e-12);
  });

  test('mean, variance, skewness, excess kurtosis within 5 standard errors at n = 1e6', () => {
    const m = sampleMoments(x);
    expect(Math.abs(m.mean)).toBeLessThan(Z * Math.sqrt(1 / N));
    expect(Math.abs(m.variance - 1)).toBeLessThan(Z * Math.sqrt(2 / (N - 1)));
    expect(Math.abs(m.skewness)).toBeLessThan(Z * Math.sqrt(6 / N));
    expect(Math.abs(m.excessKurtosis)).toBeLessThan(Z * Math.sqrt(24 / N));
  });

  test('Kolmogorov–Smirnov against Phi at n = 3e5 (p > 0.001) and D below its 0.1% critical value', () => {
    const n = 300_000;
    const r = ksTestNormal(x.subarray(0, n));
    expect(r.pValue).toBeGreaterThan(1e-3);
    expect(r.statistic).toBeLessThan(1.9495 / Math.sqrt(n)); // Q(1.9495) = 0.001
  });

  test('chi-square on 1000 equiprobable bins (resolves the 256 layers and their wedges)', () => {
    const bins = 1000;
    const counts = new Float64Array(bins);
    for (let i = 0; i < N; i++) counts[min(bins - 1, floor(normalCdf(x[i]) * bins))]++;
    expect(Math.abs(chiSquareZ(chiSquareUniform(counts, N), bins - 1))).toBeLessThan(Z);
  });

  test('tail frequencies P(|Z| > t), t = 2, 3, r, 4, 4.5, match 2Q(t) at n = 4e6; symmetric signs', () => {
    const n = 4_000_000;
    const rng = new Rng('normal-tails');
    const thresholds = [2, 3, ZIGGURAT_R, 4, 4.5];
    const counts = new Float64Array(thresholds.length);
    let positive = 0;
    const beyondR: number[] = [];
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      if (z > 0) positive++;
      const a = abs(z);
      for (let k = 0; k < thresholds.length; k++) if (a > thresholds[k]) counts[k]++;
      if (a > ZIGGURAT_R) beyondR.push(a);
    }
    thresholds.forEach((t, k) => {
      const p = 2 * normalSurvival(t);
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(counts[k] - n * p)).toBeLessThan(Z * sd + 1);
    });
    expect(Math.abs(positive - n / 2)).toBeLessThan(Z * Math.sqrt(n / 4));
    // the conditional law of |Z| beyond r (produced by the tail sampler) is exact
    const qr = normalSurvival(ZIGGURAT_R);
    const tail = ksTest(Float64Array.from(beyondR), (a) => 1 - normalSurvival(a) / qr);
    expect(beyondR.length).toBeGreaterThan(800);
    expect(tail.pValue).toBeGreaterThan(1e-3);
  });

  test('Marsaglia tail sampler: Z | Z > r, KS at n = 1e5 and never below r', () => {
    const rng = new Rng('tail');
    const t = new Float64Array(100_000);
    for (let i = 0; i < t.length; i++) t[i] = normalTail(rng, ZIGGURAT_R);
    expect(Math.min(...t)).toBeGreaterThan(ZIGGURAT_R);
    const qr = normalSurvival(ZIGGURAT_R);
    expect(ksTest(t, (a) => 1 - normalSurvival(a) / qr).pValue).toBeGreaterThan(1e-3);
  });
});

describe('uniform doubles', () => {
  const N = 500_000;
  const u = new Rng('uniform').fillUniform(new Float64Array(N));

  test('range [0, 1), values on the 2^-53 grid, each of the 53 bits fair', () => {
    const ones = new Float64Array(53);
    let lo = 1;
    let hi = 0;
    let offGrid = 0;
    for (let i = 0; i < N; i++) {
      const k = u[i] * 2 ** 53;
      if (floor(k) !== k) offGrid++;
      lo = min(lo, u[i]);
      hi = max(hi, u[i]);
      // bit b of k: 32 low bits and 21 high bits separately (exact integer arithmetic)
      const low = k % 4294967296;
      const high = (k - low) / 4294967296;
      for (let b = 0; b < 32; b++) ones[b] += (low >>> b) & 1;
      for (let b = 0; b < 21; b++) ones[32 + b] += (high >>> b) & 1;
    }
    expect(offGrid).toBe(0);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    for (let b = 0; b < 53; b++) expect(Math.abs(ones[b] / N - 0.5)).toBeLessThan(Z * Math.sqrt(0.25 / N));
  });

  test('KS against U[0,1) (n = 2e5) and chi-square on 1000 bins (n = 5e5)', () => {
    expect(ksTest(u.subarray(0, 200_000), (v) => v).pValue).toBeGreaterThan(1e-3);
    const counts = new Float64Array(1000);
    for (let i = 0; i < N; i++) counts[floor(u[i] * 1000)]++;
    expect(Math.abs(chiSquareZ(chiSquareUniform(counts, N), 999))).toBeLessThan(Z);
  });

  test('open variants exclude their endpoints', () => {
    const rng = new Rng(3);
    let bad = 0;
    for (let i = 0; i < 10000; i++) {
      const a = rng.uniformOpen();
      const b = rng.uniformOpenClosed();
      if (!(a > 0 && a < 1 && b > 0 && b <= 1)) bad++;
    }
    expect(bad).toBe(0);
  });
});

describe('unbiased integers', () => {
  test.each([2, 3, 6, 7, 10, 1000])('chi-square of integer(%i)', (n) => {
    const rng = new Rng(`int-${n}`);
    const total = 200 * Math.max(n, 50);
    const counts = new Float64Array(n);
    for (let i = 0; i < total; i++) counts[rng.integer(n)]++;
    const stat = chiSquareUniform(counts, total);
    if (n >= 3) expect(Math.abs(chiSquareZ(stat, n - 1))).toBeLessThan(Z);
    else expect(stat).toBeLessThan(Z * Z); // 1 degree of freedom: stat = z²
  });

  test('no modulo bias for n = 3·2^30 (32-bit path) and n = 3·2^51 (53-bit path)', () => {
    // x mod n with x uniform on [0, 2^w) and n = 3·2^(w−2) would put 1/2 of the mass below n/3
    // instead of 1/3; rejection must give 1/3.
    for (const [n, third] of [[3 * 2 ** 30, 2 ** 30], [3 * 2 ** 51, 2 ** 51]]) {
      const rng = new Rng(n);
      const total = 30000;
      let below = 0;
      for (let i = 0; i < total; i++) if (rng.integer(n) < third) below++;
      expect(Math.abs(below / total - 1 / 3)).toBeLessThan(Z * Math.sqrt(2 / 9 / total));
    }
  });
});

describe('independent streams', () => {
  test('pairwise correlations of 16 streams are consistent with independence', () => {
    const K = 16;
    const N = 20000;
    const it = streams('streams');
    const data = Array.from({ length: K }, () => (it.next().value as Rng).fillNormal(new Float64Array(N)));
    let sumSquares = 0;
    let maxAbs = 0;
    for (let a = 0; a < K; a++) {
      for (let b = a + 1; b < K; b++) {
        const r = pearsonCorrelation(data[a], data[b]);
        maxAbs = Math.max(maxAbs, Math.abs(r));
        sumSquares += (N - 1) * r * r; // each ≈ chi-square(1) under independence
      }
    }
    const pairs = (K * (K - 1)) / 2;
    // sd(r) = 1/√(N−1) for independent normal pairs; 5 sd bounds every pair (family-wise < 1e-4)
    expect(maxAbs).toBeLessThan(Z / Math.sqrt(N - 1));
    expect(Math.abs(chiSquareZ(sumSquares, pairs))).toBeLessThan(Z);
  });

  test('adjacent streams are uncorrelated at lags -2..2 (uniform outputs)', () => {
    const N = 50000;
    const a = Rng.stream(11, 4).fillUniform(new Float64Array(N + 4));
    const b = Rng.stream(11, 5).fillUniform(new Float64Array(N + 4));
    for (let lag = -2; lag <= 2; lag++) {
      const r = pearsonCorrelation(a.subarray(2, 2 + N), b.subarray(2 + lag, 2 + lag + N));
      expect(Math.abs(r)).toBeLessThan(Z / Math.sqrt(N - 1));
    }
  });
});
