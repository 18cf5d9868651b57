/**
 * `singularis reproduce [<experiment>] [flags]` — the main-thread side of the shared layer:
 * listing, `--help`, flag validation, the work estimate, the `--out` checks (all before any work),
 * then the run in a worker thread with SIGINT/SIGTERM turned into the run's abort signal,
 * progress on stderr, the atomic move of the report into place, the summary line and `--json`.
 *
 * @module
 */
import { Worker } from 'node:worker_threads';
import { parseFlags, type FlagSpecs } from './flags';
import { commonFlags, experimentHelp, experimentListing } from './help';
import type { AnyExperiment, ShardAssignment } from './experiment';
import { commitOutDir, discardOutDir, prepareOutDir, prepareShardDir, type PreparedOutDir } from './outDir';
import type { RunRecord } from './reportWriter';
import { Terminal, guardPipes, writeErr, writeOut } from './terminal';
import { EXIT, UsageError } from './usageError';
import { libraryVersion } from './version';
import type { WorkerData, WorkerMessage } from './worker';

/** A request estimated at more than this multiple of the default work needs `--yes`. */
export const WORK_LIMIT = 50;

/** The registry entry of one experiment. */
export type RegisteredExperiment = AnyExperiment;

/** Print a usage error (and, under `--json`, the one JSON object); returns exit code 2. */
export function usageFailure(command: string, err: UsageError, argv: readonly string[], hint: string): number {
  writeErr(`${command}: ${err.message}\n${hint}\n`);
  if (argv.includes('--json')) writeOut(`${JSON.stringify({ status: 'usage', message: err.message, version: libraryVersion() })}\n`);
  return EXIT.usage;
}

/** The entry of the worker thread: the CLI's own entry module. */
function workerEntry(): { url: URL; evalCode?: string } {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    // running from source under tsx: the worker registers tsx before loading the entry
    const entry = new URL('../index.ts', self).href;
    return { url: new URL(entry), evalCode: `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(entry)}); })` };
  }
  return { url: new URL(self) };
}

function abortCode(signal: NodeJS.Signals | null): number {
  return signal === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
}

/** How a run's output is placed: a report folder (default), a shard file, or a report from merged shards. */
export interface RunMode {
  /** Shard mode: the shard computed; `out.target` is the folder collecting shard files. */
  shard?: ShardAssignment;
  /** Merge mode: the shard files merged by the run. */
  shardFiles?: string[];
  /** Stage mode (with `shard` and `shardFiles`): the later sharded stage computed from the merged files. */
  stage?: string;
}

/** Run one checked experiment in a worker; resolves with the exit code. */
export function runWorker(def: AnyExperiment, flags: Record<string, unknown>, out: PreparedOutDir, term: Terminal, mode: RunMode = {}): Promise<number> {
  const interrupt = new SharedArrayBuffer(4);
  const data: WorkerData = { kind: 'singularis-reproduce', experiment: def.name, flags, temp: out.temp, target: out.target, version: libraryVersion(), interrupt, shard: mode.shard, shardFiles: mode.shardFiles, stage: mode.stage };
  const entry = workerEntry();
  const worker = entry.evalCode === undefined ? new Worker(entry.url, { workerData: data }) : new Worker(entry.evalCode, { eval: true, workerData: data });
  let received: NodeJS.Signals | null = null;
  return new Promise<number>((resolvePromise) => {
    let settled = false;
    const finish = (code: number) => {
      if (settled) return;
      settled = true;
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolvePromise(code);
    };
    const onSignal = (signal: NodeJS.Signals) => {
      if (received !== null) {
        term.error(`${signal} again: stopping at once without a report`);
        void worker.terminate();
        discardOutDir(out);
        finish(abortCode(signal));
        return;
      }
      received = signal;
      Atomics.store(new Int32Array(interrupt), 0, 1);
      worker.postMessage({ type: 'abort' });
      term.error(`${signal}: stopping at the next step and writing a partial report (send it again to quit at once)`);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') term.progress(m.label, m.fraction);
      else if (m.type === 'log') term.human(m.text);
      else if (m.type === 'note') term.note(m.text);
      else if (m.type === 'done') {
        void worker.terminate();
        finish(mode.shard === undefined ? conclude(def, m.record, out, flags, term, received) : concludeShard(mode.stage === undefined ? `reproduce ${def.name}` : `merge --stage ${mode.stage}`, m.record, out, flags, term, received));
      }
    });
    worker.on('exit', (code) => {
      if (settled) return;
      term.error(`reproduce ${def.name}: status error — the computation stopped (exit code ${code}) before writing its report`);
      discardOutDir(out);
      finish(EXIT.failure);
    });
    worker.on('error', (err) => {
      if (settled) return;
      term.error(`reproduce ${def.name}: status error — ${err instanceof Error ? err.message : String(err)}`);
      discardOutDir(out);
      finish(EXIT.failure);
    });
  });
}

