import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';
import {
  CoarseCells, GRID_SIDES, NodeClass, StructuredGrid2D, StructuredSubGrid, type SideConditions,
} from '../../src/grid/index';

/** Q1 reference mass on the unit square, local nodes counter-clockwise (scale by hx·hy). */
const MASS_REF = [[4, 2, 1, 2], [2, 4, 2, 1], [1, 2, 4, 2], [2, 1, 2, 4]].map((r) => r.map((v) => v / 36));
/** Q1 reference stiffness of −Δ on a square element (h-independent), local nodes counter-clockwise. */
const STIFF_REF = [[4, -1, -2, -1], [-1, 4, -1, -2], [-2, -1, 4, -1], [-1, -2, -1, 4]].map((r) => r.map((v) => v / 6));

/** Dense assembly Σ_e scale·ref on grid.elementNodes (test sizes only). */
function assemble(g: StructuredGrid2D, ref: number[][], scale: number): Float64Array[] {
  const A = Array.from({ length: g.nodeCount }, () => new Float64Array(g.nodeCount));
  const en = g.elementNodes;
  for (let e = 0; e < g.elementCount; e++) {
    for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) A[en[4 * e + a]][en[4 * e + b]] += scale * ref[a][b];
  }
  return A;
}

function quadForm(A: Float64Array[], u: Float64Array, v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) for (let j = 0; j < v.length; j++) s += u[i] * A[i][j] * v[j];
  return s;
}

function sortedKey(a: number, b: number): string {
  return a < b ? `${a},${b}` : `${b},${a}`;
}

