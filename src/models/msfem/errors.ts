/**
 * The relative errors of thesis (4.4.1): `e_L2 = ‖e‖_M/‖u‖_M` and `e_H = ‖e‖_{K_nrm}/‖u‖_{K_nrm}`
 * with `e = u_ref − u_ms` and `K_nrm = Σ_e (A_e K̂ + |V_e| M̂)`, the energy norm of thesis line 4517.
 * (The authors' elliptic scripts divide by the square root of the energy instead of the energy's
 * square root — `sqrt(eᵀKe / sqrt(uᵀKu))`; this is not that.)
 *
 * @module
 */
import { InvalidArgumentError } from '../../core/errors';
import type { CsrMatrix } from '../../linalg/sparse/csr';

/**
 * `xᴴ A x` for a real symmetric CSR matrix A and a real (`width` 1) or interleaved complex
 * (`width` 2) vector x. O(nnz).
 *
 * @example
 * ```ts
 * const energy = quadraticForm(Knrm, u, 1);
 * ```
 */
export function quadraticForm(A: CsrMatrix, x: Float64Array, width: 1 | 2): number {
  if (x.length !== width * A.rows) throw new InvalidArgumentError('x', `a vector of length ${width * A.rows}`, x.length);
  const { rowPtr, colIndex, values } = A;
  let s = 0;
  for (let i = 0; i < A.rows; i++) {
    let ar = 0;
    let ai = 0;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const j = colIndex[p];
      ar += values[p] * x[width * j];
      if (width === 2) ai += values[p] * x[2 * j + 1];
    }
    s += x[width * i] * ar + (width === 2 ? x[2 * i + 1] * ai : 0);
  }
  return s;
}

/**
 * Relative errors of thesis (4.4.1) of `uMs` against `uRef` (real or interleaved complex nodal
 * vectors): `{ eH: sqrt(eᴴK e/uᴴK u), eL2: sqrt(eᴴM e/uᴴM u) }`. O(nnz).
 *
 * @example
 * ```ts
 * const { eH, eL2 } = relativeErrors(Knrm, M, uRef, uMs, 2);
 * ```
 */
export function relativeErrors(Knrm: CsrMatrix, M: CsrMatrix, uRef: Float64Array, uMs: Float64Array, width: 1 | 2): {
  /** Relative energy error. */
  eH: number;
  /** Relative L² error. */
  eL2: number;
} {
  if (uMs.length !== uRef.length) throw new InvalidArgumentError('uMs', `a vector of length ${uRef.length}`, uMs.length);
  const e = new Float64Array(uRef.length);
  for (let k = 0; k < e.length; k++) e[k] = uRef[k] - uMs[k];
  const eH = Math.sqrt(Math.max(quadraticForm(Knrm, e, width), 0) / quadraticForm(Knrm, uRef, width));
  const eL2 = Math.sqrt(Math.max(quadraticForm(M, e, width), 0) / quadraticForm(M, uRef, width));
  return { eH, eL2 };
}
