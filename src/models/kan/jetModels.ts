/**
 * A common face for the networks compared in the Chapter 3 experiments (thesis §3.4–3.5): a KAN or
 * a dense MLP (src/nn) with one scalar output, seen as a function u(x) of n_0 inputs with optional
 * input jets (∂u/∂x_d, ∂²u/∂x_d²), and a full-batch trainer (Adam or L-BFGS) for any loss of
 * those jets. The same loss code then drives both architectures, so the comparisons differ only
 * in the network.
 *
 * @module
 */
import { checkFunction, checkInteger, checkOneOf, checkPositive } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { RunWatch } from '../../core/progress';
import { checkRunOptions, checkSaveAt, type RunOptions, type RunResult, type SavedState } from '../../core/run';
import type { SolveStatus } from '../../core/status';
import type { DenseMatrix, Vec } from '../../core/types';
import { Mlp } from '../../nn/mlp';
import { backwardMlp, checkMlpInput, forwardMlp } from '../../nn/propagation';
import { MlpWorkspace, type MlpJetOrder } from '../../nn/workspace';
import { AdamMinimizer } from '../../optim/adam';
import { LbfgsMinimizer } from '../../optim/lbfgs';
import { KanNetwork } from './network';
import { backwardKan, checkKanInput, forwardKan } from './propagation';
import { KanWorkspace, type JetOrder } from './workspace';

/**
 * A scalar network u(x) evaluated on a fixed batch X with input jets up to `order`.
 * Layouts: `value[s]`, `first[s·D + d]` = ∂u/∂x_d, `second[s·D + d]` = ∂²u/∂x_d² (D = n_0).
 *
 * @example
 * ```ts
 * const model = kanJetModel(net, X, 2);
 * model.forward();
 * model.valueAdjoint.fill(0); model.secondAdjoint.set(residualWeights);
 * model.backward(grad);
 * ```
 */
export interface JetModel {
  /** The trainable parameter vector (the network's own array). */
  readonly params: Vec;
  /** Parameters that actually influence u (KAN: coefficients, w_b, w_s, biases; MLP: all). */
  readonly parameterCount: number;
  /** Samples in the batch. */
  readonly batch: number;
  /** D = n_0. */
  readonly directions: number;
  /** u on the batch (valid after {@link forward}). */
  readonly value: Vec;
  /** ∂u/∂x_d (order ≥ 1). */
  readonly first: Vec;
  /** ∂²u/∂x_d² (order 2). */
  readonly second: Vec;
  /** Adjoint of {@link value}, written by the loss before {@link backward}. */
  readonly valueAdjoint: Vec;
  /** Adjoint of {@link first}. */
  readonly firstAdjoint: Vec;
  /** Adjoint of {@link second}. */
  readonly secondAdjoint: Vec;
  /** Evaluate u and its jets at the current parameters. */
  forward(): void;
  /** Write ∂Loss/∂params into grad (overwrite) from the adjoints. */
  backward(grad: Vec): void;
}

/**
 * KAN view as a {@link JetModel} (the KAN workspace's output layout is the JetModel layout, so no
 * copies). O(1) setup plus one workspace.
 * @example
 * ```ts
 * const model = kanJetModel(createKan({ shape: [1, 10, 1], intervals: 20 }), X, 1);
 * ```
 */
export function kanJetModel(net: KanNetwork, X: DenseMatrix, order: JetOrder): JetModel {
  if (!(net instanceof KanNetwork)) throw new InvalidTypeError('net', 'a KanNetwork', net);
  if (net.outputDim !== 1) throw new InvalidArgumentError('net.shape', 'a network with one output', net.outputDim);
  checkKanInput('X', net, X);
  const ws = new KanWorkspace(net, X.rows, order);
  const L = net.depth;
  const count = net.parameterCount();
  return {
    params: net.params,
    parameterCount: count.coefficients + count.scales + count.bias,
    batch: X.rows,
    directions: ws.directions,
    value: ws.values[L],
    first: ws.first[L],
    second: ws.second[L],
    valueAdjoint: ws.valueAdjoint[L],
    firstAdjoint: ws.firstAdjoint[L],
    secondAdjoint: ws.secondAdjoint[L],
    forward: () => void forwardKan(net, X, ws, { trusted: true }),
    backward: (grad: Vec) => void backwardKan(net, ws, grad),
  };
}

