/**
 * Spectral bias on 1-D waves (thesis §3.5.2, thesis §3.5.1; setting of Rahaman et al.): regress
 * f(x) = Σ_i A_i sin(2πk_i x + φ_i) on 200 uniformly spaced points of [0, 1) with full-batch Adam,
 * a KAN against a tanh MLP with (about) the same number of parameters, and track the normalized
 * DFT magnitudes |ĝ(k_i)|/A_i of the network output at the target frequencies.
 *
 * Conventions (docs/kan.md): x_j = j/N, j = 0 … N−1 (periodic, exact DFT bins), ĝ(k) =
 * (2/N)Σ_j g(x_j) e^{−2πikx_j}, so a pure wave A sin(2πkx + φ) has |ĝ(k)| = A. The networks see the
 * input z = 2x − 1 ∈ [−1, 1) (the KAN's default grid range). Deviation from the thesis: the MLP uses
 * tanh (the thesis uses ReLU, which src/nn does not provide; tanh MLPs show the same bias).
 *
 * @module
 */
import { checkAllFinite, checkFinite, checkInteger, checkOneOf, checkPositive, checkVec } from '../../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../../core/errors';
import type { LongRunOptions } from '../../../core/progress';
import type { SolveStatus } from '../../../core/status';
import type { DenseMatrix, Vec } from '../../../core/types';
import { initializeMlp, Mlp, mlpWidthsForParameterCount } from '../../../nn/mlp';
import { Rng } from '../../../random/rng';
import type { Seed } from '../../../random/seed';
import { kanJetModel } from '../jetModels';
import { mlpJetModel, type JetModel } from '../../../nn/jetModel';
import { mseLoss } from '../../../nn/jetLoss';
import { trainJetModel } from '../../../nn/trainJet';
import { createKan } from '../initialization';

/**
 * (2/N)|Σ_j g_j e^{−2πi k j/N}| for each integer frequency k: the amplitude of the k-th sine/cosine
 * pair of samples g on a uniform periodic grid (direct DFT at selected bins). O(N·frequencies).
 * @example
 * ```ts
 * const g = Float64Array.from({ length: 200 }, (_, j) => 3 * Math.sin(2 * Math.PI * 5 * j / 200 + 1));
 * dftAmplitudes(g, [5]); // [3]
 * ```
 */
export function dftAmplitudes(g: Vec, frequencies: readonly number[], out?: Vec): Vec {
  checkVec('g', g);
  if (g.length < 1) throw new InvalidArgumentError('g.length', 'an integer >= 1', g.length);
  checkAllFinite('g', g);
  if (!Array.isArray(frequencies) && !ArrayBuffer.isView(frequencies)) throw new InvalidTypeError('frequencies', 'an array of numbers', frequencies);
  for (let q = 0; q < frequencies.length; q++) checkFinite(`frequencies[${q}]`, frequencies[q]);
  const N = g.length;
  const result = out === undefined ? new Float64Array(frequencies.length) : checkVec('out', out, frequencies.length);
  frequencies.forEach((k, q) => {
    let re = 0;
    let im = 0;
    for (let j = 0; j < N; j++) {
      const angle = (2 * Math.PI * k * j) / N;
      re += g[j] * Math.cos(angle);
      im -= g[j] * Math.sin(angle);
    }
    result[q] = (2 / N) * Math.hypot(re, im);
  });
  return result;
}

/** Options of {@link spectralBias}. Defaults: a reduced version of the thesis setting. */
export interface SpectralBiasOptions extends LongRunOptions {
  /** Frequencies k_i (default 5, 10, …, 50 as in the thesis). */
  frequencies?: readonly number[];
  /** `'equal'` (A_i = 1, default) or `'increasing'` (A_i = 0.1·i). */
  amplitudes?: 'equal' | 'increasing';
  /** Samples N on [0, 1) (default 200). */
  points?: number;
  /** Adam iterations for both networks (default 2000; thesis 8000 KAN / 80000 MLP). */
  iterations?: number;
  /** Adam learning rate (default 1e-3; thesis 3e-4). */
  lr?: number;
  /** KAN hidden width (default 10: shape [1, 10, 1]). */
  kanWidth?: number;
  /** KAN grid intervals (default 100). */
  intervals?: number;
  /** Hidden layers of the MLP, sized to the KAN's parameter count (default 3). */
  mlpHiddenLayers?: number;
  /** Iterations between recorded spectra (default iterations/20). */
  recordEvery?: number;
  /** Seed of phases and initializations (default 0). */
  seed?: Seed;
}

/** One network's run in {@link spectralBias}. */
export interface SpectralBiasRun {
  /** 'kan' or 'mlp'. */
  network: 'kan' | 'mlp';
  /** Shape / widths. */
  shape: number[];
  /** Parameters influencing the output. */
  parameters: number;
  /** Training status. */
  status: SolveStatus;
  /** Iterations at which spectra were recorded. */
  recordedAt: number[];
  /** |ĝ(k_i)|/A_i per record (rows) and frequency (columns). */
  normalizedAmplitude: number[][];
  /** Final |ĝ(k_i) − f̂(k_i)|/A_i (complex DFT difference) per frequency. */
  frequencyError: number[];
  /** Final RMSE on the samples. */
  rmse: number;
}

