/**
 * The semi-discrete right-hand side of the rescaled weak-advection model (thesis §A.2, eq. (A.2.1);
 * a = 1 is the Hou–Li model (A.1.4)) on a grid of [0, π] using odd symmetry:
 *
 *     ũ_τ = −2aψ̃ũ_x + 2ũψ̃_x + c_u ũ + νC_u ũ_xx,
 *     ω̃_τ = −2aψ̃ω̃_x + (ũ²)_x + c_u ω̃ + νC_u ω̃_xx,      −ψ̃_xx = ω̃,  ψ̃(0) = ψ̃(π) = 0,
 *
 * (the viscous terms of §A.5, eq. (A.5.2), are present when ν > 0). Discretization: second-order
 * upwind (backward, since the velocity 2aψ̃ ≥ 0 points to π) advection; at the first two interior
 * nodes the derivative of the two-node power fit `K x^e + K₂x^{e+2}` (e = (1+α)/2 for ũ, α for ω̃;
 * the odd cubic for smooth data), exact for the Hölder behavior at 0; central three-point `(ũ²)_x` and `∂_xx`; ψ̃ and ψ̃_x from the Green's function
 * with cumulative trapezoid sums; u = ω = 0 at both ends.
 *
 * The modulation c_u is chosen so that one linear functional ℓ of ũ is exactly stationary:
 * ℓ(f) = K, the coefficient of the fit `f ≈ K x^γ + K₂ x^{γ+2}` through the first two interior
 * nodes (γ = 1: the odd cubic fit, the discrete ũ_x(0); γ = (1+α)/2 for Hölder data, thesis §A.4,
 * `lim ũ/x^{(1+α)/2}`). **Discrete-consistent** mode: `c_u = −ℓ(R)/ℓ(ũ)`, R the rest of the
 * ũ right-hand side, so ℓ(ũ_τ) = 0 identically and any Runge–Kutta method keeps ℓ(ũ) constant to
 * round-off. **Thesis** mode: `c_u = (a(1+α) − 2)ψ̃_x(0)` (= 2(a−1)ψ̃_x(0), thesis L5774; = (α−1)ψ̃_x(0)
 * for a = 1, L6576), the inviscid formula; ℓ(ũ) then drifts at the discretization-error level.
 * **None**: c_u = 0, which with `logC = 0` is the physical (unrescaled) system (A.1.5).
 *
 * @module
 */
import { dirichletGreenKernel } from '../../quad/dirichletGreen';
import type { Vec } from '../../core/types';

/** How c_u is computed at each stage (see the module doc). */
export type WeakAdvectionNormalization = 'discrete' | 'thesis' | 'none';

/**
 * The discrete operator of the rescaled weak-advection model on fixed nodes of [0, π]. Build it with
 * `weakAdvectionOperator`; all arrays are length n (nodes 0 and n−1 are the boundary).
 *
 * @example
 * ```ts
 * const op = weakAdvectionOperator(x, { a: 0.9, alpha: 1, nu: 0, normalization: 'discrete' });
 * const cu = op.evaluate(u, w, 0, du, dw); // fills du, dw, returns c_u
 * ```
 */
export interface WeakAdvectionOperator {
  /** Number of nodes n. */
  readonly n: number;
  /** The nodes (x[0] = 0, x[n−1] = π). */
  readonly x: Vec;
  /** ψ̃ of the last {@link WeakAdvectionOperator.evaluate} call. */
  readonly psi: Vec;
  /** ψ̃_x of the last evaluate call. */
  readonly psiX: Vec;
  /**
   * `du, dw ← ∂_τ(ũ, ω̃)` at `(u, w)` with the viscous amplitude factor `C_u = exp(logC)`; returns
   * the c_u used. Boundary entries of du, dw are 0. No allocation.
   */
  evaluate(u: Vec, w: Vec, logC: number, du: Vec, dw: Vec): number;
  /** The normalization functional ℓ(f) (the discrete ũ_x(0), or lim f/x^γ for Hölder data). */
  slope(f: Vec): number;
  /** Largest stable step `cfl·min_i (x_i − x_{i−1})/(2a|ψ̃_i|)` (advection) and, when ν > 0, the diffusion bound; uses ψ̃ of the last evaluate. */
  stepBound(cfl: number, logC: number): number;
}

