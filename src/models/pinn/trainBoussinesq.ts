/**
 * Training the 2-D Boussinesq profile (thesis Appendix B.4): Adam with resampling every epoch (lr 1e-3 for
 * the networks, lr 0.1 and betas (0.9, 0.9) for λ, ×0.9 at half the epochs), then SSBroyden1 (dense, with
 * resampling restarts) or, for sizes where the dense H does not fit, L-BFGS restarted at each resampling.
 * Loss: interior residuals + boundary terms of {@link BoussinesqLoss} (no smoothness term yet). Defaults are
 * a reduced size that runs in minutes; `full: true` selects the thesis configuration (6 × 4,771 + 1
 * parameters, 5000 interior and 1000 points per side, 10,000 Adam epochs, 40,000 quasi-Newton iterations,
 * which needs L-BFGS: a dense H would take 6.6 GB).
 *
 * @module
 */
import { checkInteger, checkOneOf, checkPositive } from '../../core/check';
import { InvalidTypeError } from '../../core/errors';
import { RunWatch } from '../../core/progress';
import { checkRunOptions, emptyRunStats, type RunOptions, type RunResult } from '../../core/run';
import type { SolveStatus } from '../../core/status';
import { initializeMlpFanIn } from '../../nn/fanInInit';
import { Mlp } from '../../nn/mlp';
import { AdamMinimizer } from '../../optim/adam';
import { LbfgsMinimizer } from '../../optim/lbfgs';
import { RestartingQuasiNewton } from '../../optim/restartLoop';
import { maxAbs } from '../../optim/types';
import { sampleBoxMixture, sampleBoxSide } from '../../random/boxSamplers';
import { Rng } from '../../random/rng';
import { BoussinesqLoss } from './boussinesqLoss';

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
  hidden?: number[];
  /** Interior points per sample set (default 400; full 5000), half on [0, z_max]², half on [0, 5]². */
  interior?: number;
  /** Points per boundary side (default 50; full 1000). */
  sides?: number;
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
}

