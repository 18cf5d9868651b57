/**
 * The default initialization of PyTorch's `nn.Linear` (weights and biases i.i.d. uniform on
 * ±1/√fan_in), used by the reference PINN code of thesis Appendix B.
 *
 * @module
 */
import { InvalidTypeError } from '../core/errors';
import { Rng } from '../random/rng';
import { Mlp } from './mlp';

/**
 * Fill an MLP's parameters layer by layer, W_l then b_l, with draws U(−k, k), k = 1/√n_l (fan-in),
 * from the explicit generator (advanced in place). The distribution is PyTorch's default; the
 * numbers differ (another generator). O(params).
 *
 * @example
 * ```ts
 * const net = initializeMlpFanIn(new Mlp([1, 20, 20, 20, 1]), new Rng(0)); // 901 parameters
 * ```
 */
export function initializeMlpFanIn(net: Mlp, rng: Rng): Mlp {
  if (!(net instanceof Mlp)) throw new InvalidTypeError('net', 'an Mlp', net);
  if (!(rng instanceof Rng)) throw new InvalidTypeError('rng', 'an Rng', rng);
  const p = net.params;
  for (let l = 0; l < net.depth; l++) {
    const nIn = net.widths[l];
    const nOut = net.widths[l + 1];
    const k = 1 / Math.sqrt(nIn);
    const { weights, biases } = net.offsets[l];
    for (let t = 0; t < nIn * nOut; t++) p[weights + t] = k * (2 * rng.uniform() - 1);
    for (let t = 0; t < nOut; t++) p[biases + t] = k * (2 * rng.uniform() - 1);
  }
  return net;
}
