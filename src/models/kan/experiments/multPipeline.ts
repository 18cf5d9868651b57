/**
 * The symbolic pipeline on a KAN with multiplication nodes (pykan's MultKAN; externally sourced —
 * the thesis's KANs only sum at nodes, thesis §3.2.2, and find products through
 * 2xy = (x + y)² − x² − y², thesis §3.3): train with sparsity regularization, prune (mult nodes
 * as a whole), retrain, snap the edges to library functions one layer at a time (retraining the
 * remaining splines after each layer), retrain the formula's affine parameters and print it. Targets: y = x1·x2 on [2, [0, 1], 1] and y = x1·x2 + sin(x3) on
 * [3, [3, 2], 1], which should come out as `x1*x2` and `sin(x3) + x1*x2`.
 *
 * @module
 */
import { checkInteger, checkNonNegative } from '../../../core/check';
import { InvalidArgumentError } from '../../../core/errors';
import type { SolveStatus } from '../../../core/status';
import type { Seed } from '../../../random/seed';
import { symbolicFormula } from '../formula';
import { createKan } from '../initialization';
import type { KanNetwork } from '../network';
import { pruneKan } from '../prune';
import { autoSymbolic } from '../symbolicNetwork';
import { kanRmse, trainKan, type TrainKanResult } from '../training';
import type { KanWidth } from '../width';
import { sampleDataset } from './pipeline';

/** Options of {@link multSymbolicPipeline}. */
export interface MultPipelineOptions {
  /** `'product'`: y = x1·x2; `'productSine'` (default): y = x1·x2 + sin(x3). */
  target?: 'product' | 'productSine';
  /** Width list (default [2, [0, 1], 1] for 'product', [3, [3, 2], 1] for 'productSine'). */
  shape?: readonly KanWidth[];
  /** Training / test samples (default 1000 each). */
  samples?: number;
  /** Seed of the data and the initialization (default 0). */
  seed?: Seed;
  /** Grid intervals (default 5). */
  intervals?: number;
  /** L-BFGS steps (pykan units) of the sparsity and symbolic phases (default 20). */
  steps?: number;
  /** L-BFGS steps of the retraining after pruning (default 50). */
  retrainSteps?: number;
  /** Sparsity weight λ of the first phase (default 0.003). */
  lamb?: number;
  /** Samples per symbolic edge fit (default 128). */
  maxSamples?: number;
  /** Snapping library (default x, x^2, sin, exp). */
  library?: readonly string[];
  /** Grid updates in the retraining between layer snaps (default false). */
  gridUpdateBetweenSnaps?: boolean;
  /** Complexity weight of the snapping (pykan's `weight_simple`, default 0.8 as pykan). */
  weightSimple?: number;
}

/** Result of {@link multSymbolicPipeline}. */
export interface MultPipelineResult {
  /** `success` unless a training phase ended otherwise. */
  status: SolveStatus;
  /** The printed formula of the first output. */
  formula: string;
  /** Width list after pruning, pykan form. */
  prunedShape: KanWidth[];
  /** Test RMSE after each phase: sparsify, retrain (after pruning), symbolic retrain. */
  testRmse: { sparsify: number; retrain: number; symbolic: number };
  /** Test RMSE of the printed formula's own evaluator. */
  formulaTestRmse: number;
  /** Wall time of each phase in seconds (train, prune, retrain, snap with its in-between retraining, symbolic retrain). */
  seconds: { sparsify: number; prune: number; retrain: number; snap: number; symbolicRetrain: number; total: number };
  /** The final symbolic network. */
  network: KanNetwork;
}

/**
 * Run the MultKAN symbolic pipeline (module documentation). Deterministic for a seed. Cost: three
 * training phases of `steps` L-BFGS steps on `samples` points, plus edges × library × 3·101²·
 * maxSamples evaluations for the snapping.
 * @example
 * ```ts
 * multSymbolicPipeline({ target: 'product', samples: 200 }).formula; // 'x1*x2'
 * ```
 */
export function multSymbolicPipeline(options: MultPipelineOptions = {}): MultPipelineResult {
  const target = options.target ?? 'productSine';
  if (target !== 'product' && target !== 'productSine') throw new InvalidArgumentError('options.target', "'product' or 'productSine'", target);
  const n = checkInteger('options.samples', options.samples ?? 1000, 2);
  const steps = checkInteger('options.steps', options.steps ?? 20, 1);
  const retrainSteps = checkInteger('options.retrainSteps', options.retrainSteps ?? 50, 1);
  const lamb = checkNonNegative('options.lamb', options.lamb ?? 0.003);
  const seed = options.seed ?? 0;
  const dim = target === 'product' ? 2 : 3;
  const f = target === 'product' ? (x: Float64Array) => x[0] * x[1] : (x: Float64Array) => x[0] * x[1] + Math.sin(x[2]);
  const data = sampleDataset(f, dim, { train: n, test: n, seed });
  const shape = options.shape ?? (target === 'product' ? [2, [0, 1], 1] : [3, [3, 2], 1]);
  let status: SolveStatus = 'success';
  const note = (r: TrainKanResult): number => {
    if (r.status !== 'success' && status === 'success') status = r.status;
    return r.history.testRmse[r.history.testRmse.length - 1];
  };
  const clock = (() => {
    let last = performance.now();
    return (): number => {
      const now = performance.now();
      const dt = (now - last) / 1000;
      last = now;
      return dt;
    };
  })();
  const t0 = performance.now();
  let net = createKan({ shape, intervals: options.intervals ?? 5, seed });
  const sparsify = note(trainKan({ net, data, steps, lamb }));
  const tSparsify = clock();
  net = pruneKan(net, data.trainInput).network;
  const tPrune = clock();
  const retrain = note(trainKan({ net, data, steps: retrainSteps }));
  const tRetrain = clock();
  // snap layer by layer, retraining in between, so that each layer is fitted after the splines of the
  // later layers have absorbed the earlier snaps (a sine split over two nearly linear edges, or a
  // product edge bent to compensate, straightens out before it is fitted)
  const snapOptions = { library: options.library ?? ['x', 'x^2', 'sin', 'exp'], weightSimple: options.weightSimple ?? 0.8, maxSamples: options.maxSamples ?? 128, normalizeInputs: true };
  for (let l = 0; l < net.depth; l++) {
    net = autoSymbolic(net, data.trainInput, { ...snapOptions, layers: [l] }).network;
    if (l + 1 < net.depth) note(trainKan({ net, data, steps, updateGrid: options.gridUpdateBetweenSnaps ?? false }));
  }
  const tSnap = clock();
  const symbolic = note(trainKan({ net, data, steps, updateGrid: false }));
  const formula = symbolicFormula(net);
  const tSymbolic = clock();
  const values = formula.evaluate(data.testInput);
  let sse = 0;
  for (let s = 0; s < values.length; s++) sse += (values[s] - data.testLabel.data[s]) ** 2;
  return {
    status,
    formula: formula.text[0],
    prunedShape: net.widthSpec,
    testRmse: { sparsify, retrain, symbolic: Number.isFinite(symbolic) ? symbolic : kanRmse(net, data.testInput, data.testLabel) },
    formulaTestRmse: Math.sqrt(sse / values.length),
    seconds: { sparsify: tSparsify, prune: tPrune, retrain: tRetrain, snap: tSnap, symbolicRetrain: tSymbolic, total: (performance.now() - t0) / 1000 },
    network: net,
  };
}
