/**
 * `singularis reproduce keller-segel`: self-similar profiles of the 3-D Keller–Segel system with
 * logistic damping (thesis §1.1.3) for lists of μ and j0, their phase portraits, and a
 * physical-time blowup from data on a scaled profile with the rate ρ(0,t)(T − t) → 1/(1−μ).
 * The experiment logic lives in `models/blowup/experiments/kellerSegel.ts`.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { runKellerSegelExperiment } from '../models/blowup/experiments/kellerSegel';
import { kellerSegelAdmissibility } from '../models/blowup/kellerSegelProfile';
import { lineChart, type Rows } from './plot';
import { Report, printJsonLine } from './report';
import { formatTable } from './table';

const USAGE = `Usage: singularis reproduce keller-segel [options]

  --mu LIST          logistic damping values, comma-separated, each in [0, 1/3) (default 0,0.1,0.2)
  --j0 LIST          vanishing orders at the origin, comma-separated integers (default 4,5,6,10)
  --physical-mu M    μ of the physical-time run (default 0)
  --physical-j0 J    j0 of the physical-time run (default 10; must be admissible)
  --no-physical      skip the physical-time run
  --quick            small grid and a short amplitude range (seconds)
  --out DIR          report folder (default keller-segel-report)
  --json             print one JSON object as the last line of stdout
`;

function parseList(text: string): number[] | null {
  const values = text.split(',').map((s) => Number(s.trim()));
  return values.length > 0 && values.every((v) => Number.isFinite(v)) ? values : null;
}

/**
 * Run the experiment; returns the exit code (0 success, 1 a run failed, 2 bad arguments).
 * @example
 * ```ts
 * await kellerSegelExperiment(['--mu', '0', '--j0', '4,5', '--quick', '--json']);
 * ```
 */
