/**
 * `singularis reproduce cgl`: the complex Ginzburg–Landau equation of thesis §1.1.2 by modulated
 * dynamic rescaling in 1-D — the laws against τ, the profile and phase, the blowup time against a
 * direct physical-time solve, the heat reduction and the Masmoudi–Zaag prediction. The experiment
 * logic lives in `models/blowup/experiments/cgl.ts`.
 *
 * @module
 */
import { runCglExperiment, type CglExperimentResult } from '../models/blowup/experiments/cgl';
import { defineExperiment, type ExperimentContext, type ExperimentOutcome } from './framework/experiment';
import type { FigureSpec } from './framework/figures';
import { flag, type FlagValues } from './framework/flags';
import { lineChartSpec, type Rows } from './plot';
import { formatTable } from './table';
import { cglAmplitudeFigure, cglCompletion, cglExperimentSettings, cglTimeRows } from './cglReport';
import { runCgl2d } from './cgl2d';

const flags = {
  dim: flag.integer({ min: 1, max: 2, default: 1, example: '2', help: 'space dimension: 1, or 2 (matrix scale Q, non-symmetric complex datum)' }),
  beta: flag.number({ min: -100, max: 100, default: 0.1, example: '0.3', help: 'dispersion β of thesis (1.1.6) (dimensionless)' }),
  delta: flag.number({ min: -100, max: 100, default: 0.2, example: '0.5', help: 'nonlinear frequency δ (dimensionless)' }),
  gamma: flag.number({ min: -100, max: 100, default: 0, example: '0.1', help: 'damping γ (dimensionless)' }),
  p: flag.number({ min: 1, minExclusive: true, max: 10, default: 2, example: '3', help: 'exponent p > 1 of the nonlinearity |ψ|^{p−1}ψ' }),
  tau: flag.number({ min: 0, minExclusive: true, max: 1e6, default: (f) => (f.dim === 2 ? 100 : 1000), defaultText: '1000 (100 with --dim 2)', quick: (f) => (f.dim === 2 ? 20 : 50), quickText: '50 (20 with --dim 2)', example: '300', help: 'final rescaled time τ' }),
  grid: flag.integer({ min: 9, max: 20000, default: (f) => (f.dim === 2 ? 24 : 300), defaultText: '300 (24 with --dim 2)', quick: (f) => (f.dim === 2 ? 16 : 150), quickText: '150 (16 with --dim 2)', example: '600', help: 'half-grid nodes n of the rescaled run (mirrored to 2n − 1; per direction with --dim 2)' }),
  directGrid: flag.integer({ min: 9, max: 20000, default: (f) => (f.dim === 2 ? 21 : 201), defaultText: '201 (21 with --dim 2)', quick: (f) => (f.dim === 2 ? 11 : 101), quickText: '101 (11 with --dim 2)', example: '401', help: 'half-grid nodes n of the coarse direct physical-time solve (the fine one has 2n − 1; Richardson over both)' }),
};

type Flags = FlagValues<typeof flags>;

function figures(ex: CglExperimentResult, f: Flags): FigureSpec[] {
  const r = ex.run;
  const h = r.history;
  const out: FigureSpec[] = [];
  const lawRows: Rows = [];
  for (let k = 0; k < h.tau.length; k++) {
    if (h.tau[k] <= 0) continue;
    lawRows.push({ tau: h.tau[k], value: h.Qtau[k], law: 'Qτ' });
    lawRows.push({ tau: h.tau[k], value: h.lawU[k], law: '(c₀ + 1)τ' });
    lawRows.push({ tau: h.tau[k], value: h.lawL[k], law: '(½ − c_l)τ' });
    lawRows.push({ tau: h.tau[k], value: -h.ctheta[k], law: 'phase rate −c_θ' });
    lawRows.push({ tau: h.tau[k], value: h.supDiff[k] * h.tau[k], law: 'τ·sup|Û − Ū|' });
  }
  out.push({
    name: 'laws',
    spec: lineChartSpec(lawRows, { x: 'tau', y: 'value', series: 'law', seriesTitle: 'law', logX: true, title: `CGL laws against τ (β = ${f.beta}, δ = ${f.delta}, γ = ${f.gamma}, p = ${f.p}); Masmoudi–Zaag: Qτ → ${r.QtauPredicted.toFixed(4)}`, xTitle: 'rescaled time τ', yTitle: 'law value (dimensionless)' }),
    caption: `The laws against τ: Qτ (the eigenvalue of Q·τ; Masmoudi–Zaag predict ${r.QtauPredicted.toFixed(4)}), (c₀ + 1)τ, (½ − c_l)τ, the phase rate −c_θ and τ·sup|Û − Ū| (thesis §1.1.2).`,
  });
  const profileRows: Rows = [];
  for (const s of r.saved) {
    for (let i = 0; i < r.z.length; i++) {
      if (Math.abs(r.z[i]) > 40) continue;
      profileRows.push({ z: r.z[i], value: Math.hypot(s.state.re[i], s.state.im[i]), profile: `|Ψ|, τ = ${s.t.toPrecision(3)}` });
      profileRows.push({ z: r.z[i], value: Math.atan2(s.state.im[i], s.state.re[i]), profile: `arg Ψ, τ = ${s.t.toPrecision(3)}` });
    }
  }
  out.push({
    name: 'profiles',
    spec: lineChartSpec(profileRows, { x: 'z', y: 'value', series: 'profile', seriesTitle: 'quantity at rescaled time τ', title: 'Rescaled amplitude |Ψ| and phase arg Ψ as τ grows', xTitle: 'rescaled position z', yTitle: '|Ψ(z, τ)|, arg Ψ(z, τ) (rad)' }),
    caption: 'Amplitude |Ψ| and phase arg Ψ (radians) of the rescaled solution at τ = 0.1, 1, 10, … for |z| ≤ 40.',
  });
  out.push(...cglAmplitudeFigure(ex, f.p, ''));
  return out;
}

