/**
 * The report folder, checked before any work and written atomically: the report is assembled in a
 * temporary sibling folder (same file system) that is renamed onto `--out` at the end, so an
 * interrupted or failed run never leaves a mix of old and new files.
 *
 * Refused before work (usage errors): an `--out` that is a file; one that cannot be created or
 * written; a folder holding another run's report (unless `--force`); a non-empty folder that holds
 * no report (never overwritten, even with `--force`).
 *
 * @module
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './usageError';

/** Files whose presence marks a folder as a report of a previous run. */
const REPORT_MARKERS = ['result.json', 'summary.md'];

/** A checked report destination with its temporary folder. */
export interface PreparedOutDir {
  /** Absolute path of `--out`. */
  target: string;
  /** Absolute path of the temporary folder the report is written into. */
  temp: string;
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'ENOTDIR' ? 'a parent is a file, not a folder' : e.code === 'EROFS' ? 'read-only file system' : (e.message ?? String(err));
}

/** Check `--out` as it stands now; throws {@link UsageError}. */
function checkExisting(target: string, force: boolean): void {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) throw new UsageError(`--out ${JSON.stringify(target)} is a file, not a folder; choose a folder`);
  const entries = readdirSync(target);
  if (entries.length === 0) return;
  if (REPORT_MARKERS.some((m) => entries.includes(m))) {
    if (!force) throw new UsageError(`--out ${JSON.stringify(target)} holds another run's report; pass --force to replace it, or choose another folder`);
    return;
  }
  throw new UsageError(`--out ${JSON.stringify(target)} is not empty and holds no singularis report; choose a new or empty folder (it is never overwritten)`);
}

/**
 * Check `--out` and create the temporary folder beside it, before any work.
 * @example
 * ```ts
 * const dir = prepareOutDir('report', false); // throws UsageError when unusable
 * ```
 */
export function prepareOutDir(out: string, force: boolean): PreparedOutDir {
  const target = resolve(out);
  checkExisting(target, force);
  const parent = dirname(target);
  try {
    mkdirSync(parent, { recursive: true });
  } catch (err) {
    throw new UsageError(`--out ${JSON.stringify(target)} cannot be created: ${reason(err)}`);
  }
  let temp: string;
  try {
    temp = mkdtempSync(join(parent, `.${basename(target)}.partial-`));
  } catch (err) {
    throw new UsageError(`--out ${JSON.stringify(target)} is not writable: cannot write in ${JSON.stringify(parent)} (${reason(err)})`);
  }
  return { target, temp };
}

/**
 * Shard mode: `--out` is a folder collecting the shard files of many invocations (possibly on many
 * machines at once): created when missing, checked writable, never cleared. The temporary folder is
 * only scratch space for the worker and is removed at the end.
 * @example
 * ```ts
 * const dir = prepareShardDir('shards'); // throws UsageError when unusable
 * ```
 */
export function prepareShardDir(out: string): PreparedOutDir {
  const target = resolve(out);
  if (existsSync(target) && !statSync(target).isDirectory()) throw new UsageError(`--out ${JSON.stringify(target)} is a file, not a folder; choose a folder for the shard files`);
  try {
    mkdirSync(target, { recursive: true });
  } catch (err) {
    throw new UsageError(`--out ${JSON.stringify(target)} cannot be created: ${reason(err)}`);
  }
  let temp: string;
  try {
    temp = mkdtempSync(join(target, '.shard-partial-'));
  } catch (err) {
    throw new UsageError(`--out ${JSON.stringify(target)} is not writable (${reason(err)})`);
  }
  return { target, temp };
}

/** Move the finished (or partial) report into place, replacing an earlier report when allowed. */
export function commitOutDir(dir: PreparedOutDir, force: boolean): void {
  checkExisting(dir.target, force);
  if (existsSync(dir.target)) {
    const old = `${dir.target}.replaced-${process.pid}`;
    renameSync(dir.target, old);
    renameSync(dir.temp, dir.target);
    rmSync(old, { recursive: true, force: true });
    return;
  }
  renameSync(dir.temp, dir.target);
}

/** Remove the temporary folder (usage errors after preparation, hard exits). */
export function discardOutDir(dir: PreparedOutDir): void {
  rmSync(dir.temp, { recursive: true, force: true });
}
