/**
 * Uniform structured quadrilateral (Q1) mesh of a rectangle, with node/element/edge indexing, side
 * tags and boundary-node classification — the fine and coarse meshes of the multiscale FEM
 * (source document, thesis §4.4, lines 5043–5060).
 *
 * **Numbering (all row-major, x fastest).**
 * * Node (i, j), 0 ≤ i ≤ nx, 0 ≤ j ≤ ny, at `(x[i], y[j])` has id `j·(nx+1) + i`.
 * * Element (i, j), 0 ≤ i < nx, 0 ≤ j < ny, the cell `[x[i], x[i+1]] × [y[j], y[j+1]]`, has id `j·nx + i`;
 *   its 4 nodes are listed counter-clockwise from the lower-left corner:
 *   `(i,j), (i+1,j), (i+1,j+1), (i,j+1)` (local nodes 0, 1, 2, 3).
 * * Edges: the `nx·(ny+1)` horizontal edges `(i,j)–(i+1,j)` come first with id `j·nx + i`; then the
 *   `(nx+1)·ny` vertical edges `(i,j)–(i,j+1)` with id `nx·(ny+1) + j·(nx+1) + i`. The local edges of an
 *   element are counter-clockwise from the bottom — bottom, right, top, left — so local edge k joins
 *   local nodes k and (k+1) mod 4.
 * * Sides: `bottom` (y = y0), `right` (x = x1), `top` (y = y1), `left` (x = x0), side index 0..3 in this
 *   order ({@link GRID_SIDES}). Side node and edge lists run in increasing coordinate (x along
 *   bottom/top, y along left/right) and include both corners, so each corner belongs to two sides.
 *
 * @module
 */
import { checkFinite, checkInteger, checkOneOf, checkVec } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import type { Vec } from '../core/types';
import { NodeClass, SIDE_CONDITIONS, type NodeClassification, type SideConditions } from './nodeClassification';

/**
 * A side of the rectangle: `bottom` (y = y0), `right` (x = x1), `top` (y = y1), `left` (x = x0).
 *
 * @example
 * ```ts
 * const side: GridSide = 'top';
 * ```
 */
export type GridSide = 'bottom' | 'right' | 'top' | 'left';

/**
 * The four sides in index order 0..3 (counter-clockwise from the bottom, the same order as the local
 * edges of an element).
 *
 * @example
 * ```ts
 * for (const side of GRID_SIDES) grid.boundaryNodes(side);
 * ```
 */
export const GRID_SIDES: readonly GridSide[] = ['bottom', 'right', 'top', 'left'];

/**
 * A uniform `nx × ny` Q1 mesh of `[x0,x1] × [y0,y1]` (numbering in the module doc). Arrays returned
 * by accessors are owned by the grid; treat them as read-only.
 *
 * @example
 * ```ts
 * const g = new StructuredGrid2D(32, 32);            // unit square, h = 1/32
 * g.nodeIndex(3, 5);                                  // 5·33 + 3
 * const en = g.elementNodes;                          // Int32Array(4·1024), counter-clockwise
 * for (let e = 0; e < g.elementCount; e++) {
 *   const n0 = en[4 * e], n2 = en[4 * e + 2];         // lower-left and upper-right nodes
 * }
 * ```
 */
export class StructuredGrid2D {
  /** Elements along x. */
  readonly nx: number;
  /** Elements along y. */
  readonly ny: number;
  /** Element width `(x1 − x0)/nx`. */
  readonly hx: number;
  /** Element height `(y1 − y0)/ny`. */
  readonly hy: number;
  /** Node x-coordinates, length nx+1; `x[0] = x0`, `x[nx] = x1` exactly. */
  readonly x: Vec;
  /** Node y-coordinates, length ny+1; `y[0] = y0`, `y[ny] = y1` exactly. */
  readonly y: Vec;
  /** `(nx+1)·(ny+1)`. */
  readonly nodeCount: number;
  /** `nx·ny`. */
  readonly elementCount: number;
  /** Number of horizontal edges `nx·(ny+1)` (their ids are 0..horizontalEdgeCount−1). */
  readonly horizontalEdgeCount: number;
  /** Total edges `nx·(ny+1) + (nx+1)·ny`. */
  readonly edgeCount: number;
  private elementNodesCache: Int32Array | undefined;
  private elementEdgesCache: Int32Array | undefined;
  private edgeNodesCache: Int32Array | undefined;

