/**
 * Reproduction of thesis Appendix C, §C.6 (Figs. C.1–C.3) and Remark C.8.1: runs of EKS, ALDI,
 * EKHMC and pCN on one problem with one seed, the reference posterior, the γ sweep of Fig. C.2 and
 * the spectral gap against γ. Used by `singularis reproduce sampling` and the benches; not exported
 * from `singularis/sampling`.
 *
 * @module
 */
import { createMatrix } from '../../../linalg/dense';
import type { DenseMatrix } from '../../../core/types';
import { aldi, eks, initAldi, initEks } from '../eks';
import { ekhmc, initEkhmc } from '../ekhmc';
import { descendingEigenvalues, runSamplerAsync, type AsyncForwardBatch, type ForceNorm, type NoiseSqrt, type SamplerResult } from '../ensembleRun';
import { linearGaussianPosterior, linearInverseProblem } from '../linearGaussian';
import { lowDimensionalInitialEnsemble, lowDimensionalProblem, quadraturePosterior2d } from '../lowDimensional';
import { pcn, type PcnResult } from '../pcn';
import type { InverseProblem } from '../problem';
import { MAX_SPECTRAL_GAP, maximizeSpectralGap, spectralGap } from '../spectralGap';
import { OPTIMAL_DAMPING } from '../ekhmc';
import { darcyProblem, type DarcyOptions } from '../darcy';
import { darcyMetrics } from '../darcyPrior';
import { DEFAULT_DIVERGENCE_THRESHOLD } from '../divergence';
import { Rng } from '../../../random/rng';
import type { Seed } from '../../../random/seed';
import type { RunOptions } from '../../../core/run';

/** pCN step β of the Darcy reference chain (the posterior is close to the N(0, 10²I) prior in most of the 255 directions, so even β = 0.9 accepts most proposals; see docs/sampling.md). */
export const PCN_DARCY_BETA = 0.5;

/** Problems of the reproduction. */
export type SamplingProblemName = 'linear' | 'low-dim' | 'darcy';
/** Methods of the reproduction. */
export type SamplingMethod = 'eks' | 'aldi' | 'ekhmc' | 'pcn';

/** Configuration of {@link reproduceSampling}. */
export interface SamplingExperimentConfig {
  problem: SamplingProblemName;
  methods: SamplingMethod[];
  ensemble?: number;
  iterations?: number;
  gamma?: number;
  epsilon?: number;
  a?: number;
  forceNorm?: ForceNorm;
  noiseSqrt?: NoiseSqrt;
  seed: Seed;
  /**
   * EKS/ALDI step rule: `'misfitFrobenius'` (Δt = 1/‖D‖_F, the EKS codes) or `'adaptive'` (the
   * thesis's ε/(a|F| + 1)); default: adaptive for Darcy and whenever `epsilon` or `a` is given.
   */
  eksStepRule?: 'misfitFrobenius' | 'adaptive';
  /**
   * Proposals of the pCN chain (a method, and for Darcy the reference posterior); 0 = Darcy reports
   * against the truth only. Default 2·10⁵ (linear, low-dim), 2·10⁴ (Darcy); 2·10⁴ (Darcy: 1000) with `quick`.
   */
  pcnIterations?: number;
  /** Run options for one part of the experiment (signal, progress mapped into [from, to]). */
  runOptions?: (label: string, from: number, to: number) => RunOptions;
  /** True once the run should stop starting new parts. */
  aborted?: () => boolean;
  /** EKHMC stiffness cap κ (0 = off, the default; see `EkhmcProblem.stabilityCap`). */
  stabilityCap?: number;
  /** Divergence threshold of EKS, ALDI and EKHMC (default 10⁴; see `DivergenceOptions.divergenceThreshold`). */
  divergenceThreshold?: number;
  /** Darcy forward grid n (elements per side; default 32, 16 with `quick`). */
  darcyGrid?: number;
  /** Run the γ sweep of Fig. C.2 (low-dim only). */
  gammaSweep?: boolean;
  /** Quick mode: small sizes. */
  quick?: boolean;
  /**
   * Darcy only: a factory of asynchronous forward batches for the problem's forward-map options
   * (the CLI passes `singularis/node`'s worker batch); serial when absent.
   */
  darcyBatch?: (options: DarcyOptions) => AsyncForwardBatch;
}

