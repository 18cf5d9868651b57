/**
 * `singularis reproduce neural-operator`: the reduced FNO Burgers benchmark (experiment logic in
 * `models/operator/experiments/burgers.ts`) — training and test loss curves, a prediction against
 * the truth, the zero-shot super-resolution test (trained at n, evaluated at 2n), the trained
 * parameters as a `singularis-fno` file, a markdown summary and a one-line JSON result.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fnoToJSON } from '../nn/fnoFile';
import { runBurgersExperiment } from '../models/operator/experiments/burgers';
import { runFcPinoExperiment } from '../models/operator/experiments/fcPino';
import { lineChart, type Rows } from './plot';
import { Report, printJsonLine } from './report';
import { formatTable } from './table';

const USAGE = `Usage: singularis reproduce neural-operator [options]

  --case burgers|fc-pino    burgers: FNO on viscous Burgers data; fc-pino: the self-similar Burgers profile
                            family across λ from the physics loss (darcy is not implemented)
  --iterations I            fc-pino: Adam iterations (default 1500; 150 with --quick)
  --resolution N            training resolution n, test also at 2n (default 128)
  --width W                 FNO width (default 32)
  --modes M                 modes, neuraloperator convention (default 16)
  --layers L                FNO blocks (default 4)
  --samples S               training samples (default 500)
  --test-samples T          test samples (default 100)
  --epochs E                epochs (default 50)
  --seed K                  seed of data and training (default 1)
  --lr R                    initial learning rate (default 1e-3; 5e-3 with --quick)
  --quick                   n = 64, width 12, 8 modes, 2 layers, 60 samples, 20 test, 10 epochs, batch 10
  --out DIR                 report folder (default neural-operator-report)
  --json                    print one JSON object as the last line of stdout
`;

/**
 * Run the experiment; returns the process exit code (0 on success, 1 when training stopped early,
 * 2 on bad arguments).
 * @example
 * ```ts
 * await neuralOperatorExperiment(['--quick', '--json']);
 * ```
 */
export async function neuralOperatorExperiment(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        case: { type: 'string', default: 'burgers' }, resolution: { type: 'string' }, width: { type: 'string' }, modes: { type: 'string' },
        layers: { type: 'string' }, lr: { type: 'string' }, iterations: { type: 'string' }, samples: { type: 'string' }, 'test-samples': { type: 'string' }, epochs: { type: 'string' }, seed: { type: 'string', default: '1' },
        quick: { type: 'boolean', default: false }, out: { type: 'string', default: 'neural-operator-report' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) { process.stdout.write(USAGE); return 0; }
  if (values.case !== 'burgers' && values.case !== 'fc-pino') {
    process.stderr.write(`--case ${values.case} is not available (burgers or fc-pino)\n${USAGE}`);
    return 2;
  }
  const q = values.quick;
  if (values.case === 'fc-pino') return fcPinoCase(values, q);
  const int = (v: string | undefined, quick: number, full: number): number => (v === undefined ? (q ? quick : full) : Number(v));
  const opts = {
    resolution: int(values.resolution, 64, 128), width: int(values.width, 12, 32), modes: int(values.modes, 8, 16), layers: int(values.layers, 2, 4),
    samples: int(values.samples, 60, 500), testSamples: int(values['test-samples'], 20, 100), epochs: int(values.epochs, 10, 50), seed: Number(values.seed),
    batchSize: q ? 10 : 20,
  };
  const lr = values.lr === undefined ? (q ? 5e-3 : 1e-3) : Number(values.lr);
  if (!(lr > 0 && lr < 1)) { process.stderr.write(`--lr must be in (0, 1)\n${USAGE}`); return 2; }
  if (Object.values(opts).some((v) => !Number.isInteger(v) || v < 1) || opts.resolution < 8) {
    process.stderr.write(`options must be positive integers (resolution >= 8)\n${USAGE}`);
    return 2;
  }
  const started = Date.now();
  const { summary, training, prediction } = runBurgersExperiment({ ...opts, lr }, {
    progressEvery: 1,
    onProgress: (p) => process.stderr.write(`\repoch ${p.step}/${opts.epochs}: train ${(p.trainLoss as number).toExponential(2)}, test ${(p.testRelL2 as number).toExponential(2)}   `),
  });
  process.stderr.write(`\ndone in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const report = new Report(values.out);
  const h = training.history;
  const curves: Rows = [];
  h.epoch.forEach((e, i) => { curves.push({ epoch: e, value: h.trainLoss[i], series: 'train (relative L2, during epoch)' }); curves.push({ epoch: e, value: h.testRelL2[i], series: 'test (relative L2)' }); });
  report.figure('loss.svg', await lineChart(curves, { x: 'epoch', y: 'value', series: 'series', logY: true, title: 'FNO on viscous Burgers: training and test error' }), 'Training and test relative L2 error per epoch');
  const n = opts.resolution;
  const pred: Rows = [];
  for (let j = 0; j < n; j++) { pred.push({ x: prediction.x[j], value: prediction.truth[j], series: 'truth u(·, 1)' }); pred.push({ x: prediction.x[j], value: prediction.predicted[j], series: `FNO at n = ${n}` }); }
  for (let j = 0; j < 2 * n; j++) pred.push({ x: j / (2 * n), value: prediction.predictedFine[j], series: `FNO at 2n = ${2 * n} (zero-shot)` });
  report.figure('prediction.svg', await lineChart(pred, { x: 'x', y: 'value', series: 'series', title: 'First test sample: prediction against truth' }), 'Prediction against truth at n and zero-shot at 2n');
  writeFileSync(join(report.dir, 'fno-burgers.json'), JSON.stringify(fnoToJSON(training.final.fno, training.final.theta, { case: 'burgers', ...opts, testRelL2: summary.testRelL2 })));
  const table = formatTable(['quantity', 'value'], [
    ['train relative L2', summary.trainRelL2.toExponential(3)], ['test relative L2 (n)', summary.testRelL2.toExponential(3)],
    ['test relative L2 (2n, zero-shot)', summary.testRelL2AtDoubleResolution.toExponential(3)],
    ['ratio 2n / n', (summary.testRelL2AtDoubleResolution / summary.testRelL2).toFixed(3)],
    ['parameters', String(summary.parameters)], ['seconds per epoch', summary.secondsPerEpoch.toFixed(2)], ['data seconds', summary.dataSeconds.toFixed(1)],
  ]);
  report.text(`Burgers ν = 0.1, T = 1, n = ${n}, width ${opts.width}, ${opts.modes} modes, ${opts.layers} layers, ${opts.samples} training / ${opts.testSamples} test samples, ${summary.epochs} epochs; status ${training.status} (${training.message}).\n\n\`\`\`\n${table}\n\`\`\`\n`);
  const path = report.finish('Fourier neural operator — viscous Burgers', summary);
  process.stdout.write(`${table}\nreport: ${path}\n`);
  if (values.json) printJsonLine(summary);
  return training.status === 'success' ? 0 : 1;
}

