/**
 * Optimizers on flat Float64Array parameters: Adam (groups, step decay), L-BFGS, dense BFGS and
 * self-scaled SSBroyden1, all with step-by-step forms and a shared strong-Wolfe line search.
 * @module optim
 */
export type { Objective, StoppingOptions, OptimizeResult, StepReport, IterativeMinimizer } from './types';
export { runMinimizer, convergenceReason } from './driver';
export { StrongWolfeLineSearch, type LineSearchOptions, type LineSearchResult } from './lineSearch';
export { AdamMinimizer, adam, type AdamGroup, type AdamOptions, type AdamState } from './adam';
export { LbfgsMinimizer, lbfgs, type LbfgsOptions } from './lbfgs';
export { ssBroyden1Parameters, selfScaledBroydenUpdate, type SelfScaledParameters } from './selfScaledBroyden';
export { DenseQuasiNewtonMinimizer, quasiNewton, type QuasiNewtonOptions, type QuasiNewtonUpdate, type UpdateRecord } from './quasiNewton';
export { resolveStopping, type ResolvedStopping } from './types';
export { AdamWOptimizer, stepLr, cosineAnnealingLr, type AdamWOptions, type AdamWState } from './adamw';
export { RestartingQuasiNewton, type QuasiNewtonCounters, type RestartLoopOptions, type RestartLoopState } from './restartLoop';
