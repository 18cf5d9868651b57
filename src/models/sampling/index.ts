/**
 * The `singularis/sampling` model (not yet implemented; this subpath is wired so that packaging is checked).
 * @module sampling
 */
export {};
