/**
 * ExpMsFEM (`singularis/msfem`, thesis Chapter 4) with the offline stage on worker threads: the
 * per-cell harmonic extensions and the per-edge oversampled eigenproblems (thesis §4.3,
 * (4.3.2)–(4.3.6)) are independent and run through {@link mapInWorkers}; the fine reference and the
 * online solves run in this thread. Every task runs the same functions as the serial `expMsfem`, on
 * the same coefficient arrays, so results are bit-identical for any number of workers.
 *
 * @module
 */
import { dirname, extname, join } from 'node:path';
import { checkInteger } from '../core/check';
import { InvalidArgumentError, InvalidTypeError, NumericalError } from '../core/errors';
import { progressSlice, RunWatch } from '../core/progress';
import { checkRunOptions, drive, type RunOptions } from '../core/run';
import type { ComplexColumnMatrix } from '../linalg/complexDense';
import type { EdgeBasis } from '../models/msfem/edgeBasis';
import { initExpMsfemWith, type MsfemResult } from '../models/msfem/expMsfem';
import { cellOperators } from '../models/msfem/localProblem';
import { buildCell, edgeCells, type CellData, type CellResult } from '../models/msfem/offline';
import { setupMsfem, type MsfemProblem, type MsfemSetup } from '../models/msfem/problem';
import { msfemEdgeResult, msfemTaskSpec, type MsfemOfflineTask } from '../models/msfem/tasks';
import type { MsfemTaskOutput } from './msfemTask';
import { mapInWorkers } from './workerMap';
import { WorkerPool, type WorkerMapResult } from './workerPool';

/**
 * The stages of a run, in order.
 * @example
 * ```ts
 * const stageOptions = (stage: MsfemStage) => ({ onProgress: (p: ProgressInfo) => console.log(stage, p.fraction) });
 * ```
 */
export type MsfemStage = 'cells' | 'edges' | 'online';

/**
 * Options of {@link expMsfemInWorkers}.
 * @example
 * ```ts
 * const options: MsfemWorkerOptions = { workers: 2, stageOptions: (stage) => ({ signal }) };
 * ```
 */
export interface MsfemWorkerOptions {
  /**
   * Worker threads (default 2); 1 runs every task in this thread (no workers started). Ignored
   * when `pool` is given.
   */
  workers?: number;
  /**
   * A pool from {@link msfemWorkerPool} to run the tasks on, left open for further runs (its workers
   * are loaded and warm). Default: a pool of `workers` threads started for this run, used by both
   * stages and closed at the end.
   */
  pool?: WorkerPool<MsfemOfflineTask, MsfemTaskOutput>;
  /**
   * Start a fresh pool for each stage (cells, then edges) instead of one for the run: the behavior
   * before the persistent pool, kept for measurements (default false).
   */
  poolPerStage?: boolean;
  /** Path or `file:` URL of the task module `msfemTask` (default: next to this module). */
  taskModule?: string | URL;
  /** Require hook for the workers (default `'tsx/cjs'` when the task module is a .ts file). */
  preload?: string;
  /**
   * Run options per stage (signal and progress of that stage, fraction in [0, 1] of the stage);
   * default: the run's options with progress mapped to [0, 0.2], [0.2, 0.9] and [0.9, 1].
   */
  stageOptions?: (stage: MsfemStage) => RunOptions;
}

const SLICES: Record<MsfemStage, [number, number]> = { cells: [0, 0.2], edges: [0.2, 0.9], online: [0.9, 1] };

function resolveTaskModule(options: Pick<MsfemWorkerOptions, 'taskModule' | 'preload'>): { module: string | URL; preload?: string } {
  let module = options.taskModule;
  if (module === undefined) {
    if (typeof __filename !== 'string') throw new InvalidArgumentError('workerOptions.taskModule', 'given when running as an ES module (the path of msfemTask.js)');
    module = join(dirname(__filename), `msfemTask${extname(__filename)}`);
  }
  const path = module instanceof URL ? module.pathname : module;
  return { module, preload: options.preload ?? (path.endsWith('.ts') ? 'tsx/cjs' : undefined) };
}

