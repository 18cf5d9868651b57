/**
 * Training the 2-D Boussinesq profile (thesis Appendix B.4): Adam with resampling every epoch (lr 1e-3 for
 * the networks; for λ betas (0.9, 0.9) and lr 0.01 — the reference run's first λ step is exactly 0.0100,
 * Adam's first step being its learning rate; the thesis text says 0.1 — and ×0.9 at half the epochs), then
 * SSBroyden1 (dense, with resampling restarts) or, for sizes where the dense H does not fit, L-BFGS
 * restarted at each resampling, with checkpoints every `checkpointEvery` Adam epochs and at the restarts of
 * the quasi-Newton phase, and a bit-identical resume from either.
 * Loss (B.4.1): 0.1·interior residuals + 0.1·smoothness ({@link BoussinesqSmoothness}, mean over points
 * and the six residuals of |∇_z R_e|² on points half in [0, 3]², half in [0, 0.5]²) + boundary mean of
 * {@link BoussinesqLoss} (interior: mean over points and the six residuals). Defaults are a reduced size
 * (six [2, 8, 8, 1] networks) that runs in minutes but ends at a non-physical λ (see docs/pinn.md); `full: true` selects the thesis configuration (6 × 4,771 + 1
 * parameters, 5000 interior and 1000 points per side, 10,000 Adam epochs, 40,000 quasi-Newton iterations,
 * which needs L-BFGS: a dense H would take 6.6 GB).
 *
 * @module
 */
import { checkFunction, checkInteger, checkNonNegative, checkOneOf, checkPositive } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { RunWatch } from '../../core/progress';
import { checkRunOptions, emptyRunStats, type RunOptions, type RunResult } from '../../core/run';
import type { SolveStatus } from '../../core/status';
import { initializeMlpFanIn } from '../../nn/fanInInit';
import { Mlp } from '../../nn/mlp';
import { AdamMinimizer, type AdamState } from '../../optim/adam';
import { LbfgsMinimizer } from '../../optim/lbfgs';
import { RestartingQuasiNewton } from '../../optim/restartLoop';
import { maxAbs } from '../../optim/types';
import { sampleBoxMixture, sampleBoxSide } from '../../random/boxSamplers';
import { Rng } from '../../random/rng';
import { BOUSSINESQ_CHECKPOINT_FORMAT, BOUSSINESQ_CHECKPOINT_VERSION, BOUSSINESQ_RESUME_FIELDS, validateBoussinesqCheckpoint, type BoussinesqCheckpoint, type BoussinesqLossParts, type BoussinesqWeights, type ResolvedBoussinesqProblem } from './boussinesqCheckpoint';
import { BoussinesqLoss } from './boussinesqLoss';
import { BoussinesqSmoothness } from './boussinesqSmoothness';

/**
 * The Boussinesq training problem (defaults: reduced size; `full: true` for the thesis sizes).
 * @example
 * ```ts
 * const problem: BoussinesqProblem = { hidden: [8, 8], adamEpochs: 200, quasiNewtonIterations: 200 };
 * ```
 */
export interface BoussinesqProblem {
  /** Thesis configuration (width 30, 7 linear maps, 5000 interior, 1000 per side, 10,000 + 40,000 iterations, L-BFGS). */
  full?: boolean;
  /** Hidden widths of each of the six networks (default [8, 8]; full: six layers of 30). */
  hidden?: readonly number[];
  /** Interior points per sample set (default 400; full 5000), half on [0, z_max]², half on [0, 5]². */
  interior?: number;
  /** Points per boundary side (default 50; full 1000). */
  sides?: number;
  /** Smoothness points per sample set, half on [0, 3]², half on [0, 0.5]² (default: as many as interior points; 0 = no smoothness term). */
  smoothness?: number;
  /** z_max (default 30). */
  zMax?: number;
  /** Adam epochs (default 300; full 10,000). */
  adamEpochs?: number;
  /** Quasi-Newton iterations after Adam (default 300; full 40,000). */
  quasiNewtonIterations?: number;
  /** Resampling period of the quasi-Newton phase (default 100; full 1000). */
  resampleEvery?: number;
  /** Quasi-Newton method (default 'ssbroyden1'; full 'lbfgs'). */
  method?: 'ssbroyden1' | 'lbfgs';
  /** Initial λ (default 3). */
  lambda0?: number;
  /** Seed (default 0). */
  seed?: number;
  /** Adam learning rate of λ (default 0.01, the reference run; the thesis text says 0.1). */
  lambdaLr?: number;
  /** Loss weights of the interior, smoothness and boundary means (default 0.1, 0.1 and 1, thesis (B.4.1)). */
  weights?: Partial<BoussinesqWeights>;
  /**
   * Emit a checkpoint every this many Adam epochs (any epoch boundary is a clean point: Adam resamples
   * every epoch), at the start of the quasi-Newton phase and every this many of its iterations (a multiple
   * of resampleEvery: that phase is checkpointed at its restarts); default 0 = never.
   */
  checkpointEvery?: number;
  /** Receives each checkpoint (write it with `writeBoussinesqCheckpoint` of `singularis/node`). */
  onCheckpoint?: (checkpoint: BoussinesqCheckpoint) => void;
  /** Continue from a checkpoint (of either phase) of the same settings (the quasi-Newton budget may grow); bit-identical to the uninterrupted run. */
  resume?: BoussinesqCheckpoint;
}

