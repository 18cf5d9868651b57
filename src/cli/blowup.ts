/**
 * `singularis reproduce heat-blowup`: the dynamic-rescaling computations of thesis §2.4 for
 * `a_t = Δa + a²` — figures equivalent to Figures 2.1–2.4 (profiles against ū as τ grows,
 * τ·sup|û − ū|, the laws (½ − c_l)τ and (c_u + 1)τ against τ in 1D, nD and per direction in 2D),
 * the blowup time T from the rescaled run checked against an independent physical-time solve,
 * a markdown summary and a one-line JSON result.
 *
 * @module
 */
import type { RunOptions } from '../core/run';
import { mappedGrid, sinhMap, tensorGrid2D } from '../grid/index';
import {
  heatBlowup2D,
  heatBlowupRadial,
  predictedHeatLaws,
  radialHeatSystem,
  solvePhysicalHeat,
  tensorHeatSystem2d,
  thesisInitialData1D,
  thesisInitialData2D,
  type HeatBlowup2dResult,
  type HeatBlowupResult,
} from '../models/blowup/index';
import { defineExperiment, type ExperimentContext, type ExperimentOutcome } from './framework/experiment';
import type { FigureSpec } from './framework/figures';
import { flag, type FlagValues } from './framework/flags';
import { lineChartSpec, type Rows } from './plot';
import { formatTable } from './table';

type Run = { kind: 'radial'; result: HeatBlowupResult } | { kind: 'tensor'; result: HeatBlowup2dResult };

/** Independent blowup time: direct physical solve at two resolutions + Richardson (second order in space). */
function directBlowupTime(dim: number, run: (k: number) => RunOptions): { values: number[]; nodes: number[]; richardson: number; status: string } {
  let status = 'success';
  if (dim === 2) {
    const nodes = [41, 81];
    const values = nodes.map((n, k) => {
      const g = mappedGrid(sinhMap({ length: 30, scale: 1 }), n, { symmetry: 'even' });
      const a0 = tensorGrid2D(g, g).fill(thesisInitialData2D);
      const r = solvePhysicalHeat({ system: tensorHeatSystem2d(g, g), initial: a0, amplitudeTarget: 1e3, rtol: 1e-8 }, run(k));
      if (r.status !== 'success' && status === 'success') status = r.status;
      return r.final.blowupTime;
    });
    return { values, nodes, richardson: values[1] + (values[1] - values[0]) / 3, status };
  }
  const nodes = [401, 801];
  const values = nodes.map((n, k) => {
    const g = mappedGrid(sinhMap({ length: 1e5, scale: 0.01 }), n, { symmetry: 'even' });
    const r = solvePhysicalHeat({ system: radialHeatSystem(g, dim), initial: g.x.map(thesisInitialData1D), amplitudeTarget: 1e6, rtol: 1e-9 }, run(k));
    if (r.status !== 'success' && status === 'success') status = r.status;
    return r.final.blowupTime;
  });
  return { values, nodes, richardson: values[1] + (values[1] - values[0]) / 3, status };
}

function snapshotTimes(tauEnd: number): number[] {
  const out: number[] = [];
  for (let v = 0.1; v < tauEnd; v *= 10) out.push(v);
  out.push(tauEnd);
  return out;
}

