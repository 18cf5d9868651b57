import { CovarianceOperator, weightedNorm } from '../../src/linalg/covarianceOperator';
import { createMatrix } from '../../src/linalg/dense';
import { InvalidArgumentError } from '../../src/core/errors';

function dense(n: number, f: (i: number, j: number) => number) {
  const M = createMatrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) M.data[i * n + j] = f(i, j);
  return M;
}

describe('CovarianceOperator', () => {
  const G = dense(3, (i, j) => (i === j ? 2 + i : 0.5 / (1 + i + j)));
  const x = new Float64Array([0.3, -1.2, 2]);

  it('dense: solve, apply, applySqrt and normSquared agree with the dense matrix', () => {
    const op = CovarianceOperator.dense(G);
    const Gx = op.apply(x);
    for (let i = 0; i < 3; i++) {
      let s = 0;
      for (let j = 0; j < 3; j++) s += G.data[i * 3 + j] * x[j];
      expect(Gx[i]).toBeCloseTo(s, 14);
    }
    const back = op.solve(Gx);
    for (let i = 0; i < 3; i++) expect(back[i]).toBeCloseTo(x[i], 13);
    // ‖Gx‖²_Γ = xᵀΓx
    let q = 0;
    for (let i = 0; i < 3; i++) q += x[i] * Gx[i];
    expect(op.normSquared(Gx)).toBeCloseTo(q, 12);
    expect(weightedNorm(Gx, op)).toBeCloseTo(Math.sqrt(q), 12);
    // L Lᵀ = Γ through applySqrt on unit vectors
    const L = createMatrix(3, 3);
    for (let j = 0; j < 3; j++) {
      const e = new Float64Array(3);
      e[j] = 1;
      const c = op.applySqrt(e);
      for (let i = 0; i < 3; i++) L.data[i * 3 + j] = c[i];
    }
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += L.data[i * 3 + k] * L.data[j * 3 + k];
        expect(s).toBeCloseTo(G.data[i * 3 + j], 14);
      }
    }
    expect(op.toDense().data[1]).toBeCloseTo(G.data[1], 15);
    const again = CovarianceOperator.fromCholesky(op.factor!);
    expect(again.normSquared(x)).toBeCloseTo(op.normSquared(x), 13);
  });

  it('diagonal and scalar forms', () => {
    const d = CovarianceOperator.diagonal([1, 4]);
    expect(weightedNorm(new Float64Array([3, 4]), d)).toBeCloseTo(Math.sqrt(13), 15);
    const s = CovarianceOperator.scalar(2, 0.01);
    expect(s.normSquared(new Float64Array([0.1, 0]))).toBeCloseTo(1, 14);
    expect(Array.from(s.applySqrt(new Float64Array([1, 2])))).toEqual([0.1, 0.2]);
  });

  it('rejects non-SPD, asymmetric and non-positive input with named errors', () => {
    expect(() => CovarianceOperator.dense(dense(2, (i, j) => (i === j ? 1 : 2)), 'noise')).toThrow(/noise.*positive definite/);
    expect(() => CovarianceOperator.dense(dense(2, (i, j) => (i < j ? 0.5 : i === j ? 1 : 0)), 'noise')).toThrow(InvalidArgumentError);
    expect(() => CovarianceOperator.diagonal([1, 0], 'Gamma')).toThrow(/Gamma\[1\]/);
    expect(() => CovarianceOperator.scalar(2, -1, 'Gamma')).toThrow(/Gamma/);
  });
});
