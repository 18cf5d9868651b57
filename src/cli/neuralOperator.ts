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
import { lineChart, type Rows } from './plot';
import { Report, printJsonLine } from './report';
import { formatTable } from './table';

const USAGE = `Usage: singularis reproduce neural-operator [options]

  --case burgers            dataset (only burgers is available; darcy and fc-pino are not implemented)
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
        layers: { type: 'string' }, lr: { type: 'string' }, samples: { type: 'string' }, 'test-samples': { type: 'string' }, epochs: { type: 'string' }, seed: { type: 'string', default: '1' },
        quick: { type: 'boolean', default: false }, out: { type: 'string', default: 'neural-operator-report' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) { process.stdout.write(USAGE); return 0; }
  if (values.case !== 'burgers') {
    process.stderr.write(`--case ${values.case} is not available (only burgers)\n${USAGE}`);
    return 2;
  }
  const q = values.quick;
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
