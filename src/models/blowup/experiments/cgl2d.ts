/**
 * The 2-D complex Ginzburg–Landau reproduction (thesis §1.1.2): one modulated rescaled run with the
 * matrix scale Q on a non-symmetric complex datum, its laws (the eigenvalues of Q·τ), the blowup
 * time checked against the direct physical-time solve (Richardson over two grids on both sides),
 * and the heat reduction (β = δ = γ = 0, p = 2 against `heatBlowup2D` step for step). Used by
 * `singularis reproduce cgl --dim 2`; not exported from the model's subpath.
 *
 * @module
 */
import { mappedGrid } from '../../../grid/grid1d';
import { sinhMap } from '../../../grid/maps';
import { cglBlowup2D, type Cgl2dBlowupResult } from '../cgl2dBlowup';
import { mirroredNodes } from '../cglModel';
import { cglPhysical2D } from '../cglPhysical2d';
import type { RunOptions } from '../../../core/run';
import { heatBlowup2D } from '../heat2dBlowup';
import type { CglExperimentSettings } from './cgl';

/**
 * The non-symmetric datum of the 2-D experiment: no reflection symmetry (x³ term), a mixed Hessian
 * (xy term, so Q₁₂ and the shear modulation are active) and an imaginary part vanishing at 0:
 * `Re ψ₀ = 1/(1 + (x² + xy/2 + y²)/8 + x⁴/100 + x³/20)`, `Im ψ₀ = xy·Re ψ₀/20`.
 * @example
 * ```ts
 * cgl2dShearedDatum.re(0, 0); // 1
 * ```
 */
export const cgl2dShearedDatum = {
  /** Re ψ₀. */
  re: (x: number, y: number): number => 1 / (1 + (x * x + 0.5 * x * y + y * y) / 8 + (x * x * x * x) / 100 + (x * x * x) / 20),
  /** Im ψ₀. */
  im: (x: number, y: number): number => (x * y * cgl2dShearedDatum.re(x, y)) / 20,
};

/**
 * Settings of {@link runCgl2dExperiment}: those of the 1-D experiment, with `grid` and `directGrids`
 * counted per direction (the main run's Richardson pair uses ⌈0.8·grid⌉ and grid).
 */
export type Cgl2dExperimentSettings = CglExperimentSettings;

/** Result of {@link runCgl2dExperiment}. */
export interface Cgl2dExperimentResult {
  /** The main rescaled run. */
  run: Cgl2dBlowupResult;
  /** T of the main run. */
  blowupTime: number;
  /** T from rescaled runs on ⌈0.8·grid⌉ and grid half-nodes (τ ≤ 30), Richardson (order 2); null when not reached. */
  blowupTimeRichardson: number | null;
  /** The two rescaled values behind it. */
  blowupTimeByGrid: number[];
  /** T from the direct solves, Richardson over `directGrids`; null when not reached. */
  directBlowupTime: number | null;
  /** The two direct values. */
  directByGrid: number[];
  /** (T − t, max|ψ|) of the fine direct run. */
  directAmplitude: { timeToBlowup: number; amplitude: number }[];
  /** max |û_heat − Re Ψ| over all nodes after the fixed-step reduction runs; null when not reached. */
  heatReductionMaxDiff: number | null;
  /** |T_heat − T_cgl| of the reduction runs. */
  heatReductionTimeDiff: number | null;
  /** First part that did not succeed, or null. */
  failure: { part: string; status: string; message: string } | null;
}

/**
 * Run the 2-D CGL experiment (module doc). Throws only for invalid settings.
 * @example
 * ```ts
 * runCgl2dExperiment({ beta: 0.1, delta: 0.2, gamma: 0, p: 2, tau: 20, grid: 16, directGrids: [11, 21], snapshots: [1, 10] });
 * ```
 */
