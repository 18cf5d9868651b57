/**
 * `singularis reproduce cgl`: the complex Ginzburg–Landau equation of thesis §1.1.2 by modulated
 * dynamic rescaling in 1-D — the laws against τ, the profile and phase, the blowup time against a
 * direct physical-time solve, the heat reduction and the Masmoudi–Zaag prediction. The experiment
 * logic lives in `models/blowup/experiments/cgl.ts`.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { runCglExperiment } from '../models/blowup/experiments/cgl';
import { lineChart, type Rows } from './plot';
import { Report, printJsonLine } from './report';
import { formatTable } from './table';

const USAGE = `Usage: singularis reproduce cgl [options]

  --dim 1        space dimension (only 1 is implemented)
  --beta B       dispersion β (default 0.1)
  --delta D      nonlinear frequency δ (default 0.2)
  --gamma G      damping γ (default 0)
  --p P          exponent p > 1 (default 2)
  --tau T        final rescaled time (default 1000; --quick: 50)
  --grid N       half-grid nodes (mirrored to 2N − 1; default 300; --quick: 150)
  --quick        small grids and a short run (seconds)
  --out DIR      report folder (default cgl-report)
  --json         print one JSON object as the last line of stdout
`;

/**
 * Run the experiment; returns the exit code (0 success, 1 a run failed, 2 bad arguments).
 * @example
 * ```ts
 * await cglExperiment(['--beta', '0.1', '--delta', '0.2', '--quick', '--json']);
 * ```
 */
