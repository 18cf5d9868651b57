/**
 * Assembly of Q1 finite-element matrices on a {@link StructuredGrid2D} (or the grid of a
 * sub-grid) into CSR on the 9-point pattern: the operator of
 * `−∇·(A∇u) + V u = f` with Robin sides `A∇u·ν = β u`, i.e. the matrix of the bilinear form
 * `(A∇u,∇v) + (Vu,v) − (βu,v)_Γ2` of thesis (4.2.2) with A, V piecewise constant per element and β
 * per boundary edge; the energy-norm matrix `(A∇u,∇v) + (|V|u,v)` (thesis line 4517); and the mass.
 *
 * All matrices share the pattern of {@link q1Pattern}, so one symbolic factorization serves all of
 * them. Assembly is O(elementCount) with no allocation per element.
 *
 * @module
 */
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import { GRID_SIDES, StructuredGrid2D, type GridSide } from '../grid/structuredGrid2d';
import type { ComplexCsrMatrix, CsrMatrix, CsrPattern } from '../linalg/sparse/csr';
import { expandComplexField, expandField, type ComplexField, type RealField } from './coefficients';
import { q1EdgeMass, q1ElementMass, q1ElementStiffness } from './q1Reference';

/**
 * Coefficients of the Q1 operator `−∇·(A∇u) + V u` with Robin sides (thesis (4.2.1)).
 *
 * @example
 * ```ts
 * const coeffs: Q1Coefficients = {
 *   diffusion: sampleCells(grid, (x, y) => 1 + x),
 *   potential: -100,
 *   robin: { left: { re: 0, im: 10 } },
 * };
 * ```
 */
export interface Q1Coefficients {
  /** A > 0 per element (or a constant). */
  diffusion: RealField;
  /** V per element (or a constant), real or complex; default 0. */
  potential?: RealField | ComplexField;
  /**
   * β per boundary edge of a side (in `grid.boundaryEdges(side)` order) or a constant, real or
   * complex; adds `−(βu, v)` on that side. Sides without an entry get no boundary term (Neumann, or
   * Dirichlet after elimination).
   */
  robin?: Partial<Record<GridSide, RealField | ComplexField>>;
}

const patternCache = new WeakMap<StructuredGrid2D, CsrPattern>();

/**
 * The 9-point CSR pattern of Q1 matrices on a grid: node (i, j) couples with (i+di, j+dj),
 * |di|, |dj| ≤ 1. Cached per grid. O(nodeCount).
 *
 * @example
 * ```ts
 * const p = q1Pattern(new StructuredGrid2D(2, 2)); // 9 rows, 49 stored entries
 * ```
 */
export function q1Pattern(grid: StructuredGrid2D): CsrPattern {
  if (!(grid instanceof StructuredGrid2D)) throw new InvalidTypeError('grid', 'a StructuredGrid2D', grid);
  const cached = patternCache.get(grid);
  if (cached !== undefined) return cached;
  const { nx, ny } = grid;
  const w = nx + 1;
  const n = grid.nodeCount;
  const rowPtr = new Int32Array(n + 1);
  for (let j = 0; j <= ny; j++) {
    const cy = (j > 0 ? 1 : 0) + 1 + (j < ny ? 1 : 0);
    for (let i = 0; i <= nx; i++) {
      const cx = (i > 0 ? 1 : 0) + 1 + (i < nx ? 1 : 0);
      rowPtr[j * w + i + 1] = cx * cy;
    }
  }
  for (let r = 0; r < n; r++) rowPtr[r + 1] += rowPtr[r];
  const colIndex = new Int32Array(rowPtr[n]);
  for (let j = 0, p = 0; j <= ny; j++) {
    for (let i = 0; i <= nx; i++) {
      for (let dj = -1; dj <= 1; dj++) {
        const jj = j + dj;
        if (jj < 0 || jj > ny) continue;
        for (let di = -1; di <= 1; di++) {
          const ii = i + di;
          if (ii < 0 || ii > nx) continue;
          colIndex[p++] = jj * w + ii;
        }
      }
    }
  }
  const pattern: CsrPattern = { rows: n, cols: n, rowPtr, colIndex };
  patternCache.set(grid, pattern);
  return pattern;
}

