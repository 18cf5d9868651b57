import { readFileSync } from 'fs';
import { join } from 'path';
import { InvalidArgumentError } from '../../src/core/errors';
import { bsplineBasis, uniformExtendedBSplineBasis, BSplineBasis } from '../../src/diff/bsplineBasis';
import { lcg } from './convergence';

const ref = JSON.parse(readFileSync(join(__dirname, '../fixtures/diff/reference.json'), 'utf8')).bspline;

/** Dense row of all basis values/derivatives at x from the local evaluation. */
function denseRow(basis: BSplineBasis, x: number, order: number): Float64Array {
  const k = basis.degree;
  const local = new Float64Array((order + 1) * (k + 1));
  const start = basis.evaluateDerivatives(x, order, local);
  const row = new Float64Array(basis.size);
  for (let r = 0; r <= k; r++) row[start + r] = local[order * (k + 1) + r];
  return row;
}

describe('B-spline basis', () => {
  test('values and derivatives agree with scipy.interpolate.BSpline (fixture), incl. the closed right end', () => {
    let worst = 0;
    for (const c of ref) {
      const basis = bsplineBasis(Float64Array.from(c.knots as number[]), c.degree);
      c.derivatives.forEach((mat: number[][], d: number) => {
        c.points.forEach((x: number, q: number) => {
          const row = denseRow(basis, x, d);
          const scale = Math.max(1, ...mat[q].map(Math.abs));
          for (let i = 0; i < basis.size; i++) worst = Math.max(worst, Math.abs(row[i] - mat[q][i]) / scale);
        });
      });
    }
    expect(worst).toBeLessThan(1e-13);
  });

  test('partition of unity on the closed [t_0, t_G] for k = 0..5 (extended uniform grid), zero outside', () => {
    for (let k = 0; k <= 5; k++) {
      const G = 7;
      const basis = uniformExtendedBSplineBasis(-1, 1, G, k);
      expect(basis.size).toBe(G + k);
      expect(basis.knots.length).toBe(G + 2 * k + 1);
      expect(basis.domain).toEqual([-1, 1]);
      const v = new Float64Array(k + 1);
      const pts = [-1, 1, ...Array.from({ length: 301 }, (_, q) => -1 + (2 * q) / 300)];
      let worst = 0;
      let negative = 0;
      for (const x of pts) {
        basis.evaluate(x, v);
        let sum = 0;
        for (let r = 0; r <= k; r++) {
          negative = Math.min(negative, v[r]);
          sum += v[r];
        }
        worst = Math.max(worst, Math.abs(sum - 1));
      }
      expect(worst).toBeLessThan(1e-14);
      expect(negative).toBe(0);
      const last = basis.knots[basis.knots.length - 1];
      const outside = k === 0 ? [-1.0001, 1.0001, 5] : [basis.knots[0] - 1e-9, last, last + 1, -50];
      for (const x of outside) {
        basis.evaluate(x, v);
        expect(Array.from(v)).toEqual(new Array(k + 1).fill(0)); // the last extended knot is excluded (half-open)
      }
    }
  });

  test('uniform cubic local formula (kan spec): b0=(1−t)³/6, b1=(3t³−6t²+4)/6, b2=(−3t³+3t²+3t+1)/6, b3=t³/6', () => {
    const basis = uniformExtendedBSplineBasis(-1, 1, 5, 3);
    const v = new Float64Array(4);
    for (const x of [-0.93, -0.2, 0.05, 0.61, 0.999]) {
      const start = basis.evaluate(x, v);
      const j = start + 3; // interval index in the extended knot vector
      const t = (x - basis.knots[j]) / 0.4;
      const expected = [(1 - t) ** 3 / 6, (3 * t ** 3 - 6 * t * t + 4) / 6, (-3 * t ** 3 + 3 * t * t + 3 * t + 1) / 6, t ** 3 / 6];
      for (let r = 0; r < 4; r++) expect(v[r]).toBeCloseTo(expected[r], 14);
    }
  });

  test('derivatives of orders 1..k match central finite differences of order k−1 values', () => {
    const rnd = lcg(5);
    const knots = new Float64Array([-1, -0.8, -0.5, -0.45, -0.1, 0.2, 0.25, 0.6, 0.9, 1.1, 1.6, 2]);
    for (const k of [2, 3, 4]) {
      const basis = bsplineBasis(knots, k);
      const coef = Float64Array.from({ length: basis.size }, () => rnd());
      const h = 1e-4;
      const xs: number[] = [];
      for (let q = 0; q < 15; q++) {
        let x = basis.domain[0] + ((basis.domain[1] - basis.domain[0]) * (q + 0.37)) / 15;
        if (knots.some((t) => Math.abs(t - x) < 3 * h)) x += 7 * h; // derivatives of order k jump at knots
        xs.push(x);
      }
      for (let d = 1; d <= Math.min(k, 3); d++) {
        const scale = Math.max(...xs.map((x) => Math.abs(basis.splineValue(coef, x, d))));
        let worst = 0;
        for (const x of xs) {
          const fd = (basis.splineValue(coef, x + h, d - 1) - basis.splineValue(coef, x - h, d - 1)) / (2 * h);
          worst = Math.max(worst, Math.abs(fd - basis.splineValue(coef, x, d)));
        }
        // central difference error h²/6·|f^(d+2)| ≈ 1e-8·(scale / knot spacing²) ≲ 1e-5·scale
        expect(worst).toBeLessThan(1e-5 * scale);
      }
      // derivative orders above k vanish
      expect(basis.splineValue(coef, 0.3, k + 1)).toBe(0);
    }
  });

  test('polynomial reproduction (kan spec, Thm 3.2.2): max(0,x)^k on the extended grid of {−R,0,R}; lines on {−R,R}', () => {
    const R = 1.5;
    for (let k = 1; k <= 4; k++) {
      const basis = uniformExtendedBSplineBasis(-R, R, 2, k);
      // coefficients by the de Boor–Fix / interpolation: fit exactly at many points (least squares is exact here)
      const xs = Float64Array.from({ length: 60 }, (_, q) => -R + (2 * R * q) / 59);
      const ys = xs.map((x) => Math.max(0, x) ** k);
      const coef = solveDense(basis, xs, ys);
      for (let q = 0; q <= 40; q++) {
        const x = -R + (2 * R * q) / 40;
        expect(basis.splineValue(coef, x)).toBeCloseTo(Math.max(0, x) ** k, 11);
      }
      const lineBasis = uniformExtendedBSplineBasis(-R, R, 1, k);
      const lc = solveDense(lineBasis, xs, xs.map((x) => 0.3 - 2 * x));
      for (const x of [-R, -0.2, 0.9, R]) expect(lineBasis.splineValue(lc, x)).toBeCloseTo(0.3 - 2 * x, 12);
    }
  });

  test('validation', () => {
    expect(() => bsplineBasis(new Float64Array([0, 1, 0.5, 2]), 1)).toThrow(/nondecreasing/);
    expect(() => bsplineBasis(new Float64Array([0, 1, 2]), 1)).toThrow(/knots.length/);
    expect(() => bsplineBasis(new Float64Array([0, 0, 0, 0, 1]), 1)).toThrow(/t_k < t_nb/);
    expect(() => uniformExtendedBSplineBasis(1, 1, 3, 3)).toThrow(InvalidArgumentError);
    expect(() => uniformExtendedBSplineBasis(0, 1, 0, 3)).toThrow(/intervals/);
    expect(() => uniformExtendedBSplineBasis(0, 1, 3, -1)).toThrow(/degree/);
    expect(() => uniformExtendedBSplineBasis(0, 1, 3, 2).splineValue(new Float64Array(3), 0.5)).toThrow(/coefficients/);
    expect(() => uniformExtendedBSplineBasis(0, 1, 3, 2).evaluateDerivatives(0.5, 2, new Float64Array(8))).toThrow(/out/);
    expect(() => uniformExtendedBSplineBasis(0, 1, 3, 2).evaluateDerivatives(0.5, -1, new Float64Array(9))).toThrow(/maxDerivative/);
  });
});

