/**
 * Activations of a KAN on a data set: the inputs of every layer (pykan's `acts`) and the edge
 * activation scales A_l[j,i] = mean_s |φ_{l,j,i}(x_s)| / (t_G − t_0 + 10⁻⁴) of pykan 0.0.5's
 * regularization and pruning (externally sourced; not in the thesis beyond thesis §3.2.4).
 *
 * @module
 */
import type { DenseMatrix, Vec } from '../../core/types';
import { InvalidTypeError } from '../../core/errors';
import { checkKanInput, forwardKan } from './propagation';
import { checkInteger } from '../../core/check';
import { KanLayer } from './layer';
import { KanNetwork } from './network';
import { KanWorkspace } from './workspace';

/**
 * Inputs of every layer on the rows of X: element l is the batch × n_l matrix of layer l's
 * inputs (l = 0 is X itself, l = L the network output). O(batch·Σ_l n_l n_{l+1} k) time,
 * O(batch·Σ n_l) memory.
 *
 * @example
 * ```ts
 * const acts = layerInputs(net, X);
 * const hidden = acts[1]; // hidden[s·n_1 + j]: value of hidden node j on sample s
 * ```
 */
export function layerInputs(net: KanNetwork, X: DenseMatrix): DenseMatrix[] {
  if (!(net instanceof KanNetwork)) throw new InvalidTypeError('net', 'a KanNetwork', net);
  checkKanInput('X', net, X);
  const ws = new KanWorkspace(net, X.rows, 0);
  forwardKan(net, X, ws, { trusted: true });
  return net.shape.map((n, l) => ({ rows: X.rows, cols: n, data: Float64Array.from(ws.values[l]) }));
}

/**
 * The range t_G − t_0 of the base grid of input node i of a layer (pykan 0.0.5 stores the
 * un-extended grid and divides by its range + 10⁻⁴). O(1).
 *
 * @example
 * ```ts
 * baseGridRange(net.layers[0], 1); // 2 for the initial grid [−1, 1]
 * ```
 */
export function baseGridRange(layer: KanLayer, i: number): number {
  if (!(layer instanceof KanLayer)) throw new InvalidTypeError('layer', 'a KanLayer', layer);
  checkInteger('i', i, 0, layer.inDim - 1);
  const domain = layer.bases[i].domain;
  return domain[1] - domain[0];
}

/**
 * Edge activation scales of every layer after a forward pass with `statistics: true` on `ws`:
 * `out[l][j·n_l + i] = ws.edgeAbsMean[l][e] / (range_i + 10⁻⁴)` (pykan 0.0.5 `acts_scale`).
 * O(edges).
 *
 * @example
 * ```ts
 * forwardKan(net, X, ws, { statistics: true });
 * const scales = edgeActivationScales(net, ws); // scales[l][e]
 * ```
 */
export function edgeActivationScales(net: KanNetwork, ws: KanWorkspace, out?: Vec[]): Vec[] {
  if (!(ws instanceof KanWorkspace) || !ws.fits(net)) throw new InvalidTypeError('ws', 'a KanWorkspace for this network', ws);
  const result = out ?? net.layers.map((layer) => new Float64Array(layer.edgeCount));
  net.layers.forEach((layer, l) => {
    const A = result[l];
    const mean = ws.edgeAbsMean[l];
    for (let j = 0; j < layer.outDim; j++) {
      for (let i = 0; i < layer.inDim; i++) {
        const e = j * layer.inDim + i;
        A[e] = mean[e] / (baseGridRange(layer, i) + 1e-4);
      }
    }
  });
  return result;
}
