/**
 * `singularis reproduce sampling`: EKS, ALDI, EKHMC and pCN on the linear-Gaussian, low-dimensional
 * or Darcy problem of thesis Appendix C, with figures as Figs. C.1–C.3 (means and covariance
 * eigenvalues over iterations, the γ sweep, scatter and metric curves) plus the spectral gap
 * against γ (Remark C.8.1), a markdown summary and a one-line JSON result. The experiment logic
 * lives in `models/sampling/experiments/`.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { darcyForwardBatchInWorkers } from '../node/sampling';
import { reproduceSampling, type SamplingExperimentConfig, type SamplingExperimentResult, type SamplingMethod, type SamplingProblemName } from '../models/sampling/experiments/reproduce';
import { lineChart, renderSvg, type Rows } from './plot';
import { Report, printJsonLine } from './report';
import { formatTable } from './table';

const USAGE = `Usage: singularis reproduce sampling [options]

  --problem linear|low-dim|darcy   test problem (default low-dim)
  --method LIST                    comma list of eks, aldi, ekhmc, pcn, run on the same seed (default eks,ekhmc)
  --ensemble I                     ensemble size (default 1000; 200 with --quick)
  --iterations N                   iterations (default 200)
  --gamma G                        EKHMC damping (default 100 for low-dim, 2√2 − 1 otherwise)
  --epsilon E                      base step ε (default 0.2; EKS/ALDI default to Δt = 1/‖D‖_F unless --epsilon is given)
  --force-norm maxParticle|rms|frobenius   |F_H| in the adaptive step (default maxParticle)
  --seed S                         seed (default 1)
  --workers W                      worker threads for the Darcy forward map (default 1; results identical for any W)
  --sweep                          the γ sweep of Fig. C.2 (low-dim)
  --quick                          small sizes, seconds
  --out DIR                        report folder (default sampling-report)
  --json                           print one JSON object as the last line of stdout
`;

const METHODS: SamplingMethod[] = ['eks', 'aldi', 'ekhmc', 'pcn'];
const PROBLEMS: SamplingProblemName[] = ['linear', 'low-dim', 'darcy'];

async function figures(report: Report, r: SamplingExperimentResult): Promise<void> {
  const means: Rows = [];
  const eig: Rows = [];
  for (const run of r.runs) {
    for (const t of run.trace) {
      for (let a = 0; a < Math.min(2, t.mean.length); a++) means.push({ iteration: t.iteration, value: t.mean[a], series: `${run.method} mean u${a + 1}` });
      for (let a = 0; a < Math.min(2, t.eigenvalues.length); a++) if (t.eigenvalues[a] > 0) eig.push({ iteration: t.iteration, value: t.eigenvalues[a], series: `${run.method} σ${a + 1}` });
    }
  }
  const last = Math.max(1, ...r.runs.flatMap((x) => x.trace.map((t) => t.iteration)));
  for (let a = 0; a < Math.min(2, r.reference.mean.length); a++) means.push({ iteration: 0, value: r.reference.mean[a], series: `reference mean u${a + 1}` }, { iteration: last, value: r.reference.mean[a], series: `reference mean u${a + 1}` });
  for (let a = 0; a < Math.min(2, r.reference.covEigenvalues.length); a++) eig.push({ iteration: 0, value: r.reference.covEigenvalues[a], series: `reference σ${a + 1}` }, { iteration: last, value: r.reference.covEigenvalues[a], series: `reference σ${a + 1}` });
  if (means.length > 0) report.figure('means.svg', await lineChart(means, { x: 'iteration', y: 'value', series: 'series', title: 'Ensemble means over iterations (cf. Fig. C.1)' }), 'Means of u1 and u2 over iterations against the reference (cf. thesis Fig. C.1)');
  if (eig.length > 0) report.figure('eigenvalues.svg', await lineChart(eig, { x: 'iteration', y: 'value', series: 'series', logY: true, title: 'Covariance eigenvalues σ1 ≥ σ2 (cf. Fig. C.1)' }), 'Eigenvalues of C_q over iterations against the reference (cf. thesis Fig. C.1)');
  const metrics: Rows = [];
  for (const run of r.runs) for (const t of run.trace) if (t.metrics) for (const [k, v] of Object.entries(t.metrics)) metrics.push({ iteration: t.iteration, value: v, series: `${run.method} ${k}` });
  if (metrics.length > 0) report.figure('metrics.svg', await lineChart(metrics, { x: 'iteration', y: 'value', series: 'series', logY: true, title: 'd_L2 and d_H⁻² to the truth (cf. Fig. C.3)' }), 'Metric curves d_L2 and d_H⁻² over iterations (cf. thesis Fig. C.3)');
  const scatter: Rows = [];
  for (const run of r.runs) for (const [x, y] of run.scatter) scatter.push({ u1: x, u2: y, method: run.method });
  if (scatter.length > 0) {
    report.figure('scatter.svg', await renderSvg({
      title: 'Final ensembles / chain samples, (u1, u2) (cf. Fig. C.3)', width: 420, height: 420, data: { values: scatter },
      mark: { type: 'point', size: 6, opacity: 0.4 },
      encoding: { x: { field: 'u1', type: 'quantitative', scale: { zero: false } }, y: { field: 'u2', type: 'quantitative', scale: { zero: false } }, color: { field: 'method', type: 'nominal' } },
    }), 'Scatter of (u1, u2) for each method (cf. thesis Fig. C.3)');
  }
  if (r.gammaSweep) {
    const rows: Rows = r.gammaSweep.filter((s) => s.steps !== null).map((s) => ({ gamma: s.gamma, steps: s.steps!, series: `threshold ${s.threshold}` }));
    report.figure('gamma-sweep.svg', await lineChart(rows, { x: 'gamma', y: 'steps', series: 'series', logX: true, points: true, title: 'Steps until the u2-mean is within the threshold (cf. Fig. C.2)', xTitle: 'γ' }), 'EKHMC: iterations until the u2-mean stays within a threshold of the reference, against γ (cf. thesis Fig. C.2)');
  }
  const gap: Rows = r.spectralGap.curve.map((c) => ({ gamma: c.gamma, gap: c.gap, series: 'spectral gap' }));
  report.figure('spectral-gap.svg', await lineChart(gap, { x: 'gamma', y: 'gap', series: 'series', logX: true, title: `Spectral gap against γ: max ${r.spectralGap.maxGap.toFixed(6)} at γ0 = ${r.spectralGap.gamma0.toFixed(6)}`, xTitle: 'γ' }), 'Spectral gap |x(γ)| of the linearized moment equations (thesis Remark C.8.1)');
}

/**
 * Run the experiment; returns the process exit code (0 on success, 1 when a run stopped early,
 * 2 on bad arguments).
 * @example
 * ```ts
 * await samplingExperiment(['--problem', 'low-dim', '--method', 'eks,ekhmc', '--quick', '--json']);
 * ```
 */
