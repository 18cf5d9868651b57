/**
 * Banded matrices and their direct solvers: LU with partial pivoting (LAPACK `gbtrf`/`gbtrs`
 * style) and Cholesky for symmetric positive definite matrices (LAPACK `pbtrf`/`pbtrs` style).
 *
 * Storage convention (row-major band): a {@link BandedMatrix} with `kl` sub-diagonals and `ku`
 * super-diagonals stores entry (i, j), for `-kl <= j - i <= ku`, at
 * `data[i*(kl+ku+1) + (j - i + kl)]`. Slots that fall outside the matrix (the top-left and
 * bottom-right corners of the band) are ignored and kept at zero.
 *
 * @module
 */
import { checkInteger, checkVec } from '../core/check';
import { InvalidArgumentError, InvalidTypeError, NumericalError } from '../core/errors';
import type { Vec } from '../core/types';
import { checkStridedView } from './dense';

/**
 * An n×n matrix with `kl` sub-diagonals and `ku` super-diagonals in row-major band storage
 * (see the module conventions). Memory n·(kl+ku+1) doubles; `matvec` costs 2·n·(kl+ku+1) flops.
 *
 * Assembly loops may write `.data` directly: entry (i, j) is `data[i*width + (j - i + kl)]`
 * with `width = kl + ku + 1`.
 *
 * @example
 * ```ts
 * const A = new BandedMatrix(4, 1, 1);        // tridiagonal
 * for (let i = 0; i < 4; i++) {
 *   A.set(i, i, 2);
 *   if (i > 0) A.set(i, i - 1, -1);
 *   if (i < 3) A.set(i, i + 1, -1);
 * }
 * A.matvec(new Float64Array([1, 1, 1, 1])); // [1, 0, 0, 1]
 * ```
 */
export class BandedMatrix {
  /** Order of the matrix. */
  readonly n: number;
  /** Number of sub-diagonals. */
  readonly kl: number;
  /** Number of super-diagonals. */
  readonly ku: number;
  /** Row length of the band storage, `kl + ku + 1`. */
  readonly width: number;
  /** Band storage, length `n*(kl+ku+1)`: entry (i, j) at `data[i*width + (j - i + kl)]`. */
  readonly data: Float64Array;

  /**
   * @param n - order, an integer >= 1
   * @param kl - number of sub-diagonals, an integer in [0, n-1]
   * @param ku - number of super-diagonals, an integer in [0, n-1]
   * @param data - optional storage of length n*(kl+ku+1) to wrap (not copied)
   */
  constructor(n: number, kl: number, ku: number, data?: Float64Array) {
    checkInteger('n', n, 1);
    checkInteger('kl', kl, 0, n - 1);
    checkInteger('ku', ku, 0, n - 1);
    const width = kl + ku + 1;
    if (data !== undefined) checkVec('data', data, n * width);
    this.n = n;
    this.kl = kl;
    this.ku = ku;
    this.width = width;
    this.data = data ?? new Float64Array(n * width);
  }

  /** Index into `data` of entry (i, j), or -1 when (i, j) lies outside the band. */
  indexOf(i: number, j: number): number {
    this.checkIndex('i', i);
    this.checkIndex('j', j);
    const d = j - i;
    if (d < -this.kl || d > this.ku) return -1;
    return i * this.width + d + this.kl;
  }

  /** Entry (i, j); zero outside the band. */
  get(i: number, j: number): number {
    const k = this.indexOf(i, j);
    return k < 0 ? 0 : this.data[k];
  }

  /** Set entry (i, j); throws an {@link InvalidArgumentError} when (i, j) lies outside the band. */
  set(i: number, j: number, value: number): void {
    this.data[this.bandIndex(i, j)] = value;
  }

  /** Add `value` to entry (i, j) (finite-element assembly); throws outside the band. */
  add(i: number, j: number, value: number): void {
    this.data[this.bandIndex(i, j)] += value;
  }

  /**
   * y = A x. O(n·(kl+ku+1)).
   * @param x - vector of length n
   * @param out - optional output of length n (must not alias `x`)
   */
  matvec(x: Vec, out?: Vec): Vec {
    const n = this.n;
    checkVec('x', x, n);
    const y = out === undefined ? new Float64Array(n) : checkVec('out', out, n);
    const { kl, ku, width, data } = this;
    for (let i = 0; i < n; i++) {
      const jlo = i - kl > 0 ? i - kl : 0;
      const jhi = i + ku < n - 1 ? i + ku : n - 1;
      const row = i * width - i + kl; // data[row + j] is entry (i, j)
      let s = 0;
      for (let j = jlo; j <= jhi; j++) s += data[row + j] * x[j];
      y[i] = s;
    }
    return y;
  }

