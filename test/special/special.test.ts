import { readFileSync } from 'fs';
import { join } from 'path';
import { erf, erfc, erfcx } from '../../src/special/erf';
import { normalCdf, normalPdf, normalQuantile, normalSurvival } from '../../src/special/normal';
import { gamma, logGamma } from '../../src/special/gamma';
import { kolmogorovCdf, kolmogorovSurvival } from '../../src/special/kolmogorov';
import { InvalidArgumentError } from '../../src/core/errors';

type Table = [number, number][];
const fixture = JSON.parse(readFileSync(join(__dirname, '../fixtures/special/special.json'), 'utf8')) as Record<string, Table>;
const ULP = 2 ** -52;

/** Largest relative error in units of 2^-52 over a fixture table (exact zeros must be exact). */
function maxUlps(f: (x: number) => number, table: Table, keep: (x: number) => boolean = () => true): number {
  let worst = 0;
  for (const [x, ref] of table) {
    if (!keep(x)) continue;
    const v = f(x);
    if (ref === 0) {
      if (v !== 0) return Infinity;
      continue;
    }
    const e = Math.abs(v - ref) / Math.abs(ref) / ULP;
    if (!(e <= worst)) worst = e; // NaN propagates as a failure
  }
  return worst;
}

describe('accuracy against 30-digit mpmath values (fixture)', () => {
  test('fixture is dense and covers the tails', () => {
    expect(fixture.erfc.length).toBeGreaterThan(1000);
    expect(Math.max(...fixture.erfc.map(([x]) => x))).toBeGreaterThan(27);
    expect(Math.min(...fixture.normalCdf.map(([x]) => x))).toBeLessThanOrEqual(-37.5);
    expect(Math.min(...fixture.normalQuantile.map(([p]) => p))).toBe(5e-324);
  });
  test('erf: max relative error <= 1 ulp on [-6.5, 6.5] and tiny arguments', () => {
    expect(maxUlps(erf, fixture.erf)).toBeLessThanOrEqual(1);
  });
  test('erfc: <= 2 ulps relative, including the far right tail up to x = 27.2', () => {
    expect(maxUlps(erfc, fixture.erfc)).toBeLessThanOrEqual(2);
    expect(maxUlps(erfc, fixture.erfc, (x) => x > 20)).toBeLessThanOrEqual(2);
  });
  test('erfcx: <= 2.5 ulps relative on [-26.5, 1e300]', () => {
    expect(maxUlps(erfcx, fixture.erfcx)).toBeLessThanOrEqual(2.5);
  });
  test('normal pdf / cdf: <= 2 / <= 3 ulps relative, lower tail down to x = -37.5', () => {
    expect(maxUlps(normalPdf, fixture.normalPdf)).toBeLessThanOrEqual(2);
    expect(maxUlps(normalCdf, fixture.normalCdf)).toBeLessThanOrEqual(3);
    expect(maxUlps(normalCdf, fixture.normalCdf, (x) => x < -20)).toBeLessThanOrEqual(3);
  });
  test('normal quantile: <= 2 ulps relative for p in [5e-324, 1 - 1e-16]', () => {
    expect(maxUlps(normalQuantile, fixture.normalQuantile)).toBeLessThanOrEqual(2);
  });
  test('normal quantile below 1e-300 and at subnormal p (log-space Newton): <= 2 ulps relative', () => {
    // Acklam plus a Halley step alone left 1.8e-9 relative error at p = 5e-324
    expect(maxUlps(normalQuantile, fixture.normalQuantile, (p) => p < 1e-300)).toBeLessThanOrEqual(2);
    expect(fixture.normalQuantile.filter(([p]) => p < 2.2250738585072014e-308).length).toBeGreaterThanOrEqual(6);
  });
  test('gamma: <= 3 ulps relative on [-170.5, 171.5]', () => {
    expect(maxUlps(gamma, fixture.gamma)).toBeLessThanOrEqual(3);
  });
  test('logGamma: <= 2 ulps relative for x > 0 (exact zeros at 1 and 2); <= 2 ulps of max(1,|value|) for x < 0', () => {
    expect(maxUlps(logGamma, fixture.logGamma, (x) => x > 0)).toBeLessThanOrEqual(2);
    let worst = 0;
    for (const [x, ref] of fixture.logGamma) {
      if (x > 0) continue;
      worst = Math.max(worst, Math.abs(logGamma(x) - ref) / Math.max(1, Math.abs(ref)) / ULP);
    }
    expect(worst).toBeLessThanOrEqual(2);
  });
  test('Kolmogorov distribution: relative error <= 1e-13 on [0.05, 6]', () => {
    expect(maxUlps(kolmogorovSurvival, fixture.kolmogorovSurvival) * ULP).toBeLessThanOrEqual(1e-13);
    expect(maxUlps(kolmogorovCdf, fixture.kolmogorovCdf) * ULP).toBeLessThanOrEqual(1e-13);
  });
});

