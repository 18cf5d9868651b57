/**
 * `singularis reproduce sampling`: EKS, ALDI, EKHMC and pCN on the linear-Gaussian, low-dimensional
 * or Darcy problem of thesis Appendix C, with figures as Figs. C.1–C.3 (means and covariance
 * eigenvalues over iterations, the γ sweep, scatter and metric curves) plus the spectral gap
 * against γ (Remark C.8.1). The experiment logic lives in `models/sampling/experiments/`.
 *
 * @module
 */
import { DarcyWorkerPool } from '../node/sampling';
import { PCN_DARCY_BETA, reproduceSampling, type SamplingExperimentConfig, type SamplingExperimentResult, type SamplingMethod } from '../models/sampling/experiments/reproduce';
import { OPTIMAL_DAMPING } from '../models/sampling/ekhmc';
import { defineExperiment, type ExperimentContext, type ExperimentOutcome } from './framework/experiment';
import type { FigureSpec } from './framework/figures';
import { flag, type FlagValues } from './framework/flags';
import { UsageError } from './framework/usageError';
import { lineChartSpec, type Rows } from './plot';
import { formatTable } from './table';

const METHODS: readonly SamplingMethod[] = ['eks', 'aldi', 'ekhmc', 'pcn'];
const isDarcy = (f: Readonly<Record<string, unknown>>) => f.problem === 'darcy';

const flags = {
  problem: flag.choice(['linear', 'low-dim', 'darcy'] as const, { default: 'low-dim', example: 'darcy', help: 'test problem: linear-Gaussian (exact posterior), the two-parameter problem of thesis §C.6.1, or Darcy flow of §C.6.2' }),
  method: flag.string({ default: 'eks,ekhmc', what: 'a comma list of eks, aldi, ekhmc, pcn', example: 'eks,aldi,ekhmc,pcn', help: 'samplers, run one after the other on the same seed and initial ensemble' }),
  ensemble: flag.integer({ min: 2, max: 100000, default: (f) => (isDarcy(f) ? 128 : 1000), defaultText: '1000 (darcy 128)', quick: (f) => (isDarcy(f) ? 32 : 200), quickText: '200 (darcy 32)', example: '512', help: 'ensemble size I' }),
  iterations: flag.integer({ min: 1, max: 1000000, default: (f) => (isDarcy(f) ? 100 : 200), defaultText: '200 (darcy 100)', quick: (f) => (isDarcy(f) ? 20 : 200), quickText: '200 (darcy 20)', example: '400', help: 'sampler iterations' }),
  gamma: flag.number({ min: 0, minExclusive: true, max: 1e6, default: (f) => (f.problem === 'low-dim' ? 100 : f.problem === 'darcy' ? 1 : OPTIMAL_DAMPING), defaultText: '100 (low-dim), 1 (darcy), 2√2 − 1 (linear)', example: '1', help: 'EKHMC damping γ (thesis (C.1.8))' }),
  epsilon: flag.number({ min: 0, minExclusive: true, max: 100, default: (f) => (isDarcy(f) ? 1 : 0.2), defaultText: '0.2 (darcy 1)', example: '0.1', help: 'base step ε of ε/(a|F| + 1) (thesis (C.6.4)); EKS/ALDI use it under --eks-step adaptive' }),
  stabilityCap: flag.number({ min: 0, max: 2, default: 0, example: '1', help: 'EKHMC stiffness cap κ: ε_j ≤ κ/max(s, √s), s = tr(C_q·Hessian estimate); 0 = off (the thesis step)' }),
  divergenceThreshold: flag.number({ min: 1, minExclusive: true, max: 1e300, default: 1e4, example: '1e300', help: 'EKS/ALDI/EKHMC end "diverged" when a particle\'s ‖q − m0‖²_Γ0/N exceeds this multiple of max(1, its initial-ensemble value); 1e300 = off' }),
  eksStep: flag.choice(['misfitFrobenius', 'adaptive'] as const, { default: (f) => (isDarcy(f) ? 'adaptive' : 'misfitFrobenius'), defaultText: 'misfitFrobenius (darcy adaptive)', example: 'adaptive', help: 'EKS/ALDI step: Δt = 1/‖D‖_F (the EKS codes) or the thesis rule ε/(a|F| + 1)' }),
  forceNorm: flag.choice(['maxParticle', 'rms', 'frobenius'] as const, { default: 'maxParticle', example: 'rms', help: '|F| in the adaptive step: max particle norm, RMS over particles, or Frobenius over the ensemble' }),
  pcnIterations: flag.integer({ min: 0, max: 1e8, default: (f) => (isDarcy(f) ? 20000 : 200000), defaultText: '2e5 (darcy 2e4)', quick: (f) => (isDarcy(f) ? 1000 : 20000), quickText: '2e4 (darcy 1000)', example: '50000', help: 'pCN proposals (method pcn; for darcy also the reference posterior, 0 = the truth only)' }),
  grid: flag.integer({ min: 4, max: 512, default: 32, quick: 16, example: '24', help: 'Darcy forward grid: elements per side n of the Q1 solve (darcy only)' }),
  sweep: flag.boolean({ default: true, help: 'the γ sweep of Fig. C.2 (low-dim only): EKHMC runs for γ ∈ [30, 10⁴]' }),
  seed: flag.seed({ default: 1, help: 'seed of the initial ensemble, the noise and the Darcy truth' }),
  workers: flag.integer({ min: 1, max: 256, default: 1, example: '2', help: 'worker threads for the Darcy forward map (results identical for any count)' }),
};

