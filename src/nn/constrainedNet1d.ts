/**
 * A scalar profile network on one unbounded axis with hard constraints (thesis Appendix B.2):
 * Û(z) = P(x) + M(x)·B(z) + Q(y), B(z) = f·(N(z) ± N(−z)) (parity wrapper, f = ½ or 1), with the
 * jets Û, Û_z, Û_zz from the MLP's forward input jets and the exact reverse pass: given the adjoints
 * (∂L/∂Û, ∂L/∂Û_z, ∂L/∂Û_zz, ∂L/∂B) per point it returns ∂L/∂θ for all parameters θ, so any loss
 * built from U, U_z, U_zz — including the z-derivative of a residual, as in the smoothness loss of
 * eq. (B.4.1) — is differentiated in one backward pass (cost ≈ 3 forward passes).
 *
 * @module
 */
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import { checkAllFinite } from '../core/check';
import type { Vec } from '../core/types';
import { SinhCoordinate } from '../grid/sinhCoordinate';
import { checkFarFieldLaw, checkParity, checkTaylorAnsatz, farFieldJets, taylorAnsatzJets, type FarFieldLaw, type Parity, type TaylorAnsatz } from './hardConstraints';
import { Mlp } from './mlp';
import { backwardMlp, forwardMlp } from './propagation';
import { MlpWorkspace } from './workspace';

/**
 * The hard constraints of a {@link ConstrainedNet1d}.
 * @example
 * ```ts
 * const exact: Constraints1d = { parity: 'odd', halfParity: false, farField: { coefficient: -1, exponent: 1 / 3, cutoffPower: 15 } };
 * ```
 */
export interface Constraints1d {
  /** Parity wrapper of the network (default 'none'). */
  parity?: Parity;
  /** Use (N(z) ± N(−z))/2 (default true, as in the thesis text) instead of N(z) ± N(−z). */
  halfParity?: boolean;
  /** Taylor ansatz at the origin (default none: P = 0, M = 1). */
  taylor?: TaylorAnsatz;
  /** Cutoff × far-field law added to the output (default none). */
  farField?: FarFieldLaw;
  /** The coordinate y(z) (default y = sinh z). */
  coordinate?: SinhCoordinate;
}

/** Values and first two z-derivatives at a set of points. */
export interface Jets1d {
  /** Û. */
  u: Float64Array;
  /** Û_z. */
  uz: Float64Array;
  /** Û_zz. */
  uzz: Float64Array;
}

/**
 * The constrained network with its buffers for a set of points z_j (see the module documentation).
 * Outputs after {@link ConstrainedNet1d.forward}: `u`, `uz`, `uzz` (Û and its z-derivatives) and
 * `base`, `baseZ`, `baseZZ` (B and its z-derivatives). Memory O(points·Σ widths).
 *
 * @example
 * ```ts
 * const model = new ConstrainedNet1d(net, { parity: 'odd', halfParity: false, farField: law });
 * model.setPoints(z);
 * model.forward();
 * for (let j = 0; j < z.length; j++) model.uBar[j] = 2 * model.u[j] / z.length; // L = mean Û²
 * model.backward(grad);
 * ```
 */
