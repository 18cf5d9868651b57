/**
 * Complex symmetric sparse LDLᵀ factorization `P A Pᵀ = L D Lᵀ` (transpose, not conjugate
 * transpose) for A = Aᵀ ∈ ℂ^{n×n}, e.g. finite-element Helmholtz matrices K − k²M − ik·M_Γ,
 * which are complex symmetric but not Hermitian.
 *
 * Same up-looking recurrence as {@link SparseLdlFactorization} in complex arithmetic:
 * `d_k = c_kk − Σ_j L_kj² d_j` with no conjugation, on the same {@link SparseLdlSymbolic}
 * analysis (the ordering depends on the pattern only). No pivoting: it succeeds whenever the
 * leading principal minors of P A Pᵀ are non-zero, which holds for matrices with definite real or
 * imaginary part (absorbing boundaries, complex shifts); near-zero pivots of indefinite
 * Helmholtz problems show up as residual growth, so check `complexCsrResidual` or fall back to a
 * Krylov solver. Cost ≈ 4× the real factorization.
 *
 * @module
 */
import { checkInteger, checkVec } from '../../core/check';
import { InvalidTypeError, NumericalError } from '../../core/errors';
import type { ComplexVec } from '../../core/types';
import type { ComplexCsrMatrix } from './csr';
import { checkSamePattern, factorRowPattern, type SparseLdlSymbolic, sparseLdlAnalyze, type SparseOrdering } from './ldlSymbolic';

/**
 * A complex symmetric sparse LDLᵀ factorization solving `A x = b` (interleaved complex vectors).
 * Construction throws a {@link NumericalError} (`'singular'` or `'nonFinite'`) naming the pivot.
 *
 * @example
 * ```ts
 * const symbolic = sparseLdlAnalyze(H);                 // H: ComplexCsrMatrix
 * const ldl = new ComplexSymmetricLdlFactorization(symbolic, H);
 * const u = ldl.solve(f);                               // f, u: Float64Array(2n)
 * ```
 */
export class ComplexSymmetricLdlFactorization {
  /** System size (complex unknowns). */
  readonly n: number;
  /** The symbolic analysis this factorization uses. */
  readonly symbolic: SparseLdlSymbolic;
  private readonly rowIndex: Int32Array;
  /** Interleaved values of L. */
  private readonly lower: Float64Array;
  /** Interleaved pivots. */
  private readonly pivots: Float64Array;
  private readonly work: Float64Array;
  private readonly flag: Int32Array;
  private readonly stack: Int32Array;
  private readonly filled: Int32Array;
  /** Permuted block of {@link solveMany}, grown on demand. */
  private block = new Float64Array(0);

  /**
   * @param symbolic - analysis of A's pattern from {@link sparseLdlAnalyze}
   * @param A - complex symmetric matrix (lower triangle read) with that pattern
   */
  constructor(symbolic: SparseLdlSymbolic, A: ComplexCsrMatrix) {
    const n = symbolic.n;
    this.n = n;
    this.symbolic = symbolic;
    this.rowIndex = new Int32Array(symbolic.nnzL);
    this.lower = new Float64Array(2 * symbolic.nnzL);
    this.pivots = new Float64Array(2 * n);
    this.work = new Float64Array(2 * n);
    this.flag = new Int32Array(n);
    this.stack = new Int32Array(n);
    this.filled = new Int32Array(n);
    this.refactorize(A);
  }

  /** A copy of the interleaved pivots d_k in pivot order. */
  get diagonal(): ComplexVec {
    return Float64Array.from(this.pivots);
  }

