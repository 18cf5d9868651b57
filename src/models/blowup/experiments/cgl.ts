/**
 * The complex Ginzburg–Landau reproduction (thesis §1.1.2): one modulated rescaled run in 1-D with
 * its laws, the blowup time checked against the direct physical-time solve (Richardson over two
 * grids on both sides), the heat reduction (β = δ = γ = 0, p = 2 against the heat solver step for
 * step) and the Masmoudi–Zaag prediction of the law Qτ. Used by `singularis reproduce cgl`; not
 * exported from the model's subpath.
 *
 * @module
 */
import type { RunOptions } from '../../../core/run';
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
  /**
   * Run options for each solver call (signal, progress): `label` names the part, `[from, to]` its share
   * of the whole experiment. Default: none.
   */
  runOptions?: (label: string, from: number, to: number) => RunOptions;
  /** Polled between parts: once true, no new part is started and the parts done so far are returned. */
  aborted?: () => boolean;
}

/** Result of {@link runCglExperiment}. */
export interface CglExperimentResult {
  /** The main rescaled run. */
  run: CglBlowupResult;
  /** T from the main run (t + H^{p−1}/|c₀|). */
  blowupTime: number;
  /** T from rescaled runs on grid/2 and grid (τ ≤ 20), Richardson (order 2); null when not reached. */
  blowupTimeRichardson: number | null;
  /** T from the direct solve, Richardson over `directGrids`; null when not reached. */
  directBlowupTime: number | null;
  /** The two direct values (empty when not reached). */
  directByGrid: number[];
  /** ρ-free amplitude history of the fine direct run: (T − t, max|ψ|). */
  directAmplitude: { timeToBlowup: number; amplitude: number }[];
  /** max |û_heat − Re Ψ| over the nodes after 200 fixed steps of β = δ = γ = 0, p = 2 against the heat solver; null when not reached. */
  heatReductionMaxDiff: number | null;
  /** |T_heat − T_cgl| of the same reduction runs; null when not reached. */
  heatReductionTimeDiff: number | null;
  /** First part that did not end with status success (its label, status and message), or null. */
  failure: { part: string; status: string; message: string } | null;
}

/**
 * Run the CGL experiment (module doc). Throws only for invalid settings.
 * @example
 * ```ts
 * runCglExperiment({ beta: 0.1, delta: 0.2, gamma: 0, p: 2, tau: 100, grid: 150, directGrids: [101, 201], snapshots: [1, 10, 100] });
 * ```
 */
export function runCglExperiment(settings: CglExperimentSettings): CglExperimentResult {
  const { beta, delta, gamma, p, tau, grid } = settings;
  const stop = settings.aborted ?? (() => false);
  const options = (label: string, from: number, to: number): RunOptions => settings.runOptions?.(label, from, to) ?? {};
  let failure: CglExperimentResult['failure'] = null;
  const note = (part: string, r: { status: string; message: string }) => {
    if (r.status !== 'success' && failure === null) failure = { part, status: r.status, message: r.message };
  };
  const run = cglBlowup1D({ beta, delta, gamma, p, tauEnd: tau, grid: { n: grid } }, { ...options('rescaled run', 0, 0.5), saveAt: settings.snapshots.filter((s) => s > 0 && s <= tau), progressEvery: 32 });
  note('rescaled run', run);
  const out: CglExperimentResult = {
    run, blowupTime: run.blowupTime, blowupTimeRichardson: null, directBlowupTime: null, directByGrid: [], directAmplitude: [],
    heatReductionMaxDiff: null, heatReductionTimeDiff: null, failure,
  };
  const tauT = Math.min(tau, 20);
  if (stop() || failure !== null) return out;
  const coarseRun = cglBlowup1D({ beta, delta, gamma, p, tauEnd: tauT, grid: { n: Math.max(9, Math.round(grid / 2)) } }, options('rescaled T, half grid', 0.5, 0.55));
  note('rescaled T, half grid', coarseRun);
  if (stop() || failure !== null) return { ...out, failure };
  const fineRun = cglBlowup1D({ beta, delta, gamma, p, tauEnd: tauT, grid: { n: grid } }, options('rescaled T, full grid', 0.55, 0.65));
  note('rescaled T, full grid', fineRun);
  if (failure === null) out.blowupTimeRichardson = fineRun.blowupTime + (fineRun.blowupTime - coarseRun.blowupTime) / 3;
  const directRuns: ReturnType<typeof cglPhysical>[] = [];
  for (const [k, n] of settings.directGrids.entries()) {
    if (stop() || failure !== null) return { ...out, failure };
    const x = mirroredNodes(mappedGrid(sinhMap({ length: 60, scale: 0.05 }), n));
    const data = new Float64Array(2 * x.length);
    x.forEach((v, i) => { data[i] = thesisInitialData1D(v); });
    const label = `direct solve ${k + 1}/2`;
    const r = cglPhysical({ beta, delta, gamma, p, nodes: x, initialData: data, amplitudeTarget: 1e3, rtol: 1e-7 }, options(label, 0.65 + 0.1 * k, 0.75 + 0.2 * k));
    note(label, r);
    directRuns.push(r);
  }
  if (failure !== null) return { ...out, failure };
  const directByGrid = directRuns.map((r) => r.blowupTime);
  const ratio = (settings.directGrids[1] - 1) / (settings.directGrids[0] - 1);
  const directBlowupTime = directByGrid[1] + (directByGrid[1] - directByGrid[0]) / (ratio * ratio - 1);
  const last = directRuns[1];
  for (let i = 0; i < last.history.t.length; i += Math.max(1, Math.floor(last.history.t.length / 300))) {
    const gap = directBlowupTime - last.history.t[i];
    if (gap > 0) out.directAmplitude.push({ timeToBlowup: gap, amplitude: last.history.amplitude[i] });
  }
  out.directByGrid = directByGrid;
  out.directBlowupTime = directBlowupTime;
  if (stop()) return out;
  const heat = heatBlowup1D({ tauEnd: 4, dt: 0.02, grid: { n: 60 } }, options('heat reduction', 0.95, 0.97));
  const reduced = cglBlowup1D({ tauEnd: 4, dt: 0.02, grid: { n: 60 } }, options('heat reduction', 0.97, 1));
  note('heat reduction (heat solver)', heat);
  note('heat reduction (CGL solver)', reduced);
  if (failure !== null) return { ...out, failure };
  let heatReductionMaxDiff = 0;
  for (let i = 0; i < heat.final.u.length; i++) heatReductionMaxDiff = Math.max(heatReductionMaxDiff, Math.abs(heat.final.u[i] - reduced.final.re[59 + i]), Math.abs(heat.final.u[i] - reduced.final.re[59 - i]));
  out.heatReductionMaxDiff = heatReductionMaxDiff;
  out.heatReductionTimeDiff = Math.abs(heat.final.blowupTime - reduced.blowupTime);
  return out;
}
