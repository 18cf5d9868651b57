/**
 * A reusable banded solver for many diffusion solves on one grid: −∇·(a∇u) = f on (0, 1)², u = 0
 * on the boundary, Q1 elements on an n×n grid with a cellwise coefficient, assembled straight into
 * band storage (interior nodes numbered x fastest, bandwidth n) and factored by banded Cholesky.
 * This is the forward map of Darcy-flow inverse problems, where every particle of an ensemble needs
 * a fresh factorization: n·(n−1)²·… ≈ n⁴ flops per solve without ordering or allocation (≈ 10⁶ at
 * n = 32), against the general sparse path of `solveDiffusion`.
 *
 * @module
 */
import { checkInteger } from '../core/check';
import { InvalidArgumentError } from '../core/errors';
import { BandedMatrix } from '../linalg/banded';
import { BandedCholeskyFactorization } from '../linalg/bandedCholesky';
import { q1ElementStiffness } from './q1Reference';

/** Local node order of {@link q1ElementStiffness}: (0,0), (1,0), (1,1), (0,1). */
const DI = [0, 1, 1, 0];
const DJ = [0, 0, 1, 1];

/**
 * Q1 solves of −∇·(a∇u) = f, u = 0 on ∂(0,1)², with the storage for one grid reused across solves.
 * Second order in L² (and at points) for smooth data, like `solveDiffusion`, which it matches
 * to solver round-off.
 *
 * @example
 * ```ts
 * const solver = new BandedDiffusionSolver(32);
 * const u = solver.solve(new Float64Array(32 * 32).fill(1), 1); // nodal values, (n+1)², x fastest
 * solver.evaluate(u, 0.5, 0.5);                                  // ≈ 0.0737 (torsion of the square)
 * ```
 */
export class BandedDiffusionSolver {
  /** Elements per side. */
  readonly n: number;
  private readonly A: BandedMatrix;
  private chol: BandedCholeskyFactorization | undefined;
  private readonly Ke: Float64Array;
  private readonly rhs: Float64Array;
  private readonly x: Float64Array;

  /** @param n - elements per side, an integer ≥ 2 */
  constructor(n: number) {
    this.n = checkInteger('n', n, 2);
    const m = (n - 1) * (n - 1);
    this.A = new BandedMatrix(m, n, n);
    this.Ke = q1ElementStiffness(1 / n, 1 / n);
    this.rhs = new Float64Array(m);
    this.x = new Float64Array(m);
  }

  /**
   * Nodal solution u ((n+1)² values, node (i, j) at j·(n+1) + i) for the cellwise coefficient `a`
   * (n², element (i, j) at j·n + i) and the constant source f (midpoint load f·h²/4 per node and element).
   * @throws InvalidArgumentError when a has the wrong length or a non-positive / non-finite entry
   */
  solve(a: Float64Array, f: number, out: Float64Array = new Float64Array((this.n + 1) * (this.n + 1))): Float64Array {
    const n = this.n;
    if (a.length !== n * n) throw new InvalidArgumentError('a', `a Float64Array of n² = ${n * n} cell values`, a.length);
    const A = this.A;
    const w = A.width;
    const data = A.data;
    data.fill(0);
    this.rhs.fill(0);
    const load = (f / (n * n)) / 4;
    const Ke = this.Ke;
    const m = n - 1;
    for (let ej = 0; ej < n; ej++) {
      for (let ei = 0; ei < n; ei++) {
        const ae = a[ej * n + ei];
        if (!(ae > 0 && ae < Infinity)) throw new InvalidArgumentError(`a[${ej * n + ei}]`, 'a finite number > 0', ae);
        for (let p = 0; p < 4; p++) {
          const ip = ei + DI[p] - 1;
          const jp = ej + DJ[p] - 1;
          if (ip < 0 || jp < 0 || ip >= m || jp >= m) continue; // boundary node (u = 0)
          const r = jp * m + ip;
          this.rhs[r] += load;
          for (let q = 0; q < 4; q++) {
            const iq = ei + DI[q] - 1;
            const jq = ej + DJ[q] - 1;
            if (iq < 0 || jq < 0 || iq >= m || jq >= m) continue;
            const c = jq * m + iq;
            data[r * w + (c - r + A.kl)] += ae * Ke[4 * p + q];
          }
        }
      }
    }
    this.chol = this.chol === undefined ? new BandedCholeskyFactorization(A) : this.chol.factor(A);
    this.chol.solve(this.rhs, this.x);
    out.fill(0);
    for (let j = 0; j < m; j++) for (let i = 0; i < m; i++) out[(j + 1) * (n + 1) + i + 1] = this.x[j * m + i];
    return out;
  }

  /** The Q1 function with nodal values u at (x, y) ∈ [0, 1]² (bilinear in its cell). */
  evaluate(u: Float64Array, x: number, y: number): number {
    const n = this.n;
    const X = x * n;
    const Y = y * n;
    const i = Math.min(n - 1, Math.max(0, Math.floor(X)));
    const j = Math.min(n - 1, Math.max(0, Math.floor(Y)));
    const s = X - i;
    const t = Y - j;
    const w = n + 1;
    return (1 - s) * (1 - t) * u[j * w + i] + s * (1 - t) * u[j * w + i + 1] + (1 - s) * t * u[(j + 1) * w + i] + s * t * u[(j + 1) * w + i + 1];
  }
}
