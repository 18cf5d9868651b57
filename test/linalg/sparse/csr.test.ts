import {
  checkCsrMatrix,
  complexCsrFromTriplets,
  csrAssembleValues,
  csrFromTriplets,
  csrPatternFromTriplets,
  csrWithValues,
} from '../../../src/linalg/sparse/csr';
import { complexCsrMatVec, complexCsrResidual, csrMatVec, csrMatVecStrided, csrResidual } from '../../../src/linalg/sparse/csrMatVec';
import { csrApplyDirichlet, csrDiagonal, csrFindEntry, csrScaleRows, csrTranspose } from '../../../src/linalg/sparse/csrOps';
import { InvalidArgumentError, InvalidTypeError } from '../../../src/core/errors';
import { lcg, toDense } from './helpers';
import { q1Mesh, q1RealMatrix } from './q1Fem';

function randomTriplets(rows: number, cols: number, count: number, seed: number, complex = false) {
  const rnd = lcg(seed);
  const I: number[] = [];
  const J: number[] = [];
  const V = new Float64Array((complex ? 2 : 1) * count);
  for (let t = 0; t < count; t++) {
    I.push(Math.floor((rnd() + 0.5) * rows));
    J.push(Math.floor((rnd() + 0.5) * cols));
  }
  for (let k = 0; k < V.length; k++) V[k] = rnd();
  return { I, J, V };
}

describe('CSR assembly', () => {
  test('duplicates are summed; the result matches a dense accumulation; pattern is canonical', () => {
    const rows = 23;
    const cols = 17;
    const { I, J, V } = randomTriplets(rows, cols, 400, 3); // ~ 1 repeat per position
    const A = csrFromTriplets(rows, cols, I, J, V);
    const dense = new Float64Array(rows * cols);
    for (let t = 0; t < I.length; t++) dense[I[t] * cols + J[t]] += V[t];
    expect(toDense(A)).toEqual(dense); // both sum repeats in triplet order, so equality is exact
  });

  test('canonical form: sorted, unique columns; checkCsrMatrix accepts it', () => {
    const { I, J, V } = randomTriplets(40, 40, 500, 5);
    const A = csrFromTriplets(40, 40, I, J, V);
    expect(() => checkCsrMatrix('A', A, 'real')).not.toThrow();
    const distinct = new Set(I.map((i, t) => i * 40 + J[t])).size;
    expect(A.rowPtr[40]).toBe(distinct);
  });

  test('slot map re-assembles new values on the same pattern without allocation', () => {
    const { I, J, V } = randomTriplets(30, 30, 300, 9);
    const asm = csrPatternFromTriplets(30, 30, I, J);
    const V2 = V.map((v) => 3 * v - 1);
    const A = csrWithValues(asm.pattern, 'real', csrAssembleValues(asm, V, 1));
    const out = A.values;
    csrAssembleValues(asm, V2, 1, out);
    const B = csrFromTriplets(30, 30, I, J, V2);
    for (let p = 0; p < out.length; p++) expect(out[p]).toBeCloseTo(B.values[p], 14);
  });

  test('complex assembly sums real and imaginary parts', () => {
    const A = complexCsrFromTriplets(2, 2, [0, 1, 0, 1], [0, 1, 0, 0], new Float64Array([1, 2, 3, 4, 5, -6, 7, 8]));
    expect(Array.from(toDense(A))).toEqual([6, -4, 0, 0, 7, 8, 3, 4]);
  });

  test('invalid input is rejected before any work, naming the argument', () => {
    expect(() => csrFromTriplets(2, 2, [0, 2], [0, 0], new Float64Array(2))).toThrow(InvalidArgumentError);
    expect(() => csrFromTriplets(2, 2, [0, 2], [0, 0], new Float64Array(2))).toThrow(/rowIndex\[1\]/);
    expect(() => csrFromTriplets(2, 2, [0, 1], [0], new Float64Array(2))).toThrow(InvalidTypeError);
    expect(() => csrFromTriplets(2, 2, [0, 1], [0, 1], new Float64Array(3))).toThrow(/values/);
    expect(() => csrFromTriplets(-1, 2, [], [], new Float64Array(0))).toThrow(/rows/);
    const bad = { field: 'real', rows: 2, cols: 2, rowPtr: new Int32Array([0, 2, 3]), colIndex: new Int32Array([1, 0, 1]), values: new Float64Array(3) };
    expect(() => checkCsrMatrix('A', bad, 'real')).toThrow(/strictly increasing/);
    expect(() => checkCsrMatrix('A', bad, 'complex')).toThrow(/A.field/);
  });
});

