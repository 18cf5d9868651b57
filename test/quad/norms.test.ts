import { InvalidArgumentError } from '../../src/core/errors';
import { gaussLegendre } from '../../src/quad/gaussLegendre';
import { supNorm, weightedHkNorm, weightedHkNormByDifferentiation, weightedSupNorm } from '../../src/quad/norms';
import { powerWeight, powerWeightMoment } from '../../src/quad/powerWeight';
import { integrate } from '../../src/quad/rule';
import { simpsonWeights } from '../../src/quad/simpson';
import { spaceTimeH1Norm, spaceTimeLpNorm } from '../../src/quad/spaceTime';
import { tensorProductNodes, tensorProductWeights } from '../../src/quad/tensor';
import { trapezoidWeights } from '../../src/quad/trapezoid';
import { WeightedMeasure } from '../../src/quad/weightedMeasure';
import { mappedNodes, observedOrder, stretched } from './helpers';

const uniform = (N: number, L = 1): Float64Array => mappedNodes(N, (s) => L * s);
const Ns = [64, 128, 256, 512];

/** ∫_0^1 z^γ e^z dz = Σ_k 1/(k!(γ+k+1)) (independent series). */
function powerExpIntegral(gamma: number): number {
  let s = 0;
  let fact = 1;
  for (let k = 0; k < 40; k++) {
    if (k > 0) fact *= k;
    s += 1 / (fact * (gamma + k + 1));
  }
  return s;
}

