import { Rng } from '../../../src/random/rng';
import { uniformAngleCosSin } from '../../../src/random/diskAngle';
import { fsum } from '../../../src/stats/fsum';
import { ksTest } from '../../../src/stats/ks';
import { energyExchange, orderPair, pinnedBallsCollision, pinnedBallsStep } from '../../../src/models/billiards/collision';
import { pinnedBallsSteps } from '../../../src/models/billiards/pinnedBallsSteps';
import { runSortingModel } from '../../../src/models/billiards/sortingModel';
import { lambdaForBalls, stepsForTau, stepsPerUnitTime, tauForSteps } from '../../../src/models/billiards/timeMap';

const TWO_PI = 2 * Math.PI;
const SQRT3 = Math.sqrt(3);

/** Angle φ ∈ [0, 2π) of a triple on its circle: v0 − a = r sin φ, v1 − v2 = √3 r cos φ. */
function recoverAngle(v: Float64Array, offset: number, a: number): number {
  const s = v[offset] - a;
  const c = (v[offset + 1] - v[offset + 2]) / SQRT3;
  const phi = Math.atan2(s, c);
  return phi < 0 ? phi + TWO_PI : phi;
}

describe('Step 2.1: energy exchange on the circle', () => {
  test('one step preserves the triple sum and sum of squares to 1e-14 relative (spec §9.1)', () => {
    const rng = new Rng('invariants');
    const cs = new Float64Array(2);
    let worstSum = 0;
    let worstSquares = 0;
    for (let trial = 0; trial < 20000; trial++) {
      const offset = trial % 3 === 0 ? 0 : trial % 3 === 1 ? 1e3 : -0.5; // includes a large common offset
      const v = new Float64Array([offset + rng.normal(), offset + rng.normal() * 1e-3, offset + rng.normal() * 10]);
      const sum0 = fsum(v);
      const sq0 = fsum(v.map((x) => x * x));
      uniformAngleCosSin(rng, cs);
      energyExchange(v, 1, cs[0], cs[1]);
      const scale = Math.abs(v[0]) + Math.abs(v[1]) + Math.abs(v[2]);
      worstSum = Math.max(worstSum, Math.abs(fsum(v) - sum0) / scale);
      worstSquares = Math.max(worstSquares, Math.abs(fsum(v.map((x) => x * x)) - sq0) / sq0);
    }
    expect(worstSum).toBeLessThan(1e-14);
    expect(worstSquares).toBeLessThan(1e-14);
  });

  test('the new point is uniform in arc length: recovered angle passes KS against U[0, 2π) at 1%', () => {
    const rng = new Rng('uniform-on-circle');
    const N = 1_000_000;
    const phi = new Float64Array(N);
    const cs = new Float64Array(2);
    const v = new Float64Array(3);
    for (let k = 0; k < N; k++) {
      v.set([0.3, -1.2, 2.5]); // fixed triple; the draw must not depend on it
      uniformAngleCosSin(rng, cs);
      energyExchange(v, 1, cs[0], cs[1]);
      phi[k] = recoverAngle(v, 0, (0.3 - 1.2 + 2.5) / 3);
    }
    expect(ksTest(phi, (x) => Math.min(1, Math.max(0, x / TWO_PI))).pValue).toBeGreaterThan(0.01);
  });

  test('the parametrization reproduces the drawn angle (exactly up to round-off)', () => {
    const v = new Float64Array([0.3, -1.2, 2.5]);
    const a = (0.3 - 1.2 + 2.5) / 3;
    energyExchange(v, 1, Math.cos(1.234), Math.sin(1.234));
    expect(recoverAngle(v, 0, a)).toBeCloseTo(1.234, 14);
  });

  test('a triple of equal velocities (r = 0) is left exactly unchanged', () => {
    const v = new Float64Array([1.5, 1.5, 1.5, 1]);
    energyExchange(v, 1, 0.6, 0.8);
    expect(Array.from(v)).toEqual([1.5, 1.5, 1.5, 1]);
    // 0.7·3/3 rounds to 0.7 + 1 ulp: r is then ~1e−16 and the triple moves by round-off only
    const w = new Float64Array([0.7, 0.7, 0.7]);
    energyExchange(w, 1, 0.6, 0.8);
    for (let i = 0; i < 3; i++) expect(Math.abs(w[i] - 0.7)).toBeLessThan(4e-16);
  });
});

