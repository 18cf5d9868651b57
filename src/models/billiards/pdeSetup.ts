/**
 * Validation of a {@link MeanFieldPdeSpec} and {@link MeanFieldRunOptions}, and the initial state
 * on the grid. Every check runs before any numerical work. Internal to the PDE solver.
 *
 * @module
 */
import { checkInteger, checkOneOf, checkPositive, checkInRange } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { checkRunOptions, checkSaveAt } from '../../core/run';
import type { Vec } from '../../core/types';
import { uniformGrid } from '../../grid/index';
import { initialProfiles, sampleProfiles } from './initialData';
import type { MeanFieldPdeSpec, MeanFieldRunControls, MeanFieldRunOptions, PdeScheme, PdeStepper, PdeWalls } from './pdeTypes';
import { lambdaForBalls } from './timeMap';

/**
 * Smallest grid (nodes) accepted: the wall stencils need a few interior nodes.
 * @example
 * ```ts
 * meanFieldPde({ n: 100, nodes: MIN_PDE_NODES, tEnd: 1e-3 }); // the coarsest grid accepted
 * ```
 */
export const MIN_PDE_NODES = 9;
/**
 * Default grid: the paper's 3201 equispaced points (Section 3).
 * @example
 * ```ts
 * meanFieldPde({ n: 1000, tEnd: 1e-4 }).z.length === DEFAULT_PDE_NODES; // true
 * ```
 */
export const DEFAULT_PDE_NODES = 3201;

/** A validated problem with its initial state. */
export interface PdeSetup {
  /** λ actually used (λ/√2 when `bAsPrinted`). */
  lambda: number;
  /** N = nodes − 1. */
  intervals: number;
  /** 1/N. */
  dx: number;
  /** Grid nodes. */
  z: Vec;
  /** Nominal step. */
  dt: number;
  /** The explicit positivity bound 2/(λ² + 4/dx²). */
  positivityBound: number;
  /** Scheme. */
  scheme: PdeScheme;
  /** Walls. */
  walls: PdeWalls;
  /** Stepper. */
  stepper: PdeStepper;
  /** Resolved hyperbolic flux. */
  advection: 'centered' | 'upwind';
  /** Cell Péclet number λ·dx/2. */
  cellPeclet: number;
  /** Numerical diffusion added by the upwind flux: λ·dx/2 (upwind) or 0 (centered). */
  upwindViscosity: number;
  /** Initial μ at the nodes. */
  mu0: Vec;
  /** Initial q at the nodes (w for B, E for C), wall values consistent with the walls. */
  q0: Vec;
}

/** Validated run options. */
export interface PdeRunPlan {
  /** The `saveAt` times (strictly increasing, as given). */
  times: number[];
  /** End time (> 0). */
  tEnd: number;
  /** Series stride in steps, or 0 for "choose from the step count". */
  seriesEvery: number;
  /** Step budget. */
  maxSteps: number;
  /** Stop at the freeze. */
  stopAtFreeze: boolean;
  /** Freeze fraction. */
  freezeFraction: number;
  /** Tolerance for negative w (undefined: relative default). */
  negativeWTolerance: number | undefined;
}

/**
 * Validate the specification and build the initial state. O(nodes) profile evaluations.
 *
 * @throws InvalidArgumentError / InvalidTypeError naming the offending field (λ ≤ 0, both or
 *   neither of λ and n, too few nodes, unknown scheme/walls/stepper/advection, `bAsPrinted` with scheme C,
 *   a non-positive step, profiles returning NaN or a negative σ0)
 * @example
 * ```ts
 * const setup = setupMeanFieldPde({ n: 1000, nodes: 801, orientation: 'reversed' });
 * ```
 */
