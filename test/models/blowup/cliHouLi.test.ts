import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Run `reproduce hou-li` in a child Node process (the figures need vega's ES modules). */
function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const entry = resolve(__dirname, '../../../src/cli/houLi.ts');
  const code = `import(${JSON.stringify(entry)}).then((m) => m.houLiExperimentCli(${JSON.stringify(args)})).then((c) => { process.exitCode = c; });`;
  const out = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { encoding: 'utf8', timeout: 120000 });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('singularis reproduce hou-li', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hou-li-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('one JSON object as the last stdout line with the promised fields (arrays aligned with a), figures written', () => {
    const out = join(dir, 'r');
    const r = runCli(['--a', '0.9,0.95', '--grid', '48', '--tau', '8', '--lemma-n', '10,20', '--out', out, '--json']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const json = JSON.parse(lines[lines.length - 1]);
    expect(json.a).toEqual([0.9, 0.95]);
    for (const key of ['cuInf', 'blowupTime', 'directBlowupTime', 'residual']) expect(json[key]).toHaveLength(2);
    for (const key of ['N', 'lambdaMin', 'choleskyAt001', 'sharpDamping', 'tailConditionHolds']) expect(json.lemmaA61).toHaveProperty(key);
    expect(json.lemmaA61.N).toEqual([10, 20]);
    expect(json.cuInf[0]).toBeLessThan(0);
    // τ = 8 is short of convergence, so t + C_u/|c_u| is only approximate here (exact agreement: weakAdvection.test.ts).
    expect(Math.abs(json.blowupTime[0] - json.directBlowupTime[0])).toBeLessThan(1e-3 * json.blowupTime[0]);
    for (const f of ['profiles.svg', 'cu.svg', 'ratio.svg', 'cusp.svg', 'spectrum.svg', 'summary.md', 'result.json']) expect(existsSync(join(out, f))).toBe(true);
  });

  test('a bad flag exits with code 2 before any work', () => {
    const r = runCli(['--a', '0.9,1.2']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--a');
  });
});
