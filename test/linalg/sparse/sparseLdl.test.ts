import { csrFromTriplets, csrWithValues, type CsrMatrix } from '../../../src/linalg/sparse/csr';
import { csrMatVec, csrResidual } from '../../../src/linalg/sparse/csrMatVec';
import { csrApplyDirichlet, csrDiagonal } from '../../../src/linalg/sparse/csrOps';
import { sparseLdlAnalyze } from '../../../src/linalg/sparse/ldlSymbolic';
import { SparseLdlFactorization, solveSparseSymmetric } from '../../../src/linalg/sparse/sparseLdl';
import { conjugateGradient } from '../../../src/linalg/sparse/conjugateGradient';
import { IncompleteCholesky } from '../../../src/linalg/sparse/preconditioners';
import { InvalidArgumentError, NumericalError } from '../../../src/core/errors';
import { absProductNorm, diffNorm, lcg, logLogSlope, norm2, readFixture } from './helpers';
import { q1Interpolate, q1L2Error, q1Load, q1Mesh, q1RealMatrix } from './q1Fem';

const EPS = 2.220446049250313e-16;

/** −Δu = f on the unit square with u = eˣ sin(πy) + xy, f = (π² − 1) eˣ sin(πy), Dirichlet data u|∂Ω. */
const exact = (x: number, y: number): [number, number] => [Math.exp(x) * Math.sin(Math.PI * y) + x * y, 0];
const source = (x: number, y: number): [number, number] => [(Math.PI ** 2 - 1) * Math.exp(x) * Math.sin(Math.PI * y), 0];

function poissonSystem(m: number) {
  const mesh = q1Mesh(m);
  const K = q1RealMatrix(mesh, 1, 0);
  const b = q1Load(mesh, source, false);
  const interp = q1Interpolate(mesh, exact, false);
  const g = Float64Array.from(mesh.boundary, (d) => interp[d]);
  csrApplyDirichlet(K, b, mesh.boundary, g);
  return { mesh, K, b };
}

describe('sparse LDLᵀ on 2D Q1 finite-element Poisson systems', () => {
  test('L² error converges at order 2 under refinement (direct solves on 8² … 64² elements)', () => {
    const sizes = [8, 16, 32, 64];
    const errors = sizes.map((m) => {
      const { mesh, K, b } = poissonSystem(m);
      const u = solveSparseSymmetric(K, b);
      return q1L2Error(mesh, u, exact, false);
    });
    const order = logLogSlope(sizes.map((m) => 1 / m), errors);
    expect(order).toBeGreaterThan(1.95);
    expect(order).toBeLessThan(2.05);
    expect(errors[3]).toBeLessThan(1e-3);
  });

  test('residual at round-off and agreement with PCG to the solver tolerance', () => {
    const { K, b } = poissonSystem(48);
    const symbolic = sparseLdlAnalyze(K);
    const chol = new SparseLdlFactorization(symbolic, K);
    const x = chol.solve(b);
    const r = csrResidual(K, x, b);
    const backward = norm2(r) / absProductNorm(K, x);
    expect(backward).toBeLessThan(50 * EPS);
    const cg = conjugateGradient(K, b, { rtol: 1e-13, preconditioner: new IncompleteCholesky(K) });
    expect(cg.status).toBe('success');
    // ‖x_cg − x‖ ≤ κ·‖r_cg‖/‖b‖·‖x‖ with κ(K) ≈ 0.4 m² here; allow the bound with κ ≤ 10⁴
    expect(diffNorm(cg.x, x) / norm2(x)).toBeLessThan(1e4 * (cg.residualNorm / cg.rhsNorm) + 1e-12);
    expect(diffNorm(cg.x, x) / norm2(x)).toBeLessThan(1e-10);
  });

  test('every ordering (amd, rcm, natural, explicit) gives the same solution to round-off', () => {
    const { K, b } = poissonSystem(20);
    const reference = solveSparseSymmetric(K, b, { ordering: 'natural' });
    const reversed = Int32Array.from({ length: K.rows }, (_, k) => K.rows - 1 - k);
    for (const ordering of ['amd', 'rcm', reversed] as const) {
      const x = solveSparseSymmetric(K, b, { ordering });
      expect(diffNorm(x, reference) / norm2(reference)).toBeLessThan(1e-13);
    }
  });

  test('one symbolic analysis serves several numeric factorizations (refactorize = fresh factorization)', () => {
    const mesh = q1Mesh(24);
    const K = q1RealMatrix(mesh, 1, 0);
    const M = q1RealMatrix(mesh, 0, 1);
    const symbolic = sparseLdlAnalyze(K);
    const rnd = lcg(5);
    const b = new Float64Array(K.rows).map(() => rnd());
    const shifted = csrWithValues(K, 'real', K.values.map((v, p) => v + 10 * M.values[p]));
    const chol = new SparseLdlFactorization(symbolic, shifted);
    const first = chol.solve(b);
    chol.refactorize(csrWithValues(K, 'real', K.values.map((v, p) => v + 3 * M.values[p])));
    const second = chol.solve(b);
    const fresh = new SparseLdlFactorization(sparseLdlAnalyze(K), csrWithValues(K, 'real', K.values.map((v, p) => v + 3 * M.values[p]))).solve(b);
    expect(second).toEqual(fresh);
    expect(diffNorm(first, second)).toBeGreaterThan(1e-3);
    const wrong = q1RealMatrix(q1Mesh(23), 1, 0);
    expect(() => chol.refactorize(wrong)).toThrow(InvalidArgumentError);
  });

  test('strided solve equals the contiguous solve', () => {
    const { K, b } = poissonSystem(10);
    const chol = new SparseLdlFactorization(sparseLdlAnalyze(K), K);
    const x = chol.solve(b);
    const B = new Float64Array(3 * K.rows);
    for (let i = 0; i < K.rows; i++) B[3 * i + 2] = b[i];
    chol.solveStrided(B, 3, 2, B, 3, 2);
    for (let i = 0; i < K.rows; i++) expect(B[3 * i + 2]).toBe(x[i]);
  });
});

