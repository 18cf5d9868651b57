/**
 * Sharded runs across machines, merged exactly. A computation that is a fold, in a fixed block
 * order, over independent blocks (Monte Carlo ensembles, white-noise diagnostics, seed sweeps) is
 * described once as a {@link ShardKind}; `runShard` computes a contiguous range of whole blocks and
 * returns a self-describing, versioned, checksummed {@link ShardFile} holding each block's
 * statistics; `mergeShards` checks that a set of shard files covers the plan exactly once (same
 * kind, plan fingerprint, library version and shard count) and folds all blocks in block order —
 * the very reduction of a one-machine run (floating-point merges are not associative, so blocks are
 * never pre-merged inside a shard), hence a merged result bit-identical to it for any shard count.
 *
 * Files are plain JSON ({@link toTaggedJSON}: Float64Arrays as base64 of their bytes), validated on
 * load, never evaluated; a truncated or edited file fails its SHA-256 checksum.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { checkInteger } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import type { LongRunOptions } from '../core/progress';
import { canonicalJSON, fromTaggedJSON, toTaggedJSON, type TaggedJSON } from '../core/serialize';
import type { SolveStatus } from '../core/status';
import { VERSION } from '../core/version';

/**
 * The format tag of shard files.
 * @example
 * ```ts
 * parseShard(readFileSync('shard-0.json', 'utf8'), 'shard-0.json').format === SHARD_FORMAT; // true
 * ```
 */
export const SHARD_FORMAT = 'singularis-shard';
/**
 * The version of the shard file layout (not of the library).
 * @example
 * ```ts
 * parseShard(text, 'shard-0.json').formatVersion === SHARD_FORMAT_VERSION; // files of another layout are refused
 * ```
 */
export const SHARD_FORMAT_VERSION = 1;

/**
 * A computation that can be sharded: a plan with a number of blocks, the statistics of one block,
 * and the in-order fold of the statistics of adjacent blocks.
 *
 * @typeParam Plan - the validated plan (plain data: numbers, strings, arrays, Float64Arrays)
 * @typeParam Part - the statistics of one block (or of consecutive blocks once folded)
 */
export interface ShardKind<Plan, Part> {
  /** Name written into shard files, e.g. `"billiards-ensemble"`. */
  readonly name: string;
  /** Number of blocks of the plan. */
  blockCount(plan: Plan): number;
  /** The statistics of one block, with progress and abort. */
  runBlock(plan: Plan, block: number, options: LongRunOptions): Part;
  /** Fold `next` (the blocks right after those of `total`) into `total`; may mutate `total`. */
  merge(plan: Plan, total: Part, next: Part): Part;
  /** The part's status (`'success'` unless the range stopped early). */
  status(part: Part): SolveStatus;
  /** Plain data of a part (only what is needed to merge; no unused capacity). */
  partToData(plan: Plan, part: Part): unknown;
  /** Rebuild a part from {@link ShardKind.partToData} output (validated by the caller's checksum). */
  partFromData(plan: Plan, data: unknown): Part;
  /** Plain data of a plan. */
  planToData(plan: Plan): unknown;
  /** Rebuild a plan from {@link ShardKind.planToData} output. */
  planFromData(data: unknown): Plan;
}

/** The contents of one shard file. */
export interface ShardFile {
  /** Always {@link SHARD_FORMAT}. */
  format: string;
  /** Always {@link SHARD_FORMAT_VERSION}. */
  formatVersion: number;
  /** The {@link ShardKind} name. */
  kind: string;
  /** The library version that wrote the file. */
  library: string;
  /** SHA-256 of the kind, library version and canonical plan: shards of one run share it. */
  fingerprint: string;
  /** This shard's index and the number of shards. */
  shard: {
    /** 0-based index i. */
    index: number;
    /** Number of shards N. */
    count: number;
  };
  /** The block range [first, end) of `total` blocks computed by this shard. */
  blocks: {
    /** First block. */
    first: number;
    /** One past the last block. */
    end: number;
    /** Blocks in the whole plan. */
    total: number;
  };
  /** `'success'`, or why the range stopped early. */
  status: SolveStatus;
  /** The plan (tagged JSON). */
  plan: TaggedJSON;
  /** What the caller needs to finish the run after merging (e.g. a command's flags); part of the fingerprint. */
  meta: TaggedJSON;
  /** The statistics of each computed block, in block order (tagged JSON). */
  parts: TaggedJSON[];
  /** SHA-256 of the text of `parts` as written (the file's second line). */
  payloadSha256: string;
  /** SHA-256 of the canonical JSON of every other field except `parts` (the file's first line). */
  checksum: string;
}