/** Slot of entry (r, c) in a CSR pattern (linear search in the ≤ 9 entries of row r). */
function slotOf(pattern: CsrPattern, r: number, c: number): number {
  const { rowPtr, colIndex } = pattern;
  for (let p = rowPtr[r]; p < rowPtr[r + 1]; p++) if (colIndex[p] === c) return p;
  return -1;
}

/**
 * For every element and local pair (a, b), the slot of entry (node_a, node_b): an Int32Array of
 * 16·elementCount entries, cached per grid.
 */
const elementSlotCache = new WeakMap<StructuredGrid2D, Int32Array>();
function elementSlots(grid: StructuredGrid2D): Int32Array {
  const cached = elementSlotCache.get(grid);
  if (cached !== undefined) return cached;
  const pattern = q1Pattern(grid);
  const en = grid.elementNodes;
  const out = new Int32Array(16 * grid.elementCount);
  for (let e = 0; e < grid.elementCount; e++) {
    for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) out[16 * e + 4 * a + b] = slotOf(pattern, en[4 * e + a], en[4 * e + b]);
  }
  elementSlotCache.set(grid, out);
  return out;
}

/** Sum of element and Robin contributions into interleaved (re, im) values or real values. */
function assembleValues(grid: StructuredGrid2D, coefficients: Q1Coefficients, mode: 'operator' | 'norm', width: 1 | 2): Float64Array {
  if (!(grid instanceof StructuredGrid2D)) throw new InvalidTypeError('grid', 'a StructuredGrid2D', grid);
  if (coefficients === null || typeof coefficients !== 'object') throw new InvalidTypeError('coefficients', 'an object { diffusion, potential?, robin? }', coefficients);
  const ne = grid.elementCount;
  const a = expandField('coefficients.diffusion', coefficients.diffusion, ne, true);
  const v = expandComplexField('coefficients.potential', coefficients.potential ?? 0, ne);
  if (width === 1 && mode === 'operator') {
    for (let e = 0; e < ne; e++) {
      if (v.im[e] !== 0) throw new InvalidArgumentError('coefficients.potential', 'a real potential for a real assembly (use assembleQ1Complex)', 'a complex field');
    }
  }
  const pattern = q1Pattern(grid);
  const slots = elementSlots(grid);
  const K = q1ElementStiffness(grid.hx, grid.hy);
  const M = q1ElementMass(grid.hx, grid.hy);
  const out = new Float64Array(width * pattern.rowPtr[pattern.rows]);
  for (let e = 0; e < ne; e++) {
    const ae = a[e];
    let vr = v.re[e];
    let vi = v.im[e];
    if (mode === 'norm') {
      vr = Math.hypot(vr, vi);
      vi = 0;
    }
    const base = 16 * e;
    for (let q = 0; q < 16; q++) {
      const s = width * slots[base + q];
      out[s] += ae * K[q] + vr * M[q];
      if (width === 2) out[s + 1] += vi * M[q];
    }
  }
  if (mode === 'operator' && coefficients.robin !== undefined) {
    const robin = coefficients.robin;
    if (robin === null || typeof robin !== 'object') throw new InvalidTypeError('coefficients.robin', 'an object of per-side fields', robin);
    const en = grid.edgeNodes;
    for (const side of GRID_SIDES) {
      const field = robin[side];
      if (field === undefined) continue;
      const edges = grid.boundaryEdges(side);
      const beta = expandComplexField(`coefficients.robin.${side}`, field, edges.length);
      if (width === 1) {
        for (let k = 0; k < edges.length; k++) {
          if (beta.im[k] !== 0) throw new InvalidArgumentError(`coefficients.robin.${side}`, 'a real β for a real assembly (use assembleQ1Complex)', 'a complex field');
        }
      }
      const B = q1EdgeMass(side === 'bottom' || side === 'top' ? grid.hx : grid.hy);
      for (let k = 0; k < edges.length; k++) {
        const p = en[2 * edges[k]];
        const q = en[2 * edges[k] + 1];
        const nodes = [p, q];
        for (let r = 0; r < 2; r++) {
          for (let c = 0; c < 2; c++) {
            const s = width * slotOf(pattern, nodes[r], nodes[c]);
            out[s] -= beta.re[k] * B[2 * r + c];
            if (width === 2) out[s + 1] -= beta.im[k] * B[2 * r + c];
          }
        }
      }
    }
  }
  return out;
}

