/**
 * The mean-field PDE half of the billiards model: the solver {@link meanFieldPde} for systems
 * (B) (corrected) and (C) of Section 4, its types, and the single-pass step kernels for users who
 * drive their own loop.
 *
 * @module
 */
export { meanFieldPde } from './meanFieldPde';
export type {
  MeanFieldPdeSpec,
  MeanFieldRunOptions,
  MeanFieldPdeResult,
  PdeScheme,
  PdeWalls,
  PdeStepper,
  PdeAdvection,
  PdeSnapshot,
  PdeSeries,
  PdeStats,
} from './pdeTypes';
export { DEFAULT_PDE_NODES, MIN_PDE_NODES } from './pdeSetup';
export {
  stepSchemeB,
  stepSchemeC,
  stateDiagnostics,
  DIAG_MOMENTUM,
  DIAG_ENERGY,
  DIAG_SIGMA2_INTEGRAL,
  DIAG_SIGMA2_MAX,
  DIAG_MIN_W,
  DIAG_LENGTH,
  type ExplicitCoefficients,
} from './pdeExplicitStep';
export { pdeEnergyWallFlux, pdeMomentumExact, pdeEnergyExact } from './pdeDiagnostics';
