/**
 * Registry of `singularis reproduce <experiment>` commands. Each experiment adds one entry: an
 * `ExperimentDefinition` built with `defineExperiment` (see docs/cli.md), which gets help,
 * validation, interrupts, atomic reports, figures and `--json` from the shared layer.
 * @module
 */
import { billiardsExperiment } from './billiards';
import { blowupExperiment } from './blowup';
import type { AnyExperiment } from './framework/experiment';
import type { RegisteredExperiment } from './framework/reproduce';
import { kanExperiment } from './kan';
import { houLiCliExperiment } from './houLi';
import { cglExperiment } from './cgl';
import { kellerSegelExperiment } from './kellerSegel';
import { neuralOperatorExperiment } from './neuralOperator';
import { samplingExperiment } from './sampling';
import { msfemExperiment } from './msfem';
import { pinnExperiment } from './pinn';

/** Experiments by name. */
export const experiments: Record<string, RegisteredExperiment> = {
  billiards: billiardsExperiment,
  kan: kanExperiment,
  'heat-blowup': blowupExperiment,
  'hou-li': houLiCliExperiment,
  'keller-segel': kellerSegelExperiment,
  cgl: cglExperiment,
  'neural-operator': neuralOperatorExperiment,
  sampling: samplingExperiment,
  msfem: msfemExperiment,
  pinn: pinnExperiment,
};

/** The declared experiment called `name` (undefined for unknown ones). */
export function findExperiment(name: string): AnyExperiment | undefined {
  return Object.prototype.hasOwnProperty.call(experiments, name) ? experiments[name] : undefined;
}