/**
 * Real Q1 operator matrix of `−∇·(A∇u) + V u` with real Robin terms `−(βu, v)_Γ2` (thesis
 * (4.2.2)), no boundary rows modified (eliminate Dirichlet nodes afterwards, e.g. with
 * `csrBlock`). Symmetric; positive definite on the free nodes when V ≥ 0, β ≤ 0 and a
 * Dirichlet side exists. O(elementCount).
 *
 * @throws InvalidArgumentError for a non-positive or non-finite A, non-finite V/β, or complex data
 * @example
 * ```ts
 * const grid = new StructuredGrid2D(32, 32);
 * const K = assembleQ1Real(grid, { diffusion: 1 });   // the Laplacian stiffness
 * ```
 */
export function assembleQ1Real(grid: StructuredGrid2D, coefficients: Q1Coefficients): CsrMatrix {
  const values = assembleValues(grid, coefficients, 'operator', 1);
  return { ...q1Pattern(grid), field: 'real', values };
}

/**
 * Complex symmetric Q1 operator matrix of `−∇·(A∇u) + V u` with complex V and Robin β (the
 * Helmholtz operator of thesis (4.2.1)–(4.2.2) with `V = −k²·n(x)`, `β = i k·b(x)`), no boundary rows
 * modified. O(elementCount).
 *
 * @example
 * ```ts
 * const H = assembleQ1Complex(grid, { diffusion: 1, potential: -1024, robin: { left: { re: 0, im: 32 } } });
 * ```
 */
export function assembleQ1Complex(grid: StructuredGrid2D, coefficients: Q1Coefficients): ComplexCsrMatrix {
  const values = assembleValues(grid, coefficients, 'operator', 2);
  return { ...q1Pattern(grid), field: 'complex', values };
}

/**
 * The energy-norm matrix `Σ_e (A_e K̂ + |V_e| M̂)` of thesis line 4517 (`‖w‖²_H = (A∇w,∇w) + (|V|w,w)`,
 * no boundary term): real symmetric positive semi-definite, for errors and the Gram matrices of the
 * multiscale method. O(elementCount).
 *
 * @example
 * ```ts
 * const N = assembleQ1Norm(grid, { diffusion: a, potential: { re: -1024, im: 0 } });
 * ```
 */
export function assembleQ1Norm(grid: StructuredGrid2D, coefficients: Q1Coefficients): CsrMatrix {
  const values = assembleValues(grid, coefficients, 'norm', 1);
  return { ...q1Pattern(grid), field: 'real', values };
}

/**
 * The consistent Q1 mass matrix `∫ φ_i φ_j` (entries sum to the area). O(elementCount).
 *
 * @example
 * ```ts
 * const M = assembleQ1Mass(grid);
 * ```
 */
export function assembleQ1Mass(grid: StructuredGrid2D): CsrMatrix {
  const pattern = q1Pattern(grid);
  const values = new Float64Array(pattern.rowPtr[pattern.rows]);
  const slots = elementSlots(grid);
  const M = q1ElementMass(grid.hx, grid.hy);
  for (let e = 0; e < grid.elementCount; e++) for (let q = 0; q < 16; q++) values[slots[16 * e + q]] += M[q];
  return { ...q1Pattern(grid), field: 'real', values };
}
