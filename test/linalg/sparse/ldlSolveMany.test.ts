import { complexCsrResidual, csrResidual } from '../../../src/linalg/sparse/csrMatVec';
import { csrApplyDirichlet } from '../../../src/linalg/sparse/csrOps';
import { sparseLdlAnalyze } from '../../../src/linalg/sparse/ldlSymbolic';
import { SparseLdlFactorization } from '../../../src/linalg/sparse/sparseLdl';
import { ComplexSymmetricLdlFactorization } from '../../../src/linalg/sparse/complexSymmetricLdl';
import { InvalidArgumentError, InvalidTypeError } from '../../../src/core/errors';
import { lcg, norm2 } from './helpers';
import { q1ComplexMatrix, q1Mesh, q1RealMatrix } from './q1Fem';

/** k right-hand sides, row-interleaved (`B[i·k + j]`, times 2 for complex): random columns, a zero column, a unit column. */
function block(n: number, k: number, width: 1 | 2, seed: number): Float64Array {
  const rand = lcg(seed);
  const B = new Float64Array(width * n * k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      for (let z = 0; z < width; z++) {
        // column 1 stays zero, column 2 is the unit vector e_{n/2}, the others are random
        B[width * (i * k + j) + z] = j === 1 ? 0 : j === 2 ? (i === n >> 1 && z === 0 ? 1 : 0) : rand();
      }
    }
  }
  return B;
}

function column(X: Float64Array, n: number, k: number, j: number, width: 1 | 2): Float64Array {
  const out = new Float64Array(width * n);
  for (let i = 0; i < n; i++) for (let z = 0; z < width; z++) out[width * i + z] = X[width * (i * k + j) + z];
  return out;
}

describe('blocked multi-right-hand-side LDLᵀ solves', () => {
  test('real: each column equals the single solve entry for entry (== , i.e. up to the sign of zeros), positive definite and indefinite', () => {
    const mesh = q1Mesh(12, 9);
    const K = q1RealMatrix(mesh, 1, 0);
    csrApplyDirichlet(K, new Float64Array(K.rows), mesh.boundary, new Float64Array(mesh.boundary.length));
    const shifted = q1RealMatrix(mesh, 1, -40); // K − 40 M: indefinite
    for (const [A, options] of [
      [K, {}],
      [shifted, { positiveDefinite: false }],
    ] as const) {
      const ldl = new SparseLdlFactorization(sparseLdlAnalyze(A), A, options);
      const n = A.rows;
      const k = 6;
      const B = block(n, k, 1, 7);
      const X = ldl.solveMany(B, k);
      for (let j = 0; j < k; j++) {
        const single = ldl.solve(column(B, n, k, j, 1));
        const many = column(X, n, k, j, 1);
        for (let i = 0; i < n; i++) expect(many[i] === single[i]).toBe(true);
        const r = csrResidual(A, many, column(B, n, k, j, 1));
        expect(norm2(r)).toBeLessThanOrEqual(1e-12 * Math.max(norm2(column(B, n, k, j, 1)), 1));
      }
      expect(norm2(column(X, n, k, 1, 1))).toBe(0);
    }
  });

  test('complex: each column equals the single solve entry for entry (==, i.e. up to the sign of zeros)', () => {
    const mesh = q1Mesh(10, 13);
    const A = q1ComplexMatrix(mesh, [1, 0], [-30, 0], [0, -5]); // K − 30M − 5i·B: complex symmetric, indefinite real part
    const ldl = new ComplexSymmetricLdlFactorization(sparseLdlAnalyze(A), A);
    const n = A.rows;
    const k = 5;
    const B = block(n, k, 2, 11);
    const X = ldl.solveMany(B, k);
    for (let j = 0; j < k; j++) {
      const single = ldl.solve(column(B, n, k, j, 2));
      const many = column(X, n, k, j, 2);
      for (let i = 0; i < 2 * n; i++) expect(many[i] === single[i]).toBe(true);
      const r = complexCsrResidual(A, many, column(B, n, k, j, 2));
      expect(norm2(r)).toBeLessThanOrEqual(1e-11 * Math.max(norm2(column(B, n, k, j, 2)), 1));
    }
  });

  test('k = 1 is the single solve; out may alias B; a smaller k after a larger one reuses the work block', () => {
    const A = q1ComplexMatrix(q1Mesh(1), [1, 0], [2, 0], [0, 1]); // 4 unknowns
    const ldl = new ComplexSymmetricLdlFactorization(sparseLdlAnalyze(A), A);
    const b = Float64Array.of(1, 2, -1, 0.5, 3, -2, 0, 1);
    expect(Array.from(ldl.solveMany(b, 1))).toEqual(Array.from(ldl.solve(b)));
    const B = block(4, 4, 2, 3);
    const X = ldl.solveMany(B, 4);
    const Bcopy = Float64Array.from(B);
    ldl.solveMany(Bcopy, 4, Bcopy);
    expect(Array.from(Bcopy)).toEqual(Array.from(X));
    expect(Array.from(ldl.solveMany(b, 1))).toEqual(Array.from(ldl.solve(b)));

    const mesh = q1Mesh(4);
    const K = q1RealMatrix(mesh, 1, 1);
    const real = new SparseLdlFactorization(sparseLdlAnalyze(K), K);
    const c = block(K.rows, 3, 1, 5);
    const Y = real.solveMany(c, 3);
    real.solveMany(c, 3, c);
    expect(Array.from(c)).toEqual(Array.from(Y));
  });

  test('bad shapes are named errors, thrown before any work', () => {
    const mesh = q1Mesh(3);
    const K = q1RealMatrix(mesh, 1, 1);
    const n = K.rows;
    const real = new SparseLdlFactorization(sparseLdlAnalyze(K), K);
    expect(() => real.solveMany(new Float64Array(n * 2), 0)).toThrow(InvalidArgumentError);
    expect(() => real.solveMany(new Float64Array(n * 2), 1.5)).toThrow(/k/);
    expect(() => real.solveMany(new Float64Array(n * 2 + 1), 2)).toThrow(InvalidTypeError);
    expect(() => real.solveMany(new Float64Array(n * 2), 2, new Float64Array(n))).toThrow(/out/);
    expect(() => real.solveMany([1, 2] as unknown as Float64Array, 2)).toThrow(/B/);
    const A = q1ComplexMatrix(mesh, [1, 0], [1, 0], [0, 1]);
    const cl = new ComplexSymmetricLdlFactorization(sparseLdlAnalyze(A), A);
    expect(() => cl.solveMany(new Float64Array(n * 2), 2)).toThrow(/B.*length/);
    expect(() => cl.solveMany(new Float64Array(2 * n * 2), -1)).toThrow(InvalidArgumentError);
    expect(() => cl.solveMany(new Float64Array(2 * n * 2), 2, new Float64Array(2 * n * 3))).toThrow(InvalidTypeError);
  });
});
