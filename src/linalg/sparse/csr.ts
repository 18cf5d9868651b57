/**
 * Compressed sparse row (CSR) matrices, real and complex, and their assembly from triplets.
 *
 * Storage: row i holds the entries `rowPtr[i] .. rowPtr[i+1]-1`; entry p sits in column
 * `colIndex[p]`. Column indices are strictly increasing within each row (no duplicates) for every
 * matrix built here. Real values are `values[p]`; complex values are interleaved,
 * `values[2p] + i·values[2p+1]` (the {@link ComplexVec} layout). The `field` tag tells the two apart.
 *
 * Assembly follows the finite-element pattern: element contributions are listed as triplets
 * (row, col, value) with repeats, and repeated positions are summed. The pattern step
 * ({@link csrPatternFromTriplets}) returns a slot map so that re-assembly with new values on the
 * same pattern ({@link csrAssembleValues}) is one scatter pass, and symbolic factorizations of the
 * pattern stay valid.
 *
 * Patterns (`rowPtr`, `colIndex`) are treated as immutable and may be shared between matrices.
 *
 * @module
 */
import { checkInteger, checkOneOf } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';

/** The sparsity pattern of a CSR matrix (sorted, duplicate-free column indices per row). */
export interface CsrPattern {
  /** Number of rows. */
  readonly rows: number;
  /** Number of columns. */
  readonly cols: number;
  /** Row pointers, length rows+1; `rowPtr[rows]` is the number of stored entries. */
  readonly rowPtr: Int32Array;
  /** Column index of every stored entry, length `rowPtr[rows]`. */
  readonly colIndex: Int32Array;
}

/** A real CSR matrix: entry p has value `values[p]`. */
export interface CsrMatrix extends CsrPattern {
  /** Discriminant: real values. */
  readonly field: 'real';
  /** Values, length nnz. */
  readonly values: Float64Array;
}

/** A complex CSR matrix: entry p has value `values[2p] + i·values[2p+1]`. */
export interface ComplexCsrMatrix extends CsrPattern {
  /** Discriminant: complex interleaved values. */
  readonly field: 'complex';
  /** Interleaved values, length 2·nnz. */
  readonly values: Float64Array;
}

/** Either kind of CSR matrix (used by the routines that only move values around). */
export type AnyCsrMatrix = CsrMatrix | ComplexCsrMatrix;

/** A pattern together with the slot of every triplet (see {@link csrPatternFromTriplets}). */
export interface CsrAssemblyPattern {
  /** The assembled, duplicate-free pattern. */
  readonly pattern: CsrPattern;
  /** `slot[t]` is the stored entry that triplet t is summed into. */
  readonly slot: Int32Array;
}

/**
 * Number of stored entries of a CSR pattern.
 * @example
 * ```ts
 * csrNnz(A); // A.rowPtr[A.rows]
 * ```
 */
export function csrNnz(A: CsrPattern): number {
  return A.rowPtr[A.rows];
}

/**
 * Number of doubles per stored value: 1 for real, 2 for complex.
 * @example
 * ```ts
 * const values = new Float64Array(csrValueWidth(A) * csrNnz(A));
 * ```
 */
export function csrValueWidth(A: AnyCsrMatrix): 1 | 2 {
  return A.field === 'complex' ? 2 : 1;
}

/**
 * Validate a CSR matrix: the field tag, array types and lengths, monotone row pointers, and
 * strictly increasing in-range column indices within each row. O(nnz).
 *
 * @param name - argument name used in error messages
 * @param A - the candidate matrix
 * @param field - the required field, or `'any'`
 * @returns `A`, narrowed
 * @throws InvalidTypeError for wrong types/lengths, InvalidArgumentError for a malformed pattern
 *
 * @example
 * ```ts
 * checkCsrMatrix('A', A, 'real'); // throws if A is not a well-formed real CSR matrix
 * ```
 */