type Flags = FlagValues<typeof flags>;

function methodsOf(text: string): SamplingMethod[] {
  const list = text.split(',').map((m) => m.trim());
  for (const m of list) if (!METHODS.includes(m as SamplingMethod)) throw new UsageError(`--method must be a comma list of ${METHODS.join(', ')} (got "${m}" in "${text}")`);
  if (new Set(list).size !== list.length) throw new UsageError(`--method lists a sampler twice (got "${text}")`);
  return list as SamplingMethod[];
}

const fmt = (v: number[]) => (v.length === 0 ? '—' : v.slice(0, 4).map((x) => x.toPrecision(5)).join(', ') + (v.length > 4 ? ', …' : ''));

function figures(r: SamplingExperimentResult, f: Flags): FigureSpec[] {
  const out: FigureSpec[] = [];
  const done = r.runs.filter((x) => x.status === 'success'); // figures from completed runs only
  const ensembles = done.filter((x) => x.trace.length > 0);
  const last = Math.max(1, ...ensembles.flatMap((x) => x.trace.map((t) => t.iteration)));
  const refName = r.problem === 'darcy' ? (r.reference.covEigenvalues.length > 0 ? 'pCN reference' : 'truth u†') : 'reference posterior';
  for (const a of [0, 1]) {
    const rows: Rows = [];
    for (const run of ensembles) for (const t of run.trace) rows.push({ iteration: t.iteration, value: t.mean[a], series: run.method.toUpperCase() });
    if (rows.length === 0) continue;
    if (r.reference.mean.length > a) for (const it of [0, last]) rows.push({ iteration: it, value: r.reference.mean[a], series: refName });
    out.push({
      name: `mean-u${a + 1}`,
      spec: lineChartSpec(rows, { x: 'iteration', y: 'value', series: 'series', seriesTitle: 'sampler', title: `Ensemble mean of u${a + 1} over iterations (cf. Fig. C.1), ${r.problem}`, xTitle: 'iteration j', yTitle: `mean of u${a + 1}` }),
      caption: `Ensemble mean of the coordinate u${a + 1} over the iterations of each sampler (I = ${r.settings.ensemble}, seed ${String(r.seed)}), against the ${refName} (${r.reference.source}); cf. thesis Fig. C.1. EKHMC with γ = ${r.settings.gamma}${r.problem === 'low-dim' ? ': γ = 1 overshoots, γ = 100 approaches monotonically (thesis §C.6.1)' : ''}.`,
    });
  }
  const eig: Rows = [];
  for (const run of ensembles) for (const t of run.trace) for (let a = 0; a < Math.min(2, t.eigenvalues.length); a++) if (t.eigenvalues[a] > 0) eig.push({ iteration: t.iteration, value: t.eigenvalues[a], series: `${run.method.toUpperCase()} σ${a + 1}` });
  for (let a = 0; a < Math.min(2, r.reference.covEigenvalues.length); a++) for (const it of [0, last]) eig.push({ iteration: it, value: r.reference.covEigenvalues[a], series: `${refName} σ${a + 1}` });
  if (eig.length > 0) {
    out.push({
      name: 'eigenvalues',
      spec: lineChartSpec(eig, { x: 'iteration', y: 'value', series: 'series', seriesTitle: 'sampler, eigenvalue', logY: true, title: `Covariance eigenvalues σ1 ≥ σ2 of C_q (cf. Fig. C.1), ${r.problem}`, xTitle: 'iteration j', yTitle: 'eigenvalue of C_q' }),
      caption: `The two largest eigenvalues of the ensemble covariance C_q (1/I normalization) over the iterations, against the ${refName}; cf. thesis Fig. C.1 (both ensemble methods under-represent the spread of the gold-standard posterior there).`,
    });
  }
  if (r.gammaSweep !== undefined) {
    // a run whose last tenth is more than 2 from the reference u2-mean has not converged (or diverged): its own "converged value" means nothing
    const settled = (c: number) => Math.abs(c - r.reference.mean[1]) <= 2;
    const rows: Rows = r.gammaSweep.filter((s) => s.steps !== null && settled(s.converged)).map((s) => ({ gamma: s.gamma, steps: s.steps!, series: `threshold ${s.threshold}` }));
    if (rows.length > 0) {
      out.push({
        name: 'gamma-sweep',
        spec: lineChartSpec(rows, { x: 'gamma', y: 'steps', series: 'series', seriesTitle: 'distance to the converged u2-mean', logX: true, points: true, title: 'EKHMC: iterations until the u2-mean stays within a threshold (cf. Fig. C.2)', xTitle: 'damping γ', yTitle: 'iterations to reach the threshold' }),
        caption: `EKHMC on the low-dimensional problem (I = ${r.settings.ensemble}, ε = ${r.settings.epsilon}, a = ${r.settings.a}): iterations until the ensemble mean of u2 stays within 0.1, 0.5 or 2.0 of its converged value (its mean over the last tenth of the run), against γ (cf. thesis Fig. C.2). Missing points never settled within the threshold, or the run had not converged (its last tenth is more than 2 from the reference u2-mean: γ = ${r.gammaSweep.filter((s) => s.threshold === 2 && !settled(s.converged)).map((s) => s.gamma).join(', ') || 'none'}).`,
      });
    }
  }
  const scatter: Rows = [];
  for (const run of done) for (const [x, y] of run.scatter) scatter.push({ u1: x, u2: y, sampler: run.method === 'pcn' ? 'pCN chain' : `${run.method.toUpperCase()} final ensemble` });
  if (scatter.length > 0) {
    const domain = [...new Set(scatter.map((s) => s.sampler as string))];
    out.push({
      name: 'scatter',
      spec: {
        title: `Final ensembles and chain samples in (u1, u2) (cf. Fig. C.3), ${r.problem}`, width: 420, height: 420, data: { values: scatter },
        mark: { type: 'point', size: 8, opacity: 0.5 },
        encoding: {
          x: { field: 'u1', type: 'quantitative', scale: { zero: false }, title: 'u1' },
          y: { field: 'u2', type: 'quantitative', scale: { zero: false }, title: 'u2' },
          color: { field: 'sampler', type: 'nominal', title: 'sampler', scale: { domain } },
        },
      },
      caption: `The first two coordinates of each final ensemble and of the pCN samples (at most 4096 points each); cf. thesis Fig. C.3 (left). ${r.problem === 'darcy' ? 'For Darcy, u1 and u2 are the KL coefficients of the modes (0, 1) and (0, 2).' : ''}`,
    });
  }
  const metrics: Rows = [];
  for (const run of ensembles) for (const t of run.trace) if (t.metrics) for (const [k, v] of Object.entries(t.metrics)) metrics.push({ iteration: t.iteration, value: v, series: `${run.method.toUpperCase()} ${k === 'dL2' ? 'd_L2' : 'd_H⁻²'}` });
  if (metrics.length > 0) {
    out.push({
      name: 'metrics',
      spec: lineChartSpec(metrics, { x: 'iteration', y: 'value', series: 'series', seriesTitle: 'sampler, metric', logY: true, title: 'Darcy: d_L2 and d_H⁻² to the truth over iterations (cf. Fig. C.3)', xTitle: 'iteration j', yTitle: 'distance of the ensemble to u†' }),
      caption: `The ensemble metrics d_L2(u†) and d_H⁻²(u†) of thesis eqs. (C.6.10)–(C.6.11) over the iterations, reference point the truth u†; cf. thesis Fig. C.3 (middle, right). Forward grid ${f.grid}², I = ${r.settings.ensemble}.`,
    });
  }
  out.push({
    name: 'spectral-gap',
    spec: lineChartSpec(r.spectralGap.curve.map((c) => ({ gamma: c.gamma, gap: c.gap })), { x: 'gamma', y: 'gap', logX: true, title: `Spectral gap against γ: maximum ${r.spectralGap.maxGap.toFixed(6)} at γ0 = ${r.spectralGap.gamma0.toFixed(6)}`, xTitle: 'damping γ', yTitle: 'spectral gap |x(γ)|' }),
    caption: `The spectral gap |x(γ)|, x the real root of x³ + 3γx² + (2γ² + 6)x + 4γ, of the linearized mean-field moment equations (thesis Remark C.8.1). Golden-section maximum at γ = ${r.spectralGap.gamma0Numerical.toPrecision(9)} with gap ${r.spectralGap.maxGapNumerical.toPrecision(9)}; closed form γ0 = 2√2 − 1, gap 2√2 − 2.`,
  });
  return out;
}

