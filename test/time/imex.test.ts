import { odeProblem } from '../../src/time/problem';
import { imexArs222, imexEuler } from '../../src/time/imex';
import { rk4 } from '../../src/time/explicitRk';
import { diagonalOperator, type StiffLinearOperator } from '../../src/time/linearOperator';
import { solve } from '../../src/time/solve';
import type { Vec } from '../../src/core/types';
import { laplacian, manufacturedSemilinear } from './semilinear';
import { observedOrder } from './testRandom';

describe('IMEX methods for stiff diffusion', () => {
  const n = 200; // explicit stability limit for RK4 ≈ 2.785·dx²/4 ≈ 1.7e-5
  const { prob, errorAt } = manufacturedSemilinear(n);
  const dts = [0.1, 0.05, 0.025, 0.0125];

  function finalError(alg: ReturnType<typeof imexEuler>): number {
    const sol = solve(prob, alg, { dense: false, saveAt: [1] });
    expect(sol.status).toBe('success');
    return errorAt(1, sol.y, 0);
  }

  test('ARS(2,2,2): observed order 2 with steps 6000× above the explicit limit', () => {
    const errs = dts.map((dt) => finalError(imexArs222({ dt })));
    const order = observedOrder(dts, errs);
    expect(order).toBeGreaterThan(1.85);
    expect(order).toBeLessThan(2.15);
    // every halving of dt divides the error by ≈ 4 (no order reduction from the stiff part)
    for (let k = 1; k < errs.length; k++) expect(Math.abs(Math.log2(errs[k - 1] / errs[k]) - 2)).toBeLessThan(0.1);
  });

  test('IMEX Euler: observed order 1', () => {
    const errs = dts.map((dt) => finalError(imexEuler({ dt })));
    const order = observedOrder(dts, errs);
    expect(order).toBeGreaterThan(0.9);
    expect(order).toBeLessThan(1.1);
  });

  test('counters: per step ARS(2,2,2) uses 2 evaluations and 2 shifted solves, IMEX Euler 1 and 1', () => {
    const a = solve(prob, imexArs222({ dt: 0.1 }), { dense: false });
    expect(a.stats.naccept).toBe(10);
    expect(a.stats.nfev).toBe(20);
    expect(a.stats.nlinsolve).toBe(20);
    const e = solve(prob, imexEuler({ dt: 0.1 }), { dense: false });
    expect(e.stats.nfev).toBe(10);
    expect(e.stats.nlinsolve).toBe(10);
  });

  test('stability: the stiffest mode is damped at dt = 0.05 (L-stability), where RK4 explodes', () => {
    // u0 = the highest-frequency eigenvector of L (eigenvalue ≈ −4/dx² ≈ −1.6e5), pure diffusion.
    const dx = 1 / (n + 1);
    const u0 = new Float64Array(n);
    for (let i = 0; i < n; i++) u0[i] = Math.sin(Math.PI * n * (i + 1) * dx);
    const heat = odeProblem({ rhs(_t, _u, du) { du.fill(0); }, y0: u0, tspan: [0, 0.5], linear: laplacian(n) });
    for (const alg of [imexArs222({ dt: 0.05 }), imexEuler({ dt: 0.05 })]) {
      const sol = solve(heat, alg, { saveAt: [0.05, 0.5], dense: false });
      expect(sol.status).toBe('success');
      let first = 0;
      let last = 0;
      for (let i = 0; i < n; i++) {
        first = Math.max(first, Math.abs(sol.y[i]));
        last = Math.max(last, Math.abs(sol.y[n + i]));
      }
      expect(first).toBeLessThan(0.2); // one step: |R(z)| ≤ 0.2 for z = dt·λ ≈ −8e3
      expect(last).toBeLessThan(1e-6);
    }
    const explicit = solve(heat, rk4({ dt: 0.05 }), { dense: false });
    const lastState = explicit.y.subarray(explicit.y.length - n);
    expect(explicit.status === 'nonFinite' || Math.max(...Array.from(lastState, Math.abs)) > 1e10).toBe(true);
  });
});

describe('stiff linear operators', () => {
  function residual(L: StiffLinearOperator, gammaDt: number, b: Vec): number {
    const x = L.solveShifted(gammaDt, b, new Float64Array(L.dim));
    const Lx = L.apply(x, new Float64Array(L.dim));
    let r = 0;
    let scale = 0;
    for (let i = 0; i < L.dim; i++) {
      r = Math.max(r, Math.abs(x[i] - gammaDt * Lx[i] - b[i]));
      scale = Math.max(scale, Math.abs(b[i]));
    }
    return r / scale;
  }

  test('tridiagonal (plain and periodic) and diagonal: (I − γΔt L) x = b solved to round-off, cache reuse is consistent', () => {
    const n = 50;
    const b = new Float64Array(n);
    for (let i = 0; i < n; i++) b[i] = Math.cos(0.3 * i) + 0.1 * i;
    const d = new Float64Array(n);
    for (let i = 0; i < n; i++) d[i] = -(i * i);
    for (const L of [laplacian(n), laplacian(n, true), diagonalOperator(d)]) {
      // alternate between more values than the cache holds, then revisit the first ones
      for (const gdt of [1e-3, 0.1, 1e-3, 2e-3, 3e-3, 4e-3, 5e-3, 0.1, 1e-3]) {
        expect(residual(L, gdt, b)).toBeLessThan(1e-12);
      }
    }
  });

  test('periodic apply wraps around (constant vectors are in the kernel of the periodic Laplacian)', () => {
    const n = 16;
    const L = laplacian(n, true);
    const ones = new Float64Array(n).fill(1);
    const out = L.apply(ones, new Float64Array(n));
    expect(Math.max(...Array.from(out, Math.abs))).toBe(0);
    const dirichlet = laplacian(n).apply(ones, new Float64Array(n));
    expect(dirichlet[0]).toBeLessThan(0);
  });
});