describe('sparse LDLᵀ on indefinite and singular matrices', () => {
  const m = 12;
  const h = 1 / m;
  /** Discrete Dirichlet eigenvalues of the Q1 pencil (K, M): μ_i + μ_j, μ_k = (6/h²)(1 − cos kπh)/(2 + cos kπh). */
  const mu = Array.from({ length: m - 1 }, (_, k) => {
    const c = Math.cos((k + 1) * Math.PI * h);
    return (6 / (h * h)) * (1 - c) / (2 + c);
  });

  function shiftedLaplacian(sigma: number): { A: CsrMatrix; boundary: Int32Array } {
    const mesh = q1Mesh(m);
    const A = q1RealMatrix(mesh, 1, -sigma);
    csrApplyDirichlet(A, new Float64Array(A.rows), mesh.boundary);
    return { A, boundary: mesh.boundary };
  }

  test('K − σM with σ above the smallest eigenvalue is reported as not positive definite', () => {
    const sigma = 2.5 * Math.PI ** 2; // between λ₁ ≈ 2π² and λ₂ ≈ 5π²
    const { A } = shiftedLaplacian(sigma);
    expect(() => new SparseLdlFactorization(sparseLdlAnalyze(A), A)).toThrow(NumericalError);
    try {
      new SparseLdlFactorization(sparseLdlAnalyze(A), A);
    } catch (e) {
      expect((e as NumericalError).reason).toBe('notPositiveDefinite');
    }
  });

  test('indefinite mode: inertia (negative pivots) equals the number of eigenvalues below σ (Sylvester)', () => {
    for (const sigma of [2.5 * Math.PI ** 2, 60, 200, 555]) {
      const { A, boundary } = shiftedLaplacian(sigma);
      const ldl = new SparseLdlFactorization(sparseLdlAnalyze(A), A, { positiveDefinite: false });
      let below = 0;
      for (const a of mu) for (const c of mu) if (a + c < sigma) below++;
      const d = csrDiagonal(A);
      let negativeBoundary = 0;
      for (const i of boundary) if (d[i] < 0) negativeBoundary++;
      expect(ldl.negativePivots).toBe(below + negativeBoundary);
      const rnd = lcg(3);
      const b = new Float64Array(A.rows).map(() => rnd());
      const x = ldl.solve(b);
      expect(norm2(csrResidual(A, x, b)) / absProductNorm(A, x)).toBeLessThan(100 * EPS);
    }
  });

  test('a pure-Neumann Laplacian (singular) is reported as singular with a pivot tolerance', () => {
    const K = q1RealMatrix(q1Mesh(10), 1, 0);
    expect(() => new SparseLdlFactorization(sparseLdlAnalyze(K), K, { pivotTolerance: 1e-10 })).toThrow(NumericalError);
    // the same matrix plus a mass term is fine
    const KM = q1RealMatrix(q1Mesh(10), 1, 1e-3);
    expect(() => new SparseLdlFactorization(sparseLdlAnalyze(KM), KM, { pivotTolerance: 1e-10 })).not.toThrow();
  });

  test('zero pivot without pivoting is reported, not turned into NaN', () => {
    const A = csrFromTriplets(2, 2, [0, 0, 1], [0, 1, 0], new Float64Array([0, 1, 1]));
    expect(() => new SparseLdlFactorization(sparseLdlAnalyze(A, { ordering: 'natural' }), A, { positiveDefinite: false })).toThrow(/singular/);
  });

  test('invalid arguments are rejected before work', () => {
    const rect = csrFromTriplets(2, 3, [0], [0], new Float64Array([1]));
    expect(() => sparseLdlAnalyze(rect)).toThrow(InvalidArgumentError);
    const A = csrFromTriplets(2, 2, [0, 1], [0, 1], new Float64Array([1, 1]));
    expect(() => sparseLdlAnalyze(A, { ordering: new Int32Array([0, 0]) })).toThrow(/permutation/);
    expect(() => sparseLdlAnalyze(A, { ordering: 'metis' as never })).toThrow(/ordering/);
    const chol = new SparseLdlFactorization(sparseLdlAnalyze(A), A);
    expect(() => chol.solve(new Float64Array(3))).toThrow(/b must be/);
  });
});

describe('agreement with an independent implementation (SciPy SuperLU fixture)', () => {
  type Entry = { n: number; rows: number[]; cols: number[]; values: number[]; b: number[]; x: number[]; cond: number };
  const fixture = readFixture<{ spd: Entry }>('random_systems.json');

  test('random sparse SPD BᵀB + 0.005 I (κ ≈ 7.8e3): forward error ≤ κ·n·ε, residual at round-off', () => {
    const { n, rows, cols, values, b, x: reference, cond } = fixture.spd;
    const A = csrFromTriplets(n, n, rows, cols, Float64Array.from(values));
    const rhs = Float64Array.from(b);
    const x = solveSparseSymmetric(A, rhs);
    const ref = Float64Array.from(reference);
    expect(diffNorm(x, ref) / norm2(ref)).toBeLessThan(cond * n * EPS);
    expect(norm2(csrResidual(A, x, rhs)) / absProductNorm(A, x)).toBeLessThan(100 * EPS);
    const Ax = csrMatVec(A, x);
    expect(diffNorm(Ax, rhs) / norm2(rhs)).toBeLessThan(1e-13);
  });
});
