/**
 * The `--dim 2` path of `singularis reproduce cgl` (thesis §1.1.2): the matrix-scale rescaled run
 * on a non-symmetric complex datum, its laws (eigenvalues of Q·τ), the blowup time against the
 * direct 2-D solve and the heat reduction. The experiment logic lives in
 * `models/blowup/experiments/cgl2d.ts`; the flags are those of `cgl.ts`.
 *
 * @module
 */
import { runCgl2dExperiment, type Cgl2dExperimentResult } from '../models/blowup/experiments/cgl2d';
import type { ExperimentContext, ExperimentOutcome } from './framework/experiment';
import type { FigureSpec } from './framework/figures';
import { lineChartSpec, type Rows } from './plot';
import { formatTable } from './table';
import { cglAmplitudeFigure, cglCompletion, cglExperimentSettings, cglTimeRows, type CglRunFlags } from './cglReport';

/** The flag values the 2-D path reads (those of `cgl.ts`). */
export interface Cgl2dFlags extends CglRunFlags {
  /** Space dimension (2 here). */
  dim: number;
}

function figures(ex: Cgl2dExperimentResult, f: Cgl2dFlags): FigureSpec[] {
  const r = ex.run;
  const h = r.history;
  const out: FigureSpec[] = [];
  const rows: Rows = [];
  for (let k = 0; k < h.tau.length; k++) {
    if (h.tau[k] <= 0) continue;
    rows.push({ tau: h.tau[k], value: h.QtauMin[k], law: 'smaller eigenvalue of Qτ' });
    rows.push({ tau: h.tau[k], value: h.QtauMax[k], law: 'larger eigenvalue of Qτ' });
    rows.push({ tau: h.tau[k], value: h.lawU[k], law: '(c₀ + 1)τ' });
    rows.push({ tau: h.tau[k], value: -h.ctheta[k], law: 'phase rate −c_θ' });
    rows.push({ tau: h.tau[k], value: h.supDiff[k] * h.tau[k], law: 'τ·sup|Û − Ū|' });
  }
  const pred = `${r.QtauPredicted[0].toFixed(3)}, ${r.QtauPredicted[1].toFixed(3)}`;
  out.push({
    name: 'laws',
    spec: lineChartSpec(rows, { x: 'tau', y: 'value', series: 'law', seriesTitle: 'law', logX: true, title: `2-D CGL laws against τ (β = ${f.beta}, δ = ${f.delta}, γ = ${f.gamma}, p = ${f.p}); candidate eig(Qτ) → ${pred}`, xTitle: 'rescaled time τ', yTitle: 'law value (dimensionless)' }),
    caption: `The eigenvalues of Q·τ (candidate limits ${pred}), (c₀ + 1)τ, the phase rate at the origin −c_θ and τ·sup|Û − Ū| against τ (thesis §1.1.2, matrix rescaling).`,
  });
  const z = r.z;
  const n = z.length;
  const c = (n - 1) / 2;
  const N = n * n;
  const profileRows: Rows = [];
  for (const s of r.saved) {
    for (let i = 0; i < n; i++) {
      if (Math.abs(z[i]) > 40) continue;
      const kx = i * n + c;
      const ky = c * n + i;
      profileRows.push({ z: z[i], value: Math.hypot(s.state[kx], s.state[N + kx]), profile: `|Ψ| along x, τ = ${s.t.toPrecision(3)}` });
      profileRows.push({ z: z[i], value: Math.hypot(s.state[ky], s.state[N + ky]), profile: `|Ψ| along y, τ = ${s.t.toPrecision(3)}` });
    }
  }
  out.push({
    name: 'profiles',
    spec: lineChartSpec(profileRows, { x: 'z', y: 'value', series: 'profile', seriesTitle: 'section at rescaled time τ', title: 'Rescaled amplitude |Ψ| along the two axes as τ grows', xTitle: 'rescaled position z (x or y)', yTitle: '|Ψ|' }),
    caption: 'Sections of the rescaled amplitude |Ψ| along z_x and z_y through the origin at the stored τ, for |z| ≤ 40.',
  });
  out.push(...cglAmplitudeFigure(ex, f.p, '2-D '));
  return out;
}

/**
 * Run the 2-D path of the cgl experiment with the shared context.
 * @example
 * ```ts
 * // singularis reproduce cgl --dim 2 --quick
 * ```
 */
export async function runCgl2d(ctx: ExperimentContext<Cgl2dFlags & Record<string, unknown>>): Promise<ExperimentOutcome> {
  const f = ctx.flags;
  const started = Date.now();
  const ex = runCgl2dExperiment(cglExperimentSettings(ctx));
  const r = ex.run;
  const h = r.history;
  const L = h.tau.length - 1;
  const laws = {
    Qtau: r.Qtau, QtauPredicted: r.QtauPredicted, Q: [h.Q11[L], h.Q12[L], h.Q22[L]], lawU: h.lawU[L], c0: h.c0[L], c11: h.c11[L], c12: h.c12[L], c22: h.c22[L],
    cx: h.cx[L], cy: h.cy[L], phaseRate: -h.ctheta[L], phase: h.phase[L], supDiff: h.supDiff[L], logH: h.logH[L], H: r.H,
  };
  const result = {
    dim: 2, tau: r.tau, status: r.status, message: r.message, params: r.params, b: r.b, laws,
    blowupTime: ex.blowupTime, blowupTimeRichardson: ex.blowupTimeRichardson, blowupTimeByGrid: ex.blowupTimeByGrid, directBlowupTime: ex.directBlowupTime, directBlowupTimeByGrid: ex.directByGrid,
    heatReductionMaxDiff: ex.heatReductionMaxDiff, heatReductionTimeDiff: ex.heatReductionTimeDiff,
    steps: r.stats.naccept, rejected: r.stats.nreject, grid: f.grid, seconds: (Date.now() - started) / 1000,
  };
  const table = formatTable(['quantity', 'value'], [
    ['eig(Qτ) (candidate)', `${r.Qtau[0].toPrecision(6)}, ${r.Qtau[1].toPrecision(6)} (${r.QtauPredicted[0].toPrecision(6)}, ${r.QtauPredicted[1].toPrecision(6)})`],
    ['(c₀ + 1)τ, H', `${laws.lawU.toPrecision(6)}, ${r.H.toExponential(4)}`],
    ['phase rate at 0, phase', `${laws.phaseRate.toPrecision(6)}, ${laws.phase.toPrecision(6)}`],
    ...cglTimeRows(ex),
  ]);
  ctx.log(table);
  const { completed, status, message } = cglCompletion(ex, ctx.aborted);
  const m = 2 * f.grid - 1;
  return {
    status,
    message,
    result,
    summary: `Run: 2-D, β = ${f.beta}, δ = ${f.delta}, γ = ${f.gamma}, p = ${f.p}, τ = ${r.tau}, ${m}² nodes, non-symmetric complex datum; status ${r.status} ${r.message}; ${r.stats.naccept} steps.\n\n\`\`\`\n${table}\n\`\`\`\n`,
    figures: figures(ex, f),
    completed,
  };
}
