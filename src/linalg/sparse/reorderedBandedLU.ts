/**
 * Direct solver for general (non-symmetric) real sparse systems: reorder by reverse
 * Cuthill–McKee to a small bandwidth, copy P A Pᵀ into band storage, and factor it by banded LU
 * with partial pivoting ({@link BandedLUFactorization}, LAPACK `gbtrf` style).
 *
 * Cost for bandwidths kl = ku = w: memory n·(3w+1) doubles and about 2·n·w² flops for the
 * factorization, 2·n·(3w) per solve. On a 2D grid with m×m nodes RCM gives w ≈ m+1, i.e. n^{3/2}
 * memory and n² flops: fine up to ~10⁴ unknowns; beyond that use BiCGSTAB or, when A is
 * symmetric, {@link SparseLdlFactorization}.
 *
 * @module
 */
import { checkVec } from '../../core/check';
import { InvalidArgumentError } from '../../core/errors';
import type { Vec } from '../../core/types';
import { BandedLUFactorization, BandedMatrix } from '../banded';
import { csrBandProfile } from './bandProfile';
import { checkCsrMatrix, type CsrMatrix } from './csr';
import { reverseCuthillMcKee } from './reverseCuthillMcKee';

/**
 * Copy the symmetric permutation `P A Pᵀ` (entry (i, j) ↦ (inversePerm[i], inversePerm[j]))
 * of a real square CSR matrix into a {@link BandedMatrix} whose kl, ku are the smallest that hold
 * it. O(nnz + n·(kl+ku+1)).
 *
 * @param perm - new-to-old permutation (default identity)
 *
 * @example
 * ```ts
 * const B = csrToBanded(A, reverseCuthillMcKee(A));
 * ```
 */
export function csrToBanded(A: CsrMatrix, perm?: Int32Array): BandedMatrix {
  checkCsrMatrix('A', A, 'real');
  const n = A.rows;
  const { inverse, kl, ku } = csrBandProfile(A, perm);
  const band = new BandedMatrix(n, kl, ku);
  const width = kl + ku + 1;
  for (let i = 0; i < n; i++) {
    const row = inverse[i];
    for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) {
      band.data[row * width + (inverse[A.colIndex[p]] - row + kl)] = A.values[p];
    }
  }
  return band;
}

/**
 * LU factorization with partial pivoting of a real sparse matrix after a bandwidth-reducing
 * reordering (see the module notes for costs). Throws a {@link NumericalError} (`'singular'`)
 * from the banded factorization when a pivot column vanishes.
 *
 * @example
 * ```ts
 * const lu = new ReorderedBandedLU(A);          // RCM by default
 * const x = lu.solve(b);
 * console.log(lu.lowerBandwidth, lu.upperBandwidth);
 * ```
 */
export class ReorderedBandedLU {
  /** System size. */
  readonly n: number;
  /** New-to-old permutation used. */
  readonly perm: Int32Array;
  /** Sub-diagonals of the reordered matrix. */
  readonly lowerBandwidth: number;
  /** Super-diagonals of the reordered matrix. */
  readonly upperBandwidth: number;
  private readonly lu: BandedLUFactorization;
  private readonly work: Float64Array;

  /**
   * @param A - real square CSR matrix
   * @param options.ordering - `'rcm'` (default), `'natural'`, or a new-to-old permutation
   */
  constructor(A: CsrMatrix, options: { ordering?: 'rcm' | 'natural' | Int32Array } = {}) {
    checkCsrMatrix('A', A, 'real');
    const ordering = options.ordering ?? 'rcm';
    let perm: Int32Array;
    if (ordering instanceof Int32Array) perm = ordering;
    else if (ordering === 'rcm') perm = reverseCuthillMcKee(A);
    else if (ordering === 'natural') perm = Int32Array.from({ length: A.rows }, (_, k) => k);
    else throw new InvalidArgumentError('options.ordering', '"rcm", "natural" or an Int32Array permutation', ordering);
    const band = csrToBanded(A, perm);
    this.n = A.rows;
    this.perm = Int32Array.from(perm);
    this.lowerBandwidth = band.kl;
    this.upperBandwidth = band.ku;
    this.lu = new BandedLUFactorization(band);
    this.work = new Float64Array(A.rows);
  }

  /**
   * Solve `A x = b`; `out` may alias `b`. O(n·(kl+ku)) per solve.
   *
   * @example
   * ```ts
   * const x = lu.solve(b);
   * ```
   */
  solve(b: Vec, out: Vec = new Float64Array(this.n)): Vec {
    checkVec('b', b, this.n);
    checkVec('out', out, this.n);
    const { perm, work } = this;
    for (let k = 0; k < this.n; k++) work[k] = b[perm[k]];
    this.lu.solve(work, work);
    for (let k = 0; k < this.n; k++) out[perm[k]] = work[k];
    return out;
  }
}
