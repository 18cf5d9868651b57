/**
 * Reproduction experiment: FC-PINO learning the family of self-similar Burgers profiles across λ
 * (thesis §1.2.1, B.5; method of arXiv 2211.15960) with the physics loss only, compared with the
 * closed forms (thesis (B.4.5), C = 1) at training λ and at λ not seen in training. Used by the
 * CLI and bench; not exported from the model's index.
 *
 * @module
 */
import type { RunOptions } from '../../../core/run';
import { burgersProfile } from '../burgersProfile';
import { fcPinoProfiles, profileError, type FcPinoResult } from '../fcPino';

/** Options of {@link runFcPinoExperiment}. */
export interface FcPinoExperimentOptions {
  /** Training λ (default 0.3, 0.4, 0.5, 0.6, 0.7). */
  trainLambdas?: number[];
  /** Unseen λ (default 0.35, 0.45, 0.55, 0.65). */
  testLambdas?: number[];
  /** Grid points on [0, 10] (default 64). */
  resolution?: number;
  /** FNO width (default 16). */
  width?: number;
  /** Modes (default 16). */
  modes?: number;
  /** FNO blocks (default 3). */
  layers?: number;
  /** Adam iterations (default 1500). */
  iterations?: number;
  /** Seed (default 1). */
  seed?: number;
}

/** Summary (the CLI's JSON line). */
export interface FcPinoExperimentSummary {
  /** Always `'fc-pino'`. */
  case: 'fc-pino';
  /** Mean relative L2 error against the closed form over the training λ. */
  trainRelL2: number;
  /** Mean relative L2 error against the closed form over the unseen λ. */
  testRelL2: number;
  /** Not defined for this case (the profile grid includes both ends of [0, Y]); always null. */
  testRelL2AtDoubleResolution: null;
  /** Errors per unseen λ. */
  testErrors: { lambda: number; relL2: number }[];
  /** Iterations run. */
  epochs: number;
  /** Number of parameters. */
  parameters: number;
  /** Mean seconds per iteration. */
  secondsPerEpoch: number;
  /** Final physics loss. */
  finalLoss: number;
  /** Training status. */
  status: string;
}

/**
 * Train and evaluate; also returns the learned and exact profiles at the unseen λ for figures.
 * @example
 * ```ts
 * const { summary } = runFcPinoExperiment({ iterations: 200 });
 * ```
 */
export function runFcPinoExperiment(options: FcPinoExperimentOptions = {}, runOptions: RunOptions = {}): { summary: FcPinoExperimentSummary; training: FcPinoResult; profiles: { lambda: number; y: Float64Array; learned: Float64Array; exact: Float64Array }[] } {
  const trainL = options.trainLambdas ?? [0.3, 0.4, 0.5, 0.6, 0.7];
  const testL = options.testLambdas ?? [0.35, 0.45, 0.55, 0.65];
  const n = options.resolution ?? 64, iterations = options.iterations ?? 1500;
  const t0 = performance.now();
  const training = fcPinoProfiles({
    lambdas: trainL, n, Y: 10, iterations, seed: options.seed ?? 1,
    fno: { nModes: [options.modes ?? 16], hiddenChannels: options.width ?? 16, nLayers: options.layers ?? 3 },
  }, runOptions);
  const seconds = (performance.now() - t0) / 1000;
  const { fno, theta, loss } = training.final;
  const mean = (a: number[]): number => a.reduce((s, v) => s + v, 0) / a.length;
  const testErrors = testL.map((lambda) => ({ lambda, relL2: profileError(fno, theta, loss, lambda) }));
  const summary: FcPinoExperimentSummary = {
    case: 'fc-pino',
    trainRelL2: mean(trainL.map((l) => profileError(fno, theta, loss, l))),
    testRelL2: mean(testErrors.map((e) => e.relL2)),
    testRelL2AtDoubleResolution: null,
    testErrors,
    epochs: training.stats.naccept,
    parameters: fno.parameterCount,
    secondsPerEpoch: seconds / Math.max(1, training.stats.naccept),
    finalLoss: training.history.loss.at(-1) ?? NaN,
    status: training.status,
  };
  const profiles = testL.map((lambda) => ({
    lambda, y: loss.y,
    learned: fno.forward(theta, new Float64Array(n).fill(lambda), [n]),
    exact: loss.y.map((y) => burgersProfile(y, lambda)),
  }));
  return { summary, training, profiles };
}