describe('Step 2.2 and the full collision', () => {
  test('sorted pair ascending, third ball keeps its Step 2.1 value, κ frequencies ½ (5σ binomial)', () => {
    const n = 12;
    const rng = new Rng('kappa');
    const v = Float64Array.from({ length: n }, (_, i) => Math.sin(3 * i));
    const steps = 200000;
    let plus = 0;
    let bad = 0;
    for (let k = 0; k < steps; k++) {
      const before = v.slice();
      const d = pinnedBallsStep(v, rng);
      const c = d.center;
      if (d.kappa === 1) plus++;
      const exchanged = energyExchange(before, c, d.cosPhi, d.sinPhi);
      const [lo, third] = d.kappa === -1 ? [c - 1, c + 1] : [c, c - 1];
      if (!(v[lo] <= v[lo + 1])) bad++;
      if (v[third] !== exchanged[third]) bad++;
      for (let i = 0; i < n; i++) if ((i < c - 1 || i > c + 1) && v[i] !== before[i]) bad++;
    }
    expect(bad).toBe(0);
    expect(Math.abs(plus / steps - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / steps));
  });

  test('centers are uniform on {1..n−2}: chi-square |z| < 5', () => {
    const n = 9;
    const rng = new Rng('centers');
    const v = new Float64Array(n).map((_, i) => i);
    const N = 90000;
    const counts = new Float64Array(n);
    for (let k = 0; k < N; k++) counts[pinnedBallsStep(v, rng).center]++;
    expect(counts[0]).toBe(0);
    expect(counts[n - 1]).toBe(0);
    const e = N / (n - 2);
    let x = 0;
    for (let c = 1; c <= n - 2; c++) x += (counts[c] - e) ** 2 / e;
    const dof = n - 3;
    const z = (Math.cbrt(x / dof) - (1 - 2 / (9 * dof))) / Math.sqrt(2 / (9 * dof)); // Wilson–Hilferty
    expect(Math.abs(z)).toBeLessThan(5);
  });

  test('the fast kernel is bit-identical to repeated reference steps, generator state included', () => {
    const n = 37;
    const a = Float64Array.from({ length: n }, (_, i) => Math.cos(i) + 0.01 * i);
    const b = a.slice();
    const ra = new Rng(11);
    const rb = new Rng(11);
    for (let k = 0; k < 50000; k++) pinnedBallsStep(a, ra);
    pinnedBallsSteps(b, 30000, rb);
    pinnedBallsSteps(b, 20000, rb); // split calls continue the same sequence
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(rb.state())).toEqual(Array.from(ra.state()));
  });

  test('after 10⁶ steps Σv and Σv² drift only at round-off level (spec §9.1)', () => {
    const n = 100;
    const rng = new Rng('drift');
    const v = Float64Array.from({ length: n }, (_, i) => Math.tanh(8 * (i / (n - 1) - 0.5)) + 0.01 * rng.normal());
    const s0 = fsum(v);
    const q0 = fsum(v.map((x) => x * x));
    pinnedBallsSteps(v, 1_000_000, rng);
    expect(Math.abs(fsum(v) - s0) / fsum(v.map(Math.abs))).toBeLessThan(1e-12);
    expect(Math.abs(fsum(v.map((x) => x * x)) - q0) / q0).toBeLessThan(1e-10);
  });

  test('mirror symmetry (x, v) → (n+1−x, −v) with mirrored draws (c → n−1−c, φ → −φ − 4π/3, κ → −κ)', () => {
    const n = 40;
    const rng = new Rng('mirror');
    const v = Float64Array.from({ length: n }, () => rng.normal());
    const w = Float64Array.from({ length: n }, (_, i) => -v[n - 1 - i]);
    const cs = new Float64Array(2);
    let worst = 0;
    for (let k = 0; k < 20000; k++) {
      const c = 1 + rng.integer(n - 2);
      const kappa = rng.uniform() < 0.5 ? -1 : 1;
      uniformAngleCosSin(rng, cs);
      const [cp, sp] = [cs[0], cs[1]];
      pinnedBallsCollision(v, c, cp, sp, kappa);
      // cos/sin of −φ − 4π/3
      pinnedBallsCollision(w, n - 1 - c, -cp / 2 + (SQRT3 / 2) * sp, sp / 2 + (SQRT3 / 2) * cp, kappa === 1 ? -1 : 1);
      for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(w[i] + v[n - 1 - i]));
    }
    expect(worst).toBeLessThan(1e-12);
  });

  test('orderPair sorts ascending and leaves sorted pairs alone', () => {
    expect(Array.from(orderPair(new Float64Array([3, 1, 2]), 0))).toEqual([1, 3, 2]);
    expect(Array.from(orderPair(new Float64Array([1, 3, 2]), 0))).toEqual([1, 3, 2]);
  });
});

