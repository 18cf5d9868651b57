import { EulerMaruyama, sdeProblem, solveSde } from '../../src/time/sde';
import { BaoabLangevin } from '../../src/time/langevin';
import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';
import { observedOrder, TestRandom } from './testRandom';

// Geometric Brownian motion dX = μX dt + σX dW, X(0) = 1 on [0, 1]:
// X(1) = exp(μ − σ²/2 + σW(1)), and the Euler–Maruyama mean is exactly (1 + μh)^N.
function gbmProblem(mu: number, sigma: number) {
  return sdeProblem({
    drift(_t, x, out) { out[0] = mu * x[0]; },
    diffusion(_t, x, out) { out[0] = sigma * x[0]; },
    x0: [1],
    tspan: [0, 1],
  });
}
const gbm = gbmProblem(1, 0.5);

/**
 * For `paths` Brownian paths sampled on 2^fineLevel steps, run Euler–Maruyama on every coarser
 * grid 2^level (increments summed from the fine ones) and return, per level, the mean of
 * (X_h(T) − X(T)) and of |X_h(T) − X(T)| against the exact solution on the same path.
 */
function gbmErrors(mu: number, sigma: number, levels: number[], fineLevel: number, paths: number, seed: number) {
  const rng = new TestRandom(seed);
  const em = new EulerMaruyama(gbmProblem(mu, sigma));
  const nFine = 2 ** fineLevel;
  const sqrtHFine = Math.sqrt(1 / nFine);
  const dWFine = new Float64Array(nFine);
  const x = new Float64Array(1);
  const dW = new Float64Array(1);
  const signed = levels.map(() => 0);
  const absolute = levels.map(() => 0);
  for (let p = 0; p < paths; p++) {
    let w = 0;
    for (let k = 0; k < nFine; k++) {
      dWFine[k] = sqrtHFine * rng.normal();
      w += dWFine[k];
    }
    const exact = Math.exp((mu - 0.5 * sigma * sigma) + sigma * w);
    levels.forEach((level, j) => {
      const n = 2 ** level;
      const stride = nFine / n;
      x[0] = 1;
      for (let k = 0; k < n; k++) {
        let sum = 0;
        for (let m = 0; m < stride; m++) sum += dWFine[k * stride + m];
        dW[0] = sum;
        em.stepWithIncrement(k / n, x, 1 / n, dW, x);
      }
      const e = x[0] - exact;
      signed[j] += e / paths;
      absolute[j] += (e < 0 ? -e : e) / paths;
    });
  }
  return { signed, absolute };
}

