/**
 * The loss of the 2-D Boussinesq profile (thesis Appendix B.4) with its exact gradient with respect
 * to the parameters of all six networks and λ: `w_i·L_i + w_b·L_b` with L_i the mean over interior
 * points and over the six residuals of the squared residuals, L_b the mean over the seven boundary
 * conditions of their means over their points, weights (B.4.1) w_i = 0.1, w_b = 1 by default (the
 * reference run's stored losses obey total = 0.1·(pde + smoothness) + boundary exactly, and its logged
 * "pde loss" is the mean, not the sum, over the six residuals; see docs/pinn.md).
 * Networks (2 → … → 1, SiLU): Ω1 (even in z1), Ω2 (odd), U1 (odd), U2 (even), Φ (odd), Ψ (even); Ω =
 * −z1 + z1z2Ω1 + z1²Ω2. Parameter vector θ = [net 0 | … | net 5 | λ]. The smoothness term L_s = mean
 * |∇_z R|² is `BoussinesqSmoothness` (it needs second-order jets, here only first order).
 *
 * @module
 */
import { checkAllFinite, checkNonNegative } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { Vec } from '../../core/types';
import { Mlp } from '../../nn/mlp';
import { backwardMlp, forwardMlp } from '../../nn/propagation';
import { MlpWorkspace } from '../../nn/workspace';
import { boussinesqResidualsUnchecked } from './boussinesq';

/** Interior and boundary values of {@link BoussinesqLoss} (its weights, or its unweighted terms). */
export interface BoussinesqLossTerms {
  /** Interior mean over points and the six residuals of the squared residuals (or its weight). */
  interior: number;
  /** Mean over the seven boundary conditions of their means over points (or its weight). */
  boundary: number;
}

/** Parity in z1 of each network, in θ order: Ω1, Ω2, U1, U2, Φ, Ψ. */
const PARITY = [1, -1, -1, 1, -1, 1];
/** The interior term is a mean over the six residuals (and the points), as in the reference run's logs. */
const RESIDUALS = 6;
/** The boundary term is a mean over the seven conditions U2 (bottom); Φ, Ψ, ∂_{y1}U1, ∂_{y2}U1, ∂_{y1}U2, ∂_{y2}U2 (far field). */
const BOUNDARY_CONDITIONS = 7;

/**
 * Loss and gradient of the Boussinesq interior residuals at a set of points (z1, z2). One forward
 * pass with first-order input jets of each network on 2n inputs (±z1) and one reverse pass.
 * O(n·Σ params).
 * @example
 * ```ts
 * const loss = new BoussinesqLoss([net0, net1, net2, net3, net4, net5]);
 * loss.setPoints(points);             // row-major (z1, z2)
 * const f = loss.evaluate(theta, grad); // θ = parameters of the six nets, then λ
 * ```
 */
export class BoussinesqLoss {
  /** The six networks (Ω1, Ω2, U1, U2, Φ, Ψ). */
  readonly nets: readonly Mlp[];
  /** Weights of the interior and boundary means (default 0.1 and 1, thesis (B.4.1)). */
  readonly weights: BoussinesqLossTerms;
  /** Unweighted components at the last evaluation: interior mean (the reference's "pde loss") and boundary mean. */
  readonly parts: BoussinesqLossTerms = { interior: 0, boundary: 0 };
  /** Length of θ: all network parameters plus λ. */
  readonly size: number;
  private readonly offsets: number[] = [];
  private ws: MlpWorkspace[] = [];
  private X = { rows: 0, cols: 2, data: new Float64Array(0) };
  private n = 0;
  private types = new Uint8Array(0);
  private counts = [0, 0, 0];
  private jets = new Float64Array(0); // per point: 6 nets × (value, ∂1, ∂2)
  private readonly F = new Float64Array(15);
  private readonly r = new Float64Array(6);
  private readonly fBar = new Float64Array(15);
  private readonly gNet: Float64Array[];

  /**
   * @param nets - six MLPs with widths [2, …, 1]
   * @param weights - interior and boundary weights (default 0.1 and 1)
   */
  constructor(nets: readonly Mlp[], weights: { interior?: number; boundary?: number } = {}) {
    if (weights === null || typeof weights !== 'object') throw new InvalidTypeError('weights', 'an object', weights);
    this.weights = { interior: checkNonNegative('weights.interior', weights.interior ?? 0.1), boundary: checkNonNegative('weights.boundary', weights.boundary ?? 1) };
    if (!Array.isArray(nets) || nets.length !== 6) throw new InvalidTypeError('nets', 'an array of six Mlp (Ω1, Ω2, U1, U2, Φ, Ψ)', nets);
    let p = 0;
    nets.forEach((net, k) => {
      if (!(net instanceof Mlp)) throw new InvalidTypeError(`nets[${k}]`, 'an Mlp', net);
      if (net.inputDim !== 2 || net.outputDim !== 1) throw new InvalidArgumentError(`nets[${k}].widths`, 'widths [2, …, 1]', `[${net.widths.join(', ')}]`);
      this.offsets.push(p);
      p += net.params.length;
    });
    this.nets = nets;
    this.size = p + 1;
    this.gNet = nets.map((net) => new Float64Array(net.params.length));
  }

