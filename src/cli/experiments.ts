/**
 * Registry of `singularis reproduce <experiment>` commands. Each model adds its entry here.
 * @module
 */

import { billiardsExperiment } from './billiards';
import { blowupExperiment } from './blowup';
import { kanExperiment } from './kan';
import { pinnExperiment } from './pinn';

/** An experiment receives its own arguments and returns the process exit code. */
export type Experiment = (argv: string[]) => Promise<number>;

/** Experiments by name. */
export const experiments: Record<string, Experiment> = {
  billiards: billiardsExperiment,
  kan: kanExperiment,
  'heat-blowup': blowupExperiment,
  pinn: pinnExperiment,
};
