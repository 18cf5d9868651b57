/**
 * Real sparse LDLᵀ (square-root-free Cholesky) factorization P A Pᵀ = L D Lᵀ, up-looking, without
 * pivoting, on a {@link SparseLdlSymbolic} analysis.
 *
 * Row k of L is the sparse triangular solve L_{0:k,0:k} D y = C_{0:k,k} restricted to the row
 * pattern found by {@link factorRowPattern}; then `d_k = c_kk − Σ_j L_kj² d_j` (Davis 2006, §4.7;
 * the same recurrence as Davis' LDL package). Cost: `symbolic.flops` flops, memory nnz(L) + O(n),
 * no allocation after construction (refactorization reuses the arrays).
 *
 * Modes: with `positiveDefinite: true` (default) every pivot must be > 0, so the factorization
 * is a Cholesky factorization L D^{1/2} and a failure proves A is not positive definite (up to
 * rounding); with `positiveDefinite: false` any non-zero pivot is accepted (symmetric indefinite
 * matrices whose leading principal minors in the chosen ordering do not vanish, e.g.
 * quasi-definite saddle-point systems). No pivoting is done in either mode.
 *
 * @module
 */
import { checkInRange, checkInteger, checkVec } from '../../core/check';
import { InvalidTypeError, NumericalError } from '../../core/errors';
import type { Vec } from '../../core/types';
import type { CsrMatrix } from './csr';
import { checkSamePattern, factorRowPattern, type SparseLdlSymbolic, sparseLdlAnalyze, type SparseOrdering } from './ldlSymbolic';

/** Options of the real sparse LDLᵀ factorization. */
export interface SparseLdlOptions {
  /** Require every pivot > 0, i.e. A symmetric positive definite (default true). */
  positiveDefinite?: boolean;
  /**
   * Report a pivot with |d_k| ≤ pivotTolerance·|a_kk| as singular (default 0: only exact zeros
   * and, in positive-definite mode, non-positive pivots are rejected). A value around n·ε flags
   * numerically singular matrices such as a pure-Neumann Laplacian.
   */
  pivotTolerance?: number;
}

/**
 * A real sparse LDLᵀ factorization `P A Pᵀ = L D Lᵀ` that solves `A x = b` for many right-hand
 * sides. Construction throws a {@link NumericalError} (`reason` `'notPositiveDefinite'`,
 * `'singular'` or `'nonFinite'`) naming the failing pivot.
 *
 * Solve cost: 4·nnz(L) + 2n flops, no allocation when `out` is given; {@link solveMany} does k
 * right-hand sides in one pass over L.
 *
 * @example
 * ```ts
 * const symbolic = sparseLdlAnalyze(K);           // AMD ordering, etree, column counts
 * const chol = new SparseLdlFactorization(symbolic, K);
 * const u = chol.solve(f);
 * chol.refactorize(K2);                           // same pattern, new values
 * ```
 */
export class SparseLdlFactorization {
  /** System size. */
  readonly n: number;
  /** The symbolic analysis this factorization uses. */
  readonly symbolic: SparseLdlSymbolic;
  /** Row indices of L (column-wise, within `symbolic.columnStart`). */
  private readonly rowIndex: Int32Array;
  /** Values of L. */
  private readonly lower: Float64Array;
  /** Pivots d_k. */
  private readonly pivots: Float64Array;
  private readonly work: Float64Array;
  private readonly flag: Int32Array;
  private readonly stack: Int32Array;
  private readonly filled: Int32Array;
  private readonly positiveDefinite: boolean;
  private readonly pivotTolerance: number;
  private negative = 0;
  /** Permuted block of {@link solveMany}, grown on demand. */
  private block = new Float64Array(0);

  /**
   * @param symbolic - analysis of A's pattern from {@link sparseLdlAnalyze}
   * @param A - the real symmetric matrix (lower triangle read) with that pattern
   * @param options - see {@link SparseLdlOptions}
   */
  constructor(symbolic: SparseLdlSymbolic, A: CsrMatrix, options: SparseLdlOptions = {}) {
    this.positiveDefinite = options.positiveDefinite ?? true;
    this.pivotTolerance = options.pivotTolerance === undefined ? 0 : checkInRange('options.pivotTolerance', options.pivotTolerance, 0, 1);
    const n = symbolic.n;
    this.n = n;
    this.symbolic = symbolic;
    this.rowIndex = new Int32Array(symbolic.nnzL);
    this.lower = new Float64Array(symbolic.nnzL);
    this.pivots = new Float64Array(n);
    this.work = new Float64Array(n);
    this.flag = new Int32Array(n);
    this.stack = new Int32Array(n);
    this.filled = new Int32Array(n);
    this.refactorize(A);
  }