describe('StructuredGrid2D: numbering and geometry', () => {
  const g = new StructuredGrid2D(5, 3, -1, 1.5, 0.25, 1);

  test('counts, exact end coordinates, spacing', () => {
    expect(g.nodeCount).toBe(24);
    expect(g.elementCount).toBe(15);
    expect(g.horizontalEdgeCount).toBe(20);
    expect(g.edgeCount).toBe(20 + 18);
    expect(g.x[0]).toBe(-1);
    expect(g.x[5]).toBe(1.5);
    expect(g.y[0]).toBe(0.25);
    expect(g.y[3]).toBe(1);
    expect(g.hx).toBeCloseTo(0.5, 15);
    expect(g.hy).toBeCloseTo(0.25, 15);
    expect(g.nodeIndex(2, 1)).toBe(8);
    expect(g.elementIndex(2, 1)).toBe(7);
    expect(Array.from(g.elementNodes.subarray(28, 32))).toEqual([8, 9, 15, 14]);
  });

  test('every element is counter-clockwise with shoelace area hx·hy; centers are vertex means (also under the deprecated name elementCentres)', () => {
    const xy = g.nodeCoordinates();
    const c = g.elementCenters();
    expect(Array.from(g.elementCentres())).toEqual(Array.from(c));
    const en = g.elementNodes;
    for (let e = 0; e < g.elementCount; e++) {
      let twiceArea = 0, mx = 0, my = 0;
      for (let a = 0; a < 4; a++) {
        const p = en[4 * e + a], q = en[4 * e + ((a + 1) % 4)];
        twiceArea += xy[2 * p] * xy[2 * q + 1] - xy[2 * q] * xy[2 * p + 1];
        mx += xy[2 * p] / 4;
        my += xy[2 * p + 1] / 4;
      }
      expect(Math.abs(twiceArea / 2 - g.elementArea)).toBeLessThan(1e-14);
      expect(Math.abs(c[2 * e] - mx)).toBeLessThan(1e-15);
      expect(Math.abs(c[2 * e + 1] - my)).toBeLessThan(1e-15);
    }
  });

  test('local edge k joins local nodes k, k+1; interior edges shared by exactly two elements, boundary edges by one', () => {
    const en = g.elementNodes, ee = g.elementEdges, ed = g.edgeNodes;
    const mid = g.edgeMidpoints();
    const xy = g.nodeCoordinates();
    const users = new Int32Array(g.edgeCount);
    const byNodes = new Map<string, number>();
    for (let e = 0; e < g.elementCount; e++) {
      for (let k = 0; k < 4; k++) {
        const edge = ee[4 * e + k];
        users[edge]++;
        const key = sortedKey(en[4 * e + k], en[4 * e + ((k + 1) % 4)]);
        expect(sortedKey(ed[2 * edge], ed[2 * edge + 1])).toBe(key);
        byNodes.set(key, (byNodes.get(key) ?? 0) + 1);
      }
    }
    expect(byNodes.size).toBe(g.edgeCount); // distinct node pairs ↔ distinct edge ids
    const boundary = new Set<number>();
    for (const side of GRID_SIDES) for (const k of g.boundaryEdges(side)) boundary.add(k);
    expect(boundary.size).toBe(2 * (g.nx + g.ny));
    for (let k = 0; k < g.edgeCount; k++) {
      expect(users[k]).toBe(boundary.has(k) ? 1 : 2);
      const a = ed[2 * k], b = ed[2 * k + 1];
      expect(a).toBeLessThan(b);
      expect(mid[2 * k]).toBeCloseTo((xy[2 * a] + xy[2 * b]) / 2, 15);
      expect(mid[2 * k + 1]).toBeCloseTo((xy[2 * a + 1] + xy[2 * b + 1]) / 2, 15);
    }
  });

  test('boundary nodes/edges lie on their side, in increasing coordinate, corners shared by two sides', () => {
    const xy = g.nodeCoordinates();
    const onSide = { bottom: [1, 0.25], top: [1, 1], left: [0, -1], right: [0, 1.5] } as const;
    const seen = new Int32Array(g.nodeCount);
    for (const side of GRID_SIDES) {
      const nodes = g.boundaryNodes(side);
      const edges = g.boundaryEdges(side);
      const horizontal = side === 'bottom' || side === 'top';
      expect(nodes.length).toBe(horizontal ? g.nx + 1 : g.ny + 1);
      expect(edges.length).toBe(nodes.length - 1);
      const [axis, value] = onSide[side];
      for (let k = 0; k < nodes.length; k++) {
        seen[nodes[k]]++;
        expect(xy[2 * nodes[k] + axis]).toBe(value);
        if (k > 0) expect(xy[2 * nodes[k] + 1 - axis]).toBeGreaterThan(xy[2 * nodes[k - 1] + 1 - axis]);
      }
      for (let k = 0; k < edges.length; k++) {
        expect([g.edgeNodes[2 * edges[k]], g.edgeNodes[2 * edges[k] + 1]]).toEqual([nodes[k], nodes[k + 1]]);
      }
    }
    const corners = [0, g.nx, g.nodeCount - 1 - g.nx, g.nodeCount - 1];
    for (let n = 0; n < g.nodeCount; n++) {
      const i = n % (g.nx + 1), j = Math.floor(n / (g.nx + 1));
      const expected = corners.includes(n) ? 2 : i === 0 || i === g.nx || j === 0 || j === g.ny ? 1 : 0;
      expect(seen[n]).toBe(expected);
    }
  });

  test('Q1 mass integrates 1 to the area and xy exactly; Q1 stiffness gives ∫|∇x|² = area and kills constants', () => {
    const sq = new StructuredGrid2D(6, 4, 0, 1.5, -0.5, 0.5); // square elements h = 0.25
    const M = assemble(sq, MASS_REF, sq.elementArea);
    const K = assemble(sq, STIFF_REF, 1);
    const one = new Float64Array(sq.nodeCount).fill(1);
    const xy = sq.nodeCoordinates();
    const xs = new Float64Array(sq.nodeCount), bilinear = new Float64Array(sq.nodeCount);
    for (let n = 0; n < sq.nodeCount; n++) {
      xs[n] = xy[2 * n];
      bilinear[n] = xy[2 * n] * xy[2 * n + 1];
    }
    const area = 1.5 * 1;
    expect(Math.abs(quadForm(M, one, one) - area)).toBeLessThan(1e-14);
    const ys = new Float64Array(sq.nodeCount);
    for (let n = 0; n < sq.nodeCount; n++) ys[n] = xy[2 * n + 1];
    // The Q1 mass is exact for products of two bilinears: ∫ (xy)·y = ∫x dx · ∫y² dy = (1.5²/2)·(1/12).
    expect(Math.abs(quadForm(M, bilinear, ys) - (1.125 / 12))).toBeLessThan(1e-14);
    expect(Math.abs(quadForm(K, xs, xs) - area)).toBeLessThan(1e-13);
    expect(Math.abs(quadForm(K, one, xs))).toBeLessThan(1e-13);
    // The stiffness is exact on bilinears: ∫ |∇(xy)|² = ∫ (y² + x²) = 1.5·(1/12) + 1.5³/3.
    expect(Math.abs(quadForm(K, bilinear, bilinear) - (1.5 / 12 + 1.125))).toBeLessThan(1e-13);
  });

  test('rejects invalid arguments with named errors', () => {
    expect(() => new StructuredGrid2D(0, 3)).toThrow(InvalidArgumentError);
    expect(() => new StructuredGrid2D(2.5, 3)).toThrow(InvalidArgumentError);
    expect(() => new StructuredGrid2D(2, 3, 1, 1)).toThrow(/x1 must be/);
    expect(() => new StructuredGrid2D(2, 3, 0, 1, 0, NaN)).toThrow(InvalidArgumentError);
    expect(() => new StructuredGrid2D(2, '3' as unknown as number)).toThrow(InvalidTypeError);
    expect(() => g.boundaryNodes('front' as never)).toThrow(/side must be one of/);
    expect(() => g.nodeCoordinates(new Float64Array(3))).toThrow(InvalidTypeError);
    expect(() => g.classifyNodes({ bottom: 'D', right: 'X', top: 'N', left: 'N' } as never)).toThrow(/conditions.right/);
  });
});