export function setupMeanFieldPde(spec: MeanFieldPdeSpec): PdeSetup {
  if (spec === null || typeof spec !== 'object') throw new InvalidTypeError('spec', 'an object { lambda | n, … }', spec);
  if ((spec.lambda === undefined) === (spec.n === undefined)) {
    throw new InvalidArgumentError('spec', 'given exactly one of lambda and n', spec.lambda === undefined ? 'neither' : 'both');
  }
  let lambda = spec.lambda !== undefined ? checkPositive('lambda', spec.lambda) : lambdaForBalls(spec.n as number);
  const nodes = checkInteger('nodes', spec.nodes ?? DEFAULT_PDE_NODES, MIN_PDE_NODES, 1e7);
  const scheme = checkOneOf('scheme', spec.scheme ?? 'B', ['B', 'C'] as const);
  const walls = checkOneOf('walls', spec.walls ?? 'dirichlet', ['dirichlet', 'zeroFlux'] as const);
  const stepper = checkOneOf('stepper', spec.stepper ?? 'explicit', ['explicit', 'imex'] as const);
  const advectionOption = checkOneOf('advection', (spec.advection as string) === 'centred' ? 'centered' : spec.advection ?? 'auto', ['centered', 'upwind', 'auto'] as const);
  if (spec.bAsPrinted !== undefined && typeof spec.bAsPrinted !== 'boolean') throw new InvalidTypeError('bAsPrinted', 'a boolean', spec.bAsPrinted);
  if (spec.bAsPrinted === true) {
    if (scheme !== 'B') throw new InvalidArgumentError('bAsPrinted', "used with scheme 'B' only (it is the printed form of (B))", scheme);
    lambda /= Math.SQRT2;
  }
  const profiles = initialProfiles({ mean: spec.mean, sigma: spec.sigma, orientation: spec.orientation });
  const intervals = nodes - 1;
  const dx = 1 / intervals;
  const cellPeclet = 0.5 * lambda * dx;
  const advection = advectionOption === 'auto' ? (cellPeclet > 1 ? 'upwind' : 'centered') : advectionOption;
  const upwindViscosity = advection === 'upwind' ? cellPeclet : 0;
  const diffusion = 1 + upwindViscosity;
  // docs/billiards.md with diffusion D: θ ≥ 2D·dt/dx² and dt·λ² ≤ 2D(1 − θ)  ⇒  dt ≤ 2D/(λ² + 4D²/dx²)
  const positivityBound = advection === 'centered' ? 2 / (lambda * lambda + 4 / (dx * dx)) : (2 * diffusion) / (lambda * lambda + (4 * diffusion * diffusion) / (dx * dx));
  const explicitDt = advection === 'centered' ? Math.min(0.25 * dx * dx, 1 / (lambda * lambda)) : Math.min((0.25 * dx * dx) / diffusion, 1 / (lambda * lambda));
  const defaultDt = stepper === 'explicit' ? explicitDt : 0.25 / (lambda * lambda);
  const dt = spec.dt === undefined ? defaultDt : checkPositive('dt', spec.dt);
  const z = uniformGrid(nodes).x;
  const sampled = sampleProfiles(z, profiles);
  const mu0 = sampled.mean;
  const q0 = new Float64Array(nodes);
  for (let i = 0; i < nodes; i++) {
    const w = 0.5 * sampled.sigma[i] * sampled.sigma[i];
    q0[i] = scheme === 'C' ? 0.5 * mu0[i] * mu0[i] + w : w;
  }
  if (walls === 'dirichlet') {
    q0[0] = scheme === 'C' ? 0.5 * mu0[0] * mu0[0] : 0;
    q0[intervals] = scheme === 'C' ? 0.5 * mu0[intervals] * mu0[intervals] : 0;
  }
  return { lambda, intervals, dx, z, dt, positivityBound, scheme, walls, stepper, advection, cellPeclet, upwindViscosity, mu0, q0 };
}

/**
 * Validate the run controls (from the problem, falling back to the second argument) and `saveAt`
 * (finite, ≥ 0, strictly increasing, ≤ tEnd: never sorted).
 *
 * @throws InvalidArgumentError for negative, non-finite or unordered times, a non-positive end
 *   time, a save time after the end, a bad stride, budget or freeze fraction
 * @example
 * ```ts
 * planMeanFieldRun({}, { saveAt: [1e-4, 2e-4] }); // tEnd = 2e-4
 * ```
 */
export function planMeanFieldRun(spec: MeanFieldRunControls, runOptions: MeanFieldRunOptions = {}): PdeRunPlan {
  if (spec === null || typeof spec !== 'object') throw new InvalidTypeError('spec', 'an object', spec);
  if (runOptions === null || typeof runOptions !== 'object') throw new InvalidTypeError('runOptions', 'an object { saveAt?, signal?, … }', runOptions);
  checkRunOptions(runOptions);
  const options: MeanFieldRunControls = {
    tEnd: spec.tEnd ?? runOptions.tEnd,
    seriesEvery: spec.seriesEvery ?? runOptions.seriesEvery,
    maxSteps: spec.maxSteps ?? runOptions.maxSteps,
    stopAtFreeze: spec.stopAtFreeze ?? runOptions.stopAtFreeze,
    freezeFraction: spec.freezeFraction ?? runOptions.freezeFraction,
    negativeWTolerance: spec.negativeWTolerance ?? runOptions.negativeWTolerance,
  };
  const given = checkSaveAt('runOptions.saveAt', runOptions.saveAt, 0, Infinity);
  const times = Array.from(given);
  const last = times.length > 0 ? times[times.length - 1] : undefined;
  if (options.tEnd === undefined && (last === undefined || last === 0)) {
    throw new InvalidArgumentError('tEnd', 'given (a finite number > 0) when no positive saveAt time is requested', options.tEnd);
  }
  const tEnd = options.tEnd === undefined ? (last as number) : checkPositive('tEnd', options.tEnd);
  if (last !== undefined && last > tEnd) throw new InvalidArgumentError('runOptions.saveAt', `times at most tEnd = ${tEnd}`, last);
  const seriesEvery = checkInteger('seriesEvery', options.seriesEvery ?? 0, 0);
  const maxSteps = checkInteger('maxSteps', options.maxSteps ?? 1e8, 1);
  if (options.stopAtFreeze !== undefined && typeof options.stopAtFreeze !== 'boolean') throw new InvalidTypeError('stopAtFreeze', 'a boolean', options.stopAtFreeze);
  const freezeFraction = checkInRange('freezeFraction', options.freezeFraction ?? 0.01, 0, 1);
  if (freezeFraction === 0 || freezeFraction === 1) throw new InvalidArgumentError('freezeFraction', 'a number in (0, 1)', freezeFraction);
  const negativeWTolerance = options.negativeWTolerance;
  if (negativeWTolerance !== undefined && !(typeof negativeWTolerance === 'number' && negativeWTolerance > 0)) {
    throw new InvalidArgumentError('negativeWTolerance', 'a number > 0 (Infinity disables the check)', negativeWTolerance);
  }
  return { times, tEnd, seriesEvery, maxSteps, stopAtFreeze: options.stopAtFreeze === true, freezeFraction, negativeWTolerance };
}
