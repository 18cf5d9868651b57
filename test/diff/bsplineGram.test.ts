import { uniformExtendedBSplineBasis } from '../../src/diff/index';
import { gaussLegendre } from '../../src/quad/index';
import { symmetricEigenDecomposition } from '../../src/linalg/index';

/** Exact Gram matrix ∫_{-1}^{1} B_i B_j dx of the cubic basis on the extended uniform grid with G intervals. */
function gram(G: number): { C: Float64Array; m: number } {
  const k = 3;
  const basis = uniformExtendedBSplineBasis(-1, 1, G, k);
  const m = G + k;
  const C = new Float64Array(m * m);
  const rule = gaussLegendre(k + 1); // exact for the degree-2k products on each interval
  const vals = new Float64Array(k + 1);
  const h = 2 / G;
  for (let j = 0; j < G; j++) {
    for (let q = 0; q <= k; q++) {
      const x = -1 + j * h + ((rule.nodes[q] + 1) * h) / 2;
      const w = (rule.weights[q] * h) / 2;
      const s = basis.evaluate(x, vals);
      for (let r = 0; r <= k; r++) for (let c = 0; c <= k; c++) C[(s + r) * m + s + c] += w * vals[r] * vals[c];
    }
  }
  return { C, m };
}

describe('Gram matrix of the cubic B-spline basis (thesis Thm 3.5.1)', () => {
  const grids = [10, 20, 50, 100, 200];
  const matrices = grids.map(gram);

  test('partition of unity: the entries sum to the length of [-1, 1]', () => {
    for (const { C } of matrices) expect(C.reduce((a, b) => a + b, 0)).toBeCloseTo(2, 12);
  });

  test('the condition number is bounded in G: spread below 5% over G = 10…200, converging', () => {
    const conds = matrices.map(({ C, m }) => {
      const { values } = symmetricEigenDecomposition({ rows: m, cols: m, data: C });
      return values[m - 1] / values[0];
    });
    // observed: 1405.2, 1428.2, 1437.1, 1438.5, 1438.8 — increasing towards a limit
    const spread = (Math.max(...conds) - Math.min(...conds)) / Math.min(...conds);
    expect(spread).toBeLessThan(0.05);
    const steps = conds.slice(1).map((c, i) => Math.abs(c - conds[i]));
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeLessThan(steps[i - 1]);
  });
});
