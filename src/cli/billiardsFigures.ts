/**
 * Figures of `singularis reproduce billiards`, equivalent to Figs. 2–5 of the source: Vega-Lite
 * specifications rendered headless to SVG (`plot.ts`).
 *
 * @module
 */
import type { MeanFieldPdeResult, PinnedBallsEnsembleResult, WhiteNoiseDiagnostics } from '../models/billiards/index';
import { renderSvg, type Rows } from './plot';

/** One rendered figure. */
export interface Figure {
  /** File name. */
  name: string;
  /** SVG document. */
  svg: string;
  /** Caption for the summary. */
  caption: string;
}

/** Fig. 2: histogram of the pooled white noise against the standard normal density. */
async function histogramFigure(wn: WhiteNoiseDiagnostics): Promise<string> {
  const rows: Rows = [];
  const { centers, density, normalDensity } = wn.histogram;
  for (let b = 0; b < centers.length; b++) rows.push({ W: centers[b], empirical: density[b], normal: normalDensity[b] });
  return renderSvg({
    width: 480,
    height: 300,
    data: { values: rows },
    layer: [
      { mark: { type: 'bar', color: '#4c78a8', opacity: 0.8 }, encoding: { x: { field: 'W', type: 'quantitative', bin: false, title: 'W' }, y: { field: 'empirical', type: 'quantitative', title: 'density' } } },
      { mark: { type: 'line', color: '#e45756', strokeWidth: 2 }, encoding: { x: { field: 'W', type: 'quantitative' }, y: { field: 'normal', type: 'quantitative' } } },
    ],
  });
}

/** Fig. 3: within-run lag correlations of one run with the ±1/√(m−1) band. */
async function lagFigure(wn: WhiteNoiseDiagnostics): Promise<string> {
  const rows: Rows = [];
  for (let q = 0; q < wn.lags.k.length; q++) {
    const k = wn.lags.k[q];
    rows.push({ k, value: wn.lags.run[q], series: 'run 0' });
    rows.push({ k, value: wn.lags.mean[q], series: 'mean over runs' });
    rows.push({ k, value: wn.lags.band[q], series: '+1 null sd' });
    rows.push({ k, value: -wn.lags.band[q], series: '−1 null sd' });
  }
  return renderSvg({
    width: 480,
    height: 300,
    data: { values: rows },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'k', type: 'quantitative', title: 'lag k' },
      y: { field: 'value', type: 'quantitative', title: 'correlation' },
      color: { field: 'series', type: 'nominal' },
    },
  });
}

/** Fig. 4: the across-run pair (W(x), W(x+1)), colored by run index as ((k/R)^5, 0, 1 − (k/R)^5). */
async function pairFigure(wn: WhiteNoiseDiagnostics): Promise<string> {
  const R = wn.pair.left.length;
  const stride = Math.max(1, Math.floor(R / 20000)); // keep the SVG small for huge R
  const rows: Rows = [];
  for (let r = 0; r < R; r += stride) rows.push({ left: wn.pair.left[r], right: wn.pair.right[r], run: (r / R) ** 5 });
  return renderSvg({
    width: 400,
    height: 400,
    data: { values: rows },
    mark: { type: 'circle', size: 6, opacity: 0.6 },
    encoding: {
      x: { field: 'left', type: 'quantitative', title: `W(${wn.pair.ball})` },
      y: { field: 'right', type: 'quantitative', title: `W(${wn.pair.ball + 1})` },
      color: { field: 'run', type: 'quantitative', scale: { range: ['#0000ff', '#ff0000'] }, title: '(k/R)^5' },
    },
  });
}

/** Fig. 5: μ and σ from Monte Carlo (dotted) and the PDE (solid) at the given times, faceted. */
async function profilesFigure(ensemble: PinnedBallsEnsembleResult, pde: MeanFieldPdeResult, times: number[], T: number): Promise<string> {
  const rows: Rows = [];
  for (const t of times) {
    const j = ensemble.times.indexOf(t);
    const snap = pde.saved.find((s) => s.t === t)?.state;
    if (j < 0 || snap === undefined) continue;
    const panel = `t = ${(t / T).toFixed(2)}T`;
    const n = ensemble.n;
    for (let i = 0; i < n; i++) {
      rows.push({ panel, z: ensemble.z[i], value: ensemble.mean[j][i], curve: 'μ Monte Carlo' });
      rows.push({ panel, z: ensemble.z[i], value: ensemble.sigma[j][i], curve: 'σ Monte Carlo' });
    }
    const stride = Math.max(1, Math.floor(snap.mu.length / 400));
    for (let i = 0; i < snap.mu.length; i += stride) {
      rows.push({ panel, z: pde.z[i], value: snap.mu[i], curve: 'μ PDE' });
      rows.push({ panel, z: pde.z[i], value: snap.sigma[i], curve: 'σ PDE' });
    }
  }
  return renderSvg({
    data: { values: rows },
    facet: { field: 'panel', type: 'nominal', title: null, sort: null },
    columns: 3,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 260,
      height: 180,
      mark: { type: 'line', strokeWidth: 1.2 },
      encoding: {
        x: { field: 'z', type: 'quantitative', title: 'z = (x − 1)/(n − 1)' },
        y: { field: 'value', type: 'quantitative', title: null },
        color: {
          field: 'curve',
          type: 'nominal',
          scale: { domain: ['μ Monte Carlo', 'σ Monte Carlo', 'μ PDE', 'σ PDE'], range: ['#e45756', '#f58518', '#4c78a8', '#54a24b'] },
        },
        strokeDash: { field: 'curve', type: 'nominal', scale: { domain: ['μ Monte Carlo', 'σ Monte Carlo', 'μ PDE', 'σ PDE'], range: [[2, 2], [2, 2], [1, 0], [1, 0]] }, legend: null },
      },
    },
  });
}

/**
 * Render the four figures of the billiards report.
 * @example
 * ```ts
 * for (const f of await billiardsFigures(ens, pde, wn, times, T)) report.figure(f.name, f.svg, f.caption);
 * ```
 */
export async function billiardsFigures(ensemble: PinnedBallsEnsembleResult, pde: MeanFieldPdeResult, wn: WhiteNoiseDiagnostics, fig5Times: number[], T: number): Promise<Figure[]> {
  const when = `${(wn.time / T).toFixed(2)}T`;
  return [
    { name: 'fig2-white-noise-histogram.svg', svg: await histogramFigure(wn), caption: `Fig. 2: histogram of the empirical white noise W at ${when} (bars) and the standard normal density (line).` },
    { name: 'fig3-lag-correlations.svg', svg: await lagFigure(wn), caption: `Fig. 3: correlation of W at distance k (run 0 and the mean over runs) at ${when}, with the null band ±1/√(m − 1).` },
    { name: 'fig4-adjacent-pairs.svg', svg: await pairFigure(wn), caption: `Fig. 4: pairs (W(${wn.pair.ball}), W(${wn.pair.ball + 1})) at ${when}, one point per run, colored by run index.` },
    { name: 'fig5-profiles.svg', svg: await profilesFigure(ensemble, pde, fig5Times, T), caption: 'Fig. 5: μ and σ from Monte Carlo (dotted) and the PDE (solid) at 0.01T, 0.2T, 0.4T, 0.6T, 0.8T, 0.99T (no rescaling).' },
  ];
}