describe('singular weights |z|^{-α} on a grid starting at 0 (node at 0 skipped)', () => {
  // integrand z^{γ}·smooth with γ = 2 − α: predicted order min(2, 1+γ) (trapezoid), min(4, 1+γ) (Simpson)
  const cases: Array<[number, 'trapezoid' | 'simpson', number]> = [
    [0.5, 'trapezoid', 2],
    [0.5, 'simpson', 2.5],
    [1.5, 'trapezoid', 1.5],
    [1.5, 'simpson', 1.5],
    [2.5, 'trapezoid', 0.5],
  ];
  test.each(cases)('∫_0^1 z^{-%s} z² dz with %s converges at order %s', (alpha, rule, order) => {
    const exact = 1 / (3 - alpha);
    const errs = Ns.map((N) => {
      const z = uniform(N);
      const w = rule === 'simpson' ? simpsonWeights(z) : trapezoidWeights(z);
      const mu = new WeightedMeasure(z, w, { weight: powerWeight(1, -alpha), singularity: 'skipOrigin' });
      return Math.abs(mu.integrate(z.map((t) => t * t)) - exact);
    });
    const p = observedOrder(Ns.map((N) => 1 / N), errs);
    expect(p).toBeGreaterThan(order - 0.1);
    expect(p).toBeLessThan(order + 0.1);
  });

  test('Taylor subtraction raises the order: z^{-1.5}·z²e^z with Taylor data z² + z³', () => {
    const exact = powerExpIntegral(0.5);
    const taylor = new Float64Array([0, 0, 1, 1]);
    const errors = (rule: 'trapezoid' | 'simpson', sizes: number[]): number[] =>
      sizes.map((N) => {
        const z = uniform(N);
        const w = rule === 'simpson' ? simpsonWeights(z) : trapezoidWeights(z);
        const mu = new WeightedMeasure(z, w, { weight: powerWeight(1, -1.5), singularity: 'skipOrigin', taylorOrder: 4 });
        return Math.abs(mu.integrateWithTaylor(z.map((t) => t * t * Math.exp(t)), taylor) - exact);
      });
    // remainder integrand ~ z^{2.5}: orders min(2, 3.5) = 2 (trapezoid) and min(4, 3.5) = 3.5 (Simpson)
    const pTrap = observedOrder(Ns.map((N) => 1 / N), errors('trapezoid', Ns));
    expect(pTrap).toBeGreaterThan(1.9);
    expect(pTrap).toBeLessThan(2.1);
    // Simpson: error ≈ A h^{3.5} + B h^4, so local orders approach 3.5 monotonically (from below here)
    const sizes = [128, 256, 512, 1024, 2048];
    const e = errors('simpson', sizes);
    const local = e.slice(1).map((v, i) => Math.log2(e[i] / v));
    for (let i = 1; i < local.length; i++) expect(local[i]).toBeGreaterThan(local[i - 1]);
    expect(local[local.length - 1]).toBeGreaterThan(3.4);
    expect(local[local.length - 1]).toBeLessThan(3.6);
    // without the Taylor data the order is only 1 + γ = 1.5
    const zc = uniform(1024);
    const plain = new WeightedMeasure(zc, simpsonWeights(zc), { weight: powerWeight(1, -1.5), singularity: 'skipOrigin' });
    expect(Math.abs(plain.integrate(zc.map((t) => t * t * Math.exp(t))) - exact)).toBeGreaterThan(1e3 * e[3]);
  });

  test('Taylor subtraction is exact for polynomials', () => {
    const z = mappedNodes(37, stretched);
    const mu = new WeightedMeasure(z, trapezoidWeights(z), { weight: powerWeight(2, -1.3, 0.5, 0.25), singularity: 'skipOrigin', taylorOrder: 4 });
    const c = new Float64Array([0, 0.7, -1, 2]);
    const f = z.map((t) => c[1] * t - t * t + 2 * t ** 3);
    const exact = [1, 2, 3].reduce((s, m) => s + c[m] * powerWeightMoment(powerWeight(2, -1.3, 0.5, 0.25), m, 0, 1), 0);
    expect(Math.abs(mu.integrateWithTaylor(f, c) - exact)).toBeLessThan(1e-14 * Math.abs(exact) * 10);
  });

  test('blowup weight ρ = |z|^{-6} + 1e-3 with u = O(z⁴): order 2 (trapezoid) on a stretched grid', () => {
    const u = (t: number): number => t ** 4 / (1 + t * t);
    const gl = gaussLegendre(80, 0, 1); // independent reference: the integrand z²/(1+z²)² + 1e-3 u² is smooth
    const reference = integrate(gl, gl.nodes.map((t) => (t * t) / (1 + t * t) ** 2 + 1e-3 * u(t) ** 2));
    expect(Math.abs(reference - (Math.PI / 8 - 0.25 + 1e-3 * integrate(gl, gl.nodes.map((t) => u(t) ** 2))))).toBeLessThan(1e-15);
    const errs = Ns.map((N) => {
      const z = mappedNodes(N, stretched);
      const mu = new WeightedMeasure(z, trapezoidWeights(z), { weight: powerWeight(1, -6, 1e-3, 0), singularity: 'skipOrigin' });
      return Math.abs(mu.lpNorm(z.map(u), 2) ** 2 - reference);
    });
    const p = observedOrder(Ns.map((N) => 1 / N), errs);
    expect(p).toBeGreaterThan(1.95);
    expect(p).toBeLessThan(2.05);
  });

  test('a singular weight at a kept node is rejected with a named error', () => {
    const z = uniform(8);
    expect(() => new WeightedMeasure(z, trapezoidWeights(z), { weight: powerWeight(1, -2) })).toThrow(InvalidArgumentError);
    expect(() => new WeightedMeasure(z, trapezoidWeights(z), { weight: powerWeight(1, -2) })).toThrow(/skipOrigin/);
    expect(() => new WeightedMeasure(z, trapezoidWeights(z), { weight: (t) => t, taylorOrder: 2 })).toThrow(/options.taylorOrder/);
    expect(() => new WeightedMeasure(z, trapezoidWeights(z)).lpNorm(z, 0.5)).toThrow(/^p must be a number >= 1 or Infinity/);
  });
});

describe('radial measure |z|^{n−1}', () => {
  test('∫_{ℝ^d} e^{−|z|²} dz = π^{d/2} and ∫_{ℝ³} |z|^{-1}e^{−|z|²} dz = 2π', () => {
    const { nodes: r, weights: w } = gaussLegendre(80, 0, 9); // e^{-81} is below round-off
    const g = r.map((t) => Math.exp(-t * t));
    for (const d of [1, 2, 3, 4]) {
      const mu = new WeightedMeasure(r, w, { radialDimension: d, sphereArea: true });
      expect(Math.abs(mu.integrate(g) / Math.PI ** (d / 2) - 1)).toBeLessThan(1e-14);
    }
    const mu3 = new WeightedMeasure(r, w, { radialDimension: 3, sphereArea: true, weight: powerWeight(1, -1) });
    expect(Math.abs(mu3.integrate(g) / (2 * Math.PI) - 1)).toBeLessThan(1e-14);
  });
});

