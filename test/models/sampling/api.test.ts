import { createMatrix } from '../../../src/linalg/dense';
import { InvalidArgumentError, InvalidTypeError } from '../../../src/core/errors';
import { aldi, darcyForwardMap, darcyKlBasis, darcyLogPermeability, darcyMetrics, ekhmc, eks, pcn, forceNorm, quadraturePosterior2d, runSamplerAsync, type InverseProblem } from '../../../src/models/sampling/index';
import { Rng } from '../../../src/random/rng';
import { linearTestProblem } from './helpers';

const { problem, posterior } = linearTestProblem();

describe('bad input throws named errors before any work', () => {
  let calls = 0;
  const counting: InverseProblem = { ...problem, forward: (q, out) => { calls++; problem.forward!(q, out); } };
  const cases: [string, object, RegExp][] = [
    ['ensemble of one particle', { ensemble: createMatrix(1, 2) }, /problem\.ensemble.*at least 2/],
    ['ensembleSize 1', { ensembleSize: 1 }, /problem\.ensembleSize/],
    ['ensemble of the wrong dimension', { ensemble: createMatrix(5, 3) }, /problem\.ensemble.*I×2/],
    ['prior mean of the wrong length', { ensembleSize: 5, prior: { mean: [1, 2, 3], covariance: 1 } }, /problem\.prior\.mean/],
    ['prior covariance of the wrong size', { ensembleSize: 5, prior: { covariance: [1, 2, 3] } }, /problem\.prior\.covariance/],
    ['noise of the wrong size for the data', { ensembleSize: 5, noise: [1, 1] }, /problem\.noise.*3×3/],
    ['non-SPD noise', { ensembleSize: 5, noise: createMatrix(3, 3, new Float64Array([1, 2, 0, 2, 1, 0, 0, 0, 1])) }, /problem\.noise.*positive definite/],
    ['negative noise variance', { ensembleSize: 5, noise: [1, -1, 1] }, /problem\.noise\[1\]/],
    ['missing forward map', { ensembleSize: 5, forward: undefined }, /problem\.forward/],
    ['NaN in the data', { ensembleSize: 5, data: [1, NaN, 0] }, /problem\.data\[1\]/],
    ['ensembleSize Infinity', { ensembleSize: Infinity }, /problem\.ensembleSize must be an integer/],
    ['ensembleSize too large to allocate', { ensembleSize: 2 ** 40 }, /problem\.ensembleSize must be an integer in \[2, /],
    ['iterations NaN', { ensembleSize: 5, iterations: NaN }, /problem\.iterations/],
    ['iterations Infinity', { ensembleSize: 5, iterations: Infinity }, /problem\.iterations/],
    ['dimension too large', { ensembleSize: 5, dimension: 1e6 }, /problem\.dimension must be an integer in \[1, 8192\]/],
  ];
  for (const [what, patch, re] of cases) {
    it(what, () => {
      for (const run of [ekhmc, eks, aldi]) {
        calls = 0;
        expect(() => run({ ...counting, ...patch } as never)).toThrow(re);
        expect(calls).toBe(0);
      }
    });
  }
  it('bad scheme parameters', () => {
    expect(() => ekhmc({ ...problem, ensembleSize: 5, gamma: 0 })).toThrow(InvalidArgumentError);
    expect(() => ekhmc({ ...problem, ensembleSize: 5, forceNorm: 'max' as never })).toThrow(/forceNorm/);
    expect(() => ekhmc({ ...problem, ensembleSize: 5, force: 'gradient', gradient: undefined })).toThrow(InvalidTypeError);
    expect(() => eks({ ...problem, ensembleSize: 5, noiseSqrt: 'cholesky' as never })).toThrow(/noiseSqrt/);
    expect(() => pcn({ ...problem, beta: 1.5 })).toThrow(/beta/);
    expect(() => ekhmc({ ...problem, ensembleSize: 5 }, { saveAt: [300] })).toThrow(/saveAt/);
  });
  it('a forward map of the wrong output length', () => {
    expect(() => eks({ ...problem, ensembleSize: 5, forward: () => [1, 2] })).toThrow(/problem\.forward.*3 outputs/);
  });
});

describe('run idiom', () => {
  it('a forward map returning NaN stops the run with a status naming the particle, keeping the last good ensemble', () => {
    for (const run of [ekhmc, eks, aldi]) {
      let evals = 0;
      const r = run({
        ...problem,
        ensembleSize: 10,
        iterations: 20,
        seed: 2,
        forward: (q, out) => {
          evals++;
          problem.forward!(q, out);
          if (evals === 10 * 5 + 7) out[1] = NaN; // 8th particle of the 5th evaluation after the initial one
        },
      });
      expect(r.status).toBe('nonFinite');
      expect(r.message).toMatch(/particle 6/);
      expect(r.stats.naccept).toBe(4);
      expect(r.history.mean.length).toBe(5);
      for (const v of r.final.data) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('abort, progress, saveAt and reproducibility from a seed or an Rng', () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const r = ekhmc({ ...problem, ensembleSize: 8, iterations: 100, seed: 1 }, { progressEvery: 10, onProgress: (p) => { seen.push(p.step); if (p.step >= 30) controller.abort(); }, signal: controller.signal, saveAt: [0, 5, 50] });
    expect(r.status).toBe('aborted');
    expect(r.stats.naccept).toBeGreaterThanOrEqual(30);
    expect(r.stats.naccept).toBeLessThan(40);
    expect(seen[1] - seen[0]).toBe(10);
    expect(r.saved.map((s) => s.t)).toEqual([0, 5]);
    const a = eks({ ...problem, ensembleSize: 8, iterations: 10, seed: 'x' });
    const b = eks({ ...problem, ensembleSize: 8, iterations: 10, rng: new Rng('x') });
    expect(Array.from(a.final.data)).toEqual(Array.from(b.final.data));
    expect(a.stats.nforward).toBe(8 * 11);
    expect(a.history.stepSize.length).toBe(11);
  });

  it('forceNorm: max particle, rms, Frobenius', () => {
    const F = new Float64Array([3, 4, 0, 0, 0, 0]);
    expect(forceNorm(F, 3, 2, 'maxParticle')).toBe(5);
    expect(forceNorm(F, 3, 2, 'rms')).toBeCloseTo(5 / Math.sqrt(3), 15);
    expect(forceNorm(F, 3, 2, 'frobenius')).toBe(5);
  });
});

describe('gradient EKHMC and pCN on the linear-Gaussian problem', () => {
  it('gradient and gradient-free EKHMC coincide for a linear forward map (same noise)', () => {
    const opts = { ensembleSize: 12, iterations: 30, seed: 3, epsilon: 0.1 };
    const a = ekhmc({ ...problem, ...opts });
    const b = ekhmc({ ...problem, ...opts, force: 'gradient' });
    for (let k = 0; k < a.final.data.length; k++) expect(Math.abs(a.final.data[k] - b.final.data[k])).toBeLessThan(1e-10);
    expect(b.stats.ngradient).toBe(12 * 31);
  });

  it('pCN reaches N(Bc, B)', () => {
    const r = pcn({ ...problem, iterations: 40000, beta: 0.3, seed: 8, thin: 4 });
    expect(r.status).toBe('success');
    expect(r.stats.acceptanceRate).toBeGreaterThan(0.1);
    const S = r.final.rows;
    const m = [0, 0];
    for (let s = 0; s < S; s++) for (let a = 0; a < 2; a++) m[a] += r.final.data[s * 2 + a] / S;
    // a loose check (autocorrelated chain): within 0.1 posterior standard deviations × 4
    for (let a = 0; a < 2; a++) expect(Math.abs(m[a] - posterior.mean[a])).toBeLessThan(0.1 * Math.sqrt(posterior.covariance.data[a * 3]));
  });
});

describe('sizes of the helper exports are validated before any loop or allocation', () => {
  it('forceNorm names non-finite or inconsistent sizes', () => {
    const F = new Float64Array(4);
    expect(() => forceNorm(F, Infinity, 2, 'rms')).toThrow(/members must be an integer/);
    expect(() => forceNorm(F, 2, NaN, 'rms')).toThrow(/dimension must be an integer/);
    expect(() => forceNorm(F, 3, 2, 'rms')).toThrow(/forces must be of length members·dimension = 6/);
    expect(() => forceNorm(new Float64Array([NaN, 0, 0, 0]), 2, 2, 'rms')).toThrow(InvalidArgumentError);
  });
  it('darcyLogPermeability and darcyForwardMap bound the grid', () => {
    const kl = darcyKlBasis({ modes: 2 });
    const u = new Float64Array(kl.dimension);
    expect(() => darcyLogPermeability(kl, u, Infinity)).toThrow(/n must be an integer in \[1, 4096\]/);
    expect(() => darcyLogPermeability(kl, new Float64Array(2), 4)).toThrow(InvalidTypeError);
    expect(() => darcyForwardMap({ grid: 1e6 })).toThrow(/options\.grid must be an integer in \[2, 512\]/);
    expect(() => darcyMetrics(new Float64Array(0), NaN, [], new Float64Array(0))).toThrow(/members/);
  });
  it('runSamplerAsync refuses a non-stepper synchronously, not as a rejected promise', () => {
    expect(() => runSamplerAsync({} as never, async () => {})).toThrow(InvalidTypeError);
  });
  it('quadraturePosterior2d bounds its nodes and refuses a non-finite start', () => {
    const two: InverseProblem = { dimension: 2, data: [0, 0], noise: 1, prior: { covariance: 1 }, forward: (q, out) => { out[0] = q[0]; out[1] = q[1]; } };
    expect(() => quadraturePosterior2d(two, { maxNodes: Infinity })).toThrow(/options\.maxNodes/);
    expect(() => quadraturePosterior2d(two, { start: [NaN, 0] })).toThrow(/options\.start\[0\]/);
  });
});
