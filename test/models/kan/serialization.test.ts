import { execFileSync } from 'child_process';
import { join } from 'path';
import { createKan } from '../../../src/models/kan/initialization';
import { evaluateKan } from '../../../src/models/kan/propagation';
import { updateGridFromSamples } from '../../../src/models/kan/gridRefit';
import { kanFromJSON, kanToJSON, KAN_FORMAT_VERSION } from '../../../src/models/kan/serialization';
import { kanDiagramSpec } from '../../../src/models/kan/diagram';
import { attributionScores } from '../../../src/models/kan/attribution';
import { fit } from '../../../src/models/kan/pykanFit';
import { trainKan } from '../../../src/models/kan/training';
import { symbolicLibrary } from '../../../src/models/kan/symbolicLibrary';
import { encodeFloat64 } from '../../../src/core/serialize';
import { InvalidArgumentError, InvalidTypeError } from '../../../src/core/errors';
import { Rng } from '../../../src/random/rng';

function sampleInputs(rows: number, cols: number, seed: number) {
  const rng = new Rng(seed);
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = 2 * rng.uniform() - 1;
  return { rows, cols, data };
}

/** A network exercising every edge kind: refitted non-uniform grids, a symbolic edge, a pruned edge, biases. */
function exampleNetwork() {
  const net = createKan({ shape: [3, 4, 2], intervals: 5, degree: 3, seed: 11, nodeBias: true });
  updateGridFromSamples(net, sampleInputs(64, 3, 5));
  const rng = new Rng(3);
  for (let p = 0; p < net.params.length; p++) net.params[p] += 0.01 * rng.normal();
  const sin = symbolicLibrary().get('sin');
  if (sin === undefined) throw new Error('sin missing from the library');
  net.layers[0].setSymbolic(1, 2, sin, 2.5, -0.3, 0.7, 0.1);
  net.layers[1].setEdgeMask(0, 3, 0);
  return net;
}

describe('KAN save and load', () => {
  test('save → JSON text → load evaluates bit-identically, metadata included', () => {
    const net = exampleNetwork();
    const text = JSON.stringify(kanToJSON(net, { lossHistory: new Float64Array([1, 0.5, NaN]), optimizer: 'lbfgs' }));
    const { net: copy, metadata } = kanFromJSON(JSON.parse(text));
    const X = sampleInputs(200, 3, 9);
    expect(encodeFloat64(evaluateKan(copy, X))).toBe(encodeFloat64(evaluateKan(net, X)));
    expect(encodeFloat64(copy.params)).toBe(encodeFloat64(net.params));
    expect(copy.layers[0].edgeKind[1 * 3 + 2]).toBe(1);
    expect(copy.layers[1].edgeMask[0 * 4 + 3]).toBe(0);
    const m = metadata as { lossHistory: Float64Array; optimizer: string };
    expect(m.optimizer).toBe('lbfgs');
    expect(Number.isNaN(m.lossHistory[2])).toBe(true);
    // saving the copy gives the same document
    expect(JSON.stringify(kanToJSON(copy, metadata))).toBe(text);
  });

  test('malformed or foreign documents are refused with a named error', () => {
    const good = kanToJSON(exampleNetwork());
    const edit = (f: (j: Record<string, unknown>) => void) => {
      const j = JSON.parse(JSON.stringify(good));
      f(j);
      return () => kanFromJSON(j);
    };
    expect(edit((j) => { j.format = 'pykan'; })).toThrow(/json.format/);
    expect(edit((j) => { j.formatVersion = KAN_FORMAT_VERSION + 1; })).toThrow(/json.formatVersion/);
    expect(edit((j) => { delete j.params; })).toThrow(InvalidTypeError);
    expect(edit((j) => { j.params = encodeFloat64(new Float64Array(3)); })).toThrow(/json.params must be \d+ parameters/);
    expect(edit((j) => { j.shape = [3, 5, 2]; })).toThrow(/json.params/);
    expect(edit((j) => { (j.layers as { symbolic: unknown[] }[])[0].symbolic[5] = 'not-a-function'; (j.layers as { edgeKind: number[] }[])[0].edgeKind[5] = 1; })).toThrow(/symbolic\[5\]/);
    expect(edit((j) => { (j.layers as { edgeMask: number[] }[])[1].edgeMask[0] = 0.5; })).toThrow(/edgeMask\[0\]/);
    expect(edit((j) => { (j.layers as { grids: string[] }[])[0].grids.pop(); })).toThrow(/grids/);
    expect(edit((j) => { j.base = 'relu'; })).toThrow(/json.base/);
    expect(() => kanFromJSON('{}')).toThrow(InvalidTypeError);
  });

  test('custom base or symbolic functions cannot be saved by name', () => {
    const custom = { name: 'cube', jet(x: number, out: Float64Array, o: number) { out[o] = x ** 3; out[o + 1] = 3 * x * x; out[o + 2] = 6 * x; out[o + 3] = 6; } };
    expect(() => kanToJSON(createKan({ shape: [1, 1], base: custom }))).toThrow(InvalidArgumentError);
    const net = createKan({ shape: [1, 1] });
    net.layers[0].setSymbolic(0, 0, custom, 1, 0, 1, 0);
    expect(() => kanToJSON(net)).toThrow(/symbolic\[0\]/);
  });
});

