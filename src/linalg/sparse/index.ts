/**
 * Sparse linear algebra: CSR matrices (real and complex) with finite-element assembly, SpMV and
 * Dirichlet elimination; Krylov solvers (CG/PCG, COCG, BiCGSTAB real and complex) with Jacobi and
 * IC(0) preconditioners; sparse direct solvers (AMD-ordered LDLᵀ for real symmetric and complex
 * symmetric matrices, RCM-reordered banded LU for general real matrices).
 * @module linalg/sparse
 */
export {
  type CsrPattern,
  type CsrMatrix,
  type ComplexCsrMatrix,
  type AnyCsrMatrix,
  type CsrAssemblyPattern,
  csrNnz,
  csrValueWidth,
  checkCsrMatrix,
  csrPatternFromTriplets,
  csrAssembleValues,
  csrFromTriplets,
  complexCsrFromTriplets,
  csrWithValues,
} from './csr';
export { csrMatVec, csrMatVecStrided, csrResidual, complexCsrMatVec, complexCsrMatVecStrided, complexCsrResidual } from './csrMatVec';
export { csrTranspose, csrDiagonal, csrFindEntry, csrScaleRows, csrApplyDirichlet } from './csrOps';
export { type AdjacencyGraph, symmetricAdjacency } from './adjacency';
export { approximateMinimumDegree } from './minimumDegree';
export { reverseCuthillMcKee } from './reverseCuthillMcKee';
export { type SparseOrdering, type SparseLdlSymbolic, sparseLdlAnalyze } from './ldlSymbolic';
export { type SparseLdlOptions, SparseLdlFactorization, solveSparseSymmetric } from './sparseLdl';
export { ComplexSymmetricLdlFactorization, solveSparseComplexSymmetric } from './complexSymmetricLdl';
export { type LinearOperator, type Preconditioner, type KrylovOptions, type KrylovResult } from './krylov';
export { conjugateGradient, cocg } from './conjugateGradient';
export { bicgstab, complexBicgstab } from './bicgstab';
export { jacobiPreconditioner, complexJacobiPreconditioner, IncompleteCholesky } from './preconditioners';
export { csrToBanded, ReorderedBandedLU } from './reorderedBandedLU';
