/**
 * The Riccati toy model (thesis (1.1.1), thesis §1.1): `a_t = a²` pointwise, rescaled as
 * `û_τ = −û − ½zû_z + û²`, i.e. the heat solver with λ ≡ 0. Exact solution [D]: from
 * `a = a0/(1 − a0 t)` with `a0 = (T + bx² + dx⁴)⁻¹`, `û(z,τ) = 1/(1 + bz² + dz⁴e^{−τ})`, and the
 * normalization gives `c_u = −1`, `c_l = ½` exactly. Damping estimate (thesis §1.1): in the weight
 * `ρ = |z|^{−α}`, `(Lu, uρ) = ∫ (−1 + (1−α)/4 + 2ū) u² ρ ≤ ((5−α)/4)(u, uρ)`.
 *
 * @module
 */
import { checkFinite, checkInRange, checkNonNegative, checkPositive, checkVec } from '../../core/check';
import { InvalidArgumentError } from '../../core/errors';
import { InvalidTypeError } from '../../core/errors';
import type { RunOptions, RunResult } from '../../core/run';
import type { Vec } from '../../core/types';
import { Grid1D } from '../../grid/grid1d';
import { simpsonWeights } from '../../quad/simpson';
import { runRescaled } from './driver';
import type { NormalizationMode, RescaledHistory } from './driverTypes';
import { radialHeatModel } from './radialHeatModel';

/**
 * Exact rescaled Riccati solution `1/(1 + bz² + dz⁴e^{−τ})` at the nodes (docs/blowup.md [D]). O(n).
 *
 * @example
 * ```ts
 * riccatiExactSolution(new Float64Array([0, 1]), 0, 0.125, 0.1); // [1, 1/1.225]
 * ```
 */
export function riccatiExactSolution(z: Vec, tau: number, b: number, d: number, out?: Vec): Vec {
  checkVec('z', z);
  checkFinite('tau', tau);
  checkPositive('b', b);
  checkNonNegative('d', d);
  const res = out === undefined ? new Float64Array(z.length) : checkVec('out', out, z.length);
  const decay = d * Math.exp(-tau);
  for (let i = 0; i < z.length; i++) {
    const z2 = z[i] * z[i];
    res[i] = 1 / (1 + b * z2 + decay * z2 * z2);
  }
  return res;
}

/** Problem of {@link riccatiToy}. */
export interface RiccatiToyOptions {
  /** Grid starting at 0 (e.g. `mappedGrid(sinhMap({ length: 1e5 }), 200, { symmetry: 'even' })`). */
  grid: Grid1D;
  /** Coefficient b > 0 of z² (the limit profile is 1/(1 + bz²)). */
  b: number;
  /** Coefficient d ≥ 0 of z⁴ (decays like e^{−τ}). */
  d: number;
  /** Final τ. */
  tauEnd: number;
  /** Fixed RK4 step (default: CFL rule 0.4·min h_i/(c_l z_{i+1})). */
  dt?: number;
  /** `'thesis'` (default: c_u = −û(0), c_l = c_u/2 + û(0) exactly) or `'discrete'`. */
  normalization?: NormalizationMode;
}

/** Final state of {@link riccatiToy} with its comparison to the exact solution. */
export interface RiccatiToyFinal {
  /** Final τ. */
  tau: number;
  /** Final field. */
  u: Vec;
  /** max_i |û_i − exact_i| at the final τ. */
  maxError: number;
  /** Largest |c_u + 1| and |c_l − ½| met at the samples (0 up to round-off in the thesis normalization). */
  maxModulationDeviation: number;
}

/** Result of {@link riccatiToy} (the shared run result; `saved` fields at `saveAt`, `history` at 16 samples). */
export type RiccatiToyResult = RunResult<RiccatiToyFinal, Vec, object, RescaledHistory>;

/**
 * Solve the rescaled Riccati toy (thesis eq. (1.1.1), §1.1) with the heat machinery (λ ≡ 0, RK4)
 * from the exact data at τ = 0 and compare with the exact solution. `runOptions.saveAt` are
 * rescaled times in [0, tauEnd]. O(N) per stage.
 *
 * @example
 * ```ts
 * const grid = mappedGrid(sinhMap({ length: 1e5 }), 200, { symmetry: 'even' });
 * const r = riccatiToy({ grid, b: 0.125, d: 0.1, tauEnd: 2 }, { signal });
 * r.status; r.final.maxError; // 'success', small: O(k⁴ + h⁴)
 * ```
 */