describe('network diagram (Vega-Lite spec)', () => {
  test('one edge mark per live edge, labels for symbolic edges, opacity from attribution', () => {
    const net = exampleNetwork();
    const X = sampleInputs(100, 3, 4);
    const scores = attributionScores(net, X);
    const spec = kanDiagramSpec(net, { scores, curvePoints: 11 }) as { datasets: { edges: { opacity: number; kind: string; formula: string }[]; curves: unknown[]; labels: { text: string }[]; nodes: unknown[] }; layer: { mark: { type: string } }[]; title: string };
    const live = net.layers.reduce((s, layer) => s + layer.edgeMask.reduce((a, m) => a + m, 0), 0);
    expect(live).toBe(3 * 4 + 4 * 2 - 1);
    expect(spec.datasets.edges.length).toBe(live);
    expect(spec.datasets.curves.length).toBe(11 * live);
    expect(spec.datasets.nodes.length).toBe(3 + 4 + 2);
    const symbolic = spec.datasets.edges.filter((e) => e.kind === 'symbolic');
    expect(symbolic.length).toBe(1);
    expect(spec.datasets.labels.map((l) => l.text)).toEqual([symbolic[0].formula]);
    expect(symbolic[0].formula).toBe('0.7·sin(2.5·x − 0.3) + 0.1');
    expect(Math.max(...spec.datasets.edges.map((e) => e.opacity))).toBe(1);
    for (const e of spec.datasets.edges) expect(e.opacity).toBeGreaterThanOrEqual(0.05);
    expect(spec.layer.map((l) => l.mark.type)).toEqual(['rule', 'rule', 'rect', 'line', 'rule', 'point', 'point', 'text', 'text', 'text']);
    expect(spec.title).toMatch(/KAN \[3, 4, 2\]/);
    expect(() => kanDiagramSpec(net, { scores: { ...scores, edgeScores: scores.edgeScores.slice(1) } })).toThrow(/edgeScores/);
  });

  test('the spec compiles with vega-lite and renders with vega (node, ESM child process)', () => {
    const spec = kanDiagramSpec(exampleNetwork());
    const script = `
      import * as vl from 'vega-lite'; import * as vega from 'vega';
      let text = ''; process.stdin.on('data', (d) => (text += d)); process.stdin.on('end', async () => {
        const compiled = vl.compile(JSON.parse(text)).spec;
        const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
        const svg = await view.toSVG();
        process.stdout.write(JSON.stringify({ marks: (svg.match(/<path|<line|<text/g) || []).length, bytes: svg.length }));
      });`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: JSON.stringify(spec), cwd: join(__dirname, '../../..') }).toString();
    const { marks, bytes } = JSON.parse(out) as { marks: number; bytes: number };
    expect(bytes).toBeGreaterThan(1000);
    expect(marks).toBeGreaterThan(20);
  });
});

describe('pykan-shaped fit', () => {
  test('pykan option names map onto trainKan: same trained parameters as the direct call', () => {
    const X = sampleInputs(200, 2, 1);
    const Y = { rows: 200, cols: 1, data: new Float64Array(200) };
    for (let s = 0; s < 200; s++) Y.data[s] = Math.exp(Math.sin(Math.PI * X.data[2 * s]) + X.data[2 * s + 1] ** 2);
    const a = createKan({ shape: [2, 5, 1], intervals: 3, seed: 0 });
    const b = createKan({ shape: [2, 5, 1], intervals: 3, seed: 0 });
    const results = fit(a, { train_input: X, train_label: Y }, { opt: 'LBFGS', steps: 6, lamb: 0.01, lamb_entropy: 3, update_grid: true, grid_update_num: 2, stop_grid_update_step: 4 });
    const direct = trainKan({ net: b, data: { trainInput: X, trainLabel: Y }, optimizer: 'lbfgs', steps: 6, lamb: 0.01, lambEntropy: 3, updateGrid: true, gridUpdateNum: 2, stopGridUpdateStep: 4, lr: 1 });
    expect(results.run.status).toBe('success');
    expect(results.train_loss).toEqual(direct.history.trainRmse);
    expect(results.reg).toEqual(direct.history.regularization);
    expect(results.train_loss.length).toBe(6);
    expect(results.train_loss[5]).toBeLessThan(results.train_loss[0]);
    expect(encodeFloat64(a.params)).toBe(encodeFloat64(b.params));
  });
  test('unknown pykan options and bad values are refused by name', () => {
    const net = createKan({ shape: [1, 1] });
    const data = { train_input: sampleInputs(4, 1, 1), train_label: sampleInputs(4, 1, 2) };
    expect(() => fit(net, data, { loss_fn: 'mse' } as never)).toThrow(/options.loss_fn/);
    expect(() => fit(net, data, { opt: 'SGD' } as never)).toThrow(/options.opt/);
    expect(() => fit(net, data, { steps: -1 })).toThrow(/steps/);
  });
});