export async function samplingExperiment(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        problem: { type: 'string', default: 'low-dim' }, method: { type: 'string', default: 'eks,ekhmc' }, ensemble: { type: 'string' },
        iterations: { type: 'string' }, gamma: { type: 'string' }, epsilon: { type: 'string' }, 'force-norm': { type: 'string', default: 'maxParticle' },
        seed: { type: 'string', default: '1' }, workers: { type: 'string', default: '1' }, sweep: { type: 'boolean', default: false },
        quick: { type: 'boolean', default: false }, out: { type: 'string', default: 'sampling-report' }, json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) { process.stdout.write(USAGE); return 0; }
  const methods = values.method.split(',').map((m) => m.trim()) as SamplingMethod[];
  const problem = values.problem as SamplingProblemName;
  const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));
  const forceNorm = values['force-norm'];
  const config: SamplingExperimentConfig = {
    problem, methods, ensemble: num(values.ensemble), iterations: num(values.iterations), gamma: num(values.gamma), epsilon: num(values.epsilon),
    forceNorm: forceNorm as SamplingExperimentConfig['forceNorm'], seed: Number(values.seed), gammaSweep: values.sweep, quick: values.quick,
  };
  const bad = !PROBLEMS.includes(problem) || methods.some((m) => !METHODS.includes(m)) || !['maxParticle', 'rms', 'frobenius'].includes(forceNorm)
    || [config.ensemble, config.iterations, config.gamma, config.epsilon].some((v) => v !== undefined && !(v > 0)) || !Number.isInteger(config.seed) || !(Number(values.workers) >= 1);
  if (bad) {
    process.stderr.write(`invalid arguments\n${USAGE}`);
    return 2;
  }
  const workers = Number(values.workers);
  if (workers > 1 && problem === 'darcy') {
    const fromSource = import.meta.url.endsWith('.ts');
    const taskModule = new URL(fromSource ? '../node/samplingTask.ts' : '../node/samplingTask.js', import.meta.url);
    config.darcyBatch = (options) => darcyForwardBatchInWorkers(options, { workers, taskModule, preload: fromSource ? 'tsx/cjs' : undefined });
  }
  const started = Date.now();
  let r: SamplingExperimentResult;
  try {
    r = await reproduceSampling(config);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const report = new Report(values.out);
  await figures(report, r);
  const fmt = (v: number[]) => v.slice(0, 4).map((x) => x.toPrecision(5)).join(', ') + (v.length > 4 ? ', …' : '');
  const table = formatTable(['method', 'status', 'mean', 'cov eigenvalues', 'iterations', 'forward evals', 'seconds'], [
    ...r.runs.map((x) => [x.method, x.status, fmt(x.mean), fmt(x.covEigenvalues), String(x.iterations), String(x.forwardEvaluations), x.seconds.toFixed(2)]),
    ['reference', '', fmt(r.reference.mean), fmt(r.reference.covEigenvalues), '', '', r.reference.source],
  ]);
  report.text(`Problem ${r.problem}, seed ${r.seed}, settings ${JSON.stringify(r.settings)}.\n\nSpectral gap: γ0 = ${r.spectralGap.gamma0} (golden section ${r.spectralGap.gamma0Numerical}), maximal gap ${r.spectralGap.maxGap} (numerical ${r.spectralGap.maxGapNumerical}).\n\n\`\`\`\n${table}\n\`\`\`\n`);
  const json = {
    problem: r.problem,
    runs: r.runs.map((x) => ({
      method: x.method, status: x.status, mean: x.mean, covEigenvalues: x.covEigenvalues, iterations: x.iterations, forwardEvaluations: x.forwardEvaluations, seconds: x.seconds,
      metrics: x.trace.some((t) => t.metrics) ? x.trace.filter((t, k) => t.metrics && (k % 10 === 0 || k === x.trace.length - 1)).map((t) => ({ iteration: t.iteration, ...t.metrics })) : undefined,
    })),
    reference: { mean: r.reference.mean, covEigenvalues: r.reference.covEigenvalues, source: r.reference.source },
    spectralGap: { gamma0: r.spectralGap.gamma0, maxGap: r.spectralGap.maxGap, gamma0Numerical: r.spectralGap.gamma0Numerical, maxGapNumerical: r.spectralGap.maxGapNumerical },
    gammaSweep: r.gammaSweep,
    settings: r.settings,
    seconds: (Date.now() - started) / 1000,
  };
  const summary = report.finish(`Ensemble samplers — ${r.problem} problem`, json);
  process.stdout.write(`${table}\nreport: ${summary}\n`);
  if (values.json) printJsonLine(json);
  return r.runs.every((x) => x.status === 'success') ? 0 : 1;
}
