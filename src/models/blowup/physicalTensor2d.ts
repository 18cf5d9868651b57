/**
 * Finite-volume discretization of `a_t = Δa + a²` in two dimensions on the quarter domain
 * [0, Lx] × [0, Ly] of a tensor-product grid, for data even in x and in y (thesis §2.4.2,
 * thesis §2.4): the mass–stiffness system `M a' = −K a + M a²` with sparse direct stage solves.
 *
 * @module
 */
import { InvalidArgumentError } from '../../core/errors';
import type { Vec } from '../../core/types';
import type { Grid1D } from '../../grid/index';
import { csrFromTriplets, csrFindEntry, sparseLdlAnalyze, SparseLdlFactorization, type CsrMatrix, type SparseLdlSymbolic } from '../../linalg/index';
import { checkGridFromOrigin, radialHeatSystem, type PhysicalHeatSystem } from './physicalRadial';

/**
 * Two-dimensional heat system on the tensor product of two grids starting at 0. Field layout is
 * row-major as in `TensorGrid2D`: node (i, j) at (x_i, y_j) is entry `i·ny + j`; entry 0 is the
 * origin.
 *
 * The operator is the tensor product of the 1-D vertex-centered finite-volume operators
 * (n = 1 in `radialHeatSystem`): `M = Mx ⊗ My`, `K = Kx ⊗ My + Mx ⊗ Ky` (zero flux on all four
 * sides: symmetry at x = 0 and y = 0, negligible flux at the far sides). Stage matrices
 * `K + diag(s)` are SPD and factored by the AMD-ordered sparse LDLᵀ, whose symbolic analysis is
 * done once (Jacobi-preconditioned CG was measured slower: the early steps are long and the stage
 * matrices then far from mass-dominated). Cost per factorization ≈ `symbolic.flops`
 * (about 6e5 at 41², 7e6 at 81²).
 *
 * @param gridX - grid along x (axis 0), x[0] = 0
 * @param gridY - grid along y (axis 1), y[0] = 0
 * @example
 * ```ts
 * const g = mappedGrid(sinhMap({ length: 4000, scale: 0.05 }), 61, { symmetry: 'even' });
 * const system = tensorHeatSystem2d(g, g);
 * const a0 = tensorGrid2D(g, g).fill((x, y) => 1 / (1 + (x * x + y * y) / 8 + x ** 4 / 100));
 * const run = solvePhysicalHeat(system, a0, { amplitudeTarget: 1e4 });
 * ```
 */
export function tensorHeatSystem2d(gridX: Grid1D, gridY: Grid1D): PhysicalHeatSystem {
  checkGridFromOrigin('gridX', gridX);
  checkGridFromOrigin('gridY', gridY);
  return new TensorHeatSystem2d(gridX, gridY);
}

class TensorHeatSystem2d implements PhysicalHeatSystem {
  readonly size: number;
  readonly dimension = 2;
  readonly mass: Vec;
  private readonly stiffness: CsrMatrix;
  private readonly stiffnessValues: Float64Array;
  /** Position of each diagonal entry in the CSR value array. */
  private readonly diagonalSlot: Int32Array;
  private readonly symbolic: SparseLdlSymbolic;
  private factorization: SparseLdlFactorization | null = null;

  constructor(gridX: Grid1D, gridY: Grid1D) {
    const nx = gridX.n;
    const ny = gridY.n;
    const size = nx * ny;
    this.size = size;
    const sx = radialHeatSystem(gridX, 1);
    const sy = radialHeatSystem(gridY, 1);
    const mx = sx.mass;
    const my = sy.mass;
    const cx = faceConductances(gridX);
    const cy = faceConductances(gridY);
    this.mass = new Float64Array(size);
    for (let i = 0; i < nx; i++) for (let j = 0; j < ny; j++) this.mass[i * ny + j] = mx[i] * my[j];
    // each face contributes the 2×2 block c·[1 −1; −1 1]
    const faces = (nx - 1) * ny + nx * (ny - 1);
    const rows = new Int32Array(4 * faces + size);
    const cols = new Int32Array(4 * faces + size);
    const vals = new Float64Array(4 * faces + size);
    let t = 0;
    const addFace = (p: number, q: number, c: number): void => {
      rows[t] = p; cols[t] = p; vals[t++] = c;
      rows[t] = q; cols[t] = q; vals[t++] = c;
      rows[t] = p; cols[t] = q; vals[t++] = -c;
      rows[t] = q; cols[t] = p; vals[t++] = -c;
    };
    for (let i = 0; i < nx; i++) {
      for (let j = 0; j < ny; j++) {
        const p = i * ny + j;
        if (i < nx - 1) addFace(p, p + ny, cx[i] * my[j]);
        if (j < ny - 1) addFace(p, p + 1, mx[i] * cy[j]);
      }
    }
    for (let p = 0; p < size; p++) { rows[t] = p; cols[t] = p; vals[t++] = 0; }
    this.stiffness = csrFromTriplets(size, size, rows, cols, vals);
    this.stiffnessValues = Float64Array.from(this.stiffness.values);
    this.diagonalSlot = new Int32Array(size);
    for (let p = 0; p < size; p++) this.diagonalSlot[p] = csrFindEntry(this.stiffness, p, p);
    this.symbolic = sparseLdlAnalyze(this.stiffness);
  }

  applyStiffness(y: Vec, out: Vec): void {
    const { rowPtr, colIndex } = this.stiffness;
    const v = this.stiffnessValues;
    for (let i = 0; i < this.size; i++) {
      let s = 0;
      for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) s += v[p] * y[colIndex[p]];
      out[i] = s;
    }
  }

  factorShifted(shift: Vec): void {
    const values = this.stiffness.values;
    values.set(this.stiffnessValues);
    for (let p = 0; p < this.size; p++) values[this.diagonalSlot[p]] += shift[p];
    if (this.factorization === null) this.factorization = new SparseLdlFactorization(this.symbolic, this.stiffness);
    else this.factorization.refactorize(this.stiffness);
  }

  solve(rhs: Vec, out: Vec): void {
    if (this.factorization === null) throw new InvalidArgumentError('factorShifted', 'called before solve');
    this.factorization.solve(rhs, out);
  }
}

/** `c_i = 1/(x_{i+1} − x_i)`: the 1-D face conductances. */
function faceConductances(grid: Grid1D): Vec {
  const c = new Float64Array(grid.n - 1);
  for (let i = 0; i < grid.n - 1; i++) c[i] = 1 / grid.spacing[i];
  return c;
}