describe('sorting model (2.1)–(2.2)', () => {
  test('reversed start ends sorted; mean absorption ≈ 2n(n−1) steps for n = 100 (calibrated band ±10%)', () => {
    const n = 100;
    const rng = new Rng('sorting');
    const R = 100;
    let total = 0;
    for (let r = 0; r < R; r++) {
      const v = Float64Array.from({ length: n }, (_, i) => n - i);
      const res = runSortingModel({ v, rng });
      expect(res.status).toBe('success');
      let descents = 0;
      for (let i = 0; i + 1 < n; i++) if (v[i] > v[i + 1]) descents++;
      expect(descents).toBe(0);
      total += res.stats.nsteps;
    }
    // measured 0.954 ± 0.002 (400 runs); Angel–Holroyd–Romik give the n → ∞ limit 1
    const ratio = total / R / (2 * n * (n - 1));
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1.05);
  });

  test('conserves the multiset and honours maxSteps', () => {
    const v = Float64Array.from({ length: 50 }, (_, i) => Math.sin(7 * i));
    const sorted = v.slice().sort();
    const res = runSortingModel({ v, rng: new Rng(3), maxSteps: 10 });
    expect(res.status).toBe('maxSteps');
    runSortingModel({ v, rng: new Rng(4) });
    expect(Array.from(v)).toEqual(Array.from(sorted));
  });

  test('non-finite velocities throw before any work (they used to be reported sorted)', () => {
    const v = Float64Array.from({ length: 10 }, (_, i) => 10 - i);
    v[3] = Number.NaN;
    expect(() => runSortingModel({ v, rng: new Rng(1) })).toThrow(RangeError);
  });
});

describe('time map (spec §0.1, §9.6)', () => {
  test('k/τ = 498,002,499 and λ ≈ 281.8127 for n = 1000; the paper’s T is 59,841 steps', () => {
    expect(stepsPerUnitTime(1000)).toBe(498002499);
    expect(stepsForTau(1.20162e-4, 1000)).toBe(59841);
    expect(lambdaForBalls(1000)).toBeCloseTo(281.8127, 4);
    expect(tauForSteps(498002499, 1000)).toBe(1);
  });

  test('exact integer arithmetic: (n−1)²(n−2)/2 agrees with BigInt for moderate and large n', () => {
    for (const n of [4, 5, 200, 1000, 1001, 65537, 262145]) {
      const exact = (BigInt(n - 1) ** 2n * BigInt(n - 2)) / 2n;
      expect(BigInt(stepsPerUnitTime(n))).toBe(exact);
    }
  });
});
