import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';
import type { DenseMatrix } from '../../src/core/types';
import { mseLoss, type JetLoss } from '../../src/nn/jetLoss';
import { mlpJetModel } from '../../src/nn/jetModel';
import { initializeMlp, Mlp } from '../../src/nn/mlp';
import { trainJetModel } from '../../src/nn/trainJet';

const batch = (xs: number[][]): DenseMatrix => ({ rows: xs.length, cols: xs[0].length, data: Float64Array.from(xs.flat()) });

describe('JetModel view of an MLP', () => {
  const X = batch([[0.1, -0.3], [0.7, 0.2], [-0.5, 0.9]]);
  const net = () => initializeMlp(new Mlp([2, 6, 6, 1]), { seed: 3 });

  test('first and pure second input derivatives match central differences of the value', () => {
    const n = net();
    const model = mlpJetModel(n, X, 2);
    model.forward();
    const h = 1e-4;
    for (let s = 0; s < X.rows; s++) {
      for (let d = 0; d < 2; d++) {
        const shifted = (delta: number) => {
          const Y = { rows: 1, cols: 2, data: Float64Array.from(X.data.subarray(2 * s, 2 * s + 2)) };
          Y.data[d] += delta;
          const m = mlpJetModel(n, Y, 0);
          m.forward();
          return m.value[0];
        };
        const fp = shifted(h), f0 = shifted(0), fm = shifted(-h);
        expect(Math.abs(f0 - model.value[s])).toBeLessThan(1e-15);
        expect(Math.abs((fp - fm) / (2 * h) - model.first[s * 2 + d])).toBeLessThan(1e-7);
        expect(Math.abs((fp - 2 * f0 + fm) / (h * h) - model.second[s * 2 + d])).toBeLessThan(1e-5);
      }
    }
  });

  test('the parameter gradient of a loss of value, first and second jets matches central differences', () => {
    const n = net();
    const model = mlpJetModel(n, X, 2);
    // a PINN-like residual: mean (u + ∂u/∂x₀ + ∂²u/∂x₁² − 1)²
    const loss: JetLoss = (m) => {
      m.forward();
      let sum = 0;
      for (let s = 0; s < m.batch; s++) {
        const r = m.value[s] + m.first[2 * s] + m.second[2 * s + 1] - 1;
        sum += r * r;
        m.valueAdjoint[s] = (2 * r) / m.batch;
        m.firstAdjoint[2 * s] = (2 * r) / m.batch;
        m.firstAdjoint[2 * s + 1] = 0;
        m.secondAdjoint[2 * s] = 0;
        m.secondAdjoint[2 * s + 1] = (2 * r) / m.batch;
      }
      return sum / m.batch;
    };
    loss(model);
    const grad = new Float64Array(model.params.length);
    model.backward(grad);
    const h = 1e-6;
    let worst = 0;
    for (let p = 0; p < model.params.length; p += 3) {
      const keep = model.params[p];
      model.params[p] = keep + h; const fp = loss(model);
      model.params[p] = keep - h; const fm = loss(model);
      model.params[p] = keep;
      worst = Math.max(worst, Math.abs((fp - fm) / (2 * h) - grad[p]));
    }
    expect(worst).toBeLessThan(1e-7);
    expect(model.parameterCount).toBe(n.params.length);
  });

  test('bad networks and batches are rejected', () => {
    expect(() => mlpJetModel({} as never, X, 1)).toThrow(InvalidTypeError);
    expect(() => mlpJetModel(new Mlp([2, 4, 2]), X, 1)).toThrow(InvalidArgumentError);
    expect(() => mlpJetModel(new Mlp([3, 4, 1]), X, 1)).toThrow();
  });
});

describe('mseLoss and trainJetModel', () => {
  const xs = Array.from({ length: 16 }, (_, i) => [-1 + (2 * i) / 15]);
  const X = batch(xs);
  const targets = Float64Array.from(xs, ([x]) => Math.sin(2 * x));

  test('mseLoss is the mean squared error and seeds value adjoints 2(u − y)/B', () => {
    const model = mlpJetModel(initializeMlp(new Mlp([1, 5, 1]), { seed: 1 }), X, 1);
    const value = mseLoss(targets)(model);
    let expected = 0;
    for (let s = 0; s < X.rows; s++) expected += (model.value[s] - targets[s]) ** 2 / X.rows;
    expect(Math.abs(value - expected)).toBeLessThan(1e-15);
    expect(Math.abs(model.valueAdjoint[3] - (2 * (model.value[3] - targets[3])) / X.rows)).toBeLessThan(1e-16);
    expect(model.firstAdjoint.every((v) => v === 0)).toBe(true);
  });

  test('L-BFGS fits sin 2x: the loss falls by orders of magnitude; saved states, history and counters follow the run idiom', () => {
    const model = mlpJetModel(initializeMlp(new Mlp([1, 8, 1]), { seed: 0 }), X, 0);
    const loss = mseLoss(targets);
    const initial = loss(model);
    const r = trainJetModel({ model, loss, optimizer: 'lbfgs', iterations: 200 }, { saveAt: [0, 50] });
    expect(r.status).toBe('success');
    expect(r.final.loss).toBeLessThan(initial * 1e-3);
    expect(r.history.loss.length).toBe(r.stats.nsteps);
    expect(r.history.loss[r.history.loss.length - 1]).toBe(r.final.loss);
    expect(r.saved.map((s) => s.t)).toEqual([0, 50]);
    expect(Array.from(model.params)).toEqual(Array.from(r.final.params));
    expect(Math.abs(loss(model) - r.final.loss)).toBeLessThan(1e-15);
    expect(r.stats.nfev).toBeGreaterThanOrEqual(r.stats.nsteps);
  });

  test('Adam: deterministic; aborted signal; non-finite loss; bad options', () => {
    const make = () => mlpJetModel(initializeMlp(new Mlp([1, 4, 1]), { seed: 2 }), X, 0);
    const a = trainJetModel({ model: make(), loss: mseLoss(targets), iterations: 30, lr: 1e-2 });
    const b = trainJetModel({ model: make(), loss: mseLoss(targets), iterations: 30, lr: 1e-2 });
    expect(a.final.loss).toBe(b.final.loss);
    expect(a.history.loss[29]).toBeLessThan(a.history.loss[0]);
    const ac = new AbortController();
    ac.abort();
    expect(trainJetModel({ model: make(), loss: mseLoss(targets), iterations: 30 }, { signal: ac.signal }).status).toBe('aborted');
    const nan = trainJetModel({ model: make(), loss: (m) => { m.forward(); m.valueAdjoint.fill(Number.NaN); return Number.NaN; }, iterations: 5 });
    expect(nan.status).toBe('nonFinite');
    expect(() => trainJetModel({ model: make(), loss: mseLoss(targets), optimizer: 'sgd' as never })).toThrow(InvalidArgumentError);
    expect(() => trainJetModel({ model: make(), loss: mseLoss(targets), iterations: 10 }, { saveAt: [2.5] })).toThrow(InvalidArgumentError);
    expect(() => trainJetModel({ model: null as never, loss: mseLoss(targets) })).toThrow(InvalidTypeError);
  });
});
