import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainProfile, type BurgersProfileProblem } from '../../src/models/pinn/index';
import { readProfileCheckpoint, writeProfileCheckpoint } from '../../src/node/index';

describe('pinn checkpoint files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pinn-ckpt-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a run checkpointed to a file and resumed from it ends bit-identical to the uninterrupted run', () => {
    const problem: BurgersProfileProblem = { equation: 'burgers', lambda: 0.5, asymptotics: 'exact', batch: 30, iterations: 12, resampleEvery: 4, checkpointEvery: 8, widths: [1, 5, 5, 1] };
    const path = join(dir, 'run.json');
    const full = trainProfile({ ...problem, onCheckpoint: (c) => writeProfileCheckpoint(path, c) });
    const resume = readProfileCheckpoint(path);
    expect(resume.iterations).toBe(8);
    const resumed = trainProfile({ ...problem, resume });
    expect(Array.from(resumed.final.params)).toEqual(Array.from(full.final.params));
  });

  test('missing, corrupt and foreign files throw named errors', () => {
    expect(() => readProfileCheckpoint(join(dir, 'missing.json'))).toThrow(/checkpoint file/);
    writeFileSync(join(dir, 'corrupt.json'), '{"format": "singularis/pinn-checkpoint", "vers');
    expect(() => readProfileCheckpoint(join(dir, 'corrupt.json'))).toThrow(/checkpoint must be JSON/);
    writeFileSync(join(dir, 'foreign.json'), JSON.stringify({ model: 'resnet', epoch: 3 }));
    expect(() => readProfileCheckpoint(join(dir, 'foreign.json'))).toThrow(/checkpoint\.format/);
  });
});
