/**
 * The library version, written into every file the library produces (reports, shard files,
 * checkpoints, saved models) so that a reader can refuse data from another version. A test keeps it
 * equal to package.json's `version`.
 *
 * @module
 */

/**
 * The version of this build of singularis.
 *
 * @example
 * ```ts
 * import { VERSION } from 'singularis';
 * VERSION; // "0.1.0"
 * ```
 */
export const VERSION = '0.1.0';
