import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicExports, type PublicExport } from './publicExports';

/**
 * Every public export (reachable from package.json `exports`) has an `@example` in its TSDoc.
 * `exportsWithoutExample.json` lists the exports (`file#name`, mostly option and result types)
 * still without one: the list may only shrink — a new export without an example fails, and so
 * does a listed export that gained one (remove it from the list).
 */
const root = join(__dirname, '..', '..');
const key = (e: PublicExport) => `${e.file}#${e.name}`;

describe('@example on every public export', () => {
  let all: PublicExport[] = [];
  let pending: Set<string>;
  beforeAll(() => {
    all = publicExports(root);
    pending = new Set(JSON.parse(readFileSync(join(__dirname, 'exportsWithoutExample.json'), 'utf8')) as string[]);
  }, 60_000);

  test('the entry points export something (the scan works)', () => {
    expect(all.length).toBeGreaterThan(500);
    expect(all.some((e) => e.entry === '.' && e.name === 'odeProblem' && e.hasExample)).toBe(true);
  });

  test('no export outside the pending list lacks an @example', () => {
    const offenders = [...new Set(all.filter((e) => !e.hasExample && !pending.has(key(e))).map((e) => `${key(e)} (${e.entry})`))];
    expect(offenders).toEqual([]);
  });

  test('the pending list only holds exports that still exist and still lack an @example', () => {
    const lacking = new Set(all.filter((e) => !e.hasExample).map(key));
    const stale = [...pending].filter((k) => !lacking.has(k));
    expect(stale).toEqual([]);
  });
});
