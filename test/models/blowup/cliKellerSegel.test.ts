import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Run `reproduce keller-segel` in a child Node process (vega's ES modules cannot load under jest's CJS transform). */
function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const entry = resolve(__dirname, '../../../src/cli/kellerSegel.ts');
  const code = `import(${JSON.stringify(entry)}).then((m) => m.kellerSegelExperiment(${JSON.stringify(args)})).then((c) => { process.exitCode = c; });`;
  const out = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { encoding: 'utf8', timeout: 120000 });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('singularis reproduce keller-segel', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keller-segel-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('--quick: JSON last line with profiles (admissible flags, Q values) and the physical rate; figures written; bad flags exit 2', () => {
    const r = runCli(['--mu', '0,0.2', '--j0', '4,10', '--quick', '--out', dir, '--json']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const json = JSON.parse(lines[lines.length - 1]);
    expect(json.profiles).toHaveLength(4);
    for (const p of json.profiles) for (const key of ['mu', 'j0', 'beta', 'Q1', 'Q2', 'Q10', 'farSlope', 'admissible']) expect(p).toHaveProperty(key);
    const byPair = (mu: number, j0: number) => json.profiles.find((p: { mu: number; j0: number }) => p.mu === mu && p.j0 === j0);
    expect(byPair(0, 4).admissible).toBe(true);
    expect(byPair(0.2, 4).admissible).toBe(false);
    expect(byPair(0.2, 4).Q1).toBeNull();
    expect(byPair(0.2, 10).admissible).toBe(true);
    expect(byPair(0, 4).Q1).toBeCloseTo(0.60681332063, 9);
    expect(json.physical.rateToQ0).toBeCloseTo(1, 5);
    expect(json.physical.blowupTime).toBeCloseTo(1, 5);
    for (const f of ['profiles.svg', 'phase.svg', 'amplitude.svg', 'summary.md', 'result.json']) expect(existsSync(join(dir, f))).toBe(true);
    expect(runCli(['--mu', '0.4']).status).toBe(2);
    expect(runCli(['--physical-j0', '3']).status).toBe(2);
  });
});
