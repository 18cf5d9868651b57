/**
 * Losses of a {@link JetModel} (PINN-style: functions of the network's values and input jets on
 * the batch that write the adjoints for the reverse pass), starting with the mean squared error.
 *
 * @module
 */
import type { Vec } from '../core/types';
import type { JetModel } from './jetModel';

/**
 * A loss of a {@link JetModel}: runs `model.forward()`, writes the adjoints, and returns the loss
 * value (the trainer then calls `model.backward`).
 *
 * @example
 * ```ts
 * // mean of u² (pulls u to zero)
 * const energy: JetLoss = (model) => {
 *   model.forward();
 *   let sum = 0;
 *   for (let s = 0; s < model.batch; s++) { sum += model.value[s] ** 2; model.valueAdjoint[s] = (2 * model.value[s]) / model.batch; }
 *   model.firstAdjoint.fill(0); model.secondAdjoint.fill(0);
 *   return sum / model.batch;
 * };
 * ```
 */
export type JetLoss = (model: JetModel) => number;

/**
 * Mean squared error against targets y (length batch): loss = mean (u − y)². A {@link JetLoss}.
 * @example
 * ```ts
 * const loss = mseLoss(labels);
 * ```
 */
export function mseLoss(targets: Vec): JetLoss {
  return (model: JetModel): number => {
    model.forward();
    const B = model.batch;
    const u = model.value;
    const adj = model.valueAdjoint;
    let sum = 0;
    for (let s = 0; s < B; s++) {
      const r = u[s] - targets[s];
      sum += r * r;
      adj[s] = (2 * r) / B;
    }
    model.firstAdjoint.fill(0);
    model.secondAdjoint.fill(0);
    return sum / B;
  };
}
