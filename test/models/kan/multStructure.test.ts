import { execFileSync } from 'child_process';
import { join } from 'path';
import type { DenseMatrix } from '../../../src/core/types';
import { InvalidArgumentError, InvalidTypeError } from '../../../src/core/errors';
import {
  attributionScores, combineForms, createKan, evaluateKan, extendGrid, kanDiagramSpec, kanFromJSON, kanToJSON,
  multiplyForms, pruneKan, subnetwork, symbolicFormula, symbolicLibrary, variableForm, type KanNetwork,
} from '../../../src/models/kan/index';
import { Rng } from '../../../src/random/rng';

function inputs(n: number, d: number, seed: number): DenseMatrix {
  const rng = new Rng(seed);
  return { rows: n, cols: d, data: Float64Array.from({ length: n * d }, () => 2 * rng.uniform() - 1) };
}

/** A [3, [2, 2], 1] MultKAN (arities 2 and 3) with biases, a symbolic and a pruned edge. */
function multNet(): KanNetwork {
  const net = createKan({ shape: [3, [2, 2], 1], multArity: [[], [2, 3], []], intervals: 4, nodeBias: true, seed: 5 });
  const rng = new Rng(6);
  for (let t = 0; t < net.params.length; t++) net.params[t] += 0.1 * rng.normal();
  net.layers[0].setSymbolic(4, 2, symbolicLibrary().get('sin')!, 1.5, 0.2, 0.8, -0.1);
  net.layers[0].setEdgeMask(6, 1, 0);
  return net;
}

const lib = symbolicLibrary();