  /**
   * @param nx - elements along x, an integer ≥ 1
   * @param ny - elements along y, an integer ≥ 1
   * @param x0 - left end (default 0)
   * @param x1 - right end, > x0 (default 1)
   * @param y0 - bottom end (default 0)
   * @param y1 - top end, > y0 (default 1)
   */
  constructor(nx: number, ny: number, x0 = 0, x1 = 1, y0 = 0, y1 = 1) {
    checkInteger('nx', nx, 1, 2 ** 14);
    checkInteger('ny', ny, 1, 2 ** 14);
    checkFinite('x0', x0);
    checkFinite('x1', x1);
    checkFinite('y0', y0);
    checkFinite('y1', y1);
    if (!(x1 > x0)) throw new InvalidArgumentError('x1', `a finite number > x0 = ${x0}`, x1);
    if (!(y1 > y0)) throw new InvalidArgumentError('y1', `a finite number > y0 = ${y0}`, y1);
    this.nx = nx;
    this.ny = ny;
    this.hx = (x1 - x0) / nx;
    this.hy = (y1 - y0) / ny;
    this.x = uniformNodes(x0, x1, nx);
    this.y = uniformNodes(y0, y1, ny);
    this.nodeCount = (nx + 1) * (ny + 1);
    this.elementCount = nx * ny;
    this.horizontalEdgeCount = nx * (ny + 1);
    this.edgeCount = this.horizontalEdgeCount + (nx + 1) * ny;
  }

  /** Node id `j·(nx+1) + i` of node (i, j). O(1), no checks (hot loops). */
  nodeIndex(i: number, j: number): number {
    return j * (this.nx + 1) + i;
  }

  /** Element id `j·nx + i` of element (i, j). O(1), no checks. */
  elementIndex(i: number, j: number): number {
    return j * this.nx + i;
  }

  /** Element area `hx·hy`. */
  get elementArea(): number {
    return this.hx * this.hy;
  }

  /**
   * Element → its 4 node ids, counter-clockwise from the lower-left corner: entries `4e..4e+3` are
   * `(i,j), (i+1,j), (i+1,j+1), (i,j+1)`. Built once on first use, O(nx·ny).
   */
  get elementNodes(): Int32Array {
    if (this.elementNodesCache === undefined) {
      const { nx, ny } = this;
      const out = new Int32Array(4 * nx * ny);
      for (let j = 0, e = 0; j < ny; j++) {
        for (let i = 0; i < nx; i++, e++) {
          const n0 = j * (nx + 1) + i;
          out[4 * e] = n0;
          out[4 * e + 1] = n0 + 1;
          out[4 * e + 2] = n0 + nx + 2;
          out[4 * e + 3] = n0 + nx + 1;
        }
      }
      this.elementNodesCache = out;
    }
    return this.elementNodesCache;
  }

  /**
   * Element → its 4 edge ids, counter-clockwise from the bottom (bottom, right, top, left); local edge
   * k joins local nodes k and (k+1) mod 4. Built once on first use, O(nx·ny).
   */
  get elementEdges(): Int32Array {
    if (this.elementEdgesCache === undefined) {
      const { nx, ny, horizontalEdgeCount: nh } = this;
      const out = new Int32Array(4 * nx * ny);
      for (let j = 0, e = 0; j < ny; j++) {
        for (let i = 0; i < nx; i++, e++) {
          out[4 * e] = j * nx + i;
          out[4 * e + 1] = nh + j * (nx + 1) + i + 1;
          out[4 * e + 2] = (j + 1) * nx + i;
          out[4 * e + 3] = nh + j * (nx + 1) + i;
        }
      }
      this.elementEdgesCache = out;
    }
    return this.elementEdgesCache;
  }

