/**
 * `singularis reproduce keller-segel`: self-similar profiles of the 3-D Keller–Segel system with
 * logistic damping (thesis §1.1.3) for lists of μ and j0, their phase portraits, and a
 * physical-time blowup from data on a scaled profile with the rate ρ(0,t)(T − t) → 1/(1−μ), and
 * the rescaled dynamics near Q (sup|Ψ − Q| and the modulations against τ).
 * The experiment logic lives in `models/blowup/experiments/kellerSegel.ts`.
 *
 * @module
 */
import { runKellerSegelExperiment, type KellerSegelExperimentResult } from '../models/blowup/experiments/kellerSegel';
import { kellerSegelAdmissibility } from '../models/blowup/kellerSegelProfile';
import { defineExperiment, type ExperimentContext, type ExperimentOutcome } from './framework/experiment';
import type { FigureSpec } from './framework/figures';
import { flag, type FlagValues } from './framework/flags';
import { UsageError } from './framework/usageError';
import { lineChartSpec, type Rows } from './plot';
import { formatTable } from './table';

const flags = {
  mu: flag.numberList({ min: 0, max: 0.3333, default: [0, 0.1, 0.2], example: '0,0.2', help: 'logistic damping values μ ∈ [0, 1/3), comma-separated (every μ is paired with every j0)' }),
  j0: flag.numberList({ min: 1, max: 1000, default: [4, 5, 6, 10], example: '4,10', help: 'vanishing orders j0 at the origin, comma-separated integers' }),
  physicalMu: flag.number({ min: 0, max: 0.3333, default: 0, example: '0.1', help: 'μ of the physical-time run' }),
  physicalJ0: flag.integer({ min: 1, max: 1000, default: 10, example: '12', help: 'j0 of the physical-time run (the pair must be admissible: j0 > 3(1−μ)/(1−3μ))' }),
  physical: flag.boolean({ default: true, help: 'run the physical-time blowup from the scaled profile (--no-physical skips it)' }),
  physicalGrid: flag.integer({ min: 50, max: 1e5, default: 1600, quick: 400, example: '3200', help: 'radial grid nodes n of the physical-time run' }),
  rescaled: flag.boolean({ default: true, help: 'run the rescaled dynamics near Q, with and without the unstable modulations (--no-rescaled skips them)' }),
  rescaledMu: flag.number({ min: 0, max: 0.3333, default: 0, example: '0.1', help: 'μ of the rescaled-dynamics runs' }),
  rescaledJ0: flag.integer({ min: 2, max: 64, default: 4, example: '5', help: 'j0 of the rescaled-dynamics runs (admissible pair)' }),
  rescaledGrid: flag.integer({ min: 100, max: 1e5, default: 400, quick: 200, example: '800', help: 'nodes n of the y-grid of the rescaled runs' }),
  rescaledTau: flag.number({ min: 1, max: 1e4, default: 40, quick: 20, example: '60', help: 'final rescaled time τ of the rescaled runs' }),
  rescaledNu: flag.number({ min: 1e-12, max: 1, default: 1e-3, example: '1e-4', help: 'initial viscous factor ν(0) = λ(0)^{2−4β} of the rescaled runs' }),
  amplitudeRatio: flag.number({ min: 10, max: 1e12, default: 1e6, quick: 1e4, example: '1e8', help: 'stop the physical-time run at ρ(0,t) = ratio · ρ(0,0) (dimensionless)' }),
};

type Flags = FlagValues<typeof flags>;

