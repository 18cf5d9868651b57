import type { Vec } from '../../src/core/types';
import { tridiagonalOperator, type StiffLinearOperator } from '../../src/time/linearOperator';
import { odeProblem } from '../../src/time/problem';

/** Dirichlet (or periodic) second difference on n interior nodes of [0, 1] (eigenvalues down to ≈ −4/dx²). */
export function laplacian(n: number, periodic = false): StiffLinearOperator {
  const dx = 1 / (n + 1);
  const lower = new Float64Array(n).fill(1 / dx ** 2);
  const upper = new Float64Array(n).fill(1 / dx ** 2);
  const diag = new Float64Array(n).fill(-2 / dx ** 2);
  return tridiagonalOperator({ lower, diag, upper, periodic });
}

/**
 * Stiff semilinear test with a known solution: u' = L u + N(t, u), L the Dirichlet Laplacian,
 * N(t, u) = (φ' − μφ) s − u³ + (φ s)³ where s_i = sin(π x_i) is an exact eigenvector of L with
 * eigenvalue μ. Then u(t) = φ(t) s exactly (for the semi-discrete system), with
 * φ(t) = e^{−t}(1 + sin 3t / 2). The cubic makes N genuinely nonlinear. `errorAt(t, u, offset)`
 * is the max-norm error of the state stored at `u[offset..offset+n)`.
 */
export function manufacturedSemilinear(n: number) {
  const dx = 1 / (n + 1);
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) s[i] = Math.sin(Math.PI * (i + 1) * dx);
  const mu = -(4 / dx ** 2) * Math.sin((Math.PI * dx) / 2) ** 2;
  const phi = (t: number) => Math.exp(-t) * (1 + 0.5 * Math.sin(3 * t));
  const dphi = (t: number) => Math.exp(-t) * (-(1 + 0.5 * Math.sin(3 * t)) + 1.5 * Math.cos(3 * t));
  const rhs = (t: number, u: Vec, du: Vec) => {
    const p = phi(t);
    const forcing = dphi(t) - mu * p;
    for (let i = 0; i < n; i++) du[i] = forcing * s[i] - u[i] ** 3 + (p * s[i]) ** 3;
  };
  const prob = odeProblem({ rhs, y0: s, tspan: [0, 1], linear: laplacian(n) });
  const errorAt = (t: number, u: ArrayLike<number>, offset: number) => {
    let e = 0;
    for (let i = 0; i < n; i++) e = Math.max(e, Math.abs(u[offset + i] - phi(t) * s[i]));
    return e;
  };
  return { prob, errorAt };
}
