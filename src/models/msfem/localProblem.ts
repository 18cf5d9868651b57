/**
 * A local problem of ExpMsFEM on a union of coarse cells D (thesis (4.3.2)): the local operator and
 * norm matrices, the Dir / Pres / Free split of spec §3 (Pres: sides of D interior to Ω), and a
 * pivoted complex banded LU of the free block (indefinite-safe for Helmholtz local problems at
 * kH ≈ 1). Provides the discrete A-harmonic extension `Ext_D` of prescribed values and the bubble
 * `Bub_D` of a load.
 *
 * @module
 */
import { NumericalError } from '../../core/errors';
import { csrBlock } from '../../fem/blocks';
import { assembleQ1Complex, assembleQ1Norm } from '../../fem/q1Assembly';
import { q1Load } from '../../fem/q1Load';
import { NodeClass, type NodeClassification } from '../../grid/nodeClassification';
import type { StructuredSubGrid, CellRange } from '../../grid/structuredSubGrid';
import { complexMatrix, type ComplexColumnMatrix } from '../../linalg/complexDense';
import type { ComplexCsrMatrix, CsrMatrix } from '../../linalg/sparse/csr';
import { LocalFactor } from './localFactor';
import { localCoefficients, potentialVanishesOn, type MsfemSetup } from './problem';

/**
 * The local problem of one oversampling patch or cell (operator, norm matrix, load, factorization of the
 * free block), built by the offline stage; a singular free block throws a NumericalError with reason
 * `'localProblem'` naming the patch.
 * @example
 * ```ts
 * // built internally by expMsfem's offline stage; exported as a type for custom task runners
 * const basisCount = (lp: LocalProblem) => lp.basis.length;
 * ```
 */
export class LocalProblem {
  /** The sub-grid. */
  readonly view: StructuredSubGrid;
  /** Node classes of the local problem. */
  readonly cls: NodeClassification;
  /** Local operator (complex; imaginary parts 0 for real problems). */
  readonly Kop: ComplexCsrMatrix;
  /** Local norm matrix Σ(A K̂ + |V| M̂). */
  readonly Knrm: CsrMatrix;
  /** Local load vector F^D (complex interleaved, imaginary part 0). */
  readonly load: Float64Array;
  /** Local ids of the prescribed nodes that carry a basis function (one dropped when pinned). */
  readonly basis: Int32Array;
  /** Whether a prescribed node was pinned to remove the constant null mode (spec §3 step 2c). */
  readonly pinned: boolean;
  private readonly factor: LocalFactor;
  private readonly real: boolean;
  private readonly Afp: ComplexCsrMatrix;

  /**
   * @param setup - the problem
   * @param view - the sub-grid of D
   * @param what - a label for error messages (e.g. `'cell 5'`, `'edge 17'`)
   * @param allowPin - drop the last prescribed node when constants have zero energy on D
   */
  constructor(setup: MsfemSetup, view: StructuredSubGrid, what: string, allowPin: boolean) {
    this.view = view;
    const { coeffs, Kop, load } = localOperators(setup, view);
    const g = view.grid;
    this.Kop = Kop;
    this.Knrm = assembleQ1Norm(g, coeffs);
    this.load = load;
    this.cls = g.classifyNodes(view.sideConditions(setup.sides));
    const touchesFixing = this.cls.dirichlet.length > 0 || Object.keys(coeffs.robin ?? {}).length > 0;
    this.pinned = allowPin && !touchesFixing && potentialVanishesOn(setup, view.elementToParent);
    const pres = this.cls.prescribed;
    this.basis = this.pinned ? pres.slice(0, pres.length - 1) : pres;
    const free = this.cls.free;
    if (free.length === 0 || pres.length === 0) throw new NumericalError('localProblem', `${what}: the local problem has ${free.length} free and ${pres.length} prescribed nodes (it must have both)`);
    const Aff = csrBlock(this.Kop, free, free);
    this.Afp = csrBlock(this.Kop, free, pres);
    this.real = !setup.complex;
    try {
      this.factor = new LocalFactor(Aff, g, free, this.real);
    } catch (err) {
      if (err instanceof NumericalError) throw new NumericalError('localProblem', `${what}: the local Dirichlet problem is singular (${err.message}); for Helmholtz, H is too large for k (thesis Remark 4.3.1 needs H = O(1/k))`);
      throw err;
    }
  }

  /** Number of local nodes. */
  get nodeCount(): number {
    return this.view.grid.nodeCount;
  }

  /** Solve A_ff X = B for `cols` right-hand sides given in free numbering (column-major, interleaved), in place. */
  private solveFree(B: Float64Array, cols: number): void {
    this.factor.solveMany(B, cols);
  }