describe('CSR products and structural operations', () => {
  const rows = 31;
  const cols = 19;
  const { I, J, V } = randomTriplets(rows, cols, 200, 11);
  const A = csrFromTriplets(rows, cols, I, J, V);
  const D = toDense(A);
  const rnd = lcg(12);
  const x = new Float64Array(cols).map(() => rnd());
  const y = new Float64Array(rows).map(() => rnd());

  test('SpMV agrees with the dense product', () => {
    const out = csrMatVec(A, x);
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let j = 0; j < cols; j++) s += D[i * cols + j] * x[j];
      expect(out[i]).toBeCloseTo(s, 14);
    }
  });

  test('strided SpMV on interleaved columns equals the contiguous product', () => {
    const X = new Float64Array(3 * cols);
    for (let j = 0; j < cols; j++) X[3 * j + 1] = x[j];
    const Y = new Float64Array(2 * rows + 5).fill(7);
    csrMatVecStrided(A, X, 3, 1, Y, 2, 5);
    const ref = csrMatVec(A, x);
    for (let i = 0; i < rows; i++) expect(Y[5 + 2 * i]).toBe(ref[i]);
    expect(Y[0]).toBe(7);
  });

  test('transpose: (Aᵀ)ᵀ = A exactly and yᵀ(Ax) = (Aᵀy)ᵀx', () => {
    const At = csrTranspose(A);
    const Att = csrTranspose(At);
    expect(Att.rowPtr).toEqual(A.rowPtr);
    expect(Att.colIndex).toEqual(A.colIndex);
    expect(Att.values).toEqual(A.values);
    const Ax = csrMatVec(A, x);
    const Aty = csrMatVec(At, y);
    let lhs = 0;
    let rhs = 0;
    for (let i = 0; i < rows; i++) lhs += y[i] * Ax[i];
    for (let j = 0; j < cols; j++) rhs += Aty[j] * x[j];
    expect(Math.abs(lhs - rhs)).toBeLessThan(1e-14 * (1 + Math.abs(lhs)));
  });

  test('residual b − Ax, diagonal, entry lookup and row scaling', () => {
    const b = new Float64Array(rows).map((_, i) => i);
    const r = csrResidual(A, x, b);
    const Ax = csrMatVec(A, x);
    for (let i = 0; i < rows; i++) expect(r[i]).toBe(b[i] - Ax[i]);
    const d = csrDiagonal(A);
    for (let i = 0; i < Math.min(rows, cols); i++) expect(d[i]).toBe(D[i * cols + i]);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) {
      const p = csrFindEntry(A, i, j);
      if (p >= 0) expect(A.values[p]).toBe(D[i * cols + j]);
      else expect(D[i * cols + j]).toBe(0);
    }
    const s = new Float64Array(rows).map((_, i) => i - 3);
    const B = csrScaleRows(A, s);
    const Bx = csrMatVec(B, x);
    for (let i = 0; i < rows; i++) expect(Bx[i]).toBeCloseTo(s[i] * Ax[i], 13);
    expect(B.rowPtr).toBe(A.rowPtr); // shares the pattern
  });

  test('complex SpMV, residual and conjugate transpose agree with dense complex arithmetic', () => {
    const t = randomTriplets(13, 9, 60, 21, true);
    const Z = complexCsrFromTriplets(13, 9, t.I, t.J, t.V);
    const Dz = toDense(Z);
    const rz = lcg(4);
    const xz = new Float64Array(18).map(() => rz());
    const out = complexCsrMatVec(Z, xz);
    for (let i = 0; i < 13; i++) {
      let re = 0;
      let im = 0;
      for (let j = 0; j < 9; j++) {
        const ar = Dz[2 * (i * 9 + j)];
        const ai = Dz[2 * (i * 9 + j) + 1];
        re += ar * xz[2 * j] - ai * xz[2 * j + 1];
        im += ar * xz[2 * j + 1] + ai * xz[2 * j];
      }
      expect(out[2 * i]).toBeCloseTo(re, 14);
      expect(out[2 * i + 1]).toBeCloseTo(im, 14);
    }
    const res = complexCsrResidual(Z, xz, out);
    for (const v of res) expect(Math.abs(v)).toBeLessThan(1e-15);
    const Zh = csrTranspose(Z, { conjugate: true });
    const Dh = toDense(Zh);
    for (let i = 0; i < 13; i++) for (let j = 0; j < 9; j++) {
      expect(Dh[2 * (j * 13 + i)]).toBe(Dz[2 * (i * 9 + j)]);
      expect(Dh[2 * (j * 13 + i) + 1] + Dz[2 * (i * 9 + j) + 1]).toBe(0);
    }
  });

  test('SpMV rejects wrong lengths and aliasing', () => {
    expect(() => csrMatVec(A, new Float64Array(cols + 1))).toThrow(/x must be/);
    const sq = csrFromTriplets(3, 3, [0, 1, 2], [0, 1, 2], new Float64Array([1, 2, 3]));
    const v = new Float64Array(3);
    expect(() => csrMatVec(sq, v, v)).toThrow(/out/);
  });
});

