import { complexCsrFromTriplets, csrWithValues } from '../../../src/linalg/sparse/csr';
import { complexCsrResidual } from '../../../src/linalg/sparse/csrMatVec';
import { sparseLdlAnalyze } from '../../../src/linalg/sparse/ldlSymbolic';
import { ComplexSymmetricLdlFactorization, solveSparseComplexSymmetric } from '../../../src/linalg/sparse/complexSymmetricLdl';
import { cocg } from '../../../src/linalg/sparse/conjugateGradient';
import { complexBicgstab } from '../../../src/linalg/sparse/bicgstab';
import { complexJacobiPreconditioner } from '../../../src/linalg/sparse/preconditioners';
import { NumericalError } from '../../../src/core/errors';
import { absProductNorm, diffNorm, logLogSlope, norm2, readFixture } from './helpers';
import { q1BoundaryLoad, q1ComplexMatrix, q1L2Error, q1Mesh } from './q1Fem';

const EPS = 2.220446049250313e-16;

/**
 * Helmholtz with impedance boundary: −Δu − k²u = 0 in Ω, ∂u/∂n − iku = g on ∂Ω, exact plane wave
 * u = exp(ik d·x), d = (0.6, 0.8), so g = ik(d·n − 1)u. Galerkin matrix K − k²M − ik·B is complex
 * symmetric, not Hermitian.
 */
function helmholtz(m: number, k: number) {
  const d = [0.6, 0.8];
  const exact = (x: number, y: number): [number, number] => {
    const phase = k * (d[0] * x + d[1] * y);
    return [Math.cos(phase), Math.sin(phase)];
  };
  const g = (x: number, y: number, nx: number, ny: number): [number, number] => {
    const c = d[0] * nx + d[1] * ny - 1;
    const [ur, ui] = exact(x, y);
    return [-c * k * ui, c * k * ur]; // i·k·c·u
  };
  const mesh = q1Mesh(m);
  const A = q1ComplexMatrix(mesh, [1, 0], [-k * k, 0], [0, -k]);
  const b = q1BoundaryLoad(mesh, g);
  return { mesh, A, b, exact };
}

describe('complex symmetric sparse LDLᵀ (Helmholtz with impedance boundary)', () => {
  test('the Galerkin matrix is complex symmetric and not Hermitian', () => {
    const { A } = helmholtz(4, 3);
    const entry = (i: number, j: number): [number, number] => {
      for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) if (A.colIndex[p] === j) return [A.values[2 * p], A.values[2 * p + 1]];
      return [0, 0];
    };
    let imagDiagonal = 0;
    for (let i = 0; i < A.rows; i++) {
      for (let j = 0; j < A.rows; j++) expect(entry(i, j)).toEqual(entry(j, i));
      imagDiagonal += Math.abs(entry(i, i)[1]);
    }
    expect(imagDiagonal).toBeGreaterThan(0); // Aᴴ ≠ A
  });

  test('L² error of the plane wave converges at order 2 (k = 4, 8² … 64² elements)', () => {
    const sizes = [8, 16, 32, 64];
    const errors = sizes.map((m) => {
      const { mesh, A, b, exact } = helmholtz(m, 4);
      const u = solveSparseComplexSymmetric(A, b);
      return q1L2Error(mesh, u, exact, true);
    });
    const order = logLogSlope(sizes.map((m) => 1 / m), errors);
    expect(order).toBeGreaterThan(1.9);
    expect(order).toBeLessThan(2.1);
  });

  test('residual at round-off; COCG and complex BiCGSTAB agree with the direct solve', () => {
    const { A, b } = helmholtz(40, 10);
    const symbolic = sparseLdlAnalyze(A);
    const ldl = new ComplexSymmetricLdlFactorization(symbolic, A);
    const x = ldl.solve(b);
    expect(norm2(complexCsrResidual(A, x, b)) / absProductNorm(A, x)).toBeLessThan(100 * EPS);
    const preconditioner = complexJacobiPreconditioner(A);
    for (const solve of [cocg, complexBicgstab]) {
      const result = solve(A, b, { rtol: 1e-12, preconditioner, maxIterations: 5000 });
      expect(result.status).toBe('success');
      expect(result.residualNorm / result.rhsNorm).toBeLessThanOrEqual(1e-12);
      expect(diffNorm(result.x, x) / norm2(x)).toBeLessThan(1e-8);
    }
  });

  test('refactorize with a new wavenumber on the same pattern matches a fresh factorization', () => {
    const { A } = helmholtz(12, 2);
    const { A: A2, b } = helmholtz(12, 5);
    const ldl = new ComplexSymmetricLdlFactorization(sparseLdlAnalyze(A), A);
    ldl.refactorize(csrWithValues(A, 'complex', A2.values));
    expect(ldl.solve(b)).toEqual(solveSparseComplexSymmetric(A2, b));
  });

  test('a zero pivot is reported as singular', () => {
    const A = complexCsrFromTriplets(2, 2, [0, 0, 1], [0, 1, 0], new Float64Array([0, 0, 1, 1, 1, 1]));
    expect(() => new ComplexSymmetricLdlFactorization(sparseLdlAnalyze(A, { ordering: 'natural' }), A)).toThrow(NumericalError);
  });
});

describe('complex solvers against SciPy SuperLU (fixture)', () => {
  type Entry = { n: number; rows: number[]; cols: number[]; values: number[]; b: number[]; x: number[]; cond: number };
  const { complexSym } = readFixture<{ complexSym: Entry }>('random_systems.json');
  const A = complexCsrFromTriplets(complexSym.n, complexSym.n, complexSym.rows, complexSym.cols, Float64Array.from(complexSym.values));
  const b = Float64Array.from(complexSym.b);
  const reference = Float64Array.from(complexSym.x);
  const bound = complexSym.cond * complexSym.n * EPS;

  test('direct complex LDLᵀ: forward error ≤ κ·n·ε', () => {
    const x = solveSparseComplexSymmetric(A, b);
    expect(diffNorm(x, reference) / norm2(reference)).toBeLessThan(bound);
    expect(norm2(complexCsrResidual(A, x, b)) / absProductNorm(A, x)).toBeLessThan(100 * EPS);
  });

  test('COCG and complex BiCGSTAB reach rtol 1e-13 and the reference to κ·rtol', () => {
    for (const solve of [cocg, complexBicgstab]) {
      const result = solve(A, b, { rtol: 1e-13, maxIterations: 2000 });
      expect(result.status).toBe('success');
      expect(diffNorm(result.x, reference) / norm2(reference)).toBeLessThan(complexSym.cond * 1e-13 + bound);
    }
  });
});
