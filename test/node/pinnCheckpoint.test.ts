import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainBoussinesqProfile, trainProfile, type BoussinesqProblem, type BurgersProfileProblem } from '../../src/models/pinn/index';
import { readBoussinesqCheckpoint, readProfileCheckpoint, writeBoussinesqCheckpoint, writeProfileCheckpoint } from '../../src/node/index';

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

  test('Boussinesq: the last file written in the Adam phase resumes bit-identically; a version-1 file still reads', () => {
    const problem: BoussinesqProblem = { adamEpochs: 8, quasiNewtonIterations: 0, resampleEvery: 3, interior: 20, sides: 4, hidden: [3, 3], method: 'lbfgs', seed: 2 };
    const path = join(dir, 'bous.json');
    const whole = trainBoussinesqProfile({ ...problem, checkpointEvery: 3, onCheckpoint: (c) => writeBoussinesqCheckpoint(path, c) });
    const resume = readBoussinesqCheckpoint(path);
    expect([resume.phase, resume.epochs]).toEqual(['adam', 6]);
    const resumed = trainBoussinesqProfile({ ...problem, quasiNewtonIterations: 0, resume });
    expect(Buffer.from(resumed.final.theta.buffer).equals(Buffer.from(whole.final.theta.buffer))).toBe(true);
    expect(resumed.history).toEqual(whole.history);
    const old = readBoussinesqCheckpoint(join(__dirname, '../fixtures/pinn/boussinesq_checkpoint_v1.json'));
    expect([old.version, old.phase]).toEqual([1, 'quasiNewton']);
  });
});
