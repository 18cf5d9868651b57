/**
 * Kolmogorov–Arnold networks (thesis `004_be634b2a977eac51.txt`, Chapter 3): layers of learnable
 * edge functions φ(x) = w_b·silu(x) + w_s·spline(x) on extended B-spline grids, exact
 * forward/reverse differentiation (parameters and input jets), thesis/pykan initialization,
 * L-BFGS/Adam training with grid update, grid extension and sparsity regularization.
 * Guide: docs/kan.md.
 * @module kan
 */
export * from './functions';
export * from './layer';
export * from './network';
export * from './workspace';
export * from './propagation';
export * from './initialization';
export * from './activations';
export * from './gridRefit';
export * from './regularization';
export * from './objective';
export * from './training';
export * from './localBasis';
// interpretability and experiments
export * from './symbolicLibrary';
export * from './symbolicFit';
export * from './symbolicNetwork';
export * from './formulaExpression';
export * from './formula';
export * from './attribution';
export * from './prune';
export * from './experimentsPipeline';
export * from './experimentsStaircase';
export * from './experimentsModels';
export * from './experimentsSpectralBias';
export * from './gaussianRandomField';
export * from './experimentsGrf';
export * from './experimentsPoisson';
