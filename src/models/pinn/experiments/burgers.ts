/**
 * Reproduction of thesis Appendix B.4 (Burgers): one training run with the configuration of the
 * reference notebooks (or a reduced one), its comparison with the closed-form member of the scaling
 * family, and the rows of the figures (loss curve with the authors' published checkpoints, learned
 * vs closed-form profile over y ∈ [0, 10¹²], pointwise error). Used by the CLI and the benchmark;
 * not exported from `singularis/pinn`.
 *
 * @module
 */
import type { RunOptions } from '../../../core/run';
import { burgersProfile } from '../closedForm';
import type { ProfileCheckpoint } from '../checkpoint';
import type { BurgersProfileProblem } from '../problem';
import { compareWithClosedForm, effectiveMember, learnedProfile } from '../profile';
import { trainProfileAsync, type ProfileRunResult } from '../train';

/** Iterations at which the reference notebooks' losses are quoted. */
export const AUTHOR_CHECKPOINT_ITERATIONS = [1, 100, 1000, 2000, 5000, 10000, 20000];

/** Published losses of the reference notebooks (thesis B.4 code, stored outputs) by λ and asymptotics. */
export const AUTHOR_LOSSES: Record<string, number[]> = {
  'exact 0.5': [1.74e-1, 7.6e-8, 1.5e-13, 2.4e-15, 3.1e-18, 1.7e-19, 6.1e-20],
  'exact 0.4': [1.67e-1, 9.8e-8, 1.1e-13, 2.8e-15, 3.5e-16, 3.1e-17, 1.9e-17],
  'weak 0.5': [1.98e7, 2.2e-1, 5.7e-4, 4.0e-6, 8.5e-10, 8.1e-11, 4.3e-11],
  'weak 0.4': [5.4e7, 1.2e-1, 3.0e-4, 1.7e-5, 2.3e-8, 6.1e-10, 4e-10],
};

/** Options of {@link runBurgersExperiment}. */
export interface BurgersExperimentOptions {
  /** λ (default 0.5). */
  lambda?: number;
  /** Asymptotics (default 'exact'). */
  asymptotics?: 'exact' | 'weak';
  /** Batch (default 10,000; quick 200). */
  batch?: number;
  /** Iterations (default 20,000; quick 150). */
  iterations?: number;
  /** Resampling period (default 1000). */
  resampleEvery?: number;
  /** Seed (default 0). */
  seed?: number;
  /** Hidden widths (default [20, 20, 20]). */
  hidden?: number[];
  /** Checkpoint period (0 = none). */
  checkpointEvery?: number;
  /** Checkpoint sink. */
  onCheckpoint?: (c: ProfileCheckpoint) => void;
  /** Resume from this checkpoint. */
  resume?: ProfileCheckpoint;
}

/** What the experiment produces. */
export interface BurgersExperimentResult {
  /** The problem trained. */
  problem: BurgersProfileProblem;
  /** The run. */
  run: ProfileRunResult;
  /** Wall seconds. */
  seconds: number;
  /** The JSON summary (the CLI's last line). */
  summary: Record<string, unknown>;
  /** Figure rows: loss curve (this run and the authors' checkpoints). */
  lossRows: Record<string, number | string>[];
  /** Figure rows: −U learned and closed form over y ∈ [1e-3, 5e12]. */
  profileRows: Record<string, number | string>[];
  /** Figure rows: |U − U_C| over y ∈ [1e-3, 5e12]. */
  errorRows: Record<string, number | string>[];
}

/**
 * Train and compare (see the module docs). Cost: the run itself (seconds for the quick size, hours
 * for the full configuration) plus O(10³) profile evaluations.
 * @example
 * ```ts
 * const out = await runBurgersExperiment({ batch: 200, iterations: 150 });
 * out.summary.maxAbsErr;
 * ```
 */
