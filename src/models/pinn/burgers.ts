/**
 * The Burgers profile problem of thesis Appendix B.4: the profile equation (B.4.4)
 * −λU + ((1+λ)y + U)U_y = 0 written in z (y = sinh z) as
 * R(z) = −λÛ + ((1+λ)sinh z + Û)·Û_z·sech z, the loss (B.4.1)
 * 0.1·mean R² + 0.1·mean (dR/dz)² + L_b, and the two hard-constraint set-ups: exact asymptotics
 * (Û = N(z) − N(−z) + q(y), q = −y^{λ/(1+λ)}·(y/(1+y))^{15}, L_b = (N(z_max) − N(−z_max))²) and weak
 * asymptotics (Û = −z + z^{1+1/λ} + z⁴·(N(z) − N(−z))/2, L_b = (Û_z(z_max)·sech z_max)², Neumann
 * U_y = 0). λ is fixed.
 *
 * @module
 */
import { checkOneOf, checkPositive } from '../../core/check';
import type { Vec } from '../../core/types';
import { ConstrainedNet1d, type Constraints1d } from '../../nn/constrainedNet1d';
import type { Mlp } from '../../nn/mlp';

/** Which far-field treatment a Burgers run uses (thesis B.2): `'exact'` (cutoff × law) or `'weak'` (Neumann). */
export type Asymptotics = 'exact' | 'weak';

/** Weights of the loss terms, thesis eq. (B.4.1): 0.1·(L_i + L_s) + L_b. */
export interface LossWeights {
  /** Weight of mean R² (default 0.1). */
  interior: number;
  /** Weight of mean (dR/dz)² (default 0.1). */
  smoothness: number;
  /** Weight of the boundary term (default 1). */
  boundary: number;
}

/**
 * The default weights 0.1, 0.1, 1 of eq. (B.4.1).
 * @example
 * ```ts
 * trainProfile({ equation: 'burgers', lambda: 0.5, asymptotics: 'exact', weights: { ...DEFAULT_LOSS_WEIGHTS, boundary: 10 } });
 * ```
 */
export const DEFAULT_LOSS_WEIGHTS: Readonly<LossWeights> = Object.freeze({ interior: 0.1, smoothness: 0.1, boundary: 1 });

/**
 * The hard constraints of a Burgers run (thesis B.2, B.4; the parity factor follows the reference
 * code: N(z) − N(−z) for exact, (N(z) − N(−z))/2 for weak asymptotics).
 * @example
 * ```ts
 * burgersConstraints(0.5, 'exact'); // { parity: 'odd', halfParity: false, farField: { coefficient: −1, exponent: 1/3, cutoffPower: 15 } }
 * ```
 */
export function burgersConstraints(lambda: number, asymptotics: Asymptotics): Constraints1d {
  checkPositive('lambda', lambda);
  checkOneOf('asymptotics', asymptotics, ['exact', 'weak'] as const);
  if (asymptotics === 'exact') {
    return { parity: 'odd', halfParity: false, farField: { coefficient: -1, exponent: lambda / (1 + lambda), cutoffPower: 15 } };
  }
  return { parity: 'odd', halfParity: true, taylor: { variable: 'z', linear: -1, terms: [{ power: 1 + 1 / lambda, coefficient: 1 }], multiplierPower: 4 } };
}

/**
 * The member C of the family y + U + C·U^{1+1/λ} = 0 a run targets: 1 for exact asymptotics (far field
 * −y^{λ/(1+λ)}); for the weak z-ansatz −z + z^p, C = 7/6 when p = 3 (y = sinh z adds y³/6) and 1
 * otherwise (for p ≠ 3 the ansatz carries a spurious y³/6 term and no member matches exactly).
 * @example
 * ```ts
 * referenceMember(0.5, 'weak'); // 7/6
 * ```
 */
export function referenceMember(lambda: number, asymptotics: Asymptotics): number {
  if (asymptotics === 'exact') return 1;
  return Math.abs(1 + 1 / lambda - 3) < 1e-12 ? 7 / 6 : 1;
}

/** The loss components of the last evaluation. */
export interface LossParts {
  /** mean R² over the interior points. */
  interior: number;
  /** mean (dR/dz)². */
  smoothness: number;
  /** The boundary term. */
  boundary: number;
}

/**
 * Loss and exact gradient of a Burgers profile run on one set of interior points plus the boundary
 * point z_max (the last point). One call = one forward pass with second-order input jets on
 * 2(B+1) inputs and one reverse pass. O(B·Σ n_l n_{l+1}).
 *
 * @example
 * ```ts
 * const loss = new BurgersLoss(net, 0.5, 'exact');
 * loss.setPoints(z, 30);
 * const f = loss.evaluate(net.params, grad);
 * ```
 */
