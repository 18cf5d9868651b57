/**
 * `singularis reproduce msfem`: the three ExpMsFEM experiments of thesis §4.4 — e_H and e_L2 against
 * the number m of edge modes (one curve per N_c, as Figs. 4.3, 4.4, 4.6), the coefficient field and
 * one edge basis function. The experiment code lives in `models/msfem/experiments`; the offline
 * stage runs on `--workers` worker threads through `singularis/node`.
 *
 * @module
 */
import { edgeBasisPicture } from '../models/msfem/experiments/basisFunction';
import { msfemCaseProblem, msfemCaseReport, type MsfemCaseOptions, type MsfemCaseReport } from '../models/msfem/experiments/cases';
import { expMsfemInWorkers, msfemWorkerPool, type MsfemStage } from '../node/msfem';
import { defineExperiment, type ExperimentContext, type ExperimentOutcome, type OutcomeStatus } from './framework/experiment';
import type { FigureSpec } from './framework/figures';
import { check, estimate, flags, meshes, parseModes, type Flags } from './msfemFlags';
import { basisFigure, coefficientFigure, errorFigure } from './msfemFigures';
import { formatTable, sci } from './table';

const STAGE_LABEL: Record<MsfemStage, string> = { cells: 'cell problems', edges: 'edge eigenproblems', online: 'fine reference and online solves' };
const STAGE_SLICE: Record<MsfemStage, [number, number]> = { cells: [0, 0.2], edges: [0.2, 0.85], online: [0.85, 1] };

function taskModule(): { taskModule: URL; preload?: string } {
  return import.meta.url.endsWith('.ts')
    ? { taskModule: new URL('../node/msfemTask.ts', import.meta.url), preload: 'tsx/cjs' }
    : { taskModule: new URL('../node/msfemTask.js', import.meta.url) };
}

