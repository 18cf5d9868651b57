/**
 * Complex vectors stored interleaved ({@link ComplexVec}: entry k is `data[2k] + i·data[2k+1]`):
 * BLAS-1 kernels `zaxpy`, `zdotu`, `zdotc`, `znrm2` in stdlib-js strided style, and a complex
 * tridiagonal solver with partial pivoting (LAPACK `zgttrf`/`zgttrs`) for indefinite and
 * complex-symmetric systems such as 1D Helmholtz problems with impedance boundaries.
 *
 * Strides and offsets count complex ENTRIES: element k of a view is
 * `x[2*(offsetX + k*strideX)]` (real part) and `x[2*(offsetX + k*strideX) + 1]` (imaginary part).
 *
 * @module
 */
import { checkFinite, checkInteger, checkVec } from '../core/check';
import { NumericalError } from '../core/errors';
import type { ComplexVec } from '../core/types';
import { checkStridedView, dnrm2 } from './dense';

function checkComplexView(name: string, x: ComplexVec, n: number, stride: number, offset: number): void {
  checkVec(name, x);
  checkStridedView(name, x.length >> 1, n, stride, offset);
}

/**
 * y ← α·x + y for complex α = alphaRe + i·alphaIm over strided views (BLAS `zaxpy`); returns y.
 * O(n), no allocation.
 * @example
 * ```ts
 * const y = new Float64Array([1, 0]);                  // y = 1
 * zaxpy(1, 0, 1, new Float64Array([2, 3]), 1, 0, y, 1, 0); // y = 1 + i(2 + 3i) = -2 + 2i
 * ```
 */
export function zaxpy(
  n: number, alphaRe: number, alphaIm: number,
  x: ComplexVec, strideX: number, offsetX: number,
  y: ComplexVec, strideY: number, offsetY: number,
): ComplexVec {
  checkInteger('n', n, 0);
  checkFinite('alphaRe', alphaRe);
  checkFinite('alphaIm', alphaIm);
  checkComplexView('x', x, n, strideX, offsetX);
  checkComplexView('y', y, n, strideY, offsetY);
  if (alphaRe === 0 && alphaIm === 0) return y;
  const sx = 2 * strideX;
  const sy = 2 * strideY;
  for (let k = 0, ix = 2 * offsetX, iy = 2 * offsetY; k < n; k++, ix += sx, iy += sy) {
    const xr = x[ix];
    const xi = x[ix + 1];
    y[iy] += alphaRe * xr - alphaIm * xi;
    y[iy + 1] += alphaRe * xi + alphaIm * xr;
  }
  return y;
}

function complexDot(
  conjugateX: boolean, n: number,
  x: ComplexVec, strideX: number, offsetX: number,
  y: ComplexVec, strideY: number, offsetY: number, out2: Float64Array,
): Float64Array {
  checkInteger('n', n, 0);
  checkComplexView('x', x, n, strideX, offsetX);
  checkComplexView('y', y, n, strideY, offsetY);
  checkVec('out2', out2, 2);
  const sign = conjugateX ? -1 : 1;
  const sx = 2 * strideX;
  const sy = 2 * strideY;
  let re = 0;
  let im = 0;
  for (let k = 0, ix = 2 * offsetX, iy = 2 * offsetY; k < n; k++, ix += sx, iy += sy) {
    const xr = x[ix];
    const xi = sign * x[ix + 1];
    const yr = y[iy];
    const yi = y[iy + 1];
    re += xr * yr - xi * yi;
    im += xr * yi + xi * yr;
  }
  out2[0] = re;
  out2[1] = im;
  return out2;
}

/**
 * Unconjugated dot product Σ x_k·y_k (BLAS `zdotu`), the bilinear form of complex-symmetric
 * systems (Helmholtz, BiCGSTAB on Aᵀ = A). Writes [re, im] into `out2` and returns it. O(n).
 * @example
 * ```ts
 * const i2 = zdotu(1, new Float64Array([0, 1]), 1, 0, new Float64Array([0, 1]), 1, 0, new Float64Array(2)); // [-1, 0]
 * ```
 */
export function zdotu(
  n: number, x: ComplexVec, strideX: number, offsetX: number,
  y: ComplexVec, strideY: number, offsetY: number, out2: Float64Array,
): Float64Array {
  return complexDot(false, n, x, strideX, offsetX, y, strideY, offsetY, out2);
}

/**
 * Conjugated dot product Σ conj(x_k)·y_k (BLAS `zdotc`: the first argument is conjugated), the
 * Hermitian inner product ⟨x, y⟩. Writes [re, im] into `out2` and returns it. O(n).
 * @example
 * ```ts
 * const nrm2 = zdotc(1, new Float64Array([0, 1]), 1, 0, new Float64Array([0, 1]), 1, 0, new Float64Array(2)); // [1, 0]
 * ```
 */
