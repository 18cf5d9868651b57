import { odeProblem } from '../../src/time/problem';
import { dopri5 } from '../../src/time/dopri5';
import { rk4 } from '../../src/time/explicitRk';
import { brentRoot } from '../../src/time/events';
import { solve } from '../../src/time/solve';
import { InvalidArgumentError } from '../../src/core/errors';

const g = 9.81;

describe('events', () => {
  test('bouncing ball: terminal ground contact located to round-off, three bounces restarted from the event state', () => {
    // height h' = v, v' = −g; between bounces the solution is quadratic, so DOPRI5 steps and its
    // dense output are exact and the contact time is limited only by round-off.
    const restitution = 0.8;
    let t0 = 0;
    let h0 = 10;
    let v0 = 3;
    for (let bounce = 0; bounce < 3; bounce++) {
      const prob = odeProblem({ rhs(_t, y, dy) { dy[0] = y[1]; dy[1] = -g; }, y0: [h0, v0], tspan: [t0, t0 + 20] });
      const sol = solve(prob, dopri5({ rtol: 1e-6, atol: 1e-6 }), {
        events: [{ fn: (_t, y) => y[0], direction: -1, terminal: true }],
      });
      const contact = t0 + (v0 + Math.sqrt(v0 * v0 + 2 * g * h0)) / g;
      expect(sol.status).toBe('success');
      expect(sol.events).toHaveLength(1);
      const hit = sol.events[0];
      expect(hit.terminal).toBe(true);
      expect(Math.abs(hit.t - contact)).toBeLessThan(1e-13 * contact);
      expect(Math.abs(hit.y[0])).toBeLessThan(1e-12);
      expect(sol.tFinal).toBe(hit.t);
      expect(sol.t[sol.t.length - 1]).toBe(hit.t);
      const vContact = v0 - g * (contact - t0);
      expect(Math.abs(hit.y[1] - vContact)).toBeLessThan(1e-12 * Math.abs(vContact));
      t0 = hit.t;
      h0 = 0;
      v0 = -restitution * hit.y[1];
    }
  });

  test('non-terminal zero crossings of sin t with direction filters, accurate to the tolerance', () => {
    const prob = odeProblem({ rhs(t, _y, dy) { dy[0] = Math.cos(t); }, y0: [0], tspan: [0, 10] });
    const sol = solve(prob, dopri5({ rtol: 1e-12, atol: 1e-12 }), {
      events: [{ fn: (_t, y) => y[0] }, { fn: (_t, y) => y[0], direction: 1 }, { fn: (_t, y) => y[0], direction: -1 }],
    });
    expect(sol.status).toBe('success');
    expect(sol.tFinal).toBe(10);
    const times = (k: number) => sol.events.filter((e) => e.index === k).map((e) => e.t);
    const expectClose = (got: number[], want: number[]) => {
      expect(got).toHaveLength(want.length);
      got.forEach((t, i) => expect(Math.abs(t - want[i])).toBeLessThan(1e-10));
    };
    expectClose(times(0), [Math.PI, 2 * Math.PI, 3 * Math.PI]);
    expectClose(times(1), [2 * Math.PI]);
    expectClose(times(2), [Math.PI, 3 * Math.PI]);
    for (let k = 1; k < sol.events.length; k++) expect(sol.events[k].t).toBeGreaterThanOrEqual(sol.events[k - 1].t);
  });

  test('events with a fixed-step method use the Hermite interpolant (error O(dt⁴))', () => {
    const prob = odeProblem({ rhs(_t, y, dy) { dy[0] = y[1]; dy[1] = -y[0]; }, y0: [1, 0], tspan: [0, 4] });
    const errs = [0.1, 0.05].map((dt) => {
      const sol = solve(prob, rk4({ dt }), { events: [{ fn: (_t, y) => y[0], terminal: true }] });
      expect(sol.events).toHaveLength(1);
      return Math.abs(sol.events[0].t - Math.PI / 2);
    });
    expect(errs[1]).toBeLessThan(1e-7);
    expect(Math.log2(errs[0] / errs[1])).toBeGreaterThan(3.5);
  });

  test('a terminal event cuts saveAt output at the event', () => {
    const prob = odeProblem({ rhs(_t, _y, dy) { dy[0] = 1; }, y0: [0], tspan: [0, 10] });
    const sol = solve(prob, dopri5(), { saveAt: [1, 2, 3, 4, 5], events: [{ fn: (_t, y) => y[0] - 2.5, terminal: true }] });
    expect(Array.from(sol.t)).toEqual([1, 2, sol.events[0].t]);
    expect(Math.abs(sol.events[0].t - 2.5)).toBeLessThan(1e-14);
  });

  test('brentRoot: converges to round-off and refuses a non-bracketing interval', () => {
    let calls = 0;
    const root = brentRoot((x) => { calls++; return x * x * x - 2; }, 0, 2, -2, 6, 0);
    expect(Math.abs(root - Math.cbrt(2))).toBeLessThan(4e-16);
    expect(calls).toBeLessThan(20);
    expect(() => brentRoot((x) => x * x + 1, -1, 1, 2, 2, 0)).toThrow(InvalidArgumentError);
  });
});
