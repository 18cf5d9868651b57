/**
 * The 1-D complex Ginzburg–Landau equation (thesis §1.1.2, L833)
 *
 *     ψ_t = (1 + iβ)ψ_xx + (1 + iδ)|ψ|^{p−1}ψ − γψ
 *
 * in modulated rescaled variables, as a {@link RescalingModel} for the driver (no symmetry
 * assumed: the grid covers [−L, L] with the origin as a node). Following thesis L873–893,
 * `Ψ(z,τ) = H(τ)e^{iφ(τ)}ψ(Rz + V, t(τ))`, `dt/dτ = H^{p−1}`, with amplitude H, scale R and
 * translation V (the 1 + d + d(d+1)/2 = 3 parameters of d = 1) and, in addition, the gauge phase φ
 * (a symmetry of CGL that the thesis leaves unmodulated):
 *
 *     Ψ_τ = c₀Ψ/(p−1) − c_l zΨ_z + c_vΨ_z + c_θ iΨ + Q(1 + iβ)Ψ_zz + (1 + iδ)|Ψ|^{p−1}Ψ − γH^{p−1}Ψ,
 *
 * `c₀ = (p−1)H_τ/H`, `c_l = −R_τ/R`, `c_v = V_τ/R`, `c_θ = φ_τ`, `Q = H^{p−1}/R²` (the thesis's Q in
 * 1-D, in the role of λ), `(log Q)_τ = c₀ + 2c_l`. With the gauge, the four normalization
 * conditions are **linear**: `Re Ψ(0)`, `Im Ψ(0)` (= 0), `(D1 Re Ψ)(0)` and `(D2 Re Ψ)(0)` stay
 * fixed, i.e. the 0th-, 1st- and 2nd-order Taylor data of the amplitude U = |Ψ| at the origin
 * (`U(0) = Re Ψ(0)`, `U_z(0) = Re Ψ_z(0)` and `U_zz(0) = Re Ψ_zz(0) + U(0)Θ_z(0)²` when Im Ψ(0) = 0)
 * with the phase gradient's contribution `UΘ_z²` moved to the phase. The driver solves the 4×4
 * system of these functionals at every stage, so they are conserved to round-off
 * (discrete-consistent, as for the heat equation). Θ(0,τ) = −φ + θ(V, t): the phase rate at the
 * origin is reported through c_θ.
 *
 * Driver layout: the field is `[Re Ψ_0..Re Ψ_{n−1}, Im Ψ_0..Im Ψ_{n−1}]`; `c = [c₀, c_l, c_v, c_θ]`;
 * two scale factors, `λ₁ = Q` (diffusion) and `λ₂ = H^{p−1}` (for the γ term), with rates
 * `c₀ + 2c_l` and `c₀`. Derivatives are those of the natural cubic spline on the nodes; the two end
 * nodes are outflow nodes (Ψ_τ = 0). The implicit stage solve `(I − g(1+iβ)D2)Y = X` is the
 * complex tridiagonal moment-form system `(T − g(1+iβ)Δ)Y = T X` (the exact inverse of the spline
 * operator), solved without pivoting (its Hermitian part is positive definite). With β = δ = γ = 0, p = 2 and even real data it is the heat model (★) on the mirrored
 * grid: the spline of even data on symmetric nodes is even, so every derivative, functional and
 * stage agrees with `radialHeatModel` up to round-off.
 *
 * @module
 */
import { checkFinite } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { Vec } from '../../core/types';
import { cubicSplineOperator } from '../../diff/cubicSplineOperator';
import { Grid1D } from '../../grid/grid1d';
import { ComplexThomasFactorization } from '../../linalg/complexThomas';
import type { RescalingModel } from './driver';

/** Parameters of the complex Ginzburg–Landau equation. */
export interface CglParameters {
  /** Dispersion β (real, finite; default 0). */
  beta?: number;
  /** Nonlinear frequency δ (real, finite; default 0). */
  delta?: number;
  /** Damping γ (real, finite; default 0). */
  gamma?: number;
  /** Exponent p > 1 (default 2). */
  p?: number;
}

/** Validated parameters. */
export interface CglResolvedParameters {
  /** β. */
  beta: number;
  /** δ. */
  delta: number;
  /** γ. */
  gamma: number;
  /** p. */
  p: number;
}

/**
 * Validate CGL parameters (finite β, δ, γ; p > 1). O(1).
 * @throws InvalidArgumentError naming the parameter
 * @example
 * ```ts
 * resolveCglParameters({ beta: 0.1, delta: 0.2 }); // { beta: 0.1, delta: 0.2, gamma: 0, p: 2 }
 * ```
 */