async function fcPinoCase(values: Record<string, string | boolean | undefined>, q: boolean): Promise<number> {
  const num = (k: string, quick: number, full: number): number => (values[k] === undefined ? (q ? quick : full) : Number(values[k]));
  const opts = { resolution: num('resolution', 48, 64), width: num('width', 8, 16), modes: num('modes', 12, 16), layers: num('layers', 2, 3), iterations: num('iterations', 150, 1500), seed: Number(values.seed) };
  if (Object.values(opts).some((v) => !Number.isInteger(v) || v < 1) || opts.resolution < 16) {
    process.stderr.write(`options must be positive integers (resolution >= 16)\n${USAGE}`);
    return 2;
  }
  const started = Date.now();
  const { summary, training, profiles } = runFcPinoExperiment(opts, {
    progressEvery: 50,
    onProgress: (p) => process.stderr.write(`\riteration ${p.step}/${opts.iterations}: loss ${(p.loss as number).toExponential(2)}   `),
  });
  process.stderr.write(`\ndone in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const report = new Report(String(values.out));
  const h = training.history;
  const curve: Rows = h.iteration.map((it, i) => ({ iteration: it, loss: h.loss[i] }));
  report.figure('loss.svg', await lineChart(curve, { x: 'iteration', y: 'loss', logY: true, title: 'FC-PINO physics loss (sum over training λ)' }), 'Physics loss per iteration');
  const rows: Rows = [];
  for (const p of profiles) for (let j = 0; j < p.y.length; j++) {
    rows.push({ y: p.y[j], U: p.exact[j], series: `closed form λ = ${p.lambda}` });
    rows.push({ y: p.y[j], U: p.learned[j], series: `FC-PINO λ = ${p.lambda} (unseen)` });
  }
  report.figure('profiles.svg', await lineChart(rows, { x: 'y', y: 'U', series: 'series', title: 'Profiles at λ not seen in training against the closed form' }), 'Learned profiles at unseen λ against y + U + |U|^{1+1/λ} = 0');
  const table = formatTable(['λ (unseen)', 'relative L2 vs closed form'], summary.testErrors.map((e) => [String(e.lambda), e.relL2.toExponential(3)]));
  report.text(`FC-PINO, n = ${opts.resolution} on [0, 10], width ${opts.width}, ${opts.modes} modes, ${opts.layers} layers, ${summary.epochs} Adam iterations; training λ mean error ${summary.trainRelL2.toExponential(3)}; status ${training.status}.\n\n\`\`\`\n${table}\n\`\`\`\n`);
  const path = report.finish('FC-PINO — self-similar Burgers profiles across λ', summary);
  process.stdout.write(`${table}\nreport: ${path}\n`);
  if (values.json) printJsonLine(summary);
  return training.status === 'success' ? 0 : 1;
}
