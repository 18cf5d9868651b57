/**
 * Random numbers: the seeded, serializable xoshiro128** generator with jump-ahead streams,
 * uniform / integer / ziggurat-normal samplers and multivariate normal draws.
 * @module random
 */
export { Rng, streams, type RngJSON } from './rng';
export { seedState, type Seed } from './seed';
export { normalTail, zigguratTables, ZIGGURAT_LAYERS, ZIGGURAT_R, ZIGGURAT_V, type ZigguratTables, type UniformSource } from './ziggurat';
export { uniformAngleCosSin, wordToSymmetricUnit, type Uint32Source } from './diskAngle';
export { lemireInteger, LEMIRE_MAX_RANGE } from './lemireInteger';
export { GaussianRandomField, type GaussianRandomFieldOptions } from './gaussianRandomField';
export { PeriodicGaussianField1d, type PeriodicGaussianFieldOptions } from './periodicGaussianField';
export { Mulberry32 } from './mulberry32';
export { sampleBox, sampleBoxMixture, sampleBoxSide, type Box } from './boxSamplers';
export { NeumannGaussianField2d, type NeumannGaussianFieldOptions } from './neumannGaussianField2d';
