/**
 * Linear algebra primitives: tridiagonal, banded and small dense direct solvers, least squares,
 * complex BLAS-1 kernels, an ml-matrix adapter for dense factorizations, and (in `sparse/`)
 * CSR matrices with iterative and direct sparse solvers.
 * @module linalg
 */
export * from './tridiagonal';
export * from './banded';
export * from './bandedCholesky';
export * from './dense';
export * from './leastSquares';
export * from './complex';
export * from './complexBanded';
export * from './mlMatrixAdapter';
export * from './hermitianEigen';
export * from './sparse/index';
export { solveSmallDense, solveSmallDenseUnchecked } from './smallSolve';
export { symmetricEigenvalues } from './symmetricEigenvalues';
export * from './complexThomas';
export * from './covarianceOperator';
export * from './complexDense';
