/**
 * The KAN data structure: shape [n_0, …, n_L] (thesis §3.2.2), layers Φ_0 … Φ_{L−1}, and one
 * flat Float64Array holding every trainable parameter, so that optimizers (src/optim) act on it
 * directly. KAN(x) = Φ_{L−1} ∘ … ∘ Φ_0 (x) (thesis (3.2.7)).
 *
 * @module
 */
import { checkFinite, checkInteger } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { Vec } from '../../core/types';
import { uniformExtendedBSplineBasis } from '../../diff/bsplineBasis';
import { resolveBaseFunction, type BaseFunction, type BaseFunctionName } from './functions';
import { KanLayer, type LayerParameterOffsets } from './layer';
import { resolveWidths, widthSpec, type KanWidth, type MultArity } from './width';

/**
 * Structure of a KAN (no parameter values; see `createKan` for initialized networks).
 *
 * @example
 * ```ts
 * const structure: KanStructure = { shape: [2, 5, 1], intervals: 5, degree: 3 };
 * ```
 */
export interface KanStructure {
  /**
   * Widths [n_0, …, n_L], L ≥ 1: an integer n_l ≥ 1 (sum nodes), or a pair [n_sum, n_mult] for a
   * layer with multiplication nodes (pykan's MultKAN `width`; not in the input entry).
   */
  shape: readonly KanWidth[];
  /** Arity of the multiplication nodes: an integer ≥ 2 (default 2) or one list per width entry. */
  multArity?: MultArity;
  /** G, grid intervals per edge (default 3, pykan's default), an integer ≥ 1. */
  intervals?: number;
  /** k, spline degree (default 3, thesis §3.7.1), an integer in [0, 20]. */
  degree?: number;
  /** Initial base-grid range [t_0, t_G] (default [−1, 1]). */
  gridRange?: readonly [number, number];
  /** Residual base function b (default 'silu', thesis (3.7.2)). */
  base?: BaseFunctionName | BaseFunction;
  /** Trainable bias added at every non-input node after the sum (pykan 0.0.5; default false). */
  nodeBias?: boolean;
}

/**
 * Parameter counts of a network (thesis §3.7.1: O(N²L(G + k))).
 *
 * @example
 * ```ts
 * new KanNetwork({ shape: [17, 1, 14], intervals: 3 }).parameterCount(); // coefficients 186, scales 62
 * ```
 */
export interface KanParameterCount {
  /** Spline coefficients Σ_l n_l n_{l+1} (G + k). */
  coefficients: number;
  /** w_b and w_s, 2 per edge. */
  scales: number;
  /** Symbolic affine parameters (a, b, c, d), 4 per edge (only live on symbolic edges). */
  symbolicAffine: number;
  /** Node biases. */
  bias: number;
  /** Length of {@link KanNetwork.params}. */
  total: number;
  /** Number of edges Σ_l n_l n_{l+1}. */
  edges: number;
}

/**
 * A Kolmogorov–Arnold network. All trainable parameters live in {@link params} (layer by layer:
 * coefficients, w_b, w_s, symbolic affine maps, node biases); the layers hold views into it. New
 * networks have zero parameters and uniform grids — use `createKan`/`initializeKan` for the
 * thesis or pykan initialization. Memory O(Σ_l n_l n_{l+1} (G + k)).
 *
 * @example
 * ```ts
 * const net = new KanNetwork({ shape: [2, 5, 1], intervals: 5 });
 * net.depth;          // 2
 * net.params.length;  // 15·8 + 15·2 + 15·4 = 210
 * ```
 */
export class KanNetwork {
  /** Node counts [n_0, …, n_L] (n_sum + n_mult per layer). */
  readonly shape: readonly number[];
  /** [n_sum, n_mult] per layer (n_mult = 0 everywhere for a plain KAN). */
  readonly width: readonly (readonly [number, number])[];
  /** Arity of each multiplication node, per layer (empty lists for sum-only layers). */
  readonly multArity: readonly (readonly number[])[];
  /** Whether any layer has multiplication nodes. */
  readonly hasMult: boolean;
  /** A string identifying the node/subnode structure (used to match workspaces). */
  readonly structureKey: string;
  /** Every trainable parameter (the layers' arrays are views into it). */
  readonly params: Vec;
  /** Layers Φ_0 … Φ_{L−1}. */
  readonly layers: readonly KanLayer[];
  /** Whether node biases are present. */
  readonly nodeBias: boolean;
  /** The residual base function shared by every edge. */
  readonly base: BaseFunction;