/** One method's run. */
export interface SamplingRunSummary {
  method: SamplingMethod;
  status: string;
  message: string;
  mean: number[];
  covEigenvalues: number[];
  iterations: number;
  forwardEvaluations: number;
  seconds: number;
  /** Per-iteration means and descending covariance eigenvalues (Figs. C.1, C.3). */
  trace: { iteration: number; time: number; mean: number[]; eigenvalues: number[]; metrics?: Record<string, number> }[];
  /** pCN only: the fraction of accepted proposals. */
  acceptanceRate?: number;
  /** The final ensemble or chain samples (first two coordinates only, for scatter plots). */
  scatter: number[][];
}

/** The whole result. */
export interface SamplingExperimentResult {
  problem: SamplingProblemName;
  seed: Seed;
  /** Parts that completed (each method, the reference, the γ sweep, the spectral gap). */
  completed: string[];
  /** The first part that did not succeed, or null. */
  failure: { part: string; status: string; message: string } | null;
  runs: SamplingRunSummary[];
  reference: { mean: number[]; covEigenvalues: number[]; source: string; seconds?: number; forwardEvaluations?: number; acceptanceRate?: number };
  spectralGap: { gamma0: number; maxGap: number; gamma0Numerical: number; maxGapNumerical: number; curve: { gamma: number; gap: number }[] };
  /** Fig. C.2: per γ and threshold, iterations until the u2-mean stays within the threshold of its converged value (null: never), and that value (the mean over the run's last tenth). */
  gammaSweep?: { gamma: number; threshold: number; steps: number | null; converged: number }[];
  settings: Record<string, unknown>;
}

function eigen2(C: Float64Array, N: number): number[] {
  return Array.from(descendingEigenvalues(createMatrix(N, N, Float64Array.from(C))));
}

function sampleMoments(S: DenseMatrix): { mean: number[]; cov: Float64Array } {
  const { rows: n, cols: N } = S;
  const mean = new Array<number>(N).fill(0);
  for (let s = 0; s < n; s++) for (let a = 0; a < N; a++) mean[a] += S.data[s * N + a] / n;
  const cov = new Float64Array(N * N);
  for (let s = 0; s < n; s++) for (let a = 0; a < N; a++) for (let b = 0; b < N; b++) cov[a * N + b] += ((S.data[s * N + a] - mean[a]) * (S.data[s * N + b] - mean[b])) / n;
  return { mean, cov };
}

interface ProblemSetup {
  problem: InverseProblem;
  ensemble: DenseMatrix;
  reference: () => { mean: number[]; covEigenvalues: number[]; source: string };
  defaults: { iterations: number; epsilon: number; gamma: number; a: number; eksRule: 'misfitFrobenius' | 'adaptive' };
  metrics?: (E: DenseMatrix) => Record<string, number>;
  /** Forward-map options when the forward map can be rebuilt in workers (Darcy). */
  forwardOptions?: DarcyOptions;
  pcn: { beta: number; start?: Float64Array };
}

function linearSetup(I: number, seed: Seed): ProblemSetup {
  const N = 4;
  const J = 6;
  const A = createMatrix(J, N);
  for (let j = 0; j < J; j++) for (let a = 0; a < N; a++) A.data[j * N + a] = Math.cos(1 + 0.7 * j + 1.3 * a * (j + 1));
  const lp = { A, data: Array.from({ length: J }, (_, j) => Math.sin(j + 1)), noise: 0.1, prior: { covariance: 4 } };
  const problem = linearInverseProblem(lp);
  const E = createMatrix(I, N);
  const rng = new Rng(`linear-ensemble-${seed}`);
  for (let k = 0; k < I * N; k++) E.data[k] = 4 * rng.uniform() - 2; // U(−2, 2) per coordinate, away from the posterior
  return {
    problem,
    ensemble: E,
    reference: () => {
      const post = linearGaussianPosterior(lp);
      return { mean: Array.from(post.mean), covEigenvalues: eigen2(post.covariance.data, N), source: 'exact N(Bc, B) (thesis eq. (C.2.2))' };
    },
    defaults: { iterations: 200, epsilon: 0.2, gamma: OPTIMAL_DAMPING, a: 0.01, eksRule: 'misfitFrobenius' },
    pcn: { beta: 0.1 },
  };
}

