/**
 * FC-PINO for the family of self-similar Burgers profiles (thesis §1.2.1 and B.5: one operator for
 * the profiles across the scaling parameter λ; the algorithm follows Maust et al., arXiv 2211.15960):
 * an FNO maps the constant field λ on y ∈ [0, Y] to the profile U, trained with the physics loss
 * of {@link BurgersProfileLoss} only (FC-Legendre derivatives, no data), summed over the training λ.
 * Run idiom: one step = one Adam iteration over all training λ; `saveAt` iterations record the
 * parameters.
 *
 * @module
 */
import { checkInteger, checkPositive } from '../../core/check';
import { InvalidTypeError } from '../../core/errors';
import { checkRunOptions, checkSaveAt, drive, emptyRunStats, type RunOptions, type RunResult, type RunStats, type Stepper } from '../../core/run';
import type { SolveStatus } from '../../core/status';
import { Fno, type FnoOptions } from '../../nn/fno';
import { AdamWOptimizer, cosineAnnealingLr } from '../../optim/adamw';
import { burgersProfile, BurgersProfileLoss } from './burgersProfile';

/** The problem of {@link fcPinoProfiles}. */
export interface FcPinoProblem {
  /** Training values of λ (> 0). */
  lambdas: number[];
  /** Grid points on [0, Y] (default 64). */
  n?: number;
  /** Right end Y (default 10). */
  Y?: number;
  /** FNO architecture (in/out channels are 1; default 16 modes, width 16, 3 layers). */
  fno?: Partial<FnoOptions>;
  /** Adam iterations (the run's time variable). */
  iterations: number;
  /** Initial learning rate, cosine-annealed to 0 (default 3e-3). */
  lr?: number;
  /** FC-Legendre added points (default n/2 rounded to even). */
  nAdditional?: number;
  /** Seed of the initialization. */
  seed: number | string;
}

/** Per-iteration diagnostics. */
export interface FcPinoHistory {
  /** Iteration (1-based). */
  iteration: number[];
  /** Physics loss summed over the training λ (before the update). */
  loss: number[];
}

/** Result of {@link fcPinoProfiles}: final = the network, its parameters and the loss operator. */
export type FcPinoResult = RunResult<{
  /** The network. */
  fno: Fno;
  /** The trained parameters. */
  theta: Float64Array;
  /** The physics loss (grid, λ values, FC derivative). */
  loss: BurgersProfileLoss;
}, Float64Array, object, FcPinoHistory>;

/**
 * Relative L2 error of the learned profile at λ against the closed form on the loss grid.
 * @example
 * ```ts
 * profileError(res.final.fno, res.final.theta, res.final.loss, 0.45);
 * ```
 */
export function profileError(fno: Fno, theta: Float64Array, loss: BurgersProfileLoss, lambda: number): number {
  checkPositive('lambda', lambda);
  const n = loss.n;
  const U = fno.forward(theta, new Float64Array(n).fill(lambda), [n]);
  let e = 0, s = 0;
  for (let j = 0; j < n; j++) { const ex = burgersProfile(loss.y[j], lambda); e += (U[j] - ex) ** 2; s += ex * ex; }
  return Math.sqrt(e / s);
}

/**
 * Build an FC-PINO run (validates, initializes, builds the FC derivative matrix; does not train).
 * @example
 * ```ts
 * const run = initFcPinoProfiles({ lambdas: [0.3, 0.4, 0.5, 0.6, 0.7], iterations: 1500, seed: 1 });
 * while (run.step());
 * ```
 */
