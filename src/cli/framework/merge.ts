/**
 * `singularis merge DIR_OR_FILE... --out REPORT`: validate the shard files written by
 * `singularis reproduce <experiment> --shard i/N` (or by a Slurm array / Kubernetes indexed Job),
 * then finish the run from the merged statistics and write the same report, figures and JSON as a
 * one-machine run. Every file is parsed and the set checked (same run, same library version, every
 * shard exactly once) before any work; a bad set is a usage error naming the file.
 *
 * @module
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { checkShardSet, parseShard, parseShardSpec, ShardError, shardFromEnvironment, type ShardSource } from '../../node/shards';
import type { ShardAssignment } from './experiment';
import type { AnyExperiment } from './experiment';
import { commonFlags } from './help';
import { prepareOutDir, prepareShardDir, type PreparedOutDir } from './outDir';
import { runWorker, usageFailure, type RegisteredExperiment } from './reproduce';
import { Terminal, guardPipes, writeOut } from './terminal';
import { EXIT, UsageError } from './usageError';

/** Shard files are named `<experiment>-shard-<i>-of-<N>.json`. */
export const SHARD_FILE_PATTERN = /-shard-\d+-of-\d+\.json$/;

const HELP = `Usage: singularis merge <folder or shard file>... --out <report folder> [--json] [--quiet] [--force]
       singularis merge <folder or shard file>... --stage <stage> [--shard i/N] --out <shard folder>

Merge the shard files of one sharded run (written by 'singularis reproduce <experiment> --shard i/N',
or by a Slurm array task / Kubernetes indexed Job) and finish the run: the report, figures and JSON
are those of the same run on one machine, bit for bit.

A later pass that needs the merged result and is itself a sum over independent runs (a stage) can be
sharded too, in a second round of jobs: with --stage, each task merges the first-round shards (cheap,
checked as below) and writes shard i/N of the stage into --out. The final merge is then given the
folders of both rounds and uses the stage's shards instead of computing the stage itself; without
stage shards it computes the stage on this machine. Stages:
%STAGES%
  <folder or shard file>   folders are searched for files named <experiment>[-<stage>]-shard-<i>-of-<N>.json
  --out <folder>           report folder (checked before any work; --force replaces another report);
                           with --stage: the folder collecting the stage's shard files
  --stage <stage>          compute one shard of a later stage (e.g. white-noise) instead of the report
  --shard i/N              with --stage: the shard to compute; taken from SLURM_ARRAY_TASK_ID/COUNT or
                           JOB_COMPLETION_INDEX + SINGULARIS_SHARD_COUNT when omitted in a Slurm array
                           task or Kubernetes indexed Job (stage shard counts need not match the first round's)
  --workers <n>            worker threads for the parts computed while finishing (default: available parallelism)
  --json                   print one JSON object on stdout (tables go to stderr)
  --quiet                  no progress or tables
  --force                  replace a report already in --out

Examples:
  singularis merge shards/ --out report/billiards
  singularis merge shards/ --stage white-noise --shard 2/8 --out white-noise/    # round 2, task 2 of 8
  singularis merge shards/ white-noise/ --out report/billiards                     # both rounds
`;

/** The shard files named by the arguments (folders searched one level deep). */
function collectShardFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    if (!existsSync(abs)) throw new UsageError(`${JSON.stringify(p)} does not exist`);
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) if (SHARD_FILE_PATTERN.test(name)) files.push(join(abs, name));
    } else files.push(abs);
  }
  if (files.length === 0) throw new UsageError(`no shard files (named <experiment>-shard-<i>-of-<N>.json) in ${paths.map((p) => JSON.stringify(p)).join(', ')}`);
  return files;
}

/**
 * The `merge` command.
 * @example
 * ```ts
 * process.exitCode = await mergeCommand(['shards', '--out', 'report'], experiments);
 * ```
 */
