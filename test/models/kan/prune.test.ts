import { InvalidTypeError } from '../../../src/core/errors';
import { layerInputs } from '../../../src/models/kan/activations';
import { attributionScores } from '../../../src/models/kan/attribution';
import { createKan } from '../../../src/models/kan/initialization';
import { KanNetwork } from '../../../src/models/kan/network';
import { evaluateKan } from '../../../src/models/kan/propagation';
import { pruneKan, pruneNodes, subnetwork } from '../../../src/models/kan/prune';
import { symbolicLibrary } from '../../../src/models/kan/symbolicLibrary';
import { Rng } from '../../../src/random/index';

const fn = (name: string) => symbolicLibrary().get(name)!;

function randomInputs(rows: number, cols: number, seed: number) {
  const rng = new Rng(seed);
  const data = new Float64Array(rows * cols);
  for (let t = 0; t < data.length; t++) data[t] = 2 * rng.uniform() - 1;
  return { rows, cols, data };
}

/** [2, 3, 1]: only hidden node 0 reaches the output; hidden 2 sees x2 but its output edge is 0. */
function partlyDeadNetwork(): KanNetwork {
  const net = createKan({ shape: [2, 3, 1], intervals: 5, seed: 3 });
  const [l0, l1] = net.layers;
  l0.setSymbolic(0, 0, fn('sin'), 2, 0.1, 1, 0);
  l0.setSymbolic(0, 1, fn('x^2'), 1, 0, 0.5, 0);
  l0.setSymbolic(1, 0, fn('0'), 1, 0, 0, 0);
  l0.setSymbolic(1, 1, fn('0'), 1, 0, 0, 0);
  l0.setSymbolic(2, 0, fn('0'), 1, 0, 0, 0);
  l0.setSymbolic(2, 1, fn('tanh'), 1, 0, 1, 0);
  l1.setSymbolic(0, 0, fn('exp'), 1, 0, 1, 0);
  l1.setSymbolic(0, 1, fn('x'), 1, 0, 3, 0);
  l1.setSymbolic(0, 2, fn('0'), 1, 0, 0, 0.5);
  return net;
}

const std = (v: ArrayLike<number>) => {
  const n = v.length;
  let m = 0;
  for (let s = 0; s < n; s++) m += v[s] / n;
  let q = 0;
  for (let s = 0; s < n; s++) q += (v[s] - m) ** 2;
  return Math.sqrt(q / (n - 1));
};

describe('attribution scores', () => {
  it('match a direct evaluation of the backward recursion on a random spline KAN', () => {
    const net = createKan({ shape: [2, 3, 2], intervals: 4, seed: 11 });
    const X = randomInputs(300, 2, 5);
    const acts = layerInputs(net, X);
    const { nodeScores, edgeScores } = attributionScores(net, X);
    // σ of every edge and τ of every node, recomputed here sample by sample
    const sigma = net.layers.map((layer, l) =>
      Array.from({ length: layer.edgeCount }, (_, e) => {
        const i = e % layer.inDim;
        const j = Math.floor(e / layer.inDim);
        const xs = Float64Array.from({ length: X.rows }, (_, s) => acts[l].data[s * layer.inDim + i]);
        return std(layer.evaluateEdge(j, i, xs));
      }),
    );
    const tau = net.layers.map((layer, l) => Array.from({ length: layer.outDim }, (_, j) => std(Array.from({ length: X.rows }, (_, s) => acts[l + 1].data[s * layer.outDim + j]))));
    // score of node i of layer l for output o, by recursion over paths
    const nodeScore = (l: number, i: number, o: number): number => {
      if (l === net.depth) return i === o ? 1 : 0;
      const layer = net.layers[l];
      let acc = 0;
      for (let j = 0; j < layer.outDim; j++) acc += (sigma[l][j * layer.inDim + i] * nodeScore(l + 1, j, o)) / (tau[l][j] + 1e-4);
      return acc;
    };
    for (let l = 0; l < net.depth; l++) {
      for (let i = 0; i < net.shape[l]; i++) {
        const expected = (nodeScore(l, i, 0) + nodeScore(l, i, 1)) / 2;
        expect(Math.abs(nodeScores[l][i] - expected)).toBeLessThan(1e-12 * Math.max(1, expected));
      }
      const layer = net.layers[l];
      for (let e = 0; e < layer.edgeCount; e++) {
        const j = Math.floor(e / layer.inDim);
        const expected = ((sigma[l][e] / (tau[l][j] + 1e-4)) * (nodeScore(l + 1, j, 0) + nodeScore(l + 1, j, 1))) / 2;
        expect(Math.abs(edgeScores[l][e] - expected)).toBeLessThan(1e-12 * Math.max(1, expected));
      }
    }
  });

  it('vanish exactly on nodes that cannot reach the output; a single chain scores σ/(σ + 1e-4)', () => {
    const X = randomInputs(200, 2, 7);
    const { nodeScores, edgeScores, edgeStd } = attributionScores(partlyDeadNetwork(), X);
    expect(nodeScores[1][1]).toBe(0);
    expect(nodeScores[1][2]).toBe(0);
    expect(nodeScores[0][0]).toBeGreaterThan(0.1);
    expect(nodeScores[0][1]).toBeGreaterThan(0.1);
    // the output layer: hidden 0 is the only non-constant contribution, so its score is σ/(σ + 1e-4)
    const s = edgeStd[1][0];
    expect(edgeScores[1][0]).toBeCloseTo(s / (s + 1e-4), 12);
  });
});

describe('pruning', () => {
  it('removes dead hidden nodes and preserves the function exactly', () => {
    const net = partlyDeadNetwork();
    const X = randomInputs(200, 2, 9);
    const { network, keptNodes } = pruneNodes(net, X);
    expect(keptNodes).toEqual([[0, 1], [0], [0]]);
    expect(network.shape).toEqual([2, 1, 1]);
    const before = evaluateKan(net, X);
    const after = evaluateKan(network, X);
    // the removed node contributed the constant 0.5 through a '0' edge: it is gone after pruning
    for (let s = 0; s < X.rows; s++) expect(after[s]).toBeCloseTo(before[s] - 0.5, 12);
  });

  it('pruneKan masks low-score edges of the pruned network; a spline net keeps its function on a copy', () => {
    const net = createKan({ shape: [2, 4, 1], intervals: 5, seed: 2 });
    net.layers[1].baseScale.fill(0);
    net.layers[1].splineScale.fill(0);
    net.layers[1].baseScale[1] = 1; // only hidden node 1 reaches the output
    const X = randomInputs(300, 2, 4);
    const copy = net.params.slice();
    const { network, keptNodes } = pruneKan(net, X, { edgeThreshold: 0 });
    expect(keptNodes[1]).toEqual([1]);
    expect(net.params).toEqual(copy); // input unchanged
    const before = evaluateKan(net, X);
    const after = evaluateKan(network, X);
    for (let s = 0; s < X.rows; s++) expect(Math.abs(after[s] - before[s])).toBeLessThan(1e-14);
  });

  it('rejects malformed node lists', () => {
    const net = createKan({ shape: [2, 3, 1], seed: 0 });
    expect(() => subnetwork(net, [[0, 1], [2, 1], [0]])).toThrow(InvalidTypeError);
    expect(() => subnetwork(net, [[0, 1], [], [0]])).toThrow(InvalidTypeError);
    expect(() => subnetwork(net, [[0, 1], [0]])).toThrow(InvalidTypeError);
  });
});
