import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';
import { Rng } from '../../src/random/rng';
import { SpectralConv, nModesFromLi, nonLastFrequencyRange } from '../../src/nn/index';

/** Identity weights W[i, o, ·] = δ_io on every stored mode, zero bias. */
function identityTheta(conv: SpectralConv): Float64Array {
  const th = new Float64Array(conv.parameterCount);
  const { inChannels: C, outChannels: O, m0, m1 } = conv;
  for (let i = 0; i < Math.min(C, O); i++) for (let a = 0; a < m0; a++) for (let b = 0; b < m1; b++) th[2 * (((i * O + i) * m0 + a) * m1 + b)] = 1;
  return th;
}

/** Naive 2D DFT of a real n0 × n1 field: X[k0][k1] for all k. */
function dft2(x: Float64Array, n0: number, n1: number): { re: number[][]; im: number[][] } {
  const re: number[][] = [], im: number[][] = [];
  for (let k0 = 0; k0 < n0; k0++) {
    re.push([]); im.push([]);
    for (let k1 = 0; k1 < n1; k1++) {
      let sr = 0, si = 0;
      for (let j0 = 0; j0 < n0; j0++) for (let j1 = 0; j1 < n1; j1++) {
        const a = -2 * Math.PI * ((j0 * k0) / n0 + (j1 * k1) / n1);
        sr += x[j0 * n1 + j1] * Math.cos(a); si += x[j0 * n1 + j1] * Math.sin(a);
      }
      re[k0].push(sr); im[k0].push(si);
    }
  }
  return { re, im };
}

/** Signed frequency of index k on an axis of size n (numpy fftfreq·n). */
const freq = (k: number, n: number): number => (k <= (n - 1) / 2 ? k : k - n);

/**
 * Explicit low-pass: keep the DFT coefficients whose (signed) frequencies lie in the set of the
 * mode convention, treating the half spectrum as neuraloperator does (the kept set on the last
 * axis is {0..m1/2}, the coefficient at −f1 is kept through Hermitian symmetry).
 */
function explicitLowPass(x: Float64Array, n0: number, n1: number, k0set: Set<number>, k1max: number): Float64Array {
  const X = dft2(x, n0, n1);
  const y = new Float64Array(n0 * n1);
  for (let j0 = 0; j0 < n0; j0++) for (let j1 = 0; j1 < n1; j1++) {
    let s = 0;
    for (let k0 = 0; k0 < n0; k0++) for (let k1 = 0; k1 < n1; k1++) {
      const f0 = freq(k0, n0), f1 = freq(k1, n1);
      // a coefficient at (f0, f1) with f1 < 0 is the conjugate of (−f0, −f1)
      const keep = f1 >= 0 ? k0set.has(f0) && f1 <= k1max : k0set.has(-f0) && -f1 <= k1max;
      // for n1 even the Nyquist column k1 = n1/2 is its own conjugate: only its real part survives
      if (!keep) continue;
      const a = 2 * Math.PI * ((j0 * k0) / n0 + (j1 * k1) / n1);
      s += X.re[k0][k1] * Math.cos(a) - X.im[k0][k1] * Math.sin(a);
    }
    y[j0 * n1 + j1] = s / (n0 * n1);
  }
  return y;
}

