/**
 * Offline stage of ExpMsFEM per coarse cell and per interior coarse edge (thesis §4.3, spec §3
 * steps 1–2, 4–5): the cell's harmonic extensions (nodal basis, edge-extension blocks L_±), the cell
 * bubble, and for each edge the oversampled local eigenproblem and the edge-bubble trace.
 *
 * @module
 */
import { complexMatrix, type ComplexColumnMatrix } from '../../linalg/complexDense';
import { edgeEigen, restrictToEdge, sideGram, sumSideGrams, type EdgeBasis } from './edgeBasis';
import { LocalProblem, type CellOperators } from './localProblem';
import type { MsfemSetup } from './problem';

/**
 * Offline (and bubble) data of one coarse cell that does not depend on its factorization: plain
 * typed arrays, so that a worker thread can compute it (structured-cloneable).
 */
export interface CellResult {
  /** Coarse cell id (J·N_c + I). */
  cell: number;
  /** Nodal basis functions ψ_{T,c} on the cell's nodes, with their coarse node ids. */
  nodal: {
    /** Coarse node id. */
    coarseNode: number;
    /** ψ on the cell's nodes (interleaved complex). */
    column: Float64Array;
  }[];
  /** Per interior side: the coarse edge and the extension block L (cell nodes × (N_f−1)). */
  sides: {
    /** Coarse edge id. */
    edge: number;
    /** Extension block (cell nodes × (N_f−1)). */
    L: ComplexColumnMatrix;
    /** This cell's contribution `Lᴴ K_nrm^T L` to the edge Gram matrix N_e. */
    gram: ComplexColumnMatrix;
  }[];
  /** Cell bubble `Bub_T` (interleaved complex nodal vector), when the variant uses it. */
  bubble?: Float64Array;
}

/** Offline data of one coarse cell with its local operators (the online stage's input). */
export interface CellData extends CellResult {
  /** The cell's local operator, load and node map (its {@link LocalProblem} in a serial run). */
  local: CellOperators;
}

/** Which coarse edges are interior (shared by two cells), and the cells of each. */
export function edgeCells(setup: MsfemSetup): Int32Array[] {
  const coarse = setup.cells.coarse;
  const lists: number[][] = Array.from({ length: coarse.edgeCount }, () => []);
  const ee = coarse.elementEdges;
  for (let c = 0; c < coarse.elementCount; c++) for (let s = 0; s < 4; s++) lists[ee[4 * c + s]].push(c);
  return lists.map((l) => Int32Array.from(l));
}

/**
 * Build the data of one coarse cell: one multi-RHS harmonic-extension solve, the Gram
 * contributions of its interior sides and the bubble. Returns the local problem too.
 */
export function buildCell(setup: MsfemSetup, cell: number, interior: (edge: number) => boolean): CellData & {
  /** The cell's local problem (factorized). */
  local: LocalProblem;
} {
  const { cells, fine: nf } = setup;
  const view = cells.fineView(cells.cellRange(cell));
  const local = new LocalProblem(setup, view, `cell ${cell}`, false);
  const pres = local.cls.prescribed;
  const ext = local.extendUnits(Int32Array.from(pres, (_, k) => k));
  const n = local.nodeCount;
  const coarse = cells.coarse;
  const I = cell % coarse.nx;
  const J = (cell - I) / coarse.nx;
  const nodal: CellData['nodal'] = [];
  const corners = [[0, 0], [1, 0], [1, 1], [0, 1]];
  const g = view.grid;
  for (const [ci, cj] of corners) {
    const cornerLocal = g.nodeIndex(ci * nf, cj * nf);
    if (!local.isPrescribed(cornerLocal)) continue;
    const column = new Float64Array(2 * n);
    for (let q = 0; q < pres.length; q++) {
      const node = pres[q];
      const i = node % (nf + 1);
      const j = (node - i) / (nf + 1);
      const h = (ci === 1 ? i / nf : 1 - i / nf) * (cj === 1 ? j / nf : 1 - j / nf);
      if (h === 0) continue;
      const o = 2 * n * q;
      for (let r = 0; r < 2 * n; r++) column[r] += h * ext.data[o + r];
    }
    nodal.push({ coarseNode: coarse.nodeIndex(I + ci, J + cj), column });
  }
  const sides: CellData['sides'] = [];
  for (let s = 0; s < 4; s++) {
    const edge = coarse.elementEdges[4 * cell + s];
    if (!interior(edge)) continue;
    const fineNodes = cells.edgeFineNodes(edge);
    const L = complexMatrix(n, nf - 1);
    for (let k = 1; k < nf; k++) {
      const q = local.cls.prescribedOf[view.localNode(fineNodes[k])];
      L.data.set(ext.data.subarray(2 * n * q, 2 * n * (q + 1)), 2 * n * (k - 1));
    }
    sides.push({ edge, L, gram: sideGram(L, local.Knrm) });
  }
  const bubble = setup.variant === 'oh' ? undefined : local.bubble();
  return { cell, local, nodal, sides, bubble };
}

/**
 * Build the data of one interior coarse edge from the side Gram contributions of its two cells
 * (in the order of {@link edgeCells}).
 */
export function buildEdge(setup: MsfemSetup, edge: number, adjacent: readonly { sides: readonly { edge: number; gram: ComplexColumnMatrix }[] }[]): EdgeBasis & {
  /** The patch problem. */
  patch: LocalProblem;
  /** Local ids of the edge's N_f+1 nodes in the patch. */
  edgeNodes: Int32Array;
} {
  const { cells } = setup;
  const view = cells.fineView(cells.edgePatch(edge, setup.layers));
  const patch = new LocalProblem(setup, view, `edge ${edge}`, true);
  const edgeNodes = Int32Array.from(cells.edgeFineNodes(edge), (g) => view.localNode(g));
  const gram = sumSideGrams(adjacent.map((c) => c.sides.find((s) => s.edge === edge)!.gram));
  const { traces, sigma } = edgeEigen(patch, edgeNodes, gram, setup.eigenForm === 'direct' ? 'direct' : setup.normIsOperator ? 'schur' : 'reduced');
  let bubbleTrace: ComplexColumnMatrix | undefined;
  if (setup.variant === 'exp') {
    const b = patch.bubble();
    bubbleTrace = restrictToEdge(complexMatrix(patch.nodeCount, 1, b), edgeNodes);
  }
  return { edge, traces, sigma, gram, bubbleTrace, pinned: patch.pinned, patch, edgeNodes };
}
