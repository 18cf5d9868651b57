/**
 * Online stage of ExpMsFEM for one m (thesis (4.3.10)–(4.3.11), Remark 4.3.4; spec §3 steps 6–7):
 * global numbering of the nodal and edge DOFs, cellwise Petrov (`ΦᵀKΦ`) or Ritz (`ΦᴴKΦ`) assembly
 * into a sparse global matrix, the sparse global solve, and the reconstruction
 * `u_ms|_T = Φ_T c_T + u^b_T` on the fine grid.
 *
 * @module
 */
import { NumericalError } from '../../core/errors';
import { complexBandedLU, complexCsrToBanded } from '../../linalg/complexBanded';
import { complexMatrix, complexMultiply, type ComplexColumnMatrix } from '../../linalg/complexDense';
import { ComplexSymmetricLdlFactorization } from '../../linalg/sparse/complexSymmetricLdl';
import { complexCsrFromTriplets, csrFromTriplets, type ComplexCsrMatrix } from '../../linalg/sparse/csr';
import { sparseLdlAnalyze } from '../../linalg/sparse/ldlSymbolic';
import { reverseCuthillMcKee } from '../../linalg/sparse/reverseCuthillMcKee';
import { SparseLdlFactorization } from '../../linalg/sparse/sparseLdl';
import type { EdgeBasis } from './edgeBasis';
import { tracesForModes } from './edgeBasis';
import { sparseTimesDense } from './localProblem';
import { expandCell, reduceCell, selection, type CellReduction } from './cellReduction';
import type { CellData } from './offline';
import type { MsfemSetup } from './problem';

/** Result of one online solve. */
export interface OnlineSolution {
  /** The multiscale solution on the fine grid (interleaved complex). */
  u: Float64Array;
  /** Global DOFs. */
  dofs: number;
  /** ‖bubble part of the right-hand side‖/‖right-hand side‖ (0 up to round-off for Petrov, spec §12 check 9). */
  bubbleTermRatio: number;
}

/**
 * The 'ritzConj' space S + S̄ (thesis Remark 4.3.4) spanned by the real functions {Re φ_d, Im φ_d}: each
 * DOF's columns are replaced by their real parts, and DOFs whose imaginary part is not negligible
 * anywhere (max |Im| > 1e-8 max |φ|) get a partner DOF carrying Im φ_d. Returns the new DOF count.
 */
function splitRealImaginary(cellColumns: { cols: Float64Array[]; dofs: number[] }[], dofs: number): number {
  const imMax = new Float64Array(dofs);
  const absMax = new Float64Array(dofs);
  for (const { cols, dofs: list } of cellColumns) {
    cols.forEach((col, q) => {
      const d = list[q];
      for (let r = 0; r < col.length; r += 2) {
        imMax[d] = Math.max(imMax[d], Math.abs(col[r + 1]));
        absMax[d] = Math.max(absMax[d], Math.hypot(col[r], col[r + 1]));
      }
    });
  }
  const partner = new Int32Array(dofs).fill(-1);
  let next = dofs;
  for (let d = 0; d < dofs; d++) if (imMax[d] > 1e-8 * absMax[d]) partner[d] = next++;
  for (const entry of cellColumns) {
    const base = entry.cols.length;
    for (let q = 0; q < base; q++) {
      const col = entry.cols[q];
      const d = entry.dofs[q];
      const re = new Float64Array(col.length);
      const im = new Float64Array(col.length);
      for (let r = 0; r < col.length; r += 2) {
        re[r] = col[r];
        im[r] = col[r + 1];
      }
      entry.cols[q] = re;
      if (partner[d] >= 0) {
        entry.cols.push(im);
        entry.dofs.push(partner[d]);
      }
    }
  }
  return next;
}

/** Solve a sparse complex system (symmetric LDLᵀ when `symmetric`, else pivoted banded LU). */
function solveComplex(S: ComplexCsrMatrix, b: Float64Array, symmetric: boolean): Float64Array {
  if (symmetric) {
    try {
      const ldl = new ComplexSymmetricLdlFactorization(sparseLdlAnalyze(S), S);
      return ldl.solve(b);
    } catch (err) {
      if (!(err instanceof NumericalError)) throw err;
    }
  }
  const perm = reverseCuthillMcKee(S);
  const lu = complexBandedLU(complexCsrToBanded(S, perm));
  const n = S.rows;
  const bp = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    bp[2 * k] = b[2 * perm[k]];
    bp[2 * k + 1] = b[2 * perm[k] + 1];
  }
  const xp = lu.solve(bp);
  const x = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    x[2 * perm[k]] = xp[2 * k];
    x[2 * perm[k] + 1] = xp[2 * k + 1];
  }
  return x;
}

