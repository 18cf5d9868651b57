/**
 * The 2-D Boussinesq self-similar profile of thesis Appendix B.4 (residual assembly and hard
 * constraints; training at full size is future work, see docs/pinn.md). Unknowns (Ω, U1, U2, Φ, Ψ)
 * on y2 ≥ 0, Ω, U1, Φ odd and U2, Ψ even in y1, and the six equations
 *   Ω + ((1+λ)y + U)·∇Ω = Φ,
 *   (2 + ∂1U1)Φ + ((1+λ)y + U)·∇Φ = −∂1U2·Ψ,
 *   (2 + ∂2U2)Ψ + ((1+λ)y + U)·∇Ψ = −∂2U1·Φ,
 *   ∂1U1 + ∂2U2 = 0,   Ω = ∂1U2 − ∂2U1,   ∂1Ψ = ∂2Φ,
 * written in z (y_i = sinh z_i, ∂_{y_i} = sech z_i·∂_{z_i}). Ω uses the Taylor ansatz
 * Ω = −z1 + z1z2Ω1 + z1²Ω2 (Ω1 even, Ω2 odd in z1), so ∂_{y1}Ω(0, 0) = −1 exactly.
 *
 * @module
 */
import { checkAllFinite, checkFinite, checkInteger, checkOneOf } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { Vec } from '../../core/types';
import { Mlp, mlpParameterCount } from '../../nn/mlp';
import { forwardMlp } from '../../nn/propagation';
import { MlpWorkspace } from '../../nn/workspace';

/** Order of the fields in a Boussinesq jet vector: Ω, U1, U2, Φ, Ψ, each (value, ∂z1, ∂z2). */
export const BOUSSINESQ_FIELDS = ['Omega', 'U1', 'U2', 'Phi', 'Psi'] as const;

/**
 * Parameters of the reference Boussinesq networks: six MLPs 2 → width ×(depth−1) → 1 with SiLU
 * (thesis B.4: 7 linear maps of width 30, 4,771 parameters each, 28,626 in all) plus λ.
 * @example
 * ```ts
 * boussinesqParameterCount(30, 7); // 28627
 * ```
 */
export function boussinesqParameterCount(width: number, linearMaps: number): number {
  checkInteger('width', width, 1);
  checkInteger('linearMaps', linearMaps, 2);
  return 6 * mlpParameterCount([2, ...new Array<number>(linearMaps - 1).fill(width), 1]) + 1;
}

/**
 * The six residuals at one point z = (z1, z2) from the z-jets of the fields (`fields[3k + m]`: field k
 * of {@link BOUSSINESQ_FIELDS}, m = 0 value, 1 ∂z1, 2 ∂z2) into out[0…5], in the order of the module
 * documentation (each equation as left side − right side). Non-finite z, λ or jets, fewer than 15 jet
 * entries or fewer than 6 output slots throw `InvalidArgumentError`/`InvalidTypeError`. O(1).
 * @example
 * ```ts
 * const r = boussinesqResiduals(0.3, 0.7, 1.9, jets, new Float64Array(6));
 * ```
 */
export function boussinesqResiduals(z1: number, z2: number, lambda: number, fields: Vec, out: Vec): Vec {
  checkFinite('z1', z1);
  checkFinite('z2', z2);
  checkFinite('lambda', lambda);
  checkJetArray('fields', fields, 15);
  checkJetArray('out', out, 6, false);
  return boussinesqResidualsUnchecked(z1, z2, lambda, fields, out);
}

function checkJetArray(name: string, a: unknown, length: number, finite = true): void {
  if (!(Array.isArray(a) || a instanceof Float64Array)) throw new InvalidTypeError(name, 'a Float64Array or number array', a);
  if (a.length < length) throw new InvalidArgumentError(`${name}.length`, `at least ${length}`, a.length);
  if (finite) checkAllFinite(name, (a as ArrayLike<number>).length === length ? a : Array.prototype.slice.call(a, 0, length) as number[]);
}

