/**
 * Eigenvalues (only) of a dense symmetric matrix: Householder reduction to tridiagonal form and the
 * implicit QL iteration with Wilkinson-type shifts (the EISPACK tred1/tql1 pair, re-derived). About
 * (4/3)n³ flops for the reduction and O(n²) for QL; no eigenvectors, hence several times cheaper than
 * `symmetricEigenDecomposition` for spectra of large matrices.
 *
 * @module
 */
import { InvalidArgumentError, NumericalError } from '../core/errors';
import type { DenseMatrix, Vec } from '../core/types';
import { checkDenseMatrix } from './dense';

/**
 * Eigenvalues in ascending order of the symmetric matrix A (only the lower triangle is read; the
 * input is not modified). Backward stable: each computed eigenvalue is exact for a matrix within
 * O(n·ε·‖A‖₂) of A, so absolute errors are ≈ n·ε·‖A‖₂.
 *
 * @throws InvalidArgumentError when A is not square; NumericalError('noConvergence') if QL needs more than 60 sweeps for one eigenvalue (not seen in practice)
 * @example
 * ```ts
 * symmetricEigenvalues(createMatrix(2, 2, new Float64Array([2, 1, 1, 2]))); // [1, 3]
 * ```
 */
export function symmetricEigenvalues(A: DenseMatrix): Vec {
  checkDenseMatrix('A', A);
  const n = A.rows;
  if (A.cols !== n) throw new InvalidArgumentError('A', 'a square matrix', `${A.rows}×${A.cols}`);
  const a = new Float64Array(n * n);
  // Symmetric copy from the lower triangle.
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) { const v = A.data[i * n + j]; a[i * n + j] = v; a[j * n + i] = v; }
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    // x = a[k+1.., k]
    let norm2 = 0;
    for (let i = k + 1; i < n; i++) norm2 += a[i * n + k] * a[i * n + k];
    const x0 = a[(k + 1) * n + k];
    const norm = Math.sqrt(norm2);
    d[k] = a[k * n + k];
    if (norm === 0) { e[k] = 0; continue; }
    const alpha = x0 > 0 ? -norm : norm;
    e[k] = alpha;
    // v = x − alpha·e1, normalized.
    for (let i = k + 1; i < n; i++) v[i] = a[i * n + k];
    v[k + 1] -= alpha;
    let vn = 0;
    for (let i = k + 1; i < n; i++) vn += v[i] * v[i];
    if (vn === 0) continue;
    vn = 1 / Math.sqrt(vn);
    for (let i = k + 1; i < n; i++) v[i] *= vn;
    // p = B v (B the trailing block), K = vᵀp, w = p − K v; B ← B − 2(v wᵀ + w vᵀ).
    let K = 0;
    for (let i = k + 1; i < n; i++) {
      let s = 0;
      const ri = i * n;
      for (let j = k + 1; j < n; j++) s += a[ri + j] * v[j];
      w[i] = s;
      K += v[i] * s;
    }
    for (let i = k + 1; i < n; i++) w[i] -= K * v[i];
    for (let i = k + 1; i < n; i++) {
      const ri = i * n, vi = 2 * v[i], wi = 2 * w[i];
      for (let j = k + 1; j < n; j++) a[ri + j] -= vi * w[j] + wi * v[j];
    }
  }
  if (n >= 2) { d[n - 2] = a[(n - 2) * n + n - 2]; e[n - 2] = a[(n - 1) * n + n - 2]; }
  d[n - 1] = a[(n - 1) * n + n - 1];
  e[n - 1] = 0;
  tridiagonalQl(d, e, n);
  return d.sort();
}

/** Implicit QL on the symmetric tridiagonal (d, e) (e[i] couples i and i+1); eigenvalues into d. */
function tridiagonalQl(d: Vec, e: Vec, n: number): void {
  for (let l = 0; l < n; l++) {
    let iter = 0;
    for (;;) {
      let m = l;
      for (; m < n - 1; m++) {
        const dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
        if (Math.abs(e[m]) <= Number.EPSILON * dd) break;
      }
      if (m === l) break;
      if (++iter > 60) throw new NumericalError('noConvergence', `symmetricEigenvalues: QL did not converge for eigenvalue ${l}`);
      let g = (d[l + 1] - d[l]) / (2 * e[l]);
      let r = Math.hypot(g, 1);
      g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
      let s = 1, c = 1, p = 0;
      let i = m - 1;
      let underflow = false;
      for (; i >= l; i--) {
        const f = s * e[i];
        const b = c * e[i];
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) { d[i + 1] -= p; e[m] = 0; underflow = true; break; }
        s = f / r;
        c = g / r;
        g = d[i + 1] - p;
        r = (d[i] - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
      }
      if (underflow) continue;
      d[l] -= p;
      e[l] = g;
      e[m] = 0;
    }
  }
}
