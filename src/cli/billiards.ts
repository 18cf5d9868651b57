/**
 * `singularis reproduce billiards`: Section 3 of "From pinned billiard balls to partial
 * differential equations" — Monte Carlo ensembles vs the mean-field PDE, white-noise diagnostics,
 * figures equivalent to Figs. 2–5, a markdown summary and a one-line JSON result.
 *
 * T: in the reversed orientation, the PDE freeze time (detector, f = 0.01), or the probe horizon
 * 3/λ when nothing freezes within it (small λ, n ≲ 110); in the printed orientation nothing
 * freezes and T is the paper's horizon 1.20162e-4 (= 59,841 collisions for n = 1000). Both
 * non-freezing cases report `freezeTime: null`; the JSON field `horizon` says which T was used
 * (`'freeze' | 'probe' | 'paper'`).
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { InvalidArgumentError } from '../core/errors';
import { checkInteger, checkNonNegative, checkOneOf } from '../core/check';
import { checkBallCount } from '../models/billiards/timeMap';
import {
  ensembleFreezeTime,
  MIN_PDE_NODES,
  lambdaForBalls,
  meanFieldPde,
  pinnedBallsEnsemble,
  planPinnedBallsEnsemble,
  whiteNoiseDiagnostics,
  type Orientation,
  type PdeWalls,
  type PinnedBallsEnsembleOptions,
  type PinnedBallsEnsembleResult,
  type WhiteNoiseDiagnostics,
} from '../models/billiards/index';
import { pinnedBallsEnsembleInWorkers, whiteNoiseDiagnosticsInWorkers } from '../node/billiards';
import { billiardsFigures } from './billiardsFigures';
import { Report, printJsonLine } from './report';

/** The paper's T (Section 3, the paper, §3), used as the horizon when nothing freezes. */
const PAPER_T = 1.20162e-4;
/**
 * Probe horizon of the reversed orientation in units of 1/λ. The freeze happens at λT ≈ 0.96 for
 * λ ≳ 35 (n ≳ 120); for smaller λ the sorted state keeps σ ≈ μ_z/λ and ∫σ² never falls to 1 %
 * of its peak within this horizon, which then serves as T.
 */
const PROBE_LAMBDA_T = 3;
/** Output fractions of T of Fig. 5. */
const FIG5_FRACTIONS = [0.01, 0.2, 0.4, 0.6, 0.8, 0.99];
/** White-noise time as a fraction of T (Figs. 2–4). */
const WHITE_NOISE_FRACTION = 0.37;

const USAGE = `Usage: singularis reproduce billiards [options]

  --orientation asPrinted|reversed   initial mean as printed (sorted, no freeze) or negated (default asPrinted)
  --balls n                          number of balls (default 1000)
  --runs R                           Monte Carlo runs (default 1000; the paper: 100000)
  --seed S                           master seed (default 2022)
  --grid N                           PDE nodes (default 3201)
  --wall dirichlet|zeroFlux          PDE wall mode (default dirichlet)
  --times t1,t2,...                  extra snapshot times (PDE time units)
  --workers W                        worker threads (default: available parallelism)
  --out DIR                          report folder (default billiards-report)
  --json                             print one JSON object as the last line of stdout
`;

