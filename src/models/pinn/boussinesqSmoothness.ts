/**
 * The smoothness term of the Boussinesq loss (thesis (B.4.1), Appendix B.4): L_s = mean over points and
 * over the six residuals e of |∇_z R_e|² = Σ_i (∂_{z_i} R_e)² (the mean over residuals, not the sum, is
 * what the reference run logged), with its exact gradient in the parameters
 * of the six networks and λ. ∂_{z_i}R_e needs the second derivatives ∂z1², ∂z2² and ∂z1∂z2 of every
 * field. The network jets carry pure second derivatives only, so each network is evaluated as a
 * 3-input network with first layer [W₁ | W₁(1, 1)ᵀ] at (z1, z2, 0): its pure second derivative in the
 * third input is N₁₁ + 2N₁₂ + N₂₂, which gives the mixed N₁₂; the gradient of that weight column is
 * added to both columns of W₁. The adjoint of ∂_{z_i}R (a directional derivative of R) is the
 * directional derivative of R's adjoint (forward over reverse), written out by hand.
 *
 * @module
 */
import { checkAllFinite, checkNonNegative } from '../../core/check';
import { InvalidArgumentError } from '../../core/errors';
import type { Vec } from '../../core/types';
import { Mlp } from '../../nn/mlp';
import { backwardMlp, forwardMlp } from '../../nn/propagation';
import { MlpWorkspace } from '../../nn/workspace';
import { residualAdjoint } from './boussinesqLoss';

/** Parity in z1 of each network, in θ order: Ω1, Ω2, U1, U2, Φ, Ψ. */
const PARITY = [1, -1, -1, 1, -1, 1];
/** Sign of each jet component (v, ∂1, ∂2, ∂11, ∂22, ∂12) under z1 → −z1. */
const FLIP = [1, -1, 1, 1, 1, -1];

/**
 * Value and gradient of the smoothness term at a set of points; O(n·Σ params) with 7 jet channels.
 * @example
 * ```ts
 * const s = new BoussinesqSmoothness(nets);   // the six networks of a BoussinesqLoss
 * s.setPoints(points);                        // row-major (z1, z2)
 * const f = s.evaluate(theta, grad);          // adds its gradient into grad
 * ```
 */
export class BoussinesqSmoothness {
  /** Weight of the term (default 0.1, thesis (B.4.1)). */
  readonly weight: number;
  /** Unweighted mean over points and residuals of |∇_z R_e|² at the last evaluation (the reference's "smoothness loss"). */
  value = 0;
  private readonly nets: readonly Mlp[];
  private readonly aug: Mlp[];
  private readonly offsets: number[] = [];
  private readonly size: number;
  private ws: MlpWorkspace[] = [];
  private X = { rows: 0, cols: 3, data: new Float64Array(0) };
  private n = 0;
  private readonly gAug: Float64Array[];
  private P = new Float64Array(0); // per point: 6 nets × 6 components
  private readonly F = new Float64Array(15);
  private readonly D = [new Float64Array(15), new Float64Array(15)];
  private readonly t = new Float64Array(6);
  private readonly fBar = new Float64Array(15);
  private readonly dBar = [new Float64Array(15), new Float64Array(15)];
  private readonly tmp = new Float64Array(15);
  private readonly pBar = new Float64Array(36);

  /**
   * @param nets - the six networks (Ω1, Ω2, U1, U2, Φ, Ψ), widths [2, …, 1]
   * @param weight - weight of the term (default 0.1)
   */
  constructor(nets: readonly Mlp[], weight = 0.1) {
    if (!Array.isArray(nets) || nets.length !== 6 || nets.some((net) => !(net instanceof Mlp) || net.inputDim !== 2 || net.outputDim !== 1)) {
      throw new InvalidArgumentError('nets', 'six Mlp with widths [2, …, 1]', nets);
    }
    this.weight = checkNonNegative('weight', weight);
    this.nets = nets;
    let p = 0;
    for (const net of nets) {
      this.offsets.push(p);
      p += net.params.length;
    }
    this.size = p + 1;
    this.aug = nets.map((net) => new Mlp([3, ...net.widths.slice(1)], net.activation));
    this.gAug = this.aug.map((net) => new Float64Array(net.params.length));
  }