/** Rows for the figures: profiles (Fig. 2.1), τ·sup|û − ū| (Fig. 2.2), laws (Figs. 2.3/2.4). */
function figureRows(run: Run, dim: number): { profiles: Rows; residue: Rows; laws: Rows; lambda: Rows } {
  const profiles: Rows = [];
  const residue: Rows = [];
  const laws: Rows = [];
  const lambda: Rows = [];
  const limits = predictedHeatLaws(1, dim);
  const push = (tau: number, name: string, value: number, target: Rows) => { if (tau > 0 && Number.isFinite(value)) target.push({ tau, series: name, value }); };
  const zMax = 40;
  if (run.kind === 'radial') {
    const r = run.result;
    for (const snap of r.saved) for (let i = 0; i < r.z.length && r.z[i] <= zMax; i++) profiles.push({ z: r.z[i], value: snap.state[i], series: `τ = ${snap.t.toPrecision(3)}` });
    const s = r.history;
    for (let k = 0; k < s.tau.length; k++) {
      push(s.tau[k], 'τ·sup|û − ū|', s.supDiffTau[k], residue);
      push(s.tau[k], 'τ·sup|û − ū_h|', s.supDiffDiscreteTau[k], residue);
      push(s.tau[k], `(½ − c_l)τ − ${limits.limitL}`, s.lawL[k] - limits.limitL, laws);
      push(s.tau[k], `(c_u + 1)τ − ${limits.limitU}`, s.lawU[k] - limits.limitU, laws);
      push(s.tau[k], 'λτ', s.lambdaTau[k], lambda);
    }
  } else {
    const r = run.result;
    const ny = r.y.length; // the saved field is x-major: (x_i, y_j) at i·ny + j
    for (const snap of r.saved) for (let i = 0; i < r.x.length && r.x[i] <= zMax; i++) {
      profiles.push({ z: r.x[i], value: snap.state[i * ny], series: `x axis, τ = ${snap.t.toPrecision(3)}` });
      profiles.push({ z: r.y[i], value: snap.state[i], series: `y axis, τ = ${snap.t.toPrecision(3)}` });
    }
    const s = r.history;
    for (let k = 0; k < s.tau.length; k++) {
      push(s.tau[k], 'τ·sup|û − ū|', s.supDiffTau[k], residue);
      push(s.tau[k], '(½ − c_l¹)τ − 3/4', s.lawL1[k] - 0.75, laws);
      push(s.tau[k], '(½ − c_l²)τ − 3/4', s.lawL2[k] - 0.75, laws);
      push(s.tau[k], '(c_u + 1)τ − 1/2', s.lawU[k] - 0.5, laws);
      push(s.tau[k], 'λ₁τ', s.lambdaTau1[k], lambda);
      push(s.tau[k], 'λ₂τ', s.lambdaTau2[k], lambda);
    }
  }
  for (let i = 0; i <= 200; i++) profiles.push({ z: (zMax * i) / 200, value: 1 / (1 + (zMax * i / 200) ** 2 / 8), series: 'ū = 1/(1 + z²/8)' });
  return { profiles, residue, laws, lambda };
}


const flags = {
  dim: flag.integer({ min: 1, max: 64, default: 1, example: '2', help: 'space dimension: 1 = thesis §2.4.1 data; 2 = non-radial tensor model of §2.4.2; n ≥ 3 = radial' }),
  tau: flag.number({
    min: 0, minExclusive: true, max: 1e7, example: '1000',
    default: (f) => (f.dim === 1 ? 1e4 : f.dim === 2 ? 300 : 1000), defaultText: '1e4 in 1D, 300 in 2D, 1000 radial',
    quick: (f) => (f.dim === 2 ? 20 : 30),
    quickText: '30 (20 in 2D)',
    help: 'final rescaled time τ',
  }),
  grid: flag.integer({
    min: 8, max: 20001, example: '600',
    default: (f) => (f.dim === 2 ? 40 : 300), defaultText: '300 in 1D/radial, 40 per direction in 2D (the thesis: 2000 and 200)',
    quick: (f) => (f.dim === 2 ? 16 : 300),
    quickText: '300 (16 per direction in 2D)',
    help: 'nodes per direction',
  }),
  normalization: flag.choice(['discrete', 'thesis'] as const, { default: 'discrete', help: 'normalization of the modulation constants' }),
  scheme: flag.choice(['imex', 'rk4'] as const, { default: 'imex', help: 'time stepping (rk4 = thesis-style explicit)' }),
  direct: flag.boolean({ default: true, help: 'also compute T by an independent physical-time solve (two grids + Richardson)' }),
};

type Flags = FlagValues<typeof flags>;

