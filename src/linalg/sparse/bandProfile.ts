/**
 * The band profile of a symmetric permutation P A Pᵀ of a square CSR matrix: the inverse
 * permutation and the smallest kl, ku that hold it. Shared by the real and complex CSR → band
 * conversions.
 *
 * @module
 */
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { CsrPattern } from './csr';

/** Result of {@link csrBandProfile}. */
export interface CsrBandProfile {
  /** Old-to-new index map: row/column i of A becomes row/column `inverse[i]`. */
  inverse: Int32Array;
  /** Lower bandwidth of P A Pᵀ. */
  kl: number;
  /** Upper bandwidth of P A Pᵀ. */
  ku: number;
}

/**
 * Validate `perm` (new-to-old, default identity) for the square pattern A and measure the
 * bandwidths of P A Pᵀ. O(nnz + n).
 * @example
 * ```ts
 * const { inverse, kl, ku } = csrBandProfile(A, reverseCuthillMcKee(A));
 * ```
 */
export function csrBandProfile(A: CsrPattern, perm?: Int32Array): CsrBandProfile {
  const n = A.rows;
  if (A.cols !== n || n < 1) throw new InvalidArgumentError('A', 'a non-empty square matrix', `${A.rows}×${A.cols}`);
  const inverse = new Int32Array(n);
  if (perm === undefined) {
    for (let i = 0; i < n; i++) inverse[i] = i;
  } else {
    if (!(perm instanceof Int32Array) || perm.length !== n) throw new InvalidTypeError('perm', `an Int32Array permutation of length ${n}`, perm);
    inverse.fill(-1);
    for (let k = 0; k < n; k++) {
      const v = perm[k];
      if (!(v >= 0 && v < n) || inverse[v] >= 0) throw new InvalidArgumentError(`perm[${k}]`, `a permutation of 0..${n - 1}`, v);
      inverse[v] = k;
    }
  }
  let kl = 0;
  let ku = 0;
  for (let i = 0; i < n; i++) {
    for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) {
      const d = inverse[A.colIndex[p]] - inverse[i];
      if (d > ku) ku = d;
      if (-d > kl) kl = -d;
    }
  }
  return { inverse, kl, ku };
}