describe('inner products, L^p, sup and H^k norms', () => {
  const x = uniform(200, Math.PI);
  const mu = new WeightedMeasure(x, simpsonWeights(x));

  test('⟨sin, cos⟩ = 0, ‖sin‖₂² = π/2, ‖sin‖₄⁴ = 3π/8, ‖sin‖₁ = 2', () => {
    const s = x.map(Math.sin);
    expect(Math.abs(mu.inner(s, x.map(Math.cos)))).toBeLessThan(1e-12);
    expect(Math.abs(mu.lpNorm(s, 2) ** 2 - Math.PI / 2)).toBeLessThan(1e-9);
    expect(Math.abs(mu.lpNorm(s, 4) ** 4 - (3 * Math.PI) / 8)).toBeLessThan(1e-9);
    expect(Math.abs(mu.lpNorm(s, 1) - 2)).toBeLessThan(1e-8);
    expect(mu.lpNorm(s, Infinity)).toBe(supNorm(s));
    expect(supNorm(new Float64Array([1, -3, 2, -7]), 2, 2, 1)).toBe(7);
    expect(weightedSupNorm(new Float64Array([1, -3, 2]), new Float64Array([0, 1, 2]))).toBe(4);
  });

  test('weighted H¹ norm from derivative arrays and by a differentiation callback (order 2 for central differences)', () => {
    const exact = Math.sqrt(Math.PI / 2 + Math.PI / 2 + (Math.PI * 1) / 2); // ‖sin‖² + ‖cos‖² + ‖sin‖²
    expect(Math.abs(weightedHkNorm([x.map(Math.sin), x.map(Math.cos), x.map((t) => -Math.sin(t))], mu) - exact)).toBeLessThan(1e-9);
    expect(Math.abs(weightedHkNorm([x.map(Math.sin), x.map(Math.cos)], [mu, mu], { seminorm: true }) - Math.sqrt(Math.PI / 2))).toBeLessThan(1e-9);
    const errs = Ns.map((N) => {
      const y = uniform(N, Math.PI);
      const h = Math.PI / N;
      const centralDifference = (f: Float64Array, out: Float64Array): void => {
        const n = f.length;
        for (let i = 1; i < n - 1; i++) out[i] = (f[i + 1] - f[i - 1]) / (2 * h);
        out[0] = (-3 * f[0] + 4 * f[1] - f[2]) / (2 * h);
        out[n - 1] = (3 * f[n - 1] - 4 * f[n - 2] + f[n - 3]) / (2 * h);
      };
      const m = new WeightedMeasure(y, simpsonWeights(y));
      return Math.abs(weightedHkNormByDifferentiation(y.map(Math.sin), 2, centralDifference, m) - exact);
    });
    const p = observedOrder(Ns.map((N) => 1 / N), errs);
    expect(p).toBeGreaterThan(1.8);
    expect(p).toBeLessThan(2.2);
  });
});

describe('tensor-product 2-D weights', () => {
  test('Gauss–Legendre ⊗ Gauss–Legendre is exact for x^5 y^7 on [0,2]×[0,1]', () => {
    const gy = gaussLegendre(4, 0, 2);
    const gx = gaussLegendre(4, 0, 1);
    const W = tensorProductWeights(gy.weights, gx.weights);
    const [Y, X] = tensorProductNodes(gy.nodes, gx.nodes);
    const f = Y.map((y, k) => y ** 5 * X[k] ** 7);
    expect(Math.abs(integrate(W, f) - (64 / 6) * (1 / 8))).toBeLessThan(1e-14);
  });

  test('Simpson ⊗ Simpson on stretched grids: order 4 for e^{x} cos y', () => {
    const exact = (Math.E - 1) * Math.sin(1);
    const errs = [16, 32, 64, 128].map((N) => {
      const y = mappedNodes(N, stretched);
      const x = mappedNodes(N + 1, (s) => (s * (1 + s)) / 2); // odd interval count, non-uniform
      const [Y, X] = tensorProductNodes(y, x);
      const W = tensorProductWeights(simpsonWeights(y), simpsonWeights(x));
      return Math.abs(integrate(W, Y.map((yy, k) => Math.exp(X[k]) * Math.cos(yy))) - exact);
    });
    const p = observedOrder([16, 32, 64, 128].map((N) => 1 / N), errs);
    expect(p).toBeGreaterThan(3.8);
    expect(p).toBeLessThan(4.3);
  });

  test('2-D singular weight |z|^{-1} on [0,1]², origin skipped: order 1 towards 2 ln(1+√2)', () => {
    const exact = 2 * Math.log(1 + Math.SQRT2);
    const sizes = [32, 64, 128, 256];
    const errs = sizes.map((N) => {
      const g = uniform(N);
      const [Y, X] = tensorProductNodes(g, g);
      const radius = X.map((xv, k) => Math.hypot(xv, Y[k]));
      const w = trapezoidWeights(g);
      const mu = new WeightedMeasure(radius, tensorProductWeights(w, w), { weight: powerWeight(1, -1), singularity: 'skipOrigin' });
      return Math.abs(mu.integrate(new Float64Array(radius.length).fill(1)) - exact);
    });
    const p = observedOrder(sizes.map((N) => 1 / N), errs);
    expect(p).toBeGreaterThan(0.9);
    expect(p).toBeLessThan(1.1);
  });
});

