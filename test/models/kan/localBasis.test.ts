import { bsplineBasis, uniformExtendedBSplineBasis } from '../../../src/diff/bsplineBasis';
import { localBasisDerivatives } from '../../../src/models/kan/localBasis';
import { Rng } from '../../../src/random/rng';

describe('uniform local basis kernel', () => {
  test.each([0, 1, 2, 3, 5])('equals BSplineBasis.evaluateDerivatives (window and derivatives ≤ 3) for k = %i', (k) => {
    const G = 7;
    const basis = uniformExtendedBSplineBasis(-1.3, 0.9, G, k);
    expect(basis.uniform).toBe(true);
    const p1 = k + 1;
    const a = new Float64Array(4 * p1);
    const b = new Float64Array(4 * p1);
    const work = new Float64Array(p1 * p1);
    const rng = new Rng(k);
    const t = basis.knots;
    // every knot (incl. both grid ends and the outer knots), random points, and points outside
    const xs = [...Array.from(t), ...Array.from({ length: 400 }, () => -3 + 5 * rng.uniform()), t[0] - 1e-13, t[t.length - 1] + 1e-13];
    for (const x of xs) {
      const s1 = basis.evaluateDerivatives(x, 3, a);
      const s2 = localBasisDerivatives(basis, x, 3, b, work);
      expect(s2).toBe(s1);
      const h = (t[t.length - 1] - t[0]) / (t.length - 1);
      for (let d = 0; d <= 3; d++) {
        for (let r = 0; r < p1; r++) expect(Math.abs(b[d * p1 + r] - a[d * p1 + r])).toBeLessThan(1e-12 * Math.pow(h, -d));
      }
    }
  });

  test('falls back to the general algorithm on non-uniform knots', () => {
    const basis = bsplineBasis(Float64Array.from([-2, -1.5, -1, -0.2, 0.1, 1, 1.4, 2, 3]), 2);
    const a = new Float64Array(9);
    const b = new Float64Array(9);
    for (const x of [-1.7, 0, 0.95, 1]) {
      expect(localBasisDerivatives(basis, x, 2, b, new Float64Array(9))).toBe(basis.evaluateDerivatives(x, 2, a));
      expect(Array.from(b)).toEqual(Array.from(a));
    }
  });
});
