import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';
import type { Vec } from '../../src/core/types';
import { AdditiveRkStepper, ark324L2SA, type AdditiveRkSystem } from '../../src/time/additiveRk';
import { rk4 } from '../../src/time/explicitRk';
import { imexArk324 } from '../../src/time/imex';
import { diagonalOperator } from '../../src/time/linearOperator';
import { odeProblem } from '../../src/time/problem';
import { solve } from '../../src/time/solve';
import { StepSizeController } from '../../src/time/stepController';
import { observedOrder } from './testRandom';

/** y' = −y (implicit) + y² (explicit), y(0) = 1/2: y(t) = 1/(1 + eᵗ). */
const bernoulliExact = (t: number) => 1 / (1 + Math.exp(t));
const bernoulli: AdditiveRkSystem = {
  size: 1,
  implicitSize: 1,
  evaluate(_t, y, e, i) { e[0] = y[0] * y[0]; i[0] = -y[0]; return true; },
  solveImplicit(g, x) { x[0] /= 1 + g; },
};

/** Fixed-step run of the stepper to tEnd; returns |y(tEnd) − exact|. */
function fixedRun(system: AdditiveRkSystem, y0: number, tEnd: number, steps: number, exact: (t: number) => number): number {
  const stepper = new AdditiveRkStepper(ark324L2SA, system);
  const y = Float64Array.of(y0);
  const next = new Float64Array(1);
  const k = tEnd / steps;
  for (let n = 0; n < steps; n++) {
    expect(stepper.advance(n * k, y, k, next)).toBe(true);
    y.set(next);
  }
  return Math.abs(y[0] - exact(tEnd));
}

