import { fft, ifft } from '../../../src/fft/index';
import { PeriodicGaussianField1d } from '../../../src/random/periodicGaussianField';
import { Rng } from '../../../src/random/rng';
import { burgersDataset, solveBurgersPeriodic } from '../../../src/models/operator/burgers';

/** Cole–Hopf: u = −2ν φ_x/φ with φ solving the heat equation from φ0 = exp(a cos(2πx)/(4πν)). */
function coleHopf(n: number, a: number, nu: number, T: number): Float64Array {
  const re = Float64Array.from({ length: n }, (_, j) => Math.exp((a * Math.cos((2 * Math.PI * j) / n)) / (4 * Math.PI * nu)));
  const X = fft(re, new Float64Array(n));
  const Dr = new Float64Array(n), Di = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const kap = 2 * Math.PI * (k <= n / 2 ? k : k - n), d = Math.exp(-nu * kap * kap * T);
    X.re[k] *= d; X.im[k] *= d;
    if (k !== n / 2) { Dr[k] = -kap * X.im[k]; Di[k] = kap * X.re[k]; }
  }
  const phi = ifft(X.re, X.im), dphi = ifft(Dr, Di);
  return Float64Array.from({ length: n }, (_, j) => (-2 * nu * dphi.re[j]) / phi.re[j]);
}

describe('periodic viscous Burgers (IFRK4 pseudo-spectral)', () => {
  it.each([[1, 0.1, 64], [1, 0.1, 128], [0.5, 0.05, 128]])('u0 = %f sin 2πx, ν = %f, n = %i: agrees with the Cole–Hopf solution at T = 1 to 1e-11', (a, nu, n) => {
    const u0 = Float64Array.from({ length: n }, (_, j) => a * Math.sin((2 * Math.PI * j) / n));
    const { u } = solveBurgersPeriodic(u0, { nu, T: 1 });
    const ex = coleHopf(2048, a, nu, 1);
    for (let j = 0; j < n; j++) expect(Math.abs(u[j] - ex[(j * 2048) / n])).toBeLessThan(1e-11);
  });

  it('time-step refinement: the error of a coarse fixed step falls at fourth order', () => {
    const n = 64, a = 2, nu = 0.05;
    const u0 = Float64Array.from({ length: n }, (_, j) => a * Math.sin((2 * Math.PI * j) / n));
    // reference: the same spatial discretization at dt = 2e-5 (isolates the time error)
    const ex = solveBurgersPeriodic(u0, { nu, T: 0.2, dt: 2e-5 }).u;
    // observed 3.62 (0.01 → 0.005) and 3.87 (0.005 → 0.0025)
    const err = [0.005, 0.0025].map((dt) => {
      const { u } = solveBurgersPeriodic(u0, { nu, T: 0.2, dt });
      let e = 0; for (let j = 0; j < n; j++) e = Math.max(e, Math.abs(u[j] - ex[j]));
      return e;
    });
    const order = Math.log2(err[0] / err[1]);
    expect(order).toBeGreaterThan(3.7); expect(order).toBeLessThan(4.2);
  });
});

describe('Gaussian random field and the dataset', () => {
  it('field variance matches Σ_k a_k² (Monte Carlo, 400 draws, dominated by k = 1: ±15%) and draws are band-limited across resolutions', () => {
    const g = new PeriodicGaussianField1d({ n: 64, kMax: 10 });
    // E[u(x)²] = Σ_k a_k² (cos² + sin²) = Σ_k a_k²
    let expected = 0; for (let k = 1; k <= 10; k++) expected += g.amplitudes[k] ** 2;
    const rng = new Rng('grf');
    let s2 = 0; const u = new Float64Array(64);
    for (let d = 0; d < 400; d++) { g.sample(rng, u); for (let j = 0; j < 64; j++) s2 += u[j] ** 2; }
    const ratio = s2 / (400 * 64) / expected;
    expect(ratio).toBeGreaterThan(0.85); expect(ratio).toBeLessThan(1.15);
    const fine = new PeriodicGaussianField1d({ n: 128, kMax: 10 }).sample(new Rng(5));
    const coarse = new PeriodicGaussianField1d({ n: 64, kMax: 10 }).sample(new Rng(5));
    for (let j = 0; j < 64; j++) expect(Math.abs(fine[2 * j] - coarse[j])).toBeLessThan(1e-14);
  });

  it('dataset: same seed, same data; resolutions are subsamples of one solve', () => {
    const a = burgersDataset({ samples: 2, resolutions: [32, 64], solveN: 64, seed: 3 });
    const b = burgersDataset({ samples: 2, resolutions: [32], solveN: 64, seed: 3 });
    expect(Array.from(a.outputs[0])).toEqual(Array.from(b.outputs[0]));
    for (let j = 0; j < 32; j++) expect(a.outputs[0][j]).toBe(a.outputs[1][2 * j]);
    expect(() => burgersDataset({ samples: 2, resolutions: [48], solveN: 64, seed: 3 })).toThrow(/divisor/);
  });
});