  /**
   * Edge → its 2 node ids in increasing coordinate (entries `2k, 2k+1`): `(i,j), (i+1,j)` for a
   * horizontal edge, `(i,j), (i,j+1)` for a vertical one. Built once on first use, O(edgeCount).
   */
  get edgeNodes(): Int32Array {
    if (this.edgeNodesCache === undefined) {
      const { nx, ny, horizontalEdgeCount: nh } = this;
      const out = new Int32Array(2 * this.edgeCount);
      for (let j = 0, k = 0; j <= ny; j++) {
        for (let i = 0; i < nx; i++, k++) {
          out[2 * k] = j * (nx + 1) + i;
          out[2 * k + 1] = j * (nx + 1) + i + 1;
        }
      }
      for (let j = 0, k = nh; j < ny; j++) {
        for (let i = 0; i <= nx; i++, k++) {
          out[2 * k] = j * (nx + 1) + i;
          out[2 * k + 1] = (j + 1) * (nx + 1) + i;
        }
      }
      this.edgeNodesCache = out;
    }
    return this.edgeNodesCache;
  }

  /**
   * Node coordinates interleaved `[x_0, y_0, x_1, y_1, …]` by node id, length 2·nodeCount. O(nodeCount).
   *
   * @example
   * ```ts
   * const xy = grid.nodeCoordinates();
   * const u = new Float64Array(grid.nodeCount);
   * for (let n = 0; n < grid.nodeCount; n++) u[n] = Math.sin(xy[2 * n]) * xy[2 * n + 1];
   * ```
   */
  nodeCoordinates(out?: Vec): Vec {
    const { nx, ny, x, y } = this;
    const result = checkOut(out, 2 * this.nodeCount);
    for (let j = 0, n = 0; j <= ny; j++) {
      for (let i = 0; i <= nx; i++, n++) {
        result[2 * n] = x[i];
        result[2 * n + 1] = y[j];
      }
    }
    return result;
  }

  /**
   * Element centers interleaved `[xc_0, yc_0, …]` by element id, length 2·elementCount — where the
   * multiscale FEM samples piecewise-constant coefficients. O(elementCount).
   *
   * @example
   * ```ts
   * const c = grid.elementCenters();
   * const a = new Float64Array(grid.elementCount);
   * for (let e = 0; e < grid.elementCount; e++) a[e] = coefficient(c[2 * e], c[2 * e + 1]);
   * ```
   */
  elementCenters(out?: Vec): Vec {
    const { nx, ny, x, y } = this;
    const result = checkOut(out, 2 * this.elementCount);
    for (let j = 0, e = 0; j < ny; j++) {
      const yc = 0.5 * (y[j] + y[j + 1]);
      for (let i = 0; i < nx; i++, e++) {
        result[2 * e] = 0.5 * (x[i] + x[i + 1]);
        result[2 * e + 1] = yc;
      }
    }
    return result;
  }

  /**
   * The former name of {@link StructuredGrid2D.elementCenters}.
   * @deprecated use `elementCenters` (American spelling, docs/conventions.md); removed in 1.0.
   * @example
   * ```ts
   * grid.elementCentres(); // same values as grid.elementCenters()
   * ```
   */
  elementCentres(out?: Vec): Vec {
    return this.elementCenters(out);
  }

  /**
   * Edge midpoints interleaved `[xm_0, ym_0, …]` by edge id, length 2·edgeCount — where Robin
   * coefficients β are sampled (spec §2). O(edgeCount).
   *
   * @example
   * ```ts
   * const m = grid.edgeMidpoints();
   * for (const k of grid.boundaryEdges('top')) beta[k] = robin(m[2 * k], m[2 * k + 1]);
   * ```
   */
  edgeMidpoints(out?: Vec): Vec {
    const { nx, ny, x, y } = this;
    const result = checkOut(out, 2 * this.edgeCount);
    for (let j = 0, k = 0; j <= ny; j++) {
      for (let i = 0; i < nx; i++, k++) {
        result[2 * k] = 0.5 * (x[i] + x[i + 1]);
        result[2 * k + 1] = y[j];
      }
    }
    for (let j = 0, k = this.horizontalEdgeCount; j < ny; j++) {
      const ym = 0.5 * (y[j] + y[j + 1]);
      for (let i = 0; i <= nx; i++, k++) {
        result[2 * k] = x[i];
        result[2 * k + 1] = ym;
      }
    }
    return result;
  }

