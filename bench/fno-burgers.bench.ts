/**
 * The reduced FNO Burgers benchmark (issue target: n = 128, width 32, 16 modes, 4 layers, 500
 * training samples, 50 epochs): data generation with the library's Burgers solver, training time
 * per epoch, relative L2 test error at n and zero-shot at 2n. Prints the per-epoch history and the
 * summary JSON. Options by environment: FNO_EPOCHS, FNO_SAMPLES, FNO_TEST, FNO_WIDTH, FNO_MODES,
 * FNO_RES, FNO_LR.
 *
 * Run: npm run bench -- fno-burgers   (or: npx tsx bench/fno-burgers.bench.ts)
 */
import { runBurgersExperiment } from '../src/models/operator/experiments/burgers';

const env = (k: string, d: number): number => (process.env[k] === undefined ? d : Number(process.env[k]));
const t0 = performance.now();
const { summary, training } = runBurgersExperiment(
  {
    resolution: env('FNO_RES', 128), width: env('FNO_WIDTH', 32), modes: env('FNO_MODES', 16), layers: 4,
    samples: env('FNO_SAMPLES', 500), testSamples: env('FNO_TEST', 100), epochs: env('FNO_EPOCHS', 50), lr: env('FNO_LR', 1e-3), seed: 1,
  },
  { progressEvery: 1, onProgress: (p) => console.log(`epoch ${p.step}: train ${(p.trainLoss as number).toExponential(3)}, test relL2 ${(p.testRelL2 as number).toExponential(3)}, ${((performance.now() - t0) / 1000).toFixed(0)} s`) },
);
console.log('measured under load (machine shared); seconds are wall clock');
console.log(JSON.stringify({ ...summary, lrSchedule: training.history.lr.at(-1) }));