  /** Recompute the numeric factorization for a matrix with the analyzed pattern, reusing storage. */
  refactorize(A: ComplexCsrMatrix): this {
    if (A === null || typeof A !== 'object' || A.field !== 'complex') throw new InvalidTypeError('A', 'a complex CSR matrix', A);
    checkSamePattern('A', A, this.symbolic);
    checkVec('A.values', A.values, 2 * A.rowPtr[A.rows]);
    const { n, perm, columnStart, upperStart, upperRow, upperSource } = this.symbolic;
    const values = A.values;
    const { rowIndex, lower, pivots, work: y, flag, stack, filled } = this;
    flag.fill(-1);
    y.fill(0);
    for (let k = 0; k < n; k++) {
      filled[k] = 0;
      for (let q = upperStart[k]; q < upperStart[k + 1]; q++) {
        const s = 2 * upperSource[q];
        const r = 2 * upperRow[q];
        y[r] += values[s];
        y[r + 1] += values[s + 1];
      }
      const top = factorRowPattern(this.symbolic, k, flag, stack);
      let dr = y[2 * k];
      let di = y[2 * k + 1];
      y[2 * k] = 0;
      y[2 * k + 1] = 0;
      for (let t = top; t < n; t++) {
        const i = stack[t];
        const yr = y[2 * i];
        const yi = y[2 * i + 1];
        y[2 * i] = 0;
        y[2 * i + 1] = 0;
        const start = columnStart[i];
        const end = start + filled[i];
        for (let p = start; p < end; p++) {
          const lr = lower[2 * p];
          const li = lower[2 * p + 1];
          const r = 2 * rowIndex[p];
          y[r] -= lr * yr - li * yi;
          y[r + 1] -= lr * yi + li * yr;
        }
        // l_ki = y_i / d_i
        const pr = pivots[2 * i];
        const pi = pivots[2 * i + 1];
        const scale = 1 / (pr * pr + pi * pi);
        const lr = (yr * pr + yi * pi) * scale;
        const li = (yi * pr - yr * pi) * scale;
        dr -= lr * yr - li * yi;
        di -= lr * yi + li * yr;
        rowIndex[end] = k;
        lower[2 * end] = lr;
        lower[2 * end + 1] = li;
        filled[i]++;
      }
      if (!Number.isFinite(dr) || !Number.isFinite(di)) {
        throw new NumericalError('nonFinite', `complex LDLᵀ pivot ${k} (unknown ${perm[k]}) is not finite; the matrix has non-finite entries or overflowed`);
      }
      if (dr === 0 && di === 0) {
        throw new NumericalError('singular', `complex LDLᵀ pivot ${k} (unknown ${perm[k]}) is 0: the matrix is singular or needs pivoting`);
      }
      pivots[2 * k] = dr;
      pivots[2 * k + 1] = di;
    }
    return this;
  }

  /**
   * Strided solve on interleaved vectors (strides and offsets count complex entries); the views
   * may coincide. ≈ 16·nnz(L) flops, no allocation.
   */
  solveStrided(b: ComplexVec, strideB: number, offsetB: number, out: ComplexVec, strideOut: number, offsetOut: number): ComplexVec {
    const { n, perm, columnStart } = this.symbolic;
    const { rowIndex, lower, pivots, filled } = this;
    const x = this.work;
    for (let k = 0; k < n; k++) {
      const s = 2 * (offsetB + perm[k] * strideB);
      x[2 * k] = b[s];
      x[2 * k + 1] = b[s + 1];
    }
    for (let j = 0; j < n; j++) {
      const xr = x[2 * j];
      const xi = x[2 * j + 1];
      for (let p = columnStart[j], end = columnStart[j] + filled[j]; p < end; p++) {
        const lr = lower[2 * p];
        const li = lower[2 * p + 1];
        const r = 2 * rowIndex[p];
        x[r] -= lr * xr - li * xi;
        x[r + 1] -= lr * xi + li * xr;
      }
    }
    for (let j = 0; j < n; j++) {
      const pr = pivots[2 * j];
      const pi = pivots[2 * j + 1];
      const scale = 1 / (pr * pr + pi * pi);
      const xr = x[2 * j];
      const xi = x[2 * j + 1];
      x[2 * j] = (xr * pr + xi * pi) * scale;
      x[2 * j + 1] = (xi * pr - xr * pi) * scale;
    }
    for (let j = n - 1; j >= 0; j--) {
      let sr = x[2 * j];
      let si = x[2 * j + 1];
      for (let p = columnStart[j], end = columnStart[j] + filled[j]; p < end; p++) {
        const lr = lower[2 * p];
        const li = lower[2 * p + 1];
        const c = 2 * rowIndex[p];
        sr -= lr * x[c] - li * x[c + 1];
        si -= lr * x[c + 1] + li * x[c];
      }
      x[2 * j] = sr;
      x[2 * j + 1] = si;
    }
    for (let k = 0; k < n; k++) {
      const s = 2 * (offsetOut + perm[k] * strideOut);
      out[s] = x[2 * k];
      out[s + 1] = x[2 * k + 1];
    }
    return out;
  }

