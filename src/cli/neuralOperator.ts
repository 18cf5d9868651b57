/**
 * `singularis reproduce neural-operator`: the reduced FNO Burgers benchmark (experiment logic in
 * `models/operator/experiments/burgers.ts`) — training and test loss curves, a prediction against
 * the truth, the zero-shot super-resolution test (trained at n, evaluated at 2n), the trained
 * parameters as a `singularis-fno` file —, the same for a 2D FNO on Darcy flow (`--case darcy`,
 * `neuralOperatorDarcy.ts`), and the FC-PINO case (`models/operator/experiments/fcPino.ts`):
 * the self-similar Burgers profile family across λ learned from the physics loss alone.
 *
 * @module
 */
import { fnoToJSON } from '../nn/fnoFile';
import { runBurgersExperiment } from '../models/operator/experiments/burgers';
import { runFcPinoExperiment } from '../models/operator/experiments/fcPino';
import { runDarcy } from './neuralOperatorDarcy';
import { defineExperiment, type ExperimentContext, type ExperimentOutcome } from './framework/experiment';
import { flag, type FlagValues } from './framework/flags';
import { UsageError } from './framework/usageError';
import { lineChartSpec, type Rows } from './plot';
import { formatTable } from './table';
import { fnoLossRows, fnoSummaryTable } from './fnoReport';

const burgers = (f: Readonly<Record<string, unknown>>) => f.case === 'burgers';
const darcy = (f: Readonly<Record<string, unknown>>) => f.case === 'darcy';
/** Per-case value: burgers, darcy, fc-pino. */
const byCase = <T>(b: T, d: T, p: T) => (f: Readonly<Record<string, unknown>>): T => (burgers(f) ? b : darcy(f) ? d : p);

const flags = {
  case: flag.choice(['burgers', 'darcy', 'fc-pino'] as const, { default: 'burgers', example: 'darcy', help: 'burgers: FNO on viscous Burgers data; darcy: 2D FNO on Darcy flow with a thresholded coefficient; fc-pino: the self-similar Burgers profiles across λ from the physics loss' }),
  resolution: flag.integer({ min: 8, max: 8192, default: byCase(128, 16, 64), defaultText: '128 (darcy: 16, fc-pino: 64)', quick: byCase(64, 8, 48), quickText: '64 (darcy: 8, fc-pino: 48)', example: '256', help: 'training resolution: grid points n (burgers, also tested at 2n; fc-pino needs n ≥ 16) or elements per side n (darcy: (n+1)² nodes, also tested at 2n, n ≤ 64)' }),
  width: flag.integer({ min: 1, max: 512, default: byCase(32, 24, 16), defaultText: '32 (darcy: 24, fc-pino: 16)', quick: byCase(12, 8, 8), quickText: '12 (darcy, fc-pino: 8)', example: '64', help: 'FNO channel width' }),
  modes: flag.integer({ min: 1, max: 4096, default: byCase(16, 8, 16), defaultText: '16 (darcy: 8 per axis)', quick: byCase(8, 8, 12), quickText: '8 (fc-pino: 12)', example: '12', help: 'Fourier modes kept per layer and axis (neuraloperator convention)' }),
  layers: flag.integer({ min: 1, max: 64, default: byCase(4, 4, 3), defaultText: '4 (fc-pino: 3)', quick: 2, example: '4', help: 'number of FNO blocks' }),
  samples: flag.integer({ min: 1, max: 1e6, default: byCase(500, 1000, 500), defaultText: '500 (darcy: 1000)', quick: 60, example: '1000', help: 'burgers, darcy: training samples' }),
  testSamples: flag.integer({ min: 1, max: 1e6, default: 100, quick: 20, example: '200', help: 'burgers, darcy: test samples' }),
  epochs: flag.integer({ min: 1, max: 1e5, default: byCase(50, 15, 50), defaultText: '50 (darcy: 15)', quick: byCase(10, 20, 10), quickText: '10 (darcy: 20)', example: '100', help: 'burgers, darcy: training epochs' }),
  batchSize: flag.integer({ min: 1, max: 1e5, default: 20, quick: 10, example: '50', help: 'burgers, darcy: mini-batch size (samples per Adam step)' }),
  lr: flag.number({ min: 0, minExclusive: true, max: 1, default: byCase(1e-3, 1e-2, 1e-3), defaultText: '1e-3 (darcy: 1e-2)', quick: byCase(5e-3, 1e-2, 5e-3), quickText: '5e-3 (darcy: 1e-2)', example: '3e-3', help: 'burgers, darcy: initial learning rate (Adam; AdamW with cosine annealing for darcy)' }),
  iterations: flag.integer({ min: 1, max: 1e7, default: 1500, quick: 150, example: '3000', help: 'fc-pino: Adam iterations' }),
  seed: flag.integer({ min: 0, max: 2147483646, default: 1, example: '7', help: 'seed of the data and of the initialization' }),
};