/** Normal equations solved densely by Gaussian elimination (independent of the library's fitter). */
function solveDense(basis: BSplineBasis, xs: Float64Array, ys: Float64Array): Float64Array {
  const nb = basis.size;
  const A = new Float64Array(nb * nb);
  const b = new Float64Array(nb);
  for (let s = 0; s < xs.length; s++) {
    const row = denseRow(basis, xs[s], 0);
    for (let i = 0; i < nb; i++) {
      b[i] += row[i] * ys[s];
      for (let j = 0; j < nb; j++) A[i * nb + j] += row[i] * row[j];
    }
  }
  for (let c = 0; c < nb; c++) {
    let p = c;
    for (let r = c + 1; r < nb; r++) if (Math.abs(A[r * nb + c]) > Math.abs(A[p * nb + c])) p = r;
    for (let j = 0; j < nb; j++) [A[c * nb + j], A[p * nb + j]] = [A[p * nb + j], A[c * nb + j]];
    [b[c], b[p]] = [b[p], b[c]];
    for (let r = c + 1; r < nb; r++) {
      const f = A[r * nb + c] / A[c * nb + c];
      for (let j = c; j < nb; j++) A[r * nb + j] -= f * A[c * nb + j];
      b[r] -= f * b[c];
    }
  }
  const x = new Float64Array(nb);
  for (let i = nb - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < nb; j++) s -= A[i * nb + j] * x[j];
    x[i] = s / A[i * nb + i];
  }
  return x;
}
