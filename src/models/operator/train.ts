/**
 * Supervised training of an FNO on input/output field pairs, in the run idiom of the library
 * (`initOperatorTraining → step() per epoch → result()`, one-call {@link trainOperator}): shuffled
 * mini-batches, the summed relative L2 (or H1) loss of neuraloperator, Adam/AdamW with a StepLR or
 * cosine schedule, and a `nonFinite` status when the loss or gradient stops being finite.
 *
 * @module
 */
import { checkInRange, checkInteger, checkNonNegative, checkOneOf, checkPositive } from '../../core/check';
import { InvalidTypeError } from '../../core/errors';
import { checkRunOptions, checkSaveAt, drive, emptyRunStats, type RunOptions, type RunResult, type RunStats, type Stepper } from '../../core/run';
import type { SolveStatus } from '../../core/status';
import { Fno, type FnoOptions } from '../../nn/fno';
import { h1Loss, lpLoss } from '../../nn/operatorLoss';
import { AdamWOptimizer, cosineAnnealingLr, stepLr } from '../../optim/adamw';
import { Rng } from '../../random/rng';

/** Input/output pairs on one grid: samples × channels × points, row-major. */
export interface OperatorData {
  /** Inputs, samples·inChannels·points values. */
  inputs: Float64Array;
  /** Outputs, samples·outChannels·points values. */
  outputs: Float64Array;
  /** Spatial shape ([n] or [n0, n1]). */
  shape: number[];
}

/** The training problem of {@link trainOperator}. */
export interface OperatorTrainingProblem {
  /** The architecture. */
  fno: FnoOptions;
  /** Training pairs. */
  train: OperatorData;
  /** Test pairs (evaluated after every epoch; optional). */
  test?: OperatorData;
  /** Epochs (the run's time variable). */
  epochs: number;
  /** Mini-batch size (default 20). */
  batchSize?: number;
  /** Initial learning rate (default 1e-3). */
  lr?: number;
  /** Weight decay (default 1e-4). */
  weightDecay?: number;
  /** Decoupled decay (AdamW, default false: Adam with L2 decay as the original FNO code). */
  decoupled?: boolean;
  /** Learning-rate schedule per epoch (default none). */
  schedule?: {
    /** StepLR: multiply the rate by gamma every stepSize epochs. */
    kind: 'step';
    /** Epochs between decays. */
    stepSize: number;
    /** Decay factor in (0, 1]. */
    gamma: number;
  } | {
    /** Cosine annealing from lr to etaMin over tMax epochs. */
    kind: 'cosine';
    /** Half period in epochs. */
    tMax: number;
    /** Smallest rate (default 0). */
    etaMin?: number;
  };
  /** Training loss: relative `'l2'` (default) or relative `'h1'`. */
  loss?: 'l2' | 'h1';
  /** Seed of the initialization and of the shuffling. */
  seed: number | string;
  /** Start from these parameters instead of a fresh initialization. */
  theta0?: Float64Array;
}

/** Per-epoch diagnostics (columns of equal length). */
export interface OperatorTrainingHistory {
  /** Epoch number (1-based). */
  epoch: number[];
  /** Mean per-sample training loss during the epoch. */
  trainLoss: number[];
  /** Mean per-sample relative L2 test error after the epoch (NaN without test data). */
  testRelL2: number[];
  /** Learning rate used in the epoch. */
  lr: number[];
  /** Wall-clock seconds of the epoch (diagnostic only). */
  seconds: number[];
}

/** Result of {@link trainOperator}: final = the trained parameters and the network. */
export type OperatorTrainingResult = RunResult<{
  /** The network (architecture and work buffers). */
  fno: Fno;
  /** The trained parameters. */
  theta: Float64Array;
}, Float64Array, object, OperatorTrainingHistory>;