/** A single updating progress line on stderr (throttled). */
function progressLine(label: string): { update: (fraction: number) => void; done: () => void } {
  const start = Date.now();
  let last = 0;
  return {
    update(fraction: number) {
      const now = Date.now();
      if (now - last < 500) return;
      last = now;
      const width = 30;
      const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
      const elapsed = (now - start) / 1000;
      const eta = fraction > 0 ? (elapsed * (1 - fraction)) / fraction : Number.NaN;
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(100 * fraction).toFixed(1)}% ${elapsed.toFixed(0)}s elapsed, ETA ${Number.isFinite(eta) ? eta.toFixed(0) : '?'}s   `);
    },
    done() {
      process.stderr.write(`\r${label} done in ${((Date.now() - start) / 1000).toFixed(1)}s${' '.repeat(40)}\n`);
    },
  };
}

function taskModule(): { module: URL; preload?: string } {
  const fromSource = import.meta.url.endsWith('.ts');
  return fromSource
    ? { module: new URL('../node/billiardsTask.ts', import.meta.url), preload: 'tsx/cjs' }
    : { module: new URL('../node/billiardsTask.js', import.meta.url) };
}

async function runMonteCarlo(
  options: PinnedBallsEnsembleOptions,
  whiteNoiseTime: number,
  workers: number,
): Promise<{ ensemble: PinnedBallsEnsembleResult; whiteNoise: WhiteNoiseDiagnostics }> {
  const bar = progressLine('Monte Carlo');
  const plan = planPinnedBallsEnsemble(options);
  if (workers <= 1) {
    const ensemble = pinnedBallsEnsemble(options, { onProgress: (p) => bar.update(0.7 * p.fraction) });
    const whiteNoise = whiteNoiseDiagnostics(plan, ensemble, { time: whiteNoiseTime }, { onProgress: (p) => bar.update(0.7 + 0.3 * p.fraction) });
    bar.done();
    return { ensemble, whiteNoise };
  }
  const { module, preload } = taskModule();
  const { result } = await pinnedBallsEnsembleInWorkers(options, { workers, taskModule: module, preload, onProgress: (p) => bar.update(0.7 * p.fraction) });
  const whiteNoise = await whiteNoiseDiagnosticsInWorkers(plan, result, { time: whiteNoiseTime }, { workers, taskModule: module, preload, onProgress: (p) => bar.update(0.7 + 0.3 * p.fraction) });
  bar.done();
  return { ensemble: result, whiteNoise };
}

/** Linear interpolation of grid values (nodes i/N) at z ∈ [0, 1]. */
function interpolate(grid: Float64Array, z: number): number {
  const x = z * (grid.length - 1);
  const k = Math.min(Math.floor(x), grid.length - 2);
  const t = x - k;
  return grid[k] * (1 - t) + grid[k + 1] * t;
}

/** Where the horizon T comes from: the PDE freeze time, the probe horizon, or the paper's T. */
type HorizonKind = 'freeze' | 'probe' | 'paper';

/** Validated command-line flags. */
interface BilliardsFlags {
  help: boolean;
  orientation: Orientation;
  walls: PdeWalls;
  n: number;
  runs: number;
  nodes: number;
  workers: number;
  seed: number | string;
  extraTimes: number[];
  out: string;
  json: boolean;
}

/** The summary sentence that says where T comes from. */
function horizonSentence(horizon: HorizonKind, at: { T: number; lambda: number; n: number; mcFreeze: number | null }): string {
  const { T, lambda, n, mcFreeze } = at;
  switch (horizon) {
    case 'freeze':
      return `PDE freeze time T = ${T.toPrecision(6)} (λT = ${(lambda * T).toFixed(3)}); Monte Carlo freeze time ${mcFreeze === null ? 'none' : mcFreeze.toPrecision(6)} (detector on ∫σ̂², f = 0.01).`;
    case 'probe':
      return `The PDE does not freeze within the probe horizon ${PROBE_LAMBDA_T}/λ = ${T.toPrecision(6)} (∫σ² stays above 1 % of its peak: at λ = ${lambda.toFixed(2)} the sorted state keeps σ ≈ μ_z/λ); T is that probe horizon, not the paper's value. Monte Carlo freeze time ${mcFreeze === null ? 'none' : mcFreeze.toPrecision(6)}.`;
    case 'paper':
      return `Nothing freezes (printed orientation: the data is already sorted); T is the paper's horizon ${PAPER_T} (= ${Math.round((PAPER_T * ((n - 1) ** 2 * (n - 2))) / 2)} collisions).`;
  }
}

