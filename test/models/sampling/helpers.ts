import { createMatrix } from '../../../src/linalg/dense';
import { linearGaussianPosterior, linearInverseProblem } from '../../../src/models/sampling/index';

/** A 2-parameter, 3-observation linear-Gaussian test problem with a correlated posterior. */
export function linearTestProblem() {
  const A = createMatrix(3, 2, new Float64Array([1, 0.5, -0.3, 2, 0.7, 1]));
  const lp = { A, data: [1, 2, 0.5], noise: [0.5, 0.8, 1.2], prior: { mean: [0.2, -0.1], covariance: 4 } };
  return { lp, problem: linearInverseProblem(lp), posterior: linearGaussianPosterior(lp) };
}

/**
 * Mean of a correlated time series and its batch-means standard error (20 batches): the series
 * is split into contiguous batches much longer than its correlation time, whose means are then
 * nearly independent, so sd(batch means)/√(batches) estimates the standard error of the mean.
 */
export function batchMeans(x: number[], batches = 20): { mean: number; se: number } {
  const n = Math.floor(x.length / batches) * batches;
  const len = n / batches;
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    let s = 0;
    for (let k = b * len; k < (b + 1) * len; k++) s += x[k];
    means.push(s / len);
  }
  const m = means.reduce((a, v) => a + v, 0) / batches;
  const v = means.reduce((a, u) => a + (u - m) ** 2, 0) / (batches - 1);
  return { mean: m, se: Math.sqrt(v / batches) };
}
