/**
 * Sub-box views of a {@link StructuredGrid2D} and the two-level coarse-cell structure of the
 * multiscale FEM (spec §2–§3; thesis lines 4795–4815, 5043–5060): coarse cells of m × m fine elements,
 * their fine elements and nodes, and oversampling patches of ℓ coarse layers clipped at the domain.
 *
 * **Ranges are half-open in elements:** {@link CellRange} `{ i0, i1, j0, j1 }` selects the elements
 * (or coarse cells) `i0 ≤ i < i1`, `j0 ≤ j < j1`, hence the nodes `i0 ≤ i ≤ i1`, `j0 ≤ j ≤ j1`.
 *
 * @module
 */
import { checkInteger, checkOneOf } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import { SIDE_CONDITIONS, type SideConditions } from './nodeClassification';
import { GRID_SIDES, StructuredGrid2D, type GridSide } from './structuredGrid2d';

/**
 * A half-open rectangle of elements (or coarse cells): `i0 ≤ i < i1`, `j0 ≤ j < j1`.
 *
 * @example
 * ```ts
 * const r: CellRange = { i0: 2, i1: 5, j0: 0, j1: 2 }; // 3 × 2 elements
 * ```
 */
export interface CellRange {
  /** First column. */
  readonly i0: number;
  /** One past the last column. */
  readonly i1: number;
  /** First row. */
  readonly j0: number;
  /** One past the last row. */
  readonly j1: number;
}

/**
 * A sub-box of a parent grid as a grid of its own, with the maps from its local node/element ids to
 * the parent's. The local grid's coordinates are copied from the parent (bitwise equal).
 *
 * @example
 * ```ts
 * const fine = new StructuredGrid2D(8, 8);
 * const view = new StructuredSubGrid(fine, { i0: 2, i1: 6, j0: 0, j1: 3 });
 * view.grid.nx;                  // 4
 * view.nodeToParent[0];          // fine.nodeIndex(2, 0)
 * view.sideConditions({ bottom: 'D', right: 'D', top: 'D', left: 'D' });
 * // { bottom: 'D', right: 'P', top: 'P', left: 'P' }
 * ```
 */
export class StructuredSubGrid {
  /** The grid this view was cut from. */
  readonly parent: StructuredGrid2D;
  /** The element range in the parent. */
  readonly range: CellRange;
  /** The sub-box as a grid (local numbering as in {@link StructuredGrid2D}). */
  readonly grid: StructuredGrid2D;
  /** Local node id → parent node id. */
  readonly nodeToParent: Int32Array;
  /** Local element id → parent element id. */
  readonly elementToParent: Int32Array;
  /** Whether each local side lies on the parent's boundary. */
  readonly onParentBoundary: Readonly<Record<GridSide, boolean>>;

  /**
   * @param parent - the grid to cut from
   * @param range - element range with `0 ≤ i0 < i1 ≤ parent.nx`, `0 ≤ j0 < j1 ≤ parent.ny`
   */
  constructor(parent: StructuredGrid2D, range: CellRange) {
    if (!(parent instanceof StructuredGrid2D)) throw new InvalidTypeError('parent', 'a StructuredGrid2D', parent);
    const { i0, i1, j0, j1 } = checkRange('range', range, parent.nx, parent.ny);
    const nx = i1 - i0;
    const ny = j1 - j0;
    const grid = new StructuredGrid2D(nx, ny, parent.x[i0], parent.x[i1], parent.y[j0], parent.y[j1]);
    grid.x.set(parent.x.subarray(i0, i1 + 1));
    grid.y.set(parent.y.subarray(j0, j1 + 1));
    const nodeToParent = new Int32Array(grid.nodeCount);
    for (let j = 0, n = 0; j <= ny; j++) {
      for (let i = 0; i <= nx; i++, n++) nodeToParent[n] = parent.nodeIndex(i0 + i, j0 + j);
    }
    const elementToParent = new Int32Array(grid.elementCount);
    for (let j = 0, e = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++, e++) elementToParent[e] = parent.elementIndex(i0 + i, j0 + j);
    }
    this.parent = parent;
    this.range = { i0, i1, j0, j1 };
    this.grid = grid;
    this.nodeToParent = nodeToParent;
    this.elementToParent = elementToParent;
    this.onParentBoundary = { bottom: j0 === 0, right: i1 === parent.nx, top: j1 === parent.ny, left: i0 === 0 };
  }

  /**
   * Local node id of a parent node, or −1 if it lies outside the sub-box. O(1), no allocation.
   */
  localNode(parentNode: number): number {
    const { parent, range } = this;
    const stride = parent.nx + 1;
    const i = (parentNode % stride) - range.i0;
    const j = Math.floor(parentNode / stride) - range.j0;
    if (parentNode < 0 || parentNode >= parent.nodeCount || i < 0 || j < 0 || i > range.i1 - range.i0 || j > range.j1 - range.j0) return -1;
    return this.grid.nodeIndex(i, j);
  }

  /**
   * The sub-box's side conditions: a side on the parent's boundary inherits the parent's condition,
   * every other side is `'P'` (prescribed: interior to the parent, spec §3). Feed the result to
   * `view.grid.classifyNodes` to obtain the Dir / Pres / Free split of a local problem.
   */
  sideConditions(parentConditions: SideConditions): SideConditions {
    if (typeof parentConditions !== 'object' || parentConditions === null) {
      throw new InvalidTypeError('parentConditions', 'an object { bottom, right, top, left } of side conditions', parentConditions);
    }
    const out: Record<GridSide, SideConditions[GridSide]> = { bottom: 'P', right: 'P', top: 'P', left: 'P' };
    for (const side of GRID_SIDES) {
      const c = checkOneOf(`parentConditions.${side}`, parentConditions[side], SIDE_CONDITIONS);
      if (this.onParentBoundary[side]) out[side] = c;
    }
    return out;
  }
}

