/**
 * Training of a KAN in pykan's semantics (`KAN.train` 0.0.5 / `fit` HEAD; externally sourced, the
 * thesis gives no schedule): `steps` optimizer steps, each either one L-BFGS `.step()` — up to
 * `maxIterPerStep = 20` iterations with the strong-Wolfe line search, ending once the evaluations
 * of the step (counting the initial one, as torch does) reach `maxEvalPerStep = 25` — or one Adam
 * iteration; grid updates from the current batch every ⌊stopGridUpdateStep/gridUpdateNum⌋ steps
 * while `startGridUpdateStep ≤ step < stopGridUpdateStep`; loss MSE + λ·reg; train and test RMSE
 * (√MSE, what pykan logs as "loss") recorded after every step.
 *
 * Deviations from torch, documented: after a grid update or a new mini-batch the L-BFGS memory is
 * cleared (torch would pair gradients of different objectives); torch's redundant re-evaluation at
 * the start of every `.step()` is counted in the per-step budget but not performed.
 *
 * @module
 */
import { checkInteger, checkOneOf, checkPositive } from '../../core/check';
import { InvalidTypeError } from '../../core/errors';
import { RunWatch } from '../../core/progress';
import { checkRunOptions, checkSaveAt, type RunOptions, type RunResult, type SavedState } from '../../core/run';
import type { SolveStatus } from '../../core/status';
import type { DenseMatrix } from '../../core/types';
import { AdamMinimizer } from '../../optim/adam';
import { LbfgsMinimizer } from '../../optim/lbfgs';
import type { IterativeMinimizer } from '../../optim/types';
import { Rng } from '../../random/rng';
import type { Seed } from '../../random/seed';
import { updateGridFromSamples, type GridRefitReport, type GridUpdateOptions } from './gridRefit';
import { KanNetwork } from './network';
import { checkKanLabels, KanObjective } from './objective';
import { checkKanInput, forwardKan } from './propagation';
import type { RegularizationOptions } from './regularization';
import { KanWorkspace } from './workspace';

/**
 * A labelled data set (rows of inputs n_0 wide, labels n_L wide; test part optional).
 *
 * @example
 * ```ts
 * const data: KanDataset = { trainInput: X, trainLabel: Y, testInput: Xt, testLabel: Yt };
 * ```
 */
export interface KanDataset {
  /** Training inputs, rows × n_0. */
  trainInput: DenseMatrix;
  /** Training labels, rows × n_L. */
  trainLabel: DenseMatrix;
  /** Test inputs (optional). */
  testInput?: DenseMatrix;
  /** Test labels (required with testInput). */
  testLabel?: DenseMatrix;
}

/**
 * Options of {@link trainKan} (pykan `fit` names in parentheses; defaults as pykan).
 *
 * @example
 * ```ts
 * trainKan({ net, data, steps: 50, lamb: 1e-3, seed: 0 });
 * ```
 */
export interface TrainKanOptions extends RegularizationOptions, GridUpdateOptions {
  /** The network to train (modified in place). */
  net: KanNetwork;
  /** Training (and optional test) data. */
  data: KanDataset;
  /** `'lbfgs'` (default, `opt="LBFGS"`) or `'adam'`. */
  optimizer?: 'lbfgs' | 'adam';
  /** Optimizer steps in pykan units (`steps`, default 100). */
  steps?: number;
  /** Learning rate (`lr`; default 1 for L-BFGS, 1e-3 for Adam = torch's default). */
  lr?: number;
  /** Batch size (`batch`, default −1 = the whole training set). */
  batch?: number;
  /** Grid updates on (`update_grid`, default true). */
  updateGrid?: boolean;
  /** Number of grid updates (`grid_update_num`, default 10). */
  gridUpdateNum?: number;
  /** First step allowing grid updates (`start_grid_update_step`, default −1). */
  startGridUpdateStep?: number;
  /** Grid updates only before this step (`stop_grid_update_step`, default 50). */
  stopGridUpdateStep?: number;
  /** L-BFGS iterations per step (torch `max_iter`, default 20). */
  maxIterPerStep?: number;
  /** L-BFGS evaluations per step (torch `max_eval`, default 25). */
  maxEvalPerStep?: number;
  /** L-BFGS memory (torch `history_size`, default 10). */
  memory?: number;
  /** Seed of the mini-batch sampler (default 0). */
  seed?: Seed;
}

