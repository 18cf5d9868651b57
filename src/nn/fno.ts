/**
 * A float64 Fourier neural operator (FNO) in 1D and 2D with exact reverse-mode gradients over a
 * flat parameter vector. The thesis (§1.2.1, App. B.2.1) only names neural operators; the
 * architecture follows the defaults of the public neuraloperator library 2.0 (`FNO`: grid
 * embedding, lifting and projection channel MLPs with ratio 2, linear skips, soft-gating channel-MLP
 * skips with expansion ½, GELU, post-activation blocks) — see docs/neural-operator.md.
 *
 * @module
 */
import { checkInRange, checkInteger } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import { Rng } from '../random/rng';
import type { Seed } from '../random/seed';
import { erf } from '../special/erf';
import { pointwiseLinear, pointwiseLinearBackward } from './pointwise';
import { SpectralConv, checkModes, type SpatialShape } from './spectralConv';

/** Architecture of an {@link Fno} (neuraloperator 2.0 names in camelCase). */
export interface FnoOptions {
  /** Modes per dimension ([m] in 1D, [m0, m1] in 2D), neuraloperator 2.0 convention. */
  nModes: readonly number[];
  /** Input channels (before the grid embedding). */
  inChannels: number;
  /** Output channels. */
  outChannels: number;
  /** Width of the FNO blocks. */
  hiddenChannels: number;
  /** Number of FNO blocks (default 4). */
  nLayers?: number;
  /** Lifting hidden width = ratio·hidden (default 2). */
  liftingChannelRatio?: number;
  /** Projection hidden width = ratio·hidden (default 2). */
  projectionChannelRatio?: number;
  /** Channel-MLP hidden width = round-half-even(expansion·hidden) (default 0.5). */
  channelMlpExpansion?: number;
  /** Append the coordinates x_j = j/n as channels (default true, neuraloperator's "grid"). */
  positionalEmbedding?: boolean;
}

/** Offsets of one FNO block's parameters. */
export interface FnoBlockOffsets {
  /** SpectralConv block (weights then bias). */
  spectral: number;
  /** Linear skip weight (hidden × hidden, no bias). */
  skip: number;
  /** Soft-gating weights (hidden). */
  gate: number;
  /** Channel MLP first weight (e × hidden) and its bias. */
  mlp1: number;
  /** Channel MLP second weight (hidden × e) and its bias. */
  mlp2: number;
}

/** Parameter offsets of an {@link Fno}; weights are row-major out × in followed by the bias. */
export interface FnoLayout {
  /** Lifting first layer. */
  lift1: number;
  /** Lifting second layer. */
  lift2: number;
  /** The FNO blocks. */
  blocks: FnoBlockOffsets[];
  /** Projection first layer. */
  proj1: number;
  /** Projection second layer. */
  proj2: number;
  /** Total parameter count. */
  total: number;
}

const INV_SQRT_2PI = 0.3989422804014327;

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

interface FnoWork {
  shape: number[]; s0: number; s1: number; P: number;
  x0: Float64Array; a1: Float64Array; xs: Float64Array[]; u: Float64Array[]; a: Float64Array[]; r: Float64Array[]; pa: Float64Array;
  /** GELU values and derivatives kept from the forward pass (lift, per block v/z/x_{l+1}, projection). */
  z1: Float64Array; d1: Float64Array; v: Float64Array[]; dv: Float64Array[]; z: Float64Array[]; dz: Float64Array[]; dr: Float64Array[];
  pz: Float64Array; dp: Float64Array;
  g1: Float64Array; g2: Float64Array; g3: Float64Array;
}

/**
 * The FNO map u ↦ Q(σ(W_L … σ(W_1 P(u))…)) with W_l = SpectralConv + linear skip, channel MLP +
 * soft gating. Fields are channel-major (channel × points, points row-major). `forward` keeps the
 * activations of the last call; `backward` then adds the exact gradient of ⟨gy, y⟩ to `grad`.
 * Cost per sample O(L·(h²P + h·P log P + h²·modes)).
 *
 * @example
 * ```ts
 * const fno = new Fno({ nModes: [16], inChannels: 1, outChannels: 1, hiddenChannels: 32 });
 * const theta = fno.initialize(42);
 * const y = fno.forward(theta, u0, [128]);       // 128 outputs
 * const grad = new Float64Array(fno.parameterCount);
 * fno.backward(theta, dLossDy, grad);            // gradient of the loss
 * ```
 */
