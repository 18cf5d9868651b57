/**
 * The KAN view as a {@link JetModel} (the interface, the MLP view, the losses and the trainer are
 * the `nn/` primitives `JetModel`, `mlpJetModel`, `mseLoss`, `trainJetModel`), so the Chapter 3
 * comparisons (thesis §3.4–3.5) run the same loss code on both architectures.
 *
 * @module
 */
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { DenseMatrix, Vec } from '../../core/types';
import type { JetModel } from '../../nn/jetModel';
import { KanNetwork } from './network';
import { backwardKan, checkKanInput, forwardKan } from './propagation';
import { KanWorkspace, type JetOrder } from './workspace';

/**
 * KAN view as a {@link JetModel} (the KAN workspace's output layout is the JetModel layout, so no
 * copies). O(1) setup plus one workspace.
 * @example
 * ```ts
 * const model = kanJetModel(createKan({ shape: [1, 10, 1], intervals: 20 }), X, 1);
 * ```
 */
export function kanJetModel(net: KanNetwork, X: DenseMatrix, order: JetOrder): JetModel {
  if (!(net instanceof KanNetwork)) throw new InvalidTypeError('net', 'a KanNetwork', net);
  if (net.outputDim !== 1) throw new InvalidArgumentError('net.shape', 'a network with one output', net.outputDim);
  checkKanInput('X', net, X);
  const ws = new KanWorkspace(net, X.rows, order);
  const L = net.depth;
  const count = net.parameterCount();
  return {
    params: net.params,
    parameterCount: count.coefficients + count.scales + count.bias,
    batch: X.rows,
    directions: ws.directions,
    value: ws.values[L],
    first: ws.first[L],
    second: ws.second[L],
    valueAdjoint: ws.valueAdjoint[L],
    firstAdjoint: ws.firstAdjoint[L],
    secondAdjoint: ws.secondAdjoint[L],
    forward: () => void forwardKan(net, X, ws, { trusted: true }),
    backward: (grad: Vec) => void backwardKan(net, ws, grad),
  };
}