/** The state at the end of {@link trainKan}: the trained network (the same object) and its errors. */
export interface TrainKanFinal {
  /** The trained network (modified in place; the same object as `problem.net`). */
  net: KanNetwork;
  /** √MSE on the training set after the last step (before training when no step was done). */
  trainRmse: number;
  /** √MSE on the test set after the last step, or null without test data. */
  testRmse: number | null;
}

/** Per-step diagnostics of {@link trainKan} (equal-length columns). */
export interface TrainKanHistory {
  /** √MSE on the whole training set after each step. */
  trainRmse: number[];
  /** √MSE on the test set after each step (empty without test data). */
  testRmse: number[];
  /** reg (without λ) at the end of each step (0 when λ = 0). */
  regularization: number[];
}

/** Counters of {@link trainKan} besides the shared ones (`nsteps = naccept` pykan steps, `nfev` objective evaluations). */
export interface TrainKanStats {
  /** Optimizer iterations (L-BFGS inner iterations; = steps for Adam). */
  iterations: number;
}

/**
 * Result of {@link trainKan}: the shared run result (`saved` = parameter vectors at the `saveAt`
 * step counts) plus the grid-update reports. The network holds the final parameters.
 *
 * @example
 * ```ts
 * const r = trainKan({ net, data, steps: 20 });
 * r.status; r.stats.naccept; r.final.testRmse; r.history.trainRmse;
 * ```
 */
export interface TrainKanResult extends RunResult<TrainKanFinal, Float64Array, TrainKanStats, TrainKanHistory> {
  /** Every grid update: the step before which it ran and its least-squares report. */
  gridUpdates: Array<{
    /** The training step before which the grid update ran. */
    step: number;
    /** The least-squares report of the update. */
    report: GridRefitReport;
  }>;
  /** `'rankDeficient'` when any grid update had a rank-deficient least-squares fit. */
  leastSquaresStatus: 'success' | 'rankDeficient';
}

/**
 * Root-mean-square error √(mean over rows and outputs of (KAN(x) − y)²) of `net` on (X, Y).
 * O(rows·Σ_l n_l n_{l+1} k).
 *
 * @example
 * ```ts
 * kanRmse(net, data.testInput, data.testLabel);
 * ```
 */
export function kanRmse(net: KanNetwork, X: DenseMatrix, Y: DenseMatrix, ws?: KanWorkspace): number {
  if (!(net instanceof KanNetwork)) throw new InvalidTypeError('net', 'a KanNetwork', net);
  checkKanInput('X', net, X);
  checkKanLabels('Y', net, X, Y);
  const work = ws !== undefined && ws.fits(net) && ws.batch === X.rows ? ws : new KanWorkspace(net, X.rows, 0);
  const y = forwardKan(net, X, work, { trusted: true });
  let sum = 0;
  for (let t = 0; t < y.length; t++) {
    const d = y[t] - Y.data[t];
    sum += d * d;
  }
  return Math.sqrt(sum / y.length);
}

/**
 * Train `net` in place (module documentation for the exact semantics). Invalid options or data
 * throw before any work; numerical trouble ends the run with a status (`nonFinite`: the last
 * finite parameters are kept) and a stalled L-BFGS (no decrease even along steepest descent, the
 * precision limit) ends it with `success` and a message. Bit-reproducible for a given seed.
 *
 * @example
 * ```ts
 * const net = createKan({ shape: [2, 5, 1], intervals: 3, seed: 42 });
 * const r = trainKan({ net, data, steps: 50, lamb: 1e-3 }, { signal, onProgress });
 * r.status; r.final.testRmse; r.stats.nfev;
 * ```
 */
