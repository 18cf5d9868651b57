/**
 * ExpMsFEM offline stage on worker threads (periodic case of thesis §4.4, N_c = 8, N_f = 16, m = 1..7
 * by default): in one process, round after round, the serial run (1 worker) against 2 workers with a
 * fresh pool per stage (the behavior before the persistent pool), one pool per run, and a pool kept
 * warm across runs. Wall times on this shared machine are only meaningful as ratios to the serial run
 * of the same round; the process CPU time (all threads, `process.cpuUsage`) is printed too. Every run
 * must give the serial result to the last bit.
 *
 * The worker task module is bundled with esbuild (as `dist/node/msfemTask.js` is) so that the workers
 * load plain JavaScript, not TypeScript compiled on the fly.
 *
 * Run: npx tsx bench/msfemWorkers.bench.ts [rounds=2] [N_c=8] [N_f=16] [modes=1-7]
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { msfemCaseProblem } from '../src/models/msfem/experiments/cases';
import type { MsfemResult } from '../src/models/msfem/expMsfem';
import { expMsfemInWorkers, msfemWorkerPool, type MsfemWorkerOptions } from '../src/node/msfem';

const rounds = Number(process.argv[2] ?? 2);
const coarse = Number(process.argv[3] ?? 8);
const fine = Number(process.argv[4] ?? 16);
const [m0, m1] = (process.argv[5] ?? '1-7').split('-').map(Number);
const modes = Array.from({ length: m1 - m0 + 1 }, (_, k) => m0 + k);

// esbuild comes with tsup (a dev dependency); resolve it through tsup so the layout does not matter
const require = createRequire(import.meta.url);
const esbuild = require(require.resolve('esbuild', { paths: [require.resolve('tsup')] })) as typeof import('esbuild');
const taskModule = fileURLToPath(new URL('./.build/msfemTask.cjs', import.meta.url));
esbuild.buildSync({ entryPoints: [fileURLToPath(new URL('../src/node/msfemTask.ts', import.meta.url))], outfile: taskModule, bundle: true, format: 'cjs', platform: 'node', target: 'es2022', logLevel: 'error' });

const problem = msfemCaseProblem({ case: 'periodic', coarse, fine, modes });
const bytes = (a: ArrayLike<number>) => Buffer.from(Float64Array.from(a).buffer).toString('hex');
const fingerprint = (r: MsfemResult) => `${r.status} ${bytes(r.final.eH)} ${bytes(r.final.eL2)} ${bytes(r.final.solution)}`;

interface Timing {
  wall: number;
  offline: number;
  cpu: number;
}

async function timed(options: MsfemWorkerOptions): Promise<{ t: Timing; r: MsfemResult }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await expMsfemInWorkers(problem, {}, { taskModule, ...options });
  const cpu = process.cpuUsage(cpu0);
  return { r, t: { wall: (performance.now() - t0) / 1000, offline: r.stats.offlineSeconds, cpu: (cpu.user + cpu.system) / 1e6 } };
}

async function main(): Promise<void> {
  console.log(`periodic, N_c = ${coarse}, N_f = ${fine}, m = ${modes[0]}..${modes[modes.length - 1]}, ${rounds} rounds (measured under load)`);
  await timed({ workers: 1 }); // warm up this thread's JIT
  const warm = msfemWorkerPool({ workers: 2, taskModule });
  try {
    await timed({ pool: warm }); // warm up the kept pool
    const configs: [string, MsfemWorkerOptions][] = [
      ['1 worker (serial)', { workers: 1 }],
      ['2 workers, pool per stage', { workers: 2, poolPerStage: true }],
      ['2 workers, pool per run', { workers: 2 }],
      ['2 workers, pool kept warm', { pool: warm }],
    ];
    for (let round = 1; round <= rounds; round++) {
      console.log(`round ${round}: wall s (ratio to serial) | offline s (ratio) | CPU s (ratio)`);
      let base: Timing | undefined;
      let reference = '';
      for (const [name, options] of configs) {
        const { t, r } = await timed(options);
        if (base === undefined) {
          base = t;
          reference = fingerprint(r);
        }
        const same = fingerprint(r) === reference ? 'bit-identical' : 'DIFFERS FROM SERIAL';
        const f = (x: number, b: number) => `${x.toFixed(2).padStart(6)} (${(x / b).toFixed(2)})`;
        console.log(`  ${name.padEnd(27)} ${f(t.wall, base.wall)} | ${f(t.offline, base.offline)} | ${f(t.cpu, base.cpu)}  ${same}`);
      }
    }
  } finally {
    await warm.close();
  }
}

void main();
