import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cglExperiment } from '../../../src/cli/cgl';
import { kellerSegelExperiment } from '../../../src/cli/kellerSegel';

/**
 * Run `reproduce keller-segel` and `reproduce cgl` one after the other in one child Node process
 * (vega's ES modules cannot load under jest's CJS transform; one process saves a start-up).
 */
function runBoth(ksArgs: string[], cglArgs: string[]): { codes: number[]; json: Record<string, unknown>[] } {
  const ks = resolve(__dirname, '../../../src/cli/kellerSegel.ts');
  const cgl = resolve(__dirname, '../../../src/cli/cgl.ts');
  const code = `(async () => { const a = await import(${JSON.stringify(ks)}); const b = await import(${JSON.stringify(cgl)});
    const c1 = await a.kellerSegelExperiment(${JSON.stringify(ksArgs)}); const c2 = await b.cglExperiment(${JSON.stringify(cglArgs)});
    process.stdout.write('CODES ' + c1 + ' ' + c2 + '\\n'); })();`;
  const out = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { encoding: 'utf8', timeout: 120000 });
  const lines = out.stdout.trim().split('\n');
  const codes = lines[lines.length - 1].split(' ').slice(1).map(Number);
  const json = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { codes, json };
}

describe('singularis reproduce keller-segel / cgl', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ks-cgl-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('bad flags exit with code 2 before any work (in process: no figure is rendered)', async () => {
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await kellerSegelExperiment(['--mu', '0.4'])).toBe(2);
      expect(await kellerSegelExperiment(['--physical-j0', '3'])).toBe(2);
      expect(await kellerSegelExperiment(['--j0', '4.5'])).toBe(2);
      expect(await cglExperiment(['--p', '1'])).toBe(2);
      expect(await cglExperiment(['--dim', '2'])).toBe(2);
      expect(await cglExperiment(['--beta', 'x'])).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });

  test('--quick runs: JSON last lines with the promised fields, figures and summaries written', () => {
    const ksDir = join(dir, 'ks');
    const cglDir = join(dir, 'cgl');
    const r = runBoth(['--mu', '0,0.2', '--j0', '4,10', '--quick', '--out', ksDir, '--json'], ['--beta', '0.1', '--delta', '0.2', '--quick', '--tau', '20', '--grid', '60', '--out', cglDir, '--json']);
    expect(r.codes).toEqual([0, 0]);
    expect(r.json).toHaveLength(2);
    const [ks, cgl] = r.json as [any, any]; // eslint-disable-line @typescript-eslint/no-explicit-any
    // Keller–Segel
    expect(ks.profiles).toHaveLength(4);
    for (const p of ks.profiles) for (const key of ['mu', 'j0', 'beta', 'Q1', 'Q2', 'Q10', 'farSlope', 'admissible']) expect(p).toHaveProperty(key);
    const byPair = (mu: number, j0: number) => ks.profiles.find((p: { mu: number; j0: number }) => p.mu === mu && p.j0 === j0);
    expect(byPair(0, 4).admissible).toBe(true);
    expect(byPair(0.2, 4).admissible).toBe(false);
    expect(byPair(0.2, 4).Q1).toBeNull();
    expect(byPair(0.2, 10).admissible).toBe(true);
    expect(byPair(0, 4).Q1).toBeCloseTo(0.60681332063, 9);
    expect(ks.physical.rateToQ0).toBeCloseTo(1, 5);
    expect(ks.physical.blowupTime).toBeCloseTo(1, 5);
    for (const f of ['profiles.svg', 'phase.svg', 'amplitude.svg', 'summary.md', 'result.json']) expect(existsSync(join(ksDir, f))).toBe(true);
    // CGL
    for (const key of ['dim', 'tau', 'laws', 'blowupTime', 'directBlowupTime', 'heatReductionMaxDiff']) expect(cgl).toHaveProperty(key);
    expect(cgl.dim).toBe(1);
    expect(cgl.tau).toBe(20);
    expect(cgl.heatReductionMaxDiff).toBeLessThan(1e-11);
    expect(Math.abs(cgl.blowupTimeRichardson - cgl.directBlowupTime)).toBeLessThan(1e-3); // coarse grids here; the unit test checks 5e-6
    for (const f of ['laws.svg', 'profiles.svg', 'amplitude.svg', 'summary.md', 'result.json']) expect(existsSync(join(cglDir, f))).toBe(true);
  });
});
