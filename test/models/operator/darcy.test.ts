import { InvalidArgumentError, InvalidTypeError } from '../../../src/core/errors';
import { solveDiffusion } from '../../../src/fem/index';
import { NeumannGaussianField2d, Rng } from '../../../src/random/index';
import { darcyDataset, evaluateOperator, trainOperator } from '../../../src/models/operator/index';

const maxDiff = (a: Float64Array, b: Float64Array): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

describe('Darcy dataset', () => {
  const data = darcyDataset({ samples: 4, resolutions: [8, 16], seed: 'darcy' });

  it('the solution of sample 0 equals an independent sparse Q1 solve of the same coefficient', () => {
    const grf = new NeumannGaussianField2d();
    const c = grf.draw(Rng.stream('darcy', 0));
    const centres = Float64Array.from({ length: 16 }, (_, i) => (i + 0.5) / 16);
    const a = grf.evaluate(c, centres, centres).map((m) => (m >= 0 ? 12 : 3));
    const { u } = solveDiffusion({ n: 16, diffusion: a, source: 1 });
    expect(maxDiff(u, data.outputs[1].subarray(0, 17 * 17))).toBeLessThan(1e-14);
    const nodes = Float64Array.from({ length: 17 }, (_, i) => i / 16);
    expect(data.inputs[1].subarray(0, 17 * 17)).toEqual(grf.evaluate(c, nodes, nodes).map((m) => (m >= 0 ? 12 : 3)));
  });

  it('shapes, thresholded inputs, u = 0 on the boundary and u > 0 inside, the coarse grid is the fine one subsampled', () => {
    expect(data.sides).toEqual([9, 17]);
    expect(data.inputs[0].length).toBe(4 * 81);
    expect(new Set(data.inputs[1])).toEqual(new Set([12, 3]));
    for (let s = 0; s < 4; s++) {
      for (let j = 0; j < 17; j++) for (let i = 0; i < 17; i++) {
        const v = data.outputs[1][s * 289 + j * 17 + i];
        if (i === 0 || j === 0 || i === 16 || j === 16) expect(v).toBe(0);
        else expect(v).toBeGreaterThan(0);
        if (i % 2 === 0 && j % 2 === 0) {
          expect(data.outputs[0][s * 81 + (j / 2) * 9 + i / 2]).toBe(v);
          expect(data.inputs[0][s * 81 + (j / 2) * 9 + i / 2]).toBe(data.inputs[1][s * 289 + j * 17 + i]);
        }
      }
    }
  });

  it('is reproducible from the seed, sample by sample', () => {
    const two = darcyDataset({ samples: 2, resolutions: [8], solveN: 16, seed: 'darcy' });
    expect(two.outputs[0]).toEqual(data.outputs[0].slice(0, 2 * 81));
    expect(darcyDataset({ samples: 2, resolutions: [8], solveN: 16, seed: 'other' }).outputs[0]).not.toEqual(two.outputs[0]);
  });

  it('lognormal coefficient: the nodal solution converges at second order under refinement of the solve', () => {
    const sol = (N: number) => darcyDataset({ samples: 2, resolutions: [4], solveN: N, seed: 5, coefficient: 'lognormal', sigma: 10, kMax: 8 }).outputs[0];
    const u = [16, 32, 64, 128].map(sol);
    const e = [maxDiff(u[0], u[1]), maxDiff(u[1], u[2]), maxDiff(u[2], u[3])];
    const orders = [Math.log2(e[0] / e[1]), Math.log2(e[1] / e[2])];
    for (const p of orders) {
      expect(p).toBeGreaterThan(1.8);
      expect(p).toBeLessThan(2.2);
    }
  });

  it('validates before work', () => {
    expect(() => darcyDataset({ samples: 1, resolutions: [12], solveN: 16, seed: 1 })).toThrow(/divisor of solveN = 16/);
    expect(() => darcyDataset({ samples: 0, resolutions: [8], seed: 1 })).toThrow(InvalidArgumentError);
    expect(() => darcyDataset({ samples: 1, resolutions: [], seed: 1 })).toThrow(InvalidTypeError);
    expect(() => darcyDataset({ samples: 1, resolutions: [8], seed: 1, coefficient: 'binary' as 'threshold' })).toThrow(InvalidArgumentError);
    expect(() => darcyDataset({ samples: 1, resolutions: [8], seed: 1, thresholdValues: [12, -3] })).toThrow(/thresholdValues\[1\]/);
  });
});

describe('2D FNO trained on a tiny Darcy dataset', () => {
  it('learns (test error well below the untrained one) and keeps its error at 2n zero-shot within a recorded factor', () => {
    const d = darcyDataset({ samples: 48, resolutions: [8, 16], solveN: 32, seed: 2 });
    const P = 81, Pf = 289;
    const scale = (a: Float64Array, s: number, m = 0) => a.map((v) => (v - m) / s);
    const part = (r: number, a: number, b: number, Q: number, side: number) => ({
      inputs: scale(d.inputs[r].slice(a * Q, b * Q), 4.5, 7.5), outputs: scale(d.outputs[r].slice(a * Q, b * Q), 6e-3), shape: [side, side] });
    const train = part(0, 0, 36, P, 9), test = part(0, 36, 48, P, 9), fine = part(1, 36, 48, Pf, 17);
    const fno = { nModes: [8, 8], inChannels: 1, outChannels: 1, hiddenChannels: 8, nLayers: 2 };
    const res = trainOperator({ fno, train, test, epochs: 12, batchSize: 6, lr: 1e-2, decoupled: true, seed: 1, schedule: { kind: 'cosine', tMax: 12 } });
    expect(res.status).toBe('success');
    const untrained = evaluateOperator(res.final.fno, res.final.fno.initialize(new Rng(1)), test);
    const err = res.history.testRelL2[11];
    expect(err).toBeLessThan(0.5 * untrained);
    const ratio = evaluateOperator(res.final.fno, res.final.theta, fine) / err;
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});
