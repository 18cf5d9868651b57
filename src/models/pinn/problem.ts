/**
 * The Burgers profile-training problem (thesis Appendix B.4): validation and defaults.
 *
 * @module
 */
import { checkFunction, checkInteger, checkNonNegative, checkOneOf, checkPositive } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { DEFAULT_LOSS_WEIGHTS, type Asymptotics, type LossWeights } from './burgers';
import type { ProfileCheckpoint } from './checkpoint';

/**
 * What to train: the Burgers self-similar profile for a fixed λ with exact or weak asymptotics, the
 * network, the sampling and the optimizer budget. Defaults are the thesis/reference configuration
 * (thesis B.4: tanh MLP 1→20→20→20→1, batch 10,000 on z ∈ [0, 30], SSBroyden1 for 20,000 iterations,
 * resampling every 1000).
 * @example
 * ```ts
 * const problem: BurgersProfileProblem = { equation: 'burgers', lambda: 0.5, asymptotics: 'exact', batch: 1000, iterations: 2000 };
 * ```
 */
export interface BurgersProfileProblem {
  /** The profile equation (only 'burgers' for now). */
  equation: 'burgers';
  /** λ > 0 (fixed during training). */
  lambda: number;
  /** 'exact' (cutoff × far-field law) or 'weak' (Neumann) asymptotics. */
  asymptotics: Asymptotics;
  /** MLP widths [1, …, 1] (default [1, 20, 20, 20, 1], 901 parameters). */
  widths?: readonly number[];
  /** Interior points per sample set (default 10,000). */
  batch?: number;
  /** Quasi-Newton iterations (default 20,000). */
  iterations?: number;
  /** Iterations between resampling + restart (default 1000; 0 = never). */
  resampleEvery?: number;
  /** z_max: points are uniform on [0, z_max], the boundary term sits at z_max (default 30). */
  zMax?: number;
  /** Seed of the generator (network initialization, then the points), default 0. */
  seed?: number;
  /** Inverse-Hessian update (default 'ssbroyden1'). */
  update?: 'ssbroyden1' | 'bfgs';
  /** Loss weights (default 0.1, 0.1, 1 of eq. (B.4.1)). */
  weights?: Partial<LossWeights>;
  /** Emit a checkpoint every this many iterations (a multiple of resampleEvery; default 0 = never). */
  checkpointEvery?: number;
  /** Receives each checkpoint (write it to a file with `singularis/node`'s `writeCheckpoint`). */
  onCheckpoint?: (checkpoint: ProfileCheckpoint) => void;
  /** Continue from a checkpoint of the same problem (bit-identical to the uninterrupted run). */
  resume?: ProfileCheckpoint;
}

/** A problem with every default filled in and validated. */
export interface ResolvedProfileProblem {
  /** 'burgers'. */
  equation: 'burgers';
  /** λ. */
  lambda: number;
  /** Asymptotics. */
  asymptotics: Asymptotics;
  /** Widths. */
  widths: number[];
  /** Batch. */
  batch: number;
  /** Iterations. */
  iterations: number;
  /** Resampling period. */
  resampleEvery: number;
  /** z_max. */
  zMax: number;
  /** Seed. */
  seed: number;
  /** Update rule. */
  update: 'ssbroyden1' | 'bfgs';
  /** Loss weights. */
  weights: LossWeights;
  /** Checkpoint period (0 = none). */
  checkpointEvery: number;
}

/**
 * Validate a {@link BurgersProfileProblem} and fill in the defaults; throws `InvalidArgumentError` /
 * `InvalidTypeError` naming the field (λ ≤ 0, a batch of 0, widths not [1, …, 1], …). O(widths).
 * @example
 * ```ts
 * resolveProfileProblem({ equation: 'burgers', lambda: 0.5, asymptotics: 'exact' }).batch; // 10000
 * ```
 */
export function resolveProfileProblem(problem: unknown): ResolvedProfileProblem {
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'a BurgersProfileProblem object', problem);
  const p = problem as BurgersProfileProblem;
  checkOneOf('problem.equation', p.equation, ['burgers'] as const);
  const lambda = checkPositive('problem.lambda', p.lambda);
  const asymptotics = checkOneOf('problem.asymptotics', p.asymptotics, ['exact', 'weak'] as const);
  const widths = p.widths === undefined ? [1, 20, 20, 20, 1] : Array.from(p.widths);
  if (!Array.isArray(p.widths ?? widths) || widths.length < 2) throw new InvalidTypeError('problem.widths', 'an array [1, n1, …, 1]', p.widths);
  widths.forEach((w, l) => checkInteger(`problem.widths[${l}]`, w, 1));
  if (widths[0] !== 1 || widths[widths.length - 1] !== 1) {
    throw new InvalidArgumentError('problem.widths', 'widths starting and ending with 1 (one input z, one output U)', `[${widths.join(', ')}]`);
  }
  const batch = checkInteger('problem.batch', p.batch ?? 10000, 1);
  const iterations = checkInteger('problem.iterations', p.iterations ?? 20000, 0);
  const resampleEvery = checkInteger('problem.resampleEvery', p.resampleEvery ?? 1000, 0);
  const zMax = checkPositive('problem.zMax', p.zMax ?? 30);
  if (zMax > 700) throw new InvalidArgumentError('problem.zMax', 'a number in (0, 700] (cosh z must stay finite)', zMax);
  const seed = checkInteger('problem.seed', p.seed ?? 0, 0);
  const update = checkOneOf('problem.update', p.update ?? 'ssbroyden1', ['ssbroyden1', 'bfgs'] as const);
  const w = p.weights ?? {};
  if (w === null || typeof w !== 'object') throw new InvalidTypeError('problem.weights', 'an object', w);
  const weights: LossWeights = {
    interior: checkNonNegative('problem.weights.interior', w.interior ?? DEFAULT_LOSS_WEIGHTS.interior),
    smoothness: checkNonNegative('problem.weights.smoothness', w.smoothness ?? DEFAULT_LOSS_WEIGHTS.smoothness),
    boundary: checkNonNegative('problem.weights.boundary', w.boundary ?? DEFAULT_LOSS_WEIGHTS.boundary),
  };
  const checkpointEvery = checkInteger('problem.checkpointEvery', p.checkpointEvery ?? 0, 0);
  if (checkpointEvery > 0 && (resampleEvery === 0 || checkpointEvery % resampleEvery !== 0)) {
    throw new InvalidArgumentError('problem.checkpointEvery', `a multiple of problem.resampleEvery = ${resampleEvery} (checkpoints are taken at restarts)`, checkpointEvery);
  }
  if (p.onCheckpoint !== undefined) checkFunction('problem.onCheckpoint', p.onCheckpoint);
  return { equation: 'burgers', lambda, asymptotics, widths, batch, iterations, resampleEvery, zMax, seed, update, weights, checkpointEvery };
}