export async function mergeCommand(argv: string[], registry: Record<string, RegisteredExperiment>): Promise<number> {
  guardPipes();
  if (argv.includes('--help') || argv.includes('-h')) {
    const stages = Object.values(registry).flatMap((def) => Object.entries(def.stages ?? {}).map(([stage, what]) => `  ${def.name} --stage ${stage}: ${what}\n`));
    writeOut(HELP.replace('%STAGES%', stages.join('') || '  (none)\n'));
    return EXIT.success;
  }
  const hint = 'See: singularis merge --help';
  const inputs: string[] = [];
  const options = { out: '', json: false, quiet: false, force: false, workers: availableParallelism(), stage: '', shard: '' };
  try {
    for (let k = 0; k < argv.length; k++) {
      const a = argv[k];
      if (a === '--out') {
        const v = argv[++k];
        if (v === undefined || v === '') throw new UsageError('--out needs a folder (the report folder)');
        options.out = v;
      } else if (a === '--stage' || a === '--shard') {
        const v = argv[++k];
        if (v === undefined || v === '' || v.startsWith('--')) throw new UsageError(`${a} needs a value (${a === '--stage' ? 'a stage name, e.g. white-noise' : 'i/N'})`);
        options[a === '--stage' ? 'stage' : 'shard'] = v;
      } else if (a === '--workers') {
        const v = argv[++k];
        if (v === undefined || !/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 256) throw new UsageError(`--workers must be an integer in [1, 256] (got ${JSON.stringify(v ?? '')})`);
        options.workers = Number(v);
      } else if (a === '--json' || a === '--quiet' || a === '--force') options[a.slice(2) as 'json' | 'quiet' | 'force'] = true;
      else if (a.startsWith('--')) throw new UsageError(`unknown flag ${a}; merge accepts --out, --stage, --shard, --workers, --json, --quiet, --force`);
      else inputs.push(a);
    }
    if (inputs.length === 0) throw new UsageError('name at least one folder or shard file');
    if (options.out === '') throw new UsageError(`--out is required (${options.stage === '' ? 'the report folder' : 'the folder collecting the stage\'s shard files'})`);
    if (options.shard !== '' && options.stage === '') throw new UsageError('--shard needs --stage (the first round is sharded by singularis reproduce <experiment> --shard i/N)');
  } catch (err) {
    if (err instanceof UsageError) return usageFailure('singularis merge', err, argv, hint);
    throw err;
  }
  let def: AnyExperiment;
  let flags: Record<string, unknown>;
  let files: string[];
  let shard: ShardAssignment | undefined;
  let described = '';
  try {
    const all = collectShardFiles(inputs).map((f) => ({ source: f, file: parseShard(readFileSync(f, 'utf8'), f) }));
    // with --stage, shards of that stage already in the folders are this round's outputs, not inputs
    const sources = options.stage === '' ? all : all.filter((s) => stageOf(s) === '');
    const { first, stages } = checkRounds(sources);
    const meta = first[0].file.meta as { experiment?: unknown; flags?: unknown } | null;
    const name = typeof meta?.experiment === 'string' ? meta.experiment : '';
    const entry = Object.prototype.hasOwnProperty.call(registry, name) ? registry[name] : undefined;
    if (entry === undefined || typeof entry === 'function' || entry.shardOf === undefined) {
      throw new UsageError(`${first[0].source}: the shards name experiment ${JSON.stringify(name)}, which does not merge shards`);
    }
    def = entry;
    const declared = def.stages ?? {};
    const known = Object.keys(declared).join(', ') || 'none';
    if (options.stage !== '' && !Object.prototype.hasOwnProperty.call(declared, options.stage)) throw new UsageError(`--stage ${JSON.stringify(options.stage)}: ${def.name} has no such sharded stage (stages: ${known})`);
    for (const [stage, group] of stages) {
      if (!Object.prototype.hasOwnProperty.call(declared, stage)) throw new UsageError(`${group[0].source}: a shard of stage ${JSON.stringify(stage)}, which ${def.name} does not have (stages: ${known})`);
    }
    files = (options.stage === '' ? sources : first).map((s) => s.source);
    described = [`${first.length} shard files`, ...(options.stage === '' ? [...stages].map(([stage, group]) => `${group.length} ${stage} shard files`) : [])].join(' and ');
    if (options.stage !== '') shard = stageShard(options.shard);
    const defaults = Object.fromEntries(Object.entries(commonFlags(def.name)).map(([k]) => [k, false]));
    const given: Record<string, unknown> = { ...defaults, ...(meta?.flags as Record<string, unknown>), shard: '', workers: options.workers, out: options.out, json: options.json, quiet: options.quiet, force: options.force, yes: true };
    // in the order a one-machine run records them (the experiment's flags, then the common ones)
    const order = Object.keys({ ...def.flags, ...commonFlags(def.name) });
    flags = Object.fromEntries([...order.filter((k) => k in given), ...Object.keys(given).filter((k) => !order.includes(k))].map((k) => [k, given[k]]));
  } catch (err) {
    if (err instanceof ShardError) return usageFailure('singularis merge', new UsageError(err.message), argv, hint);
    if (err instanceof UsageError) return usageFailure('singularis merge', err, argv, hint);
    throw err;
  }
  let out: PreparedOutDir;
  try {
    out = shard === undefined ? prepareOutDir(options.out, options.force) : prepareShardDir(options.out);
  } catch (err) {
    if (err instanceof UsageError) return usageFailure('singularis merge', err, argv, hint);
    throw err;
  }
  const term = new Terminal({ json: options.json, quiet: options.quiet });
  if (shard !== undefined) {
    term.note(`merge: ${described} of ${def.name}; computing ${options.stage} shard ${shard.index} of ${shard.count} (from ${shard.source}) into ${out.target}`);
    return runWorker(def, flags, out, term, { shardFiles: files, shard, stage: options.stage });
  }
  term.note(`merge: ${described} of ${def.name}; finishing the run into ${out.target}`);
  return runWorker(def, flags, out, term, { shardFiles: files });
}