  /**
   * Set the points (row-major z1, z2; n ≥ 1) and optionally boundary points: `bottom` on z2 = 0
   * (term U2²) and `far` on z1 = z_max or z2 = z_max (terms Φ² + Ψ² + Σ_{i,k} (sech z_i ∂_{z_i}U_k)², the
   * y-space Neumann conditions). Each condition enters as a mean over its points, and the boundary
   * term is the mean over the seven conditions. O(n).
   */
  setPoints(points: ArrayLike<number>, bottom: ArrayLike<number> = [], far: ArrayLike<number> = []): void {
    checkAllFinite('points', points);
    checkAllFinite('bottom', bottom);
    checkAllFinite('far', far);
    const groups = [points, bottom, far];
    const n = (points.length + bottom.length + far.length) / 2;
    if (!Number.isInteger(n) || points.length < 2 || points.length % 2 !== 0) throw new InvalidArgumentError('points.length', 'an even number ≥ 2 (pairs z1, z2)', points.length);
    this.counts = groups.map((g) => g.length / 2);
    this.types = new Uint8Array(n);
    const all = new Float64Array(2 * n);
    let q = 0;
    groups.forEach((g, t) => {
      for (let i = 0; i < g.length; i++) all[q * 2 + i] = g[i];
      this.types.fill(t, q, q + g.length / 2);
      q += g.length / 2;
    });
    points = all;
    if (n !== this.n) {
      this.n = n;
      this.X = { rows: 2 * n, cols: 2, data: new Float64Array(4 * n) };
      this.ws = this.nets.map((net) => new MlpWorkspace(net, 2 * n, 1));
      this.jets = new Float64Array(18 * n);
    }
    for (let j = 0; j < n; j++) {
      this.X.data[2 * j] = points[2 * j];
      this.X.data[2 * j + 1] = points[2 * j + 1];
      this.X.data[2 * (n + j)] = -points[2 * j];
      this.X.data[2 * (n + j) + 1] = points[2 * j + 1];
    }
  }

  /** Loss at θ (copied into the networks; λ = θ[size − 1]) and its gradient into `grad`. */
  evaluate(theta: Vec, grad: Vec): number {
    if (theta.length !== this.size || grad.length !== this.size) throw new InvalidArgumentError('theta.length', `${this.size}`, theta.length);
    const n = this.n;
    if (n === 0) throw new InvalidArgumentError('points', 'set by setPoints() first', 'none');
    const lambda = theta[this.size - 1];
    const J = this.jets;
    this.nets.forEach((net, k) => {
      net.params.set(theta.subarray(this.offsets[k], this.offsets[k] + net.params.length));
      const y = forwardMlp(net, this.X, this.ws[k], { trusted: true });
      const s = PARITY[k];
      for (let j = 0; j < n; j++) {
        const a = 3 * j;
        const b = 3 * (n + j);
        const o = 18 * j + 3 * k;
        J[o] = 0.5 * (y[a] + s * y[b]);
        J[o + 1] = 0.5 * (y[a + 1] - s * y[b + 1]);
        J[o + 2] = 0.5 * (y[a + 2] + s * y[b + 2]);
      }
    });
    const { F, r, fBar } = this;
    let loss = 0;
    let boundary = 0;
    let lambdaBar = 0;
    const wi = this.weights.interior;
    const wb = this.weights.boundary;
    const adj = this.ws.map((w, k) => w.adjoints[this.nets[k].depth]);
    for (let j = 0; j < n; j++) {
      const z1 = this.X.data[2 * j];
      const z2 = this.X.data[2 * j + 1];
      const o = 18 * j;
      const [a0, a1, a2, b0, b1, b2] = [J[o], J[o + 1], J[o + 2], J[o + 3], J[o + 4], J[o + 5]];
      F[0] = -z1 + z1 * z2 * a0 + z1 * z1 * b0;
      F[1] = -1 + z2 * a0 + z1 * z2 * a1 + 2 * z1 * b0 + z1 * z1 * b1;
      F[2] = z1 * a0 + z1 * z2 * a2 + z1 * z1 * b2;
      for (let m = 0; m < 12; m++) F[3 + m] = J[o + 6 + m];
      const type = this.types[j];
      if (type === 0) {
        boussinesqResidualsUnchecked(z1, z2, lambda, F, r);
        let rr = 0;
        for (let e = 0; e < 6; e++) rr += r[e] * r[e];
        loss += rr / (RESIDUALS * this.counts[0]);
        lambdaBar += residualAdjoint(z1, z2, lambda, F, r, (2 * wi) / (RESIDUALS * this.counts[0]), fBar);
      } else {
        fBar.fill(0);
        const c = BOUNDARY_CONDITIONS * this.counts[type];
        const w = (2 * wb) / c;
        if (type === 1) {
          boundary += (F[6] * F[6]) / c;
          fBar[6] = w * F[6];
        } else {
          const s1 = 1 / Math.cosh(z1);
          const s2 = 1 / Math.cosh(z2);
          boundary += (F[9] * F[9] + F[12] * F[12]) / c;
          fBar[9] = w * F[9];
          fBar[12] = w * F[12];
          for (const m of [4, 7]) {
            const d1 = s1 * F[m];
            const d2 = s2 * F[m + 1];
            boundary += (d1 * d1 + d2 * d2) / c;
            fBar[m] = w * d1 * s1;
            fBar[m + 1] = w * d2 * s2;
          }
        }
      }
      // Ω ansatz adjoint → Ω1 (a), Ω2 (b); the other fields map one to one
      const [o0, o1, o2] = [fBar[0], fBar[1], fBar[2]];
      const ab = [z1 * z2 * o0 + z2 * o1 + z1 * o2, z1 * z2 * o1, z1 * z2 * o2, z1 * z1 * o0 + 2 * z1 * o1, z1 * z1 * o1, z1 * z1 * o2];
      for (let k = 0; k < 6; k++) {
        const c0 = k < 2 ? ab[3 * k] : fBar[3 * (k - 1)];
        const c1 = k < 2 ? ab[3 * k + 1] : fBar[3 * (k - 1) + 1];
        const c2 = k < 2 ? ab[3 * k + 2] : fBar[3 * (k - 1) + 2];
        const s = PARITY[k];
        const A = adj[k];
        A[3 * j] = 0.5 * c0;
        A[3 * j + 1] = 0.5 * c1;
        A[3 * j + 2] = 0.5 * c2;
        A[3 * (n + j)] = 0.5 * s * c0;
        A[3 * (n + j) + 1] = -0.5 * s * c1;
        A[3 * (n + j) + 2] = 0.5 * s * c2;
      }
    }
    this.parts.interior = loss;
    this.parts.boundary = boundary;
    loss = wi * loss + wb * boundary;
    if (!Number.isFinite(loss)) return loss;
    this.nets.forEach((net, k) => {
      backwardMlp(net, this.ws[k], this.gNet[k]);
      grad.set(this.gNet[k], this.offsets[k]);
    });
    grad[this.size - 1] = lambdaBar;
    return loss;
  }
}

