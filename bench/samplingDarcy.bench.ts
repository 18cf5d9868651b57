/**
 * Darcy problem of thesis Appendix C, §C.6.2 on the 32² forward grid: EKHMC and EKS with I = 512 and
 * 100 iterations (the target: under 3 minutes on 2 workers), reported as forward solves per
 * second against a plain loop of forward solves in the same process (timings under load are only
 * meaningful as that ratio). The samplers evaluate the forward map serially, then EKHMC once more on a
 * persistent pool of DARCY_BENCH_WORKERS worker threads (default 2; 0 = skip), which must give the same ensemble.
 *
 * Run: npx tsx bench/samplingDarcy.bench.ts   (about 10 minutes at full size)
 * Smaller: DARCY_BENCH_I=64 DARCY_BENCH_ITERATIONS=10 npx tsx bench/samplingDarcy.bench.ts
 */
import { darcyMetrics, darcyProblem, ekhmc, eks, initEkhmc, runSamplerAsync, type SamplerResult } from '../src/models/sampling/index';
import { DarcyWorkerPool } from '../src/node/sampling';
import { Rng } from '../src/random/rng';
import { createMatrix } from '../src/linalg/dense';

const I = Number(process.env.DARCY_BENCH_I ?? 512);
const iterations = Number(process.env.DARCY_BENCH_ITERATIONS ?? 100);
const grid = Number(process.env.DARCY_BENCH_GRID ?? 32);
const { problem, truth, map } = darcyProblem({ grid }, 1);
const d = map.kl.dimension;
const rng = new Rng(2);
const E = createMatrix(I, d);
for (let k = 0; k < I * d; k++) E.data[k] = 10 * rng.normal();

const out = new Float64Array(64);
const loopSolves = Math.min(I, 200);
let start = performance.now();
for (let i = 0; i < loopSolves; i++) problem.forward!(E.data.subarray(i * d, (i + 1) * d), out);
const loopRate = loopSolves / ((performance.now() - start) / 1000);
process.stdout.write(`grid ${grid}², d = ${d}, I = ${I}, ${iterations} iterations\nplain loop: ${loopRate.toFixed(1)} forward solves/s\n`);
let serialEkhmc: SamplerResult | undefined;
for (const [name, run] of [['ekhmc', () => ekhmc({ ...problem, ensemble: E, iterations, seed: 1, gamma: 1, epsilon: 1, a: 0.01 })], ['eks', () => eks({ ...problem, ensemble: E, iterations, seed: 1, stepRule: 'adaptive', epsilon: 1, a: 0.01 })]] as const) {
  start = performance.now();
  const r = run();
  if (name === 'ekhmc') serialEkhmc = r;
  const s = (performance.now() - start) / 1000;
  const m = darcyMetrics(r.final.data, I, truth, map.kl.eigenvalues);
  process.stdout.write(`${name.padEnd(6)} ${s.toFixed(1).padStart(7)} s  ${(r.stats.nforward / s).toFixed(1).padStart(7)} solves/s (${((r.stats.nforward / s / loopRate) * 100).toFixed(0)}% of the loop)  d_L2 ${m.l2.toFixed(2)}  d_H-2 ${m.hMinus2.toExponential(3)}  ${s < 180 ? 'under 3 min' : 'over 3 min'}\n`);
}

const workers = Number(process.env.DARCY_BENCH_WORKERS ?? 2);
void (async () => {
  if (workers < 1) return;
  start = performance.now();
  const pool = new DarcyWorkerPool({ grid }, { workers, taskModule: new URL('../src/node/samplingTask.ts', import.meta.url) });
  let r: SamplerResult;
  try {
    r = await runSamplerAsync(initEkhmc({ ...problem, ensemble: E, iterations, seed: 1, gamma: 1, epsilon: 1, a: 0.01 }), pool.batch);
  } finally {
    await pool.close();
  }
  const s = (performance.now() - start) / 1000;
  const same = serialEkhmc !== undefined && r.final.data.every((v, k) => v === serialEkhmc!.final.data[k]);
  process.stdout.write(`ekhmc on a pool of ${workers} workers ${s.toFixed(1).padStart(7)} s  ${(r.stats.nforward / s).toFixed(1).padStart(7)} solves/s (${((r.stats.nforward / s / loopRate) * 100).toFixed(0)}% of the serial loop)  ${same ? 'same ensemble as serial' : 'DIFFERS from serial'}\n`);
})();