/**
 * The coarse-cell structure over a fine grid: coarse cells of `ratio × ratio` fine elements
 * (H = ratio·h; the spec's N_f = ratio), the coarse mesh itself as a {@link StructuredGrid2D} (its
 * node/edge numbering names coarse nodes and coarse edges), and oversampling patches.
 *
 * @example
 * ```ts
 * const fine = new StructuredGrid2D(64, 64);              // h = 1/64
 * const cells = new CoarseCells(fine, 8);                 // H = 1/8, 8 × 8 coarse cells
 * const patch = cells.edgePatch(cells.coarse.horizontalEdgeCount + 3 * 9 + 4); // ω_e of vertical edge (4, 3)
 * const view = cells.fineView(patch);                     // 2 × 3 cells = 16 × 24 fine elements
 * ```
 */
export class CoarseCells {
  /** The fine grid. */
  readonly fine: StructuredGrid2D;
  /** Fine elements per coarse cell along each axis (N_f). */
  readonly ratio: number;
  /** The coarse grid (nx/ratio × ny/ratio cells), node coordinates copied from the fine grid. */
  readonly coarse: StructuredGrid2D;

  /**
   * @param fine - the fine grid
   * @param ratio - fine elements per coarse cell side, an integer ≥ 1 dividing fine.nx and fine.ny
   */
  constructor(fine: StructuredGrid2D, ratio: number) {
    if (!(fine instanceof StructuredGrid2D)) throw new InvalidTypeError('fine', 'a StructuredGrid2D', fine);
    checkInteger('ratio', ratio, 1);
    if (fine.nx % ratio !== 0 || fine.ny % ratio !== 0) {
      throw new InvalidArgumentError('ratio', `an integer dividing nx = ${fine.nx} and ny = ${fine.ny}`, ratio);
    }
    const ncx = fine.nx / ratio;
    const ncy = fine.ny / ratio;
    const coarse = new StructuredGrid2D(ncx, ncy, fine.x[0], fine.x[fine.nx], fine.y[0], fine.y[fine.ny]);
    for (let i = 0; i <= ncx; i++) coarse.x[i] = fine.x[i * ratio];
    for (let j = 0; j <= ncy; j++) coarse.y[j] = fine.y[j * ratio];
    this.fine = fine;
    this.ratio = ratio;
    this.coarse = coarse;
  }

  /** The fine element range of a cell range (every bound times `ratio`). */
  fineRange(cells: CellRange): CellRange {
    const { i0, i1, j0, j1 } = checkRange('cells', cells, this.coarse.nx, this.coarse.ny);
    const m = this.ratio;
    return { i0: i0 * m, i1: i1 * m, j0: j0 * m, j1: j1 * m };
  }

  /** The fine sub-grid covering a range of coarse cells (a cell, or a patch). O(fine nodes in it). */
  fineView(cells: CellRange): StructuredSubGrid {
    return new StructuredSubGrid(this.fine, this.fineRange(cells));
  }

  /** The one-cell range of coarse cell `cell` (id `J·ncx + I`). */
  cellRange(cell: number): CellRange {
    checkInteger('cell', cell, 0, this.coarse.elementCount - 1);
    const i = cell % this.coarse.nx;
    const j = (cell - i) / this.coarse.nx;
    return { i0: i, i1: i + 1, j0: j, j1: j + 1 };
  }

  /**
   * Fine element ids of a coarse cell, row-major within the cell (ratio² entries). O(ratio²).
   */
  cellElements(cell: number, out?: Int32Array): Int32Array {
    const { i0, j0 } = this.cellRange(cell);
    const m = this.ratio;
    const result = checkIntOut(out, m * m);
    for (let b = 0, k = 0; b < m; b++) {
      for (let a = 0; a < m; a++, k++) result[k] = this.fine.elementIndex(i0 * m + a, j0 * m + b);
    }
    return result;
  }