describe('StructuredGrid2D: node classification', () => {
  const g = new StructuredGrid2D(6, 4);

  function expectConsistent(bc: SideConditions): void {
    const cls = g.classifyNodes(bc);
    expect(cls.dirichlet.length + cls.prescribed.length + cls.free.length).toBe(g.nodeCount);
    const strongest = new Uint8Array(g.nodeCount).fill(NodeClass.free);
    for (const side of GRID_SIDES) {
      const code = bc[side] === 'D' ? NodeClass.dirichlet : bc[side] === 'P' ? NodeClass.prescribed : NodeClass.free;
      for (const n of g.boundaryNodes(side)) strongest[n] = Math.min(strongest[n], code);
    }
    expect(Array.from(cls.kind)).toEqual(Array.from(strongest));
    const mapsAgree = Array.from(cls.free).every((n, k) => cls.freeOf[n] === k)
      && Array.from(cls.prescribed).every((n, k) => cls.prescribedOf[n] === k)
      && Array.from(cls.kind).every((c, n) => (cls.freeOf[n] >= 0) === (c === NodeClass.free)
        && (cls.prescribedOf[n] >= 0) === (c === NodeClass.prescribed));
    expect(mapsAgree).toBe(true);
  }

  test('all Dirichlet: (nx−1)(ny−1) free nodes, the rest Dirichlet', () => {
    const cls = g.classifyNodes({ bottom: 'D', right: 'D', top: 'D', left: 'D' });
    expect(cls.free.length).toBe(5 * 3);
    expect(cls.dirichlet.length).toBe(2 * (6 + 4));
    expect(cls.prescribed.length).toBe(0);
  });

  test('Dirichlet bottom, Robin top, Neumann sides: only the bottom row is eliminated (corners included)', () => {
    const cls = g.classifyNodes({ bottom: 'D', right: 'N', top: 'R', left: 'N' });
    expect(Array.from(cls.dirichlet)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(cls.free.length).toBe(g.nodeCount - 7);
  });

  test('junctions: D beats P beats N/R; every combination is consistent with the per-side types', () => {
    const cls = g.classifyNodes({ bottom: 'N', right: 'P', top: 'D', left: 'R' });
    expect(cls.kind[g.nodeIndex(6, 0)]).toBe(NodeClass.prescribed); // P meets N: prescribed
    expect(cls.kind[g.nodeIndex(6, 4)]).toBe(NodeClass.dirichlet); // P meets D: Dirichlet
    expect(cls.kind[g.nodeIndex(0, 0)]).toBe(NodeClass.free); // N meets R: free
    const types = ['D', 'N', 'R', 'P'] as const;
    for (const b of types) for (const r of types) for (const t of types) for (const l of types) {
      expectConsistent({ bottom: b, right: r, top: t, left: l });
    }
  });
});

describe('StructuredSubGrid and CoarseCells', () => {
  const fine = new StructuredGrid2D(12, 8, 0, 1.5, 0, 1);
  const cells = new CoarseCells(fine, 4); // 3 × 2 coarse cells

  test('sub-box maps round-trip and reproduce parent coordinates and element nodes bitwise', () => {
    const view = new StructuredSubGrid(fine, { i0: 3, i1: 9, j0: 2, j1: 5 });
    const local = view.grid;
    expect([local.nx, local.ny]).toEqual([6, 3]);
    const pxy = fine.nodeCoordinates(), lxy = local.nodeCoordinates();
    for (let n = 0; n < local.nodeCount; n++) {
      const p = view.nodeToParent[n];
      expect(view.localNode(p)).toBe(n);
      expect(lxy[2 * n]).toBe(pxy[2 * p]);
      expect(lxy[2 * n + 1]).toBe(pxy[2 * p + 1]);
    }
    let inside = 0;
    for (let p = 0; p < fine.nodeCount; p++) if (view.localNode(p) >= 0) inside++;
    expect(inside).toBe(local.nodeCount);
    expect(view.localNode(-1)).toBe(-1);
    expect(view.localNode(fine.nodeCount)).toBe(-1);
    for (let e = 0; e < local.elementCount; e++) {
      const pe = view.elementToParent[e];
      for (let a = 0; a < 4; a++) expect(view.nodeToParent[local.elementNodes[4 * e + a]]).toBe(fine.elementNodes[4 * pe + a]);
    }
    const M = assemble(local, MASS_REF, local.elementArea);
    const one = new Float64Array(local.nodeCount).fill(1);
    expect(Math.abs(quadForm(M, one, one) - (6 * fine.hx) * (3 * fine.hy))).toBeLessThan(1e-14);
  });

  test('sub-box side conditions: parent sides inherited, interior sides prescribed (spec §3, §5)', () => {
    const bc: SideConditions = { bottom: 'D', right: 'R', top: 'N', left: 'D' };
    const corner = new StructuredSubGrid(fine, { i0: 8, i1: 12, j0: 0, j1: 4 });
    expect(corner.sideConditions(bc)).toEqual({ bottom: 'D', right: 'R', top: 'P', left: 'P' });
    const cls = corner.grid.classifyNodes(corner.sideConditions(bc));
    expect(cls.dirichlet.length).toBe(5); // bottom row
    expect(cls.prescribed.length).toBe(4 + 4); // top row (5) + left column above the bottom (3)
    expect(cls.kind[corner.grid.nodeIndex(4, 4)]).toBe(NodeClass.prescribed); // P meets R
    expect(cls.kind[corner.grid.nodeIndex(4, 2)]).toBe(NodeClass.free); // on the Robin side
    expect(() => corner.sideConditions({ ...bc, top: 'Q' } as never)).toThrow(/parentConditions.top/);
  });

  test('coarse cells: fine elements and nodes, coarse grid nodes coincide with fine nodes', () => {
    expect([cells.coarse.nx, cells.coarse.ny]).toEqual([3, 2]);
    const owner = new Int32Array(fine.elementCount).fill(-1);
    for (let c = 0; c < cells.coarse.elementCount; c++) {
      const el = cells.cellElements(c);
      const nodes = cells.cellNodes(c);
      const view = cells.fineView(cells.cellRange(c));
      expect(Array.from(view.elementToParent)).toEqual(Array.from(el));
      expect(Array.from(view.nodeToParent)).toEqual(Array.from(nodes));
      for (const e of el) {
        expect(owner[e]).toBe(-1);
        owner[e] = c;
      }
      // the cell's fine corner nodes are the coarse element's nodes
      const m = cells.ratio;
      const corners = [nodes[0], nodes[m], nodes[(m + 1) * (m + 1) - 1], nodes[(m + 1) * m]];
      for (let a = 0; a < 4; a++) {
        const cn = cells.coarse.elementNodes[4 * c + a];
        const ci = cn % (cells.coarse.nx + 1), cj = Math.floor(cn / (cells.coarse.nx + 1));
        expect(corners[a]).toBe(fine.nodeIndex(ci * m, cj * m));
        expect(cells.coarse.x[ci]).toBe(fine.x[ci * m]);
      }
    }
    expect(owner.every((c) => c >= 0)).toBe(true);
    expect(() => new CoarseCells(fine, 3)).toThrow(/dividing/);
  });

  test('coarse edge fine nodes run along the edge', () => {
    const xy = fine.nodeCoordinates();
    const cxy = cells.coarse.nodeCoordinates();
    for (let k = 0; k < cells.coarse.edgeCount; k++) {
      const nodes = cells.edgeFineNodes(k);
      const a = cells.coarse.edgeNodes[2 * k], b = cells.coarse.edgeNodes[2 * k + 1];
      expect(nodes[0]).toBe(fine.nodeIndex(Math.round((cxy[2 * a] - 0) / fine.hx), Math.round(cxy[2 * a + 1] / fine.hy)));
      const last = nodes[cells.ratio];
      expect([xy[2 * last], xy[2 * last + 1]]).toEqual([cxy[2 * b], cxy[2 * b + 1]]);
      for (let s = 1; s < nodes.length; s++) {
        const d = Math.hypot(xy[2 * nodes[s]] - xy[2 * nodes[s - 1]], xy[2 * nodes[s] + 1] - xy[2 * nodes[s - 1] + 1]);
        expect(d).toBeCloseTo(k < cells.coarse.horizontalEdgeCount ? fine.hx : fine.hy, 14);
      }
    }
  });

  test('oversampling patches: 3×2 / 2×3 around interior edges, clipped at the boundary and at corners', () => {
    const big = new CoarseCells(new StructuredGrid2D(40, 40), 5); // 8 × 8 coarse cells
    const c = big.coarse;
    const size = (r: { i0: number; i1: number; j0: number; j1: number }) => [r.i1 - r.i0, r.j1 - r.j0];
    const h = (i: number, j: number) => j * c.nx + i;
    const v = (i: number, j: number) => c.horizontalEdgeCount + j * (c.nx + 1) + i;
    expect(big.edgePatch(h(3, 4))).toEqual({ i0: 2, i1: 5, j0: 3, j1: 5 }); // interior horizontal: 3 × 2
    expect(size(big.edgePatch(v(4, 3)))).toEqual([2, 3]); // interior vertical: 2 × 3
    expect(big.edgePatch(h(0, 1))).toEqual({ i0: 0, i1: 2, j0: 0, j1: 2 }); // next to the left side: 2 × 2
    expect(big.edgePatch(v(1, 7))).toEqual({ i0: 0, i1: 2, j0: 6, j1: 8 }); // top-left corner: 2 × 2
    expect(big.edgePatch(h(7, 0))).toEqual({ i0: 6, i1: 8, j0: 0, j1: 1 }); // boundary edge at a corner: 2 × 1
    expect(size(big.edgePatch(h(3, 4), 2))).toEqual([5, 4]);
    expect(big.cellPatch(h(0, 0))).toEqual({ i0: 0, i1: 2, j0: 0, j1: 2 }); // corner cell: 2 × 2
    expect(big.cellPatch(h(7, 7), 3)).toEqual({ i0: 4, i1: 8, j0: 4, j1: 8 });
    expect(size(big.cellPatch(h(4, 4)))).toEqual([3, 3]);
    // every patch cell meets the closed edge (ℓ = 1), and every cell meeting it is in the patch
    for (let k = 0; k < c.edgeCount; k++) {
      const r = big.edgePatch(k);
      const a = c.edgeNodes[2 * k], b = c.edgeNodes[2 * k + 1];
      let mismatches = 0;
      for (let e = 0; e < c.elementCount; e++) {
        const i = e % c.nx, j = Math.floor(e / c.nx);
        const nodes = Array.from(c.elementNodes.subarray(4 * e, 4 * e + 4));
        const meets = nodes.includes(a) || nodes.includes(b);
        if ((i >= r.i0 && i < r.i1 && j >= r.j0 && j < r.j1) !== meets) mismatches++;
      }
      expect(mismatches).toBe(0);
    }
    const patch = big.fineView(big.edgePatch(h(3, 4)));
    expect([patch.grid.nx, patch.grid.ny]).toEqual([15, 10]);
    expect(() => big.patchAround(2, 1, 0, 0, 1)).toThrow(/a1/);
    expect(() => big.edgePatch(h(3, 4), 0)).toThrow(/layers/);
    expect(() => big.fineView({ i0: 0, i1: 9, j0: 0, j1: 1 })).toThrow(/cells.i1/);
  });
});