/**
 * fBar = w·(∂r/∂F)ᵀ r for the residuals of `boussinesqResiduals` (F: Ω, U1, U2, Φ, Ψ with ∂z1, ∂z2);
 * returns w·(∂r/∂λ)·r. With w = 1 the products are exactly those of the unweighted adjoint (the
 * smoothness term uses it so). O(1).
 * @internal
 */
export function residualAdjoint(z1: number, z2: number, lambda: number, F: Vec, r: Vec, w: number, fBar: Vec): number {
  const s1 = 1 / Math.cosh(z1);
  const s2 = 1 / Math.cosh(z2);
  const sh1 = Math.sinh(z1);
  const sh2 = Math.sinh(z2);
  const k = 1 + lambda;
  const [, om1, om2, u1, u11, u12, u2, u21, u22, ph, ph1, ph2, ps, ps1, ps2] = F;
  const v1 = k * sh1 + u1;
  const v2 = k * sh2 + u2;
  const r0 = w * r[0], r1 = w * r[1], r2 = w * r[2], r3 = w * r[3], r4 = w * r[4], r5 = w * r[5];
  fBar[0] = r0 + r4;
  fBar[1] = r0 * v1 * s1;
  fBar[2] = r0 * v2 * s2;
  fBar[3] = r0 * s1 * om1 + r1 * s1 * ph1 + r2 * s1 * ps1;
  fBar[4] = r1 * s1 * ph + r3 * s1;
  fBar[5] = r2 * s2 * ph + r4 * s2;
  fBar[6] = r0 * s2 * om2 + r1 * s2 * ph2 + r2 * s2 * ps2;
  fBar[7] = r1 * s1 * ps - r4 * s1;
  fBar[8] = r2 * s2 * ps + r3 * s2;
  fBar[9] = -r0 + r1 * (2 + s1 * u11) + r2 * s2 * u12;
  fBar[10] = r1 * v1 * s1;
  fBar[11] = r1 * v2 * s2 - r5 * s2;
  fBar[12] = r1 * s1 * u21 + r2 * (2 + s2 * u22);
  fBar[13] = r2 * v1 * s1 + r5 * s1;
  fBar[14] = r2 * v2 * s2;
  return r0 * (sh1 * s1 * om1 + sh2 * s2 * om2) + r1 * (sh1 * s1 * ph1 + sh2 * s2 * ph2) + r2 * (sh1 * s1 * ps1 + sh2 * s2 * ps2);
}
