import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';
import { adam, AdamMinimizer } from '../../src/optim/adam';
import { lbfgs } from '../../src/optim/lbfgs';
import { quasiNewton } from '../../src/optim/quasiNewton';
import type { Objective, OptimizeResult } from '../../src/optim/types';
import { quadratic, rosenbrock, rosenbrockStart, spdMatrix } from './problems';

type Runner = (fg: Objective, x0: Float64Array, opts: Record<string, unknown>) => OptimizeResult;
const runners: Array<[string, Runner]> = [
  ['lbfgs', (fg, x0, o) => lbfgs(fg, x0, o)],
  ['bfgs', (fg, x0, o) => quasiNewton(fg, x0, { ...o, update: 'bfgs' })],
  ['ssbroyden1', (fg, x0, o) => quasiNewton(fg, x0, { ...o, update: 'ssbroyden1' })],
];

const maxErr = (x: Float64Array, y: Float64Array): number => x.reduce((m, v, i) => Math.max(m, Math.abs(v - y[i])), 0);

describe.each(runners)('%s', (name, run) => {
  test('reaches the minimiser of an ill-conditioned convex quadratic (κ = 1e4, n = 12) to gtol', () => {
    const n = 12;
    const A = spdMatrix(n, 1e4);
    const xStar = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
    // for scale: scipy 1.17 L-BFGS-B needs 308 iterations (maxcor 12) and BFGS 19 on a similar problem
    const r = run(quadratic(A, xStar), new Float64Array(n), { gtol: 1e-9, maxIterations: 1000 });
    expect(r.status).toBe('success');
    expect(r.gradNorm).toBeLessThanOrEqual(1e-9);
    expect(maxErr(r.x, xStar)).toBeLessThan(1e-8); // ‖x − x*‖ ≤ ‖A⁻¹‖‖g‖₂ ≤ 1e-9·√n
    expect(r.iterations).toBeLessThan(name === 'lbfgs' ? 500 : 60);
    expect(r.history.length).toBe(r.iterations + 1);
    for (let k = 1; k < r.history.length; k++) expect(r.history[k]).toBeLessThanOrEqual(r.history[k - 1]);
  });

  test.each([2, 10])('solves Rosenbrock in %iD from the standard start', (n) => {
    const r = run(rosenbrock, rosenbrockStart(n), { gtol: 1e-9, maxIterations: 1000 });
    expect(r.status).toBe('success');
    expect(maxErr(r.x, new Float64Array(n).fill(1))).toBeLessThan(1e-8);
    expect(r.f).toBeLessThan(1e-17);
    const g = new Float64Array(n);
    expect(rosenbrock(r.x, g)).toBe(r.f); // the reported f belongs to the reported x
    // budget sanity against the literature (BFGS needs ~35 iterations in 2-D)
    expect(r.iterations).toBeLessThan(name === 'lbfgs' ? 200 : 150);
  });

  test("maxIterations hit → 'maxSteps'; maxFev hit → 'maxSteps'", () => {
    const r = run(rosenbrock, rosenbrockStart(2), { maxIterations: 5 });
    expect(r.status).toBe('maxSteps');
    expect(r.iterations).toBe(5);
    expect(r.message).toMatch(/maxIterations/);
    const q = run(rosenbrock, rosenbrockStart(2), { maxFev: 12 });
    expect(q.status).toBe('maxSteps');
    expect(q.nfev).toBeLessThanOrEqual(12);
  });

  test("NaN objective → 'nonFinite' with the last finite iterate", () => {
    let calls = 0;
    const poisoned: Objective = (x, g) => {
      calls++;
      if (calls > 9) return NaN;
      return rosenbrock(x, g);
    };
    const r = run(poisoned, rosenbrockStart(2), { maxIterations: 100 });
    expect(r.status).toBe('nonFinite');
    expect(Number.isFinite(r.f)).toBe(true);
    const g = new Float64Array(2);
    expect(rosenbrock(r.x, g)).toBe(r.f);
    expect(r.f).toBe(r.history[r.history.length - 1]);
    expect(r.f).toBeLessThan(24.2); // f(x0) = 24.2: at least one accepted step before the poison
    const atStart = run(() => NaN, rosenbrockStart(2), {});
    expect(atStart.status).toBe('nonFinite');
    expect(Array.from(atStart.x)).toEqual([-1.2, 1]);
  });

  test("an aborted signal gives 'aborted'; onProgress reports f", () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const r = run(rosenbrock, rosenbrockStart(2), {
      signal: controller.signal,
      progressEvery: 1,
      onProgress: (info: { step: number; f?: number }) => {
        seen.push(info.f as number);
        if (info.step >= 3) controller.abort();
      },
    });
    expect(r.status).toBe('aborted');
    expect(r.iterations).toBe(3);
    expect(seen[0]).toBeCloseTo(24.2, 12);
  });

  test('invalid arguments throw named errors before any evaluation', () => {
    let calls = 0;
    const counting: Objective = (x, g) => {
      calls++;
      return rosenbrock(x, g);
    };
    expect(() => run(counting, [1, 2] as unknown as Float64Array, {})).toThrow(InvalidTypeError);
    expect(() => run(counting, rosenbrockStart(2), { gtol: -1 })).toThrow(/^options.gtol must be a finite number >= 0/);
    expect(() => run(counting, rosenbrockStart(2), { maxIterations: 1.5 })).toThrow(/^options.maxIterations/);
    expect(() => run(counting, rosenbrockStart(2), { lineSearch: { c1: 0.5, c2: 0.1 } })).toThrow(InvalidArgumentError);
    expect(() => run('f' as unknown as Objective, rosenbrockStart(2), {})).toThrow(/^fg must be a function/);
    expect(calls).toBe(0);
  });
});

