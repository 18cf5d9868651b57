import type { DenseMatrix } from '../../../src/core/types';
import { InvalidArgumentError, InvalidTypeError } from '../../../src/core/errors';
import {
  backwardKan, createKan, evaluateKan, fit, forwardKan, KanNetwork, kanRmse, KanObjective, KanWorkspace, type JetOrder,
} from '../../../src/models/kan/index';
import { Rng } from '../../../src/random/rng';
import { sampleDataset, SINE } from './helpers';

/** A random MultKAN [2, [2, 2], [0, 1]] (arity 3 at the output) with biases and a symbolic edge. */
function randomMultNet(seed: number): KanNetwork {
  const net = createKan({ shape: [2, [2, 2], [1, 1]], multArity: [[], [2, 2], [3]], intervals: 4, nodeBias: true, seed });
  const rng = new Rng(seed + 1);
  for (let t = 0; t < net.params.length; t++) net.params[t] += 0.3 * rng.normal();
  net.layers[1].setSymbolic(2, 3, SINE, 1.3, 0.2, 0.7, 0.1);
  return net;
}

function randomInputs(n: number, seed: number): DenseMatrix {
  const rng = new Rng(seed);
  return { rows: n, cols: 2, data: Float64Array.from({ length: 2 * n }, () => 1.8 * rng.uniform() - 0.9) };
}

function maxGradientError(params: Float64Array, f: () => number, grad: Float64Array): number {
  let worst = 0;
  // h = 1e-5: the products make the losses O(10), so round-off ε|f|/h at h = 1e-6 is already ~1e-9,
  // i.e. 1e-6 relative to the 1e-3 floor; truncation at 1e-5 stays below 1e-9 (measured: 2e-7 worst)
  const h = 1e-5;
  for (let t = 0; t < params.length; t++) {
    const x0 = params[t];
    params[t] = x0 + h;
    const fp = f();
    params[t] = x0 - h;
    const fm = f();
    params[t] = x0;
    const fd = (fp - fm) / (2 * h);
    worst = Math.max(worst, Math.abs(fd - grad[t]) / Math.max(Math.abs(fd), 1e-3));
  }
  return worst;
}

