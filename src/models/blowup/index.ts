/**
 * The `singularis/blowup` model: blowup by dynamic rescaling (thesis Chapter 2 and §1.1) — a
 * reusable rescaling driver, the Riccati toy, the semilinear heat equation in 1D and radial nD
 * (and the 2-D tensor model), finite-codimension profiles, and an independent physical-time
 * computation of the blowup time. Guide: docs/blowup.md.
 * @module blowup
 */
export {
  runRescaled,
  initRescaled,
  RescaledStepper,
  type RescalingModel,
  type NormalizationMode,
  type NormalisationMode,
  type ModulationUpdate,
  type RescaledState,
  type RescaledStepControls,
  type RescaledRunOptions,
  type RescaledRunResult,
  type RescaledFinal,
  type RescaledStatsExtras,
  type RescaledHistory,
} from './driver';
export { rk4Explicit, ark3Imex, type RescalingScheme } from './schemes';
export {
  radialHeatModel,
  heatModulationsFromTaylor,
  type RadialHeatModelOptions,
  type RadialHeatModel,
} from './radialHeatModel';
export {
  heatProfile,
  heatProfileResidual,
  heatProfileCorrection,
  heatCorrectionMaximum,
  predictedHeatLaws,
} from './heatProfile';
export {
  thesisInitialData1D,
  initHeatBlowupRadial,
  heatBlowupRadial,
  heatBlowup1D,
  type HeatBlowupOptions,
  type HeatBlowupSeries,
  type HeatBlowupFinal,
  type HeatBlowupResult,
} from './heatBlowup';
export {
  riccatiExactSolution,
  riccatiToy,
  riccatiDampingRate,
  type RiccatiToyOptions,
  type RiccatiToyFinal,
  type RiccatiToyResult,
} from './riccati';
export {
  finiteCodimensionProfile,
  finiteCodimensionOperator,
  finiteCodimensionResidual,
  finiteCodimensionModulationMatrix,
  finiteCodimensionEigenvalues,
  finiteCodimensionRatesOnGrid,
} from './finiteCodimension';
export { heat2dModel, heat2dModulationsFromTaylor, type Heat2dModelOptions, type Heat2dModel } from './heat2dModel';
export { radialHeatSystem, type PhysicalHeatSystem } from './physicalRadial';
export { tensorHeatSystem2d } from './physicalTensor2d';
export {
  solvePhysicalHeat,
  correctedBlowupTime,
  type PhysicalHeatOptions,
  type PhysicalHeatFinal,
  type PhysicalHeatHistory,
  type PhysicalHeatStats,
  type PhysicalHeatResult,
} from './physicalBlowup';
export {
  thesisInitialData2D,
  initHeatBlowup2D,
  heatBlowup2D,
  type HeatBlowup2dOptions,
  type HeatBlowup2dSeries,
  type HeatBlowup2dFinal,
  type HeatBlowup2dResult,
} from './heat2dBlowup';
export { HeatRosenbrockStepper } from './physicalRosenbrock';
export { weakAdvectionBlowup, initWeakAdvection, WeakAdvectionStepper, type WeakAdvectionProblem, type WeakAdvectionState, type WeakAdvectionFinal, type WeakAdvectionHistory, type WeakAdvectionStats, type WeakAdvectionResult } from './weakAdvection';
export type { WeakAdvectionOperator, WeakAdvectionOperatorSettings, WeakAdvectionNormalization } from './weakAdvectionOperator';
export { weakAdvectionNodes, resolveWeakAdvectionParameters, defaultWeakAdvectionData, sampleWeakAdvectionData, type SampledWeakAdvectionData, type WeakAdvectionGridSpec, type WeakAdvectionParameters, type WeakAdvectionData, type ResolvedParameters } from './weakAdvectionSetup';
export { cuspExponent, holderPsiX0 } from './weakAdvectionDiagnostics';
export { dampingFormMatrix, dampingFormQuadrature, lemmaA61, type DampingQuadrature, type LemmaA61Result } from './lemmaA61';
export { weakAdvectionPhysical, type WeakAdvectionPhysicalProblem, type WeakAdvectionPhysicalFinal, type WeakAdvectionPhysicalHistory, type WeakAdvectionPhysicalResult } from './weakAdvectionPhysical';
export {
  kellerSegelAdmissibility,
  kellerSegelProfile,
  type KellerSegelManifoldPoint,
  type KellerSegelAdmissibility,
  type KellerSegelProfileProblem,
  type KellerSegelProfileState,
  type KellerSegelProfileStats,
  type KellerSegelProfileHistory,
  type KellerSegelProfileResult,
} from './kellerSegelProfile';
export {
  kellerSegelPhysical,
  initKellerSegelPhysical,
  scaledProfileData,
  rateEstimates,
  type KellerSegelPhysicalProblem,
  type KellerSegelPhysicalState,
  type KellerSegelPhysicalStats,
  type KellerSegelPhysicalHistory,
  type KellerSegelRateEstimates,
  type KellerSegelPhysicalResult,
  type KellerSegelPhysicalStepper,
} from './kellerSegelPhysical';
export {
  cglModel,
  mirroredNodes,
  resolveCglParameters,
  type CglModel,
  type CglParameters,
  type CglResolvedParameters,
} from './cglModel';
export {
  cglBlowup1D,
  masmoudiZaagB,
  type CglBlowupProblem,
  type CglBlowupHistory,
  type CglBlowupState,
  type CglBlowupResult,
  type CglBlowupStats,
  type CglGridSpec,
  type CglComplexData,
} from './cglBlowup';
export {
  cglPhysical,
  initCglPhysical,
  type CglPhysicalProblem,
  type CglPhysicalState,
  type CglPhysicalHistory,
  type CglPhysicalStats,
  type CglPhysicalResult,
} from './cglPhysical';
export { kellerSegelProfileSeries, kellerSegelTaylorMatrix } from './kellerSegelTaylor';
export { kellerSegelModulationLaws } from './kellerSegelTaylor';
export {
  kellerSegelRescaled,
  initKellerSegelRescaled,
  kellerSegelTrackedRange,
  type KellerSegelRescaledProblem,
  type KellerSegelRescaledHistory,
  type KellerSegelRescaledFinal,
  type KellerSegelRescaledResult,
} from './kellerSegelRescaled';
export {
  kellerSegelRescaledModel,
  type KellerSegelRescaledModel,
  type KellerSegelRescaledModelOptions,
} from './kellerSegelRescaledModel';
export { cgl2dModel, cgl2dQ, type Cgl2dModel, type Cgl2dModelOptions } from './cgl2dModel';
export {
  cglBlowup2D,
  initCglBlowup2D,
  type Cgl2dBlowupProblem,
  type Cgl2dBlowupHistory,
  type Cgl2dBlowupState,
  type Cgl2dBlowupResult,
  type Cgl2dComplexData,
} from './cgl2dBlowup';
export {
  cglPhysical2D,
  initCglPhysical2D,
  type CglPhysical2dProblem,
  type CglPhysical2dState,
  type CglPhysical2dHistory,
  type CglPhysical2dStats,
  type CglPhysical2dResult,
} from './cglPhysical2d';