describe('SpectralConv mode convention (spec checks 3, 5)', () => {
  it('non-last axis ranges and the converter from the original FNO code', () => {
    expect(nonLastFrequencyRange(8, 4)).toEqual([-2, 2]);
    expect(nonLastFrequencyRange(9, 5)).toEqual([-2, 3]);
    expect(nonLastFrequencyRange(8, 12)).toEqual([-4, 4]);
    expect(nModesFromLi(16, 1)).toEqual([30]);
    expect(nModesFromLi(12, 2)).toEqual([24, 22]);
    const li = new SpectralConv(1, 1, nModesFromLi(3, 2));
    expect(li.m1).toBe(3); // {0, 1, 2}
    expect(nonLastFrequencyRange(16, 6)).toEqual([-3, 3]); // {−3 … 2} = {−m … m−1}
  });

  it.each([[8, [4, 4]], [8, [4, 5]], [8, [5, 7]], [9, [4, 4]], [9, [4, 5]], [9, [5, 7]]])('size %i, nModes %j: selected frequencies by probing single modes', (n, modes) => {
    const m = modes as number[];
    const conv = new SpectralConv(1, 1, m);
    const th = identityTheta(conv);
    const kept: string[] = [];
    for (let f0 = -Math.floor(n / 2); f0 <= Math.floor((n - 1) / 2); f0++) for (let f1 = 1; f1 < n / 2; f1++) {
      const x = new Float64Array(n * n);
      for (let j0 = 0; j0 < n; j0++) for (let j1 = 0; j1 < n; j1++) x[j0 * n + j1] = Math.cos(2 * Math.PI * ((f0 * j0) / n + (f1 * j1) / n));
      const y = conv.forward(th, 0, x, [n, n]);
      let r = 0;
      for (let j = 0; j < n * n; j++) r = Math.max(r, Math.abs(y[j] - x[j]));
      if (r < 1e-12) kept.push(`${f0},${f1}`);
      else { let z = 0; for (let j = 0; j < n * n; j++) z = Math.max(z, Math.abs(y[j])); expect(z).toBeLessThan(1e-12); }
    }
    const expected: string[] = [];
    const lo = -Math.floor(m[0] / 2), hi = Math.floor(m[0] / 2) + (m[0] % 2);
    for (let f0 = -Math.floor(n / 2); f0 <= Math.floor((n - 1) / 2); f0++) for (let f1 = 1; f1 < n / 2; f1++) if (f0 >= lo && f0 < hi && f1 <= Math.floor(m[1] / 2)) expected.push(`${f0},${f1}`);
    expect(kept).toEqual(expected);
  });

  it.each([[8, 8, [4, 5]], [9, 9, [5, 7]], [8, 9, [3, 4]], [1, 12, [1, 5]], [1, 11, [1, 6]]])('%i x %i, nModes %j: identity weights = explicit DFT low-pass (≤ 1e-13)', (n0, n1, m) => {
    const modes = n0 === 1 ? [(m as number[])[1]] : (m as number[]);
    const conv = new SpectralConv(1, 1, modes);
    const x = new Rng(`lp${n0}${n1}`).fillNormal(new Float64Array(n0 * n1));
    const y = conv.forward(identityTheta(conv), 0, x, n0 === 1 ? [n1] : [n0, n1]);
    const mm = m as number[];
    const k0 = new Set<number>();
    for (let f = -Math.floor(mm[0] / 2); f < Math.floor(mm[0] / 2) + (mm[0] % 2); f++) k0.add(f);
    const ref = explicitLowPass(x, n0, n1, k0, Math.floor(mm[1] / 2));
    for (let j = 0; j < n0 * n1; j++) expect(Math.abs(y[j] - ref[j])).toBeLessThan(1e-13);
  });
});

