/**
 * Throughput of the library's xoshiro128** generator (uniform doubles, ziggurat normals, bulk
 * fills) against plain references written here: `Math.random()` for uniforms and the
 * Math.random-based Box–Muller transform for normals (both unseeded and therefore unusable in the
 * library, where every random stream must be reproducible; they are only the speed baseline).
 * Prints samples per second and the ratios.
 *
 * Run: npm run bench -- random   (or: npx tsx bench/random.bench.ts); about 5–10 s.
 */
import { Rng } from '../src/random/rng';

const SAMPLES = 5_000_000;
const REPEATS = 5;

/** Best-of-REPEATS samples per second of `run`, which must produce SAMPLES samples. */
function rate(run: () => number): number {
  let best = Infinity;
  let sink = 0;
  run(); // warm-up
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    sink += run();
    best = Math.min(best, performance.now() - t0);
  }
  if (sink === 42) console.log(''); // keep the work observable
  return SAMPLES / (best / 1000);
}

function boxMullerFill(out: Float64Array): void {
  for (let i = 0; i < out.length; i += 2) {
    const u1 = 1 - Math.random();
    const u2 = Math.random();
    const r = Math.sqrt(-2 * Math.log(u1));
    out[i] = r * Math.cos(2 * Math.PI * u2);
    if (i + 1 < out.length) out[i + 1] = r * Math.sin(2 * Math.PI * u2);
  }
}

function polarFill(rng: Rng, out: Float64Array): void {
  // Marsaglia's polar method on the library's uniforms, for comparison with the ziggurat
  for (let i = 0; i < out.length; i += 2) {
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * rng.uniform() - 1;
      v = 2 * rng.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    out[i] = u * f;
    if (i + 1 < out.length) out[i + 1] = v * f;
  }
}

const rng = new Rng('bench');
const buffer = new Float64Array(SAMPLES);

const rows: [string, number][] = [];
rows.push(['Math.random() uniforms (baseline)', rate(() => { let s = 0; for (let i = 0; i < SAMPLES; i++) s += Math.random(); return s; })]);
rows.push(['Rng.uniform() (53-bit, xoshiro128**)', rate(() => { let s = 0; for (let i = 0; i < SAMPLES; i++) s += rng.uniform(); return s; })]);
rows.push(['Rng.fillUniform(out)', rate(() => rng.fillUniform(buffer)[7])]);
rows.push(['Rng.nextUint32()', rate(() => { let s = 0; for (let i = 0; i < SAMPLES; i++) s ^= rng.nextUint32(); return s; })]);
rows.push(['Box–Muller on Math.random (baseline)', rate(() => { boxMullerFill(buffer); return buffer[3]; })]);
rows.push(['Rng.normal() (ziggurat)', rate(() => { let s = 0; for (let i = 0; i < SAMPLES; i++) s += rng.normal(); return s; })]);
rows.push(['Rng.fillNormal(out) (ziggurat)', rate(() => rng.fillNormal(buffer)[5])]);
rows.push(['polar Marsaglia on Rng.uniform', rate(() => { polarFill(rng, buffer); return buffer[1]; })]);

const base = (label: string): number => (rows.find(([l]) => l.startsWith(label)) as [string, number])[1];
console.log(`${'sampler'.padEnd(40)} ${'Msamples/s'.padStart(11)}  ratio`);
for (const [label, r] of rows) {
  const ref = /normal|Normal|Box|polar/.test(label) ? base('Box–Muller') : base('Math.random()');
  console.log(`${label.padEnd(40)} ${(r / 1e6).toFixed(1).padStart(11)}  ${(r / ref).toFixed(2)}× vs ${/normal|Normal|Box|polar/.test(label) ? 'Box–Muller' : 'Math.random'}`);
}
