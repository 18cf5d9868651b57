/**
 * `singularis reproduce pinn`: thesis Appendix B.4 — a Burgers self-similar profile trained to
 * high precision on the unbounded domain y = sinh z (exact or weak asymptotics), compared with its
 * closed-form member; checkpoints and resume; figures and a one-line JSON result. The experiment
 * logic lives in `models/pinn/experiments/burgers.ts`.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { runBoussinesqExperiment } from '../models/pinn/experiments/boussinesq';
import { runBurgersExperiment } from '../models/pinn/experiments/burgers';
import { readProfileCheckpoint, writeProfileCheckpoint } from '../node/pinnCheckpoint';
import { lineChart } from './plot';
import { Report, printJsonLine } from './report';
import { formatTable } from './table';

const USAGE = `Usage: singularis reproduce pinn [options]

  --case burgers|boussinesq   profile equation (default burgers; boussinesq: reduced networks, --batch = interior
                              points, --iterations = quasi-Newton iterations after --adam-epochs, --full = thesis sizes)
  --adam-epochs N             Boussinesq Adam epochs (default 300; --full 10000)
  --full                      Boussinesq thesis configuration (28,627 parameters, L-BFGS)
  --lambda L                  λ > 0 (default 0.5; the thesis also uses 0.4)
  --asymptotics exact|weak    far-field treatment (default exact)
  --batch B                   interior points per sample set (default 10000)
  --iterations N              SSBroyden1 iterations (default 20000)
  --resample-every K          resample and restart every K iterations (default 1000)
  --hidden 20,20,20           hidden widths (default 20,20,20: 901 parameters)
  --seed S                    seed of the initialization and the points (default 0)
  --checkpoint FILE           write a checkpoint every --checkpoint-every iterations (default: at every resampling)
  --checkpoint-every K        checkpoint period, a multiple of --resample-every
  --resume FILE               continue from a checkpoint (bit-identical to an uninterrupted run)
  --quick                     batch 200, 150 iterations, resampling every 50 (seconds)
  --out DIR                   report folder (default pinn-report)
  --json                      print one JSON object as the last line of stdout
`;

/**
 * Run the experiment; returns the process exit code (0 success, 1 run stopped early, 2 bad arguments).
 * @example
 * ```ts
 * await pinnExperiment(['--quick', '--json']);
 * ```
 */
