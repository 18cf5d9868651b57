/**
 * One KAN layer Φ_l: R^{n_l} → R^{n_{l+1}}, a matrix of edge functions φ_{l,j,i} (thesis (3.2.5),
 * thesis §3.2.2): x_{l+1,j} = Σ_i φ_{l,j,i}(x_{l,i}) (+ an optional node bias, pykan 0.0.5).
 *
 * Edge kinds:
 * - **spline** (default): φ(x) = w_b·b(x) + w_s·Σ_m c_m B_m(x) (thesis (3.7.1)–(3.7.3)) on the
 *   extended knot vector of the edge's input node (G intervals, degree k, G + k basis functions);
 * - **symbolic**: φ(x) = c·f(a·x + b) + d for a {@link SymbolicFunction} f; (a, b, c, d) are trainable.
 * Every edge is multiplied by a fixed mask (1, or 0 once pruned).
 *
 * Multiplication nodes (pykan's MultKAN, see `width.ts`): the edges end on the layer's *subnodes*
 * ({@link KanLayer.outDim} of them): the {@link KanLayer.sumDim} sum nodes first, then
 * `multArity[q]` consecutive subnodes per mult node q. The layer's output nodes
 * ({@link KanLayer.nodeDim} = sumDim + number of mult nodes, the next layer's inputs) are the sum
 * nodes followed by the products of each mult node's subnodes. Without mult nodes subnodes and
 * nodes coincide.
 *
 * Storage: the trainable parameters are views into the owning network's flat parameter vector
 * (see {@link KanNetwork.params}); edge (j, i) has index e = j·inDim + i, coefficients
 * `coefficients[e·(G+k) + m]`, scales `baseScale[e]`, `splineScale[e]` and the symbolic affine map
 * `symbolicAffine[4e..4e+3] = (a, b, c, d)`. Grids are stored once per input node (pykan ≥ 0.2.5),
 * as a {@link BSplineBasis} over the extended knots t_{−k} … t_{G+k}.
 *
 * Right-end convention (src/diff): intervals are half-open [t_j, t_{j+1}) except that x = t_G, the
 * right end of the base grid, belongs to the last interval, so Σ_m B_m = 1 on the closed [t_0, t_G];
 * for k ≥ 1 this coincides with pykan (the basis is continuous there). Outside [t_{−k}, t_{G+k}) —
 * including x = t_{G+k} itself, as in pykan — every B_m is 0 and only w_b·b(x) remains.
 *
 * @module
 */
import { checkFinite, checkInteger, checkVec } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { Vec } from '../../core/types';
import { BSplineBasis } from '../../diff/bsplineBasis';
import type { BaseFunction, SymbolicFunction } from './functions';

/**
 * Kind of an edge: 0 = spline (residual B-spline form), 1 = symbolic c·f(a·x + b) + d.
 * @example
 * ```ts
 * const net = createKan({ shape: [2, 1] });
 * net.layers[0].edgeKind[0] === EDGE_SPLINE; // true: every edge starts as a spline
 * ```
 */
export const EDGE_SPLINE = 0;
/**
 * Kind of an edge: symbolic, see {@link EDGE_SPLINE}.
 * @example
 * ```ts
 * const snapped = autoSymbolic(net, data.trainInput).network;
 * snapped.layers[0].edgeKind.every((k) => k === EDGE_SYMBOLIC); // after a full snap
 * ```
 */
export const EDGE_SYMBOLIC = 1;

/** Offsets of a layer's parameter blocks in the network's flat parameter vector. */
export interface LayerParameterOffsets {
  /** Spline coefficients, outDim·inDim·(G+k) entries. */
  readonly coefficients: number;
  /** w_b, outDim·inDim entries. */
  readonly baseScale: number;
  /** w_s, outDim·inDim entries. */
  readonly splineScale: number;
  /** (a, b, c, d) per edge, 4·outDim·inDim entries. */
  readonly symbolicAffine: number;
  /** Node biases (outDim entries), or −1 without node biases. */
  readonly bias: number;
  /** One past the last entry of the layer. */
  readonly end: number;
}

/**
 * A KAN layer (see the module documentation). Created by {@link KanNetwork}; its parameter
 * arrays are views into the network's parameter vector, so optimizers act on them directly.
 *
 * @example
 * ```ts
 * const net = createKan({ shape: [2, 5, 1], intervals: 5, seed: 1 });
 * const layer = net.layers[0];
 * layer.splineScale[layer.edgeIndex(3, 1)]; // w_s of the edge from input 1 to hidden node 3
 * ```
 */
