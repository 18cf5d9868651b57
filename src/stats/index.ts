/**
 * Statistics: exact summation, mergeable Welford/Chan accumulators, sample moments, ensemble
 * mean / covariance / cross-covariance / square roots, histograms, correlations and the
 * Kolmogorov–Smirnov test.
 * @module stats
 */
export { Adder, fsum } from './fsum';
export { WelfordAccumulator, type WelfordJSON } from './welford';
export { VectorWelfordAccumulator, type VectorWelfordJSON } from './vectorWelford';
export { sampleMoments, type SampleMoments, type SampleMomentsOptions } from './moments';
export {
  ensembleMean,
  ensembleCovariance,
  ensembleCrossCovariance,
  centeredEnsembleMatrix,
  applyEnsembleCovariance,
  covarianceSquareRoot,
  type MemberLayout,
  type EnsembleOptions,
  type CovarianceOptions,
  type CovarianceSquareRootOptions,
  type CovarianceSquareRoot,
} from './ensemble';
export { Histogram } from './histogram';
export { pearsonCorrelation, pearsonCorrelationStrided, lagCorrelation, autocorrelation } from './correlation';
export { ksTest, ksTestNormal, type KsTestResult } from './ks';
export { logLogSlope } from './powerLaw';
export { EnsembleKalmanWorkspace, ensembleKalmanMisfitMatrix } from './ensembleKalman';
