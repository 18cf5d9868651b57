import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';
import { Rng } from '../../src/random/rng';
import {
  FftPlan, RealFftPlan, Fft2dPlan, RealFft2dPlan, fft, ifft, rfft, irfft, fft2, rfft2, irfft2,
  fftshift, ifftshift, fftshift2d, ifftshift2d,
} from '../../src/fft/index';

interface C { re: number[]; im: number[] }
const fixtures = JSON.parse(readFileSync(join(__dirname, '../fixtures/fft/fft_fixtures.json'), 'utf8')) as {
  one_d: { n: number; fft: C; ifft_ortho: C; rfft_forward: C; irfft: number[] }[];
  two_d: { n0: number; n1: number; fft2: C; rfft2_ortho: C; irfft2: number[] }[];
};

function signal(n: number): { re: Float64Array; im: Float64Array } {
  const re = new Float64Array(n), im = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    re[j] = Math.sin(1.3 * j + 0.7) + 0.5 * Math.cos(0.37 * j * j);
    im[j] = Math.cos(0.9 * j) - (0.25 * j) / n;
  }
  return { re, im };
}

/** max |a − b| / max(1, max |b|). */
function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let e = 0, s = 1;
  expect(a.length).toBe(b.length);
  for (let i = 0; i < b.length; i++) { e = Math.max(e, Math.abs(a[i] - b[i])); s = Math.max(s, Math.abs(b[i])); }
  return e / s;
}

function naiveDft(re: Float64Array, im: Float64Array, sign: number): { re: Float64Array; im: Float64Array } {
  const n = re.length, or = new Float64Array(n), oi = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let sr = 0, si = 0;
    for (let j = 0; j < n; j++) {
      const a = (sign * 2 * Math.PI * ((j * k) % n)) / n;
      sr += re[j] * Math.cos(a) - im[j] * Math.sin(a);
      si += re[j] * Math.sin(a) + im[j] * Math.cos(a);
    }
    or[k] = sr; oi[k] = si;
  }
  return { re: or, im: oi };
}

describe('numpy.fft fixtures (1D)', () => {
  it.each(fixtures.one_d.map((f) => [f.n, f]))('n = %i: fft, ifft(ortho), rfft(forward), irfft', (_n, f) => {
    const { n } = f;
    const { re, im } = signal(n);
    const tol = 2e-14 * Math.max(1, Math.log2(n));
    const X = fft(re, im);
    expect(relErr(X.re, f.fft.re)).toBeLessThan(tol);
    expect(relErr(X.im, f.fft.im)).toBeLessThan(tol);
    const Y = ifft(re, im, 'ortho');
    expect(relErr(Y.re, f.ifft_ortho.re)).toBeLessThan(tol);
    expect(relErr(Y.im, f.ifft_ortho.im)).toBeLessThan(tol);
    const R = rfft(re, 'forward');
    expect(relErr(R.re, f.rfft_forward.re)).toBeLessThan(tol);
    expect(relErr(R.im, f.rfft_forward.im)).toBeLessThan(tol);
    const h = Math.floor(n / 2) + 1;
    expect(relErr(irfft(re.slice(0, h), im.slice(0, h), n), f.irfft)).toBeLessThan(tol);
  });
});

describe('numpy.fft fixtures (2D)', () => {
  it.each(fixtures.two_d.map((f) => [f.n0, f.n1, f]))('%i x %i: fft2, rfft2(ortho), irfft2', (n0, n1, f) => {
    const { re, im } = signal(n0 * n1);
    const X = fft2(re, im, n0, n1);
    expect(relErr(X.re, f.fft2.re)).toBeLessThan(1e-13);
    expect(relErr(X.im, f.fft2.im)).toBeLessThan(1e-13);
    const R = rfft2(re, n0, n1, 'ortho');
    expect(relErr(R.re, f.rfft2_ortho.re)).toBeLessThan(1e-13);
    expect(relErr(R.im, f.rfft2_ortho.im)).toBeLessThan(1e-13);
    const m1 = Math.floor(n1 / 2) + 1;
    const hr = new Float64Array(n0 * m1), hi = new Float64Array(n0 * m1);
    for (let r = 0; r < n0; r++) for (let c = 0; c < m1; c++) { hr[r * m1 + c] = re[r * n1 + c]; hi[r * m1 + c] = im[r * n1 + c]; }
    expect(relErr(irfft2(hr, hi, n0, n1), f.irfft2)).toBeLessThan(1e-13);
  });
});

