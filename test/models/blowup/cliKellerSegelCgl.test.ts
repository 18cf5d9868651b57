import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cglExperiment } from '../../../src/cli/cgl';

/**
 * Run `reproduce cgl` in a child Node process (vega's ES modules cannot load under jest's CJS
 * transform). keller-segel is tested with the other ported experiments in test/cli.
 */
function runCgl(cglArgs: string[]): { codes: number[]; json: Record<string, unknown>[] } {
  const cgl = resolve(__dirname, '../../../src/cli/cgl.ts');
  const code = `(async () => { const b = await import(${JSON.stringify(cgl)});
    const c2 = await b.cglExperiment(${JSON.stringify(cglArgs)});
    process.stdout.write('CODES ' + c2 + '\\n'); })();`;
  const out = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { encoding: 'utf8', timeout: 120000 });
  const lines = out.stdout.trim().split('\n');
  const codes = lines[lines.length - 1].split(' ').slice(1).map(Number);
  const json = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { codes, json };
}

describe('singularis reproduce cgl', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ks-cgl-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('bad flags exit with code 2 before any work (in process: no figure is rendered)', async () => {
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await cglExperiment(['--p', '1'])).toBe(2);
      expect(await cglExperiment(['--dim', '2'])).toBe(2);
      expect(await cglExperiment(['--beta', 'x'])).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });

  test('--quick run: JSON last line with the promised fields, figures and summary written', () => {
    const cglDir = join(dir, 'cgl');
    const r = runCgl(['--beta', '0.1', '--delta', '0.2', '--quick', '--tau', '20', '--grid', '60', '--out', cglDir, '--json']);
    expect(r.codes).toEqual([0]);
    expect(r.json).toHaveLength(1);
    const [cgl] = r.json as [any]; // eslint-disable-line @typescript-eslint/no-explicit-any
    for (const key of ['dim', 'tau', 'laws', 'blowupTime', 'directBlowupTime', 'heatReductionMaxDiff']) expect(cgl).toHaveProperty(key);
    expect(cgl.dim).toBe(1);
    expect(cgl.tau).toBe(20);
    expect(cgl.heatReductionMaxDiff).toBeLessThan(1e-11);
    expect(Math.abs(cgl.blowupTimeRichardson - cgl.directBlowupTime)).toBeLessThan(1e-3); // coarse grids here; the unit test checks 5e-6
    for (const f of ['laws.svg', 'profiles.svg', 'amplitude.svg', 'summary.md', 'result.json']) expect(existsSync(join(cglDir, f))).toBe(true);
  });
});
