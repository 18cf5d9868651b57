import { VERSION } from '../../src/core/version';
import { InvalidArgumentError, InvalidTypeError, NumericalError } from '../../src/core/errors';
import { checkFinite, checkInteger, checkInRange, checkOneOf, checkPositive, checkStrictlyIncreasing, checkVec, checkAllFinite } from '../../src/core/check';
import { allFinite, SOLVE_STATUSES } from '../../src/core/status';
import { RunWatch } from '../../src/core/progress';
import { rowMajorStrides } from '../../src/core/types';

describe('errors', () => {
  test('argument errors are RangeError/TypeError subclasses that name the argument and the range', () => {
    const e = new InvalidArgumentError('n', 'an integer >= 4', 2);
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toBe('n must be an integer >= 4 (got 2)');
    expect(e.argument).toBe('n');
    const t = new InvalidTypeError('y0', 'a Float64Array', [1, 2]);
    expect(t).toBeInstanceOf(TypeError);
    expect(t.message).toBe('y0 must be a Float64Array (got Array(length 2))');
    expect(new NumericalError('singular', 'x').reason).toBe('singular');
  });
});

describe('checks', () => {
  test('accept valid values and return them', () => {
    expect(checkFinite('a', 1.5)).toBe(1.5);
    expect(checkPositive('a', 2)).toBe(2);
    expect(checkInteger('n', 4, 4)).toBe(4);
    expect(checkInRange('f', 0.5, 0, 1)).toBe(0.5);
    expect(checkOneOf('walls', 'zeroFlux', ['dirichlet', 'zeroFlux'] as const)).toBe('zeroFlux');
  });

  test.each([
    [() => checkFinite('a', NaN), RangeError, 'a must be a finite number (got NaN)'],
    [() => checkFinite('a', '1'), TypeError, 'a must be a finite number (got "1")'],
    [() => checkPositive('dt', 0), RangeError, 'dt must be a finite number > 0 (got 0)'],
    [() => checkInteger('n', 3, 4), RangeError, 'n must be an integer >= 4 (got 3)'],
    [() => checkInteger('k', 2.5, 0, 5), RangeError, 'k must be an integer in [0, 5] (got 2.5)'],
    [() => checkInRange('f', 2, 0, 1), RangeError, 'f must be a finite number in [0, 1] (got 2)'],
    [() => checkVec('y0', new Float64Array(2), 3), TypeError, 'y0 must be a Float64Array of length 3 (got Float64Array(length 2))'],
    [() => checkAllFinite('x', [0, Infinity]), RangeError, 'x[1] must be a finite number (got Infinity)'],
    [() => checkStrictlyIncreasing('t', [0, 1, 1]), RangeError, 't must be strictly increasing (fails at index 2) (got 1)'],
    [() => checkOneOf('walls', 'open', ['dirichlet', 'zeroFlux']), RangeError, 'walls must be one of "dirichlet", "zeroFlux" (got "open")'],
  ])('rejects bad input with a named error (%#)', (fn, cls, message) => {
    expect(fn).toThrow(cls);
    expect(fn).toThrow(message);
  });
});

describe('status and progress', () => {
  test('allFinite detects NaN and infinities', () => {
    expect(allFinite(new Float64Array([1, 2]))).toBe(true);
    expect(allFinite(new Float64Array([1, NaN]))).toBe(false);
    expect(allFinite(new Float64Array([-Infinity]))).toBe(false);
    expect(SOLVE_STATUSES).toContain('nonFinite');
  });

  test('RunWatch reports every k ticks and sees an abort', () => {
    const seen: number[] = [];
    const controller = new AbortController();
    const watch = new RunWatch({ onProgress: (p) => seen.push(p.step), progressEvery: 10, signal: controller.signal });
    let stoppedAt = -1;
    for (let k = 0; k < 100; k++) {
      if (k === 35) controller.abort();
      if (watch.tick(k, k / 100)) {
        stoppedAt = k;
        break;
      }
    }
    expect(seen).toEqual([0, 10, 20, 30, 40]);
    expect(stoppedAt).toBe(40);
  });

  test('RunWatch evaluates a function extra only when it reports', () => {
    let calls = 0;
    const seen: number[] = [];
    const watch = new RunWatch({ onProgress: (p) => seen.push(p.cost as number), progressEvery: 4 });
    const extra = () => ({ cost: ++calls });
    for (let k = 0; k < 10; k++) watch.tick(k, k / 10, undefined, extra);
    expect(calls).toBe(3);
    expect(seen).toEqual([1, 2, 3]);
  });

  test('row-major strides', () => {
    expect(rowMajorStrides([2, 3, 4])).toEqual([12, 4, 1]);
  });
});

describe('VERSION', () => {
  test('equals package.json version (written into shard files, reports and checkpoints)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require('../../package.json') as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
