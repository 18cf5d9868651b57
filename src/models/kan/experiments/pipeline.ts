/**
 * The interpretability pipeline of thesis §3.2.4 (thesis §3.2.4) and pykan's `hellokan` tutorial on
 * f(x1, x2) = exp(sin(πx1) + x2²) (thesis E4 item 2, thesis §3.3): train a [2, 5, 1] KAN with
 * sparsity regularization, prune, retrain, refine the grid, snap every edge to a library function,
 * retrain the affine parameters of the formula, and print it.
 *
 * @module
 */
import { checkInteger, checkNonNegative, checkPositive } from '../../../core/check';
import { progressSlice, type LongRunOptions } from '../../../core/progress';
import type { SolveStatus } from '../../../core/status';
import type { DenseMatrix } from '../../../core/types';
import { Rng } from '../../../random/rng';
import type { Seed } from '../../../random/seed';
import { symbolicFormula } from '../formula';
import { extendGrid } from '../gridRefit';
import { createKan } from '../initialization';
import type { KanNetwork } from '../network';
import { pruneKan } from '../prune';
import { autoSymbolic, type AutoSymbolicEdge } from '../symbolicNetwork';
import { kanRmse, trainKan, type KanDataset, type TrainKanResult } from '../training';

/**
 * A data set y = f(x) with inputs uniform on [lo, hi]^d (pykan `create_dataset`).
 * O((train + test)·d).
 * @example
 * ```ts
 * const data = sampleDataset((x) => x[0] * x[1], 2, { train: 1000, test: 1000, seed: 0 });
 * ```
 */
export function sampleDataset(
  f: (x: Float64Array) => number,
  dim: number,
  options: { train?: number; test?: number; seed?: Seed; range?: [number, number] } = {},
): Required<KanDataset> {
  checkInteger('dim', dim, 1);
  const nTrain = checkInteger('options.train', options.train ?? 1000, 1);
  const nTest = checkInteger('options.test', options.test ?? 1000, 1);
  const [lo, hi] = options.range ?? [-1, 1];
  const rng = new Rng(options.seed ?? 0);
  const point = new Float64Array(dim);
  const draw = (rows: number): [DenseMatrix, DenseMatrix] => {
    const X = new Float64Array(rows * dim);
    const Y = new Float64Array(rows);
    for (let s = 0; s < rows; s++) {
      for (let i = 0; i < dim; i++) X[s * dim + i] = point[i] = lo + (hi - lo) * rng.uniform();
      Y[s] = f(point);
    }
    return [{ rows, cols: dim, data: X }, { rows, cols: 1, data: Y }];
  };
  const [trainInput, trainLabel] = draw(nTrain);
  const [testInput, testLabel] = draw(nTest);
  return { trainInput, trainLabel, testInput, testLabel };
}

/** Options of {@link symbolicPipeline}. Defaults reproduce the documented run. */
export interface SymbolicPipelineOptions extends LongRunOptions {
  /** Training / test samples (default 1000 / 1000). */
  train?: number;
  /** See `train`. */
  test?: number;
  /** Seed of the data and of the initialization (default 0). */
  seed?: Seed;
  /** Initial grid intervals (default 5). */
  intervals?: number;
  /** Grid after refinement (default 10). */
  refinedIntervals?: number;
  /** L-BFGS steps (pykan units) of each training phase (default 50; the sparsity phase uses 20). */
  steps?: number;
  /** Sparsity weight λ of the first phase (default 0.1; pykan 0.0.5's hellokan uses 0.01 with its own
   * regularizer, which here leaves two or three hidden nodes above the pruning threshold). */
  lamb?: number;
  /** Entropy weight of the first phase (default 10, pykan 0.0.5 hellokan). */
  lambEntropy?: number;
  /** Node pruning threshold (default 1e-2). */
  nodeThreshold?: number;
  /** Library for the snapping (default pykan's hellokan list). */
  library?: readonly string[];
  /** Samples per symbolic fit (default 256). */
  maxSamples?: number;
}

/** One phase of the pipeline with its RMSE history. */
export interface PipelinePhase {
  /** `'sparsify' | 'prune' | 'retrain' | 'refine' | 'symbolic' | 'symbolicRetrain'`. */
  name: string;
  /** Network shape after the phase. */
  shape: number[];
  /** Training RMSE after each step (one entry for phases without training). */
  trainRmse: number[];
  /** Test RMSE after each step. */
  testRmse: number[];
}

