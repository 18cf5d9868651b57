/**
 * Test systems for the sparse solvers, built with the library's own Q1 assembler (`src/fem`) on the
 * unit square: α·K + β·M (+ γ·B, B the boundary mass), loads and L² errors. Node (i, j) has index
 * i + j(nx+1), as in StructuredGrid2D.
 */
import { StructuredGrid2D, GRID_SIDES, type GridSide } from '../../../src/grid/structuredGrid2d';
import { assembleQ1Complex, assembleQ1Mass, assembleQ1Real, q1BoundaryLoad as femBoundaryLoad, q1Errors, q1Load as femLoad, sampleNodes } from '../../../src/fem/index';
import type { ComplexCsrMatrix, CsrMatrix } from '../../../src/linalg/sparse/csr';

export interface Q1Mesh {
  nx: number;
  ny: number;
  nodes: number;
  grid: StructuredGrid2D;
  /** Node indices on ∂Ω. */
  boundary: Int32Array;
}

export function q1Mesh(nx: number, ny = nx): Q1Mesh {
  const grid = new StructuredGrid2D(nx, ny);
  const cls = grid.classifyNodes({ bottom: 'D', right: 'D', top: 'D', left: 'D' });
  return { nx, ny, nodes: grid.nodeCount, grid, boundary: cls.dirichlet };
}

/** Real matrix α·K + β·M. */
export function q1RealMatrix(mesh: Q1Mesh, alpha = 1, beta = 0): CsrMatrix {
  if (alpha > 0) return assembleQ1Real(mesh.grid, { diffusion: alpha, potential: beta });
  const M = assembleQ1Mass(mesh.grid);
  return { ...M, values: M.values.map((v) => beta * v) };
}

/** Complex symmetric matrix α·K + β·M + γ·B (α real positive; β, γ complex as [re, im]). */
export function q1ComplexMatrix(mesh: Q1Mesh, alpha: [number, number], beta: [number, number], gamma: [number, number]): ComplexCsrMatrix {
  if (alpha[1] !== 0) throw new Error('q1ComplexMatrix: α must be real');
  const robin: Partial<Record<GridSide, { re: number; im: number }>> = {};
  for (const side of GRID_SIDES) robin[side] = { re: -gamma[0] / alpha[0], im: -gamma[1] / alpha[0] };
  const A = assembleQ1Complex(mesh.grid, { diffusion: 1, potential: { re: beta[0] / alpha[0], im: beta[1] / alpha[0] }, robin });
  return { ...A, values: A.values.map((v) => alpha[0] * v) };
}

/** Load ∫ f φ_i by 2×2 Gauss; f returns [re, im]; output interleaved when complex. */
export function q1Load(mesh: Q1Mesh, f: (x: number, y: number) => [number, number], complex: boolean): Float64Array {
  const re = q1LoadGauss(mesh, (x, y) => f(x, y)[0]);
  if (!complex) return re;
  const im = q1LoadGauss(mesh, (x, y) => f(x, y)[1]);
  return interleave(re, im);
}

function q1LoadGauss(mesh: Q1Mesh, f: (x: number, y: number) => number): Float64Array {
  return femLoad(mesh.grid, f, { rule: 'gauss' });
}

function interleave(re: Float64Array, im: Float64Array): Float64Array {
  const out = new Float64Array(2 * re.length);
  for (let k = 0; k < re.length; k++) {
    out[2 * k] = re[k];
    out[2 * k + 1] = im[k];
  }
  return out;
}

const NORMALS: Record<GridSide, [number, number]> = { bottom: [0, -1], right: [1, 0], top: [0, 1], left: [-1, 0] };

/** Boundary load ∫_∂Ω g φ_i (Simpson rule per edge; g returns [re, im]); interleaved. */
export function q1BoundaryLoad(mesh: Q1Mesh, g: (x: number, y: number, nx: number, ny: number) => [number, number]): Float64Array {
  const part = (c: 0 | 1) => femBoundaryLoad(mesh.grid, GRID_SIDES, (x, y, side) => g(x, y, NORMALS[side][0], NORMALS[side][1])[c]);
  return interleave(part(0), part(1));
}

/** Nodal interpolant of u (returns [re, im]); interleaved when complex. */
export function q1Interpolate(mesh: Q1Mesh, u: (x: number, y: number) => [number, number], complex: boolean): Float64Array {
  const re = sampleNodes(mesh.grid, (x, y) => u(x, y)[0]);
  return complex ? interleave(re, sampleNodes(mesh.grid, (x, y) => u(x, y)[1])) : re;
}

/** L² error ‖u_h − u‖ by 3×3 Gauss per element (u_h interleaved when complex). */
export function q1L2Error(mesh: Q1Mesh, uh: Float64Array, u: (x: number, y: number) => [number, number], complex: boolean): number {
  if (!complex) return q1Errors(mesh.grid, uh, (x, y) => u(x, y)[0]).l2;
  const n = mesh.nodes;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    re[k] = uh[2 * k];
    im[k] = uh[2 * k + 1];
  }
  return Math.hypot(q1Errors(mesh.grid, re, (x, y) => u(x, y)[0]).l2, q1Errors(mesh.grid, im, (x, y) => u(x, y)[1]).l2);
}