  /**
   * Node ids on a side in increasing coordinate, corners included (nx+1 nodes on bottom/top, ny+1 on
   * left/right). O(length of the side).
   *
   * @example
   * ```ts
   * new StructuredGrid2D(4, 2).boundaryNodes('left'); // Int32Array [0, 5, 10]
   * ```
   */
  boundaryNodes(side: GridSide): Int32Array {
    const { nx, ny } = this;
    const s = checkOneOf('side', side, GRID_SIDES);
    const horizontal = s === 'bottom' || s === 'top';
    const count = horizontal ? nx + 1 : ny + 1;
    const start = s === 'bottom' || s === 'left' ? 0 : s === 'top' ? ny * (nx + 1) : nx;
    const stride = horizontal ? 1 : nx + 1;
    const out = new Int32Array(count);
    for (let k = 0; k < count; k++) out[k] = start + k * stride;
    return out;
  }

  /**
   * Edge ids on a side in increasing coordinate (nx edges on bottom/top, ny on left/right); edge k
   * joins side nodes k and k+1. O(length of the side).
   *
   * @example
   * ```ts
   * for (const k of grid.boundaryEdges('right')) { const a = grid.edgeNodes[2 * k], b = grid.edgeNodes[2 * k + 1]; }
   * ```
   */
  boundaryEdges(side: GridSide): Int32Array {
    const { nx, ny, horizontalEdgeCount: nh } = this;
    const s = checkOneOf('side', side, GRID_SIDES);
    const horizontal = s === 'bottom' || s === 'top';
    const count = horizontal ? nx : ny;
    const start = s === 'bottom' ? 0 : s === 'top' ? ny * nx : s === 'left' ? nh : nh + nx;
    const stride = horizontal ? 1 : nx + 1;
    const out = new Int32Array(count);
    for (let k = 0; k < count; k++) out[k] = start + k * stride;
    return out;
  }

  /**
   * Classify every node as Dirichlet / prescribed / free from one condition per side (spec §3 and §5;
   * thesis (4.3.2)). A node on several sides takes the strongest class: `'D'` beats `'P'` beats
   * `'N'`/`'R'`. So a corner between a Dirichlet and a Neumann side is Dirichlet, and the end point of
   * a prescribed (interior) side on a Neumann/Robin side is prescribed. O(nodeCount).
   *
   * @example
   * ```ts
   * const cls = new StructuredGrid2D(4, 4).classifyNodes({ bottom: 'D', right: 'N', top: 'N', left: 'N' });
   * cls.dirichlet.length; // 5
   * cls.free.length;      // 20
   * ```
   */
  classifyNodes(conditions: SideConditions): NodeClassification {
    if (typeof conditions !== 'object' || conditions === null) {
      throw new InvalidTypeError('conditions', 'an object { bottom, right, top, left } of side conditions', conditions);
    }
    for (const side of GRID_SIDES) checkOneOf(`conditions.${side}`, conditions[side], SIDE_CONDITIONS);
    const kind = new Uint8Array(this.nodeCount).fill(NodeClass.free);
    for (const [condition, code] of [['P', NodeClass.prescribed], ['D', NodeClass.dirichlet]] as const) {
      for (const side of GRID_SIDES) {
        if (conditions[side] !== condition) continue;
        const nodes = this.boundaryNodes(side);
        for (let k = 0; k < nodes.length; k++) kind[nodes[k]] = code;
      }
    }
    const counts = [0, 0, 0];
    for (let n = 0; n < kind.length; n++) counts[kind[n]]++;
    const lists = counts.map((c) => new Int32Array(c));
    const freeOf = new Int32Array(this.nodeCount).fill(-1);
    const prescribedOf = new Int32Array(this.nodeCount).fill(-1);
    const fill = [0, 0, 0];
    for (let n = 0; n < kind.length; n++) {
      const c = kind[n];
      const position = fill[c]++;
      lists[c][position] = n;
      if (c === NodeClass.free) freeOf[n] = position;
      else if (c === NodeClass.prescribed) prescribedOf[n] = position;
    }
    return {
      kind,
      dirichlet: lists[NodeClass.dirichlet],
      prescribed: lists[NodeClass.prescribed],
      free: lists[NodeClass.free],
      freeOf,
      prescribedOf,
    };
  }
}

/** n+1 uniform nodes on [a, b] with both ends exact. */
function uniformNodes(a: number, b: number, n: number): Vec {
  const h = (b - a) / n;
  const out = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) out[i] = a + i * h;
  out[n] = b;
  return out;
}

function checkOut(out: Vec | undefined, length: number): Vec {
  return out === undefined ? new Float64Array(length) : checkVec('out', out, length);
}