export function resolveCglParameters(params: CglParameters, name = 'problem'): CglResolvedParameters {
  if (params === null || typeof params !== 'object') throw new InvalidTypeError(name, 'an object { beta, delta, gamma, p }', params);
  const beta = checkFinite(`${name}.beta`, params.beta ?? 0);
  const delta = checkFinite(`${name}.delta`, params.delta ?? 0);
  const gamma = checkFinite(`${name}.gamma`, params.gamma ?? 0);
  const p = checkFinite(`${name}.p`, params.p ?? 2);
  if (!(p > 1)) throw new InvalidArgumentError(`${name}.p`, 'a number > 1', p);
  return { beta, delta, gamma, p };
}

/**
 * Nodes on [−L, L] mirrored from a grid on [0, L] that starts at 0: `[−x_{n−1}, …, −x_1, 0, x_1, …, x_{n−1}]`
 * (2n − 1 nodes, the origin at index n − 1). O(n).
 * @throws InvalidArgumentError when the grid does not start at 0
 * @example
 * ```ts
 * mirroredNodes(mappedGrid(sinhMap({ length: 1e5 }), 300)); // 599 nodes, origin at index 299
 * ```
 */
export function mirroredNodes(grid: Grid1D): Vec {
  if (!(grid instanceof Grid1D)) throw new InvalidTypeError('grid', 'a Grid1D', grid);
  if (grid.x[0] !== 0) throw new InvalidArgumentError('grid.x[0]', 'exactly 0 (the grid must contain the origin)', grid.x[0]);
  const n = grid.n;
  const out = new Float64Array(2 * n - 1);
  for (let i = 0; i < n; i++) {
    out[n - 1 + i] = grid.x[i];
    out[n - 1 - i] = -grid.x[i];
  }
  return out;
}

/** The 1-D CGL rescaled model (see the module doc). */
export interface CglModel extends RescalingModel {
  /** Nodes z (strictly increasing, containing 0). */
  readonly z: Vec;
  /** Index of the origin in `z`. */
  readonly origin: number;
  /** Validated parameters. */
  readonly params: CglResolvedParameters;
}

/**
 * Build the 1-D CGL rescaled model on nodes z (strictly increasing, at least 9, containing 0 with at
 * least 4 nodes on each side). Setup O(n²) (the weights of the derivative functionals), then O(n)
 * per call.
 *
 * @throws InvalidArgumentError for nodes without the origin, p ≤ 1 or non-finite parameters
 * @example
 * ```ts
 * const model = cglModel(mirroredNodes(mappedGrid(sinhMap({ length: 1e5 }), 300)), { beta: 0.1, delta: 0.1 });
 * const run = runRescaled(model, { u0, logLambda0: [0, 0], tauEnd: 10 });
 * ```
 */