export async function cglExperiment(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        dim: { type: 'string', default: '1' }, beta: { type: 'string', default: '0.1' }, delta: { type: 'string', default: '0.2' },
        gamma: { type: 'string', default: '0' }, p: { type: 'string', default: '2' }, tau: { type: 'string' }, grid: { type: 'string' },
        quick: { type: 'boolean', default: false }, out: { type: 'string', default: 'cgl-report' }, json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) { process.stdout.write(USAGE); return 0; }
  const dim = Number(values.dim);
  const [beta, delta, gamma, p] = [values.beta, values.delta, values.gamma, values.p].map(Number);
  const tau = Number(values.tau ?? (values.quick ? 50 : 1000));
  const grid = Number(values.grid ?? (values.quick ? 150 : 300));
  if (dim !== 1) { process.stderr.write(`--dim ${values.dim}: only --dim 1 is implemented (the 2-D model is not built yet)\n`); return 2; }
  if (![beta, delta, gamma, p, tau].every(Number.isFinite) || !(p > 1) || !(tau > 0) || !Number.isInteger(grid) || grid < 9) {
    process.stderr.write(`invalid parameters (finite β, δ, γ; p > 1; τ > 0; integer grid ≥ 9)\n${USAGE}`);
    return 2;
  }
  const started = Date.now();
  let lastReport = 0;
  const onProgress = (info: { fraction: number }) => {
    const now = Date.now();
    if (now - lastReport < 1000) return;
    lastReport = now;
    process.stderr.write(`\rrescaled run ${(100 * info.fraction).toFixed(1)}%   `);
  };
  const snapshots: number[] = [];
  for (let v = 0.1; v < tau; v *= 10) snapshots.push(v);
  snapshots.push(tau);
  const ex = runCglExperiment({ beta, delta, gamma, p, tau, grid, directGrids: values.quick ? [101, 201] : [201, 401], snapshots }, onProgress);
  process.stderr.write('\n');
  const r = ex.run;
  const h = r.history;
  const L = h.tau.length - 1;
  const laws = { Qtau: r.Qtau, QtauPredicted: r.QtauPredicted, lawU: h.lawU[L], lawL: h.lawL[L], c0: h.c0[L], cl: h.cl[L], cv: h.cv[L], phaseRate: -h.ctheta[L], phase: h.phase[L], supDiff: h.supDiff[L], logH: h.logH[L] };
  const result = {
    dim, tau: r.tau, status: r.status, message: r.message, params: r.params, b: r.b, laws,
    blowupTime: ex.blowupTime, blowupTimeRichardson: ex.blowupTimeRichardson, directBlowupTime: ex.directBlowupTime, directBlowupTimeByGrid: ex.directByGrid,
    heatReductionMaxDiff: ex.heatReductionMaxDiff, heatReductionTimeDiff: ex.heatReductionTimeDiff,
    steps: r.stats.naccept, rejected: r.stats.nreject, grid, seconds: (Date.now() - started) / 1000,
  };
  const report = new Report(values.out);
  const lawRows: Rows = [];
  for (let k = 0; k < h.tau.length; k++) {
    if (h.tau[k] <= 0) continue;
    lawRows.push({ tau: h.tau[k], value: h.Qtau[k], series: 'Qτ' });
    lawRows.push({ tau: h.tau[k], value: h.lawU[k], series: '(c₀ + 1)τ' });
    lawRows.push({ tau: h.tau[k], value: h.lawL[k], series: '(½ − c_l)τ' });
    lawRows.push({ tau: h.tau[k], value: -h.ctheta[k], series: 'phase rate −c_θ' });
    lawRows.push({ tau: h.tau[k], value: h.supDiff[k] * h.tau[k], series: 'τ·sup|Û − Ū|' });
  }
  report.figure('laws.svg', await lineChart(lawRows, { x: 'tau', y: 'value', series: 'series', logX: true, title: `CGL laws against τ (β = ${beta}, δ = ${delta}, γ = ${gamma}, p = ${p}); Masmoudi–Zaag: Qτ → ${r.QtauPredicted.toFixed(4)}`, xTitle: 'τ' }), 'The laws against τ: Qτ (the eigenvalue of Q·τ), (c₀ + 1)τ, (½ − c_l)τ, the phase rate and τ·sup|Û − Ū|');
  const profileRows: Rows = [];
  for (const s of r.saved) {
    for (let i = 0; i < r.z.length; i++) {
      if (Math.abs(r.z[i]) > 40) continue;
      profileRows.push({ z: r.z[i], value: Math.hypot(s.state.re[i], s.state.im[i]), series: `|Ψ|, τ = ${s.t.toPrecision(3)}` });
      profileRows.push({ z: r.z[i], value: Math.atan2(s.state.im[i], s.state.re[i]), series: `arg Ψ, τ = ${s.t.toPrecision(3)}` });
    }
  }
  report.figure('profiles.svg', await lineChart(profileRows, { x: 'z', y: 'value', series: 'series', title: 'Rescaled amplitude |Ψ| and phase arg Ψ as τ grows' }), 'Amplitude and phase of the rescaled solution');
  const ampRows: Rows = ex.directAmplitude.map((a) => ({ 'T − t': a.timeToBlowup, 'max|ψ|': a.amplitude, series: 'direct solve' }));
  for (const a of ex.directAmplitude) ampRows.push({ 'T − t': a.timeToBlowup, 'max|ψ|': Math.pow((p - 1) * a.timeToBlowup, -1 / (p - 1)), series: '((p−1)(T − t))^{−1/(p−1)}' });
  report.figure('amplitude.svg', await lineChart(ampRows, { x: 'T − t', y: 'max|ψ|', series: 'series', logX: true, logY: true, title: 'Direct physical-time amplitude against T − t' }), 'max|ψ| from the direct solve against T − t (log–log)');
  const table = formatTable(['quantity', 'value'], [
    ['Qτ (MZ prediction)', `${r.Qtau.toPrecision(6)} (${r.QtauPredicted.toPrecision(6)})`],
    ['(c₀ + 1)τ, (½ − c_l)τ', `${laws.lawU.toPrecision(6)}, ${laws.lawL.toPrecision(6)}`],
    ['phase rate at 0 (→ δ/(p−1)·U(0)^{p−1})', laws.phaseRate.toPrecision(6)],
    ['T rescaled (this grid / Richardson)', `${ex.blowupTime.toPrecision(10)} / ${ex.blowupTimeRichardson.toPrecision(10)}`],
    ['T direct (Richardson)', ex.directBlowupTime.toPrecision(10)],
    ['heat reduction max|Δu|, |ΔT|', `${ex.heatReductionMaxDiff.toExponential(2)}, ${ex.heatReductionTimeDiff.toExponential(2)}`],
  ]);
  report.text(`Run: 1-D, β = ${beta}, δ = ${delta}, γ = ${gamma}, p = ${p}, τ = ${r.tau}, ${2 * grid - 1} nodes; status ${r.status} ${r.message}; ${r.stats.naccept} steps.\n\n\`\`\`\n${table}\n\`\`\`\n`);
  const summary = report.finish('Complex Ginzburg–Landau blowup by modulated dynamic rescaling (thesis §1.1.2)', result);
  process.stdout.write(`${table}\nreport: ${summary}\n`);
  if (values.json) printJsonLine(result);
  return r.status === 'success' ? 0 : 1;
}