  /**
   * Solve `A X = B` for k complex right-hand sides in one pass over L, D and Lᵀ (the permutation
   * applied once per entry). Row-interleaved complex layout: entry i of column j is
   * `B[2(i·k + j)]` (real part) and `B[2(i·k + j) + 1]` (imaginary part), likewise in `out`, so
   * the inner loop runs over the k columns contiguously. Every column goes through the same
   * floating-point operations in the same order as {@link solve}, so each column equals the single
   * solve bit for bit, except that a zero may differ in sign (rows of the block that are zero in
   * every column are skipped in the forward substitution, which pays off for sparse right-hand
   * sides). `out` may alias `B`.
   *
   * Cost: ≈ 16·k·nnz(L) flops, the L pattern read once instead of k times; allocates a 2n·k work
   * block on the first call with that size (kept for later calls).
   *
   * @param B - right-hand sides, length 2n·k
   * @param k - number of right-hand sides, an integer ≥ 1
   * @param out - solutions in the same layout (default a new array)
   * @throws InvalidArgumentError when k is not an integer ≥ 1; InvalidTypeError when B or out is not
   *   a Float64Array of length 2n·k
   *
   * @example
   * ```ts
   * const B = new Float64Array(2 * n * 2);           // two complex columns, row-interleaved
   * for (let i = 0; i < n; i++) B[2 * (i * 2 + 1) + 1] = 1; // column 1 = i·ones
   * const X = ldl.solveMany(B, 2);
   * ```
   */
  solveMany(B: ComplexVec, k: number, out?: ComplexVec): ComplexVec {
    checkInteger('k', k, 1);
    const n = this.n;
    checkVec('B', B, 2 * n * k);
    const result = out ?? new Float64Array(2 * n * k);
    checkVec('out', result, 2 * n * k);
    const { perm, columnStart } = this.symbolic;
    const { rowIndex, lower, pivots, filled } = this;
    const w = 2 * k;
    if (this.block.length < n * w) this.block = new Float64Array(n * w);
    const x = this.block;
    for (let i = 0; i < n; i++) {
      const s = perm[i] * w;
      const t = i * w;
      for (let c = 0; c < w; c++) x[t + c] = B[s + c];
    }
    // entries of a column of L two at a time (distinct rows): the row of x_j is read once per pair;
    // a zero row of the block is skipped (sparse right-hand sides leave most of L⁻¹B zero)
    for (let j = 0; j < n; j++) {
      const tj = j * w;
      let c = 0;
      while (c < w && x[tj + c] === 0) c++;
      if (c === w) continue;
      const end = columnStart[j] + filled[j];
      let p = columnStart[j];
      for (; p + 1 < end; p += 2) {
        const ar = lower[2 * p];
        const ai = lower[2 * p + 1];
        const br = lower[2 * p + 2];
        const bi = lower[2 * p + 3];
        const t0 = rowIndex[p] * w;
        const t1 = rowIndex[p + 1] * w;
        for (let c = 0; c < w; c += 2) {
          const xr = x[tj + c];
          const xi = x[tj + c + 1];
          x[t0 + c] -= ar * xr - ai * xi;
          x[t0 + c + 1] -= ar * xi + ai * xr;
          x[t1 + c] -= br * xr - bi * xi;
          x[t1 + c + 1] -= br * xi + bi * xr;
        }
      }
      if (p < end) {
        const lr = lower[2 * p];
        const li = lower[2 * p + 1];
        const tr = rowIndex[p] * w;
        for (let c = 0; c < w; c += 2) {
          const xr = x[tj + c];
          const xi = x[tj + c + 1];
          x[tr + c] -= lr * xr - li * xi;
          x[tr + c + 1] -= lr * xi + li * xr;
        }
      }
    }
    for (let j = 0; j < n; j++) {
      const pr = pivots[2 * j];
      const pi = pivots[2 * j + 1];
      const scale = 1 / (pr * pr + pi * pi);
      const tj = j * w;
      for (let c = 0; c < w; c += 2) {
        const xr = x[tj + c];
        const xi = x[tj + c + 1];
        x[tj + c] = (xr * pr + xi * pi) * scale;
        x[tj + c + 1] = (xi * pr - xr * pi) * scale;
      }
    }
    // two entries at a time, subtracted in the order of the single solve
    for (let j = n - 1; j >= 0; j--) {
      const tj = j * w;
      const end = columnStart[j] + filled[j];
      let p = columnStart[j];
      for (; p + 1 < end; p += 2) {
        const ar = lower[2 * p];
        const ai = lower[2 * p + 1];
        const br = lower[2 * p + 2];
        const bi = lower[2 * p + 3];
        const t0 = rowIndex[p] * w;
        const t1 = rowIndex[p + 1] * w;
        for (let c = 0; c < w; c += 2) {
          const ur = x[t0 + c];
          const ui = x[t0 + c + 1];
          const vr = x[t1 + c];
          const vi = x[t1 + c + 1];
          x[tj + c] = x[tj + c] - (ar * ur - ai * ui) - (br * vr - bi * vi);
          x[tj + c + 1] = x[tj + c + 1] - (ar * ui + ai * ur) - (br * vi + bi * vr);
        }
      }
      if (p < end) {
        const lr = lower[2 * p];
        const li = lower[2 * p + 1];
        const tr = rowIndex[p] * w;
        for (let c = 0; c < w; c += 2) {
          const yr = x[tr + c];
          const yi = x[tr + c + 1];
          x[tj + c] -= lr * yr - li * yi;
          x[tj + c + 1] -= lr * yi + li * yr;
        }
      }
    }
    for (let i = 0; i < n; i++) {
      const s = perm[i] * w;
      const t = i * w;
      for (let c = 0; c < w; c++) result[s + c] = x[t + c];
    }
    return result;
  }

  /**
   * Solve `A x = b` (interleaved, length 2n); `out` may alias `b`.
   *
   * @example
   * ```ts
   * const x = ldl.solve(b);
   * ```
   */
  solve(b: ComplexVec, out: ComplexVec = new Float64Array(2 * this.n)): ComplexVec {
    checkVec('b', b, 2 * this.n);
    checkVec('out', out, 2 * this.n);
    return this.solveStrided(b, 1, 0, out, 1, 0);
  }
}

/**
 * One-shot solve of a complex symmetric system `A x = b` by AMD-ordered complex LDLᵀ.
 *
 * @example
 * ```ts
 * const u = solveSparseComplexSymmetric(H, f); // interleaved vectors
 * ```
 */
export function solveSparseComplexSymmetric(A: ComplexCsrMatrix, b: ComplexVec, options: { ordering?: SparseOrdering } = {}, out?: ComplexVec): ComplexVec {
  checkVec('b', b, 2 * A.rows);
  const factorization = new ComplexSymmetricLdlFactorization(sparseLdlAnalyze(A, { ordering: options.ordering }), A);
  return factorization.solve(b, out ?? new Float64Array(2 * A.rows));
}