describe('ARK3(2)4L[2]SA additive Runge–Kutta pair', () => {
  test('order conditions up to 3 (including the coupling conditions) hold to round-off; the embedded weights have order exactly 2; stiffly accurate', () => {
    const Ae = ark324L2SA.explicitA, Ai = ark324L2SA.implicitA!, b = ark324L2SA.b, be = ark324L2SA.bEmbedded!;
    const S = b.length;
    const dot = (x: readonly number[], y: readonly number[]) => x.reduce((a, v, i) => a + v * y[i], 0);
    const mv = (A: readonly (readonly number[])[], x: readonly number[]) => A.map((row) => dot(row, x));
    const c = Ae.map((row) => row.reduce((a, x) => a + x, 0));
    const ci = Ai.map((row) => row.reduce((a, x) => a + x, 0));
    for (let i = 0; i < S; i++) expect(Math.abs(ci[i] - c[i])).toBeLessThan(1e-14);
    expect(Math.abs(dot(b, Array(S).fill(1)) - 1)).toBeLessThan(1e-14);
    expect(Math.abs(dot(b, c) - 0.5)).toBeLessThan(1e-14);
    expect(Math.abs(dot(b, c.map((x) => x * x)) - 1 / 3)).toBeLessThan(1e-14);
    for (const A of [Ae, Ai]) expect(Math.abs(dot(b, mv(A, c)) - 1 / 6)).toBeLessThan(1e-14);
    expect(Math.abs(dot(be, c) - 0.5)).toBeLessThan(1e-14);
    expect(Math.abs(dot(be, mv(Ae, c)) - 1 / 6)).toBeGreaterThan(1e-3);
    for (let j = 0; j < S; j++) expect(Ai[S - 1][j]).toBe(b[j]);
  });

  test('fixed steps: observed order 3 on y′ = −y + y² (exact solution), 8× error reduction per halving', () => {
    const steps = [10, 20, 40, 80];
    const errs = steps.map((n) => fixedRun(bernoulli, 0.5, 2, n, bernoulliExact));
    const order = observedOrder(steps.map((n) => 2 / n), errs);
    expect(order).toBeGreaterThan(2.85);
    expect(order).toBeLessThan(3.15);
  });

  test('imexArk324 as an OdeAlgorithm: order 3 on a time-dependent problem, counters per step', () => {
    // y' = −2y + (cos t + 2 sin t): y = sin t for y(0) = 0; L = −2 implicit, the forcing explicit
    const prob = odeProblem({ rhs: (t, _y, dy) => { dy[0] = Math.cos(t) + 2 * Math.sin(t); }, y0: [0], tspan: [0, 1], linear: diagonalOperator(Float64Array.of(-2)) });
    const dts = [0.1, 0.05, 0.025, 0.0125];
    const errs = dts.map((dt) => {
      const sol = solve(prob, imexArk324({ dt }), { dense: false });
      expect(sol.status).toBe('success');
      return Math.abs(sol.y[sol.y.length - 1] - Math.sin(1));
    });
    const order = observedOrder(dts, errs);
    expect(order).toBeGreaterThan(2.85);
    expect(order).toBeLessThan(3.15);
    const sol = solve(prob, imexArk324({ dt: 0.1 }), { dense: false });
    expect(sol.stats.naccept).toBe(10);
    expect(sol.stats.nfev).toBe(40);
    expect(sol.stats.nlinsolve).toBe(30);
  });

  test('the embedded estimate drives a controller: the global error follows the tolerance', () => {
    const run = (rtol: number) => {
      const stepper = new AdditiveRkStepper(ark324L2SA, bernoulli);
      const ctrl = new StepSizeController({ order: 3, noGrowthAfterReject: false });
      const y = Float64Array.of(0.5);
      const next = new Float64Array(1);
      let t = 0;
      let k = 1e-3;
      let accepted = 0;
      while (t < 2) {
        const kk = Math.min(k, 2 - t);
        const err = stepper.attempt(t, y, kk, rtol, rtol * 1e-3, next);
        if (err <= 1) { y.set(next); t += kk; accepted++; k = kk * ctrl.accept(err); } else k = kk * ctrl.reject(err);
      }
      return { error: Math.abs(y[0] - bernoulliExact(2)), accepted };
    };
    const loose = run(1e-5);
    const tight = run(1e-8);
    expect(loose.error).toBeLessThan(1e-4);
    expect(tight.error).toBeLessThan(1e-7);
    expect(tight.error).toBeLessThan(loose.error / 50);
    // a local error of order 2 in the estimate: steps grow like tol^(−1/3), 1000^(1/3) = 10
    expect(tight.accepted / loose.accepted).toBeGreaterThan(5);
    expect(tight.accepted / loose.accepted).toBeLessThan(20);
  });

  test('stiff relaxation (λ = 1e6, steps 1e5 beyond the explicit limit): stable; the stiff component converges at order 2 (stage order), the slow one at order 3; RK4 with the same step blows up', () => {
    // u' = −λu + v, v' = −v, started on the slow manifold: v = e^{−t}, u = e^{−t}/(λ − 1)
    const lambda = 1e6;
    const L = diagonalOperator(Float64Array.of(-lambda, -1));
    const coupling = (_t: number, y: Vec, dy: Vec) => { dy[0] = y[1]; dy[1] = 0; };
    const prob = odeProblem({ rhs: coupling, y0: [1 / (lambda - 1), 1], tspan: [0, 2], linear: L });
    const dts = [0.1, 0.05, 0.025, 0.0125];
    const errU: number[] = [];
    const errV: number[] = [];
    for (const dt of dts) {
      const sol = solve(prob, imexArk324({ dt }), { dense: false });
      expect(sol.status).toBe('success');
      errU.push(Math.abs(sol.y[sol.y.length - 2] - Math.exp(-2) / (lambda - 1)));
      errV.push(Math.abs(sol.y[sol.y.length - 1] - Math.exp(-2)));
    }
    // the explicit weights are not stiffly accurate: an O(k²) absolute error on the fast component
    expect(errU[0]).toBeLessThan(1e-3);
    const orderU = observedOrder(dts, errU);
    expect(orderU).toBeGreaterThan(1.85);
    expect(orderU).toBeLessThan(2.15);
    const orderV = observedOrder(dts, errV);
    expect(orderV).toBeGreaterThan(2.85);
    expect(orderV).toBeLessThan(3.15);
    const explicit = solve(odeProblem({ rhs: (_t, y, dy) => { dy[0] = -lambda * y[0] + y[1]; dy[1] = -y[1]; }, y0: [1 / (lambda - 1), 1], tspan: [0, 2] }), rk4({ dt: 0.1 }), { dense: false });
    expect(explicit.status === 'success' ? Math.abs(explicit.y[explicit.y.length - 2]) : Infinity).toBeGreaterThan(1);
    // L-stability: the stability function R(z) → 0 as z → −∞ (one step of y' = λy from y = 1)
    const decay: AdditiveRkSystem = { size: 1, implicitSize: 1, evaluate(_t, y, e, i) { e[0] = 0; i[0] = -1e12 * y[0]; return true; }, solveImplicit(g, x) { x[0] /= 1 + 1e12 * g; } };
    const out = new Float64Array(1);
    new AdditiveRkStepper(ark324L2SA, decay).advance(0, Float64Array.of(1), 1, out);
    expect(Math.abs(out[0])).toBeLessThan(1e-10);
  });

  test('explicit components beyond implicitSize, errorComponents, abandoned stages', () => {
    // (u, v): u' = −u implicit, v' = u explicit only (v = 1 − e^{−t} from (1, 0))
    const system: AdditiveRkSystem = {
      size: 2,
      implicitSize: 1,
      evaluate(_t, y, e, i) { e[0] = 0; e[1] = y[0]; i[0] = -y[0]; return true; },
      solveImplicit(g, x) { x[0] /= 1 + g; },
    };
    const errs = [20, 40].map((n) => {
      const stepper = new AdditiveRkStepper(ark324L2SA, system, { errorComponents: 1 });
      const y = Float64Array.of(1, 0);
      const next = new Float64Array(2);
      for (let s = 0; s < n; s++) { stepper.advance(s / n, y, 1 / n, next); y.set(next); }
      return Math.abs(y[1] - (1 - Math.exp(-1)));
    });
    expect(Math.log2(errs[0] / errs[1])).toBeGreaterThan(2.8);
    expect(Math.log2(errs[0] / errs[1])).toBeLessThan(3.2);
    const failing: AdditiveRkSystem = { ...system, evaluate: (_t: number, _y: Vec, e: Vec) => { e[0] = Number.NaN; return false; } };
    expect(new AdditiveRkStepper(ark324L2SA, failing).attempt(0, Float64Array.of(1, 0), 0.1, 1e-6, 1e-9, new Float64Array(2))).toBe(Infinity);
    expect(() => new AdditiveRkStepper(ark324L2SA, { ...system, implicitSize: 3 })).toThrow(InvalidArgumentError);
    expect(() => new AdditiveRkStepper(ark324L2SA, null as never)).toThrow(InvalidTypeError);
    expect(() => new AdditiveRkStepper({ ...ark324L2SA, b: [1, 0] }, system)).toThrow(InvalidArgumentError);
    expect(() => new AdditiveRkStepper(ark324L2SA, system, { errorComponents: 0 })).toThrow(InvalidArgumentError);
  });
});