export async function kellerSegelExperiment(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        mu: { type: 'string', default: '0,0.1,0.2' }, j0: { type: 'string', default: '4,5,6,10' },
        'physical-mu': { type: 'string', default: '0' }, 'physical-j0': { type: 'string', default: '10' },
        'no-physical': { type: 'boolean', default: false }, quick: { type: 'boolean', default: false },
        out: { type: 'string', default: 'keller-segel-report' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) { process.stdout.write(USAGE); return 0; }
  const mus = parseList(values.mu);
  const j0s = parseList(values.j0);
  const pmu = Number(values['physical-mu']);
  const pj0 = Number(values['physical-j0']);
  if (mus === null || j0s === null || mus.some((m) => m < 0 || m >= 1 / 3) || j0s.some((j) => !Number.isInteger(j) || j < 1)) {
    process.stderr.write(`invalid --mu or --j0 (μ in [0, 1/3), j0 positive integers)\n${USAGE}`);
    return 2;
  }
  const doPhysical = !values['no-physical'];
  if (doPhysical && (!Number.isFinite(pmu) || !Number.isFinite(pj0) || !kellerSegelAdmissibility(pmu, pj0).admissible)) {
    process.stderr.write(`--physical-mu/--physical-j0 must be an admissible pair (j0 > 3(1−μ)/(1−3μ))\n${USAGE}`);
    return 2;
  }
  const started = Date.now();
  const radii: number[] = [];
  for (let e = -1; e <= 3.0001; e += 0.05) radii.push(Math.pow(10, e));
  const result = runKellerSegelExperiment({
    mus, j0s, radii,
    physical: doPhysical ? { mu: pmu, j0: pj0, n: values.quick ? 400 : 1600, amplitudeRatio: values.quick ? 1e4 : 1e6, width: 1e3 } : null,
  });
  const seconds = (Date.now() - started) / 1000;

  const report = new Report(values.out);
  const profileRows: Rows = [];
  const phaseRows: Rows = [];
  for (const p of result.profiles) {
    if (!p.admissible) continue;
    const name = `μ = ${p.mu}, j0 = ${p.j0}`;
    for (const s of p.samples) profileRows.push({ r: s.r, Q: s.Q, series: name });
    for (const s of p.phase) phaseRows.push({ Q: s.Q, m: s.m, series: name });
  }
  report.figure('profiles.svg', await lineChart(profileRows, { x: 'r', y: 'Q', series: 'series', logX: true, logY: true, title: 'Self-similar profiles Q(r) (far field ∼ r^{−1/β})' }), 'Profiles Q against r on log–log axes');
  report.figure('phase.svg', await lineChart(phaseRows, { x: 'Q', y: 'm', series: 'series', title: 'Phase portraits: unstable manifold of (q0, q0/3) into (0, 0)' }), 'Trajectories in the (Q, m) plane, m = M/r³');
  const rows = result.profiles.map((p) => [String(p.mu), String(p.j0), p.beta === null ? '—' : p.beta.toFixed(6), p.admissible ? 'yes' : 'no',
    p.Q1?.toPrecision(10) ?? '—', p.Q2?.toPrecision(10) ?? '—', p.Q10?.toPrecision(10) ?? '—', p.farSlope === null ? '—' : `${p.farSlope.toFixed(10)} (−1/β = ${(p.farSlopeLimit as number).toFixed(10)})`]);
  const table = formatTable(['μ', 'j0', 'β', 'admissible', 'Q(1)', 'Q(2)', 'Q(10)', 'far slope'], rows);
  report.text(`## Profiles\n\n\`\`\`\n${table}\n\`\`\`\n`);
  let ok = result.profiles.every((p) => !p.admissible || p.status === 'success');
  if (result.physical !== null) {
    const ph = result.physical;
    ok = ok && ph.status === 'success';
    const ampRows: Rows = ph.amplitude.map((a) => ({ 'T − t': a.timeToBlowup, 'ρ(0,t)': a.amplitude, series: 'computed' }));
    for (const a of ph.amplitude) ampRows.push({ 'T − t': a.timeToBlowup, 'ρ(0,t)': 1 / ((1 - ph.mu) * a.timeToBlowup), series: 'Q(0)/(T − t)' });
    report.figure('amplitude.svg', await lineChart(ampRows, { x: 'T − t', y: 'ρ(0,t)', series: 'series', logX: true, logY: true, title: `Physical-time amplitude, μ = ${ph.mu}, j0 = ${ph.j0}` }), 'ρ(0,t) against T − t with the self-similar rate Q(0)/(T − t)');
    const ssTable = formatTable(['y', '(T−t)ρ(y(T−t)^β L)', 'Q(y)'], ph.selfSimilar.map((s) => [String(s.y), s.computed.toPrecision(6), s.profile.toPrecision(6)]));
    const rateTable = formatTable(['ρ(0) level', 'ρ(0,t)(T−t)(1−μ)'], ph.rates.map((r) => [r.amplitude.toExponential(2), r.rateToQ0.toPrecision(10)]));
    report.text(`## Physical-time run (μ = ${ph.mu}, j0 = ${ph.j0})\n\nStatus ${ph.status}; ${ph.steps} steps (${ph.rejected} rejected); T = ${ph.blowupTime}; max mass-balance defect ${ph.maxBalanceDefect.toExponential(2)}.\n\n\`\`\`\n${rateTable}\n\`\`\`\n\n\`\`\`\n${ssTable}\n\`\`\`\n`);
  }
  const json = {
    profiles: result.profiles.map(({ samples: _samples, phase: _phase, ...rest }) => rest),
    physical: result.physical === null ? null : { ...result.physical, amplitude: undefined },
    seconds,
  };
  const summary = report.finish('3-D Keller–Segel with logistic damping: profiles and blowup (thesis §1.1.3)', json);
  process.stdout.write(`${table}\n${result.physical ? `physical: T = ${result.physical.blowupTime}, ρ(0,t)(T−t)(1−μ) = ${result.physical.rateToQ0}\n` : ''}report: ${summary}\n`);
  if (values.json) printJsonLine(json);
  return ok ? 0 : 1;
}