export class KanLayer {
  /** n_l, number of input nodes. */
  readonly inDim: number;
  /** Number of subnodes the edges end on (= n_{l+1} output nodes when the layer has no mult nodes). */
  readonly outDim: number;
  /** Number of sum nodes (the first `sumDim` subnodes are the sum nodes themselves). */
  readonly sumDim: number;
  /** Arity of each multiplication node of the output (empty without mult nodes). */
  readonly multArity: readonly number[];
  /** First subnode of each multiplication node. */
  readonly multStart: Int32Array;
  /** n_{l+1}, number of output nodes: sumDim + multArity.length. */
  readonly nodeDim: number;
  /** Whether the output has multiplication nodes. */
  readonly hasMult: boolean;
  /** G, number of grid intervals. */
  readonly intervals: number;
  /** k, spline degree. */
  readonly degree: number;
  /** G + k, number of B-spline basis functions per edge. */
  readonly basisSize: number;
  /** The residual base function b. */
  readonly base: BaseFunction;
  /** One basis (extended knot vector) per input node. Replace entries with {@link setGrid}. */
  readonly bases: BSplineBasis[];
  /** Spline coefficients c, index e·(G+k) + m (view into the network parameters). */
  readonly coefficients: Vec;
  /** w_b per edge (view). */
  readonly baseScale: Vec;
  /** w_s per edge (view). */
  readonly splineScale: Vec;
  /** (a, b, c, d) per edge at 4e..4e+3 (view); used by symbolic edges only. */
  readonly symbolicAffine: Vec;
  /** Node biases, one per output node, added after the product of mult nodes (view), or null. */
  readonly bias: Vec | null;
  /** Fixed per-edge mask: 1 active, 0 pruned (not trainable). */
  readonly edgeMask: Float64Array;
  /** Per-edge kind, {@link EDGE_SPLINE} or {@link EDGE_SYMBOLIC}. */
  readonly edgeKind: Uint8Array;
  /** Per-edge symbolic function (null for spline edges). */
  readonly symbolic: (SymbolicFunction | null)[];
  /** Where this layer's blocks live in the network parameter vector. */
  readonly offsets: LayerParameterOffsets;
  private readonly scratch: Vec;

  /**
   * @param params - the network's parameter vector
   * @param offsets - block offsets of this layer in `params`
   * @param inDim - n_l ≥ 1
   * @param outDim - n_{l+1} ≥ 1
   * @param bases - one basis per input node, all of degree k with G + k functions
   * @param base - residual base function
   * @param mult - number of sum nodes and arities of the mult nodes (default: outDim sum nodes)
   */
  constructor(params: Vec, offsets: LayerParameterOffsets, inDim: number, outDim: number, bases: BSplineBasis[], base: BaseFunction, mult?: { sums: number; arity: readonly number[] }) {
    this.inDim = checkInteger('inDim', inDim, 1);
    this.outDim = checkInteger('outDim', outDim, 1);
    const arity = mult?.arity ?? [];
    this.sumDim = mult === undefined ? outDim : checkInteger('mult.sums', mult.sums, 0, outDim);
    this.multArity = Object.freeze(arity.map((a, q) => checkInteger(`mult.arity[${q}]`, a, 2)));
    this.multStart = new Int32Array(arity.length);
    let start = this.sumDim;
    for (let q = 0; q < arity.length; q++) {
      this.multStart[q] = start;
      start += arity[q];
    }
    if (start !== outDim) throw new InvalidArgumentError('outDim', `sums + Σ arity = ${start}`, outDim);
    this.nodeDim = this.sumDim + arity.length;
    this.hasMult = arity.length > 0;
    if (bases.length !== inDim) throw new InvalidTypeError('bases', `an array of ${inDim} BSplineBasis`, bases);
    const k = bases[0].degree;
    const nb = bases[0].size;
    this.degree = k;
    this.basisSize = nb;
    this.intervals = nb - k;
    this.base = base;
    this.bases = bases.slice();
    for (let i = 0; i < inDim; i++) this.checkBasis(`bases[${i}]`, bases[i]);
    const E = inDim * outDim;
    this.offsets = offsets;
    this.coefficients = params.subarray(offsets.coefficients, offsets.coefficients + E * nb);
    this.baseScale = params.subarray(offsets.baseScale, offsets.baseScale + E);
    this.splineScale = params.subarray(offsets.splineScale, offsets.splineScale + E);
    this.symbolicAffine = params.subarray(offsets.symbolicAffine, offsets.symbolicAffine + 4 * E);
    this.bias = offsets.bias < 0 ? null : params.subarray(offsets.bias, offsets.bias + this.nodeDim);
    this.edgeMask = new Float64Array(E).fill(1);
    this.edgeKind = new Uint8Array(E);
    this.symbolic = new Array<SymbolicFunction | null>(E).fill(null);
    this.scratch = new Float64Array(k + 1 > 4 ? k + 1 : 4);
  }

