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
import { pcn } from '../pcn';
import type { InverseProblem } from '../problem';
import { MAX_SPECTRAL_GAP, maximizeSpectralGap, spectralGap } from '../spectralGap';
import { OPTIMAL_DAMPING } from '../ekhmc';
import { darcyProblem, type DarcyOptions } from '../darcy';
import { darcyMetrics } from '../darcyPrior';
import { Rng } from '../../../random/rng';

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
  seed: number;
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
  /** The final ensemble or chain samples (first two coordinates only, for scatter plots). */
  scatter: number[][];
}

/** The whole result. */
export interface SamplingExperimentResult {
  problem: SamplingProblemName;
  seed: number;
  runs: SamplingRunSummary[];
  reference: { mean: number[]; covEigenvalues: number[]; source: string };
  spectralGap: { gamma0: number; maxGap: number; gamma0Numerical: number; maxGapNumerical: number; curve: { gamma: number; gap: number }[] };
  gammaSweep?: { gamma: number; threshold: number; steps: number | null }[];
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
  pcn: { iterations: number; beta: number };
}

function linearSetup(I: number, seed: number): ProblemSetup {
  const N = 4;
  const J = 6;
  const A = createMatrix(J, N);
  for (let j = 0; j < J; j++) for (let a = 0; a < N; a++) A.data[j * N + a] = Math.cos(1 + 0.7 * j + 1.3 * a * (j + 1));
  const lp = { A, data: Array.from({ length: J }, (_, j) => Math.sin(j + 1)), noise: 0.1, prior: { covariance: 4 } };
  const problem = linearInverseProblem(lp);
  const E = createMatrix(I, N);
  let s = seed * 7919 + 1;
  for (let k = 0; k < I * N; k++) {
    s = (s * 48271) % 2147483647;
    E.data[k] = 2 * ((s / 2147483647) * 2 - 1);
  }
  return {
    problem,
    ensemble: E,
    reference: () => {
      const post = linearGaussianPosterior(lp);
      return { mean: Array.from(post.mean), covEigenvalues: eigen2(post.covariance.data, N), source: 'exact N(Bc, B) (thesis eq. (C.2.2))' };
    },
    defaults: { iterations: 200, epsilon: 0.2, gamma: OPTIMAL_DAMPING, a: 0.01, eksRule: 'misfitFrobenius' },
    pcn: { iterations: 200000, beta: 0.1 },
  };
}