function checkData(name: string, d: OperatorData, fno: Fno): { samples: number; P: number } {
  if (d === null || typeof d !== 'object') throw new InvalidTypeError(name, 'an object { inputs, outputs, shape }', d);
  if (!Array.isArray(d.shape) || d.shape.length !== fno.dim) throw new InvalidTypeError(`${name}.shape`, `an array of ${fno.dim} sizes`, d.shape);
  fno.convs[0].planeShape(`${name}.shape`, d.shape);
  const P = d.shape.reduce((a, b) => a * b, 1);
  const ci = fno.options.inChannels, co = fno.options.outChannels;
  if (!(d.inputs instanceof Float64Array) || d.inputs.length === 0 || d.inputs.length % (ci * P) !== 0) throw new InvalidTypeError(`${name}.inputs`, `a Float64Array of length samples·${ci * P}`, d.inputs);
  const samples = d.inputs.length / (ci * P);
  if (!(d.outputs instanceof Float64Array) || d.outputs.length !== samples * co * P) throw new InvalidTypeError(`${name}.outputs`, `a Float64Array of length ${samples * co * P}`, d.outputs);
  return { samples, P };
}

/**
 * Mean per-sample relative L2 error of an FNO on a dataset. O(samples · forward).
 * @example
 * ```ts
 * const err = evaluateOperator(fno, theta, { inputs, outputs, shape: [256] });
 * ```
 */
export function evaluateOperator(fno: Fno, theta: Float64Array, data: OperatorData): number {
  const { samples, P } = checkData('data', data, fno);
  const ci = fno.options.inChannels, co = fno.options.outChannels;
  const y = new Float64Array(co * P);
  let s = 0;
  for (let k = 0; k < samples; k++) {
    fno.forward(theta, data.inputs.subarray(k * ci * P, (k + 1) * ci * P), data.shape, y);
    s += lpLoss(y, data.outputs.subarray(k * co * P, (k + 1) * co * P), { shape: data.shape, channels: co }) / co;
  }
  return s / samples;
}

/**
 * Build a training run (validates everything, initializes, does not train). The run's time is the
 * epoch count; `saveAt` epochs record copies of the parameters in `saved`. Each `step()` is one
 * epoch over shuffled mini-batches; the gradient of the summed per-sample loss of a batch is
 * applied by one Adam(W) update.
 * @example
 * ```ts
 * const run = initOperatorTraining({ fno: { nModes: [16], inChannels: 1, outChannels: 1, hiddenChannels: 32 }, train, test, epochs: 50, seed: 1 });
 * while (run.step()) console.log(run.t, run.result().history.testRelL2.at(-1));
 * ```
 */
