/**
 * Q1 load vectors `F_i = ∫ f φ_i` and L²/H¹ errors against exact solutions on a
 * {@link StructuredGrid2D}.
 *
 * @module
 */
import { checkFunction, checkVec } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import { GRID_SIDES, StructuredGrid2D, type GridSide } from '../grid/structuredGrid2d';

const G2 = [(1 - 1 / Math.sqrt(3)) / 2, (1 + 1 / Math.sqrt(3)) / 2];
const G3 = [(1 - Math.sqrt(3 / 5)) / 2, 0.5, (1 + Math.sqrt(3 / 5)) / 2];
const W3 = [5 / 18, 8 / 18, 5 / 18];

/**
 * Load vector `F_i ≈ ∫ f φ_i` (length nodeCount). `'midpoint'` (default): `f(x_c)·|e|/4` added to each
 * of the 4 nodes of element e — the lumped midpoint rule of the multiscale FEM's fine mesh (thesis
 * §4.4); `f` may then also be given as element-center values. `'gauss'`: consistent 2×2 Gauss
 * (exact for bilinear f). O(elementCount) evaluations of f.
 *
 * @example
 * ```ts
 * const F = q1Load(grid, (x, y) => x ** 4 - y ** 3 + 1);
 * ```
 */
export function q1Load(grid: StructuredGrid2D, f: ((x: number, y: number) => number) | Float64Array, options: { rule?: 'midpoint' | 'gauss' } = {}): Float64Array {
  if (!(grid instanceof StructuredGrid2D)) throw new InvalidTypeError('grid', 'a StructuredGrid2D', grid);
  const rule = options.rule ?? 'midpoint';
  if (rule !== 'midpoint' && rule !== 'gauss') throw new InvalidArgumentError('options.rule', "'midpoint' or 'gauss'", rule);
  const en = grid.elementNodes;
  const out = new Float64Array(grid.nodeCount);
  const area = grid.hx * grid.hy;
  if (f instanceof Float64Array) {
    if (rule !== 'midpoint') throw new InvalidArgumentError('options.rule', "'midpoint' when f is given as element values", rule);
    checkVec('f', f, grid.elementCount);
    for (let e = 0; e < grid.elementCount; e++) {
      const s = (f[e] * area) / 4;
      for (let a = 0; a < 4; a++) out[en[4 * e + a]] += s;
    }
    return out;
  }
  checkFunction('f', f);
  const { nx, x, y } = grid;
  for (let e = 0; e < grid.elementCount; e++) {
    const i = e % nx;
    const j = (e - i) / nx;
    if (rule === 'midpoint') {
      const s = (f(0.5 * (x[i] + x[i + 1]), 0.5 * (y[j] + y[j + 1])) * area) / 4;
      for (let a = 0; a < 4; a++) out[en[4 * e + a]] += s;
      continue;
    }
    for (let p = 0; p < 2; p++) {
      for (let q = 0; q < 2; q++) {
        const s = G2[p];
        const t = G2[q];
        const fv = (f(x[i] + s * grid.hx, y[j] + t * grid.hy) * area) / 4;
        out[en[4 * e]] += fv * (1 - s) * (1 - t);
        out[en[4 * e + 1]] += fv * s * (1 - t);
        out[en[4 * e + 2]] += fv * s * t;
        out[en[4 * e + 3]] += fv * (1 - s) * t;
      }
    }
  }
  return out;
}

/**
 * Boundary load `G_i = ∫_side g φ_i` on the given sides (Neumann/Robin data), by Simpson's rule on
 * each boundary edge (exact for quadratic g). O(boundary edges) evaluations of g.
 *
 * @example
 * ```ts
 * const G = q1BoundaryLoad(grid, ['left', 'right'], (x, y) => y);
 * ```
 */
export function q1BoundaryLoad(grid: StructuredGrid2D, sides: readonly GridSide[], g: (x: number, y: number, side: GridSide) => number): Float64Array {
  if (!(grid instanceof StructuredGrid2D)) throw new InvalidTypeError('grid', 'a StructuredGrid2D', grid);
  checkFunction('g', g);
  const out = new Float64Array(grid.nodeCount);
  const xy = grid.nodeCoordinates();
  const en = grid.edgeNodes;
  for (const side of sides) {
    if (!GRID_SIDES.includes(side)) throw new InvalidArgumentError('sides', `sides among ${GRID_SIDES.join(', ')}`, side);
    for (const k of grid.boundaryEdges(side)) {
      const p = en[2 * k];
      const q = en[2 * k + 1];
      const x0 = xy[2 * p];
      const y0 = xy[2 * p + 1];
      const x1 = xy[2 * q];
      const y1 = xy[2 * q + 1];
      const h = Math.hypot(x1 - x0, y1 - y0);
      const gm = g(0.5 * (x0 + x1), 0.5 * (y0 + y1), side);
      out[p] += (h / 6) * (g(x0, y0, side) + 2 * gm);
      out[q] += (h / 6) * (g(x1, y1, side) + 2 * gm);
    }
  }
  return out;
}

/**
 * L² error `‖u_h − u‖` and H¹-seminorm error `‖∇(u_h − u)‖` of a Q1 nodal vector against an exact
 * solution with gradient, by 3×3 Gauss quadrature per element. O(elementCount).
 *
 * @example
 * ```ts
 * const { l2, h1 } = q1Errors(grid, uh, (x, y) => Math.sin(x) * y, (x, y) => [Math.cos(x) * y, Math.sin(x)]);
 * ```
 */
export function q1Errors(
  grid: StructuredGrid2D,
  uh: Float64Array,
  exact: (x: number, y: number) => number,
  gradient?: (x: number, y: number) => readonly [number, number],
): {
  /** L² error. */
  l2: number;
  /** H¹-seminorm error (0 without a gradient). */
  h1: number;
} {
  if (!(grid instanceof StructuredGrid2D)) throw new InvalidTypeError('grid', 'a StructuredGrid2D', grid);
  checkVec('uh', uh, grid.nodeCount);
  checkFunction('exact', exact);
  if (gradient !== undefined) checkFunction('gradient', gradient);
  const { nx, x, y, hx, hy } = grid;
  const en = grid.elementNodes;
  let l2 = 0;
  let h1 = 0;
  for (let e = 0; e < grid.elementCount; e++) {
    const i = e % nx;
    const j = (e - i) / nx;
    const u0 = uh[en[4 * e]];
    const u1 = uh[en[4 * e + 1]];
    const u2 = uh[en[4 * e + 2]];
    const u3 = uh[en[4 * e + 3]];
    for (let p = 0; p < 3; p++) {
      for (let q = 0; q < 3; q++) {
        const s = G3[p];
        const t = G3[q];
        const w = W3[p] * W3[q] * hx * hy;
        const px = x[i] + s * hx;
        const py = y[j] + t * hy;
        const v = u0 * (1 - s) * (1 - t) + u1 * s * (1 - t) + u2 * s * t + u3 * (1 - s) * t;
        l2 += w * (v - exact(px, py)) ** 2;
        if (gradient !== undefined) {
          const gx = ((u1 - u0) * (1 - t) + (u2 - u3) * t) / hx;
          const gy = ((u3 - u0) * (1 - s) + (u2 - u1) * s) / hy;
          const g = gradient(px, py);
          h1 += w * ((gx - g[0]) ** 2 + (gy - g[1]) ** 2);
        }
      }
    }
  }
  return { l2: Math.sqrt(l2), h1: Math.sqrt(h1) };
}