/** Final state of a Boussinesq run. */
export interface BoussinesqFinal {
  /** θ = parameters of the six networks, then λ. */
  theta: Float64Array;
  /** λ. */
  lambda: number;
  /** Loss on the last sample set. */
  loss: number;
  /** Unweighted interior mean (the reference's "pde loss"), smoothness mean and boundary mean at the last evaluation (each a mean over points and residuals or conditions). */
  parts: BoussinesqLossParts;
}

/** Loss and λ per iteration (Adam epochs first, then quasi-Newton iterations). */
export interface BoussinesqHistory {
  /** Loss. */
  loss: number[];
  /** λ. */
  lambda: number[];
  /** 0 for Adam, 1 for the quasi-Newton phase. */
  phase: number[];
}

/** Result of {@link trainBoussinesqProfile}. */
export type BoussinesqRunResult = RunResult<BoussinesqFinal, BoussinesqFinal, BoussinesqStats, BoussinesqHistory>;

/** Extra counters of {@link BoussinesqRunResult}. */
export interface BoussinesqStats {
  /** Adam epochs run before the quasi-Newton phase. */
  adamEpochs: number;
  /** Trainable parameters (network weights and λ). */
  parameters: number;
}

/**
 * Train the Boussinesq profile with λ (see the module documentation). Cost per iteration
 * O((interior + 3·sides)·parameters), plus O(parameters²) for SSBroyden1.
 * @example
 * ```ts
 * const r = trainBoussinesqProfile({ adamEpochs: 100, quasiNewtonIterations: 100 });
 * r.final.lambda;
 * ```
 */
