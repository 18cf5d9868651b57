import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DenseQuasiNewtonMinimizer } from '../../src/optim/quasiNewton';
import { selfScaledBroydenUpdate, ssBroyden1Parameters } from '../../src/optim/selfScaledBroyden';
import { quadratic, rosenbrock, rosenbrockStart, spdMatrix } from './problems';

const fixture: Array<Record<string, number | string>> = JSON.parse(readFileSync(join(__dirname, '../fixtures/optim/ssbroyden1_parameters.json'), 'utf8'));

/** Dense product of row-major n×n matrices. */
function matmul(A: Float64Array, B: Float64Array, n: number): Float64Array {
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) C[i * n + j] += A[i * n + k] * B[k * n + j];
  return C;
}

describe('self-scaled Broyden update', () => {
  test('τ = φ = 1 is the BFGS update (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ', () => {
    const n = 6;
    const H = spdMatrix(n, 30);
    const s = Float64Array.from({ length: n }, (_, i) => Math.cos(2 * i + 1));
    const y = Float64Array.from({ length: n }, (_, i) => Math.cos(2 * i + 1) + 0.3 * Math.sin(i));
    let ys = 0;
    for (let i = 0; i < n; i++) ys += y[i] * s[i];
    expect(ys).toBeGreaterThan(0);
    const rho = 1 / ys;
    const V = new Float64Array(n * n);
    const Vt = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        V[i * n + j] = (i === j ? 1 : 0) - rho * y[i] * s[j];
        Vt[j * n + i] = V[i * n + j];
      }
    }
    const expected = matmul(matmul(Vt, H, n), V, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expected[i * n + j] += rho * s[i] * s[j];
    const updated = selfScaledBroydenUpdate(Float64Array.from(H), n, s, y, 1, 1, new Float64Array(n));
    const scale = expected.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    for (let k = 0; k < n * n; k++) expect(Math.abs(updated[k] - expected[k])).toBeLessThan(1e-14 * scale);
  });

  test('SSBroyden1 parameters agree with the reference rule evaluated in Python (incl. a < −1 NaN semantics)', () => {
    let nanCases = 0;
    for (const c of fixture) {
      const a = c.a as number;
      const p = ssBroyden1Parameters(a, c.b as number, c.h as number, c.n as number, false);
      if (a < -1) nanCases++;
      for (const key of ['tau', 'phi', 'theta'] as const) {
        const ref = c[key];
        const got = p[key];
        if (typeof ref === 'string') expect(String(got)).toBe(ref === 'inf' ? 'Infinity' : ref === '-inf' ? '-Infinity' : 'NaN');
        else expect(Math.abs(got - ref)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(ref)));
      }
    }
    expect(nanCases).toBeGreaterThan(50);
  });

  test('synthetic a < −1: r is NaN, ρ⁻ = θ⁺ = 1 (Python min/max); the guard replaces the rule', () => {
    // b < 1: θ = min(θ⁺ = 1, θ_SR1 = 1/(1 − b) = 2) = 1 → σ = 1 + a = −1, τ = ρ̃ min(σ̃, 1/θ) = 1, φ = 0
    const p = ssBroyden1Parameters(-2, 0.5, 1, 10, false);
    expect(p.theta).toBe(1);
    expect(p.tau).toBe(1);
    expect(p.phi === 0).toBe(true);
    // b > 1: θ = max(θ⁻ = (1 − 1)/a = 0, θ_SR1 = −1) = 0 → σ = 1, τ = min(ρ̃σ̃, σ) = 1/b, φ = 1
    const q = ssBroyden1Parameters(-2, 2, 1, 10, false);
    expect(q.theta === 0).toBe(true);
    expect(q.tau).toBe(0.5);
    expect(q.phi).toBe(1);
    const guarded = ssBroyden1Parameters(-2, 4, 1, 10);
    expect(guarded).toEqual({ tau: 0.25, phi: 1, theta: 0, guarded: true });
    expect(ssBroyden1Parameters(1e-15, 0.5, 1, 10)).toEqual({ tau: 1, phi: 1, theta: 0, guarded: true });
  });

  test('on a convex quadratic, after every update: secant condition H y = s to round-off, H exactly symmetric', () => {
    const n = 10;
    const A = spdMatrix(n, 1e3);
    const xStar = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
    const opt = new DenseQuasiNewtonMinimizer(quadratic(A, xStar), new Float64Array(n), { update: 'ssbroyden1' });
    let nonTrivialTau = 0;
    for (let k = 0; k < 25; k++) {
      const xOld = Float64Array.from(opt.x);
      const gOld = Float64Array.from(opt.g);
      if (opt.step().status !== undefined) break;
      if (opt.lastUpdate.kind !== 'updated') continue;
      if (Math.abs(opt.lastUpdate.tau - 1) > 1e-3 || Math.abs(opt.lastUpdate.phi - 1) > 1e-3) nonTrivialTau++;
      const s = opt.x.map((v, i) => v - xOld[i]);
      const y = opt.g.map((v, i) => v - gOld[i]);
      const H = opt.inverseHessian;
      let residual = 0;
      let sNorm = 0;
      let bound = 0;
      for (let i = 0; i < n; i++) {
        let hy = 0;
        let absHy = 0;
        for (let j = 0; j < n; j++) {
          hy += H[i * n + j] * y[j];
          absHy += Math.abs(H[i * n + j] * y[j]);
          expect(H[i * n + j]).toBe(H[j * n + i]);
        }
        residual = Math.max(residual, Math.abs(hy - s[i]));
        sNorm = Math.max(sNorm, Math.abs(s[i]));
        bound = Math.max(bound, absHy);
      }
      expect(residual).toBeLessThan(64 * Number.EPSILON * Math.max(bound, sNorm)); // round-off of the product H y
    }
    expect(nonTrivialTau).toBeGreaterThan(3); // the self-scaling was active, not plain BFGS
  });

  test('restart: symmetrise, Cholesky check, reset to I only on failure', () => {
    const opt = new DenseQuasiNewtonMinimizer(rosenbrock, rosenbrockStart(2), { update: 'ssbroyden1' });
    const H = opt.inverseHessian;
    H.set([2, 0.5, 0.1, 1]); // non-symmetric but its symmetric part is positive definite
    const nfev = opt.nfev;
    expect(opt.restart()).toBe(false);
    expect(Array.from(H)).toEqual([2, 0.3, 0.3, 1]);
    expect(opt.nfev).toBe(nfev + 1);
    H.set([1, 0, 0, -1]); // injected indefinite H
    expect(opt.restart()).toBe(true);
    expect(Array.from(H)).toEqual([1, 0, 0, 1]);
    expect(opt.counters.resets).toBe(1);
    // the restarted minimizer still converges
    for (let k = 0; k < 200 && opt.step().status === undefined && Math.max(...opt.g.map(Math.abs)) > 1e-9; k++);
    expect(Math.abs(opt.x[0] - 1)).toBeLessThan(1e-8);
  });

  test('an indefinite H injected mid-run is survived (ascent direction → reset to I)', () => {
    const opt = new DenseQuasiNewtonMinimizer(rosenbrock, rosenbrockStart(2), { update: 'ssbroyden1' });
    for (let k = 0; k < 5; k++) opt.step();
    opt.inverseHessian.set([-1, 0, 0, -1]);
    const f = opt.f;
    expect(opt.step().status).toBeUndefined();
    expect(opt.f).toBeLessThan(f);
    expect(opt.counters.resets).toBe(1);
  });
});