export async function pinnExperiment(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        case: { type: 'string', default: 'burgers' }, lambda: { type: 'string', default: '0.5' }, asymptotics: { type: 'string', default: 'exact' },
        batch: { type: 'string' }, iterations: { type: 'string' }, 'resample-every': { type: 'string' }, hidden: { type: 'string', default: '20,20,20' },
        seed: { type: 'string', default: '0' }, checkpoint: { type: 'string' }, 'checkpoint-every': { type: 'string' }, resume: { type: 'string' },
        quick: { type: 'boolean', default: false }, full: { type: 'boolean', default: false }, 'adam-epochs': { type: 'string' }, out: { type: 'string', default: 'pinn-report' }, json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) { process.stdout.write(USAGE); return 0; }
  if (values.case === 'boussinesq') return boussinesq(values);
  if (values.case !== 'burgers' || (values.asymptotics !== 'exact' && values.asymptotics !== 'weak')) {
    process.stderr.write(`invalid --case or --asymptotics\n${USAGE}`);
    return 2;
  }
  const quick = values.quick;
  const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));
  const resampleEvery = num(values['resample-every'], quick ? 50 : 1000);
  const checkpointPath = values.checkpoint;
  const started = Date.now();
  let lastReport = 0;
  const onProgress = (info: { fraction: number; step: number; [key: string]: number | undefined }) => {
    const now = Date.now();
    if (now - lastReport < 1000) return;
    lastReport = now;
    process.stderr.write(`\riteration ${info.step}  loss ${Number(info.loss).toExponential(3)}  |g| ${Number(info.gradNorm).toExponential(2)}  ${Number(info.iterationsPerSecond).toFixed(2)} it/s   `);
  };
  // Ctrl-C / SIGTERM end the run at the next iteration with status 'aborted'; the report is still written
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let out;
  try {
    const resume = values.resume === undefined ? undefined : readProfileCheckpoint(values.resume);
    out = await runBurgersExperiment({
      lambda: Number(values.lambda), asymptotics: values.asymptotics, batch: num(values.batch, quick ? 200 : 10000), iterations: num(values.iterations, quick ? 150 : 20000),
      resampleEvery, seed: Number(values.seed), hidden: values.hidden.split(',').map(Number),
      checkpointEvery: checkpointPath === undefined ? 0 : num(values['checkpoint-every'], resampleEvery),
      onCheckpoint: checkpointPath === undefined ? undefined : (c) => writeProfileCheckpoint(checkpointPath, c),
      resume,
    }, { onProgress, progressEvery: 10, signal: controller.signal });
  } catch (error) {
    process.stderr.write(`singularis reproduce pinn: ${(error as Error).message}\n`);
    return 2;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  process.stderr.write(`\rtraining done in ${((Date.now() - started) / 1000).toFixed(1)} s${' '.repeat(40)}\n`);
  const { summary, run } = out;
  const report = new Report(values.out);
  report.figure('loss.svg', await lineChart(out.lossRows, { x: 'iteration', y: 'loss', series: 'series', logX: true, logY: true, points: true, title: `Burgers λ = ${summary.lambda}, ${summary.asymptotics} asymptotics: training loss`, xTitle: 'iteration' }), 'Training loss on log axes, with the reference notebooks\' published values (thesis B.4 code)');
  report.figure('profile.svg', await lineChart(out.profileRows, { x: 'y', y: 'minusU', series: 'series', logX: true, logY: true, title: 'Learned profile against the closed form (−U, y ∈ [10⁻³, 5·10¹²])', yTitle: '−U(y)' }), 'Learned −U(y) against the closed-form member over y up to sinh 30 ≈ 5·10¹² (log axes)');
  report.figure('error.svg', await lineChart(out.errorRows, { x: 'y', y: 'error', series: 'series', logX: true, logY: true, title: 'Pointwise error against the closed form' }), 'Pointwise absolute and relative error of the learned profile');
  const fmt = (v: unknown) => (typeof v === 'number' ? v.toPrecision(6) : String(v));
  const table = formatTable(['quantity', 'value'], [
    ['status', `${run.status}: ${run.message}`], ['iterations', fmt(summary.iterations)], ['final loss', fmt(summary.loss)],
    ['member C', fmt(summary.member)], ['max |U − U_C| on [0, 100]', fmt(summary.maxAbsErr)], ['U(1), U(10), U(100)', `${fmt(summary.U1)}, ${fmt(summary.U10)}, ${fmt(summary.U100)}`],
    ['seconds per iteration', fmt(summary.secondsPerIteration)], ['evaluations, restarts, Cholesky resets', `${run.stats.nfev}, ${run.stats.restarts}, ${run.stats.choleskyResets}`],
  ]);
  report.text(`\`\`\`\n${table}\n\`\`\`\n`);
  const path = report.finish(`PINN: Burgers self-similar profile (thesis Appendix B.4)`, summary);
  process.stdout.write(`${table}\nreport: ${path}\n`);
  if (values.json) printJsonLine(summary);
  return run.status === 'success' ? 0 : 1;
}

/** `--case boussinesq`: the reduced (or `--full`) Boussinesq training with its loss figure and JSON line. */
async function boussinesq(values: Record<string, string | boolean | undefined>): Promise<number> {
  const opt = (k: string) => (typeof values[k] === 'string' ? Number(values[k]) : undefined);
  const quick = values.quick === true;
  let out;
  try {
    out = runBoussinesqExperiment({
      full: values.full === true, interior: opt('batch') ?? (quick ? 100 : undefined), sides: quick ? 20 : undefined,
      adamEpochs: opt('adam-epochs') ?? (quick ? 50 : undefined), quasiNewtonIterations: opt('iterations') ?? (quick ? 50 : undefined),
      resampleEvery: opt('resample-every') ?? (quick ? 25 : undefined), seed: opt('seed'),
    }, { progressEvery: 10, onProgress: (p) => process.stderr.write(`\riteration ${p.step}  loss ${Number(p.loss).toExponential(3)}  λ ${Number(p.lambda).toFixed(5)}   `) });
  } catch (error) {
    process.stderr.write(`singularis reproduce pinn: ${(error as Error).message}\n`);
    return 2;
  }
  process.stderr.write('\n');
  const report = new Report(String(values.out));
  report.figure('loss.svg', await lineChart(out.rows, { x: 'iteration', y: 'value', series: 'series', logY: true, title: 'Boussinesq (reduced): training loss' }), 'Training loss, Adam then quasi-Newton (thesis B.4; reference: 4.2e-5 after Adam, 4.87e-11 after SSBroyden1 at full size)');
  report.text(`status ${out.run.status}: ${out.run.message}; λ = ${out.run.final.lambda}; loss ${out.run.final.loss}; ${out.run.stats.parameters} parameters.\n`);
  const path = report.finish('PINN: Boussinesq profile (thesis Appendix B.4, reduced)', out.summary);
  process.stdout.write(`loss ${out.run.final.loss.toExponential(3)}, λ = ${out.run.final.lambda}\nreport: ${path}\n`);
  if (values.json === true) printJsonLine(out.summary);
  return out.run.status === 'success' ? 0 : 1;
}