/** What {@link solveOnline} keeps between the values of m of one run (filled on first use). */
export interface OnlineCache {
  /** Reduced forms per cell (index in the cell list). */
  cells: (CellReduction | undefined)[];
  /** The fixed parts u^b per cell. */
  shift?: (Float64Array | undefined)[];
}

/**
 * Assemble, solve and reconstruct for m edge modes. Cost: O(cells · nodes_T · n_T²) for the
 * assembly plus a sparse solve of `(N_c−1)² + 2N_c(N_c−1)(m+1)` unknowns (Dirichlet everywhere).
 *
 * @throws NumericalError `'singular'` when the global matrix is singular
 */
export function solveOnline(setup: MsfemSetup, cells: readonly CellData[], edges: ReadonlyMap<number, EdgeBasis>, m: number, cache?: OnlineCache): OnlineSolution {
  const fixedEdgeBubble = setup.variant === 'exp' && setup.edgeBubble === 'fixed';
  const withEdgeBubble = setup.variant === 'exp' && !fixedEdgeBubble;
  const withCellBubble = setup.variant !== 'oh';
  // thesis (4.3.10)–(4.3.11): u_n|_T = u^b_T + Σ_{sides} L_e t_{e,b} enters with coefficient 1
  const shift = cache?.shift ?? cells.map((c) => {
    if (!withCellBubble || c.bubble === undefined) return undefined;
    const u = Float64Array.from(c.bubble);
    if (fixedEdgeBubble) {
      for (const { edge, L } of c.sides) {
        const tb = edges.get(edge)?.bubbleTrace;
        if (tb === undefined) continue;
        const add = complexMultiply(L, tb).data;
        for (let r = 0; r < u.length; r++) u[r] += add[r];
      }
    }
    return u;
  });
  if (cache !== undefined) cache.shift = shift;
  const conj = setup.galerkin === 'petrov' ? 1 : -1;
  const doubled = setup.galerkin === 'ritzConj';
  // DOF numbering
  const nodeDof = new Map<number, number>();
  let dofs = 0;
  for (const c of cells) for (const { coarseNode } of c.nodal) if (!nodeDof.has(coarseNode)) nodeDof.set(coarseNode, dofs++);
  const traces = new Map<number, { T: ComplexColumnMatrix; offset: number }>();
  for (const [e, basis] of [...edges.entries()].sort((x, y) => x[0] - y[0])) {
    const T = tracesForModes(basis, m, withEdgeBubble);
    traces.set(e, { T, offset: dofs });
    dofs += T.cols;
  }
  const phis: { dof: Int32Array; Phi: ComplexColumnMatrix }[] = [];
  const cellColumns: { cols: Float64Array[]; dofs: number[] }[] = [];
  const op = conj === -1 ? 'adjoint' : 'transpose';
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  let bubbleNorm = 0;
  let rhsNorm = 0;
  let rhs = new Float64Array(0);
  /** Add one cell's block S, load fb and bubble term bt to the global system. */
  const addCell = (dofList: ArrayLike<number>, S: ComplexColumnMatrix, fb: ComplexColumnMatrix, bt: ComplexColumnMatrix | undefined): void => {
    const nt = dofList.length;
    for (let j = 0; j < nt; j++) {
      for (let i = 0; i < nt; i++) {
        rows.push(dofList[i]);
        cols.push(dofList[j]);
        vals.push(S.data[2 * (i + nt * j)], S.data[2 * (i + nt * j) + 1]);
      }
    }
    for (let i = 0; i < nt; i++) {
      const br = bt === undefined ? 0 : bt.data[2 * i];
      const bi = bt === undefined ? 0 : bt.data[2 * i + 1];
      rhs[2 * dofList[i]] += fb.data[2 * i] - br;
      rhs[2 * dofList[i] + 1] += fb.data[2 * i + 1] - bi;
      bubbleNorm += br * br + bi * bi;
      rhsNorm += fb.data[2 * i] ** 2 + fb.data[2 * i + 1] ** 2;
    }
  };
  const selections: { dof: Int32Array; C: ComplexColumnMatrix; red: CellReduction }[] = [];
  if (!doubled) {
    // reduced path: op(C) (op(W) K W) C with the m-independent forms cached (cellReduction.ts)
    rhs = new Float64Array(2 * dofs);
    for (let t = 0; t < cells.length; t++) {
      const c = cells[t];
      let red = cache?.cells[t];
      if (red === undefined) {
        red = reduceCell(c, shift[t], op);
        if (cache !== undefined) cache.cells[t] = red;
      }
      const dofList: number[] = c.nodal.map(({ coarseNode }) => nodeDof.get(coarseNode)!);
      const T = c.sides.map(({ edge }) => traces.get(edge)!);
      for (const { T: Ts, offset } of T) for (let q = 0; q < Ts.cols; q++) dofList.push(offset + q);
      const C = selection(c, red, T.map((x) => x.T));
      const S = complexMultiply(C, complexMultiply(red.B, C), op);
      addCell(dofList, S, complexMultiply(C, red.g, op), red.h === undefined ? undefined : complexMultiply(C, red.h, op));
      selections.push({ dof: Int32Array.from(dofList), C, red });
    }
  }
  for (const c of doubled ? cells : []) {
    const n = c.local.nodeCount;
    const colsList: Float64Array[] = [];
    const dofList: number[] = [];
    cellColumns.push({ cols: colsList, dofs: dofList });
    for (const { coarseNode, column } of c.nodal) {
      colsList.push(column);
      dofList.push(nodeDof.get(coarseNode)!);
    }
    for (const { edge, L } of c.sides) {
      const { T, offset } = traces.get(edge)!;
      const LT = complexMultiply(L, T);
      for (let q = 0; q < T.cols; q++) {
        colsList.push(LT.data.subarray(2 * n * q, 2 * n * (q + 1)));
        dofList.push(offset + q);
      }
    }
  }
  if (doubled) {
    dofs = splitRealImaginary(cellColumns, dofs);
    rhs = new Float64Array(2 * dofs);
  }
  for (let t = 0; t < (doubled ? cells.length : 0); t++) {
    const c = cells[t];
    const n = c.local.nodeCount;
    const { cols: colsList, dofs: dofList } = cellColumns[t];
    const nt = colsList.length;
    const Phi = complexMatrix(n, nt);
    colsList.forEach((col, q) => Phi.data.set(col, 2 * n * q));
    const KPhi = sparseTimesDense(c.local.Kop, Phi);
    const S = complexMultiply(Phi, KPhi, op);
    // b = Φ^op (F − K u^b)
    const load = complexMatrix(n, 1, Float64Array.from(c.local.load));
    const fb = complexMultiply(Phi, load, op);
    let bt: ComplexColumnMatrix | undefined;
    const ub = shift[t];
    if (ub !== undefined) bt = complexMultiply(Phi, sparseTimesDense(c.local.Kop, complexMatrix(n, 1, ub)), op);
    addCell(dofList, S, fb, bt);
    phis.push({ dof: Int32Array.from(dofList), Phi });
  }
  let x: Float64Array;
  if (!setup.complex) {
    const re = new Float64Array(vals.length / 2);
    for (let k = 0; k < re.length; k++) re[k] = vals[2 * k];
    const S = csrFromTriplets(dofs, dofs, rows, cols, re);
    const b = new Float64Array(dofs);
    for (let k = 0; k < dofs; k++) b[k] = rhs[2 * k];
    let xr: Float64Array;
    try {
      xr = new SparseLdlFactorization(sparseLdlAnalyze(S), S).solve(b);
    } catch (err) {
      if (!(err instanceof NumericalError) || err.reason !== 'notPositiveDefinite') throw err;
      xr = new SparseLdlFactorization(sparseLdlAnalyze(S), S, { positiveDefinite: false }).solve(b);
    }
    x = new Float64Array(2 * dofs);
    for (let k = 0; k < dofs; k++) x[2 * k] = xr[k];
  } else {
    const S = complexCsrFromTriplets(dofs, dofs, rows, cols, Float64Array.from(vals));
    x = solveComplex(S, rhs, conj === 1);
  }
  // reconstruction
  const grid = setup.grid;
  const u = new Float64Array(2 * grid.nodeCount);
  for (let t = 0; t < cells.length; t++) {
    const c = cells[t];
    const { dof } = doubled ? phis[t] : selections[t];
    const n = c.local.nodeCount;
    const coef = complexMatrix(dof.length, 1);
    for (let q = 0; q < dof.length; q++) {
      coef.data[2 * q] = x[2 * dof[q]];
      coef.data[2 * q + 1] = x[2 * dof[q] + 1];
    }
    const uT = doubled ? complexMultiply(phis[t].Phi, coef).data : expandCell(c, selections[t].red, complexMultiply(selections[t].C, coef).data);
    const ub = shift[t];
    if (ub !== undefined) for (let r = 0; r < 2 * n; r++) uT[r] += ub[r];
    const map = c.local.view.nodeToParent;
    for (let k = 0; k < n; k++) {
      u[2 * map[k]] = uT[2 * k];
      u[2 * map[k] + 1] = uT[2 * k + 1];
    }
  }
  return { u, dofs, bubbleTermRatio: rhsNorm > 0 ? Math.sqrt(bubbleNorm / rhsNorm) : 0 };
}
