/**
 * Training a self-similar profile (thesis Appendix B.4, Burgers): SSBroyden1 (or BFGS) with a
 * strong-Wolfe line search on the loss (B.4.1), resampling the collocation points every
 * `resampleEvery` iterations and restarting the minimizer (H symmetrized, Cholesky-checked, reset
 * to I on failure), with checkpoints at restarts and a bit-identical resume. Follows the run idiom:
 * `trainProfile(problem, runOptions)` → `RunResult`, or `initTrainProfile` step by step.
 *
 * @module
 */
import { checkRunOptions, checkSaveAt, drive, emptyRunStats, type RunOptions, type RunResult, type SavedState, type Stepper } from '../../core/run';
import { InvalidArgumentError } from '../../core/errors';
import { RunWatch } from '../../core/progress';
import type { SolveStatus } from '../../core/status';
import { Mlp } from '../../nn/mlp';
import { initializeMlpFanIn } from '../../nn/fanInInit';
import { RestartingQuasiNewton } from '../../optim/restartLoop';
import { maxAbs } from '../../optim/types';
import { Rng } from '../../random/rng';
import { BurgersLoss, referenceMember, type LossParts } from './burgers';
import { CHECKPOINT_FORMAT, CHECKPOINT_VERSION, RESUME_FIELDS, validateCheckpoint, type ProfileCheckpoint } from './checkpoint';
import { resolveProfileProblem, type BurgersProfileProblem, type ResolvedProfileProblem } from './problem';

/** The final state of a training run. */
export interface ProfileFinal {
  /** The network parameters (the last finite iterate if the run failed). */
  params: Float64Array;
  /** Loss at `params` on the current sample set. */
  loss: number;
  /** ‖∇loss‖_∞ there. */
  gradNorm: number;
  /** Loss components there. */
  parts: LossParts;
  /** λ (fixed for Burgers). */
  lambda: number;
  /** The member C of y + U + C·U^{1+1/λ} = 0 the run targets (1 exact, 7/6 weak λ = ½). */
  member: number;
}

/** Counters of a training run beyond the shared ones. */
export interface ProfileStats {
  /** Resampling restarts done. */
  restarts: number;
  /** Restarts where H failed the Cholesky test and was reset to I. */
  choleskyResets: number;
  /** Off-schedule restarts after a line search found no decrease (precision limit on a sample set). */
  earlyRestarts: number;
  /** Quasi-Newton updates skipped (yᵀs ≤ 0). */
  skippedUpdates: number;
  /** SSBroyden1 updates replaced by BFGS (unusable τ). */
  fallbacks: number;
  /** Resets of H to I inside the minimizer (non-descent, failed line search). */
  hResets: number;
  /** Wall-clock seconds spent stepping. */
  seconds: number;
}

/** Loss history: one entry per iteration (entry 0 = the initial loss). */
export interface ProfileHistory {
  /** Iteration numbers. */
  iteration: number[];
  /** Loss after each iteration (on that iteration's sample set). */
  loss: number[];
  /** ‖∇loss‖_∞ after each iteration. */
  gradNorm: number[];
}

/** The result of {@link trainProfile}; `saved` holds parameters at the `saveAt` iterations. */
export type ProfileRunResult = RunResult<ProfileFinal, Float64Array, ProfileStats, ProfileHistory>;

/**
 * The step-by-step form of {@link trainProfile}: `init → step() (one quasi-Newton iteration) → result()`.
 * `t` is the iteration count; `saveAt` lists iterations at which the parameters are recorded.
 *
 * @example
 * ```ts
 * const run = initTrainProfile({ equation: 'burgers', lambda: 0.5, asymptotics: 'exact', batch: 200, iterations: 150 });
 * while (run.step()) if (run.t % 50 === 0) console.log(run.t, run.lossValue);
 * const result = run.result();
 * ```
 */
export function initTrainProfile(problem: BurgersProfileProblem, runOptions: RunOptions = {}): ProfileTrainer {
  return new ProfileTrainer(problem, runOptions);
}

