/**
 * The `singularis/msfem` model (not yet implemented; this subpath is wired so that packaging is checked).
 * @module msfem
 */
export {};
