/**
 * Time integration: ODE problems, step-by-step integrators and `solve` (RK4, SSP-RK3, DOPRI5,
 * IMEX Euler, ARS(2,2,2), ARK3(2)4L[2]SA), the RODAS3 Rosenbrock stepper, stiff linear operators for IMEX, events, and SDE steppers
 * (Euler–Maruyama, BAOAB Langevin).
 * @module time
 */
export { odeProblem, type OdeProblem, type OdeProblemSpec, type OdeRhs, type OdeStats } from './problem';
export { tridiagonalOperator, diagonalOperator, type StiffLinearOperator, type TridiagonalOperatorSpec } from './linearOperator';
export { init, type OdeIntegrator, type OdeAlgorithm, type IntegratorOptions, type IntegratorStatus } from './integrator';
export type { StepSize, FixedStepOptions } from './fixedStepIntegrator';
export { rk4, sspRk3 } from './explicitRk';
export { imexEuler, imexArs222, imexArk324 } from './imex';
export { ark324L2SA, AdditiveRkStepper, additiveRkStageInput, additiveRkCombination, type AdditiveRkTableau, type AdditiveRkSystem } from './additiveRk';
export { Rodas3Stepper, type RosenbrockSystem } from './rosenbrock';
export { ark324, type Ark324Options } from './ark324';
export { dopri5, type Dopri5Options } from './dopri5';
export { brentRoot, type OdeEvent, type EventHit } from './events';
export { solve, type SolveOptions } from './solve';
export type { OdeSolution } from './solution';
export { sdeProblem, EulerMaruyama, solveSde, type SdeProblem, type SdeProblemSpec, type SdeSolveOptions, type SdeSolution } from './sde';
export { BaoabLangevin, type LangevinSpec, type LangevinRunOptions, type LangevinRunResult } from './langevin';
export { StepSizeController, type StepControllerOptions } from './stepController';
export { leapfrogStep, ornsteinUhlenbeckStep } from './splitting';
