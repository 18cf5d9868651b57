/**
 * The `singularis/billiards` model: pinned billiard balls (Burdzy, Hoskins & Steinerberger,
 * "From pinned billiard balls to partial differential equations") — the stochastic sorting and
 * pinned-balls models, Monte Carlo ensembles with white-noise diagnostics, and the mean-field PDEs.
 * @module billiards
 */
export * from './timeMap';
export * from './initialData';
export * from './collision';
export * from './pinnedBallsSteps';
export * from './sortingModel';
export * from './ensemblePlan';
export * from './ensemble';
export * from './whiteNoise';
export * from './freeze';
export * from './pde';
export * from './theorem23';
export * from './timeFit';