describe('properties (seeded random inputs)', () => {
  const rng = new Rng('fft-properties');
  const lengths = [1, 2, 3, 4, 10, 11, 18, 27, 35, 53, 59, 101, 125, 128, 243, 256, 331, 360, 1009, 1024];

  it.each(lengths)('n = %i: naive DFT agreement, round trips in all norms, Parseval, linearity', (n) => {
    const re = rng.fillNormal(new Float64Array(n)), im = rng.fillNormal(new Float64Array(n));
    const plan = new FftPlan(n);
    const Xr = Float64Array.from(re), Xi = Float64Array.from(im);
    plan.forward(Xr, Xi);
    if (n <= 360) {
      const D = naiveDft(re, im, -1);
      expect(relErr(Xr, D.re)).toBeLessThan(1e-13 * Math.sqrt(n));
      expect(relErr(Xi, D.im)).toBeLessThan(1e-13 * Math.sqrt(n));
    }
    // Parseval: Σ|x|² = Σ|X|²/n
    let ex = 0, eX = 0;
    for (let j = 0; j < n; j++) { ex += re[j] ** 2 + im[j] ** 2; eX += Xr[j] ** 2 + Xi[j] ** 2; }
    expect(Math.abs(eX / n - ex) / ex).toBeLessThan(1e-13);
    for (const norm of ['backward', 'ortho', 'forward'] as const) {
      const a = Float64Array.from(re), b = Float64Array.from(im);
      plan.forward(a, b, norm);
      plan.inverse(a, b, norm);
      expect(relErr(a, re)).toBeLessThan(1e-13);
      expect(relErr(b, im)).toBeLessThan(1e-13);
    }
    // linearity: F(2x + 3y) = 2F(x) + 3F(y) with y = (im, re)
    const a = new Float64Array(n), b = new Float64Array(n);
    for (let j = 0; j < n; j++) { a[j] = 2 * re[j] + 3 * im[j]; b[j] = 2 * im[j] + 3 * re[j]; }
    plan.forward(a, b);
    const Yr = Float64Array.from(im), Yi = Float64Array.from(re);
    plan.forward(Yr, Yi);
    const cr = new Float64Array(n), ci = new Float64Array(n);
    for (let k = 0; k < n; k++) { cr[k] = 2 * Xr[k] + 3 * Yr[k]; ci[k] = 2 * Xi[k] + 3 * Yi[k]; }
    expect(relErr(a, cr)).toBeLessThan(1e-13);
    expect(relErr(b, ci)).toBeLessThan(1e-13);
    // real plan agrees with the complex transform of the real part
    const rp = new RealFftPlan(n);
    const Rr = new Float64Array(rp.nOut), Ri = new Float64Array(rp.nOut);
    rp.rfft(re, Rr, Ri);
    const Fr = Float64Array.from(re), Fi = new Float64Array(n);
    plan.forward(Fr, Fi);
    expect(relErr(Rr, Fr.subarray(0, rp.nOut))).toBeLessThan(1e-13);
    expect(relErr(Ri, Fi.subarray(0, rp.nOut))).toBeLessThan(1e-13);
    const back = new Float64Array(n);
    rp.irfft(Rr, Ri, back);
    expect(relErr(back, re)).toBeLessThan(1e-13);
  });

  it('Bluestein is used for large prime factors and the strided form matches the contiguous one', () => {
    expect(new FftPlan(1009).bluestein).toBe(true);
    expect(new FftPlan(2 * 3 * 5 * 7 * 31).bluestein).toBe(false);
    expect(new FftPlan(37 * 4).bluestein).toBe(true);
    const n = 74, plan = new FftPlan(n);
    const re = rng.fillNormal(new Float64Array(3 * n)), im = rng.fillNormal(new Float64Array(3 * n));
    const cr = new Float64Array(n), ci = new Float64Array(n);
    for (let j = 0; j < n; j++) { cr[j] = re[1 + 3 * j]; ci[j] = im[1 + 3 * j]; }
    plan.forward(cr, ci, 'ortho');
    plan.forward(re, im, 'ortho', 1, 3);
    for (let j = 0; j < n; j++) { expect(re[1 + 3 * j]).toBe(cr[j]); expect(im[1 + 3 * j]).toBe(ci[j]); }
  });

  it('strided real transforms (first stage read from the interleaved input) equal the contiguous ones and the DFT', () => {
    for (const n of [6, 8, 16, 40, 64, 96, 128]) {
      const rp = new RealFftPlan(n);
      const wide = rng.fillNormal(new Float64Array(2 + 3 * n));
      const x = Float64Array.from({ length: n }, (_, j) => wide[2 + 3 * j]);
      const ar = new Float64Array(rp.nOut), ai = new Float64Array(rp.nOut), br = new Float64Array(rp.nOut + 1), bi = new Float64Array(rp.nOut + 1);
      rp.rfft(x, ar, ai);
      rp.forwardRaw(wide, 2, 3, br, bi, 1, 1, 1);
      for (let k = 0; k < rp.nOut; k++) { expect(br[k + 1]).toBe(ar[k]); expect(bi[k + 1]).toBe(ai[k]); }
      const ref = naiveDft(x, new Float64Array(n), -1);
      expect(relErr(ar, ref.re.subarray(0, rp.nOut))).toBeLessThan(1e-13);
      expect(relErr(ai, ref.im.subarray(0, rp.nOut))).toBeLessThan(1e-13);
    }
  });

  it('2D plans: round trips, separability and the real/complex agreement for even and odd sizes', () => {
    for (const [n0, n1] of [[8, 8], [9, 8], [8, 9], [7, 11], [1, 6], [6, 1]]) {
      const n = n0 * n1;
      const x = rng.fillNormal(new Float64Array(n));
      const p = new RealFft2dPlan(n0, n1);
      const Rr = new Float64Array(n0 * p.m1), Ri = new Float64Array(n0 * p.m1);
      p.rfft2(x, Rr, Ri, 'forward');
      const cr = Float64Array.from(x), ci = new Float64Array(n);
      new Fft2dPlan(n0, n1).forward(cr, ci, 'forward');
      for (let r = 0; r < n0; r++) for (let c = 0; c < p.m1; c++) {
        expect(Math.abs(Rr[r * p.m1 + c] - cr[r * n1 + c])).toBeLessThan(1e-14);
        expect(Math.abs(Ri[r * p.m1 + c] - ci[r * n1 + c])).toBeLessThan(1e-14);
      }
      const back = new Float64Array(n);
      p.irfft2(Rr, Ri, back, 'forward');
      expect(relErr(back, x)).toBeLessThan(1e-13);
    }
  });
});