type Flags = FlagValues<typeof flags>;

async function runBurgers(ctx: ExperimentContext<Flags>): Promise<ExperimentOutcome> {
  const f = ctx.flags;
  const opts = { resolution: f.resolution, width: f.width, modes: f.modes, layers: f.layers, samples: f.samples, testSamples: f.testSamples, epochs: f.epochs, seed: f.seed, batchSize: f.batchSize };
  const { summary, training, prediction } = runBurgersExperiment({ ...opts, lr: f.lr }, { ...ctx.runOptions('training', 0, 1), progressEvery: 1 });
  const ok = training.status === 'success';
  const curves = fnoLossRows(training.history);
  const n = opts.resolution;
  const figures = [{
    name: 'loss',
    spec: lineChartSpec(curves, { x: 'epoch', y: 'error', series: 'set', seriesTitle: 'data set', logY: true, title: 'FNO on viscous Burgers: training and test error', xTitle: 'epoch', yTitle: 'relative L2 error' }),
    caption: `Relative L2 error on the training set (averaged during each epoch) and on the ${opts.testSamples} test samples after each epoch; viscous Burgers ν = 0.1, T = 1, n = ${n}.`,
  }];
  const table = fnoSummaryTable(summary);
  ctx.log(table);
  if (ok) {
    const pred: Rows = [];
    for (let j = 0; j < n; j++) {
      pred.push({ x: prediction.x[j], u: prediction.truth[j], curve: 'truth u(·, 1)' });
      pred.push({ x: prediction.x[j], u: prediction.predicted[j], curve: `FNO at n = ${n}` });
    }
    for (let j = 0; j < 2 * n; j++) pred.push({ x: j / (2 * n), u: prediction.predictedFine[j], curve: `FNO at 2n = ${2 * n} (zero-shot)` });
    figures.push({
      name: 'prediction',
      spec: lineChartSpec(pred, { x: 'x', y: 'u', series: 'curve', seriesTitle: 'solution', title: 'First test sample: prediction against truth', xTitle: 'position x ∈ [0, 1)', yTitle: 'u(x, t = 1)' }),
      caption: `The first test sample: the true solution u(·, 1), the FNO prediction at the training resolution n = ${n}, and zero-shot at 2n = ${2 * n}.`,
    });
  }
  return {
    status: training.status,
    message: ok ? '' : `training ended with status ${training.status}: ${training.message}`,
    result: { ...summary },
    summary: `Burgers ν = 0.1, T = 1, n = ${n}, width ${opts.width}, ${opts.modes} modes, ${opts.layers} layers, ${opts.samples} training / ${opts.testSamples} test samples, ${summary.epochs} epochs; status ${training.status} (${training.message}).\n\n\`\`\`\n${table}\n\`\`\`\n`,
    figures,
    completed: ok ? ['training', 'evaluation'] : [],
    files: ok ? [{ name: 'fno-burgers.json', content: JSON.stringify(fnoToJSON(training.final.fno, training.final.theta, { case: 'burgers', ...opts, testRelL2: summary.testRelL2 })), description: 'the trained FNO parameters (singularis-fno format, load with fnoFromJSON)' }] : [],
  };
}

