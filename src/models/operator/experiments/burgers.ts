/**
 * Reproduction experiment: the FNO Burgers benchmark (Li et al., ICLR 2021, `fourier_1d.py`) at the
 * reduced size feasible on a CPU — train at resolution n, report the relative L2 test error at n
 * and, zero-shot, at 2n (super-resolution). Used by the CLI (`singularis reproduce
 * neural-operator`) and bench/; not exported from the model's index.
 *
 * @module
 */
import type { RunOptions } from '../../../core/run';
import { burgersDataset } from '../burgers';
import { initOperatorTraining, type OperatorData, type OperatorTrainingResult } from '../train';
import { operatorScores, sampleRange, type OperatorScores } from './scores';
import { drive } from '../../../core/run';

/** Options of {@link runBurgersExperiment}. */
export interface BurgersExperimentOptions {
  /** Training resolution n (default 128); test also at 2n. */
  resolution?: number;
  /** FNO width (default 32). */
  width?: number;
  /** Modes (neuraloperator convention, default 16). */
  modes?: number;
  /** FNO blocks (default 4). */
  layers?: number;
  /** Training samples (default 500). */
  samples?: number;
  /** Test samples (default 100). */
  testSamples?: number;
  /** Epochs (default 50). */
  epochs?: number;
  /** Batch size (default 20). */
  batchSize?: number;
  /** Learning rate (default 1e-3). */
  lr?: number;
  /** Seed of data and training (default 1). */
  seed?: number;
}

/** Summary of {@link runBurgersExperiment} (the CLI's JSON line). */
export interface BurgersExperimentSummary extends OperatorScores {
  /** Always `'burgers'`. */
  case: 'burgers';
  /** Seconds spent generating the data. */
  dataSeconds: number;
  /** Training status. */
  status: string;
  /** RMS of the training inputs (inputs are divided by it before the network). */
  inputScale: number;
  /** RMS of the training outputs (network outputs are multiplied by it). */
  outputScale: number;
}

/**
 * Generate the data (Burgers ν = 0.1, T = 1, GRF γ = 2.5, τ = 7, σ = 49, kMax = n/4, solved at 2n), train an
 * FNO with Adam (weight decay 1e-4, StepLR halving every 100 epochs, as `fourier_1d.py`) on data
 * divided by the training RMS of inputs and outputs (global scalars), and evaluate at n and 2n.
 * @example
 * ```ts
 * const { summary } = runBurgersExperiment({ epochs: 2, samples: 40, testSamples: 10 });
 * ```
 */
export function runBurgersExperiment(options: BurgersExperimentOptions = {}, runOptions: RunOptions = {}): { summary: BurgersExperimentSummary; training: OperatorTrainingResult; prediction: { x: Float64Array; truth: Float64Array; predicted: Float64Array; truthFine: Float64Array; predictedFine: Float64Array } } {
  const n = options.resolution ?? 128, width = options.width ?? 32, modes = options.modes ?? 16, layers = options.layers ?? 4;
  const ntrain = options.samples ?? 500, ntest = options.testSamples ?? 100, epochs = options.epochs ?? 50, seed = options.seed ?? 1;
  const t0 = performance.now();
  const data = burgersDataset({ samples: ntrain + ntest, resolutions: [n, 2 * n], solveN: 2 * n, seed, kMax: Math.floor(n / 4) });
  const dataSeconds = (performance.now() - t0) / 1000;
  const split = (r: number, a: number, b: number): OperatorData => sampleRange(data, r, data.resolutions[r], [data.resolutions[r]], a, b);
  const train = split(0, 0, ntrain), test = split(0, ntrain, ntrain + ntest), testFine = split(1, ntrain, ntrain + ntest);
  // Global scalar normalization (root mean square of the training inputs and outputs): at ν = 0.1,
  // T = 1 the outputs are about 2% of the inputs, which makes absolute Adam steps large against
  // them. A scalar keeps resolution invariance and leaves every relative error unchanged.
  const rms = (a: Float64Array): number => { let q = 0; for (let i = 0; i < a.length; i++) q += a[i] * a[i]; return Math.sqrt(q / a.length); };
  const inputScale = rms(train.inputs), outputScale = rms(train.outputs);
  for (const d of [train, test, testFine]) {
    for (let i = 0; i < d.inputs.length; i++) d.inputs[i] /= inputScale;
    for (let i = 0; i < d.outputs.length; i++) d.outputs[i] /= outputScale;
  }
  const run = initOperatorTraining({
    fno: { nModes: [modes], inChannels: 1, outChannels: 1, hiddenChannels: width, nLayers: layers },
    train, test, epochs, batchSize: options.batchSize ?? 20, lr: options.lr ?? 1e-3, weightDecay: 1e-4,
    schedule: { kind: 'step', stepSize: 100, gamma: 0.5 }, seed,
  }, runOptions);
  const training = drive(run, runOptions);
  const { fno, theta } = training.final;
  const summary: BurgersExperimentSummary = {
    case: 'burgers',
    ...operatorScores(training, train, test, testFine),
    dataSeconds,
    status: training.status,
    inputScale,
    outputScale,
  };
  const x = Float64Array.from({ length: n }, (_, j) => j / n);
  const decode = (a: Float64Array): Float64Array => a.map((v) => v * outputScale);
  const predicted = decode(fno.forward(theta, test.inputs.subarray(0, n), [n]));
  const predictedFine = decode(fno.forward(theta, testFine.inputs.subarray(0, 2 * n), [2 * n]));
  return { summary, training, prediction: { x, truth: decode(test.outputs.slice(0, n)), predicted, truthFine: decode(testFine.outputs.slice(0, 2 * n)), predictedFine } };
}
