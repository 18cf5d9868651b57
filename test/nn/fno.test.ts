import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';
import { Rng } from '../../src/random/rng';
import { lbfgs } from '../../src/optim/lbfgs';
import { Fno, SpectralConv, h1Loss, lpLoss } from '../../src/nn/index';

function dot(a: Float64Array, b: Float64Array): number { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * b[i]; return s; }

describe('FNO shapes and gradients (spec checks 1, 8, 14)', () => {
  it.each([[[12]], [[12, 12]]])('shape %j, modes 5, width 9, 2 layers, in 3, out 1: output shape and used parameters', (shape) => {
    const s = shape as number[];
    const fno = new Fno({ nModes: s.map(() => 5), inChannels: 3, outChannels: 1, hiddenChannels: 9, nLayers: 2 });
    const th = fno.initialize(7);
    const P = s.reduce((a, b) => a * b, 1);
    const rng = new Rng('shape');
    const x = rng.fillNormal(new Float64Array(3 * P));
    const y = fno.forward(th, x, s);
    expect(y.length).toBe(P);
    const g = new Float64Array(fno.parameterCount);
    fno.backward(th, rng.fillNormal(new Float64Array(P)), g);
    // Every parameter gets a nonzero gradient except the imaginary parts of the weights of the
    // self-conjugate mode (frequency 0 on every axis): the Hermitian reconstruction drops them
    // (Im of a real DC coefficient times Im W never reaches a real output).
    let zeros = 0, expectedZeros = 0;
    fno.layout.blocks.forEach((b, l) => {
      const c = fno.convs[l];
      const a0 = Math.floor(c.m0 / 2);
      for (let i = 0; i < 9; i++) for (let o = 0; o < 9; o++) { expectedZeros++; expect(g[b.spectral + 2 * (((i * 9 + o) * c.m0 + a0) * c.m1) + 1]).toBe(0); }
    });
    for (let k = 0; k < g.length; k++) if (g[k] === 0) zeros++;
    expect(zeros).toBe(expectedZeros);
  });

  it.each([[[10], [7]], [[9], [6]], [[6, 7], [4, 5]], [[7, 6], [5, 3]]])('shape %j modes %j: full gradient against central differences (Richardson), rel < 1e-6', (shape, modes) => {
    const s = shape as number[];
    const fno = new Fno({ nModes: modes as number[], inChannels: 2, outChannels: 2, hiddenChannels: s.length === 2 ? 3 : 4, nLayers: 2 });
    const th = fno.initialize('gc');
    const P = s.reduce((a, b) => a * b, 1);
    const rng = new Rng('gcx');
    const x = rng.fillNormal(new Float64Array(2 * P));
    const target = rng.fillNormal(new Float64Array(2 * P));
    const loss = (t: Float64Array, grad?: Float64Array): number => {
      const y = fno.forward(t, x, s);
      const gy = new Float64Array(y.length);
      const v = lpLoss(y, target, { shape: s, channels: 2 }, gy);
      if (grad) fno.backward(t, gy, grad);
      return v;
    };
    const g = new Float64Array(fno.parameterCount);
    loss(th, g);
    const fd = new Float64Array(fno.parameterCount);
    const central = (k: number, e: number): number => { const a = th.slice(), b = th.slice(); a[k] += e; b[k] -= e; return (loss(a) - loss(b)) / (2 * e); };
    for (let k = 0; k < fd.length; k++) fd[k] = (4 * central(k, 5e-4) - central(k, 1e-3)) / 3;
    let err = 0, scale = 0;
    for (let k = 0; k < fd.length; k++) { err = Math.max(err, Math.abs(fd[k] - g[k])); scale = Math.max(scale, Math.abs(g[k])); }
    expect(err / scale).toBeLessThan(1e-6);
  });

  it('determinism and the spectral initialization statistics std = √(2/(in + out))', () => {
    const opts = { nModes: [16], inChannels: 1, outChannels: 1, hiddenChannels: 32, nLayers: 2 };
    const a = new Fno(opts), b = new Fno(opts);
    const ta = a.initialize(123), tb = b.initialize(123);
    expect(ta.every((v, i) => v === tb[i])).toBe(true);
    expect(a.initialize(124).some((v, i) => v !== ta[i])).toBe(true);
    const x = Float64Array.from({ length: 64 }, (_, j) => Math.sin((2 * Math.PI * j) / 64));
    expect(Array.from(a.forward(ta, x, [64]))).toEqual(Array.from(b.forward(tb, x, [64])));
    const blk = a.layout.blocks[0], conv = a.convs[0];
    const nw = conv.biasOffset / 2;
    let s2 = 0;
    for (let k = 0; k < nw; k++) s2 += ta[blk.spectral + 2 * k] ** 2 + ta[blk.spectral + 2 * k + 1] ** 2;
    const variance = s2 / nw, expected = 2 / 64;
    // |w|² is exponential with mean std²: the sample mean has relative sd 1/√nw ≈ 1.1%
    expect(Math.abs(variance / expected - 1)).toBeLessThan(4 / Math.sqrt(nw));
    // 1×1 weights uniform in ±1/√fan_in: the lifting first layer (fan_in = 2 with the grid channel)
    let mx = 0;
    for (let k = 0; k < 64 * 2; k++) mx = Math.max(mx, Math.abs(ta[a.layout.lift1 + k]));
    expect(mx).toBeLessThanOrEqual(1 / Math.SQRT2);
    expect(mx).toBeGreaterThan(0.9 / Math.SQRT2);
  });

  it('bad input throws named errors before work', () => {
    expect(() => new Fno({ nModes: [16], inChannels: 0, outChannels: 1, hiddenChannels: 4 })).toThrow(InvalidArgumentError);
    expect(() => new Fno({ nModes: 16 as never, inChannels: 1, outChannels: 1, hiddenChannels: 4 })).toThrow(InvalidTypeError);
    const fno = new Fno({ nModes: [16], inChannels: 1, outChannels: 1, hiddenChannels: 4, nLayers: 1 });
    const th = fno.initialize(1);
    expect(() => fno.forward(th, new Float64Array(8), [8])).toThrow(/Nyquist/);
    expect(() => fno.forward(th, new Float64Array(31), [32])).toThrow(InvalidTypeError);
    expect(() => fno.forward(th.subarray(1), new Float64Array(32), [32])).toThrow(InvalidTypeError);
    expect(() => fno.forward(th, new Float64Array(32), [4, 8])).toThrow(InvalidTypeError);
  });
});