  /** Number of negative pivots (the number of negative eigenvalues, by Sylvester's law of inertia). */
  get negativePivots(): number {
    return this.negative;
  }

  /** A copy of the pivots d_k in pivot order. */
  get diagonal(): Vec {
    return Float64Array.from(this.pivots);
  }

  /**
   * Recompute the numeric factorization for a matrix with the analyzed pattern, reusing all
   * storage. Throws like the constructor.
   */
  refactorize(A: CsrMatrix): this {
    if (A === null || typeof A !== 'object' || A.field !== 'real') throw new InvalidTypeError('A', 'a real CSR matrix', A);
    checkSamePattern('A', A, this.symbolic);
    checkVec('A.values', A.values, A.rowPtr[A.rows]);
    const { n, perm, columnStart, upperStart, upperRow, upperSource } = this.symbolic;
    const values = A.values;
    const { rowIndex, lower, pivots, work: y, flag, stack, filled } = this;
    flag.fill(-1);
    y.fill(0);
    let negative = 0;
    for (let k = 0; k < n; k++) {
      filled[k] = 0;
      let diagonalEntry = 0;
      for (let q = upperStart[k]; q < upperStart[k + 1]; q++) {
        const v = values[upperSource[q]];
        y[upperRow[q]] += v;
        if (upperRow[q] === k) diagonalEntry = v;
      }
      const top = factorRowPattern(this.symbolic, k, flag, stack);
      let d = y[k];
      y[k] = 0;
      for (let t = top; t < n; t++) {
        const i = stack[t];
        const yi = y[i];
        y[i] = 0;
        const start = columnStart[i];
        const end = start + filled[i];
        for (let p = start; p < end; p++) y[rowIndex[p]] -= lower[p] * yi;
        const lki = yi / pivots[i];
        d -= lki * yi;
        rowIndex[end] = k;
        lower[end] = lki;
        filled[i]++;
      }
      if (!Number.isFinite(d)) {
        throw new NumericalError('nonFinite', `LDLᵀ pivot ${k} (unknown ${perm[k]}) is ${d}; the matrix has non-finite entries or overflowed`);
      }
      if (this.positiveDefinite && !(d > 0)) {
        throw new NumericalError('notPositiveDefinite', `LDLᵀ pivot ${k} (unknown ${perm[k]}) is ${d} <= 0: the matrix is not positive definite`);
      }
      if (d === 0 || Math.abs(d) <= this.pivotTolerance * Math.abs(diagonalEntry)) {
        throw new NumericalError('singular', `LDLᵀ pivot ${k} (unknown ${perm[k]}) is ${d}: the matrix is singular to working precision (or needs pivoting)`);
      }
      if (d < 0) negative++;
      pivots[k] = d;
    }
    this.negative = negative;
    return this;
  }

  /**
   * Strided solve: b_i = `b[offsetB + i·strideB]`, x_i written to `out[offsetOut + i·strideOut]`.
   * The views may coincide (in-place). 4·nnz(L) + 2n flops, no allocation.
   */
  solveStrided(b: Vec, strideB: number, offsetB: number, out: Vec, strideOut: number, offsetOut: number): Vec {
    const { n, perm, columnStart } = this.symbolic;
    const { rowIndex, lower, pivots, filled } = this;
    const x = this.work;
    for (let k = 0; k < n; k++) x[k] = b[offsetB + perm[k] * strideB];
    for (let j = 0; j < n; j++) {
      const xj = x[j];
      if (xj === 0) continue;
      for (let p = columnStart[j], end = columnStart[j] + filled[j]; p < end; p++) x[rowIndex[p]] -= lower[p] * xj;
    }
    for (let j = 0; j < n; j++) x[j] /= pivots[j];
    for (let j = n - 1; j >= 0; j--) {
      let s = x[j];
      for (let p = columnStart[j], end = columnStart[j] + filled[j]; p < end; p++) s -= lower[p] * x[rowIndex[p]];
      x[j] = s;
    }
    for (let k = 0; k < n; k++) out[offsetOut + perm[k] * strideOut] = x[k];
    return out;
  }