/** Final state of a Boussinesq run. */
export interface BoussinesqFinal {
  /** θ = parameters of the six networks, then λ. */
  theta: Float64Array;
  /** λ. */
  lambda: number;
  /** Loss on the last sample set. */
  loss: number;
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
  if (problem.full !== undefined && typeof problem.full !== 'boolean') throw new InvalidTypeError('problem.full', 'a boolean', problem.full);
  const full = problem.full === true;
  const hidden = problem.hidden ?? (full ? [30, 30, 30, 30, 30, 30] : [8, 8]);
  hidden.forEach((w, l) => checkInteger(`problem.hidden[${l}]`, w, 1));
  const interior = checkInteger('problem.interior', problem.interior ?? (full ? 5000 : 400), 1);
  const sides = checkInteger('problem.sides', problem.sides ?? (full ? 1000 : 50), 1);
  const zMax = checkPositive('problem.zMax', problem.zMax ?? 30);
  const adamEpochs = checkInteger('problem.adamEpochs', problem.adamEpochs ?? (full ? 10000 : 300), 0);
  const qnIterations = checkInteger('problem.quasiNewtonIterations', problem.quasiNewtonIterations ?? (full ? 40000 : 300), 0);
  const resampleEvery = checkInteger('problem.resampleEvery', problem.resampleEvery ?? (full ? 1000 : 100), 1);
  const method = checkOneOf('problem.method', problem.method ?? (full ? 'lbfgs' : 'ssbroyden1'), ['ssbroyden1', 'lbfgs'] as const);
  const lambda0 = checkPositive('problem.lambda0', problem.lambda0 ?? 3);
  const rng = new Rng(checkInteger('problem.seed', problem.seed ?? 0, 0));
  const nets = Array.from({ length: 6 }, () => initializeMlpFanIn(new Mlp([2, ...hidden, 1], 'silu'), rng));
  const loss = new BoussinesqLoss(nets);
  const theta = new Float64Array(loss.size);
  let o = 0;
  for (const net of nets) {
    theta.set(net.params, o);
    o += net.params.length;
  }
  theta[loss.size - 1] = lambda0;
  const box = { lo: [0, 0], hi: [zMax, zMax] };
  const resample = () => {
    const pts = sampleBoxMixture(rng, [box, { lo: [0, 0], hi: [Math.min(5, zMax), Math.min(5, zMax)] }], [1, 1], interior);
    const bottom = sampleBoxSide(rng, box, 1, 'lo', sides);
    const far = new Float64Array(4 * sides);
    far.set(sampleBoxSide(rng, box, 0, 'hi', sides));
    far.set(sampleBoxSide(rng, box, 1, 'hi', sides), 2 * sides);
    loss.setPoints(pts, bottom, far);
  };
  const fg = (x: Float64Array, g: Float64Array) => loss.evaluate(x, g);
  const history: BoussinesqHistory = { loss: [], lambda: [], phase: [] };
  const watch = new RunWatch(runOptions);
  const total = adamEpochs + qnIterations;
  let status: SolveStatus = 'success';
  let message = `ran ${adamEpochs} Adam epochs and ${qnIterations} ${method} iterations`;
  let nfev = 0;
  resample();
  const adam = new AdamMinimizer(fg, theta, {
    lr: 1e-3, groups: [{ start: loss.size - 1, end: loss.size, lr: 0.1, betas: [0.9, 0.9] }],
    schedule: { stepSize: Math.max(1, Math.ceil(adamEpochs / 2)), gamma: 0.9 },
  });
  const x = Float64Array.from(adam.x);
  let f = adam.f;
  for (let k = 0; k < adamEpochs; k++) {
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
    if (watch.tick(k + 1, (k + 1) / Math.max(1, total), undefined, () => ({ loss: f, lambda: x[loss.size - 1] }))) {
      status = 'aborted';
      message = `aborted by the signal at Adam epoch ${k + 1}`;
      break;
    }
  }
  nfev += adam.nfev;
  if (status === 'success' && qnIterations > 0) {
    const objectiveFor = () => { resample(); return fg; };
    let done = 0;
    if (method === 'ssbroyden1') {
      const loop = new RestartingQuasiNewton(objectiveFor, x, { restartEvery: resampleEvery });
      for (; done < qnIterations; done++) {
        const r = loop.step();
        if (r.status !== undefined) { status = r.status; message = `SSBroyden1 stopped at iteration ${done}: ${r.message}`; break; }
        x.set(loop.minimizer.x);
        f = loop.minimizer.f;
        history.loss.push(f); history.lambda.push(x[loss.size - 1]); history.phase.push(1);
        if (watch.tick(adamEpochs + done + 1, (adamEpochs + done + 1) / total, undefined, () => ({ loss: f, gradNorm: maxAbs(loop.minimizer.g), lambda: x[loss.size - 1] }))) { status = 'aborted'; message = 'aborted by the signal'; break; }
      }
      nfev += loop.minimizer.nfev;
    } else {
      while (done < qnIterations && status === 'success') {
        const m = new LbfgsMinimizer(objectiveFor(), x, { memory: 50 });
        for (let c = 0; c < resampleEvery && done < qnIterations; c++, done++) {
          const r = m.step();
          if (r.status !== undefined) { status = r.status; message = `L-BFGS stopped at iteration ${done}: ${r.message}`; break; }
          x.set(m.x);
          f = m.f;
          history.loss.push(f); history.lambda.push(x[loss.size - 1]); history.phase.push(1);
          if (watch.tick(adamEpochs + done + 1, (adamEpochs + done + 1) / total, undefined, () => ({ loss: f, lambda: x[loss.size - 1] }))) { status = 'aborted'; message = 'aborted by the signal'; break; }
        }
        nfev += m.nfev;
      }
    }
  }
  const final = { theta: Float64Array.from(x), lambda: x[loss.size - 1], loss: f };
  const n = history.loss.length;
  return {
    status, message, final, saved: [], history,
    stats: { ...emptyRunStats(), nsteps: n, naccept: n, nfev, adamEpochs: Math.min(adamEpochs, n), parameters: loss.size },
  };
}
