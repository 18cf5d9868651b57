/**
 * Worker-thread task module of {@link expMsfemInWorkers}: one task = one coarse cell or one interior
 * coarse edge of the ExpMsFEM offline stage (thesis §4.3). Loaded by `mapInWorkers`; results are plain
 * typed arrays (structured-cloned back). A local problem that is ill-posed comes back as
 * `{ numericalError }` so that the run reports it through its status, as the serial run does.
 *
 * @module
 */
import { NumericalError } from '../core/errors';
import type { EdgeBasis } from '../models/msfem/edgeBasis';
import type { CellResult } from '../models/msfem/offline';
import { msfemOfflineTask, type MsfemOfflineTask } from '../models/msfem/tasks';

/**
 * What a task returns: its data, or the message of the numerical failure of its local problem.
 * @example
 * ```ts
 * const out: MsfemTaskOutput = msfemTask({ spec, kind: 'cell', id: 0 });
 * if ('numericalError' in out) console.log(out.numericalError);
 * ```
 */
export type MsfemTaskOutput =
  | {
      /** The cell's or edge's data. */
      data: CellResult | EdgeBasis;
    }
  | {
      /** Why the task's local problem could not be solved (the serial run's message). */
      numericalError: string;
    };

/**
 * Run one offline task.
 * @example
 * ```ts
 * msfemTask({ spec, kind: 'cell', id: 3 });
 * ```
 */
export function msfemTask(task: MsfemOfflineTask): MsfemTaskOutput {
  try {
    return { data: msfemOfflineTask(task) };
  } catch (err) {
    if (err instanceof NumericalError) return { numericalError: err.message };
    throw err;
  }
}
