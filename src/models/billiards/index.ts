/**
 * The `singularis/billiards` model (not yet implemented; this subpath is wired so that packaging is checked).
 * @module billiards
 */
export {};