describe('space-time norms from snapshots of u = sin(πx)e^{−t}', () => {
  const E2 = (1 - Math.exp(-2)) / 2;
  function build(N: number, flat: boolean) {
    const x = mappedNodes(N, stretched);
    const t = mappedNodes(N, (s) => s * s * 0.5 + 0.5 * s); // non-uniform in time
    const mu = new WeightedMeasure(x, simpsonWeights(x));
    const u: Float64Array[] = [];
    const ux: Float64Array[] = [];
    const ut: Float64Array[] = [];
    for (const tk of t) {
      u.push(x.map((xv) => Math.sin(Math.PI * xv) * Math.exp(-tk)));
      ux.push(x.map((xv) => Math.PI * Math.cos(Math.PI * xv) * Math.exp(-tk)));
      ut.push(x.map((xv) => -Math.sin(Math.PI * xv) * Math.exp(-tk)));
    }
    const flatten = (a: Float64Array[]): Float64Array => {
      const out = new Float64Array(a.length * (N + 1));
      a.forEach((v, k) => out.set(v, k * (N + 1)));
      return out;
    };
    return { x, t, mu, u: flat ? flatten(u) : u, ux, ut };
  }

  test('L², L⁴, L^∞_t L²_x and H¹ converge at order 4 with Simpson in x and t', () => {
    const sizes = [32, 64, 128, 256];
    const errs: number[][] = [[], [], [], []];
    for (const N of sizes) {
      const { t, mu, u, ux, ut } = build(N, N % 32 === 0);
      errs[0].push(Math.abs(spaceTimeLpNorm(u, t, mu, 2, 2, { timeRule: 'simpson' }) - Math.sqrt(0.5 * E2)));
      errs[1].push(Math.abs(spaceTimeLpNorm(u, t, mu, 4, 4, { timeRule: 'simpson' }) - ((3 / 8) * (1 - Math.exp(-4)) / 4) ** 0.25));
      errs[2].push(Math.abs(spaceTimeH1Norm(u, [ux], t, mu, { timeRule: 'simpson' }) - Math.sqrt((0.5 + Math.PI ** 2 / 2) * E2)));
      errs[3].push(Math.abs(spaceTimeH1Norm(u, [ux, ut], t, mu, { timeRule: 'simpson' }) - Math.sqrt((1 + Math.PI ** 2 / 2) * E2)));
      // max over t of ‖u(t)‖₂ is attained at t = 0 (u decays like e^{−t})
      const first = u instanceof Float64Array ? u.subarray(0, N + 1) : u[0];
      expect(spaceTimeLpNorm(u, t, mu, 2, Infinity)).toBe(mu.lpNorm(first, 2));
    }
    // x and t errors can have opposite signs (L⁴: local orders 5.1, 4.4, 4.1), so judge the finest pair
    for (const e of errs) {
      const p = Math.log2(e[e.length - 2] / e[e.length - 1]);
      expect(p).toBeGreaterThan(3.8);
      expect(p).toBeLessThan(4.3);
    }
  });

  test('trapezoid in time gives order 2', () => {
    const sizes = [32, 64, 128, 256];
    const errs = sizes.map((N) => {
      const { t, mu, u } = build(N, false);
      return Math.abs(spaceTimeLpNorm(u, t, mu, 2) - Math.sqrt(0.5 * E2));
    });
    const p = observedOrder(sizes.map((N) => 1 / N), errs);
    expect(p).toBeGreaterThan(1.9);
    expect(p).toBeLessThan(2.1);
  });

  test('shape mismatches are rejected', () => {
    const { t, mu, u } = build(8, true);
    expect(() => spaceTimeLpNorm((u as Float64Array).subarray(1), t, mu)).toThrow(/^u.length must be nt·n/);
    expect(() => spaceTimeH1Norm(u, [[new Float64Array(3)]], t, mu)).toThrow(InvalidArgumentError);
  });
});
