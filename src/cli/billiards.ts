/**
 * `singularis reproduce billiards`: Section 3 of "From pinned billiard balls to partial
 * differential equations" — Monte Carlo ensembles vs the mean-field PDE, white-noise diagnostics,
 * figures equivalent to Figs. 2–5, a markdown summary and a JSON result.
 *
 * T: in the reversed orientation, the PDE freeze time (detector, f = 0.01), or the probe horizon
 * 3/λ when nothing freezes within it (small λ, n ≲ 110); in the printed orientation nothing
 * freezes and T is the paper's horizon 1.20162e-4 (= 59,841 collisions for n = 1000). Both
 * non-freezing cases report `freezeTime: null`; the JSON field `horizon` says which T was used
 * (`'freeze' | 'probe' | 'paper'`).
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import {
  ensembleFreezeTime,
  lambdaForBalls,
  meanFieldPde,
  MIN_PDE_NODES,
  pinnedBallsEnsemble,
  planPinnedBallsEnsemble,
  whiteNoiseDiagnostics,
  type MeanFieldPdeResult,
  type Orientation,
  type PinnedBallsEnsembleOptions,
  type PinnedBallsEnsembleResult,
  type WhiteNoiseDiagnostics,
} from '../models/billiards/index';
import { pinnedBallsEnsembleInWorkers, whiteNoiseDiagnosticsInWorkers } from '../node/billiards';
import { mergePinnedBallsShards, mergeWhiteNoiseShards, pinnedBallsEnsembleShards, whiteNoiseShards, type WhiteNoiseShardPlan } from '../node/billiardsShards';
import { parseShard, parseShardSpec, runShard, serializeShard, shardFingerprint, shardFromEnvironment, type ShardSource } from '../node/shards';
import { planWhiteNoise } from '../models/billiards/whiteNoise';
import { UsageError } from './framework/usageError';
import { billiardsFigures } from './billiardsFigures';
import { defineExperiment, type ExperimentContext, type ExperimentOutcome, type ShardAssignment } from './framework/experiment';
import { flag, type FlagValues } from './framework/flags';
import { billiardsSummary } from './billiardsSummary';
import { PAPER_T, PROBE_LAMBDA_T, probeHorizon, section3Schedule, WHITE_NOISE_FRACTION } from '../models/billiards/experiments/section3';

/** PDE grid nodes per ball spacing of the default grid (capped at the paper-scale 3201 nodes). */
const NODES_PER_BALL = 8;

const flags = {
  orientation: flag.choice(['asPrinted', 'reversed'] as const, { default: 'asPrinted', quick: 'reversed', help: 'initial mean as printed (already sorted, no freeze) or negated (sorts, then freezes)' }),
  balls: flag.integer({ min: 4, max: 262145, default: 1000, quick: 60, help: 'number of balls n' }),
  runs: flag.integer({ min: 2, max: 1e7, default: 1000, quick: 16, example: '400', help: 'Monte Carlo runs R (the paper: 100000)' }),
  seed: flag.seed({ default: 2022, help: 'master seed of the Monte Carlo runs (run r uses stream r)' }),
  grid: flag.integer({
    min: MIN_PDE_NODES,
    max: 1e6,
    default: (f) => Math.min(3201, Math.max(201, NODES_PER_BALL * ((f.balls as number) - 1) + 1)),
    defaultText: `${NODES_PER_BALL}(n − 1) + 1 clamped to [201, 3201] (3201 for n = 1000, 401 for n = 50)`,
    example: '801',
    help: 'PDE grid nodes on [0, 1]',
  }),
  wall: flag.choice(['dirichlet', 'zeroFlux'] as const, { default: 'dirichlet', help: 'PDE wall condition' }),
  times: flag.numberList({ min: 0, max: 1, default: [], example: '0.001,0.002', help: 'extra snapshot times (PDE time units) besides the Fig. 5 times' }),
  pdeMaxSteps: flag.integer({ min: 1, max: 1e9, default: 1e8, example: '1000', help: 'step budget of each PDE run (the run reports status maxSteps when exhausted)' }),
  workers: flag.integer({ min: 1, max: 256, default: () => availableParallelism(), defaultText: 'available parallelism', quick: 1, help: 'worker threads for the Monte Carlo runs' }),
  shard: flag.string({ default: '', what: 'i/N', example: '2/8', help: 'compute only shard i of N of the Monte Carlo ensemble and write it into --out (a folder collecting shard files; finish with singularis merge, after an optional second round singularis merge DIR --stage white-noise --shard i/N --out DIR2 that shards the white-noise pass too); taken from SLURM_ARRAY_TASK_ID/COUNT or JOB_COMPLETION_INDEX + SINGULARIS_SHARD_COUNT when omitted inside a Slurm array task or Kubernetes indexed Job' }),
};

