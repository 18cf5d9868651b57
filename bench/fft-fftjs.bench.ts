/**
 * The library's power-of-two FFTs against `fft.js` 4.0.4 (a devDependency; radix-4, interleaved
 * storage), in the same process: complex forward transforms (FftPlan on split re/im storage against
 * FFT.transform on interleaved storage, both unnormalized) and real forward transforms (RealFftPlan,
 * n/2 + 1 coefficients, against FFT.realTransform, which fills half the spectrum), each on its own
 * native storage, with a check that both compute the same transform. Also the 2D 256×256 real
 * transform. Ratios ours/fft.js below 1 mean ours is faster.
 *
 * Run: npm run bench -- fft-fftjs   (or: npx tsx bench/fft-fftjs.bench.ts)
 */
import FFT from 'fft.js';
import { FftPlan, RealFftPlan, RealFft2dPlan } from '../src/fft/index';

function time(fn: () => void, minMs = 250): number {
  for (let i = 0; i < 20; i++) fn();
  let reps = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs) { fn(); reps++; t = performance.now(); }
  return ((t - t0) * 1000) / reps; // µs per call
}

/** Median of `k` interleaved timings of a and b (alternating, so load drifts hit both). */
function compare(a: () => void, b: () => void, k = 5): [number, number] {
  const ta: number[] = [], tb: number[] = [];
  for (let i = 0; i < k; i++) { ta.push(time(a)); tb.push(time(b)); }
  const med = (v: number[]): number => v.sort((x, y) => x - y)[Math.floor(v.length / 2)];
  return [med(ta), med(tb)];
}

const rows: string[][] = [['n', 'complex ours µs', 'fft.js µs', 'ratio', 'real ours µs', 'fft.js µs', 'ratio', 'max |diff|']];
for (const n of [64, 256, 1024, 4096, 16384, 65536]) {
  const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) + 0.3 * Math.cos(i * 1.91));
  const y = Float64Array.from({ length: n }, (_, i) => Math.cos(i * 0.11));
  // ours: split storage, in place (the input is restored by copying, as fft.js reads a separate input)
  const plan = new FftPlan(n), rp = new RealFftPlan(n);
  const re = new Float64Array(n), im = new Float64Array(n);
  const oR = new Float64Array(rp.nOut), oI = new Float64Array(rp.nOut);
  // fft.js: interleaved input and output
  const f = new FFT(n);
  const data = new Float64Array(2 * n), out = new Float64Array(2 * n), rout = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) { data[2 * i] = x[i]; data[2 * i + 1] = y[i]; }
  const ours = (): void => { re.set(x); im.set(y); plan.forward(re, im, 'backward'); };
  const theirs = (): void => f.transform(out, data);
  const oursReal = (): void => rp.rfft(x, oR, oI, 'backward');
  const theirsReal = (): void => f.realTransform(rout, x);
  ours(); theirs(); oursReal(); theirsReal();
  let diff = 0;
  for (let k = 0; k < n; k++) diff = Math.max(diff, Math.abs(re[k] - out[2 * k]), Math.abs(im[k] - out[2 * k + 1]));
  for (let k = 0; k <= n / 2; k++) diff = Math.max(diff, Math.abs(oR[k] - rout[2 * k]), Math.abs(oI[k] - rout[2 * k + 1]));
  const [tc, tcj] = compare(ours, theirs);
  const [tr, trj] = compare(oursReal, theirsReal);
  rows.push([String(n), tc.toFixed(2), tcj.toFixed(2), (tc / tcj).toFixed(2), tr.toFixed(2), trj.toFixed(2), (tr / trj).toFixed(2), diff.toExponential(1)]);
}
const p2 = new RealFft2dPlan(256, 256);
const x2 = Float64Array.from({ length: 65536 }, (_, i) => Math.sin(i * 0.001));
const R = new Float64Array(256 * 129), I = new Float64Array(256 * 129);
const t2 = time(() => p2.rfft2(x2, R, I), 500);
const t2i = time(() => p2.irfft2(R, I, x2), 500);
const fmt = (t: string[][]): string => t.map((r) => r.map((c) => c.padStart(16)).join('')).join('\n');
console.log('measured under load; only the same-process ratios ours/fft.js are meaningful (median of 5 alternating timings)\n');
console.log(fmt(rows));
console.log(`\n2D real 256×256: rfft2 ${(t2 / 1000).toFixed(2)} ms, irfft2 ${(t2i / 1000).toFixed(2)} ms`);
