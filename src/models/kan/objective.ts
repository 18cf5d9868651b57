/**
 * The training objective of a KAN on a labelled batch: MSE + λ·reg (pykan's `train`/`fit` loss),
 * as an `Objective` `(x, grad) => f` for the optimizers of src/optim.
 *
 * @module
 */
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { checkAllFinite } from '../../core/check';
import type { DenseMatrix, Vec } from '../../core/types';
import { KanNetwork } from './network';
import { backwardKan, checkKanInput, forwardKan } from './propagation';
import { regularizationTerm, resolveRegularization, type RegularizationOptions, type ResolvedRegularization } from './regularization';
import { KanWorkspace } from './workspace';

/**
 * Validate labels for inputs X: a DenseMatrix with X.rows rows, n_L columns and finite entries.
 *
 * @example
 * ```ts
 * checkKanLabels('trainLabel', net, X, Y);
 * ```
 */
export function checkKanLabels(name: string, net: KanNetwork, X: DenseMatrix, Y: DenseMatrix): void {
  if (typeof Y !== 'object' || Y === null || !(Y.data instanceof Float64Array)) throw new InvalidTypeError(name, 'a DenseMatrix { rows, cols, data: Float64Array }', Y);
  if (Y.rows !== X.rows) throw new InvalidArgumentError(`${name}.rows`, `the number of input rows ${X.rows}`, Y.rows);
  if (Y.cols !== net.outputDim) throw new InvalidArgumentError(`${name}.cols`, `the network output dimension ${net.outputDim}`, Y.cols);
  if (Y.data.length !== Y.rows * Y.cols) throw new InvalidTypeError(`${name}.data`, `a Float64Array of length ${Y.rows * Y.cols}`, Y.data);
  checkAllFinite(`${name}.data`, Y.data);
}

/**
 * MSE + λ·reg of `net` on the rows `rows` (default: all) of (X, Y), with its exact gradient.
 * `evaluate` copies x into `net.params` (unless x is `net.params` itself), so the network always
 * holds the last evaluated point. Cost per evaluation: one forward and one backward pass.
 *
 * @example
 * ```ts
 * const objective = new KanObjective(net, X, Y, { lamb: 1e-3 });
 * const result = lbfgs(objective.evaluate, Float64Array.from(net.params), { maxIterations: 100 });
 * ```
 */
export class KanObjective {
  /** The network whose parameters are optimized. */
  readonly net: KanNetwork;
  /** Workspace of the batch. */
  readonly ws: KanWorkspace;
  /** Regularization weights. */
  readonly weights: ResolvedRegularization;
  /** MSE of the last evaluation. */
  lastMse = NaN;
  /** reg (without λ) of the last evaluation (0 when λ = 0). */
  lastRegularization = 0;
  /** Number of evaluations so far. */
  evaluations = 0;
  /** The objective as a bound function, to pass to optimizers. */
  readonly evaluate: (x: Vec, grad: Vec) => number;
  private readonly X: DenseMatrix;
  private readonly Y: DenseMatrix;
  private rows: Int32Array;
  private readonly lastX: Vec;

  /**
   * @param net - network (its parameters are overwritten by every evaluation)
   * @param X - inputs, rows × n_0
   * @param Y - labels, rows × n_L
   * @param options - regularization weights and the batch size (default: every row)
   */
  constructor(net: KanNetwork, X: DenseMatrix, Y: DenseMatrix, options: RegularizationOptions & { batch?: number } = {}) {
    if (!(net instanceof KanNetwork)) throw new InvalidTypeError('net', 'a KanNetwork', net);
    checkKanInput('X', net, X);
    checkKanLabels('Y', net, X, Y);
    this.weights = resolveRegularization(options);
    const batch = options.batch ?? X.rows;
    if (!(Number.isInteger(batch) && batch >= 1 && batch <= X.rows)) throw new InvalidArgumentError('options.batch', `an integer in [1, ${X.rows}]`, batch);
    this.net = net;
    this.X = X;
    this.Y = Y;
    this.ws = new KanWorkspace(net, batch, 0);
    this.rows = Int32Array.from({ length: batch }, (_, s) => s);
    this.lastX = new Float64Array(net.params.length).fill(NaN);
    this.evaluate = (x: Vec, grad: Vec): number => this.value(x, grad);
  }

  /** Use the given rows of (X, Y) as the batch (length = batch size). */
  setRows(rows: Int32Array): void {
    if (!(rows instanceof Int32Array) || rows.length !== this.ws.batch) throw new InvalidTypeError('rows', `an Int32Array of length ${this.ws.batch}`, rows);
    for (let s = 0; s < rows.length; s++) if (!(rows[s] >= 0 && rows[s] < this.X.rows)) throw new InvalidArgumentError(`rows[${s}]`, `a row index in [0, ${this.X.rows})`, rows[s]);
    this.rows.set(rows);
    this.lastX.fill(NaN);
  }

  /** True when the last evaluation was at exactly `x` (bitwise), so `lastMse` belongs to x. */
  evaluatedAt(x: Vec): boolean {
    const last = this.lastX;
    for (let t = 0; t < x.length; t++) if (x[t] !== last[t]) return false;
    return true;
  }

  private value(x: Vec, grad: Vec): number {
    const net = this.net;
    if (x !== net.params) net.params.set(x);
    const ws = this.ws;
    const B = ws.batch;
    const nOut = net.outputDim;
    const w = this.weights;
    const regOn = w.lamb > 0;
    const y = forwardKan(net, this.X, ws, { rows: this.rows, statistics: regOn, trusted: true });
    const adj = ws.valueAdjoint[net.depth];
    const labels = this.Y.data;
    let sum = 0;
    const scale = 2 / (B * nOut);
    for (let s = 0; s < B; s++) {
      const r = this.rows[s] * nOut;
      for (let j = 0; j < nOut; j++) {
        const diff = y[s * nOut + j] - labels[r + j];
        sum += diff * diff;
        adj[s * nOut + j] = scale * diff;
      }
    }
    const mse = sum / (B * nOut);
    grad.fill(0);
    let reg = 0;
    if (regOn) reg = regularizationTerm(net, ws, w, grad);
    else for (let l = 0; l < net.depth; l++) ws.edgeSignWeight[l] = null;
    backwardKan(net, ws, grad, { accumulate: true });
    this.lastMse = mse;
    this.lastRegularization = reg;
    this.evaluations++;
    this.lastX.set(x);
    return mse + w.lamb * reg;
  }
}