  /** Set the points (row-major z1, z2; at least one pair). O(n). */
  setPoints(points: ArrayLike<number>): void {
    checkAllFinite('points', points);
    if (points.length < 2 || points.length % 2 !== 0) throw new InvalidArgumentError('points.length', 'an even number ≥ 2 (pairs z1, z2)', points.length);
    const n = points.length / 2;
    if (n !== this.n) {
      this.n = n;
      this.X = { rows: 2 * n, cols: 3, data: new Float64Array(6 * n) };
      this.ws = this.aug.map((net) => new MlpWorkspace(net, 2 * n, 2));
      this.P = new Float64Array(36 * n);
    }
    const d = this.X.data;
    for (let j = 0; j < n; j++) {
      d[3 * j] = points[2 * j];
      d[3 * j + 1] = points[2 * j + 1];
      d[3 * j + 2] = 0;
      d[3 * (n + j)] = -points[2 * j];
      d[3 * (n + j) + 1] = points[2 * j + 1];
      d[3 * (n + j) + 2] = 0;
    }
  }

  /** Weighted term at θ (network parameters then λ); its gradient is added into `grad`. */
  evaluate(theta: Vec, grad: Vec): number {
    if (theta.length !== this.size || grad.length !== this.size) throw new InvalidArgumentError('theta.length', `${this.size}`, theta.length);
    const n = this.n;
    if (n === 0) throw new InvalidArgumentError('points', 'set by setPoints() first', 'none');
    const lambda = theta[this.size - 1];
    const P = this.P;
    this.aug.forEach((net, k) => {
      loadAugmented(theta, this.offsets[k], this.nets[k], net);
      const y = forwardMlp(net, this.X, this.ws[k], { trusted: true });
      const s = PARITY[k];
      for (let j = 0; j < n; j++) {
        const a = 7 * j;
        const b = 7 * (n + j);
        const o = 36 * j + 6 * k;
        const na = [y[a], y[a + 1], y[a + 2], y[a + 4], y[a + 5], 0.5 * (y[a + 6] - y[a + 4] - y[a + 5])];
        const nb = [y[b], y[b + 1], y[b + 2], y[b + 4], y[b + 5], 0.5 * (y[b + 6] - y[b + 4] - y[b + 5])];
        for (let c = 0; c < 6; c++) P[o + c] = 0.5 * (na[c] + s * FLIP[c] * nb[c]);
      }
    });
    const { F, D, t, fBar, dBar, tmp, pBar } = this;
    const w = (2 * this.weight) / (6 * n);
    let sum = 0;
    let lambdaBar = 0;
    const adj = this.ws.map((ws, k) => ws.adjoints[this.aug[k].depth]);
    for (let j = 0; j < n; j++) {
      const z1 = this.X.data[3 * j];
      const z2 = this.X.data[3 * j + 1];
      fieldJets(z1, z2, P, 36 * j, F, D[0], D[1]);
      fBar.fill(0);
      for (let i = 0; i < 2; i++) {
        residualJvp(z1, z2, lambda, F, D[i], i === 0 ? 1 : 0, i === 0 ? 0 : 1, t);
        for (let e = 0; e < 6; e++) {
          sum += t[e] * t[e];
          t[e] *= w;
        }
        residualAdjoint(z1, z2, lambda, F, t, 1, dBar[i]);
        lambdaBar += adjointJvp(z1, z2, lambda, F, D[i], i === 0 ? 1 : 0, i === 0 ? 0 : 1, t, tmp);
        for (let m = 0; m < 15; m++) fBar[m] += tmp[m];
      }
      // adjoints of the six components of each field
      for (let f = 0; f < 5; f++) {
        const b = 3 * f;
        const q = 6 * f;
        pBar[q] = fBar[b];
        pBar[q + 1] = fBar[b + 1] + dBar[0][b];
        pBar[q + 2] = fBar[b + 2] + dBar[1][b];
        pBar[q + 3] = dBar[0][b + 1];
        pBar[q + 4] = dBar[1][b + 2];
        pBar[q + 5] = dBar[0][b + 2] + dBar[1][b + 1];
      }
      // through the Ω ansatz: pBar[0..5] (Ω) → Ω1 (A) and Ω2 (B) components, written to pBar[30..35] and the Ω slot
      const [w0, w1, w2, w11, w22, w12] = [pBar[0], pBar[1], pBar[2], pBar[3], pBar[4], pBar[5]];
      const zz = z1 * z2;
      const z11 = z1 * z1;
      const A = [zz * w0 + z2 * w1 + z1 * w2 + w12, zz * w1 + 2 * z2 * w11 + z1 * w12, zz * w2 + 2 * z1 * w22 + z2 * w12, zz * w11, zz * w22, zz * w12];
      const B = [z11 * w0 + 2 * z1 * w1 + 2 * w11, z11 * w1 + 4 * z1 * w11, z11 * w2 + 2 * z1 * w12, z11 * w11, z11 * w22, z11 * w12];
      for (let k = 0; k < 6; k++) {
        const comp = (c: number) => (k === 0 ? A[c] : k === 1 ? B[c] : pBar[6 * (k - 1) + c]);
        const s = PARITY[k];
        const R = adj[k];
        const ra = 7 * j;
        const rb = 7 * (n + j);
        const set = (r: number, f: number) => {
          const [v, d1, d2, d11, d22, d12] = [0, 1, 2, 3, 4, 5].map((c) => 0.5 * comp(c) * (f === 1 ? 1 : s * FLIP[c]));
          R[r] = v;
          R[r + 1] = d1;
          R[r + 2] = d2;
          R[r + 3] = 0;
          R[r + 4] = d11 - 0.5 * d12;
          R[r + 5] = d22 - 0.5 * d12;
          R[r + 6] = 0.5 * d12;
        };
        set(ra, 1);
        set(rb, -1);
      }
    }
    this.value = sum / (6 * n);
    const loss = this.weight * this.value;
    if (!Number.isFinite(loss)) return loss;
    this.aug.forEach((net, k) => {
      backwardMlp(net, this.ws[k], this.gAug[k]);
      storeAugmentedGradient(this.gAug[k], this.nets[k], grad, this.offsets[k]);
    });
    grad[this.size - 1] += lambdaBar;
    return loss;
  }
}

