/**
 * Quadrature: trapezoid / non-uniform Simpson / Gauss–Legendre weights, weighted measures with
 * singular and radial weights, L^p / H^k / sup norms, tensor-product 2-D weights and space-time norms.
 * @module quad
 */
export { weightedSum, integrate, type QuadratureRule } from './rule';
export { trapezoidWeights } from './trapezoid';
export { simpsonWeights } from './simpson';
export { gaussLegendre } from './gaussLegendre';
export { powerWeight, evaluatePowerWeight, powerWeightMoment, powerWeightMomentConverges, type PowerTerm, type PowerWeight } from './powerWeight';
export { WeightedMeasure, type WeightSpec, type SingularityTreatment, type WeightedMeasureOptions } from './weightedMeasure';
export { supNorm, weightedSupNorm, weightedHkNorm, weightedHkNormByDifferentiation } from './norms';
export { tensorProductWeights, tensorProductNodes } from './tensor';
export { spaceTimeLpNorm, spaceTimeH1Norm, type Snapshots, type SpaceTimeOptions } from './spaceTime';
export { dirichletGreenSolve, dirichletGreenKernel } from './dirichletGreen';
