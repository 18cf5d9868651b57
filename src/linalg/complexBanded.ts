/**
 * Complex banded matrices and their LU factorization with partial pivoting (LAPACK
 * `zgbtrf`/`zgbtrs` style), for indefinite and complex-symmetric systems such as finite-element
 * Helmholtz problems `K − k²M − ik·M_Γ` whose unpivoted LDLᵀ can break down.
 *
 * Storage convention: the band layout of {@link BandedMatrix} with interleaved complex entries
 * (the {@link ComplexVec} layout). With `width = kl + ku + 1`, entry (i, j), for
 * `-kl <= j - i <= ku`, is `data[2s] + i·data[2s+1]` with `s = i*width + (j - i + kl)`.
 * Slots outside the matrix (band corners) are ignored.
 *
 * Vector strides and offsets count complex ENTRIES, as in `complex.ts`: element k of a view is
 * `x[2*(offset + k*stride)]` (real part) and `x[2*(offset + k*stride) + 1]` (imaginary part).
 *
 * @module
 */
import { checkInteger, checkVec } from '../core/check';
import { InvalidArgumentError, InvalidTypeError, NumericalError } from '../core/errors';
import type { ComplexVec } from '../core/types';
import { checkStridedView } from './dense';
import { csrBandProfile } from './sparse/bandProfile';
import { checkCsrMatrix, type ComplexCsrMatrix } from './sparse/csr';

/**
 * An n×n complex matrix with `kl` sub-diagonals and `ku` super-diagonals in row-major band
 * storage with interleaved re/im (see the module conventions). Memory 2·n·(kl+ku+1) doubles;
 * `matvec` costs 8·n·(kl+ku+1) real flops.
 *
 * @example
 * ```ts
 * const A = new ComplexBandedMatrix(3, 1, 1);
 * A.set(0, 0, 2, 1);            // A(0,0) = 2 + i
 * A.add(1, 0, -1, 0);           // assembly
 * const y = A.matvec(new Float64Array([1, 0, 0, 0, 0, 0])); // [2, 1, -1, 0, 0, 0]
 * ```
 */
export class ComplexBandedMatrix {
  /** Order of the matrix. */
  readonly n: number;
  /** Number of sub-diagonals. */
  readonly kl: number;
  /** Number of super-diagonals. */
  readonly ku: number;
  /** Complex entries per band row, `kl + ku + 1`. */
  readonly width: number;
  /** Interleaved band storage, length `2*n*width`: entry (i, j) at `2*(i*width + j - i + kl)` (+1 for im). */
  readonly data: Float64Array;

  /**
   * @param n - order, an integer >= 1
   * @param kl - number of sub-diagonals, an integer in [0, n-1]
   * @param ku - number of super-diagonals, an integer in [0, n-1]
   * @param data - optional storage of length 2·n·(kl+ku+1) to wrap (not copied)
   */
  constructor(n: number, kl: number, ku: number, data?: Float64Array) {
    checkInteger('n', n, 1);
    checkInteger('kl', kl, 0, n - 1);
    checkInteger('ku', ku, 0, n - 1);
    const width = kl + ku + 1;
    if (data !== undefined) checkVec('data', data, 2 * n * width);
    this.n = n;
    this.kl = kl;
    this.ku = ku;
    this.width = width;
    this.data = data ?? new Float64Array(2 * n * width);
  }

  /** Index into `data` of the real part of entry (i, j), or -1 when (i, j) lies outside the band. */
  indexOf(i: number, j: number): number {
    this.checkIndex('i', i);
    this.checkIndex('j', j);
    const d = j - i;
    if (d < -this.kl || d > this.ku) return -1;
    return 2 * (i * this.width + d + this.kl);
  }

  /** Entry (i, j) as `[re, im]` written into `out2` (zero outside the band). */
  get(i: number, j: number, out2: Float64Array = new Float64Array(2)): Float64Array {
    const k = this.indexOf(i, j);
    out2[0] = k < 0 ? 0 : this.data[k];
    out2[1] = k < 0 ? 0 : this.data[k + 1];
    return out2;
  }

