import { describe, expect, it } from '@jest/globals';
import { setupMsfem } from '../../../src/models/msfem/index';
import { buildCell, buildEdge, edgeCells } from '../../../src/models/msfem/offline';
import { edgeEigen } from '../../../src/models/msfem/edgeBasis';
import { sparseTimesDense } from '../../../src/models/msfem/localProblem';
import { msfemCaseProblem } from '../../../src/models/msfem/experiments/cases';
import type { MsfemProblem } from '../../../src/models/msfem/index';

/**
 * The patch Gram P_e = Hᴴ K_nrm H of the harmonic-basis forms, computed by the blocked kernel (zero rows
 * skipped, unit rows added directly, 2 × 2 entries per pass), against the plain loops over all rows:
 * equal entry for entry, because every entry sums the same terms in the same order.
 */
function plainGram(problem: MsfemProblem): { edges: number; mismatches: number; oddColumns: number; dirichletPatches: number; pinned: number } {
  const setup = setupMsfem(problem);
  const byEdge = edgeCells(setup);
  const interior = (e: number) => byEdge[e].length === 2;
  let edges = 0;
  let mismatches = 0;
  let oddColumns = 0;
  let dirichletPatches = 0;
  let pinned = 0;
  for (let edge = 0; edge < byEdge.length; edge++) {
    if (!interior(edge)) continue;
    const adjacent = Array.from(byEdge[edge], (c) => buildCell(setup, c, interior));
    const { patch, edgeNodes, gram } = buildEdge(setup, edge, adjacent);
    const { P } = edgeEigen(patch, edgeNodes, gram, 'reduced');
    const H = patch.harmonicBasis();
    const n = H.rows;
    const c = H.cols;
    // Y = K_nrm H one column at a time, rows in order
    const K = patch.Knrm;
    const Y = new Float64Array(2 * n * c);
    for (let j = 0; j < c; j++) {
      for (let r = 0; r < n; r++) {
        let sr = 0;
        let si = 0;
        for (let p = K.rowPtr[r]; p < K.rowPtr[r + 1]; p++) {
          sr += K.values[p] * H.data[2 * (K.colIndex[p] + n * j)];
          si += K.values[p] * H.data[2 * (K.colIndex[p] + n * j) + 1];
        }
        Y[2 * (r + n * j)] = sr;
        Y[2 * (r + n * j) + 1] = si;
      }
    }
    const fast = sparseTimesDense(K, H).data;
    for (let k = 0; k < Y.length; k++) if (fast[k] !== Y[k]) mismatches++;
    for (let j = 0; j < c; j++) {
      for (let i = 0; i <= j; i++) {
        let sr = 0;
        let si = 0;
        for (let r = 0; r < n; r++) {
          const ar = H.data[2 * (r + n * i)];
          const ai = H.data[2 * (r + n * i) + 1];
          const br = Y[2 * (r + n * j)];
          const bi = Y[2 * (r + n * j) + 1];
          sr += ar * br + ai * bi;
          si += ar * bi - ai * br;
        }
        if (i === j) si = 0;
        if (!(P!.data[2 * (i + c * j)] === sr && P!.data[2 * (i + c * j) + 1] === si)) mismatches++;
        if (!(P!.data[2 * (j + c * i)] === sr && P!.data[2 * (j + c * i) + 1] === -si)) mismatches++;
      }
    }
    edges++;
    if (c % 2 === 1) oddColumns++;
    if (patch.cls.dirichlet.length > 0) dirichletPatches++;
    if (patch.pinned) pinned++;
  }
  return { edges, mismatches, oddColumns, dirichletPatches, pinned };
}

describe('patch Gram P_e = Hᴴ K_nrm H (blocked kernel)', () => {
  it('Helmholtz (complex H, Dirichlet and Robin sides): every interior edge equals the plain loops', () => {
    const seen = plainGram(msfemCaseProblem({ case: 'helmholtz', coarse: 4, fine: 5, modes: [1], k: 8 }));
    expect(seen.edges).toBe(24);
    expect(seen.mismatches).toBe(0);
    expect(seen.dirichletPatches).toBeGreaterThan(0);
    expect(seen.oddColumns).toBeGreaterThan(0);
    expect(seen.oddColumns).toBeLessThan(seen.edges);
  });

  it('periodic (real H, pinned floating patches): every interior edge equals the plain loops', () => {
    // N_c = 5: the patches of the edges around the center do not touch ∂Ω and pin a node
    const seen = plainGram(msfemCaseProblem({ case: 'periodic', coarse: 5, fine: 4, modes: [1] }));
    expect(seen.edges).toBe(40);
    expect(seen.mismatches).toBe(0);
    expect(seen.pinned).toBeGreaterThan(0);
  });
});