/** Result of {@link spectralBias}. */
export interface SpectralBiasResult {
  /** `success` or the first non-success status. */
  status: SolveStatus;
  /** Frequencies k_i. */
  frequencies: number[];
  /** Amplitudes A_i. */
  amplitudes: number[];
  /** The KAN run and the MLP run. */
  runs: [SpectralBiasRun, SpectralBiasRun];
}

/**
 * Run the 1-D waves experiment (module documentation). Deterministic for a seed. Cost:
 * 2 × iterations × (forward + backward) on N samples.
 * @example
 * ```ts
 * const r = spectralBias({ frequencies: [2, 4, 6, 8], iterations: 1000 });
 * r.runs[0].frequencyError; r.runs[1].frequencyError; // KAN, MLP
 * ```
 */
export function spectralBias(options: SpectralBiasOptions = {}): SpectralBiasResult {
  const frequencies = (options.frequencies ?? [5, 10, 15, 20, 25, 30, 35, 40, 45, 50]).map((k, q) => checkInteger(`options.frequencies[${q}]`, k, 1));
  const N = checkInteger('options.points', options.points ?? 200, 2);
  if (frequencies.some((k) => 2 * k >= N)) throw new InvalidArgumentError('options.frequencies', `frequencies below the Nyquist limit N/2 = ${N / 2}`, Math.max(...frequencies));
  const mode = checkOneOf('options.amplitudes', options.amplitudes ?? 'equal', ['equal', 'increasing'] as const);
  const iterations = checkInteger('options.iterations', options.iterations ?? 2000, 1);
  const lr = checkPositive('options.lr', options.lr ?? 1e-3);
  const width = checkInteger('options.kanWidth', options.kanWidth ?? 10, 1);
  const G = checkInteger('options.intervals', options.intervals ?? 100, 1);
  const hidden = checkInteger('options.mlpHiddenLayers', options.mlpHiddenLayers ?? 3, 1);
  const every = checkInteger('options.recordEvery', options.recordEvery ?? Math.max(1, Math.floor(iterations / 20)), 1);
  const rng = new Rng(options.seed ?? 0);
  const amplitudes = frequencies.map((_, q) => (mode === 'equal' ? 1 : 0.1 * (q + 1)));
  const phases = frequencies.map(() => 2 * Math.PI * rng.uniform());
  const X: DenseMatrix = { rows: N, cols: 1, data: new Float64Array(N) };
  const y = new Float64Array(N);
  for (let j = 0; j < N; j++) {
    const x = j / N;
    X.data[j] = 2 * x - 1;
    for (let q = 0; q < frequencies.length; q++) y[j] += amplitudes[q] * Math.sin(2 * Math.PI * frequencies[q] * x + phases[q]);
  }
  const kan = createKan({ shape: [1, width, 1], intervals: G, rng });
  const kanModel = kanJetModel(kan, X, 0);
  const mlpWidths = mlpWidthsForParameterCount(1, 1, hidden, kanModel.parameterCount);
  const mlp = initializeMlp(new Mlp(mlpWidths, 'tanh'), { rng });
  const runs = [
    runOne('kan', [1, width, 1], kanModel),
    runOne('mlp', mlpWidths, mlpJetModel(mlp, X, 0)),
  ] as [SpectralBiasRun, SpectralBiasRun];
  const status = runs.find((r) => r.status !== 'success')?.status ?? 'success';
  return { status, frequencies, amplitudes, runs };

  function runOne(network: 'kan' | 'mlp', shape: number[], model: JetModel): SpectralBiasRun {
    const spectrum = new Float64Array(frequencies.length);
    const recordedAt: number[] = [];
    const normalizedAmplitude: number[][] = [];
    const record = (it: number) => {
      model.forward();
      dftAmplitudes(model.value, frequencies, spectrum);
      recordedAt.push(it);
      normalizedAmplitude.push(Array.from(spectrum, (a, q) => a / amplitudes[q]));
    };
    const saveAt: number[] = [];
    for (let it = every; it <= iterations; it += every) saveAt.push(it);
    record(0);
    const r = trainJetModel({ model, loss: mseLoss(y), optimizer: 'adam', iterations, lr }, {
      saveAt, signal: options.signal, onProgress: options.onProgress, progressEvery: options.progressEvery,
    });
    for (const snap of r.saved) {
      model.params.set(snap.state);
      record(snap.t);
    }
    model.params.set(r.final.params);
    model.forward();
    const residual = new Float64Array(N);
    let sum = 0;
    for (let j = 0; j < N; j++) {
      residual[j] = model.value[j] - y[j];
      sum += residual[j] ** 2;
    }
    const frequencyError = Array.from(dftAmplitudes(residual, frequencies), (a, q) => a / amplitudes[q]);
    return { network, shape, parameters: model.parameterCount, status: r.status, recordedAt, normalizedAmplitude, frequencyError, rmse: Math.sqrt(sum / N) };
  }
}
