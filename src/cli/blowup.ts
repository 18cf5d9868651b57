/**
 * `singularis reproduce heat-blowup`: the dynamic-rescaling computations of thesis §2.4 for
 * `a_t = Δa + a²` — figures equivalent to Figures 2.1–2.4 (profiles against ū as τ grows,
 * τ·sup|û − ū|, the laws (½ − c_l)τ and (c_u + 1)τ against τ in 1D, nD and per direction in 2D),
 * the blowup time T from the rescaled run checked against an independent physical-time solve,
 * a markdown summary and a one-line JSON result.
 *
 * @module
 */
import { parseArgs } from 'node:util';
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
import { lineChart, type Rows } from './plot';
import { Report, printJsonLine } from './report';
import { formatTable } from './table';

const USAGE = `Usage: singularis reproduce heat-blowup [options]

  --dim 1|2|n                     1: thesis §2.4.1 data; 2: non-radial tensor model of §2.4.2; n ≥ 3: radial (default 1)
  --tau T                         final rescaled time (default 1e4 in 1D, 300 in 2D, 1000 radial)
  --grid N                        nodes per direction (default 300 in 1D/radial, 40 in 2D; the thesis: 2000 and 200)
  --normalization discrete|thesis normalization of the modulation constants (default discrete)
  --scheme imex|rk4               time stepping (default imex; rk4 = thesis-style explicit)
  --no-direct                     skip the independent physical-time computation of T
  --out DIR                       report folder (default heat-blowup-report)
  --json                          print one JSON object as the last line of stdout
`;

type Run = { kind: 'radial'; result: HeatBlowupResult } | { kind: 'tensor'; result: HeatBlowup2dResult };