/** {@link boussinesqResiduals} without the argument checks (the loss's per-point kernel). @internal */
export function boussinesqResidualsUnchecked(z1: number, z2: number, lambda: number, fields: Vec, out: Vec): Vec {
  const s1 = 1 / Math.cosh(z1);
  const s2 = 1 / Math.cosh(z2);
  const k = 1 + lambda;
  const [om, om1, om2, u1, u11, u12, u2, u21, u22, ph, ph1, ph2, ps, ps1, ps2] = fields;
  // y-derivatives
  const dOm1 = s1 * om1, dOm2 = s2 * om2;
  const dU11 = s1 * u11, dU12 = s2 * u12, dU21 = s1 * u21, dU22 = s2 * u22;
  const dPh1 = s1 * ph1, dPh2 = s2 * ph2, dPs1 = s1 * ps1, dPs2 = s2 * ps2;
  const v1 = k * Math.sinh(z1) + u1;
  const v2 = k * Math.sinh(z2) + u2;
  out[0] = om + v1 * dOm1 + v2 * dOm2 - ph;
  out[1] = (2 + dU11) * ph + v1 * dPh1 + v2 * dPh2 + dU21 * ps;
  out[2] = (2 + dU22) * ps + v1 * dPs1 + v2 * dPs2 + dU12 * ph;
  out[3] = dU11 + dU22;
  out[4] = om - (dU21 - dU12);
  out[5] = dPs1 - dPh2;
  return out;
}

/**
 * z-jets (value, ∂z1, ∂z2) at (z1, z2) of the parity-wrapped network (N(z1, z2) ± N(−z1, z2))/2
 * ('odd' or 'even' in z1) into out[o…o+2]. Allocates a 2-point workspace per call (a check and
 * post-processing helper; training assembles whole batches). O(params).
 * @example
 * ```ts
 * parityJets2d(net, 'odd', 0.4, 1.2, out, 0);
 * ```
 */
export function parityJets2d(net: Mlp, parity: 'odd' | 'even', z1: number, z2: number, out: Vec, o: number): Vec {
  if (!(net instanceof Mlp)) throw new InvalidTypeError('net', 'an Mlp', net);
  checkOneOf('parity', parity, ['odd', 'even'] as const);
  checkInteger('o', o, 0);
  checkJetArray('out', out, o + 3, false);
  if (net.inputDim !== 2 || net.outputDim !== 1) throw new InvalidArgumentError('net.widths', 'widths [2, …, 1]', `[${net.widths.join(', ')}]`);
  checkFinite('z1', z1);
  checkFinite('z2', z2);
  const ws = new MlpWorkspace(net, 2, 1);
  const y = forwardMlp(net, { rows: 2, cols: 2, data: new Float64Array([z1, z2, -z1, z2]) }, ws, { trusted: true });
  const s = parity === 'odd' ? -1 : 1;
  // channels per sample: value, ∂z1, ∂z2 (n_L = 1)
  out[o] = 0.5 * (y[0] + s * y[3]);
  out[o + 1] = 0.5 * (y[1] - s * y[4]);
  out[o + 2] = 0.5 * (y[2] + s * y[5]);
  return out;
}

/**
 * z-jets of Ω = −z1 + z1z2Ω1 + z1²Ω2 with Ω1 = even part of `omega1`, Ω2 = odd part of `omega2`
 * (in z1), into out[o…o+2]; ∂z1Ω(0, 0) = −1 exactly for any parameters. O(params).
 * @example
 * ```ts
 * omegaAnsatzJets(net1, net2, 0, 0, out, 0); // out[1] === −1
 * ```
 */
export function omegaAnsatzJets(omega1: Mlp, omega2: Mlp, z1: number, z2: number, out: Vec, o: number): Vec {
  checkInteger('o', o, 0);
  checkJetArray('out', out, o + 3, false);
  const a = parityJets2d(omega1, 'even', z1, z2, new Float64Array(3), 0);
  const b = parityJets2d(omega2, 'odd', z1, z2, new Float64Array(3), 0);
  out[o] = -z1 + z1 * z2 * a[0] + z1 * z1 * b[0];
  out[o + 1] = -1 + z2 * a[0] + z1 * z2 * a[1] + 2 * z1 * b[0] + z1 * z1 * b[1];
  out[o + 2] = z1 * a[0] + z1 * z2 * a[2] + z1 * z1 * b[2];
  return out;
}
