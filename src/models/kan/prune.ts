/**
 * Node and edge pruning of KANs (thesis §3.2.4, thesis §3.2.4: "prune … to a smaller subnetwork";
 * thresholds and scores are pykan ≥ 0.2.5's `prune(node_th = 1e-2, edge_th = 3e-2)`, externally
 * sourced): hidden nodes whose attribution score is at most the node threshold are removed (a
 * smaller network is built and the surviving parameters copied), then edges whose attribution
 * score is at most the edge threshold are masked.
 *
 * Multiplication nodes (pykan's MultKAN) are kept or removed as a whole: a kept mult node keeps
 * all of its subnodes and their incoming edges, with its arity.
 *
 * @module
 */
import { checkNonNegative } from '../../core/check';
import { InvalidTypeError } from '../../core/errors';
import type { DenseMatrix } from '../../core/types';
import { attributionScores } from './attribution';
import { KanNetwork } from './network';
import { widthSpec } from './width';

/** Options of {@link pruneKan}. */
export interface PruneOptions {
  /** Hidden nodes with score ≤ this are removed (default 1e-2). */
  nodeThreshold?: number;
  /** Edges with score ≤ this are masked (default 3e-2). */
  edgeThreshold?: number;
}

/** Result of {@link pruneNodes} / {@link pruneKan}. */
export interface PruneResult {
  /** The pruned network (the input network is unchanged). */
  network: KanNetwork;
  /** Indices (in the original network) of the nodes kept in every layer l = 0 … L. */
  keptNodes: number[][];
  /** Number of edges masked by edge pruning. */
  maskedEdges: number;
}

/**
 * A sub-network made of the given nodes of every layer (inputs and outputs must all be kept):
 * parameters, grids, masks, kinds and symbolic functions of the surviving edges are copied; a kept
 * multiplication node keeps all its subnodes and edges. O(kept edges·(G + k)).
 * @example
 * ```ts
 * const small = subnetwork(net, [[0, 1], [0, 3], [0]]); // [2, 2, 1] from hidden nodes 0 and 3
 * ```
 */
export function subnetwork(net: KanNetwork, keptNodes: readonly number[][]): KanNetwork {
  if (!(net instanceof KanNetwork)) throw new InvalidTypeError('net', 'a KanNetwork', net);
  if (!Array.isArray(keptNodes) || keptNodes.length !== net.shape.length) throw new InvalidTypeError('keptNodes', `an array of ${net.shape.length} index lists`, keptNodes);
  keptNodes.forEach((kept: number[], l: number) => {
    if (!Array.isArray(kept) || kept.length === 0 || kept.some((i, q) => !Number.isInteger(i) || i < 0 || i >= net.shape[l] || (q > 0 && i <= kept[q - 1]))) {
      throw new InvalidTypeError(`keptNodes[${l}]`, `a non-empty increasing list of node indices below ${net.shape[l]}`, kept);
    }
  });
  const sums = keptNodes.map((kept: number[], l: number) => kept.filter((n: number) => n < net.width[l][0]).length);
  const mults = keptNodes.map((kept: number[], l: number) => kept.length - sums[l]);
  const multArity = keptNodes.map((kept: number[], l: number) => kept.filter((n: number) => n >= net.width[l][0]).map((n: number) => net.multArity[l][n - net.width[l][0]]));
  const sub = new KanNetwork({ ...net.structure(), shape: widthSpec(sums, mults), multArity });
  net.layers.forEach((from, l) => {
    const to = sub.layers[l];
    const inKept = keptNodes[l];
    const outKept = keptNodes[l + 1];
    // subnodes of the kept output nodes: a sum node is its own subnode, a mult node brings all of its own
    const subKept: number[] = [];
    for (const n of outKept) {
      if (n < from.sumDim) subKept.push(n);
      else for (let r = 0; r < from.multArity[n - from.sumDim]; r++) subKept.push(from.multStart[n - from.sumDim] + r);
    }
    for (let iNew = 0; iNew < inKept.length; iNew++) to.setGrid(iNew, from.bases[inKept[iNew]]);
    for (let jNew = 0; jNew < subKept.length; jNew++) {
      for (let iNew = 0; iNew < inKept.length; iNew++) to.copyEdge(jNew, iNew, from, subKept[jNew], inKept[iNew]);
    }
    if (from.bias !== null && to.bias !== null) for (let nNew = 0; nNew < outKept.length; nNew++) to.bias[nNew] = from.bias[outKept[nNew]];
  });
  return sub;
}

/**
 * Remove hidden nodes whose attribution score on X is ≤ `threshold` (pykan `prune_node`).
 * A hidden layer keeps at least its best-scoring node, so the network stays connected.
 * O(attribution + kept edges·(G + k)).
 * @example
 * ```ts
 * const { network, keptNodes } = pruneNodes(net, X); // keptNodes[1]: surviving hidden nodes
 * ```
 */
export function pruneNodes(net: KanNetwork, X: DenseMatrix, threshold = 1e-2): PruneResult {
  checkNonNegative('threshold', threshold);
  const { nodeScores } = attributionScores(net, X);
  const keptNodes = nodeScores.map((score, l) => {
    const all = Array.from({ length: score.length }, (_, i) => i);
    if (l === 0 || l === nodeScores.length - 1) return all;
    const kept = all.filter((i) => score[i] > threshold);
    if (kept.length > 0) return kept;
    let best = 0;
    for (let i = 1; i < score.length; i++) if (score[i] > score[best]) best = i;
    return [best];
  });
  return { network: subnetwork(net, keptNodes), keptNodes, maskedEdges: 0 };
}

/**
 * Node pruning followed by edge pruning on the smaller network (pykan `prune`): attribution scores
 * are recomputed after node pruning, and every edge with score ≤ `edgeThreshold` gets mask 0.
 * O(2 attributions + kept edges·(G + k)).
 * @example
 * ```ts
 * const pruned = pruneKan(trained, train.input).network; // [2, 5, 1] → e.g. [2, 1, 1]
 * ```
 */
export function pruneKan(net: KanNetwork, X: DenseMatrix, options: PruneOptions = {}): PruneResult {
  const nodeThreshold = checkNonNegative('options.nodeThreshold', options.nodeThreshold ?? 1e-2);
  const edgeThreshold = checkNonNegative('options.edgeThreshold', options.edgeThreshold ?? 3e-2);
  const byNodes = pruneNodes(net, X, nodeThreshold);
  const network = byNodes.network;
  const { edgeScores } = attributionScores(network, X);
  let maskedEdges = 0;
  network.layers.forEach((layer, l) => {
    for (let e = 0; e < layer.edgeCount; e++) {
      if (layer.edgeMask[e] !== 0 && !(edgeScores[l][e] > edgeThreshold)) {
        layer.edgeMask[e] = 0;
        maskedEdges++;
      }
    }
  });
  return { network, keptNodes: byNodes.keptNodes, maskedEdges };
}