export function checkCsrMatrix<F extends 'real' | 'complex' | 'any'>(
  name: string,
  A: unknown,
  field: F,
): F extends 'real' ? CsrMatrix : F extends 'complex' ? ComplexCsrMatrix : AnyCsrMatrix {
  if (typeof A !== 'object' || A === null) throw new InvalidTypeError(name, 'a CSR matrix object', A);
  const M = A as AnyCsrMatrix;
  const tag = checkOneOf(`${name}.field`, M.field, field === 'any' ? (['real', 'complex'] as const) : [field as 'real' | 'complex']);
  const rows = checkInteger(`${name}.rows`, M.rows, 0);
  checkInteger(`${name}.cols`, M.cols, 0);
  if (!(M.rowPtr instanceof Int32Array) || M.rowPtr.length !== rows + 1) {
    throw new InvalidTypeError(`${name}.rowPtr`, `an Int32Array of length ${rows + 1}`, M.rowPtr);
  }
  if (M.rowPtr[0] !== 0) throw new InvalidArgumentError(`${name}.rowPtr[0]`, '0', M.rowPtr[0]);
  const nnz = M.rowPtr[rows];
  if (!(M.colIndex instanceof Int32Array) || M.colIndex.length !== nnz) {
    throw new InvalidTypeError(`${name}.colIndex`, `an Int32Array of length ${nnz}`, M.colIndex);
  }
  const width = tag === 'complex' ? 2 : 1;
  if (!(M.values instanceof Float64Array) || M.values.length !== width * nnz) {
    throw new InvalidTypeError(`${name}.values`, `a Float64Array of length ${width * nnz}`, M.values);
  }
  for (let i = 0; i < rows; i++) {
    const start = M.rowPtr[i];
    const end = M.rowPtr[i + 1];
    if (end < start) throw new InvalidArgumentError(`${name}.rowPtr`, `non-decreasing (fails at index ${i + 1})`, end);
    let previous = -1;
    for (let p = start; p < end; p++) {
      const j = M.colIndex[p];
      if (!(j > previous && j < M.cols)) {
        throw new InvalidArgumentError(`${name}.colIndex[${p}]`, `strictly increasing within row ${i} and in [0, ${M.cols - 1}]`, j);
      }
      previous = j;
    }
  }
  return M as never;
}

function checkIndexArray(name: string, value: unknown, length: number | undefined, bound: number): ArrayLike<number> {
  if (!(value instanceof Int32Array || Array.isArray(value) || value instanceof Uint32Array || value instanceof Float64Array)) {
    throw new InvalidTypeError(name, 'an Int32Array or an array of integers', value);
  }
  const arr = value as ArrayLike<number>;
  if (length !== undefined && arr.length !== length) throw new InvalidTypeError(name, `an array of length ${length}`, value);
  for (let t = 0; t < arr.length; t++) {
    const v = arr[t];
    if (!(Number.isInteger(v) && v >= 0 && v < bound)) throw new InvalidArgumentError(`${name}[${t}]`, `an integer in [0, ${bound - 1}]`, v);
  }
  return arr;
}

/**
 * Assemble the duplicate-free CSR pattern of a list of (row, col) triplets and the slot map
 * telling where each triplet lands. Two counting sorts (by column, then stably by row), then a
 * merge of repeats: O(t + rows + cols) for t triplets, no comparisons.
 *
 * @param rows - number of rows (>= 0)
 * @param cols - number of columns (>= 0)
 * @param rowIndex - row of each triplet, integers in [0, rows)
 * @param colIndex - column of each triplet, integers in [0, cols), same length
 *
 * @example
 * ```ts
 * const { pattern, slot } = csrPatternFromTriplets(2, 2, [0, 0, 1, 0], [0, 1, 1, 0]);
 * // pattern.rowPtr = [0, 2, 3]; triplets 0 and 3 share slot 0
 * ```
 */
export function csrPatternFromTriplets(rows: number, cols: number, rowIndex: ArrayLike<number>, colIndex: ArrayLike<number>): CsrAssemblyPattern {
  checkInteger('rows', rows, 0);
  checkInteger('cols', cols, 0);
  const ri = checkIndexArray('rowIndex', rowIndex, undefined, rows);
  const ci = checkIndexArray('colIndex', colIndex, ri.length, cols);
  const t = ri.length;
  // counting sort by column
  const colCount = new Int32Array(cols + 1);
  for (let k = 0; k < t; k++) colCount[ci[k] + 1]++;
  for (let j = 0; j < cols; j++) colCount[j + 1] += colCount[j];
  const byCol = new Int32Array(t);
  for (let k = 0; k < t; k++) byCol[colCount[ci[k]]++] = k;
  // stable counting sort by row: rows end up with non-decreasing columns
  const rowStart = new Int32Array(rows + 1);
  for (let k = 0; k < t; k++) rowStart[ri[k] + 1]++;
  for (let i = 0; i < rows; i++) rowStart[i + 1] += rowStart[i];
  const fill = rowStart.slice(0, rows);
  const sorted = new Int32Array(t);
  for (let q = 0; q < t; q++) {
    const k = byCol[q];
    sorted[fill[ri[k]]++] = k;
  }
  // merge repeats
  const slot = new Int32Array(t);
  const rowPtr = new Int32Array(rows + 1);
  const colTmp = new Int32Array(t);
  let nnz = 0;
  for (let i = 0; i < rows; i++) {
    let lastCol = -1;
    for (let q = rowStart[i]; q < rowStart[i + 1]; q++) {
      const k = sorted[q];
      const j = ci[k];
      if (j !== lastCol) {
        colTmp[nnz++] = j;
        lastCol = j;
      }
      slot[k] = nnz - 1;
    }
    rowPtr[i + 1] = nnz;
  }
  return { pattern: { rows, cols, rowPtr, colIndex: colTmp.slice(0, nnz) }, slot };
}