async function runFcPino(ctx: ExperimentContext<Flags>): Promise<ExperimentOutcome> {
  const f = ctx.flags;
  const opts = { resolution: f.resolution, width: f.width, modes: f.modes, layers: f.layers, iterations: f.iterations, seed: f.seed };
  const { summary, training, profiles } = runFcPinoExperiment(opts, { ...ctx.runOptions('training', 0, 1), progressEvery: 50 });
  const ok = training.status === 'success';
  const h = training.history;
  const figures = [{
    name: 'loss',
    spec: lineChartSpec(h.iteration.map((it, i) => ({ iteration: it, loss: h.loss[i] })), { x: 'iteration', y: 'loss', logY: true, title: 'FC-PINO physics loss (sum over training λ)', xTitle: 'Adam iteration', yTitle: 'physics loss (sum over λ)' }),
    caption: 'The physics loss of the self-similar Burgers profile equation, summed over the training values of λ, per Adam iteration.',
  }];
  const table = formatTable(['λ (unseen)', 'relative L2 vs closed form'], summary.testErrors.map((e) => [String(e.lambda), e.relL2.toExponential(3)]));
  ctx.log(table);
  if (ok) {
    const rows: Rows = [];
    for (const p of profiles) for (let j = 0; j < p.y.length; j++) {
      rows.push({ y: p.y[j], U: p.exact[j], curve: `closed form λ = ${p.lambda}` });
      rows.push({ y: p.y[j], U: p.learned[j], curve: `FC-PINO λ = ${p.lambda} (unseen)` });
    }
    figures.push({
      name: 'profiles',
      spec: lineChartSpec(rows, { x: 'y', y: 'U', series: 'curve', seriesTitle: 'profile', title: 'Profiles at λ not seen in training against the closed form', xTitle: 'self-similar variable y ∈ [0, 10]', yTitle: 'profile U(y)' }),
      caption: 'Learned profiles at values of λ not seen in training against the closed form y + U + |U|^{1+1/λ} = 0.',
    });
  }
  return {
    status: training.status,
    message: ok ? '' : `training ended with status ${training.status}: ${training.message}`,
    result: { ...summary },
    summary: `FC-PINO, n = ${opts.resolution} on [0, 10], width ${opts.width}, ${opts.modes} modes, ${opts.layers} layers, ${summary.epochs} Adam iterations; training λ mean error ${summary.trainRelL2.toExponential(3)}; status ${training.status}.\n\n\`\`\`\n${table}\n\`\`\`\n`,
    figures,
    completed: ok ? ['training', 'evaluation'] : [],
  };
}

/**
 * The neural-operator experiment declaration (thesis §3: Fourier neural operators; FC-PINO).
 * @example
 * ```ts
 * // singularis reproduce neural-operator --case fc-pino --iterations 3000
 * ```
 */
export const neuralOperatorExperiment = defineExperiment({
  name: 'neural-operator',
  title: 'Fourier neural operators: viscous Burgers, 2D Darcy flow and FC-PINO self-similar profiles',
  description: 'burgers: an FNO trained on viscous Burgers data, its loss curves, a prediction and the zero-shot test at 2n, and its\nparameters as a file; darcy: the same for a 2D FNO on Darcy flow (heatmaps of truth, prediction and error); fc-pino: the self-similar Burgers profiles across λ learned from the physics loss, checked at unseen λ.',
  flags,
  quickNote: 'burgers: n = 64, width 12, 8 modes, 2 layers, 60/20 samples, 10 epochs (darcy: 9 × 9 nodes, width 8, 20 epochs; fc-pino: 150 iterations) — seconds',
  examples: ['--epochs 100 --samples 1000', '--case darcy --resolution 32', '--case fc-pino --iterations 3000'],
  check: (f) => {
    if (f.case === 'fc-pino' && f.resolution < 16) throw new UsageError(`--resolution must be at least 16 with --case fc-pino (got "${f.resolution}")`);
    if (f.case === 'darcy' && f.resolution > 64) throw new UsageError(`--resolution must be at most 64 with --case darcy (got "${f.resolution}")`);
    if (f.case === 'darcy' && f.modes > f.resolution + 1) throw new UsageError(`--modes must be at most resolution + 1 = ${f.resolution + 1} with --case darcy (the Nyquist limit of ${f.resolution + 1} nodes; got "${f.modes}")`);
  },
  estimate: (f) => (f.case === 'darcy'
    ? (f.resolution + 1) ** 2 * f.width * f.width * f.layers * f.epochs * (f.samples + f.testSamples) + (f.samples + f.testSamples) * (4 * f.resolution) ** 4
    : f.resolution * f.width * f.width * f.layers * (f.case === 'burgers' ? f.epochs * (f.samples + f.testSamples) : f.iterations * 8)),
  run: (ctx) => (ctx.flags.case === 'burgers' ? runBurgers(ctx) : ctx.flags.case === 'darcy' ? runDarcy(ctx) : runFcPino(ctx)),
});
