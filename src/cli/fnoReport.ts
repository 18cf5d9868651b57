/**
 * Pieces of `singularis reproduce neural-operator` shared by the Burgers case (`neuralOperator.ts`)
 * and the Darcy case (`neuralOperatorDarcy.ts`): the training/test loss curves and the summary table.
 *
 * @module
 */
import type { BurgersExperimentSummary } from '../models/operator/experiments/burgers';
import type { OperatorTrainingResult } from '../models/operator/train';
import type { Rows } from './plot';
import { formatTable } from './table';

/** The summary fields the table reads (common to the Burgers and Darcy summaries). */
export type FnoSummaryFields = Pick<BurgersExperimentSummary, 'trainRelL2' | 'testRelL2' | 'testRelL2AtDoubleResolution' | 'parameters' | 'secondsPerEpoch' | 'dataSeconds'>;

/**
 * Rows of the loss figure: per epoch, the training error (averaged during the epoch) and the test error.
 * @example
 * ```ts
 * lineChartSpec(fnoLossRows(training.history), { x: 'epoch', y: 'error', series: 'set' });
 * ```
 */
export function fnoLossRows(h: OperatorTrainingResult['history']): Rows {
  const curves: Rows = [];
  h.epoch.forEach((e, i) => {
    curves.push({ epoch: e, error: h.trainLoss[i], set: 'train (relative L2, during epoch)' });
    curves.push({ epoch: e, error: h.testRelL2[i], set: 'test (relative L2)' });
  });
  return curves;
}

/**
 * The summary table: relative L2 errors (train, test at n, test at 2n zero-shot, their ratio), the
 * parameter count and the timings.
 * @example
 * ```ts
 * ctx.log(fnoSummaryTable(summary));
 * ```
 */
export function fnoSummaryTable(summary: FnoSummaryFields): string {
  return formatTable(['quantity', 'value'], [
    ['train relative L2', summary.trainRelL2.toExponential(3)], ['test relative L2 (n)', summary.testRelL2.toExponential(3)],
    ['test relative L2 (2n, zero-shot)', summary.testRelL2AtDoubleResolution.toExponential(3)],
    ['ratio 2n / n', (summary.testRelL2AtDoubleResolution / summary.testRelL2).toFixed(3)],
    ['parameters', String(summary.parameters)], ['seconds per epoch', summary.secondsPerEpoch.toFixed(2)], ['data seconds', summary.dataSeconds.toFixed(1)],
  ]);
}