export class Fno {
  /** Spatial dimension. */
  readonly dim: number;
  /** Resolved options. */
  readonly options: Readonly<Required<FnoOptions>>;
  /** Parameter offsets. */
  readonly layout: FnoLayout;
  /** Number of parameters. */
  readonly parameterCount: number;
  /** The spectral convolutions of the blocks. */
  readonly convs: readonly SpectralConv[];
  private readonly cin: number;
  private readonly lh: number;
  private readonly ph: number;
  private readonly eh: number;
  private work: FnoWork | null = null;
  private hasForward = false;

  /** @param options - see {@link FnoOptions}; invalid values throw before any work */
  constructor(options: FnoOptions) {
    if (typeof options !== 'object' || options === null) throw new InvalidTypeError('options', 'an object', options);
    const nModes = checkModes('options.nModes', options.nModes);
    const o: Required<FnoOptions> = {
      nModes,
      inChannels: checkInteger('options.inChannels', options.inChannels, 1),
      outChannels: checkInteger('options.outChannels', options.outChannels, 1),
      hiddenChannels: checkInteger('options.hiddenChannels', options.hiddenChannels, 1),
      nLayers: checkInteger('options.nLayers', options.nLayers ?? 4, 1),
      liftingChannelRatio: checkInRange('options.liftingChannelRatio', options.liftingChannelRatio ?? 2, 0.01, 64),
      projectionChannelRatio: checkInRange('options.projectionChannelRatio', options.projectionChannelRatio ?? 2, 0.01, 64),
      channelMlpExpansion: checkInRange('options.channelMlpExpansion', options.channelMlpExpansion ?? 0.5, 0.01, 64),
      positionalEmbedding: options.positionalEmbedding ?? true,
    };
    this.options = Object.freeze(o);
    this.dim = nModes.length;
    const h = o.hiddenChannels;
    this.cin = o.inChannels + (o.positionalEmbedding ? this.dim : 0);
    this.lh = Math.max(1, Math.round(o.liftingChannelRatio * h));
    this.ph = Math.max(1, Math.round(o.projectionChannelRatio * h));
    this.eh = Math.max(1, roundHalfEven(o.channelMlpExpansion * h));
    const convs: SpectralConv[] = [];
    let k = 0;
    const take = (n: number): number => { const s = k; k += n; return s; };
    const lift1 = take(this.lh * this.cin + this.lh);
    const lift2 = take(h * this.lh + h);
    const blocks: FnoBlockOffsets[] = [];
    for (let l = 0; l < o.nLayers; l++) {
      const conv = new SpectralConv(h, h, nModes);
      convs.push(conv);
      blocks.push({ spectral: take(conv.parameterCount), skip: take(h * h), gate: take(h), mlp1: take(this.eh * h + this.eh), mlp2: take(h * this.eh + h) });
    }
    const proj1 = take(this.ph * h + this.ph);
    const proj2 = take(o.outChannels * this.ph + o.outChannels);
    this.layout = { lift1, lift2, blocks, proj1, proj2, total: k };
    this.parameterCount = k;
    this.convs = convs;
  }

  /**
   * Seeded initialization as PyTorch/neuraloperator: 1×1 layers W, b ~ U(±1/√fan_in); spectral
   * weights complex normal with std √(2/(in + out)) (real and imaginary parts each of variance
   * std²/2), spectral bias std·N(0, 1); soft gates 1. Same seed ⇒ identical parameters.
   * @param seed - a seed or an {@link Rng}
   */
  initialize(seed: Seed | Rng): Float64Array {
    const rng = seed instanceof Rng ? seed : new Rng(seed);
    const theta = new Float64Array(this.parameterCount);
    const h = this.options.hiddenChannels;
    const uniform = (off: number, inC: number, outC: number, bias: boolean): void => {
      const bound = 1 / Math.sqrt(inC);
      const n = inC * outC + (bias ? outC : 0);
      for (let j = 0; j < n; j++) theta[off + j] = (2 * rng.uniform() - 1) * bound;
    };
    const L = this.layout;
    uniform(L.lift1, this.cin, this.lh, true);
    uniform(L.lift2, this.lh, h, true);
    L.blocks.forEach((b, l) => {
      const conv = this.convs[l];
      const std = Math.sqrt(2 / (h + h));
      const nw = conv.biasOffset;
      for (let j = 0; j < nw; j++) theta[b.spectral + j] = rng.normal() * std * Math.SQRT1_2;
      for (let j = 0; j < h; j++) theta[b.spectral + nw + j] = rng.normal() * std;
      uniform(b.skip, h, h, false);
      theta.fill(1, b.gate, b.gate + h);
      uniform(b.mlp1, h, this.eh, true);
      uniform(b.mlp2, this.eh, h, true);
    });
    uniform(L.proj1, h, this.ph, true);
    uniform(L.proj2, this.ph, this.options.outChannels, true);
    return theta;
  }