export class ConstrainedNet1d {
  /** The wrapped MLP (widths [1, …, 1]); its `params` are read at every pass. */
  readonly net: Mlp;
  /** Parity of the wrapper. */
  readonly parity: Parity;
  /** Factor f of the parity wrapper (½ or 1; 1 without parity). */
  readonly parityFactor: number;
  /** The Taylor ansatz, if any. */
  readonly taylor: TaylorAnsatz | undefined;
  /** The far-field law, if any. */
  readonly farField: FarFieldLaw | undefined;
  /** The coordinate y(z). */
  readonly coordinate: SinhCoordinate;
  /** Number of points set. */
  n = 0;
  /** The points z_j. */
  z: Vec = new Float64Array(0);
  /** Û, Û_z, Û_zz per point (after forward). */
  u: Vec = new Float64Array(0);
  /** Û_z per point. */
  uz: Vec = new Float64Array(0);
  /** Û_zz per point. */
  uzz: Vec = new Float64Array(0);
  /** B (the parity-wrapped network) per point. */
  base: Vec = new Float64Array(0);
  /** B_z per point. */
  baseZ: Vec = new Float64Array(0);
  /** B_zz per point. */
  baseZZ: Vec = new Float64Array(0);
  /** Adjoints ∂L/∂Û written by the caller before {@link backward}. */
  uBar: Vec = new Float64Array(0);
  /** Adjoints ∂L/∂Û_z. */
  uzBar: Vec = new Float64Array(0);
  /** Adjoints ∂L/∂Û_zz. */
  uzzBar: Vec = new Float64Array(0);
  /** Adjoints ∂L/∂B (direct dependence of the loss on the network part, e.g. a Dirichlet term on B). */
  baseBar: Vec = new Float64Array(0);
  private coeff: Vec = new Float64Array(0);
  private ws: MlpWorkspace | undefined;
  private X = { rows: 0, cols: 1, data: new Float64Array(0) };

  /**
   * @param net - an MLP with one input and one output
   * @param constraints - parity, Taylor ansatz, far-field law, coordinate
   * @throws InvalidArgumentError when the widths do not start and end with 1, or a constraint is invalid
   */
  constructor(net: Mlp, constraints: Constraints1d = {}) {
    if (!(net instanceof Mlp)) throw new InvalidTypeError('net', 'an Mlp', net);
    if (net.inputDim !== 1 || net.outputDim !== 1) throw new InvalidArgumentError('net.widths', 'widths [1, …, 1] (one input, one output)', `[${net.widths.join(', ')}]`);
    this.net = net;
    this.parity = checkParity('constraints.parity', constraints.parity ?? 'none');
    this.parityFactor = this.parity !== 'none' && (constraints.halfParity ?? true) ? 0.5 : 1;
    this.taylor = constraints.taylor === undefined ? undefined : checkTaylorAnsatz('constraints.taylor', constraints.taylor);
    this.farField = constraints.farField === undefined ? undefined : checkFarFieldLaw('constraints.farField', constraints.farField);
    if (constraints.coordinate !== undefined && !(constraints.coordinate instanceof SinhCoordinate)) {
      throw new InvalidTypeError('constraints.coordinate', 'a SinhCoordinate', constraints.coordinate);
    }
    this.coordinate = constraints.coordinate ?? new SinhCoordinate();
  }

  /**
   * Set the points z_j (copied) and precompute the jets of P, M and Q there. Reallocates only when
   * the count changes. O(n·(terms + Σ widths)).
   */
  setPoints(z: ArrayLike<number>): void {
    checkAllFinite('z', z);
    const n = z.length;
    if (n < 1) throw new InvalidArgumentError('z.length', 'at least 1 point', n);
    if (n !== this.n) this.allocate(n);
    const c = this.coeff;
    for (let j = 0; j < n; j++) {
      const zj = z[j];
      this.z[j] = zj;
      const o = 9 * j;
      if (this.taylor !== undefined) taylorAnsatzJets(this.taylor, this.coordinate, zj, c, o);
      else {
        c[o] = c[o + 1] = c[o + 2] = 0;
        c[o + 3] = 1;
        c[o + 4] = c[o + 5] = 0;
      }
      if (this.farField !== undefined) farFieldJets(this.farField, this.coordinate, zj, c, o + 6);
      else c[o + 6] = c[o + 7] = c[o + 8] = 0;
      this.X.data[j] = zj;
      if (this.parity !== 'none') this.X.data[n + j] = -zj;
    }
  }

  private allocate(n: number): void {
    this.n = n;
    const mk = () => new Float64Array(n);
    this.z = mk();
    this.u = mk();
    this.uz = mk();
    this.uzz = mk();
    this.base = mk();
    this.baseZ = mk();
    this.baseZZ = mk();
    this.uBar = mk();
    this.uzBar = mk();
    this.uzzBar = mk();
    this.baseBar = mk();
    this.coeff = new Float64Array(9 * n);
    const rows = this.parity === 'none' ? n : 2 * n;
    this.X = { rows, cols: 1, data: new Float64Array(rows) };
    this.ws = new MlpWorkspace(this.net, rows, 2);
  }

