/**
 * What the FNO experiments share: a sample range of a multi-resolution dataset, and the scores of a
 * trained operator on its training set, its test set and the test set at the doubled resolution.
 */
import { evaluateOperator, type OperatorData, type OperatorTrainingResult } from '../train';

/** Samples [a, b) at resolution index r of a dataset stored sample-major (P points per sample). */
export function sampleRange(data: { inputs: Float64Array[]; outputs: Float64Array[] }, r: number, P: number, shape: number[], a: number, b: number): OperatorData {
  return { inputs: data.inputs[r].slice(a * P, b * P), outputs: data.outputs[r].slice(a * P, b * P), shape };
}

/** Scores of a trained operator, the fields both FNO experiments report. */
export interface OperatorScores {
  /** Mean relative L2 on the training set after training. */
  trainRelL2: number;
  /** Mean relative L2 on the test set at n. */
  testRelL2: number;
  /** Mean relative L2 on the same test functions sampled at 2n (zero-shot). */
  testRelL2AtDoubleResolution: number;
  /** Epochs trained. */
  epochs: number;
  /** Number of parameters. */
  parameters: number;
  /** Mean wall-clock seconds per epoch. */
  secondsPerEpoch: number;
}

/** Relative L2 errors of the trained operator at n (train, test) and 2n (test), and the run's counts. */
export function operatorScores(training: OperatorTrainingResult, train: OperatorData, test: OperatorData, testFine: OperatorData): OperatorScores {
  const { fno, theta } = training.final;
  const secs = training.history.seconds;
  return {
    trainRelL2: evaluateOperator(fno, theta, train),
    testRelL2: evaluateOperator(fno, theta, test),
    testRelL2AtDoubleResolution: evaluateOperator(fno, theta, testFine),
    epochs: training.stats.naccept,
    parameters: fno.parameterCount,
    secondsPerEpoch: secs.length ? secs.reduce((a, b) => a + b, 0) / secs.length : NaN,
  };
}