  /**
   * `Ext_D` of the unit vectors of the listed prescribed nodes (local prescribed indices): a
   * nodes × count matrix whose column q is 1 at that node, 0 at the other prescribed and Dirichlet
   * nodes, and K_op-harmonic at the free nodes. One multi-RHS solve.
   */
  extendUnits(presIndex: Int32Array): ComplexColumnMatrix {
    const nf = this.cls.free.length;
    const cols = presIndex.length;
    const col = new Int32Array(this.cls.prescribed.length).fill(-1);
    for (let q = 0; q < cols; q++) col[presIndex[q]] = q;
    const B = new Float64Array(2 * nf * cols);
    const { rowPtr, colIndex, values } = this.Afp;
    for (let r = 0; r < nf; r++) {
      for (let p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
        const q = col[colIndex[p]];
        if (q < 0) continue;
        B[2 * (r + nf * q)] = -values[2 * p];
        B[2 * (r + nf * q) + 1] = -values[2 * p + 1];
      }
    }
    this.solveFree(B, cols);
    const n = this.nodeCount;
    const out = complexMatrix(n, cols);
    const free = this.cls.free;
    for (let q = 0; q < cols; q++) {
      for (let k = 0; k < nf; k++) {
        out.data[2 * (free[k] + n * q)] = B[2 * (k + nf * q)];
        out.data[2 * (free[k] + n * q) + 1] = B[2 * (k + nf * q) + 1];
      }
      out.data[2 * (this.cls.prescribed[presIndex[q]] + n * q)] = 1;
    }
    return out;
  }

  /** `Ext_D` of all basis prescribed nodes ({@link basis}), in that order. */
  harmonicBasis(): ComplexColumnMatrix {
    const idx = Int32Array.from(this.basis, (node) => this.cls.prescribedOf[node]);
    return this.extendUnits(idx);
  }

  /** `Bub_D`: zero on Pres ∪ Dir, `(K_op u)|Free = F^D|Free` (thesis (4.3.2), second system). */
  bubble(): Float64Array {
    const free = this.cls.free;
    const nf = free.length;
    const B = new Float64Array(2 * nf);
    for (let k = 0; k < nf; k++) {
      B[2 * k] = this.load[2 * free[k]];
      B[2 * k + 1] = this.load[2 * free[k] + 1];
    }
    this.solveFree(B, 1);
    const u = new Float64Array(2 * this.nodeCount);
    for (let k = 0; k < nf; k++) {
      u[2 * free[k]] = B[2 * k];
      u[2 * free[k] + 1] = B[2 * k + 1];
    }
    return u;
  }

  /**
   * Columns of `A_full⁻¹ − A_D⁻¹` at the listed free local nodes, restricted to the same nodes
   * (a k × k matrix), where `A_full` is the local operator with only the Dirichlet (and pinned) nodes
   * eliminated and `A_D⁻¹` the free-block inverse zero-padded — the Schur-complement shortcut of
   * the reduced edge eigenproblem for real symmetric problems with `K_nrm = K_op` (spec §3 step 2g):
   * `G_e = Π_e Σ_e (A_full⁻¹ − A_D⁻¹) Σ_eᵀ Π_eᵀ`. Two factorizations, 2k solves.
   */
  schurDifference(nodes: Int32Array): ComplexColumnMatrix {
    const { kind, freeOf } = this.cls;
    const keep: number[] = [];
    const pinnedNode = this.pinned ? this.cls.prescribed[this.cls.prescribed.length - 1] : -1;
    for (let n = 0; n < this.nodeCount; n++) if (kind[n] !== NodeClass.dirichlet && n !== pinnedNode) keep.push(n);
    const full = Int32Array.from(keep);
    const fullOf = new Int32Array(this.nodeCount).fill(-1);
    full.forEach((n, k) => (fullOf[n] = k));
    const Afull = csrBlock(this.Kop, full, full);
    let lu: LocalFactor;
    try {
      lu = new LocalFactor(Afull, this.view.grid, full, this.real);
    } catch (err) {
      if (err instanceof NumericalError) throw new NumericalError('localProblem', `the oversampled operator is singular (${err.message})`);
      throw err;
    }
    const k = nodes.length;
    const nfull = full.length;
    const B = new Float64Array(2 * nfull * k);
    const inv = new Int32Array(nfull);
    for (let q = 0; q < nfull; q++) inv[q] = q;
    // Dirichlet nodes among `nodes` (edge end points on Γ1) carry zero rows and columns
    for (let q = 0; q < k; q++) if (fullOf[nodes[q]] >= 0) B[2 * (inv[fullOf[nodes[q]]] + nfull * q)] = 1;
    lu.solveMany(B, k);
    const nf = this.cls.free.length;
    const D = new Float64Array(2 * nf * k);
    for (let q = 0; q < k; q++) if (freeOf[nodes[q]] >= 0) D[2 * (freeOf[nodes[q]] + nf * q)] = 1;
    this.solveFree(D, k);
    const out = complexMatrix(k, k);
    for (let q = 0; q < k; q++) {
      if (fullOf[nodes[q]] < 0) continue;
      for (let r = 0; r < k; r++) {
        if (fullOf[nodes[r]] < 0) continue;
        if (freeOf[nodes[r]] < 0) throw new NumericalError('localProblem', `edge node ${nodes[r]} is not free in its oversampling patch`);
        const a = 2 * (inv[fullOf[nodes[r]]] + nfull * q);
        const b = 2 * (freeOf[nodes[r]] + nf * q);
        out.data[2 * (r + k * q)] = B[a] - D[b];
        out.data[2 * (r + k * q) + 1] = B[a + 1] - D[b + 1];
      }
    }
    return out;
  }

