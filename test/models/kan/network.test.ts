import * as fs from 'node:fs';
import * as path from 'node:path';
import { InvalidArgumentError, InvalidTypeError } from '../../../src/core/errors';
import { BSplineBasis } from '../../../src/diff/bsplineBasis';
import {
  createKan, evaluateKan, initializeKan, KanNetwork, KanWorkspace, forwardKan, layerInputs, SILU,
} from '../../../src/models/kan/index';
import { SINE } from './helpers';

interface Fixture {
  shape: number[]; intervals: number; degree: number; grids: number[][][];
  layers: Array<{ coefficients: number[]; baseScale: number[]; splineScale: number[] }>;
  symbolic: { layer: number; out: number; in: number; a: number; b: number; c: number; d: number };
  points: number[]; outputs: number[];
}

describe('KAN structure', () => {
  test('parameter count of [17, 1, 14], G = k = 3: 186 coefficients, 248 with w_b, w_s (thesis L3507–3509)', () => {
    const count = new KanNetwork({ shape: [17, 1, 14], intervals: 3, degree: 3 }).parameterCount();
    expect(count.edges).toBe(31);
    expect(count.coefficients).toBe(186);
    expect(count.coefficients + count.scales).toBe(248);
  });

  test('forward pass equals an independent scipy evaluation (uniform + non-uniform grids, symbolic edge, grid ends)', () => {
    const fx = JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/kan/kan_forward.json'), 'utf8')) as Fixture;
    const net = new KanNetwork({ shape: fx.shape, intervals: fx.intervals, degree: fx.degree });
    fx.layers.forEach((p, l) => {
      const layer = net.layers[l];
      layer.coefficients.set(p.coefficients);
      layer.baseScale.set(p.baseScale);
      layer.splineScale.set(p.splineScale);
      fx.grids[l].forEach((knots, i) => layer.setGrid(i, new BSplineBasis(Float64Array.from(knots), fx.degree)));
    });
    const s = fx.symbolic;
    net.layers[s.layer].setSymbolic(s.out, s.in, SINE, s.a, s.b, s.c, s.d);
    const X = { rows: fx.outputs.length, cols: 2, data: Float64Array.from(fx.points) };
    const y = evaluateKan(net, X);
    for (let r = 0; r < y.length; r++) expect(Math.abs(y[r] - fx.outputs[r])).toBeLessThan(1e-13 * (1 + Math.abs(fx.outputs[r])));
  });

  test.each([0, 1, 2, 3, 5])('partition of unity on the closed [t_0, t_G] and zero at/after t_{G+k} (k = %i)', (k) => {
    const G = 4;
    const net = new KanNetwork({ shape: [1, 1], intervals: G, degree: k, base: 'zero' });
    const layer = net.layers[0];
    layer.coefficients.fill(1);
    layer.splineScale.fill(1);
    const h = 2 / G;
    const xs = [-1, -0.37, 0, 0.5 + 1e-9, 1 - 1e-15, 1]; // includes both ends of [t_0, t_G]
    const y = layer.evaluateEdge(0, 0, Float64Array.from(xs));
    for (const v of y) expect(Math.abs(v - 1)).toBeLessThan(1e-14);
    // at the last extended knot t_{G+k} and beyond, every basis function vanishes (pykan's convention);
    // for k = 0, t_{G+k} = t_G belongs to the closed domain (documented difference: pykan gives 0 there)
    const lastKnot = k === 0 ? [] : [1 + k * h];
    const outside = layer.evaluateEdge(0, 0, Float64Array.from([...lastKnot, 1 + k * h + 0.1, -1 - k * h - 1e-12]));
    for (const v of outside) expect(v).toBe(0);
    // support of one basis function: B_m vanishes outside [t_{m−k}, t_{m+1}]
    layer.coefficients.fill(0);
    layer.coefficients[2] = 1; // B_2 has support [t_{2−k}, t_{3}] in base numbering
    const t = layer.grid(0);
    const inside = layer.evaluateEdge(0, 0, Float64Array.from([0.5 * (t[2] + t[3])]));
    const left = layer.evaluateEdge(0, 0, Float64Array.from([t[2] - 1e-12]));
    const right = layer.evaluateEdge(0, 0, Float64Array.from([t[2 + k + 1] + 1e-12]));
    expect(inside[0]).toBeGreaterThan(0);
    expect(left[0]).toBe(0);
    expect(right[0]).toBe(0);
  });

  test('outside the extended grid only w_b·silu(x) remains', () => {
    const net = createKan({ shape: [1, 1], intervals: 5, seed: 3 });
    const layer = net.layers[0];
    const out = new Float64Array(4);
    for (const x of [3, -2.5, 1 + 3 * 0.4]) {
      SILU.jet(x, out, 0);
      expect(layer.evaluateEdge(0, 0, Float64Array.from([x]))[0]).toBeCloseTo(layer.baseScale[0] * out[0], 15);
    }
  });

  test('layerInputs and a clone reproduce the forward pass; masks zero an edge', () => {
    const net = createKan({ shape: [2, 4, 3], intervals: 5, seed: 11 });
    const X = { rows: 3, cols: 2, data: Float64Array.from([0.1, -0.4, 0.9, 0.2, -0.7, -0.7]) };
    const acts = layerInputs(net, X);
    expect(acts.map((a) => a.cols)).toEqual([2, 4, 3]);
    expect(Array.from(acts[2].data)).toEqual(Array.from(evaluateKan(net, X)));
    const copy = net.clone();
    copy.layers[1].setEdgeMask(2, 3, 0);
    const y0 = evaluateKan(net, X);
    const y1 = evaluateKan(copy, X);
    for (let s = 0; s < 3; s++) {
      const edge = net.layers[1].evaluateEdge(2, 3, Float64Array.from([acts[1].data[s * 4 + 3]]))[0];
      expect(y1[s * 3 + 2]).toBeCloseTo(y0[s * 3 + 2] - edge, 13);
      expect(y1[s * 3]).toBe(y0[s * 3]);
    }
  });

  test('initialization schemes: thesis statistics, pykan minimum-norm fits, bit-reproducible for a seed', () => {
    const a = createKan({ shape: [4, 50, 1], intervals: 10, seed: 'kan' });
    const b = createKan({ shape: [4, 50, 1], intervals: 10, seed: 'kan' });
    expect(Buffer.from(a.params.buffer).equals(Buffer.from(b.params.buffer))).toBe(true);
    const c = a.layers[0].coefficients;
    let m2 = 0;
    for (const v of c) m2 += v * v;
    // E[c²] = 0.01; with n = 2600 draws the standard error of the mean of c² is √(2·1e-4/n) ≈ 2.8e-4
    expect(Math.abs(m2 / c.length - 0.01)).toBeLessThan(5 * Math.sqrt(2e-4 / c.length));
    for (const w of a.layers[0].baseScale) expect(Math.abs(w)).toBeLessThanOrEqual(0.5); // U(−1,1)/√4
    expect(Array.from(a.layers[0].splineScale).every((w) => w === 1)).toBe(true);
    const p = new KanNetwork({ shape: [2, 3, 1], intervals: 5 });
    const report = initializeKan(p, { scheme: 'pykan', seed: 1 });
    expect(report.minimumNormFits).toBe(9); // G+1 = 6 data for G+k = 8 unknowns on every edge
    // the fitted spline interpolates the noise at the grid points: |values| ≤ 0.3/(2G)
    const grid = p.layers[0].grid(0).subarray(3, 9);
    const vals = p.layers[0].evaluateEdge(0, 0, Float64Array.from(grid), undefined, 'spline');
    for (const v of vals) expect(Math.abs(v)).toBeLessThanOrEqual(0.3 / 10 + 1e-15);
    expect(p.layers[0].splineScale[0]).toBeCloseTo(1 / Math.SQRT2, 15);
  });

  test('bad input throws named errors before any work', () => {
    expect(() => new KanNetwork({ shape: [2, 5, 1], intervals: 0 })).toThrow(InvalidArgumentError);
    expect(() => new KanNetwork({ shape: [2, 5, 1], degree: -1 })).toThrow(InvalidArgumentError);
    expect(() => new KanNetwork({ shape: [2] })).toThrow(InvalidArgumentError);
    expect(() => new KanNetwork({ shape: [2, 0, 1] })).toThrow(InvalidArgumentError);
    expect(() => new KanNetwork({ shape: [2, 5, 1], gridRange: [1, -1] })).toThrow(InvalidArgumentError);
    expect(() => createKan({ shape: [2, 1], base: 'relu' as 'silu' })).toThrow(InvalidArgumentError);
    const net = createKan({ shape: [2, 1] });
    expect(() => evaluateKan(net, { rows: 1, cols: 3, data: new Float64Array(3) })).toThrow(InvalidArgumentError);
    expect(() => evaluateKan(net, { rows: 2, cols: 2, data: new Float64Array(3) })).toThrow(InvalidTypeError);
    expect(() => evaluateKan(net, { rows: 1, cols: 2, data: Float64Array.from([0, NaN]) })).toThrow(/X\.data\[1\]/);
    expect(() => forwardKan(net, { rows: 1, cols: 2, data: new Float64Array(2) }, new KanWorkspace(createKan({ shape: [3, 1] }), 1))).toThrow(InvalidTypeError);
    expect(() => net.layers[0].setGrid(0, new BSplineBasis(new Float64Array(12), 3))).toThrow(InvalidArgumentError);
  });
});
