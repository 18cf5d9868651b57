import { uniformExtendedBSplineBasis } from '../../../src/diff/bsplineBasis';
import { createKan, evaluateKan, extendGrid, layerInputs, updateGridFromSamples } from '../../../src/models/kan/index';
import { sampleDataset } from './helpers';

/** Max over basis functions m of |Σ_s B_m(x_s)·r_s| / (‖B_m‖·‖r‖): the LS optimality (orthogonality) of a refit. */
function normalEquationResidual(knots: Float64Array, k: number, xs: Float64Array, residual: Float64Array): number {
  const G = knots.length - 2 * k - 1;
  const basis = uniformExtendedBSplineBasis(knots[k], knots[k + G], G, k);
  const vals = new Float64Array(k + 1);
  const dots = new Float64Array(basis.size);
  const norms = new Float64Array(basis.size);
  let rr = 0;
  for (let s = 0; s < xs.length; s++) {
    const start = basis.evaluate(xs[s], vals);
    for (let r = 0; r <= k; r++) {
      dots[start + r] += vals[r] * residual[s];
      norms[start + r] += vals[r] * vals[r];
    }
    rr += residual[s] * residual[s];
  }
  let worst = 0;
  for (let m = 0; m < basis.size; m++) if (norms[m] > 0) worst = Math.max(worst, Math.abs(dots[m]) / Math.sqrt(norms[m] * rr));
  return worst;
}

describe('grid update and extension', () => {
  test('samples spanning [−3, 3] with G = 5 give the base grid [−3, −1.8, −0.6, 0.6, 1.8, 3] (thesis L3420)', () => {
    const net = createKan({ shape: [1, 1], intervals: 5, seed: 1 });
    const xs = Float64Array.from({ length: 61 }, (_, s) => -3 + s * 0.1);
    const report = updateGridFromSamples(net, { rows: 61, cols: 1, data: xs });
    expect(report.status).toBe('success');
    const base = Array.from(net.layers[0].grid(0).subarray(3, 9));
    [-3, -1.8, -0.6, 0.6, 1.8, 3].forEach((t, g) => expect(base[g]).toBeCloseTo(t, 14));
  });

  test('grid update refits every edge by least squares on the samples (normal equations hold)', () => {
    const net = createKan({ shape: [2, 3, 1], intervals: 5, seed: 2 });
    const [X] = sampleDataset(300, 2, () => 0, 3);
    for (let t = 0; t < X.data.length; t++) X.data[t] *= 0.8; // inputs in [−0.8, 0.8]: grid shrinks
    const before = layerInputs(net, X);
    const old = net.clone();
    const report = updateGridFromSamples(net, X);
    expect(report.status).toBe('success');
    // layer 0: new spline vs old spline on the samples is the LS residual
    const layer = net.layers[0];
    const xs = Float64Array.from({ length: 300 }, (_, s) => before[0].data[2 * s + 1]);
    const yOld = old.layers[0].evaluateEdge(2, 1, xs, undefined, 'spline');
    const yNew = layer.evaluateEdge(2, 1, xs, undefined, 'spline');
    const residual = yNew.map((v, s) => v - yOld[s]);
    expect(normalEquationResidual(layer.grid(1), 3, xs, residual)).toBeLessThan(1e-9);
    expect(report.maxResidualRms).toBeLessThan(1e-2); // the old spline is smooth: the refit is close
    // the network function is preserved to the refit accuracy
    const y0 = evaluateKan(old, X);
    const y1 = evaluateKan(net, X);
    let err = 0;
    for (let s = 0; s < 300; s++) err = Math.max(err, Math.abs(y1[s] - y0[s]));
    expect(err).toBeLessThan(0.05);
  });

  test('extension onto a nested grid (G = 5 → 10 → 20) reproduces the network exactly, also off the samples', () => {
    const net = createKan({ shape: [2, 3, 1], intervals: 5, seed: 4 });
    const [X] = sampleDataset(400, 2, () => 0, 5);
    updateGridFromSamples(net, X); // realistic grids first
    const [Xfresh] = sampleDataset(200, 2, () => 0, 6);
    let current = net;
    for (const G of [10, 20]) {
      const { network, report } = extendGrid(current, G, X);
      expect(report.status).toBe('success');
      expect(network.intervals).toBe(G);
      expect(report.maxResidualRms).toBeLessThan(1e-12);
      // nested spline spaces agree on the base ranges [t_0, t_G]; the extension zones differ (k·h vs k·h/2)
      const acts = layerInputs(net, Xfresh);
      const inside = (s: number): boolean =>
        net.layers.every((layer, l) => Array.from({ length: layer.inDim }, (_, i) => acts[l].data[s * layer.inDim + i]).every((v, i) => v >= layer.bases[i].domain[0] && v <= layer.bases[i].domain[1]));
      const y0 = evaluateKan(net, Xfresh);
      const y1 = evaluateKan(network, Xfresh);
      let checked = 0;
      for (let s = 0; s < y0.length; s++) {
        if (!inside(s)) continue;
        checked++;
        expect(Math.abs(y1[s] - y0[s])).toBeLessThan(1e-11);
      }
      expect(checked).toBeGreaterThan(150);
      current = network;
    }
  });

  test('extension onto a non-nested grid (3 → 10) is the least-squares fit on the samples', () => {
    const net = createKan({ shape: [1, 1], intervals: 3, seed: 7 });
    const [X] = sampleDataset(500, 1, () => 0, 8);
    const { network, report } = extendGrid(net, 10, X);
    expect(report.status).toBe('success');
    const yOld = net.layers[0].evaluateEdge(0, 0, X.data, undefined, 'spline');
    const yNew = network.layers[0].evaluateEdge(0, 0, X.data, undefined, 'spline');
    expect(normalEquationResidual(network.layers[0].grid(0), 3, X.data, yNew.map((v, s) => v - yOld[s]))).toBeLessThan(1e-9);
    // a cubic on 3 intervals is a C² piecewise cubic; on 10 intervals (not nested) it is approximated to O(h⁴·jump)
    expect(report.maxResidualRms).toBeLessThan(1e-3);
  });

  test('a rank-deficient refit (10 samples, G = 50) is reported with a finite minimum-norm solution', () => {
    const net = createKan({ shape: [1, 1], intervals: 3, seed: 9 });
    const [X] = sampleDataset(10, 1, () => 0, 10);
    const { network, report } = extendGrid(net, 50, X);
    expect(report.status).toBe('rankDeficient');
    expect(report.rankDeficient).toHaveLength(1);
    expect(report.rankDeficient[0].rank).toBeLessThan(53);
    expect(report.rankDeficient[0].size).toBe(53);
    expect(network.params.every(Number.isFinite)).toBe(true);
    expect(report.maxResidualRms).toBeLessThan(1e-10); // underdetermined: the samples are interpolated
  });
});
