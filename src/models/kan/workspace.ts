/**
 * Preallocated buffers for the forward and backward passes of a KAN on a fixed batch size:
 * node values and input-derivative jets per layer, the local B-spline cache (start index and the
 * k+1 nonzero basis values with their derivatives per sample and input node), the base-function
 * jets, and the adjoints. Memory O(batch·Σ_l n_l·(k+1)·(order+2)) — never
 * O(batch·n_l·n_{l+1}·(G+k)).
 *
 * @module
 */
import { checkInteger } from '../../core/check';
import { InvalidTypeError } from '../../core/errors';
import type { Vec } from '../../core/types';
import { KanNetwork } from './network';

/** Input-derivative order carried by a pass: 0 values, 1 gradients, 2 pure second derivatives. */
export type JetOrder = 0 | 1 | 2;

/**
 * Workspace of {@link forwardKan}/{@link backwardKan} for one network shape and degree, batch size
 * and jet order. Grid updates and extensions keep shape and degree, so a workspace can be reused
 * across them.
 *
 * Layouts (s sample, i node, d direction = input coordinate, D = n_0 when order ≥ 1, else 0):
 * `values[l][s·n_l + i]`, `first[l][(s·n_l + i)·D + d]` = ∂x_{l,i}/∂x_{0,d},
 * `second[l][(s·n_l + i)·D + d]` = ∂²x_{l,i}/∂x_{0,d}² (l = 0 … L; l = L is the output), and the
 * adjoints `valueAdjoint`, `firstAdjoint`, `secondAdjoint` with the same layouts. Layers with
 * multiplication nodes also keep their subnode sums (before the products) in `subValues[l + 1]`,
 * `subFirst`, `subSecond` and the matching adjoints (layout as above with the subnode count); for
 * the other layers these entries are the node arrays themselves.
 *
 * @example
 * ```ts
 * const ws = new KanWorkspace(net, 256, 2);         // Laplacians of a 2-input network
 * forwardKan(net, X, ws);
 * ws.second[net.depth];                             // ∂²u/∂x², ∂²u/∂y² per sample
 * ```
 */
export class KanWorkspace {
  /** Samples per pass. */
  readonly batch: number;
  /** Jet order. */
  readonly order: JetOrder;
  /** Number of derivative directions D (n_0 when order ≥ 1, else 0). */
  readonly directions: number;
  /** Shape of the network the workspace was made for. */
  readonly shape: readonly number[];
  /** Spline degree k of that network. */
  readonly degree: number;
  /** Node/subnode structure of that network ({@link KanNetwork.structureKey}). */
  readonly structureKey: string;
  /** Node values per layer (l = 0 … L). */
  readonly values: Vec[];
  /** First derivatives per layer (empty arrays when order = 0). */
  readonly first: Vec[];
  /** Pure second derivatives per layer (empty arrays when order < 2). */
  readonly second: Vec[];
  /** Adjoints of {@link values}. */
  readonly valueAdjoint: Vec[];
  /** Adjoints of {@link first}. */
  readonly firstAdjoint: Vec[];
  /** Adjoints of {@link second}. */
  readonly secondAdjoint: Vec[];
  /** Subnode values per layer output (index l + 1 for layer l; entry 0 is `values[0]`). */
  readonly subValues: Vec[];
  /** Subnode first derivatives (see {@link subValues}). */
  readonly subFirst: Vec[];
  /** Subnode pure second derivatives (see {@link subValues}). */
  readonly subSecond: Vec[];
  /** Adjoints of {@link subValues}. */
  readonly subValueAdjoint: Vec[];
  /** Adjoints of {@link subFirst}. */
  readonly subFirstAdjoint: Vec[];
  /** Adjoints of {@link subSecond}. */
  readonly subSecondAdjoint: Vec[];
  /** Scratch of 1 + 2·D entries: the jet of a product of all factors but one. */
  readonly productWork: Vec;
  /** Per layer: start index of the k+1 nonzero basis functions, per (sample, input node). */
  readonly basisStart: Int32Array[];
  /** Per layer: B^{(n)}_{start+r}, n = 0 … order+1, at [((s·n_l + i)(order+2) + n)(k+1) + r]. */
  readonly basisValues: Vec[];
  /** Per layer: b, b′, b″, b‴ of the base function at [(s·n_l + i)·4 + n]. */
  readonly baseJets: Vec[];
  /**
   * Per layer: mean over the batch of |φ_{l,j,i}| per edge (index j·n_l + i), filled by
   * {@link forwardKan} when `statistics` is requested (regularization, attribution).
   */
  readonly edgeAbsMean: Vec[];
  /**
   * Per layer: optional extra adjoint weight per edge, w_e, adding w_e·sign(φ_e(x_s)) to the
   * adjoint of every edge output (the derivative of mean-|φ| regularizers); null = none.
   */
  readonly edgeSignWeight: (Vec | null)[];
  /** Scratch of (order+2)·(k+1) basis values and 4 function values. */
  readonly scratch: Vec;
  /** Scratch (k+1)² table of the local basis kernel. */
  readonly basisWork: Vec;

