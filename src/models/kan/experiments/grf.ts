/**
 * Gaussian-random-field regression (thesis §3.5.3, thesis §3.5.3) at reduced size: fields with
 * squared-exponential covariance of length scale σ on N uniform points of [−1, 1]^d (truncated KL
 * expansion, see `GaussianRandomField`), 80/20 train/test split, a KAN [d, w, 1] trained with
 * L-BFGS and grid extension against a tanh MLP with about the same number of parameters trained
 * with L-BFGS for the same number of iterations. Thesis finding: the MLP wins on smooth fields
 * (large σ), the KAN on rough ones (small σ); no numbers are given in the text.
 *
 * @module
 */
import { checkInteger } from '../../../core/check';
import { InvalidArgumentError } from '../../../core/errors';
import type { LongRunOptions } from '../../../core/progress';
import type { SolveStatus } from '../../../core/status';
import type { DenseMatrix } from '../../../core/types';
import { initializeMlp, Mlp, mlpWidthsForParameterCount } from '../../../nn/mlp';
import { Rng } from '../../../random/rng';
import type { Seed } from '../../../random/seed';
import { mlpJetModel } from '../../../nn/jetModel';
import { mseLoss } from '../../../nn/jetLoss';
import { trainJetModel } from '../../../nn/trainJet';
import { GaussianRandomField } from '../../../random/gaussianRandomField';
import { extendGrid, updateGridFromSamples } from '../gridRefit';
import { createKan } from '../initialization';
import { kanRmse, trainKan } from '../training';

/** Options of {@link grfRegression}. */
export interface GrfRegressionOptions extends LongRunOptions {
  /** Dimension d (default 2). */
  dim?: number;
  /** Points N (default 1000; thesis 5000). */
  points?: number;
  /** Length scales σ (default 1, 0.5, 0.25, 0.125 = 2^0 … 2^−3, thesis). */
  lengthScales?: readonly number[];
  /** KAN hidden width (default 10, thesis). */
  kanWidth?: number;
  /** KAN grid schedule (default [5, 10, 20]; thesis 10 … 50). */
  grids?: readonly number[];
  /** L-BFGS steps per grid in pykan units (≤ 20 iterations each; default 10; thesis 100). */
  stepsPerGrid?: number;
  /** MLP hidden layers, widths sized to the final KAN's parameter count (default 3). */
  mlpHiddenLayers?: number;
  /** Seed of points, fields and initializations (default 0). */
  seed?: Seed;
}

/** One length scale of {@link grfRegression}; RMSEs are relative to the field's RMS on the points. */
export interface GrfRegressionRow {
  /** σ. */
  lengthScale: number;
  /** Kept KL modes m. */
  modes: number;
  /** KAN train / test relative RMSE after each grid. */
  kanTrain: number[];
  /** See kanTrain. */
  kanTest: number[];
  /** MLP final train / test relative RMSE. */
  mlpTrain: number;
  /** See mlpTrain. */
  mlpTest: number;
  /** L-BFGS iterations of each network (the MLP gets the KAN's total). */
  iterations: number;
}

/** Result of {@link grfRegression}. */
export interface GrfRegressionResult {
  /** `success` or the first non-success status. */
  status: SolveStatus;
  /** KAN shape and MLP widths. */
  kanShape: number[];
  /** See kanShape. */
  mlpWidths: number[];
  /** Parameter counts (final KAN grid, MLP). */
  kanParameters: number;
  /** See kanParameters. */
  mlpParameters: number;
  /** One row per length scale. */
  rows: GrfRegressionRow[];
}

/**
 * Run the GRF regression comparison (module documentation). Deterministic for a seed. Cost per σ:
 * one N³ eigendecomposition plus the two trainings.
 * @example
 * ```ts
 * const r = grfRegression({ points: 400, lengthScales: [1, 0.125], stepsPerGrid: 5 });
 * r.rows.map((row) => [row.kanTest.at(-1), row.mlpTest]);
 * ```
 */