describe('Dirichlet elimination', () => {
  test('solution equals g on the constrained set, free block solves A_FF x_F = b_F − A_FD g, symmetry kept', () => {
    const mesh = q1Mesh(6);
    const K = q1RealMatrix(mesh, 1, 1); // K + M, SPD
    const n = mesh.nodes;
    const original = toDense(K);
    const rnd = lcg(8);
    const b = new Float64Array(n).map(() => rnd());
    const bOriginal = Float64Array.from(b);
    const g = new Float64Array(mesh.boundary.length).map(() => rnd());
    csrApplyDirichlet(K, b, mesh.boundary, g);
    const Dm = toDense(K);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(Dm[i * n + j]).toBe(Dm[j * n + i]);
    const isBoundary = new Uint8Array(n);
    mesh.boundary.forEach((d) => (isBoundary[d] = 1));
    // x = (g on boundary, anything on the interior): check the modified equations row by row
    const x = new Float64Array(n).map(() => rnd());
    mesh.boundary.forEach((d, k) => (x[d] = g[k]));
    const Ax = csrMatVec(K, x);
    for (let i = 0; i < n; i++) {
      if (isBoundary[i]) {
        expect(Ax[i]).toBeCloseTo(b[i], 13); // row i of the modified system is a_ii x_i = a_ii g_i
      } else {
        let full = 0;
        for (let j = 0; j < n; j++) full += original[i * n + j] * x[j];
        // free rows: (A x)_i with the original matrix equals modified (A x)_i + Σ_D a_id g_d, and b shifts equally
        expect(Ax[i] - b[i]).toBeCloseTo(full - bOriginal[i], 12);
      }
    }
  });

  test('complex values: constrained rows read a_dd x_d = a_dd g_d; pattern unchanged', () => {
    const A = complexCsrFromTriplets(3, 3, [0, 0, 1, 1, 1, 2, 2], [0, 1, 0, 1, 2, 1, 2], new Float64Array([4, 1, 1, 0, 1, 0, 5, -1, 2, 0, 2, 0, 6, 2]));
    const rowPtr = A.rowPtr;
    const b = new Float64Array([1, 1, 1, 1, 1, 1]);
    csrApplyDirichlet(A, b, [1], new Float64Array([2, 3]));
    expect(A.rowPtr).toBe(rowPtr);
    // b_0 −= a_01 g = (1)(2+3i) ; b_2 −= a_21 g = (2)(2+3i); b_1 = a_11 g = (5 − i)(2 + 3i) = 13 + 13i
    expect(Array.from(b)).toEqual([1 - 2, 1 - 3, 13, 13, 1 - 4, 1 - 6]);
    expect(Array.from(toDense(A))).toEqual([4, 1, 0, 0, 0, 0, 0, 0, 5, -1, 0, 0, 0, 0, 0, 0, 6, 2]);
  });

  test('rejects repeated indices and indices without a stored diagonal', () => {
    const A = csrFromTriplets(2, 2, [0, 1], [1, 0], new Float64Array([1, 1]));
    expect(() => csrApplyDirichlet(A, new Float64Array(2), [0])).toThrow(/diagonal/);
    const B = csrFromTriplets(2, 2, [0, 1], [0, 1], new Float64Array([1, 1]));
    expect(() => csrApplyDirichlet(B, new Float64Array(2), [0, 0])).toThrow(/distinct/);
  });
});
