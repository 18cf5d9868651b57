import type { DenseMatrix } from '../../../src/core/types';
import {
  backwardKan, createKan, forwardKan, KanNetwork, KanObjective, KanWorkspace, type JetOrder,
} from '../../../src/models/kan/index';
import { Rng } from '../../../src/random/rng';
import { sampleDataset, SINE } from './helpers';

/** A random [2, 3, 1] KAN with node biases, perturbed parameters and one symbolic edge. */
function randomNet(seed: number): KanNetwork {
  const net = createKan({ shape: [2, 3, 1], intervals: 5, nodeBias: true, seed });
  const rng = new Rng(seed + 1);
  for (let t = 0; t < net.params.length; t++) net.params[t] += 0.3 * rng.normal();
  net.layers[1].setSymbolic(0, 1, SINE, 1.3, 0.2, 0.7, 0.1);
  return net;
}

function randomInputs(n: number, seed: number): DenseMatrix {
  const rng = new Rng(seed);
  return { rows: n, cols: 2, data: Float64Array.from({ length: 2 * n }, () => 1.8 * rng.uniform() - 0.9) };
}

/** Max over parameters of |analytic − central FD| / max(|FD|, 1e-3). */
function maxGradientError(params: Float64Array, f: () => number, grad: Float64Array): number {
  let worst = 0;
  const h = 1e-6;
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

describe('KAN reverse mode', () => {
  test.each([0, 1, 2] as JetOrder[])('gradients of a loss of values and input jets (order %i) agree with finite differences', (order) => {
    const net = randomNet(3);
    const X = randomInputs(9, 5);
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
    // central differences with h = 1e-6 have truncation ~1e-12·f‴ and round-off ~1e-16/1e-6: rel. error ≲ 1e-8
    expect(maxGradientError(net.params, loss, grad)).toBeLessThan(1e-6);
    // input adjoints: ∂loss/∂x against finite differences in the inputs
    const inputGrad = Float64Array.from(ws.valueAdjoint[0]);
    expect(maxGradientError(X.data, loss, inputGrad)).toBeLessThan(1e-6);
  });

  test('input jets equal finite differences of the network: gradient and pure second derivatives (Laplacian)', () => {
    const net = randomNet(8);
    const X = randomInputs(6, 9);
    const ws = new KanWorkspace(net, X.rows, 2);
    forwardKan(net, X, ws);
    const first = Float64Array.from(ws.first[net.depth]);
    const second = Float64Array.from(ws.second[net.depth]);
    const plain = new KanWorkspace(net, X.rows, 0);
    for (let d = 0; d < 2; d++) {
      const shifted = (delta: number): Float64Array => {
        const data = Float64Array.from(X.data);
        for (let s = 0; s < X.rows; s++) data[s * 2 + d] += delta;
        return Float64Array.from(forwardKan(net, { ...X, data }, plain));
      };
      const h1 = 1e-5; // first derivative: truncation h²|f‴|/6 ≈ 1e-10, round-off 1e-16/h ≈ 1e-11
      // second derivative: Richardson extrapolation of central second differences with h and h/2
      // (error O(h⁴) where the network is smooth; round-off ≈ 16·ε·|f|/h² ≈ 1e-9)
      const h2 = 2e-3;
      const yp1 = shifted(h1);
      const ym1 = shifted(-h1);
      const yp = shifted(h2);
      const ym = shifted(-h2);
      const yp2 = shifted(h2 / 2);
      const ym2 = shifted(-h2 / 2);
      const y0 = shifted(0);
      for (let s = 0; s < X.rows; s++) {
        expect(first[s * 2 + d]).toBeCloseTo((yp1[s] - ym1[s]) / (2 * h1), 8);
        const coarse = (yp[s] - 2 * y0[s] + ym[s]) / (h2 * h2);
        const fine = (yp2[s] - 2 * y0[s] + ym2[s]) / ((h2 * h2) / 4);
        const extrapolated = (4 * fine - coarse) / 3;
        expect(Math.abs(second[s * 2 + d] - extrapolated)).toBeLessThan(1e-7 * (1 + Math.abs(second[s * 2 + d])));
      }
    }
  });

  test('MSE + λ·reg objective (L1, entropy, coefficient terms) has the exact gradient', () => {
    const net = randomNet(21);
    net.layers[0].setEdgeMask(2, 0, 0); // a pruned edge contributes nothing and gets zero gradient
    const [X, Y] = sampleDataset(40, 2, (x) => Math.sin(3 * x[0]) * x[1], 4);
    const objective = new KanObjective(net, X, Y, { lamb: 0.05, lambL1: 1, lambEntropy: 2, lambCoef: 0.3, lambCoefDiff: 0.2 });
    const grad = new Float64Array(net.params.length);
    const scratch = new Float64Array(net.params.length);
    objective.evaluate(net.params, grad);
    expect(objective.lastRegularization).toBeGreaterThan(0);
    const f = (): number => objective.evaluate(net.params, scratch);
    expect(maxGradientError(net.params, f, grad)).toBeLessThan(1e-6);
    const e = 2 * net.layers[0].inDim + 0;
    const nb = net.layers[0].basisSize;
    expect(grad[net.layers[0].offsets.baseScale + e]).toBe(0);
    // only the coefficient-magnitude terms remain on the pruned edge: λ(λ_coef·sign(c_m)/nb + λ_coefdiff·(sign Δ_{m−1} − sign Δ_m)/(nb−1))
    const c = net.layers[0].coefficients.subarray(e * nb, (e + 1) * nb);
    for (let m = 0; m < nb; m++) {
      let expected = (0.3 * Math.sign(c[m])) / nb;
      if (m > 0) expected += (0.2 * Math.sign(c[m] - c[m - 1])) / (nb - 1);
      if (m + 1 < nb) expected -= (0.2 * Math.sign(c[m + 1] - c[m])) / (nb - 1);
      expect(grad[net.layers[0].offsets.coefficients + e * nb + m]).toBeCloseTo(0.05 * expected, 14);
    }
  });
});
