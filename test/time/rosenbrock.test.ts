import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';
import { Rodas3Stepper, type RosenbrockSystem } from '../../src/time/rosenbrock';
import { observedOrder } from './testRandom';

/** M y' = m(−y + y²) with diagonal mass m (any m > 0 gives y = 1/(1 + eᵗ) from y(0) = 1/2). */
function bernoulli(m: number): RosenbrockSystem {
  let pivot = 0;
  return {
    size: 1,
    mass: Float64Array.of(m),
    evaluate(y, out) { out[0] = m * (-y[0] + y[0] * y[0]); },
    factorStageMatrix(inverseHGamma, y) { pivot = m * inverseHGamma - m * (-1 + 2 * y[0]); },
    solve(rhs, out) { out[0] = rhs[0] / pivot; },
  };
}
const exact = (t: number) => 1 / (1 + Math.exp(t));

/**
 * Prothero–Robinson y' = λ(y − sin τ) + cos τ made autonomous with τ' = 1 (exact y = sin τ);
 * the 2×2 stage matrix [[a − λ, λ cos τ + sin τ], [0, a]] is solved by back substitution.
 */
function protheroRobinson(lambda: number): RosenbrockSystem {
  let a = 0;
  let offDiagonal = 0;
  return {
    size: 2,
    mass: Float64Array.of(1, 1),
    evaluate(y, out) { out[0] = lambda * (y[0] - Math.sin(y[1])) + Math.cos(y[1]); out[1] = 1; },
    factorStageMatrix(inverseHGamma, y) { a = inverseHGamma; offDiagonal = lambda * Math.cos(y[1]) + Math.sin(y[1]); },
    solve(rhs, out) { const x1 = rhs[1] / a; out[0] = (rhs[0] - offDiagonal * x1) / (a - lambda); out[1] = x1; },
  };
}

function fixedRun(system: RosenbrockSystem, y0: number[], tEnd: number, steps: number): Float64Array {
  const stepper = new Rodas3Stepper(system);
  const y = Float64Array.from(y0);
  const next = new Float64Array(y.length);
  for (let n = 0; n < steps; n++) {
    stepper.attempt(y, tEnd / steps, 1e-6, 1e-9, next);
    y.set(next);
  }
  return y;
}

describe('RODAS3 Rosenbrock stepper', () => {
  test('observed order 3 on M y′ = M(−y + y²) (exact solution) for unit and non-unit mass; counters per step', () => {
    for (const m of [1, 2.5]) {
      const steps = [10, 20, 40, 80];
      const errs = steps.map((n) => Math.abs(fixedRun(bernoulli(m), [0.5], 2, n)[0] - exact(2)));
      const order = observedOrder(steps.map((n) => 2 / n), errs);
      expect(order).toBeGreaterThan(2.85);
      expect(order).toBeLessThan(3.15);
    }
    const stepper = new Rodas3Stepper(bernoulli(1));
    stepper.attempt(Float64Array.of(0.5), 0.1, 1e-6, 1e-9, new Float64Array(1));
    expect(stepper.evaluations).toBe(3);
    expect(stepper.factorizations).toBe(1);
  });

  test('the embedded estimate k₄ is the local error of the order-2 solution: it scales like h³', () => {
    const stepper = new Rodas3Stepper(bernoulli(1));
    const out = new Float64Array(1);
    const errs = [0.2, 0.1, 0.05, 0.025].map((h) => stepper.attempt(Float64Array.of(0.5), h, 0, 1, out));
    const order = observedOrder([0.2, 0.1, 0.05, 0.025], errs);
    expect(order).toBeGreaterThan(2.8);
    expect(order).toBeLessThan(3.2);
  });

  test('stiff Prothero–Robinson (λ = −1e6, h = 0.1): stable and accurate (stiffly accurate, L-stable); one step of y′ = λy with λh = −1e10 damps to round-off', () => {
    for (const steps of [10, 20]) {
      const y = fixedRun(protheroRobinson(-1e6), [0, 0], 1, steps);
      expect(Math.abs(y[1] - 1)).toBeLessThan(1e-14);
      expect(Math.abs(y[0] - Math.sin(1))).toBeLessThan(1e-7);
    }
    let pivot = 0;
    const decay: RosenbrockSystem = {
      size: 1, mass: Float64Array.of(1),
      evaluate(y, out) { out[0] = -1e10 * y[0]; },
      factorStageMatrix(a) { pivot = a + 1e10; },
      solve(rhs, out) { out[0] = rhs[0] / pivot; },
    };
    const out = new Float64Array(1);
    new Rodas3Stepper(decay).attempt(Float64Array.of(1), 1, 1e-6, 1e-9, out);
    expect(Math.abs(out[0])).toBeLessThan(1e-9);
  });

  test('bad systems are rejected before work; NaN propagates into the error', () => {
    expect(() => new Rodas3Stepper(null as never)).toThrow(InvalidTypeError);
    expect(() => new Rodas3Stepper({ ...bernoulli(1), size: 0 })).toThrow(InvalidArgumentError);
    expect(() => new Rodas3Stepper({ ...bernoulli(1), mass: Float64Array.of(1, 1) })).toThrow(InvalidArgumentError);
    const err = new Rodas3Stepper(bernoulli(1)).attempt(Float64Array.of(Number.NaN), 0.1, 1e-6, 1e-9, new Float64Array(1));
    expect(Number.isNaN(err)).toBe(true);
  });
});