function figures(result: KellerSegelExperimentResult): FigureSpec[] {
  const profileRows: Rows = [];
  const phaseRows: Rows = [];
  for (const p of result.profiles) {
    if (!p.admissible || p.samples.length === 0) continue;
    const name = `μ = ${p.mu}, j0 = ${p.j0}`;
    for (const s of p.samples) if (s.Q > 0) profileRows.push({ r: s.r, Q: s.Q, pair: name });
    for (const s of p.phase) phaseRows.push({ Q: s.Q, m: s.m, pair: name });
  }
  const out: FigureSpec[] = [];
  if (profileRows.length > 0) {
    out.push({
      name: 'profiles',
      spec: lineChartSpec(profileRows, { x: 'r', y: 'Q', series: 'pair', seriesTitle: 'damping μ, vanishing order j0', logX: true, logY: true, title: 'Self-similar profiles Q(r) (far field ∼ r^{−1/β})', xTitle: 'self-similar radius r', yTitle: 'profile Q(r)' }),
      caption: 'Self-similar profiles Q of the 3-D Keller–Segel system with logistic damping (thesis §1.1.3) on log–log axes for each admissible (μ, j0); the far field decays like r^{−1/β}.',
    });
    out.push({
      name: 'phase',
      spec: lineChartSpec(phaseRows, { x: 'Q', y: 'm', series: 'pair', seriesTitle: 'damping μ, vanishing order j0', title: 'Phase portraits: unstable manifold of (q0, q0/3) into (0, 0)', xTitle: 'profile Q', yTitle: 'm = M/r³ (mass over r³)' }),
      caption: 'Trajectories of the profile ODE in the (Q, m) plane, m = M/r³: each leaves the fixed point (q0, q0/3) along its unstable manifold and ends at (0, 0).',
    });
  }
  const ph = result.physical;
  if (ph !== null && ph.amplitude.length > 0) {
    const ampRows: Rows = ph.amplitude.map((a) => ({ s: a.timeToBlowup, rho: a.amplitude, curve: 'computed ρ(0, t)' }));
    for (const a of ph.amplitude) ampRows.push({ s: a.timeToBlowup, rho: 1 / ((1 - ph.mu) * a.timeToBlowup), curve: 'Q(0)/(T − t) = 1/((1 − μ)(T − t))' });
    out.push({
      name: 'amplitude',
      spec: lineChartSpec(ampRows, { x: 's', y: 'rho', series: 'curve', seriesTitle: 'amplitude', logX: true, logY: true, title: `Physical-time amplitude, μ = ${ph.mu}, j0 = ${ph.j0}`, xTitle: 'time to blowup T − t', yTitle: 'ρ(0, t)' }),
      caption: `ρ(0, t) of the physical-time run (μ = ${ph.mu}, j0 = ${ph.j0}) against T − t on log–log axes, with the self-similar rate Q(0)/(T − t).`,
    });
  }
  const rs = result.rescaled;
  if (rs !== null && rs.series.length > 0) {
    const devRows: Rows = [];
    for (const p of rs.series) {
      if (p.deviation > 0) devRows.push({ tau: p.tau, v: p.deviation, curve: 'sup|Ψ − Q|, modulations c_u, c_l, a_1..a_{j0−1}' });
      if (p.deviationFree !== null && p.deviationFree > 0) devRows.push({ tau: p.tau, v: p.deviationFree, curve: 'sup|Ψ − Q|, c_u and c_l only' });
      devRows.push({ tau: p.tau, v: p.nu, curve: 'ν = λ^{2−4β}' });
    }
    out.push({
      name: 'rescaled-deviation',
      spec: lineChartSpec(devRows, { x: 'tau', y: 'v', series: 'curve', seriesTitle: 'quantity', logY: true, title: `Rescaled dynamics near Q, μ = ${rs.mu}, j0 = ${rs.j0}, N = ${rs.n}`, xTitle: 'rescaled time τ', yTitle: 'sup|Ψ − Q| and ν' }),
      caption: `sup_y|Ψ − Q| of the rescaled Keller–Segel dynamics (thesis L975–1030) from Q + 0.05p, with the unstable directions modulated (tracks Q, deviation ∝ ν) and without (leaves Q), and the viscous factor ν.`,
    });
    const modRows: Rows = [];
    for (const p of rs.series) {
      modRows.push({ tau: p.tau, v: p.cuPlusOne, curve: 'c_u + 1' });
      modRows.push({ tau: p.tau, v: p.clMinusBeta, curve: 'c_l − β' });
      modRows.push({ tau: p.tau, v: p.aTop, curve: 'a_{j0−1}' });
      modRows.push({ tau: p.tau, v: p.aTopLaw, curve: 'law 2j0(2j0+1)ν(−[Ψ]_{j0})' });
    }
    out.push({
      name: 'rescaled-modulations',
      spec: lineChartSpec(modRows, { x: 'tau', y: 'v', series: 'curve', seriesTitle: 'modulation', title: `Modulations against their self-similar values, μ = ${rs.mu}, j0 = ${rs.j0}`, xTitle: 'rescaled time τ', yTitle: 'modulation minus its self-similar value' }),
      caption: 'The modulations of the rescaled run: c_u + 1 and c_l − β (→ 0), and a_{j0−1} with its self-similar law 2j0(2j0+1)ν(−[Ψ]_{j0}).',
    });
  }
  return out;
}