/**
 * MLP view as a {@link JetModel}: copies the output channels into the JetModel layout after the
 * forward pass and the adjoints back before the reverse pass (O(batch·D)).
 * @example
 * ```ts
 * const model = mlpJetModel(initializeMlp(new Mlp([1, 20, 20, 1]), { seed: 0 }), X, 2);
 * ```
 */
export function mlpJetModel(net: Mlp, X: DenseMatrix, order: MlpJetOrder): JetModel {
  if (!(net instanceof Mlp)) throw new InvalidTypeError('net', 'an Mlp', net);
  if (net.outputDim !== 1) throw new InvalidArgumentError('net.widths', 'a network with one output', net.outputDim);
  checkMlpInput('X', net, X);
  const ws = new MlpWorkspace(net, X.rows, order);
  const B = X.rows;
  const D = ws.directions;
  const C = ws.channels;
  const L = net.depth;
  const value = new Float64Array(B);
  const first = new Float64Array(order >= 1 ? B * D : 0);
  const second = new Float64Array(order >= 2 ? B * D : 0);
  const valueAdjoint = new Float64Array(B);
  const firstAdjoint = new Float64Array(first.length);
  const secondAdjoint = new Float64Array(second.length);
  return {
    params: net.params,
    parameterCount: net.params.length,
    batch: B,
    directions: D,
    value, first, second, valueAdjoint, firstAdjoint, secondAdjoint,
    forward: () => {
      const out = forwardMlp(net, X, ws, { trusted: true });
      for (let s = 0; s < B; s++) {
        value[s] = out[s * C];
        for (let d = 0; d < D; d++) {
          first[s * D + d] = out[s * C + 1 + d];
          if (order === 2) second[s * D + d] = out[s * C + 1 + D + d];
        }
      }
    },
    backward: (grad: Vec) => {
      const adj = ws.adjoints[L];
      for (let s = 0; s < B; s++) {
        adj[s * C] = valueAdjoint[s];
        for (let d = 0; d < D; d++) {
          adj[s * C + 1 + d] = order >= 1 ? firstAdjoint[s * D + d] : 0;
          if (order === 2) adj[s * C + 1 + D + d] = secondAdjoint[s * D + d];
        }
      }
      backwardMlp(net, ws, grad);
    },
  };
}

/**
 * A loss of a {@link JetModel}: runs `model.forward()`, writes the adjoints, and returns the loss
 * value (the trainer then calls `model.backward`).
 */
export type JetLoss = (model: JetModel) => number;

/**
 * Mean squared error against targets y (length batch): loss = mean (u − y)². A {@link JetLoss}.
 * @example
 * ```ts
 * const loss = mseLoss(labels);
 * ```
 */
export function mseLoss(targets: Vec): JetLoss {
  return (model: JetModel): number => {
    model.forward();
    const B = model.batch;
    const u = model.value;
    const adj = model.valueAdjoint;
    let sum = 0;
    for (let s = 0; s < B; s++) {
      const r = u[s] - targets[s];
      sum += r * r;
      adj[s] = (2 * r) / B;
    }
    model.firstAdjoint.fill(0);
    model.secondAdjoint.fill(0);
    return sum / B;
  };
}

/** Problem of {@link trainJetModel}. */
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

/** The final state of {@link trainJetModel}. */
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
 */
export type TrainJetResult = RunResult<TrainJetFinal, Float64Array, object, TrainJetHistory>;

/** History of {@link trainJetModel}. */
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
