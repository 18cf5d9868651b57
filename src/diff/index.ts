/**
 * Differentiation and spline primitives: Fornberg finite-difference weights and banded
 * differentiation matrices on any grid, cubic-spline derivative operators (factor once, apply
 * many times, strided/axis application), even/odd Taylor fits at the origin, and B-spline bases
 * with least-squares fitting.
 * @module diff
 */
export * from './fornberg';
export type { NodesLike } from './nodes';
export * from './finiteDifferenceOperator';
export type { SplineEndCondition, ResolvedEndCondition } from './splineEndConditions';
export * from './cubicSpline';
export * from './cubicSplineOperator';
export * from './parityFit';
export * from './bsplineBasis';
export * from './bsplineFit';