  /** Number of edges outDim·inDim. */
  get edgeCount(): number {
    return this.inDim * this.outDim;
  }

  /** The output node that subnode j feeds (j itself for sum nodes). O(mult nodes). */
  nodeOfSubnode(j: number): number {
    checkInteger('j', j, 0, this.outDim - 1);
    if (j < this.sumDim) return j;
    let q = 0;
    while (q + 1 < this.multStart.length && this.multStart[q + 1] <= j) q++;
    return this.sumDim + q;
  }

  /** Edge index e = j·inDim + i of the edge from input node i to output subnode j. */
  edgeIndex(j: number, i: number): number {
    checkInteger('j', j, 0, this.outDim - 1);
    checkInteger('i', i, 0, this.inDim - 1);
    return j * this.inDim + i;
  }

  /** The extended knot vector t_{−k} … t_{G+k} of input node i (a copy is not made; do not mutate). */
  grid(i: number): Vec {
    return this.bases[checkInteger('i', i, 0, this.inDim - 1)].knots;
  }

  /**
   * Replace the grid of input node i (shared by its outgoing edges) by a basis of the same
   * degree and size. The coefficients are not refitted (see `updateGridFromSamples`).
   */
  setGrid(i: number, basis: BSplineBasis): void {
    checkInteger('i', i, 0, this.inDim - 1);
    this.checkBasis('basis', basis);
    this.bases[i] = basis;
  }

  /**
   * Make edge (j, i) symbolic: φ(x) = c·f(a·x + b) + d with the given initial affine parameters.
   *
   * @example
   * ```ts
   * layer.setSymbolic(0, 1, sine, 3.14159, 0, 1, 0);
   * ```
   */
  setSymbolic(j: number, i: number, f: SymbolicFunction, a: number, b: number, c: number, d: number): void {
    const e = this.edgeIndex(j, i);
    if (typeof f !== 'object' || f === null || typeof f.jet !== 'function') throw new InvalidTypeError('f', 'a SymbolicFunction with jet()', f);
    const values = [a, b, c, d];
    for (let q = 0; q < 4; q++) this.symbolicAffine[4 * e + q] = checkFinite(['a', 'b', 'c', 'd'][q], values[q]);
    this.symbolic[e] = f;
    this.edgeKind[e] = EDGE_SYMBOLIC;
  }

  /** Return edge (j, i) to its spline form (its spline parameters were kept). */
  setSpline(j: number, i: number): void {
    const e = this.edgeIndex(j, i);
    this.symbolic[e] = null;
    this.edgeKind[e] = EDGE_SPLINE;
  }

  /** Set the mask of edge (j, i): 1 keeps it, 0 prunes it (its output becomes 0). */
  setEdgeMask(j: number, i: number, value: 0 | 1): void {
    const e = this.edgeIndex(j, i);
    if (value !== 0 && value !== 1) throw new InvalidArgumentError('value', '0 or 1', value);
    this.edgeMask[e] = value;
  }

  /**
   * Copy every property of edge (jFrom, iFrom) of `source` (same G and k) into edge (j, i) of this
   * layer: coefficients, w_b, w_s, affine map, kind, symbolic function and mask. The grid is a
   * per-node property: copy it with {@link setGrid}. O(G + k).
   *
   * @example
   * ```ts
   * small.layers[0].copyEdge(0, 1, big.layers[0], 3, 1); // keep hidden node 3 as node 0
   * ```
   */
  copyEdge(j: number, i: number, source: KanLayer, jFrom: number, iFrom: number): void {
    if (!(source instanceof KanLayer)) throw new InvalidTypeError('source', 'a KanLayer', source);
    if (source.basisSize !== this.basisSize || source.degree !== this.degree) {
      throw new InvalidArgumentError('source', `a layer with G = ${this.intervals}, k = ${this.degree}`, `G = ${source.intervals}, k = ${source.degree}`);
    }
    this.copyEdgeScalars(j, i, source, jFrom, iFrom);
    const e = j * this.inDim + i;
    const f = jFrom * source.inDim + iFrom;
    const nb = this.basisSize;
    this.coefficients.set(source.coefficients.subarray(f * nb, (f + 1) * nb), e * nb);
  }

