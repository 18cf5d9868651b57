import { InvalidArgumentError, InvalidTypeError } from '../../../src/core/errors';
import { Fno, fnoFromJSON, fnoToJSON } from '../../../src/nn/index';
import { burgersDataset, evaluateOperator, initOperatorTraining, trainOperator } from '../../../src/models/operator/index';

describe('FNO training on a tiny Burgers dataset', () => {
  const data = burgersDataset({ samples: 24, resolutions: [32, 64], solveN: 64, seed: 'tiny', kMax: 8 });
  const train = { inputs: data.inputs[0].slice(0, 16 * 32), outputs: data.outputs[0].slice(0, 16 * 32), shape: [32] };
  const test = { inputs: data.inputs[0].slice(16 * 32), outputs: data.outputs[0].slice(16 * 32), shape: [32] };
  const fno = { nModes: [8], inChannels: 1, outChannels: 1, hiddenChannels: 6, nLayers: 2 };

  it('loss decreases, the run follows the run idiom, same seed gives the same parameters', () => {
    const progress: number[] = [];
    const res = trainOperator({ fno, train, test, epochs: 8, batchSize: 4, lr: 5e-3, seed: 1, schedule: { kind: 'cosine', tMax: 8 } }, { onProgress: (p) => progress.push(p.step), progressEvery: 4, saveAt: [4, 8] });
    expect(res.status).toBe('success');
    expect(res.stats.naccept).toBe(8);
    expect(res.stats.nfev).toBe(8 * 16);
    expect(res.history.trainLoss.length).toBe(8);
    expect(res.history.trainLoss[7]).toBeLessThan(0.5 * res.history.trainLoss[0]);
    expect(res.history.testRelL2[7]).toBeLessThan(res.history.testRelL2[0]);
    expect(res.saved.map((s) => s.t)).toEqual([4, 8]);
    expect(res.saved[1].state.every((v, i) => v === res.final.theta[i])).toBe(true);
    expect(progress.length).toBeGreaterThan(0);
    const again = trainOperator({ fno, train, test, epochs: 8, batchSize: 4, lr: 5e-3, seed: 1, schedule: { kind: 'cosine', tMax: 8 } });
    expect(again.final.theta.every((v, i) => v === res.final.theta[i])).toBe(true);
    expect(evaluateOperator(res.final.fno, res.final.theta, test)).toBe(res.history.testRelL2[7]);
    // super-resolution: the same test functions at 2n (band-limited data, kMax = 8), zero-shot; observed ratio 0.999
    const fine = { inputs: data.inputs[1].slice(16 * 64), outputs: data.outputs[1].slice(16 * 64), shape: [64] };
    const ratio = evaluateOperator(res.final.fno, res.final.theta, fine) / res.history.testRelL2[7];
    expect(ratio).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(1.25);
  });

  it('a learning rate that blows up ends with status nonFinite and the last finite parameters', () => {
    const run = initOperatorTraining({ fno, train, epochs: 5, batchSize: 16, lr: 1e300, seed: 2 });
    while (run.step());
    const r = run.result();
    expect(r.status).toBe('nonFinite');
    expect(r.final.theta.every((v) => Number.isFinite(v))).toBe(true);
  });

  it('bad problems throw before work', () => {
    expect(() => trainOperator({ fno, train: { ...train, shape: [31] }, epochs: 1, seed: 1 })).toThrow(InvalidTypeError);
    expect(() => trainOperator({ fno: { ...fno, nModes: [40] }, train, epochs: 1, seed: 1 })).toThrow(/Nyquist/);
    expect(() => trainOperator({ fno, train, epochs: 0, seed: 1 })).toThrow(InvalidArgumentError);
    expect(() => trainOperator({ fno, train, epochs: 1, seed: 1 }, { saveAt: [2] })).toThrow(InvalidArgumentError);
  });
});

describe('parameter file format', () => {
  it('round trips exactly and rejects files of another architecture or damaged files', () => {
    const net = new Fno({ nModes: [6], inChannels: 1, outChannels: 1, hiddenChannels: 4, nLayers: 2 });
    const theta = net.initialize(9);
    const text = JSON.stringify(fnoToJSON(net, theta, { note: 'test' }));
    const { fno, theta: back, metadata } = fnoFromJSON(JSON.parse(text));
    expect(back.every((v, i) => v === theta[i])).toBe(true);
    expect(fno.parameterCount).toBe(net.parameterCount);
    expect(metadata).toEqual({ note: 'test' });
    const doc = JSON.parse(text);
    expect(() => fnoFromJSON(doc, { nModes: [6], inChannels: 1, outChannels: 1, hiddenChannels: 5, nLayers: 2 })).toThrow(/file.architecture.hiddenChannels/);
    expect(() => fnoFromJSON({ ...doc, version: 2 })).toThrow(/file.version/);
    expect(() => fnoFromJSON({ ...doc, format: 'other' })).toThrow(/file.format/);
    expect(() => fnoFromJSON({ ...doc, parameters: doc.parameters.slice(1) })).toThrow(InvalidTypeError);
    expect(() => fnoFromJSON({ ...doc, parameters: [...doc.parameters.slice(1), null] })).toThrow(/file.parameters\[/);
  });
});