/** Why a shard file or a set of shard files was refused. */
export type ShardErrorReason = 'notJSON' | 'format' | 'checksum' | 'kind' | 'library' | 'plan' | 'count' | 'missing' | 'duplicate' | 'range';

/**
 * Thrown when a shard file is malformed, tampered with or does not belong with the others. Nothing is merged.
 * @example
 * ```ts
 * try {
 *   mergePinnedBallsShards(paths.map((p) => ({ source: p, file: parseShard(readFileSync(p, 'utf8'), p) })));
 * } catch (err) {
 *   if (err instanceof ShardError) console.error(`${err.source}: ${err.reason}`); // e.g. 'shard-3.json: checksum'
 * }
 * ```
 */
export class ShardError extends Error {
  /** Machine-readable reason. */
  readonly reason: ShardErrorReason;
  /** The file (or label) the problem is in. */
  readonly source: string;

  /**
   * @param reason - machine-readable reason
   * @param source - the offending file or label
   * @param detail - what is wrong
   */
  constructor(reason: ShardErrorReason, source: string, detail: string) {
    super(`${source}: ${detail}`);
    this.name = 'ShardError';
    this.reason = reason;
    this.source = source;
  }
}

/** A contiguous block range [first, end). */
export interface ShardBlockRange {
  /** First block. */
  first: number;
  /** One past the last block. */
  end: number;
}

/** A shard index and count, with where they came from. */
export interface ShardSpec {
  /** 0-based shard index i. */
  index: number;
  /** Number of shards N. */
  count: number;
}

/** The statistics merged from a complete set of shard files. */
export interface MergedShards<Plan, Part> {
  /** The plan the shards share. */
  plan: Plan;
  /** The folded statistics (null for a plan with no blocks). */
  part: Part | null;
  /** `'success'`, or the first status other than success met in block order. */
  status: SolveStatus;
}

/** A shard assigned by a scheduler. */
export interface ScheduledShard extends ShardSpec {
  /** Which variables gave it, for the message saying so. */
  source: string;
}

/**
 * The block range [first, end) of shard `index` of `count` over `total` blocks: contiguous, whole
 * blocks, sizes differing by at most one, in index order. A shard may be empty when count > total.
 *
 * @example
 * ```ts
 * shardBlockRange(10, 1, 3); // { first: 3, end: 6 }
 * ```
 */
