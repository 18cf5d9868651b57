/**
 * The implicit–explicit (IMEX) form of the mean-field PDE: diffusion implicit, the hyperbolic
 * flux and the reaction explicit, integrated by the library's ARS(2,2,2) (`time/imexArs222`)
 * with a tridiagonal stiff operator (`time/tridiagonalOperator`).
 *
 * State `y = [μ_0..μ_N, q_0..q_N]` with q = w (scheme B) or E (scheme C). The linear part `L` is
 * block diagonal: the half-cell Neumann Laplacian for μ (rows 0 and N read `2(μ_1 − μ_0)/dx²`),
 * and for q the same Laplacian, except for scheme B with Dirichlet walls, where w = 0 is held at
 * the walls (zero rows, and rows 1, N − 1 do not read the wall values). Scheme C with Dirichlet
 * walls evolves E with the same operator as μ and resets `E = μ²/2` at the walls after each step,
 * exactly as the explicit scheme does: μ and E must be averaged with the same weights, or the
 * Jensen argument that keeps w = E − μ²/2 ≥ 0 fails (with a Dirichlet E-block w turns negative at
 * the first interior node within a few steps). The explicit part is the same finite-volume flux
 * difference as the explicit scheme (see `pdeExplicitStep`), so the two steppers discretize the
 * same semi-discrete system and differ only by the time integration.
 *
 * The upwind flux (`advection: 'upwind'`) enters as the diffusion coefficient D = 1 + λ·dx/2 of
 * the implicit operator and the factor D of the `μ_x²` source (see `pdeExplicitStep`).
 *
 * Step restriction: the explicit part alone. For IMEX Euler a von Neumann analysis of the
 * centered hyperbolic part with implicit diffusion gives stability for `dt·λ² ≤ 2`, and the
 * reaction keeps w ≥ 0 under the same bound (the quadratic argument of docs/billiards.md with θ = 0,
 * followed by an M-matrix solve); the default `dt = 0.25/λ²` stays well inside it and resolves
 * the O(1/λ²) relaxation time of σ.
 *
 * @module
 */
import type { Vec } from '../../core/types';
import { tridiagonalOperator, type StiffLinearOperator } from '../../time/index';

/** Fixed data of the IMEX right-hand side. Internal to the PDE solver. */
export interface ImexSystem {
  /** N (nodes N + 1). */
  intervals: number;
  /** Grid spacing. */
  dx: number;
  /** PDE speed λ. */
  lambda: number;
  /** Scheme C (q = E) rather than B (q = w). */
  energyForm: boolean;
  /** Zero-flux walls rather than Dirichlet. */
  zeroFlux: boolean;
  /** Diffusion coefficient D of μ and E: 1, or 1 + λ·dx/2 with the upwind flux (see `pdeExplicitStep`). */
  diffusion: number;
}

/**
 * The stiff operator `L` of the IMEX splitting for a state of length 2(N + 1) (see module notes).
 * O(N) to build.
 *
 * @param sys - the system data
 * @returns a tridiagonal {@link StiffLinearOperator}
 * @example
 * ```ts
 * const L = imexDiffusionOperator({ intervals: 400, dx: 1 / 400, lambda: 100, energyForm: false, zeroFlux: false, diffusion: 1 });
 * ```
 */
export function imexDiffusionOperator(sys: ImexSystem): StiffLinearOperator {
  const N = sys.intervals;
  const n = N + 1;
  const inv = sys.diffusion / (sys.dx * sys.dx);
  const lower = new Float64Array(2 * n);
  const diag = new Float64Array(2 * n);
  const upper = new Float64Array(2 * n);
  for (let block = 0; block < 2; block++) {
    const o = block * n;
    const neumann = block === 0 || sys.zeroFlux || sys.energyForm;
    for (let i = 1; i < N; i++) {
      lower[o + i] = inv;
      diag[o + i] = -2 * inv;
      upper[o + i] = inv;
    }
    if (neumann) {
      diag[o] = -2 * inv;
      upper[o] = 2 * inv;
      lower[o + N] = 2 * inv;
      diag[o + N] = -2 * inv;
    } else {
      // wall values are data: rows 0 and N do not evolve, and rows 1, N−1 do not read them
      lower[o + 1] = 0;
      upper[o + N - 1] = 0;
    }
  }
  return tridiagonalOperator({ lower, diag, upper });
}