export function grfRegression(options: GrfRegressionOptions = {}): GrfRegressionResult {
  const d = checkInteger('options.dim', options.dim ?? 2, 1);
  const N = checkInteger('options.points', options.points ?? 1000, 10);
  const scales = options.lengthScales ?? [1, 0.5, 0.25, 0.125];
  const width = checkInteger('options.kanWidth', options.kanWidth ?? 10, 1);
  const grids = (options.grids ?? [5, 10, 20]).map((g, q) => checkInteger(`options.grids[${q}]`, g, 1));
  if (grids.length < 1 || grids.some((g, q) => q > 0 && g <= grids[q - 1])) throw new InvalidArgumentError('options.grids', 'increasing grid sizes', grids.length);
  const steps = checkInteger('options.stepsPerGrid', options.stepsPerGrid ?? 10, 1);
  const hidden = checkInteger('options.mlpHiddenLayers', options.mlpHiddenLayers ?? 3, 1);
  const rng = new Rng(options.seed ?? 0);
  const X = new Float64Array(N * d).map(() => 2 * rng.uniform() - 1);
  const nTrain = Math.floor(0.8 * N);
  const take = (from: number, to: number): DenseMatrix => ({ rows: to - from, cols: d, data: X.slice(from * d, to * d) });
  const trainInput = take(0, nTrain);
  const testInput = take(nTrain, N);
  const kanShape = [d, width, 1];
  const probe = createKan({ shape: kanShape, intervals: grids[grids.length - 1] }).parameterCount();
  const kanParameters = probe.coefficients + probe.scales;
  const mlpWidths = mlpWidthsForParameterCount(d, 1, hidden, kanParameters);
  const long = { signal: options.signal, onProgress: options.onProgress, progressEvery: options.progressEvery };
  let status: SolveStatus = 'success';
  const rows: GrfRegressionRow[] = [];
  for (const sigma of scales) {
    const field = new GaussianRandomField({ rows: N, cols: d, data: X }, { lengthScale: sigma });
    const f = field.sample(rng);
    let rms = 0;
    for (let a = 0; a < N; a++) rms += f[a] * f[a];
    rms = Math.sqrt(rms / N);
    const trainLabel: DenseMatrix = { rows: nTrain, cols: 1, data: f.slice(0, nTrain) };
    const testLabel: DenseMatrix = { rows: N - nTrain, cols: 1, data: f.slice(nTrain) };
    const data = { trainInput, trainLabel, testInput, testLabel };
    let net = createKan({ shape: kanShape, intervals: grids[0], rng });
    const kanTrain: number[] = [];
    const kanTest: number[] = [];
    let iterations = 0;
    for (let q = 0; q < grids.length; q++) {
      if (q > 0) {
        updateGridFromSamples(net, trainInput);
        net = extendGrid(net, grids[q], trainInput).network;
      }
      const r = trainKan({ net, data, steps, updateGrid: false }, long);
      iterations += r.stats.iterations;
      kanTrain.push(kanRmse(net, trainInput, trainLabel) / rms);
      kanTest.push(kanRmse(net, testInput, testLabel) / rms);
      if (r.status !== 'success' && status === 'success') status = r.status;
    }
    const mlp = initializeMlp(new Mlp(mlpWidths, 'tanh'), { rng });
    const r = trainJetModel({ model: mlpJetModel(mlp, trainInput, 0), loss: mseLoss(trainLabel.data), optimizer: 'lbfgs', iterations }, long);
    if (r.status !== 'success' && status === 'success') status = r.status;
    rows.push({
      lengthScale: sigma,
      modes: field.modes,
      kanTrain,
      kanTest,
      mlpTrain: mlpRmse(mlp, trainInput, trainLabel.data) / rms,
      mlpTest: mlpRmse(mlp, testInput, testLabel.data) / rms,
      iterations,
    });
  }
  return { status, kanShape, mlpWidths, kanParameters, mlpParameters: new Mlp(mlpWidths).params.length, rows };
}

/** RMSE of an MLP on (X, y). */
function mlpRmse(net: Mlp, X: DenseMatrix, y: Float64Array): number {
  const model = mlpJetModel(net, X, 0);
  return Math.sqrt(mseLoss(y)(model));
}