/** Parse and validate the flags; errors name the flag (`--balls must be an integer >= 4 (got 3)`). */
function parseBilliardsFlags(argv: string[]): BilliardsFlags {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      orientation: { type: 'string', default: 'asPrinted' },
      balls: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '2022' },
      grid: { type: 'string', default: '3201' },
      wall: { type: 'string', default: 'dirichlet' },
      times: { type: 'string', default: '' },
      workers: { type: 'string', default: String(availableParallelism()) },
      out: { type: 'string', default: 'billiards-report' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const numeric = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));
  const seedText = values.seed.trim();
  if (seedText === '') throw new InvalidArgumentError('--seed', 'a non-empty integer or string', values.seed);
  return {
    help: values.help,
    orientation: checkOneOf('--orientation', values.orientation, ['asPrinted', 'reversed'] as const),
    walls: checkOneOf('--wall', values.wall, ['dirichlet', 'zeroFlux'] as const),
    n: checkBallCount('--balls', numeric(values.balls)),
    runs: checkInteger('--runs', numeric(values.runs), 1),
    nodes: checkInteger('--grid', numeric(values.grid), MIN_PDE_NODES),
    workers: checkInteger('--workers', numeric(values.workers), 1),
    seed: /^-?\d+$/.test(seedText) ? Number(seedText) : seedText,
    extraTimes: values.times
      .split(',')
      .filter((s) => s.trim() !== '')
      .map((s) => checkNonNegative('--times', numeric(s))),
    out: values.out,
    json: values.json,
  };
}

/**
 * Run the billiards reproduction with command-line arguments; returns the exit code.
 * @example
 * ```ts
 * await billiardsExperiment(['--orientation', 'reversed', '--runs', '400', '--out', 'report', '--json']);
 * ```
 */