export function trainKan(problem: TrainKanOptions, runOptions: RunOptions = {}): TrainKanResult {
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'a problem object { net, data, … }', problem);
  checkRunOptions(runOptions);
  const options = problem;
  const { net, data } = problem;
  if (!(net instanceof KanNetwork)) throw new InvalidTypeError('problem.net', 'a KanNetwork', net);
  if (typeof data !== 'object' || data === null) throw new InvalidTypeError('problem.data', 'a KanDataset', data);
  const X = data.trainInput;
  checkKanInput('data.trainInput', net, X);
  checkKanLabels('data.trainLabel', net, X, data.trainLabel);
  const hasTest = data.testInput !== undefined;
  if (hasTest) {
    checkKanInput('data.testInput', net, data.testInput as DenseMatrix);
    checkKanLabels('data.testLabel', net, data.testInput as DenseMatrix, data.testLabel as DenseMatrix);
  }
  const optimizer = checkOneOf('options.optimizer', options.optimizer ?? 'lbfgs', ['lbfgs', 'adam'] as const);
  const steps = checkInteger('options.steps', options.steps ?? 100, 0);
  const lr = checkPositive('options.lr', options.lr ?? (optimizer === 'lbfgs' ? 1 : 1e-3));
  const batchOption = checkInteger('options.batch', options.batch ?? -1, -1, X.rows);
  if (batchOption === 0) checkInteger('options.batch', batchOption, 1);
  const batch = batchOption === -1 ? X.rows : batchOption;
  const updateGrid = options.updateGrid ?? true;
  const gridUpdateNum = checkInteger('options.gridUpdateNum', options.gridUpdateNum ?? 10, 1);
  const startGrid = checkInteger('options.startGridUpdateStep', options.startGridUpdateStep ?? -1);
  const stopGrid = checkInteger('options.stopGridUpdateStep', options.stopGridUpdateStep ?? 50, 0);
  const maxIter = checkInteger('options.maxIterPerStep', options.maxIterPerStep ?? 20, 1);
  const maxEval = checkInteger('options.maxEvalPerStep', options.maxEvalPerStep ?? Math.floor(maxIter * 1.25), 1);
  const gridOptions: GridUpdateOptions = { gridEps: options.gridEps, margin: options.margin };
  const objective = new KanObjective(net, X, data.trainLabel, { ...options, batch });
  const gridEvery = Math.max(1, Math.floor(stopGrid / gridUpdateNum));
  const rng = new Rng(options.seed ?? 0);
  const permutation = Int32Array.from({ length: X.rows }, (_, s) => s);
  const rows = new Int32Array(batch);
  const trainWs = new KanWorkspace(net, X.rows, 0);
  const testWs = hasTest ? new KanWorkspace(net, (data.testInput as DenseMatrix).rows, 0) : undefined;
  const saveAt = checkSaveAt('runOptions.saveAt', runOptions.saveAt, 0, steps);
  for (let q = 0; q < saveAt.length; q++) checkInteger(`runOptions.saveAt[${q}]`, saveAt[q], 0, steps);
  const history: TrainKanHistory = { trainRmse: [], testRmse: [], regularization: [] };
  const saved: SavedState<Float64Array>[] = [];
  const result = {
    status: 'success' as SolveStatus, message: `${steps} steps done`, steps: 0, iterations: 0,
    gridUpdates: [] as TrainKanResult['gridUpdates'], leastSquaresStatus: 'success' as TrainKanResult['leastSquaresStatus'],
  };
  if (saveAt.length > 0 && saveAt[0] === 0) saved.push({ t: 0, state: Float64Array.from(net.params) });
  const watch = new RunWatch({ progressEvery: 1, ...runOptions });
  const x0 = Float64Array.from(net.params);
  let opt: LbfgsMinimizer | AdamMinimizer | undefined;
  const makeOptimizer = (): LbfgsMinimizer | AdamMinimizer =>
    optimizer === 'lbfgs'
      ? new LbfgsMinimizer(objective.evaluate, net.params, { memory: options.memory ?? 10, lr, curvatureTolerance: 1e-32, lineSearch: { maxEvaluations: 25 } })
      : new AdamMinimizer(objective.evaluate, net.params, { lr });
  for (let step = 0; step < steps; step++) {
    if (watch.tick(step, step / steps, undefined, { trainRmse: history.trainRmse[step - 1] ?? NaN })) {
      result.status = 'aborted';
      result.message = `aborted after ${step} steps`;
      break;
    }
    let changed = false;
    if (batch < X.rows) {
      for (let s = 0; s < batch; s++) {
        const r = s + rng.integer(X.rows - s);
        const t = permutation[s]; permutation[s] = permutation[r]; permutation[r] = t;
        rows[s] = permutation[s];
      }
      objective.setRows(rows);
      changed = true;
    }
    if (opt !== undefined) net.params.set(opt.x);
    if (updateGrid && step % gridEvery === 0 && step < stopGrid && step >= startGrid) {
      const gridInput = batch < X.rows ? selectRows(X, rows) : X;
      const report = updateGridFromSamples(net, gridInput, gridOptions);
      result.gridUpdates.push({ step, report });
      if (report.status !== 'success') result.leastSquaresStatus = 'rankDeficient';
      changed = true;
    }
    if (opt === undefined) {
      opt = makeOptimizer();
    } else if (changed) {
      opt.x.set(net.params);
      opt.setObjective(objective.evaluate);
    }
    const minimizer: LbfgsMinimizer | AdamMinimizer = opt;
    const stop = runOneStep(minimizer, optimizer === 'lbfgs' ? maxIter : 1, maxEval);
    net.params.set(minimizer.x);
    result.iterations = minimizer.iterations;
    if (stop === 'nonFinite') {
      result.status = 'nonFinite';
      result.message = `non-finite objective at step ${step}; the last finite parameters are kept`;
      break;
    }
    result.steps = step + 1;
    history.trainRmse.push(kanRmse(net, X, data.trainLabel, trainWs));
    if (hasTest) history.testRmse.push(kanRmse(net, data.testInput as DenseMatrix, data.testLabel as DenseMatrix, testWs));
    history.regularization.push(objective.evaluatedAt(net.params) ? objective.lastRegularization : NaN);
    if (saved.length < saveAt.length && saveAt[saved.length] === step + 1) saved.push({ t: step + 1, state: Float64Array.from(net.params) });
    if (stop === 'stalled') {
      result.message = `L-BFGS made no further progress after ${step + 1} steps (precision limit)`;
      break;
    }
  }
  if (opt !== undefined) net.params.set(opt.x);
  else net.params.set(x0);
  watch.finish(result.steps, 1, undefined, { trainRmse: history.trainRmse[result.steps - 1] ?? NaN });
  const last = result.steps - 1;
  return {
    status: result.status,
    message: result.message,
    stats: { nsteps: result.steps, naccept: result.steps, nreject: 0, nfev: objective.evaluations, iterations: result.iterations },
    final: {
      net,
      trainRmse: last >= 0 ? history.trainRmse[last] : kanRmse(net, X, data.trainLabel, trainWs),
      testRmse: !hasTest ? null : last >= 0 ? history.testRmse[last] : kanRmse(net, data.testInput as DenseMatrix, data.testLabel as DenseMatrix, testWs),
    },
    saved,
    history,
    gridUpdates: result.gridUpdates,
    leastSquaresStatus: result.leastSquaresStatus,
  };
}

/** One pykan step: up to `maxIter` iterations while the step's evaluations (1 + …) stay < maxEval. */
function runOneStep(opt: IterativeMinimizer, maxIter: number, maxEval: number): 'ok' | 'nonFinite' | 'stalled' {
  const start = opt.nfev;
  for (let it = 0; it < maxIter; it++) {
    const report = opt.step();
    if (report.status === 'nonFinite') return 'nonFinite';
    if (report.status === 'diverged') return 'stalled';
    if (report.status !== undefined) return 'ok';
    if (1 + opt.nfev - start >= maxEval) break;
  }
  return 'ok';
}

/** The rows `rows` of X as a new matrix (for grid updates on a mini-batch). */
function selectRows(X: DenseMatrix, rows: Int32Array): DenseMatrix {
  const n = X.cols;
  const data = new Float64Array(rows.length * n);
  for (let s = 0; s < rows.length; s++) data.set(X.data.subarray(rows[s] * n, (rows[s] + 1) * n), s * n);
  return { rows: rows.length, cols: n, data };
}