describe('known values and identities', () => {
  test('published double-precision values of erf (billiards spec)', () => {
    expect(erf(0.5)).toBe(0.5204998778130465);
    expect(erf(1)).toBe(0.8427007929497149);
    expect(erf(2)).toBe(0.9953222650189527);
  });
  test('symmetries are exact: erf odd, erfc(-x) = 2 - erfc(x), Q(x) = Phi(-x)', () => {
    for (let x = -7; x <= 7; x += 0.173) {
      expect(erf(-x)).toBe(-erf(x));
      expect(normalSurvival(x)).toBe(normalCdf(-x));
    }
  });
  test('erf + erfc = 1 and Phi(x) + Phi(-x) = 1 to round-off', () => {
    for (let x = -6; x <= 6; x += 0.0371) {
      expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThanOrEqual(2 * ULP);
      expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThanOrEqual(2 * ULP);
    }
  });
  test('erfcx joins continuously across its branch points 1.25 and 28', () => {
    for (const b of [1.25, 28]) {
      const lo = erfcx(b * (1 - 4 * ULP));
      const hi = erfcx(b);
      // d log erfcx / d log x is about -1 there, so a 4-ulp step in x moves erfcx by about 4 ulps
      expect(Math.abs(lo / hi - 1)).toBeLessThanOrEqual(10 * ULP);
    }
  });
  test('quantile round trip: PhiInv(Phi(x)) = x to a few ulps, far lower tail included', () => {
    // PhiInv is well conditioned in the tail (relative condition number ~1/x^2), so the round trip
    // in this direction must be tight; the reverse direction amplifies by ~x^2 and proves nothing.
    for (let x = -37.3; x < -0.5; x += 0.61) {
      expect(Math.abs(normalQuantile(normalCdf(x)) / x - 1)).toBeLessThanOrEqual(4 * ULP);
    }
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(0.5)).toBe(0);
  });
  test('gamma recurrence Gamma(x+1) = x Gamma(x) and exact factorials', () => {
    let f = 1;
    for (let n = 1; n <= 23; n++) {
      expect(gamma(n)).toBe(f);
      f *= n;
    }
    expect(gamma(0.5)).toBeCloseTo(Math.sqrt(Math.PI), 15);
    for (let x = 0.013; x < 150; x *= 1.37) {
      expect(Math.abs(gamma(x + 1) / (x * gamma(x)) - 1)).toBeLessThanOrEqual(8 * ULP);
    }
  });
  test('non-finite inputs and poles follow IEEE conventions', () => {
    expect(erf(NaN)).toBeNaN();
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erfcx(Infinity)).toBe(0);
    expect(erfcx(-30)).toBe(Infinity);
    expect(gamma(0)).toBe(Infinity);
    expect(gamma(-0)).toBe(-Infinity);
    expect(gamma(-3)).toBeNaN();
    expect(logGamma(-3)).toBe(Infinity);
    expect(gamma(172)).toBe(Infinity);
  });
  test('invalid arguments throw before any work', () => {
    expect(() => normalQuantile(1.5)).toThrow(InvalidArgumentError);
    expect(() => normalQuantile(NaN)).toThrow(/p must be/);
    expect(() => kolmogorovSurvival(NaN)).toThrow(InvalidArgumentError);
  });
});
