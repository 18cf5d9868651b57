/**
 * A pykan-shaped `fit`: the training call of pykan's `MultKAN.fit(dataset, opt, steps, lamb, …)`
 * with its option names and meanings, on this library's trainer (`trainKan`). The dataset is
 * pykan's dictionary (`train_input`, `train_label`, `test_input`, `test_label`, as row-major
 * matrices), and the result carries pykan's `train_loss`, `test_loss` and `reg` lists beside the
 * library's run result. Differences from pykan's defaults are listed in docs/kan-from-pykan.md.
 *
 * @module
 */
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { RunOptions } from '../../core/run';
import type { DenseMatrix } from '../../core/types';
import type { Seed } from '../../random/seed';
import type { KanNetwork } from './network';
import { trainKan, type TrainKanOptions, type TrainKanResult } from './training';

/** pykan's dataset dictionary. */
export interface PykanDataset {
  /** Training inputs, rows × n_0. */
  train_input: DenseMatrix;
  /** Training labels, rows × n_L. */
  train_label: DenseMatrix;
  /** Test inputs (optional here; required by pykan). */
  test_input?: DenseMatrix;
  /** Test labels. */
  test_label?: DenseMatrix;
}

/** The options of pykan's `fit`, with pykan's names and meanings. */
export interface PykanFitOptions {
  /** `"LBFGS"` (default) or `"Adam"`. */
  opt?: 'LBFGS' | 'Adam';
  /** Optimizer steps (default 100). */
  steps?: number;
  /** Overall regularization weight λ (default 0). */
  lamb?: number;
  /** L1 weight inside the regularizer (default 1). */
  lamb_l1?: number;
  /** Entropy weight (default 2). */
  lamb_entropy?: number;
  /** Coefficient-magnitude weight (default 0). */
  lamb_coef?: number;
  /** Coefficient-difference weight (default 0). */
  lamb_coefdiff?: number;
  /** Update grids from the data during training (default true). */
  update_grid?: boolean;
  /** Number of grid updates (default 10). */
  grid_update_num?: number;
  /** First step allowing grid updates (default −1). */
  start_grid_update_step?: number;
  /** Grid updates only before this step (default 50). */
  stop_grid_update_step?: number;
  /** Batch size, −1 for the whole training set (default −1). */
  batch?: number;
  /** Learning rate (default 1 for LBFGS; pykan's 1 for Adam too — pass 1e-3 or similar for Adam). */
  lr?: number;
  /** Seed of the mini-batch sampler (pykan uses the global torch seed). */
  seed?: Seed;
}

/** pykan's results dictionary, beside this library's run result. */
export interface PykanFitResult {
  /** √MSE on the training set after each step (pykan `results['train_loss']`). */
  train_loss: number[];
  /** √MSE on the test set after each step (pykan `results['test_loss']`). */
  test_loss: number[];
  /** The regularizer after each step (pykan `results['reg']`). */
  reg: number[];
  /** The full run result of `trainKan` (status, message, stats, history, grid updates). */
  run: TrainKanResult;
}

const KNOWN: readonly string[] = [
  'opt', 'steps', 'lamb', 'lamb_l1', 'lamb_entropy', 'lamb_coef', 'lamb_coefdiff', 'update_grid',
  'grid_update_num', 'start_grid_update_step', 'stop_grid_update_step', 'batch', 'lr', 'seed',
];

/**
 * Train `net` in place as pykan's `model.fit(dataset, …)` does (module documentation). Unknown
 * option names (a pykan option this library does not have, such as `loss_fn` or `save_fig`) are
 * refused by name rather than ignored.
 *
 * @example
 * ```ts
 * const net = createKan({ shape: [2, 5, 1], intervals: 3, seed: 0 });
 * const results = fit(net, dataset, { opt: 'LBFGS', steps: 50, lamb: 0.01 });
 * results.train_loss.at(-1); results.run.status;
 * ```
 */
export function fit(net: KanNetwork, dataset: PykanDataset, options: PykanFitOptions = {}, runOptions: RunOptions = {}): PykanFitResult {
  if (dataset === null || typeof dataset !== 'object') throw new InvalidTypeError('dataset', "pykan's dataset dictionary { train_input, train_label, test_input?, test_label? }", dataset);
  if (options === null || typeof options !== 'object') throw new InvalidTypeError('options', 'an object of pykan fit options', options);
  for (const key of Object.keys(options)) {
    if (!KNOWN.includes(key)) throw new InvalidArgumentError(`options.${key}`, `one of the supported pykan fit options (${KNOWN.join(', ')})`, key);
  }
  const opt = options.opt ?? 'LBFGS';
  if (opt !== 'LBFGS' && opt !== 'Adam') throw new InvalidArgumentError('options.opt', '"LBFGS" or "Adam"', opt);
  const problem: TrainKanOptions = {
    net,
    data: { trainInput: dataset.train_input, trainLabel: dataset.train_label, testInput: dataset.test_input, testLabel: dataset.test_label },
    optimizer: opt === 'LBFGS' ? 'lbfgs' : 'adam',
    steps: options.steps,
    lamb: options.lamb,
    lambL1: options.lamb_l1,
    lambEntropy: options.lamb_entropy,
    lambCoef: options.lamb_coef,
    lambCoefDiff: options.lamb_coefdiff,
    updateGrid: options.update_grid,
    gridUpdateNum: options.grid_update_num,
    startGridUpdateStep: options.start_grid_update_step,
    stopGridUpdateStep: options.stop_grid_update_step,
    batch: options.batch,
    lr: options.lr ?? 1,
    seed: options.seed,
  };
  const run = trainKan(problem, runOptions);
  return { train_loss: run.history.trainRmse.slice(), test_loss: run.history.testRmse.slice(), reg: run.history.regularization.slice(), run };
}
