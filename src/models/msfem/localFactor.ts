/**
 * Factorization of a local block for ExpMsFEM's cell and patch problems: real sparse LDLᵀ with
 * geometric nested dissection when the problem is real (positive definite first, indefinite
 * otherwise), pivoted complex banded LU (RCM ordering) when it is complex — the Helmholtz local
 * Dirichlet problems are indefinite at kH ≈ 1 (thesis Remark 4.3.1).
 *
 * @module
 */
import { NumericalError } from '../../core/errors';
import { nestedDissectionOrdering } from '../../fem/nestedDissection';
import type { StructuredGrid2D } from '../../grid/structuredGrid2d';
import { complexBandedLU, complexCsrToBanded, type ComplexBandedLUFactorization } from '../../linalg/complexBanded';
import type { ComplexCsrMatrix, CsrMatrix } from '../../linalg/sparse/csr';
import { sparseLdlAnalyze } from '../../linalg/sparse/ldlSymbolic';
import { reverseCuthillMcKee } from '../../linalg/sparse/reverseCuthillMcKee';
import { SparseLdlFactorization } from '../../linalg/sparse/sparseLdl';

/** A factorized local block solving for interleaved complex, column-major right-hand sides. */
export class LocalFactor {
  /** Order. */
  readonly n: number;
  private readonly ldl?: SparseLdlFactorization;
  private readonly lu?: ComplexBandedLUFactorization;
  private readonly perm?: Int32Array;

  /**
   * @param A - the block (complex CSR; imaginary parts ignored when `real`)
   * @param grid - the local grid, for the nested-dissection ordering
   * @param nodes - local node id of each row of A
   * @param real - use real LDLᵀ (the problem has no imaginary parts)
   * @throws NumericalError `'singular'` when the block is singular
   */
  constructor(A: ComplexCsrMatrix, grid: StructuredGrid2D, nodes: Int32Array, real: boolean) {
    this.n = A.rows;
    if (real) {
      const values = new Float64Array(A.values.length / 2);
      for (let k = 0; k < values.length; k++) values[k] = A.values[2 * k];
      const R: CsrMatrix = { rows: A.rows, cols: A.cols, rowPtr: A.rowPtr, colIndex: A.colIndex, values, field: 'real' };
      const symbolic = sparseLdlAnalyze(R, { ordering: nestedDissectionOrdering(grid, nodes) });
      try {
        this.ldl = new SparseLdlFactorization(symbolic, R);
      } catch (err) {
        if (!(err instanceof NumericalError) || err.reason !== 'notPositiveDefinite') throw err;
        this.ldl = new SparseLdlFactorization(symbolic, R, { positiveDefinite: false });
      }
    } else {
      this.perm = reverseCuthillMcKee(A);
      this.lu = complexBandedLU(complexCsrToBanded(A, this.perm));
    }
  }

  /** Solve for `cols` interleaved complex columns of length n stored contiguously in B, in place. */
  solveMany(B: Float64Array, cols: number): void {
    const n = this.n;
    if (this.ldl !== undefined) {
      const re = new Float64Array(n);
      const im = new Float64Array(n);
      for (let c = 0; c < cols; c++) {
        const o = 2 * n * c;
        let hasIm = false;
        for (let k = 0; k < n; k++) {
          re[k] = B[o + 2 * k];
          im[k] = B[o + 2 * k + 1];
          if (im[k] !== 0) hasIm = true;
        }
        this.ldl.solve(re, re);
        if (hasIm) this.ldl.solve(im, im);
        for (let k = 0; k < n; k++) {
          B[o + 2 * k] = re[k];
          B[o + 2 * k + 1] = hasIm ? im[k] : 0;
        }
      }
      return;
    }
    const perm = this.perm!;
    const P = new Float64Array(2 * n * cols);
    for (let c = 0; c < cols; c++) {
      const o = 2 * n * c;
      for (let k = 0; k < n; k++) {
        P[o + 2 * k] = B[o + 2 * perm[k]];
        P[o + 2 * k + 1] = B[o + 2 * perm[k] + 1];
      }
    }
    this.lu!.solveMany(P, cols, P);
    for (let c = 0; c < cols; c++) {
      const o = 2 * n * c;
      for (let k = 0; k < n; k++) {
        B[o + 2 * perm[k]] = P[o + 2 * k];
        B[o + 2 * perm[k] + 1] = P[o + 2 * k + 1];
      }
    }
  }
}