  /**
   * Copy w_b, w_s, the symbolic affine map, kind, symbolic function and mask of edge
   * (jFrom, iFrom) of `source` into edge (j, i) — everything but the spline coefficients, so the
   * layers may differ in G (grid extension). O(1).
   */
  copyEdgeScalars(j: number, i: number, source: KanLayer, jFrom: number, iFrom: number): void {
    if (!(source instanceof KanLayer)) throw new InvalidTypeError('source', 'a KanLayer', source);
    const e = this.edgeIndex(j, i);
    const f = source.edgeIndex(jFrom, iFrom);
    this.baseScale[e] = source.baseScale[f];
    this.splineScale[e] = source.splineScale[f];
    this.symbolicAffine.set(source.symbolicAffine.subarray(4 * f, 4 * f + 4), 4 * e);
    this.edgeKind[e] = source.edgeKind[f];
    this.symbolic[e] = source.symbolic[f];
    this.edgeMask[e] = source.edgeMask[f];
  }

  /**
   * Values of edge (j, i) at the points xs: `part = 'edge'` (default) gives the masked φ(x);
   * `'spline'` gives Σ c_m B_m(x) alone (the curve that grid update/extension refit). O(len·k²).
   *
   * @example
   * ```ts
   * const ys = layer.evaluateEdge(0, 1, xs); // φ_{l,0,1} at xs, e.g. for plots or symbolic fitting
   * ```
   */
  evaluateEdge(j: number, i: number, xs: Vec, out?: Vec, part: 'edge' | 'spline' = 'edge'): Vec {
    const e = this.edgeIndex(j, i);
    checkVec('xs', xs);
    const result = out === undefined ? new Float64Array(xs.length) : checkVec('out', out, xs.length);
    if (part !== 'edge' && part !== 'spline') throw new InvalidArgumentError('part', "'edge' or 'spline'", part);
    for (let s = 0; s < xs.length; s++) result[s] = part === 'spline' ? this.splineValue(e, i, xs[s]) : this.edgeValue(e, i, xs[s]);
    return result;
  }

  /** Masked φ_e(x) of edge e with input node i (no argument checks; used by hot paths). */
  edgeValue(e: number, i: number, x: number): number {
    const mask = this.edgeMask[e];
    if (mask === 0) return 0;
    const w = this.scratch;
    if (this.edgeKind[e] === EDGE_SYMBOLIC) {
      const A = this.symbolicAffine;
      (this.symbolic[e] as SymbolicFunction).jet(A[4 * e] * x + A[4 * e + 1], w, 0);
      return mask * (A[4 * e + 2] * w[0] + A[4 * e + 3]);
    }
    this.base.jet(x, w, 0);
    const b = w[0];
    return mask * (this.baseScale[e] * b + this.splineScale[e] * this.splineValue(e, i, x));
  }

  /** Σ_m c_{e,m} B_m(x) on the grid of input node i (no argument checks). O(k²). */
  splineValue(e: number, i: number, x: number): number {
    const basis = this.bases[i];
    const w = this.scratch;
    const start = basis.evaluate(x, w);
    const c = this.coefficients;
    const off = e * this.basisSize + start;
    let acc = 0;
    for (let r = 0; r <= this.degree; r++) acc += c[off + r] * w[r];
    return acc;
  }

  private checkBasis(name: string, basis: BSplineBasis): void {
    if (!(basis instanceof BSplineBasis)) throw new InvalidTypeError(name, 'a BSplineBasis', basis);
    if (basis.degree !== this.degree || basis.size !== this.basisSize) {
      throw new InvalidArgumentError(name, `a basis of degree ${this.degree} with ${this.basisSize} functions`, `degree ${basis.degree}, ${basis.size} functions`);
    }
  }
}
