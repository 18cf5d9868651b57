/**
 * Pieces of `singularis reproduce cgl` shared by the 1-D path (`cgl.ts`) and the `--dim 2` path
 * (`cgl2d.ts`): the stored rescaled times, the blowup-time and heat-reduction rows of the table, the
 * direct-amplitude figure, and the completed parts with the outcome status and message.
 *
 * @module
 */
import type { CglExperimentSettings } from '../models/blowup/experiments/cgl';
import type { FigureSpec } from './framework/figures';
import type { ExperimentContext, ExperimentOutcome } from './framework/experiment';
import { lineChartSpec, type Rows } from './plot';

/** The parts of a CGL experiment result (1-D or 2-D) that the shared pieces read. */
export interface CglReportParts {
  /** Status of the main rescaled run. */
  run: { status: string };
  /** T of the main run. */
  blowupTime: number;
  /** T by Richardson over two rescaled runs; null when not reached. */
  blowupTimeRichardson: number | null;
  /** T from the direct solves by Richardson; null when not reached. */
  directBlowupTime: number | null;
  /** (T − t, max|ψ|) of the fine direct run. */
  directAmplitude: { timeToBlowup: number; amplitude: number }[];
  /** max |û_heat − Re Ψ| of the heat reduction; null when not reached. */
  heatReductionMaxDiff: number | null;
  /** |T_heat − T_cgl| of the heat reduction; null when not reached. */
  heatReductionTimeDiff: number | null;
  /** First part that did not succeed, or null. */
  failure: { part: string; status: string; message: string } | null;
}

/** The flag values of `singularis reproduce cgl` that both paths read (those of `cgl.ts`). */
export interface CglRunFlags extends Pick<CglExperimentSettings, 'beta' | 'delta' | 'gamma' | 'p' | 'tau' | 'grid'> {
  /** Coarse direct half-grid nodes (the fine direct solve has 2n − 1). */
  directGrid: number;
}

/**
 * The settings of the 1-D or 2-D experiment from the flags: the direct grids n and 2n − 1, profiles
 * stored at τ = 0.1, 1, 10, … below τ and at τ, the context's run options and abort flag.
 * @example
 * ```ts
 * const ex = runCglExperiment(cglExperimentSettings(ctx));
 * ```
 */
export function cglExperimentSettings(ctx: ExperimentContext<CglRunFlags & Record<string, unknown>>): CglExperimentSettings {
  const f = ctx.flags;
  const snapshots: number[] = [];
  for (let v = 0.1; v < f.tau; v *= 10) snapshots.push(v);
  snapshots.push(f.tau);
  return {
    beta: f.beta, delta: f.delta, gamma: f.gamma, p: f.p, tau: f.tau, grid: f.grid, directGrids: [f.directGrid, 2 * f.directGrid - 1], snapshots,
    runOptions: (label, from, to) => ctx.runOptions(label, from, to), aborted: () => ctx.aborted,
  };
}

/**
 * A number to `p` significant digits (`exp`: in exponential form with `p` decimals), or "not reached".
 * @example
 * ```ts
 * reached(null, 10); // 'not reached'
 * ```
 */
export function reached(v: number | null, p: number, exp = false): string {
  return v === null ? 'not reached' : exp ? v.toExponential(p) : v.toPrecision(p);
}

/**
 * The table rows of the blowup times (rescaled, Richardson, direct) and of the heat reduction.
 * @example
 * ```ts
 * formatTable(['quantity', 'value'], [...lawRows, ...cglTimeRows(ex)]);
 * ```
 */
export function cglTimeRows(ex: CglReportParts): string[][] {
  return [
    ['T rescaled (this grid / Richardson)', `${ex.blowupTime.toPrecision(10)} / ${reached(ex.blowupTimeRichardson, 10)}`],
    ['T direct (Richardson)', reached(ex.directBlowupTime, 10)],
    ['heat reduction max|Δu|, |ΔT|', `${reached(ex.heatReductionMaxDiff, 2, true)}, ${reached(ex.heatReductionTimeDiff, 2, true)}`],
  ];
}

/**
 * The direct-amplitude figure (max|ψ| against T − t with the ODE rate), or none when the direct
 * solves did not reach blowup. `dims` is inserted before "physical-time"/"solve" in the texts
 * (`''` in 1-D, `'2-D '` in 2-D).
 * @example
 * ```ts
 * figures.push(...cglAmplitudeFigure(ex, f.p, '2-D '));
 * ```
 */
export function cglAmplitudeFigure(ex: CglReportParts, p: number, dims: '' | '2-D '): FigureSpec[] {
  if (ex.directAmplitude.length === 0) return [];
  const ampRows: Rows = ex.directAmplitude.map((a) => ({ s: a.timeToBlowup, amp: a.amplitude, curve: 'direct solve' }));
  for (const a of ex.directAmplitude) ampRows.push({ s: a.timeToBlowup, amp: Math.pow((p - 1) * a.timeToBlowup, -1 / (p - 1)), curve: '((p−1)(T − t))^{−1/(p−1)}' });
  return [{
    name: 'amplitude',
    spec: lineChartSpec(ampRows, { x: 's', y: 'amp', series: 'curve', seriesTitle: 'amplitude', logX: true, logY: true, title: `Direct ${dims}physical-time amplitude against T − t`, xTitle: 'time to blowup T − t', yTitle: 'max|ψ(·, t)|' }),
    caption: `max|ψ| of the fine direct ${dims === '' ? 'physical-time' : dims.trim()} solve against T − t on log–log axes, with the ODE rate ((p − 1)(T − t))^{−1/(p−1)}.`,
  }];
}

/**
 * The completed parts (rescaled run, rescaled T by Richardson, direct solves, heat reduction) and the
 * outcome: the first failed part's status, else "aborted" if interrupted or incomplete, else success.
 * @example
 * ```ts
 * const { completed, status, message } = cglCompletion(ex, ctx.aborted);
 * ```
 */
export function cglCompletion(ex: CglReportParts, aborted: boolean): { completed: string[]; status: ExperimentOutcome['status']; message: string } {
  const completed = [
    ...(ex.run.status === 'success' ? ['rescaled run'] : []),
    ...(ex.blowupTimeRichardson !== null ? ['rescaled T by Richardson'] : []),
    ...(ex.directBlowupTime !== null ? ['direct solves'] : []),
    ...(ex.heatReductionMaxDiff !== null ? ['heat reduction'] : []),
  ];
  let status: ExperimentOutcome['status'] = 'success';
  let message = '';
  if (ex.failure !== null && ex.failure.status !== 'aborted') {
    status = ex.failure.status as ExperimentOutcome['status'];
    message = `${ex.failure.part} ended with status ${ex.failure.status}: ${ex.failure.message}`;
  } else if (aborted || completed.length < 4) {
    status = 'aborted';
    message = `interrupted; completed: ${completed.join(', ') || 'nothing'}`;
  }
  return { completed, status, message };
}
