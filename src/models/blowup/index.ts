/**
 * The `singularis/blowup` model (not yet implemented; this subpath is wired so that packaging is checked).
 * @module blowup
 */
export {};
