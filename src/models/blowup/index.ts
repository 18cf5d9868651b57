/**
 * The `singularis/blowup` model: blowup by dynamic rescaling (thesis Chapter 2 and §1.1) — a
 * reusable rescaling driver, the Riccati toy, the semilinear heat equation in 1D and radial nD
 * (and the 2-D tensor model), finite-codimension profiles, and an independent physical-time
 * computation of the blowup time. Guide: docs/blowup.md.
 * @module blowup
 */
export * from './driver';
export * from './schemes';
export * from './radialHeatModel';
export * from './heatProfile';
export * from './heatBlowup';
export * from './riccati';
export * from './finiteCodimension';
export * from './heat2dModel';
export * from './physicalRadial';
export * from './physicalTensor2d';
export * from './physicalBlowup';
export * from './heat2dBlowup';
export * from './physicalRosenbrock';
export { weakAdvectionBlowup, initWeakAdvection, WeakAdvectionStepper, type WeakAdvectionProblem, type WeakAdvectionState, type WeakAdvectionFinal, type WeakAdvectionHistory, type WeakAdvectionStats, type WeakAdvectionResult } from './weakAdvection';
export { weakAdvectionOperator, type WeakAdvectionOperator, type WeakAdvectionOperatorSettings, type WeakAdvectionNormalization } from './weakAdvectionOperator';
export { weakAdvectionNodes, resolveWeakAdvectionParameters, defaultWeakAdvectionData, sampleWeakAdvectionData, type SampledWeakAdvectionData, type WeakAdvectionGridSpec, type WeakAdvectionParameters, type WeakAdvectionData, type ResolvedParameters } from './weakAdvectionSetup';
export { cuspExponent, holderPsiX0 } from './weakAdvectionDiagnostics';
export { dampingFormMatrix, dampingFormQuadrature, lemmaA61, type DampingQuadrature, type LemmaA61Result } from './lemmaA61';
export { weakAdvectionPhysical, type WeakAdvectionPhysicalProblem, type WeakAdvectionPhysicalFinal, type WeakAdvectionPhysicalHistory, type WeakAdvectionPhysicalResult } from './weakAdvectionPhysical';
export {
  kellerSegelAdmissibility,
  kellerSegelProfile,
  kellerSegelManifoldStart,
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
export { cglComplexRates, cglAmplitudePhaseRates } from './cglAmplitudePhase';
export { kellerSegelProfileSeries, kellerSegelTaylorMatrix } from './kellerSegelTaylor';