describe('KAN multiplication nodes (MultKAN)', () => {
  test('structure: subnodes, nodes, parameter layout', () => {
    const net = createKan({ shape: [2, [5, 2], 1], seed: 1 });
    expect(net.shape).toEqual([2, 7, 1]);
    expect(net.widthSpec).toEqual([2, [5, 2], 1]);
    expect(net.hasMult).toBe(true);
    const layer = net.layers[0];
    expect([layer.inDim, layer.outDim, layer.sumDim, layer.nodeDim]).toEqual([2, 9, 5, 7]);
    expect(Array.from(layer.multStart)).toEqual([5, 7]);
    expect([5, 6, 7, 8].map((j) => layer.nodeOfSubnode(j))).toEqual([5, 5, 6, 6]);
    expect(net.layers[1].inDim).toBe(7);
    expect(net.parameterCount().edges).toBe(2 * 9 + 7);
    const three = createKan({ shape: [2, [0, 2], 1], multArity: 3 });
    expect(three.layers[0].outDim).toBe(6);
    // a pure-sum width given as a pair is the plain KAN
    expect(new KanNetwork({ shape: [2, [3, 0], 1] }).params.length).toBe(new KanNetwork({ shape: [2, 3, 1] }).params.length);
  });

  test('forward: a mult node is the product of its subnode sums (+ node bias)', () => {
    const net = randomMultNet(2);
    const X = randomInputs(5, 3);
    const y = evaluateKan(net, X);
    const [l0, l1] = net.layers;
    for (let s = 0; s < X.rows; s++) {
      const x = [X.data[2 * s], X.data[2 * s + 1]];
      const sub0 = (j: number): number => l0.evaluateEdge(j, 0, new Float64Array([x[0]]))[0] + l0.evaluateEdge(j, 1, new Float64Array([x[1]]))[0];
      const h = [sub0(0) + l0.bias![0], sub0(1) + l0.bias![1], sub0(2) * sub0(3) + l0.bias![2], sub0(4) * sub0(5) + l0.bias![3]];
      const sub1 = (j: number): number => h.reduce((acc, v, i) => acc + l1.evaluateEdge(j, i, new Float64Array([v]))[0], 0);
      expect(y[2 * s]).toBeCloseTo(sub1(0) + l1.bias![0], 13);
      expect(y[2 * s + 1]).toBeCloseTo(sub1(1) * sub1(2) * sub1(3) + l1.bias![1], 13);
    }
  });

  test.each([0, 1, 2] as JetOrder[])('reverse mode through products matches finite differences (jet order %i)', (order) => {
    const net = randomMultNet(3);
    const X = randomInputs(7, 5);
    const ws = new KanWorkspace(net, X.rows, order);
    const rng = new Rng(17);
    const L = net.depth;
    const wv = Float64Array.from({ length: ws.values[L].length }, () => rng.normal());
    const w1 = Float64Array.from({ length: ws.first[L].length }, () => rng.normal());
    const w2 = Float64Array.from({ length: ws.second[L].length }, () => rng.normal());
    const loss = (): number => {
      forwardKan(net, X, ws);
      let f = 0;
      for (let t = 0; t < wv.length; t++) f += wv[t] * ws.values[L][t];
      for (let t = 0; t < w1.length; t++) f += w1[t] * ws.first[L][t];
      for (let t = 0; t < w2.length; t++) f += w2[t] * ws.second[L][t];
      return f;
    };
    loss();
    ws.valueAdjoint[L].set(wv);
    ws.firstAdjoint[L].set(w1);
    ws.secondAdjoint[L].set(w2);
    const grad = backwardKan(net, ws, new Float64Array(net.params.length));
    expect(maxGradientError(net.params, loss, grad)).toBeLessThan(1e-6);
    const inputGrad = Float64Array.from(ws.valueAdjoint[0]);
    expect(maxGradientError(X.data, loss, inputGrad)).toBeLessThan(1e-6);
    // the bias of a mult node gets the node adjoint itself: nonzero
    expect(grad[net.layers[0].offsets.bias + 2]).not.toBe(0);
  });

  test('input jets through products equal finite differences of the network', () => {
    const net = randomMultNet(8);
    const X = randomInputs(4, 9);
    const ws = new KanWorkspace(net, X.rows, 2);
    forwardKan(net, X, ws);
    const nOut = net.outputDim;
    const first = Float64Array.from(ws.first[net.depth]);
    const second = Float64Array.from(ws.second[net.depth]);
    const plain = new KanWorkspace(net, X.rows, 0);
    for (let d = 0; d < 2; d++) {
      const shifted = (delta: number): Float64Array => {
        const data = Float64Array.from(X.data);
        for (let s = 0; s < X.rows; s++) data[s * 2 + d] += delta;
        return Float64Array.from(forwardKan(net, { ...X, data }, plain));
      };
      const h1 = 1e-5;
      const h2 = 2e-3; // Richardson-extrapolated second differences, as in gradients.test.ts
      const [yp1, ym1, yp, ym, yp2, ym2, y0] = [h1, -h1, h2, -h2, h2 / 2, -h2 / 2, 0].map(shifted);
      for (let s = 0; s < X.rows; s++) {
        for (let o = 0; o < nOut; o++) {
          const t = s * nOut + o;
          const jet = (s * nOut + o) * 2 + d;
          expect(first[jet]).toBeCloseTo((yp1[t] - ym1[t]) / (2 * h1), 7);
          const coarse = (yp[t] - 2 * y0[t] + ym[t]) / (h2 * h2);
          const fine = (yp2[t] - 2 * y0[t] + ym2[t]) / ((h2 * h2) / 4);
          expect(Math.abs(second[jet] - (4 * fine - coarse) / 3)).toBeLessThan(1e-6 * (1 + Math.abs(second[jet])));
        }
      }
    }
  });

  test('MSE + λ·reg objective of a MultKAN has the exact gradient', () => {
    const net = createKan({ shape: [2, [1, 1], 1], intervals: 4, seed: 4 });
    const [X, Y] = sampleDataset(30, 2, (x) => x[0] * x[1], 4);
    const objective = new KanObjective(net, X, Y, { lamb: 0.05, lambCoef: 0.1 });
    const grad = new Float64Array(net.params.length);
    const scratch = new Float64Array(net.params.length);
    objective.evaluate(net.params, grad);
    expect(maxGradientError(net.params, () => objective.evaluate(net.params, scratch), grad)).toBeLessThan(1e-6);
  });

  test('pykan-shaped fit trains a MultKAN on x1·x2 (grid updates included)', () => {
    const net = createKan({ shape: [2, [0, 1], 1], intervals: 5, seed: 0 });
    const [X, Y] = sampleDataset(100, 2, (x) => x[0] * x[1], 2);
    const before = kanRmse(net, X, Y); // ≈ 1/3, the standard deviation of x1·x2
    const r = fit(net, { train_input: X, train_label: Y }, { opt: 'LBFGS', steps: 10 });
    expect(r.run.status).toBe('success');
    expect(r.train_loss[r.train_loss.length - 1]).toBeCloseTo(kanRmse(net, X, Y), 12);
    expect(r.train_loss[r.train_loss.length - 1]).toBeLessThan(0.3 * before);
  });

  test('workspaces match the node/subnode structure, not only the node counts', () => {
    const mult = createKan({ shape: [2, [1, 1], 1] });
    const plain = createKan({ shape: [2, 2, 1] });
    expect(new KanWorkspace(mult, 3).fits(plain)).toBe(false);
    expect(() => forwardKan(plain, randomInputs(3, 1), new KanWorkspace(mult, 3))).toThrow(InvalidTypeError);
  });

  test('width specs pykan would reject, and arities below 2, throw named errors before any work', () => {
    expect(() => createKan({ shape: [2, [5, 2], 1], multArity: 1 })).toThrow(/multArity/);
    expect(() => createKan({ shape: [2, [5, 2], 1], multArity: 1 })).toThrow(InvalidArgumentError);
    expect(() => createKan({ shape: [2, [5, 2], 1], multArity: 2.5 })).toThrow(InvalidTypeError);
    expect(() => createKan({ shape: [2, [5, 2], 1], multArity: [[], [2], []] })).toThrow(/multArity\[1\]/);
    expect(() => createKan({ shape: [2, [5, 2], 1], multArity: [[], [2, 1], []] })).toThrow(/multArity\[1\]\[1\]/);
    expect(() => createKan({ shape: [2, [5, 2], 1], multArity: [[], [2, 2]] })).toThrow(/multArity.length/);
    expect(() => createKan({ shape: [2, [5, 2, 1] as unknown as [number, number], 1] })).toThrow(/shape\[1\]/);
    expect(() => createKan({ shape: [2, [5] as unknown as [number, number], 1] })).toThrow(/shape\[1\]/);
    expect(() => createKan({ shape: [2, [-1, 2], 1] })).toThrow(/shape\[1\]/);
    expect(() => createKan({ shape: [2, [0, 0], 1] })).toThrow(/shape\[1\]/);
    expect(() => createKan({ shape: [[2, 1], 3, 1] })).toThrow(/shape\[0\]/);
    expect(() => createKan({ shape: [2, '3' as unknown as number, 1] })).toThrow(/shape\[1\]/);
  });
});
