/**
 * The `singularis/msfem` model: the exponentially convergent multiscale finite element method
 * (ExpMsFEM) of thesis Chapter 4 for `−∇·(A∇u) + V u = f` (elliptic and Helmholtz), and its error
 * measures. The local building blocks (local problems, edge eigenproblems, cell and edge assembly, the
 * online solve) are internal: tests import them from their files.
 * @module msfem
 */
export { expMsfem, initExpMsfem, type MsfemResult, type MsfemFinal, type MsfemStats, type MsfemHistory } from './expMsfem';
export { type MsfemProblem, type MsfemRealField, type MsfemComplexField, type MsfemSide, type MsfemSetup, setupMsfem } from './problem';
export { relativeErrors, quadraticForm } from './errors';
export type { EdgeBasis } from './edgeBasis';
export type { CellData, CellResult } from './offline';
export type { OnlineSolution } from './galerkin';
export type { LocalProblem, CellOperators } from './localProblem';
export type { MsfemOfflineTask, MsfemTaskSpec } from './tasks';