/**
 * A persistent {@link WorkerPool} on the task module of {@link expMsfemInWorkers}, to pass as
 * `workerOptions.pool` to any number of runs (of any problems): each worker loads the module and
 * warms up once. Close it when done.
 * @throws InvalidArgumentError for a bad worker count
 * @example
 * ```ts
 * const pool = msfemWorkerPool({ workers: 2 });
 * try {
 *   for (const coarse of [4, 8]) await expMsfemInWorkers({ ...problem, coarse }, {}, { pool });
 * } finally {
 *   await pool.close();
 * }
 * ```
 */
export function msfemWorkerPool(options: Pick<MsfemWorkerOptions, 'workers' | 'taskModule' | 'preload'> = {}): WorkerPool<MsfemOfflineTask, MsfemTaskOutput> {
  const workers = checkInteger('workers', options.workers ?? 2, 1, 1024);
  const { module, preload } = resolveTaskModule(options);
  return new WorkerPool<MsfemOfflineTask, MsfemTaskOutput>({ module, exportName: 'msfemTask', workers, preload });
}

/** Runs a stage's task list on workers. */
type StageMap = (tasks: MsfemOfflineTask[], run: RunOptions) => Promise<WorkerMapResult<MsfemTaskOutput>>;

/** A copy of `a` in shared memory: structured cloning to each task then costs nothing. */
function shared(a: Float64Array): Float64Array {
  const out = new Float64Array(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}

let runCounter = 0;

/**
 * Run a list of tasks on workers, or in this thread with one worker. Returns the outputs by task
 * index, or the stop reason; `done` counts the tasks completed before an abort on workers (not
 * necessarily the first ones).
 */
async function runStage<T extends MsfemOfflineTask, R>(
  tasks: T[],
  inThread: (task: T) => R,
  map: StageMap | undefined,
  run: RunOptions,
): Promise<{ results: R[]; done?: number; stop?: { status: 'aborted' | 'nonFinite'; message: string } }> {
  const results: R[] = [];
  if (map === undefined) {
    const watch = new RunWatch({ ...run, progressEvery: 1 });
    if (watch.aborted) return { results, stop: { status: 'aborted', message: 'aborted by the signal' } };
    for (let k = 0; k < tasks.length; k++) {
      try {
        results.push(inThread(tasks[k]));
      } catch (err) {
        if (!(err instanceof NumericalError)) throw err;
        return { results, stop: { status: 'nonFinite', message: err.message } };
      }
      if (watch.tick(k + 1, (k + 1) / tasks.length)) return { results, stop: { status: 'aborted', message: `aborted by the signal after ${k + 1} of ${tasks.length} ${tasks[0].kind} tasks` } };
    }
    return { results };
  }
  const mapped = await map(tasks, run);
  for (const out of mapped.results) {
    if (out === undefined) break;
    if ('numericalError' in out) return { results, stop: { status: 'nonFinite', message: out.numericalError } };
    results.push(out.data as R);
  }
  if (mapped.status === 'aborted') return { results, done: mapped.completed, stop: { status: 'aborted', message: `aborted by the signal after ${mapped.completed} of ${tasks.length} ${tasks[0]?.kind} tasks` } };
  return { results };
}

/** A result for a run stopped in the offline stage. */
function stopped(setup: MsfemSetup, cells: number, edges: number, seconds: number, stop: { status: 'aborted' | 'nonFinite'; message: string }): MsfemResult {
  const stepper = initExpMsfemWith(setup, { cells: [], edges: new Map(), seconds });
  stepper.stop(stop.status, stop.message);
  const result = stepper.result();
  result.stats.cells = cells;
  result.stats.edges = edges;
  return result;
}

/**
 * `expMsfem` (singularis/msfem) with the cell and edge problems of the offline stage on `workers` worker threads;
 * the same result to the last bit for any number of workers (the tasks run the serial code on the
 * same arrays). Progress and abort per stage (`stageOptions`) or over the whole run (`runOptions`,
 * mapped onto cells 0–20%, edges 20–90%, reference and online solves 90–100%); an abort stops
 * the run at once and returns `status: 'aborted'`. Both offline stages share one pool of workers
 * (started for the run, or the caller's `pool`, which stays open and usable after an abort). A fresh
 * worker costs about a second to load the module and warm up, so pass a {@link msfemWorkerPool} to
 * repeated runs; each worker builds the problem's setup once per run.
 *
 * @throws InvalidArgumentError / InvalidTypeError for bad input, before any work
 * @example
 * ```ts
 * const r = await expMsfemInWorkers({ coarse: 8, fine: 16, diffusion: 1, source: 1, modes: [1, 2, 3] }, {}, { workers: 2 });
 * r.final.eH;
 * ```
 */
export async function expMsfemInWorkers(problem: MsfemProblem, runOptions: RunOptions = {}, workerOptions: MsfemWorkerOptions = {}): Promise<MsfemResult> {
  checkRunOptions(runOptions);
  const workers = checkInteger('workerOptions.workers', workerOptions.workers ?? 2, 1, 1024);
  const given = workerOptions.pool;
  if (given !== undefined && !(given instanceof WorkerPool)) throw new InvalidTypeError('workerOptions.pool', 'a WorkerPool (see msfemWorkerPool)', given);
  if (given?.closed) throw new InvalidArgumentError('workerOptions.pool', 'open (close() was called)');
  const stage = workerOptions.stageOptions ?? ((s: MsfemStage) => progressSlice(runOptions, SLICES[s][0], SLICES[s][1]));
  const setup = setupMsfem(problem);
  let map: StageMap | undefined;
  let own: WorkerPool<MsfemOfflineTask, MsfemTaskOutput> | undefined;
  if (given !== undefined) map = (tasks, run) => given.map(tasks, run);
  else if (workers > 1 && workerOptions.poolPerStage === true) {
    const { module, preload } = resolveTaskModule(workerOptions);
    map = (tasks, run) => mapInWorkers<MsfemOfflineTask, MsfemTaskOutput>({ module, exportName: 'msfemTask', tasks, workers, preload, signal: run.signal, onProgress: run.onProgress });
  } else if (workers > 1) {
    const pool = (own = msfemWorkerPool({ ...workerOptions, workers }));
    map = (tasks, run) => pool.map(tasks, run);
  }
  try {
    return await offlineAndOnline(setup, map, stage);
  } finally {
    await own?.close();
  }
}

/** The two offline stages (on `map`, or in this thread) and the online stage. */
async function offlineAndOnline(setup: MsfemSetup, map: StageMap | undefined, stage: (s: MsfemStage) => RunOptions): Promise<MsfemResult> {
  const byEdge = edgeCells(setup);
  const interior = Uint8Array.from(byEdge, (c) => (c.length === 2 ? 1 : 0));
  const spec = msfemTaskSpec(setup, `msfem-${process.pid}-${++runCounter}-${Date.now()}`, map !== undefined ? shared : (a) => a);
  const t0 = performance.now();
  const cellTasks = Array.from({ length: setup.cells.coarse.elementCount }, (_, id): MsfemOfflineTask => ({ spec, kind: 'cell', id }));
  const cellsRun = await runStage<MsfemOfflineTask, CellResult | CellData>(cellTasks, (t) => buildCell(setup, t.id, (e) => interior[e] === 1), map, stage('cells'));
  if (cellsRun.stop !== undefined) return stopped(setup, cellsRun.done ?? cellsRun.results.length, 0, (performance.now() - t0) / 1000, cellsRun.stop);
  const cells: CellData[] = cellsRun.results.map((c) => ('local' in c ? c : { ...c, local: cellOperators(setup, c.cell) }));
  const edgeIds: number[] = [];
  byEdge.forEach((cs, e) => cs.length === 2 && edgeIds.push(e));
  const gramsOf = (e: number): ComplexColumnMatrix[] => Array.from(byEdge[e], (c) => cells[c].sides.find((s) => s.edge === e)!.gram);
  const edgeTasks = edgeIds.map((id): MsfemOfflineTask => ({ spec, kind: 'edge', id, grams: gramsOf(id) }));
  const edgesRun = await runStage<MsfemOfflineTask, EdgeBasis>(edgeTasks, (t) => msfemEdgeResult(setup, t.id, gramsOf(t.id)), map, stage('edges'));
  if (edgesRun.stop !== undefined) return stopped(setup, cells.length, edgesRun.done ?? edgesRun.results.length, (performance.now() - t0) / 1000, edgesRun.stop);
  const edges = new Map<number, EdgeBasis>();
  edgeIds.forEach((e, k) => edges.set(e, edgesRun.results[k]));
  const online = stage('online');
  return drive(initExpMsfemWith(setup, { cells, edges, seconds: (performance.now() - t0) / 1000 }), { ...online, progressEvery: online.progressEvery ?? 1 });
}