/**
 * Train a Burgers self-similar profile (thesis Appendix B.4) with hard constraints on the unbounded
 * domain y = sinh z: exact asymptotics (cutoff × far field) or weak (Neumann), SSBroyden1 with
 * resampling restarts. Returns status `'success'` after the iteration budget, `'aborted'` on the
 * signal, `'nonFinite'`/`'diverged'` when the loss became non-finite or the line search failed
 * (then `final` is the last good iterate). Cost per iteration ≈ 1–3 loss-and-gradient evaluations of
 * O(batch·params) plus O(params²).
 *
 * @example
 * ```ts
 * const r = trainProfile({ equation: 'burgers', lambda: 0.5, asymptotics: 'exact', batch: 200, iterations: 150 });
 * r.final.loss;   // < 1e-5
 * ```
 */
export function trainProfile(problem: BurgersProfileProblem, runOptions: RunOptions = {}): ProfileRunResult {
  return drive(initTrainProfile(problem, runOptions), runOptions);
}

/**
 * {@link trainProfile} that yields to the event loop every `progressEvery` iterations (a zero-delay timer),
 * so that an abort from a timer, a UI or a process signal handler is seen while the run is in progress —
 * a synchronous run cannot observe those until it returns. Same result, bit for bit.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * process.once('SIGINT', () => controller.abort());
 * const r = await trainProfileAsync(problem, { signal: controller.signal, progressEvery: 10 });
 * ```
 */
