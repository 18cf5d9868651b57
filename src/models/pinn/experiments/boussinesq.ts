/**
 * Reduced reproduction of the Boussinesq training of thesis Appendix B.4 (Adam, then SSBroyden1 or
 * L-BFGS, λ trained) for the CLI: the run, its JSON summary and the loss/λ rows of the figure. Not
 * exported from `singularis/pinn`.
 *
 * @module
 */
import type { RunOptions } from '../../../core/run';
import { trainBoussinesqProfile, type BoussinesqProblem, type BoussinesqRunResult } from '../trainBoussinesq';

/**
 * Run and summarize. Cost: the run.
 * @example
 * ```ts
 * const out = runBoussinesqExperiment({ adamEpochs: 100, quasiNewtonIterations: 100 });
 * ```
 */
export function runBoussinesqExperiment(problem: BoussinesqProblem, runOptions: RunOptions = {}): { run: BoussinesqRunResult; summary: Record<string, unknown>; rows: Record<string, number | string>[] } {
  const t0 = performance.now();
  const run = trainBoussinesqProfile(problem, runOptions);
  const seconds = (performance.now() - t0) / 1000;
  const h = run.history;
  const rows: Record<string, number | string>[] = [];
  const lossHistory: [number, number][] = [];
  const step = Math.max(1, Math.floor(h.loss.length / 400));
  for (let k = 0; k < h.loss.length; k += step) {
    rows.push({ iteration: k + 1, value: h.loss[k], series: h.phase[k] === 0 ? 'loss (Adam)' : 'loss (quasi-Newton)' });
    lossHistory.push([k + 1, h.loss[k]]);
  }
  const summary = {
    case: 'boussinesq', lambda: run.final.lambda, iterations: run.stats.nsteps, adamEpochs: run.stats.adamEpochs, parameters: run.stats.parameters,
    status: run.status, message: run.message, loss: run.final.loss, lossHistory, secondsPerIteration: seconds / Math.max(1, run.stats.nsteps), seconds,
    reference: {
      adamFirstLoss: 30.33186179525455, adamFirstParts: { pde: 300.2619997863731, smoothness: 2.9959562530840356, boundary: 0.006066191308836915 }, lambdaAfterFirstStep: 2.990000000037525,
      adamFinalLoss: 4.2e-5, ssbroydenFinalLoss: 4.87e-11, lambdaAfterAdam: 1.3007396, lambdaFinal: 1.92067547,
    },
  };
  return { run, summary, rows };
}
