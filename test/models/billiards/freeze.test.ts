/** The freeze detector T(f) (spec §4.5) on series with exactly known crossings. */
import { freezeTime } from '../../../src/models/billiards/freeze';
import { InvalidArgumentError, InvalidTypeError } from '../../../src/core/errors';

/** s(t) = t·e^{−t}: peak at t = 1 (value 1/e); T(f) solves t·e^{−t} = f/e for t > 1. */
function exactCrossing(f: number): number {
  let lo = 1;
  let hi = 40;
  for (let k = 0; k < 200; k++) {
    const mid = 0.5 * (lo + hi);
    if (mid * Math.exp(-mid) > f / Math.E) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

function sampled(m: number, tMax: number): { t: Float64Array; s: Float64Array } {
  const t = new Float64Array(m).map((_, i) => (i * tMax) / (m - 1));
  return { t, s: t.map((x) => x * Math.exp(-x)) };
}

describe('freezeTime', () => {
  it('locates the crossing after the peak within the linear-interpolation bound Δt²·|s″|/(8|s′|)', () => {
    // here |s″/s′| = (t − 2)/(t − 1) < 1 after the peak, so the error is at most Δt²/8
    for (const f of [0.1, 0.01, 0.001]) {
      const exact = exactCrossing(f);
      for (const m of [201, 401, 801]) {
        const { t, s } = sampled(m, 20);
        const dt = 20 / (m - 1);
        const r = freezeTime(t, s, { fraction: f });
        expect(r.status).toBe('frozen');
        expect(Math.abs(r.peakTime - 1)).toBeLessThanOrEqual(dt);
        expect(r.level).toBe(f * r.peakValue);
        expect(Math.abs(r.time! - exact)).toBeLessThanOrEqual((dt * dt) / 8);
      }
    }
  });

  it('ignores values below the level before the peak and defaults to f = 0.01', () => {
    const { t, s } = sampled(401, 20);
    const r = freezeTime(t, s);
    expect(r.fraction).toBe(0.01);
    expect(r.time!).toBeGreaterThan(1); // s(0) = 0 < level does not count
  });

  it('reports no freeze (not an error) when the series stays above the level after its peak', () => {
    const t = new Float64Array(100).map((_, i) => i);
    const plateau = t.map((x) => 1 - 0.5 * Math.exp(-x)); // relaxes to a plateau
    const r = freezeTime(t, plateau);
    expect(r.status).toBe('noFreeze');
    expect(r.time).toBeNull();
    expect(r.index).toBe(-1);
  });

  it('rejects bad input by name', () => {
    const t = [0, 1, 2];
    expect(() => freezeTime(t, [1, 2])).toThrow(InvalidTypeError);
    expect(() => freezeTime([0], [1])).toThrow(InvalidArgumentError);
    expect(() => freezeTime([0, 2, 1], [1, 2, 3])).toThrow(InvalidArgumentError);
    expect(() => freezeTime(t, [1, NaN, 0])).toThrow(InvalidArgumentError);
    expect(() => freezeTime(t, [1, 2, 0], { fraction: 0 })).toThrow(InvalidArgumentError);
    expect(() => freezeTime(t, [1, 2, 0], { fraction: 1.5 })).toThrow(InvalidArgumentError);
  });
});