  /** A dense row-major copy (n×n), for checks and small problems. O(n²) memory. */
  toDense(out?: Float64Array): Float64Array {
    const n = this.n;
    const a = out === undefined ? new Float64Array(n * n) : checkVec('out', out, n * n);
    a.fill(0);
    for (let i = 0; i < n; i++) {
      const jlo = Math.max(0, i - this.kl);
      const jhi = Math.min(n - 1, i + this.ku);
      for (let j = jlo; j <= jhi; j++) a[i * n + j] = this.data[i * this.width + j - i + this.kl];
    }
    return a;
  }

  private checkIndex(name: string, k: number): void {
    if (!Number.isInteger(k) || k < 0 || k >= this.n) throw new InvalidArgumentError(name, `an integer in [0, ${this.n - 1}]`, k);
  }

  private bandIndex(i: number, j: number): number {
    const k = this.indexOf(i, j);
    if (k < 0) throw new InvalidArgumentError('(i, j)', `inside the band -${this.kl} <= j - i <= ${this.ku}`, `${i}, ${j}`);
    return k;
  }
}

/**
 * Require a {@link BandedMatrix}. Internal helper shared by the banded factorizations.
 * @example
 * ```ts
 * const A = checkBanded('A', matrix); // the BandedMatrix, or InvalidTypeError
 * ```
 */
export function checkBanded(name: string, A: unknown): BandedMatrix {
  if (!(A instanceof BandedMatrix)) throw new InvalidTypeError(name, 'a BandedMatrix', A);
  return A;
}

/**
 * Check the strided views of a banded solve. Internal helper shared by the banded factorizations.
 * @example
 * ```ts
 * checkSolveViews(n, b, 0, 1, out, 0, 1); // throws when a strided view leaves its array
 * ```
 */
export function checkSolveViews(n: number, b: Vec, offsetB: number, strideB: number, out: Vec, offsetOut: number, strideOut: number): void {
  checkVec('b', b);
  checkVec('out', out);
  checkStridedView('b', b.length, n, strideB, offsetB);
  checkStridedView('out', out.length, n, strideOut, offsetOut);
  if (strideOut === 0 && n > 1) throw new InvalidArgumentError('out stride', 'a nonzero integer', strideOut);
}

/**
 * LU factorization with partial (row) pivoting of a banded matrix, P A = L U, as LAPACK
 * `gbtrf`: row interchanges widen U to `kl + ku` super-diagonals (the fill), and L is unit lower
 * triangular with at most `kl` multipliers per column.
 *
 * Storage (row-major, compact): row k of U holds U(k, k..k+kl+ku) in `u[k*(kl+ku+1) + 0..kl+ku]`;
 * the multipliers of elimination step k are `l[k*kl + 0..kl-1]`; `pivot[k]` is the row swapped
 * with row k at step k. This is the row-major form of the `bandec` scheme (Numerical Recipes
 * §2.4): rows are shifted so that column k is always slot 0, which makes interchanges plain row swaps.
 *
 * Complexity: O(n·kl·(kl+ku)) to factor, O(n·(2kl+ku)) per solve; solves allocate nothing.
 * Backward stable in practice (growth bounded by 2^(n-1) in theory, as for dense GEPP).
 *
 * @example
 * ```ts
 * // A = [0 1 0; 1 1 1; 0 1 1] has A(0,0) = 0, so elimination needs a row interchange
 * const A = new BandedMatrix(3, 1, 1);
 * A.set(0, 1, 1); A.set(1, 0, 1); A.set(1, 1, 1); A.set(1, 2, 1); A.set(2, 1, 1); A.set(2, 2, 1);
 * const x = bandedLU(A).solve(new Float64Array([2, 6, 5])); // [1, 2, 3]
 * ```
 */
export class BandedLUFactorization {
  /** Order of the matrix. */
  readonly n: number;
  /** Sub-diagonals of A. */
  readonly kl: number;
  /** Super-diagonals of A. */
  readonly ku: number;
  private readonly u: Float64Array;
  private readonly l: Float64Array;
  private readonly pivot: Int32Array;
  private detSign = 1;

  /**
   * Factor A (A is not modified).
   * @throws NumericalError with reason `'singular'` when a pivot column is exactly zero or non-finite
   */
  constructor(A: BandedMatrix) {
    checkBanded('A', A);
    this.n = A.n;
    this.kl = A.kl;
    this.ku = A.ku;
    this.u = new Float64Array(A.n * (A.kl + A.ku + 1));
    this.l = new Float64Array(A.n * A.kl);
    this.pivot = new Int32Array(A.n);
    this.factor(A);
  }

