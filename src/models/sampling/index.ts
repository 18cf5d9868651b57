/**
 * The `singularis/sampling` model: ensemble Langevin samplers for Bayesian inverse problems (thesis
 * Appendix C and §1.3) — EKHMC (second-order, gradient-free or with gradients), EKS and ALDI
 * (first-order, linearly implicit), a pCN reference chain, and the linear-Gaussian theory
 * (exact posterior, moment equations, spectral gap and optimal damping). Guide: docs/sampling.md.
 * @module sampling
 */
export {
  covarianceOperator,
  type CovarianceSpec,
  type GaussianPrior,
  type InverseProblem,
  type EnsembleSetup,
} from './problem';
export { forceNorm, runSamplerAsync, type EnsembleStepperBase, type StepFailure, type AsyncForwardBatch, type ForceNorm, type NoiseSqrt, type EnsembleHistory, type SamplerStats, type SamplerResult, type RecordOptions } from './ensembleRun';
export { farthestParticle, DEFAULT_DIVERGENCE_THRESHOLD, type DivergenceOptions, type FarthestParticle } from './divergence';
export { ekhmc, initEkhmc, EkhmcStepper, OPTIMAL_DAMPING, type EkhmcProblem } from './ekhmc';
export { eks, aldi, initEks, initAldi, EksStepper, type EksProblem, type EksStepRule } from './eks';
export { pcn, initPcn, PcnStepper, type PcnStats, type PcnResultStats, type PcnProblem, type PcnResult, type PcnHistory } from './pcn';
export {
  linearGaussianPosterior,
  linearInverseProblem,
  momentOdeRhs,
  integrateMomentOde,
  type LinearInverseProblem,
  type GaussianPosterior,
  type MomentState,
} from './linearGaussian';
export { spectralGap, spectralGapRoot, unstableModeRoot, maximizeSpectralGap, MAX_SPECTRAL_GAP, type SpectralGapMaximum } from './spectralGap';
export {
  lowDimensionalProblem,
  lowDimensionalPressure,
  lowDimensionalInitialEnsemble,
  quadraturePosterior2d,
  type QuadraturePosterior,
  type QuadraturePosteriorOptions,
} from './lowDimensional';
export { darcyKlBasis, darcyLogPermeability, darcyMetrics, type DarcyKlOptions, type DarcyKlBasis, type DarcyMetrics } from './darcyPrior';
export { darcyForwardMap, darcyProblem, type DarcyOptions, type DarcyForwardMap, type DarcyProblem } from './darcy';