describe('Euler–Maruyama', () => {
  test('strong order 1/2 on geometric Brownian motion (2000 paths, shared Brownian paths)', () => {
    // μ = 0.5, σ = 1: the noise term dominates the error from h = 1/8 on. (With μ = 1, σ = 0.5
    // the O(h) drift error still shows at h ≥ 1/32: local slopes 0.69, 0.65, 0.59, then ≈ 0.5.)
    const levels = [3, 4, 5, 6, 7, 8];
    const { absolute } = gbmErrors(0.5, 1, levels, 9, 2000, 12345);
    const order = observedOrder(levels.map((l) => 2 ** -l), absolute);
    // statistical error of each mean is ~2–3 %, i.e. ~0.01 on a slope fitted over a factor 32
    expect(order).toBeGreaterThan(0.4);
    expect(order).toBeLessThan(0.6);
  });

  test('weak order 1: E[X_h(T)] − E[X(T)] matches the exact bias (1+μh)^N − e^{μT} and scales like h', () => {
    const levels = [2, 3, 4, 5, 6];
    const mu = 1;
    const { signed, absolute } = gbmErrors(mu, 0.5, levels, 6, 20000, 777);
    levels.forEach((level, j) => {
      const n = 2 ** level;
      const exactBias = (1 + mu / n) ** n - Math.exp(mu);
      // control variate: the estimator has standard deviation ≤ sqrt(E|X_h − X|²/M); bound it by
      // 5·(mean |X_h − X|)·3/sqrt(M) (the ratio of the L2 to the L1 error is below 3 here)
      const tolerance = (5 * 3 * absolute[j]) / Math.sqrt(20000);
      expect(Math.abs(signed[j] - exactBias)).toBeLessThan(tolerance);
    });
    const order = observedOrder(levels.map((l) => 2 ** -l), signed.map(Math.abs));
    expect(order).toBeGreaterThan(0.85);
    expect(order).toBeLessThan(1.15);
  });

  test('solveSde: saveAt hit exactly, reproducible with the same seed, Ornstein–Uhlenbeck moments', () => {
    // dX = −θX dt + s dW, X(0) = 0, many independent components. The Euler–Maruyama variance
    // obeys v_{n+1} = (1 − θh)² v_n + s²h exactly; the sample second moment of `dim` samples has
    // relative s.d. sqrt(2/dim) = 2.2 %. (The EM variance differs from the exact OU variance by
    // θh/2 = 1 %, within the sampling error, so this checks the scheme, not the limit.)
    const theta = 2;
    const s = 0.5;
    const dim = 4000;
    const h = 0.01;
    const ou = sdeProblem({
      drift(_t, x, out) { for (let i = 0; i < x.length; i++) out[i] = -theta * x[i]; },
      diffusion(_t, _x, out) { out.fill(s); },
      x0: new Float64Array(dim), tspan: [0, 3],
    });
    const a = solveSde(ou, { dt: h, rng: new TestRandom(5), saveAt: [0.25, 3] });
    const b = solveSde(ou, { dt: h, rng: new TestRandom(5), saveAt: [0.25, 3] });
    expect(a.status).toBe('success');
    expect(a.stats.nsteps).toBe(300);
    expect(Array.from(a.t)).toEqual([0.25, 3]);
    expect(a.x).toEqual(b.x);
    let variance = 0;
    for (let n = 0; n < 300; n++) variance = (1 - theta * h) ** 2 * variance + s * s * h;
    let m2 = 0;
    for (let i = 0; i < dim; i++) m2 += a.x[dim + i] ** 2 / dim;
    expect(Math.abs(m2 / variance - 1)).toBeLessThan(5 * Math.sqrt(2 / dim));
  });

  test('solveSde statuses and argument checks', () => {
    const controller = new AbortController();
    controller.abort();
    expect(solveSde(gbm, { dt: 0.01, rng: new TestRandom(1), signal: controller.signal }).status).toBe('aborted');
    const explode = sdeProblem({
      drift(_t, x, out) { out[0] = x[0] ** 3; }, diffusion(_t, _x, out) { out[0] = 0; }, x0: [10], tspan: [0, 10],
    });
    const sol = solveSde(explode, { dt: 0.5, rng: new TestRandom(1) });
    expect(sol.status).toBe('nonFinite');
    expect(Number.isFinite(sol.x[sol.x.length - 1])).toBe(true);
    expect(() => solveSde(gbm, { dt: -1, rng: new TestRandom(1) })).toThrow(InvalidArgumentError);
    expect(() => solveSde(gbm, { dt: 0.1, rng: undefined as never })).toThrow(InvalidTypeError);
    expect(() => sdeProblem({ ...gbm, x0: [1], tspan: [1, 0] })).toThrow(InvalidArgumentError);
  });
});

/** Stationary covariance of one-coordinate BAOAB for U = kq²/2 (2×2 discrete Lyapunov equation). */
function baoabStationaryCovariance(k: number, m: number, beta: number, friction: number, h: number) {
  type M2 = [number, number, number, number]; // row-major 2×2
  const mul = (a: M2, b: M2): M2 => [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3]];
  const tr = (a: M2): M2 => [a[0], a[2], a[1], a[3]];
  const kick: M2 = [1, 0, -0.5 * h * k, 1];
  const drift: M2 = [1, (0.5 * h) / m, 0, 1];
  const c = Math.exp(-friction * h);
  const ou: M2 = [1, 0, 0, c];
  const T = mul(kick, mul(drift, mul(ou, mul(drift, kick))));
  const s = Math.sqrt(((1 - c * c) * m) / beta);
  const BA = mul(kick, drift);
  const g = [BA[1] * s, BA[3] * s]; // B·A·(0, s)ᵀ
  let S: M2 = [0, 0, 0, 0];
  for (let it = 0; it < 5000; it++) {
    const next = mul(T, mul(S, tr(T)));
    S = [next[0] + g[0] * g[0], next[1] + g[0] * g[1], next[2] + g[1] * g[0], next[3] + g[1] * g[1]];
  }
  return { qq: S[0], pp: S[3] };
}

