/**
 * The `singularis/billiards` model: pinned billiard balls (Burdzy, Hoskins & Steinerberger,
 * "From pinned billiard balls to partial differential equations") — the stochastic sorting and
 * pinned-balls models, Monte Carlo ensembles with white-noise diagnostics, and the mean-field PDEs.
 * @module billiards
 */
export { MIN_BALLS, stepsPerUnitTime, stepsForTau, tauForSteps, lambdaForBalls } from './timeMap';
export {
  ORIENTATIONS,
  section3Mean,
  section3Sigma,
  initialProfiles,
  ballCoordinates,
  sampleProfiles,
  drawInitialVelocities,
  type Orientation,
  type InitialProfiles,
  type InitialDataOptions,
  type SampledProfiles,
} from './initialData';
export { energyExchange, orderPair, pinnedBallsCollision, pinnedBallsStep, type CollisionDraw } from './collision';
export { pinnedBallsSteps } from './pinnedBallsSteps';
export { runSortingModel, type SortingModelOptions, type SortingModelResult, type SortingModelStats } from './sortingModel';
export { planPinnedBallsEnsemble, type PinnedBallsEnsembleOptions, type EnsemblePlan } from './ensemblePlan';
export {
  pinnedBallsEnsemble,
  ensembleFreezeTime,
  type EnsembleStatus,
  type EnsembleState,
  type PinnedBallsEnsembleResult,
  type EnsembleStats,
  type EnsembleHistory,
} from './ensemble';
export { whiteNoiseDiagnostics, type WhiteNoiseOptions, type WhiteNoiseDiagnostics } from './whiteNoise';
export { freezeTime, type FreezeOptions, type FreezeResult } from './freeze';
export {
  meanFieldPde,
  DEFAULT_PDE_NODES,
  MIN_PDE_NODES,
  pdeEnergyWallFlux,
  pdeMomentumExact,
  pdeEnergyExact,
  type MeanFieldPdeSpec,
  type MeanFieldRunOptions,
  type MeanFieldPdeResult,
  type PdeScheme,
  type PdeWalls,
  type PdeStepper,
  type PdeAdvection,
  type PdeSnapshot,
  type PdeSeries,
  type PdeStats,
} from './pde';
export {
  theorem23OneStep,
  polarRule,
  tripleRadiusMoments,
  type SmoothProfile,
  type Theorem23Input,
  type Theorem23Result,
  type PolarRule,
  type TripleRadiusMoments,
} from './theorem23';
export {
  pdeTimeFitter,
  bestFitPdeTime,
  ensembleTimeFits,
  type PdeProfiles,
  type PdeTimeFitWindow,
  type PdeTimeFitOptions,
  type PdeTimeFit,
  type EnsembleTimeFit,
  type PdeTimeFitter,
} from './timeFit';
