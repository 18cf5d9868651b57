/**
 * The `singularis/pinn` model (not yet implemented; this subpath is wired so that packaging is checked).
 * @module pinn
 */
export {};
