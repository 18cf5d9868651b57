/**
 * Conservation diagnostics of a PDE state on the node grid z_i = i/N: exactly summed trapezoid
 * momentum and energy (for round-off-level conservation checks), and the discrete wall flux that
 * drives the energy decay under Dirichlet walls.
 *
 * @module
 */
import { checkAllFinite, checkVec } from '../../core/check';
import { InvalidArgumentError } from '../../core/errors';
import type { Vec } from '../../core/types';
import { Adder } from '../../stats/index';

function checkGrid(name: string, x: Vec): number {
  checkVec(name, x);
  if (x.length < 3) throw new InvalidArgumentError(`${name}.length`, 'an integer >= 3', x.length);
  checkAllFinite(name, x);
  return x.length - 1;
}

/**
 * Momentum M = ∫μ dz by the trapezoid rule ((4.1)), summed exactly: the half-weighted node sum
 * `½μ_0 + μ_1 + … + ½μ_N` is accumulated by Shewchuk's algorithm (halving is exact), then scaled
 * by dx = 1/N once. Both schemes conserve this sum to round-off. O(N).
 *
 * @param mu - μ at the N + 1 nodes
 * @example
 * ```ts
 * pdeMomentumExact(run.final.mu); // equals the initial value to ~1e-16
 * ```
 */
export function pdeMomentumExact(mu: Vec): number {
  const N = checkGrid('mu', mu);
  const s = new Adder();
  s.add(0.5 * mu[0]);
  for (let i = 1; i < N; i++) s.add(mu[i]);
  s.add(0.5 * mu[N]);
  return s.value() / N;
}

/**
 * Energy ∫(μ² + 2w) dz = ∫(μ² + σ²) dz by the trapezoid rule ((4.2)), summed exactly as in
 * {@link pdeMomentumExact}. Scheme C with zero-flux walls conserves the underlying Σ_trap 2E
 * to round-off. O(N).
 *
 * @param mu - μ at the nodes
 * @param w - w = σ²/2 at the nodes
 * @example
 * ```ts
 * pdeEnergyExact(run.final.mu, run.final.w);
 * ```
 */
export function pdeEnergyExact(mu: Vec, w: Vec): number {
  const N = checkGrid('mu', mu);
  checkVec('w', w, N + 1);
  checkAllFinite('w', w);
  const s = new Adder();
  for (let i = 0; i <= N; i++) {
    const h = i === 0 || i === N ? 0.5 : 1;
    s.add(h * mu[i] * mu[i]);
    s.add(h * 2 * w[i]);
  }
  return s.value() / N;
}

/**
 * The wall flux of the energy under Dirichlet walls, `dE/dt = 2(w_z(1) − w_z(0))` (docs/billiards.md: the
 * energy identity d/dt ∫(μ² + σ²) = [2μμ_z + 2w_z − 2λμσ]_0^1 with μ_z = σ = 0 at the walls), with
 * one-sided second-order differences `w_z(0) ≈ (−3w_0 + 4w_1 − w_2)/(2dx)` and the mirror image
 * at z = 1. Non-positive whenever w ≥ 0 vanishes at the walls. O(1).
 *
 * @param w - w = σ²/2 at the N + 1 nodes
 * @example
 * ```ts
 * pdeEnergyWallFlux(snapshot.w); // ≈ d/dt of the energy series at that time
 * ```
 */
export function pdeEnergyWallFlux(w: Vec): number {
  const N = checkGrid('w', w);
  const dx = 1 / N;
  const left = (-3 * w[0] + 4 * w[1] - w[2]) / (2 * dx);
  const right = (3 * w[N] - 4 * w[N - 1] + w[N - 2]) / (2 * dx);
  return 2 * (right - left);
}