async function run(ctx: ExperimentContext<Flags>): Promise<ExperimentOutcome> {
  const f = ctx.flags;
  const started = Date.now();
  const methods = methodsOf(f.method);
  const config: SamplingExperimentConfig = {
    problem: f.problem, methods, ensemble: f.ensemble, iterations: f.iterations, gamma: f.gamma, epsilon: f.epsilon, eksStepRule: f.eksStep, forceNorm: f.forceNorm, stabilityCap: f.stabilityCap, divergenceThreshold: f.divergenceThreshold,
    seed: f.seed, gammaSweep: f.sweep, quick: ctx.quick, pcnIterations: f.pcnIterations, darcyGrid: f.grid,
    runOptions: (label, from, to) => ctx.runOptions(label, from, to), aborted: () => ctx.aborted,
  };
  let pool: DarcyWorkerPool | undefined;
  if (f.workers > 1 && f.problem === 'darcy') {
    const fromSource = import.meta.url.endsWith('.ts');
    const taskModule = new URL(fromSource ? '../node/samplingTask.ts' : '../node/samplingTask.js', import.meta.url);
    // one persistent pool for every sampler of the run (the forward-map options are the same)
    config.darcyBatch = (options) => (pool ??= new DarcyWorkerPool(options, { workers: f.workers, taskModule, preload: fromSource ? 'tsx/cjs' : undefined })).batch;
  }
  let r: SamplingExperimentResult;
  try {
    r = await reproduceSampling(config);
  } finally {
    await pool?.close();
  }
  const table = formatTable(['method', 'status', 'mean', 'cov eigenvalues', 'iterations', 'forward evals', 'seconds'], [
    ...r.runs.map((x) => [x.method, x.status, fmt(x.mean), fmt(x.covEigenvalues), String(x.iterations), String(x.forwardEvaluations), x.seconds.toFixed(2)]),
    ['reference', '', fmt(r.reference.mean), fmt(r.reference.covEigenvalues), '', '', r.reference.source],
  ]);
  ctx.log(table);
  const result = {
    problem: r.problem,
    runs: r.runs.map((x) => ({
      method: x.method, status: x.status, message: x.message, mean: x.mean, covEigenvalues: x.covEigenvalues, iterations: x.iterations, forwardEvaluations: x.forwardEvaluations, seconds: x.seconds,
      ...(x.acceptanceRate !== undefined ? { acceptanceRate: x.acceptanceRate } : {}),
      ...(x.trace.some((t) => t.metrics) ? { metrics: x.trace.filter((t, k) => t.metrics && (k % 10 === 0 || k === x.trace.length - 1)).map((t) => ({ iteration: t.iteration, ...t.metrics })) } : {}),
    })),
    reference: r.reference,
    spectralGap: { gamma0: r.spectralGap.gamma0, maxGap: r.spectralGap.maxGap, gamma0Numerical: r.spectralGap.gamma0Numerical, maxGapNumerical: r.spectralGap.maxGapNumerical },
    ...(r.gammaSweep !== undefined ? { gammaSweep: r.gammaSweep } : {}),
    settings: r.settings,
    seconds: (Date.now() - started) / 1000,
  };
  const expected = methods.length + 2 + (f.problem === 'low-dim' && f.sweep ? 1 : 0);
  let status: ExperimentOutcome['status'] = 'success';
  let message = '';
  if (r.failure !== null && r.failure.status !== 'aborted') {
    status = r.failure.status as ExperimentOutcome['status'];
    message = `${r.failure.part} ended with status ${r.failure.status}: ${r.failure.message}`;
  } else if (ctx.aborted || r.failure !== null || r.completed.length < expected) {
    status = 'aborted';
    message = `interrupted; completed: ${r.completed.join(', ') || 'nothing'}`;
  }
  return {
    status,
    message,
    result,
    summary: `Problem ${r.problem}, seed ${String(r.seed)}, methods ${methods.join(', ')}; settings ${JSON.stringify(r.settings)}.\n\nReference: ${r.reference.source}.\n\nSpectral gap: γ0 = ${r.spectralGap.gamma0} (golden section ${r.spectralGap.gamma0Numerical}), maximal gap ${r.spectralGap.maxGap} (numerical ${r.spectralGap.maxGapNumerical}).\n\n\`\`\`\n${table}\n\`\`\`\n`,
    figures: figures(r, f),
    completed: r.completed,
  };
}

