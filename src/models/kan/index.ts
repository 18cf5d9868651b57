/**
 * The `singularis/kan` model (not yet implemented; this subpath is wired so that packaging is checked).
 * @module kan
 */
export {};
