import { odeProblem } from '../../src/time/problem';
import { dopri5 } from '../../src/time/dopri5';
import { rk4, sspRk3 } from '../../src/time/explicitRk';
import { imexEuler } from '../../src/time/imex';
import { init } from '../../src/time/integrator';
import { solve } from '../../src/time/solve';
import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';
import type { Vec } from '../../src/core/types';

const decay = odeProblem({ rhs(_t, y, dy) { dy[0] = -y[0]; }, y0: [1], tspan: [0, 1] });

describe('solve: statuses, progress, cancellation', () => {
  test("an AbortSignal fired during the run returns status 'aborted' with a consistent partial result", () => {
    const controller = new AbortController();
    const fractions: number[] = [];
    const sol = solve(decay, rk4({ dt: 1e-4 }), {
      signal: controller.signal,
      progressEvery: 100,
      onProgress: (info) => { fractions.push(info.fraction); if (info.step >= 300) controller.abort(); },
    });
    expect(sol.status).toBe('aborted');
    expect(sol.stats.naccept).toBe(300);
    expect(sol.tFinal).toBeCloseTo(0.03, 12);
    expect(sol.t[sol.t.length - 1]).toBe(sol.tFinal);
    expect(Math.abs(sol.y[sol.y.length - 1] - Math.exp(-sol.tFinal))).toBeLessThan(1e-14);
    for (let k = 1; k < fractions.length; k++) expect(fractions[k]).toBeGreaterThanOrEqual(fractions[k - 1]);
  });

  test("an already-aborted signal stops before any step; progress reaches 1 on success", () => {
    const controller = new AbortController();
    controller.abort();
    const sol = solve(decay, dopri5(), { signal: controller.signal });
    expect(sol.status).toBe('aborted');
    expect(sol.stats.naccept).toBe(0);
    let last = -1;
    const ok = solve(decay, dopri5(), { onProgress: (info) => { last = info.fraction; } });
    expect(ok.status).toBe('success');
    expect(last).toBe(1);
  });

  test("NaN in the right-hand side returns 'nonFinite' and keeps the last finite state", () => {
    const poisoned = odeProblem({ rhs(t, y, dy) { dy[0] = t > 0.5 ? Number.NaN : -y[0]; }, y0: [1], tspan: [0, 1] });
    for (const alg of [rk4({ dt: 0.01 }), sspRk3({ dt: 0.01 }), dopri5()]) {
      const sol = solve(poisoned, alg);
      expect(sol.status).toBe('nonFinite');
      expect(sol.tFinal).toBeLessThanOrEqual(0.5 + 1e-12);
      expect(sol.tFinal).toBeGreaterThan(0.45);
      expect(Number.isFinite(sol.y[sol.y.length - 1])).toBe(true);
    }
    const allNaN = odeProblem({ rhs(_t, _y, dy) { dy[0] = Number.NaN; }, y0: [1], tspan: [0, 1] });
    const sol = solve(allNaN, dopri5());
    expect(sol.status).toBe('nonFinite');
    expect(sol.stats.naccept).toBe(0);
  });

  test("maxSteps and bad step rules stop with 'maxSteps', 'diverged', 'nonFinite'", () => {
    const capped = solve(decay, rk4({ dt: 0.01 }), { maxSteps: 10 });
    expect(capped.status).toBe('maxSteps');
    expect(capped.stats.nsteps).toBe(10);
    expect(capped.tFinal).toBeCloseTo(0.1, 14);
    expect(solve(decay, rk4({ dt: () => 0 })).status).toBe('diverged');
    expect(solve(decay, rk4({ dt: () => Number.NaN })).status).toBe('nonFinite');
    expect(solve(decay, dopri5({ rtol: 1e-12, atol: 1e-12 }), { maxSteps: 5 }).status).toBe('maxSteps');
  });

  test('Solution layout: flat row-major y with dim, state(k), at() range checks, dense: false', () => {
    const osc = odeProblem({ rhs(_t, y, dy) { dy[0] = y[1]; dy[1] = -y[0]; }, y0: [1, 0], tspan: [0, 1] });
    const sol = solve(osc, rk4({ dt: 0.25 }));
    expect(sol.dim).toBe(2);
    expect(sol.y.length).toBe(2 * sol.t.length);
    expect(Array.from(sol.state(0))).toEqual([1, 0]);
    expect(sol.state(sol.t.length - 1)[0]).toBe(sol.y[sol.y.length - 2]);
    expect(() => sol.at(1.5)).toThrow(InvalidArgumentError);
    expect(() => sol.state(99)).toThrow(InvalidArgumentError);
    const noDense = solve(osc, rk4({ dt: 0.25 }), { dense: false });
    expect(noDense.stats.nfev).toBe(16);
    expect(sol.stats.nfev).toBe(17); // one extra evaluation: the end derivative of the last step
    expect(() => noDense.at(0.5)).toThrow(InvalidArgumentError);
  });

  test('invalid arguments throw named errors before any right-hand-side evaluation', () => {
    let calls = 0;
    const rhs = (_t: number, y: Vec, dy: Vec) => { calls++; dy[0] = -y[0]; };
    const expectArg = (fn: () => unknown, type: typeof InvalidArgumentError | typeof InvalidTypeError, argument: string) => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(type);
        expect((e as InvalidArgumentError).argument).toBe(argument);
        expect((e as Error).message).toContain(argument);
        return;
      }
      throw new Error(`expected ${argument} to be rejected`);
    };
    expectArg(() => odeProblem({ rhs, y0: [1, Number.NaN], tspan: [0, 1] }), InvalidArgumentError, 'y0[1]');
    expectArg(() => odeProblem({ rhs, y0: [], tspan: [0, 1] }), InvalidArgumentError, 'y0.length');
    expectArg(() => odeProblem({ rhs, y0: [1], tspan: [1, 1] }), InvalidArgumentError, 'tspan[1]');
    expectArg(() => odeProblem({ rhs, y0: [1], tspan: [0, Infinity] }), InvalidArgumentError, 'tspan[1]');
    expectArg(() => odeProblem({ rhs: 3 as never, y0: [1], tspan: [0, 1] }), InvalidTypeError, 'rhs');
    expectArg(() => rk4({ dt: 0 }), InvalidArgumentError, 'dt');
    expectArg(() => rk4({ dt: 'big' as never }), InvalidTypeError, 'dt');
    expectArg(() => dopri5({ rtol: -1 }), InvalidArgumentError, 'rtol');
    expectArg(() => dopri5({ controller: 'fancy' as never }), InvalidArgumentError, 'controller');
    expectArg(() => dopri5({ rtol: 0, atol: 0 }), InvalidArgumentError, 'atol');
    const prob = odeProblem({ rhs, y0: [1], tspan: [0, 1] });
    expectArg(() => solve(prob, dopri5({ atol: new Float64Array(3) })), InvalidTypeError, 'atol');
    expectArg(() => solve(prob, rk4({ dt: 0.1 }), { saveAt: [0.5, 1.5] }), InvalidArgumentError, 'options.saveAt[1]');
    expectArg(() => solve(prob, rk4({ dt: 0.1 }), { saveAt: [0.5, 0.4] }), InvalidArgumentError, 'options.saveAt[1]');
    expectArg(() => solve(prob, rk4({ dt: 0.1 }), { maxSteps: 0 }), InvalidArgumentError, 'options.maxSteps');
    expectArg(() => solve(prob, rk4({ dt: 0.1 }), { events: [{ fn: (t) => t, direction: 2 as never }] }), InvalidArgumentError, 'options.events[0].direction');
    expectArg(() => solve(prob, imexEuler({ dt: 0.1 })), InvalidArgumentError, 'prob.linear');
    expectArg(() => init(prob, {} as never), InvalidTypeError, 'alg');
    expect(calls).toBe(0);
  });

  test('integrator setState/stopAt: restart from a new state and stop at an intermediate time', () => {
    for (const alg of [dopri5({ rtol: 1e-10, atol: 1e-12 }), rk4({ dt: 1e-3 })]) {
      const it = init(decay, alg, { tStop: 0.25 });
      while (it.step());
      expect(it.t).toBe(0.25);
      expect(it.status).toBe('running');
      expect(Math.abs(it.y[0] - Math.exp(-0.25))).toBeLessThan(1e-9);
      it.setState(0.5, new Float64Array([2])); // impulsive change: y(0.5) = 2
      it.stopAt(1);
      while (it.step());
      expect(it.status).toBe('success');
      expect(Math.abs(it.y[0] - 2 * Math.exp(-0.5))).toBeLessThan(1e-9);
      expect(() => it.setState(2, new Float64Array([1]))).toThrow(InvalidArgumentError);
    }
  });
});