/** Settings of `weakAdvectionOperator`. */
export interface WeakAdvectionOperatorSettings {
  /** Advection strength a ≤ 1 (a = 1: Hou–Li). */
  a: number;
  /** Hölder exponent α ∈ (0, 1] of the data at 0 (1: smooth data). */
  alpha: number;
  /** Viscosity ν ≥ 0 (multiplied by C_u(τ), thesis (A.5.2)). */
  nu: number;
  /** c_u rule (see the module doc). */
  normalization: WeakAdvectionNormalization;
}

/**
 * Build the discrete operator on nodes `x` (strictly increasing, x[0] = 0, x[n−1] = π, n ≥ 5;
 * validated by the caller). Precomputes the upwind, central and second-difference weights.
 * Memory O(n); one evaluate is O(n).
 *
 * @example
 * ```ts
 * const op = weakAdvectionOperator(grid.x, { a: 1, alpha: 1, nu: 0, normalization: 'discrete' });
 * ```
 */
export function weakAdvectionOperator(x: Vec, settings: WeakAdvectionOperatorSettings): WeakAdvectionOperator {
  const n = x.length;
  const { a, alpha, nu, normalization } = settings;
  // Second-order backward weights at i ≥ 1 (i = 1 uses the odd ghost −x_1).
  const b0 = new Float64Array(n), b1 = new Float64Array(n), b2 = new Float64Array(n);
  // Central first-derivative and second-derivative weights at interior nodes.
  const cm = new Float64Array(n), c0 = new Float64Array(n), cp = new Float64Array(n);
  const dm = new Float64Array(n), d0 = new Float64Array(n), dp = new Float64Array(n);
  for (let i = 1; i < n - 1; i++) {
    const h1 = x[i] - x[i - 1];
    const h2 = i >= 2 ? x[i - 1] - x[i - 2] : x[1];
    b0[i] = (2 * h1 + h2) / (h1 * (h1 + h2));
    b1[i] = -(h1 + h2) / (h1 * h2);
    b2[i] = h1 / (h2 * (h1 + h2));
    const hm = h1;
    const hp = x[i + 1] - x[i];
    cm[i] = -hp / (hm * (hm + hp));
    c0[i] = (hp - hm) / (hm * hp);
    cp[i] = hm / (hp * (hm + hp));
    dm[i] = 2 / (hm * (hm + hp));
    d0[i] = -2 / (hm * hp);
    dp[i] = 2 / (hp * (hm + hp));
  }
  // i = 1: f_{-1} = −f_1 folds into the f_1 weight.
  b0[1] -= b2[1];
  b2[1] = 0;
  const gamma = (1 + alpha) / 2;
  const x1 = x[1], x2 = x[2];
  const det = Math.pow(x1, gamma) * Math.pow(x2, gamma + 2) - Math.pow(x2, gamma) * Math.pow(x1, gamma + 2);
  const l1 = Math.pow(x2, gamma + 2) / det;
  const l2 = -Math.pow(x1, gamma + 2) / det;
  const thesisFactor = a * (1 + alpha) - 2;
  // Derivatives at x_1, x_2 from the same two-node power fit (exact for K x^e + K2 x^{e+2}):
  // e = γ for ũ, e = α for ω̃ (one-sided, exponent-aware differences at the Hölder point 0).
  const fitU = powerFitDerivative(x1, x2, gamma);
  const fitW = powerFitDerivative(x1, x2, alpha);
  const psi = new Float64Array(n);
  const psiX = new Float64Array(n);
  const work = new Float64Array(n);
  const twoA = 2 * a;

  const slope = (f: Vec): number => l1 * f[1] + l2 * f[2];

  function evaluate(u: Vec, w: Vec, logC: number, du: Vec, dw: Vec): number {
    dirichletGreenKernel(n, x, w, psi, psiX, work);
    const visc = nu > 0 ? nu * Math.exp(logC) : 0;
    // du ← R = −2aψu_x + 2uψ_x + νC u_xx (without c_u).
    du[0] = 0;
    du[n - 1] = 0;
    dw[0] = 0;
    dw[n - 1] = 0;
    for (let i = 1; i < n - 1; i++) {
      const um2 = i >= 2 ? u[i - 2] : 0;
      const wm2 = i >= 2 ? w[i - 2] : 0;
      let ux: number, wx: number;
      if (i <= 2) {
        const r = 2 * (i - 1);
        ux = fitU[r] * u[1] + fitU[r + 1] * u[2];
        wx = fitW[r] * w[1] + fitW[r + 1] * w[2];
      } else {
        ux = b0[i] * u[i] + b1[i] * u[i - 1] + b2[i] * um2;
        wx = b0[i] * w[i] + b1[i] * w[i - 1] + b2[i] * wm2;
      }
      const v = twoA * psi[i];
      let ru = -v * ux + 2 * u[i] * psiX[i];
      const u2x = cm[i] * u[i - 1] * u[i - 1] + c0[i] * u[i] * u[i] + cp[i] * u[i + 1] * u[i + 1];
      let rw = -v * wx + u2x;
      if (visc !== 0) {
        ru += visc * (dm[i] * u[i - 1] + d0[i] * u[i] + dp[i] * u[i + 1]);
        rw += visc * (dm[i] * w[i - 1] + d0[i] * w[i] + dp[i] * w[i + 1]);
      }
      du[i] = ru;
      dw[i] = rw;
    }
    if (normalization === 'none') return 0;
    const cu = normalization === 'discrete' ? -slope(du) / slope(u) : thesisFactor * psiX[0];
    for (let i = 1; i < n - 1; i++) {
      du[i] += cu * u[i];
      dw[i] += cu * w[i];
    }
    return cu;
  }

  function stepBound(cfl: number, logC: number): number {
    let k = Infinity;
    for (let i = 1; i < n - 1; i++) {
      const v = twoA * Math.abs(psi[i]);
      if (v > 0) {
        const ki = (x[i] - x[i - 1]) / v;
        if (ki < k) k = ki;
      }
    }
    if (nu > 0) {
      const visc = nu * Math.exp(logC);
      for (let i = 1; i < n - 1; i++) {
        // RK4's real stability limit ≈ 2.785 against the 3-point |λ| ≤ |d0| + |dm| + |dp| = 2|d0|.
        const ki = 2.785 / (visc * 2 * Math.abs(d0[i]));
        if (ki < k) k = ki;
      }
    }
    return cfl * k;
  }

  return { n, x, psi, psiX, evaluate, slope, stepBound };
}

/**
 * Weights [d1(f1), d1(f2), d2(f1), d2(f2)] of the derivative at x1 and x2 of the fit
 * `f ≈ K x^e + K2 x^{e+2}` through (x1, f1), (x2, f2).
 */
function powerFitDerivative(x1: number, x2: number, e: number): Float64Array {
  const det = Math.pow(x1, e) * Math.pow(x2, e + 2) - Math.pow(x2, e) * Math.pow(x1, e + 2);
  // K = (f1 x2^{e+2} − f2 x1^{e+2})/det, K2 = (f2 x1^e − f1 x2^e)/det.
  const k1 = Math.pow(x2, e + 2) / det, k2 = -Math.pow(x1, e + 2) / det;
  const m1 = -Math.pow(x2, e) / det, m2 = Math.pow(x1, e) / det;
  const out = new Float64Array(4);
  const xs = [x1, x2];
  for (let r = 0; r < 2; r++) {
    const d = e * Math.pow(xs[r], e - 1), d2 = (e + 2) * Math.pow(xs[r], e + 1);
    out[2 * r] = d * k1 + d2 * m1;
    out[2 * r + 1] = d * k2 + d2 * m2;
  }
  return out;
}
