/**
 * Complex Hermitian eigendecomposition through the real symmetric embedding, and the
 * generalized Hermitian-definite problem A v = λ B v by complex Cholesky reduction.
 *
 * Embedding: H = X + iY (X symmetric, Y antisymmetric) acts on z = a + ib like the real symmetric
 * M = [[X, −Y], [Y, X]] on (a; b). Every eigenvalue of H appears twice in M, with eigenvectors
 * (a; b) and (−b; a), both mapping to the same complex line {z, iz}. The 2n real eigenvectors are
 * mapped back to complex vectors and, cluster by cluster, reduced to n orthonormal ones by complex
 * Gram–Schmidt with column pivoting (two passes). Cost ≈ 8× a real n×n EVD (the embedding is
 * 2n×2n) plus O(n³) for the Gram–Schmidt; use it for the small dense Gram/eigen problems of
 * multiscale methods, not for large matrices.
 *
 * Matrices are {@link ComplexMatrix} values: n×n, row-major, interleaved (entry (i, j) is
 * `data[2(i·n + j)] + i·data[2(i·n + j) + 1]`).
 *
 * @module
 */
import { checkInteger, checkVec } from '../core/check';
import { InvalidTypeError, NumericalError } from '../core/errors';
import type { ComplexVec, Vec } from '../core/types';
import { createMatrix } from './dense';
import { symmetricEigenDecomposition } from './mlMatrixAdapter';

/** A square complex matrix, row-major, interleaved: entry (i, j) at `data[2(i·n + j)]` (+1 for im). */
export interface ComplexMatrix {
  /** Order. */
  readonly n: number;
  /** Interleaved row-major storage, length 2n². */
  readonly data: ComplexVec;
}

/** Result of {@link hermitianEigenDecomposition}. */
export interface HermitianEigenResult {
  /** Eigenvalues in ascending order (real). */
  values: Vec;
  /**
   * Eigenvectors: column k (entries `data[2(i·n + k)]`, +1 for im) belongs to `values[k]`.
   * Orthonormal (VᴴV = I) for the standard problem, B-orthonormal (VᴴBV = I) for the generalized
   * one. Phase convention: the entry of largest modulus is real and positive.
   */
  vectors: ComplexMatrix;
}

function checkComplexMatrix(name: string, A: unknown): ComplexMatrix {
  if (typeof A !== 'object' || A === null) throw new InvalidTypeError(name, 'a ComplexMatrix {n, data}', A);
  const M = A as ComplexMatrix;
  checkInteger(`${name}.n`, M.n, 1);
  checkVec(`${name}.data`, M.data, 2 * M.n * M.n);
  for (let k = 0; k < M.data.length; k++) {
    if (!Number.isFinite(M.data[k])) throw new NumericalError('nonFinite', `${name}.data[${k}] is not finite`);
  }
  return M;
}

/**
 * Eigenvalues (ascending) and orthonormal eigenvectors of the Hermitian part (A + Aᴴ)/2 of a
 * complex n×n matrix, via the real symmetric 2n×2n embedding (see the module notes) and the
 * ml-matrix symmetric EVD. Eigenvalues are accurate to ≈ n·ε·‖A‖₂; degenerate eigenvalues get an
 * orthonormal basis of their eigenspace. O(n³) (≈ 8× a real EVD of order n).
 *
 * @throws NumericalError `'nonFinite'` for NaN/Inf entries
 * @example
 * ```ts
 * // H = [[2, i], [−i, 2]] has eigenvalues 1 and 3
 * const H = { n: 2, data: new Float64Array([2, 0, 0, 1, 0, -1, 2, 0]) };
 * const { values, vectors } = hermitianEigenDecomposition(H); // values = [1, 3]
 * ```
 */