/** The stage a shard file belongs to: its `meta.stage`, or `''` for the first round. */
function stageOf(s: ShardSource): string {
  const meta = s.file.meta as { stage?: unknown } | null;
  return meta !== null && typeof meta === 'object' && typeof meta.stage === 'string' ? meta.stage : '';
}

/**
 * Split shard files into the first round and later stages, check each as one complete set (a stage's
 * errors say which stage), and tie every stage to the first round: its shards' `meta.parent` must be
 * the first round's fingerprint and name the same experiment. Nothing is merged here.
 */
function checkRounds(sources: ShardSource[]): { first: ShardSource[]; stages: Map<string, ShardSource[]> } {
  const groups = new Map<string, ShardSource[]>();
  for (const s of sources) {
    const stage = stageOf(s);
    const group = groups.get(stage);
    if (group === undefined) groups.set(stage, [s]);
    else group.push(s);
  }
  const firstGroup = groups.get('');
  if (firstGroup === undefined) {
    const [stage, group] = [...groups][0];
    throw new UsageError(`${group[0].source}: a ${stage} shard; name also the folders of the first-round shards it was computed from (singularis reproduce <experiment> --shard i/N)`);
  }
  const first = checkShardSet(firstGroup);
  const stages = new Map<string, ShardSource[]>();
  for (const [stage, group] of groups) {
    if (stage === '') continue;
    let ordered: ShardSource[];
    try {
      ordered = checkShardSet(group);
    } catch (err) {
      if (err instanceof ShardError) throw new ShardError(err.reason, err.source, `${err.message.slice(err.source.length + 2)} (${stage} shards)`);
      throw err;
    }
    const meta = ordered[0].file.meta as { parent?: unknown; experiment?: unknown };
    const parent = first[0].file.fingerprint;
    if (meta.experiment !== (first[0].file.meta as { experiment?: unknown } | null)?.experiment || meta.parent !== parent) {
      throw new ShardError('plan', ordered[0].source, `a ${stage} shard of another run: it was computed from first-round shards with fingerprint ${String(meta.parent).slice(0, 12)}…, not from those given (${first[0].source}: ${parent.slice(0, 12)}…)`);
    }
    stages.set(stage, ordered);
  }
  return { first, stages };
}

/** The shard of a stage task: `--shard i/N`, else a scheduler's environment; a usage error when neither. */
function stageShard(text: string): ShardAssignment {
  try {
    if (text !== '') return { ...parseShardSpec(text, '--shard'), source: '--shard' };
    const scheduled = shardFromEnvironment(process.env);
    if (scheduled !== null) return scheduled;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  throw new UsageError('--stage needs --shard i/N (or a Slurm array task / Kubernetes indexed Job that gives it)');
}