  /**
   * @param net - network whose shape and degree fix the buffer sizes
   * @param batch - samples per pass, an integer ≥ 1
   * @param order - input-derivative jet order 0, 1 or 2 (default 0)
   */
  constructor(net: KanNetwork, batch: number, order: JetOrder = 0) {
    if (!(net instanceof KanNetwork)) throw new InvalidTypeError('net', 'a KanNetwork', net);
    this.batch = checkInteger('batch', batch, 1);
    this.order = checkInteger('order', order, 0, 2) as JetOrder;
    this.shape = net.shape;
    this.degree = net.degree;
    this.structureKey = net.structureKey;
    const D = order > 0 ? net.inputDim : 0;
    this.directions = D;
    const k1 = net.degree + 1;
    const alloc = (n: number): Vec => new Float64Array(n);
    this.values = net.shape.map((n) => alloc(batch * n));
    this.first = net.shape.map((n) => alloc(order >= 1 ? batch * n * D : 0));
    this.second = net.shape.map((n) => alloc(order >= 2 ? batch * n * D : 0));
    this.valueAdjoint = net.shape.map((n) => alloc(batch * n));
    this.firstAdjoint = net.shape.map((n) => alloc(order >= 1 ? batch * n * D : 0));
    this.secondAdjoint = net.shape.map((n) => alloc(order >= 2 ? batch * n * D : 0));
    const sub = (nodes: Vec[], perSubnode: number): Vec[] =>
      nodes.map((a, l) => (l > 0 && net.layers[l - 1].hasMult ? alloc(batch * net.layers[l - 1].outDim * perSubnode) : a));
    this.subValues = sub(this.values, 1);
    this.subFirst = sub(this.first, order >= 1 ? D : 0);
    this.subSecond = sub(this.second, order >= 2 ? D : 0);
    this.subValueAdjoint = sub(this.valueAdjoint, 1);
    this.subFirstAdjoint = sub(this.firstAdjoint, order >= 1 ? D : 0);
    this.subSecondAdjoint = sub(this.secondAdjoint, order >= 2 ? D : 0);
    this.productWork = alloc(1 + 2 * D);
    const inner = net.shape.slice(0, -1);
    this.basisStart = inner.map((n) => new Int32Array(batch * n));
    this.basisValues = inner.map((n) => alloc(batch * n * (order + 2) * k1));
    this.baseJets = inner.map((n) => alloc(batch * n * 4));
    this.edgeAbsMean = net.layers.map((layer) => alloc(layer.edgeCount));
    this.edgeSignWeight = inner.map(() => null);
    this.scratch = alloc((order + 2) * k1 + 4);
    this.basisWork = alloc(k1 * k1);
  }

  /** True when this workspace fits `net` (same shape, mult structure and degree). */
  fits(net: KanNetwork): boolean {
    if (net.degree !== this.degree || net.shape.length !== this.shape.length || net.structureKey !== this.structureKey) return false;
    for (let l = 0; l < this.shape.length; l++) if (net.shape[l] !== this.shape[l]) return false;
    return true;
  }
}
