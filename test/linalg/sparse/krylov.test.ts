import { csrFromTriplets } from '../../../src/linalg/sparse/csr';
import { csrMatVec, csrResidual } from '../../../src/linalg/sparse/csrMatVec';
import { csrApplyDirichlet } from '../../../src/linalg/sparse/csrOps';
import { conjugateGradient } from '../../../src/linalg/sparse/conjugateGradient';
import { bicgstab } from '../../../src/linalg/sparse/bicgstab';
import { IncompleteCholesky, jacobiPreconditioner } from '../../../src/linalg/sparse/preconditioners';
import { ReorderedBandedLU } from '../../../src/linalg/sparse/reorderedBandedLU';
import { solveSparseSymmetric } from '../../../src/linalg/sparse/sparseLdl';
import type { ProgressInfo } from '../../../src/core/progress';
import { InvalidArgumentError, InvalidTypeError, NumericalError } from '../../../src/core/errors';
import { absProductNorm, diffNorm, lcg, logLogSlope, norm2, readFixture } from './helpers';
import { q1Mesh, q1RealMatrix } from './q1Fem';

const EPS = 2.220446049250313e-16;

function dirichletLaplacian(m: number) {
  const mesh = q1Mesh(m);
  const K = q1RealMatrix(mesh, 1, 0);
  const b = new Float64Array(K.rows).fill(1 / (m * m));
  csrApplyDirichlet(K, b, mesh.boundary);
  return { K, b };
}

describe('conjugate gradients on Q1 Laplacians', () => {
  test('iteration counts grow like h^-1 (κ ~ h^-2) for CG, Jacobi-PCG and IC(0)-PCG; IC(0) needs the fewest', () => {
    const sizes = [16, 32, 64, 128];
    const counts: Record<'none' | 'jacobi' | 'ic0', number[]> = { none: [], jacobi: [], ic0: [] };
    for (const m of sizes) {
      const { K, b } = dirichletLaplacian(m);
      for (const kind of ['none', 'jacobi', 'ic0'] as const) {
        const preconditioner = kind === 'none' ? undefined : kind === 'jacobi' ? jacobiPreconditioner(K) : new IncompleteCholesky(K);
        const result = conjugateGradient(K, b, { rtol: 1e-8, preconditioner });
        expect(result.status).toBe('success');
        expect(result.residualNorm).toBeLessThanOrEqual(1e-8 * result.rhsNorm);
        counts[kind].push(result.iterations);
      }
    }
    for (const kind of ['none', 'jacobi', 'ic0'] as const) {
      const slope = logLogSlope(sizes, counts[kind]);
      expect(slope).toBeGreaterThan(0.8);
      expect(slope).toBeLessThan(1.2);
    }
    for (let k = 0; k < sizes.length; k++) expect(counts.ic0[k]).toBeLessThan(0.7 * counts.jacobi[k]);
  });

  test('CG agrees with the sparse direct solve; true residual meets the tolerance', () => {
    const { K, b } = dirichletLaplacian(40);
    const direct = solveSparseSymmetric(K, b);
    const result = conjugateGradient(K, b, { rtol: 1e-12, preconditioner: new IncompleteCholesky(K) });
    expect(result.status).toBe('success');
    expect(norm2(csrResidual(K, result.x, b))).toBe(result.residualNorm);
    expect(result.residualNorm / result.rhsNorm).toBeLessThanOrEqual(1e-12);
    // forward error ≤ κ(K)·relative residual, κ(K) ≈ 0.4·m² ≈ 700 for m = 40
    expect(diffNorm(result.x, direct) / norm2(direct)).toBeLessThan(1e3 * 1e-12);
  });

  test('a matrix-free LinearOperator gives the same iterates as the CSR matrix', () => {
    const { K, b } = dirichletLaplacian(12);
    const op = { n: K.rows, apply: (x: Float64Array, out: Float64Array) => void csrMatVec(K, x, out) };
    const a = conjugateGradient(K, b, { rtol: 1e-10 });
    const c = conjugateGradient(op, b, { rtol: 1e-10 });
    expect(c.iterations).toBe(a.iterations);
    expect(c.x).toEqual(a.x);
  });

  test('x0 = exact solution needs no iteration; b = 0 gives x = 0', () => {
    const { K, b } = dirichletLaplacian(10);
    const x = solveSparseSymmetric(K, b);
    const warm = conjugateGradient(K, b, { x0: x, rtol: 1e-12 });
    expect(warm.status).toBe('success');
    expect(warm.iterations).toBe(0);
    const zero = conjugateGradient(K, new Float64Array(K.rows));
    expect(zero.status).toBe('success');
    expect(norm2(zero.x)).toBe(0);
  });
});