function sigmaOf(q: number, mu: number, energyForm: boolean): number {
  const w = energyForm ? q - 0.5 * mu * mu : q;
  return Math.sqrt(w > 0 ? 2 * w : 0);
}

/**
 * The explicit part `N(y)` of the IMEX splitting: `−λσ_x` for μ, and `−λμ_xσ + μ_x²` (B) or
 * `−λ(μσ)_x` (C) for q, as finite-volume flux differences with zero-flux half cells at the walls
 * (the wall w = 0 of scheme B with Dirichlet walls is not evolved). No allocation; O(N).
 *
 * @param sys - the system data
 * @param y - state `[μ, q]` of length 2(N + 1)
 * @param dy - output, same length
 * @example
 * ```ts
 * imexExplicitPart(sys, y, dy);
 * ```
 */
export function imexExplicitPart(sys: ImexSystem, y: Vec, dy: Vec): void {
  const N = sys.intervals;
  const n = N + 1;
  const dx = sys.dx;
  const lambda = sys.lambda;
  const ef = sys.energyForm;
  const zf = sys.zeroFlux;
  const b = lambda / (2 * dx);
  const inv2dx = 1 / (2 * dx);
  // wall values of q: w = 0 for scheme B with Dirichlet walls; otherwise the state (for scheme C
  // with Dirichlet walls it holds μ²/2 from the reset after the previous step)
  const q0 = zf || ef ? y[n] : 0;
  const qN = zf || ef ? y[n + N] : 0;
  let sPrev = sigmaOf(q0, y[0], ef);
  let sCur = sigmaOf(y[n + 1], y[1], ef);
  dy[0] = -2 * b * (sPrev + sCur);
  dy[n] = ef ? -2 * b * (y[0] * sPrev + y[1] * sCur) : 0;
  for (let i = 1; i < N; i++) {
    const sNext = i + 1 === N ? sigmaOf(qN, y[N], ef) : sigmaOf(y[n + i + 1], y[i + 1], ef);
    dy[i] = -b * (sNext - sPrev);
    if (ef) {
      dy[n + i] = -b * (y[i + 1] * sNext - y[i - 1] * sPrev);
    } else {
      const m = (y[i + 1] - y[i - 1]) * inv2dx;
      dy[n + i] = sys.diffusion * m * m - lambda * m * sCur;
    }
    sPrev = sCur;
    sCur = sNext;
  }
  dy[N] = 2 * b * (sPrev + sCur);
  dy[n + N] = ef ? 2 * b * (y[N - 1] * sPrev + y[N] * sCur) : 0;
}

/**
 * Impose the Dirichlet wall values on an IMEX state (w = 0 for scheme B, E = μ²/2 for scheme C);
 * nothing in zero-flux mode. O(1).
 *
 * @param sys - the system data
 * @param y - state `[μ, q]`, modified in place
 * @returns true when the evolved state changed (scheme C), i.e. the integrator must be reset
 * @example
 * ```ts
 * imexApplyWallData(sys, state);
 * ```
 */
export function imexApplyWallData(sys: ImexSystem, y: Vec): boolean {
  if (sys.zeroFlux) return false;
  const N = sys.intervals;
  const n = N + 1;
  y[n] = sys.energyForm ? 0.5 * y[0] * y[0] : 0;
  y[n + N] = sys.energyForm ? 0.5 * y[N] * y[N] : 0;
  return sys.energyForm;
}
