/**
 * Finite elements: bilinear (Q1) reference matrices, assembly to CSR on structured grids and
 * sub-grids (diffusion, complex potential, Robin sides; energy-norm and mass matrices), loads,
 * errors against exact solutions, Dirichlet elimination and fine-scale direct solves with
 * nested-dissection ordering, and a one-call diffusion (Darcy) solver.
 * @module fem
 */
export { q1ElementStiffness, q1ElementMass, q1EdgeMass } from './q1Reference';
export { type RealField, type ComplexField, sampleCells, sampleNodes, sampleSide, expandField, expandComplexField, isComplexField } from './coefficients';
export { type Q1Coefficients, q1Pattern, assembleQ1Real, assembleQ1Complex, assembleQ1Norm, assembleQ1Mass } from './q1Assembly';
export { q1Load, q1BoundaryLoad, q1Errors } from './q1Load';
export { csrBlock } from './blocks';
export { nestedDissectionOrdering } from './nestedDissection';
export { type Q1SolveOptions, type Q1SolveResult, solveQ1Dirichlet } from './q1Solve';
export { type DiffusionProblem, type DiffusionSolution, solveDiffusion } from './diffusion';
export { BandedDiffusionSolver } from './bandedDiffusion';
