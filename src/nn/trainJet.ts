/**
 * Full-batch training of a {@link JetModel} for any {@link JetLoss} with Adam or L-BFGS, in the
 * library's run idiom (status, message, stats, saved parameter vectors, loss history).
 *
 * @module
 */
import { checkFunction, checkInteger, checkOneOf, checkPositive } from '../core/check';
import { InvalidTypeError } from '../core/errors';
import { RunWatch } from '../core/progress';
import { checkRunOptions, checkSaveAt, type RunOptions, type RunResult, type SavedState } from '../core/run';
import type { SolveStatus } from '../core/status';
import type { Vec } from '../core/types';
import { AdamMinimizer } from '../optim/adam';
import { LbfgsMinimizer } from '../optim/lbfgs';
import type { JetLoss } from './jetLoss';
import type { JetModel } from './jetModel';

/**
 * Problem of {@link trainJetModel}.
 * @example
 * ```ts
 * const problem: TrainJetOptions = { model, loss: mseLoss(targets), optimizer: 'lbfgs', iterations: 500 };
 * trainJetModel(problem);
 * ```
 */
export interface TrainJetOptions {
  /** The model (its `params` are trained in place). */
  model: JetModel;
  /** The loss evaluated at the model (forward pass; seeds the reverse pass). */
  loss: JetLoss;
  /** `'adam'` (default) or `'lbfgs'` (strong-Wolfe line search, memory 10). */
  optimizer?: 'adam' | 'lbfgs';
  /** Optimizer iterations (default 1000). */
  iterations?: number;
  /** Learning rate (default 1e-3 for Adam, 1 for L-BFGS). */
  lr?: number;
}

/**
 * The final state of {@link trainJetModel}.
 * @example
 * ```ts
 * const { params, loss }: TrainJetFinal = trainJetModel(problem).final;
 * ```
 */
export interface TrainJetFinal {
  /** A copy of the final parameters (also left in `model.params`). */
  params: Float64Array;
  /** The loss at the final parameters (the initial loss when no iteration was done). */
  loss: number;
}

/**
 * Result of {@link trainJetModel}: the shared run result (`saved` = parameter vectors at the
 * `saveAt` iteration counts, `history.loss` after every iteration). The model's parameters hold
 * the final iterate.
 * @example
 * ```ts
 * const r: TrainJetResult = trainJetModel(problem, { saveAt: [100] });
 * r.status; r.stats.nfev; r.saved[0].state; r.history.loss;
 * ```
 */
export type TrainJetResult = RunResult<TrainJetFinal, Float64Array, object, TrainJetHistory>;

/**
 * History of {@link trainJetModel}.
 * @example
 * ```ts
 * const { loss }: TrainJetHistory = trainJetModel(problem).history;
 * loss[loss.length - 1]; // the final loss
 * ```
 */
export interface TrainJetHistory {
  /** The loss at every iteration. */
  loss: number[];
}

/**
 * Full-batch minimization of `loss` over `model.params` (exact gradients from the jets' reverse
 * pass). A stalled L-BFGS (no decrease even along steepest descent) ends with `success` and a
 * message. `runOptions.saveAt` are iteration counts (integers in [0, iterations]). Deterministic.
 * Cost: iterations × (forward + backward) (× line-search trials).
 *
 * @example
 * ```ts
 * const r = trainJetModel({ model, loss: mseLoss(y), optimizer: 'adam', iterations: 2000 }, { saveAt: [500, 1000] });
 * r.status; r.final.loss; r.saved[0].state; // parameters after 500 iterations
 * ```
 */
export function trainJetModel(problem: TrainJetOptions, runOptions: RunOptions = {}): TrainJetResult {
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'a problem object { model, loss, … }', problem);
  checkRunOptions(runOptions);
  const { model, loss } = problem;
  if (model === null || typeof model !== 'object' || !(model.params instanceof Float64Array)) throw new InvalidTypeError('problem.model', 'a JetModel', model);
  checkFunction('problem.loss', loss);
  const options = problem;
  const optimizer = checkOneOf('problem.optimizer', options.optimizer ?? 'adam', ['adam', 'lbfgs'] as const);
  const iterations = checkInteger('problem.iterations', options.iterations ?? 1000, 0);
  const lr = checkPositive('problem.lr', options.lr ?? (optimizer === 'adam' ? 1e-3 : 1));
  const saveAt = checkSaveAt('runOptions.saveAt', runOptions.saveAt, 0, iterations);
  for (let q = 0; q < saveAt.length; q++) checkInteger(`runOptions.saveAt[${q}]`, saveAt[q], 0, iterations);
  const objective = (x: Vec, grad: Vec): number => {
    if (x !== model.params) model.params.set(x);
    const f = loss(model);
    model.backward(grad);
    return f;
  };
  const saved: SavedState<Float64Array>[] = [];
  if (saveAt.length > 0 && saveAt[0] === 0) saved.push({ t: 0, state: Float64Array.from(model.params) });
  const opt = optimizer === 'adam'
    ? new AdamMinimizer(objective, model.params, { lr })
    : new LbfgsMinimizer(objective, model.params, { lr, memory: 10, curvatureTolerance: 1e-32 });
  let status: SolveStatus = 'success';
  let message = `${iterations} iterations done`;
  let done = 0;
  const history = { loss: [] as number[] };
  const watch = new RunWatch(runOptions);
  for (let it = 0; it < iterations; it++) {
    if (watch.tick(it, it / iterations, undefined, { loss: opt.f })) {
      status = 'aborted';
      message = `aborted after ${it} iterations`;
      break;
    }
    const report = opt.step();
    if (report.status === 'nonFinite') {
      status = 'nonFinite';
      message = `non-finite loss at iteration ${it}; the last finite parameters are kept`;
      break;
    }
    done = it + 1;
    history.loss.push(opt.f);
    if (saved.length < saveAt.length && saveAt[saved.length] === done) saved.push({ t: done, state: Float64Array.from(opt.x) });
    if (report.status !== undefined) {
      message = `${optimizer} stopped after ${it + 1} iterations: ${report.message ?? report.status}`;
      break;
    }
  }
  model.params.set(opt.x);
  watch.finish(done, 1, undefined, { loss: opt.f });
  return {
    status,
    message,
    stats: { nsteps: done, naccept: done, nreject: 0, nfev: opt.nfev },
    final: { params: Float64Array.from(opt.x), loss: opt.f },
    saved,
    history,
  };
}
