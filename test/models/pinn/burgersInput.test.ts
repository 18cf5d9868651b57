import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, InvalidTypeError } from '../../../src/core/errors';
import { BurgersLoss, compareWithClosedForm, learnedProfile, parseCheckpoint, trainProfile, trainProfileAsync, type BurgersProfileProblem, type ProfileCheckpoint } from '../../../src/models/pinn/index';
import { Mlp } from '../../../src/nn/index';

// Issue "done means": bad input (λ ≤ 0, a batch of 0, widths that do not match, a corrupt or foreign
// checkpoint file) throws named errors before work. "Before work" is observed, not assumed: the
// problems below have the full default budget (batch 10,000, 20,000 iterations — hours of work), and
// no evaluation of the loss may happen before the error (the trainer's constructor evaluates the
// loss at the initial parameters once it has validated everything).
describe('Burgers training refuses bad input with named errors before any work', () => {
  const small: BurgersProfileProblem = { equation: 'burgers', lambda: 0.5, asymptotics: 'exact', batch: 8, widths: [1, 3, 1], iterations: 4, resampleEvery: 2 };
  const texts: string[] = [];
  trainProfile({ ...small, checkpointEvery: 2, onCheckpoint: (c) => texts.push(JSON.stringify(c)) });
  const good = JSON.parse(texts[0]) as ProfileCheckpoint;
  const full: BurgersProfileProblem = { equation: 'burgers', lambda: 0.5, asymptotics: 'exact', widths: [1, 3, 1] };
  const foreign = JSON.parse(readFileSync(join(__dirname, '../../fixtures/pinn/boussinesq_checkpoint_v1.json'), 'utf8')) as unknown;

  const cases: [string, BurgersProfileProblem, typeof InvalidArgumentError | typeof InvalidTypeError, RegExp][] = [
    ['λ = 0', { ...full, lambda: 0 }, InvalidArgumentError, /problem\.lambda must be a finite number > 0 \(got 0\)/],
    ['λ < 0', { ...full, lambda: -0.5 }, InvalidArgumentError, /problem\.lambda/],
    ['λ NaN', { ...full, lambda: NaN }, InvalidArgumentError, /problem\.lambda/],
    ['λ a string', { ...full, lambda: '0.5' as never }, InvalidTypeError, /problem\.lambda/],
    ['a batch of 0', { ...full, batch: 0 }, InvalidArgumentError, /problem\.batch must be an integer >= 1 \(got 0\)/],
    ['a fractional batch', { ...full, batch: 2.5 }, InvalidArgumentError, /problem\.batch/],
    ['widths not starting with 1', { ...full, widths: [2, 20, 1] }, InvalidArgumentError, /problem\.widths must be widths starting and ending with 1/],
    ['widths not ending with 1', { ...full, widths: [1, 20, 2] }, InvalidArgumentError, /problem\.widths/],
    ['a zero width', { ...full, widths: [1, 0, 1] }, InvalidArgumentError, /problem\.widths\[1\]/],
    ['one layer', { ...full, widths: [1] }, InvalidTypeError, /problem\.widths/],
    ['widths that do not match the checkpoint', { ...full, batch: 8, resampleEvery: 2, widths: [1, 4, 1], resume: good }, InvalidArgumentError, /problem\.widths must be the checkpoint's value \[1,3,1\]/],
    ['λ that does not match the checkpoint', { ...full, batch: 8, resampleEvery: 2, lambda: 0.4, resume: good }, InvalidArgumentError, /problem\.lambda must be the checkpoint's value/],
    ['a checkpoint whose parameters do not match its widths', { ...full, batch: 8, resampleEvery: 2, resume: { ...good, params: good.params.slice(1) } }, InvalidArgumentError, /checkpoint\.params\.length must be 10/],
    ['a checkpoint with a non-number in H', { ...full, batch: 8, resampleEvery: 2, resume: { ...good, inverseHessian: [...good.inverseHessian.slice(1), 'x' as never] } }, InvalidArgumentError, /checkpoint\.inverseHessian\[99\] must be a finite number/],
    ['a checkpoint with a zero generator state', { ...full, batch: 8, resampleEvery: 2, resume: { ...good, rng: [0, 0, 0, 0] } }, InvalidArgumentError, /checkpoint\.rng/],
    ['a checkpoint without history', { ...full, batch: 8, resampleEvery: 2, resume: { ...good, history: undefined as never } }, InvalidTypeError, /checkpoint\.history/],
    ['a newer checkpoint version', { ...full, batch: 8, resampleEvery: 2, resume: { ...good, version: 2 } }, InvalidArgumentError, /checkpoint\.version/],
    ['a foreign (Boussinesq) checkpoint', { ...full, resume: foreign as ProfileCheckpoint }, InvalidArgumentError, /checkpoint\.format must be "singularis\/pinn-checkpoint"/],
    ['a foreign object', { ...full, resume: { model: 'resnet', epoch: 3 } as never }, InvalidArgumentError, /checkpoint\.format/],
  ];

  test.each(cases)('%s', async (_name, problem, kind, message) => {
    const evaluate = jest.spyOn(BurgersLoss.prototype, 'evaluate');
    const onCheckpoint = jest.fn();
    const onProgress = jest.fn();
    try {
      expect(() => trainProfile({ ...problem, onCheckpoint }, { onProgress })).toThrow(kind);
      expect(() => trainProfile({ ...problem, onCheckpoint }, { onProgress })).toThrow(message);
      await expect(trainProfileAsync({ ...problem, onCheckpoint }, { onProgress })).rejects.toThrow(message);
      expect(evaluate).not.toHaveBeenCalled();
      expect(onCheckpoint).not.toHaveBeenCalled();
      expect(onProgress).not.toHaveBeenCalled();
    } finally {
      evaluate.mockRestore();
    }
  });

  test('the spy sees the work of a valid problem (so the checks above can fail)', () => {
    const evaluate = jest.spyOn(BurgersLoss.prototype, 'evaluate');
    try {
      trainProfile({ ...small, iterations: 1 });
      expect(evaluate).toHaveBeenCalled();
    } finally {
      evaluate.mockRestore();
    }
  });

  test('corrupt and foreign checkpoint text is refused by parseCheckpoint with a named error', () => {
    const text = texts[0];
    expect(() => parseCheckpoint(text.slice(0, text.length >> 1))).toThrow(/checkpoint must be JSON text of a singularis PINN checkpoint/);
    expect(() => parseCheckpoint('')).toThrow(InvalidArgumentError);
    expect(() => parseCheckpoint('[1, 2, 3]')).toThrow(InvalidTypeError);
    expect(() => parseCheckpoint(JSON.stringify(foreign))).toThrow(/checkpoint\.format/);
    expect(parseCheckpoint(text).iterations).toBe(2);
  });

  test('the loss, the learned profile and the comparison refuse λ ≤ 0 and parameters that do not match the widths', () => {
    const net = new Mlp([1, 3, 1]);
    expect(() => new BurgersLoss(net, 0, 'exact')).toThrow(/lambda must be a finite number > 0/);
    expect(() => new BurgersLoss(net, -1, 'weak')).toThrow(InvalidArgumentError);
    const params = new Float64Array(net.params.length);
    expect(() => learnedProfile({ ...small, widths: [1, 4, 1] }, params, [1])).toThrow(/params\.length must be 13/);
    expect(() => compareWithClosedForm({ ...small, widths: [1, 4, 1] }, params)).toThrow(/params\.length/);
    expect(() => learnedProfile({ ...small, lambda: 0 }, params, [1])).toThrow(/problem\.lambda/);
  });
});
