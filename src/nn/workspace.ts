/**
 * Preallocated buffers of {@link forwardMlp}/{@link backwardMlp} for one MLP shape, batch size and
 * input-jet order.
 *
 * @module
 */
import { checkInteger } from '../core/check';
import { InvalidTypeError } from '../core/errors';
import type { Vec } from '../core/types';
import { Mlp } from './mlp';

/**
 * Input-derivative order of a pass: 0 values, 1 gradients, 2 also pure second derivatives.
 * @example
 * ```ts
 * const order: MlpJetOrder = 2; // values, gradients and pure second derivatives
 * const ws = new MlpWorkspace(net, X.rows, order);
 * ```
 */
export type MlpJetOrder = 0 | 1 | 2;

/**
 * Workspace of an MLP pass. Every layer carries C "channels" per sample: channel 0 the value,
 * channels 1 … D the first derivatives ∂/∂x_d, channels D+1 … 2D the pure second derivatives
 * ∂²/∂x_d² (D = n_0 when order ≥ 1; C = 1, 1 + D or 1 + 2D). Entry (sample s, channel c, node i)
 * of layer l sits at `(s·C + c)·n_l + i` in `jets[l]` and in `adjoints[l]`; l = L is the output,
 * so the Laplacian of output j is Σ_d jets[L][(s·C + 1 + D + d)·n_L + j]. The affine maps act on all
 * channels at once (one matrix product over batch·C rows); only channel 0 gets the bias. Memory
 * O(batch·C·Σ n_l).
 *
 * @example
 * ```ts
 * const ws = new MlpWorkspace(net, 128, 2);
 * forwardMlp(net, X, ws);
 * const C = ws.channels, D = ws.directions;
 * const uxx = ws.jets[net.depth][(0 * C + 1 + D) * net.outputDim]; // ∂²u/∂x_0² at sample 0
 * ```
 */
export class MlpWorkspace {
  /** Samples per pass. */
  readonly batch: number;
  /** Jet order. */
  readonly order: MlpJetOrder;
  /** D, the derivative directions (n_0 when order ≥ 1, else 0). */
  readonly directions: number;
  /** C = 1 + order·D channels per sample. */
  readonly channels: number;
  /** Widths of the network the workspace was made for. */
  readonly widths: readonly number[];
  /** Node jets per layer l = 0 … L (post-activation for hidden layers; the output is linear). */
  readonly jets: Vec[];
  /** Adjoints of {@link jets} (the caller writes `adjoints[L]` before {@link backwardMlp}). */
  readonly adjoints: Vec[];
  /** Pre-activation jets of the hidden layers (index l = 1 … L−1; empty at 0 and L). */
  readonly preActivations: Vec[];
  /** σ, σ′, σ″, σ‴ at the hidden pre-activations, at [(s·n_l + i)·4 + m]. */
  readonly activationDerivatives: Vec[];
  /** Scratch for the pre-activation adjoint of one hidden layer. */
  readonly preAdjoint: Vec;

  /**
   * @param net - the network whose widths fix the buffer sizes
   * @param batch - samples per pass, an integer ≥ 1
   * @param order - input-jet order 0, 1 or 2 (default 0)
   */
  constructor(net: Mlp, batch: number, order: MlpJetOrder = 0) {
    if (!(net instanceof Mlp)) throw new InvalidTypeError('net', 'an Mlp', net);
    this.batch = checkInteger('batch', batch, 1);
    this.order = checkInteger('order', order, 0, 2) as MlpJetOrder;
    this.widths = net.widths;
    const D = order > 0 ? net.inputDim : 0;
    this.directions = D;
    const C = 1 + order * D;
    this.channels = C;
    const L = net.depth;
    this.jets = net.widths.map((n) => new Float64Array(batch * C * n));
    this.adjoints = net.widths.map((n) => new Float64Array(batch * C * n));
    const hidden = (l: number) => l > 0 && l < L;
    this.preActivations = net.widths.map((n, l) => new Float64Array(hidden(l) ? batch * C * n : 0));
    this.activationDerivatives = net.widths.map((n, l) => new Float64Array(hidden(l) ? batch * n * 4 : 0));
    let widest = 0;
    for (let l = 1; l < L; l++) widest = Math.max(widest, net.widths[l]);
    this.preAdjoint = new Float64Array(batch * C * widest);
  }

  /** True when the workspace fits `net` (same widths). */
  fits(net: Mlp): boolean {
    if (net.widths.length !== this.widths.length) return false;
    for (let l = 0; l < this.widths.length; l++) if (net.widths[l] !== this.widths[l]) return false;
    return true;
  }
}