export function initFcPinoProfiles(problem: FcPinoProblem, runOptions: RunOptions = {}): Stepper<FcPinoResult> {
  checkRunOptions(runOptions);
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'an object', problem);
  if (!Array.isArray(problem.lambdas) || problem.lambdas.length === 0) throw new InvalidTypeError('problem.lambdas', 'a non-empty array of numbers > 0', problem.lambdas);
  const lambdas = problem.lambdas.map((l, i) => checkPositive(`problem.lambdas[${i}]`, l));
  const n = checkInteger('problem.n', problem.n ?? 64, 16);
  const iterations = checkInteger('problem.iterations', problem.iterations, 1);
  const lr0 = checkPositive('problem.lr', problem.lr ?? 3e-3);
  const saveAt = checkSaveAt('runOptions.saveAt', runOptions.saveAt, 0, iterations);
  const saved: { t: number; state: Float64Array }[] = [];
  let nextSave = 0;
  const fno = new Fno({ nModes: [16], hiddenChannels: 16, nLayers: 3, ...problem.fno, inChannels: 1, outChannels: 1 });
  fno.convs[0].planeShape('problem.n', [n]);
  const loss = new BurgersProfileLoss({ n, Y: problem.Y, nAdditional: problem.nAdditional ?? 2 * Math.round(n / 4) });
  const theta = fno.initialize(problem.seed);
  const opt = new AdamWOptimizer(fno.parameterCount, { weightDecay: 0, decoupled: false });
  const grad = new Float64Array(fno.parameterCount), gU = new Float64Array(n), input = new Float64Array(n);
  const lastGood = Float64Array.from(theta);
  const history: FcPinoHistory = { iteration: [], loss: [] };
  const stats: RunStats = emptyRunStats();
  let status: SolveStatus | 'running' = 'running';
  let message = '';
  let it = 0;
  return {
    get status() { return status; },
    get t() { return it; },
    get fraction() { return it / iterations; },
    get stats() { return stats; },
    step(): boolean {
      if (status !== 'running') return false;
      grad.fill(0);
      let L = 0;
      for (const lam of lambdas) {
        input.fill(lam);
        const U = fno.forward(theta, input, [n]);
        L += loss.lossAndGradient(U, lam, gU);
        fno.backward(theta, gU, grad);
        stats.nfev++;
      }
      let finite = Number.isFinite(L);
      for (let i = 0; finite && i < grad.length; i++) finite = Number.isFinite(grad[i]);
      stats.nsteps++;
      if (!finite) {
        theta.set(lastGood);
        stats.nreject++;
        status = 'nonFinite';
        message = `the physics loss or its gradient became non-finite at iteration ${it + 1}`;
        return false;
      }
      lastGood.set(theta);
      opt.step(theta, grad, cosineAnnealingLr(lr0, it, iterations));
      it++;
      stats.naccept++;
      history.iteration.push(it);
      history.loss.push(L);
      while (nextSave < saveAt.length && saveAt[nextSave] <= it) { saved.push({ t: saveAt[nextSave], state: Float64Array.from(theta) }); nextSave++; }
      if (it >= iterations) { status = 'success'; message = `${iterations} iterations`; }
      return status === 'running';
    },
    stop(s: SolveStatus, m: string): void { if (status === 'running') { status = s; message = m; } },
    progressExtras: () => ({ loss: history.loss.at(-1) ?? NaN }),
    result(): FcPinoResult {
      return { status: status === 'running' ? 'maxSteps' : status, message: status === 'running' ? `stopped after ${it} of ${iterations} iterations` : message, stats: { ...stats }, final: { fno, theta: Float64Array.from(theta), loss }, saved, history };
    },
  };
}

/**
 * Train the FC-PINO profile operator: `drive(initFcPinoProfiles(problem, runOptions), runOptions)`.
 * @example
 * ```ts
 * const res = fcPinoProfiles({ lambdas: [0.3, 0.4, 0.5, 0.6, 0.7], iterations: 1500, seed: 1 });
 * profileError(res.final.fno, res.final.theta, res.final.loss, 0.45); // unseen λ
 * ```
 */
export function fcPinoProfiles(problem: FcPinoProblem, runOptions: RunOptions = {}): FcPinoResult {
  return drive(initFcPinoProfiles(problem, runOptions), runOptions);
}
