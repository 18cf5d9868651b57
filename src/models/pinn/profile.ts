/**
 * Evaluating a trained Burgers profile and comparing it with its closed-form member.
 *
 * @module
 */
import { checkAllFinite, checkFinite, checkPositive } from '../../core/check';
import { InvalidArgumentError } from '../../core/errors';
import { ConstrainedNet1d } from '../../nn/constrainedNet1d';
import { Mlp } from '../../nn/mlp';
import { burgersConstraints, referenceMember } from './burgers';
import { burgersProfile } from './closedForm';
import { resolveProfileProblem, type BurgersProfileProblem } from './problem';

/**
 * The learned profile U(y) = Û(asinh y) of a problem with given parameters, at the points y
 * (any sign). O(points·params).
 * @example
 * ```ts
 * const U = learnedProfile(problem, result.final.params, [1, 10, 100]);
 * ```
 */
export function learnedProfile(problem: BurgersProfileProblem, params: Float64Array, y: ArrayLike<number>): Float64Array {
  const p = resolveProfileProblem(problem);
  const net = new Mlp(p.widths, 'tanh');
  if (!(params instanceof Float64Array) || params.length !== net.params.length) {
    throw new InvalidArgumentError('params.length', `${net.params.length} (the parameter count of widths [${p.widths.join(', ')}])`, params?.length);
  }
  checkAllFinite('y', y);
  net.params.set(params);
  const model = new ConstrainedNet1d(net, burgersConstraints(p.lambda, p.asymptotics));
  const z = Float64Array.from(y, (v) => Math.asinh(v));
  return model.evaluate(z).u;
}

/** Learned against closed-form profile on a set of points. */
export interface ProfileComparison {
  /** The member C compared with. */
  member: number;
  /** The points y. */
  y: Float64Array;
  /** Learned U(y). */
  learned: Float64Array;
  /** Closed form U_C(y). */
  reference: Float64Array;
  /** max |U − U_C| over the points. */
  maxAbsErr: number;
  /** max |U − U_C|/|U_C| over the points with y > 0. */
  maxRelErr: number;
}

/**
 * Compare a trained profile with its own member of the scaling family (C = 1 exact asymptotics,
 * C = 7/6 weak with λ = ½) on `points` equispaced points of [0, yMax] (default 2001 points on
 * [0, 100]), or on the given y. O(points·params).
 * @example
 * ```ts
 * compareWithClosedForm(problem, result.final.params).maxAbsErr; // ≤ 1e-6 after the benchmark run
 * ```
 */
export function compareWithClosedForm(problem: BurgersProfileProblem, params: Float64Array, options: { yMax?: number; points?: number; y?: ArrayLike<number>; member?: number } = {}): ProfileComparison {
  const p = resolveProfileProblem(problem);
  const member = checkPositive('options.member', options.member ?? referenceMember(p.lambda, p.asymptotics));
  let y: Float64Array;
  if (options.y !== undefined) y = Float64Array.from(options.y);
  else {
    const yMax = checkPositive('options.yMax', options.yMax ?? 100);
    const n = Math.max(2, Math.floor(options.points ?? 2001));
    y = Float64Array.from({ length: n }, (_, i) => (yMax * i) / (n - 1));
  }
  const learned = learnedProfile(problem, params, y);
  const reference = y.map((v) => burgersProfile(v, p.lambda, member));
  let maxAbsErr = 0;
  let maxRelErr = 0;
  for (let i = 0; i < y.length; i++) {
    const e = Math.abs(learned[i] - reference[i]);
    if (!(e <= maxAbsErr)) maxAbsErr = e;
    if (y[i] > 0 && !(e / Math.abs(reference[i]) <= maxRelErr)) maxRelErr = e / Math.abs(reference[i]);
  }
  return { member, y, learned, reference, maxAbsErr, maxRelErr };
}

/**
 * The member C that a profile value U at y > 0 belongs to: with s = −U > 0, y = s + C·s^{1+1/λ} gives
 * C = (y − s)/s^{1+1/λ}. Constant in y exactly when the profile is a member of the family; a learned
 * profile whose C drifts with y has left its member (e.g. the weak runs' collapse toward U ≈ 0 far out).
 * With the odd extension, U > 0 at y > 0 gives C < 0 (the point lies on no member of the family);
 * U = 0 and non-finite arguments throw `InvalidArgumentError`. O(1).
 * @example
 * ```ts
 * effectiveMember(2, -1, 0.5); // 1
 * ```
 */
export function effectiveMember(y: number, U: number, lambda: number): number {
  checkFinite('y', y);
  checkFinite('U', U);
  checkPositive('lambda', lambda);
  if (U === 0) throw new InvalidArgumentError('U', 'a nonzero value (every member passes through U = 0 at y = 0; U = 0 at y ≠ 0 is the trivial solution, C = ∞)', U);
  const s = -U;
  return (y - s) / (Math.sign(s) * Math.pow(Math.abs(s), 1 + 1 / lambda));
}
