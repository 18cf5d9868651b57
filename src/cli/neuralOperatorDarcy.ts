/**
 * The `darcy` case of `singularis reproduce neural-operator`: a 2D FNO trained on the Darcy
 * generator (experiment logic in `models/operator/experiments/darcy.ts`) — loss curves, the
 * coefficient / truth / prediction heatmaps of the first test sample at n, the same at 2n
 * (zero-shot), the pointwise error, and the trained parameters as a `singularis-fno` file.
 *
 * @module
 */
import { runDarcyExperiment, type DarcyPrediction } from '../models/operator/experiments/darcy';
import { fnoToJSON } from '../nn/fnoFile';
import type { FigureSpec, VegaLiteSpec } from './framework/figures';
import type { ExperimentContext, ExperimentOutcome } from './framework/experiment';
import { lineChartSpec, type Rows } from './plot';
import { fnoLossRows, fnoSummaryTable } from './fnoReport';

/** Flags the darcy case reads. */
export interface DarcyFlags {
  /** Elements per side n (nodes n + 1). */
  resolution: number;
  /** FNO width. */
  width: number;
  /** Modes per axis. */
  modes: number;
  /** FNO blocks. */
  layers: number;
  /** Training samples. */
  samples: number;
  /** Test samples. */
  testSamples: number;
  /** Epochs. */
  epochs: number;
  /** Mini-batch size. */
  batchSize: number;
  /** Initial learning rate. */
  lr: number;
  /** Seed. */
  seed: number;
}

/** A faceted heatmap: one panel per value of `panel`, one shared quantitative color scale. */
function heatmapSpec(rows: Rows, o: { title: string; value: string; valueTitle: string; panels: string[]; panelTitle: string; side: number; diverging?: boolean }): VegaLiteSpec {
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const cell = Math.max(4, Math.floor(220 / o.side));
  return {
    title: o.title,
    data: { values: rows },
    facet: { column: { field: 'panel', type: 'nominal', title: o.panelTitle, sort: o.panels } },
    resolve: { scale: { x: 'independent', y: 'independent' } },
    spec: {
      width: cell * o.side,
      height: cell * o.side,
      mark: { type: 'rect' },
      encoding: {
        x: { field: 'x', type: 'ordinal', title: 'position x', axis: { values: ticks, labelAngle: 0 } },
        y: { field: 'y', type: 'ordinal', title: 'position y', sort: 'descending', axis: { values: ticks } },
        color: { field: o.value, type: 'quantitative', title: o.valueTitle, scale: o.diverging ? { scheme: 'redblue', domainMid: 0, reverse: true } : { scheme: 'viridis' } },
      },
    },
  };
}

function fieldRows(side: number, panels: [string, Float64Array][], value: string): Rows {
  const rows: Rows = [];
  const h = 1 / (side - 1);
  for (const [panel, f] of panels) {
    for (let j = 0; j < side; j++) for (let i = 0; i < side; i++) rows.push({ panel, x: +(i * h).toFixed(4), y: +(j * h).toFixed(4), [value]: f[j * side + i] });
  }
  return rows;
}