export class BurgersLoss {
  /** The constrained model Û. */
  readonly model: ConstrainedNet1d;
  /** λ (fixed). */
  readonly lambda: number;
  /** Exact or weak asymptotics. */
  readonly asymptotics: Asymptotics;
  /** Weights of the terms. */
  readonly weights: LossWeights;
  /** Components of the last evaluation. */
  readonly parts: LossParts = { interior: NaN, smoothness: NaN, boundary: NaN };
  private zAll: Float64Array = new Float64Array(0);
  private sinhZ: Float64Array = new Float64Array(0);
  private coshZ: Float64Array = new Float64Array(0);

  /**
   * @param net - the MLP [1, …, 1]
   * @param lambda - λ > 0
   * @param asymptotics - 'exact' or 'weak'
   * @param weights - loss weights (default 0.1, 0.1, 1)
   */
  constructor(net: Mlp, lambda: number, asymptotics: Asymptotics, weights: LossWeights = DEFAULT_LOSS_WEIGHTS) {
    this.lambda = checkPositive('lambda', lambda);
    this.asymptotics = checkOneOf('asymptotics', asymptotics, ['exact', 'weak'] as const);
    this.weights = weights;
    this.model = new ConstrainedNet1d(net, burgersConstraints(lambda, asymptotics));
  }

  /** Set the interior points z_j and the boundary point zMax (appended). O(B). */
  setPoints(interior: ArrayLike<number>, zMax: number): void {
    const n = interior.length;
    if (this.zAll.length !== n + 1) {
      this.zAll = new Float64Array(n + 1);
      this.sinhZ = new Float64Array(n + 1);
      this.coshZ = new Float64Array(n + 1);
    }
    for (let j = 0; j < n; j++) this.zAll[j] = interior[j];
    this.zAll[n] = zMax;
    for (let j = 0; j <= n; j++) {
      this.sinhZ[j] = Math.sinh(this.zAll[j]);
      this.coshZ[j] = Math.cosh(this.zAll[j]);
    }
    this.model.setPoints(this.zAll);
  }

  /**
   * Loss at parameters θ (copied into the network) and its gradient into `grad`. Returns NaN/∞ when
   * the network output is not finite (the optimizers treat that point as invalid).
   */
  evaluate(theta: Vec, grad: Vec): number {
    const m = this.model;
    m.net.params.set(theta);
    m.forward();
    const nAll = m.n;
    const B = nAll - 1;
    const lam = this.lambda;
    const k = 1 + lam;
    const wi = (2 * this.weights.interior) / B;
    const ws = (2 * this.weights.smoothness) / B;
    let li = 0;
    let ls = 0;
    for (let j = 0; j < B; j++) {
      const U = m.u[j];
      const Uz = m.uz[j];
      const Uzz = m.uzz[j];
      const ch = this.coshZ[j];
      const S = 1 / ch;
      const T = this.sinhZ[j] * S;
      const A = k * this.sinhZ[j] + U;
      const E = Uz * S;
      const Ep = (Uzz - Uz * T) * S;
      const R = -lam * U + A * E;
      const Rz = -lam * Uz + (k * ch + Uz) * E + A * Ep;
      li += R * R;
      ls += Rz * Rz;
      const rb = wi * R;
      const rzb = ws * Rz;
      m.uBar[j] = rb * (E - lam) + rzb * Ep;
      m.uzBar[j] = rb * A * S + rzb * (-lam + E + (k * ch + Uz) * S - A * S * T);
      m.uzzBar[j] = rzb * A * S;
      m.baseBar[j] = 0;
    }
    li /= B;
    ls /= B;
    let lb: number;
    m.uBar[B] = 0;
    m.uzBar[B] = 0;
    m.uzzBar[B] = 0;
    m.baseBar[B] = 0;
    if (this.asymptotics === 'exact') {
      const b = m.base[B];
      lb = b * b;
      m.baseBar[B] = 2 * this.weights.boundary * b;
    } else {
      const S = 1 / this.coshZ[B];
      const v = m.uz[B] * S;
      lb = v * v;
      m.uzBar[B] = 2 * this.weights.boundary * v * S;
    }
    this.parts.interior = li;
    this.parts.smoothness = ls;
    this.parts.boundary = lb;
    const f = this.weights.interior * li + this.weights.smoothness * ls + this.weights.boundary * lb;
    if (!Number.isFinite(f)) return f;
    m.backward(grad);
    return f;
  }
}