export function initOperatorTraining(problem: OperatorTrainingProblem, runOptions: RunOptions = {}): Stepper<OperatorTrainingResult> {
  checkRunOptions(runOptions);
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'an object', problem);
  const fno = new Fno(problem.fno);
  const tr = checkData('problem.train', problem.train, fno);
  if (problem.test) checkData('problem.test', problem.test, fno);
  const epochs = checkInteger('problem.epochs', problem.epochs, 1);
  const batch = checkInteger('problem.batchSize', problem.batchSize ?? 20, 1);
  const lr0 = checkPositive('problem.lr', problem.lr ?? 1e-3);
  const wd = checkNonNegative('problem.weightDecay', problem.weightDecay ?? 1e-4);
  const lossKind = checkOneOf('problem.loss', problem.loss ?? 'l2', ['l2', 'h1'] as const);
  const sched = problem.schedule;
  if (sched !== undefined) {
    const kind = checkOneOf('problem.schedule.kind', sched.kind, ['step', 'cosine'] as const);
    if (kind === 'step') { checkInteger('problem.schedule.stepSize', (sched as { stepSize: number }).stepSize, 1); checkInRange('problem.schedule.gamma', (sched as { gamma: number }).gamma, 0, 1); }
    else checkInteger('problem.schedule.tMax', (sched as { tMax: number }).tMax, 1);
  }
  const saveAt = checkSaveAt('runOptions.saveAt', runOptions.saveAt, 0, epochs);
  const saved: { t: number; state: Float64Array }[] = [];
  let nextSave = 0;
  const rng = new Rng(problem.seed);
  let theta: Float64Array;
  if (problem.theta0 !== undefined) {
    if (!(problem.theta0 instanceof Float64Array) || problem.theta0.length !== fno.parameterCount) throw new InvalidTypeError('problem.theta0', `a Float64Array of length ${fno.parameterCount}`, problem.theta0);
    theta = Float64Array.from(problem.theta0);
  } else theta = fno.initialize(rng);
  const opt = new AdamWOptimizer(fno.parameterCount, { weightDecay: wd, decoupled: problem.decoupled ?? false });
  const ci = fno.options.inChannels, co = fno.options.outChannels, P = tr.P, shape = problem.train.shape;
  const grad = new Float64Array(fno.parameterCount), gy = new Float64Array(co * P), y = new Float64Array(co * P);
  const lastGood = Float64Array.from(theta);
  const order = Int32Array.from({ length: tr.samples }, (_, i) => i);
  const history: OperatorTrainingHistory = { epoch: [], trainLoss: [], testRelL2: [], lr: [], seconds: [] };
  const stats: RunStats = emptyRunStats();
  let status: SolveStatus | 'running' = 'running';
  let message = '';
  let epoch = 0;
  const lrAt = (e: number): number => (sched === undefined ? lr0 : sched.kind === 'step' ? stepLr(lr0, e, sched.stepSize, sched.gamma) : cosineAnnealingLr(lr0, e, sched.tMax, sched.etaMin ?? 0));

  const finish = (s: SolveStatus, m: string): void => { status = s; message = m; };
  const stepper: Stepper<OperatorTrainingResult> = {
    get status() { return status; },
    get t() { return epoch; },
    get fraction() { return epoch / epochs; },
    get stats() { return stats; },
    step(): boolean {
      if (status !== 'running') return false;
      const t0 = performance.now();
      const lr = lrAt(epoch);
      for (let i = order.length - 1; i > 0; i--) { const j = rng.integer(i + 1); const t = order[i]; order[i] = order[j]; order[j] = t; }
      let total = 0;
      for (let b0 = 0; b0 < order.length; b0 += batch) {
        grad.fill(0);
        for (let q = b0; q < Math.min(order.length, b0 + batch); q++) {
          const k = order[q];
          fno.forward(theta, problem.train.inputs.subarray(k * ci * P, (k + 1) * ci * P), shape, y);
          const target = problem.train.outputs.subarray(k * co * P, (k + 1) * co * P);
          total += lossKind === 'l2' ? lpLoss(y, target, { shape, channels: co }, gy) : h1Loss(y, target, { shape, channels: co }, gy);
          fno.backward(theta, gy, grad);
          stats.nfev++;
        }
        let finite = Number.isFinite(total);
        for (let i = 0; finite && i < grad.length; i++) finite = Number.isFinite(grad[i]);
        if (!finite) {
          theta.set(lastGood);
          stats.nsteps++;
          stats.nreject++;
          finish('nonFinite', `the loss or its gradient became non-finite in epoch ${epoch + 1}; parameters restored to the end of epoch ${epoch}`);
          return false;
        }
        opt.step(theta, grad, lr);
      }
      lastGood.set(theta);
      epoch++;
      stats.nsteps++;
      stats.naccept++;
      history.epoch.push(epoch);
      history.trainLoss.push(total / (order.length * co));
      history.testRelL2.push(problem.test ? evaluateOperator(fno, theta, problem.test) : NaN);
      history.lr.push(lr);
      history.seconds.push((performance.now() - t0) / 1000);
      while (nextSave < saveAt.length && saveAt[nextSave] <= epoch) { saved.push({ t: saveAt[nextSave], state: Float64Array.from(theta) }); nextSave++; }
      if (epoch >= epochs) finish('success', `trained ${epochs} epochs`);
      return status === 'running';
    },
    stop(s: SolveStatus, m: string): void { if (status === 'running') finish(s, m); },
    progressExtras: () => ({ trainLoss: history.trainLoss.at(-1) ?? NaN, testRelL2: history.testRelL2.at(-1) ?? NaN }),
    result(): OperatorTrainingResult {
      return { status: status === 'running' ? 'maxSteps' : status, message: status === 'running' ? `stopped after ${epoch} of ${epochs} epochs` : message, stats: { ...stats }, final: { fno, theta: Float64Array.from(theta) }, saved, history };
    },
  };
  return stepper;
}

/**
 * Train an FNO: `drive(initOperatorTraining(problem, runOptions), runOptions)`.
 * @example
 * ```ts
 * const res = trainOperator({ fno, train, test, epochs: 50, seed: 1, schedule: { kind: 'step', stepSize: 100, gamma: 0.5 } });
 * res.history.testRelL2.at(-1);
 * ```
 */
export function trainOperator(problem: OperatorTrainingProblem, runOptions: RunOptions = {}): OperatorTrainingResult {
  return drive(initOperatorTraining(problem, runOptions), runOptions);
}
