/**
 * Figures of `singularis reproduce billiards`, equivalent to Figs. 2–5 of the source: Vega-Lite
 * specifications (rendered by the shared layer), each with a title, axis titles, a legend naming
 * every series, and a caption. The plotted numbers come from `models/billiards/experiments/figureData`.
 *
 * @module
 */
import type { MeanFieldPdeResult, PinnedBallsEnsembleResult, WhiteNoiseDiagnostics } from '../models/billiards/index';
import { HISTOGRAM_CURVES, histogramRows, LAG_CURVES, lagRows, pairRows, PROFILE_CURVES, profileRows } from '../models/billiards/experiments/figureData';
import type { FigureSpec } from './framework/figures';

/** Fig. 2: histogram of the pooled white noise against the standard normal density. */
function histogramFigure(wn: WhiteNoiseDiagnostics, when: string): FigureSpec {
  const rows = histogramRows(wn);
  const domain = HISTOGRAM_CURVES;
  const color = (datum: string) => ({ datum, type: 'nominal', title: 'curve shown', scale: { domain, range: ['#4c78a8', '#e45756'] } });
  return {
    name: 'fig2-white-noise-histogram',
    spec: {
      title: `Fig. 2: empirical white noise W at t = ${when}`,
      width: 480,
      height: 300,
      data: { values: rows },
      layer: [
        { mark: { type: 'bar', opacity: 0.8 }, encoding: { x: { field: 'W', type: 'quantitative', title: 'W = (v − μ̂)/σ̂' }, y: { field: 'empirical', type: 'quantitative', title: 'probability density' }, color: color(domain[0]) } },
        { mark: { type: 'line', strokeWidth: 2 }, encoding: { x: { field: 'W', type: 'quantitative', title: 'W = (v − μ̂)/σ̂' }, y: { field: 'normal', type: 'quantitative', title: 'probability density' }, color: color(domain[1]) } },
      ],
    },
    caption: `Fig. 2 (cf. the paper's Fig. 2): histogram of the empirical white noise W = (v − μ̂)/σ̂ pooled over all balls and runs at t = ${when} (bars), against the standard normal density (line). Agreement means the fluctuations are Gaussian.`,
  };
}

/** Fig. 3: within-run lag correlations of one run with the ±1/√(m−1) band. */
function lagFigure(wn: WhiteNoiseDiagnostics, when: string): FigureSpec {
  const rows = lagRows(wn);
  const names = LAG_CURVES;
  return {
    name: 'fig3-lag-correlations',
    spec: {
      title: `Fig. 3: correlation of W(x) and W(x + k) along the row, t = ${when}`,
      width: 480,
      height: 300,
      data: { values: rows },
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'k', type: 'quantitative', title: 'lag k (balls)' },
        y: { field: 'r', type: 'quantitative', title: 'correlation r_k' },
        color: { field: 'curve', type: 'nominal', title: 'correlation of W', scale: { domain: names } },
      },
    },
    caption: `Fig. 3 (cf. the paper's Fig. 3): correlation r_k of W(x) and W(x + k) within one run (run 0) and averaged over runs, at t = ${when}, with the null band ±1/√(m − 1) of independent noise. White noise stays inside the band.`,
  };
}

/** Fig. 4: the across-run pair (W(x), W(x+1)), colored by run index as ((k/R)^5, 0, 1 − (k/R)^5). */
function pairFigure(wn: WhiteNoiseDiagnostics, when: string): FigureSpec {
  const rows = pairRows(wn); // at most ~20 000 points: keeps the SVG small for huge R
  return {
    name: 'fig4-adjacent-pairs',
    spec: {
      title: `Fig. 4: adjacent pair (W(${wn.pair.ball}), W(${wn.pair.ball + 1})) across runs, t = ${when}`,
      width: 400,
      height: 400,
      data: { values: rows },
      mark: { type: 'circle', size: 6, opacity: 0.6 },
      encoding: {
        x: { field: 'left', type: 'quantitative', title: `W(${wn.pair.ball})` },
        y: { field: 'right', type: 'quantitative', title: `W(${wn.pair.ball + 1})` },
        color: { field: 'run', type: 'quantitative', scale: { range: ['#0000ff', '#ff0000'] }, title: '(k/R)⁵, run k of R' },
      },
    },
    caption: `Fig. 4 (cf. the paper's Fig. 4): one point per run, the white noise of two adjacent balls ${wn.pair.ball} and ${wn.pair.ball + 1} at t = ${when}, colored by run index (blue first, red last). A round cloud means the neighbors are uncorrelated; no color drift means runs are exchangeable.`,
  };
}

/** Fig. 5: μ and σ from Monte Carlo (dotted) and the PDE (solid) at the given times, faceted. */
function profilesFigure(ensemble: PinnedBallsEnsembleResult, pde: MeanFieldPdeResult, times: number[], T: number): FigureSpec {
  const rows = profileRows(ensemble, pde, times, T);
  return {
    name: 'fig5-profiles',
    spec: {
      title: 'Fig. 5: mean μ and standard deviation σ of the velocity, Monte Carlo against the PDE',
      data: { values: rows },
      facet: { field: 'panel', type: 'nominal', title: 'time as a fraction of T', sort: null },
      columns: 3,
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: 260,
        height: 180,
        mark: { type: 'line', strokeWidth: 1.2 },
        encoding: {
          x: { field: 'z', type: 'quantitative', title: 'position z = (x − 1)/(n − 1)' },
          y: { field: 'value', type: 'quantitative', title: 'μ(z) and σ(z) (velocity)' },
          color: { field: 'curve', type: 'nominal', title: 'profile, source', scale: { domain: PROFILE_CURVES, range: ['#e45756', '#f58518', '#4c78a8', '#54a24b'] } },
          strokeDash: { field: 'curve', type: 'nominal', title: 'profile, source', scale: { domain: PROFILE_CURVES, range: [[2, 2], [2, 2], [1, 0], [1, 0]] } },
        },
      },
    },
    caption: `Fig. 5 (cf. the paper's Fig. 5): velocity mean μ and standard deviation σ against position, from the Monte Carlo ensemble (dotted, ${ensemble.runs} runs) and the mean-field PDE (solid), at ${times.map((t) => `${(t / T).toFixed(2)}T`).join(', ')} (T = ${T.toPrecision(4)}, no rescaling).`,
  };
}

/**
 * The figures of the billiards report: Fig. 5 whenever the ensemble has runs, Figs. 2–4 when the
 * white-noise diagnostics completed.
 * @example
 * ```ts
 * const figures = billiardsFigures(ensemble, pde, wn, fig5Times, T);
 * ```
 */
export function billiardsFigures(ensemble: PinnedBallsEnsembleResult, pde: MeanFieldPdeResult, wn: WhiteNoiseDiagnostics | null, fig5Times: number[], T: number): FigureSpec[] {
  const out: FigureSpec[] = [];
  if (wn !== null) {
    const when = `${(wn.time / T).toFixed(2)}T`;
    out.push(histogramFigure(wn, when), lagFigure(wn, when), pairFigure(wn, when));
  }
  out.push(profilesFigure(ensemble, pde, fig5Times, T));
  return out;
}