function figures(run: Run, dim: number, label: string, tau: number): FigureSpec[] {
  const rows = figureRows(run, dim);
  const tauAxis = 'rescaled time τ';
  return [
    {
      name: 'profiles',
      spec: lineChartSpec(rows.profiles, { x: 'z', y: 'value', series: 'series', seriesTitle: 'profile at rescaled time τ', title: `Profiles û(z, τ) approach ū, ${label} (cf. Fig. 2.1)`, xTitle: 'rescaled position z', yTitle: 'û(z, τ) (rescaled solution)' }),
      caption: `Rescaled profiles û(z, τ) at τ = 0.1, 1, 10, … up to ${tau}, with the self-similar profile ū(z) = 1/(1 + z²/8) (cf. thesis Fig. 2.1). The profiles converge to ū as τ grows.`,
    },
    {
      name: 'residue',
      spec: lineChartSpec(rows.residue, { x: 'tau', y: 'value', series: 'series', seriesTitle: 'distance to the profile', logX: true, title: 'τ·sup|û − ū| stays bounded (cf. Fig. 2.2)', xTitle: tauAxis, yTitle: 'τ·sup_z |û − ū|' }),
      caption: 'τ·sup|û − ū| against τ, and in 1D also against the discrete profile ū_h (cf. thesis Fig. 2.2): a bounded curve means |û − ū| = O(1/τ).',
    },
    {
      name: 'laws',
      spec: lineChartSpec(rows.laws, { x: 'tau', y: 'value', series: 'series', seriesTitle: 'law minus its limit', logX: true, title: `Modulation laws minus their limits, ${label} (cf. Figs. 2.3/2.4)`, xTitle: tauAxis, yTitle: 'law − limit' }),
      caption: 'The laws (½ − c_l)τ and (c_u + 1)τ minus their limits (n + 4)/8 and n/4 (cf. thesis Figs. 2.3 and 2.4); they decay to 0 like log τ/τ.',
    },
    {
      name: 'lambda',
      spec: lineChartSpec(rows.lambda, { x: 'tau', y: 'value', series: 'series', seriesTitle: 'quantity', logX: true, title: 'λτ → 1 (log correction of Remark 2.2.1)', xTitle: tauAxis, yTitle: 'λτ' }),
      caption: 'λτ → 1, approached with the correction 1 + ((n + 2)/2)·log τ/τ of thesis Remark 2.2.1.',
    },
  ];
}

