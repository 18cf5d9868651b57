/**
 * Attribution scores of KAN nodes and edges (thesis §3.2.4, thesis §3.2.4 mentions pruning "based on
 * importance"; the scores are pykan ≥ 0.2.5's `attribute()`, externally sourced).
 *
 * With σ_{l,j,i} the standard deviation over the data of edge activation φ_{l,j,i}(x_{l,i}) and
 * τ_{l+1,j} that of the node sum x_{l+1,j}, scores propagate backwards from each output node o
 * (score 1 on o, 0 elsewhere):
 *   E_l[o; j, i] = σ_{l,j,i} · N_{l+1}[o; j] / (τ_{l+1,j} + 10⁻⁴),  N_l[o; i] = Σ_j E_l[o; j, i],
 * and the reported scores are the means over the outputs o. An input's score measures how much of
 * the output variation flows through it; it is scale-aware (unlike the 0.0.5 forward scores).
 *
 * Multiplication nodes (pykan's MultKAN): the edges of layer l end on subnodes; τ is then the
 * standard deviation of each subnode sum (before the product), and every subnode of a mult node
 * receives the full score of its node (pykan's node-to-subnode step), so a product's score flows
 * into all of its factors.
 *
 * @module
 */
import { checkInteger } from '../../core/check';
import { InvalidTypeError } from '../../core/errors';
import type { DenseMatrix, Vec } from '../../core/types';
import { KanNetwork } from './network';
import { checkKanInput, forwardKan } from './propagation';
import { KanWorkspace } from './workspace';

/** Result of {@link attributionScores}. */
export interface AttributionScores {
  /** Node scores N_l, l = 0 … L (length n_l each); N_L is 1 on every output. */
  nodeScores: Vec[];
  /** Edge scores E_l, l = 0 … L−1, index e = j·n_l + i. */
  edgeScores: Vec[];
  /** σ_{l,j,i}: standard deviation (n − 1 normalization) of each edge activation over the data. */
  edgeStd: Vec[];
  /**
   * τ_{l,j}: standard deviation of each value the edges of layer l−1 end on, l = 1 … L (element
   * l−1): the node values, or for layers with multiplication nodes the subnode sums.
   */
  nodeStd: Vec[];
  /** Subnode scores per layer l = 1 … L (element l−1): a mult node's score on each of its subnodes. */
  subnodeScores: Vec[];
}

function columnStd(data: Vec, rows: number, cols: number, col: number): number {
  let mean = 0;
  for (let s = 0; s < rows; s++) mean += data[s * cols + col];
  mean /= rows;
  let ss = 0;
  for (let s = 0; s < rows; s++) {
    const r = data[s * cols + col] - mean;
    ss += r * r;
  }
  return Math.sqrt(ss / (rows - 1));
}

/**
 * Attribution scores of every node and edge on the rows of X (module documentation).
 * O(forward + rows·edges·k²) time, O(rows·Σ n_l) memory.
 *
 * @param X - samples, rows ≥ 2, cols = n_0, finite
 * @example
 * ```ts
 * const { nodeScores, edgeScores } = attributionScores(net, dataset.train.input);
 * nodeScores[0]; // input importances
 * ```
 */
export function attributionScores(net: KanNetwork, X: DenseMatrix): AttributionScores {
  if (!(net instanceof KanNetwork)) throw new InvalidTypeError('net', 'a KanNetwork', net);
  if (typeof X === 'object' && X !== null) checkInteger('X.rows', X.rows, 2);
  checkKanInput('X', net, X);
  const ws = new KanWorkspace(net, X.rows, 0);
  forwardKan(net, X, ws, { trusted: true });
  const S = X.rows;
  const edgeStd: Vec[] = [];
  const nodeStd: Vec[] = [];
  const column = new Float64Array(S);
  const phi = new Float64Array(S);
  net.layers.forEach((layer, l) => {
    const sigma = new Float64Array(layer.edgeCount);
    const input = ws.values[l];
    for (let i = 0; i < layer.inDim; i++) {
      for (let s = 0; s < S; s++) column[s] = input[s * layer.inDim + i];
      for (let j = 0; j < layer.outDim; j++) {
        layer.evaluateEdge(j, i, column, phi);
        sigma[j * layer.inDim + i] = columnStd(phi, S, 1, 0);
      }
    }
    edgeStd.push(sigma);
    const tau = new Float64Array(layer.outDim);
    for (let j = 0; j < layer.outDim; j++) tau[j] = columnStd(ws.subValues[l + 1], S, layer.outDim, j);
    nodeStd.push(tau);
  });
  const L = net.depth;
  const nOut = net.outputDim;
  // per-output scores, row o of an nOut × n matrix
  let node = new Float64Array(nOut * nOut);
  for (let o = 0; o < nOut; o++) node[o * nOut + o] = 1;
  const nodeScores: Vec[] = new Array(L + 1);
  const edgeScores: Vec[] = new Array(L);
  const subnodeScores: Vec[] = new Array(L);
  nodeScores[L] = new Float64Array(nOut).fill(1);
  for (let l = L - 1; l >= 0; l--) {
    const layer = net.layers[l];
    const nIn = layer.inDim;
    const sigma = edgeStd[l];
    const tau = nodeStd[l];
    const below = new Float64Array(nOut * nIn);
    const edgeMean = new Float64Array(layer.edgeCount);
    const owner = Int32Array.from({ length: layer.outDim }, (_, j) => layer.nodeOfSubnode(j));
    const subMean = new Float64Array(layer.outDim);
    for (let o = 0; o < nOut; o++) for (let j = 0; j < layer.outDim; j++) subMean[j] += node[o * layer.nodeDim + owner[j]] / nOut;
    subnodeScores[l] = subMean;
    for (let o = 0; o < nOut; o++) {
      for (let j = 0; j < layer.outDim; j++) {
        const w = node[o * layer.nodeDim + owner[j]] / (tau[j] + 1e-4);
        for (let i = 0; i < nIn; i++) {
          const score = sigma[j * nIn + i] * w;
          edgeMean[j * nIn + i] += score / nOut;
          below[o * nIn + i] += score;
        }
      }
    }
    const mean = new Float64Array(nIn);
    for (let o = 0; o < nOut; o++) for (let i = 0; i < nIn; i++) mean[i] += below[o * nIn + i] / nOut;
    edgeScores[l] = edgeMean;
    nodeScores[l] = mean;
    node = below;
  }
  return { nodeScores, edgeScores, edgeStd, nodeStd, subnodeScores };
}
