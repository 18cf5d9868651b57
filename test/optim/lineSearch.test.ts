import { InvalidArgumentError } from '../../src/core/errors';
import { StrongWolfeLineSearch } from '../../src/optim/lineSearch';
import { dot, type Objective } from '../../src/optim/types';
import { quadratic, rosenbrock, spdMatrix } from './problems';

/** Check both strong Wolfe conditions at the accepted point by re-evaluating the objective. */
function expectStrongWolfe(fg: Objective, x: Float64Array, d: Float64Array, t0: number, c1: number, c2: number): number {
  const n = x.length;
  const g0 = new Float64Array(n);
  const f0 = fg(x, g0);
  const slope0 = dot(g0, d);
  expect(slope0).toBeLessThan(0);
  const ls = new StrongWolfeLineSearch(n, { c1, c2 });
  const r = ls.search(fg, x, f0, g0, d, t0);
  expect(r.status).toBe('wolfe');
  const xt = x.map((v, i) => v + r.step * d[i]);
  const gt = new Float64Array(n);
  const ft = fg(xt, gt);
  expect(Array.from(ls.x)).toEqual(Array.from(xt));
  expect(ft).toBe(r.f);
  expect(Array.from(ls.g)).toEqual(Array.from(gt));
  expect(ft).toBeLessThanOrEqual(f0 + c1 * r.step * slope0); // sufficient decrease
  expect(Math.abs(dot(gt, d))).toBeLessThanOrEqual(c2 * Math.abs(slope0)); // strong curvature
  return r.nfev;
}

describe('strong-Wolfe line search', () => {
  const starts = [
    [-1.2, 1],
    [0, 0],
    [2, 2],
    [-0.5, 1.5],
    [1.5, -0.3],
  ];
  test.each([1e-3, 1, 30])('Rosenbrock, steepest descent from five points, t0 = %s (bracketing, extrapolation and zoom)', (t0) => {
    for (const c2 of [0.9, 0.1]) {
      for (const p of starts) {
        const x = Float64Array.from(p);
        const g = new Float64Array(2);
        rosenbrock(x, g);
        expectStrongWolfe(rosenbrock, x, g.map((v) => -v), t0, 1e-4, c2);
      }
    }
  });

  test('Rosenbrock along non-gradient descent directions', () => {
    const x = Float64Array.from([-1.2, 1]);
    const g = new Float64Array(2);
    rosenbrock(x, g);
    for (const angle of [-1.2, -0.6, 0.4, 1.3]) {
      const c = Math.cos(angle);
      const s = Math.sin(angle);
      const d = Float64Array.from([-(c * g[0] - s * g[1]), -(s * g[0] + c * g[1])]);
      if (dot(d, g) < 0) expectStrongWolfe(rosenbrock, x, d, 1, 1e-4, 0.9);
    }
  });

  test('quadratic: a tight c2 lands on the exact line minimiser −g·d/dᵀAd', () => {
    const n = 6;
    const A = spdMatrix(n, 50);
    const xStar = Float64Array.from({ length: n }, (_, i) => i - 2);
    const fg = quadratic(A, xStar);
    const x = new Float64Array(n);
    const g = new Float64Array(n);
    const f0 = fg(x, g);
    const d = g.map((v) => -v);
    const Ad = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Ad[i] += A[i * n + j] * d[j];
    const exactStep = -dot(g, d) / dot(d, Ad);
    for (const t0 of [1e-4, 1, 100]) {
      expectStrongWolfe(fg, x, d, t0, 1e-4, 0.9);
      const ls = new StrongWolfeLineSearch(n, { c1: 1e-7, c2: 1e-6 });
      const r = ls.search(fg, x, f0, g, d, t0);
      expect(r.status).toBe('wolfe');
      expect(Math.abs(r.step / exactStep - 1)).toBeLessThan(1e-6); // |φ′(t)| ≤ c2|φ′(0)| pins t to the minimizer
    }
  });

  test('NaN beyond a wall: falls back to bisection and still returns a Wolfe point', () => {
    const wall: Objective = (x, g) => {
      if (x[0] > 0.8) return NaN;
      g[0] = 2 * (x[0] - 0.5);
      return (x[0] - 0.5) ** 2;
    };
    expectStrongWolfe(wall, new Float64Array([0]), new Float64Array([1]), 5, 1e-4, 0.9);
    const ls = new StrongWolfeLineSearch(1);
    const r = ls.search(() => NaN, new Float64Array([0]), 0.25, new Float64Array([-1]), new Float64Array([1]), 1);
    expect(r.status).toBe('nonFinite');
    expect(r.step).toBe(0);
    expect(r.nfev).toBe(25);
  });

  test('invalid constants are rejected by name', () => {
    expect(() => new StrongWolfeLineSearch(2, { c1: 0.5, c2: 0.4 })).toThrow(/^options.c2 must be a number in \(c1, 1\)/);
    expect(() => new StrongWolfeLineSearch(0)).toThrow(InvalidArgumentError);
    expect(() => new StrongWolfeLineSearch(2, { maxEvaluations: 0 })).toThrow(/^options.maxEvaluations/);
  });
});
