/**
 * singularis — numerical primitives. Model solvers live in subpaths
 * (`singularis/billiards`, `/blowup`, `/kan`, `/pinn`, `/msfem`, `/sampling`).
 * @module singularis
 */
export * from './core/index';
export * from './linalg/tridiagonal';
