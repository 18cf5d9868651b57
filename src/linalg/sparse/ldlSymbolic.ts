/**
 * Symbolic analysis for sparse LDLᵀ factorization: fill-reducing ordering, the permuted upper
 * triangle C = triu(P A Pᵀ), the elimination tree and the column counts of L.
 *
 * The analysis depends only on the pattern, so one analysis serves any number of numeric
 * factorizations (real SPD, real symmetric indefinite, complex symmetric) of matrices with that
 * pattern. Only the lower triangle (j ≤ i) of A is read; A is taken to be symmetric
 * (complex symmetric, not Hermitian, in the complex case).
 *
 * Elimination tree and column counts are computed together by the row-subtree traversal of
 * Liu (1990) as described in T. A. Davis, "Direct Methods for Sparse Linear Systems", SIAM 2006,
 * §4.1 and §4.4: row k of L is the set of nodes reached from the entries of column k of C by
 * walking up the tree. Cost O(nnz(L)) time, O(n) extra space.
 *
 * @module
 */
import { checkInteger, checkOneOf } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { type CsrPattern, checkCsrMatrix, csrNnz } from './csr';
import { approximateMinimumDegree } from './minimumDegree';
import { reverseCuthillMcKee } from './reverseCuthillMcKee';

/** Fill-reducing ordering: `'amd'` (default), `'rcm'`, `'natural'`, or an explicit new-to-old permutation. */
export type SparseOrdering = 'amd' | 'rcm' | 'natural' | Int32Array;

/** Result of {@link sparseLdlAnalyze}; reusable for every matrix with the same pattern. */
export interface SparseLdlSymbolic {
  /** System size. */
  readonly n: number;
  /** `perm[k]` = original index of pivot k (new-to-old). */
  readonly perm: Int32Array;
  /** `inversePerm[i]` = pivot position of original index i. */
  readonly inversePerm: Int32Array;
  /** Elimination tree: parent of column k of L, or −1 for a root. */
  readonly parent: Int32Array;
  /** Start of column k of L (strictly lower part) in the factor arrays, length n+1. */
  readonly columnStart: Int32Array;
  /** Number of stored off-diagonal entries of L. */
  readonly nnzL: number;
  /** Flops of one real numeric factorization, Σ_k c_k(c_k + 3) with c_k the column counts. */
  readonly flops: number;
  /** Column pointers of C = triu(P A Pᵀ), length n+1. */
  readonly upperStart: Int32Array;
  /** Row index of every entry of C. */
  readonly upperRow: Int32Array;
  /** Index into A's value array of every entry of C. */
  readonly upperSource: Int32Array;
  /** The analyzed pattern (kept to verify later matrices share it). */
  readonly pattern: CsrPattern;
}

function resolvePermutation(A: CsrPattern, ordering: SparseOrdering): Int32Array {
  const n = A.rows;
  if (ordering instanceof Int32Array) {
    if (ordering.length !== n) throw new InvalidTypeError('options.ordering', `an Int32Array permutation of length ${n}`, ordering);
    const seen = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const v = ordering[k];
      if (!(v >= 0 && v < n) || seen[v]) throw new InvalidArgumentError(`options.ordering[${k}]`, `a permutation of 0..${n - 1} (repeated or out of range)`, v);
      seen[v] = 1;
    }
    return Int32Array.from(ordering);
  }
  const kind = checkOneOf('options.ordering', ordering, ['amd', 'rcm', 'natural'] as const);
  if (kind === 'amd') return approximateMinimumDegree(A);
  if (kind === 'rcm') return reverseCuthillMcKee(A);
  const natural = new Int32Array(n);
  for (let k = 0; k < n; k++) natural[k] = k;
  return natural;
}

/**
 * Symbolic LDLᵀ analysis of a square symmetric pattern: ordering, C = triu(P A Pᵀ) with a map to
 * A's values, elimination tree and column pointers of L. O(nnz(L) + ordering time).
 *
 * @param A - square CSR matrix or pattern; only entries with column ≤ row are used
 * @param options.ordering - see {@link SparseOrdering}; default `'amd'`
 *
 * @example
 * ```ts
 * const symbolic = sparseLdlAnalyze(K);            // once per mesh
 * const f1 = new SparseLdlFactorization(symbolic, K);
 * const f2 = new SparseLdlFactorization(symbolic, K2); // same pattern, new values
 * console.log(symbolic.nnzL, symbolic.flops);
 * ```
 */