describe('BAOAB Langevin', () => {
  test('harmonic potential: q variance = 1/(βk) exactly (up to sampling error) at a large step', () => {
    // U(q) = k q²/2 per coordinate, mass m, ω = sqrt(k/m) ≈ 1.41, h = 0.5 (hω ≈ 0.71).
    // 20000 independent oscillators; after a burn-in of 40 time units (e^{−γt/2} ≈ 2e−9)
    // take 10 snapshots 20 time units apart (correlation ≤ e^{−10}): M = 2e5 samples.
    // The estimator mean(q²) of σ² has relative s.d. sqrt(2/M) = 0.32 %; we allow 5 s.d.
    const dim = 20000, k = 4, m = 2, beta = 2, friction = 1, dt = 0.5;
    const sampler = new BaoabLangevin({
      gradPotential(q, out) { for (let i = 0; i < q.length; i++) out[i] = k * q[i]; },
      dim, friction, beta, dt, mass: m,
    });
    const rng = new TestRandom(2024);
    const q = new Float64Array(dim);
    const p = new Float64Array(dim);
    const burn = sampler.run(q, p, 80, rng);
    expect(burn.status).toBe('success');
    expect(burn.stats.ngrad).toBe(81); // the end-of-step force is reused by the next step
    let sumQ = 0;
    let sumQ2 = 0;
    let sumP2 = 0;
    const snapshots = 10;
    for (let s = 0; s < snapshots; s++) {
      sampler.run(q, p, 40, rng);
      for (let i = 0; i < dim; i++) {
        sumQ += q[i];
        sumQ2 += q[i] * q[i];
        sumP2 += p[i] * p[i];
      }
    }
    const M = dim * snapshots;
    const target = 1 / (beta * k);
    const relSd = Math.sqrt(2 / M);
    expect(Math.abs(sumQ2 / M / target - 1)).toBeLessThan(5 * relSd);
    expect(Math.abs(sumQ / M)).toBeLessThan(5 * Math.sqrt(target / M));
    // Independent check: the stationary covariance of the linear BAOAB recursion z' = T z + g ξ
    // solves Σ = TΣTᵀ + ggᵀ (fixed-point iteration below). It gives Σ_qq = 1/(βk) exactly and a
    // biased Σ_pp ≠ m/β, which the samples must reproduce — so the q test has teeth.
    const sigma = baoabStationaryCovariance(k, m, beta, friction, dt);
    expect(Math.abs(sigma.qq * beta * k - 1)).toBeLessThan(1e-12);
    expect(Math.abs(sigma.pp / (m / beta) - 1)).toBeGreaterThan(0.05);
    expect(Math.abs(sumP2 / M / sigma.pp - 1)).toBeLessThan(5 * relSd);
  });

  test('abort and argument checks', () => {
    const sampler = new BaoabLangevin({ gradPotential(q, out) { out[0] = q[0]; }, dim: 1, friction: 1, beta: 1, dt: 0.1 });
    const controller = new AbortController();
    controller.abort();
    const res = sampler.run(new Float64Array(1), new Float64Array(1), 100, new TestRandom(3), { signal: controller.signal });
    expect(res.status).toBe('aborted');
    expect(res.stats.nsteps).toBe(0);
    expect(() => new BaoabLangevin({ gradPotential: () => undefined, dim: 1, friction: 0, beta: 1, dt: 0.1 })).toThrow(InvalidArgumentError);
    expect(() => sampler.run(new Float64Array(2), new Float64Array(1), 1, new TestRandom(1))).toThrow(InvalidTypeError);
  });
});
