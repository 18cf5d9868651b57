import { odeProblem } from '../../src/time/problem';
import { dopri5 } from '../../src/time/dopri5';
import { init } from '../../src/time/integrator';
import { solve } from '../../src/time/solve';
import type { Vec } from '../../src/core/types';
import reference from '../fixtures/time/dopri5_reference.json';
import { observedOrder } from './testRandom';

const riccati = odeProblem({ rhs(t, y, dy) { dy[0] = -2 * t * y[0] * y[0]; }, y0: [1], tspan: [0, 3] });
// y' = y cos t, y(0) = 1  =>  y = exp(sin t)
const expSin = odeProblem({ rhs(t, y, dy) { dy[0] = y[0] * Math.cos(t); }, y0: [1], tspan: [0, 10] });

type Rhs = (t: number, y: Vec, dy: Vec) => void;
type Params = Record<string, number>;
const RHS: Record<string, (p: Params) => Rhs> = {
  vanDerPol_mu1: (p) => (_t, y, dy) => { dy[0] = y[1]; dy[1] = p.mu * (1 - y[0] ** 2) * y[1] - y[0]; },
  vanDerPol_mu5: (p) => (_t, y, dy) => { dy[0] = y[1]; dy[1] = p.mu * (1 - y[0] ** 2) * y[1] - y[0]; },
  lorenz: (p) => (_t, y, dy) => {
    dy[0] = p.sigma * (y[1] - y[0]); dy[1] = y[0] * (p.rho - y[2]) - y[1]; dy[2] = y[0] * y[1] - p.beta * y[2];
  },
  arenstorf: (p) => (_t, y, dy) => {
    const mu = p.mu, mu1 = 1 - mu, x = y[0], z = y[2];
    const d1 = ((x + mu) ** 2 + z ** 2) ** 1.5, d2 = ((x - mu1) ** 2 + z ** 2) ** 1.5;
    dy[0] = y[1];
    dy[1] = x + 2 * y[3] - (mu1 * (x + mu)) / d1 - (mu * (x - mu1)) / d2;
    dy[2] = y[3];
    dy[3] = z - 2 * y[1] - (mu1 * z) / d1 - (mu * z) / d2;
  },
};

interface Case { name: string; params: Params; y0: number[]; tspan: number[]; saveAt: number[]; y: number[][]; selfConsistency: number }
const cases = (reference as unknown as { cases: Case[] }).cases;

function fixtureError(c: Case, tol: number): { err: number; scale: number } {
  const prob = odeProblem({ rhs: RHS[c.name](c.params), y0: c.y0, tspan: c.tspan });
  const sol = solve(prob, dopri5({ rtol: tol, atol: tol }), { saveAt: c.saveAt });
  expect(sol.status).toBe('success');
  expect(Array.from(sol.t)).toEqual(c.saveAt);
  let err = 0;
  let scale = 0;
  for (let k = 0; k < c.saveAt.length; k++) {
    for (let i = 0; i < sol.dim; i++) {
      err = Math.max(err, Math.abs(sol.y[k * sol.dim + i] - c.y[k][i]));
      scale = Math.max(scale, Math.abs(c.y[k][i]));
    }
  }
  return { err, scale };
}

