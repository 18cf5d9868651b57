/**
 * `singularis reproduce kan`: the KAN interpretability pipeline on exp(sin(πx1) + x2²) (thesis
 * §3.2.4, pykan hellokan) and the grid-extension staircase with its fitted scaling exponent
 * (thesis Thm 3.2.1, E4), spectral bias on 1-D waves (§3.5.2), Gaussian-random-field regression
 * (§3.5.3) and the Poisson problem (§3.5.4) against MLP baselines. Writes SVG figures and a
 * summary; `--json` prints one JSON line.
 *
 * @module
 */
import { layerInputs } from '../models/kan/activations';
import { grfRegression } from '../models/kan/experiments/grf';
import { poissonComparison } from '../models/kan/experiments/poisson';
import { spectralBias } from '../models/kan/experiments/spectralBias';
import { gridStaircase } from '../models/kan/experiments/staircase';
import { symbolicPipeline } from '../models/kan/experiments/pipeline';
import type { KanNetwork } from '../models/kan/network';
import { defineExperiment, type ExperimentContext, type ExperimentOutcome, type OutcomeStatus } from './framework/experiment';
import type { FigureSpec } from './framework/figures';
import { flag, type FlagValues } from './framework/flags';
import { lineChartSpec, type Rows } from './plot';
import { formatTable, sci as sciFinite } from './table';

/** Scientific notation; '—' for a value a stopped phase did not produce. */
const sci = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '—' : sciFinite(v));

/** Rows (x, φ(x), edge label) for every active edge, sampled on the range of its inputs. */
function activationRows(net: KanNetwork, X: { rows: number; cols: number; data: Float64Array }): Rows {
  const acts = layerInputs(net, X);
  const rows: Rows = [];
  const xs = new Float64Array(101);
  const ys = new Float64Array(101);
  net.layers.forEach((layer, l) => {
    for (let i = 0; i < layer.inDim; i++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let s = 0; s < X.rows; s++) {
        const v = acts[l].data[s * layer.inDim + i];
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      for (let q = 0; q < xs.length; q++) xs[q] = lo + ((hi - lo) * q) / (xs.length - 1);
      for (let j = 0; j < layer.outDim; j++) {
        if (layer.edgeMask[j * layer.inDim + i] === 0) continue;
        layer.evaluateEdge(j, i, xs, ys);
        for (let q = 0; q < xs.length; q++) rows.push({ x: xs[q], phi: ys[q], edge: `layer ${l + 1}: input ${i + 1} → ${l + 1 === net.layers.length ? 'output' : 'node'} ${j + 1}` });
      }
    }
  });
  return rows;
}

const flags = {
  seed: flag.integer({ min: 0, max: 2 ** 31 - 2, default: 0, example: '7', help: 'seed of data and initialization (the staircase uses seed + 1)' }),
};

type Flags = FlagValues<typeof flags>;

const worst = (statuses: OutcomeStatus[]): OutcomeStatus => statuses.find((st) => st !== 'success') ?? 'success';

