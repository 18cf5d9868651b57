import { dirichletGreenSolve } from '../../src/quad/index';
import { InvalidArgumentError } from '../../src/core/errors';

const cubicNodes = (n: number) => Float64Array.from({ length: n }, (_, i) => (i === n - 1 ? Math.PI : Math.PI * (1 - (1 - i / (n - 1)) ** 3)));
// ω = sin x + 3 sin 3x has ψ = sin x + sin(3x)/3, ψ_x = cos x + cos 3x, ψ_x(0) = 2.
const omega = (x: number) => Math.sin(x) + 3 * Math.sin(3 * x);
const psiExact = (x: number) => Math.sin(x) + Math.sin(3 * x) / 3;
const dpsiExact = (x: number) => Math.cos(x) + Math.cos(3 * x);

function errors(n: number): [number, number] {
  const x = cubicNodes(n);
  const psi = new Float64Array(n), dpsi = new Float64Array(n);
  dirichletGreenSolve(x, x.map(omega), psi, dpsi);
  let e0 = 0, e1 = 0;
  for (let i = 0; i < n; i++) {
    e0 = Math.max(e0, Math.abs(psi[i] - psiExact(x[i])));
    e1 = Math.max(e1, Math.abs(dpsi[i] - dpsiExact(x[i])));
  }
  expect(psi[0]).toBe(0);
  expect(psi[n - 1]).toBe(0);
  return [e0, e1];
}

describe('dirichletGreenSolve (cumulative-sum Green function of −ψ″ = f)', () => {
  test('ψ and ψ′ converge at second order on a clustered grid (observed order in [1.9, 2.1])', () => {
    const e = [100, 200, 400].map(errors);
    for (let k = 1; k < e.length; k++) {
      for (const j of [0, 1]) {
        const order = Math.log2(e[k - 1][j] / e[k][j]);
        expect(order).toBeGreaterThan(1.9);
        expect(order).toBeLessThan(2.1);
      }
    }
    expect(e[2][1]).toBeLessThan(1e-3); // observed 4.6e-4 (trapezoid error of the cumulative sums)
  });

  test('exact for piecewise-linear (y − a)f: f ≡ 1 gives ψ = x(π − x)/2 to round-off', () => {
    const x = cubicNodes(37);
    const psi = new Float64Array(37), dpsi = new Float64Array(37);
    dirichletGreenSolve(x, new Float64Array(37).fill(1), psi, dpsi);
    for (let i = 0; i < 37; i++) {
      // (y − 0)·1 and (π − y)·1 are linear, so the trapezoid sums are exact.
      expect(Math.abs(psi[i] - x[i] * (Math.PI - x[i]) / 2)).toBeLessThan(1e-14);
      expect(Math.abs(dpsi[i] - (Math.PI / 2 - x[i]))).toBeLessThan(1e-14);
    }
  });

  test('rejects non-increasing nodes and mismatched lengths', () => {
    expect(() => dirichletGreenSolve(new Float64Array([0, 2, 1]), new Float64Array(3), new Float64Array(3))).toThrow(InvalidArgumentError);
    expect(() => dirichletGreenSolve(new Float64Array([0, 1, 2]), new Float64Array(2), new Float64Array(3))).toThrow();
  });
});