export function sparseLdlAnalyze(A: CsrPattern, options: { ordering?: SparseOrdering } = {}): SparseLdlSymbolic {
  if ((A as { field?: unknown }).field !== undefined) checkCsrMatrix('A', A, 'any');
  checkInteger('A.rows', A.rows, 0);
  if (A.cols !== A.rows) throw new InvalidArgumentError('A', 'a square matrix', `${A.rows}×${A.cols}`);
  const n = A.rows;
  const perm = resolvePermutation(A, options.ordering ?? 'amd');
  const inversePerm = new Int32Array(n);
  for (let k = 0; k < n; k++) inversePerm[perm[k]] = k;
  // C = triu(P A Pᵀ) by columns, from the lower triangle of A
  const upperStart = new Int32Array(n + 1);
  const { rowPtr, colIndex } = A;
  for (let i = 0; i < n; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const j = colIndex[p];
      if (j > i) continue;
      upperStart[Math.max(inversePerm[i], inversePerm[j]) + 1]++;
    }
  }
  for (let k = 0; k < n; k++) upperStart[k + 1] += upperStart[k];
  const fill = upperStart.slice(0, n);
  const upperRow = new Int32Array(upperStart[n]);
  const upperSource = new Int32Array(upperStart[n]);
  for (let i = 0; i < n; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const j = colIndex[p];
      if (j > i) continue;
      const a = inversePerm[i];
      const b = inversePerm[j];
      const q = fill[Math.max(a, b)]++;
      upperRow[q] = Math.min(a, b);
      upperSource[q] = p;
    }
  }
  // elimination tree and column counts (row-subtree traversal)
  const parent = new Int32Array(n);
  const count = new Int32Array(n);
  const flag = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    parent[k] = -1;
    flag[k] = k;
    for (let q = upperStart[k]; q < upperStart[k + 1]; q++) {
      for (let i = upperRow[q]; flag[i] !== k; i = parent[i]) {
        if (parent[i] === -1) parent[i] = k;
        count[i]++;
        flag[i] = k;
      }
    }
  }
  const columnStart = new Int32Array(n + 1);
  let flops = 0;
  for (let k = 0; k < n; k++) {
    columnStart[k + 1] = columnStart[k] + count[k];
    flops += count[k] * (count[k] + 3);
  }
  if (columnStart[n] < 0 || columnStart[n] > 2 ** 31 - 1) {
    throw new InvalidArgumentError('A', 'a pattern whose factor has fewer than 2^31 entries', columnStart[n]);
  }
  return { n, perm, inversePerm, parent, columnStart, nnzL: columnStart[n], flops, upperStart, upperRow, upperSource, pattern: A };
}

/**
 * Check that `A` has exactly the pattern analyzed in `symbolic` (same arrays, or equal contents).
 * O(1) when the pattern arrays are shared, O(nnz) otherwise.
 *
 * @example
 * ```ts
 * checkSamePattern('A', A, symbolic); // throws InvalidArgumentError on mismatch
 * ```
 */
export function checkSamePattern(name: string, A: CsrPattern, symbolic: SparseLdlSymbolic): void {
  const ref = symbolic.pattern;
  if (A.rows !== ref.rows || A.cols !== ref.cols) throw new InvalidArgumentError(name, `a ${ref.rows}×${ref.cols} matrix with the analysed pattern`, `${A.rows}×${A.cols}`);
  if (A.rowPtr === ref.rowPtr && A.colIndex === ref.colIndex) return;
  const nnz = csrNnz(ref);
  if (csrNnz(A) !== nnz) throw new InvalidArgumentError(name, 'a matrix with the analysed pattern (nnz differs)');
  for (let i = 0; i <= A.rows; i++) if (A.rowPtr[i] !== ref.rowPtr[i]) throw new InvalidArgumentError(name, `a matrix with the analysed pattern (row ${i} differs)`);
  for (let p = 0; p < nnz; p++) if (A.colIndex[p] !== ref.colIndex[p]) throw new InvalidArgumentError(name, `a matrix with the analysed pattern (entry ${p} differs)`);
}

/**
 * Nonzero pattern of row k of L in topological order, by walking the elimination tree up from the
 * entries of column k of C (Davis 2006, §4.1). Writes the pattern into `stack[top..n-1]` and
 * returns `top`; `flag` must satisfy `flag[i] !== k` for all i before the call. O(|row k of L|).
 *
 * @example
 * ```ts
 * const top = factorRowPattern(symbolic, k, flag, stack);
 * for (let t = top; t < n; t++) { const i = stack[t]; ... }
 * ```
 */
export function factorRowPattern(symbolic: SparseLdlSymbolic, k: number, flag: Int32Array, stack: Int32Array): number {
  const { n, parent, upperStart, upperRow } = symbolic;
  let top = n;
  flag[k] = k;
  for (let q = upperStart[k]; q < upperStart[k + 1]; q++) {
    let i = upperRow[q];
    let length = 0;
    for (; flag[i] !== k; i = parent[i]) {
      stack[length++] = i;
      flag[i] = k;
    }
    while (length > 0) stack[--top] = stack[--length];
  }
  return top;
}