  /** Forward pass at the points: fills u, uz, uzz, base, baseZ, baseZZ. O(n·C·Σ n_l n_{l+1}). */
  forward(): void {
    const ws = this.requireWorkspace();
    const out = forwardMlp(this.net, this.X, ws, { trusted: true });
    const n = this.n;
    const f = this.parityFactor;
    const sg = this.parity === 'odd' ? -1 : 1;
    const c = this.coeff;
    for (let j = 0; j < n; j++) {
      let b0 = out[3 * j];
      let b1 = out[3 * j + 1];
      let b2 = out[3 * j + 2];
      if (this.parity !== 'none') {
        const m = 3 * (n + j);
        b0 = f * (b0 + sg * out[m]);
        b1 = f * (b1 - sg * out[m + 1]);
        b2 = f * (b2 + sg * out[m + 2]);
      }
      this.base[j] = b0;
      this.baseZ[j] = b1;
      this.baseZZ[j] = b2;
      const o = 9 * j;
      const m0 = c[o + 3];
      const m1 = c[o + 4];
      const m2 = c[o + 5];
      this.u[j] = c[o] + c[o + 6] + m0 * b0;
      this.uz[j] = c[o + 1] + c[o + 7] + m1 * b0 + m0 * b1;
      this.uzz[j] = c[o + 2] + c[o + 8] + m2 * b0 + 2 * m1 * b1 + m0 * b2;
    }
  }

  /**
   * Reverse pass after {@link forward}: from uBar, uzBar, uzzBar and baseBar (written by the caller)
   * computes ∂L/∂θ into `grad` (overwritten unless `accumulate`). O(2× forward).
   */
  backward(grad: Vec, accumulate = false): Vec {
    const ws = this.requireWorkspace();
    const n = this.n;
    const f = this.parityFactor;
    const sg = this.parity === 'odd' ? -1 : 1;
    const c = this.coeff;
    const adj = ws.adjoints[this.net.depth];
    for (let j = 0; j < n; j++) {
      const o = 9 * j;
      const m0 = c[o + 3];
      const m1 = c[o + 4];
      const m2 = c[o + 5];
      const ub = this.uBar[j];
      const uzb = this.uzBar[j];
      const uzzb = this.uzzBar[j];
      const bb0 = m0 * ub + m1 * uzb + m2 * uzzb + this.baseBar[j];
      const bb1 = m0 * uzb + 2 * m1 * uzzb;
      const bb2 = m0 * uzzb;
      if (this.parity === 'none') {
        adj[3 * j] = bb0;
        adj[3 * j + 1] = bb1;
        adj[3 * j + 2] = bb2;
      } else {
        adj[3 * j] = f * bb0;
        adj[3 * j + 1] = f * bb1;
        adj[3 * j + 2] = f * bb2;
        const m = 3 * (n + j);
        adj[m] = f * sg * bb0;
        adj[m + 1] = -f * sg * bb1;
        adj[m + 2] = f * sg * bb2;
      }
    }
    return backwardMlp(this.net, ws, grad, { accumulate });
  }

  /** Evaluate Û, Û_z, Û_zz at arbitrary points (allocates its own buffers; for post-processing). */
  evaluate(z: ArrayLike<number>): Jets1d {
    const probe = new ConstrainedNet1d(this.net, {
      parity: this.parity, halfParity: this.parityFactor === 0.5, taylor: this.taylor, farField: this.farField, coordinate: this.coordinate,
    });
    probe.setPoints(z);
    probe.forward();
    return { u: Float64Array.from(probe.u), uz: Float64Array.from(probe.uz), uzz: Float64Array.from(probe.uzz) };
  }

  private requireWorkspace(): MlpWorkspace {
    if (this.ws === undefined) throw new InvalidArgumentError('points', 'set by setPoints() before forward()/backward()', 'none');
    return this.ws;
  }
}
