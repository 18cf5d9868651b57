/**
 * The one-call entry point for a scalar diffusion (Darcy) solve on the unit square:
 * `−∇·(a∇u) = f` in (0,1)², `u = g` on the boundary, bilinear elements on an n × n grid, `a`
 * piecewise constant per element.
 *
 * @module
 */
import { checkFunction, checkInteger } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import { StructuredGrid2D } from '../grid/structuredGrid2d';
import { sampleCells, sampleNodes } from './coefficients';
import { assembleQ1Real } from './q1Assembly';
import { q1Load } from './q1Load';
import { solveQ1Dirichlet } from './q1Solve';

/** Problem of {@link solveDiffusion}. */
export interface DiffusionProblem {
  /** Elements per side (h = 1/n), an integer ≥ 1. */
  n: number;
  /**
   * Permeability a > 0: a function sampled at element centers, or one value per element
   * (length n², element (i, j) at index j·n + i, x fastest), or a constant.
   */
  diffusion: number | Float64Array | ((x: number, y: number) => number);
  /** Source f: a function (2×2 Gauss load), element-center values (midpoint load), or a constant (default 0). */
  source?: number | Float64Array | ((x: number, y: number) => number);
  /** Dirichlet data g on the whole boundary: a constant (default 0) or a function of (x, y). */
  boundary?: number | ((x: number, y: number) => number);
}

/** Result of {@link solveDiffusion}. */
export interface DiffusionSolution {
  /** The grid (nodes (i, j) at (i/n, j/n), id j·(n+1) + i). */
  grid: StructuredGrid2D;
  /** Nodal values of u, length (n+1)². */
  u: Float64Array;
  /** Relative residual of the free-node system. */
  residual: number;
}

/**
 * Solve `−∇·(a∇u) = f` on (0,1)² with `u = g` on ∂Ω by Q1 finite elements on an n × n grid with a
 * cellwise coefficient — the forward map of Darcy-flow inverse problems and the fine-scale problem of
 * thesis (4.2.1) with V = 0. Sparse LDLᵀ with nested dissection: about 1 s at n = 256, O(n³) flops.
 * Second order in L² and first order in H¹ for smooth a, f, g.
 *
 * @throws InvalidArgumentError for n < 1 or an a that is not finite and positive
 * @example
 * ```ts
 * const a = new Float64Array(64 * 64).fill(1);       // one permeability value per cell
 * const { u, grid } = solveDiffusion({ n: 64, diffusion: a, source: 1 });
 * u[grid.nodeIndex(32, 32)];                           // ≈ 0.0737 (torsion of the unit square)
 * ```
 */
export function solveDiffusion(problem: DiffusionProblem): DiffusionSolution {
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'an object { n, diffusion, source?, boundary? }', problem);
  const n = checkInteger('problem.n', problem.n, 1);
  const grid = new StructuredGrid2D(n, n);
  const d = problem.diffusion;
  const diffusion = typeof d === 'function' ? sampleCells(grid, d) : d;
  const s = problem.source ?? 0;
  let F: Float64Array;
  if (typeof s === 'function') F = q1Load(grid, s, { rule: 'gauss' });
  else if (typeof s === 'number') {
    if (!Number.isFinite(s)) throw new InvalidArgumentError('problem.source', 'a finite number', s);
    F = q1Load(grid, new Float64Array(grid.elementCount).fill(s));
  } else F = q1Load(grid, s);
  const K = assembleQ1Real(grid, { diffusion });
  const dir = grid.classifyNodes({ bottom: 'D', right: 'D', top: 'D', left: 'D' }).dirichlet;
  const b = problem.boundary ?? 0;
  let values: Float64Array;
  if (typeof b === 'number') {
    if (!Number.isFinite(b)) throw new InvalidArgumentError('problem.boundary', 'a finite number or a function', b);
    values = new Float64Array(dir.length).fill(b);
  } else {
    checkFunction('problem.boundary', b);
    const all = sampleNodes(grid, b);
    values = new Float64Array(dir.length);
    for (let k = 0; k < dir.length; k++) values[k] = all[dir[k]];
  }
  const { u, residual } = solveQ1Dirichlet(grid, K, F, dir, { dirichletValues: values });
  return { grid, u, residual };
}