/** Result of {@link symbolicPipeline}. */
export interface SymbolicPipelineResult {
  /** `success` unless a training phase ended early (its status). */
  status: SolveStatus;
  /** The phases in order. */
  phases: PipelinePhase[];
  /** Edges chosen by auto-symbolic snapping. */
  edges: AutoSymbolicEdge[];
  /** The recovered formula (first output). */
  formula: string;
  /** Final test RMSE of the symbolic network. */
  finalTestRmse: number;
  /** Final training RMSE. */
  finalTrainRmse: number;
  /** Test RMSE of the printed formula's evaluator (identical expression, printed digits aside). */
  formulaTestRmse: number;
  /** Total L-BFGS steps (pykan units). */
  steps: number;
  /** The final symbolic network. */
  network: KanNetwork;
}

/**
 * Run the pipeline on f = exp(sin(πx1) + x2²) (module documentation). Every stage is deterministic
 * for a seed. Cost ≈ 4 × steps L-BFGS steps on `train` samples plus the symbolic fits
 * (edges × library × 3·101²·maxSamples evaluations).
 * @example
 * ```ts
 * const r = symbolicPipeline({ seed: 0 });
 * r.formula;        // 'exp(sin(pi*x1) + x2^2)'
 * r.finalTestRmse;  // < 1e-8
 * ```
 */
export function symbolicPipeline(options: SymbolicPipelineOptions = {}): SymbolicPipelineResult {
  const steps = checkInteger('options.steps', options.steps ?? 50, 1);
  const G1 = checkInteger('options.intervals', options.intervals ?? 5, 1);
  const G2 = checkInteger('options.refinedIntervals', options.refinedIntervals ?? 10, 1);
  const lamb = checkNonNegative('options.lamb', options.lamb ?? 0.1);
  const lambEntropy = checkNonNegative('options.lambEntropy', options.lambEntropy ?? 10);
  const nodeThreshold = checkPositive('options.nodeThreshold', options.nodeThreshold ?? 1e-2);
  const seed = options.seed ?? 0;
  const data = sampleDataset((x) => Math.exp(Math.sin(Math.PI * x[0]) + x[1] * x[1]), 2, { train: options.train, test: options.test, seed });
  const long = { signal: options.signal, onProgress: options.onProgress, progressEvery: options.progressEvery };
  const phases: PipelinePhase[] = [];
  let status: SolveStatus = 'success';
  let totalSteps = 0;
  const record = (name: string, net: KanNetwork, r?: TrainKanResult) => {
    if (r !== undefined) {
      totalSteps += r.stats.naccept;
      if (r.status !== 'success' && status === 'success') status = r.status;
    }
    phases.push({
      name,
      shape: net.shape.slice(),
      trainRmse: r?.history.trainRmse ?? [kanRmse(net, data.trainInput, data.trainLabel)],
      testRmse: r?.history.testRmse ?? [kanRmse(net, data.testInput, data.testLabel)],
    });
  };
  let net = createKan({ shape: [2, 5, 1], intervals: G1, seed });
  // progress of the whole pipeline: the four training phases by their step budgets
  const budget = Math.min(steps, 20) + 3 * steps;
  const stage = (from: number, n: number) => progressSlice(long, from / budget, (from + n) / budget);
  record('sparsify', net, trainKan({ net, data, steps: Math.min(steps, 20), lamb, lambEntropy }, stage(0, Math.min(steps, 20))));
  net = pruneKan(net, data.trainInput, { nodeThreshold }).network;
  record('prune', net);
  record('retrain', net, trainKan({ net, data, steps }, stage(Math.min(steps, 20), steps)));
  net = extendGrid(net, G2, data.trainInput).network;
  record('refine', net, trainKan({ net, data, steps }, stage(Math.min(steps, 20) + steps, steps)));
  const snapped = autoSymbolic(net, data.trainInput, { library: options.library, maxSamples: options.maxSamples }, { signal: options.signal });
  net = snapped.network;
  if (snapped.status !== 'success' && status === 'success') status = snapped.status;
  record('symbolic', net);
  record('symbolicRetrain', net, trainKan({ net, data, steps, updateGrid: false }, stage(Math.min(steps, 20) + 2 * steps, steps)));
  const formula = symbolicFormula(net);
  const values = formula.evaluate(data.testInput);
  let sse = 0;
  for (let s = 0; s < values.length; s++) sse += (values[s] - data.testLabel.data[s]) ** 2;
  const last = phases[phases.length - 1];
  return {
    status,
    phases,
    edges: snapped.edges,
    formula: formula.text[0],
    finalTestRmse: last.testRmse[last.testRmse.length - 1],
    finalTrainRmse: last.trainRmse[last.trainRmse.length - 1],
    formulaTestRmse: Math.sqrt(sse / values.length),
    steps: totalSteps,
    network: net,
  };
}
