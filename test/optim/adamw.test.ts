import { InvalidArgumentError } from '../../src/core/errors';
import { AdamWOptimizer, cosineAnnealingLr, stepLr } from '../../src/optim/index';

describe('AdamW / Adam with weight decay and schedules', () => {
  it('first steps match the closed form of torch.optim.AdamW and Adam(weight_decay)', () => {
    // one parameter θ0 = 1, gradient g = 0.5 every step, lr 0.1, λ = 0.1
    const th = Float64Array.of(1), g = Float64Array.of(0.5);
    const opt = new AdamWOptimizer(1, { weightDecay: 0.1 });
    opt.step(th, g, 0.1);
    // step 1: m̂ = g, v̂ = g² → update lr·g/(|g| + ε); decay θ(1 − lr·λ)
    expect(th[0]).toBeCloseTo(1 * (1 - 0.01) - 0.1 * (0.5 / (0.5 + 1e-8)), 15);
    const th2 = Float64Array.of(1);
    const adam = new AdamWOptimizer(1, { weightDecay: 0.1, decoupled: false });
    adam.step(th2, g, 0.1);
    // coupled: g' = 0.5 + 0.1 = 0.6, step lr·g'/(|g'| + ε)
    expect(th2[0]).toBeCloseTo(1 - 0.1 * (0.6 / (0.6 + 1e-8)), 15);
  });

  it('minimizes a quadratic under cosine annealing', () => {
    const th = Float64Array.of(3, -2);
    const g = new Float64Array(2);
    const opt = new AdamWOptimizer(2, { weightDecay: 0 });
    for (let t = 0; t < 3000; t++) { g[0] = 2 * (th[0] - 1); g[1] = 2 * (th[1] + 1); opt.step(th, g, cosineAnnealingLr(0.05, t, 3000)); }
    expect(Math.abs(th[0] - 1)).toBeLessThan(1e-4);
    expect(Math.abs(th[1] + 1)).toBeLessThan(1e-4);
  });

  it('schedules: StepLR and CosineAnnealingLR closed forms; bad input rejected', () => {
    expect(stepLr(1e-3, 99, 100, 0.5)).toBe(1e-3);
    expect(stepLr(1e-3, 100, 100, 0.5)).toBe(5e-4);
    expect(cosineAnnealingLr(1e-2, 0, 30)).toBe(1e-2);
    expect(cosineAnnealingLr(1e-2, 15, 30)).toBeCloseTo(5e-3, 16);
    expect(cosineAnnealingLr(1e-2, 30, 30, 1e-4)).toBeCloseTo(1e-4, 16);
    expect(() => stepLr(1e-3, 1, 0, 0.5)).toThrow(InvalidArgumentError);
    expect(() => new AdamWOptimizer(2).step(new Float64Array(2), new Float64Array(2), -1)).toThrow(InvalidArgumentError);
  });
});
