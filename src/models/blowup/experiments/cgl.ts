/**
 * The complex Ginzburg–Landau reproduction (thesis §1.1.2): one modulated rescaled run in 1-D with
 * its laws, the blowup time checked against the direct physical-time solve (Richardson over two
 * grids on both sides), the heat reduction (β = δ = γ = 0, p = 2 against the heat solver step for
 * step) and the Masmoudi–Zaag prediction of the law Qτ. Used by `singularis reproduce cgl`; not
 * exported from the model's subpath.
 *
 * @module
 */
import { mappedGrid } from '../../../grid/grid1d';
import { sinhMap } from '../../../grid/maps';
import { cglBlowup1D, type CglBlowupResult } from '../cglBlowup';
import { mirroredNodes } from '../cglModel';
import { cglPhysical } from '../cglPhysical';
import { heatBlowup1D, thesisInitialData1D } from '../heatBlowup';

/** Settings of {@link runCglExperiment}. */
export interface CglExperimentSettings {
  /** β. */
  beta: number;
  /** δ. */
  delta: number;
  /** γ. */
  gamma: number;
  /** p > 1. */
  p: number;
  /** Final τ of the main run. */
  tau: number;
  /** Half-grid nodes of the main run (mirrored to 2n − 1). */
  grid: number;
  /** Half-grid nodes of the two direct runs (coarse, fine). */
  directGrids: [number, number];
  /** Rescaled times at which profiles are stored. */
  snapshots: number[];
}

/** Result of {@link runCglExperiment}. */
export interface CglExperimentResult {
  /** The main rescaled run. */
  run: CglBlowupResult;
  /** T from the main run (t + H^{p−1}/|c₀|). */
  blowupTime: number;
  /** T from rescaled runs on grid/2 and grid (τ ≤ 20), Richardson (order 2). */
  blowupTimeRichardson: number;
  /** T from the direct solve, Richardson over `directGrids`. */
  directBlowupTime: number;
  /** The two direct values. */
  directByGrid: number[];
  /** ρ-free amplitude history of the fine direct run: (T − t, max|ψ|). */
  directAmplitude: { timeToBlowup: number; amplitude: number }[];
  /** max |û_heat − Re Ψ| over the nodes after 200 fixed steps of β = δ = γ = 0, p = 2 against the heat solver, and |ΔT|. */
  heatReductionMaxDiff: number;
  /** |T_heat − T_cgl| of the same reduction runs. */
  heatReductionTimeDiff: number;
}

/**
 * Run the CGL experiment (module doc). Throws only for invalid settings.
 * @example
 * ```ts
 * runCglExperiment({ beta: 0.1, delta: 0.2, gamma: 0, p: 2, tau: 100, grid: 150, directGrids: [101, 201], snapshots: [1, 10, 100] });
 * ```
 */
export function runCglExperiment(settings: CglExperimentSettings, onProgress?: (info: { fraction: number }) => void): CglExperimentResult {
  const { beta, delta, gamma, p, tau, grid } = settings;
  const run = cglBlowup1D({ beta, delta, gamma, p, tauEnd: tau, grid: { n: grid } }, { saveAt: settings.snapshots.filter((s) => s > 0 && s <= tau), onProgress, progressEvery: 32 });
  const tauT = Math.min(tau, 20);
  const coarse = cglBlowup1D({ beta, delta, gamma, p, tauEnd: tauT, grid: { n: Math.max(9, Math.round(grid / 2)) } }).blowupTime;
  const fine = cglBlowup1D({ beta, delta, gamma, p, tauEnd: tauT, grid: { n: grid } }).blowupTime;
  const directRuns = settings.directGrids.map((n) => {
    const x = mirroredNodes(mappedGrid(sinhMap({ length: 60, scale: 0.05 }), n));
    const data = new Float64Array(2 * x.length);
    x.forEach((v, i) => { data[i] = thesisInitialData1D(v); });
    return cglPhysical({ beta, delta, gamma, p, nodes: x, initialData: data, amplitudeTarget: 1e3, rtol: 1e-7 });
  });
  const directByGrid = directRuns.map((r) => r.blowupTime);
  const ratio = (settings.directGrids[1] - 1) / (settings.directGrids[0] - 1);
  const directBlowupTime = directByGrid[1] + (directByGrid[1] - directByGrid[0]) / (ratio * ratio - 1);
  const last = directRuns[1];
  const directAmplitude: { timeToBlowup: number; amplitude: number }[] = [];
  for (let i = 0; i < last.history.t.length; i += Math.max(1, Math.floor(last.history.t.length / 300))) {
    const gap = directBlowupTime - last.history.t[i];
    if (gap > 0) directAmplitude.push({ timeToBlowup: gap, amplitude: last.history.amplitude[i] });
  }
  const heat = heatBlowup1D({ tauEnd: 4, dt: 0.02, grid: { n: 60 } });
  const reduced = cglBlowup1D({ tauEnd: 4, dt: 0.02, grid: { n: 60 } });
  let heatReductionMaxDiff = 0;
  for (let i = 0; i < heat.final.u.length; i++) heatReductionMaxDiff = Math.max(heatReductionMaxDiff, Math.abs(heat.final.u[i] - reduced.final.re[59 + i]), Math.abs(heat.final.u[i] - reduced.final.re[59 - i]));
  return {
    run,
    blowupTime: run.blowupTime,
    blowupTimeRichardson: fine + (fine - coarse) / 3,
    directBlowupTime,
    directByGrid,
    directAmplitude,
    heatReductionMaxDiff,
    heatReductionTimeDiff: Math.abs(heat.final.blowupTime - reduced.blowupTime),
  };
}
