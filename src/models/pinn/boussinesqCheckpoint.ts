/**
 * Checkpoints of the Boussinesq training (thesis Appendix B.4), so that resuming is bit-identical to an
 * uninterrupted run: in the Adam phase, the state between two epochs (θ with λ, Adam's gradient,
 * moments and counters, the generator state before the next epoch's points, history); in the
 * quasi-Newton phase, the state at a resampling restart (θ with λ, the inverse Hessian for SSBroyden1,
 * the generator state before the cycle's points, counters, history). Version 2 added the Adam-phase
 * checkpoints (fields `phase`, `epochs`, `adam`); version-1 files (quasi-Newton restarts only) are
 * still read.
 *
 * @module
 */
import type { QuasiNewtonCounters } from '../../optim/restartLoop';
import { count, countersAndRng, fail, header, numbers, object, parseJson } from './checkpointFields';

/** The oldest Boussinesq checkpoint version still read (version 1: quasi-Newton restarts only). */
const OLDEST_READABLE_VERSION = 1;

/**
 * The format tag of a Boussinesq checkpoint.
 * @example
 * ```ts
 * parseBoussinesqCheckpoint(text).format === BOUSSINESQ_CHECKPOINT_FORMAT; // true
 * ```
 */
export const BOUSSINESQ_CHECKPOINT_FORMAT = 'singularis/pinn-boussinesq-checkpoint';
/**
 * The current Boussinesq checkpoint version.
 * @example
 * ```ts
 * parseBoussinesqCheckpoint(text).version <= BOUSSINESQ_CHECKPOINT_VERSION; // newer files are refused
 * ```
 */
export const BOUSSINESQ_CHECKPOINT_VERSION = 2;

/** Weights of the terms of the Boussinesq loss, thesis (B.4.1). */
export interface BoussinesqWeights {
  /** Weight of the interior mean (0.1). */
  interior: number;
  /** Weight of the smoothness mean (0.1). */
  smoothness: number;
  /** Weight of the boundary terms (1). */
  boundary: number;
}

/** Unweighted components of the Boussinesq loss at an evaluation. */
export interface BoussinesqLossParts {
  /** Interior mean over the points and the six residuals of the squared residuals (the reference's "pde loss"). */
  interior: number;
  /** Smoothness mean over the points and the six residuals of |∇_z R_e|². */
  smoothness: number;
  /** Mean over the seven boundary conditions of their mean squared residuals. */
  boundary: number;
}

/** Loss history stored in a checkpoint. */
export interface BoussinesqCheckpointHistory {
  /** Loss per iteration. */
  loss: number[];
  /** λ per iteration. */
  lambda: number[];
  /** 0 for Adam, 1 for the quasi-Newton phase. */
  phase: number[];
}

/** The resolved settings of a Boussinesq run (every default filled in). */
export interface ResolvedBoussinesqProblem {
  /** Hidden widths of each network. */
  hidden: number[];
  /** Interior points per sample set. */
  interior: number;
  /** Points per boundary side. */
  sides: number;
  /** Smoothness points per sample set (0 = no smoothness term). */
  smoothness: number;
  /** z_max. */
  zMax: number;
  /** Adam epochs. */
  adamEpochs: number;
  /** Quasi-Newton iterations. */
  quasiNewtonIterations: number;
  /** Resampling period of the quasi-Newton phase. */
  resampleEvery: number;
  /** Quasi-Newton method. */
  method: 'ssbroyden1' | 'lbfgs';
  /** Initial λ. */
  lambda0: number;
  /** Adam learning rate of λ. */
  lambdaLr: number;
  /** Seed. */
  seed: number;
  /** Loss weights. */
  weights: BoussinesqWeights;
  /** Checkpoint period in quasi-Newton iterations (0 = none). */
  checkpointEvery: number;
}

/** The Adam state stored in an Adam-phase checkpoint (the iterate x is the checkpoint's `theta`). */
export interface BoussinesqAdamCheckpoint {
  /** The gradient the next epoch's step uses (evaluated on the last epoch's points). */
  g: number[];
  /** The loss at θ on the last epoch's points. */
  f: number;
  /** First-moment estimate. */
  m: number[];
  /** Second-moment estimate. */
  v: number[];
  /** Adam iterations done (= epochs). */
  iterations: number;
  /** Loss evaluations of the Adam phase so far. */
  nfev: number;
}

/**
 * A Boussinesq checkpoint (plain JSON data; numbers round-trip exactly through JSON).
 * @example
 * ```ts
 * trainBoussinesqProfile({ ...problem, checkpointEvery: 100, onCheckpoint: (c) => save(JSON.stringify(c)) });
 * ```
 */
export interface BoussinesqCheckpoint {
  /** Always {@link BOUSSINESQ_CHECKPOINT_FORMAT}. */
  format: typeof BOUSSINESQ_CHECKPOINT_FORMAT;
  /** {@link BOUSSINESQ_CHECKPOINT_VERSION} when written; a file of version 1 keeps its version when read. */
  version: number;
  /** The settings of the run (without callbacks). */
  problem: Omit<ResolvedBoussinesqProblem, 'checkpointEvery'>;
  /** 'adam': between two Adam epochs; 'quasiNewton': at a restart of the quasi-Newton phase (version-1 files read as such). */
  phase: 'adam' | 'quasiNewton';
  /** Adam epochs done. */
  epochs: number;
  /** Adam's state in phase 'adam'; null in phase 'quasiNewton'. */
  adam: BoussinesqAdamCheckpoint | null;
  /** Resampling cycle of the quasi-Newton phase (0 in phase 'adam'). */
  cycle: number;
  /** Quasi-Newton iterations done (0 in phase 'adam'). */
  iterations: number;
  /** Loss evaluations of the Adam phase (so far, in phase 'adam'). */
  adamNfev: number;
  /** Loss evaluations of the quasi-Newton phase so far. */
  nfev: number;
  /** Quasi-Newton counters (SSBroyden1; zeros for L-BFGS). */
  counters: QuasiNewtonCounters;
  /** Restarts at which H failed the Cholesky test. */
  choleskyResets: number;
  /** Generator state words before drawing this cycle's (phase 'adam': the next epoch's) points. */
  rng: number[];
  /** θ: network parameters, then λ. */
  theta: number[];
  /** Inverse Hessian, row-major (SSBroyden1 in phase 'quasiNewton'), or empty (L-BFGS, restarted at each cycle; phase 'adam'). */
  inverseHessian: number[];
  /** History so far. */
  history: BoussinesqCheckpointHistory;
}

