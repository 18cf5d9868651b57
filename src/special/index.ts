/**
 * Special functions: the error function family, the normal distribution, gamma and the
 * Kolmogorov distribution, all to (near) full double precision.
 * @module special
 */
export { erf, erfc, erfcx } from './erf';
export { normalPdf, normalCdf, normalSurvival, normalQuantile } from './normal';
export { gamma, logGamma } from './gamma';
export { kolmogorovSurvival, kolmogorovCdf } from './kolmogorov';
