/**
 * FFT throughput of the library's plans against two references written here and run in the same
 * process: a plain iterative radix-2 Cooley–Tukey (bit reversal + precomputed twiddles, the shape
 * of most small JS FFT packages) and the naive O(n²) DFT. `fft.js` is not a dependency of the
 * project, so the comparison against it cannot be made here; the radix-2 reference stands
 * in for it. Also times the 2D 256×256 real transform.
 *
 * Run: npm run bench -- fft   (or: npx tsx bench/fft.bench.ts)
 */
import { FftPlan, RealFftPlan, RealFft2dPlan } from '../src/fft/index';

function radix2Reference(n: number): (re: Float64Array, im: Float64Array) => void {
  const bits = Math.log2(n);
  const rev = new Uint32Array(n);
  for (let i = 0; i < n; i++) { let r = 0; for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b); rev[i] = r; }
  const c = new Float64Array(n / 2), s = new Float64Array(n / 2);
  for (let k = 0; k < n / 2; k++) { c[k] = Math.cos((-2 * Math.PI * k) / n); s[k] = Math.sin((-2 * Math.PI * k) / n); }
  return (re, im) => {
    for (let i = 0; i < n; i++) { const j = rev[i]; if (j > i) { let t = re[i]; re[i] = re[j]; re[j] = t; t = im[i]; im[i] = im[j]; im[j] = t; } }
    for (let size = 2; size <= n; size *= 2) {
      const half = size / 2, step = n / size;
      for (let start = 0; start < n; start += size) {
        for (let k = 0; k < half; k++) {
          const wr = c[k * step], wi = s[k * step];
          const a = start + k, b = a + half;
          const tr = re[b] * wr - im[b] * wi, ti = re[b] * wi + im[b] * wr;
          re[b] = re[a] - tr; im[b] = im[a] - ti; re[a] += tr; im[a] += ti;
        }
      }
    }
  };
}

function naiveDft(re: Float64Array, im: Float64Array, or: Float64Array, oi: Float64Array, c: Float64Array, s: Float64Array): void {
  const n = re.length;
  for (let k = 0; k < n; k++) {
    let sr = 0, si = 0;
    for (let j = 0, w = 0; j < n; j++, w = (w + k) % n) { sr += re[j] * c[w] - im[j] * s[w]; si += re[j] * s[w] + im[j] * c[w]; }
    or[k] = sr; oi[k] = si;
  }
}

function time(fn: () => void, minMs = 200): number {
  for (let i = 0; i < 5; i++) fn();
  let reps = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs) { fn(); reps++; t = performance.now(); }
  return ((t - t0) * 1000) / reps; // µs per call
}

const rows: string[][] = [['n', 'FftPlan µs', 'radix-2 ref µs', 'ratio lib/ref', 'RealFftPlan µs', 'naive DFT µs']];
for (const n of [64, 256, 1024, 4096, 16384]) {
  const re = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.37)), im = new Float64Array(n);
  const plan = new FftPlan(n), ref = radix2Reference(n), rp = new RealFftPlan(n);
  const oR = new Float64Array(rp.nOut), oI = new Float64Array(rp.nOut);
  const tLib = time(() => plan.forward(re, im, 'ortho'));
  const tRef = time(() => ref(re, im));
  const tReal = time(() => rp.rfft(re, oR, oI));
  let tNaive = NaN;
  if (n <= 1024) {
    const c = Float64Array.from({ length: n }, (_, k) => Math.cos((-2 * Math.PI * k) / n)), s = Float64Array.from({ length: n }, (_, k) => Math.sin((-2 * Math.PI * k) / n));
    const a = new Float64Array(n), b = new Float64Array(n);
    tNaive = time(() => naiveDft(re, im, a, b, c, s), 100);
  }
  rows.push([String(n), tLib.toFixed(2), tRef.toFixed(2), (tLib / tRef).toFixed(2), tReal.toFixed(2), Number.isNaN(tNaive) ? '-' : tNaive.toFixed(0)]);
}
const rowsAny: string[][] = [['n (any length)', 'FftPlan µs', 'ns per n·log2(n)']];
for (const n of [1000, 1009, 3 ** 7, 5 ** 5, 2 * 3 * 5 * 7 * 11]) {
  const re = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.37)), im = new Float64Array(n);
  const plan = new FftPlan(n);
  const t = time(() => plan.forward(re, im, 'ortho'));
  rowsAny.push([`${n}${plan.bluestein ? ' (Bluestein)' : ''}`, t.toFixed(2), ((t / (n * Math.log2(n))) * 1e3).toFixed(2)]);
}
const p2 = new RealFft2dPlan(256, 256);
const x2 = Float64Array.from({ length: 65536 }, (_, i) => Math.sin(i * 0.001));
const R = new Float64Array(256 * 129), I = new Float64Array(256 * 129);
const t2 = time(() => p2.rfft2(x2, R, I), 500);
const t2i = time(() => p2.irfft2(R, I, x2), 500);
const fmt = (t: string[][]): string => t.map((r) => r.map((c) => c.padStart(16)).join('')).join('\n');
console.log('measured under load; ratios against the reference run in the same process are what matter\n');
console.log(fmt(rows));
console.log('\n' + fmt(rowsAny));
console.log(`\n2D real 256×256: rfft2 ${(t2 / 1000).toFixed(2)} ms, irfft2 ${(t2i / 1000).toFixed(2)} ms`);