function lowDimSetup(I: number, seed: Seed): ProblemSetup {
  return {
    problem: lowDimensionalProblem(),
    ensemble: lowDimensionalInitialEnsemble(I, seed),
    reference: () => {
      const r = quadraturePosterior2d(lowDimensionalProblem(), { start: [-2.7, 104.4] });
      return { mean: Array.from(r.mean), covEigenvalues: Array.from(r.covarianceEigenvalues), source: `2-D Gauss–Legendre quadrature, ${r.nodes}² nodes, moments stable to ${r.change.toExponential(1)}` };
    },
    defaults: { iterations: 200, epsilon: 0.2, gamma: 100, a: 0.01, eksRule: 'misfitFrobenius' },
    pcn: { beta: 0.002 },
  };
}

function summarize(method: SamplingMethod, r: SamplerResult, seconds: number, metrics?: (E: DenseMatrix) => Record<string, number>, saved?: Map<number, DenseMatrix>): SamplingRunSummary {
  const h = r.history;
  const N = r.final.cols;
  const final = sampleMoments(r.final);
  return {
    method,
    status: r.status,
    message: r.message,
    mean: Array.from(h.mean.at(-1)!),
    covEigenvalues: h.covarianceEigenvalues.at(-1)!.length > 0 ? Array.from(h.covarianceEigenvalues.at(-1)!) : eigen2(final.cov, N),
    iterations: r.stats.naccept,
    forwardEvaluations: r.stats.nforward,
    seconds,
    trace: h.iteration.map((it, k) => ({ iteration: it, time: h.time[k], mean: Array.from(h.mean[k]), eigenvalues: Array.from(h.covarianceEigenvalues[k]), metrics: metrics && saved?.has(it) ? metrics(saved.get(it)!) : undefined })),
    scatter: Array.from({ length: Math.min(r.final.rows, 4096) }, (_, i) => [r.final.data[i * N], r.final.data[i * N + Math.min(1, N - 1)]]),
  };
}

function chainSummary(r: PcnResult, seconds: number): SamplingRunSummary {
  const m = sampleMoments(r.final);
  const N = r.final.cols;
  return {
    method: 'pcn', status: r.status, message: r.message, mean: m.mean, covEigenvalues: r.final.rows > 1 ? eigen2(m.cov, N) : [], iterations: r.stats.nsteps, forwardEvaluations: r.stats.nforward,
    seconds, acceptanceRate: r.stats.acceptanceRate, trace: [], scatter: Array.from({ length: Math.min(r.final.rows, 4096) }, (_, i) => [r.final.data[i * N], r.final.data[i * N + Math.min(1, N - 1)]]),
  };
}

/**
 * Run the configured methods on one problem with one seed, the reference posterior, the spectral
 * gap curve and (low-dim) the γ sweep. Each sampler gets `config.runOptions(label, from, to)`; once
 * `config.aborted()` is true no new part starts and the result lists what completed.
 * @example
 * ```ts
 * const r = await reproduceSampling({ problem: 'low-dim', methods: ['eks', 'ekhmc'], seed: 1, quick: true });
 * ```
 */
