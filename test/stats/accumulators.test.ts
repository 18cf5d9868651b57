import { Rng } from '../../src/random/rng';
import { fsum } from '../../src/stats/fsum';
import { WelfordAccumulator } from '../../src/stats/welford';
import { VectorWelfordAccumulator } from '../../src/stats/vectorWelford';
import { sampleMoments } from '../../src/stats/moments';
import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';

const N = 100_000;
const CHUNKS = [0, 13, 5000, 5001, 33333, 90000, N]; // uneven worker partitions, one of size 1

/** 1e8 + N(0, 1) noise, with an exactly computed reference variance (fsum on exact deviations). */
function offsetData(offset: number): { x: Float64Array; mean: number; variance: number } {
  const rng = new Rng('offset-data');
  const x = new Float64Array(N);
  for (let i = 0; i < N; i++) x[i] = offset + rng.normal();
  const m = fsum(x) / N;
  const d = new Float64Array(N);
  const d2 = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    d[i] = x[i] - m; // exact (Sterbenz)
    d2[i] = d[i] * d[i];
  }
  const sd = fsum(d); // exact Σ(x − m): corrects for the rounding of m
  return { x, mean: m + sd / N, variance: (fsum(d2) - (sd * sd) / N) / (N - 1) };
}

describe('Welford/Chan accumulators', () => {
  test.each([0, 1e8])('offset %d: single pass, merged partitions and the two-pass moments agree to 1e-13', (offset) => {
    const { x, mean, variance } = offsetData(offset);
    const single = new WelfordAccumulator();
    for (let i = 0; i < N; i++) single.push(x[i]);
    const merged = new WelfordAccumulator();
    const mergedVec = new VectorWelfordAccumulator(1);
    for (let p = 0; p + 1 < CHUNKS.length; p++) {
      const part = new WelfordAccumulator();
      const partVec = new VectorWelfordAccumulator(1);
      for (let i = CHUNKS[p]; i < CHUNKS[p + 1]; i++) {
        part.push(x[i]);
        partVec.push(x, 1, i);
      }
      // partials travel between workers as JSON
      merged.merge(WelfordAccumulator.fromJSON(JSON.parse(JSON.stringify(part))));
      mergedVec.merge(VectorWelfordAccumulator.fromJSON(JSON.parse(JSON.stringify(partVec))));
    }
    const two = sampleMoments(x);
    expect(merged.count).toBe(N);
    expect(Math.abs(merged.variance() / single.variance() - 1)).toBeLessThan(1e-13);
    expect(Math.abs(single.variance() / variance - 1)).toBeLessThan(1e-13);
    expect(Math.abs(merged.variance() / variance - 1)).toBeLessThan(1e-13);
    expect(Math.abs(mergedVec.variance()[0] / variance - 1)).toBeLessThan(1e-13);
    expect(Math.abs(two.variance / variance - 1)).toBeLessThan(1e-13);
    // |error of the mean| <= 2 ulp(offset) (representation) + O(10ε)·σ (accumulation), σ = 1 here
    expect(Math.abs(merged.mean() - mean)).toBeLessThanOrEqual(2 * Number.EPSILON * offset + 1e-14);
    // higher moments: merged vs single pass vs two-pass (skewness, kurtosis are O(1) here)
    expect(Math.abs(merged.skewness() - single.skewness())).toBeLessThan(1e-12);
    expect(Math.abs(merged.excessKurtosis() - single.excessKurtosis())).toBeLessThan(1e-12);
    expect(Math.abs(merged.skewness() - two.skewness)).toBeLessThan(1e-12);
    expect(Math.abs(merged.excessKurtosis() - two.excessKurtosis)).toBeLessThan(1e-12);
  });

  test('the textbook (Σx² − (Σx)²/n)/(n − 1) fails for 1e8 + N(0, 1) data', () => {
    const { x, variance } = offsetData(1e8);
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < N; i++) {
      s += x[i];
      s2 += x[i] * x[i];
    }
    const naive = (s2 - (s * s) / N) / (N - 1);
    expect(Math.abs(naive / variance - 1)).toBeGreaterThan(1); // not a single correct digit
  });

  test('vector accumulator: per-component results equal the scalar ones; strided push; JSON round trip', () => {
    const rng = new Rng(4);
    const d = 3;
    const J = 500;
    const data = new Float64Array(J * d); // row-major J×d; component c has offset 10^(3c)
    for (let j = 0; j < J; j++) for (let c = 0; c < d; c++) data[j * d + c] = 10 ** (3 * c) + rng.normal() * (c + 1);
    const vec = new VectorWelfordAccumulator(d);
    for (let j = 0; j < J; j++) vec.push(data, 1, j * d);
    const byColumn = new VectorWelfordAccumulator(J); // the transposed view: stride d
    for (let c = 0; c < d; c++) byColumn.push(data, d, c);
    expect(byColumn.count).toBe(d);
    for (let c = 0; c < d; c++) {
      const s = new WelfordAccumulator();
      for (let j = 0; j < J; j++) s.push(data[j * d + c]);
      expect(vec.mean()[c]).toBeCloseTo(s.mean(), 12);
      expect(Math.abs(vec.variance(undefined, 0)[c] / s.variance(0) - 1)).toBeLessThan(1e-14);
    }
    const copy = VectorWelfordAccumulator.fromJSON(JSON.parse(JSON.stringify(vec)));
    expect(copy.variance()).toEqual(vec.variance());
    expect(copy.mean()).toEqual(vec.mean());
  });

  test('edge cases and argument checks', () => {
    const a = new WelfordAccumulator();
    expect(a.mean()).toBeNaN();
    a.push(3);
    expect(a.variance()).toBeNaN(); // count <= ddof
    expect(a.variance(0)).toBe(0);
    expect(new WelfordAccumulator().merge(a).mean()).toBe(3);
    expect(() => a.variance(-1)).toThrow(InvalidArgumentError);
    expect(() => new VectorWelfordAccumulator(0)).toThrow(InvalidArgumentError);
    const v = new VectorWelfordAccumulator(2);
    expect(() => v.push(new Float64Array(1))).toThrow(InvalidArgumentError);
    expect(() => v.merge(new VectorWelfordAccumulator(3))).toThrow(InvalidTypeError);
    expect(() => WelfordAccumulator.fromJSON({ count: -1 } as never)).toThrow(InvalidArgumentError);
  });
});
