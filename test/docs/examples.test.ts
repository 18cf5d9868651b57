import { join } from 'node:path';
import { publicExports, type PublicExport } from './publicExports';

/**
 * Every public value export (function, class, constant) reachable from package.json `exports` has an
 * `@example` in its TSDoc. Option and result types are documented field by field instead (typedoc
 * fails on an undocumented property) and appear in the examples of the functions that take them.
 */
const root = join(__dirname, '..', '..');
const key = (e: PublicExport) => `${e.file}#${e.name} (${e.entry})`;

describe('@example on every public export', () => {
  let all: PublicExport[] = [];
  beforeAll(() => {
    all = publicExports(root);
  }, 60_000);

  test('the entry points export something (the scan works and tells values from types)', () => {
    expect(all.length).toBeGreaterThan(500);
    expect(all.some((e) => e.entry === '.' && e.name === 'odeProblem' && e.kind === 'value' && e.hasExample)).toBe(true);
    expect(all.some((e) => e.entry === '.' && e.name === 'OdeProblem' && e.kind === 'type')).toBe(true);
  });

  test('every function, class and constant has an @example', () => {
    const offenders = [...new Set(all.filter((e) => e.kind === 'value' && !e.hasExample).map(key))];
    expect(offenders).toEqual([]);
  });
});
