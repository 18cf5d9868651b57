import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fnoFromJSON } from '../../../src/nn/fnoFile';

/** Run `reproduce neural-operator` in a child Node process (the figures need vega's ES modules). */
function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const entry = resolve(__dirname, '../../../src/cli/neuralOperator.ts');
  const code = `import(${JSON.stringify(entry)}).then((m) => m.neuralOperatorExperiment(${JSON.stringify(args)})).then((c) => { process.exitCode = c; });`;
  const out = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { encoding: 'utf8', timeout: 120000 });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('singularis reproduce neural-operator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'neural-operator-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('burgers: JSON line with the promised fields, figures, summary and a loadable parameter file', () => {
    const out = join(dir, 'b');
    const r = runCli(['--quick', '--resolution', '32', '--samples', '20', '--test-samples', '4', '--epochs', '2', '--out', out, '--json']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const json = JSON.parse(lines[lines.length - 1]);
    for (const key of ['case', 'trainRelL2', 'testRelL2', 'testRelL2AtDoubleResolution', 'epochs', 'parameters', 'secondsPerEpoch']) expect(json).toHaveProperty(key);
    expect(json.case).toBe('burgers');
    expect(json.epochs).toBe(2);
    for (const f of ['loss.svg', 'prediction.svg', 'summary.md', 'result.json', 'fno-burgers.json']) expect(existsSync(join(out, f))).toBe(true);
    const { fno } = fnoFromJSON(JSON.parse(readFileSync(join(out, 'fno-burgers.json'), 'utf8')));
    expect(fno.parameterCount).toBe(json.parameters);
  });

  test('fc-pino: errors at unseen λ in the JSON; bad flags give exit code 2', () => {
    const r = runCli(['--case', 'fc-pino', '--quick', '--iterations', '10', '--out', join(dir, 'f'), '--json']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const json = JSON.parse(lines[lines.length - 1]);
    expect(json.case).toBe('fc-pino');
    expect(json.testErrors.length).toBe(4);
    expect(runCli(['--case', 'darcy']).status).toBe(2);
  });
});