export function riccatiToy(problem: RiccatiToyOptions, runOptions: RunOptions = {}): RiccatiToyResult {
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'a problem object { grid, b, d, tauEnd }', problem);
  if (!(problem.grid instanceof Grid1D)) throw new InvalidTypeError('problem.grid', 'a Grid1D', problem.grid);
  const b = checkPositive('problem.b', problem.b);
  const d = checkNonNegative('problem.d', problem.d);
  const tauEnd = checkPositive('problem.tauEnd', problem.tauEnd);
  const model = radialHeatModel(problem.grid, { dim: 1, diffusion: false });
  const z = problem.grid.x;
  const u0 = riccatiExactSolution(z, 0, b, d);
  let deviation = 0;
  const run = runRescaled(model, {
    u0,
    logLambda0: [0],
    tauEnd,
    scheme: 'rk4',
    dt: problem.dt,
    normalization: problem.normalization ?? 'thesis',
    sampleAt: Array.from({ length: 15 }, (_, i) => ((i + 1) * tauEnd) / 16),
    onSample: (s) => { deviation = Math.max(deviation, Math.abs(s.c[0] + 1), Math.abs(s.c[1] - 0.5)); },
  }, runOptions);
  const exact = riccatiExactSolution(z, run.final.tau, b, d);
  let maxError = 0;
  for (let i = 0; i < z.length; i++) maxError = Math.max(maxError, Math.abs(run.final.u[i] - exact[i]));
  return {
    status: run.status,
    message: run.message,
    stats: { nsteps: run.stats.nsteps, naccept: run.stats.naccept, nreject: run.stats.nreject, nfev: run.stats.nfev },
    final: { tau: run.final.tau, u: run.final.u, maxError, maxModulationDeviation: deviation },
    saved: run.saved,
    history: run.history,
  };
}

/**
 * The weighted-L² damping of the Riccati linearization `Lu = −u − ½zu_z + 2ūu` at
 * `ū = 1/(1 + bz²)` in the weight `ρ = |z|^{−α}` (thesis §1.1, Remark 2.2.2 with
 * "(ρz)_z" read as (zρ)_z): returns the Rayleigh quotient `(Lu, uρ)/(u, uρ)` computed by
 * quadrature with `u_z` supplied, the same quotient after integration by parts
 * `∫(−1 + (1−α)/4 + 2ū)u²ρ / ∫u²ρ`, and the bound `(5 − α)/4`. Requires u = o(z^{(α−1)/2}) at 0
 * and fast decay at the far end (the boundary terms are dropped). Composite Simpson weights on the
 * nodes (the z = 0 term is skipped: the integrand vanishes there). O(n).
 *
 * @example
 * ```ts
 * // u = z⁴e^{−z²} on a fine grid, α = 6: quotient ≤ (5−6)/4
 * const r = riccatiDampingRate(z, u, uz, 6, 0.125); r.quotient <= r.bound;
 * ```
 */
export function riccatiDampingRate(
  z: Vec,
  u: Vec,
  uz: Vec,
  alpha: number,
  b: number,
): {
  /** Rayleigh quotient (Lu, uρ)/(u, uρ) by quadrature, with the supplied u_z. */
  quotient: number;
  /** The same quotient after integration by parts, ∫(−1 + (1−α)/4 + 2ū)u²ρ / ∫u²ρ. */
  integratedByParts: number;
  /** The upper bound (5 − α)/4 on the quotient. */
  bound: number;
} {
  checkVec('z', z);
  checkVec('u', u, z.length);
  checkVec('uz', uz, z.length);
  checkInRange('alpha', alpha, 0, 100);
  checkPositive('b', b);
  if (z[0] < 0) throw new InvalidArgumentError('z[0]', 'a number >= 0', z[0]);
  const w = simpsonWeights(z);
  let num = 0, den = 0, ibp = 0;
  for (let i = 0; i < z.length; i++) {
    if (z[i] === 0) continue;
    const rho = Math.pow(z[i], -alpha);
    const ub = 1 / (1 + b * z[i] * z[i]);
    const lu = -u[i] - 0.5 * z[i] * uz[i] + 2 * ub * u[i];
    num += w[i] * lu * u[i] * rho;
    den += w[i] * u[i] * u[i] * rho;
    ibp += w[i] * (-1 + (1 - alpha) / 4 + 2 * ub) * u[i] * u[i] * rho;
  }
  return { quotient: num / den, integratedByParts: ibp / den, bound: (5 - alpha) / 4 };
}
