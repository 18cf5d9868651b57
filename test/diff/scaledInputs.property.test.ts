/**
 * Property: the spline, finite-difference and quadrature primitives give the same answer (in real
 * units) when the abscissae are scaled by 10^±110…10^±300, or reject the input with a named error —
 * never a plausible wrong number. A derivative of order k at scale s equals s^−k times the one at
 * scale 1; it is compared wherever that value is a normal double.
 *
 * Tolerance: scaling by a non-power of ten rounds every node once (relative ε), which moves these
 * well-conditioned results by ~1e−14 relative (observed); 1e−11 leaves room for that and is still
 * six or more orders of magnitude below the failures these tests guard against (relative errors of
 * 1e−4 to 1 from h², h³ products that overflowed or underflowed).
 */
import { InvalidArgumentError } from '../../src/core/errors';
import { Rng } from '../../src/random/rng';
import { cubicSplineOperator } from '../../src/diff/cubicSplineOperator';
import { fornbergWeights } from '../../src/diff/fornberg';
import { finiteDifferenceOperator } from '../../src/diff/finiteDifferenceOperator';
import { parityFitDerivativesAtZero } from '../../src/diff/parityFit';
import { bsplineBasis, uniformExtendedBSplineBasis } from '../../src/diff/bsplineBasis';
import { simpsonWeights } from '../../src/quad/simpson';
import { trapezoidWeights } from '../../src/quad/trapezoid';
import { gaussLegendre } from '../../src/quad/gaussLegendre';
import { WeightedMeasure } from '../../src/quad/weightedMeasure';
import { weightedHkNorm } from '../../src/quad/norms';
import { spaceTimeH1Norm, spaceTimeLpNorm } from '../../src/quad/spaceTime';
import { dirichletGreenSolve } from '../../src/quad/dirichletGreen';
import { powerWeight, powerWeightMoment } from '../../src/quad/powerWeight';

type End = 'natural' | 'notAKnot' | { type: 'clamped'; slope: number } | { type: 'secondDerivative'; value: number };

const SCALES = [1e-300, 1e-150, 1e-120, 1e110, 1e150, 1e200, 1e300];
const TOL = 1e-11;

/** Expected value at scale s of a quantity of scaling degree k (value at scale 1 times s^k), or null when not a normal double. */
function scaled(value: number, s: number, k: number): number | null {
  const log10 = Math.log10(Math.abs(value)) + k * Math.log10(s);
  if (value === 0 || !(log10 > -300 && log10 < 300)) return null;
  let v = value;
  for (let i = 0; i < Math.abs(k); i++) v = k > 0 ? v * s : v / s;
  return v;
}

/**
 * |got − expected| ≤ TOL·max(|expected|, typical·s^k): `typical` is the size of the compared family
 * (e.g. the largest |S″| over the nodes), so values that are round-off of zero (S″ at a natural end)
 * are compared on that scale.
 */
function expectClose(got: number, reference: number, s: number, k: number, what: string, typical = 0): void {
  const expected = scaled(reference, s, k);
  if (expected === null) return;
  const floor = typical === 0 ? 0 : Math.abs(scaled(typical, s, k) ?? 0);
  const rel = Math.abs(got - expected) / Math.max(Math.abs(expected), floor);
  if (!(rel <= TOL)) throw new Error(`${what} at scale ${s}: got ${got}, expected ${expected} (relative error ${rel})`);
}

function randomNodes(rng: Rng, n: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 1; i < n; i++) x[i] = x[i - 1] + 0.5 + rng.uniform();
  return x;
}