async function run(ctx: ExperimentContext<Flags>): Promise<ExperimentOutcome> {
  const f = ctx.flags;
  const modes = parseModes(f.modes) as number[];
  const galerkin = f.galerkin === 'ritz-conj' ? 'ritzConj' : f.galerkin;
  const base = { case: f.case, modes, contrast: f.contrast, k: f.k, variant: f.variant, galerkin } as const;
  const list = meshes(f);
  const weights = list.map(({ coarse, fine }) => coarse * coarse * fine ** 3 + (coarse * fine) ** 3 / 16);
  const total = weights.reduce((a, b) => a + b, 0);
  const reports: MsfemCaseReport[] = [];
  const completed: string[] = [];
  let status: OutcomeStatus = 'success';
  let message = '';
  const started = Date.now();
  let done = 0;
  // one pool for every mesh: each worker loads the task module and warms up once
  const pool = f.workers > 1 ? msfemWorkerPool({ workers: f.workers, ...taskModule() }) : undefined;
  try {
    for (let q = 0; q < list.length; q++) {
      if (ctx.aborted) {
        status = 'aborted';
        break;
      }
      const { coarse, fine } = list[q];
      const options: MsfemCaseOptions = { ...base, coarse, fine };
      const from = done / total;
      const share = weights[q] / total;
      const stageOptions = (s: MsfemStage) => ctx.runOptions(`N_c = ${coarse}, N_f = ${fine}: ${STAGE_LABEL[s]}`, from + share * STAGE_SLICE[s][0], from + share * STAGE_SLICE[s][1]);
      const result = await expMsfemInWorkers(msfemCaseProblem(options), {}, { workers: f.workers, stageOptions, pool });
      done += weights[q];
      const report = msfemCaseReport(options, result);
      if (result.status !== 'success') {
        status = result.status;
        message = result.status === 'aborted' ? `interrupted during N_c = ${coarse}, N_f = ${fine}: ${result.message}` : `N_c = ${coarse}, N_f = ${fine} ended with status ${result.status}: ${result.message}`;
        if (report.modes.length > 0) reports.push(report);
        break;
      }
      reports.push(report);
      completed.push(`N_c = ${coarse}, N_f = ${fine}`);
    }
  } finally {
    await pool?.close();
  }
  if (status === 'aborted' && message === '') message = `interrupted; completed: ${completed.join(', ') || 'nothing'}`;
  const table = formatTable(
    ['N_c', 'N_f', 'm', 'DOFs', 'e_H', 'e_L2'],
    reports.flatMap((r) => r.modes.map((m, i) => [String(r.coarse), String(r.fine), String(m), String(r.dofs[i]), sci(r.eH[i]), sci(r.eL2[i])])),
  );
  const timing = reports.map((r) => `N_c = ${r.coarse}, N_f = ${r.fine} (h = 1/${r.coarse * r.fine}): offline ${r.offlineSeconds.toFixed(2)} s, online ${r.onlineSeconds.toFixed(2)} s, fine reference ${r.referenceSeconds.toFixed(2)} s; ${r.status}`);
  if (reports.length > 0) ctx.log(`${table}\n${timing.join('\n')}`);
  const figures: FigureSpec[] = [];
  if (reports.length > 0) figures.push(errorFigure(reports, f.case));
  figures.push(coefficientFigure({ ...base, coarse: 2, fine: 2 }));
  let basis: { edge: number; cells: number[]; mode: number; sigma: number } | null = null;
  if (status === 'success' && !ctx.aborted) {
    const { coarse, fine } = list[0];
    const pic = edgeBasisPicture({ ...base, coarse, fine }, 1);
    basis = { edge: pic.edge, cells: pic.cells, mode: pic.mode, sigma: pic.sigma };
    figures.push(basisFigure(pic, { ...base, coarse, fine }));
    completed.push('basis function');
  }
  const first = reports[0];
  const result = {
    case: f.case,
    coarse: first?.coarse ?? list[0].coarse,
    fine: first?.fine ?? list[0].fine,
    modes: first?.modes ?? [],
    eH: first?.eH ?? [],
    eL2: first?.eL2 ?? [],
    dofs: first?.dofs ?? [],
    fineEnergy: first?.fineEnergy ?? null,
    offlineSeconds: first?.offlineSeconds ?? null,
    onlineSeconds: first?.onlineSeconds ?? null,
    referenceSeconds: first?.referenceSeconds ?? null,
    variant: f.variant,
    galerkin: f.galerkin,
    ...(f.case === 'helmholtz' ? { k: f.k } : {}),
    ...(f.case === 'high-contrast' ? { contrast: f.contrast } : {}),
    workers: f.workers,
    basis,
    runs: reports,
    seconds: (Date.now() - started) / 1000,
  };
  const params = `Case ${f.case}, variant ${f.variant}, ${f.galerkin} Galerkin${f.case === 'helmholtz' ? `, k = ${f.k}` : f.case === 'high-contrast' ? `, M = ${f.contrast}` : ''}, ${f.workers} worker${f.workers > 1 ? 's' : ''}.`;
  return {
    status,
    message,
    result,
    summary: `${params}\n\n\`\`\`\n${table}\n\`\`\`\n\n${timing.join('\n\n')}\n`,
    figures,
    completed,
  };
}

/**
 * The msfem experiment declaration (thesis §4.4).
 * @example
 * ```ts
 * // singularis reproduce msfem --case periodic --coarse 4,8 --fine 16 --modes 1-7
 * ```
 */
export const msfemExperiment = defineExperiment({
  name: 'msfem',
  title: 'Exponentially convergent multiscale FEM (ExpMsFEM), thesis §4.4 (Figs. 4.3, 4.4, 4.6)',
  description: 'e_H and e_L2 of ExpMsFEM against the number m of edge modes (one curve per N_c) for the periodic, high-contrast\nor Helmholtz case, against the fine Q1 solution on the same mesh; figures of the coefficient and of an edge basis function.',
  flags,
  quickNote: 'N_c = 4, N_f = 8, m = 1-4 (seconds)',
  examples: ['--case periodic --coarse 4,8 --fine 16 --modes 1-7', '--case helmholtz --k 32 --galerkin ritz-conj', '--case high-contrast --contrast 16384 --workers 2'],
  estimate,
  check,
  run,
});
