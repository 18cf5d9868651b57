import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initTrainProfile, trainProfile, type BurgersProfileProblem, type ProfileTrainer } from '../../src/models/pinn/index';
import { readProfileCheckpoint, writeProfileCheckpoint } from '../../src/node/index';

// Issue "done means": a diverging run (non-finite loss) stops with a status and keeps the last good
// checkpoint. The loss is made non-finite (or flat) mid-run by changing the running loss's weights,
// the checkpoint file on disk is compared with the uninterrupted run's checkpoint of the same
// iteration, and resuming from it must reproduce the uninterrupted run bit for bit.
describe('a diverging Burgers run keeps its last good checkpoint file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pinn-diverge-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const problem: BurgersProfileProblem = { equation: 'burgers', lambda: 0.5, asymptotics: 'exact', batch: 20, iterations: 20, resampleEvery: 5, checkpointEvery: 5, widths: [1, 4, 1] };
  const reference: string[] = [];
  const whole = trainProfile({ ...problem, onCheckpoint: (c) => reference.push(JSON.stringify(c)) });

  /** Run to iteration `at`, break the loss there with `breakIt`, run until the trainer stops. */
  function breakAt(name: string, at: number, breakIt: (run: ProfileTrainer) => void) {
    const path = join(dir, `${name}.json`);
    const run = initTrainProfile({ ...problem, onCheckpoint: (c) => writeProfileCheckpoint(path, c) }, { saveAt: [at] });
    while (run.t < at && run.step()) { /* to iteration `at` */ }
    expect(run.t).toBe(at);
    breakIt(run);
    let steps = 0;
    while (run.step()) steps++;
    return { result: run.result(), path, steps };
  }

  test('the uninterrupted run checkpoints at iterations 5, 10, 15 and succeeds', () => {
    expect(whole.status).toBe('success');
    expect(reference.map((t) => (JSON.parse(t) as { iterations: number }).iterations)).toEqual([5, 10, 15]);
  });

  test('loss +∞ from iteration 12 on: status nonFinite, finite last iterate, the file is the iteration-10 checkpoint and resumes bit-identically', () => {
    const { result, path, steps } = breakAt('mid', 12, (run) => { run.loss.weights.interior = Infinity; });
    expect(result.status).toBe('nonFinite');
    expect(steps).toBe(0);
    // the failed iteration is counted (nsteps 13), the parameters are those of iteration 12
    expect(result.stats.nsteps).toBe(13);
    expect(result.message).toMatch(/last finite iterate \(iteration 13\)/);
    expect(result.final.params.every(Number.isFinite)).toBe(true);
    expect(Array.from(result.final.params)).toEqual(Array.from(result.saved[0].state));
    expect(readFileSync(path, 'utf8')).toBe(reference[1]);
    expect(existsSync(`${path}.tmp`)).toBe(false);
    const resumed = trainProfile({ ...problem, resume: readProfileCheckpoint(path) });
    expect(Buffer.from(resumed.final.params.buffer).equals(Buffer.from(whole.final.params.buffer))).toBe(true);
    expect(resumed.history.loss).toEqual(whole.history.loss);
  });

  test('loss NaN on the sample set drawn at the restart of iteration 10: nonFinite naming the cycle, no checkpoint of that cycle, the file stays at iteration 5', () => {
    const { result, path } = breakAt('restart', 10, (run) => { run.loss.weights.smoothness = NaN; });
    expect(result.status).toBe('nonFinite');
    expect(result.message).toMatch(/resampled points of cycle 2 is not finite/);
    expect(result.stats.nsteps).toBe(10);
    expect(result.final.params.every(Number.isFinite)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(reference[0]);
  });

  test('a flat loss (all weights 0) from iteration 7: the line search fails twice, status diverged, the file stays at iteration 5', () => {
    const { result, path } = breakAt('flat', 7, (run) => { run.loss.weights.interior = 0; run.loss.weights.smoothness = 0; run.loss.weights.boundary = 0; });
    expect(result.status).toBe('diverged');
    expect(result.stats.earlyRestarts).toBe(1);
    expect(result.final.params.every(Number.isFinite)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(reference[0]);
  });

  test('a huge λ (1e300) makes the initial loss non-finite: status nonFinite before the first step and no checkpoint file', () => {
    const path = join(dir, 'huge.json');
    const r = trainProfile({ ...problem, lambda: 1e300, onCheckpoint: (c) => writeProfileCheckpoint(path, c) });
    expect(r.status).toBe('nonFinite');
    expect(r.message).toMatch(/initial parameters/);
    expect(r.stats.nsteps).toBe(0);
    expect(existsSync(path)).toBe(false);
  });
});
