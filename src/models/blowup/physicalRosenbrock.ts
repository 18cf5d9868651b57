/**
 * The Rosenbrock stepper of the physical-time heat solver: the library's RODAS3
 * ({@link Rodas3Stepper} of `time/`) on the mass–stiffness system `M y' = F(y) = −K y + M y²` of a
 * {@link PhysicalHeatSystem}, with the exact Jacobian `J = −K + 2M diag(y)`, so that the stage
 * matrix `M/(hγ) − J = K + M(1/(hγ) − 2y)` is SPD whenever `h·max(y) < 1`.
 *
 * @module
 */
import { InvalidTypeError } from '../../core/errors';
import { Rodas3Stepper, type RosenbrockSystem } from '../../time/rosenbrock';
import type { PhysicalHeatSystem } from './physicalRadial';

/** The {@link RosenbrockSystem} of `M y' = −K y + M y²`. */
function heatRosenbrockSystem(system: PhysicalHeatSystem): RosenbrockSystem {
  const n = system.size;
  const m = system.mass;
  const shift = new Float64Array(n);
  return {
    size: n,
    mass: m,
    evaluate(y, out) {
      system.applyStiffness(y, out);
      for (let i = 0; i < n; i++) out[i] = m[i] * y[i] * y[i] - out[i];
    },
    factorStageMatrix(inverseHGamma, y) {
      for (let i = 0; i < n; i++) shift[i] = m[i] * (inverseHGamma - 2 * y[i]);
      system.factorShifted(shift);
    },
    solve(rhs, out) {
      system.solve(rhs, out);
    },
  };
}

/**
 * RODAS3 for one {@link PhysicalHeatSystem}: `attempt(y, h, rtol, atol, out)` takes one step of
 * `a_t = Δa + a²` and returns the scaled error (accept when ≤ 1); allocation-free after
 * construction. Requires `h·max(y) < 1` (then the stage matrix is SPD); callers cap h accordingly.
 *
 * @example
 * ```ts
 * const stepper = new HeatRosenbrockStepper(system);
 * const err = stepper.attempt(y, h, 1e-8, 1e-14, yNew); // accept when err <= 1
 * ```
 */
export class HeatRosenbrockStepper extends Rodas3Stepper {
  /** @param system - the semi-discretization to advance */
  constructor(system: PhysicalHeatSystem) {
    if (system === null || typeof system !== 'object' || !Number.isInteger(system.size) || system.size < 1 || typeof system.applyStiffness !== 'function') {
      throw new InvalidTypeError('system', 'a PhysicalHeatSystem (radialHeatSystem or tensorHeatSystem2d)', system);
    }
    super(heatRosenbrockSystem(system));
  }
}
