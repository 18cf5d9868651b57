/**
 * Tridiagonal systems: the Thomas algorithm, its cyclic (periodic) variant by Sherman–Morrison,
 * and a factor-once/solve-many object with strided solves for applying along one axis of a
 * multi-dimensional array.
 *
 * Storage convention (LAPACK `gtsv`-like, all length n): row i reads
 * `lower[i]*x[i-1] + diag[i]*x[i] + upper[i]*x[i+1] = rhs[i]`; `lower[0]` and `upper[n-1]`
 * are ignored for the plain solver and are the corner entries for the cyclic one.
 *
 * No pivoting: intended for diagonally dominant or symmetric positive definite matrices
 * (spline and diffusion systems). A zero pivot throws a {@link NumericalError}.
 *
 * @module
 */
import { checkInteger, checkVec } from '../core/check';
import { NumericalError } from '../core/errors';
import type { Vec } from '../core/types';

/**
 * A tridiagonal LU factorization (no pivoting), built once and applied to many right-hand sides.
 * Complexity: O(n) to factor, 5n flops per solve, no allocation per solve.
 *
 * @example
 * ```ts
 * const f = new TridiagonalFactorization(lower, diag, upper);
 * f.solve(rhs, x);                       // contiguous
 * f.solveStrided(field, nx, 0, field, nx, 0); // column 0 of a row-major ny×nx array, in place
 * ```
 */
export class TridiagonalFactorization {
  /** System size. */
  readonly n: number;
  private readonly lower: Vec;
  private readonly upper: Vec;
  /** Reciprocal pivots 1/u_i. */
  private readonly invPivot: Vec;

  /**
   * @param lower - sub-diagonal, `lower[i]` multiplies `x[i-1]` (entry 0 ignored)
   * @param diag - main diagonal
   * @param upper - super-diagonal, `upper[i]` multiplies `x[i+1]` (entry n-1 ignored)
   * @throws NumericalError when a pivot is zero or non-finite
   */
  constructor(lower: Vec, diag: Vec, upper: Vec) {
    checkVec('diag', diag);
    const n = diag.length;
    checkInteger('diag.length', n, 1);
    this.n = n;
    this.lower = new Float64Array(n);
    this.upper = new Float64Array(n);
    this.invPivot = new Float64Array(n);
    this.factor(lower, diag, upper);
  }

  /**
   * Refactor in place for a new matrix of the same size (no allocation): for systems whose
   * coefficients change every step, e.g. implicit stages with a varying shift.
   * @throws NumericalError when a pivot is zero or non-finite
   * @example
   * ```ts
   * f.factor(lower, diagWithNewShift, upper).solve(rhs, x);
   * ```
   */
  factor(lower: Vec, diag: Vec, upper: Vec): this {
    const n = this.n;
    checkVec('diag', diag, n);
    checkVec('lower', lower, n);
    checkVec('upper', upper, n);
    this.lower.set(lower);
    this.upper.set(upper);
    const inv = this.invPivot;
    let pivot = diag[0];
    for (let i = 0; ; i++) {
      if (pivot === 0 || !Number.isFinite(pivot)) {
        throw new NumericalError('singular', `tridiagonal pivot ${i} is ${pivot}; the matrix is singular or needs pivoting`);
      }
      inv[i] = 1 / pivot;
      if (i === n - 1) break;
      pivot = diag[i + 1] - (lower[i + 1] * upper[i]) * inv[i];
    }
    return this;
  }

  /** Solve A x = rhs for contiguous vectors; `out` may alias `rhs`. */
  solve(rhs: Vec, out: Vec = new Float64Array(this.n)): Vec {
    return this.solveStrided(rhs, 1, 0, out, 1, 0);
  }

  /**
   * Solve A x = b (stdlib argument order: array, stride, offset) where b[i] = `rhs[offsetRhs + i*strideRhs]` and x[i] is written to
   * `out[offsetOut + i*strideOut]`. In-place when the two views coincide.
   */
  solveStrided(rhs: Vec, strideRhs: number, offsetRhs: number, out: Vec, strideOut: number, offsetOut: number): Vec {
    const n = this.n;
    const lo = this.lower;
    const up = this.upper;
    const inv = this.invPivot;
    // forward: y_i = b_i - l_i * y_{i-1} / u_{i-1}; store y in out
    let prev = rhs[offsetRhs];
    out[offsetOut] = prev;
    for (let i = 1, ir = offsetRhs + strideRhs, io = offsetOut + strideOut; i < n; i++, ir += strideRhs, io += strideOut) {
      prev = rhs[ir] - lo[i] * inv[i - 1] * prev;
      out[io] = prev;
    }
    // backward: x_i = (y_i - upper_i x_{i+1}) / u_i
    let io = offsetOut + (n - 1) * strideOut;
    let next = out[io] * inv[n - 1];
    out[io] = next;
    for (let i = n - 2; i >= 0; i--) {
      io -= strideOut;
      next = (out[io] - up[i] * next) * inv[i];
      out[io] = next;
    }
    return out;
  }
}

