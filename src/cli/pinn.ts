/**
 * `singularis reproduce pinn`: thesis Appendix B.4 — a Burgers self-similar profile trained to
 * high precision on the unbounded domain y = sinh z (exact or weak asymptotics) and compared with its
 * closed-form member, or the reduced Boussinesq profile (λ trained); checkpoints and a bit-identical
 * resume; figures, a summary and a JSON result. The experiment logic lives in
 * `models/pinn/experiments/`.
 *
 * @module
 */
import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { RunOptions } from '../core/run';
import { runBoussinesqExperiment } from '../models/pinn/experiments/boussinesq';
import { AUTHOR_CHECKPOINT_ITERATIONS, AUTHOR_LOSSES, runBurgersExperiment } from '../models/pinn/experiments/burgers';
import type { ProfileCheckpoint } from '../models/pinn/checkpoint';
import { BOUSSINESQ_RESUME_FIELDS, type BoussinesqCheckpoint } from '../models/pinn/boussinesqCheckpoint';
import { resolveBoussinesqProblem, type BoussinesqProblem } from '../models/pinn/trainBoussinesq';
import { readBoussinesqCheckpoint, readProfileCheckpoint, writeBoussinesqCheckpoint, writeProfileCheckpoint } from '../node/pinnCheckpoint';
import { defineExperiment, type ExperimentContext, type ExperimentOutcome } from './framework/experiment';
import type { FigureSpec } from './framework/figures';
import { flag, type FlagValues } from './framework/flags';
import { UsageError } from './framework/usageError';
import { lineChartSpec, type Rows } from './plot';
import { formatTable } from './table';

const bous = (f: Readonly<Record<string, unknown>>) => f.case === 'boussinesq';
const full = (f: Readonly<Record<string, unknown>>) => bous(f) && f.full === true;

