/**
 * The stiff linear part `L` of an IMEX problem `y' = L·y + N(t, y)`.
 *
 * IMEX methods only need two operations: the product `L·y` and the shifted solve
 * `(I − γΔt·L) x = b`. Any discretization (finite differences, splines, spectral, FEM mass-lumped)
 * plugs in by implementing {@link StiffLinearOperator}; ready-made constructors cover a
 * tridiagonal `L` (Dirichlet/Neumann/periodic 1-D diffusion) and a diagonal `L` (Fourier modes).
 *
 * @module
 */
import { checkVec, checkInteger } from '../core/check';
import { InvalidTypeError } from '../core/errors';
import type { Vec } from '../core/types';
import { CyclicTridiagonalFactorization, TridiagonalFactorization } from '../linalg/tridiagonal';

/**
 * What an IMEX method needs from the stiff linear operator `L` (dimension `dim`).
 * Both methods write into `out` and return it; `out` must not alias the input.
 * @example
 * ```ts
 * // L = −k² (diagonal) written by hand
 * const L: StiffLinearOperator = {
 *   dim: 3,
 *   apply(y, out) { for (let i = 0; i < 3; i++) out[i] = -((i + 1) ** 2) * y[i]; return out; },
 *   solveShifted(g, rhs, out) { for (let i = 0; i < 3; i++) out[i] = rhs[i] / (1 + g * (i + 1) ** 2); return out; },
 * };
 * ```
 */
export interface StiffLinearOperator {
  /** State dimension. */
  readonly dim: number;
  /** `out ← L·y`. */
  apply(y: Vec, out: Vec): Vec;
  /** `out ← (I − gammaDt·L)⁻¹ rhs`. `gammaDt` is the implicit diagonal coefficient times the signed step. */
  solveShifted(gammaDt: number, rhs: Vec, out: Vec): Vec;
}

/**
 * Options of {@link tridiagonalOperator}.
 * @example
 * ```ts
 * const spec: TridiagonalOperatorSpec = { lower, diag, upper, periodic: true };
 * const L = tridiagonalOperator(spec);
 * ```
 */
export interface TridiagonalOperatorSpec {
  /** Sub-diagonal, `lower[i]` multiplies `y[i-1]`; `lower[0]` is the corner A[0][n-1] when periodic. */
  lower: Vec;
  /** Main diagonal (length n). */
  diag: Vec;
  /** Super-diagonal, `upper[i]` multiplies `y[i+1]`; `upper[n-1]` is the corner A[n-1][0] when periodic. */
  upper: Vec;
  /** Cyclic (periodic) matrix with corner entries (default false; needs n >= 3). */
  periodic?: boolean;
  /** How many factorizations of `I − γΔt·L` (distinct γΔt) to keep (default 4). */
  cacheSize?: number;
}

interface CachedFactorization {
  gammaDt: number;
  factorization: TridiagonalFactorization | CyclicTridiagonalFactorization;
}

/**
 * A tridiagonal (optionally cyclic) stiff operator, storage as in `linalg/tridiagonal`
 * (row i: `lower[i]·y[i-1] + diag[i]·y[i] + upper[i]·y[i+1]`).
 *
 * `solveShifted` factors `I − γΔt·L` with {@link TridiagonalFactorization} (no pivoting: fine for
 * diffusion operators, whose shifted matrix is diagonally dominant for γΔt > 0) and caches the
 * factorization for the last `cacheSize` distinct values of γΔt, so fixed-step IMEX runs factor
 * once. Complexity: `apply` 5n flops; `solveShifted` 5n flops (+ O(n) on a cache miss).
 *
 * @example
 * ```ts
 * // L = D2 (Dirichlet) on n interior nodes of [0, 1]
 * const n = 99, h = 1 / (n + 1);
 * const lower = new Float64Array(n).fill(1 / h ** 2), upper = lower.slice();
 * const diag = new Float64Array(n).fill(-2 / h ** 2);
 * const L = tridiagonalOperator({ lower, diag, upper });
 * ```
 */