/** Independent blowup time: direct physical solve at two resolutions + Richardson (second order in space). */
function directBlowupTime(dim: number): { values: number[]; nodes: number[]; richardson: number } {
  if (dim === 2) {
    const nodes = [41, 81];
    const values = nodes.map((n) => {
      const g = mappedGrid(sinhMap({ length: 30, scale: 1 }), n, { symmetry: 'even' });
      const a0 = tensorGrid2D(g, g).fill(thesisInitialData2D);
      return solvePhysicalHeat({ system: tensorHeatSystem2d(g, g), initial: a0, amplitudeTarget: 1e3, rtol: 1e-8 }).final.blowupTime;
    });
    return { values, nodes, richardson: values[1] + (values[1] - values[0]) / 3 };
  }
  const nodes = [401, 801];
  const values = nodes.map((n) => {
    const g = mappedGrid(sinhMap({ length: 1e5, scale: 0.01 }), n, { symmetry: 'even' });
    return solvePhysicalHeat({ system: radialHeatSystem(g, dim), initial: g.x.map(thesisInitialData1D), amplitudeTarget: 1e6, rtol: 1e-9 }).final.blowupTime;
  });
  return { values, nodes, richardson: values[1] + (values[1] - values[0]) / 3 };
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
    const ny = r.y.length;
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

/**
 * Run the experiment; returns the process exit code (0 on success, 1 when the run stopped early,
 * 2 on bad arguments).
 * @example
 * ```ts
 * await blowupExperiment(['--dim', '2', '--tau', '100', '--json']);
 * ```
 */
export async function blowupExperiment(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        dim: { type: 'string', default: '1' }, tau: { type: 'string' }, grid: { type: 'string' },
        normalization: { type: 'string', default: 'discrete' }, scheme: { type: 'string', default: 'imex' },
        'no-direct': { type: 'boolean', default: false }, out: { type: 'string', default: 'heat-blowup-report' },
        json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) { process.stdout.write(USAGE); return 0; }
  const dim = Number(values.dim);
  const normalization = values.normalization;
  const scheme = values.scheme;
  if (!Number.isInteger(dim) || dim < 1 || dim > 64 || (normalization !== 'discrete' && normalization !== 'thesis') || (scheme !== 'imex' && scheme !== 'rk4')) {
    process.stderr.write(`invalid --dim, --normalization or --scheme\n${USAGE}`);
    return 2;
  }
  const tau = Number(values.tau ?? (dim === 1 ? 1e4 : dim === 2 ? 300 : 1000));
  const nodes = Number(values.grid ?? (dim === 2 ? 40 : 300));
  if (!(tau > 0) || !Number.isInteger(nodes) || nodes < 8) {
    process.stderr.write(`invalid --tau or --grid\n${USAGE}`);
    return 2;
  }
  const started = Date.now();
  const snapshotAt = snapshotTimes(tau);
  let lastReport = 0;
  const onProgress = (info: { fraction: number }) => {
    const now = Date.now();
    if (now - lastReport < 1000) return;
    lastReport = now;
    process.stderr.write(`\rrescaled run ${(100 * info.fraction).toFixed(1)}%   `);
  };
  const run: Run = dim === 2
    ? { kind: 'tensor', result: heatBlowup2D({ tauEnd: tau, grid: { n: nodes }, normalization, scheme }, { saveAt: snapshotAt, onProgress, progressEvery: 16 }) }
    : { kind: 'radial', result: heatBlowupRadial({ dim, tauEnd: tau, grid: { n: nodes }, normalization, scheme }, { saveAt: snapshotAt, onProgress, progressEvery: 64 }) };
  process.stderr.write(`\rrescaled run done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const r = { ...run.result.final, status: run.result.status, message: run.result.message, steps: run.result.stats.naccept, rejected: run.result.stats.nreject };
  const direct = values['no-direct'] ? null : directBlowupTime(dim);

  const result = {
    dim, tau: r.tau, status: r.status, message: r.message, cu: r.cu, cl: r.cl, lawL: r.lawL, lawU: r.lawU, lambdaTau: r.lambdaTau,
    logCu: r.logCu, blowupTime: r.blowupTime, physicalTime: r.t, steps: r.steps, rejected: r.rejected,
    limits: { lawL: (dim + 4) / 8, lawU: dim / 4 }, predicted: predictedHeatLaws(r.tau, dim),
    blowupTimeDirect: direct?.richardson ?? null, blowupTimeDirectByGrid: direct ? { nodes: direct.nodes, values: direct.values } : null,
    grid: nodes, normalization: normalization, scheme, seconds: (Date.now() - started) / 1000,
  };

  const report = new Report(values.out);
  const rows = figureRows(run, dim);
  const label = dim === 2 ? '2D (non-radial, thesis §2.4.2)' : dim === 1 ? '1D (thesis §2.4.1)' : `radial ${dim}D`;
  report.figure('profiles.svg', await lineChart(rows.profiles, { x: 'z', y: 'value', series: 'series', title: `Profiles û against ū, ${label} (cf. Fig. 2.1)`, yTitle: 'û' }), 'Profiles as τ grows, with the self-similar profile ū (cf. thesis Fig. 2.1)');
  report.figure('residue.svg', await lineChart(rows.residue, { x: 'tau', y: 'value', series: 'series', logX: true, title: 'τ·sup|û − ū| (cf. Fig. 2.2)', xTitle: 'τ' }), 'τ·sup|û − ū| and, in 1D, against the discrete profile ū_h (cf. thesis Fig. 2.2)');
  report.figure('laws.svg', await lineChart(rows.laws, { x: 'tau', y: 'value', series: 'series', logX: true, title: `Laws minus their limits, ${label} (cf. Figs. 2.3/2.4)`, xTitle: 'τ' }), 'The laws (½ − c_l)τ and (c_u + 1)τ minus their limits (cf. thesis Figs. 2.3 and 2.4)');
  report.figure('lambda.svg', await lineChart(rows.lambda, { x: 'tau', y: 'value', series: 'series', logX: true, title: 'λτ → 1 (log correction of Remark 2.2.1)', xTitle: 'τ' }), 'λτ → 1 with the derived correction 1 + ((n+2)/2) log τ/τ');
  const fmt = (v: number | number[]) => (Array.isArray(v) ? v.map((x) => x.toPrecision(6)).join(', ') : v.toPrecision(8));
  const table = formatTable(['quantity', 'computed', 'limit', 'prediction at this τ'], [
    ['(½ − c_l)τ', fmt(r.lawL), String((dim + 4) / 8), result.predicted.lawL.toPrecision(6)],
    ['(c_u + 1)τ', fmt(r.lawU), String(dim / 4), result.predicted.lawU.toPrecision(6)],
    ['λτ', fmt(r.lambdaTau), '1', result.predicted.lambdaTau.toPrecision(6)],
    ['log Ĉ_u', fmt(r.logCu), '', ''],
    ['T (rescaled, t + Ĉ_u/|c_u|)', fmt(r.blowupTime), '', ''],
    ['T (direct physical solve, Richardson)', direct ? fmt(direct.richardson) : 'skipped', '', direct ? `grids ${direct.nodes.join(', ')}: ${direct.values.map((v) => v.toPrecision(8)).join(', ')}` : ''],
  ]);
  report.text(`Run: ${label}, τ = ${r.tau}, ${nodes} nodes per direction, ${normalization} normalization, ${scheme}; status ${r.status} ${r.message}; ${r.steps} steps (${r.rejected} rejected).\n\n\`\`\`\n${table}\n\`\`\`\n`);
  const summary = report.finish(`Heat blowup by dynamic rescaling — ${label}`, result);
  process.stdout.write(`${table}\nreport: ${summary}\n`);
  if (values.json) printJsonLine(result);
  return r.status === 'success' ? 0 : 1;
}