export function trainBoussinesqProfile(problem: BoussinesqProblem = {}, runOptions: RunOptions = {}): BoussinesqRunResult {
  if (problem === null || typeof problem !== 'object' || Array.isArray(problem) || ArrayBuffer.isView(problem)) throw new InvalidTypeError('problem', 'a BoussinesqProblem object', problem);
  checkRunOptions(runOptions);
  if (Array.isArray(runOptions) || ArrayBuffer.isView(runOptions)) throw new InvalidTypeError('runOptions', 'a RunOptions object', runOptions);
  const p = resolveBoussinesqProblem(problem);
  const resume = problem.resume === undefined ? undefined : validateBoussinesqCheckpoint(problem.resume);
  if (resume !== undefined) checkResumable(p, resume);
  const onCheckpoint = problem.onCheckpoint;
  if (onCheckpoint !== undefined) checkFunction('problem.onCheckpoint', onCheckpoint);
  const { zMax, interior, sides, adamEpochs, method, resampleEvery } = p;
  const qnIterations = p.quasiNewtonIterations;
  let rng = new Rng(p.seed);
  const nets = Array.from({ length: 6 }, () => initializeMlpFanIn(new Mlp([2, ...p.hidden, 1], 'silu'), rng));
  const loss = new BoussinesqLoss(nets, p.weights);
  const smooth = p.smoothness > 0 && p.weights.smoothness > 0 ? new BoussinesqSmoothness(nets, p.weights.smoothness) : undefined;
  const sBox = Math.min(3, zMax);
  const theta = new Float64Array(loss.size);
  let o = 0;
  for (const net of nets) {
    theta.set(net.params, o);
    o += net.params.length;
  }
  theta[loss.size - 1] = p.lambda0;
  const box = { lo: [0, 0], hi: [zMax, zMax] };
  const resample = () => {
    const pts = sampleBoxMixture(rng, [box, { lo: [0, 0], hi: [Math.min(5, zMax), Math.min(5, zMax)] }], [1, 1], interior);
    const bottom = sampleBoxSide(rng, box, 1, 'lo', sides);
    const far = new Float64Array(4 * sides);
    far.set(sampleBoxSide(rng, box, 0, 'hi', sides));
    far.set(sampleBoxSide(rng, box, 1, 'hi', sides), 2 * sides);
    loss.setPoints(pts, bottom, far);
    if (smooth !== undefined) smooth.setPoints(sampleBoxMixture(rng, [{ lo: [0, 0], hi: [sBox, sBox] }, { lo: [0, 0], hi: [sBox / 6, sBox / 6] }], [1, 1], p.smoothness));
  };
  const fg = (x: Float64Array, g: Float64Array) => {
    const f0 = loss.evaluate(x, g);
    return smooth === undefined || !Number.isFinite(f0) ? f0 : f0 + smooth.evaluate(x, g);
  };
  const history: BoussinesqHistory = resume === undefined ? { loss: [], lambda: [], phase: [] } : { loss: resume.history.loss.slice(), lambda: resume.history.lambda.slice(), phase: resume.history.phase.slice() };
  const watch = new RunWatch(runOptions);
  const total = adamEpochs + qnIterations;
  let status: SolveStatus = 'success';
  let message = `ran ${adamEpochs} Adam epochs and ${qnIterations} ${method} iterations`;
  let adamNfev = resume?.adamNfev ?? 0;
  const x = resume === undefined ? Float64Array.from(theta) : Float64Array.from(resume.theta);
  let f = Number.NaN;
  const qnResume = resume?.phase === 'quasiNewton' ? resume : undefined;
  const every = p.checkpointEvery;
  const { checkpointEvery, ...settings } = p;
  void checkpointEvery;
  let rngAtCycle: number[] = [];
  let epochs = resume?.epochs ?? 0;
  /** Emit a checkpoint of the quasi-Newton phase, or of the Adam phase when `adam` is given (with x = adam.x). */
  const emit = (cycle: number, iterations: number, nfev: number, counters: BoussinesqCheckpoint['counters'], choleskyResets: number, inverseHessian: ArrayLike<number>, adam?: AdamState) => {
    if (onCheckpoint === undefined) return;
    onCheckpoint({
      format: BOUSSINESQ_CHECKPOINT_FORMAT, version: BOUSSINESQ_CHECKPOINT_VERSION, problem: { ...settings, hidden: settings.hidden.slice(), weights: { ...settings.weights } },
      phase: adam === undefined ? 'quasiNewton' : 'adam', epochs,
      adam: adam === undefined ? null : { g: Array.from(adam.g), f: adam.f, m: Array.from(adam.m), v: Array.from(adam.v), iterations: adam.iterations, nfev: adam.nfev },
      cycle, iterations, adamNfev: adam?.nfev ?? adamNfev, nfev, counters: { ...counters }, choleskyResets, rng: rngAtCycle.slice(), theta: Array.from(x), inverseHessian: Array.from(inverseHessian),
      history: { loss: history.loss.slice(), lambda: history.lambda.slice(), phase: history.phase.slice() },
    });
  };
  if (qnResume === undefined) {
    // a fresh run draws the first points for Adam's initial gradient; a resumed one restores the generator and Adam's state
    if (resume === undefined) resample();
    else rng = Rng.fromState(resume.rng);
    const saved = resume?.adam ?? undefined;
    const adam = new AdamMinimizer(fg, theta, {
      lr: 1e-3, groups: [{ start: loss.size - 1, end: loss.size, lr: p.lambdaLr, betas: [0.9, 0.9] }],
      schedule: { stepSize: Math.max(1, Math.ceil(adamEpochs / 2)), gamma: 0.9 },
      resume: saved === undefined ? undefined : { x: Float64Array.from(x), g: Float64Array.from(saved.g), f: saved.f, m: Float64Array.from(saved.m), v: Float64Array.from(saved.v), iterations: saved.iterations, nfev: saved.nfev },
    });
    f = adam.f;
    for (let k = epochs; k < adamEpochs; k++) {
      resample();
      const r = adam.step();
      if (r.status !== undefined || !Number.isFinite(adam.f)) {
        status = r.status ?? 'nonFinite';
        message = `Adam stopped at epoch ${k}: ${r.message ?? 'non-finite loss'}`;
        break;
      }
      x.set(adam.x);
      f = adam.f;
      history.loss.push(f);
      history.lambda.push(x[loss.size - 1]);
      history.phase.push(0);
      epochs = k + 1;
      // between epochs the whole state is θ, Adam's state and the generator (the next points are not drawn yet)
      if (every > 0 && epochs % every === 0 && epochs < adamEpochs) {
        rngAtCycle = Array.from(rng.state());
        emit(0, 0, 0, { skipped: 0, fallbacks: 0, guarded: 0, resets: 0 }, 0, [], adam.state());
      }
      if (watch.tick(k + 1, (k + 1) / Math.max(1, total), undefined, () => ({ loss: f, lambda: x[loss.size - 1] }))) {
        status = 'aborted';
        message = `aborted by the signal at Adam epoch ${k + 1}`;
        break;
      }
    }
    adamNfev = adam.nfev;
  } else {
    rng = Rng.fromState(qnResume.rng);
  }
  let qnNfev = qnResume?.nfev ?? 0;
  rngAtCycle = Array.from(rng.state());
  const objectiveFor = () => {
    rngAtCycle = Array.from(rng.state());
    resample();
    return fg;
  };
  const qnTick = (done: number, gradNorm: () => number) => watch.tick(adamEpochs + done, (adamEpochs + done) / Math.max(1, total), undefined, () => ({ loss: f, gradNorm: gradNorm(), lambda: x[loss.size - 1] }));
  if (status === 'success' && qnIterations > (qnResume?.iterations ?? 0)) {
    if (method === 'ssbroyden1') {
      const loop = qnResume === undefined
        ? new RestartingQuasiNewton(objectiveFor, x, { restartEvery: resampleEvery })
        : new RestartingQuasiNewton(objectiveFor, x, { restartEvery: resampleEvery }, {
          cycle: qnResume.cycle, x: Float64Array.from(qnResume.theta), inverseHessian: Float64Array.from(qnResume.inverseHessian), iterations: qnResume.iterations, nfev: qnResume.nfev, counters: { ...qnResume.counters },
        });
      const m = loop.minimizer;
      loop.choleskyResets = qnResume?.choleskyResets ?? 0;
      f = m.f;
      if (!Number.isFinite(f)) {
        status = 'nonFinite';
        message = 'the loss is not finite at the start of the quasi-Newton phase';
      } else if (qnResume === undefined && every > 0) {
        emit(0, 0, m.nfev, m.counters, 0, m.inverseHessian);
      }
      while (status === 'success' && m.iterations < qnIterations) {
        if (loop.restartIfDue()) {
          if (!Number.isFinite(m.f)) { status = 'nonFinite'; message = `the loss on the resampled points of cycle ${loop.cycle} is not finite`; break; }
          if (every > 0 && m.iterations % every === 0) emit(loop.cycle, m.iterations, m.nfev, m.counters, loop.choleskyResets, m.inverseHessian);
        }
        const r = m.step();
        if (r.status !== undefined) { status = r.status; message = `SSBroyden1 stopped at iteration ${m.iterations}: ${r.message}`; break; }
        x.set(m.x);
        f = m.f;
        history.loss.push(f); history.lambda.push(x[loss.size - 1]); history.phase.push(1);
        if (qnTick(m.iterations, () => maxAbs(m.g))) { status = 'aborted'; message = `aborted by the signal at quasi-Newton iteration ${m.iterations}`; break; }
      }
      qnNfev = m.nfev;
    } else {
      let done = qnResume?.iterations ?? 0;
      let cycle = qnResume?.cycle ?? 0;
      const zero = { skipped: 0, fallbacks: 0, guarded: 0, resets: 0 };
      while (done < qnIterations && status === 'success') {
        if (every > 0 && done % every === 0 && done !== qnResume?.iterations) {
          rngAtCycle = Array.from(rng.state());
          emit(cycle, done, qnNfev, zero, 0, []);
        }
        const m = new LbfgsMinimizer(objectiveFor(), x, { memory: 50 });
        cycle++;
        f = m.f;
        if (!Number.isFinite(f)) { status = 'nonFinite'; message = `the loss on the resampled points of cycle ${cycle} is not finite`; break; }
        for (let c = 0; c < resampleEvery && done < qnIterations; c++) {
          const r = m.step();
          if (r.status !== undefined) { status = r.status; message = `L-BFGS stopped at iteration ${done}: ${r.message}`; break; }
          done++;
          x.set(m.x);
          f = m.f;
          history.loss.push(f); history.lambda.push(x[loss.size - 1]); history.phase.push(1);
          if (qnTick(done, () => maxAbs(m.g))) { status = 'aborted'; message = `aborted by the signal at quasi-Newton iteration ${done}`; break; }
        }
        qnNfev += m.nfev;
      }
    }
  }
  if (Number.isFinite(f)) fg(x, new Float64Array(loss.size)); // components at the final iterate (on the last sample set)
  const final = { theta: Float64Array.from(x), lambda: x[loss.size - 1], loss: f, parts: { ...loss.parts, smoothness: smooth?.value ?? 0 } };
  const n = history.loss.length;
  const adamDone = history.phase.reduce((a, v) => a + (v === 0 ? 1 : 0), 0);
  return {
    status, message, final, saved: [], history,
    stats: { ...emptyRunStats(), nsteps: n, naccept: n, nfev: adamNfev + qnNfev, adamEpochs: adamDone, parameters: loss.size },
  };
}