  /** Set entry (i, j) to re + i·im; throws an {@link InvalidArgumentError} outside the band. */
  set(i: number, j: number, re: number, im = 0): void {
    const k = this.bandIndex(i, j);
    this.data[k] = re;
    this.data[k + 1] = im;
  }

  /** Add re + i·im to entry (i, j) (finite-element assembly); throws outside the band. */
  add(i: number, j: number, re: number, im = 0): void {
    const k = this.bandIndex(i, j);
    this.data[k] += re;
    this.data[k + 1] += im;
  }

  /**
   * y = A x for interleaved complex vectors. O(n·(kl+ku+1)).
   * @param x - ComplexVec of length 2n
   * @param out - optional output of length 2n (must not alias `x`)
   */
  matvec(x: ComplexVec, out?: ComplexVec): ComplexVec {
    const n = this.n;
    checkVec('x', x, 2 * n);
    const y = out === undefined ? new Float64Array(2 * n) : checkVec('out', out, 2 * n);
    const { kl, ku, width, data } = this;
    for (let i = 0; i < n; i++) {
      const jlo = i - kl > 0 ? i - kl : 0;
      const jhi = i + ku < n - 1 ? i + ku : n - 1;
      const row = 2 * (i * width - i + kl); // data[row + 2j] is Re A(i, j)
      let sr = 0;
      let si = 0;
      for (let j = jlo; j <= jhi; j++) {
        const ar = data[row + 2 * j];
        const ai = data[row + 2 * j + 1];
        const xr = x[2 * j];
        const xi = x[2 * j + 1];
        sr += ar * xr - ai * xi;
        si += ar * xi + ai * xr;
      }
      y[2 * i] = sr;
      y[2 * i + 1] = si;
    }
    return y;
  }