export function cglModel(z: Vec, params: CglParameters = {}): CglModel {
  const prm = resolveCglParameters(params, 'params');
  if (!(z instanceof Float64Array)) throw new InvalidTypeError('z', 'a Float64Array of nodes', z);
  const n = z.length;
  if (n < 9) throw new InvalidArgumentError('z.length', 'at least 9 nodes', n);
  for (let i = 1; i < n; i++) if (!(z[i] > z[i - 1])) throw new InvalidArgumentError(`z[${i}]`, 'strictly increasing nodes', z[i]);
  const c = z.indexOf(0);
  if (c < 0) throw new InvalidArgumentError('z', 'nodes containing the origin 0 exactly', undefined);
  if (c < 4 || c > n - 5) throw new InvalidArgumentError('z', 'at least 4 nodes on each side of the origin', c);
  const { beta, delta, gamma, p } = prm;
  const spline = cubicSplineOperator(z, { left: 'natural', right: 'natural' });
  const d1r = new Float64Array(n);
  const d2r = new Float64Array(n);
  const d1i = new Float64Array(n);
  const d2i = new Float64Array(n);
  const w1 = new Float64Array(n);
  const w2 = new Float64Array(n);
  const unit = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    unit[j] = 1;
    spline.derivatives(unit, d1r, d2r);
    w1[j] = d1r[c];
    w2[j] = d2r[c];
    unit[j] = 0;
  }
  const h = new Float64Array(n - 1);
  let hMin = Infinity;
  for (let i = 0; i < n - 1; i++) { h[i] = z[i + 1] - z[i]; hMin = Math.min(hMin, h[i]); }
  const lowerRe = new Float64Array(n);
  const lowerIm = new Float64Array(n);
  const diagRe = new Float64Array(n);
  const diagIm = new Float64Array(n);
  const upperRe = new Float64Array(n);
  const upperIm = new Float64Array(n);
  const rhsRe = new Float64Array(n);
  const rhsIm = new Float64Array(n);
  const thomas = new ComplexThomasFactorization(n);
  let factoredG = Number.NaN;
  const invPm1 = 1 / (p - 1);
  const half = (p - 1) / 2;

  return {
    size: 2 * n,
    directions: 2,
    modulations: 4,
    hasDiffusion: true,
    z,
    origin: c,
    params: prm,
    evaluate(u: Vec, lambdas: Vec, fields: Vec[], reaction: Vec, diffusion: Vec | null): void {
      spline.derivativesStrided(u, 1, 0, d1r, 1, 0, diffusion === null ? null : d2r, 1, 0);
      spline.derivativesStrided(u, 1, n, d1i, 1, 0, diffusion === null ? null : d2i, 1, 0);
      const [g0, gl, gv, gt] = fields;
      const q = lambdas[0];
      const damping = gamma * lambdas[1];
      for (let i = 0; i < n; i++) {
        const j = n + i;
        if (i === 0 || i === n - 1) {
          g0[i] = 0; g0[j] = 0; gl[i] = 0; gl[j] = 0; gv[i] = 0; gv[j] = 0; gt[i] = 0; gt[j] = 0; reaction[i] = 0; reaction[j] = 0;
          if (diffusion !== null) { diffusion[i] = 0; diffusion[j] = 0; }
          continue;
        }
        const a = u[i];
        const b = u[j];
        g0[i] = a * invPm1; g0[j] = b * invPm1;
        gl[i] = -z[i] * d1r[i]; gl[j] = -z[i] * d1i[i];
        gv[i] = d1r[i]; gv[j] = d1i[i];
        gt[i] = -b; gt[j] = a;
        const mod2 = a * a + b * b;
        const s = p === 2 ? Math.sqrt(mod2) : Math.pow(mod2, half);
        reaction[i] = s * (a - delta * b) - damping * a;
        reaction[j] = s * (b + delta * a) - damping * b;
        if (diffusion !== null) {
          diffusion[i] = q * (d2r[i] - beta * d2i[i]);
          diffusion[j] = q * (d2i[i] + beta * d2r[i]);
        }
      }
    },
    solveImplicit(kGamma: number, lambdas: Vec, rhs: Vec, out: Vec): void {
      const g = kGamma * lambdas[0];
      if (g !== factoredG) {
        // Hermitian part T + gΔ-stiffness is positive definite: LU without pivoting is stable
        const gi = g * beta;
        diagRe[0] = 1; diagRe[n - 1] = 1;
        for (let i = 1; i < n - 1; i++) {
          const hl = h[i - 1];
          const hr = h[i];
          lowerRe[i] = hl / 6 - g / hl; lowerIm[i] = -gi / hl;
          diagRe[i] = (hl + hr) / 3 + g * (1 / hl + 1 / hr); diagIm[i] = gi * (1 / hl + 1 / hr);
          upperRe[i] = hr / 6 - g / hr; upperIm[i] = -gi / hr;
        }
        thomas.factor(lowerRe, lowerIm, diagRe, diagIm, upperRe, upperIm);
        factoredG = g;
      }
      rhsRe[0] = rhs[0]; rhsIm[0] = rhs[n];
      rhsRe[n - 1] = rhs[n - 1]; rhsIm[n - 1] = rhs[2 * n - 1];
      for (let i = 1; i < n - 1; i++) {
        const hl = h[i - 1];
        const hr = h[i];
        rhsRe[i] = (hl * rhs[i - 1] + 2 * (hl + hr) * rhs[i] + hr * rhs[i + 1]) / 6;
        rhsIm[i] = (hl * rhs[n + i - 1] + 2 * (hl + hr) * rhs[n + i] + hr * rhs[n + i + 1]) / 6;
      }
      thomas.solve(rhsRe, rhsIm, rhsRe, rhsIm);
      for (let i = 0; i < n; i++) { out[i] = rhsRe[i]; out[n + i] = rhsIm[i]; }
    },
    normalization(f: Vec, out: Vec): void {
      let s1 = 0;
      let s2 = 0;
      for (let j = 0; j < n; j++) { s1 += w1[j] * f[j]; s2 += w2[j] * f[j]; }
      out[0] = f[c];
      out[1] = f[n + c];
      out[2] = s1;
      out[3] = s2;
    },
    advectiveStepBound(cc: Vec): number {
      const cl = Math.abs(cc[1]);
      const cv = Math.abs(cc[2]);
      let bound = Infinity;
      for (let i = 0; i < n - 1; i++) {
        const speed = cl * Math.max(Math.abs(z[i]), Math.abs(z[i + 1])) + cv;
        if (speed > 0) bound = Math.min(bound, h[i] / speed);
      }
      return bound;
    },
    diffusiveStepBound(lambdas: Vec): number {
      return (hMin * hMin) / (2 * lambdas[0] * Math.sqrt(1 + beta * beta));
    },
    scaleRates(cc: Vec, out: Vec): void {
      out[0] = cc[0] + 2 * cc[1];
      out[1] = cc[0];
    },
    inRegime(u: Vec): boolean {
      const u0 = u[c];
      if (!(u0 > 0)) return false;
      const cap = 16 * u0 * u0;
      for (let i = 0; i < n; i++) {
        const m2 = u[i] * u[i] + u[n + i] * u[n + i];
        if (!(m2 <= cap)) return false;
      }
      return true;
    },
  };
}