export async function reproduceSampling(config: SamplingExperimentConfig): Promise<SamplingExperimentResult> {
  const quick = config.quick ?? false;
  const darcy = config.problem === 'darcy';
  const I = config.ensemble ?? (darcy ? (quick ? 32 : 128) : quick ? 200 : 1000);
  const pcnIterations = config.pcnIterations ?? (darcy ? (quick ? 1000 : 20000) : quick ? 20000 : 200000);
  const darcyReference = darcy && pcnIterations > 0;
  const setup = config.problem === 'linear' ? linearSetup(I, config.seed) : config.problem === 'low-dim' ? lowDimSetup(I, config.seed) : darcySetup(I, config.seed, config.darcyGrid ?? (quick ? 16 : 32));
  const d = setup.defaults;
  const iterations = config.iterations ?? d.iterations;
  const common = { ...setup.problem, ensemble: setup.ensemble, iterations, seed: config.seed, epsilon: config.epsilon ?? d.epsilon, a: config.a ?? d.a, forceNorm: config.forceNorm, noiseSqrt: config.noiseSqrt ?? 'ensembleFactor', divergenceThreshold: config.divergenceThreshold };
  const eksRule = config.eksStepRule ?? (config.epsilon !== undefined || config.a !== undefined ? 'adaptive' : d.eksRule);
  const eksStep = eksRule === 'adaptive' ? { stepRule: 'adaptive' as const, epsilon: common.epsilon } : { stepRule: 'misfitFrobenius' as const, epsilon: 1 };
  const aborted = config.aborted ?? (() => false);
  const options = (label: string, from: number, to: number): RunOptions => config.runOptions?.(label, from, to) ?? {};
  const sweep = config.gammaSweep === true && config.problem === 'low-dim';
  // shares of the progress bar: each ensemble method 1, the chain its cost in ensemble iterations, the sweep its runs
  const ensembleMethods = config.methods.filter((m) => m !== 'pcn');
  const chainNeeded = config.methods.includes('pcn') || darcyReference;
  const sweepGammas = quick ? [30, 100, 300] : [30, 60, 100, 200, 300, 600, 1000, 2000, 3000, 6000, 10000];
  const sweepIterations = quick ? 200 : 1000;
  const weights = { method: I * iterations, chain: chainNeeded ? pcnIterations : 0, sweep: sweep ? sweepGammas.length * sweepIterations * I : 0 };
  const total = ensembleMethods.length * weights.method + weights.chain + weights.sweep;
  let done = 0;
  const share = (w: number): [number, number] => {
    const from = done / total;
    done += w;
    return [from, done / total];
  };
  const completed: string[] = [];
  let failure: SamplingExperimentResult['failure'] = null;
  const note = (part: string, status: string, message: string) => {
    if (status === 'success') completed.push(part);
    else failure ??= { part, status, message };
  };
  const runs: SamplingRunSummary[] = [];
  let chain: SamplingRunSummary | undefined;
  const saveAt = Array.from({ length: iterations + 1 }, (_, k) => k);
  for (const method of config.methods) {
    if (aborted() || failure !== null) break;
    const started = Date.now();
    if (method === 'pcn') {
      const [from, to] = share(weights.chain);
      const r = pcn({ ...setup.problem, iterations: pcnIterations, beta: setup.pcn.beta, seed: config.seed, thin: Math.max(1, Math.round(pcnIterations / 20000)), start: setup.pcn.start ?? sampleMoments(setup.ensemble).mean }, options('pCN chain', from, to));
      chain = chainSummary(r, (Date.now() - started) / 1000);
      runs.push(chain);
      note('pcn', r.status, r.message);
      continue;
    }
    const [from, to] = share(weights.method);
    const runOptions = { ...options(method, from, to), ...(setup.metrics !== undefined ? { saveAt } : {}) };
    const batch = setup.forwardOptions !== undefined && config.darcyBatch !== undefined ? config.darcyBatch(setup.forwardOptions) : undefined;
    const r = method === 'ekhmc'
      ? batch === undefined ? ekhmc({ ...common, gamma: config.gamma ?? d.gamma, stabilityCap: config.stabilityCap }, runOptions) : await runSamplerAsync(initEkhmc({ ...common, gamma: config.gamma ?? d.gamma, stabilityCap: config.stabilityCap }, runOptions), batch, runOptions)
      : batch === undefined ? (method === 'aldi' ? aldi : eks)({ ...common, ...eksStep }, runOptions) : await runSamplerAsync((method === 'aldi' ? initAldi : initEks)({ ...common, ...eksStep }, runOptions), batch, runOptions);
    const saved = setup.metrics !== undefined ? new Map(r.saved.map((x) => [x.t, x.state])) : undefined;
    runs.push(summarize(method, r, (Date.now() - started) / 1000, setup.metrics, saved));
    note(method, r.status, r.message);
  }
  let reference: SamplingExperimentResult['reference'] = setup.reference();
  if (darcyReference && failure === null && !aborted()) {
    if (chain === undefined) {
      const started = Date.now();
      const [from, to] = share(weights.chain);
      const r = pcn({ ...setup.problem, iterations: pcnIterations, beta: setup.pcn.beta, seed: config.seed, thin: Math.max(1, Math.round(pcnIterations / 20000)), start: setup.pcn.start }, options('pCN reference chain', from, to));
      chain = chainSummary(r, (Date.now() - started) / 1000);
      note('pCN reference', r.status, r.message);
    }
    if (chain.status === 'success') {
      reference = { mean: chain.mean, covEigenvalues: chain.covEigenvalues, source: `pCN chain of ${chain.iterations} proposals (β = ${setup.pcn.beta}), ${chain.forwardEvaluations} forward solves`, seconds: chain.seconds, forwardEvaluations: chain.forwardEvaluations, acceptanceRate: chain.acceptanceRate };
      if (!completed.includes('pCN reference')) completed.push('pCN reference');
    }
  } else if (failure === null && !aborted()) completed.push('reference');
  const curve: { gamma: number; gap: number }[] = [];
  for (let k = 0; k <= 80; k++) {
    const gamma = 10 ** (-1 + (3 * k) / 80);
    curve.push({ gamma, gap: spectralGap(gamma) });
  }
  const max = maximizeSpectralGap();
  completed.push('spectral gap');
  const result: SamplingExperimentResult = {
    problem: config.problem,
    seed: config.seed,
    completed,
    failure,
    runs,
    reference,
    spectralGap: { gamma0: OPTIMAL_DAMPING, maxGap: MAX_SPECTRAL_GAP, gamma0Numerical: max.gamma, maxGapNumerical: max.gap, curve },
    settings: { ensemble: I, iterations, epsilon: common.epsilon, a: common.a, forceNorm: config.forceNorm ?? 'maxParticle', noiseSqrt: common.noiseSqrt, gamma: config.gamma ?? d.gamma, eksStepRule: eksRule, stabilityCap: config.stabilityCap ?? 0, divergenceThreshold: config.divergenceThreshold ?? DEFAULT_DIVERGENCE_THRESHOLD, pcnIterations: chainNeeded ? pcnIterations : 0, pcnBeta: setup.pcn.beta },
  };
  if (sweep && failure === null && !aborted()) {
    const [from, to] = share(weights.sweep);
    const s = gammaSweep(setup, common, sweepGammas, sweepIterations, (k) => options(`γ sweep, γ = ${sweepGammas[k]}`, from + ((to - from) * k) / sweepGammas.length, from + ((to - from) * (k + 1)) / sweepGammas.length), aborted);
    if (s !== null) {
      result.gammaSweep = s;
      completed.push('γ sweep');
    }
  }
  return result;
}