/** Flags that do not change the numbers (left out of shard files' fingerprints). */
const OUTPUT_ONLY_FLAGS = new Set(['out', 'json', 'quiet', 'force', 'yes', 'help', 'quick', 'shard', 'workers']);

/** The flags a shard file records: those that define the run. */
function runDefiningFlags(f: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(f).filter(([k]) => !OUTPUT_ONLY_FLAGS.has(k)));
}

/** The shard of this invocation: `--shard i/N`, else a scheduler's environment, else none. */
function shardOf(f: { shard: string }, env: Record<string, string | undefined>): ShardAssignment | null {
  try {
    if (f.shard !== '') return { ...parseShardSpec(f.shard, '--shard'), source: '--shard' };
    return shardFromEnvironment(env);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

type Flags = FlagValues<typeof flags>;

/** Collisions per run up to the horizon, K(n)·T with K(n) = (n−1)²(n−2)/2. */
function collisionsPerRun(f: Flags): number {
  const n = f.balls;
  const T = f.orientation === 'reversed' ? 1 / lambdaForBalls(n) : PAPER_T;
  return (T * (n - 1) ** 2 * (n - 2)) / 2;
}

function taskModule(): { module: URL; preload?: string } {
  return import.meta.url.endsWith('.ts')
    ? { module: new URL('../node/billiardsTask.ts', import.meta.url), preload: 'tsx/cjs' }
    : { module: new URL('../node/billiardsTask.js', import.meta.url) };
}

async function monteCarlo(ctx: ExperimentContext<Flags>, options: PinnedBallsEnsembleOptions): Promise<PinnedBallsEnsembleResult> {
  const run = ctx.runOptions('Monte Carlo', 0.3, 0.85);
  if (ctx.flags.workers <= 1) {
    const { times, ...problem } = options;
    return pinnedBallsEnsemble(problem, { ...run, saveAt: times });
  }
  const { module, preload } = taskModule();
  return (await pinnedBallsEnsembleInWorkers(options, { ...run, workers: ctx.flags.workers, taskModule: module, preload })).result;
}

async function whiteNoise(ctx: ExperimentContext<Flags>, options: PinnedBallsEnsembleOptions, ensemble: PinnedBallsEnsembleResult, time: number): Promise<WhiteNoiseDiagnostics> {
  const plan = planPinnedBallsEnsemble(options);
  const run = ctx.runOptions('white noise', 0.85, 1);
  if (ctx.flags.workers <= 1) return whiteNoiseDiagnostics(plan, ensemble, { time }, run);
  const { module, preload } = taskModule();
  return whiteNoiseDiagnosticsInWorkers(plan, ensemble, { time }, { ...run, workers: ctx.flags.workers, taskModule: module, preload });
}

/** Shard mode: this invocation's blocks of the ensemble, as one shard file (no figures). */
function shardRun(ctx: ExperimentContext<Flags>, mcOptions: PinnedBallsEnsembleOptions, completed: string[], lambda: number): ExperimentOutcome {
  const { index, count } = ctx.shard as ShardAssignment;
  const meta = { experiment: 'billiards', flags: runDefiningFlags(ctx.flags) };
  const file = runShard(pinnedBallsEnsembleShards, planPinnedBallsEnsemble(mcOptions), index, count, ctx.runOptions('Monte Carlo shard', 0.3, 1), meta);
  if (file.status === 'success') completed.push(`Monte Carlo shard ${index}/${count}`);
  return {
    status: file.status,
    message: file.status === 'success' ? '' : `the shard stopped with status ${file.status} after ${file.parts.length} of ${file.blocks.end - file.blocks.first} blocks`,
    result: { lambda, shard: { index, count, blocks: file.blocks, fingerprint: file.fingerprint } },
    summary: '',
    figures: [],
    completed,
    shardFile: file.status === 'success' ? { name: `billiards-shard-${index}-of-${count}.json`, text: serializeShard(file) } : undefined,
  };
}

/** The sharded stage after the ensemble: the white-noise diagnostics (`singularis merge --stage white-noise`). */
const WHITE_NOISE_STAGE = 'white-noise';

/** Merge mode: the ensemble from its shard files, after checking they were made with these flags; also their fingerprint. */
function mergedEnsemble(ctx: ExperimentContext<Flags>, mcOptions: PinnedBallsEnsembleOptions, sources: ShardSource[]): { ensemble: PinnedBallsEnsembleResult; fingerprint: string } | string {
  const ensembleSources = sources.filter((s) => s.file.kind === pinnedBallsEnsembleShards.name);
  const expected = shardFingerprint(pinnedBallsEnsembleShards, planPinnedBallsEnsemble(mcOptions), { experiment: 'billiards', flags: runDefiningFlags(ctx.flags) });
  if (ensembleSources.length === 0 || ensembleSources[0].file.fingerprint !== expected) return `${ensembleSources[0]?.source ?? 'the shards'}: the shard files do not match the run their flags describe`;
  ctx.progress('merging shards', 0.85);
  return { ensemble: mergePinnedBallsShards(ensembleSources).result, fingerprint: expected };
}

/** The white-noise pass as a shard plan, and the meta its shard files carry (tying them to the ensemble's shards). */
function whiteNoiseShardPlan(mcOptions: PinnedBallsEnsembleOptions, ensemble: PinnedBallsEnsembleResult, time: number, parent: string): { plan: WhiteNoiseShardPlan; meta: unknown } {
  const plan = planPinnedBallsEnsemble(mcOptions);
  return { plan: { plan, whiteNoise: planWhiteNoise(plan, ensemble, { time }) }, meta: { experiment: 'billiards', stage: WHITE_NOISE_STAGE, parent } };
}

/** Stage mode (round 2): this invocation's blocks of the white-noise pass over the merged ensemble, as one shard file. */
function whiteNoiseShardRun(ctx: ExperimentContext<Flags>, mcOptions: PinnedBallsEnsembleOptions, ensemble: PinnedBallsEnsembleResult, parent: string, time: number, completed: string[], lambda: number): ExperimentOutcome {
  const { index, count } = ctx.shard as ShardAssignment;
  const fail = (message: string): ExperimentOutcome => ({ status: 'error', message, result: { lambda }, summary: '', figures: [], completed });
  if (ensemble.status !== 'success') return fail(`the merged Monte Carlo ensemble has status ${ensemble.status}; the white-noise pass needs a complete ensemble`);
  completed.push('Monte Carlo (merged)');
  const { plan, meta } = whiteNoiseShardPlan(mcOptions, ensemble, time, parent);
  const file = runShard(whiteNoiseShards, plan, index, count, ctx.runOptions('white-noise shard', 0.85, 1), meta);
  if (file.status === 'success') completed.push(`white-noise shard ${index}/${count}`);
  return {
    status: file.status,
    message: file.status === 'success' ? '' : `the white-noise shard stopped with status ${file.status} after ${file.parts.length} of ${file.blocks.end - file.blocks.first} blocks`,
    result: { lambda, stage: WHITE_NOISE_STAGE, shard: { index, count, blocks: file.blocks, fingerprint: file.fingerprint, ensemble: parent } },
    summary: '',
    figures: [],
    completed,
    shardFile: file.status === 'success' ? { name: `billiards-${WHITE_NOISE_STAGE}-shard-${index}-of-${count}.json`, text: serializeShard(file) } : undefined,
  };
}

/** Final merge with white-noise shards: the diagnostics from them, after checking they belong to this ensemble and time. */
function mergedWhiteNoise(ctx: ExperimentContext<Flags>, sources: ShardSource[], mcOptions: PinnedBallsEnsembleOptions, ensemble: PinnedBallsEnsembleResult, parent: string, time: number): WhiteNoiseDiagnostics | string {
  const { plan, meta } = whiteNoiseShardPlan(mcOptions, ensemble, time, parent);
  const expected = shardFingerprint(whiteNoiseShards, plan, meta);
  const mismatch = sources.find((s) => s.file.fingerprint !== expected);
  if (mismatch !== undefined) return `${mismatch.source}: a white-noise shard of another ensemble or time (its fingerprint is not that of the white-noise pass over the merged ensemble at t = ${time})`;
  ctx.progress('merging white-noise shards', 0.9);
  return mergeWhiteNoiseShards(sources);
}

/** The experiment: PDE (T and snapshots), Monte Carlo, white noise, comparisons, figures. */
async function run(ctx: ExperimentContext<Flags>): Promise<ExperimentOutcome> {
  const f = ctx.flags;
  const { orientation, balls: n } = f;
  const lambda = lambdaForBalls(n);
  const spec = { n, nodes: f.grid, orientation: orientation as Orientation, walls: f.wall };
  const completed: string[] = [];
  const partial = (status: ExperimentOutcome['status'], message: string, result: Record<string, unknown>): ExperimentOutcome => ({ status, message, result: { lambda, ...result }, summary: `λ = ${lambda.toFixed(4)}. ${message}`, figures: [], completed });

  // 1. PDE probe: T is the freeze time (reversed), else the probe horizon (reversed, small λ) or the paper's horizon
  const probe = meanFieldPde({ ...spec, tEnd: probeHorizon(orientation, lambda), stopAtFreeze: true, maxSteps: f.pdeMaxSteps }, ctx.runOptions('PDE (finding T)', 0, 0.15));
  if (probe.status !== 'success') return partial(probe.status, `the PDE run finding T stopped with status ${probe.status}: ${probe.message}`, { pde: { status: probe.status, message: probe.message, t: probe.t } });
  completed.push('PDE probe');
  const pdeFreeze = probe.freeze.status === 'frozen' ? (probe.freeze.time as number) : null;
  const { T, horizon, fig5Times, whiteNoiseTime, snapshotTimes, pdeEnd, monteCarloTimes } = section3Schedule(orientation, lambda, pdeFreeze, f.times);

  // 2. PDE snapshots
  const pde: MeanFieldPdeResult = meanFieldPde({ ...spec, tEnd: pdeEnd, maxSteps: f.pdeMaxSteps }, { ...ctx.runOptions('PDE', 0.15, 0.3), saveAt: snapshotTimes });
  if (pde.status !== 'success') return partial(pde.status, `the PDE run stopped with status ${pde.status}: ${pde.message}`, { T, horizon, pde: { status: pde.status, message: pde.message, t: pde.t } });
  completed.push('PDE');

  // 3. Monte Carlo: snapshot times plus a scan for the freeze detector
  const mcOptions: PinnedBallsEnsembleOptions = { n, runs: f.runs, seed: f.seed, orientation, times: monteCarloTimes };
  if (ctx.stage !== undefined && ctx.stage !== WHITE_NOISE_STAGE) return partial('error', `billiards has no sharded stage ${JSON.stringify(ctx.stage)} (stages: ${WHITE_NOISE_STAGE})`, {});
  if (ctx.shard !== undefined && ctx.stage === undefined) return shardRun(ctx, mcOptions, completed, lambda);
  let ensemble: PinnedBallsEnsembleResult;
  let parent = '';
  const sources = (ctx.shardTexts ?? []).map(({ source, text }) => ({ source, file: parseShard(text, source) }));
  if (ctx.shardTexts !== undefined) {
    const merged = mergedEnsemble(ctx, mcOptions, sources);
    if (typeof merged === 'string') return partial('error', merged, {});
    ({ ensemble, fingerprint: parent } = merged);
  } else ensemble = await monteCarlo(ctx, mcOptions);
  if (ctx.stage === WHITE_NOISE_STAGE) return whiteNoiseShardRun(ctx, mcOptions, ensemble, parent, whiteNoiseTime, completed, lambda);
  if (ensemble.status === 'success') completed.push('Monte Carlo');
  const wnSources = sources.filter((s) => s.file.kind === whiteNoiseShards.name);
  let wn: WhiteNoiseDiagnostics | null = null;
  if (ensemble.status === 'success' && !ctx.aborted) {
    if (wnSources.length === 0) wn = await whiteNoise(ctx, mcOptions, ensemble, whiteNoiseTime);
    else {
      const merged = mergedWhiteNoise(ctx, wnSources, mcOptions, ensemble, parent, whiteNoiseTime);
      if (typeof merged === 'string') return partial('error', merged, {});
      wn = merged;
    }
  }
  if (wn !== null && wn.status === 'success') completed.push(wnSources.length === 0 ? 'white noise' : `white noise (merged from ${wnSources.length} shards)`);
  const status = ensemble.status !== 'success' ? ensemble.status : wn === null ? 'aborted' : wn.status;
  const message = ensemble.status !== 'success'
    ? `the Monte Carlo ensemble stopped with status ${ensemble.status} after ${ensemble.runs} of ${f.runs} runs`
    : wn === null || wn.status !== 'success'
      ? `the white-noise diagnostics stopped with status ${wn?.status ?? 'aborted'}`
      : '';
  const freezeMc = ensemble.runs >= 2 ? ensembleFreezeTime(ensemble) : null;
  const { summary, result } = billiardsSummary({ f, lambda, T, horizon, pde, pdeFreeze, ensemble, mcFreeze: freezeMc?.status === 'frozen' ? (freezeMc.time as number) : null, wn: wn?.status === 'success' ? wn : null, snapshotTimes, whiteNoiseFraction: WHITE_NOISE_FRACTION, probeLambdaT: PROBE_LAMBDA_T, paperT: PAPER_T });
  const figures = ensemble.runs >= 2 ? billiardsFigures(ensemble, pde, wn?.status === 'success' ? wn : null, fig5Times, T) : [];
  return { status, message, result, summary, figures, completed };
}

/**
 * The billiards experiment declaration.
 * @example
 * ```ts
 * // singularis reproduce billiards --orientation reversed --balls 200 --runs 400
 * ```
 */
export const billiardsExperiment = defineExperiment({
  name: 'billiards',
  title: 'Pinned billiard balls — Section 3 (Monte Carlo vs mean-field PDE, Figs. 2–5)',
  description: 'Monte Carlo ensembles of the pinned-balls model against the mean-field PDE (A)/(B)/(C): T from the PDE freeze\n(reversed orientation) or the paper\'s horizon, white-noise diagnostics (Figs. 2–4), profiles of μ and σ (Fig. 5).',
  flags,
  quickNote: 'reversed orientation, 60 balls, 16 runs, 473-node PDE grid, one thread (a few seconds)',
  examples: ['--orientation reversed --balls 200 --runs 400', '--balls 1000 --runs 100000 --workers 8 --out paper-size --yes', '--balls 1000 --runs 100000 --shard 3/8 --out shards --yes   (then: singularis merge shards --out report)',
    '--balls 1000 --runs 100000 --shard 3/8 --out shards --yes   (then, per task i of M: singularis merge shards --stage white-noise --shard i/M --out wn; finally: singularis merge shards wn --out report)'],
  estimate: (f) => {
    const whole = f.runs * collisionsPerRun(f) + f.grid * f.grid * 10;
    const shard = f.shard === '' ? null : parseShardSpec(f.shard, '--shard');
    return shard === null ? whole : whole / shard.count;
  },
  check: (f) => {
    shardOf(f, {});
  },
  shardOf,
  stages: { [WHITE_NOISE_STAGE]: 'the white-noise diagnostics (Figs. 2–4), every Monte Carlo run again up to 0.37T' },
  run,
});