/** Move the report into place, print the summary line and the JSON object; returns the exit code. */
function conclude(def: AnyExperiment, record: RunRecord, out: PreparedOutDir, flags: Record<string, unknown>, term: Terminal, signal: NodeJS.Signals | null): number {
  term.clearLine();
  try {
    commitOutDir(out, flags.force === true);
  } catch (err) {
    term.error(`reproduce ${def.name}: the report could not be moved to ${out.target} (${err instanceof Error ? err.message : String(err)}); it is in ${out.temp}`);
    record.report = out.temp;
  }
  const where = `report: ${record.report}`;
  if (record.status === 'success') term.note(`reproduce ${def.name}: success in ${record.seconds.toFixed(1)} s — ${where}`);
  else term.error(`reproduce ${def.name}: status ${record.status} — ${record.message} (partial report; completed: ${record.completed.join(', ') || 'nothing'}) — ${where}`);
  if (flags.json === true) term.jsonResult(record);
  if (record.status === 'success') return EXIT.success;
  if (record.status === 'aborted' && signal !== null) return abortCode(signal);
  return EXIT.failure;
}

/** Shard mode: no report to move; print where the shard file went. */
function concludeShard(label: string, record: RunRecord, out: PreparedOutDir, flags: Record<string, unknown>, term: Terminal, signal: NodeJS.Signals | null): number {
  term.clearLine();
  discardOutDir(out);
  if (record.status === 'success') term.note(`${label}: shard written in ${record.seconds.toFixed(1)} s — ${record.report}`);
  else term.error(`${label}: status ${record.status} — ${record.message} (no shard file written)`);
  if (flags.json === true) term.jsonResult(record);
  if (record.status === 'success') return EXIT.success;
  if (record.status === 'aborted' && signal !== null) return abortCode(signal);
  return EXIT.failure;
}

/** Relative work of a request against the defaults. */
function workRatio(def: AnyExperiment, flags: Record<string, unknown>, specs: FlagSpecs): number {
  const defaults = parseFlags([], specs).values;
  return def.estimate(flags as never) / def.estimate(defaults as never);
}

/**
 * The `reproduce` command.
 * @example
 * ```ts
 * process.exitCode = await reproduceCommand(['billiards', '--quick'], registry);
 * ```
 */
export async function reproduceCommand(argv: string[], registry: Record<string, RegisteredExperiment>): Promise<number> {
  guardPipes();
  const defs = Object.values(registry);
  const name = argv[0];
  if (name === undefined || name === '--help' || name === '-h') {
    writeOut(experimentListing(defs));
    return EXIT.success;
  }
  const entry = Object.prototype.hasOwnProperty.call(registry, name) ? registry[name] : undefined;
  if (entry === undefined) {
    return usageFailure('singularis reproduce', new UsageError(`unknown experiment ${JSON.stringify(name)}; available: ${Object.keys(registry).join(', ')}`), argv, 'List them with: singularis reproduce');
  }
  const def = entry;
  const specs = { ...def.flags, ...commonFlags(def.name) } as FlagSpecs;
  const command = `singularis reproduce ${def.name}`;
  const hint = `See: ${command} --help`;
  let flags: Record<string, unknown>;
  try {
    flags = parseFlags(argv.slice(1), specs).values;
    if (flags.help === true) {
      writeOut(experimentHelp(def));
      return EXIT.success;
    }
    def.check?.(flags as never);
    const ratio = workRatio(def, flags, specs);
    if (!Number.isFinite(ratio) || (ratio > WORK_LIMIT && flags.yes !== true)) {
      throw new UsageError(`this request is estimated at ${Number.isFinite(ratio) ? `about ${ratio.toPrecision(2)} times` : 'beyond any multiple of'} the work of the default run (the limit without --yes is ${WORK_LIMIT} times); pass --yes to run it anyway, or reduce the sizes`);
    }
  } catch (err) {
    if (err instanceof UsageError) return usageFailure(command, err, argv, hint);
    throw err;
  }
  let out: PreparedOutDir;
  let shard: ShardAssignment | null = null;
  try {
    shard = def.shardOf?.(flags as never, process.env) ?? null;
    out = shard === null ? prepareOutDir(flags.out as string, flags.force === true) : prepareShardDir(flags.out as string);
  } catch (err) {
    if (err instanceof UsageError) return usageFailure(command, err, argv, hint);
    throw err;
  }
  const term = new Terminal({ json: flags.json === true, quiet: flags.quiet === true });
  if (shard !== null) term.note(`reproduce ${def.name}: computing shard ${shard.index} of ${shard.count} (from ${shard.source}) into ${out.target}`);
  term.progress(`${def.name}: starting`, 0);
  return runWorker(def, flags, out, term, shard === null ? {} : { shard });
}