export function zdotc(
  n: number, x: ComplexVec, strideX: number, offsetX: number,
  y: ComplexVec, strideY: number, offsetY: number, out2: Float64Array,
): Float64Array {
  return complexDot(true, n, x, strideX, offsetX, y, strideY, offsetY, out2);
}

/**
 * Euclidean norm (Σ|x_k|²)^{1/2} of a complex strided view (BLAS `dznrm2`), free of overflow
 * and underflow: hypot of the scaled norms of the real and imaginary parts ({@link dnrm2}). O(n).
 * @example
 * ```ts
 * znrm2(2, new Float64Array([3, 4, 0, 12]), 1, 0); // 13
 * ```
 */
export function znrm2(n: number, x: ComplexVec, strideX: number, offsetX: number): number {
  checkInteger('n', n, 0);
  checkComplexView('x', x, n, strideX, offsetX);
  if (n === 0) return 0;
  return Math.hypot(dnrm2(n, x, 2 * strideX, 2 * offsetX), dnrm2(n, x, 2 * strideX, 2 * offsetX + 1));
}

/**
 * LU factorization with partial pivoting of a complex tridiagonal matrix (LAPACK `zgttrf`),
 * factor once / solve many (`zgttrs`). Same storage convention as the real
 * {@link TridiagonalFactorization}, with interleaved complex entries (each array has length 2n):
 * row i reads `lower[i]·x[i-1] + diag[i]·x[i] + upper[i]·x[i+1]`; `lower[0]`, `upper[n-1]` are ignored.
 *
 * Pivoting (by |re| + |im|, as LAPACK) makes it safe for indefinite problems where the
 * unpivoted Thomas algorithm can break down (Helmholtz with k·h near resonances).
 * Complexity: O(n) to factor, ≈ 30n real flops per solve, no allocation per solve.
 *
 * @example
 * ```ts
 * const f = new ComplexTridiagonalFactorization(lower, diag, upper); // each of length 2n
 * const x = f.solve(rhs); // rhs, x: ComplexVec of length 2n
 * ```
 */
export class ComplexTridiagonalFactorization {
  /** System size (number of complex unknowns). */
  readonly n: number;
  private readonly dl: Float64Array; // multipliers
  private readonly d: Float64Array; // diagonal of U
  private readonly du: Float64Array; // first super-diagonal of U
  private readonly du2: Float64Array; // second super-diagonal of U (fill from pivoting)
  private readonly swapped: Uint8Array; // row i and i+1 interchanged at step i
  private readonly quotient = new Float64Array(2);

  /**
   * @param lower - sub-diagonal (2n reals); `lower[i]` multiplies x[i-1]
   * @param diag - diagonal (2n reals)
   * @param upper - super-diagonal (2n reals); `upper[i]` multiplies x[i+1]
   * @throws NumericalError with reason `'singular'` when a pivot of U is exactly zero
   */
  constructor(lower: ComplexVec, diag: ComplexVec, upper: ComplexVec) {
    checkVec('diag', diag);
    const n = checkInteger('diag.length / 2', diag.length / 2, 1);
    checkVec('lower', lower, 2 * n);
    checkVec('upper', upper, 2 * n);
    this.n = n;
    const dl = new Float64Array(2 * n);
    const du = new Float64Array(2 * n);
    const d = Float64Array.from(diag);
    const du2 = new Float64Array(2 * n);
    const swapped = new Uint8Array(n);
    for (let i = 0; i + 1 < n; i++) {
      dl[2 * i] = lower[2 * i + 2];
      dl[2 * i + 1] = lower[2 * i + 3];
      du[2 * i] = upper[2 * i];
      du[2 * i + 1] = upper[2 * i + 1];
    }
    const q = new Float64Array(2);
    for (let i = 0; i + 1 < n; i++) {
      const a = 2 * i;
      const c = a + 2;
      if (Math.abs(d[a]) + Math.abs(d[a + 1]) >= Math.abs(dl[a]) + Math.abs(dl[a + 1])) {
        if (d[a] === 0 && d[a + 1] === 0) continue; // zero column: singular, reported below
        divide(dl[a], dl[a + 1], d[a], d[a + 1], q); // fact = dl / d
        dl[a] = q[0];
        dl[a + 1] = q[1];
        d[c] -= q[0] * du[a] - q[1] * du[a + 1];
        d[c + 1] -= q[0] * du[a + 1] + q[1] * du[a];
      } else {
        divide(d[a], d[a + 1], dl[a], dl[a + 1], q); // fact = d / dl, rows i and i+1 swap
        swapped[i] = 1;
        d[a] = dl[a];
        d[a + 1] = dl[a + 1];
        dl[a] = q[0];
        dl[a + 1] = q[1];
        const tr = du[a];
        const ti = du[a + 1];
        du[a] = d[c];
        du[a + 1] = d[c + 1];
        d[c] = tr - (q[0] * du[a] - q[1] * du[a + 1]);
        d[c + 1] = ti - (q[0] * du[a + 1] + q[1] * du[a]);
        if (i + 2 < n) {
          du2[a] = du[c];
          du2[a + 1] = du[c + 1];
          const ur = du[c];
          const ui = du[c + 1];
          du[c] = -(q[0] * ur - q[1] * ui);
          du[c + 1] = -(q[0] * ui + q[1] * ur);
        }
      }
    }
    for (let i = 0; i < n; i++) {
      if ((d[2 * i] === 0 && d[2 * i + 1] === 0) || !Number.isFinite(d[2 * i] + d[2 * i + 1])) {
        throw new NumericalError('singular', `complex tridiagonal pivot ${i} is zero or not finite; the matrix is singular`);
      }
    }
    this.dl = dl;
    this.d = d;
    this.du = du;
    this.du2 = du2;
    this.swapped = swapped;
  }