async function runKan(ctx: ExperimentContext<Flags>): Promise<ExperimentOutcome> {
  const { quick } = ctx;
  const seed = ctx.flags.seed;
  const log = ctx.log;
  const completed: string[] = [];
  const statuses: OutcomeStatus[] = [];
  const figures: FigureSpec[] = [];
  const text: string[] = [];
  const result: Record<string, unknown> = {};
  const done = (name: string, status: OutcomeStatus) => {
    statuses.push(status);
    if (status === 'success') completed.push(name);
    return status === 'success' && !ctx.aborted;
  };
  const finish = (): ExperimentOutcome => {
    const status = ctx.aborted && statuses.every((st) => st === 'success') && completed.length < 5 ? 'aborted' : worst(statuses);
    const failed = ['pipeline', 'grid staircase', 'spectral bias', 'GRF regression', 'Poisson'].filter((p) => !completed.includes(p));
    return { status, message: status === 'success' ? '' : `stopped (${status}); not completed: ${failed.join(', ')}`, result, summary: text.join('\n\n'), figures, completed };
  };

  let t = Date.now();
  log('pipeline: exp(sin(pi x1) + x2^2), [2,5,1] → prune → refine → auto-symbolic → retrain');
  const pipeline = symbolicPipeline({ ...(quick ? { train: 300, test: 300, steps: 20 } : {}), seed, ...ctx.runOptions('pipeline', 0, 0.3) });
  log(formatTable(['phase', 'shape', 'test RMSE'], pipeline.phases.map((p) => [p.name, `[${p.shape.join(',')}]`, sci(p.testRmse[p.testRmse.length - 1])])));
  log(`formula: ${pipeline.formula}  (test RMSE ${sci(pipeline.finalTestRmse)}, ${pipeline.steps} L-BFGS steps, ${((Date.now() - t) / 1000).toFixed(1)} s)`);
  result.pipeline = { finalTestRmse: pipeline.finalTestRmse, finalTrainRmse: pipeline.finalTrainRmse, formula: pipeline.formula, steps: pipeline.steps, edges: pipeline.edges, status: pipeline.status };
  text.push(`Formula: \`${pipeline.formula}\`, final test RMSE ${sci(pipeline.finalTestRmse)} after ${pipeline.steps} L-BFGS steps (status ${pipeline.status}).`);
  let step = 0;
  const lossRows: Rows = [];
  for (const p of pipeline.phases) {
    p.testRmse.forEach((v, k) => {
      lossRows.push({ step, rmse: v, set: 'test data', phase: p.name });
      lossRows.push({ step, rmse: p.trainRmse[k], set: 'training data', phase: p.name });
      step++;
    });
  }
  figures.push({ name: 'pipeline-loss', spec: lineChartSpec(lossRows, { x: 'step', y: 'rmse', series: 'set', seriesTitle: 'RMSE on', logY: true, title: 'KAN pipeline: RMSE through sparsify, prune, retrain, refine, snap, retrain', xTitle: 'L-BFGS step (all phases)', yTitle: 'RMSE' }), caption: `Training and test RMSE of the KAN fitting exp(sin(πx₁) + x₂²) through the phases of the interpretability pipeline (thesis §3.2.4); final formula \`${pipeline.formula}\`.` });
  figures.push({
    name: 'activations',
    spec: lineChartSpec(activationRows(pipeline.network, { rows: 200, cols: 2, data: new Float64Array(400).map((_, k) => ((k * 0.6180339887) % 2) - 1) }), { x: 'x', y: 'phi', series: 'edge', seriesTitle: 'edge (layer: input → output node)', title: 'Learned activation φ of every remaining edge of the final KAN', xTitle: 'edge input x (over the data)', yTitle: 'activation φ(x)' }),
    caption: 'Activations φ_{l,i,j} of the final (pruned, snapped) network, each sampled over the range its input takes on the data; the key names each edge by layer, input and output node.',
  });
  if (!done('pipeline', pipeline.status)) return finish();

  t = Date.now();
  const grids = quick ? [3, 5, 10, 20] : [3, 5, 10, 20, 50];
  const staircase = gridStaircase({ grids, steps: quick ? 20 : 50, seed: seed + 1, fitFrom: 5, fitUpTo: 20, ...ctx.runOptions('grid staircase', 0.3, 0.5) });
  log(formatTable(['G', 'train RMSE', 'test RMSE'], staircase.grids.map((g, q) => [String(g), sci(staircase.trainRmse[q]), sci(staircase.testRmse[q])])));
  log(`staircase slope over 5 <= G <= 20: ${staircase.slope.toFixed(2)} (theory -4), ${((Date.now() - t) / 1000).toFixed(1)} s`);
  result.scaling = { grids: staircase.grids, testRmse: staircase.testRmse, trainRmse: staircase.trainRmse, slope: staircase.slope, status: staircase.status };
  text.push(`Staircase slope (5 ≤ G ≤ 20; G = 50 is data-limited with 1000 samples): ${staircase.slope.toFixed(2)}; test RMSE ${staircase.testRmse.map(sci).join(', ')} for G = ${staircase.grids.join(', ')}.`);
  const stairRows: Rows = staircase.history.map((h) => ({ step: h.step, rmse: h.testRmse, set: 'test data' } as Record<string, number | string>)).concat(staircase.history.map((h) => ({ step: h.step, rmse: h.trainRmse, set: 'training data' })));
  figures.push({ name: 'staircase', spec: lineChartSpec(stairRows, { x: 'step', y: 'rmse', series: 'set', seriesTitle: 'RMSE on', logY: true, title: `Grid extension G = ${grids.join(' → ')}: the RMSE staircase`, xTitle: 'L-BFGS step', yTitle: 'RMSE' }), caption: 'RMSE during training with grid extension: each refinement of the spline grid G drops the error (thesis Thm 3.2.1, E4).' });
  const scalingRows: Rows = staircase.grids.map((g, q) => ({ G: g, rmse: staircase.testRmse[q], curve: 'test RMSE' }));
  const ref = staircase.testRmse[1] * Math.pow(staircase.grids[1], 4);
  for (const g of staircase.grids) scalingRows.push({ G: g, rmse: ref * Math.pow(g, -4), curve: 'reference slope G⁻⁴' });
  figures.push({ name: 'scaling', spec: lineChartSpec(scalingRows, { x: 'G', y: 'rmse', series: 'curve', seriesTitle: 'curve shown', logX: true, logY: true, points: true, title: `Scaling law: fitted slope ${staircase.slope.toFixed(2)} (theory −4)`, xTitle: 'grid size G', yTitle: 'test RMSE' }), caption: 'Test RMSE against the grid size G on log–log axes with the theoretical G⁻⁴ slope (thesis Thm 3.2.1).' });
  if (!done('grid staircase', staircase.status)) return finish();

  t = Date.now();
  const waves = spectralBias({ ...(quick ? { frequencies: [1, 2, 4, 8, 16], points: 100, intervals: 40, iterations: 1000 } : { iterations: 2000 }), seed, ...ctx.runOptions('spectral bias', 0.5, 0.7) });
  log(formatTable(['k', 'KAN |ĝ−f̂|/A', 'MLP |ĝ−f̂|/A'], waves.frequencies.map((k, q) => [String(k), sci(waves.runs[0].frequencyError[q]), sci(waves.runs[1].frequencyError[q])])));
  log(`spectral bias: KAN [${waves.runs[0].shape.join(',')}] (${waves.runs[0].parameters} parameters) vs tanh MLP [${waves.runs[1].shape.join(',')}] (${waves.runs[1].parameters}), same Adam budget, ${((Date.now() - t) / 1000).toFixed(1)} s`);
  result.spectralBias = { frequencies: waves.frequencies, kanError: waves.runs[0].frequencyError, mlpError: waves.runs[1].frequencyError, status: waves.status };
  text.push(`Spectral bias (frequencies ${waves.frequencies.join(', ')}): KAN per-frequency errors ${waves.runs[0].frequencyError.map(sci).join(', ')}; MLP ${waves.runs[1].frequencyError.map(sci).join(', ')}.`);
  const waveRows: Rows = [];
  waves.runs.forEach((r) => waves.frequencies.forEach((k, q) => waveRows.push({ frequency: k, error: Math.max(r.frequencyError[q], 1e-16), network: `${r.network.toUpperCase()} (${r.parameters} parameters)` })));
  figures.push({ name: 'spectral-bias', spec: lineChartSpec(waveRows, { x: 'frequency', y: 'error', series: 'network', seriesTitle: 'network', logY: true, points: true, title: 'Per-frequency error after the same Adam budget', xTitle: 'frequency k', yTitle: '|ĝ(k) − f̂(k)|/A' }), caption: 'Spectral bias on 1-D waves (thesis §3.5.2): per-frequency error of a KAN and a tanh MLP of similar size after the same training budget.' });
  const mlpHistory: Rows = [];
  waves.runs[1].recordedAt.forEach((it, r) => waves.frequencies.forEach((k, q) => mlpHistory.push({ iteration: it, amplitude: waves.runs[1].normalizedAmplitude[r][q], k: `k = ${k}` })));
  figures.push({ name: 'spectral-bias-mlp-history', spec: lineChartSpec(mlpHistory, { x: 'iteration', y: 'amplitude', series: 'k', seriesTitle: 'frequency', title: 'MLP: learned amplitude |ĝ(k)|/A during training', xTitle: 'Adam iteration', yTitle: '|ĝ(k)|/A' }), caption: 'The MLP learns the low frequencies first (spectral bias, thesis §3.5.2).' });
  if (!done('spectral bias', waves.status)) return finish();

  t = Date.now();
  const grf = grfRegression({ ...(quick ? { points: 250, lengthScales: [1, 0.25], grids: [5, 10], stepsPerGrid: 4 } : { points: 600, stepsPerGrid: 10 }), seed, ...ctx.runOptions('GRF regression', 0.7, 0.85) });
  log(formatTable(['sigma', 'modes', 'KAN train', 'KAN test', 'MLP train', 'MLP test'], grf.rows.map((r) => [String(r.lengthScale), String(r.modes), sci(r.kanTrain[r.kanTrain.length - 1]), sci(r.kanTest[r.kanTest.length - 1]), sci(r.mlpTrain), sci(r.mlpTest)])));
  log(`GRF regression (relative RMSE): KAN [${grf.kanShape.join(',')}] (${grf.kanParameters}) vs MLP [${grf.mlpWidths.join(',')}] (${grf.mlpParameters}), ${((Date.now() - t) / 1000).toFixed(1)} s`);
  result.grf = { lengthScales: grf.rows.map((r) => r.lengthScale), kanTest: grf.rows.map((r) => r.kanTest[r.kanTest.length - 1]), mlpTest: grf.rows.map((r) => r.mlpTest), status: grf.status };
  const grfRows: Rows = [];
  for (const r of grf.rows) {
    grfRows.push({ sigma: r.lengthScale, rmse: r.kanTest[r.kanTest.length - 1], curve: 'KAN, test data' }, { sigma: r.lengthScale, rmse: r.mlpTest, curve: 'MLP, test data' });
    grfRows.push({ sigma: r.lengthScale, rmse: r.kanTrain[r.kanTrain.length - 1], curve: 'KAN, training data' }, { sigma: r.lengthScale, rmse: r.mlpTrain, curve: 'MLP, training data' });
  }
  figures.push({ name: 'grf', spec: lineChartSpec(grfRows, { x: 'sigma', y: 'rmse', series: 'curve', seriesTitle: 'network, data', logX: true, logY: true, points: true, title: 'GRF regression: relative RMSE against the length scale', xTitle: 'length scale σ of the random field', yTitle: 'relative RMSE' }), caption: 'Regression of Gaussian random fields (thesis §3.5.3): relative RMSE of a KAN and an MLP against the correlation length σ.' });
  if (!done('GRF regression', grf.status)) return finish();

  t = Date.now();
  const poisson = poissonComparison({ frequency: 4, ...(quick ? { grids: [20], iterationsPerGrid: 300 } : { grids: [20, 40], iterationsPerGrid: 500 }), seed, ...ctx.runOptions('Poisson', 0.85, 1) });
  log(`Poisson (3.5.5), k = 4, PINN loss: KAN L2 ${sci(poisson.kan.l2[poisson.kan.l2.length - 1])}, H1 ${sci(poisson.kan.h1[poisson.kan.h1.length - 1])}; MLP [${poisson.mlp.shape.join(',')}] L2 ${sci(poisson.mlp.l2[0])}, H1 ${sci(poisson.mlp.h1[0])} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  result.poisson = {
    kanL2: poisson.kan.l2[poisson.kan.l2.length - 1], kanH1: poisson.kan.h1[poisson.kan.h1.length - 1], mlpL2: poisson.mlp.l2[0], mlpH1: poisson.mlp.h1[0],
    frequency: poisson.frequency, kanParameters: poisson.kan.parameters, mlpParameters: poisson.mlp.parameters, status: poisson.status,
  };
  text.push(`Poisson (3.5.5), k = 4, PINN loss: KAN L2 ${sci(poisson.kan.l2[poisson.kan.l2.length - 1])} / H1 ${sci(poisson.kan.h1[poisson.kan.h1.length - 1])}, MLP L2 ${sci(poisson.mlp.l2[0])} / H1 ${sci(poisson.mlp.h1[0])} (relative errors).`);
  done('Poisson', poisson.status);
  return finish();
}

/**
 * The KAN experiment declaration (thesis §3.2.4, Thm 3.2.1, §3.5.2–§3.5.4).
 * @example
 * ```ts
 * // singularis reproduce kan --seed 3
 * ```
 */
export const kanExperiment = defineExperiment({
  name: 'kan',
  title: 'Kolmogorov–Arnold networks: pipeline, scaling, spectral bias, GRF, Poisson (thesis Ch. 3)',
  description: 'The KAN interpretability pipeline on exp(sin(πx₁) + x₂²) (thesis §3.2.4), the grid-extension staircase and its fitted\nscaling exponent (Thm 3.2.1), spectral bias on 1-D waves (§3.5.2), Gaussian-random-field regression (§3.5.3) and the\nPoisson problem (§3.5.4) against MLP baselines.',
  flags,
  quickNote: '300 samples, 20 steps per phase, small baselines (about ten seconds)',
  examples: ['--seed 3', '--quick --json'],
  estimate: () => 1,
  run: runKan,
});