export async function runBurgersExperiment(options: BurgersExperimentOptions, runOptions: RunOptions = {}): Promise<BurgersExperimentResult> {
  const lambda = options.lambda ?? 0.5;
  const asymptotics = options.asymptotics ?? 'exact';
  const problem: BurgersProfileProblem = {
    equation: 'burgers', lambda, asymptotics, batch: options.batch ?? 10000, iterations: options.iterations ?? 20000,
    resampleEvery: options.resampleEvery ?? 1000, seed: options.seed ?? 0, widths: [1, ...(options.hidden ?? [20, 20, 20]), 1],
    checkpointEvery: options.checkpointEvery ?? 0, onCheckpoint: options.onCheckpoint, resume: options.resume,
  };
  const t0 = performance.now();
  const run = await trainProfileAsync(problem, runOptions);
  const seconds = (performance.now() - t0) / 1000;
  const params = run.final.params;
  const cmp = compareWithClosedForm(problem, params);
  const [U1, U10, U100] = learnedProfile(problem, params, [1, 10, 100]);
  const memberYs = [0.01, 1, 10, 100, 1e4, 1e8, 1e12];
  const memberUs = learnedProfile(problem, params, memberYs);
  const effectiveMembers = Object.fromEntries(memberYs.map((y, i) => [y, memberUs[i] === 0 || !Number.isFinite(memberUs[i]) ? null : effectiveMember(y, memberUs[i], lambda)]));
  const h = run.history;
  const keep = new Set<number>();
  for (let k = 0; k <= 400; k++) keep.add(Math.round(Math.pow(10, (k / 400) * Math.log10(Math.max(1, h.iteration.length - 1)))));
  keep.add(0);
  keep.add(h.iteration.length - 1);
  const lossHistory = [...keep].filter((k) => k < h.iteration.length).sort((a, b) => a - b).map((k) => [h.iteration[k], h.loss[k]]);
  const key = `${asymptotics} ${lambda}`;
  const lossRows: Record<string, number | string>[] = lossHistory.filter(([it]) => it >= 1).map(([it, loss]) => ({ iteration: it, loss, series: `this run (batch ${problem.batch})` }));
  (AUTHOR_LOSSES[key] ?? []).forEach((loss, i) => lossRows.push({ iteration: AUTHOR_CHECKPOINT_ITERATIONS[i], loss, series: 'reference notebook (batch 10,000)' }));
  const ys = Array.from({ length: 311 }, (_, i) => Math.pow(10, -3 + (15.7278 * i) / 310));
  const learned = learnedProfile(problem, params, ys);
  const profileRows: Record<string, number | string>[] = [];
  const errorRows: Record<string, number | string>[] = [];
  ys.forEach((y, i) => {
    const ref = burgersProfile(y, lambda, cmp.member);
    profileRows.push({ y, minusU: -learned[i], series: 'learned' }, { y, minusU: -ref, series: `closed form, C = ${cmp.member.toPrecision(4)}` });
    const e = Math.abs(learned[i] - ref);
    if (e > 0) errorRows.push({ y, error: e, series: '|U − U_C|' }, { y, error: e / Math.abs(ref), series: '|U − U_C|/|U_C|' });
  });
  const summary = {
    case: 'burgers', lambda, asymptotics, iterations: run.stats.nsteps, batch: problem.batch, seed: problem.seed, status: run.status, message: run.message,
    loss: run.final.loss, lossParts: run.final.parts, lossHistory, member: cmp.member, maxAbsErr: cmp.maxAbsErr, maxRelErr: cmp.maxRelErr,
    U1, U10, U100, effectiveMembers, secondsPerIteration: run.stats.seconds / Math.max(1, run.stats.nsteps - (options.resume?.iterations ?? 0)), seconds,
    nfev: run.stats.nfev, restarts: run.stats.restarts, choleskyResets: run.stats.choleskyResets, resumedFrom: options.resume?.iterations ?? null,
    authorLosses: AUTHOR_LOSSES[key] ? Object.fromEntries(AUTHOR_CHECKPOINT_ITERATIONS.map((it, i) => [it, AUTHOR_LOSSES[key][i]])) : null,
  };
  return { problem, run, seconds, summary, lossRows, profileRows, errorRows };
}