/** Parameters of `net` (from θ at `o`) into the 3-input network with first layer [W₁ | W₁(1, 1)ᵀ]. */
function loadAugmented(theta: Vec, o: number, net: Mlp, aug: Mlp): void {
  const n1 = net.widths[1];
  const a = aug.params;
  for (let r = 0; r < n1; r++) {
    const w0 = theta[o + 2 * r];
    const w1 = theta[o + 2 * r + 1];
    a[3 * r] = w0;
    a[3 * r + 1] = w1;
    a[3 * r + 2] = w0 + w1;
  }
  const rest = net.params.length - 2 * n1;
  for (let i = 0; i < rest; i++) a[3 * n1 + i] = theta[o + 2 * n1 + i];
}

/** Add the gradient of the 3-input network, mapped back to `net`'s parameters, into grad at `o`. */
function storeAugmentedGradient(g: Vec, net: Mlp, grad: Vec, o: number): void {
  const n1 = net.widths[1];
  for (let r = 0; r < n1; r++) {
    grad[o + 2 * r] += g[3 * r] + g[3 * r + 2];
    grad[o + 2 * r + 1] += g[3 * r + 1] + g[3 * r + 2];
  }
  const rest = net.params.length - 2 * n1;
  for (let i = 0; i < rest; i++) grad[o + 2 * n1 + i] += g[3 * n1 + i];
}