async function runHeat(ctx: ExperimentContext<Flags>): Promise<ExperimentOutcome> {
  const { dim, tau, grid: nodes, normalization, scheme } = ctx.flags;
  const snapshotAt = snapshotTimes(tau);
  const problem = { tauEnd: tau, grid: { n: nodes }, normalization, scheme };
  const runOptions = { ...ctx.runOptions('rescaled run', 0, ctx.flags.direct ? 0.6 : 1), saveAt: snapshotAt };
  const run: Run = dim === 2 ? { kind: 'tensor', result: heatBlowup2D(problem, { ...runOptions, progressEvery: 16 }) } : { kind: 'radial', result: heatBlowupRadial({ dim, ...problem }, runOptions) };
  const r = { ...run.result.final, status: run.result.status, message: run.result.message, steps: run.result.stats.naccept, rejected: run.result.stats.nreject };
  const completed = r.status === 'success' ? ['rescaled run'] : [];
  const direct = ctx.flags.direct && r.status === 'success' && !ctx.aborted ? directBlowupTime(dim, (k) => ctx.runOptions(`direct solve ${k + 1}/2`, 0.6 + 0.2 * k, 0.8 + 0.2 * k)) : null;
  if (direct?.status === 'success') completed.push('direct blowup time');
  const limits = { lawL: (dim + 4) / 8, lawU: dim / 4 };
  const result = {
    dim, tau: r.tau, status: r.status, message: r.message, cu: r.cu, cl: r.cl, lawL: r.lawL, lawU: r.lawU, lambdaTau: r.lambdaTau,
    logCu: r.logCu, blowupTime: r.blowupTime, physicalTime: r.t, steps: r.steps, rejected: r.rejected,
    limits, predicted: predictedHeatLaws(r.tau, dim),
    blowupTimeDirect: direct?.status === 'success' ? direct.richardson : null,
    blowupTimeDirectByGrid: direct?.status === 'success' ? { nodes: direct.nodes, values: direct.values } : null,
    grid: nodes, normalization, scheme,
  };
  const label = dim === 2 ? '2D (non-radial, thesis §2.4.2)' : dim === 1 ? '1D (thesis §2.4.1)' : `radial ${dim}D`;
  const fmt = (v: number | number[] | null) => (v === null ? '—' : Array.isArray(v) ? v.map((x) => x.toPrecision(6)).join(', ') : v.toPrecision(8));
  const table = formatTable(['quantity', 'computed', 'limit', 'prediction at this τ'], [
    ['(½ − c_l)τ', fmt(r.lawL), String(limits.lawL), result.predicted.lawL.toPrecision(6)],
    ['(c_u + 1)τ', fmt(r.lawU), String(limits.lawU), result.predicted.lawU.toPrecision(6)],
    ['λτ', fmt(r.lambdaTau), '1', result.predicted.lambdaTau.toPrecision(6)],
    ['log Ĉ_u', fmt(r.logCu), '', ''],
    ['T (rescaled, t + Ĉ_u/|c_u|)', fmt(r.blowupTime), '', ''],
    ['T (direct physical solve, Richardson)', direct?.status === 'success' ? fmt(direct.richardson) : 'not computed', '', direct?.status === 'success' ? `grids ${direct.nodes.join(', ')}: ${direct.values.map((v) => v.toPrecision(8)).join(', ')}` : ''],
  ]);
  ctx.log(table);
  const status = r.status !== 'success' ? r.status : direct !== null && direct.status !== 'success' ? (direct.status as ExperimentOutcome['status']) : ctx.flags.direct && direct === null ? 'aborted' : 'success';
  const message = r.status !== 'success' ? `the rescaled run ended with status ${r.status}: ${r.message} (τ = ${r.tau})` : status !== 'success' ? `the direct physical-time solve ended with status ${status}` : '';
  return {
    status,
    message,
    result,
    summary: `Run: ${label}, τ = ${r.tau} of ${tau}, ${nodes} nodes per direction, ${normalization} normalization, ${scheme}; status ${r.status}${r.message ? ` (${r.message})` : ''}; ${r.steps} steps (${r.rejected} rejected).\n\n\`\`\`\n${table}\n\`\`\`\n`,
    figures: figures(run, dim, label, tau),
    completed,
  };
}

/**
 * The heat-blowup experiment declaration (thesis §2.4, Figures 2.1–2.4).
 * @example
 * ```ts
 * // singularis reproduce heat-blowup --dim 2 --tau 300
 * ```
 */
export const blowupExperiment = defineExperiment({
  name: 'heat-blowup',
  title: 'Heat blowup a_t = Δa + a² by dynamic rescaling (thesis §2.4, Figs. 2.1–2.4)',
  description: 'Rescaled profiles against ū, τ·sup|û − ū|, the laws (½ − c_l)τ and (c_u + 1)τ in 1D, nD (radial) and per direction\nin 2D, and the blowup time T from the rescaled run checked against an independent physical-time solve.',
  flags,
  quickNote: '1D to τ = 30 on 300 nodes with the direct check (2D: τ = 20 on 16² nodes), a few seconds',
  examples: ['--dim 2 --tau 300', '--dim 3 --tau 1000 --no-direct', '--tau 1e4 --grid 2000 --normalization thesis'],
  estimate: (f) => (f.dim === 2 ? f.grid * f.grid : f.grid) * f.tau * (f.scheme === 'rk4' ? f.grid / 10 : 1),
  run: runHeat,
});
