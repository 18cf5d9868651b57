/**
 * Worker task of {@link darcyForwardBatchInWorkers}: evaluates the Darcy forward map of thesis
 * Appendix C, §C.6.2 on a contiguous block of particles. The forward map (and its solver storage)
 * is built once per worker and per options.
 *
 * @module
 */
import { darcyForwardMap, type DarcyForwardMap, type DarcyOptions } from '../models/sampling/darcy';

/** One block of particles: rows [start, start + count) of the ensemble, d parameters each. */
export interface DarcyForwardTask {
  /** Forward-map options (grid, modes, observations, …), identical for every task of a run. */
  options: DarcyOptions;
  /** The block's positions, count×d row-major. */
  positions: Float64Array;
  /** Number of particles in the block. */
  count: number;
}

let cachedKey = '';
let cached: DarcyForwardMap | undefined;

/**
 * Evaluate the Darcy forward map on a block; returns the count×K outputs.
 * @example
 * ```ts
 * darcyForwardTask({ options: { grid: 16 }, positions, count: 8 });
 * ```
 */
export function darcyForwardTask(task: DarcyForwardTask): Float64Array {
  const key = JSON.stringify(task.options);
  if (cached === undefined || key !== cachedKey) {
    cached = darcyForwardMap(task.options);
    cachedKey = key;
  }
  const d = cached.kl.dimension;
  const K = cached.points.length / 2;
  const out = new Float64Array(task.count * K);
  for (let i = 0; i < task.count; i++) cached.forward(task.positions.subarray(i * d, (i + 1) * d), out.subarray(i * K, (i + 1) * K));
  return out;
}
