/**
 * The worker-thread side of `singularis reproduce`: runs the experiment and writes its report
 * into the temporary folder. The computation runs off the main thread so that the main thread
 * stays free to receive SIGINT/SIGTERM while a synchronous solver loop is busy: the main thread
 * raises a shared flag, which the experiment's progress callbacks poll (the library checks its
 * signal right after each progress report), and also posts an abort message for asynchronous
 * phases.
 *
 * @module
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { AnyExperiment, ExperimentContext, ExperimentOutcome } from './experiment';
import type { RunOptions } from '../../core/run';
import { writeReport, type RunRecord } from './reportWriter';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Shard mode: write the outcome's shard file atomically into the target folder; returns the record. */
function writeShardFile(data: WorkerData, experiment: string, outcome: ExperimentOutcome, seconds: number): RunRecord {
  let report = data.target;
  let status = outcome.status;
  let message = outcome.message;
  if (outcome.shardFile !== undefined) {
    report = join(data.target, outcome.shardFile.name);
    const temp = `${report}.partial-${process.pid}`;
    writeFileSync(temp, outcome.shardFile.text);
    renameSync(temp, report); // re-running a shard replaces its file with identical contents
  } else if (status === 'success') {
    status = 'error';
    message = 'the experiment returned no shard file in shard mode';
  }
  const seed = data.flags.seed;
  return {
    experiment,
    status,
    message,
    version: data.version,
    seed: typeof seed === 'number' || typeof seed === 'string' ? seed : null,
    flags: data.flags,
    completed: outcome.completed,
    seconds,
    report,
    result: outcome.result,
    figures: [],
    figureProblems: [],
  };
}

/** Data the main thread passes to the worker. */
export interface WorkerData {
  /** Marks the worker of the reproduce command. */
  kind: 'singularis-reproduce';
  /** Experiment name. */
  experiment: string;
  /** Validated flags. */
  flags: Record<string, unknown>;
  /** Temporary report folder. */
  temp: string;
  /** Final report folder (for the record). */
  target: string;
  /** Library version. */
  version: string;
  /** Shared Int32Array(1): non-zero once an interrupt was requested. */
  interrupt: SharedArrayBuffer;
  /** Shard mode: the shard to compute; the result is one shard file written into `target`. */
  shard?: { index: number; count: number; source: string };
  /** Merge mode: the shard files to merge (paths). */
  shardFiles?: string[];
  /** Stage mode (with `shard` and `shardFiles`): the later stage whose shard to compute. */
  stage?: string;
}

/** Messages from the worker. */
export type WorkerMessage =
  | { type: 'progress'; label: string; fraction: number }
  | { type: 'log'; text: string }
  | { type: 'note'; text: string }
  | { type: 'done'; record: RunRecord };

/** Minimum milliseconds between progress messages posted to the main thread. */
const POST_INTERVAL_MS = 100;

/**
 * Run the experiment in this worker and post its record.
 * @example
 * ```ts
 * if (!isMainThread && workerData?.kind === 'singularis-reproduce') await runInWorker(workerData, experiments);
 * ```
 */
export async function runInWorker(data: WorkerData, find: (name: string) => AnyExperiment | undefined): Promise<void> {
  const port = parentPort as MessagePort;
  const post = (m: WorkerMessage) => port.postMessage(m);
  const def = find(data.experiment);
  if (def === undefined) throw new Error(`unknown experiment ${data.experiment}`);
  const controller = new AbortController();
  const interrupt = new Int32Array(data.interrupt);
  const poll = () => {
    if (!controller.signal.aborted && Atomics.load(interrupt, 0) !== 0) controller.abort();
  };
  port.on('message', (m: { type?: string }) => {
    if (m?.type === 'abort') controller.abort();
  });
  port.unref();
  let lastPost = 0;
  const progress = (label: string, fraction: number) => {
    poll();
    const now = Date.now();
    if (now - lastPost < POST_INTERVAL_MS && fraction < 1) return;
    lastPost = now;
    post({ type: 'progress', label, fraction });
  };
  const ctx: ExperimentContext<Record<string, unknown>> = {
    flags: data.flags,
    quick: data.flags.quick === true,
    signal: controller.signal,
    get aborted() {
      poll();
      return controller.signal.aborted;
    },
    runOptions(label: string, from = 0, to = 1): RunOptions {
      return { signal: controller.signal, onProgress: (info) => progress(label, from + (to - from) * (Number.isFinite(info.fraction) ? info.fraction : 0)) };
    },
    progress,
    log: (text: string) => post({ type: 'log', text }),
    shard: data.shard,
    shardTexts: data.shardFiles?.map((source) => ({ source, text: readFileSync(source, 'utf8') })),
    stage: data.stage,
  };
  const started = Date.now();
  let outcome: ExperimentOutcome;
  try {
    outcome = await def.run(ctx as never);
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    outcome = { status: 'error', message, result: {}, summary: `The run stopped with an error: ${message}`, figures: [], completed: [] };
  }
  const seed = data.flags.seed;
  if (data.shard !== undefined) {
    post({ type: 'done', record: writeShardFile(data, def.name, outcome, (Date.now() - started) / 1000) });
    return;
  }
  const { record, notes } = await writeReport(data.temp, def.title, outcome, {
    experiment: def.name,
    status: outcome.status,
    message: outcome.message,
    version: data.version,
    seed: typeof seed === 'number' || typeof seed === 'string' ? seed : null,
    flags: data.flags,
    completed: outcome.completed,
    seconds: (Date.now() - started) / 1000,
    report: data.target,
    result: outcome.result,
  });
  for (const text of notes) post({ type: 'note', text });
  post({ type: 'done', record });
}