export function shardBlockRange(total: number, index: number, count: number): ShardBlockRange {
  checkInteger('total', total, 0);
  checkInteger('count', count, 1);
  checkInteger('index', index, 0, count - 1);
  return { first: Math.floor((index * total) / count), end: Math.floor(((index + 1) * total) / count) };
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function fingerprintOf(kind: string, planData: TaggedJSON, meta: TaggedJSON): string {
  return sha256(canonicalJSON({ kind, library: VERSION, plan: planData, meta }));
}

/**
 * The fingerprint shard files of `plan` (with `meta`) carry: compare it with a file's to check that
 * the file belongs to a given run.
 * @example
 * ```ts
 * shardFingerprint(pinnedBallsEnsembleShards, plan, meta) === file.fingerprint;
 * ```
 */
export function shardFingerprint<Plan, Part>(kind: ShardKind<Plan, Part>, plan: Plan, meta: unknown = null): string {
  return fingerprintOf(kind.name, toTaggedJSON(kind.planToData(plan), 'plan'), toTaggedJSON(meta, 'meta'));
}

type ShardHeader = Omit<ShardFile, 'parts'>;

function checksumOf(header: Omit<ShardHeader, 'checksum'>): string {
  return sha256(canonicalJSON(header as unknown as TaggedJSON));
}

/**
 * Compute shard `index` of `count` of a plan: blocks [first, end) folded in order, as a shard file
 * object (write it with {@link serializeShard}). An empty range gives an empty part.
 *
 * @example
 * ```ts
 * const file = runShard(billiardsEnsembleShards, plan, 2, 7);
 * writeFileSync('part-2.json', serializeShard(file));
 * ```
 */
export function runShard<Plan, Part>(kind: ShardKind<Plan, Part>, plan: Plan, index: number, count: number, options: LongRunOptions = {}, meta: unknown = null): ShardFile {
  const total = kind.blockCount(plan);
  const { first, end } = shardBlockRange(total, index, count);
  const planData = toTaggedJSON(kind.planToData(plan), 'plan');
  const metaData = toTaggedJSON(meta, 'meta');
  let status: SolveStatus = 'success';
  const parts: TaggedJSON[] = [];
  const onProgress = options.onProgress;
  for (let b = first; b < end && status === 'success'; b++) {
    const part = kind.runBlock(plan, b, {
      signal: options.signal,
      progressEvery: options.progressEvery,
      onProgress: onProgress && ((info) => onProgress({ ...info, fraction: (b - first + info.fraction) / (end - first) })),
    });
    status = kind.status(part);
    parts.push(toTaggedJSON(kind.partToData(plan, part), `block ${b}`));
  }
  const body: Omit<ShardHeader, 'checksum'> = {
    format: SHARD_FORMAT,
    formatVersion: SHARD_FORMAT_VERSION,
    kind: kind.name,
    library: VERSION,
    fingerprint: fingerprintOf(kind.name, planData, metaData),
    shard: { index, count },
    blocks: { first, end, total },
    status,
    plan: planData,
    meta: metaData,
    payloadSha256: sha256(JSON.stringify(parts)),
  };
  return { ...body, checksum: checksumOf(body), parts };
}

/**
 * The text of a shard file: a header line (one JSON object: everything but the block statistics,
 * with its checksum) and a payload line (the JSON array of block statistics, whose SHA-256 the
 * header holds), so that a reader verifies megabytes of payload by hashing the text as read instead
 * of re-serializing it.
 *
 * @example
 * ```ts
 * writeFileSync(path, serializeShard(runShard(kind, plan, i, n)));
 * ```
 */
export function serializeShard(file: ShardFile): string {
  const { parts, ...header } = file;
  return `${JSON.stringify(header)}\n${JSON.stringify(parts)}\n`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * Parse and validate the text of a shard file: JSON, format and version, every field's type, the
 * checksum, and the block range against the shard index. Nothing is evaluated.
 * @param text - the file's contents
 * @param source - the file name, used in error messages
 * @throws ShardError naming `source` and what is wrong
 * @example
 * ```ts
 * const file = parseShard(readFileSync(path, 'utf8'), path);
 * ```
 */
export function parseShard(text: string, source: string): ShardFile {
  if (typeof text !== 'string') throw new InvalidTypeError('text', 'the text of a shard file', text);
  const newline = text.indexOf('\n');
  let json: unknown;
  try {
    json = JSON.parse(newline < 0 ? text : text.slice(0, newline));
  } catch {
    throw new ShardError('notJSON', source, 'the header is not JSON (truncated or not a shard file)');
  }
  if (!isRecord(json) || json.format !== SHARD_FORMAT) throw new ShardError('format', source, `not a ${SHARD_FORMAT} file`);
  if (json.formatVersion !== SHARD_FORMAT_VERSION) throw new ShardError('format', source, `shard format version ${String(json.formatVersion)}, this library reads version ${SHARD_FORMAT_VERSION}`);
  const shard = json.shard, blocks = json.blocks;
  const ok = typeof json.kind === 'string' && typeof json.library === 'string' && typeof json.fingerprint === 'string'
    && typeof json.checksum === 'string' && typeof json.status === 'string'
    && isRecord(shard) && isIndex(shard.index) && isIndex(shard.count) && shard.count >= 1 && shard.index < shard.count
    && isRecord(blocks) && isIndex(blocks.first) && isIndex(blocks.end) && isIndex(blocks.total) && blocks.first <= blocks.end && blocks.end <= blocks.total
    && 'plan' in json && 'meta' in json && typeof json.payloadSha256 === 'string';
  if (!ok) throw new ShardError('format', source, 'missing or malformed fields');
  const { checksum, ...body } = json as unknown as ShardHeader;
  if (checksumOf(body) !== checksum) throw new ShardError('checksum', source, 'header checksum mismatch (the file was edited)');
  const end = text.endsWith('\n') ? text.length - 1 : text.length;
  const payload = newline < 0 ? '' : text.slice(newline + 1, end);
  if (sha256(payload) !== body.payloadSha256) throw new ShardError('checksum', source, 'payload checksum mismatch (the file was truncated or edited)');
  let parts: unknown;
  try {
    parts = JSON.parse(payload);
  } catch {
    throw new ShardError('notJSON', source, 'the payload is not JSON');
  }
  if (!Array.isArray(parts)) throw new ShardError('format', source, 'the payload is not an array of block statistics');
  const file = { ...(json as unknown as ShardHeader), parts: parts as TaggedJSON[] };
  const expected = shardBlockRange(file.blocks.total, file.shard.index, file.shard.count);
  if (expected.first !== file.blocks.first || expected.end !== file.blocks.end) {
    throw new ShardError('range', source, `blocks [${file.blocks.first}, ${file.blocks.end}) do not match shard ${file.shard.index}/${file.shard.count} of ${file.blocks.total} blocks`);
  }
  const blockCount = file.blocks.end - file.blocks.first;
  if (file.status === 'success' ? file.parts.length !== blockCount : file.parts.length > blockCount) {
    throw new ShardError('range', source, `${file.parts.length} block results for blocks [${file.blocks.first}, ${file.blocks.end}) with status ${file.status}`);
  }
  return file;
}

/** A shard file with the name it was read from. */
export interface ShardSource {
  /** File name or label for messages. */
  source: string;
  /** The parsed file. */
  file: ShardFile;
}

/**
 * Check that shard files form one complete run: the same kind, library version, plan fingerprint
 * (recomputed from the plan of shard 0, the one a merge uses) and shard count, every index
 * 0…N−1 exactly once. Returns the sources in index order.
 * @throws ShardError naming the file and the reason
 * @example
 * ```ts
 * const ordered = checkShardSet(sources); // before any merging
 * ```
 */
export function checkShardSet(sources: readonly ShardSource[]): ShardSource[] {
  if (!Array.isArray(sources) || sources.length === 0) throw new InvalidArgumentError('sources', 'a non-empty array of shard files', Array.isArray(sources) ? 0 : sources);
  const first = sources[0];
  for (const { source, file } of sources) {
    if (file.kind !== first.file.kind) throw new ShardError('kind', source, `a ${file.kind} shard, ${first.source} is a ${first.file.kind} shard`);
    if (file.library !== VERSION) throw new ShardError('library', source, `written by singularis ${file.library}, this is ${VERSION}`);
    if (file.fingerprint !== first.file.fingerprint) throw new ShardError('plan', source, `belongs to another run than ${first.source} (plan fingerprints differ)`);
    if (file.shard.count !== first.file.shard.count) throw new ShardError('count', source, `one of ${file.shard.count} shards, ${first.source} is one of ${first.file.shard.count}`);
  }
  const count = first.file.shard.count;
  const byIndex: (ShardSource | undefined)[] = new Array(count).fill(undefined);
  for (const s of sources) {
    const seen = byIndex[s.file.shard.index];
    if (seen !== undefined) throw new ShardError('duplicate', s.source, `shard ${s.file.shard.index}/${count} is also in ${seen.source}`);
    byIndex[s.file.shard.index] = s;
  }
  const missing = byIndex.flatMap((s, i) => (s === undefined ? [i] : []));
  if (missing.length > 0) throw new ShardError('missing', `${count} shards`, `shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} missing`);
  // a merge uses the plan of shard 0: its fingerprint is recomputed from it, so a plan edited together
  // with the checksums is refused (the other files are tied to it by the fingerprint; their plan copies
  // are not used). One canonical hash, not one per file, keeps this cheap for thousands of files.
  const used = byIndex[0] as ShardSource;
  if (fingerprintOf(used.file.kind, used.file.plan, used.file.meta) !== used.file.fingerprint) throw new ShardError('plan', used.source, 'its plan does not match its fingerprint (the file was edited)');
  return byIndex as ShardSource[];
}

/**
 * Merge shard files into the one-machine result's statistics: checks that every file is of `kind`,
 * of this library version, of one plan (fingerprint) and one shard count, and that the indices
 * cover 0…N−1 exactly once; then folds every block in block order, stopping after the first block
 * that did not succeed (as a one-machine run stops). Returns the plan, the folded statistics (null
 * for a plan with no blocks) and the status. All checks run before any merging.
 *
 * @throws ShardError naming the file and the reason (missing or duplicated shard, another plan,
 *   another library version, another kind)
 * @example
 * ```ts
 * const { plan, part } = mergeShards(billiardsEnsembleShards, files);
 * ```
 */
export function mergeShards<Plan, Part>(kind: ShardKind<Plan, Part>, sources: readonly ShardSource[]): MergedShards<Plan, Part> {
  for (const { source, file } of Array.isArray(sources) ? sources : []) {
    if (file.kind !== kind.name) throw new ShardError('kind', source, `a ${file.kind} shard, expected ${kind.name}`);
  }
  const byIndex = checkShardSet(sources);
  const first = byIndex[0];
  const plan = kind.planFromData(fromTaggedJSON(first.file.plan, 'plan'));
  let total: Part | null = null;
  let status: SolveStatus = 'success';
  for (const s of byIndex) {
    for (let k = 0; k < s.file.parts.length && status === 'success'; k++) {
      const part = kind.partFromData(plan, fromTaggedJSON(s.file.parts[k], `${s.source}: block ${s.file.blocks.first + k}`));
      total = total === null ? part : kind.merge(plan, total, part);
      status = kind.status(part);
    }
    if (status === 'success' && s.file.status !== 'success') status = s.file.status;
    if (status !== 'success') break;
  }
  return { plan, part: total, status };
}

/**
 * The shard index and count given to this process by a cluster scheduler, or null: a Slurm array
 * task (`SLURM_ARRAY_TASK_ID` with `SLURM_ARRAY_TASK_COUNT`, or `SLURM_ARRAY_TASK_MIN`/`MAX`) or a
 * Kubernetes indexed Job (`JOB_COMPLETION_INDEX` with the count given as `SINGULARIS_SHARD_COUNT`,
 * since the Job's completions are not in the pod's environment).
 *
 * @example
 * ```ts
 * shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '4' });
 * // { index: 3, count: 4, source: 'Slurm array task 3 of 4' }
 * ```
 */
export function shardFromEnvironment(env: Record<string, string | undefined>): ScheduledShard | null {
  const int = (name: string): number | undefined => {
    const v = env[name];
    if (v === undefined || v === '') return undefined;
    if (!/^\d+$/.test(v)) throw new InvalidArgumentError(name, 'a non-negative integer', v);
    return Number(v);
  };
  const slurmId = int('SLURM_ARRAY_TASK_ID');
  if (slurmId !== undefined) {
    const min = int('SLURM_ARRAY_TASK_MIN') ?? 0;
    const count = int('SLURM_ARRAY_TASK_COUNT') ?? (int('SLURM_ARRAY_TASK_MAX') === undefined ? undefined : (int('SLURM_ARRAY_TASK_MAX') as number) - min + 1);
    if (count === undefined) throw new InvalidArgumentError('SLURM_ARRAY_TASK_COUNT', 'set in a Slurm array task (or SLURM_ARRAY_TASK_MAX)', undefined);
    const index = slurmId - min;
    if (!(index >= 0 && index < count)) throw new InvalidArgumentError('SLURM_ARRAY_TASK_ID', `in [${min}, ${min + count - 1}]`, slurmId);
    return { index, count, source: `Slurm array task ${index} of ${count}` };
  }
  const k8s = int('JOB_COMPLETION_INDEX');
  if (k8s !== undefined) {
    const count = int('SINGULARIS_SHARD_COUNT');
    if (count === undefined) throw new InvalidArgumentError('SINGULARIS_SHARD_COUNT', 'set to the Job\'s completions in a Kubernetes indexed Job', undefined);
    if (!(k8s < count)) throw new InvalidArgumentError('JOB_COMPLETION_INDEX', `in [0, ${count - 1}]`, k8s);
    return { index: k8s, count, source: `Kubernetes indexed Job completion ${k8s} of ${count}` };
  }
  return null;
}

/**
 * Parse a `--shard i/N` value.
 * @throws InvalidArgumentError naming `name` when it is not `i/N` with 0 ≤ i < N
 * @example
 * ```ts
 * parseShardSpec('2/7'); // { index: 2, count: 7 }
 * ```
 */
export function parseShardSpec(text: string, name = '--shard'): ShardSpec {
  if (typeof text !== 'string') throw new InvalidTypeError(name, 'a string i/N', text);
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (m === null) throw new InvalidArgumentError(name, 'i/N with integers 0 ≤ i < N (e.g. 2/7)', text);
  const index = Number(m[1]), count = Number(m[2]);
  if (!(count >= 1 && index < count)) throw new InvalidArgumentError(name, 'i/N with integers 0 ≤ i < N (e.g. 2/7)', text);
  return { index, count };
}
