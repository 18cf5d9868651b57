/**
 * Factorization of a local block for ExpMsFEM's cell and patch problems: real sparse LDLᵀ with
 * geometric nested dissection when the problem is real (positive definite first, indefinite
 * otherwise); complex symmetric LDLᵀ with nested dissection when it is complex, accepted only when a
 * test solve has a relative residual ≤ 1e-10, and the pivoted complex banded LU (RCM ordering)
 * otherwise — the Helmholtz local Dirichlet problems are indefinite at kH ≈ 1 (thesis Remark 4.3.1).
 *
 * @module
 */
import { NumericalError } from '../../core/errors';
import { nestedDissectionOrdering } from '../../fem/nestedDissection';
import type { StructuredGrid2D } from '../../grid/structuredGrid2d';
import { complexBandedLU, complexCsrToBanded, type ComplexBandedLUFactorization } from '../../linalg/complexBanded';
import type { ComplexCsrMatrix, CsrMatrix } from '../../linalg/sparse/csr';
import { sparseLdlAnalyze, type SparseLdlSymbolic } from '../../linalg/sparse/ldlSymbolic';
import { reverseCuthillMcKee } from '../../linalg/sparse/reverseCuthillMcKee';
import { ComplexSymmetricLdlFactorization } from '../../linalg/sparse/complexSymmetricLdl';
import { complexCsrResidual } from '../../linalg/sparse/csrMatVec';
import { SparseLdlFactorization } from '../../linalg/sparse/sparseLdl';

/**
 * Symbolic analyses (nested-dissection ordering, elimination tree, pattern of L) by block pattern:
 * the interior cells of a run share one pattern, and so do the interior edge patches of each
 * orientation, so the analysis is done once per pattern instead of once per local problem. A hit is
 * confirmed by comparing the node list and the whole pattern (O(nnz)), so the ordering, and hence every
 * rounding, is the one a fresh analysis would give; at most 32 patterns are kept.
 */
const symbolicCache = new Map<string, { symbolic: SparseLdlSymbolic; nodes: Int32Array }>();

function analyze(A: CsrMatrix | ComplexCsrMatrix, grid: StructuredGrid2D, nodes: Int32Array): SparseLdlSymbolic {
  let hash = 2166136261;
  for (let k = 0; k < nodes.length; k++) hash = Math.imul(hash ^ nodes[k], 16777619);
  const key = `${grid.nx}x${grid.ny}:${nodes.length}:${A.rowPtr[A.rows]}:${hash >>> 0}`;
  const hit = symbolicCache.get(key);
  if (hit !== undefined && hit.nodes.length === nodes.length && hit.nodes.every((v, k) => v === nodes[k]) && samePattern(hit.symbolic, A)) return hit.symbolic;
  const symbolic = sparseLdlAnalyze(A, { ordering: nestedDissectionOrdering(grid, nodes) });
  if (symbolicCache.size >= 32) symbolicCache.delete(symbolicCache.keys().next().value as string);
  symbolicCache.set(key, { symbolic, nodes: Int32Array.from(nodes) });
  return symbolic;
}

function samePattern(symbolic: SparseLdlSymbolic, A: CsrMatrix | ComplexCsrMatrix): boolean {
  const p = symbolic.pattern;
  if (p.rows !== A.rows || p.cols !== A.cols) return false;
  for (let k = 0; k <= A.rows; k++) if (p.rowPtr[k] !== A.rowPtr[k]) return false;
  const nnz = A.rowPtr[A.rows];
  for (let k = 0; k < nnz; k++) if (p.colIndex[k] !== A.colIndex[k]) return false;
  return true;
}

/**
 * Columns per blocked solve in {@link LocalFactor.solveMany}: wide enough to amortize the pass over L,
 * narrow enough that the n × chunk block stays in cache.
 */
const SOLVE_CHUNK = 32;

