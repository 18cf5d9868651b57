import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';
import {
  activationJets,
  backwardMlp,
  evaluateMlp,
  forwardMlp,
  initializeMlp,
  Mlp,
  mlpParameterCount,
  mlpWidthsForParameterCount,
  MlpWorkspace,
  type MlpActivation,
} from '../../src/nn/index';
import { Rng } from '../../src/random/rng';

const matrix = (rows: number, cols: number, rng: Rng) => ({ rows, cols, data: new Float64Array(rows * cols).map(() => 2 * rng.uniform() - 1) });

describe('activation derivatives', () => {
  it.each(['tanh', 'silu'] as MlpActivation[])('%s: σ′, σ″, σ‴ match central differences of the previous order', (kind) => {
    const h = 1e-5;
    const out = new Float64Array(12);
    for (const z of [-2.3, -0.4, 0, 0.7, 3.1]) {
      activationJets(kind, new Float64Array([z - h, z, z + h]), 3, 0, 1, 3, out, 0);
      for (let m = 1; m <= 3; m++) {
        const fd = (out[8 + m - 1] - out[m - 1]) / (2 * h);
        expect(Math.abs(fd - out[4 + m])).toBeLessThan(1e-8 * Math.max(1, Math.abs(out[4 + m])));
      }
    }
  });
});

describe('MLP structure and initialisation', () => {
  it('counts parameters and picks widths for a budget', () => {
    expect(mlpParameterCount([1, 16, 16, 1])).toBe(321);
    expect(new Mlp([2, 20, 20, 1]).params.length).toBe(501);
    const w = mlpWidthsForParameterCount(1, 1, 3, 500);
    // h = 14 gives 463 parameters, h = 15 gives 526: 15 is closer to 500
    expect(mlpParameterCount([1, 14, 14, 14, 1])).toBe(463);
    expect(w).toEqual([1, 15, 15, 15, 1]);
    expect(mlpParameterCount(w)).toBe(526);
  });

  it('Glorot uniform: bit-reproducible for a seed, bounded by √(6/(n_in+n_out)), variance 2/(n_in+n_out) within 4 standard errors', () => {
    const a = initializeMlp(new Mlp([50, 150, 1]), { seed: 3 });
    const b = initializeMlp(new Mlp([50, 150, 1]), { rng: new Rng(3) });
    expect(Array.from(a.params)).toEqual(Array.from(b.params));
    const n = 50 * 150;
    const bound = Math.sqrt(6 / 200);
    let sum2 = 0;
    let sum4 = 0;
    for (let t = 0; t < n; t++) {
      const w = a.params[t];
      expect(Math.abs(w)).toBeLessThan(bound);
      sum2 += w * w;
      sum4 += w ** 4;
    }
    const variance = sum2 / n;
    // standard error of the mean of w² (zero-mean weights): √((E w⁴ − (E w²)²)/n)
    const se = Math.sqrt((sum4 / n - variance * variance) / n);
    expect(Math.abs(variance - 2 / 200)).toBeLessThan(4 * se);
    expect(Array.from(a.params.subarray(a.offsets[0].biases, a.offsets[0].biases + 150)).every((v) => v === 0)).toBe(true);
  });
});