describe('operator losses (spec check 9)', () => {
  const y = Float64Array.from({ length: 24 }, (_, j) => Math.cos(j) + 0.3);
  it('relative LpLoss: rel(y, y) = 0, rel(2y, y) = 1, rel(0, y) = 1; sum vs mean over the batch', () => {
    const shape = [12];
    expect(lpLoss(y, y, { shape })).toBe(0);
    expect(lpLoss(y.map((v) => 2 * v), y, { shape, eps: 0 })).toBeCloseTo(2, 14); // two samples, each 1
    expect(lpLoss(new Float64Array(24), y, { shape, eps: 0 })).toBeCloseTo(2, 14);
    expect(lpLoss(new Float64Array(24), y, { shape, eps: 0, reduction: 'mean' })).toBeCloseTo(1, 14);
    expect(lpLoss(y.map((v) => 2 * v), y, { shape: [3, 4], eps: 0, p: 3 })).toBeCloseTo(2, 14);
    // absolute L2 with quadrature h = 1/12: √(h Σ y²) per sample
    let s = 0; for (let j = 0; j < 12; j++) s += y[j] ** 2;
    expect(lpLoss(new Float64Array(12), y.subarray(0, 12), { shape, relative: false })).toBeCloseTo(Math.sqrt(s / 12), 14);
  });

  it('H1Loss equals the relative H1 norm with the same finite differences; gradients match differences', () => {
    const n = 16, h = 1 / n;
    const target = Float64Array.from({ length: n }, (_, j) => Math.sin(2 * Math.PI * j * h) + 0.1 * j);
    const pred = Float64Array.from({ length: n }, (_, j) => target[j] + 0.05 * Math.cos(3 * j));
    const d = (f: ArrayLike<number>, j: number): number => (f[(j + 1) % n] - f[(j - 1 + n) % n]) / (2 * h);
    let en = 0, yn = 0;
    const e = pred.map((v, j) => v - target[j]);
    for (let j = 0; j < n; j++) { en += e[j] ** 2 + d(e, j) ** 2; yn += target[j] ** 2 + d(target, j) ** 2; }
    expect(h1Loss(pred, target, { shape: [n], eps: 0 })).toBeCloseTo(Math.sqrt(en) / Math.sqrt(yn), 14);
    for (const periodic of [true, false]) for (const shape of [[16], [4, 4]]) {
      const g = new Float64Array(n);
      h1Loss(pred, target, { shape, periodic }, g);
      for (let k = 0; k < n; k++) {
        const a = pred.slice(), b = pred.slice(); a[k] += 1e-6; b[k] -= 1e-6;
        const fd = (h1Loss(a, target, { shape, periodic }) - h1Loss(b, target, { shape, periodic })) / 2e-6;
        expect(Math.abs(fd - g[k])).toBeLessThan(1e-8);
      }
    }
  });
});

