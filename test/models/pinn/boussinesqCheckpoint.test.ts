import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBoussinesqCheckpoint, trainBoussinesqProfile, type BoussinesqCheckpoint, type BoussinesqProblem, type BoussinesqRunResult } from '../../../src/models/pinn/index';

/** Bitwise equality of two Float64Arrays. */
const sameBytes = (a: Float64Array, b: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
/** Through JSON text and the validating parser, as a file would go. */
const roundTrip = (c: BoussinesqCheckpoint) => parseBoussinesqCheckpoint(JSON.stringify(c));

function expectSameRun(resumed: BoussinesqRunResult, whole: BoussinesqRunResult): void {
  expect(resumed.status).toBe('success');
  expect(sameBytes(resumed.final.theta, whole.final.theta)).toBe(true);
  expect(Object.is(resumed.final.lambda, whole.final.lambda)).toBe(true);
  expect(Object.is(resumed.final.loss, whole.final.loss)).toBe(true);
  expect(resumed.history).toEqual(whole.history);
  expect(resumed.stats).toEqual(whole.stats);
}

// 9 Adam epochs (step decay after epoch 5), checkpoints every 3 epochs / quasi-Newton iterations
const base = { adamEpochs: 9, quasiNewtonIterations: 6, resampleEvery: 3, interior: 24, sides: 5, hidden: [4, 4], seed: 7 } as const;

describe('Boussinesq checkpoints in the Adam phase (format version 2)', () => {
  test.each(['ssbroyden1', 'lbfgs'] as const)('%s: checkpoints at Adam epochs 3 and 6; resuming from either is bit-identical (θ, λ, history, counters) and re-emits the same later checkpoints', (method) => {
    const problem: BoussinesqProblem = { ...base, method };
    const saved: BoussinesqCheckpoint[] = [];
    const whole = trainBoussinesqProfile({ ...problem, checkpointEvery: 3, onCheckpoint: (c) => saved.push(roundTrip(c)) });
    expect(whole.status).toBe('success');
    expect(saved.map((c) => [c.phase, c.epochs, c.iterations])).toEqual([['adam', 3, 0], ['adam', 6, 0], ['quasiNewton', 9, 0], ['quasiNewton', 9, 3]]);
    for (const [j, c] of saved.slice(0, 2).entries()) {
      expect(c.history.loss).toEqual(whole.history.loss.slice(0, c.epochs));
      expect(c.theta[c.theta.length - 1]).toBe(whole.history.lambda[c.epochs - 1]);
      expect(c.adam?.iterations).toBe(c.epochs);
      expect(c.inverseHessian).toEqual([]);
      const later: BoussinesqCheckpoint[] = [];
      const resumed = trainBoussinesqProfile({ ...problem, resume: c, checkpointEvery: 3, onCheckpoint: (d) => later.push(roundTrip(d)) });
      expectSameRun(resumed, whole);
      expect(later).toEqual(saved.slice(j + 1));
    }
  });

  test('an Adam phase interrupted by the signal resumes from its last checkpoint bit-identically; the quasi-Newton budget may grow', () => {
    const problem: BoussinesqProblem = { ...base, method: 'lbfgs' };
    const whole = trainBoussinesqProfile(problem);
    let last: BoussinesqCheckpoint | undefined;
    const controller = new AbortController();
    const cut = trainBoussinesqProfile({ ...problem, checkpointEvery: 3, onCheckpoint: (c) => { last = roundTrip(c); } }, {
      signal: controller.signal, progressEvery: 1, onProgress: (info) => { if (info.step === 8) controller.abort(); },
    });
    expect(cut.status).toBe('aborted');
    expect(cut.history.loss.length).toBeLessThan(9);
    expect(last?.phase).toBe('adam');
    expect(last?.epochs).toBe(6);
    expectSameRun(trainBoussinesqProfile({ ...problem, resume: last }), whole);
    const longer = trainBoussinesqProfile({ ...problem, quasiNewtonIterations: 9, resume: last });
    expect(longer.history.loss.slice(0, 15)).toEqual(whole.history.loss);
    expect(longer.history.loss).toHaveLength(18);
  });

  test('bad Adam-phase checkpoints are refused naming the field', () => {
    const saved: BoussinesqCheckpoint[] = [];
    trainBoussinesqProfile({ ...base, adamEpochs: 4, quasiNewtonIterations: 0, method: 'lbfgs', checkpointEvery: 3, onCheckpoint: (c) => saved.push(c) });
    const c = saved[0];
    expect(c.phase).toBe('adam');
    const a = c.adam!;
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ version: 3 }, /checkpoint\.version must be an integer in \[1, 2\]/],
      [{ phase: 'lbfgs' }, /checkpoint\.phase must be "adam" or "quasiNewton"/],
      [{ adam: null }, /checkpoint\.adam must be an object/],
      [{ adam: { ...a, m: a.m.slice(1) } }, /checkpoint\.adam\.m\.length/],
      [{ adam: { ...a, v: a.v.map((t, i) => (i === 2 ? -1 : t)) } }, /checkpoint\.adam\.v\[2\] must be a number >= 0/],
      [{ adam: { ...a, f: null } }, /checkpoint\.adam\.f must be a finite number/],
      [{ adam: { ...a, iterations: 2 } }, /checkpoint\.adam\.iterations must be epochs = 3/],
      [{ epochs: 5 }, /checkpoint\.epochs must be at most problem\.adamEpochs = 4/],
      [{ epochs: 2 }, /checkpoint\.history\.phase/],
      [{ iterations: 1 }, /checkpoint\.iterations must be 0 in phase "adam"/],
      [{ history: { loss: [], lambda: [], phase: [] }, epochs: 0 }, /checkpoint\.adam\.iterations must be epochs = 0/],
      [{ inverseHessian: [1] }, /checkpoint\.inverseHessian\.length/],
    ];
    expect(() => roundTrip(c)).not.toThrow();
    for (const [patch, message] of bad) expect(() => parseBoussinesqCheckpoint(JSON.stringify({ ...c, ...patch }))).toThrow(message);
    const q: BoussinesqCheckpoint[] = [];
    trainBoussinesqProfile({ ...base, adamEpochs: 2, quasiNewtonIterations: 3, method: 'lbfgs', checkpointEvery: 3, onCheckpoint: (d) => q.push(d) });
    expect(q[0].phase).toBe('quasiNewton');
    expect(() => parseBoussinesqCheckpoint(JSON.stringify({ ...q[0], adam: a }))).toThrow(/checkpoint\.adam must be null in phase "quasiNewton"/);
  });
});

