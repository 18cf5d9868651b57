/**
 * Finite-volume discretization of the physical equation `a_t = Δa + a²` (thesis (1.2.1), thesis §1.1.1,
 * thesis §1.3.2, eq. (2.1.1)) for radially symmetric data in dimension n ≥ 1 (n = 1: even data on the half line),
 * written as the mass–stiffness system `M a' = −K a + M a²` that the linearly implicit stepper of
 * `physicalRosenbrock.ts` advances.
 *
 * @module
 */
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { checkInteger } from '../../core/check';
import type { Vec } from '../../core/types';
import { Grid1D } from '../../grid/index';
import { TridiagonalFactorization } from '../../linalg/index';

/**
 * A symmetric semi-discretization `M y' = −K y + M y²` of `a_t = Δa + a²` with a diagonal
 * (lumped) mass matrix M and a symmetric positive semidefinite stiffness K. Node 0 is the origin,
 * where the blowup happens.
 */
export interface PhysicalHeatSystem {
  /** Number of unknowns. */
  readonly size: number;
  /** Spatial dimension of the equation (1, 2, …). */
  readonly dimension: number;
  /** The diagonal of M (cell volumes, without the constant solid-angle factor). */
  readonly mass: Vec;
  /** Write `out = K y`. O(size), no allocation. */
  applyStiffness(y: Vec, out: Vec): void;
  /**
   * Factor `K + diag(shift)` (the Rosenbrock stage matrix `M/(hγ) − J`), replacing the previous
   * factorization. `shift` must be positive, which makes the matrix symmetric positive definite.
   */
  factorShifted(shift: Vec): void;
  /** Solve `(K + diag(shift)) x = rhs` with the last factorization; `out` may alias `rhs`. */
  solve(rhs: Vec, out: Vec): void;
}

/**
 * Validate that a grid can carry a symmetric problem: a {@link Grid1D} that starts at 0.
 * @throws InvalidTypeError when `grid` is not a Grid1D
 * @throws InvalidArgumentError when `grid.x[0] !== 0`
 */
export function checkGridFromOrigin(name: string, grid: unknown): Grid1D {
  if (!(grid instanceof Grid1D)) throw new InvalidTypeError(name, 'a Grid1D', grid);
  if (grid.x[0] !== 0) throw new InvalidArgumentError(`${name}.x[0]`, 'exactly 0 (the grid must start at the symmetry center)', grid.x[0]);
  if (grid.n < 3) throw new InvalidArgumentError(`${name}.n`, 'at least 3 nodes', grid.n);
  return grid;
}

/**
 * Radial finite-volume heat system on a 1-D grid [0, L] starting at 0 (vertex-centered cells
 * `[r_{i−1/2}, r_{i+1/2}]` with faces at the midpoints, r_{−1/2} = 0 and r_{N−1/2+1} = L).
 *
 * - cell volumes `M_i = (r_{i+1/2}^n − r_{i−1/2}^n)/n` (the measure `r^{n−1}dr`);
 * - fluxes `r_{i+1/2}^{n−1}(a_{i+1} − a_i)/h_i`, zero flux at 0 (symmetry) and at L (the data
 *   decay like `|x|^{−2}` or faster, so the far boundary carries no measurable flux).
 *
 * K is symmetric, so the stage matrices are SPD and tridiagonal. Second-order accurate on smoothly
 * mapped grids (supraconvergence of vertex-centered schemes; observed in the tests).
 * Complexity: O(N) to apply, factor and solve.
 *
 * @param grid - grid on [0, L] with x[0] = 0 (e.g. `mappedGrid(sinhMap({ length: 1e5, scale: 0.01 }), 401)`)
 * @param dimension - spatial dimension n ≥ 1 (radial Laplacian `a_rr + (n−1)a_r/r`)
 * @example
 * ```ts
 * const grid = mappedGrid(sinhMap({ length: 1e5, scale: 0.01 }), 401, { symmetry: 'even' });
 * const system = radialHeatSystem(grid, 1);
 * const run = solvePhysicalHeat(system, grid.x.map((x) => 1 / (1 + x * x / 8 + x ** 4 / 10)));
 * run.blowupTime;
 * ```
 */
export function radialHeatSystem(grid: Grid1D, dimension = 1): PhysicalHeatSystem {
  checkGridFromOrigin('grid', grid);
  checkInteger('dimension', dimension, 1, 64);
  return new RadialHeatSystem(grid, dimension);
}

class RadialHeatSystem implements PhysicalHeatSystem {
  readonly size: number;
  readonly dimension: number;
  readonly mass: Vec;
  /** Face conductances `c_i = r_{i+1/2}^{n−1}/h_i`, i = 0..N−2. */
  private readonly conductance: Vec;
  private readonly lower: Vec;
  private readonly diag: Vec;
  private readonly upper: Vec;
  private factorization: TridiagonalFactorization | null = null;

  constructor(grid: Grid1D, dimension: number) {
    const n = grid.n;
    const x = grid.x;
    this.size = n;
    this.dimension = dimension;
    this.mass = new Float64Array(n);
    this.conductance = new Float64Array(n - 1);
    let previousFace = 0;
    for (let i = 0; i < n; i++) {
      const face = i < n - 1 ? 0.5 * (x[i] + x[i + 1]) : x[n - 1];
      this.mass[i] = (face ** dimension - previousFace ** dimension) / dimension;
      if (i < n - 1) this.conductance[i] = face ** (dimension - 1) / (x[i + 1] - x[i]);
      previousFace = face;
    }
    this.lower = new Float64Array(n);
    this.diag = new Float64Array(n);
    this.upper = new Float64Array(n);
  }

  applyStiffness(y: Vec, out: Vec): void {
    const n = this.size;
    const c = this.conductance;
    let fluxLeft = 0;
    for (let i = 0; i < n - 1; i++) {
      const flux = c[i] * (y[i + 1] - y[i]);
      out[i] = fluxLeft - flux;
      fluxLeft = flux;
    }
    out[n - 1] = fluxLeft;
  }

  factorShifted(shift: Vec): void {
    const n = this.size;
    const c = this.conductance;
    for (let i = 0; i < n; i++) {
      const left = i > 0 ? c[i - 1] : 0;
      const right = i < n - 1 ? c[i] : 0;
      this.lower[i] = -left;
      this.upper[i] = -right;
      this.diag[i] = left + right + shift[i];
    }
    this.factorization = this.factorization === null ? new TridiagonalFactorization(this.lower, this.diag, this.upper) : this.factorization.factor(this.lower, this.diag, this.upper);
  }

  solve(rhs: Vec, out: Vec): void {
    if (this.factorization === null) throw new InvalidArgumentError('factorShifted', 'called before solve');
    this.factorization.solve(rhs, out);
  }
}