describe('statuses instead of exceptions or NaNs', () => {
  const { K, b } = dirichletLaplacian(20);

  test('maxIterations → maxSteps with the true residual of the returned iterate', () => {
    const result = conjugateGradient(K, b, { maxIterations: 3 });
    expect(result.status).toBe('maxSteps');
    expect(result.iterations).toBe(3);
    expect(result.residualNorm).toBeCloseTo(norm2(csrResidual(K, result.x, b)), 15);
  });

  test('an indefinite matrix stops CG with status diverged and a breakdown reason', () => {
    const A = csrFromTriplets(3, 3, [0, 1, 2], [0, 1, 2], new Float64Array([1, -1, 2]));
    const result = conjugateGradient(A, new Float64Array([1, 1, 1]));
    expect(result.status).toBe('diverged');
    expect(result.breakdown).toMatch(/indefinite/);
    for (const v of result.x) expect(Number.isFinite(v)).toBe(true);
  });

  test('a NaN in the matrix gives nonFinite and a finite iterate', () => {
    const A = csrFromTriplets(3, 3, [0, 1, 2, 0], [0, 1, 2, 2], new Float64Array([2, 2, 2, NaN]));
    for (const solve of [conjugateGradient, bicgstab]) {
      const result = solve(A, new Float64Array([1, 1, 1]));
      expect(result.status).toBe('nonFinite');
      for (const v of result.x) expect(Number.isFinite(v)).toBe(true);
    }
  });

  test('an aborted signal returns aborted; onProgress receives the residual', () => {
    const controller = new AbortController();
    const reports: ProgressInfo[] = [];
    const result = conjugateGradient(K, b, {
      progressEvery: 5,
      onProgress: (info) => {
        reports.push(info);
        if (info.step >= 10) controller.abort();
      },
      signal: controller.signal,
    });
    expect(result.status).toBe('aborted');
    expect(reports.length).toBeGreaterThan(1);
    expect(reports[1].residualNorm).toBeGreaterThan(0);
    expect(result.iterations).toBeLessThan(20);
  });

  test('a tolerance below attainable accuracy ends as diverged (stagnation), not an endless loop', () => {
    const result = conjugateGradient(K, b, { rtol: 1e-20 });
    expect(result.status).toBe('diverged');
    expect(result.breakdown).toMatch(/stagnation/);
    expect(result.residualNorm / result.rhsNorm).toBeLessThan(1e-14);
  });

  test('invalid options are rejected before any work', () => {
    expect(() => conjugateGradient(K, new Float64Array(3))).toThrow(InvalidTypeError);
    expect(() => conjugateGradient(K, b, { rtol: -1 })).toThrow(InvalidArgumentError);
    expect(() => conjugateGradient(K, b, { maxIterations: 1.5 })).toThrow(/maxIterations/);
    expect(() => conjugateGradient(K, b, { x0: new Float64Array(2) })).toThrow(/x0/);
    expect(() => bicgstab(K, b, { preconditioner: {} as never })).toThrow(/preconditioner/);
  });

  test('IC(0) reports a non-positive pivot and a diagonal shift cures it', () => {
    // Kershaw's SPD matrix (eigenvalues 3 ± 2√2 > 0): the IC(0) pivot 3 is 3 − 8 = −5
    const A = csrFromTriplets(4, 4, [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3], [0, 1, 3, 0, 1, 2, 1, 2, 3, 0, 2, 3],
      new Float64Array([3, -2, 2, -2, 3, -2, -2, 3, -2, 2, -2, 3]));
    expect(solveSparseSymmetric(A, new Float64Array([1, 0, 0, 0]))[0]).toBeGreaterThan(0); // exact Cholesky succeeds
    expect(() => new IncompleteCholesky(A)).toThrow(NumericalError);
    expect(() => new IncompleteCholesky(A, { diagonalShift: 1 })).not.toThrow();
  });
});

