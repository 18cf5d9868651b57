import { logLogSlope } from '../../src/stats/powerLaw';

describe('logLogSlope', () => {
  test('recovers exact power laws and least-squares slopes', () => {
    const h = [0.1, 0.05, 0.025, 0.0125];
    expect(logLogSlope(h, h.map((x) => 3 * x ** 4))).toBeCloseTo(4, 12);
    expect(logLogSlope([10, 20, 40], [1, 0.25, 0.0625])).toBeCloseTo(-2, 12);
    const x = [1, Math.E, Math.E ** 2];
    const y = [1, Math.E ** 2, Math.E ** 3]; // log y = 0, 2, 3 against 0, 1, 2: slope 1.5
    expect(logLogSlope(x, y)).toBeCloseTo(1.5, 12);
  });

  test('rejects bad input before any work', () => {
    expect(() => logLogSlope([1], [1])).toThrow(RangeError);
    expect(() => logLogSlope([1, 2], [1, 0])).toThrow('(x[1], y[1]) must be finite and > 0');
    expect(() => logLogSlope([2, 2], [1, 3])).toThrow(RangeError);
  });
});