/** A factorized local block solving for interleaved complex, column-major right-hand sides. */
export class LocalFactor {
  /** Order. */
  readonly n: number;
  private readonly ldl?: SparseLdlFactorization;
  private readonly lu?: ComplexBandedLUFactorization;
  private readonly perm?: Int32Array;
  private readonly cldl?: ComplexSymmetricLdlFactorization;
  /** Which factorization is used (complex LDLᵀ is verified by a residual check, else pivoted LU). */
  readonly method: 'real-ldl' | 'complex-ldl' | 'complex-banded-lu';

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
      const symbolic = analyze(R, grid, nodes);
      try {
        this.ldl = new SparseLdlFactorization(symbolic, R);
      } catch (err) {
        if (!(err instanceof NumericalError) || err.reason !== 'notPositiveDefinite') throw err;
        this.ldl = new SparseLdlFactorization(symbolic, R, { positiveDefinite: false });
      }
      this.method = 'real-ldl';
    } else {
      // complex symmetric LDLᵀ (nested dissection) without pivoting, accepted only if a test solve has a
      // relative residual ≤ 1e-10; otherwise the pivoted banded LU (indefinite-safe)
      let ok: ComplexSymmetricLdlFactorization | undefined;
      try {
        const f = new ComplexSymmetricLdlFactorization(analyze(A, grid, nodes), A);
        const b = new Float64Array(2 * A.rows);
        for (let k = 0; k < A.rows; k++) {
          b[2 * k] = 1;
          b[2 * k + 1] = (k % 7) / 7;
        }
        const x = f.solve(b);
        const r = complexCsrResidual(A, x, b);
        let rn = 0;
        let bn = 0;
        for (let k = 0; k < b.length; k++) {
          rn += r[k] * r[k];
          bn += b[k] * b[k];
        }
        if (Math.sqrt(rn / bn) <= 1e-10) ok = f;
      } catch (err) {
        if (!(err instanceof NumericalError)) throw err;
      }
      if (ok !== undefined) {
        this.cldl = ok;
        this.method = 'complex-ldl';
      } else {
        this.perm = reverseCuthillMcKee(A);
        this.lu = complexBandedLU(complexCsrToBanded(A, this.perm));
        this.method = 'complex-banded-lu';
      }
    }
  }

  /**
   * Solve for `cols` interleaved complex columns of length n stored contiguously in B, in place. The
   * LDLᵀ paths use the blocked multi-right-hand-side solves in chunks of {@link SOLVE_CHUNK} columns
   * (real: the real and, where nonzero, imaginary parts of each column as separate real columns);
   * each column gets the operations of a single solve, so the results equal column-by-column solves.
   */
  solveMany(B: Float64Array, cols: number): void {
    const n = this.n;
    if (this.ldl !== undefined) {
      for (let c0 = 0; c0 < cols; c0 += SOLVE_CHUNK) {
        const c1 = Math.min(cols, c0 + SOLVE_CHUNK);
        // real columns of the chunk: Re of every column, Im of the columns that have one
        const slot = new Int32Array(2 * (c1 - c0)).fill(-1);
        let k = 0;
        for (let c = c0; c < c1; c++) {
          slot[2 * (c - c0)] = k++;
          const o = 2 * n * c;
          for (let i = 0; i < n; i++) {
            if (B[o + 2 * i + 1] !== 0) {
              slot[2 * (c - c0) + 1] = k++;
              break;
            }
          }
        }
        const X = new Float64Array(n * k);
        for (let c = c0; c < c1; c++) {
          const o = 2 * n * c;
          for (let z = 0; z < 2; z++) {
            const j = slot[2 * (c - c0) + z];
            if (j < 0) continue;
            for (let i = 0; i < n; i++) X[i * k + j] = B[o + 2 * i + z];
          }
        }
        this.ldl.solveMany(X, k, X);
        for (let c = c0; c < c1; c++) {
          const o = 2 * n * c;
          for (let z = 0; z < 2; z++) {
            const j = slot[2 * (c - c0) + z];
            if (j < 0) {
              for (let i = 0; i < n; i++) B[o + 2 * i + z] = 0;
            } else {
              for (let i = 0; i < n; i++) B[o + 2 * i + z] = X[i * k + j];
            }
          }
        }
      }
      return;
    }
    if (this.cldl !== undefined) {
      const buffer = new Float64Array(2 * n * Math.min(cols, SOLVE_CHUNK));
      for (let c0 = 0; c0 < cols; c0 += SOLVE_CHUNK) {
        const k = Math.min(cols, c0 + SOLVE_CHUNK) - c0;
        const X = k * 2 * n === buffer.length ? buffer : buffer.subarray(0, 2 * n * k);
        const o = 2 * n * c0;
        for (let i = 0; i < n; i++) {
          for (let c = 0; c < k; c++) {
            X[2 * (i * k + c)] = B[o + 2 * (n * c + i)];
            X[2 * (i * k + c) + 1] = B[o + 2 * (n * c + i) + 1];
          }
        }
        this.cldl.solveMany(X, k, X);
        for (let i = 0; i < n; i++) {
          for (let c = 0; c < k; c++) {
            B[o + 2 * (n * c + i)] = X[2 * (i * k + c)];
            B[o + 2 * (n * c + i) + 1] = X[2 * (i * k + c) + 1];
          }
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
