/**
 * A common face for scalar networks seen as functions u(x) of n_0 inputs with input jets
 * (∂u/∂x_d, ∂²u/∂x_d²) on a fixed batch: the {@link JetModel} interface and its dense-MLP view
 * {@link mlpJetModel}. A KAN gives the same view (`kanJetModel` of `singularis/kan`), so one loss
 * and one trainer (`trainJetModel`) drive both architectures and comparisons differ only in
 * the network (thesis §3.4–3.5, the Chapter 3 experiments).
 *
 * @module
 */
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import type { DenseMatrix, Vec } from '../core/types';
import { Mlp } from './mlp';
import { backwardMlp, checkMlpInput, forwardMlp } from './propagation';
import { MlpWorkspace, type MlpJetOrder } from './workspace';

/**
 * A scalar network u(x) evaluated on a fixed batch X with input jets up to `order`.
 * Layouts: `value[s]`, `first[s·D + d]` = ∂u/∂x_d, `second[s·D + d]` = ∂²u/∂x_d² (D = n_0).
 *
 * @example
 * ```ts
 * const model = mlpJetModel(net, X, 2); // or kanJetModel from singularis/kan
 * model.forward();
 * model.valueAdjoint.fill(0); model.secondAdjoint.set(residualWeights);
 * model.backward(grad);
 * ```
 */
export interface JetModel {
  /** The trainable parameter vector (the network's own array). */
  readonly params: Vec;
  /** Parameters that actually influence u (KAN: coefficients, w_b, w_s, biases; MLP: all). */
  readonly parameterCount: number;
  /** Samples in the batch. */
  readonly batch: number;
  /** D = n_0. */
  readonly directions: number;
  /** u on the batch (valid after {@link forward}). */
  readonly value: Vec;
  /** ∂u/∂x_d (order ≥ 1). */
  readonly first: Vec;
  /** ∂²u/∂x_d² (order 2). */
  readonly second: Vec;
  /** Adjoint of {@link value}, written by the loss before {@link backward}. */
  readonly valueAdjoint: Vec;
  /** Adjoint of {@link first}. */
  readonly firstAdjoint: Vec;
  /** Adjoint of {@link second}. */
  readonly secondAdjoint: Vec;
  /** Evaluate u and its jets at the current parameters. */
  forward(): void;
  /** Write ∂Loss/∂params into grad (overwrite) from the adjoints. */
  backward(grad: Vec): void;
}

/**
 * MLP view as a {@link JetModel}: copies the output channels into the JetModel layout after the
 * forward pass and the adjoints back before the reverse pass (O(batch·D)).
 * @example
 * ```ts
 * const model = mlpJetModel(initializeMlp(new Mlp([1, 20, 20, 1]), { seed: 0 }), X, 2);
 * ```
 */
export function mlpJetModel(net: Mlp, X: DenseMatrix, order: MlpJetOrder): JetModel {
  if (!(net instanceof Mlp)) throw new InvalidTypeError('net', 'an Mlp', net);
  if (net.outputDim !== 1) throw new InvalidArgumentError('net.widths', 'a network with one output', net.outputDim);
  checkMlpInput('X', net, X);
  const ws = new MlpWorkspace(net, X.rows, order);
  const B = X.rows;
  const D = ws.directions;
  const C = ws.channels;
  const L = net.depth;
  const value = new Float64Array(B);
  const first = new Float64Array(order >= 1 ? B * D : 0);
  const second = new Float64Array(order >= 2 ? B * D : 0);
  const valueAdjoint = new Float64Array(B);
  const firstAdjoint = new Float64Array(first.length);
  const secondAdjoint = new Float64Array(second.length);
  return {
    params: net.params,
    parameterCount: net.params.length,
    batch: B,
    directions: D,
    value, first, second, valueAdjoint, firstAdjoint, secondAdjoint,
    forward: () => {
      const out = forwardMlp(net, X, ws, { trusted: true });
      for (let s = 0; s < B; s++) {
        value[s] = out[s * C];
        for (let d = 0; d < D; d++) {
          first[s * D + d] = out[s * C + 1 + d];
          if (order === 2) second[s * D + d] = out[s * C + 1 + D + d];
        }
      }
    },
    backward: (grad: Vec) => {
      const adj = ws.adjoints[L];
      for (let s = 0; s < B; s++) {
        adj[s * C] = valueAdjoint[s];
        for (let d = 0; d < D; d++) {
          adj[s * C + 1 + d] = order >= 1 ? firstAdjoint[s * D + d] : 0;
          if (order === 2) adj[s * C + 1 + D + d] = secondAdjoint[s * D + d];
        }
      }
      backwardMlp(net, ws, grad);
    },
  };
}