/**
 * Validate a parsed Boussinesq checkpoint (format, version, shapes, finiteness, the consistency of the
 * phase with the counters and the history); throws `InvalidTypeError`/`InvalidArgumentError` naming the
 * first bad field. A version-1 file is returned with `phase: 'quasiNewton'`, `epochs` counted from its
 * history and `adam: null`. O(size).
 * @example
 * ```ts
 * const c = validateBoussinesqCheckpoint(JSON.parse(text));
 * ```
 */
export function validateBoussinesqCheckpoint(value: unknown): BoussinesqCheckpoint {
  const c = header(value, BOUSSINESQ_CHECKPOINT_FORMAT, 'Boussinesq checkpoint', BOUSSINESQ_CHECKPOINT_VERSION, OLDEST_READABLE_VERSION) as BoussinesqCheckpoint;
  const p = c.problem;
  const hidden = numbers('problem.hidden', p.hidden, undefined, true);
  if (hidden.length === 0 || hidden.some((w) => w < 1)) fail('problem.hidden', 'positive widths', hidden);
  if (p.method !== 'ssbroyden1' && p.method !== 'lbfgs') fail('problem.method', '"ssbroyden1" or "lbfgs"', p.method);
  const widths = [2, ...hidden, 1];
  let per = 0;
  for (let l = 0; l + 1 < widths.length; l++) per += (widths[l] + 1) * widths[l + 1];
  const n = 6 * per + 1;
  for (const k of ['cycle', 'iterations', 'adamNfev', 'nfev', 'choleskyResets'] as const) count(k, c[k]);
  countersAndRng(c.counters, c.rng);
  numbers('theta', c.theta, n);
  const h = c.history;
  object('history', h);
  const len = numbers('history.loss', h.loss).length;
  numbers('history.lambda', h.lambda, len);
  const phases = numbers('history.phase', h.phase, len, true);
  const adamEpochs = phases.reduce((a, v) => a + (v === 0 ? 1 : 0), 0);
  const v1 = c.version === 1;
  const phase = v1 ? 'quasiNewton' : c.phase;
  if (phase !== 'adam' && phase !== 'quasiNewton') fail('phase', '"adam" or "quasiNewton"', phase);
  const epochs = v1 ? adamEpochs : count('epochs', c.epochs);
  if (epochs > count('problem.adamEpochs', p.adamEpochs)) fail('epochs', `at most problem.adamEpochs = ${p.adamEpochs}`, epochs);
  if (phases.some((v, k) => v !== (k < epochs ? 0 : 1))) fail('history.phase', `${epochs} zeros (Adam epochs), then ones`, phases);
  numbers('inverseHessian', c.inverseHessian, p.method === 'ssbroyden1' && phase === 'quasiNewton' ? n * n : 0);
  if (phase === 'quasiNewton') {
    if (!v1 && c.adam !== null) fail('adam', 'null in phase "quasiNewton"', c.adam);
    return v1 ? { ...c, phase, epochs, adam: null } : c;
  }
  if (len !== epochs) fail('history.loss.length', `the ${epochs} Adam epochs in phase "adam"`, len);
  for (const k of ['cycle', 'iterations', 'nfev'] as const) if (c[k] !== 0) fail(k, '0 in phase "adam"', c[k]);
  object('adam', c.adam);
  const a = c.adam as BoussinesqAdamCheckpoint;
  numbers('adam.g', a.g, n);
  numbers('adam.m', a.m, n);
  const v = numbers('adam.v', a.v, n);
  const neg = v.findIndex((t) => t < 0);
  if (neg >= 0) fail(`adam.v[${neg}]`, 'a number >= 0', v[neg]);
  if (typeof a.f !== 'number' || !Number.isFinite(a.f)) fail('adam.f', 'a finite number', a.f);
  if (count('adam.iterations', a.iterations) !== epochs) fail('adam.iterations', `epochs = ${epochs}`, a.iterations);
  if (count('adam.nfev', a.nfev) < 1) fail('adam.nfev', 'an integer >= 1', a.nfev);
  return c;
}

/**
 * Parse and validate Boussinesq checkpoint text (JSON); text that is not JSON throws
 * `InvalidArgumentError` naming `checkpoint`.
 * @example
 * ```ts
 * const c = parseBoussinesqCheckpoint(readFileSync('bous.ckpt.json', 'utf8'));
 * ```
 */
export function parseBoussinesqCheckpoint(text: string): BoussinesqCheckpoint {
  return validateBoussinesqCheckpoint(parseJson(text, 'Boussinesq checkpoint'));
}

/** Settings that must agree between a checkpoint and the run resuming it (all but the quasi-Newton budget). */
export const BOUSSINESQ_RESUME_FIELDS = ['hidden', 'interior', 'sides', 'smoothness', 'zMax', 'adamEpochs', 'resampleEvery', 'method', 'lambda0', 'lambdaLr', 'seed', 'weights'] as const;
