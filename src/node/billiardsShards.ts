/**
 * The pinned-balls Monte Carlo ensemble and its white-noise diagnostics as {@link ShardKind}s:
 * run any block range on any machine, merge the shard files, and get the one-machine result bit for
 * bit (the blocks are folded in the same order as `pinnedBallsEnsemble` and the worker runner).
 *
 * @module
 */
import { InvalidArgumentError } from '../core/errors';
import type { LongRunOptions } from '../core/progress';
import {
  ensembleBlockFromJSON,
  ensembleBlockToJSON,
  finishEnsemble,
  mergeEnsembleBlock,
  simulateEnsembleBlock,
  type EnsembleBlock,
  type EnsembleBlockJSON,
  type PinnedBallsEnsembleResult,
} from '../models/billiards/ensemble';
import { planPinnedBallsEnsemble, type EnsemblePlan, type PinnedBallsEnsembleOptions } from '../models/billiards/ensemblePlan';
import {
  emptyWhiteNoiseBlock,
  finishWhiteNoise,
  mergeWhiteNoiseBlock,
  planWhiteNoise,
  whiteNoiseBlock,
  type WhiteNoiseBlock,
  type WhiteNoiseDiagnostics,
  type WhiteNoiseOptions,
  type WhiteNoisePlan,
} from '../models/billiards/whiteNoise';
import { mergeShards, runShard, type ShardFile, type ShardKind, type ShardSource } from './shards';

const record = (name: string, v: unknown): Record<string, unknown> => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new InvalidArgumentError(name, 'an object', typeof v);
  return v as Record<string, unknown>;
};

function checkEnsemblePlan(data: unknown): EnsemblePlan {
  const p = record('plan', data);
  const ints = ['n', 'runs', 'blockSize', 'blockCount'];
  for (const k of ints) if (typeof p[k] !== 'number' || !Number.isInteger(p[k])) throw new InvalidArgumentError(`plan.${k}`, 'an integer', p[k]);
  for (const k of ['times', 'steps', 'rawIndices']) if (!Array.isArray(p[k])) throw new InvalidArgumentError(`plan.${k}`, 'an array', p[k]);
  for (const k of ['z', 'mean0', 'sigma0']) {
    if (!(p[k] instanceof Float64Array) || (p[k] as Float64Array).length !== p.n) throw new InvalidArgumentError(`plan.${k}`, `a Float64Array of length ${String(p.n)}`, p[k]);
  }
  if (typeof p.seed !== 'number' && typeof p.seed !== 'string') throw new InvalidArgumentError('plan.seed', 'a number or string', p.seed);
  return p as unknown as EnsemblePlan;
}

/**
 * The pinned-balls ensemble as a shard kind: one part per block of `blockSize` runs.
 *
 * @example
 * ```ts
 * const plan = planPinnedBallsEnsemble(options);
 * const files = [0, 1, 2].map((i) => runShard(pinnedBallsEnsembleShards, plan, i, 3));
 * ```
 */
export const pinnedBallsEnsembleShards: ShardKind<EnsemblePlan, EnsembleBlock> = {
  name: 'billiards-ensemble',
  blockCount: (plan) => plan.blockCount,
  runBlock: (plan, block, options) => simulateEnsembleBlock(plan, block, options),
  merge: (plan, total, next) => mergeEnsembleBlock(plan, total, next),
  status: (part) => part.status,
  partToData: (plan, part) => {
    const json = ensembleBlockToJSON(part);
    return { ...json, raw: json.raw.map((r) => r.subarray(0, part.runs * plan.n)) };
  },
  partFromData: (_plan, data) => ensembleBlockFromJSON(data as EnsembleBlockJSON),
  planToData: (plan) => plan,
  planFromData: checkEnsemblePlan,
};

/**
 * Shard `index` of `count` of the ensemble `options` describe (the same options as
 * `pinnedBallsEnsemble`). Write the returned object with `serializeShard`.
 *
 * @example
 * ```ts
 * const file = runPinnedBallsShard({ n: 200, runs: 1000, seed: 1, times: [1e-4] }, 0, 4);
 * ```
 */
export function runPinnedBallsShard(options: PinnedBallsEnsembleOptions, index: number, count: number, longRun: LongRunOptions = {}, meta: unknown = null): ShardFile {
  return runShard(pinnedBallsEnsembleShards, planPinnedBallsEnsemble(options), index, count, longRun, meta);
}

