import { trapezoidWeights } from '../../../src/quad/trapezoid';
import { initializeMlp, Mlp } from '../../../src/nn/index';
import { Rng } from '../../../src/random/rng';
import { createKan } from '../../../src/models/kan/initialization';
import { kanJetModel } from '../../../src/models/kan/jetModels';
import { mlpJetModel, type JetModel } from '../../../src/nn/jetModel';
import type { JetLoss } from '../../../src/nn/jetLoss';
import { poissonComparison, poissonExact, poissonPinnLoss, poissonRitzLoss, relativePoissonErrors } from '../../../src/models/kan/experiments/poisson';
import { dftAmplitudes, spectralBias } from '../../../src/models/kan/experiments/spectralBias';
import { GaussianRandomField } from '../../../src/random/gaussianRandomField';
import { grfRegression } from '../../../src/models/kan/experiments/grf';

const linspace = (n: number) => new Float64Array(n).map((_, q) => -1 + (2 * q) / (n - 1));

/** Central-difference check of a JetLoss gradient on a few parameters. */
function checkLossGradient(model: JetModel, loss: JetLoss): void {
  const grad = new Float64Array(model.params.length);
  loss(model);
  model.backward(grad);
  const eps = 1e-6;
  const rng = new Rng(2);
  for (let trial = 0; trial < 25; trial++) {
    const t = rng.integer(model.params.length);
    const saved = model.params[t];
    model.params[t] = saved + eps;
    const fp = loss(model);
    model.params[t] = saved - eps;
    const fm = loss(model);
    model.params[t] = saved;
    const fd = (fp - fm) / (2 * eps);
    expect(Math.abs(fd - grad[t])).toBeLessThan(1e-6 * Math.max(1, Math.abs(grad[t])));
  }
}

describe('Poisson (3.5.5): exact solution, losses, KAN vs MLP', () => {
  it('fixture: −u″ = f by central differences; ‖u′‖² = 2π² and the Ritz energy ∫(½u′² − fu) = −π² for k = 2 … 32', () => {
    const x = linspace(20001);
    const w = trapezoidWeights(x);
    for (const k of [2, 4, 8, 16, 32]) {
      const h = 1e-3;
      for (const x0 of [-0.7, 0.1, 0.55]) {
        const upp = (poissonExact(x0 + h, k).u - 2 * poissonExact(x0, k).u + poissonExact(x0 - h, k).u) / (h * h);
        expect(Math.abs(-upp - poissonExact(x0, k).f)).toBeLessThan(1e-5 * k ** 4); // O(h² u⁗)
      }
      let du2 = 0;
      let energy = 0;
      for (let q = 0; q < x.length; q++) {
        const e = poissonExact(x[q], k);
        du2 += w[q] * e.du * e.du;
        energy += w[q] * (0.5 * e.du * e.du - e.f * e.u);
      }
      // trapezoid on periodic-like integrands of period dividing 2: error far below 1e-8
      expect(Math.abs(du2 - 2 * Math.PI ** 2)).toBeLessThan(1e-8);
      expect(Math.abs(energy + Math.PI ** 2)).toBeLessThan(1e-8);
    }
  });

  it('relative errors vanish at the exact solution and scale linearly with a perturbation', () => {
    const x = linspace(2001);
    const u = x.map((v) => poissonExact(v, 4).u);
    const du = x.map((v) => poissonExact(v, 4).du);
    expect(relativePoissonErrors(x, u, du, 4)).toEqual({ l2: 0, h1: 0 });
    const a = relativePoissonErrors(x, u.map((v, q) => v + 1e-3 * Math.sin(Math.PI * x[q])), du.map((v, q) => v + 1e-3 * Math.PI * Math.cos(Math.PI * x[q])), 4);
    const b = relativePoissonErrors(x, u.map((v, q) => v + 2e-3 * Math.sin(Math.PI * x[q])), du.map((v, q) => v + 2e-3 * Math.PI * Math.cos(Math.PI * x[q])), 4);
    expect(b.l2 / a.l2).toBeCloseTo(2, 10);
    expect(b.h1 / a.h1).toBeCloseTo(2, 10);
  });

  it('PINN (order-2 jets) and Ritz (order-1 jets) loss gradients match central differences for a KAN and an MLP', () => {
    const X = { rows: 12, cols: 1, data: linspace(12) };
    const f = X.data.map((v) => poissonExact(v, 4).f);
    const kan = createKan({ shape: [1, 3, 1], intervals: 5, seed: 1 });
    const mlp = initializeMlp(new Mlp([1, 6, 6, 1], 'tanh'), { seed: 1 });
    checkLossGradient(kanJetModel(kan, X, 2), poissonPinnLoss(f, 0.01));
    checkLossGradient(mlpJetModel(mlp, X, 2), poissonPinnLoss(f, 0.01));
    checkLossGradient(kanJetModel(kan, X, 1), poissonRitzLoss(f, trapezoidWeights(X.data), 0.01));
    checkLossGradient(mlpJetModel(mlp, X, 1), poissonRitzLoss(f, trapezoidWeights(X.data), 0.01));
  });

  it('physics-informed KAN [1,10,1], G = 20, k = 4: error falls with training and ends below 2e-2; it beats a tanh MLP of equal size', () => {
    const short = poissonComparison({ frequency: 4, grids: [20], iterationsPerGrid: 40, errorPoints: 1001, seed: 0 });
    const long = poissonComparison({ frequency: 4, grids: [20], iterationsPerGrid: 300, errorPoints: 1001, seed: 0 });
    expect(long.status).toBe('success');
    expect(long.kan.l2[0]).toBeLessThan(short.kan.l2[0]);
    expect(long.kan.h1[0]).toBeLessThan(short.kan.h1[0]);
    // documented level (docs/kan.md): over seeds 0–4 the relative L² error after 300 L-BFGS
    // iterations on 200 points measured 1.4e-3 … 1.2e-2 and H¹ 8.9e-4 … 4.7e-3; the level is 2e-2
    expect(long.kan.l2[0]).toBeLessThan(2e-2);
    expect(long.kan.h1[0]).toBeLessThan(2e-2);
    expect(Math.abs(long.mlp.parameters - long.kan.parameters) / long.kan.parameters).toBeLessThan(0.1);
    expect(long.kan.h1[0]).toBeLessThan(long.mlp.h1[0]);
  });
});

