/**
 * Worker-thread task module of the billiards Monte Carlo runner (`pinnedBallsEnsembleInWorkers`):
 * one task = one block of runs of an ensemble plan, or of its white-noise pass. Loaded by
 * `mapInWorkers`; results are plain data (structured-cloned back).
 *
 * @module
 */
import { ensembleBlockToJSON, simulateEnsembleBlock, type EnsembleBlockJSON } from '../models/billiards/ensemble';
import type { EnsemblePlan } from '../models/billiards/ensemblePlan';
import { whiteNoiseBlock, type WhiteNoiseBlock, type WhiteNoisePlan } from '../models/billiards/whiteNoise';

/** A block of the first pass. */
export interface EnsembleBlockTask {
  /** The ensemble plan. */
  plan: EnsemblePlan;
  /** Block index. */
  block: number;
}

/** A block of the white-noise pass. */
export interface WhiteNoiseBlockTask extends EnsembleBlockTask {
  /** The white-noise plan (μ̂, σ̂ at the time). */
  whiteNoise: WhiteNoisePlan;
}

/** Simulate one block of the first pass (`simulateEnsembleBlock`). */
export function ensembleBlockTask(task: EnsembleBlockTask): EnsembleBlockJSON {
  return ensembleBlockToJSON(simulateEnsembleBlock(task.plan, task.block));
}

/** Compute the W statistics of one block (`whiteNoiseBlock`). */
export function whiteNoiseBlockTask(task: WhiteNoiseBlockTask): WhiteNoiseBlock {
  return whiteNoiseBlock(task.plan, task.whiteNoise, task.block);
}