/**
 * Sum triplet values into their slots: `out[slot[t]] += values[t]` after zeroing `out`
 * (real, `width` 1) or the same per interleaved pair (complex, `width` 2). O(t + nnz), no
 * allocation when `out` is given.
 *
 * @param assembly - pattern and slot map from {@link csrPatternFromTriplets}
 * @param values - triplet values, length t (real) or 2t (complex, interleaved)
 * @param width - 1 for real, 2 for complex
 * @param out - value array of length width·nnz (overwritten)
 *
 * @example
 * ```ts
 * const asm = csrPatternFromTriplets(n, n, I, J);
 * const values = csrAssembleValues(asm, V, 1);      // first assembly
 * csrAssembleValues(asm, V2, 1, A.values);           // new coefficients, same pattern
 * ```
 */
export function csrAssembleValues(assembly: CsrAssemblyPattern, values: Float64Array, width: 1 | 2, out?: Float64Array): Float64Array {
  checkInteger('width', width, 1, 2);
  const { pattern, slot } = assembly;
  const t = slot.length;
  const nnz = csrNnz(pattern);
  if (!(values instanceof Float64Array) || values.length !== width * t) {
    throw new InvalidTypeError('values', `a Float64Array of length ${width * t}`, values);
  }
  const result = out ?? new Float64Array(width * nnz);
  if (!(result instanceof Float64Array) || result.length !== width * nnz) {
    throw new InvalidTypeError('out', `a Float64Array of length ${width * nnz}`, result);
  }
  result.fill(0);
  if (width === 1) {
    for (let k = 0; k < t; k++) result[slot[k]] += values[k];
  } else {
    for (let k = 0; k < t; k++) {
      const s = 2 * slot[k];
      result[s] += values[2 * k];
      result[s + 1] += values[2 * k + 1];
    }
  }
  return result;
}

/**
 * Build a real CSR matrix from COO triplets, summing repeated (row, col) positions — the
 * finite-element assembly pattern. O(t + rows + cols).
 *
 * @example
 * ```ts
 * // 1D Laplacian from element matrices [1 -1; -1 1] on 2 elements
 * const A = csrFromTriplets(3, 3, [0, 0, 1, 1, 1, 1, 2, 2], [0, 1, 0, 1, 1, 2, 1, 2],
 *   new Float64Array([1, -1, -1, 1, 1, -1, -1, 1])); // A(1,1) = 2
 * ```
 */
export function csrFromTriplets(rows: number, cols: number, rowIndex: ArrayLike<number>, colIndex: ArrayLike<number>, values: Float64Array): CsrMatrix {
  const assembly = csrPatternFromTriplets(rows, cols, rowIndex, colIndex);
  return { field: 'real', ...assembly.pattern, values: csrAssembleValues(assembly, values, 1) };
}

/**
 * Build a complex CSR matrix from COO triplets with interleaved complex values
 * (`values[2t] + i·values[2t+1]`), summing repeats. O(t + rows + cols).
 *
 * @example
 * ```ts
 * const A = complexCsrFromTriplets(1, 1, [0, 0], [0, 0], new Float64Array([1, 2, 3, -1])); // 4 + i
 * ```
 */
export function complexCsrFromTriplets(rows: number, cols: number, rowIndex: ArrayLike<number>, colIndex: ArrayLike<number>, values: Float64Array): ComplexCsrMatrix {
  const assembly = csrPatternFromTriplets(rows, cols, rowIndex, colIndex);
  return { field: 'complex', ...assembly.pattern, values: csrAssembleValues(assembly, values, 2) };
}

/**
 * Wrap a pattern and a value array as a CSR matrix of the given field (no copy, O(1); the
 * lengths are checked).
 *
 * @example
 * ```ts
 * const B = csrWithValues(A, 'real', newValues); // same pattern as A
 * ```
 */
export function csrWithValues(pattern: CsrPattern, field: 'real', values: Float64Array): CsrMatrix;
export function csrWithValues(pattern: CsrPattern, field: 'complex', values: Float64Array): ComplexCsrMatrix;
export function csrWithValues(pattern: CsrPattern, field: 'real' | 'complex', values: Float64Array): AnyCsrMatrix {
  checkOneOf('field', field, ['real', 'complex']);
  const width = field === 'complex' ? 2 : 1;
  const nnz = csrNnz(pattern);
  if (!(values instanceof Float64Array) || values.length !== width * nnz) {
    throw new InvalidTypeError('values', `a Float64Array of length ${width * nnz}`, values);
  }
  const { rows, cols, rowPtr, colIndex } = pattern;
  return { field, rows, cols, rowPtr, colIndex, values } as AnyCsrMatrix;
}