export function runCgl2dExperiment(settings: Cgl2dExperimentSettings): Cgl2dExperimentResult {
  const { beta, delta, gamma, p, tau, grid } = settings;
  const stop = settings.aborted ?? (() => false);
  const options = (label: string, from: number, to: number): RunOptions => settings.runOptions?.(label, from, to) ?? {};
  let failure: Cgl2dExperimentResult['failure'] = null;
  const note = (part: string, r: { status: string; message: string }) => {
    if (r.status !== 'success' && failure === null) failure = { part, status: r.status, message: r.message };
  };
  const params = { beta, delta, gamma, p };
  const run = cglBlowup2D({ ...params, tauEnd: tau, grid: { n: grid, length: 100 }, initialData: cgl2dShearedDatum }, { ...options('rescaled run', 0, 0.3), saveAt: settings.snapshots.filter((s) => s > 0 && s <= tau), progressEvery: 16 });
  note('rescaled run', run);
  const out: Cgl2dExperimentResult = {
    run, blowupTime: run.blowupTime, blowupTimeRichardson: null, blowupTimeByGrid: [], directBlowupTime: null, directByGrid: [], directAmplitude: [],
    heatReductionMaxDiff: null, heatReductionTimeDiff: null, failure,
  };
  const tauT = Math.min(tau, 30);
  const grids = [Math.max(9, Math.ceil(0.8 * grid)), grid];
  const byGrid: number[] = [];
  for (const [k, n] of grids.entries()) {
    if (stop() || failure !== null) return { ...out, failure };
    const label = `rescaled T, ${n} half-nodes`;
    const r = cglBlowup2D({ ...params, tauEnd: tauT, grid: { n, length: 100 }, initialData: cgl2dShearedDatum, historyAt: [] }, options(label, 0.3 + 0.1 * k, 0.4 + 0.1 * k));
    note(label, r);
    byGrid.push(r.blowupTime);
  }
  if (failure !== null) return { ...out, failure };
  const rr = ((grids[1] - 1) / (grids[0] - 1)) ** 2;
  out.blowupTimeByGrid = byGrid;
  out.blowupTimeRichardson = byGrid[1] + (byGrid[1] - byGrid[0]) / (rr - 1);
  const directRuns: ReturnType<typeof cglPhysical2D>[] = [];
  for (const [k, n] of settings.directGrids.entries()) {
    if (stop() || failure !== null) return { ...out, failure };
    const x = mirroredNodes(mappedGrid(sinhMap({ length: 30, scale: 1 }), n, { symmetry: 'even' }));
    const m = x.length;
    const data = new Float64Array(2 * m * m);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) { data[i * m + j] = cgl2dShearedDatum.re(x[i], x[j]); data[m * m + i * m + j] = cgl2dShearedDatum.im(x[i], x[j]); }
    const label = `direct solve ${k + 1}/2`;
    const r = cglPhysical2D({ ...params, nodes: x, initialData: data, amplitudeTarget: 1e3, rtol: 1e-8 }, options(label, 0.5 + 0.1 * k, 0.6 + 0.3 * k));
    note(label, r);
    directRuns.push(r);
  }
  if (failure !== null) return { ...out, failure };
  const directByGrid = directRuns.map((r) => r.blowupTime);
  const ratio = (settings.directGrids[1] - 1) / (settings.directGrids[0] - 1);
  out.directByGrid = directByGrid;
  out.directBlowupTime = directByGrid[1] + (directByGrid[1] - directByGrid[0]) / (ratio * ratio - 1);
  const last = directRuns[1];
  for (let i = 0; i < last.history.t.length; i += Math.max(1, Math.floor(last.history.t.length / 300))) {
    const gap = out.directBlowupTime - last.history.t[i];
    if (gap > 0) out.directAmplitude.push({ timeToBlowup: gap, amplitude: last.history.amplitude[i] });
  }
  if (stop()) return out;
  const reduction = { tauEnd: 10, dt: 0.05, grid: { n: 16, length: 100 }, historyAt: [] };
  const heat = heatBlowup2D(reduction, { ...options('heat reduction', 0.9, 0.95), saveAt: [10] });
  const reduced = cglBlowup2D(reduction, { ...options('heat reduction', 0.95, 1), saveAt: [10] });
  note('heat reduction (heat solver)', heat);
  note('heat reduction (CGL solver)', reduced);
  if (failure !== null) return { ...out, failure };
  const n = 16;
  const m = 2 * n - 1;
  const hu = heat.saved[0].state;
  const cu = reduced.saved[0].state;
  let maxDiff = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) maxDiff = Math.max(maxDiff, Math.abs(cu[i * m + j] - hu[Math.abs(i - (n - 1)) * n + Math.abs(j - (n - 1))]), Math.abs(cu[m * m + i * m + j]));
  out.heatReductionMaxDiff = maxDiff;
  out.heatReductionTimeDiff = Math.abs(heat.final.blowupTime - reduced.blowupTime);
  return out;
}
