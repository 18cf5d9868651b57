/**
 * The patch Gram matrix `P_e = Hᴴ K_nrm H` of ExpMsFEM's harmonic-basis edge eigenproblems (thesis
 * §4.3.2, (4.3.4)) for a harmonic basis H = `Ext_D` of the prescribed nodes: a cache-blocked
 * Hermitian kernel that uses H's structure (zero rows at Dirichlet nodes, unit rows at the basis nodes)
 * without changing any rounding.
 *
 * @module
 */
import { NodeClass } from '../../grid/nodeClassification';
import { complexMatrix, type ComplexColumnMatrix } from '../../linalg/complexDense';
import type { LocalProblem } from './localProblem';

/** Rows (complex entries) per pass of {@link hermitianGram}: 2×2 columns of this many rows stay in L1. */
const GRAM_ROWS = 128;
/** {@link hermitianGram} row kinds: a general row, and a row of zeros. */
const DENSE_ROW = -1;
const ZERO_ROW = -2;

/**
 * `Xᴴ Y` for a product known to be Hermitian (Y = N X, N Hermitian): upper triangle computed, mirrored.
 * `rowKind[r]` says what row r of X is: {@link DENSE_ROW}, {@link ZERO_ROW}, or q ≥ 0 for the unit row
 * of column q (1 there, 0 in the other columns) — the prescribed rows of a harmonic basis. Zero rows
 * are skipped and a unit row adds row r of Y to row q of the result; runs of dense rows go through
 * {@link gramRows} in chunks of {@link GRAM_ROWS}. Each entry still accumulates its terms in row order
 * (a skipped term is an exact ±0, which leaves a sum started at +0 unchanged), so the result is the plain
 * dot-product loop's over all rows bit for bit. O(dense rows · cols²/2) complex products.
 *
 * @example
 * ```ts
 * const H = patch.harmonicBasis();
 * const P = hermitianGram(H, sparseTimesDense(patch.Knrm, H), harmonicRowKinds(patch)); // P_e = Hᴴ K_nrm H
 * ```
 */
export function hermitianGram(X: ComplexColumnMatrix, Y: ComplexColumnMatrix, rowKind: Int32Array): ComplexColumnMatrix {
  const n = X.rows;
  const c = X.cols;
  const out = complexMatrix(c, c);
  const o = out.data;
  const y = Y.data;
  const m = 2 * n;
  let r = 0;
  while (r < n) {
    const kind = rowKind[r];
    if (kind === ZERO_ROW) {
      r++;
    } else if (kind >= 0) {
      for (let j = kind; j < c; j++) {
        o[2 * (kind + c * j)] += y[m * j + 2 * r];
        o[2 * (kind + c * j) + 1] += y[m * j + 2 * r + 1];
      }
      r++;
    } else {
      let e = r + 1;
      while (e < n && e - r < GRAM_ROWS && rowKind[e] === DENSE_ROW) e++;
      gramRows(X, Y, o, 2 * r, 2 * e);
      r = e;
    }
  }
  for (let j = 0; j < c; j++) {
    for (let i = 0; i < j; i++) {
      o[2 * (j + c * i)] = o[2 * (i + c * j)];
      o[2 * (j + c * i) + 1] = -o[2 * (i + c * j) + 1];
    }
    o[2 * (j + c * j) + 1] = 0;
  }
  return out;
}

/**
 * Adds the terms of rows [k0/2, k1/2) of `Xᴴ Y` to the upper triangle of `o` (column-major, interleaved),
 * 2 × 2 output entries at a time (four columns read for four dot products), each continuing from its
 * stored value.
 */
function gramRows(X: ComplexColumnMatrix, Y: ComplexColumnMatrix, o: Float64Array, k0: number, k1: number): void {
  const c = X.cols;
  const x = X.data;
  const y = Y.data;
  const m = 2 * X.rows;
  let j = 0;
  for (; j + 1 < c; j += 2) {
    const y0 = m * j;
    const y1 = y0 + m;
    let i = 0;
    for (; i <= j; i += 2) {
      // entries (i, j), (i+1, j), (i, j+1), (i+1, j+1); i + 1 ≤ j + 1 < c
      const x0 = m * i;
      const x1 = x0 + m;
      const p00 = 2 * (i + c * j);
      const p10 = p00 + 2;
      const p01 = p00 + 2 * c;
      const p11 = p01 + 2;
      let r00 = o[p00];
      let i00 = o[p00 + 1];
      let r10 = o[p10];
      let i10 = o[p10 + 1];
      let r01 = o[p01];
      let i01 = o[p01 + 1];
      let r11 = o[p11];
      let i11 = o[p11 + 1];
      for (let k = k0; k < k1; k += 2) {
        const ar = x[x0 + k];
        const ai = x[x0 + k + 1];
        const er = x[x1 + k];
        const ei = x[x1 + k + 1];
        const br = y[y0 + k];
        const bi = y[y0 + k + 1];
        const fr = y[y1 + k];
        const fi = y[y1 + k + 1];
        r00 += ar * br + ai * bi;
        i00 += ar * bi - ai * br;
        r10 += er * br + ei * bi;
        i10 += er * bi - ei * br;
        r01 += ar * fr + ai * fi;
        i01 += ar * fi - ai * fr;
        r11 += er * fr + ei * fi;
        i11 += er * fi - ei * fr;
      }
      o[p00] = r00;
      o[p00 + 1] = i00;
      o[p10] = r10;
      o[p10 + 1] = i10;
      o[p01] = r01;
      o[p01 + 1] = i01;
      o[p11] = r11;
      o[p11 + 1] = i11;
    }
  }
  for (; j < c; j++) {
    // the last column when c is odd
    const y0 = m * j;
    for (let i = 0; i <= j; i++) {
      const x0 = m * i;
      const p = 2 * (i + c * j);
      let sr = o[p];
      let si = o[p + 1];
      for (let k = k0; k < k1; k += 2) {
        const ar = x[x0 + k];
        const ai = x[x0 + k + 1];
        const br = y[y0 + k];
        const bi = y[y0 + k + 1];
        sr += ar * br + ai * bi;
        si += ar * bi - ai * br;
      }
      o[p] = sr;
      o[p + 1] = si;
    }
  }
}

/**
 * Row kinds of the harmonic basis `Ext_D` of a patch for {@link hermitianGram}: free nodes dense, basis
 * node q the unit row of column q, Dirichlet (and a pinned node) zero. O(nodes).
 *
 * @example
 * ```ts
 * const kinds = harmonicRowKinds(patch); // Int32Array, one entry per local node
 * ```
 */
export function harmonicRowKinds(patch: LocalProblem): Int32Array {
  const { kind } = patch.cls;
  const rows = new Int32Array(kind.length).fill(ZERO_ROW);
  for (let r = 0; r < kind.length; r++) if (kind[r] === NodeClass.free) rows[r] = DENSE_ROW;
  patch.basis.forEach((node, q) => (rows[node] = q));
  return rows;
}