  /**
   * Solve `A X = B` for k right-hand sides in one pass over L, D and Lᵀ (the permutation applied
   * once per entry). Row-interleaved layout: entry i of column j is `B[i·k + j]` (and likewise in
   * `out`), so the inner loop runs over the k columns contiguously. Every column goes through the
   * same floating-point operations in the same order as {@link solve}, so each column equals the
   * single solve bit for bit, except that a zero may differ in sign (both skip the columns of L
   * that multiply an exact zero, the blocked solve only where all k columns have one; this pays
   * off for sparse right-hand sides). `out` may alias `B`.
   *
   * Cost: 4·k·nnz(L) + 2kn flops, the L pattern read once instead of k times; allocates an
   * n·k work block on the first call with that size (kept for later calls).
   *
   * @param B - right-hand sides, length n·k, `B[i·k + j]`
   * @param k - number of right-hand sides, an integer ≥ 1
   * @param out - solutions in the same layout (default a new array)
   * @throws InvalidArgumentError when k is not an integer ≥ 1; InvalidTypeError when B or out is not
   *   a Float64Array of length n·k
   *
   * @example
   * ```ts
   * const B = new Float64Array(n * 3);           // three columns, row-interleaved
   * for (let i = 0; i < n; i++) B[i * 3 + 1] = 1; // column 1 = ones
   * const X = chol.solveMany(B, 3);               // X[i * 3 + j] = (A⁻¹ B_j)_i
   * ```
   */
  solveMany(B: Vec, k: number, out?: Vec): Vec {
    checkInteger('k', k, 1);
    const n = this.n;
    checkVec('B', B, n * k);
    const result = out ?? new Float64Array(n * k);
    checkVec('out', result, n * k);
    const { perm, columnStart } = this.symbolic;
    const { rowIndex, lower, pivots, filled } = this;
    if (this.block.length < n * k) this.block = new Float64Array(n * k);
    const x = this.block;
    for (let i = 0; i < n; i++) {
      const s = perm[i] * k;
      const t = i * k;
      for (let c = 0; c < k; c++) x[t + c] = B[s + c];
    }
    // entries of a column of L two at a time (distinct rows): the row of x_j is read once per pair;
    // a zero row of the block is skipped (sparse right-hand sides leave most of L⁻¹B zero)
    for (let j = 0; j < n; j++) {
      const tj = j * k;
      let c = 0;
      while (c < k && x[tj + c] === 0) c++;
      if (c === k) continue;
      const end = columnStart[j] + filled[j];
      let p = columnStart[j];
      for (; p + 1 < end; p += 2) {
        const l0 = lower[p];
        const l1 = lower[p + 1];
        const t0 = rowIndex[p] * k;
        const t1 = rowIndex[p + 1] * k;
        for (let c = 0; c < k; c++) {
          const v = x[tj + c];
          x[t0 + c] -= l0 * v;
          x[t1 + c] -= l1 * v;
        }
      }
      if (p < end) {
        const l = lower[p];
        const tr = rowIndex[p] * k;
        for (let c = 0; c < k; c++) x[tr + c] -= l * x[tj + c];
      }
    }
    for (let j = 0; j < n; j++) {
      const d = pivots[j];
      const tj = j * k;
      for (let c = 0; c < k; c++) x[tj + c] /= d;
    }
    // two entries at a time, subtracted in the order of the single solve
    for (let j = n - 1; j >= 0; j--) {
      const tj = j * k;
      const end = columnStart[j] + filled[j];
      let p = columnStart[j];
      for (; p + 1 < end; p += 2) {
        const l0 = lower[p];
        const l1 = lower[p + 1];
        const t0 = rowIndex[p] * k;
        const t1 = rowIndex[p + 1] * k;
        for (let c = 0; c < k; c++) x[tj + c] = x[tj + c] - l0 * x[t0 + c] - l1 * x[t1 + c];
      }
      if (p < end) {
        const l = lower[p];
        const tr = rowIndex[p] * k;
        for (let c = 0; c < k; c++) x[tj + c] -= l * x[tr + c];
      }
    }
    for (let i = 0; i < n; i++) {
      const s = perm[i] * k;
      const t = i * k;
      for (let c = 0; c < k; c++) result[s + c] = x[t + c];
    }
    return result;
  }

  /**
   * Solve `A x = b`; `out` may alias `b`. 4·nnz(L) + 2n flops.
   *
   * @example
   * ```ts
   * const x = chol.solve(b);
   * ```
   */
  solve(b: Vec, out: Vec = new Float64Array(this.n)): Vec {
    checkVec('b', b, this.n);
    checkVec('out', out, this.n);
    return this.solveStrided(b, 1, 0, out, 1, 0);
  }
}

/**
 * One-shot sparse solve of a real symmetric system `A x = b` by AMD-ordered LDLᵀ (positive
 * definite by default). For repeated solves keep the {@link SparseLdlFactorization}.
 *
 * @example
 * ```ts
 * const u = solveSparseSymmetric(K, f);
 * ```
 */
export function solveSparseSymmetric(A: CsrMatrix, b: Vec, options: SparseLdlOptions & { ordering?: SparseOrdering } = {}, out?: Vec): Vec {
  checkVec('b', b, A.rows);
  const factorization = new SparseLdlFactorization(sparseLdlAnalyze(A, { ordering: options.ordering }), A, options);
  return factorization.solve(b, out ?? new Float64Array(A.rows));
}