/**
 * Solve one tridiagonal system by the Thomas algorithm (see module conventions).
 * Inputs are not modified. O(n).
 *
 * @example
 * ```ts
 * // -x'' = 1 on 3 interior nodes: [2 -1; -1 2 -1; -1 2] x = 1
 * const x = solveTridiagonal(new Float64Array([0, -1, -1]), new Float64Array([2, 2, 2]),
 *   new Float64Array([-1, -1, 0]), new Float64Array([1, 1, 1])); // [1.5, 2, 1.5]
 * ```
 */
export function solveTridiagonal(lower: Vec, diag: Vec, upper: Vec, rhs: Vec, out?: Vec): Vec {
  const f = new TridiagonalFactorization(lower, diag, upper);
  checkVec('rhs', rhs, f.n);
  return f.solve(rhs, out ?? new Float64Array(f.n));
}

/**
 * A cyclic (periodic) tridiagonal factorization: row 0 also holds `lower[0]` in column n-1 and
 * row n-1 holds `upper[n-1]` in column 0. Solved by Sherman–Morrison on top of
 * {@link TridiagonalFactorization}; two tridiagonal sweeps per solve. Requires n >= 3.
 * @example
 * ```ts
 * const f = new CyclicTridiagonalFactorization(lower, diag, upper);
 * f.solve(rhs, out); // reuse for many right-hand sides
 * ```
 */
export class CyclicTridiagonalFactorization {
  /** System size. */
  readonly n: number;
  private readonly inner: TridiagonalFactorization;
  /** z = A'^{-1} u with u = (gamma, 0, …, 0, upper[n-1]). */
  private readonly z: Vec;
  private readonly vFactor: number; // v = (1, 0, …, 0, lower[0]/gamma)
  private readonly denom: number;
  private readonly work: Vec;

  /**
   * @param lower - sub-diagonal; `lower[0]` is the corner entry A[0][n-1]
   * @param diag - main diagonal
   * @param upper - super-diagonal; `upper[n-1]` is the corner entry A[n-1][0]
   */
  constructor(lower: Vec, diag: Vec, upper: Vec) {
    checkVec('diag', diag);
    const n = diag.length;
    checkInteger('diag.length', n, 3);
    checkVec('lower', lower, n);
    checkVec('upper', upper, n);
    this.n = n;
    const alpha = upper[n - 1]; // A[n-1][0]
    const beta = lower[0]; // A[0][n-1]
    const gamma = diag[0] === 0 ? 1 : -diag[0];
    const d = Float64Array.from(diag);
    d[0] -= gamma;
    d[n - 1] -= (alpha * beta) / gamma;
    this.inner = new TridiagonalFactorization(lower, d, upper);
    const u = new Float64Array(n);
    u[0] = gamma;
    u[n - 1] = alpha;
    this.z = this.inner.solve(u);
    this.vFactor = beta / gamma;
    this.denom = 1 + this.z[0] + this.vFactor * this.z[n - 1];
    if (this.denom === 0 || !Number.isFinite(this.denom)) {
      throw new NumericalError('singular', 'cyclic tridiagonal matrix is singular (Sherman–Morrison denominator is 0)');
    }
    this.work = new Float64Array(n);
  }

  /** Solve A x = rhs; `out` may alias `rhs`. */
  solve(rhs: Vec, out: Vec = new Float64Array(this.n)): Vec {
    return this.solveStrided(rhs, 1, 0, out, 1, 0);
  }

  /** Strided solve, as {@link TridiagonalFactorization.solveStrided}. */
  solveStrided(rhs: Vec, strideRhs: number, offsetRhs: number, out: Vec, strideOut: number, offsetOut: number): Vec {
    const n = this.n;
    const y = this.work;
    this.inner.solveStrided(rhs, strideRhs, offsetRhs, y, 1, 0);
    const z = this.z;
    const factor = (y[0] + this.vFactor * y[n - 1]) / this.denom;
    for (let i = 0, io = offsetOut; i < n; i++, io += strideOut) out[io] = y[i] - factor * z[i];
    return out;
  }
}

/**
 * Solve one cyclic tridiagonal system (see {@link CyclicTridiagonalFactorization}).
 * @example
 * ```ts
 * // periodic −u″ + u on 4 nodes: corners lower[0] and upper[3]
 * const x = solveCyclicTridiagonal(Float64Array.of(-1, -1, -1, -1), Float64Array.of(3, 3, 3, 3), Float64Array.of(-1, -1, -1, -1), Float64Array.of(1, 1, 1, 1)); // ≈ [1, 1, 1, 1]
 * ```
 */
export function solveCyclicTridiagonal(lower: Vec, diag: Vec, upper: Vec, rhs: Vec, out?: Vec): Vec {
  const f = new CyclicTridiagonalFactorization(lower, diag, upper);
  checkVec('rhs', rhs, f.n);
  return f.solve(rhs, out ?? new Float64Array(f.n));
}