/**
 * Fields F (Ω, U1, U2, Φ, Ψ with ∂z1, ∂z2) and their z1- and z2-derivatives D1, D2 from the six
 * components (v, ∂1, ∂2, ∂11, ∂22, ∂12) of each parity-wrapped network at P[o…o+35]; Ω = −z1 + z1z2Ω1 + z1²Ω2.
 */
function fieldJets(z1: number, z2: number, P: Vec, o: number, F: Vec, D1: Vec, D2: Vec): void {
  const [A, A1, A2, A11, A22, A12] = [P[o], P[o + 1], P[o + 2], P[o + 3], P[o + 4], P[o + 5]];
  const [B, B1, B2, B11, B22, B12] = [P[o + 6], P[o + 7], P[o + 8], P[o + 9], P[o + 10], P[o + 11]];
  const zz = z1 * z2;
  const z11 = z1 * z1;
  const om1 = -1 + z2 * A + zz * A1 + 2 * z1 * B + z11 * B1;
  const om2 = z1 * A + zz * A2 + z11 * B2;
  const om12 = A + z2 * A2 + z1 * A1 + zz * A12 + 2 * z1 * B2 + z11 * B12;
  F[0] = -z1 + zz * A + z11 * B;
  F[1] = om1;
  F[2] = om2;
  D1[0] = om1;
  D1[1] = 2 * z2 * A1 + zz * A11 + 2 * B + 4 * z1 * B1 + z11 * B11;
  D1[2] = om12;
  D2[0] = om2;
  D2[1] = om12;
  D2[2] = 2 * z1 * A2 + zz * A22 + z11 * B22;
  for (let f = 1; f < 5; f++) {
    const q = o + 6 * (f + 1);
    const b = 3 * f;
    F[b] = P[q];
    F[b + 1] = P[q + 1];
    F[b + 2] = P[q + 2];
    D1[b] = P[q + 1];
    D1[b + 1] = P[q + 3];
    D1[b + 2] = P[q + 5];
    D2[b] = P[q + 2];
    D2[b + 1] = P[q + 5];
    D2[b + 2] = P[q + 4];
  }
}

/** Directional derivative of the six residuals along (Ḟ = d, ż = (e1, e2)) at fixed λ. */
function residualJvp(z1: number, z2: number, lambda: number, F: Vec, d: Vec, e1: number, e2: number, out: Vec): void {
  const k = 1 + lambda;
  const s1 = 1 / Math.cosh(z1), s2 = 1 / Math.cosh(z2);
  const ds1 = -s1 * Math.tanh(z1) * e1, ds2 = -s2 * Math.tanh(z2) * e2;
  const [, om1, om2, u1, u11, u12, u2, u21, u22, ph, ph1, ph2, ps, ps1, ps2] = F;
  const [dom, dom1, dom2, du1, du11, du12, du2, du21, du22, dph, dph1, dph2, dps, dps1, dps2] = d;
  const v1 = k * Math.sinh(z1) + u1, v2 = k * Math.sinh(z2) + u2;
  const dv1 = k * Math.cosh(z1) * e1 + du1, dv2 = k * Math.cosh(z2) * e2 + du2;
  const a1 = dv1 * s1 + v1 * ds1, a2 = dv2 * s2 + v2 * ds2; // d(v_i s_i)
  out[0] = dom + a1 * om1 + v1 * s1 * dom1 + a2 * om2 + v2 * s2 * dom2 - dph;
  out[1] = (ds1 * u11 + s1 * du11) * ph + (2 + s1 * u11) * dph + a1 * ph1 + v1 * s1 * dph1 + a2 * ph2 + v2 * s2 * dph2 + (ds1 * u21 + s1 * du21) * ps + s1 * u21 * dps;
  out[2] = (ds2 * u22 + s2 * du22) * ps + (2 + s2 * u22) * dps + a1 * ps1 + v1 * s1 * dps1 + a2 * ps2 + v2 * s2 * dps2 + (ds2 * u12 + s2 * du12) * ph + s2 * u12 * dph;
  out[3] = ds1 * u11 + s1 * du11 + ds2 * u22 + s2 * du22;
  out[4] = dom - (ds1 * u21 + s1 * du21 - ds2 * u12 - s2 * du12);
  out[5] = ds1 * ps1 + s1 * dps1 - ds2 * ph2 - s2 * dph2;
}