describe('spectral bias and Gaussian random fields', () => {
  it('dftAmplitudes recovers the amplitudes of a sum of waves exactly', () => {
    const N = 200;
    const g = new Float64Array(N).map((_, j) => 3 * Math.sin((2 * Math.PI * 5 * j) / N + 1) + 0.5 * Math.cos((2 * Math.PI * 17 * j) / N));
    const a = dftAmplitudes(g, [5, 17, 30]);
    expect(a[0]).toBeCloseTo(3, 12);
    expect(a[1]).toBeCloseTo(0.5, 12);
    expect(a[2]).toBeLessThan(1e-12);
  });

  it('1-D waves: after the same Adam budget the MLP error grows with frequency (spectral bias) while the KAN learns every frequency', () => {
    const r = spectralBias({ frequencies: [1, 2, 4, 8, 16], points: 100, intervals: 40, iterations: 1000, seed: 0 });
    const [kan, mlp] = r.runs;
    expect(Math.abs(mlp.parameters - kan.parameters) / kan.parameters).toBeLessThan(0.1);
    for (let q = 1; q < r.frequencies.length; q++) expect(mlp.frequencyError[q]).toBeGreaterThan(mlp.frequencyError[q - 1]);
    for (let q = 0; q < r.frequencies.length; q++) expect(kan.frequencyError[q]).toBeLessThan(mlp.frequencyError[q]);
    expect(Math.max(...kan.frequencyError)).toBeLessThan(0.05);
  });

  it('KL sampler: the sample covariance of many draws matches K_m = Σ_{i≤m} λ_i φ_i φ_iᵀ within 5 standard errors', () => {
    const rng = new Rng(4);
    const N = 15;
    const X = { rows: N, cols: 2, data: new Float64Array(2 * N).map(() => 2 * rng.uniform() - 1) };
    const field = new GaussianRandomField(X, { lengthScale: 0.5 });
    const m = field.modes;
    expect(m).toBeGreaterThan(1);
    expect(field.eigenvalues[m - 1]).toBeGreaterThanOrEqual(0.1 * field.eigenvalues[0]);
    const draws = 4000;
    const S = new Float64Array(N * N);
    const f = new Float64Array(N);
    for (let t = 0; t < draws; t++) {
      field.sample(rng, f);
      for (let a = 0; a < N; a++) for (let b = 0; b < N; b++) S[a * N + b] += f[a] * f[b];
    }
    for (let a = 0; a < N; a++) {
      for (let b = 0; b < N; b++) {
        let K = 0;
        for (let i = 0; i < m; i++) K += field.eigenvalues[i] * field.eigenvectors[a * m + i] * field.eigenvectors[b * m + i];
        const Kaa = S[a * N + a] / draws;
        const Kbb = S[b * N + b] / draws;
        // Var(f_a f_b) = K_aa K_bb + K_ab² for a centered Gaussian pair (Isserlis)
        const se = Math.sqrt((Kaa * Kbb + K * K) / draws);
        expect(Math.abs(S[a * N + b] / draws - K)).toBeLessThan(5 * se);
      }
    }
  });

  it('GRF regression (reduced): grid extension lowers the KAN training error; rough fields (small σ) are harder for both networks', () => {
    const r = grfRegression({ points: 250, lengthScales: [1, 0.125], grids: [5, 10], stepsPerGrid: 4, seed: 0 });
    expect(r.status).toBe('success');
    for (const row of r.rows) expect(row.kanTrain[1]).toBeLessThan(row.kanTrain[0]);
    expect(r.rows[1].kanTest[1]).toBeGreaterThan(r.rows[0].kanTest[1]);
    expect(r.rows[1].mlpTest).toBeGreaterThan(r.rows[0].mlpTest);
  });
});