describe('SpectralConv identities (spec checks 2, 4, 6, 7)', () => {
  it.each([[[12]], [[13]], [[8, 8]], [[9, 9]], [[8, 9]], [[9, 8]]])('identity round trip at full modes, shape %j (≤ 1e-13)', (shape) => {
    const s = shape as number[];
    const conv = new SpectralConv(2, 2, s);
    const P = s.reduce((a, b) => a * b, 1);
    const x = new Rng('id').fillNormal(new Float64Array(2 * P));
    const y = conv.forward(identityTheta(conv), 0, x, s);
    for (let j = 0; j < 2 * P; j++) expect(Math.abs(y[j] - x[j])).toBeLessThan(1e-13);
  });

  it('random complex weights: the output is the real Hermitian reconstruction (Im at k = 0 and Nyquist dropped)', () => {
    for (const n of [8, 9]) {
      const conv = new SpectralConv(1, 1, [n]);
      const rng = new Rng(`herm${n}`);
      const th = rng.fillNormal(new Float64Array(conv.parameterCount));
      th[conv.biasOffset] = 0;
      const x = rng.fillNormal(new Float64Array(n));
      const y = conv.forward(th, 0, x, [n]);
      // explicit: X_k = DFT(x)_k/n, Y_k = X_k W_k, y_j = Σ_k c_k Re(Y_k e^{iθ}) with Im Y_0 (and Im Y_{n/2}) dropped
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k <= Math.floor(n / 2); k++) {
          let xr = 0, xi = 0;
          for (let t = 0; t < n; t++) { xr += (x[t] * Math.cos((-2 * Math.PI * t * k) / n)) / n; xi += (x[t] * Math.sin((-2 * Math.PI * t * k) / n)) / n; }
          const wr = th[2 * k], wi = th[2 * k + 1];
          let yr = xr * wr - xi * wi, yi = xr * wi + xi * wr;
          const selfConj = k === 0 || (n % 2 === 0 && k === n / 2);
          if (selfConj) yi = 0;
          const c = selfConj ? 1 : 2;
          const a = (2 * Math.PI * j * k) / n;
          s += c * (yr * Math.cos(a) - yi * Math.sin(a));
          yr = 0;
        }
        expect(Math.abs(y[j] - s)).toBeLessThan(1e-13);
      }
    }
  });

  it('resolution scaling 12 → 6 and 24; fewer run-time modes keep the output shape', () => {
    const conv = new SpectralConv(3, 2, [5]);
    const th = new Rng('rs').fillNormal(new Float64Array(conv.parameterCount));
    const x = new Rng('rsx').fillNormal(new Float64Array(3 * 12));
    expect(conv.forward(th, 0, x, [12], { outShape: [6] }).length).toBe(2 * 6);
    expect(conv.forward(th, 0, x, [12], { outShape: [24] }).length).toBe(2 * 24);
    expect(conv.forward(th, 0, x, [12], { modes: [3] }).length).toBe(2 * 12);
    const c2 = new SpectralConv(3, 2, [5, 5]);
    const t2 = new Rng('rs2').fillNormal(new Float64Array(c2.parameterCount));
    const x2 = new Rng('rs2x').fillNormal(new Float64Array(3 * 144));
    expect(c2.forward(t2, 0, x2, [12, 12], { outShape: [6, 6] }).length).toBe(2 * 36);
    expect(c2.forward(t2, 0, x2, [12, 12], { outShape: [24, 24] }).length).toBe(2 * 576);
    expect(c2.forward(t2, 0, x2, [12, 12], { modes: [3, 4] }).length).toBe(2 * 144);
    expect(() => c2.forward(t2, 0, x2, [12, 12], { modes: [7, 4] })).toThrow(InvalidArgumentError);
  });

  it('discretization invariance: band-limited input, same weights at n and 2n agree on common points (≤ 1e-12)', () => {
    for (const shape of [[16], [12, 10]]) {
      const modes = shape.length === 1 ? [9] : [7, 7];
      const conv = new SpectralConv(2, 3, modes);
      const th = new Rng('inv').fillNormal(new Float64Array(conv.parameterCount));
      const field = (s: number[]): Float64Array => {
        const [n0, n1] = s.length === 1 ? [1, s[0]] : s;
        const x = new Float64Array(2 * n0 * n1);
        for (let c = 0; c < 2; c++) for (let j0 = 0; j0 < n0; j0++) for (let j1 = 0; j1 < n1; j1++) {
          const u = j0 / n0, v = j1 / n1;
          x[c * n0 * n1 + j0 * n1 + j1] = Math.cos(2 * Math.PI * (2 * v + (s.length === 2 ? u : 0)) + c) + 0.5 * Math.sin(2 * Math.PI * (3 * v - 2 * u)) + 0.2;
        }
        return x;
      };
      const fine = shape.map((s) => 2 * s);
      const y1 = conv.forward(th, 0, field(shape), shape);
      const y2 = conv.forward(th, 0, field(fine), fine);
      const [n0, n1] = shape.length === 1 ? [1, shape[0]] : shape;
      const f0 = shape.length === 1 ? 1 : 2 * n0;
      for (let o = 0; o < 3; o++) for (let j0 = 0; j0 < n0; j0++) for (let j1 = 0; j1 < n1; j1++) {
        const a = y1[o * n0 * n1 + j0 * n1 + j1];
        const b = y2[o * f0 * 2 * n1 + (shape.length === 1 ? 0 : 2 * j0) * 2 * n1 + 2 * j1];
        expect(Math.abs(a - b)).toBeLessThan(1e-12);
      }
    }
  });

  it('bad input: modes above the Nyquist limit, shapes that do not match', () => {
    const conv = new SpectralConv(1, 1, [16]);
    const th = new Float64Array(conv.parameterCount);
    expect(() => conv.forward(th, 0, new Float64Array(12), [12])).toThrow(/Nyquist/);
    expect(() => conv.forward(th, 0, new Float64Array(31), [32])).toThrow(InvalidTypeError);
    expect(() => new SpectralConv(1, 1, [0])).toThrow(InvalidArgumentError);
    expect(() => new SpectralConv(1, 1, 5 as never)).toThrow(InvalidTypeError);
  });
});