/**
 * Directional derivative, along (Ḟ = d, ż = (e1, e2)) at fixed r, of `residualAdjoint` into out; returns
 * the same derivative of rᵀ∂R/∂λ (the λ adjoint of the directional derivative of R).
 */
function adjointJvp(z1: number, z2: number, lambda: number, F: Vec, d: Vec, e1: number, e2: number, r: Vec, out: Vec): number {
  const k = 1 + lambda;
  const s1 = 1 / Math.cosh(z1), s2 = 1 / Math.cosh(z2);
  const sh1 = Math.sinh(z1), sh2 = Math.sinh(z2);
  const ds1 = -s1 * Math.tanh(z1) * e1, ds2 = -s2 * Math.tanh(z2) * e2;
  const dsh1 = Math.cosh(z1) * e1, dsh2 = Math.cosh(z2) * e2;
  const [, om1, om2, u1, u11, u12, u2, u21, u22, ph, ph1, ph2, ps, ps1, ps2] = F;
  const [, dom1, dom2, du1, du11, du12, du2, du21, du22, dph, dph1, dph2, dps, dps1, dps2] = d;
  const v1 = k * sh1 + u1, v2 = k * sh2 + u2;
  const a1 = (k * dsh1 + du1) * s1 + v1 * ds1, a2 = (k * dsh2 + du2) * s2 + v2 * ds2;
  const [r0, r1, r2, r3, r4, r5] = r;
  out[0] = 0;
  out[1] = r0 * a1;
  out[2] = r0 * a2;
  out[3] = r0 * (ds1 * om1 + s1 * dom1) + r1 * (ds1 * ph1 + s1 * dph1) + r2 * (ds1 * ps1 + s1 * dps1);
  out[4] = r1 * (ds1 * ph + s1 * dph) + r3 * ds1;
  out[5] = r2 * (ds2 * ph + s2 * dph) + r4 * ds2;
  out[6] = r0 * (ds2 * om2 + s2 * dom2) + r1 * (ds2 * ph2 + s2 * dph2) + r2 * (ds2 * ps2 + s2 * dps2);
  out[7] = r1 * (ds1 * ps + s1 * dps) - r4 * ds1;
  out[8] = r2 * (ds2 * ps + s2 * dps) + r3 * ds2;
  out[9] = r1 * (ds1 * u11 + s1 * du11) + r2 * (ds2 * u12 + s2 * du12);
  out[10] = r1 * a1;
  out[11] = r1 * a2 - r5 * ds2;
  out[12] = r1 * (ds1 * u21 + s1 * du21) + r2 * (ds2 * u22 + s2 * du22);
  out[13] = r2 * a1 + r5 * ds1;
  out[14] = r2 * a2;
  const q = (sh: number, dsh: number, s: number, ds: number, x: number, dx: number) => dsh * s * x + sh * ds * x + sh * s * dx;
  return r0 * (q(sh1, dsh1, s1, ds1, om1, dom1) + q(sh2, dsh2, s2, ds2, om2, dom2)) + r1 * (q(sh1, dsh1, s1, ds1, ph1, dph1) + q(sh2, dsh2, s2, ds2, ph2, dph2))
    + r2 * (q(sh1, dsh1, s1, ds1, ps1, dps1) + q(sh2, dsh2, s2, ds2, ps2, dps2));
}
