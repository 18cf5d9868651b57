/**
 * singularis — numerical primitives: grids, differentiation, time stepping, quadrature and
 * weighted norms, linear algebra, randomness, statistics, optimizers and special functions.
 *
 * Model solvers live in subpaths: `singularis/billiards`, `/blowup`, `/kan`, `/pinn`, `/msfem`,
 * `/sampling`; scijs interop in `singularis/ndarray`; worker threads in `singularis/node`.
 * @module singularis
 */
export * from './core/index';
export * from './grid/index';
export * from './diff/index';
export * from './time/index';
export * from './quad/index';
export * from './linalg/index';
export * from './random/index';
export * from './stats/index';
export * from './optim/index';
export * from './special/index';
export * from './nn/index';
export * from './fft/index';
export * from './fem/index';
