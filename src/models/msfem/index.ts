/**
 * The `singularis/msfem` model: the exponentially convergent multiscale finite element method
 * (ExpMsFEM) of thesis Chapter 4 for `−∇·(A∇u) + V u = f` (elliptic and Helmholtz), with its
 * local building blocks and error measures.
 * @module msfem
 */
export { expMsfem, initExpMsfem, type MsfemResult, type MsfemFinal, type MsfemStats, type MsfemHistory } from './expMsfem';
export { type MsfemProblem, type MsfemRealField, type MsfemComplexField, type MsfemSide, type MsfemSetup, setupMsfem, globalMatrices } from './problem';
export { relativeErrors, quadraticForm } from './errors';
export { LocalProblem, sparseTimesDense } from './localProblem';
export { type EdgeBasis, edgeEigen, edgeGram, restrictToEdge, tracesForModes } from './edgeBasis';
export { type CellData, buildCell, buildEdge, edgeCells } from './offline';
export { type OnlineSolution, solveOnline } from './galerkin';