  private workspace(shape: SpatialShape): FnoWork {
    const [s0, s1] = this.convs[0].planeShape('shape', shape);
    const w = this.work;
    if (w && w.s0 === s0 && w.s1 === s1) return w;
    const P = s0 * s1, h = this.options.hiddenChannels, L = this.options.nLayers;
    const f = (c: number): Float64Array => new Float64Array(c * P);
    const big = Math.max(this.lh, this.ph, this.eh, h, this.cin, this.options.outChannels);
    this.work = {
      shape: [...shape], s0, s1, P,
      x0: f(this.cin), a1: f(this.lh),
      xs: Array.from({ length: L + 1 }, () => f(h)), u: Array.from({ length: L }, () => f(h)),
      a: Array.from({ length: L }, () => f(this.eh)), r: Array.from({ length: L }, () => f(h)), pa: f(this.ph),
      z1: f(this.lh), d1: f(this.lh), v: Array.from({ length: L }, () => f(h)), dv: Array.from({ length: L }, () => f(h)),
      z: Array.from({ length: L }, () => f(this.eh)), dz: Array.from({ length: L }, () => f(this.eh)), dr: Array.from({ length: L }, () => f(h)),
      pz: f(this.ph), dp: f(this.ph),
      g1: f(big), g2: f(big), g3: f(big),
    };
    return this.work;
  }

  /**
   * Forward pass of one sample.
   * @param theta - parameters (length {@link Fno.parameterCount})
   * @param x - input, inChannels × points (channel-major, points row-major)
   * @param shape - spatial shape ([n] or [n0, n1]); the modes must fit (Nyquist limit)
   * @param out - receives outChannels × points
   */
  forward(theta: Float64Array, x: Float64Array, shape: SpatialShape, out?: Float64Array): Float64Array {
    if (!(theta instanceof Float64Array) || theta.length !== this.parameterCount) throw new InvalidTypeError('theta', `a Float64Array of length ${this.parameterCount}`, theta instanceof Float64Array ? `length ${theta.length}` : theta);
    const w = this.workspace(shape);
    const P = w.P, ci = this.options.inChannels, co = this.options.outChannels;
    if (!(x instanceof Float64Array) || x.length !== ci * P) throw new InvalidTypeError('x', `a Float64Array of length ${ci * P} (inChannels × points)`, x instanceof Float64Array ? `length ${x.length}` : x);
    const y = out ?? new Float64Array(co * P);
    if (!(y instanceof Float64Array) || y.length !== co * P) throw new InvalidTypeError('out', `a Float64Array of length ${co * P}`, y);
    this.forwardRaw(theta, x, y, w);
    this.hasForward = true;
    return y;
  }

  private forwardRaw(theta: Float64Array, x: Float64Array, y: Float64Array, w: FnoWork): void {
    const { P, s0, s1 } = w;
    const h = this.options.hiddenChannels, nL = this.options.nLayers, L = this.layout, ci = this.options.inChannels;
    w.x0.set(x.subarray(0, ci * P));
    if (this.options.positionalEmbedding) {
      for (let j0 = 0; j0 < s0; j0++) for (let j1 = 0; j1 < s1; j1++) {
        const p = j0 * s1 + j1;
        if (this.dim === 2) { w.x0[ci * P + p] = j0 / s0; w.x0[(ci + 1) * P + p] = j1 / s1; }
        else w.x0[ci * P + p] = j1 / s1;
      }
    }
    pointwiseLinear(theta, L.lift1, L.lift1 + this.lh * this.cin, this.cin, this.lh, w.x0, P, w.a1);
    geluWithDerivative(w.a1, w.z1, w.d1, this.lh * P);
    pointwiseLinear(theta, L.lift2, L.lift2 + h * this.lh, this.lh, h, w.z1, P, w.xs[0]);
    for (let l = 0; l < nL; l++) {
      const b = L.blocks[l], last = l === nL - 1, xl = w.xs[l], u = w.u[l];
      this.convs[l].forwardRaw(theta, b.spectral, xl, s0, s1, u, s0, s1);
      pointwiseLinear(theta, b.skip, -1, h, h, xl, P, u, true);
      const v = last ? u : geluWithDerivative(u, w.v[l], w.dv[l], h * P);
      pointwiseLinear(theta, b.mlp1, b.mlp1 + this.eh * h, h, this.eh, v, P, w.a[l]);
      geluWithDerivative(w.a[l], w.z[l], w.dz[l], this.eh * P);
      const r = w.r[l];
      pointwiseLinear(theta, b.mlp2, b.mlp2 + h * this.eh, this.eh, h, w.z[l], P, r);
      for (let c = 0; c < h; c++) { const g = theta[b.gate + c]; for (let p = 0; p < P; p++) r[c * P + p] += g * xl[c * P + p]; }
      if (last) w.xs[l + 1].set(r); else geluWithDerivative(r, w.xs[l + 1], w.dr[l], h * P);
    }
    pointwiseLinear(theta, L.proj1, L.proj1 + this.ph * h, h, this.ph, w.xs[nL], P, w.pa);
    geluWithDerivative(w.pa, w.pz, w.dp, this.ph * P);
    pointwiseLinear(theta, L.proj2, L.proj2 + this.options.outChannels * this.ph, this.ph, this.options.outChannels, w.pz, P, y);
  }

