import { InvalidArgumentError } from '../../src/core/errors';
import { ark324 } from '../../src/time/ark324';
import { init } from '../../src/time/integrator';
import { tridiagonalOperator } from '../../src/time/linearOperator';
import { odeProblem } from '../../src/time/problem';
import { solve } from '../../src/time/solve';
import { manufacturedSemilinear } from './semilinear';
import { observedOrder } from './testRandom';

describe('adaptive ARK3(2)4L[2]SA (ark324)', () => {
  const n = 200;
  const { prob, errorAt } = manufacturedSemilinear(n);
  const tols = [1e-5, 1e-7, 1e-9];
  let runs: ReturnType<typeof solve>[] = [];
  beforeAll(() => {
    runs = tols.map((tol) => solve(prob, ark324({ rtol: tol, atol: tol }), { saveAt: [0.37, 1] }));
  });

  test('the global error follows the tolerance (error/tol in [0.5, 20], slope 1 ± 0.1), also at an interpolated time; steps grow like tol^(−1/3)', () => {
    const errors = runs.map((sol) => errorAt(1, sol.y, n));
    runs.forEach((sol, k) => {
      expect(sol.status).toBe('success');
      expect(errors[k] / tols[k]).toBeGreaterThan(0.5);
      expect(errors[k] / tols[k]).toBeLessThan(20);
      expect(errorAt(0.37, sol.y, 0) / tols[k]).toBeLessThan(20); // cubic Hermite dense output
    });
    const slope = observedOrder(tols, errors);
    expect(slope).toBeGreaterThan(0.9);
    expect(slope).toBeLessThan(1.1);
    for (let k = 1; k < runs.length; k++) {
      const ratio = runs[k].stats.naccept / runs[k - 1].stats.naccept; // 100^(1/3) ≈ 4.6
      expect(ratio).toBeGreaterThan(3);
      expect(ratio).toBeLessThan(7);
    }
  });

  test('stiffness costs nothing: ~30 steps at tol 1e-5 where an explicit method needs > 5e4; 3 shifted solves per attempt', () => {
    expect(runs[0].stats.nsteps).toBeLessThan(60);
    for (const sol of runs) expect(sol.stats.nlinsolve).toBe(3 * sol.stats.nsteps);
  });

  test('step by step with init and stopAt; backward in time; bad options are rejected', () => {
    const it = init(prob, ark324({ rtol: 1e-6 }), { tStop: 0.25 });
    while (it.step()) { /* advance to the stop time */ }
    expect(it.t).toBe(0.25);
    expect(errorAt(0.25, it.y, 0)).toBeLessThan(1e-4);
    const back = odeProblem({ rhs: (_t, _y, dy) => dy.fill(0), y0: [1], tspan: [1, 0], linear: tridiagonalOperator({ lower: Float64Array.of(0), diag: Float64Array.of(-1), upper: Float64Array.of(0) }) });
    const solBack = solve(back, ark324({ rtol: 1e-9, atol: 1e-12 }), { saveAt: [0] });
    expect(Math.abs(solBack.y[0] - Math.E) / Math.E).toBeLessThan(1e-7); // y' = −y backwards: e^{1}
    expect(() => ark324({ rtol: -1 })).toThrow(InvalidArgumentError);
    expect(() => ark324({ rtol: 0, atol: 0 })).toThrow(InvalidArgumentError);
    expect(() => solve(odeProblem({ rhs: (_t, y, dy) => dy.set(y), y0: [1], tspan: [0, 1] }), ark324())).toThrow(InvalidArgumentError);
  });
});