const flags = {
  case: flag.choice(['burgers', 'boussinesq'] as const, { default: 'burgers', example: 'boussinesq', help: 'profile equation: burgers (thesis (B.4.4)) or boussinesq (the 2-D profile of thesis B.4, reduced networks unless --full)' }),
  full: flag.boolean({ default: false, help: 'boussinesq: the thesis configuration (six 2→30×6→1 SiLU networks, 28,627 parameters, L-BFGS instead of a 6.6 GB dense H)' }),
  lambda: flag.number({ min: 0, minExclusive: true, max: 10, default: (f) => (bous(f) ? 3 : 0.5), defaultText: '0.5 (boussinesq: 3, the initial λ)', example: '0.4', help: 'burgers: the fixed exponent λ of u = (1 − t)^λ U(y); boussinesq: the initial λ (trained)' }),
  asymptotics: flag.choice(['exact', 'weak'] as const, { default: 'exact', example: 'weak', help: 'burgers: far field by cutoff × law (exact, member C = 1) or a Neumann condition (weak, C = 7/6 for λ = ½)' }),
  batch: flag.integer({ min: 1, max: 1e6, default: (f) => (bous(f) ? (full(f) ? 5000 : 400) : 10000), defaultText: '10000 (boussinesq: 400, --full 5000)', quick: (f) => (bous(f) ? 100 : 200), quickText: '200 (boussinesq: 100)', example: '1000', help: 'collocation points per sample set (boussinesq: interior points, half on [0, 30]², half on [0, 5]²)' }),
  smoothness: flag.integer({ min: 0, max: 1e6, default: (f) => f.batch as number, defaultText: '--batch', example: '5000', help: 'boussinesq: smoothness points per sample set (half on [0, 3]², half on [0, 0.5]²); 0 drops the smoothness term' }),
  sides: flag.integer({ min: 1, max: 1e6, default: (f) => (full(f) ? 1000 : 50), defaultText: '50 (--full 1000)', quick: 20, example: '100', help: 'boussinesq: points on each boundary side per sample set (z2 = 0, z1 = z_max, z2 = z_max)' }),
  iterations: flag.integer({ min: 0, max: 1e7, default: (f) => (bous(f) ? (full(f) ? 40000 : 300) : 20000), defaultText: '20000 (boussinesq: 300 after Adam, --full 40000)', quick: (f) => (bous(f) ? 50 : 150), quickText: '150 (boussinesq: 50)', example: '2000', help: 'quasi-Newton iterations (SSBroyden1; boussinesq --full: L-BFGS), after the Adam epochs for boussinesq' }),
  resampleEvery: flag.integer({ min: 1, max: 1e7, default: (f) => (bous(f) && !full(f) ? 100 : 1000), defaultText: '1000 (boussinesq: 100, --full 1000)', quick: (f) => (bous(f) ? 25 : 50), quickText: '50 (boussinesq: 25)', example: '500', help: 'iterations between resampling the points and restarting the minimizer (H symmetrized, Cholesky-checked)' }),
  adamEpochs: flag.integer({ min: 0, max: 1e7, default: (f) => (full(f) ? 10000 : 300), defaultText: '300 (--full 10000)', quick: 50, example: '1000', help: 'boussinesq: Adam epochs before the quasi-Newton phase (resampling every epoch)' }),
  hidden: flag.numberList({ min: 1, max: 1000, default: (f) => (bous(f) ? (full(f) ? [30, 30, 30, 30, 30, 30] : [8, 8]) : [20, 20, 20]), defaultText: '20,20,20 (901 parameters; boussinesq: 8,8 per network, --full 30 ×6)', example: '20,20,20', help: 'hidden widths of the network (boussinesq: of each of the six networks)' }),
  seed: flag.integer({ min: 0, max: 2147483646, default: 0, example: '1', help: 'seed of the initialization and of the sampled points' }),
  checkpoint: flag.string({ what: 'a file path', default: '', example: 'run.ckpt.json', help: 'write a checkpoint (parameters, H, generator, counters, loss history) to this file, atomically, every --checkpoint-every iterations (boussinesq: every --checkpoint-every Adam epochs with the Adam moments, at the start of the quasi-Newton phase and every --checkpoint-every of its iterations)' }),
  checkpointEvery: flag.integer({ min: 1, max: 1e7, default: (f) => f.resampleEvery as number, defaultText: '--resample-every', example: '5000', help: 'checkpoint period in iterations, a multiple of --resample-every (checkpoints are taken at restarts); boussinesq: also the period in Adam epochs (Adam resamples every epoch, so any epoch boundary is a clean point)' }),
  resume: flag.string({ what: 'a file path', default: '', example: 'run.ckpt.json', help: 'continue from this checkpoint (same settings; --iterations may grow; boussinesq: from the Adam or the quasi-Newton phase); bit-identical to an uninterrupted run' }),
};

type Flags = FlagValues<typeof flags>;

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'ENOENT' ? 'the folder does not exist' : e.code === 'ENOTDIR' ? 'a parent is a file, not a folder' : e.code === 'EROFS' ? 'read-only file system' : (e.message ?? String(err));
}

/**
 * A checkpoint target must be a file (not a folder) that can be written atomically: the temporary
 * file the writer uses beside it is created and removed here, before any work.
 */