describe('forward jets and reverse gradients', () => {
  it('an affine network [3, 2] is exact: y = Wx + b, first derivatives W, second derivatives 0, MSE gradient in closed form', () => {
    const net = initializeMlp(new Mlp([3, 2]), { seed: 1 });
    net.params.set([0.5, -1, 2, 0.25, 3, -0.5, 0.1, -0.2]); // W (2×3) then b
    const X = { rows: 2, cols: 3, data: new Float64Array([1, 2, 3, -1, 0.5, 4]) };
    const ws = new MlpWorkspace(net, 2, 2);
    const out = forwardMlp(net, X, ws);
    const C = ws.channels;
    expect(C).toBe(7);
    expect(out[0]).toBe(0.5 - 2 + 6 + 0.1);
    expect(out[1]).toBe(0.25 + 6 - 1.5 - 0.2);
    for (let d = 0; d < 3; d++) {
      expect(out[(1 + d) * 2]).toBe(net.params[d]);
      expect(out[(1 + d) * 2 + 1]).toBe(net.params[3 + d]);
      expect(out[(4 + d) * 2]).toBe(0);
    }
    // loss = Σ_s y_0(s): ∂/∂W_0d = Σ_s x_d(s), ∂/∂b_0 = 2, others 0
    ws.adjoints[1].fill(0);
    ws.adjoints[1][0] = 1;
    ws.adjoints[1][C * 2] = 1;
    const grad = backwardMlp(net, ws, new Float64Array(8));
    expect(Array.from(grad)).toEqual([0, 2.5, 7, 0, 0, 0, 2, 0]);
  });

  it.each(['tanh', 'silu'] as MlpActivation[])('%s [2,5,4,2]: input jets match finite differences; parameter and input gradients of a loss of all jets match central differences', (kind) => {
    const rng = new Rng(11);
    const net = initializeMlp(new Mlp([2, 5, 4, 2], kind), { rng, gain: 1.5 });
    const X = matrix(3, 2, rng);
    const ws = new MlpWorkspace(net, 3, 2);
    const C = ws.channels;
    const nOut = 2;
    const out = Float64Array.from(forwardMlp(net, X, ws));
    // input derivatives by central differences of the values
    const h = 1e-4;
    const shifted = (s: number, d: number, delta: number) => {
      const Y = { rows: 1, cols: 2, data: X.data.slice(2 * s, 2 * s + 2) };
      Y.data[d] += delta;
      return evaluateMlp(net, Y);
    };
    for (let s = 0; s < 3; s++) {
      for (let d = 0; d < 2; d++) {
        const p = shifted(s, d, h);
        const m = shifted(s, d, -h);
        for (let j = 0; j < nOut; j++) {
          const first = (p[j] - m[j]) / (2 * h);
          const second = (p[j] - 2 * out[s * C * nOut + j] + m[j]) / (h * h);
          expect(Math.abs(out[(s * C + 1 + d) * nOut + j] - first)).toBeLessThan(1e-7);
          expect(Math.abs(out[(s * C + 3 + d) * nOut + j] - second)).toBeLessThan(1e-5);
        }
      }
    }
    // loss = Σ weights·jets + ½Σ jets² (nonlinear in the jets)
    const weights = new Float64Array(out.length).map(() => rng.normal());
    const loss = (params: Float64Array, Xin = X) => {
      const saved = Float64Array.from(net.params);
      net.params.set(params);
      const w = new MlpWorkspace(net, 3, 2);
      const y = forwardMlp(net, Xin, w);
      net.params.set(saved);
      let f = 0;
      for (let t = 0; t < y.length; t++) f += weights[t] * y[t] + 0.5 * y[t] * y[t];
      return f;
    };
    for (let t = 0; t < out.length; t++) ws.adjoints[3][t] = weights[t] + out[t];
    const grad = backwardMlp(net, ws, new Float64Array(net.params.length));
    const theta = Float64Array.from(net.params);
    const eps = 1e-6;
    for (let t = 0; t < theta.length; t++) {
      const tp = Float64Array.from(theta);
      const tm = Float64Array.from(theta);
      tp[t] += eps;
      tm[t] -= eps;
      const fd = (loss(tp) - loss(tm)) / (2 * eps);
      expect(Math.abs(fd - grad[t])).toBeLessThan(1e-6 * Math.max(1, Math.abs(grad[t])));
    }
    // adjoint of the inputs (channel 0 of layer 0)
    for (let s = 0; s < 3; s++) {
      for (let d = 0; d < 2; d++) {
        const Xp = { rows: 3, cols: 2, data: Float64Array.from(X.data) };
        const Xm = { rows: 3, cols: 2, data: Float64Array.from(X.data) };
        Xp.data[2 * s + d] += eps;
        Xm.data[2 * s + d] -= eps;
        const fd = (loss(theta, Xp) - loss(theta, Xm)) / (2 * eps);
        const adj = ws.adjoints[0][s * C * 2 + d];
        expect(Math.abs(fd - adj)).toBeLessThan(1e-6 * Math.max(1, Math.abs(adj)));
      }
    }
  });

  it('order-1 and order-0 passes agree with the order-2 pass on the shared channels; rows select the batch', () => {
    const rng = new Rng(5);
    const net = initializeMlp(new Mlp([2, 6, 1], 'silu'), { rng });
    const X = matrix(4, 2, rng);
    const w2 = new MlpWorkspace(net, 4, 2);
    const w1 = new MlpWorkspace(net, 4, 1);
    const w0 = new MlpWorkspace(net, 2, 0);
    const y2 = forwardMlp(net, X, w2);
    const y1 = forwardMlp(net, X, w1);
    const y0 = forwardMlp(net, X, w0, { rows: new Int32Array([3, 1]) });
    for (let s = 0; s < 4; s++) for (let c = 0; c < 3; c++) expect(y1[s * 3 + c]).toBe(y2[s * 5 + c]);
    expect(y0[0]).toBe(y2[3 * 5]);
    expect(y0[1]).toBe(y2[1 * 5]);
  });
});

describe('bad input', () => {
  const net = new Mlp([2, 3, 1]);
  it('throws the named errors before any work', () => {
    expect(() => new Mlp([2])).toThrow(InvalidArgumentError);
    expect(() => new Mlp([2, 0, 1])).toThrow(InvalidArgumentError);
    expect(() => new Mlp([2, 1.5, 1])).toThrow(InvalidArgumentError);
    expect(() => new Mlp('2,3' as unknown as number[])).toThrow(InvalidTypeError);
    expect(() => new Mlp([2, 3, 1], 'relu' as MlpActivation)).toThrow(InvalidArgumentError);
    expect(() => new MlpWorkspace(net, 0)).toThrow(InvalidArgumentError);
    expect(() => new MlpWorkspace(net, 2, 3 as 2)).toThrow(InvalidArgumentError);
    expect(() => initializeMlp(net, { gain: -1 })).toThrow(InvalidArgumentError);
    expect(() => initializeMlp(net, { distribution: 'cauchy' as 'normal' })).toThrow(InvalidArgumentError);
    const ws = new MlpWorkspace(net, 2);
    expect(() => forwardMlp(net, { rows: 2, cols: 3, data: new Float64Array(6) }, ws)).toThrow(InvalidArgumentError);
    expect(() => forwardMlp(net, { rows: 2, cols: 2, data: new Float64Array([0, 1, NaN, 2]) }, ws)).toThrow(InvalidArgumentError);
    expect(() => forwardMlp(net, { rows: 1, cols: 2, data: new Float64Array(2) }, ws)).toThrow(InvalidArgumentError);
    expect(() => forwardMlp(new Mlp([2, 4, 1]), { rows: 2, cols: 2, data: new Float64Array(4) }, ws)).toThrow(InvalidTypeError);
    expect(() => backwardMlp(net, ws, new Float64Array(3))).toThrow(InvalidTypeError);
    expect(() => mlpWidthsForParameterCount(1, 1, 0, 10)).toThrow(InvalidArgumentError);
  });
});
