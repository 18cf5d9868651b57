import { createMatrix, symmetricEigenDecomposition, symmetricEigenvalues } from '../../src/linalg/index';
import { InvalidArgumentError } from '../../src/core/errors';
import { Rng } from '../../src/random/index';

describe('symmetricEigenvalues (Householder + implicit QL, eigenvalues only)', () => {
  test('the (−1, 2, −1) matrix has eigenvalues 2 − 2cos(kπ/(n+1)) to ~nε', () => {
    const n = 120;
    const A = createMatrix(n, n);
    for (let i = 0; i < n; i++) { A.data[i * n + i] = 2; if (i > 0) { A.data[i * n + i - 1] = -1; A.data[(i - 1) * n + i] = -1; } }
    const ev = symmetricEigenvalues(A);
    for (let k = 1; k <= n; k++) expect(Math.abs(ev[k - 1] - (2 - 2 * Math.cos((k * Math.PI) / (n + 1))))).toBeLessThan(50 * Number.EPSILON * 4);
  });

  test('agrees with the tred2/tql2 decomposition on random symmetric matrices; trace and Frobenius norm preserved', () => {
    const rng = new Rng(7);
    for (const n of [1, 2, 5, 60]) {
      const A = createMatrix(n, n);
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) { const v = rng.normal(); A.data[i * n + j] = v; A.data[j * n + i] = v; }
      const ev = symmetricEigenvalues(A);
      const ref = symmetricEigenDecomposition(A).values;
      let tr = 0, fro = 0, s = 0, s2 = 0;
      for (let i = 0; i < n; i++) { tr += A.data[i * n + i]; s += ev[i]; s2 += ev[i] * ev[i]; for (let j = 0; j < n; j++) fro += A.data[i * n + j] ** 2; }
      for (let i = 0; i < n; i++) expect(Math.abs(ev[i] - ref[i])).toBeLessThan(1e-12 * n);
      expect(Math.abs(s - tr)).toBeLessThan(1e-12 * n);
      expect(Math.abs(s2 - fro)).toBeLessThan(1e-11 * fro);
      for (let i = 1; i < n; i++) expect(ev[i]).toBeGreaterThanOrEqual(ev[i - 1]);
    }
  });

  test('rejects a non-square matrix', () => {
    expect(() => symmetricEigenvalues(createMatrix(2, 3))).toThrow(InvalidArgumentError);
  });
});
