/**
 * Coefficient fields of the Q1 finite-element operators: real or complex, constant or one value per
 * fine element (piecewise constant, sampled at the element center as in thesis §4.4, lines
 * 5043–5060) or per boundary edge (sampled at the edge midpoint), and the samplers that produce them
 * from point functions.
 *
 * @module
 */
import { checkFunction, checkInteger } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import { GRID_SIDES, StructuredGrid2D, type GridSide } from '../grid/structuredGrid2d';

/**
 * A real field: one constant, or one value per entity (element, node or boundary edge).
 *
 * @example
 * ```ts
 * const a: RealField = sampleCells(grid, (x, y) => 1 + x * y);
 * ```
 */
export type RealField = number | Float64Array;

/**
 * A complex field: real and imaginary parts, each a {@link RealField}; `im` defaults to 0.
 *
 * @example
 * ```ts
 * const beta: ComplexField = { re: 0, im: 32 };   // β = 32i
 * ```
 */
export interface ComplexField {
  /** Real part. */
  re: RealField;
  /** Imaginary part (default 0). */
  im?: RealField;
}

/**
 * Evaluate `f` at the center of every element of the grid (element ids as in
 * {@link StructuredGrid2D}). O(elementCount) calls of f.
 *
 * @example
 * ```ts
 * const a = sampleCells(new StructuredGrid2D(64, 64), (x, y) => 2 + Math.sin(8 * x));
 * ```
 */
export function sampleCells(grid: StructuredGrid2D, f: (x: number, y: number) => number): Float64Array {
  if (!(grid instanceof StructuredGrid2D)) throw new InvalidTypeError('grid', 'a StructuredGrid2D', grid);
  checkFunction('f', f);
  const c = grid.elementCenters();
  const out = new Float64Array(grid.elementCount);
  for (let e = 0; e < out.length; e++) out[e] = f(c[2 * e], c[2 * e + 1]);
  return out;
}

/**
 * Evaluate `f` at every node of the grid (node ids as in {@link StructuredGrid2D}), e.g. a nodal
 * interpolant or Dirichlet data. O(nodeCount) calls of f.
 *
 * @example
 * ```ts
 * const uExact = sampleNodes(grid, (x, y) => Math.sin(Math.PI * x) * y);
 * ```
 */
export function sampleNodes(grid: StructuredGrid2D, f: (x: number, y: number) => number): Float64Array {
  if (!(grid instanceof StructuredGrid2D)) throw new InvalidTypeError('grid', 'a StructuredGrid2D', grid);
  checkFunction('f', f);
  const xy = grid.nodeCoordinates();
  const out = new Float64Array(grid.nodeCount);
  for (let n = 0; n < out.length; n++) out[n] = f(xy[2 * n], xy[2 * n + 1]);
  return out;
}

/**
 * Evaluate `f` at the midpoints of the boundary edges of one side, in the order of
 * `grid.boundaryEdges(side)` (Robin coefficients and boundary data). O(side length) calls of f.
 *
 * @example
 * ```ts
 * const beta = sampleSide(grid, 'left', (x, y) => 1 + y);
 * ```
 */
export function sampleSide(grid: StructuredGrid2D, side: GridSide, f: (x: number, y: number) => number): Float64Array {
  if (!(grid instanceof StructuredGrid2D)) throw new InvalidTypeError('grid', 'a StructuredGrid2D', grid);
  if (!GRID_SIDES.includes(side)) throw new InvalidArgumentError('side', `one of ${GRID_SIDES.join(', ')}`, side);
  checkFunction('f', f);
  const edges = grid.boundaryEdges(side);
  const en = grid.edgeNodes;
  const xy = grid.nodeCoordinates();
  const out = new Float64Array(edges.length);
  for (let k = 0; k < edges.length; k++) {
    const a = en[2 * edges[k]];
    const b = en[2 * edges[k] + 1];
    out[k] = f(0.5 * (xy[2 * a] + xy[2 * b]), 0.5 * (xy[2 * a + 1] + xy[2 * b + 1]));
  }
  return out;
}

/**
 * Expand a {@link RealField} to one value per entity, checking the length, finiteness and (with
 * `positive`) positivity. Returns a new array. O(count).
 *
 * @example
 * ```ts
 * expandField('a', 2, 4); // Float64Array [2, 2, 2, 2]
 * ```
 */
export function expandField(name: string, field: RealField, count: number, positive = false): Float64Array {
  checkInteger('count', count, 0);
  let out: Float64Array;
  if (typeof field === 'number') out = new Float64Array(count).fill(field);
  else if (field instanceof Float64Array) {
    if (field.length !== count) throw new InvalidTypeError(name, `a number or a Float64Array of length ${count}`, field);
    out = Float64Array.from(field);
  } else throw new InvalidTypeError(name, `a number or a Float64Array of length ${count}`, field);
  for (let k = 0; k < count; k++) {
    const v = out[k];
    if (!Number.isFinite(v) || (positive && !(v > 0))) {
      const where = typeof field === 'number' ? name : `${name}[${k}]`;
      throw new InvalidArgumentError(where, positive ? 'a finite number > 0' : 'a finite number', v);
    }
  }
  return out;
}

/**
 * Expand a real or complex field to separate real and imaginary arrays of one value per entity.
 *
 * @example
 * ```ts
 * const { re, im } = expandComplexField('beta', { re: 0, im: 3 }, 8);
 * ```
 */
export function expandComplexField(name: string, field: RealField | ComplexField, count: number): {
  /** Real parts. */
  re: Float64Array;
  /** Imaginary parts. */
  im: Float64Array;
} {
  if (typeof field === 'number' || field instanceof Float64Array) return { re: expandField(name, field, count), im: new Float64Array(count) };
  if (field === null || typeof field !== 'object') throw new InvalidTypeError(name, 'a number, a Float64Array or { re, im }', field);
  return { re: expandField(`${name}.re`, field.re, count), im: expandField(`${name}.im`, field.im ?? 0, count) };
}

/**
 * True when a field has a nonzero imaginary part anywhere.
 * @example
 * ```ts
 * isComplexField(1); // false
 * isComplexField({ re: 1, im: 0.5 }); // true
 * ```
 */
export function isComplexField(field: RealField | ComplexField | undefined): boolean {
  if (field === undefined || typeof field === 'number' || field instanceof Float64Array) return false;
  const im = field.im;
  if (im === undefined) return false;
  if (typeof im === 'number') return im !== 0;
  for (let k = 0; k < im.length; k++) if (im[k] !== 0) return true;
  return false;
}
