/**
 * Speed of the ensemble samplers on the low-dimensional problem of thesis Appendix C, §C.6.1
 * (I = 1000, 200 iterations, each method), with each noise square root: the thesis's Qξ/√I
 * (`ensemble`, I normals per particle), the same law from a thin QR factor (`ensembleFactor`,
 * min(I, N) normals per particle) and the symmetric square root. A plain loop of I·200 forward
 * evaluations in the same process is the baseline (timings on a loaded machine are only
 * meaningful as ratios to it).
 *
 * Run: npx tsx bench/sampling.bench.ts   (about 2 minutes; SAMPLING_BENCH_SKIP_ENSEMBLE=1 skips the slow Qξ rows)
 */
import { aldi, eks, ekhmc, lowDimensionalInitialEnsemble, lowDimensionalProblem, type NoiseSqrt } from '../src/models/sampling/index';

const I = 1000;
const iterations = 200;
const problem = lowDimensionalProblem();
const E = lowDimensionalInitialEnsemble(I, 1);

function seconds(run: () => unknown): number {
  const start = performance.now();
  run();
  return (performance.now() - start) / 1000;
}

const out = new Float64Array(2);
const q = new Float64Array(2);
const baseline = seconds(() => {
  for (let k = 0; k < I * (iterations + 1); k++) {
    q[0] = E.data[(2 * k) % (2 * I)];
    q[1] = E.data[(2 * k + 1) % (2 * I)];
    problem.forward!(q, out);
  }
});
process.stdout.write(`baseline: ${I * (iterations + 1)} forward evaluations in a plain loop: ${baseline.toFixed(3)} s\n`);
process.stdout.write('method  noise           seconds   ratio to baseline   target < 1 s\n');
const noises: NoiseSqrt[] = process.env.SAMPLING_BENCH_SKIP_ENSEMBLE ? ['ensembleFactor', 'symmetricSqrt'] : ['ensembleFactor', 'symmetricSqrt', 'ensemble'];
for (const noiseSqrt of noises) {
  for (const [name, run] of [['eks', eks], ['aldi', aldi], ['ekhmc', ekhmc]] as const) {
    // warm-up run for the JIT, then the timed one
    run({ ...problem, ensemble: E, iterations: 10, seed: 1, noiseSqrt });
    const s = seconds(() => run({ ...problem, ensemble: E, iterations, seed: 1, noiseSqrt }));
    process.stdout.write(`${name.padEnd(7)} ${noiseSqrt.padEnd(15)} ${s.toFixed(3).padStart(7)}   ${(s / baseline).toFixed(1).padStart(17)}   ${s < 1 ? 'met' : 'not met'}\n`);
  }
}
