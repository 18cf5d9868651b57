import { odeProblem } from '../../src/time/problem';
import { rk4, sspRk3 } from '../../src/time/explicitRk';
import { init } from '../../src/time/integrator';
import { solve } from '../../src/time/solve';
import { observedOrder } from './testRandom';

// y' = -2t y², y(0) = 1  =>  y = 1/(1 + t²)
const riccati = odeProblem({ rhs(t, y, dy) { dy[0] = -2 * t * y[0] * y[0]; }, y0: [1], tspan: [0, 3] });
const riccatiExact = (t: number) => 1 / (1 + t * t);

// Harmonic oscillator y'' = -y: y = (cos t, -sin t); the energy is an invariant of the flow.
const oscillator = odeProblem({ rhs(t, y, dy) { dy[0] = y[1]; dy[1] = -y[0]; }, y0: [1, 0], tspan: [0, 5] });

function finalError(alg: ReturnType<typeof rk4>): number {
  const sol = solve(riccati, alg);
  expect(sol.status).toBe('success');
  expect(sol.t[sol.t.length - 1]).toBe(3);
  return Math.abs(sol.y[sol.y.length - 1] - riccatiExact(3));
}

describe('fixed-step explicit Runge–Kutta', () => {
  const steps = [24, 48, 96, 192];

  test('RK4 observed order 4 on y\' = -2ty² (exact 1/(1+t²))', () => {
    const errs = steps.map((n) => finalError(rk4({ dt: 3 / n })));
    const order = observedOrder(steps.map((n) => 3 / n), errs);
    expect(order).toBeGreaterThan(3.85);
    expect(order).toBeLessThan(4.15);
    expect(errs[errs.length - 1]).toBeLessThan(1e-9);
  });

  test('SSP-RK3 observed order 3 on the same problem', () => {
    const errs = steps.map((n) => finalError(sspRk3({ dt: 3 / n })));
    const order = observedOrder(steps.map((n) => 3 / n), errs);
    expect(order).toBeGreaterThan(2.85);
    expect(order).toBeLessThan(3.15);
  });

  test('orders hold on a system (oscillator, both components, max-norm error)', () => {
    for (const [make, p] of [[rk4, 4], [sspRk3, 3]] as const) {
      const errs = steps.map((n) => {
        const sol = solve(oscillator, make({ dt: 5 / n }), { dense: false });
        const k = sol.t.length - 1;
        return Math.max(Math.abs(sol.y[2 * k] - Math.cos(5)), Math.abs(sol.y[2 * k + 1] + Math.sin(5)));
      });
      const order = observedOrder(steps.map((n) => 5 / n), errs);
      expect(Math.abs(order - p)).toBeLessThan(0.15);
    }
  });

  test('exact on polynomial solutions of the method\'s degree (quadrature exactness)', () => {
    // RK4 (Simpson) integrates y' = 4t³ exactly; SSP-RK3 integrates y' = 3t² exactly.
    const cubic = odeProblem({ rhs(t, _y, dy) { dy[0] = 4 * t ** 3; }, y0: [0], tspan: [0, 2] });
    const quad = odeProblem({ rhs(t, _y, dy) { dy[0] = 3 * t ** 2; }, y0: [0], tspan: [0, 2] });
    const a = solve(cubic, rk4({ dt: 0.5 }));
    const b = solve(quad, sspRk3({ dt: 0.5 }));
    expect(Math.abs(a.y[a.y.length - 1] - 16)).toBeLessThan(1e-14);
    expect(Math.abs(b.y[b.y.length - 1] - 8)).toBeLessThan(1e-14);
    // and not exact one degree higher (the test can fail)
    const quartic = odeProblem({ rhs(t, _y, dy) { dy[0] = 5 * t ** 4; }, y0: [0], tspan: [0, 2] });
    const c = solve(quartic, rk4({ dt: 0.5 }));
    expect(Math.abs(c.y[c.y.length - 1] - 32)).toBeGreaterThan(1e-3);
  });

  test('step-size rule dt(t, y): order preserved, every step follows the rule, end time hit exactly', () => {
    const calls: number[] = [];
    const errs = [0.02, 0.01, 0.005].map((c) => {
      const sol = solve(riccati, rk4({ dt: (t, y) => { calls.push(t); return c * (1 + t) * (0.5 + y[0]); } }));
      for (let k = 1; k < sol.t.length - 1; k++) {
        const y = sol.y[k - 1];
        expect(sol.t[k] - sol.t[k - 1]).toBeCloseTo(c * (1 + sol.t[k - 1]) * (0.5 + y), 14);
      }
      expect(sol.t[sol.t.length - 1]).toBe(3);
      return Math.abs(sol.y[sol.y.length - 1] - riccatiExact(3));
    });
    expect(calls.length).toBeGreaterThan(0);
    const order = observedOrder([0.02, 0.01, 0.005], errs);
    expect(Math.abs(order - 4)).toBeLessThan(0.2);
  });

  test('saveAt times are hit exactly by shortened steps (no interpolation)', () => {
    const saveAt = [0.1, 0.35, 1 / 3, 2.9999].sort((a, b) => a - b);
    const sol = solve(riccati, rk4({ dt: 0.07 }), { saveAt });
    expect(Array.from(sol.t)).toEqual(saveAt);
    const ref = solve(riccati, rk4({ dt: 0.07 }));
    // the grid differs from the unconstrained run, but both are 4th-order accurate
    for (let k = 0; k < saveAt.length; k++) expect(Math.abs(sol.y[k] - riccatiExact(saveAt[k]))).toBeLessThan(2e-6);
    expect(sol.stats.naccept).toBeGreaterThan(ref.stats.naccept);
  });

  test('backward integration recovers the initial value', () => {
    const back = odeProblem({ rhs(t, y, dy) { dy[0] = -2 * t * y[0] * y[0]; }, y0: [riccatiExact(3)], tspan: [3, 0] });
    const sol = solve(back, rk4({ dt: 0.01 }), { saveAt: [2, 1, 0] });
    expect(Array.from(sol.t)).toEqual([2, 1, 0]);
    expect(Math.abs(sol.y[2] - 1)).toBeLessThan(1e-8);
    expect(Math.abs(sol.y[1] - 0.5)).toBeLessThan(1e-8);
  });

  test('Hermite dense output converges at order 4 between steps', () => {
    const hs = [0.2, 0.1, 0.05, 0.025];
    const errs = hs.map((dt) => {
      const sol = solve(oscillator, rk4({ dt }));
      let e = 0;
      for (let s = 0.013; s < 5; s += 0.1) e = Math.max(e, Math.abs(sol.at(s)[0] - Math.cos(s)));
      return e;
    });
    const order = observedOrder(hs, errs);
    expect(order).toBeGreaterThan(3.8);
    expect(order).toBeLessThan(4.3);
  });

  test('integrator interface: user-driven loop with a custom stopping rule', () => {
    const it = init(oscillator, rk4({ dt: 0.01 }));
    expect(it.t).toBe(0);
    while (it.step()) if (it.y[0] < 0) break;
    // first zero of cos at π/2, stopped at the first step past it
    expect(it.t).toBeGreaterThan(Math.PI / 2);
    expect(it.tPrev).toBeLessThan(Math.PI / 2);
    expect(it.dt).toBeCloseTo(0.01, 15);
    expect(it.status).toBe('running');
    expect(Math.abs(it.interpolate(Math.PI / 2)[0])).toBeLessThan(1e-9);
    // energy drift of RK4 after ~157 steps at dt = 0.01 is O(dt⁴ t)
    expect(Math.abs(it.y[0] ** 2 + it.y[1] ** 2 - 1)).toBeLessThan(1e-9);
    while (it.step());
    expect(it.t).toBe(5);
    expect(it.status).toBe('success');
    expect(it.step()).toBe(false);
  });
});
