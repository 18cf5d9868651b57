/** Test problems with exact gradients. */
import type { Objective } from '../../src/optim/types';

/** Extended Rosenbrock (Moré–Garbow–Hillstrom #21): Σ over pairs 100(x_{2i+1} − x_{2i}²)² + (1 − x_{2i})². */
export const rosenbrock: Objective = (x, g) => {
  let f = 0;
  for (let i = 0; i + 1 < x.length; i += 2) {
    const a = x[i + 1] - x[i] * x[i];
    const b = 1 - x[i];
    f += 100 * a * a + b * b;
    g[i] = -400 * x[i] * a - 2 * b;
    g[i + 1] = 200 * a;
  }
  return f;
};

/** Standard start (−1.2, 1, −1.2, 1, …). */
export function rosenbrockStart(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -1.2 : 1));
}

/** A symmetric positive definite matrix with eigenvalues from 1 to `condition` (deterministic). */
export function spdMatrix(n: number, condition: number): Float64Array {
  // A = Q D Qᵀ with Q a product of Householder-like rotations built from a fixed sequence
  const A = new Float64Array(n * n);
  const v = Float64Array.from({ length: n }, (_, i) => Math.sin(1.7 * i + 0.3));
  const vv = v.reduce((s, t) => s + t * t, 0);
  for (let k = 0; k < n; k++) {
    const lambda = Math.pow(condition, k / (n - 1));
    // eigenvector k of the reflection P = I − 2vvᵀ/vᵀv applied to e_k
    for (let i = 0; i < n; i++) {
      const qik = (i === k ? 1 : 0) - (2 * v[i] * v[k]) / vv;
      for (let j = 0; j < n; j++) {
        const qjk = (j === k ? 1 : 0) - (2 * v[j] * v[k]) / vv;
        A[i * n + j] += lambda * qik * qjk;
      }
    }
  }
  return A;
}

/** f(x) = ½(x − x*)ᵀA(x − x*) with its minimizer. */
export function quadratic(A: Float64Array, xStar: Float64Array): Objective {
  const n = xStar.length;
  return (x, g) => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v += A[i * n + j] * (x[j] - xStar[j]);
      g[i] = v;
      f += 0.5 * (x[i] - xStar[i]) * v;
    }
    return f;
  };
}