  /** Whether a local node is prescribed. */
  isPrescribed(node: number): boolean {
    return this.cls.kind[node] === NodeClass.prescribed;
  }
}

/** What the online stage needs of a coarse cell: its local operator and load, and its node map. */
export interface CellOperators {
  /** Number of local nodes. */
  readonly nodeCount: number;
  /** Local operator (complex; imaginary parts 0 for real problems). */
  readonly Kop: ComplexCsrMatrix;
  /** Local load vector (complex interleaved, imaginary part 0). */
  readonly load: Float64Array;
  /** The sub-grid's map from local to fine-grid node ids. */
  readonly view: {
    /** Fine-grid node id of each local node. */
    readonly nodeToParent: Int32Array;
  };
}

/**
 * The local operator K_op and load F^D of a sub-grid (thesis (4.3.2)), as {@link LocalProblem}
 * assembles them; O(nodes).
 */
export function localOperators(setup: MsfemSetup, view: StructuredSubGrid): {
  /** The gathered Q1 coefficients. */
  coeffs: ReturnType<typeof localCoefficients>;
  /** Local operator. */
  Kop: ComplexCsrMatrix;
  /** Local load (interleaved complex). */
  load: Float64Array;
} {
  const range: CellRange = view.range;
  const coeffs = localCoefficients(setup, view.elementToParent, range);
  const g = view.grid;
  const Kop = assembleQ1Complex(g, coeffs);
  const fl = Float64Array.from(view.elementToParent, (e) => setup.f[e]);
  const real = q1Load(g, fl);
  const load = new Float64Array(2 * g.nodeCount);
  for (let k = 0; k < real.length; k++) load[2 * k] = real[k];
  return { coeffs, Kop, load };
}

/** The {@link CellOperators} of coarse cell `cell` without factorizing anything (O(N_f²)). */
export function cellOperators(setup: MsfemSetup, cell: number): CellOperators {
  const view = setup.cells.fineView(setup.cells.cellRange(cell));
  const { Kop, load } = localOperators(setup, view);
  return { nodeCount: view.grid.nodeCount, Kop, load, view };
}

/**
 * Sparse (CSR, real or complex) times dense column-major complex: `A·X`. O(nnz·cols), real and complex
 * kernels apart; a real A is applied to two columns per pass over its rows (each entry summed in the same
 * order as one column at a time).
 */
export function sparseTimesDense(A: CsrMatrix | ComplexCsrMatrix, X: ComplexColumnMatrix): ComplexColumnMatrix {
  const n = A.rows;
  const out = complexMatrix(n, X.cols);
  const { rowPtr, colIndex, values } = A;
  const x = X.data;
  const y = out.data;
  if (A.field !== 'complex') {
    let c = 0;
    for (; c + 1 < X.cols; c += 2) {
      const o = 2 * X.rows * c;
      const o1 = o + 2 * X.rows;
      const oy = 2 * n * c;
      const oy1 = oy + 2 * n;
      for (let r = 0; r < n; r++) {
        let sr = 0;
        let si = 0;
        let tr = 0;
        let ti = 0;
        const end = rowPtr[r + 1];
        for (let p = rowPtr[r]; p < end; p++) {
          const j = 2 * colIndex[p];
          const ar = values[p];
          sr += ar * x[o + j];
          si += ar * x[o + j + 1];
          tr += ar * x[o1 + j];
          ti += ar * x[o1 + j + 1];
        }
        y[oy + 2 * r] = sr;
        y[oy + 2 * r + 1] = si;
        y[oy1 + 2 * r] = tr;
        y[oy1 + 2 * r + 1] = ti;
      }
    }
    for (; c < X.cols; c++) {
      const o = 2 * X.rows * c;
      const oy = 2 * n * c;
      for (let r = 0; r < n; r++) {
        let sr = 0;
        let si = 0;
        const end = rowPtr[r + 1];
        for (let p = rowPtr[r]; p < end; p++) {
          const j = o + 2 * colIndex[p];
          const ar = values[p];
          sr += ar * x[j];
          si += ar * x[j + 1];
        }
        y[oy + 2 * r] = sr;
        y[oy + 2 * r + 1] = si;
      }
    }
    return out;
  }
  for (let c = 0; c < X.cols; c++) {
    const o = 2 * X.rows * c;
    const oy = 2 * n * c;
    for (let r = 0; r < n; r++) {
      let sr = 0;
      let si = 0;
      const end = rowPtr[r + 1];
      for (let p = rowPtr[r]; p < end; p++) {
        const j = o + 2 * colIndex[p];
        const ar = values[2 * p];
        const ai = values[2 * p + 1];
        sr += ar * x[j] - ai * x[j + 1];
        si += ar * x[j + 1] + ai * x[j];
      }
      y[oy + 2 * r] = sr;
      y[oy + 2 * r + 1] = si;
    }
  }
  return out;
}
