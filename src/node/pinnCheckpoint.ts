/**
 * Checkpoint files of `singularis/pinn` training runs: atomic writes (temporary file + rename, so a
 * crash mid-write keeps the previous checkpoint) and validated reads.
 *
 * @module
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { InvalidArgumentError } from '../core/errors';
import { parseBoussinesqCheckpoint, type BoussinesqCheckpoint } from '../models/pinn/boussinesqCheckpoint';
import { parseCheckpoint, type ProfileCheckpoint } from '../models/pinn/checkpoint';

/** Write `value` as JSON to `path` atomically: a temporary file, then a rename over `path`. */
function writeJsonAtomic(path: string, value: unknown): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, path);
}

/** Read the text of a checkpoint file; `InvalidArgumentError` naming `checkpoint file` if it cannot be read. */
function readCheckpointText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InvalidArgumentError('checkpoint file', 'an existing, readable file', `${path}: ${(error as Error).message}`);
  }
}

/**
 * Write a checkpoint to `path` atomically (JSON; numbers round-trip exactly).
 * @example
 * ```ts
 * trainProfile({ ...problem, checkpointEvery: 1000, onCheckpoint: (c) => writeProfileCheckpoint('run.ckpt.json', c) });
 * ```
 */
export function writeProfileCheckpoint(path: string, checkpoint: ProfileCheckpoint): void {
  writeJsonAtomic(path, checkpoint);
}

/**
 * Read and validate a checkpoint file; a missing, corrupt or foreign file throws
 * `InvalidArgumentError`/`InvalidTypeError` naming `checkpoint…`.
 * @example
 * ```ts
 * const resume = readProfileCheckpoint('run.ckpt.json');
 * trainProfile({ ...problem, resume });
 * ```
 */
export function readProfileCheckpoint(path: string): ProfileCheckpoint {
  return parseCheckpoint(readCheckpointText(path));
}

/**
 * Write a Boussinesq checkpoint to `path` atomically (temporary file + rename).
 * @example
 * ```ts
 * trainBoussinesqProfile({ ...problem, checkpointEvery: 1000, onCheckpoint: (c) => writeBoussinesqCheckpoint('bous.ckpt.json', c) });
 * ```
 */
export function writeBoussinesqCheckpoint(path: string, checkpoint: BoussinesqCheckpoint): void {
  writeJsonAtomic(path, checkpoint);
}

/**
 * Read and validate a Boussinesq checkpoint file; a missing, corrupt or foreign file throws
 * `InvalidArgumentError`/`InvalidTypeError` naming `checkpoint…`.
 * @example
 * ```ts
 * trainBoussinesqProfile({ ...problem, resume: readBoussinesqCheckpoint('bous.ckpt.json') });
 * ```
 */
export function readBoussinesqCheckpoint(path: string): BoussinesqCheckpoint {
  return parseBoussinesqCheckpoint(readCheckpointText(path));
}