function lowDimSetup(I: number, seed: number): ProblemSetup {
  return {
    problem: lowDimensionalProblem(),
    ensemble: lowDimensionalInitialEnsemble(I, seed),
    reference: () => {
      const r = quadraturePosterior2d(lowDimensionalProblem(), { start: [-2.7, 104.4] });
      return { mean: Array.from(r.mean), covEigenvalues: Array.from(r.covarianceEigenvalues), source: `2-D Gauss–Legendre quadrature, ${r.nodes}² nodes, moments stable to ${r.change.toExponential(1)}` };
    },
    defaults: { iterations: 200, epsilon: 0.2, gamma: 100, a: 0.01, eksRule: 'misfitFrobenius' },
    pcn: { iterations: 200000, beta: 0.002 },
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

/**
 * Run the configured methods on one problem with one seed, the reference posterior, the spectral
 * gap curve and (low-dim) the γ sweep.
 * @example
 * ```ts
 * const r = await reproduceSampling({ problem: 'low-dim', methods: ['eks', 'ekhmc'], seed: 1, quick: true });
 * ```
 */
export async function reproduceSampling(config: SamplingExperimentConfig): Promise<SamplingExperimentResult> {
  const quick = config.quick ?? false;
  const I = config.ensemble ?? (config.problem === 'darcy' ? (quick ? 32 : 128) : quick ? 200 : 1000);
  const setup = config.problem === 'linear' ? linearSetup(I, config.seed) : config.problem === 'low-dim' ? lowDimSetup(I, config.seed) : darcySetup(I, config.seed, quick, config.methods.includes('pcn'));
  const d = setup.defaults;
  const iterations = config.iterations ?? (quick ? d.iterations : d.iterations);
  const common = { ...setup.problem, ensemble: setup.ensemble, iterations, seed: config.seed, epsilon: config.epsilon ?? d.epsilon, a: config.a ?? d.a, forceNorm: config.forceNorm, noiseSqrt: config.noiseSqrt ?? 'ensembleFactor' };
  // EKS/ALDI: the EKS codes' Δt = 1/‖D‖_F unless a step is requested or the problem's default is the thesis's rule
  const thesisRule = config.epsilon !== undefined || config.a !== undefined || d.eksRule === 'adaptive';
  const eksStep = thesisRule ? { stepRule: 'adaptive' as const, epsilon: common.epsilon } : { stepRule: 'misfitFrobenius' as const, epsilon: 1 };
  const runs: SamplingRunSummary[] = [];
  const saveAt = Array.from({ length: iterations + 1 }, (_, k) => k);
  for (const method of config.methods) {
    const started = Date.now();
    if (method === 'pcn') {
      const its = quick && config.problem !== 'darcy' ? Math.round(setup.pcn.iterations / 10) : setup.pcn.iterations;
      const r = pcn({ ...setup.problem, iterations: its, beta: setup.pcn.beta, seed: config.seed, thin: Math.max(1, Math.round(its / 20000)), start: sampleMoments(setup.ensemble).mean });
      const m = sampleMoments(r.final);
      runs.push({
        method, status: r.status, message: r.message, mean: m.mean, covEigenvalues: eigen2(m.cov, r.final.cols), iterations: r.stats.nsteps, forwardEvaluations: r.stats.nforward,
        seconds: (Date.now() - started) / 1000, trace: [], scatter: Array.from({ length: Math.min(r.final.rows, 4096) }, (_, i) => [r.final.data[i * r.final.cols], r.final.data[i * r.final.cols + Math.min(1, r.final.cols - 1)]]),
      });
      continue;
    }
    const wantSaved = setup.metrics !== undefined;
    const runOptions = wantSaved ? { saveAt } : undefined;
    const batch = setup.forwardOptions !== undefined && config.darcyBatch !== undefined ? config.darcyBatch(setup.forwardOptions) : undefined;
    const r = method === 'ekhmc'
      ? batch === undefined ? ekhmc({ ...common, gamma: config.gamma ?? d.gamma }, runOptions) : await runSamplerAsync(initEkhmc({ ...common, gamma: config.gamma ?? d.gamma }, runOptions), batch, runOptions)
      : batch === undefined ? (method === 'aldi' ? aldi : eks)({ ...common, ...eksStep }, runOptions) : await runSamplerAsync((method === 'aldi' ? initAldi : initEks)({ ...common, ...eksStep }, runOptions), batch, runOptions);
    const saved = wantSaved ? new Map(r.saved.map((s) => [s.t, s.state])) : undefined;
    runs.push(summarize(method, r, (Date.now() - started) / 1000, setup.metrics, saved));
  }
  const curve: { gamma: number; gap: number }[] = [];
  for (let k = 0; k <= 80; k++) {
    const gamma = 10 ** (-1 + (3 * k) / 80);
    curve.push({ gamma, gap: spectralGap(gamma) });
  }
  const max = maximizeSpectralGap();
  const result: SamplingExperimentResult = {
    problem: config.problem,
    seed: config.seed,
    runs,
    reference: setup.reference(),
    spectralGap: { gamma0: OPTIMAL_DAMPING, maxGap: MAX_SPECTRAL_GAP, gamma0Numerical: max.gamma, maxGapNumerical: max.gap, curve },
    settings: { ensemble: I, iterations, epsilon: common.epsilon, a: common.a, forceNorm: config.forceNorm ?? 'maxParticle', noiseSqrt: common.noiseSqrt, gamma: config.gamma ?? d.gamma },
  };
  if (config.gammaSweep && config.problem === 'low-dim') result.gammaSweep = gammaSweep(setup, common, result.reference.mean[1], quick);
  return result;
}

function darcySetup(I: number, seed: number, quick: boolean, withPcn: boolean): ProblemSetup {
  const grid = quick ? 16 : 32;
  const { problem, truth, map } = darcyProblem({ grid }, seed);
  const d = map.kl.dimension;
  const rng = new Rng(`darcy-ensemble-${seed}`);
  const E = createMatrix(I, d);
  for (let k = 0; k < I * d; k++) E.data[k] = 10 * rng.normal(); // the prior N(0, 10²I), as U0 = 10·randn in the EKS scripts
  const pcnIterations = quick ? 2000 : 100000;
  return {
    problem,
    ensemble: E,
    reference: () => ({ mean: Array.from(truth), covEigenvalues: [], source: withPcn ? 'truth u† (pCN run listed among the methods)' : 'truth u† (no posterior reference without --method pcn)' }),
    defaults: { iterations: 100, epsilon: 1, gamma: 1, a: 0.01, eksRule: 'adaptive' },
    metrics: (S) => {
      const m = darcyMetrics(S.data, S.rows, truth, map.kl.eigenvalues);
      return { dL2: m.l2, dHminus2: m.hMinus2 };
    },
    forwardOptions: { grid },
    pcn: { iterations: pcnIterations, beta: 0.05 },
  };
}

/** Fig. C.2: steps until the u2-mean stays within a threshold of the reference value, for γ ∈ [30, 10⁴]. */
function gammaSweep(setup: ProblemSetup, common: object, target: number, quick: boolean): { gamma: number; threshold: number; steps: number | null }[] {
  const gammas = quick ? [30, 300, 3000] : [30, 60, 100, 200, 300, 600, 1000, 2000, 3000, 6000, 10000];
  const out: { gamma: number; threshold: number; steps: number | null }[] = [];
  for (const gamma of gammas) {
    const r = ekhmc({ ...(common as InverseProblem), ensemble: setup.ensemble, gamma, iterations: quick ? 200 : 1000, trackEigenvalues: false });
    const u2 = r.history.mean.map((m) => m[1]);
    for (const threshold of [0.1, 0.5, 2.0]) {
      let steps: number | null = null;
      for (let k = u2.length - 1; k >= 0; k--) {
        if (Math.abs(u2[k] - target) > threshold) {
          steps = k + 1 < u2.length ? k + 1 : null;
          break;
        }
        if (k === 0) steps = 0;
      }
      out.push({ gamma, threshold, steps });
    }
  }
  return out;
}