  /** @param structure - shape, G, k, grid range, base function, node bias */
  constructor(structure: KanStructure) {
    if (typeof structure !== 'object' || structure === null) throw new InvalidTypeError('structure', 'an object', structure);
    const widths = resolveWidths(structure.shape, structure.multArity ?? 2);
    const shape = widths.sums.map((n, l) => n + widths.mults[l]);
    const subnodes = widths.sums.map((n, l) => n + widths.arity[l].reduce((a, b) => a + b, 0));
    const G = checkInteger('intervals', structure.intervals ?? 3, 1);
    const k = checkInteger('degree', structure.degree ?? 3, 0, 20);
    const range = structure.gridRange ?? [-1, 1];
    if (!Array.isArray(range) || range.length !== 2) throw new InvalidTypeError('gridRange', 'a pair [start, end]', range);
    const lo = checkFinite('gridRange[0]', range[0]);
    const hi = checkFinite('gridRange[1]', range[1]);
    if (!(hi > lo)) throw new InvalidArgumentError('gridRange[1]', `a finite number > gridRange[0] = ${lo}`, hi);
    const nodeBias = structure.nodeBias ?? false;
    if (typeof nodeBias !== 'boolean') throw new InvalidTypeError('nodeBias', 'a boolean', nodeBias);
    this.base = resolveBaseFunction(structure.base);
    this.nodeBias = nodeBias;
    this.shape = Object.freeze(shape.slice());
    this.width = Object.freeze(widths.sums.map((n, l) => Object.freeze([n, widths.mults[l]] as const)));
    this.multArity = Object.freeze(widths.arity.map((a) => Object.freeze(a.slice())));
    this.hasMult = widths.mults.some((m) => m > 0);
    this.structureKey = JSON.stringify([widths.sums, widths.arity]);
    const nb = G + k;
    const offsets: LayerParameterOffsets[] = [];
    let p = 0;
    for (let l = 0; l + 1 < shape.length; l++) {
      const E = shape[l] * subnodes[l + 1];
      const coefficients = p;
      const baseScale = coefficients + E * nb;
      const splineScale = baseScale + E;
      const symbolicAffine = splineScale + E;
      const bias = nodeBias ? symbolicAffine + 4 * E : -1;
      const end = symbolicAffine + 4 * E + (nodeBias ? shape[l + 1] : 0); // one bias per node (after the product)
      offsets.push({ coefficients, baseScale, splineScale, symbolicAffine, bias, end });
      p = end;
    }
    this.params = new Float64Array(p);
    const basis = uniformExtendedBSplineBasis(lo, hi, G, k);
    this.layers = Object.freeze(
      offsets.map((o, l) => new KanLayer(this.params, o, shape[l], subnodes[l + 1], new Array(shape[l]).fill(basis), this.base, { sums: widths.sums[l + 1], arity: widths.arity[l + 1] })),
    );
  }

  /** The width list in pykan's form, e.g. [2, [5, 2], 1] (plain integers for sum-only layers). */
  get widthSpec(): KanWidth[] {
    return widthSpec(
      this.width.map((w) => w[0]),
      this.width.map((w) => w[1]),
    );
  }

  /** The structure options that rebuild this network's layout (shape, arities, G, k, base, bias). */
  structure(intervals = this.intervals): KanStructure {
    return { shape: this.widthSpec, multArity: this.multArity.map((a) => a.slice()), intervals, degree: this.degree, base: this.base, nodeBias: this.nodeBias };
  }

  /** L, the number of layers. */
  get depth(): number {
    return this.layers.length;
  }

  /** n_0, the input dimension. */
  get inputDim(): number {
    return this.shape[0];
  }

  /** n_L, the output dimension. */
  get outputDim(): number {
    return this.shape[this.shape.length - 1];
  }

  /** G of the first layer (every layer shares G unless rebuilt). */
  get intervals(): number {
    return this.layers[0].intervals;
  }

  /** k, the spline degree. */
  get degree(): number {
    return this.layers[0].degree;
  }

  /** Parameter counts (thesis §3.7.1); see {@link KanParameterCount}. O(L). */
  parameterCount(): KanParameterCount {
    let coefficients = 0;
    let edges = 0;
    let bias = 0;
    for (const layer of this.layers) {
      edges += layer.edgeCount;
      coefficients += layer.edgeCount * layer.basisSize;
      if (layer.bias !== null) bias += layer.nodeDim;
    }
    return { coefficients, scales: 2 * edges, symbolicAffine: 4 * edges, bias, total: this.params.length, edges };
  }

  /**
   * A deep copy: parameters, grids, masks, edge kinds and symbolic functions (grids and
   * functions are immutable and shared). O(params).
   */
  clone(): KanNetwork {
    const copy = new KanNetwork(this.structure());
    copy.params.set(this.params);
    for (let l = 0; l < this.depth; l++) {
      const from = this.layers[l];
      const to = copy.layers[l];
      for (let i = 0; i < from.inDim; i++) to.setGrid(i, from.bases[i]);
      to.edgeMask.set(from.edgeMask);
      to.edgeKind.set(from.edgeKind);
      for (let e = 0; e < from.edgeCount; e++) to.symbolic[e] = from.symbolic[e];
    }
    return copy;
  }
}
