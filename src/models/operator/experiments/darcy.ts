/**
 * Reproduction experiment: the FNO Darcy benchmark (Li et al., ICLR 2021, §5.2; the small-Darcy
 * example of the neuraloperator library) at a reduced size — a 2D FNO trained on (n + 1)² node grids
 * from the thresholded-coefficient Darcy generator, evaluated at n and zero-shot at 2n. Used by the
 * CLI (`singularis reproduce neural-operator --case darcy`) and bench/; not exported from the
 * model's index.
 *
 * @module
 */
import { drive, type RunOptions } from '../../../core/run';
import { darcyDataset } from '../darcy';
import { initOperatorTraining, type OperatorData, type OperatorTrainingResult } from '../train';
import { operatorScores, sampleRange, type OperatorScores } from './scores';

/** Options of {@link runDarcyExperiment}. */
export interface DarcyExperimentOptions {
  /** Training resolution n in elements per side (default 16: 17 × 17 nodes); test also at 2n. */
  resolution?: number;
  /** FNO width (default 24). */
  width?: number;
  /** Modes per axis (neuraloperator convention, default 8). */
  modes?: number;
  /** FNO blocks (default 4). */
  layers?: number;
  /** Training samples (default 1000). */
  samples?: number;
  /** Test samples (default 100). */
  testSamples?: number;
  /** Epochs (default 15). */
  epochs?: number;
  /** Batch size (default 20). */
  batchSize?: number;
  /** Learning rate (default 5e-3). */
  lr?: number;
  /** Seed of data and training (default 1). */
  seed?: number;
  /** Refinement of the finite-element solve over 2n (default 2: the solve has 4n elements per side). */
  solveRefinement?: number;
}

/** Summary of {@link runDarcyExperiment} (the CLI's JSON line). */
export interface DarcyExperimentSummary extends OperatorScores {
  /** Always `'darcy'`. */
  case: 'darcy';
  /** Seconds spent generating the data. */
  dataSeconds: number;
  /** Training status. */
  status: string;
  /** Elements per side of the finite-element solve. */
  solveN: number;
  /** Mean and standard deviation of the training inputs (inputs are standardized with them). */
  inputMean: number;
  /** Standard deviation of the training inputs. */
  inputStd: number;
  /** RMS of the training outputs (network outputs are multiplied by it). */
  outputScale: number;
}

/** First test sample on the training grid and on the doubled grid (nodal values, x fastest). */
export interface DarcyPrediction {
  /** Nodes per side of the training grid. */
  side: number;
  /** Coefficient a at the nodes. */
  coefficient: Float64Array;
  /** Finite-element solution. */
  truth: Float64Array;
  /** FNO prediction. */
  predicted: Float64Array;
  /** Nodes per side of the doubled grid. */
  sideFine: number;
  /** Finite-element solution on the doubled grid. */
  truthFine: Float64Array;
  /** FNO prediction on the doubled grid (zero-shot). */
  predictedFine: Float64Array;
}

/**
 * Generate the data (thresholded coefficient 12/3 from N(0, 9(−Δ + 9)^{−2}), f = 1, Q1 solve on 4n
 * elements, sampled at the nodes of the n and 2n grids), train a 2D FNO with AdamW (weight decay
 * 1e-4, cosine schedule over the epochs) on the relative L2 loss, inputs standardized and outputs
 * divided by their training RMS (global scalars), and evaluate at n and 2n.
 * @example
 * ```ts
 * const { summary } = runDarcyExperiment({ resolution: 8, width: 8, modes: 6, layers: 2, samples: 40, testSamples: 10, epochs: 3 });
 * ```
 */
export function runDarcyExperiment(options: DarcyExperimentOptions = {}, runOptions: RunOptions = {}): { summary: DarcyExperimentSummary; training: OperatorTrainingResult; prediction: DarcyPrediction } {
  const n = options.resolution ?? 16, width = options.width ?? 24, modes = options.modes ?? 8, layers = options.layers ?? 4;
  const ntrain = options.samples ?? 1000, ntest = options.testSamples ?? 100, epochs = options.epochs ?? 15, seed = options.seed ?? 1;
  const solveN = 2 * n * (options.solveRefinement ?? 2);
  const t0 = performance.now();
  const data = darcyDataset({ samples: ntrain + ntest, resolutions: [n, 2 * n], solveN, seed });
  const dataSeconds = (performance.now() - t0) / 1000;
  const split = (r: number, a: number, b: number): OperatorData => sampleRange(data, r, data.sides[r] ** 2, [data.sides[r], data.sides[r]], a, b);
  const train = split(0, 0, ntrain), test = split(0, ntrain, ntrain + ntest), testFine = split(1, ntrain, ntrain + ntest);
  let mean = 0;
  for (let i = 0; i < train.inputs.length; i++) mean += train.inputs[i];
  mean /= train.inputs.length;
  let v = 0, q = 0;
  for (let i = 0; i < train.inputs.length; i++) v += (train.inputs[i] - mean) ** 2;
  for (let i = 0; i < train.outputs.length; i++) q += train.outputs[i] ** 2;
  const std = Math.sqrt(v / train.inputs.length) || 1, outputScale = Math.sqrt(q / train.outputs.length);
  const raw = { coefficient: test.inputs.slice(0, (n + 1) ** 2) };
  for (const d of [train, test, testFine]) {
    for (let i = 0; i < d.inputs.length; i++) d.inputs[i] = (d.inputs[i] - mean) / std;
    for (let i = 0; i < d.outputs.length; i++) d.outputs[i] /= outputScale;
  }
  const run = initOperatorTraining({
    fno: { nModes: [modes, modes], inChannels: 1, outChannels: 1, hiddenChannels: width, nLayers: layers },
    train, test, epochs, batchSize: options.batchSize ?? 20, lr: options.lr ?? 5e-3, weightDecay: 1e-4, decoupled: true,
    schedule: { kind: 'cosine', tMax: epochs }, seed,
  }, runOptions);
  const training = drive(run, runOptions);
  const { fno, theta } = training.final;
  const summary: DarcyExperimentSummary = {
    case: 'darcy',
    ...operatorScores(training, train, test, testFine),
    dataSeconds,
    status: training.status,
    solveN,
    inputMean: mean,
    inputStd: std,
    outputScale,
  };
  const side = n + 1, sideFine = 2 * n + 1;
  const decode = (a: Float64Array): Float64Array => a.map((x) => x * outputScale);
  return {
    summary,
    training,
    prediction: {
      side, coefficient: raw.coefficient, truth: decode(test.outputs.slice(0, side * side)),
      predicted: decode(fno.forward(theta, test.inputs.subarray(0, side * side), [side, side])),
      sideFine, truthFine: decode(testFine.outputs.slice(0, sideFine * sideFine)),
      predictedFine: decode(fno.forward(theta, testFine.inputs.subarray(0, sideFine * sideFine), [sideFine, sideFine])),
    },
  };
}