async function run(ctx: ExperimentContext<Flags>): Promise<ExperimentOutcome> {
  const f = ctx.flags;
  const started = Date.now();
  const radii: number[] = [];
  for (let e = -1; e <= 3.0001; e += 0.05) radii.push(Math.pow(10, e));
  const result = runKellerSegelExperiment({
    mus: f.mu, j0s: f.j0, radii,
    physical: f.physical ? { mu: f.physicalMu, j0: f.physicalJ0, n: f.physicalGrid, amplitudeRatio: f.amplitudeRatio, width: 1e3 } : null,
    rescaled: f.rescaled ? { mu: f.rescaledMu, j0: f.rescaledJ0, n: f.rescaledGrid, tauEnd: f.rescaledTau, nu0: f.rescaledNu } : null,
    runOptions: (label, from, to) => ctx.runOptions(label, from, to), aborted: () => ctx.aborted,
  });
  const rows = result.profiles.map((p) => [String(p.mu), String(p.j0), p.beta === null ? '—' : p.beta.toFixed(6), p.admissible ? 'yes' : 'no',
    p.Q1?.toPrecision(10) ?? '—', p.Q2?.toPrecision(10) ?? '—', p.Q10?.toPrecision(10) ?? '—', p.farSlope === null ? '—' : `${p.farSlope.toFixed(10)} (−1/β = ${(p.farSlopeLimit as number).toFixed(10)})`]);
  const table = formatTable(['μ', 'j0', 'β', 'admissible', 'Q(1)', 'Q(2)', 'Q(10)', 'far slope'], rows);
  ctx.log(table);
  let summary = `## Profiles\n\n\`\`\`\n${table}\n\`\`\`\n`;
  const failedProfile = result.profiles.find((p) => p.admissible && p.status !== 'success');
  const ph = result.physical;
  if (ph !== null) {
    const ssTable = formatTable(['y', '(T−t)ρ(y(T−t)^β L)', 'Q(y)'], ph.selfSimilar.map((s) => [String(s.y), s.computed.toPrecision(6), s.profile.toPrecision(6)]));
    const rateTable = formatTable(['ρ(0) level', 'ρ(0,t)(T−t)(1−μ)'], ph.rates.map((r) => [r.amplitude.toExponential(2), r.rateToQ0.toPrecision(10)]));
    ctx.log(`physical: T = ${ph.blowupTime}, ρ(0,t)(T−t)(1−μ) = ${ph.rateToQ0}`);
    summary += `\n## Physical-time run (μ = ${ph.mu}, j0 = ${ph.j0})\n\nStatus ${ph.status}; ${ph.steps} steps (${ph.rejected} rejected); T = ${ph.blowupTime}; max mass-balance defect ${ph.maxBalanceDefect.toExponential(2)}.\n\n\`\`\`\n${rateTable}\n\`\`\`\n\n\`\`\`\n${ssTable}\n\`\`\`\n`;
  }
  const rs = result.rescaled;
  if (rs !== null) {
    ctx.log(`rescaled: tracked to τ = ${rs.trackedRange} (without the unstable modulations ${rs.trackedRangeFree}), sup|Ψ − Q| = ${rs.finalDeviation.toExponential(3)} at τ = ${rs.tauEnd}`);
    summary += `\n## Rescaled dynamics (μ = ${rs.mu}, j0 = ${rs.j0}, N = ${rs.n}, ν(0) = ${rs.nu0})\n\nStatus ${rs.status}; ${rs.steps} steps. sup|Ψ − Q| ≤ ${rs.trackedTolerance} up to τ = ${rs.trackedRange} with the unstable modulations, up to τ = ${rs.trackedRangeFree} without them (status ${rs.statusFree}). At the end: sup|Ψ − Q| = ${rs.finalDeviation.toExponential(3)} = ${rs.deviationOverNu.toFixed(1)}ν; max|c_u + 1| = ${rs.maxCuError.toExponential(2)}; c_l − β = ${rs.clMinusBeta.toExponential(2)}; a_{j0−1}/law = ${rs.aTopOverLaw.toFixed(4)}; blowup time ${rs.blowupTime}.\n`;
  }
  const expectedProfiles = f.mu.length * f.j0.length;
  const profilesDone = result.profiles.length === expectedProfiles && result.profiles.every((p) => p.status !== 'aborted');
  const completed = [...(profilesDone ? ['profiles'] : []), ...(ph !== null && ph.status === 'success' ? ['physical-time run'] : []), ...(rs !== null && rs.status === 'success' ? ['rescaled dynamics'] : [])];
  let status: ExperimentOutcome['status'] = 'success';
  let message = '';
  if (failedProfile !== undefined && failedProfile.status !== 'aborted') {
    status = failedProfile.status as ExperimentOutcome['status'];
    message = `the profile μ = ${failedProfile.mu}, j0 = ${failedProfile.j0} ended with status ${failedProfile.status}`;
  } else if (ph !== null && ph.status !== 'success' && ph.status !== 'aborted') {
    status = ph.status as ExperimentOutcome['status'];
    message = `the physical-time run ended with status ${ph.status}: ${ph.message}`;
  } else if (rs !== null && rs.status !== 'success' && rs.status !== 'aborted') {
    status = rs.status as ExperimentOutcome['status'];
    message = `the rescaled run ended with status ${rs.status}: ${rs.message}`;
  } else if (ctx.aborted || !profilesDone || (f.physical && (ph === null || ph.status === 'aborted')) || (f.rescaled && (rs === null || rs.status === 'aborted'))) {
    status = 'aborted';
    message = `interrupted; completed: ${completed.join(', ') || 'nothing'}`;
  }
  const json = {
    profiles: result.profiles.map(({ samples: _samples, phase: _phase, ...rest }) => rest),
    physical: ph === null ? null : (({ amplitude: _amplitude, ...rest }) => rest)(ph),
    rescaled: rs === null ? null : (({ series: _series, ...rest }) => rest)(rs),
    seconds: (Date.now() - started) / 1000,
  };
  return { status, message, result: json, summary, figures: figures(result), completed };
}