describe('MultKAN structure operations', () => {
  test('save → JSON text → load is bit-identical (layout version 2); sum-only networks stay version 1', () => {
    const net = multNet();
    const json = kanToJSON(net);
    expect(json.formatVersion).toBe(2);
    expect(json.shape).toEqual([3, [2, 2], 1]);
    expect(json.multArity).toEqual([[], [2, 3], []]);
    const copy = kanFromJSON(JSON.parse(JSON.stringify(json))).net;
    expect(copy.widthSpec).toEqual([3, [2, 2], 1]);
    expect(copy.multArity).toEqual(net.multArity);
    const X = inputs(50, 3, 1);
    const a = evaluateKan(net, X);
    const b = evaluateKan(copy, X);
    for (let s = 0; s < a.length; s++) expect(Object.is(a[s], b[s])).toBe(true);
    expect(Buffer.from(copy.params.buffer).equals(Buffer.from(net.params.buffer))).toBe(true);
    const plain = kanToJSON(createKan({ shape: [2, 3, 1] }));
    expect(plain.formatVersion).toBe(1);
    expect(plain.multArity).toBeUndefined();
    expect(kanFromJSON(plain).net.hasMult).toBe(false);
  });

  test('malformed MultKAN files are refused with a named error', () => {
    const good = JSON.stringify(kanToJSON(multNet()));
    const edit = (f: (j: Record<string, unknown>) => void) => () => {
      const j = JSON.parse(good) as Record<string, unknown>;
      f(j);
      return kanFromJSON(j);
    };
    expect(edit((j) => { delete j.multArity; })).toThrow(/json.multArity/);
    expect(edit((j) => { j.formatVersion = 1; })).toThrow(/json.shape\[1\]/);
    expect(edit((j) => { j.multArity = [[], [2, 1], []]; })).toThrow(InvalidArgumentError);
    expect(edit((j) => { j.multArity = [[], [2, 3], []]; j.shape = [3, [2, 1], 1]; })).toThrow(/multArity\[1\]/);
    expect(edit((j) => { j.shape = [3, [2, 2, 0], 1]; })).toThrow(InvalidTypeError);
  });

  test('attribution: a mult node’s score flows to each of its subnodes; subnode τ is the std of the sums', () => {
    const net = multNet();
    const X = inputs(80, 3, 2);
    const sc = attributionScores(net, X);
    expect(sc.nodeScores.map((v) => v.length)).toEqual([3, 4, 1]);
    expect(sc.edgeScores[0].length).toBe(3 * 7);
    expect(sc.nodeStd[0].length).toBe(7);
    const sub = sc.subnodeScores[0];
    expect(sub[2]).toBe(sub[3]); // first mult node: subnodes 2, 3
    expect(sub[4]).toBe(sub[5]); // second mult node: subnodes 4, 5, 6
    expect(sub[5]).toBe(sub[6]);
    expect(sub[2]).toBeCloseTo(sc.nodeScores[1][2], 15);
    expect(sub[4]).toBeCloseTo(sc.nodeScores[1][3], 15);
    // node scores are the sums of the outgoing edge scores; edge scores use the subnode score
    const layer = net.layers[0];
    for (let i = 0; i < 3; i++) {
      let total = 0;
      for (let j = 0; j < 7; j++) {
        const e = j * 3 + i;
        total += sc.edgeScores[0][e];
        expect(sc.edgeScores[0][e]).toBeCloseTo((sc.edgeStd[0][e] * sub[j]) / (sc.nodeStd[0][j] + 1e-4), 12);
      }
      expect(sc.nodeScores[0][i]).toBeCloseTo(total, 12);
    }
    expect(layer.edgeMask[6 * 3 + 1]).toBe(0);
    expect(sc.edgeScores[0][6 * 3 + 1]).toBe(0);
  });

  test('pruning keeps or removes a mult node as a whole, with its arity and parameters', () => {
    const net = multNet();
    const X = inputs(60, 3, 3);
    // keep sum node 1 and the arity-3 mult node 3
    const small = subnetwork(net, [[0, 1, 2], [1, 3], [0]]);
    expect(small.widthSpec).toEqual([3, [1, 1], 1]);
    expect(small.multArity).toEqual([[], [3], []]);
    expect(small.layers[0].outDim).toBe(4);
    // edges of kept subnodes are copied: subnode 4..6 of the old layer are 1..3 of the new one
    for (let r = 0; r < 3; r++) {
      for (let i = 0; i < 3; i++) {
        const from = net.layers[0];
        const to = small.layers[0];
        expect(to.splineScale[(1 + r) * 3 + i]).toBe(from.splineScale[(4 + r) * 3 + i]);
        expect(to.edgeKind[(1 + r) * 3 + i]).toBe(from.edgeKind[(4 + r) * 3 + i]);
        expect(to.edgeMask[(1 + r) * 3 + i]).toBe(from.edgeMask[(4 + r) * 3 + i]);
      }
    }
    expect(small.layers[0].bias![1]).toBe(net.layers[0].bias![3]);
    // silence the removed nodes in the big network: the output is unchanged
    const muted = net.clone();
    for (const n of [0, 2]) muted.layers[1].edgeMask[n] = 0; // layer 1: one output, edge e = input node n
    const a = evaluateKan(muted, X);
    const b = evaluateKan(small, X);
    for (let s = 0; s < a.length; s++) expect(b[s]).toBeCloseTo(a[s], 12);
    // pruneKan on a network whose second mult node does not reach the output
    const dead = multNet();
    dead.layers[1].edgeMask[3] = 0;
    const pruned = pruneKan(dead, X, { nodeThreshold: 1e-6, edgeThreshold: 0 });
    expect(pruned.keptNodes[1]).toEqual([0, 1, 2]);
    expect(pruned.network.widthSpec).toEqual([3, [2, 1], 1]);
    expect(pruned.network.multArity).toEqual([[], [2], []]);
    const c = evaluateKan(dead, X);
    const d = evaluateKan(pruned.network, X);
    for (let s = 0; s < c.length; s++) expect(d[s]).toBeCloseTo(c[s], 12);
  });

  test('grid extension of a MultKAN keeps the structure and the function on the samples', () => {
    const net = multNet();
    const X = inputs(200, 3, 4);
    const { network: fine } = extendGrid(net, 12, X);
    expect(fine.widthSpec).toEqual(net.widthSpec);
    expect(fine.multArity).toEqual(net.multArity);
    expect(fine.intervals).toBe(12);
    const a = evaluateKan(net, X);
    const b = evaluateKan(fine, X);
    // cubic splines on G = 4 are reproduced exactly by the refined G = 12 grid (nested knots)
    for (let s = 0; s < a.length; s++) expect(b[s]).toBeCloseTo(a[s], 9);
  });

  test('formulas print products: a symbolic [2, [0, 1], 1] and [3, [1, 1], 1] network', () => {
    const x = lib.get('x')!;
    const sin = lib.get('sin')!;
    const net = createKan({ shape: [2, [0, 1], 1], seed: 1 });
    const [l0, l1] = net.layers;
    l0.setSymbolic(0, 0, x, 2, 0, 1, 0); // subnode 0 = 2·x1
    l0.setEdgeMask(0, 1, 0);
    l0.setEdgeMask(1, 0, 0);
    l0.setSymbolic(1, 1, x, 1, 0, 0.25, 0); // subnode 1 = x2/4
    l1.setSymbolic(0, 0, x, 1, 0, 2, 0); // y = 2·product
    expect(symbolicFormula(net).text).toEqual(['x1*x2']);
    const net2 = createKan({ shape: [3, [1, 1], 1], seed: 1 });
    const m0 = net2.layers[0];
    for (let e = 0; e < m0.edgeCount; e++) m0.edgeMask[e] = 0;
    m0.edgeMask[0 * 3 + 2] = 1;
    m0.setSymbolic(0, 2, sin, 1, 0, 1, 0);
    m0.edgeMask[1 * 3 + 1] = 1;
    m0.setSymbolic(1, 1, x, 1, 0.5, 1, 0); // (x2 + 0.5)
    m0.edgeMask[2 * 3 + 0] = 1;
    m0.setSymbolic(2, 0, sin, 1, 0, -3, 0); // −3·sin(x1)
    net2.layers[1].setSymbolic(0, 0, x, 1, 0, 1, 0);
    net2.layers[1].setSymbolic(0, 1, x, 1, 0, 1, 0);
    const f = symbolicFormula(net2);
    expect(f.text[0]).toBe('sin(x3) - 3*sin(x1)*(x2 + 0.5)'); // factors in canonical order
    const X = inputs(20, 3, 9);
    const y = evaluateKan(net2, X);
    const z = f.evaluate(X);
    for (let s = 0; s < 20; s++) expect(z[s]).toBeCloseTo(y[s], 13);
  });

  test('multiplyForms pulls out constants and leading coefficients, flattens and orders factors', () => {
    const x1 = variableForm(0);
    const x2 = variableForm(1);
    const a = multiplyForms([combineForms([x2], [3]), combineForms([x1], [2])]);
    const b = multiplyForms([x1, x2]);
    expect(a.terms.length).toBe(1);
    expect(a.terms[0].coefficient).toBe(6);
    const merged = combineForms([a, b], [1, -1]);
    expect(merged.terms[0].coefficient).toBe(5); // 6·x1x2 − x1x2: the same atom
    const nested = multiplyForms([b, combineForms([x1], [1], 1)]);
    expect(nested.terms[0].atom.kind).toBe('product');
    if (nested.terms[0].atom.kind === 'product') expect(nested.terms[0].atom.factors.length).toBe(3);
    expect(multiplyForms([b, { terms: [], constant: 0 }]).terms.length).toBe(0);
    expect(multiplyForms([x1, { terms: [], constant: 2 }])).toEqual(combineForms([x1], [2]));
  });

  test('the diagram draws mult nodes as × squares, subnodes linked to their nodes, one mark per live edge', () => {
    const net = multNet();
    const spec = kanDiagramSpec(net, { scores: attributionScores(net, inputs(40, 3, 5)) }) as {
      datasets: { edges: unknown[]; nodes: { kind: string; symbol: string }[]; subnodes: { node: number }[]; links: unknown[] };
    };
    let live = 0;
    for (const layer of net.layers) for (let e = 0; e < layer.edgeCount; e++) live += layer.edgeMask[e];
    expect(spec.datasets.edges.length).toBe(live);
    expect(spec.datasets.nodes.filter((n) => n.kind === 'mult').length).toBe(2);
    expect(spec.datasets.nodes.filter((n) => n.symbol === '×').length).toBe(2);
    expect(spec.datasets.subnodes.map((s) => s.node)).toEqual([0, 1, 2, 2, 3, 3, 3]);
    expect(spec.datasets.links.length).toBe(7);
    const plain = kanDiagramSpec(createKan({ shape: [2, 3, 1] })) as { datasets: { subnodes: unknown[] } };
    expect(plain.datasets.subnodes.length).toBe(0);
  });

  test('the MultKAN diagram compiles with vega-lite and renders with vega, × marks included', () => {
    const spec = kanDiagramSpec(multNet());
    const script = `
      import * as vl from 'vega-lite'; import * as vega from 'vega';
      let text = ''; process.stdin.on('data', (d) => (text += d)); process.stdin.on('end', async () => {
        const view = new vega.View(vega.parse(vl.compile(JSON.parse(text)).spec), { renderer: 'none' });
        const svg = await view.toSVG();
        process.stdout.write(JSON.stringify({ times: (svg.match(/>(×|&#215;|&times;)</g) || []).length, bytes: svg.length }));
      });`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: JSON.stringify(spec), cwd: join(__dirname, '../../..') }).toString();
    const { times, bytes } = JSON.parse(out) as { times: number; bytes: number };
    expect(bytes).toBeGreaterThan(1000);
    expect(times).toBe(2);
  });
});
