import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Run `reproduce cgl` in a child Node process (vega's ES modules cannot load under jest's CJS transform). */
function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const entry = resolve(__dirname, '../../../src/cli/cgl.ts');
  const code = `import(${JSON.stringify(entry)}).then((m) => m.cglExperiment(${JSON.stringify(args)})).then((c) => { process.exitCode = c; });`;
  const out = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { encoding: 'utf8', timeout: 120000 });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('singularis reproduce cgl', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cgl-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('--quick: JSON last line with dim, tau, laws, blowupTime, directBlowupTime, heatReductionMaxDiff; figures; bad flags exit 2', () => {
    const r = runCli(['--beta', '0.1', '--delta', '0.2', '--quick', '--tau', '20', '--grid', '60', '--out', dir, '--json']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const json = JSON.parse(lines[lines.length - 1]);
    for (const key of ['dim', 'tau', 'laws', 'blowupTime', 'directBlowupTime', 'heatReductionMaxDiff']) expect(json).toHaveProperty(key);
    expect(json.dim).toBe(1);
    expect(json.tau).toBe(20);
    expect(json.heatReductionMaxDiff).toBeLessThan(1e-11);
    expect(Math.abs(json.blowupTimeRichardson - json.directBlowupTime)).toBeLessThan(1e-3); // coarse grids here; the unit test checks 5e-6
    for (const f of ['laws.svg', 'profiles.svg', 'amplitude.svg', 'summary.md', 'result.json']) expect(existsSync(join(dir, f))).toBe(true);
    expect(runCli(['--p', '1']).status).toBe(2);
    expect(runCli(['--dim', '2']).status).toBe(2);
  });
});