describe('non-symmetric real systems', () => {
  type Entry = { n: number; rows: number[]; cols: number[]; values: number[]; b: number[]; x: number[]; cond: number };
  const { general, spd } = readFixture<{ general: Entry; spd: Entry }>('random_systems.json');

  test('BiCGSTAB (plain and Jacobi) and RCM-banded LU match SciPy SuperLU on a random sparse matrix', () => {
    const A = csrFromTriplets(general.n, general.n, general.rows, general.cols, Float64Array.from(general.values));
    const b = Float64Array.from(general.b);
    const reference = Float64Array.from(general.x);
    for (const preconditioner of [undefined, jacobiPreconditioner(A)]) {
      const result = bicgstab(A, b, { rtol: 1e-13, preconditioner });
      expect(result.status).toBe('success');
      expect(diffNorm(result.x, reference) / norm2(reference)).toBeLessThan(general.cond * 1e-13 + general.cond * general.n * EPS);
    }
    const lu = new ReorderedBandedLU(A);
    const x = lu.solve(b);
    expect(diffNorm(x, reference) / norm2(reference)).toBeLessThan(general.cond * general.n * EPS);
    expect(norm2(csrResidual(A, x, b)) / absProductNorm(A, x)).toBeLessThan(100 * EPS);
  });

  test('convection–diffusion (upwind, Péclet 10): BiCGSTAB and banded LU agree, residuals at tolerance/round-off', () => {
    // −Δu + c·∇u on an m×m interior grid, 5-point Laplacian and first-order upwind convection
    const m = 30;
    const h = 1 / (m + 1);
    const c = [10, 5];
    const I: number[] = [];
    const J: number[] = [];
    const V: number[] = [];
    const id = (i: number, j: number) => i + j * m;
    for (let j = 0; j < m; j++) for (let i = 0; i < m; i++) {
      const add = (ii: number, jj: number, v: number) => {
        if (ii < 0 || jj < 0 || ii >= m || jj >= m) return;
        I.push(id(i, j));
        J.push(id(ii, jj));
        V.push(v);
      };
      add(i, j, 4 / (h * h) + (c[0] + c[1]) / h);
      add(i - 1, j, -1 / (h * h) - c[0] / h);
      add(i + 1, j, -1 / (h * h));
      add(i, j - 1, -1 / (h * h) - c[1] / h);
      add(i, j + 1, -1 / (h * h));
    }
    const A = csrFromTriplets(m * m, m * m, I, J, Float64Array.from(V));
    const rnd = lcg(17);
    const b = new Float64Array(m * m).map(() => rnd());
    const lu = new ReorderedBandedLU(A);
    expect(lu.lowerBandwidth).toBeLessThanOrEqual(m);
    const direct = lu.solve(b);
    expect(norm2(csrResidual(A, direct, b)) / absProductNorm(A, direct)).toBeLessThan(100 * EPS);
    const result = bicgstab(A, b, { rtol: 1e-12, preconditioner: jacobiPreconditioner(A) });
    expect(result.status).toBe('success');
    expect(diffNorm(result.x, direct) / norm2(direct)).toBeLessThan(1e-9);
  });

  test('BiCGSTAB on an SPD fixture agrees with CG', () => {
    const A = csrFromTriplets(spd.n, spd.n, spd.rows, spd.cols, Float64Array.from(spd.values));
    const b = Float64Array.from(spd.b);
    const cg = conjugateGradient(A, b, { rtol: 1e-12, preconditioner: jacobiPreconditioner(A) });
    const bi = bicgstab(A, b, { rtol: 1e-12, preconditioner: jacobiPreconditioner(A) });
    expect(cg.status).toBe('success');
    expect(bi.status).toBe('success');
    expect(diffNorm(cg.x, bi.x) / norm2(cg.x)).toBeLessThan(2 * spd.cond * 1e-12);
  });
});