export function hermitianEigenDecomposition(A: ComplexMatrix): HermitianEigenResult {
  checkComplexMatrix('A', A);
  const n = A.n;
  const m = 2 * n;
  const M = createMatrix(m, m);
  let scale = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const s = 2 * (i * n + j);
      const t = 2 * (j * n + i);
      const x = 0.5 * (A.data[s] + A.data[t]); // Hermitian part: X symmetric
      const y = 0.5 * (A.data[s + 1] - A.data[t + 1]); // Y antisymmetric
      M.data[i * m + j] = x;
      M.data[(i + n) * m + j + n] = x;
      M.data[i * m + j + n] = -y;
      M.data[(i + n) * m + j] = y;
      scale = Math.max(scale, Math.abs(x) + Math.abs(y));
    }
  }
  const evd = symmetricEigenDecomposition(M);
  const lam = evd.values;
  const V = evd.vectors.data;
  // candidate complex vectors z_c = a + ib from the real eigenvectors (a; b), column-major
  const cand = new Float64Array(2 * n * m);
  for (let c = 0; c < m; c++) {
    for (let i = 0; i < n; i++) {
      cand[2 * (c * n + i)] = V[i * m + c];
      cand[2 * (c * n + i) + 1] = V[(i + n) * m + c];
    }
  }
  const values = new Float64Array(n);
  const basis = new Float64Array(2 * n * n); // accepted vectors, column-major
  const tol = 64 * n * 2.220446049250313e-16 * Math.max(scale * n, Number.MIN_VALUE);
  let accepted = 0;
  // clusters of even size: split between copies 2k−1 and 2k when the gap exceeds tol
  for (let start = 0; start < m;) {
    let end = start + 2;
    while (end < m && lam[end] - lam[end - 1] <= tol) end += 2;
    for (let k = start; k < end; k += 2) values[accepted + (k - start) / 2] = 0.5 * (lam[k] + lam[k + 1]);
    accepted = pivotedGramSchmidt(cand, start, end, n, basis, accepted, (end - start) / 2);
    start = end;
  }
  const vectors = new Float64Array(2 * n * n);
  for (let k = 0; k < n; k++) {
    fixPhase(basis, k * n, n);
    for (let i = 0; i < n; i++) {
      vectors[2 * (i * n + k)] = basis[2 * (k * n + i)];
      vectors[2 * (i * n + k) + 1] = basis[2 * (k * n + i) + 1];
    }
  }
  return { values, vectors: { n, data: vectors } };
}

/**
 * Accept `count` orthonormal vectors from candidates [start, end) (column-major in `cand`),
 * each time the candidate with the largest component orthogonal to all accepted ones, projected
 * twice (classical Gram–Schmidt with reorthogonalization). Returns the new number accepted.
 */
function pivotedGramSchmidt(cand: Float64Array, start: number, end: number, n: number, basis: Float64Array, accepted: number, count: number): number {
  const used = new Uint8Array(end - start);
  for (let pick = 0; pick < count; pick++) {
    if (pick > 0) {
      // remove the newest accepted direction from the remaining candidates (twice: reorthogonalization)
      for (let c = start; c < end; c++) {
        if (used[c - start] === 1) continue;
        projectOut(cand, c * n, basis, accepted - 1, n);
        projectOut(cand, c * n, basis, accepted - 1, n);
      }
    }
    let best = -1;
    let bestNorm = -1;
    for (let c = start; c < end; c++) {
      if (used[c - start] === 1) continue;
      let s = 0;
      for (let i = 0; i < 2 * n; i++) s += cand[2 * c * n + i] * cand[2 * c * n + i];
      if (s > bestNorm) {
        bestNorm = s;
        best = c;
      }
    }
    used[best - start] = 1;
    // orthogonalize against all accepted vectors (other clusters too), twice, then normalize
    for (let pass = 0; pass < 2; pass++) for (let q = 0; q < accepted; q++) projectOut(cand, best * n, basis, q, n);
    let s = 0;
    for (let i = 0; i < 2 * n; i++) s += cand[2 * best * n + i] * cand[2 * best * n + i];
    const inv = 1 / Math.sqrt(s);
    for (let i = 0; i < 2 * n; i++) basis[2 * accepted * n + i] = cand[2 * best * n + i] * inv;
    accepted++;
  }
  return accepted;
}

/** v ← v − q (qᴴv) for the complex vector v at entry offset `v0` and basis column q. */
function projectOut(v: Float64Array, v0: number, basis: Float64Array, q: number, n: number): void {
  const b0 = 2 * q * n;
  let re = 0;
  let im = 0;
  for (let i = 0; i < n; i++) {
    const qr = basis[b0 + 2 * i];
    const qi = basis[b0 + 2 * i + 1];
    const vr = v[2 * (v0 + i)];
    const vi = v[2 * (v0 + i) + 1];
    re += qr * vr + qi * vi;
    im += qr * vi - qi * vr;
  }
  for (let i = 0; i < n; i++) {
    const qr = basis[b0 + 2 * i];
    const qi = basis[b0 + 2 * i + 1];
    v[2 * (v0 + i)] -= qr * re - qi * im;
    v[2 * (v0 + i) + 1] -= qr * im + qi * re;
  }
}

/** Multiply the complex vector at entry offset v0 by the phase that makes its largest entry real > 0. */
function fixPhase(v: Float64Array, v0: number, n: number): void {
  let big = -1;
  let at = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.hypot(v[2 * (v0 + i)], v[2 * (v0 + i) + 1]);
    if (a > big * (1 + 1e-12)) {
      big = a;
      at = i;
    }
  }
  const cr = v[2 * (v0 + at)] / big;
  const ci = -v[2 * (v0 + at) + 1] / big; // conj(phase)
  for (let i = 0; i < n; i++) {
    const r = v[2 * (v0 + i)];
    const m = v[2 * (v0 + i) + 1];
    v[2 * (v0 + i)] = r * cr - m * ci;
    v[2 * (v0 + i) + 1] = r * ci + m * cr;
  }
  v[2 * (v0 + at) + 1] = 0;
}