/**
 * The sampling experiment declaration (thesis Appendix C, Figs. C.1–C.3, Remark C.8.1).
 * @example
 * ```ts
 * // singularis reproduce sampling --problem low-dim --method eks,aldi,ekhmc,pcn
 * ```
 */
export const samplingExperiment = defineExperiment({
  name: 'sampling',
  title: 'Ensemble Langevin samplers EKS, ALDI, EKHMC and pCN (thesis Appendix C, Figs. C.1–C.3)',
  description: `Runs the samplers on one problem with one seed against a reference posterior (exact, 2-D quadrature, or a pCN chain
with β = ${PCN_DARCY_BETA} for Darcy), the γ sweep of Fig. C.2, the Darcy metrics of Fig. C.3 and the spectral gap against γ.`,
  flags,
  quickNote: 'low-dim: I = 200, 200 iterations, 3-point γ sweep, 2·10⁴ pCN proposals; darcy: 16² grid, I = 32, 20 iterations, 1000 pCN proposals (seconds)',
  examples: ['--problem low-dim --method eks,aldi,ekhmc,pcn', '--problem darcy --method eks,ekhmc --ensemble 512 --workers 2', '--problem linear --method aldi,ekhmc --gamma 1.83'],
  check: (f) => {
    methodsOf(f.method);
  },
  // roughly microseconds on one core: an analytic particle step ~5 µs, a Darcy solve ~7 ms at 32² (scaling ~n³ here)
  estimate: (f) => {
    const methods = f.method.split(',').filter((m) => m.trim() !== 'pcn').length;
    const perEvaluation = f.problem === 'darcy' ? 7000 * (f.grid / 32) ** 3 : 5;
    const sweep = f.problem === 'low-dim' && f.sweep ? 11 * 1000 * f.ensemble * perEvaluation : 0;
    const chain = f.method.includes('pcn') || f.problem === 'darcy' ? f.pcnIterations : 0;
    return (methods * f.ensemble * f.iterations + chain) * perEvaluation + sweep + 1e5;
  },
  run,
});