describe('option validation specific to one method', () => {
  test('L-BFGS memory, quasi-Newton update rule, Adam betas and groups', () => {
    expect(() => lbfgs(rosenbrock, rosenbrockStart(2), { memory: 0 })).toThrow(/^options.memory must be an integer >= 1/);
    expect(() => quasiNewton(rosenbrock, rosenbrockStart(2), { update: 'dfp' as 'bfgs' })).toThrow(/^options.update must be one of/);
    expect(() => adam(rosenbrock, rosenbrockStart(2), { betas: [0.9, 1] })).toThrow(/^options.betas\[1\]/);
    expect(() => adam(rosenbrock, rosenbrockStart(4), { groups: [{ start: 0, end: 2 }, { start: 1, end: 3 }] })).toThrow(/options.groups\[1\]/);
    expect(() => adam(rosenbrock, rosenbrockStart(2), { groups: [{ start: 0, end: 3 }] })).toThrow(/^options.groups\[0\].end/);
  });
});

describe('L-BFGS on a quadratic', () => {
  test('with memory ≥ n and a near-exact line search it terminates like CG in about n iterations', () => {
    const n = 8;
    const A = spdMatrix(n, 100);
    const xStar = Float64Array.from({ length: n }, (_, i) => 1 - i / n);
    const r = lbfgs(quadratic(A, xStar), new Float64Array(n), { memory: n, gtol: 1e-8, lineSearch: { c1: 1e-8, c2: 1e-7 } });
    expect(r.status).toBe('success');
    expect(r.iterations).toBeLessThanOrEqual(n + 1);
    // with the default c2 = 0.9 it does not terminate in n steps (scipy L-BFGS-B: 56 iterations)
    const loose = lbfgs(quadratic(A, xStar), new Float64Array(n), { memory: n, gtol: 1e-8 });
    expect(loose.iterations).toBeGreaterThan(2 * n);
  });
});

describe('Adam', () => {
  const quad: Objective = (x, g) => {
    g[0] = 2 * (x[0] - 3);
    g[1] = 20 * (x[1] + 1);
    g[2] = 2 * (x[2] - 0.5);
    return (x[0] - 3) ** 2 + 10 * (x[1] + 1) ** 2 + (x[2] - 0.5) ** 2;
  };

  test('first step moves every parameter by its group learning rate (m̂/√v̂ = sign g)', () => {
    const opt = new AdamMinimizer(quad, new Float64Array([0, 0, 0]), { lr: 1e-3, groups: [{ start: 2, end: 3, lr: 0.1, betas: [0.9, 0.9] }] });
    opt.step();
    expect(opt.x[0]).toBeCloseTo(1e-3, 10);
    expect(opt.x[1]).toBeCloseTo(-1e-3, 10);
    expect(opt.x[2]).toBeCloseTo(0.1, 8);
  });

  test('second step matches the PyTorch formula with per-group betas', () => {
    const opt = new AdamMinimizer(quad, new Float64Array([0, 0, 0]), { lr: 0.01, groups: [{ start: 2, end: 3, lr: 0.1, betas: [0.8, 0.9], eps: 1e-6 }] });
    const g1 = -1; // ∂f/∂x2 at 0
    opt.step();
    const x1 = opt.x[2];
    const g2 = 2 * (x1 - 0.5);
    opt.step();
    const m = 0.8 * (0.2 * g1) + 0.2 * g2;
    const v = 0.9 * (0.1 * g1 * g1) + 0.1 * g2 * g2;
    const expected = x1 - ((0.1 / (1 - 0.8 ** 2)) * m) / (Math.sqrt(v) / Math.sqrt(1 - 0.9 ** 2) + 1e-6);
    expect(Math.abs(opt.x[2] - expected)).toBeLessThan(1e-15);
  });

  test('step-decay schedule: lr·γ^⌊(k−1)/stepSize⌋', () => {
    const opt = new AdamMinimizer(quad, new Float64Array(3), { lr: 1e-3, schedule: { stepSize: 5000, gamma: 0.9 }, groups: [{ start: 2, end: 3, lr: 0.1 }] });
    expect(opt.learningRate(0, 5000)).toBe(1e-3);
    expect(opt.learningRate(0, 5001)).toBeCloseTo(9e-4, 18);
    expect(opt.learningRate(1, 10001)).toBeCloseTo(0.1 * 0.81, 15);
  });

  test('converges on a quadratic with a decaying learning rate', () => {
    const r = adam(quad, new Float64Array(3), { lr: 0.05, schedule: { stepSize: 300, gamma: 0.5 }, maxIterations: 4000, gtol: 1e-7 });
    expect(['success', 'maxSteps']).toContain(r.status);
    expect(maxErr(r.x, new Float64Array([3, -1, 0.5]))).toBeLessThan(1e-5);
  });

  test("non-finite objective → 'nonFinite', x is the last finite iterate", () => {
    let calls = 0;
    const poisoned: Objective = (x, g) => (++calls > 4 ? NaN : quad(x, g));
    const r = adam(poisoned, new Float64Array(3), { lr: 0.1 });
    expect(r.status).toBe('nonFinite');
    expect(r.iterations).toBe(4);
    expect(quad(r.x, new Float64Array(3))).toBe(r.f);
  });
});
