/**
 * Data of the figures equivalent to Figs. 2–5 of "From pinned billiard balls to partial
 * differential equations" (§3): rows of plain numbers and series names, computed from an
 * ensemble, its white-noise diagnostics and a mean-field PDE run. Rendering (chart specifications,
 * captions) belongs to the command line; these functions only arrange the numbers.
 *
 * Reproduction code: used by `singularis reproduce billiards`, not exported from
 * `singularis/billiards`.
 *
 * @module
 */
import type { PinnedBallsEnsembleResult } from '../ensemble';
import type { MeanFieldPdeResult } from '../pde';
import type { WhiteNoiseDiagnostics } from '../whiteNoise';

/** Rows of `{ [field]: number | string }`, one per plotted point. */
export type FigureRows = Record<string, number | string>[];

/** Series names of Fig. 2, in legend order. */
export const HISTOGRAM_CURVES = ['histogram of W (all balls, all runs)', 'standard normal density'];

/** Series names of Fig. 3, in legend order. */
export const LAG_CURVES = ['run 0', 'mean over runs', '+1/√(m − 1) (null sd)', '−1/√(m − 1) (null sd)'];

/** Series names of Fig. 5, in legend order. */
export const PROFILE_CURVES = ['μ, Monte Carlo', 'σ, Monte Carlo', 'μ, PDE', 'σ, PDE'];

/**
 * Fig. 2: the histogram of the pooled white noise against the standard normal density, one row
 * `{ W, empirical, normal }` per bin.
 *
 * @example
 * ```ts
 * const rows = histogramRows(whiteNoiseDiagnostics(options, ensemble, time));
 * ```
 */
export function histogramRows(wn: WhiteNoiseDiagnostics): FigureRows {
  const rows: FigureRows = [];
  const { centers, density, normalDensity } = wn.histogram;
  for (let b = 0; b < centers.length; b++) rows.push({ W: centers[b], empirical: density[b], normal: normalDensity[b] });
  return rows;
}

/**
 * Fig. 3: within-run lag correlations (run 0 and the mean over runs) with the ±1/√(m−1) band,
 * rows `{ k, r, curve }` with `curve` one of {@link LAG_CURVES}.
 *
 * @example
 * ```ts
 * const rows = lagRows(wn); // 4 rows per lag k
 * ```
 */
export function lagRows(wn: WhiteNoiseDiagnostics): FigureRows {
  const rows: FigureRows = [];
  for (let q = 0; q < wn.lags.k.length; q++) {
    const k = wn.lags.k[q];
    rows.push({ k, r: wn.lags.run[q], curve: LAG_CURVES[0] });
    rows.push({ k, r: wn.lags.mean[q], curve: LAG_CURVES[1] });
    rows.push({ k, r: wn.lags.band[q], curve: LAG_CURVES[2] });
    rows.push({ k, r: -wn.lags.band[q], curve: LAG_CURVES[3] });
  }
  return rows;
}

/**
 * Fig. 4: the across-run pair (W(x), W(x+1)), rows `{ left, right, run }` with `run = (k/R)⁵` for
 * run k of R (the paper's color ramp); at most about 20 000 points (every `⌊R/20000⌋`-th run).
 *
 * @example
 * ```ts
 * const rows = pairRows(wn);
 * ```
 */
export function pairRows(wn: WhiteNoiseDiagnostics): FigureRows {
  const R = wn.pair.left.length;
  const stride = Math.max(1, Math.floor(R / 20000));
  const rows: FigureRows = [];
  for (let r = 0; r < R; r += stride) rows.push({ left: wn.pair.left[r], right: wn.pair.right[r], run: (r / R) ** 5 });
  return rows;
}

/**
 * Fig. 5: μ and σ from the Monte Carlo ensemble and from the PDE at the given times (each both in
 * the ensemble's output times and in the PDE's saved states; other times are skipped), rows
 * `{ panel, z, value, curve }` with `panel = 't = 0.20T'` and `curve` one of
 * {@link PROFILE_CURVES}; at most about 400 PDE nodes per panel.
 *
 * @example
 * ```ts
 * const rows = profileRows(ensemble, pde, [0.2 * T, 0.4 * T], T);
 * ```
 */
export function profileRows(ensemble: PinnedBallsEnsembleResult, pde: MeanFieldPdeResult, times: readonly number[], T: number): FigureRows {
  const rows: FigureRows = [];
  for (const t of times) {
    const j = ensemble.times.indexOf(t);
    const snap = pde.saved.find((s) => s.t === t)?.state;
    if (j < 0 || snap === undefined) continue;
    const panel = `t = ${(t / T).toFixed(2)}T`;
    for (let i = 0; i < ensemble.n; i++) {
      rows.push({ panel, z: ensemble.z[i], value: ensemble.mean[j][i], curve: PROFILE_CURVES[0] });
      rows.push({ panel, z: ensemble.z[i], value: ensemble.sigma[j][i], curve: PROFILE_CURVES[1] });
    }
    const stride = Math.max(1, Math.floor(snap.mu.length / 400));
    for (let i = 0; i < snap.mu.length; i += stride) {
      rows.push({ panel, z: pde.z[i], value: snap.mu[i], curve: PROFILE_CURVES[2] });
      rows.push({ panel, z: pde.z[i], value: snap.sigma[i], curve: PROFILE_CURVES[3] });
    }
  }
  return rows;
}