  /**
   * Re-factor a matrix with the same n, kl, ku in the existing storage (no allocation).
   * @throws NumericalError with reason `'singular'`
   */
  factor(A: BandedMatrix): this {
    checkBanded('A', A);
    if (A.n !== this.n || A.kl !== this.kl || A.ku !== this.ku) {
      throw new InvalidArgumentError('A', `a BandedMatrix with n=${this.n}, kl=${this.kl}, ku=${this.ku}`, `n=${A.n}, kl=${A.kl}, ku=${A.ku}`);
    }
    const { n, kl, u, l, pivot } = this;
    const mm = kl + this.ku + 1;
    const src = A.data;
    // Copy row i of A shifted left so that slot 0 holds column max(0, i - kl); slots outside
    // the matrix stay zero whatever A.data holds there.
    u.fill(0);
    for (let i = 0; i < n; i++) {
      const c0 = i - kl > 0 ? i - kl : 0;
      const jhi = i + this.ku < n - 1 ? i + this.ku : n - 1;
      for (let j = c0; j <= jhi; j++) u[i * mm + j - c0] = src[i * mm + j - i + kl];
    }
    let sign = 1;
    for (let k = 0; k < n; k++) {
      const last = k + kl < n - 1 ? k + kl : n - 1;
      let p = k;
      let big = Math.abs(u[k * mm]);
      for (let i = k + 1; i <= last; i++) {
        const v = Math.abs(u[i * mm]);
        if (v > big) {
          big = v;
          p = i;
        }
      }
      pivot[k] = p;
      if (big === 0 || !Number.isFinite(big)) {
        throw new NumericalError('singular', `banded LU: pivot column ${k} is ${big === 0 ? 'zero' : 'not finite'}; the matrix is singular`);
      }
      if (p !== k) {
        sign = -sign;
        for (let t = 0, a = k * mm, b = p * mm; t < mm; t++) {
          const tmp = u[a + t];
          u[a + t] = u[b + t];
          u[b + t] = tmp;
        }
      }
      const rowK = k * mm;
      const inv = 1 / u[rowK];
      for (let i = k + 1; i <= last; i++) {
        const rowI = i * mm;
        const f = u[rowI] * inv;
        l[k * kl + (i - k - 1)] = f;
        for (let t = 1; t < mm; t++) u[rowI + t - 1] = u[rowI + t] - f * u[rowK + t];
        u[rowI + mm - 1] = 0;
      }
    }
    this.detSign = sign;
    return this;
  }

  /** Solve A x = b; `out` may alias `b`. */
  solve(b: Vec, out?: Vec): Vec {
    checkVec('b', b, this.n);
    const x = out === undefined ? new Float64Array(this.n) : checkVec('out', out, this.n);
    return this.solveStrided(b, 1, 0, x, 1, 0);
  }

  /**
   * Solve A x = b with b[i] = `b[offsetB + i*strideB]`, writing x[i] to `out[offsetOut + i*strideOut]`
   * (the two views may coincide; partially overlapping views are not supported).
   */
  solveStrided(b: Vec, strideB: number, offsetB: number, out: Vec, strideOut: number, offsetOut: number): Vec {
    const { n, kl, u, l, pivot } = this;
    checkSolveViews(n, b, offsetB, strideB, out, offsetOut, strideOut);
    const mm = kl + this.ku + 1;
    const so = strideOut;
    if (b !== out || offsetB !== offsetOut || strideB !== strideOut) {
      for (let i = 0; i < n; i++) out[offsetOut + i * so] = b[offsetB + i * strideB];
    }
    // forward: apply P and L^{-1}
    for (let k = 0; k < n; k++) {
      const ik = offsetOut + k * so;
      const p = pivot[k];
      if (p !== k) {
        const ip = offsetOut + p * so;
        const tmp = out[ik];
        out[ik] = out[ip];
        out[ip] = tmp;
      }
      const bk = out[ik];
      const last = k + kl < n - 1 ? k + kl : n - 1;
      for (let i = k + 1; i <= last; i++) out[offsetOut + i * so] -= l[k * kl + i - k - 1] * bk;
    }
    // backward: U x = y, U(k, k+t) = u[k*mm + t]
    for (let k = n - 1; k >= 0; k--) {
      const row = k * mm;
      const tmax = n - 1 - k < mm - 1 ? n - 1 - k : mm - 1;
      let s = out[offsetOut + k * so];
      for (let t = 1; t <= tmax; t++) s -= u[row + t] * out[offsetOut + (k + t) * so];
      out[offsetOut + k * so] = s / u[row];
    }
    return out;
  }

  /** det(A) = sign(P)·Πu_kk (may overflow for large n; prefer {@link logAbsDeterminant}). */
  determinant(): number {
    let d = this.detSign;
    const mm = this.kl + this.ku + 1;
    for (let k = 0; k < this.n; k++) d *= this.u[k * mm];
    return d;
  }

  /** log|det(A)| = Σ log|u_kk|. */
  logAbsDeterminant(): number {
    let s = 0;
    const mm = this.kl + this.ku + 1;
    for (let k = 0; k < this.n; k++) s += Math.log(Math.abs(this.u[k * mm]));
    return s;
  }
}

/**
 * Factor a banded matrix by LU with partial pivoting (see {@link BandedLUFactorization}).
 *
 * @throws NumericalError with reason `'singular'`
 * @example
 * ```ts
 * const lu = bandedLU(A);
 * const x = lu.solve(b);
 * ```
 */
export function bandedLU(A: BandedMatrix): BandedLUFactorization {
  return new BandedLUFactorization(A);
}