  /**
   * Fine node ids of a coarse cell (closed), row-major within the cell ((ratio+1)² entries) — the same
   * order as the local nodes of `fineView(cellRange(cell)).grid`. O(ratio²).
   */
  cellNodes(cell: number, out?: Int32Array): Int32Array {
    const { i0, j0 } = this.cellRange(cell);
    const m = this.ratio;
    const result = checkIntOut(out, (m + 1) * (m + 1));
    for (let b = 0, k = 0; b <= m; b++) {
      for (let a = 0; a <= m; a++, k++) result[k] = this.fine.nodeIndex(i0 * m + a, j0 * m + b);
    }
    return result;
  }

  /**
   * Fine node ids along a coarse edge (closed, ratio+1 entries) in increasing coordinate — the Σ_e of
   * spec §3 step 2e. Coarse edges use the coarse grid's edge numbering. O(ratio).
   */
  edgeFineNodes(coarseEdge: number, out?: Int32Array): Int32Array {
    const { coarse, fine, ratio: m } = this;
    checkInteger('coarseEdge', coarseEdge, 0, coarse.edgeCount - 1);
    const result = checkIntOut(out, m + 1);
    const a = coarse.edgeNodes[2 * coarseEdge];
    const i = (a % (coarse.nx + 1)) * m;
    const j = Math.floor(a / (coarse.nx + 1)) * m;
    const stride = coarseEdge < coarse.horizontalEdgeCount ? 1 : fine.nx + 1;
    const start = fine.nodeIndex(i, j);
    for (let k = 0; k <= m; k++) result[k] = start + k * stride;
    return result;
  }

  /**
   * The cells within `layers` coarse cells of a closed box of coarse nodes `[a0, a1] × [b0, b1]`
   * (node indices, a0 ≤ a1, b0 ≤ b1), clipped at the domain: columns `max(0, a0 − ℓ) ≤ I <
   * min(ncx, a1 + ℓ)`, rows likewise. With ℓ = 1 this is the set of cells meeting the box — the
   * thesis's oversampling domain (lines 4795–4815, Figs. 4.1–4.2). O(1).
   */
  patchAround(a0: number, a1: number, b0: number, b1: number, layers: number): CellRange {
    const { nx, ny } = this.coarse;
    checkInteger('a0', a0, 0, nx);
    checkInteger('a1', a1, a0, nx);
    checkInteger('b0', b0, 0, ny);
    checkInteger('b1', b1, b0, ny);
    checkInteger('layers', layers, 1);
    return { i0: Math.max(0, a0 - layers), i1: Math.min(nx, a1 + layers), j0: Math.max(0, b0 - layers), j1: Math.min(ny, b1 + layers) };
  }

  /**
   * Oversampling patch of a coarse edge ω_e (spec §3 step 2b): with ℓ = 1, 3 × 2 cells around an
   * interior horizontal edge, 2 × 3 around a vertical one, fewer where clipped at ∂Ω.
   */
  edgePatch(coarseEdge: number, layers = 1): CellRange {
    const { coarse } = this;
    checkInteger('coarseEdge', coarseEdge, 0, coarse.edgeCount - 1);
    const a = coarse.edgeNodes[2 * coarseEdge];
    const b = coarse.edgeNodes[2 * coarseEdge + 1];
    const s = coarse.nx + 1;
    return this.patchAround(a % s, b % s, Math.floor(a / s), Math.floor(b / s), layers);
  }

  /** Oversampling patch of a coarse cell: the cell plus `layers` rings of cells, clipped (3 × 3 for ℓ = 1). */
  cellPatch(cell: number, layers = 1): CellRange {
    const { i0, i1, j0, j1 } = this.cellRange(cell);
    return this.patchAround(i0, i1, j0, j1, layers);
  }
}

function checkRange(name: string, range: CellRange, nx: number, ny: number): CellRange {
  if (typeof range !== 'object' || range === null) throw new InvalidTypeError(name, 'an object { i0, i1, j0, j1 }', range);
  const i0 = checkInteger(`${name}.i0`, range.i0, 0, nx - 1);
  const i1 = checkInteger(`${name}.i1`, range.i1, i0 + 1, nx);
  const j0 = checkInteger(`${name}.j0`, range.j0, 0, ny - 1);
  const j1 = checkInteger(`${name}.j1`, range.j1, j0 + 1, ny);
  return { i0, i1, j0, j1 };
}

function checkIntOut(out: Int32Array | undefined, length: number): Int32Array {
  if (out === undefined) return new Int32Array(length);
  if (!(out instanceof Int32Array) || out.length !== length) throw new InvalidTypeError('out', `an Int32Array of length ${length}`, out);
  return out;
}
