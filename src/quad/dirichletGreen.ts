/**
 * The 1-D Dirichlet Green's function applied with cumulative trapezoid sums: the solution of
 * `−ψ'' = f` on `[x_0, x_{n−1}]` with `ψ(x_0) = ψ(x_{n−1}) = 0`, and its derivative, in O(n)
 * without a linear solve.
 *
 * @module
 */
import { checkStrictlyIncreasing, checkVec } from '../core/check';
import type { Vec } from '../core/types';
import { pow2Exponent, scaleByPow2 } from '../core/pow2';

/**
 * Solve `−ψ'' = f`, `ψ(x_0) = ψ(x_{n−1}) = 0`, on strictly increasing nodes by the Green's function
 *
 *     ψ(x) = ((b − x)/L)·A(x) + ((x − a)/L)·B(x),   ψ'(x) = (B(x) − A(x))/L,
 *     A(x) = ∫_a^x (y − a) f(y) dy,   B(x) = ∫_x^b (b − y) f(y) dy,   L = b − a,
 *
 * with A and B accumulated by the composite trapezoid rule (exact for piecewise-linear `(y−a)f`,
 * second order on any grid). With `a = 0`, `b = π` this is the Biot–Savart law of odd periodic
 * data on [0, π] (thesis §A.4, Lemma A.4.1, eq. (A.4.1)): `ψ'(0) = (1/π)∫₀^π (π − y) f dy`.
 * The derivative is consistent with ψ: both come from the same two cumulative sums.
 * Intervals of any representable length work (lengths beyond 2^±100 are measured in power-of-two
 * units, exact: ψ ~ L² and ψ′ ~ L are then correct, or ±Infinity where not doubles).
 * Complexity O(n), no allocation when `psi`, `dpsi` and `work` are given.
 *
 * @param x - nodes, strictly increasing, length n ≥ 2
 * @param f - right-hand side at the nodes (length n)
 * @param psi - output ψ at the nodes (length n)
 * @param dpsi - optional output ψ' at the nodes (length n)
 * @param work - optional scratch of length n
 * @example
 * ```ts
 * const x = Float64Array.from({ length: 101 }, (_, i) => (Math.PI * i) / 100);
 * const psi = new Float64Array(101), dpsi = new Float64Array(101);
 * dirichletGreenSolve(x, x.map(Math.sin), psi, dpsi); // psi ≈ sin x, dpsi ≈ cos x (O(h²))
 * ```
 */
export function dirichletGreenSolve(x: Vec, f: Vec, psi: Vec, dpsi?: Vec, work?: Vec): void {
  checkVec('x', x);
  checkStrictlyIncreasing('x', x, 2);
  const n = x.length;
  checkVec('f', f, n);
  checkVec('psi', psi, n);
  if (dpsi !== undefined) checkVec('dpsi', dpsi, n);
  const w = work === undefined ? new Float64Array(n) : checkVec('work', work, n);
  dirichletGreenKernel(n, x, f, psi, dpsi, w);
}

/**
 * Unchecked kernel of {@link dirichletGreenSolve} for hot loops (callers validated the sizes once).
 * `psi` receives ψ, `dpsi` (if given) ψ', `work` is overwritten.
 * @example
 * ```ts
 * dirichletGreenKernel(x.length, x, f, psi, dpsi, work);
 * ```
 */
export function dirichletGreenKernel(n: number, x: Vec, f: Vec, psi: Vec, dpsi: Vec | undefined, work: Vec): void {
  const a = x[0];
  const b = x[n - 1];
  const L = b - a;
  if (!(L >= 2 ** -100 && L <= 2 ** 100)) {
    scaledKernel(n, x, f, psi, dpsi, work);
    return;
  }
  // work ← A(x_i) (left cumulative integral of (y − a)f).
  work[0] = 0;
  let prev = 0; // (x_0 − a)f_0 = 0
  for (let i = 1; i < n; i++) {
    const cur = (x[i] - a) * f[i];
    work[i] = work[i - 1] + 0.5 * (x[i] - x[i - 1]) * (prev + cur);
    prev = cur;
  }
  // Sweep from the right accumulating B(x_i) of (b − y)f.
  let B = 0;
  let prevB = 0; // (b − x_{n−1})f = 0
  psi[n - 1] = 0;
  if (dpsi !== undefined) dpsi[n - 1] = -work[n - 1] / L;
  for (let i = n - 2; i >= 0; i--) {
    const cur = (b - x[i]) * f[i];
    B += 0.5 * (x[i + 1] - x[i]) * (prevB + cur);
    prevB = cur;
    const A = work[i];
    psi[i] = ((b - x[i]) * A + (x[i] - a) * B) / L;
    if (dpsi !== undefined) dpsi[i] = (B - A) / L;
  }
  psi[0] = 0;
}

/**
 * The kernel for intervals of length outside [2^−100, 2^100], where the products (b − x)·A of three
 * length scales under- or overflow (ψ ~ L², so ψ of L = 1e−150 came out 0 and ψ′ of L = 1e200 NaN):
 * lengths are measured in units 2^e ≈ L (exact power-of-two scaling), ψ and ψ′ scaled back by 2^(2e)
 * and 2^e (±Infinity where their true values are not doubles).
 */
function scaledKernel(n: number, x: Vec, f: Vec, psi: Vec, dpsi: Vec | undefined, work: Vec): void {
  const a = x[0];
  const b = x[n - 1];
  const e = pow2Exponent(b / 2 - a / 2) + 1; // b − a itself may overflow
  const half = Math.trunc(-e / 2);
  const u1 = scaleByPow2(1, half), u2 = scaleByPow2(1, -e - half); // u1·u2 = 2^(−e)
  const len = (hi: number, lo: number): number => (hi * u1 - lo * u1) * u2; // (hi − lo)·2^(−e) without overflow
  const L = len(b, a);
  work[0] = 0;
  let prev = 0;
  for (let i = 1; i < n; i++) {
    const cur = len(x[i], a) * f[i];
    work[i] = work[i - 1] + 0.5 * len(x[i], x[i - 1]) * (prev + cur);
    prev = cur;
  }
  let B = 0;
  let prevB = 0;
  psi[n - 1] = 0;
  if (dpsi !== undefined) dpsi[n - 1] = scaleByPow2(-work[n - 1] / L, e);
  for (let i = n - 2; i >= 0; i--) {
    const cur = len(b, x[i]) * f[i];
    B += 0.5 * len(x[i + 1], x[i]) * (prevB + cur);
    prevB = cur;
    const A = work[i];
    psi[i] = scaleByPow2((len(b, x[i]) * A + len(x[i], a) * B) / L, 2 * e);
    if (dpsi !== undefined) dpsi[i] = scaleByPow2((B - A) / L, e);
  }
  psi[0] = 0;
}