  /** Solve A x = rhs (ComplexVec of length 2n); `out` may alias `rhs`. */
  solve(rhs: ComplexVec, out?: ComplexVec): ComplexVec {
    const n = this.n;
    checkVec('rhs', rhs, 2 * n);
    const b = out === undefined ? new Float64Array(2 * n) : checkVec('out', out, 2 * n);
    if (b !== rhs) b.set(rhs);
    const { dl, d, du, du2, swapped } = this;
    // L y = P b
    for (let i = 0; i + 1 < n; i++) {
      const a = 2 * i;
      const c = a + 2;
      if (swapped[i] === 1) {
        const tr = b[a];
        const ti = b[a + 1];
        b[a] = b[c];
        b[a + 1] = b[c + 1];
        b[c] = tr - (dl[a] * b[a] - dl[a + 1] * b[a + 1]);
        b[c + 1] = ti - (dl[a] * b[a + 1] + dl[a + 1] * b[a]);
      } else {
        b[c] -= dl[a] * b[a] - dl[a + 1] * b[a + 1];
        b[c + 1] -= dl[a] * b[a + 1] + dl[a + 1] * b[a];
      }
    }
    // U x = y, U with diagonals d, du, du2
    const q = this.quotient;
    for (let i = n - 1; i >= 0; i--) {
      const a = 2 * i;
      let sr = b[a];
      let si = b[a + 1];
      if (i + 1 < n) {
        sr -= du[a] * b[a + 2] - du[a + 1] * b[a + 3];
        si -= du[a] * b[a + 3] + du[a + 1] * b[a + 2];
      }
      if (i + 2 < n) {
        sr -= du2[a] * b[a + 4] - du2[a + 1] * b[a + 5];
        si -= du2[a] * b[a + 5] + du2[a + 1] * b[a + 4];
      }
      divide(sr, si, d[a], d[a + 1], q);
      b[a] = q[0];
      b[a + 1] = q[1];
    }
    return b;
  }
}

/**
 * Solve one complex tridiagonal system with partial pivoting (see
 * {@link ComplexTridiagonalFactorization}). Inputs are not modified. O(n).
 * @example
 * ```ts
 * // 1D Helmholtz −u'' − k²u = f: diag = 2/h² − k², lower = upper = −1/h² (imaginary parts 0,
 * // impedance rows complex)
 * const u = solveComplexTridiagonal(lower, diag, upper, f);
 * ```
 */
export function solveComplexTridiagonal(lower: ComplexVec, diag: ComplexVec, upper: ComplexVec, rhs: ComplexVec, out?: ComplexVec): ComplexVec {
  return new ComplexTridiagonalFactorization(lower, diag, upper).solve(rhs, out);
}

/** (ar + i·ai)/(br + i·bi) by Smith's algorithm (no spurious overflow), into out[0], out[1]. */
function divide(ar: number, ai: number, br: number, bi: number, out: Float64Array): void {
  if (Math.abs(br) >= Math.abs(bi)) {
    const r = bi / br;
    const den = br + bi * r;
    out[0] = (ar + ai * r) / den;
    out[1] = (ai - ar * r) / den;
  } else {
    const r = br / bi;
    const den = bi + br * r;
    out[0] = (ar * r + ai) / den;
    out[1] = (ai * r - ar) / den;
  }
}