describe('learning a linear operator (spec check 10)', () => {
  it('one SpectralConv represents the heat semigroup e^{νTΔ} on band-limited data to relative L2 < 1e-6', () => {
    const n = 64, kmax = 8, nu = 0.01, T = 0.5, samples = 64;
    const conv = new SpectralConv(1, 1, [2 * kmax]);
    const rng = new Rng('heat-operator');
    const xs: Float64Array[] = [], ys: Float64Array[] = [];
    for (let s = 0; s < samples; s++) {
      const x = new Float64Array(n), y = new Float64Array(n);
      for (let k = 0; k <= kmax; k++) {
        const a = rng.normal() / (1 + k), b = k === 0 ? 0 : rng.normal() / (1 + k);
        const decay = Math.exp(-nu * T * (2 * Math.PI * k) ** 2);
        for (let j = 0; j < n; j++) {
          const t = (2 * Math.PI * k * j) / n;
          x[j] += a * Math.cos(t) + b * Math.sin(t);
          y[j] += decay * (a * Math.cos(t) + b * Math.sin(t));
        }
      }
      xs.push(x); ys.push(y);
    }
    const gy = new Float64Array(n), gx = new Float64Array(n);
    const objective = (th: Float64Array, grad: Float64Array): number => {
      grad.fill(0);
      let f = 0;
      for (let s = 0; s < samples; s++) {
        const y = conv.forward(th, 0, xs[s], [n]);
        for (let j = 0; j < n; j++) { gy[j] = (y[j] - ys[s][j]) / samples; f += (0.5 * (y[j] - ys[s][j]) ** 2) / samples; }
        conv.backwardRaw(th, 0, gy, grad, gx, 1, n, 1, n);
      }
      return f;
    };
    const res = lbfgs(objective, new Rng('w0').fillNormal(new Float64Array(conv.parameterCount)), { maxIterations: 300, gtol: 1e-14 });
    let rel = 0;
    for (let s = 0; s < samples; s++) {
      const y = conv.forward(res.x, 0, xs[s], [n]);
      rel += lpLoss(y, ys[s], { shape: [n] }) / samples;
    }
    expect(rel).toBeLessThan(1e-6);
    expect(dot(res.x, res.x)).toBeGreaterThan(0);
  });
});