function predictionFigures(p: DarcyPrediction, n: number): FigureSpec[] {
  const err = p.predicted.map((v, k) => v - p.truth[k]);
  const errFine = p.predictedFine.map((v, k) => v - p.truthFine[k]);
  const panels = [`finite elements, n = ${n}`, `FNO, n = ${n}`, `finite elements, 2n = ${2 * n}`, `FNO, 2n = ${2 * n} (zero-shot)`];
  const coarse = fieldRows(p.side, [[panels[0], p.truth], [panels[1], p.predicted]], 'u');
  const fine = fieldRows(p.sideFine, [[panels[2], p.truthFine], [panels[3], p.predictedFine]], 'u');
  return [
    {
      name: 'coefficient',
      spec: heatmapSpec(fieldRows(p.side, [['coefficient a', p.coefficient]], 'a'), { title: 'First test sample: the thresholded coefficient', value: 'a', valueTitle: 'permeability a', panels: ['coefficient a'], panelTitle: 'field', side: p.side }),
      caption: `The coefficient a = 12 where the Gaussian field μ ≥ 0 and 3 where μ < 0 (μ ~ N(0, 9(−Δ + 9)^{−2}), Neumann), at the ${p.side} × ${p.side} nodes of the training grid.`,
    },
    {
      name: 'prediction',
      spec: heatmapSpec([...coarse, ...fine], { title: 'First test sample: prediction against truth', value: 'u', valueTitle: 'pressure u', panels, panelTitle: 'solution', side: p.sideFine }),
      caption: `The finite-element solution u of −∇·(a∇u) = 1, u = 0 on the boundary, and the FNO prediction at the training resolution (${p.side}² nodes) and zero-shot on the doubled grid (${p.sideFine}² nodes); one colour scale.`,
    },
    {
      name: 'error',
      spec: heatmapSpec([...fieldRows(p.side, [[`n = ${n}`, err]], 'e'), ...fieldRows(p.sideFine, [[`2n = ${2 * n} (zero-shot)`, errFine]], 'e')], { title: 'First test sample: prediction minus truth', value: 'e', valueTitle: 'u_FNO − u_FE', panels: [`n = ${n}`, `2n = ${2 * n} (zero-shot)`], panelTitle: 'grid', side: p.sideFine, diverging: true }),
      caption: 'Pointwise error of the FNO prediction of the first test sample on the training grid and, zero-shot, on the doubled grid (diverging colour scale centred at 0).',
    },
  ];
}

/**
 * Run the darcy case: train, report, figures, parameter file.
 * @example
 * ```ts
 * // singularis reproduce neural-operator --case darcy --quick
 * ```
 */
export async function runDarcy(ctx: ExperimentContext<DarcyFlags>): Promise<ExperimentOutcome> {
  const f = ctx.flags;
  const opts = { resolution: f.resolution, width: f.width, modes: f.modes, layers: f.layers, samples: f.samples, testSamples: f.testSamples, epochs: f.epochs, seed: f.seed, batchSize: f.batchSize };
  const { summary, training, prediction } = runDarcyExperiment({ ...opts, lr: f.lr }, { ...ctx.runOptions('training', 0, 1), progressEvery: 1 });
  const ok = training.status === 'success';
  const n = opts.resolution;
  const curves = fnoLossRows(training.history);
  const figures: FigureSpec[] = [{
    name: 'loss',
    spec: lineChartSpec(curves, { x: 'epoch', y: 'error', series: 'set', seriesTitle: 'data set', logY: true, title: 'FNO on 2D Darcy flow: training and test error', xTitle: 'epoch', yTitle: 'relative L2 error' }),
    caption: `Relative L2 error on the training set (averaged during each epoch) and on the ${opts.testSamples} test samples after each epoch; Darcy flow with a thresholded coefficient, ${n + 1} × ${n + 1} nodes.`,
  }];
  const table = fnoSummaryTable(summary);
  ctx.log(table);
  if (ok) figures.push(...predictionFigures(prediction, n));
  return {
    status: training.status,
    message: ok ? '' : `training ended with status ${training.status}: ${training.message}`,
    result: { ...summary },
    summary: `Darcy flow (thresholded coefficient 12/3, f = 1), trained on ${n + 1}² nodes (Q1 solve on ${summary.solveN}² elements), width ${opts.width}, ${opts.modes} × ${opts.modes} modes, ${opts.layers} layers, ${opts.samples} training / ${opts.testSamples} test samples, ${summary.epochs} epochs; status ${training.status} (${training.message}).\n\n\`\`\`\n${table}\n\`\`\`\n`,
    figures,
    completed: ok ? ['training', 'evaluation'] : [],
    files: ok ? [{ name: 'fno-darcy.json', content: JSON.stringify(fnoToJSON(training.final.fno, training.final.theta, { case: 'darcy', ...opts, lr: f.lr, inputMean: summary.inputMean, inputStd: summary.inputStd, outputScale: summary.outputScale, testRelL2: summary.testRelL2 })), description: 'the trained FNO parameters (singularis-fno format, load with fnoFromJSON; inputs standardized with inputMean/inputStd, outputs in units of outputScale)' }] : [],
  };
}
