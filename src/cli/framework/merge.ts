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
import { checkShardSet, parseShard, ShardError, type ShardSource } from '../../node/shards';
import type { AnyExperiment } from './experiment';
import { commonFlags } from './help';
import { prepareOutDir } from './outDir';
import { runWorker, usageFailure, type RegisteredExperiment } from './reproduce';
import { Terminal, guardPipes, writeOut } from './terminal';
import { EXIT, UsageError } from './usageError';

/** Shard files are named `<experiment>-shard-<i>-of-<N>.json`. */
export const SHARD_FILE_PATTERN = /-shard-\d+-of-\d+\.json$/;

const HELP = `Usage: singularis merge <folder or shard file>... --out <report folder> [--json] [--quiet] [--force]

Merge the shard files of one sharded run (written by 'singularis reproduce <experiment> --shard i/N',
or by a Slurm array task / Kubernetes indexed Job) and finish the run: the report, figures and JSON
are those of the same run on one machine, bit for bit.

  <folder or shard file>   folders are searched for files named <experiment>-shard-<i>-of-<N>.json
  --out <folder>           report folder (checked before any work; --force replaces another report)
  --workers <n>            worker threads for the parts computed while finishing (default: available parallelism)
  --json                   print one JSON object on stdout (tables go to stderr)
  --quiet                  no progress or tables
  --force                  replace a report already in --out

Example:
  singularis merge shards/ --out report/billiards
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
    writeOut(HELP);
    return EXIT.success;
  }
  const hint = 'See: singularis merge --help';
  const inputs: string[] = [];
  const options = { out: '', json: false, quiet: false, force: false, workers: availableParallelism() };
  try {
    for (let k = 0; k < argv.length; k++) {
      const a = argv[k];
      if (a === '--out') {
        const v = argv[++k];
        if (v === undefined || v === '') throw new UsageError('--out needs a folder (the report folder)');
        options.out = v;
      } else if (a === '--workers') {
        const v = argv[++k];
        if (v === undefined || !/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 256) throw new UsageError(`--workers must be an integer in [1, 256] (got ${JSON.stringify(v ?? '')})`);
        options.workers = Number(v);
      } else if (a === '--json' || a === '--quiet' || a === '--force') options[a.slice(2) as 'json' | 'quiet' | 'force'] = true;
      else if (a.startsWith('--')) throw new UsageError(`unknown flag ${a}; merge accepts --out, --workers, --json, --quiet, --force`);
      else inputs.push(a);
    }
    if (inputs.length === 0) throw new UsageError('name at least one folder or shard file');
    if (options.out === '') throw new UsageError('--out is required (the report folder)');
  } catch (err) {
    if (err instanceof UsageError) return usageFailure('singularis merge', err, argv, hint);
    throw err;
  }
  let def: AnyExperiment;
  let flags: Record<string, unknown>;
  let files: string[];
  try {
    files = collectShardFiles(inputs);
    const sources: ShardSource[] = files.map((f) => ({ source: f, file: parseShard(readFileSync(f, 'utf8'), f) }));
    checkShardSet(sources);
    const meta = sources[0].file.meta as { experiment?: unknown; flags?: unknown } | null;
    const name = typeof meta?.experiment === 'string' ? meta.experiment : '';
    const entry = Object.prototype.hasOwnProperty.call(registry, name) ? registry[name] : undefined;
    if (entry === undefined || typeof entry === 'function' || entry.shardOf === undefined) {
      throw new UsageError(`${sources[0].source}: the shards name experiment ${JSON.stringify(name)}, which does not merge shards`);
    }
    def = entry;
    const defaults = Object.fromEntries(Object.entries(commonFlags(def.name)).map(([k]) => [k, false]));
    flags = { ...defaults, ...(meta?.flags as Record<string, unknown>), shard: '', workers: options.workers, out: options.out, json: options.json, quiet: options.quiet, force: options.force, yes: true };
  } catch (err) {
    if (err instanceof ShardError) return usageFailure('singularis merge', new UsageError(err.message), argv, hint);
    if (err instanceof UsageError) return usageFailure('singularis merge', err, argv, hint);
    throw err;
  }
  let out;
  try {
    out = prepareOutDir(options.out, options.force);
  } catch (err) {
    if (err instanceof UsageError) return usageFailure('singularis merge', err, argv, hint);
    throw err;
  }
  const term = new Terminal({ json: options.json, quiet: options.quiet });
  term.note(`merge: ${files.length} shard files of ${def.name}; finishing the run into ${out.target}`);
  return runWorker(def, flags, out, term, { shardFiles: files });
}