  /**
   * Reverse pass of the last {@link Fno.forward}: adds d⟨gy, y⟩/dθ to `grad`; optionally writes
   * the input gradient (inChannels × points) to `gx`.
   * @param theta - the parameters of the forward pass
   * @param gy - gradient of the loss with respect to the output (outChannels × points)
   * @param grad - accumulates the parameter gradient
   * @param gx - receives the input gradient (optional)
   */
  backward(theta: Float64Array, gy: Float64Array, grad: Float64Array, gx?: Float64Array): void {
    const w = this.work;
    if (!w || !this.hasForward) throw new InvalidArgumentError('backward', 'called after forward');
    const P = w.P, h = this.options.hiddenChannels, nL = this.options.nLayers, L = this.layout, co = this.options.outChannels;
    if (!(gy instanceof Float64Array) || gy.length !== co * P) throw new InvalidTypeError('gy', `a Float64Array of length ${co * P}`, gy);
    if (!(grad instanceof Float64Array) || grad.length !== this.parameterCount) throw new InvalidTypeError('grad', `a Float64Array of length ${this.parameterCount}`, grad);
    const { g1, g2, g3 } = w;
    // projection
    pointwiseLinearBackward(theta, grad, L.proj2, L.proj2 + co * this.ph, this.ph, co, w.pz, P, gy, g1);
    mulInto(g1, w.dp, this.ph * P);
    pointwiseLinearBackward(theta, grad, L.proj1, L.proj1 + this.ph * h, h, this.ph, w.xs[nL], P, g1, g2);
    // g2 = dL/dx_{l+1}
    for (let l = nL - 1; l >= 0; l--) {
      const b = L.blocks[l], last = l === nL - 1, xl = w.xs[l];
      if (!last) mulInto(g2, w.dr[l], h * P); // g2 = dL/dr
      for (let c = 0; c < h; c++) {
        let s = 0;
        for (let p = 0; p < P; p++) s += g2[c * P + p] * xl[c * P + p];
        grad[b.gate + c] += s;
      }
      pointwiseLinearBackward(theta, grad, b.mlp2, b.mlp2 + h * this.eh, this.eh, h, w.z[l], P, g2, g1);
      mulInto(g1, w.dz[l], this.eh * P);
      const v = last ? w.u[l] : w.v[l];
      pointwiseLinearBackward(theta, grad, b.mlp1, b.mlp1 + this.eh * h, h, this.eh, v, P, g1, g3);
      if (!last) mulInto(g3, w.dv[l], h * P); // g3 = dL/du
      // dL/dx_l: spectral adjoint + skip + gate
      this.convs[l].backwardRaw(theta, b.spectral, g3, grad, g1, w.s0, w.s1, w.s0, w.s1);
      pointwiseLinearBackward(theta, grad, b.skip, -1, h, h, xl, P, g3, g1, true);
      for (let c = 0; c < h; c++) { const gt = theta[b.gate + c]; for (let p = 0; p < P; p++) g1[c * P + p] += gt * g2[c * P + p]; }
      g2.set(g1.subarray(0, h * P));
    }
    pointwiseLinearBackward(theta, grad, L.lift2, L.lift2 + h * this.lh, this.lh, h, w.z1, P, g2, g1);
    mulInto(g1, w.d1, this.lh * P);
    pointwiseLinearBackward(theta, grad, L.lift1, L.lift1 + this.lh * this.cin, this.cin, this.lh, w.x0, P, g1, g2);
    if (gx) gx.set(g2.subarray(0, this.options.inChannels * P));
  }
}

function geluWithDerivative(x: Float64Array, out: Float64Array, deriv: Float64Array, n: number): Float64Array {
  for (let j = 0; j < n; j++) {
    const v = x[j], e = erf(v * Math.SQRT1_2);
    out[j] = 0.5 * v * (1 + e);
    deriv[j] = 0.5 * (1 + e) + v * INV_SQRT_2PI * Math.exp(-0.5 * v * v);
  }
  return out;
}

function mulInto(g: Float64Array, d: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) g[j] *= d[j];
}
