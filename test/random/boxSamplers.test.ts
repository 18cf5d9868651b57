import { Rng, sampleBox, sampleBoxMixture, sampleBoxSide } from '../../src/random/index';

describe('resampling samplers (thesis B.4)', () => {
  test('uniform in a box: inside, mean and variance of U(lo, hi), reproducible by seed', () => {
    const x = sampleBox(new Rng(1), { lo: [0, -2], hi: [30, 2] }, 20000);
    let m0 = 0, m1 = 0, v0 = 0, outside = 0;
    for (let i = 0; i < 20000; i++) {
      if (!(x[2 * i] >= 0 && x[2 * i] < 30 && x[2 * i + 1] >= -2 && x[2 * i + 1] < 2)) outside++;
      m0 += x[2 * i] / 20000;
      m1 += x[2 * i + 1] / 20000;
    }
    expect(outside).toBe(0);
    for (let i = 0; i < 20000; i++) v0 += (x[2 * i] - m0) ** 2 / 20000;
    expect(Math.abs(m0 - 15)).toBeLessThan(4 * Math.sqrt(75 / 20000));
    expect(Math.abs(m1)).toBeLessThan(4 * Math.sqrt(4 / 3 / 20000));
    expect(Math.abs(v0 - 75) / 75).toBeLessThan(0.05);
    expect(Array.from(sampleBox(new Rng(1), { lo: [0, -2], hi: [30, 2] }, 3))).toEqual(Array.from(x.subarray(0, 6)));
  });

  test('mixture of boxes: the fraction in the small box matches ½ + ½·(5/30)²', () => {
    const n = 40000;
    const x = sampleBoxMixture(new Rng(2), [{ lo: [0, 0], hi: [30, 30] }, { lo: [0, 0], hi: [5, 5] }], [1, 1], n);
    let inside = 0;
    for (let i = 0; i < n; i++) if (x[2 * i] < 5 && x[2 * i + 1] < 5) inside++;
    const p = 0.5 + 0.5 / 36;
    expect(Math.abs(inside / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });

  test('sides: the fixed coordinate is exact, the other uniform', () => {
    const x = sampleBoxSide(new Rng(3), { lo: [0, 0], hi: [30, 30] }, 1, 'hi', 1000);
    let bad = 0;
    for (let i = 0; i < 1000; i++) if (x[2 * i + 1] !== 30 || !(x[2 * i] >= 0 && x[2 * i] < 30)) bad++;
    expect(bad).toBe(0);
    expect(sampleBoxSide(new Rng(3), { lo: [0, 0], hi: [30, 30] }, 0, 'lo', 5)[0]).toBe(0);
  });

  test('bad input throws by name', () => {
    expect(() => sampleBox(new Rng(1), { lo: [0], hi: [-1] }, 3)).toThrow(/box\.hi\[0\]/);
    expect(() => sampleBox(new Rng(1), { lo: [0], hi: [1] }, 0)).toThrow(/n/);
    expect(() => sampleBoxMixture(new Rng(1), [{ lo: [0], hi: [1] }], [1, 2], 3)).toThrow(/weights/);
    expect(() => sampleBoxSide(new Rng(1), { lo: [0], hi: [1] }, 1, 'hi', 3)).toThrow(/axis/);
  });
});
