/**
 * The package version: inlined by the build, read from package.json when running from source.
 * @module
 */
import { readFileSync } from 'node:fs';

/** The singularis version (`0.1.0`). */
export function libraryVersion(): string {
  if (typeof __SINGULARIS_VERSION__ === 'string') return __SINGULARIS_VERSION__;
  try {
    return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