async function run(ctx: ExperimentContext<Flags>): Promise<ExperimentOutcome> {
  const f = ctx.flags;
  if (f.dim === 2) return runCgl2d(ctx);
  const started = Date.now();
  const ex = runCglExperiment(cglExperimentSettings(ctx));
  const r = ex.run;
  const h = r.history;
  const L = h.tau.length - 1;
  const laws = { Qtau: r.Qtau, QtauPredicted: r.QtauPredicted, lawU: h.lawU[L], lawL: h.lawL[L], c0: h.c0[L], cl: h.cl[L], cv: h.cv[L], phaseRate: -h.ctheta[L], phase: h.phase[L], supDiff: h.supDiff[L], logH: h.logH[L] };
  const result = {
    dim: f.dim, tau: r.tau, status: r.status, message: r.message, params: r.params, b: r.b, laws,
    blowupTime: ex.blowupTime, blowupTimeRichardson: ex.blowupTimeRichardson, directBlowupTime: ex.directBlowupTime, directBlowupTimeByGrid: ex.directByGrid,
    heatReductionMaxDiff: ex.heatReductionMaxDiff, heatReductionTimeDiff: ex.heatReductionTimeDiff,
    steps: r.stats.naccept, rejected: r.stats.nreject, grid: f.grid, seconds: (Date.now() - started) / 1000,
  };
  const table = formatTable(['quantity', 'value'], [
    ['Qτ (MZ prediction)', `${r.Qtau.toPrecision(6)} (${r.QtauPredicted.toPrecision(6)})`],
    ['(c₀ + 1)τ, (½ − c_l)τ', `${laws.lawU.toPrecision(6)}, ${laws.lawL.toPrecision(6)}`],
    ['phase rate at 0 (→ δ/(p−1)·U(0)^{p−1})', laws.phaseRate.toPrecision(6)],
    ...cglTimeRows(ex),
  ]);
  ctx.log(table);
  const { completed, status, message } = cglCompletion(ex, ctx.aborted);
  return {
    status,
    message,
    result,
    summary: `Run: 1-D, β = ${f.beta}, δ = ${f.delta}, γ = ${f.gamma}, p = ${f.p}, τ = ${r.tau}, ${2 * f.grid - 1} nodes; status ${r.status} ${r.message}; ${r.stats.naccept} steps.\n\n\`\`\`\n${table}\n\`\`\`\n`,
    figures: figures(ex, f),
    completed,
  };
}

/**
 * The cgl experiment declaration (thesis §1.1.2).
 * @example
 * ```ts
 * // singularis reproduce cgl --beta 0.1 --delta 0.2 --tau 1000
 * ```
 */
export const cglExperiment = defineExperiment({
  name: 'cgl',
  title: 'Complex Ginzburg–Landau blowup by modulated dynamic rescaling (thesis §1.1.2)',
  description: 'The modulation laws against τ with the Masmoudi–Zaag prediction, rescaled amplitude and phase, the blowup time from\nthe rescaled run against a direct physical-time solve (Richardson on two grids), and the heat reduction β = δ = γ = 0.',
  flags,
  quickNote: 'τ = 50 on 2·150 − 1 nodes, direct solves on 101 and 201 half-grid nodes (seconds); with --dim 2: τ = 20 on 31², direct 21² and 41²',
  examples: ['--beta 0.1 --delta 0.2 --tau 1000', '--p 3 --gamma 0.1 --grid 600', '--dim 2 --beta 0.1 --delta 0.2 --tau 100 --grid 24'],
  estimate: (f) => (f.dim === 2 ? 1e3 * (f.tau + 60) * f.grid ** 2 + 5e3 * f.directGrid ** 3 : f.grid * f.tau * 10 + f.directGrid * f.directGrid * 300),
  run,
});
