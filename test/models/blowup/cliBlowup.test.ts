import { heatBlowup2D } from '../../../src/models/blowup/heat2dBlowup';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Run `reproduce heat-blowup` in a child Node process (the figures need vega's ES modules, which jest's CJS transform cannot load). */
function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const entry = resolve(__dirname, '../../../src/cli/blowup.ts');
  const code = `import(${JSON.stringify(entry)}).then((m) => m.blowupExperiment(${JSON.stringify(args)})).then((c) => { process.exitCode = c; });`;
  const out = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { encoding: 'utf8', timeout: 120000 });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('singularis reproduce heat-blowup', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heat-blowup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('2D: one JSON object as the last stdout line with the promised fields (lawL per direction), figures and summary written', () => {
    const out = join(dir, 'd2');
    const r = runCli(['--dim', '2', '--tau', '20', '--grid', '16', '--no-direct', '--out', out, '--json']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const json = JSON.parse(lines[lines.length - 1]);
    for (const key of ['dim', 'tau', 'cu', 'cl', 'lawL', 'lawU', 'lambdaTau', 'logCu', 'blowupTime', 'steps']) expect(json).toHaveProperty(key);
    expect(json.dim).toBe(2);
    expect(json.tau).toBe(20);
    expect(Array.isArray(json.lawL) && json.lawL.length === 2).toBe(true);
    expect(json.lawU).toBeCloseTo(20 * (json.cu + 1), 10);
    expect(json.lawL[0]).toBeCloseTo(20 * (0.5 - json.cl[0]), 10);
    // the CLI reports the library's result for the same problem, to the last digit
    const lib = heatBlowup2D({ tauEnd: 20, grid: { n: 16 } });
    expect(json.blowupTime).toBe(lib.final.blowupTime);
    expect(json.steps).toBe(lib.stats.naccept);
    for (const f of ['profiles.svg', 'residue.svg', 'laws.svg', 'lambda.svg', 'summary.md', 'result.json']) expect(existsSync(join(out, f))).toBe(true);
    expect(readFileSync(join(out, 'laws.svg'), 'utf8').startsWith('<svg')).toBe(true);
  });

  test('1D with the direct check: both blowup times in the JSON agree; bad flags give exit code 2', () => {
    const r = runCli(['--dim', '1', '--tau', '30', '--normalization', 'thesis', '--out', join(dir, 'd1'), '--json']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const json = JSON.parse(lines[lines.length - 1]);
    expect(json.normalization).toBe('thesis');
    expect(typeof json.lawL).toBe('number');
    expect(Math.abs(json.blowupTime - json.blowupTimeDirect)).toBeLessThan(1e-4);
    expect(runCli(['--dim', 'x']).status).toBe(2);
    expect(runCli(['--normalization', 'other']).status).toBe(2);
  });
});