export async function billiardsExperiment(argv: string[]): Promise<number> {
  let flags: BilliardsFlags;
  try {
    flags = parseBilliardsFlags(argv);
  } catch (err) {
    process.stderr.write(`singularis reproduce billiards: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (flags.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const { orientation, walls, n, runs, nodes, workers, seed, extraTimes } = flags;
  const lambda = lambdaForBalls(n);

  // 1. PDE: T is the freeze time (reversed), else the probe horizon (reversed, small λ) or the paper's horizon (printed)
  const pdeBar = progressLine('PDE');
  const spec = { n, nodes, orientation, walls };
  const probeHorizon = orientation === 'reversed' ? PROBE_LAMBDA_T / lambda : PAPER_T;
  const probe = meanFieldPde({ ...spec, tEnd: probeHorizon, stopAtFreeze: true }, { onProgress: (p) => pdeBar.update(0.5 * p.fraction) });
  const pdeFreeze = probe.freeze.status === 'frozen' ? (probe.freeze.time as number) : null;
  const horizon: HorizonKind = pdeFreeze !== null ? 'freeze' : orientation === 'reversed' ? 'probe' : 'paper';
  const T = pdeFreeze ?? probeHorizon;
  const fig5Times = FIG5_FRACTIONS.map((f) => f * T);
  const whiteNoiseTime = WHITE_NOISE_FRACTION * T;
  const snapshotTimes = [...new Set([...fig5Times, whiteNoiseTime, ...extraTimes])].sort((a, b) => a - b);
  const pde = meanFieldPde({ ...spec, tEnd: Math.max(snapshotTimes[snapshotTimes.length - 1], pdeFreeze === null ? T : 1.5 * T) }, { saveAt: snapshotTimes, onProgress: (p) => pdeBar.update(0.5 + 0.5 * p.fraction) });
  pdeBar.done();

  // 2. Monte Carlo: snapshot times plus a scan for the freeze detector
  const scanEnd = pdeFreeze === null ? T : 1.5 * T;
  const scan = Array.from({ length: 60 }, (_, k) => ((k + 1) / 60) * scanEnd);
  const mcTimes = [...new Set([...snapshotTimes, ...scan])].sort((a, b) => a - b);
  const { ensemble, whiteNoise } = await runMonteCarlo({ n, runs, seed, orientation, times: mcTimes }, whiteNoiseTime, workers);
  const mcFreeze = ensembleFreezeTime(ensemble);

  // 3. comparisons at the snapshot times
  const mcSnapshots = snapshotTimes.map((t) => {
    const j = ensemble.times.indexOf(t);
    const snap = pde.saved.find((s) => s.t === t)?.state;
    let sup = 0;
    if (snap) {
      for (let i = 0; i < n; i++) {
        const z = ensemble.z[i];
        if (z < 0.03 || z > 0.97) continue;
        sup = Math.max(sup, Math.abs(ensemble.mean[j][i] - interpolate(snap.mu, z)));
      }
    }
    return { t, maxSigma: ensemble.maxSigma[j], supAbsDiffMu: snap ? sup : null };
  });
  const m = pde.history.momentum;
  const e = pde.history.energy;
  const result = {
    lambda,
    balls: n,
    runs: ensemble.runs,
    seed,
    orientation,
    T,
    horizon,
    pde: {
      status: pde.status,
      freezeTime: pdeFreeze,
      momentumDrift: m[m.length - 1] - m[0],
      energyDrift: (e[e.length - 1] - e[0]) / e[0],
      snapshots: pde.saved.map((s) => ({ t: s.t, maxSigma: s.state.maxSigma })),
    },
    mc: { status: ensemble.status, freezeTime: mcFreeze.status === 'frozen' ? mcFreeze.time : null, snapshots: mcSnapshots },
    whiteNoise: {
      t: whiteNoiseTime,
      mean: whiteNoise.pooled.mean,
      variance: whiteNoise.pooled.variance,
      skewness: whiteNoise.pooled.skewness,
      excessKurtosis: whiteNoise.pooled.excessKurtosis,
      core: whiteNoise.core,
      pairCorrelation: whiteNoise.pair.correlation,
      pairNullSd: whiteNoise.pair.nullSd,
      lagFractionOutsideTwoSd: whiteNoise.lags.fractionOutsideTwoSd,
    },
  };

  // 4. report
  const report = new Report(flags.out);
  report.text(
    [
      `Orientation **${orientation}**, n = ${n} balls, R = ${ensemble.runs} runs, seed ${seed}, λ = (n−1)/(2√π) = ${lambda.toFixed(4)}, PDE on ${nodes} nodes (${walls} walls).`,
      '',
      horizonSentence(horizon, { T, lambda, n, mcFreeze: mcFreeze.time }),
      '',
      `White noise at ${WHITE_NOISE_FRACTION}T: mean ${whiteNoise.pooled.mean.toExponential(2)}, variance ${whiteNoise.pooled.variance.toFixed(4)}, skewness ${whiteNoise.pooled.skewness.toFixed(4)}, excess kurtosis ${whiteNoise.pooled.excessKurtosis.toFixed(4)}; liquid core: skewness ${whiteNoise.core.skewness.toFixed(4)}, excess kurtosis ${whiteNoise.core.excessKurtosis.toFixed(4)}.`,
      `Adjacent pair (W(${whiteNoise.pair.ball}), W(${whiteNoise.pair.ball + 1})) across runs: correlation ${whiteNoise.pair.correlation.toFixed(4)} (null sd ${whiteNoise.pair.nullSd.toFixed(4)}); lag correlations outside ±2 null sd: ${(100 * whiteNoise.lags.fractionOutsideTwoSd).toFixed(1)}% (4.6% for white noise).`,
      '',
      '| t | t/T | max σ̂ (MC) | max σ (PDE) | sup \\|μ̂ − μ\\| (z ∈ [0.03, 0.97]) |',
      '|---|---|---|---|---|',
      ...mcSnapshots.map((s) => `| ${s.t.toExponential(4)} | ${(s.t / T).toFixed(3)} | ${s.maxSigma.toFixed(4)} | ${pde.saved.find((p) => p.t === s.t)?.state.maxSigma.toFixed(4) ?? '—'} | ${s.supAbsDiffMu === null ? '—' : s.supAbsDiffMu.toExponential(2)} |`),
      '',
    ].join('\n'),
  );
  for (const fig of await billiardsFigures(ensemble, pde, whiteNoise, fig5Times, T)) report.figure(fig.name, fig.svg, fig.caption);
  const summary = report.finish(`Pinned billiard balls — Section 3 (${orientation})`, result);
  process.stderr.write(`report written to ${summary}\n`);
  if (flags.json) printJsonLine(result);
  return ensemble.status === 'success' && pde.status === 'success' ? 0 : 1;
}