/**
 * The keller-segel experiment declaration (thesis §1.1.3).
 * @example
 * ```ts
 * // singularis reproduce keller-segel --mu 0,0.2 --j0 4,10
 * ```
 */
export const kellerSegelExperiment = defineExperiment({
  name: 'keller-segel',
  title: '3-D Keller–Segel with logistic damping: profiles and blowup (thesis §1.1.3)',
  description: 'Self-similar profiles Q for every (μ, j0) with their phase portraits and far-field slopes, and a physical-time blowup\nfrom data on a scaled profile with the rate ρ(0,t)(T − t)(1 − μ) → 1, and the rescaled dynamics near Q with the modulations\nof the unstable directions (sup|Ψ − Q| and the modulations against τ).',
  flags,
  quickNote: 'the default profiles, the physical-time run on 400 nodes to ρ(0,t) = 1e4·ρ(0,0), the rescaled runs on 200 nodes to τ = 20 (seconds)',
  examples: ['--mu 0,0.2 --j0 4,10', '--physical-mu 0.1 --physical-j0 12', '--no-physical --mu 0.3 --j0 30'],
  check: (f) => {
    const badJ0 = f.j0.find((v) => !Number.isInteger(v));
    if (badJ0 !== undefined) throw new UsageError(`--j0 must be comma-separated integers in [1, 1000] (got "${badJ0}")`);
    if (f.mu.length === 0 || f.j0.length === 0) throw new UsageError('--mu and --j0 need at least one value each');
    if (f.rescaled && !kellerSegelAdmissibility(f.rescaledMu, f.rescaledJ0).admissible) {
      throw new UsageError(`--rescaled-mu ${f.rescaledMu} and --rescaled-j0 ${f.rescaledJ0} must be an admissible pair (j0 > 3(1−μ)/(1−3μ) = ${(3 * (1 - f.rescaledMu) / (1 - 3 * f.rescaledMu)).toFixed(4)}), or pass --no-rescaled`);
    }
    if (f.physical && !kellerSegelAdmissibility(f.physicalMu, f.physicalJ0).admissible) {
      throw new UsageError(`--physical-mu ${f.physicalMu} and --physical-j0 ${f.physicalJ0} must be an admissible pair (j0 > 3(1−μ)/(1−3μ) = ${(3 * (1 - f.physicalMu) / (1 - 3 * f.physicalMu)).toFixed(4)}), or pass --no-physical`);
    }
  },
  estimate: (f) => f.mu.length * f.j0.length * 2e4 + (f.physical ? f.physicalGrid * Math.log10(f.amplitudeRatio) * 100 : 0) + (f.rescaled ? f.rescaledGrid * f.rescaledTau * 30 : 0),
  run,
});