  /** A dense row-major interleaved copy (n×n complex, length 2n²), for checks. O(n²) memory. */
  toDense(out?: Float64Array): Float64Array {
    const n = this.n;
    const a = out === undefined ? new Float64Array(2 * n * n) : checkVec('out', out, 2 * n * n);
    a.fill(0);
    for (let i = 0; i < n; i++) {
      const jlo = Math.max(0, i - this.kl);
      const jhi = Math.min(n - 1, i + this.ku);
      for (let j = jlo; j <= jhi; j++) {
        const s = 2 * (i * this.width + j - i + this.kl);
        a[2 * (i * n + j)] = this.data[s];
        a[2 * (i * n + j) + 1] = this.data[s + 1];
      }
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

function checkComplexBanded(name: string, A: unknown): ComplexBandedMatrix {
  if (!(A instanceof ComplexBandedMatrix)) throw new InvalidTypeError(name, 'a ComplexBandedMatrix', A);
  return A;
}

function checkComplexView(name: string, x: ComplexVec, n: number, stride: number, offset: number): void {
  checkVec(name, x);
  checkStridedView(name, x.length >> 1, n, stride, offset);
}

/**
 * LU factorization with partial (row) pivoting of a complex banded matrix, P A = L U, as LAPACK
 * `zgbtrf`: the pivot of column k is the entry of largest |re| + |im| (LAPACK's `cabs1`) among
 * rows k..k+kl; interchanges widen U to `kl + ku` super-diagonals.
 *
 * Storage (row-major, compact, interleaved): row k of U holds U(k, k..k+kl+ku) in complex slots
 * `k*(kl+ku+1) + 0..kl+ku`; the multipliers of step k are complex slots `k*kl + 0..kl-1`;
 * `pivot[k]` is the row swapped with row k. Same scheme as {@link BandedLUFactorization}.
 *
 * Complexity: ≈ 8·n·kl·(kl+ku) real flops to factor, ≈ 8·n·(2kl+ku) per solve; solves allocate
 * nothing. Backward stable in practice (growth factor bounded by 2^(n-1) in theory).
 *
 * @example
 * ```ts
 * // A = [0 1; 1 i] needs a row interchange (A(0,0) = 0)
 * const A = new ComplexBandedMatrix(2, 1, 1);
 * A.set(0, 1, 1); A.set(1, 0, 1); A.set(1, 1, 0, 1);
 * const x = complexBandedLU(A).solve(new Float64Array([2, 0, 1, 2])); // [1, 0, 2, 0]
 * ```
 */
export class ComplexBandedLUFactorization {
  /** Order of the matrix. */
  readonly n: number;
  /** Sub-diagonals of A. */
  readonly kl: number;
  /** Super-diagonals of A. */
  readonly ku: number;
  private readonly u: Float64Array;
  private readonly l: Float64Array;
  private readonly pivot: Int32Array;

  /**
   * Factor A (A is not modified).
   * @throws NumericalError with reason `'singular'` when a pivot column is exactly zero or non-finite
   */
  constructor(A: ComplexBandedMatrix) {
    checkComplexBanded('A', A);
    this.n = A.n;
    this.kl = A.kl;
    this.ku = A.ku;
    this.u = new Float64Array(2 * A.n * (A.kl + A.ku + 1));
    this.l = new Float64Array(2 * A.n * A.kl);
    this.pivot = new Int32Array(A.n);
    this.factor(A);
  }

  /**
   * Re-factor a matrix with the same n, kl, ku in the existing storage (no allocation), e.g. a
   * new wavenumber on the same mesh.
   * @throws NumericalError with reason `'singular'`
   */
  factor(A: ComplexBandedMatrix): this {
    checkComplexBanded('A', A);
    if (A.n !== this.n || A.kl !== this.kl || A.ku !== this.ku) {
      throw new InvalidArgumentError('A', `a ComplexBandedMatrix with n=${this.n}, kl=${this.kl}, ku=${this.ku}`, `n=${A.n}, kl=${A.kl}, ku=${A.ku}`);
    }
    const { n, kl, u, l, pivot } = this;
    const mm = kl + this.ku + 1;
    const m2 = 2 * mm;
    const src = A.data;
    // Row i of A shifted left so that slot 0 holds column max(0, i - kl).
    u.fill(0);
    for (let i = 0; i < n; i++) {
      const c0 = i - kl > 0 ? i - kl : 0;
      const jhi = i + this.ku < n - 1 ? i + this.ku : n - 1;
      for (let j = c0; j <= jhi; j++) {
        const s = 2 * (i * mm + j - i + kl);
        const t = i * m2 + 2 * (j - c0);
        u[t] = src[s];
        u[t + 1] = src[s + 1];
      }
    }
    for (let k = 0; k < n; k++) {
      const last = k + kl < n - 1 ? k + kl : n - 1;
      let p = k;
      let big = Math.abs(u[k * m2]) + Math.abs(u[k * m2 + 1]);
      for (let i = k + 1; i <= last; i++) {
        const v = Math.abs(u[i * m2]) + Math.abs(u[i * m2 + 1]);
        if (v > big) {
          big = v;
          p = i;
        }
      }
      pivot[k] = p;
      if (big === 0 || !Number.isFinite(big)) {
        throw new NumericalError('singular', `complex banded LU: pivot column ${k} is ${big === 0 ? 'zero' : 'not finite'}; the matrix is singular`);
      }
      if (p !== k) {
        for (let t = 0, a = k * m2, b = p * m2; t < m2; t++) {
          const tmp = u[a + t];
          u[a + t] = u[b + t];
          u[b + t] = tmp;
        }
      }
      const rowK = k * m2;
      // 1/u_kk by Smith's algorithm (no spurious overflow)
      const pr = u[rowK];
      const pi = u[rowK + 1];
      let invR: number;
      let invI: number;
      if (Math.abs(pr) >= Math.abs(pi)) {
        const r = pi / pr;
        const den = pr + pi * r;
        invR = 1 / den;
        invI = -r / den;
      } else {
        const r = pr / pi;
        const den = pi + pr * r;
        invR = r / den;
        invI = -1 / den;
      }
      for (let i = k + 1; i <= last; i++) {
        const rowI = i * m2;
        const ar = u[rowI];
        const ai = u[rowI + 1];
        const fr = ar * invR - ai * invI;
        const fi = ar * invI + ai * invR;
        const li = 2 * (k * kl + (i - k - 1));
        l[li] = fr;
        l[li + 1] = fi;
        for (let t = 2; t < m2; t += 2) {
          const ur = u[rowK + t];
          const ui = u[rowK + t + 1];
          u[rowI + t - 2] = u[rowI + t] - (fr * ur - fi * ui);
          u[rowI + t - 1] = u[rowI + t + 1] - (fr * ui + fi * ur);
        }
        u[rowI + m2 - 2] = 0;
        u[rowI + m2 - 1] = 0;
      }
    }
    return this;
  }

  /** Solve A x = b (ComplexVec of length 2n); `out` may alias `b`. */
  solve(b: ComplexVec, out?: ComplexVec): ComplexVec {
    checkVec('b', b, 2 * this.n);
    const x = out === undefined ? new Float64Array(2 * this.n) : checkVec('out', out, 2 * this.n);
    return this.solveStrided(b, 1, 0, x, 1, 0);
  }

  /**
   * Solve A x = b with b_k = `b[2(offsetB + k*strideB)] + i·b[2(offsetB + k*strideB) + 1]`, writing
   * x_k at complex slot `offsetOut + k*strideOut` of `out` (strides and offsets in complex entries;
   * the two views may coincide; partially overlapping views are not supported).
   */
  solveStrided(b: ComplexVec, strideB: number, offsetB: number, out: ComplexVec, strideOut: number, offsetOut: number): ComplexVec {
    const n = this.n;
    checkComplexView('b', b, n, strideB, offsetB);
    checkComplexView('out', out, n, strideOut, offsetOut);
    if (strideOut === 0 && n > 1) throw new InvalidArgumentError('out stride', 'a nonzero integer', strideOut);
    if (b !== out || offsetB !== offsetOut || strideB !== strideOut) {
      for (let i = 0; i < n; i++) {
        const s = 2 * (offsetB + i * strideB);
        const t = 2 * (offsetOut + i * strideOut);
        out[t] = b[s];
        out[t + 1] = b[s + 1];
      }
    }
    this.solveInPlace(out, 2 * strideOut, 2 * offsetOut);
    return out;
  }

  /**
   * Solve A X = B for `nrhs` right-hand sides stored COLUMN-MAJOR: column r (complex entries
   * 0..n-1) occupies `B[2(r·n + k)]`, `B[2(r·n + k) + 1]`, so B and X have length 2·n·nrhs and each
   * column is a contiguous ComplexVec. Each column is solved exactly as {@link solve} would, so
   * results agree with repeated single solves bit for bit. `out` may alias `B`. O(nrhs·n·(2kl+ku)).
   * @example
   * ```ts
   * const X = lu.solveMany(B, 3); // B: Float64Array(2*n*3)
   * ```
   */
  solveMany(B: ComplexVec, nrhs: number, out?: ComplexVec): ComplexVec {
    checkInteger('nrhs', nrhs, 0);
    const len = 2 * this.n * nrhs;
    checkVec('B', B, len);
    const X = out === undefined ? new Float64Array(len) : checkVec('out', out, len);
    if (X !== B) X.set(B);
    for (let r = 0; r < nrhs; r++) this.solveInPlace(X, 2, 2 * r * this.n);
    return X;
  }

  /** Forward and back substitution on x[o + k*s] (re) and x[o + k*s + 1] (im); s, o in doubles. */
  private solveInPlace(x: Float64Array, s: number, o: number): void {
    const { n, kl, u, l, pivot } = this;
    const m2 = 2 * (kl + this.ku + 1);
    // forward: apply P and L^{-1}
    for (let k = 0; k < n; k++) {
      const ik = o + k * s;
      const p = pivot[k];
      if (p !== k) {
        const ip = o + p * s;
        const tr = x[ik];
        const ti = x[ik + 1];
        x[ik] = x[ip];
        x[ik + 1] = x[ip + 1];
        x[ip] = tr;
        x[ip + 1] = ti;
      }
      const br = x[ik];
      const bi = x[ik + 1];
      const last = k + kl < n - 1 ? k + kl : n - 1;
      for (let i = k + 1; i <= last; i++) {
        const li = 2 * (k * kl + i - k - 1);
        const lr = l[li];
        const lm = l[li + 1];
        const ii = o + i * s;
        x[ii] -= lr * br - lm * bi;
        x[ii + 1] -= lr * bi + lm * br;
      }
    }
    // backward: U x = y, U(k, k+t) at complex slot k*mm + t
    const tcap = m2 / 2 - 1;
    for (let k = n - 1; k >= 0; k--) {
      const row = k * m2;
      const tmax = n - 1 - k < tcap ? n - 1 - k : tcap;
      const ik = o + k * s;
      let sr = x[ik];
      let si = x[ik + 1];
      for (let t = 1; t <= tmax; t++) {
        const ur = u[row + 2 * t];
        const ui = u[row + 2 * t + 1];
        const j = ik + t * s;
        sr -= ur * x[j] - ui * x[j + 1];
        si -= ur * x[j + 1] + ui * x[j];
      }
      const dr = u[row];
      const di = u[row + 1];
      if (Math.abs(dr) >= Math.abs(di)) {
        const r = di / dr;
        const den = dr + di * r;
        x[ik] = (sr + si * r) / den;
        x[ik + 1] = (si - sr * r) / den;
      } else {
        const r = dr / di;
        const den = di + dr * r;
        x[ik] = (sr * r + si) / den;
        x[ik + 1] = (si * r - sr) / den;
      }
    }
  }
}

/**
 * Factor a complex banded matrix by LU with partial pivoting (see {@link ComplexBandedLUFactorization}).
 *
 * @throws NumericalError with reason `'singular'`
 * @example
 * ```ts
 * const lu = complexBandedLU(A);   // A: ComplexBandedMatrix
 * const x = lu.solve(b);           // b, x: Float64Array(2n)
 * ```
 */
export function complexBandedLU(A: ComplexBandedMatrix): ComplexBandedLUFactorization {
  return new ComplexBandedLUFactorization(A);
}

/**
 * Copy the symmetric permutation `P A Pᵀ` (entry (i, j) ↦ (inversePerm[i], inversePerm[j])) of a
 * complex square CSR matrix into a {@link ComplexBandedMatrix} whose kl, ku are the smallest that
 * hold it; the complex counterpart of `csrToBanded`. O(nnz + n·(kl+ku+1)).
 *
 * @param perm - new-to-old permutation (default identity), e.g. from `reverseCuthillMcKee(A)`
 * @example
 * ```ts
 * const B = complexCsrToBanded(H, reverseCuthillMcKee(H));
 * const lu = complexBandedLU(B);
 * ```
 */
export function complexCsrToBanded(A: ComplexCsrMatrix, perm?: Int32Array): ComplexBandedMatrix {
  checkCsrMatrix('A', A, 'complex');
  const n = A.rows;
  const { inverse, kl, ku } = csrBandProfile(A, perm);
  const band = new ComplexBandedMatrix(n, kl, ku);
  const width = kl + ku + 1;
  for (let i = 0; i < n; i++) {
    const row = inverse[i];
    for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) {
      const s = 2 * (row * width + (inverse[A.colIndex[p]] - row + kl));
      band.data[s] = A.values[2 * p];
      band.data[s + 1] = A.values[2 * p + 1];
    }
  }
  return band;
}
