import { Rng } from '../../src/random/rng';
import { uniformAngleCosSin, wordToSymmetricUnit } from '../../src/random/diskAngle';
import { ksTest } from '../../src/stats/ks';

const TWO_PI = 2 * Math.PI;

describe('uniformAngleCosSin (disk rejection + angle doubling)', () => {
  const N = 200_000;
  const rng = new Rng('disk-angle');
  const phi = new Float64Array(N);
  const cs = new Float64Array(2);
  let worstNorm = 0;
  let words = 0;
  const counting = { nextUint32: () => (words++, rng.nextUint32()) };
  for (let k = 0; k < N; k++) {
    uniformAngleCosSin(counting, cs);
    worstNorm = Math.max(worstNorm, Math.abs(cs[0] * cs[0] + cs[1] * cs[1] - 1));
    const a = Math.atan2(cs[1], cs[0]);
    phi[k] = a < 0 ? a + TWO_PI : a;
  }

  test('returns a point on the unit circle to a few ulps', () => {
    expect(worstNorm).toBeLessThan(1e-15);
  });

  test('the angle is uniform on [0, 2π): KS at the 1% level', () => {
    const r = ksTest(phi, (x) => Math.min(1, Math.max(0, x / TWO_PI)));
    expect(r.pValue).toBeGreaterThan(0.01);
  });

  test('words per angle ≈ 8/π: the acceptance probability is π/4 (5 standard errors)', () => {
    // trials per angle are geometric with p = π/4: mean 1/p, variance (1 − p)/p²; two words per trial
    const p = Math.PI / 4;
    const se = (2 * Math.sqrt((1 - p) / (p * p))) / Math.sqrt(N);
    expect(Math.abs(words / N - 2 / p)).toBeLessThan(5 * se);
  });

  test('consumes exactly the same words as a reference written with the public Rng', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const out = new Float64Array(4);
    for (let k = 0; k < 1000; k++) {
      uniformAngleCosSin(a, out, 2);
      let x: number;
      let y: number;
      do {
        x = wordToSymmetricUnit(b.nextUint32());
        y = wordToSymmetricUnit(b.nextUint32());
      } while (x * x + y * y >= 1);
      const inv = 1 / (x * x + y * y);
      expect(out[2]).toBe((x * x - y * y) * inv);
      expect(out[3]).toBe(2 * x * y * inv);
    }
    expect(a.nextUint32()).toBe(b.nextUint32());
  });

  test('wordToSymmetricUnit maps 32-bit words into (−1, 1), symmetrically', () => {
    expect(wordToSymmetricUnit(0)).toBe(-1 + 2 ** -32);
    expect(wordToSymmetricUnit(0xffffffff)).toBe(1 - 2 ** -32);
    expect(wordToSymmetricUnit(0x80000000)).toBe(-wordToSymmetricUnit(0x7fffffff));
  });
});