/**
 * Validate a {@link BoussinesqProblem} and fill in the defaults (reduced size; `full: true` for the
 * thesis sizes); throws `InvalidArgumentError`/`InvalidTypeError` naming the field. O(1).
 * @example
 * ```ts
 * resolveBoussinesqProblem({ full: true }).hidden; // [30, 30, 30, 30, 30, 30]
 * ```
 */
export function resolveBoussinesqProblem(problem: BoussinesqProblem): ResolvedBoussinesqProblem {
  if (problem === null || typeof problem !== 'object' || Array.isArray(problem) || ArrayBuffer.isView(problem)) throw new InvalidTypeError('problem', 'a BoussinesqProblem object', problem);
  if (problem.full !== undefined && typeof problem.full !== 'boolean') throw new InvalidTypeError('problem.full', 'a boolean', problem.full);
  const full = problem.full === true;
  const hidden = problem.hidden ?? (full ? [30, 30, 30, 30, 30, 30] : [8, 8]);
  if (!Array.isArray(hidden) || hidden.length === 0) throw new InvalidTypeError('problem.hidden', 'a non-empty array of widths', hidden);
  hidden.forEach((w, l) => checkInteger(`problem.hidden[${l}]`, w, 1));
  const resampleEvery = checkInteger('problem.resampleEvery', problem.resampleEvery ?? (full ? 1000 : 100), 1);
  const checkpointEvery = checkInteger('problem.checkpointEvery', problem.checkpointEvery ?? 0, 0);
  if (checkpointEvery % resampleEvery !== 0) throw new InvalidArgumentError('problem.checkpointEvery', `a multiple of problem.resampleEvery = ${resampleEvery} (quasi-Newton checkpoints are taken at its restarts)`, checkpointEvery);
  const w = problem.weights ?? {};
  if (w === null || typeof w !== 'object') throw new InvalidTypeError('problem.weights', 'an object', w);
  return {
    hidden: hidden.slice(),
    interior: checkInteger('problem.interior', problem.interior ?? (full ? 5000 : 400), 1),
    smoothness: checkInteger('problem.smoothness', problem.smoothness ?? problem.interior ?? (full ? 5000 : 400), 0),
    sides: checkInteger('problem.sides', problem.sides ?? (full ? 1000 : 50), 1),
    zMax: checkPositive('problem.zMax', problem.zMax ?? 30),
    adamEpochs: checkInteger('problem.adamEpochs', problem.adamEpochs ?? (full ? 10000 : 300), 0),
    quasiNewtonIterations: checkInteger('problem.quasiNewtonIterations', problem.quasiNewtonIterations ?? (full ? 40000 : 300), 0),
    resampleEvery,
    method: checkOneOf('problem.method', problem.method ?? (full ? 'lbfgs' : 'ssbroyden1'), ['ssbroyden1', 'lbfgs'] as const),
    lambda0: checkPositive('problem.lambda0', problem.lambda0 ?? 3),
    lambdaLr: checkPositive('problem.lambdaLr', problem.lambdaLr ?? 0.01),
    seed: checkInteger('problem.seed', problem.seed ?? 0, 0),
    weights: { interior: checkNonNegative('problem.weights.interior', w.interior ?? 0.1), smoothness: checkNonNegative('problem.weights.smoothness', w.smoothness ?? 0.1), boundary: checkNonNegative('problem.weights.boundary', w.boundary ?? 1) },
    checkpointEvery,
  };
}

function checkResumable(p: ResolvedBoussinesqProblem, c: BoussinesqCheckpoint): void {
  for (const field of BOUSSINESQ_RESUME_FIELDS) {
    const a = JSON.stringify(p[field]);
    const b = JSON.stringify((c.problem as unknown as Record<string, unknown>)[field]);
    if (a !== b) throw new InvalidArgumentError(`problem.${field}`, `the checkpoint's value ${b} to resume from it`, a);
  }
  if (c.iterations > p.quasiNewtonIterations) throw new InvalidArgumentError('problem.quasiNewtonIterations', `at least the checkpoint's ${c.iterations} iterations`, p.quasiNewtonIterations);
}
