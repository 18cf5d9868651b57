/**
 * Finite-codimension (higher vanishing order) blowup of `a_t = a_xx + a²`, thesis §2.5
 * (thesis §2.5.1): with `y = x/λ^{1/m}`, `λ = λ0e^{−τ/2}`,
 * `U_τ = λ^{2−2/m}U_yy − U − yU_y/(2m) + U²` ((2.5.1)–(2.5.3)); for λ = 0 the profile
 * `U* = 1/(1 + cy^{2m})` ((2.5.4)–(2.5.5), c = 1 at thesis §2.5.2) is steady. The linearization
 * `Lε = −ε − yε_y/(2m) + 2U*ε` ((2.5.6)) maps `y^{2j}` to `(1 − j/m)y^{2j} + O(y^{2j+2m})`, and the
 * constant mode feeds `y^{2m}` with `−2c_0` ((2.5.10)–(2.5.11), index range 0 ≤ j ≤ m−1, docs/blowup.md
 * item 8): m unstable directions plus a neutral one, codimension m + 1.
 *
 * @module
 */
import { checkInteger, checkPositive, checkVec } from '../../core/check';
import type { Vec } from '../../core/types';
import { cubicSplineOperator } from '../../diff/cubicSplineOperator';
import { parityFitDerivativesAtZero } from '../../diff/parityFit';
import type { Grid1D } from '../../grid/grid1d';

/**
 * `U*(y) = 1/(1 + c y^{2m})` at the nodes (thesis (2.5.5)). O(n).
 *
 * @example
 * ```ts
 * finiteCodimensionProfile(2, new Float64Array([0, 1])); // [1, 0.5]
 * ```
 */
export function finiteCodimensionProfile(m: number, y: Vec, out?: Vec, c = 1): Vec {
  checkInteger('m', m, 1);
  checkVec('y', y);
  checkPositive('c', c);
  const res = out === undefined ? new Float64Array(y.length) : checkVec('out', out, y.length);
  for (let i = 0; i < y.length; i++) res[i] = 1 / (1 + c * Math.pow(y[i] * y[i], m));
  return res;
}

/**
 * The discrete linearized operator `Lε = −ε − yε_y/(2m) + 2U*ε` (thesis (2.5.6)), with ε_y the
 * cubic-spline derivative (even end at y = 0, natural at the far end). O(n).
 *
 * @example
 * ```ts
 * const Le = finiteCodimensionOperator(2, grid, eps);
 * ```
 */
export function finiteCodimensionOperator(m: number, grid: Grid1D, eps: Vec, out?: Vec, c = 1): Vec {
  checkInteger('m', m, 1);
  const n = grid.n;
  checkVec('eps', eps, n);
  const res = out === undefined ? new Float64Array(n) : checkVec('out', out, n);
  const dy = cubicSplineOperator(grid, { left: 'even', right: 'natural' }).firstDerivative(eps);
  const U = finiteCodimensionProfile(m, grid.x, undefined, c);
  for (let i = 0; i < n; i++) res[i] = -eps[i] - (grid.x[i] * dy[i]) / (2 * m) + 2 * U[i] * eps[i];
  return res;
}

/**
 * Residual of the λ = 0 rescaled equation at the profile, `−U* − yU*_y/(2m) + U*²`, with the
 * spline derivative: zero for the exact derivative, O(h⁴) on smoothly mapped grids. O(n).
 *
 * @example
 * ```ts
 * const r = finiteCodimensionResidual(2, grid); // max |r| → 0 like h⁴
 * ```
 */
export function finiteCodimensionResidual(m: number, grid: Grid1D, out?: Vec, c = 1): Vec {
  const U = finiteCodimensionProfile(m, grid.x, undefined, c);
  const dy = cubicSplineOperator(grid, { left: 'even', right: 'natural' }).firstDerivative(U);
  const res = out === undefined ? new Float64Array(grid.n) : checkVec('out', out, grid.n);
  for (let i = 0; i < grid.n; i++) res[i] = -U[i] - (grid.x[i] * dy[i]) / (2 * m) + U[i] * U[i];
  return res;
}

/**
 * The modulation matrix of §2.5 in Taylor space: `A[i][j] = [L y^{2j}]_i` (coefficient of
 * `y^{2i}`), i, j = 0..m, computed from the Taylor series of U* (`[U*]_l = (−c)^{l/m}` when m | l).
 * Lower triangular with diagonal `1 − j/m` (the eigenvalues of (2.5.11); 0 for j = m) and
 * `A[m][0] = −2c` (the `−2c_0` coupling of `ċ_m`). Row-major (m+1)². O(m²).
 *
 * @example
 * ```ts
 * const A = finiteCodimensionModulationMatrix(2); // diag [1, 1/2, 0], A[2][0] = −2
 * ```
 */
export function finiteCodimensionModulationMatrix(m: number, c = 1): Float64Array {
  checkInteger('m', m, 1);
  checkPositive('c', c);
  const K = m + 1;
  const series = new Float64Array(K); // coefficients of U* in t = y², by the recurrence a_l = −c a_{l−m}
  series[0] = 1;
  for (let l = m; l < K; l++) series[l] = -c * series[l - m];
  const A = new Float64Array(K * K);
  for (let j = 0; j < K; j++) {
    A[j * K + j] += -1 - j / m;
    for (let i = j; i < K; i++) A[i * K + j] += 2 * series[i - j];
  }
  return A;
}

/**
 * Exact eigenvalues `1 − j/m`, j = 0..m, of the modulation system (thesis (2.5.11), corrected index
 * range, docs/blowup.md item 8). O(m).
 *
 * @example
 * ```ts
 * finiteCodimensionEigenvalues(3); // [1, 2/3, 1/3, 0]
 * ```
 */
export function finiteCodimensionEigenvalues(m: number): Float64Array {
  checkInteger('m', m, 1);
  return Float64Array.from({ length: m + 1 }, (_, j) => 1 - j / m);
}

/**
 * Computable check of the eigenvalues on a grid: apply the discrete L (spline derivative) to
 * `ε_j = y^{2j}/(1 + y^{2m+2})` (whose Taylor coefficients up to y^{2m} are those of y^{2j}) and
 * extract `[Lε_j]_j` with an even `points`-node fit at 0. Converges to `1 − j/m` as the spacing
 * near 0 shrinks. O(m·(n + points³)).
 *
 * @example
 * ```ts
 * finiteCodimensionRatesOnGrid(2, mappedGrid(sinhMap({ length: 20, scale: 0.5 }), 400, { symmetry: 'even' }));
 * ```
 */
export function finiteCodimensionRatesOnGrid(m: number, grid: Grid1D, points = m + 3, c = 1): Float64Array {
  checkInteger('m', m, 1);
  checkInteger('points', points, m + 1, grid.n);
  const n = grid.n;
  const y = grid.x;
  const rates = new Float64Array(m + 1);
  const eps = new Float64Array(n);
  const Le = new Float64Array(n);
  const taylor = new Float64Array(points);
  for (let j = 0; j <= m; j++) {
    for (let i = 0; i < n; i++) { const t = y[i] * y[i]; eps[i] = Math.pow(t, j) / (1 + Math.pow(t, m + 1)); }
    finiteCodimensionOperator(m, grid, eps, Le, c);
    parityFitDerivativesAtZero(y, Le, 'even', points, taylor);
    let factorial = 1;
    for (let q = 2; q <= 2 * j; q++) factorial *= q;
    rates[j] = taylor[j] / factorial;
  }
  return rates;
}
