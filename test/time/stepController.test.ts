import { StepSizeController } from '../../src/time/stepController';
import { InvalidArgumentError } from '../../src/core/errors';

describe('StepSizeController (one PI controller for DOPRI5, the rescaling driver and the Rosenbrock solver)', () => {
  test('I-controller (β = 0): factor = safety·err^(−1/order), clamped', () => {
    const c = new StepSizeController({ order: 3, noGrowthAfterReject: false });
    expect(c.accept(0.5)).toBeCloseTo(0.9 * Math.pow(0.5, -1 / 3), 14);
    expect(c.accept(1e-12)).toBe(5); // maxFactor
    expect(c.accept(0)).toBe(5);
    expect(c.reject(1e6)).toBe(0.2); // minFactor
    expect(c.reject(2)).toBeCloseTo(0.9 * Math.pow(2, -1 / 3), 14);
    expect(c.reject(Number.NaN)).toBe(0.2);
  });

  test('PI (β = 0.04, order 5): Hairer’s DOPRI5 law err^(−(0.2 − 0.75β))·errOld^β', () => {
    const c = new StepSizeController({ order: 5, beta: 0.04, maxFactor: 10 });
    const first = c.accept(0.3); // errOld starts at 1e-4
    expect(first).toBeCloseTo(0.9 * Math.pow(0.3, -(0.2 - 0.03)) * Math.pow(1e-4, 0.04), 14);
    const second = c.accept(0.5);
    expect(second).toBeCloseTo(0.9 * Math.pow(0.5, -(0.2 - 0.03)) * Math.pow(0.3, 0.04), 14);
  });

  test('no growth on the step accepted right after a rejection (default), growth again afterwards', () => {
    const c = new StepSizeController({ order: 3 });
    c.reject(4);
    expect(c.accept(1e-6)).toBe(1);
    expect(c.accept(1e-6)).toBe(5);
  });

  test('options are validated', () => {
    expect(() => new StepSizeController({ order: 0 })).toThrow(InvalidArgumentError);
    expect(() => new StepSizeController({ order: 5, beta: 0.3 })).toThrow(InvalidArgumentError); // α ≤ 0
    expect(() => new StepSizeController({ order: 3, maxFactor: 0.5 })).toThrow(InvalidArgumentError);
    expect(() => new StepSizeController({ order: 3, safety: 1.5 })).toThrow(InvalidArgumentError);
  });
});