describe('shifts and argument checks', () => {
  it('fftshift / ifftshift match numpy for even and odd n, and invert each other', () => {
    expect(Array.from(fftshift(Float64Array.of(0, 1, 2, 3, -2, -1)))).toEqual([3, -2, -1, 0, 1, 2]);
    expect(Array.from(fftshift(Float64Array.of(0, 1, 2, -2, -1)))).toEqual([-2, -1, 0, 1, 2]);
    expect(Array.from(ifftshift(Float64Array.of(-2, -1, 0, 1, 2)))).toEqual([0, 1, 2, -2, -1]);
    const x = Float64Array.from({ length: 81 }, (_, i) => i);
    for (const [n0, n1] of [[7, 9], [8, 8], [9, 7]]) {
      const y = x.slice(0, n0 * n1);
      for (const axes of ['both', 0, 1] as const) expect(Array.from(ifftshift2d(fftshift2d(y, n0, n1, axes), n0, n1, axes))).toEqual(Array.from(y));
    }
    // numpy: np.fft.fftshift(np.arange(6).reshape(2,3)) = [[5,3,4],[2,0,1]]
    expect(Array.from(fftshift2d(Float64Array.of(0, 1, 2, 3, 4, 5), 2, 3))).toEqual([5, 3, 4, 2, 0, 1]);
    expect(Array.from(fftshift2d(Float64Array.of(0, 1, 2, 3, 4, 5), 2, 3, 0))).toEqual([3, 4, 5, 0, 1, 2]);
  });

  it('bad input throws named errors before work', () => {
    expect(() => new FftPlan(0)).toThrow(InvalidArgumentError);
    expect(() => new FftPlan(2.5)).toThrow(InvalidArgumentError);
    const p = new FftPlan(8);
    expect(() => p.forward(new Float64Array(7), new Float64Array(8))).toThrow(InvalidTypeError);
    expect(() => p.forward(new Float64Array(8), new Float64Array(8), 'unitary' as never)).toThrow(InvalidArgumentError);
    expect(() => irfft(new Float64Array(4), new Float64Array(4), 8)).toThrow(/floor\(n\/2\) \+ 1/);
    expect(() => new RealFftPlan(8).rfft(new Float64Array(8), new Float64Array(4), new Float64Array(5))).toThrow(InvalidTypeError);
  });
});
