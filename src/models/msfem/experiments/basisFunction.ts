/**
 * A picture of one ExpMsFEM edge basis function (thesis §4.3.2, (4.3.4)–(4.3.6); cf. the basis
 * functions sketched around Fig. 4.2): the j-th eigenfunction of the central interior coarse edge,
 * extended A-harmonically into the edge's two coarse cells, on the fine nodes of that two-cell patch.
 * Used by `singularis reproduce msfem` for its basis-function figure.
 *
 * @module
 */
import { InvalidArgumentError } from '../../../core/errors';
import { complexMatrix, complexMultiply } from '../../../linalg/complexDense';
import { buildCell, edgeCells } from '../offline';
import { setupMsfem } from '../problem';
import { msfemEdgeResult } from '../tasks';
import { msfemCaseProblem, type MsfemCaseOptions } from './cases';

/** Nodal values of an edge basis function over its two cells. */
export interface EdgeBasisPicture {
  /** Coarse edge id. */
  edge: number;
  /** The two coarse cells (left/bottom first). */
  cells: number[];
  /** Mode index j (1-based). */
  mode: number;
  /** σ_j of the edge's eigenproblem. */
  sigma: number;
  /** Nodes per row (x direction) of `values`. */
  nx: number;
  /** Node rows (y direction). */
  ny: number;
  /** x of the first and last node column. */
  x: [number, number];
  /** y of the first and last node row. */
  y: [number, number];
  /** Re of the function after a phase rotation making its largest value real positive, scaled to max |·| = 1; row-major (j·nx + i). */
  values: Float64Array;
  /** max |Im| / max |·| after that rotation (0 for real problems). */
  imaginaryRatio: number;
}

/**
 * The `mode`-th edge basis function of the interior coarse edge shared by cells (I, J) and (I+1, J),
 * I = ⌈N_c/2⌉ − 1, J = ⌊N_c/2⌋ — the central vertical edge. Cost: two cell problems and one edge
 * eigenproblem.
 * @throws InvalidArgumentError when `mode` is not in [1, N_f − 1]
 * @example
 * ```ts
 * const p = edgeBasisPicture({ case: 'periodic', coarse: 4, fine: 8, modes: [1] }, 1);
 * p.values.length === p.nx * p.ny;   // 17 × 9 nodes
 * ```
 */
export function edgeBasisPicture(options: MsfemCaseOptions, mode = 1): EdgeBasisPicture {
  const setup = setupMsfem({ ...msfemCaseProblem(options), reference: false });
  const nf = setup.fine;
  if (!Number.isInteger(mode) || mode < 1 || mode > nf - 1) throw new InvalidArgumentError('mode', `an integer in [1, ${nf - 1}]`, mode);
  const nc = setup.coarse;
  const I = Math.ceil(nc / 2) - 1;
  const J = Math.floor(nc / 2);
  const c0 = J * nc + I;
  const c1 = c0 + 1;
  const ee = setup.cells.coarse.elementEdges;
  let edge = -1;
  for (let s = 0; s < 4; s++) for (let q = 0; q < 4; q++) if (ee[4 * c0 + s] === ee[4 * c1 + q]) edge = ee[4 * c0 + s];
  const byEdge = edgeCells(setup);
  const interior = (e: number): boolean => byEdge[e].length === 2;
  const cells = Array.from(byEdge[edge], (c) => buildCell(setup, c, interior));
  const basis = msfemEdgeResult(setup, edge, cells.map((c) => c.sides.find((s) => s.edge === edge)!.gram));
  const ne = basis.traces.rows;
  const t = complexMatrix(ne, 1, basis.traces.data.slice(2 * ne * (mode - 1), 2 * ne * mode));
  const nx = 2 * nf + 1;
  const ny = nf + 1;
  const n = setup.grid.nx + 1;
  const re = new Float64Array(nx * ny);
  const im = new Float64Array(nx * ny);
  for (const c of cells) {
    const L = c.sides.find((s) => s.edge === edge)!.L;
    const v = complexMultiply(L, t).data;
    const map = c.local.view.nodeToParent;
    for (let k = 0; k < map.length; k++) {
      const gi = map[k] % n;
      const gj = (map[k] - gi) / n;
      const p = (gj - J * nf) * nx + (gi - I * nf);
      re[p] = v[2 * k];
      im[p] = v[2 * k + 1];
    }
  }
  let best = 0;
  for (let p = 1; p < re.length; p++) if (Math.hypot(re[p], im[p]) > Math.hypot(re[best], im[best])) best = p;
  const scale = Math.hypot(re[best], im[best]);
  const cr = scale > 0 ? re[best] / scale : 1;
  const ci = scale > 0 ? -im[best] / scale : 0;
  const values = new Float64Array(nx * ny);
  let imMax = 0;
  for (let p = 0; p < values.length; p++) {
    values[p] = scale > 0 ? (re[p] * cr - im[p] * ci) / scale : 0;
    imMax = Math.max(imMax, scale > 0 ? Math.abs(re[p] * ci + im[p] * cr) / scale : 0);
  }
  const H = 1 / nc;
  return { edge, cells: Array.from(byEdge[edge]), mode, sigma: basis.sigma[mode - 1], nx, ny, x: [I * H, (I + 2) * H], y: [J * H, (J + 1) * H], values, imaginaryRatio: imMax };
}
