/**
 * Checkpoints of the Boussinesq training (thesis Appendix B.4): the state of the quasi-Newton phase at
 * a resampling restart (θ with λ, the inverse Hessian for SSBroyden1, the generator state before the
 * cycle's points, counters, history), so that resuming is bit-identical to an uninterrupted run. The
 * Adam phase keeps its moment estimates inside the optimizer and is not checkpointed: a run resumes at
 * the switch to the quasi-Newton phase or at a later restart.
 *
 * @module
 */
import type { QuasiNewtonCounters } from '../../optim/restartLoop';
import { count, countersAndRng, fail, header, numbers, object, parseJson } from './checkpointFields';

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
export const BOUSSINESQ_CHECKPOINT_VERSION = 1;

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
  /** Interior mean of the sum of the six squared residuals (the reference's "pde loss"). */
  interior: number;
  /** Smoothness mean of Σ|∇_z R|². */
  smoothness: number;
  /** Sum of the boundary means. */
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
  /** Always {@link BOUSSINESQ_CHECKPOINT_VERSION}. */
  version: number;
  /** The settings of the run (without callbacks). */
  problem: Omit<ResolvedBoussinesqProblem, 'checkpointEvery'>;
  /** Resampling cycle of the quasi-Newton phase. */
  cycle: number;
  /** Quasi-Newton iterations done. */
  iterations: number;
  /** Loss evaluations of the Adam phase. */
  adamNfev: number;
  /** Loss evaluations of the quasi-Newton phase so far. */
  nfev: number;
  /** Quasi-Newton counters (SSBroyden1; zeros for L-BFGS). */
  counters: QuasiNewtonCounters;
  /** Restarts at which H failed the Cholesky test. */
  choleskyResets: number;
  /** Generator state words before drawing this cycle's points. */
  rng: number[];
  /** θ: network parameters, then λ. */
  theta: number[];
  /** Inverse Hessian, row-major (SSBroyden1), or empty (L-BFGS, restarted at each cycle). */
  inverseHessian: number[];
  /** History so far. */
  history: BoussinesqCheckpointHistory;
}

/**
 * Validate a parsed Boussinesq checkpoint (format, version, shapes, finiteness); throws
 * `InvalidTypeError`/`InvalidArgumentError` naming the first bad field. O(size).
 * @example
 * ```ts
 * const c = validateBoussinesqCheckpoint(JSON.parse(text));
 * ```
 */
export function validateBoussinesqCheckpoint(value: unknown): BoussinesqCheckpoint {
  const c = header(value, BOUSSINESQ_CHECKPOINT_FORMAT, 'Boussinesq checkpoint', BOUSSINESQ_CHECKPOINT_VERSION) as BoussinesqCheckpoint;
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
  numbers('inverseHessian', c.inverseHessian, p.method === 'ssbroyden1' ? n * n : 0);
  const h = c.history;
  object('history', h);
  const len = numbers('history.loss', h.loss).length;
  numbers('history.lambda', h.lambda, len);
  numbers('history.phase', h.phase, len, true);
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