export function tridiagonalOperator(spec: TridiagonalOperatorSpec): StiffLinearOperator {
  const diag = checkVec('diag', spec.diag);
  const n = diag.length;
  const periodic = spec.periodic === true;
  checkInteger('diag.length', n, periodic ? 3 : 1);
  const lower = Float64Array.from(checkVec('lower', spec.lower, n));
  const upper = Float64Array.from(checkVec('upper', spec.upper, n));
  const d = Float64Array.from(diag);
  const cacheSize = checkInteger('cacheSize', spec.cacheSize ?? 4, 1, 64);
  const cache: CachedFactorization[] = [];
  const lo = new Float64Array(n);
  const di = new Float64Array(n);
  const up = new Float64Array(n);

  function factorization(gammaDt: number): TridiagonalFactorization | CyclicTridiagonalFactorization {
    for (let k = 0; k < cache.length; k++) {
      if (cache[k].gammaDt === gammaDt) return cache[k].factorization;
    }
    for (let i = 0; i < n; i++) {
      lo[i] = -gammaDt * lower[i];
      di[i] = 1 - gammaDt * d[i];
      up[i] = -gammaDt * upper[i];
    }
    const factorization = periodic ? new CyclicTridiagonalFactorization(lo, di, up) : new TridiagonalFactorization(lo, di, up);
    if (cache.length >= cacheSize) cache.shift();
    cache.push({ gammaDt, factorization });
    return factorization;
  }

  return {
    dim: n,
    apply(y: Vec, out: Vec): Vec {
      if (n === 1) {
        out[0] = d[0] * y[0];
        return out;
      }
      const first = periodic ? lower[0] * y[n - 1] : 0;
      const last = periodic ? upper[n - 1] * y[0] : 0;
      out[0] = first + d[0] * y[0] + upper[0] * y[1];
      for (let i = 1; i < n - 1; i++) out[i] = lower[i] * y[i - 1] + d[i] * y[i] + upper[i] * y[i + 1];
      out[n - 1] = lower[n - 1] * y[n - 2] + d[n - 1] * y[n - 1] + last;
      return out;
    },
    solveShifted(gammaDt: number, rhs: Vec, out: Vec): Vec {
      return factorization(gammaDt).solve(rhs, out);
    },
  };
}

/**
 * A diagonal stiff operator `L = diag(d)` (e.g. a Fourier-space Laplacian −k²).
 * `solveShifted` is the pointwise division `rhs_i / (1 − γΔt·d_i)`. Complexity O(n) per call.
 *
 * @example
 * ```ts
 * const L = diagonalOperator(new Float64Array([-1, -100, -1e4]));
 * ```
 */
export function diagonalOperator(diagonal: Vec): StiffLinearOperator {
  const d = Float64Array.from(checkVec('diagonal', diagonal));
  checkInteger('diagonal.length', d.length, 1);
  const n = d.length;
  return {
    dim: n,
    apply(y: Vec, out: Vec): Vec {
      for (let i = 0; i < n; i++) out[i] = d[i] * y[i];
      return out;
    },
    solveShifted(gammaDt: number, rhs: Vec, out: Vec): Vec {
      for (let i = 0; i < n; i++) out[i] = rhs[i] / (1 - gammaDt * d[i]);
      return out;
    },
  };
}

/** Throw unless `value` implements {@link StiffLinearOperator}. Internal helper. */
export function assertStiffLinearOperator(name: string, value: unknown): asserts value is StiffLinearOperator {
  const op = value as StiffLinearOperator;
  if (op === null || typeof op !== 'object' || typeof op.apply !== 'function' || typeof op.solveShifted !== 'function') {
    throw new InvalidTypeError(name, 'a StiffLinearOperator { dim, apply, solveShifted }', value);
  }
}