describe('DOPRI5', () => {
  test('global error follows the tolerance on problems with exact solutions (slope ≈ 1, err ≤ 5·tol)', () => {
    // Error = max over all accepted steps of |y_k − y(t_k)| / max(1, |y(t_k)|): the sup over the
    // trajectory, because a single end-point error can cancel by accident.
    const tols = [1e-6, 1e-8, 1e-10, 1e-12];
    const problems = [[riccati, (t: number) => 1 / (1 + t * t)], [expSin, (t: number) => Math.exp(Math.sin(t))]] as const;
    for (const [prob, exact] of problems) {
      const errs = tols.map((tol) => {
        const sol = solve(prob, dopri5({ rtol: tol, atol: tol }), { dense: false });
        expect(sol.status).toBe('success');
        let e = 0;
        for (let k = 0; k < sol.t.length; k++) e = Math.max(e, Math.abs(sol.y[k] - exact(sol.t[k])) / Math.max(1, Math.abs(exact(sol.t[k]))));
        return e;
      });
      errs.forEach((e, k) => expect(e).toBeLessThan(5 * tols[k]));
      const slope = observedOrder(tols, errs);
      expect(slope).toBeGreaterThan(0.9);
      expect(slope).toBeLessThan(1.1);
    }
  });

  test('PI and standard controllers both meet the tolerance; counters satisfy nfev = 6·nsteps + 2', () => {
    for (const controller of ['pi', 'standard'] as const) {
      const sol = solve(expSin, dopri5({ rtol: 1e-8, atol: 1e-10, controller }));
      expect(Math.abs(sol.y[sol.y.length - 1] - Math.exp(Math.sin(10)))).toBeLessThan(5e-8);
      expect(sol.stats.nsteps).toBe(sol.stats.naccept + sol.stats.nreject);
      expect(sol.stats.nfev).toBe(6 * sol.stats.nsteps + 2);
      expect(sol.t.length).toBe(sol.stats.naccept + 1);
    }
  });

  test('matches the DOP853 reference trajectories (scipy, rtol = atol = 1e-13)', () => {
    for (const c of cases) {
      expect(c.selfConsistency).toBeLessThan(2e-9);
      const coarse = fixtureError(c, 1e-8);
      const fine = fixtureError(c, 1e-12);
      if (c.name === 'arenstorf') {
        // The Arenstorf orbit amplifies local errors ~1e4-fold over one period (scipy's RK45
        // at the same tolerances has the same global errors: 1.5e-4 and 3.8e-8).
        expect(coarse.err).toBeLessThan(1e-3);
        expect(fine.err).toBeLessThan(1e-6);
      } else {
        expect(coarse.err).toBeLessThan(20 * 1e-8 * coarse.scale);
        expect(fine.err).toBeLessThan(20 * 1e-12 * fine.scale);
      }
      // error proportional to the tolerance over four decades (reference error is below 1e-9)
      expect(coarse.err / fine.err).toBeGreaterThan(c.name === 'arenstorf' ? 300 : 1e3);
    }
  });

  test('dense output: local error O(h⁵) of the continuous extension, global accuracy ~ tol', () => {
    const hs = [0.4, 0.2, 0.1, 0.05];
    const errs = hs.map((h) => {
      const it = init(expSin, dopri5({ h0: h, rtol: 1, atol: 1 }));
      expect(it.step()).toBe(true);
      expect(it.t).toBe(h);
      const mid = 0.3 * h;
      return Math.abs(it.interpolate(mid)[0] - Math.exp(Math.sin(mid)));
    });
    const order = observedOrder(hs, errs);
    expect(order).toBeGreaterThan(4.7);
    expect(order).toBeLessThan(5.5);
    // Between steps the 4th-order extension is not error-controlled: its error is a modest multiple
    // of the grid-point error. scipy's RK45 (independent, different interpolant) shows 27·tol on
    // this problem at tol = 1e-10 against 4.3·tol at its grid points.
    const tol = 1e-10;
    const sol = solve(expSin, dopri5({ rtol: tol, atol: tol }));
    let eGrid = 0;
    for (let k = 0; k < sol.t.length; k++) eGrid = Math.max(eGrid, Math.abs(sol.y[k] - Math.exp(Math.sin(sol.t[k]))));
    let eDense = 0;
    for (let s = 0; s <= 10; s += 0.00137) eDense = Math.max(eDense, Math.abs(sol.at(s)[0] - Math.exp(Math.sin(s))));
    expect(eGrid).toBeLessThan(5 * tol);
    expect(eDense).toBeLessThan(50 * tol);
  });

  test('exactness: the step is exact for y = t⁵ and the dense output for y = t⁴', () => {
    const quintic = odeProblem({ rhs(t, _y, dy) { dy[0] = 5 * t ** 4; }, y0: [0], tspan: [0, 2] });
    const it = init(quintic, dopri5({ h0: 2, rtol: 1, atol: 1 }));
    it.step();
    expect(it.t).toBe(2);
    expect(Math.abs(it.y[0] - 32)).toBeLessThan(1e-13);
    const quartic = odeProblem({ rhs(t, _y, dy) { dy[0] = 4 * t ** 3; }, y0: [0], tspan: [0, 2] });
    const it4 = init(quartic, dopri5({ h0: 2, rtol: 1, atol: 1 }));
    it4.step();
    for (const s of [0.3, 0.9, 1.7]) expect(Math.abs(it4.interpolate(s)[0] - s ** 4)).toBeLessThan(1e-14);
    // the quintic's dense output is NOT exact (4th-order extension): the check can fail
    expect(Math.abs(it.interpolate(0.9)[0] - 0.9 ** 5)).toBeGreaterThan(1e-6);
  });

  test('hmax bounds every step; backward integration; per-component tolerances', () => {
    const sol = solve(expSin, dopri5({ rtol: 1e-6, hmax: 0.05 }));
    for (let k = 1; k < sol.t.length; k++) expect(sol.t[k] - sol.t[k - 1]).toBeLessThanOrEqual(0.05 * (1 + 1e-12));
    const back = odeProblem({ rhs: expSin.rhs, y0: [Math.exp(Math.sin(10))], tspan: [10, 0] });
    const b = solve(back, dopri5({ rtol: 1e-10, atol: 1e-12 }), { saveAt: [7, 3, 0] });
    expect(Array.from(b.t)).toEqual([7, 3, 0]);
    for (let k = 0; k < 3; k++) expect(Math.abs(b.y[k] - Math.exp(Math.sin(b.t[k])))).toBeLessThan(2e-9);
    expect(Math.abs(b.at(5)[0] - Math.exp(Math.sin(5)))).toBeLessThan(2e-9);
    // two decoupled copies of the problem, the second scaled by 1e6, with atol scaled alike
    const scaled = odeProblem({
      rhs(t, y, dy) { dy[0] = y[0] * Math.cos(t); dy[1] = y[1] * Math.cos(t); }, y0: [1, 1e6], tspan: [0, 10],
    });
    const s = solve(scaled, dopri5({ rtol: new Float64Array([1e-9, 1e-9]), atol: new Float64Array([1e-12, 1e-6]) }));
    const k = s.t.length - 1;
    expect(Math.abs(s.y[2 * k] - Math.exp(Math.sin(10)))).toBeLessThan(1e-8);
    expect(Math.abs(s.y[2 * k + 1] / 1e6 - Math.exp(Math.sin(10)))).toBeLessThan(1e-8);
  });

  test("blow-up: step-size underflow returns 'diverged' just before the singularity", () => {
    // y' = y², y(0) = 1 blows up at t = 1
    const blowup = odeProblem({ rhs(_t, y, dy) { dy[0] = y[0] * y[0]; }, y0: [1], tspan: [0, 2] });
    const sol = solve(blowup, dopri5({ rtol: 1e-8, atol: 1e-8 }));
    expect(sol.status).toBe('diverged');
    // the numerical singularity moves by about (relative error of y) × (1 − t): a few 1e-8 here
    expect(Math.abs(sol.tFinal - 1)).toBeLessThan(1e-6);
    expect(sol.y[sol.y.length - 1]).toBeGreaterThan(1e6);
    // the solution away from the singularity is still accurate: y = 1/(1 − t)
    for (const s of [0.5, 0.9, 0.99]) expect(Math.abs(sol.at(s)[0] * (1 - s) - 1)).toBeLessThan(1e-6);
  });
});