describe('Boussinesq checkpoints of format version 1 (quasi-Newton restarts only) still resume', () => {
  /** A version-1 file: the same data without the fields version 2 added. */
  const asVersion1 = (c: BoussinesqCheckpoint) => {
    const { phase, epochs, adam, ...rest } = c;
    void phase; void epochs; void adam;
    return JSON.stringify({ ...rest, version: 1 });
  };

  test.each(['ssbroyden1', 'lbfgs'] as const)('%s: a quasi-Newton checkpoint written without the version-2 fields reads as phase "quasiNewton" and resumes bit-identically', (method) => {
    const problem: BoussinesqProblem = { ...base, adamEpochs: 4, method };
    const saved: BoussinesqCheckpoint[] = [];
    const whole = trainBoussinesqProfile({ ...problem, checkpointEvery: 3, onCheckpoint: (c) => saved.push(roundTrip(c)) });
    const qn = saved.filter((c) => c.phase === 'quasiNewton');
    expect(qn.map((c) => c.iterations)).toEqual([0, 3]);
    for (const c of qn) {
      const old = parseBoussinesqCheckpoint(asVersion1(c));
      expect([old.version, old.phase, old.epochs, old.adam]).toEqual([1, 'quasiNewton', 4, null]);
      expectSameRun(trainBoussinesqProfile({ ...problem, resume: old }), whole);
    }
  });

  test('the committed version-1 file (written before version 2 existed) loads and resumes to the end of its run', () => {
    const text = readFileSync(join(__dirname, '../../fixtures/pinn/boussinesq_checkpoint_v1.json'), 'utf8');
    expect(JSON.parse(text)).not.toHaveProperty('phase');
    const c = parseBoussinesqCheckpoint(text);
    expect([c.version, c.phase, c.epochs, c.iterations, c.adam]).toEqual([1, 'quasiNewton', 4, 4, null]);
    const p = c.problem;
    const r = trainBoussinesqProfile({
      hidden: p.hidden, interior: p.interior, smoothness: p.smoothness, sides: p.sides, zMax: p.zMax, adamEpochs: p.adamEpochs, quasiNewtonIterations: p.quasiNewtonIterations,
      resampleEvery: p.resampleEvery, method: p.method, lambda0: p.lambda0, lambdaLr: p.lambdaLr, seed: p.seed, weights: p.weights, resume: c,
    });
    expect(r.status).toBe('success');
    expect(r.history.loss).toHaveLength(12);
    expect(r.history.loss.slice(0, 8)).toEqual(c.history.loss);
    expect(r.history.phase).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(r.final.theta.every(Number.isFinite)).toBe(true);
  });
});