function checkWritableFile(path: string): void {
  const abs = resolve(path);
  if (existsSync(abs) && statSync(abs).isDirectory()) throw new UsageError(`--checkpoint ${JSON.stringify(path)} is a folder, not a file`);
  const probe = `${abs}.tmp`;
  try {
    closeSync(openSync(probe, 'wx'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new UsageError(`--checkpoint ${JSON.stringify(path)} cannot be written: cannot write in ${JSON.stringify(dirname(abs))} (${reason(err)})`);
    return; // a leftover temporary file of an interrupted write: it is replaced at the first checkpoint
  }
  rmSync(probe, { force: true });
}

/** Read and validate the `--resume` checkpoint and compare it with the flags; UsageError naming the flag otherwise. */
function readResume(f: Flags): ProfileCheckpoint {
  let c: ProfileCheckpoint;
  try {
    c = readProfileCheckpoint(f.resume);
  } catch (error) {
    throw new UsageError(`--resume ${f.resume} is not a usable singularis PINN checkpoint: ${(error as Error).message}`);
  }
  const p = c.problem;
  const pairs: [string, unknown, unknown][] = [
    ['--lambda', f.lambda, p.lambda], ['--asymptotics', f.asymptotics, p.asymptotics], ['--batch', f.batch, p.batch],
    ['--resample-every', f.resampleEvery, p.resampleEvery], ['--seed', f.seed, p.seed], ['--hidden', f.hidden.join(','), p.widths.slice(1, -1).join(',')],
  ];
  for (const [name, given, saved] of pairs) {
    if (given !== saved) throw new UsageError(`${name} must equal the checkpoint's value ${String(saved)} to resume from ${f.resume} (got ${String(given)})`);
  }
  if (p.zMax !== 30 || p.update !== 'ssbroyden1' || p.equation !== 'burgers') throw new UsageError(`--resume ${f.resume} was written by a run with settings this command does not offer (z_max ${p.zMax}, update ${p.update})`);
  if (c.iterations > f.iterations) throw new UsageError(`--iterations must be at least the checkpoint's ${c.iterations} iterations to resume from ${f.resume} (got ${f.iterations})`);
  return c;
}

function boussinesqProblem(f: Flags): BoussinesqProblem {
  return {
    full: f.full, hidden: f.hidden, interior: f.batch, smoothness: f.smoothness, sides: f.sides, adamEpochs: f.adamEpochs, quasiNewtonIterations: f.iterations, resampleEvery: f.resampleEvery,
    lambda0: f.lambda, seed: f.seed, checkpointEvery: f.checkpoint === '' ? 0 : f.checkpointEvery,
  };
}

/** Read and validate a Boussinesq `--resume` checkpoint and compare it with the flags. */
function readBoussinesqResume(f: Flags): BoussinesqCheckpoint {
  let c: BoussinesqCheckpoint;
  try {
    c = readBoussinesqCheckpoint(f.resume);
  } catch (error) {
    throw new UsageError(`--resume ${f.resume} is not a usable singularis Boussinesq checkpoint: ${(error as Error).message}`);
  }
  const p = resolveBoussinesqProblem({ ...boussinesqProblem(f), checkpointEvery: 0 });
  const names: Record<string, string> = { hidden: '--hidden', interior: '--batch', smoothness: '--smoothness', sides: '--sides', adamEpochs: '--adam-epochs', resampleEvery: '--resample-every', method: '--full', lambda0: '--lambda', seed: '--seed' };
  for (const field of BOUSSINESQ_RESUME_FIELDS) {
    const given = JSON.stringify(p[field]);
    const saved = JSON.stringify((c.problem as unknown as Record<string, unknown>)[field]);
    if (given === saved) continue;
    const name = names[field];
    if (name === undefined) throw new UsageError(`--resume ${f.resume} was written with ${field} = ${saved}, which this command does not offer (it uses ${given})`);
    throw new UsageError(`${name} must match the checkpoint (${field} = ${saved}) to resume from ${f.resume} (got ${given})`);
  }
  if (c.iterations > f.iterations) throw new UsageError(`--iterations must be at least the checkpoint's ${c.iterations} iterations to resume from ${f.resume} (got ${f.iterations})`);
  return c;
}

function check(f: Flags): void {
  const bad = f.hidden.find((w) => !Number.isInteger(w));
  if (bad !== undefined) throw new UsageError(`--hidden must be comma-separated integers in [1, 1000] (got "${bad}")`);
  if (f.hidden.length === 0) throw new UsageError('--hidden needs at least one hidden width');
  if (bous(f) && f.asymptotics === 'weak') throw new UsageError('--asymptotics applies to --case burgers only (the Boussinesq far field is a Neumann condition)');
  if (!bous(f) && f.full) throw new UsageError('--full applies to --case boussinesq only');
  if (f.checkpoint !== '') {
    checkWritableFile(f.checkpoint);
    if (f.checkpointEvery % f.resampleEvery !== 0) throw new UsageError(`--checkpoint-every must be a multiple of --resample-every ${f.resampleEvery} (got ${f.checkpointEvery})`);
  }
  if (f.resume !== '') {
    if (bous(f)) readBoussinesqResume(f);
    else readResume(f);
  }
}

function parameterCount(widths: number[]): number {
  let n = 0;
  for (let l = 0; l + 1 < widths.length; l++) n += (widths[l] + 1) * widths[l + 1];
  return n;
}

/** Run options for the trainer: the context's signal, a progress line with the iteration and loss, checks every iteration. */
function trainerOptions(ctx: ExperimentContext<Flags>): RunOptions {
  const base = ctx.runOptions('training', 0, 1);
  return {
    ...base, progressEvery: 1,
    onProgress: (info) => ctx.progress(`training: iteration ${info.step}, loss ${Number(info.loss).toExponential(2)}`, Number.isFinite(info.fraction) ? info.fraction : 0),
  };
}

async function runBurgers(ctx: ExperimentContext<Flags>): Promise<ExperimentOutcome> {
  const f = ctx.flags;
  const resume = f.resume === '' ? undefined : readResume(f);
  let lastCheckpoint: number | null = null;
  const out = await runBurgersExperiment({
    lambda: f.lambda, asymptotics: f.asymptotics, batch: f.batch, iterations: f.iterations, resampleEvery: f.resampleEvery, seed: f.seed, hidden: f.hidden,
    checkpointEvery: f.checkpoint === '' ? 0 : f.checkpointEvery, resume,
    onCheckpoint: f.checkpoint === '' ? undefined : (c) => {
      writeProfileCheckpoint(f.checkpoint, c);
      lastCheckpoint = c.iterations;
    },
  }, trainerOptions(ctx));
  const { summary, run } = out;
  const result = { ...summary, checkpointFile: f.checkpoint === '' ? null : resolve(f.checkpoint), lastCheckpointIteration: lastCheckpoint };
  const fmt = (v: unknown) => (typeof v === 'number' ? v.toPrecision(6) : String(v));
  const table = formatTable(['quantity', 'value'], [
    ['status', `${run.status}: ${run.message}`], ['iterations', fmt(summary.iterations)], ['final loss', fmt(summary.loss)],
    ['member C', fmt(summary.member)], ['max |U − U_C| on [0, 100]', fmt(summary.maxAbsErr)], ['U(1), U(10), U(100)', `${fmt(summary.U1)}, ${fmt(summary.U10)}, ${fmt(summary.U100)}`],
    ['seconds per iteration', fmt(summary.secondsPerIteration)], ['evaluations, restarts, Cholesky resets', `${run.stats.nfev}, ${run.stats.restarts}, ${run.stats.choleskyResets}`],
  ]);
  ctx.log(table);
  const member = Number(summary.member).toPrecision(4);
  const title = `Burgers λ = ${f.lambda}, ${f.asymptotics} asymptotics`;
  const hasAuthors = AUTHOR_LOSSES[`${f.asymptotics} ${f.lambda}`] !== undefined;
  const figures: FigureSpec[] = [
    {
      name: 'loss',
      spec: lineChartSpec(out.lossRows, { x: 'iteration', y: 'loss', series: 'series', seriesTitle: 'run', logX: true, logY: true, points: true, title: `${title}: training loss`, xTitle: 'quasi-Newton iteration k', yTitle: 'loss 0.1(L_i + L_s) + L_b (eq. B.4.1)' }),
      caption: `Training loss of this run (batch ${f.batch}, resampling every ${f.resampleEvery} iterations, seed ${f.seed}) on log axes${hasAuthors ? `, beside the losses published by the reference notebooks (batch 10,000) at iterations ${AUTHOR_CHECKPOINT_ITERATIONS.join(', ')}` : ' (the reference notebooks publish no losses for this λ)'} (thesis Appendix B.4).`,
    },
    {
      name: 'profile',
      spec: lineChartSpec(out.profileRows, { x: 'y', y: 'minusU', series: 'series', seriesTitle: 'profile', logX: true, logY: true, title: `${title}: learned profile against the closed form`, xTitle: 'self-similar variable y = sinh z', yTitle: '−U(y)' }),
      caption: `Learned −U(y) against the closed-form member y + U + C·sign(U)|U|^{1+1/λ} = 0 with C = ${member} (thesis (B.4.5)) for y from 10⁻³ to sinh 30 ≈ 5.3·10¹², log axes.`,
    },
    {
      name: 'error',
      spec: lineChartSpec(out.errorRows, { x: 'y', y: 'error', series: 'series', seriesTitle: 'error', logX: true, logY: true, title: `${title}: pointwise error`, xTitle: 'self-similar variable y = sinh z', yTitle: 'error of the learned U' }),
      caption: `Absolute and relative pointwise error of the learned profile against its closed-form member (C = ${member}) over y ∈ [10⁻³, 5.3·10¹²]; max |U − U_C| on [0, 100] = ${fmt(summary.maxAbsErr)}.`,
    },
  ];
  const p = run.final.params;
  const files = [{
    name: 'parameters.json',
    content: JSON.stringify({ format: 'singularis/pinn-parameters', problem: { ...out.problem, onCheckpoint: undefined, resume: undefined }, widths: out.problem.widths, iterations: run.stats.nsteps, loss: run.final.loss, params: Array.from(p) }),
    description: `the trained network parameters (${p.length}, MLP widths [${(out.problem.widths ?? []).join(', ')}], tanh) at iteration ${run.stats.nsteps}`,
  }];
  const summaryText = `Burgers self-similar profile, λ = ${f.lambda}, ${f.asymptotics} asymptotics, batch ${f.batch}, ${f.iterations} SSBroyden1 iterations resampling every ${f.resampleEvery}${resume ? `, resumed from ${f.resume} at iteration ${resume.iterations}` : ''}.\n\n\`\`\`\n${table}\n\`\`\`\n${f.checkpoint === '' ? '' : `\nCheckpoint file: \`${resolve(f.checkpoint)}\` (last written at iteration ${lastCheckpoint ?? 'none'}); continue with \`--resume\`.\n`}`;
  const status = run.status;
  return {
    status, message: status === 'success' ? '' : `training ended with status ${status}: ${run.message}`, result, summary: summaryText, figures,
    completed: status === 'success' ? ['training'] : [], files,
  };
}

async function runBoussinesq(ctx: ExperimentContext<Flags>): Promise<ExperimentOutcome> {
  const f = ctx.flags;
  const sides = f.sides;
  const resume = f.resume === '' ? undefined : readBoussinesqResume(f);
  let lastCheckpoint: BoussinesqCheckpoint | null = null;
  const out = runBoussinesqExperiment({
    ...boussinesqProblem(f), resume,
    onCheckpoint: f.checkpoint === '' ? undefined : (c) => {
      writeBoussinesqCheckpoint(f.checkpoint, c);
      lastCheckpoint = c;
    },
  }, trainerOptions(ctx));
  const last = lastCheckpoint as BoussinesqCheckpoint | null;
  /** Where a checkpoint was taken, in words. */
  const at = (c: BoussinesqCheckpoint) => (c.phase === 'adam' ? `Adam epoch ${c.epochs}` : `quasi-Newton iteration ${c.iterations}`);
  const { run } = out;
  const h = run.history;
  const lambdaRows: Rows = [];
  const step = Math.max(1, Math.floor(h.lambda.length / 400));
  for (let k = 0; k < h.lambda.length; k += step) lambdaRows.push({ iteration: k + 1, lambda: h.lambda[k], series: h.phase[k] === 0 ? 'Adam' : 'quasi-Newton' });
  const result = {
    ...out.summary, asymptotics: null, maxAbsErr: null, U1: null, U10: null, U100: null, lambda0: f.lambda, batch: f.batch, sides, lossParts: run.final.parts,
    resumedFrom: resume?.iterations ?? null, resumedFromPhase: resume?.phase ?? null, resumedFromEpoch: resume?.epochs ?? null,
    checkpointFile: f.checkpoint === '' ? null : resolve(f.checkpoint), lastCheckpointIteration: last?.iterations ?? null, lastCheckpointPhase: last?.phase ?? null, lastCheckpointEpoch: last?.epochs ?? null,
  };
  const table = formatTable(['quantity', 'value'], [
    ['status', `${run.status}: ${run.message}`], ['parameters (with λ)', String(run.stats.parameters)], ['Adam epochs, quasi-Newton iterations', `${run.stats.adamEpochs}, ${run.stats.nsteps - run.stats.adamEpochs}`],
    ['final loss', run.final.loss.toExponential(4)], ['λ', run.final.lambda.toPrecision(8)],
  ]);
  ctx.log(table);
  const figures: FigureSpec[] = h.loss.length === 0 ? [] : [
    {
      name: 'loss',
      spec: lineChartSpec(out.rows, { x: 'iteration', y: 'value', series: 'series', seriesTitle: 'phase', logY: true, title: 'Boussinesq profile: training loss', xTitle: 'Adam epoch, then quasi-Newton iteration', yTitle: 'loss 0.1(L_i + L_s) + L_b (eq. B.4.1)' }),
      caption: `Training loss, ${run.stats.adamEpochs} Adam epochs then quasi-Newton iterations, ${run.stats.parameters} parameters (thesis B.4; the reference run at 28,627 parameters: 30.3 at the start of Adam, 4.2e-5 after 10,000 epochs, 4.87e-11 after 40,000 SSBroyden1 iterations).`,
    },
    {
      name: 'lambda',
      spec: lineChartSpec(lambdaRows, { x: 'iteration', y: 'lambda', series: 'series', seriesTitle: 'phase', title: 'Boussinesq profile: the trained scaling λ', xTitle: 'Adam epoch, then quasi-Newton iteration', yTitle: 'λ' }),
      caption: `The scaling exponent λ, trained with the networks from λ₀ = ${f.lambda} (the reference run: 1.3007 after Adam, 1.92068 after SSBroyden1).`,
    },
  ];
  const files = [{ name: 'parameters.json', content: JSON.stringify({ format: 'singularis/pinn-boussinesq-parameters', hidden: f.hidden, lambda: run.final.lambda, loss: run.final.loss, theta: Array.from(run.final.theta) }), description: `θ: the parameters of the six networks (Ω1, Ω2, U1, U2, Φ, Ψ; widths [2, ${f.hidden.join(', ')}, 1], SiLU) and λ last` }];
  return {
    status: run.status, message: run.status === 'success' ? '' : `training ended with status ${run.status}: ${run.message}`, result,
    summary: `Boussinesq profile (thesis B.4), hidden widths [${f.hidden.join(', ')}] per network, ${f.batch} interior and ${sides} points per side, ${f.adamEpochs} Adam epochs then ${f.iterations} quasi-Newton iterations resampling every ${f.resampleEvery}${resume ? `, resumed from ${f.resume} at ${at(resume)}` : ''}.\n\n\`\`\`\n${table}\n\`\`\`\n${f.checkpoint === '' ? '' : `\nCheckpoint file: \`${resolve(f.checkpoint)}\` (last written at ${last === null ? 'none' : at(last)}); continue with \`--resume\`.\n`}`,
    figures, completed: run.status === 'success' ? ['training'] : [], files,
  };
}

/**
 * The pinn experiment declaration (thesis Appendix B.4).
 * @example
 * ```ts
 * // singularis reproduce pinn --batch 1000 --iterations 2000 --checkpoint run.ckpt.json
 * ```
 */
export const pinnExperiment = defineExperiment({
  name: 'pinn',
  title: 'High-precision PINNs on unbounded domains (thesis Appendix B.4)',
  description: 'burgers: the self-similar profile trained by SSBroyden1 with resampling on y = sinh z, its loss beside the reference\nnotebooks\' losses, and the learned profile against its closed-form member; boussinesq: the 2-D profile with λ trained.',
  flags,
  quickNote: 'burgers, exact asymptotics, batch 200, 150 iterations resampling every 50 (seconds); boussinesq: 100 points, 50 + 50 iterations',
  examples: ['--batch 1000 --iterations 2000', '--asymptotics weak --lambda 0.4', '--checkpoint run.ckpt.json', '--resume run.ckpt.json --iterations 40000', '--case boussinesq'],
  check,
  estimate: (f) => (bous(f)
    ? (f.batch + 3 * f.sides + 3 * f.smoothness) * (f.adamEpochs + 2 * f.iterations) * 6 * parameterCount([2, ...f.hidden, 1])
    : f.batch * Math.max(1, f.iterations) * parameterCount([1, ...f.hidden, 1]) * 2),
  run: (ctx) => (bous(ctx.flags) ? runBoussinesq(ctx) : runBurgers(ctx)),
});