export async function trainProfileAsync(problem: BurgersProfileProblem, runOptions: RunOptions = {}): Promise<ProfileRunResult> {
  const stepper = initTrainProfile(problem, runOptions);
  const watch = new RunWatch(runOptions);
  const every = runOptions.progressEvery ?? 64;
  if (watch.aborted) stepper.stop('aborted', 'aborted by the signal before the first step');
  let k = 0;
  while (stepper.step()) {
    if (watch.tick(stepper.stats.naccept, stepper.fraction, stepper.t, () => stepper.progressExtras())) {
      stepper.stop('aborted', `aborted by the signal at iteration ${stepper.t}`);
      break;
    }
    if (++k % every === 0) await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  watch.finish(stepper.stats.naccept, stepper.fraction, stepper.t, stepper.progressExtras());
  return stepper.result();
}

/**
 * The stepper behind {@link initTrainProfile}.
 * @example
 * ```ts
 * const run: ProfileTrainer = initTrainProfile({ equation: 'burgers', lambda: 0.5, asymptotics: 'exact', batch: 200, iterations: 150 });
 * while (run.step()) if (run.lossValue < 1e-10) run.stop('success', 'loss below 1e-10');
 * run.result().status;
 * ```
 */
export class ProfileTrainer implements Stepper<ProfileRunResult> {
  /** The validated problem. */
  readonly problem: ResolvedProfileProblem;
  /** The network (its params are the current iterate after each evaluation of the loss). */
  readonly net: Mlp;
  /** The loss on the current sample set. */
  readonly loss: BurgersLoss;
  /** The restart loop around the quasi-Newton minimizer. */
  readonly loop: RestartingQuasiNewton;
  status: SolveStatus | 'running' = 'running';
  private message = '';
  private readonly rng: Rng;
  private rngAtCycle: number[] = [];
  private readonly points: Float64Array;
  private readonly history: ProfileHistory;
  private readonly saveAt: Float64Array;
  private readonly saved: SavedState<Float64Array>[] = [];
  private readonly onCheckpoint: ((c: ProfileCheckpoint) => void) | undefined;
  private seconds = 0;
  private retried = false;
  private startIterations = 0;
  private earlyRestarts = 0;

  /** @see initTrainProfile */
  constructor(problem: BurgersProfileProblem, runOptions: RunOptions = {}) {
    this.problem = resolveProfileProblem(problem);
    checkRunOptions(runOptions);
    const p = this.problem;
    this.saveAt = checkSaveAt('runOptions.saveAt', runOptions.saveAt, 0, p.iterations);
    this.onCheckpoint = problem.onCheckpoint;
    const resume = problem.resume === undefined ? undefined : validateCheckpoint(problem.resume);
    if (resume !== undefined) checkResumable(p, resume);
    this.net = new Mlp(p.widths, 'tanh');
    this.rng = new Rng(p.seed);
    initializeMlpFanIn(this.net, this.rng);
    this.loss = new BurgersLoss(this.net, p.lambda, p.asymptotics, p.weights);
    this.points = new Float64Array(p.batch);
    const objectiveFor = (cycle: number) => {
      this.rngAtCycle = Array.from(this.rng.state());
      void cycle;
      for (let j = 0; j < p.batch; j++) this.points[j] = p.zMax * this.rng.uniform();
      this.loss.setPoints(this.points, p.zMax);
      return (x: Float64Array, g: Float64Array) => this.loss.evaluate(x, g);
    };
    // tolChange 0: the bracket test |t·d|∞ < 1e-9 would end every search once the gradient is ~1e-9 (losses ≲ 1e-15)
    const options = { update: p.update, restartEvery: p.resampleEvery, lineSearch: { tolChange: 0 } };
    if (resume === undefined) {
      this.loop = new RestartingQuasiNewton(objectiveFor, Float64Array.from(this.net.params), options);
      this.history = { iteration: [0], loss: [this.loop.minimizer.f], gradNorm: [maxAbs(this.loop.minimizer.g)] };
    } else {
      this.rng = Rng.fromState(resume.rng);
      const n = resume.params.length;
      this.loop = new RestartingQuasiNewton(objectiveFor, new Float64Array(n), options, {
        cycle: resume.cycle, x: Float64Array.from(resume.params), inverseHessian: Float64Array.from(resume.inverseHessian),
        iterations: resume.iterations, nfev: resume.nfev, counters: { ...resume.counters },
      });
      this.loop.choleskyResets = resume.choleskyResets;
      this.startIterations = resume.iterations;
      this.history = { iteration: resume.history.iteration.slice(), loss: resume.history.loss.slice(), gradNorm: resume.history.gradNorm.slice() };
    }
    const m = this.loop.minimizer;
    if (!Number.isFinite(m.f)) this.end('nonFinite', 'the loss is not finite at the initial parameters');
    else if (m.iterations >= p.iterations) this.end('success', `the budget of ${p.iterations} iterations was already reached`);
  }

  /** Iterations done. */
  get t(): number {
    return this.loop.minimizer.iterations;
  }

  /** Fraction of the iteration budget done. */
  get fraction(): number {
    return this.problem.iterations === 0 ? 1 : Math.min(1, this.t / this.problem.iterations);
  }

  /** Current loss. */
  get lossValue(): number {
    return this.loop.minimizer.f;
  }

  /** Counters so far. */
  get stats(): ProfileRunResult['stats'] {
    const m = this.loop.minimizer;
    return {
      ...emptyRunStats(), nsteps: m.iterations, naccept: m.iterations, nfev: m.nfev,
      restarts: this.loop.cycle, choleskyResets: this.loop.choleskyResets, earlyRestarts: this.earlyRestarts, skippedUpdates: m.counters.skipped,
      fallbacks: m.counters.fallbacks, hResets: m.counters.resets, seconds: this.seconds,
    };
  }

  /** Loss and gradient norm for progress reports. */
  progressExtras(): Record<string, number> {
    const m = this.loop.minimizer;
    return { loss: m.f, gradNorm: maxAbs(m.g), iterationsPerSecond: this.seconds > 0 ? (m.iterations - this.startIterations) / this.seconds : NaN };
  }

  /** One quasi-Newton iteration (with resampling restart and checkpoint when due). */
  step(): boolean {
    if (this.status !== 'running') return false;
    const started = performance.now();
    const m = this.loop.minimizer;
    if (this.loop.restartIfDue()) {
      if (!Number.isFinite(m.f)) {
        this.seconds += (performance.now() - started) / 1000;
        this.end('nonFinite', `the loss on the resampled points of cycle ${this.loop.cycle} is not finite`);
        return false;
      }
      const every = this.problem.checkpointEvery;
      if (every > 0 && m.iterations % every === 0 && this.onCheckpoint !== undefined) this.onCheckpoint(this.checkpoint());
    }
    const report = m.step();
    this.seconds += (performance.now() - started) / 1000;
    if (report.status === 'diverged' && Number.isFinite(m.f) && this.problem.resampleEvery > 0 && !this.retried && m.iterations < this.problem.iterations) {
      // the line search found no decrease (precision limit on this sample set): like the reference loop,
      // continue on the next sample set with a restart; a second failure in a row ends the run
      this.retried = true;
      this.earlyRestarts++;
      this.loop.restartNow();
      this.pushHistory();
      return true;
    }
    if (report.status !== undefined) {
      this.end(report.status, `${report.message ?? report.status} (iteration ${m.iterations})`);
      return false;
    }
    this.retried = false;
    this.pushHistory();
    const k = this.saved.length;
    if (k < this.saveAt.length && this.saveAt[k] === m.iterations) this.saved.push({ t: m.iterations, state: Float64Array.from(m.x) });
    if (m.iterations >= this.problem.iterations) this.end('success', `ran ${m.iterations} iterations; final loss ${m.f.toExponential(3)}`);
    return this.status === 'running';
  }

  private pushHistory(): void {
    const m = this.loop.minimizer;
    this.history.iteration.push(m.iterations);
    this.history.loss.push(m.f);
    this.history.gradNorm.push(maxAbs(m.g));
  }

  /** End the run with a status (used for aborts). */
  stop(status: SolveStatus, message: string): void {
    if (this.status === 'running') this.end(status, message);
  }

  private end(status: SolveStatus, message: string): void {
    this.status = status;
    this.message = message;
  }

  /**
   * The state at the current restart boundary as a checkpoint (valid right after a resampling
   * restart, which is when the trainer emits it). O(params²).
   */
  checkpoint(): ProfileCheckpoint {
    const s = this.loop.boundaryState();
    const { checkpointEvery, ...problem } = this.problem;
    void checkpointEvery;
    return {
      format: CHECKPOINT_FORMAT, version: CHECKPOINT_VERSION, problem: { ...problem, widths: problem.widths.slice(), weights: { ...problem.weights } },
      cycle: s.cycle, iterations: s.iterations, nfev: s.nfev, counters: s.counters, choleskyResets: this.loop.choleskyResets,
      rng: this.rngAtCycle.slice(), params: Array.from(s.x), inverseHessian: Array.from(s.inverseHessian),
      history: { iteration: this.history.iteration.slice(), loss: this.history.loss.slice(), gradNorm: this.history.gradNorm.slice() },
    };
  }

  /** The result so far. */
  result(): ProfileRunResult {
    const m = this.loop.minimizer;
    const p = this.problem;
    this.loss.evaluate(m.x, new Float64Array(m.x.length)); // components at the final iterate
    return {
      status: this.status === 'running' ? 'aborted' : this.status,
      message: this.status === 'running' ? 'the run was not finished' : this.message,
      stats: this.stats,
      final: {
        params: Float64Array.from(m.x), loss: m.f, gradNorm: maxAbs(m.g), parts: { ...this.loss.parts }, lambda: p.lambda,
        member: referenceMember(p.lambda, p.asymptotics),
      },
      saved: this.saved.slice(),
      history: { iteration: this.history.iteration.slice(), loss: this.history.loss.slice(), gradNorm: this.history.gradNorm.slice() },
    };
  }
}

function checkResumable(p: ResolvedProfileProblem, c: ProfileCheckpoint): void {
  for (const field of RESUME_FIELDS) {
    const a = JSON.stringify(p[field]);
    const b = JSON.stringify((c.problem as unknown as Record<string, unknown>)[field]);
    if (a !== b) throw new InvalidArgumentError(`problem.${field}`, `the checkpoint's value ${b} to resume from it`, a);
  }
  if (c.iterations > p.iterations) throw new InvalidArgumentError('problem.iterations', `at least the checkpoint's ${c.iterations} iterations`, p.iterations);
}