describe('primitives at extreme node spacing (scaled abscissae)', () => {
  const rng = new Rng(20261207);
  const cases = Array.from({ length: 6 }, () => {
    const x = randomNodes(rng, 14);
    const phase = rng.uniform();
    const y = Float64Array.from(x, (v) => 1 + Math.sin(v / 3 + phase) + 0.01 * v * v);
    return { x, y };
  });

  test('cubic spline operator: nodal S′, S″, S‴ and the fitted spline anywhere', () => {
    for (const { x, y } of cases) {
      const endCases: { left: End; right: End }[] = [
        { left: 'notAKnot', right: 'natural' },
        { left: 'natural', right: { type: 'clamped', slope: 0.3 } },
        { left: { type: 'secondDerivative', value: -0.2 }, right: 'notAKnot' },
      ];
      for (const ends of endCases) {
        const n = x.length;
        const ref = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
        cubicSplineOperator(x, ends).derivatives(y, ref[0], ref[1], ref[2]);
        const spline1 = cubicSplineOperator(x, ends).fit(y);
        const at = [0.37 * x[n - 1], 0.81 * x[n - 1]];
        for (const s of SCALES) {
          // prescribed end slopes and second derivatives are in real units: scale them too
          const scaleEnd = (c: End): End =>
            typeof c === 'string' ? c : c.type === 'clamped' ? { type: 'clamped', slope: c.slope / s } : { type: 'secondDerivative', value: c.value / (s * s) };
          const left = scaleEnd(ends.left), right = scaleEnd(ends.right);
          const endValue = (c: End) => (typeof c === 'string' ? 0 : c.type === 'clamped' ? c.slope : c.value);
          const representable = (c: End, original: End) => {
            const v = endValue(c);
            return Number.isFinite(v) && (endValue(original) === 0 || Math.abs(v) >= 2.2250738585072014e-308);
          };
          if (!representable(left, ends.left) || !representable(right, ends.right)) continue; // the prescribed value itself is not a normal double
          const xs = Float64Array.from(x, (v) => v * s);
          const op = cubicSplineOperator(xs, { left, right });
          const d = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
          op.derivatives(y, d[0], d[1], d[2]);
          for (let k = 0; k < 3; k++) {
            const typical = Math.max(...ref[k].map(Math.abs));
            for (let i = 0; i < n; i++) expectClose(d[k][i], ref[k][i], s, -(k + 1), `S^(${k + 1})(x_${i})`, typical);
          }
          const spline = op.fit(y);
          for (const a of at) {
            for (let order = 0; order <= 3; order++) expectClose(spline.derivative(a * s, order), spline1.derivative(a, order), s, -order, `spline derivative ${order} at ${a}`, Math.max(...ref[Math.max(0, order - 1)].map(Math.abs)));
          }
        }
      }
    }
  });

  test('Fornberg weights, banded finite differences and even/odd Taylor fits', () => {
    for (const { x, y } of cases) {
      const w1 = fornbergWeights(x[6], x.subarray(3, 10), 4);
      const D2 = finiteDifferenceOperator(x, 2, 5).apply(y);
      const z = Float64Array.from(x, (v) => v / x[13]);
      const even = parityFitDerivativesAtZero(z, Float64Array.from(z, (v) => Math.cos(v)), 'even', 4);
      const odd = parityFitDerivativesAtZero(z, Float64Array.from(z, (v) => Math.sin(v)), 'odd', 4);
      for (const s of SCALES) {
        const xs = Float64Array.from(x, (v) => v * s);
        const w = fornbergWeights(xs[6], xs.subarray(3, 10), 4);
        for (let k = 0; k <= 4; k++) for (let j = 0; j < 7; j++) expectClose(w[k * 7 + j], w1[k * 7 + j], s, -k, `Fornberg weight (${k}, ${j})`);
        const d2 = finiteDifferenceOperator(xs, 2, 5).apply(y);
        for (let i = 0; i < x.length; i++) expectClose(d2[i], D2[i], s, -2, `D2 row ${i}`);
        const zs = Float64Array.from(z, (v) => v * s);
        const e = parityFitDerivativesAtZero(zs, Float64Array.from(z, (v) => Math.cos(v)), 'even', 4);
        const o = parityFitDerivativesAtZero(zs, Float64Array.from(z, (v) => Math.sin(v)), 'odd', 4);
        for (let j = 0; j < 4; j++) {
          expectClose(e[j], even[j], s, -2 * j, `even Taylor ${2 * j}`);
          expectClose(o[j], odd[j], s, -(2 * j + 1), `odd Taylor ${2 * j + 1}`);
        }
      }
    }
  });

  test('B-spline values and derivatives on scaled knots', () => {
    const basis1 = uniformExtendedBSplineBasis(-1, 1, 10, 3);
    const c = Float64Array.from({ length: 13 }, (_, i) => Math.sin(i));
    for (const s of [...SCALES, 1e307]) {
      const basis = uniformExtendedBSplineBasis(-s, s, 10, 3);
      for (const a of [-0.93, -0.2, 0.3, 0.77]) {
        for (let order = 0; order <= 3; order++) expectClose(basis.splineValue(c, a * s, order), basis1.splineValue(c, a, order), s, -order, `B-spline derivative ${order}`);
      }
    }
  });

  test('trapezoid, Simpson (even and odd interval counts) and Gauss–Legendre weights', () => {
    for (const { x } of cases) {
      for (const m of [13, 14]) {
        const xm = x.subarray(0, m);
        const t1 = trapezoidWeights(xm);
        const s1 = simpsonWeights(xm);
        for (const s of SCALES) {
          const xs = Float64Array.from(xm, (v) => v * s);
          const t = trapezoidWeights(xs);
          const w = simpsonWeights(xs);
          for (let i = 0; i < m; i++) {
            expectClose(t[i], t1[i], s, 1, `trapezoid weight ${i}`);
            expectClose(w[i], s1[i], s, 1, `Simpson weight ${i}`);
          }
        }
      }
    }
    const g1 = gaussLegendre(7, -1, 2);
    for (const s of SCALES) {
      const g = gaussLegendre(7, -s, 2 * s);
      for (let i = 0; i < 7; i++) {
        expectClose(g.nodes[i], g1.nodes[i], s, 1, `Gauss node ${i}`);
        expectClose(g.weights[i], g1.weights[i], s, 1, `Gauss weight ${i}`);
      }
    }
  });

  test('weighted Lp, H^k and space-time norms of fields scaled by 1e±160…1e±300 (squares would under/overflow)', () => {
    const { x } = cases[0];
    const n = x.length;
    const mu = new WeightedMeasure(x, simpsonWeights(x), { radialDimension: 2 });
    const u = Float64Array.from(x, (v) => Math.sin(v / 2) + 0.3);
    const ux = Float64Array.from(x, (v) => Math.cos(v / 2) / 2);
    const times = new Float64Array([0, 0.5, 1.5]);
    const snaps = [u, Float64Array.from(u, (v) => 2 * v), Float64Array.from(u, (v) => -v)];
    const snapsX = [ux, Float64Array.from(ux, (v) => 2 * v), Float64Array.from(ux, (v) => -v)];
    const ref = {
      l1: mu.lpNorm(u, 1), l2: mu.lpNorm(u, 2), l3: mu.lpNorm(u, 3), hk: weightedHkNorm([u, ux], mu),
      st2: spaceTimeLpNorm(snaps, times, mu, 2), st3: spaceTimeLpNorm(snaps, times, mu, 2, 3), h1: spaceTimeH1Norm(snaps, [snapsX], times, mu),
    };
    for (const s of [1e-300, 1e-200, 1e-160, 1e160, 1e200, 1e300]) {
      const sc = (v: Float64Array) => Float64Array.from(v, (z) => z * s);
      const us = sc(u), uxs = sc(ux);
      expectClose(mu.lpNorm(us, 1), ref.l1, s, 1, 'L1 norm');
      expectClose(mu.lpNorm(us, 2), ref.l2, s, 1, 'L2 norm');
      expectClose(mu.lpNorm(us, 3), ref.l3, s, 1, 'L3 norm');
      expectClose(weightedHkNorm([us, uxs], mu), ref.hk, s, 1, 'H1 norm');
      expectClose(spaceTimeLpNorm(snaps.map(sc), times, mu, 2), ref.st2, s, 1, 'space-time L2');
      expectClose(spaceTimeLpNorm(snaps.map(sc), times, mu, 2, 3), ref.st3, s, 1, 'space-time L3(L2)');
      expectClose(spaceTimeH1Norm(snaps.map(sc), [snapsX.map(sc)], times, mu), ref.h1, s, 1, 'space-time H1');
    }
    expect(mu.lpNorm(new Float64Array(n), 2)).toBe(0);
    // a measure whose combined weights w·|x|^(d−1) are not doubles is refused by name (Infinity and NaN integrals before)
    const far = Float64Array.from(x, (v) => v * 1e160);
    expect(() => new WeightedMeasure(far, trapezoidWeights(far), { radialDimension: 3 })).toThrow(/weights at nodes\[1\].*finite combined weight/);
    const near = Float64Array.from(x, (v) => v * 1e100);
    const mu3 = new WeightedMeasure(near, trapezoidWeights(near), { radialDimension: 3 });
    expectClose(mu3.integrate(u), new WeightedMeasure(x, trapezoidWeights(x), { radialDimension: 3 }).integrate(u), 1e100, 3, '3-D radial integral');
    expect(weightedHkNorm([new Float64Array(n)], mu)).toBe(0);
  });

  test('Dirichlet Green solve −ψ″ = f on scaled nodes: ψ scales by s², ψ′ by s (triple products under/overflowed)', () => {
    for (const { x, y } of cases) {
      const n = x.length;
      const psi1 = new Float64Array(n), dpsi1 = new Float64Array(n);
      dirichletGreenSolve(x, y, psi1, dpsi1);
      const top = Math.max(...psi1.map(Math.abs)), topD = Math.max(...dpsi1.map(Math.abs));
      for (const s of SCALES) {
        const xs = Float64Array.from(x, (v) => v * s);
        const psi = new Float64Array(n), dpsi = new Float64Array(n);
        dirichletGreenSolve(xs, y, psi, dpsi);
        for (let i = 0; i < n; i++) {
          expectClose(psi[i], psi1[i], s, 2, `ψ(x_${i})`, top);
          expectClose(dpsi[i], dpsi1[i], s, 1, `ψ′(x_${i})`, topD);
        }
      }
    }
  });

  test('exact power-weight moments ∫ρx^m on scaled intervals: (hi^q − lo^q)/q without overflow of the powers', () => {
    // ∫_lo^hi x dx = (hi² − lo²)/2 with hi² beyond the double range but the difference representable: the
    // fallback works in log space, exp(q·ln hi + ln(−expm1(q·ln(lo/hi))) − ln|q|), whose argument carries an
    // absolute rounding error of a few ulps of |q·ln hi| (= 709 here), i.e. a relative error of
    // ~4·(|q ln hi| + 1)·ε = 6e−13 in the result (observed 1.2e−13)
    const logTol = (q: number, x: number) => 4 * (Math.abs(q * Math.log(x)) + 1) * Number.EPSILON;
    const lo = 1.3e154, hi = 1.35e154;
    const exact = ((hi - lo) * (hi + lo)) / 2;
    expect(Math.abs(powerWeightMoment(powerWeight(1, 0), 1, lo, hi) / exact - 1)).toBeLessThanOrEqual(logTol(2, hi));
    // a negative power: ∫ x^−3 dx on [1/1.4e154, 1/1.3e154] = (lo^−2 − hi^−2)/2 (lo^−2 overflows, the difference does not)
    const l2 = 1 / 1.4e154, h2 = 1 / 1.3e154;
    const exact2 = ((1 / l2 - 1 / h2) * (1 / l2 + 1 / h2)) / 2;
    expect(Number.isFinite(exact2)).toBe(true);
    expect(Math.abs(powerWeightMoment(powerWeight(1, -3), 0, l2, h2) / exact2 - 1)).toBeLessThanOrEqual(logTol(-2, l2));
    const w = powerWeight(1, -0.5, 2, 1.5);
    for (const s of SCALES) {
      for (const m of [0, 1, 2]) {
        const ref = powerWeightMoment(w, m, 0.5, 3);
        // each term scales by s^(e + m + 1): compare the terms one by one
        const t1 = powerWeightMoment(powerWeight(1, -0.5), m, 0.5 * s, 3 * s), r1 = powerWeightMoment(powerWeight(1, -0.5), m, 0.5, 3);
        const t2 = powerWeightMoment(powerWeight(2, 1.5), m, 0.5 * s, 3 * s), r2 = powerWeightMoment(powerWeight(2, 1.5), m, 0.5, 3);
        const e1 = m + 0.5, e2 = m + 2.5;
        for (const [t, r, e] of [[t1, r1, e1], [t2, r2, e2]]) {
          const v = r * Math.pow(s, e); // reference value where s^e is a double
          if (v > 1e-300 && v < 1e300 && Number.isFinite(Math.pow(s, e)) && Math.pow(s, e) > 0) expect(Math.abs(t / v - 1)).toBeLessThanOrEqual(1e-12);
          else expect(Number.isNaN(t)).toBe(false);
        }
        expect(Number.isFinite(ref)).toBe(true);
      }
    }
  });

  test('spans beyond the double range: exact where representable, a named error where not', () => {
    // the midpoint and half-length of [−1e308, 1e308] are representable; b − a is not
    const g = gaussLegendre(5, -1e308, 1e308);
    expect(g.nodes[2]).toBe(0);
    const ref = gaussLegendre(5, -1, 1);
    for (let i = 0; i < 5; i++) {
      expect(Math.abs(g.nodes[i] / 1e308 - ref.nodes[i])).toBeLessThanOrEqual(4e-16);
      expect(Math.abs(g.weights[i] / 1e308 / ref.weights[i] - 1)).toBeLessThanOrEqual(4e-16);
    }
    // a single weight 2e308 is not a double: rejected by name
    expect(() => gaussLegendre(1, -1e308, 1e308)).toThrow(InvalidArgumentError);
    expect(() => gaussLegendre(1, -1e308, 1e308)).toThrow(/\[a, b\]/);
    // trapezoid: the middle weight (x_2 − x_0)/2 = 1e308 is representable although x_2 − x_0 is not
    expect(Array.from(trapezoidWeights(new Float64Array([-1e308, 0, 1e308])))).toEqual([5e307, 1e308, 5e307]);
    // consecutive spacings that overflow are rejected, naming the pair
    const wide = new Float64Array([-1.5e308, 1.5e308, 1.6e308, 1.7e308]);
    expect(() => trapezoidWeights(wide)).toThrow(/x\[1\] − x\[0\]/);
    expect(() => simpsonWeights(wide)).toThrow(InvalidArgumentError);
    expect(() => cubicSplineOperator(wide)).toThrow(/nodes\[1\] − nodes\[0\]/);
    // B-splines: knots (with the evaluation's padding of k spacings at each end) beyond the double range
    expect(() => uniformExtendedBSplineBasis(-1e308, 1e308, 10, 3)).toThrow(InvalidArgumentError);
    expect(() => uniformExtendedBSplineBasis(-1e308, 1e308, 10, 3)).toThrow(/\[start, end\].*double range/);
    const clamped = new Float64Array([-1.7e308, -1.7e308, -1.7e308, -1.7e308, 0, 1.7e308, 1.7e308, 1.7e308, 1.7e308]);
    expect(() => bsplineBasis(clamped, 3)).toThrow(/knots.*double range/);
    // a span that is representable works: values of the same clamped basis at half the size, scaled
    const half = bsplineBasis(clamped.map((v) => v / 2), 3);
    const unit = bsplineBasis(clamped.map((v) => v / 1.7e308), 3);
    const coef = new Float64Array([0.3, -1, 2, 0.5, 1.5]);
    for (const a of [-0.9, -0.1, 0.4, 0.95]) {
      expect(Math.abs(half.splineValue(coef, a * 0.85e308) - unit.splineValue(coef, a))).toBeLessThanOrEqual(1e-14);
      expect(Math.abs(half.splineValue(coef, a * 0.85e308, 1) * 0.85e308 - unit.splineValue(coef, a, 1))).toBeLessThanOrEqual(1e-13);
    }
    // spacings more than 2^1000 apart cannot share one spline system
    expect(() => cubicSplineOperator(new Float64Array([0, 1e-300, 1, 1e10]))).toThrow(/2\^−1000/);
  });
});