/** The ensemble merged from shard files. */
export interface MergedEnsemble {
  /** The ensemble's plan. */
  plan: EnsemblePlan;
  /** The ensemble result, bit-identical to the one-machine run. */
  result: PinnedBallsEnsembleResult;
}

/**
 * Merge ensemble shard files (validated, any order) into the plan and the ensemble result,
 * bit-identical to `pinnedBallsEnsemble(options)` on one machine.
 * @throws ShardError naming the file when a shard is missing, duplicated, of another run or version
 * @example
 * ```ts
 * const { plan, result } = mergePinnedBallsShards(paths.map((p) => ({ source: p, file: parseShard(readFileSync(p, 'utf8'), p) })));
 * ```
 */
export function mergePinnedBallsShards(sources: readonly ShardSource[]): MergedEnsemble {
  const { plan, part, status } = mergeShards(pinnedBallsEnsembleShards, sources);
  if (part === null) throw new InvalidArgumentError('sources', 'shards of a plan with at least one block', 0);
  part.status = status === 'maxSteps' || status === 'diverged' ? 'aborted' : status;
  return { plan, result: finishEnsemble(plan, part) };
}

/** The plan of a sharded white-noise pass: the ensemble plan and the white-noise plan. */
export interface WhiteNoiseShardPlan {
  /** The ensemble's plan (the runs are regenerated from its seed). */
  plan: EnsemblePlan;
  /** The white-noise plan (μ̂, σ̂ at the diagnostic time). */
  whiteNoise: WhiteNoisePlan;
}

/**
 * The white-noise diagnostics as a shard kind (one part per ensemble block).
 *
 * @example
 * ```ts
 * const file = runShard(whiteNoiseShards, { plan, whiteNoise }, 0, 2);
 * ```
 */
export const whiteNoiseShards: ShardKind<WhiteNoiseShardPlan, WhiteNoiseBlock> = {
  name: 'billiards-white-noise',
  blockCount: (p) => p.plan.blockCount,
  runBlock: (p, block, options) => whiteNoiseBlock(p.plan, p.whiteNoise, block, options),
  merge: (_p, total, next) => mergeWhiteNoiseBlock(total, next),
  status: (part) => part.status,
  partToData: (_p, part) => part,
  partFromData: (_p, data) => data as WhiteNoiseBlock,
  planToData: (p) => ({ plan: p.plan, whiteNoise: { ...p.whiteNoise, core: Array.from(p.whiteNoise.core) } }),
  planFromData: (data) => {
    const d = record('plan', data);
    const wn = record('plan.whiteNoise', d.whiteNoise);
    if (!Array.isArray(wn.core)) throw new InvalidArgumentError('plan.whiteNoise.core', 'an array', wn.core);
    return { plan: checkEnsemblePlan(d.plan), whiteNoise: { ...(wn as unknown as WhiteNoisePlan), core: Uint8Array.from(wn.core as number[]) } };
  },
};

/**
 * Shard `index` of `count` of the white-noise pass over an ensemble (plan and merged result).
 *
 * @example
 * ```ts
 * const file = runWhiteNoiseShard(plan, result, { time: result.times[2] }, 1, 4);
 * ```
 */
export function runWhiteNoiseShard(plan: EnsemblePlan, ensemble: PinnedBallsEnsembleResult, options: WhiteNoiseOptions, index: number, count: number, longRun: LongRunOptions = {}): ShardFile {
  return runShard(whiteNoiseShards, { plan, whiteNoise: planWhiteNoise(plan, ensemble, options) }, index, count, longRun);
}

/**
 * Merge white-noise shard files into the diagnostics, bit-identical to `whiteNoiseDiagnostics` on
 * one machine.
 * @throws ShardError naming the file when a shard is missing, duplicated, of another run or version
 * @example
 * ```ts
 * const diagnostics = mergeWhiteNoiseShards(sources);
 * ```
 */
export function mergeWhiteNoiseShards(sources: readonly ShardSource[]): WhiteNoiseDiagnostics {
  const { plan, part, status } = mergeShards(whiteNoiseShards, sources);
  const total = part ?? emptyWhiteNoiseBlock(plan.whiteNoise, 0);
  if (total.status === 'success' && status !== 'success') total.status = status === 'nonFinite' ? 'nonFinite' : 'aborted';
  return finishWhiteNoise(plan.plan, plan.whiteNoise, total);
}
