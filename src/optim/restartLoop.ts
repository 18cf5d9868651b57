/**
 * The restart loop of quasi-Newton training with resampled collocation points (thesis
 * Appendix B.3–B.4; the reference code resamples every 1000 iterations): every `restartEvery`
 * iterations the objective is replaced by the next cycle's (new points), H is symmetrized
 * H ← (H + Hᵀ)/2, tested by a Cholesky factorization and reset to I when it fails, and the
 * line-search memory starts afresh. The state at a restart boundary (x, H, counters, cycle) is all
 * a bit-identical resume needs, given the objective of that cycle.
 *
 * @module
 */
import { checkFunction, checkInteger } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import type { Vec } from '../core/types';
import { DenseQuasiNewtonMinimizer, type QuasiNewtonOptions } from './quasiNewton';
import type { Objective, StepReport } from './types';

/** Counters of the dense quasi-Newton minimizer carried across a resume. */
export interface QuasiNewtonCounters {
  /** Updates skipped (yᵀs ≤ 0 or yᵀHy ≤ 0). */
  skipped: number;
  /** SSBroyden1 updates replaced by BFGS. */
  fallbacks: number;
  /** Updates where the small-a guard applied. */
  guarded: number;
  /** Resets of H to the identity. */
  resets: number;
}

/**
 * State of a {@link RestartingQuasiNewton} at a restart boundary (serializable with JSON).
 * @example
 * ```ts
 * const state = loop.boundaryState(); // right after a restart
 * ```
 */
export interface RestartLoopState {
  /** Cycle index (0 before the first restart). */
  cycle: number;
  /** Iterate x. */
  x: Float64Array;
  /** Inverse Hessian, row-major n×n (already symmetrized and checked at the boundary). */
  inverseHessian: Float64Array;
  /** Iterations done. */
  iterations: number;
  /** Objective evaluations done. */
  nfev: number;
  /** Skipped updates, BFGS fallbacks, guarded updates and resets of H so far. */
  counters: QuasiNewtonCounters;
}

/** Options of {@link RestartingQuasiNewton}. */
export interface RestartLoopOptions extends QuasiNewtonOptions {
  /** Iterations between restarts (new objective, symmetrize, Cholesky check); 0 = never (default 1000). */
  restartEvery?: number;
}

/**
 * Dense BFGS/SSBroyden1 with periodic restarts on a fresh objective (see the module docs).
 * O(n²) per iteration, O(n³/3) per restart (Cholesky test).
 *
 * @example
 * ```ts
 * const loop = new RestartingQuasiNewton((cycle) => lossOn(sample(cycle)), theta0, { restartEvery: 1000 });
 * while (loop.iterations < 20000 && loop.step().status === undefined) {}
 * ```
 */
export class RestartingQuasiNewton {
  /** The wrapped minimizer (its x, f, g, H and counters are the loop's). */
  readonly minimizer: DenseQuasiNewtonMinimizer;
  /** Iterations between restarts. */
  readonly restartEvery: number;
  /** Current cycle (number of restarts done). */
  cycle: number;
  /** Number of restarts at which H failed the Cholesky test and was reset to I. */
  choleskyResets = 0;
  private readonly objectiveFor: (cycle: number) => Objective;
  private lastRestart: number;

  /**
   * @param objectiveFor - the objective of cycle k (called once per cycle, in order)
   * @param x0 - starting point (ignored when `resume` is given)
   * @param options - quasi-Newton options and `restartEvery`
   * @param resume - a state from {@link boundaryState} to continue from
   */
  constructor(objectiveFor: (cycle: number) => Objective, x0: Vec, options: RestartLoopOptions = {}, resume?: RestartLoopState) {
    checkFunction('objectiveFor', objectiveFor);
    this.restartEvery = checkInteger('options.restartEvery', options.restartEvery ?? 1000, 0);
    this.objectiveFor = objectiveFor;
    if (resume === undefined) {
      this.cycle = 0;
      this.minimizer = new DenseQuasiNewtonMinimizer(objectiveFor(0), x0, options);
      this.lastRestart = 0;
      return;
    }
    if (resume === null || typeof resume !== 'object' || !(resume.x instanceof Float64Array)) throw new InvalidTypeError('resume', 'a RestartLoopState', resume);
    const n = resume.x.length;
    if (!(resume.inverseHessian instanceof Float64Array) || resume.inverseHessian.length !== n * n) {
      throw new InvalidArgumentError('resume.inverseHessian.length', `n² = ${n * n}`, resume.inverseHessian?.length);
    }
    this.cycle = checkInteger('resume.cycle', resume.cycle, 0);
    this.minimizer = new DenseQuasiNewtonMinimizer(objectiveFor(this.cycle), resume.x, options);
    this.minimizer.inverseHessian.set(resume.inverseHessian);
    this.minimizer.iterations = checkInteger('resume.iterations', resume.iterations, 0);
    this.minimizer.nfev = checkInteger('resume.nfev', resume.nfev, 0);
    Object.assign(this.minimizer.counters, resume.counters);
    this.lastRestart = this.minimizer.iterations;
  }

  /** Iterations done. */
  get iterations(): number {
    return this.minimizer.iterations;
  }

  /** True when the next {@link step} starts with a restart. */
  get atBoundary(): boolean {
    const k = this.minimizer.iterations;
    return this.restartEvery > 0 && k > 0 && k % this.restartEvery === 0 && k !== this.lastRestart;
  }

  /** Restart now if at a boundary (new objective, symmetrize, Cholesky, fresh line search). */
  restartIfDue(): boolean {
    if (!this.atBoundary) return false;
    this.cycle++;
    this.lastRestart = this.minimizer.iterations;
    if (this.minimizer.restart(this.objectiveFor(this.cycle))) this.choleskyResets++;
    return true;
  }

  /**
   * Restart now, off schedule (next cycle's objective, symmetrize, Cholesky check): what the reference
   * loop does when the inner minimizer stops early (e.g. a line search at the precision limit).
   * The following restarts stay on the nominal multiples of `restartEvery`.
   */
  restartNow(): void {
    this.cycle++;
    this.lastRestart = this.minimizer.iterations;
    if (this.minimizer.restart(this.objectiveFor(this.cycle))) this.choleskyResets++;
  }

  /** One iteration (restarting first when due). */
  step(): StepReport {
    this.restartIfDue();
    return this.minimizer.step();
  }

  /** A copy of the state (valid for a bit-identical resume right after a restart or at iteration 0). */
  boundaryState(): RestartLoopState {
    const m = this.minimizer;
    return {
      cycle: this.cycle,
      x: Float64Array.from(m.x),
      inverseHessian: Float64Array.from(m.inverseHessian),
      iterations: m.iterations,
      nfev: m.nfev,
      counters: { ...m.counters },
    };
  }
}