function darcySetup(I: number, seed: Seed, grid: number): ProblemSetup {
  const { problem, truth, map } = darcyProblem({ grid }, seed);
  const d = map.kl.dimension;
  const rng = new Rng(`darcy-ensemble-${seed}`);
  const E = createMatrix(I, d);
  for (let k = 0; k < I * d; k++) E.data[k] = 10 * rng.normal(); // the prior N(0, 10²I), as U0 = 10·randn in the EKS scripts
  return {
    problem,
    ensemble: E,
    reference: () => ({ mean: Array.from(truth), covEigenvalues: [], source: 'truth u† (no pCN reference chain: --pcn-iterations 0)' }),
    defaults: { iterations: 100, epsilon: 1, gamma: 1, a: 0.01, eksRule: 'adaptive' },
    metrics: (S) => {
      const m = darcyMetrics(S.data, S.rows, truth, map.kl.eigenvalues);
      return { dL2: m.l2, dHminus2: m.hMinus2 };
    },
    forwardOptions: { grid },
    pcn: { beta: PCN_DARCY_BETA, start: new Float64Array(d) },
  };
}

/** Fig. C.2: steps until the u2-mean stays within a threshold of its converged value (the mean of its last tenth), for γ ∈ [30, 10⁴]; null when interrupted. */
function gammaSweep(setup: ProblemSetup, common: object, gammas: number[], iterations: number, runOptions: (k: number) => RunOptions, aborted: () => boolean): { gamma: number; threshold: number; steps: number | null; converged: number }[] | null {
  const out: { gamma: number; threshold: number; steps: number | null; converged: number }[] = [];
  for (let g = 0; g < gammas.length; g++) {
    if (aborted()) return null;
    const gamma = gammas[g];
    const r = ekhmc({ ...(common as InverseProblem), ensemble: setup.ensemble, gamma, iterations, trackEigenvalues: false }, runOptions(g));
    if (r.status !== 'success') return null;
    const u2 = r.history.mean.map((m) => m[1]);
    // "its converged value" (thesis §C.6.1): the run's own u2-mean averaged over its last tenth
    const tail = Math.max(1, Math.floor(u2.length / 10));
    let target = 0;
    for (let k = u2.length - tail; k < u2.length; k++) target += u2[k] / tail;
    for (const threshold of [0.1, 0.5, 2.0]) {
      let steps: number | null = null;
      for (let k = u2.length - 1; k >= 0; k--) {
        if (Math.abs(u2[k] - target) > threshold) {
          steps = k + 1 < u2.length ? k + 1 : null;
          break;
        }
        if (k === 0) steps = 0;
      }
      out.push({ gamma, threshold, steps, converged: target });
    }
  }
  return out;
}
