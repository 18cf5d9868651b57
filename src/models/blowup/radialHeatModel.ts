/**
 * The rescaled semilinear heat equation for radial (or 1-D even) data on a mapped grid
 * `0 = r_0 < … < r_{N−1} = L` (thesis (★) thesis §2.2 and its radial nD form (2.2.5) with equal
 * λ_i):
 *
 *     û_τ = c_u û − c_l r û_r + û² + λ (û_rr + (n−1) û_r / r),
 *
 * as a {@link RescalingModel} for the driver. Derivatives are those of the interpolating cubic
 * spline with an even end at 0 (S' = 0) and a natural end at L (thesis §2.4, docs/blowup.md); the
 * radial term at r = 0 is its limit (n−1)û_rr(0). The outermost node is an outflow node
 * (û_τ(L) = 0; û(L) ≈ 8/L²). Normalization functionals: ℓ_0(f) = f(0) and ℓ_1(f) = (D2 f)(0)
 * (thesis §2.2: û(0) and û_rr(0) fixed). With `diffusion: false` it is the Riccati toy
 * (1.1.1) (λ ≡ 0).
 *
 * The implicit diffusion solve `(I − g(D2 + (n−1)/r·D1))Y = X` is exactly the inverse of the
 * spline operator used explicitly: for n = 1 one tridiagonal solve of `(T − gΔ)Y = T X` (T, Δ the
 * moment equations' matrices); for n > 1 one banded LU (bandwidths 3/3) of the 2N×2N system
 * coupling the values Y_i with the spline moments M_i = S''(r_i). Cost O(N) per evaluation and
 * per solve.
 *
 * @module
 */
import { checkFinite, checkInteger, checkNonNegative, checkOneOf, checkPositive, checkVec } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { Vec } from '../../core/types';
import { cubicSplineOperator, type CubicSplineOperator } from '../../diff/cubicSplineOperator';
import { parityFitDerivativesAtZero } from '../../diff/parityFit';
import { Grid1D } from '../../grid/grid1d';
import { BandedLUFactorization, BandedMatrix } from '../../linalg/banded';
import { TridiagonalFactorization } from '../../linalg/tridiagonal';
import type { RescalingModel } from './driver';

/** Options of {@link radialHeatModel}. */
export interface RadialHeatModelOptions {
  /** Space dimension n ≥ 1 (1: the 1-D even problem). Default 1. */
  dim?: number;
  /** Include the diffusion λΔû (default true; false gives the Riccati toy). */
  diffusion?: boolean;
  /** û_rrrr(0) in the thesis formulas: `'splineSquared'` = (D2(D2û))(0) (default) or `'evenFit'` (4-point even interpolant). */
  fourthDerivative?: 'splineSquared' | 'evenFit';
  /** `inRegime` fails when max û > maxAmplitudeRatio·û(0) (default 4), or min û < −0.01·û(0) (positivity lost). */
  maxAmplitudeRatio?: number;
}

/**
 * The radial heat model with its operators (see the module doc). Also exposes the spline
 * operator and the weights of ℓ_1 for diagnostics.
 *
 * @example
 * ```ts
 * const grid = mappedGrid(sinhMap({ length: 1e5 }), 300, { symmetry: 'even' });
 * const model = radialHeatModel(grid, { dim: 1 });
 * model.secondDerivativeAtZero(u); // (D2 u)(0)
 * ```
 */
export interface RadialHeatModel extends RescalingModel {
  /** The normalization functionals ℓ_q (always present on this model). */
  normalization(f: Vec, out: Vec): void;
  /** Space dimension n. */
  readonly dim: number;
  /** The grid (r_0 = 0). */
  readonly grid: Grid1D;
  /** The spline operator (even at 0, natural at L). */
  readonly spline: CubicSplineOperator;
  /** ℓ_1(f) = (D2 f)(0) = Σ_j w_j f_j. */
  secondDerivativeAtZero(f: Vec): number;
  /** û_rrrr(0) as used by the thesis formulas. */
  fourthDerivativeAtZero(f: Vec): number;
}

/**
 * Build the radial heat model on a grid that starts at 0. Validates before any work.
 * Setup O(N²) (the weights of ℓ_1 by N spline applications), then O(N) per call.
 *
 * @throws InvalidArgumentError when the grid does not start at 0, has fewer than 8 nodes, or an option is out of range
 * @example
 * ```ts
 * const model = radialHeatModel(mappedGrid(sinhMap({ length: 1e5 }), 300, { symmetry: 'even' }), { dim: 3 });
 * ```
 */
export function radialHeatModel(grid: Grid1D, options: RadialHeatModelOptions = {}): RadialHeatModel {
  if (!(grid instanceof Grid1D)) throw new InvalidTypeError('grid', 'a Grid1D', grid);
  if (grid.x[0] !== 0) throw new InvalidArgumentError('grid.x[0]', '0 (the grid must start at the symmetry center)', grid.x[0]);
  const N = checkInteger('grid.n', grid.n, 8);
  const n = checkInteger('options.dim', options.dim ?? 1, 1, 64);
  const hasDiffusion = options.diffusion ?? true;
  if (typeof hasDiffusion !== 'boolean') throw new InvalidTypeError('options.diffusion', 'a boolean', hasDiffusion);
  const fourth = checkOneOf('options.fourthDerivative', options.fourthDerivative ?? 'splineSquared', ['splineSquared', 'evenFit'] as const);
  const maxRatio = checkPositive('options.maxAmplitudeRatio', options.maxAmplitudeRatio ?? 4);
  const x = grid.x;
  const h = grid.spacing;
  // Without diffusion z = L is an outflow boundary of the advection −½c_l·z·û_z (characteristics leave
  // the domain): the last node evolves by the same equation, with a not-a-knot end so that the one-sided
  // slope keeps the spline's O(h⁴). With diffusion the far-field value is held (û ≈ 0 there).
  const spline = cubicSplineOperator(grid, { left: 'even', right: hasDiffusion ? 'natural' : 'notAKnot' });
  const evolved = hasDiffusion ? N - 1 : N;
  const d1 = new Float64Array(N);
  const d2 = new Float64Array(N);
  const kappa = new Float64Array(N); // (n−1)/r
  for (let i = 1; i < N; i++) kappa[i] = (n - 1) / x[i];
  const w2 = new Float64Array(N);
  const unit = new Float64Array(N);
  for (let j = 0; j < N; j++) {
    unit[j] = 1;
    spline.derivativesStrided(unit, 1, 0, null, 1, 0, d2, 1, 0);
    w2[j] = d2[0];
    unit[j] = 0;
  }
  let ratioMin = Infinity; // min h_i / r_{i+1}
  for (let i = 0; i < N - 1; i++) ratioMin = Math.min(ratioMin, h[i] / x[i + 1]);
  const hMin = grid.minSpacing();
  const band = new BandedMatrix(2 * N, 3, 3);
  let lu: BandedLUFactorization | null = null;
  const rhs2 = new Float64Array(2 * N);
  const triLower = new Float64Array(N);
  const triDiag = new Float64Array(N);
  const triUpper = new Float64Array(N);
  const triRhs = new Float64Array(N);
  const fitOut = new Float64Array(4);

  const secondDerivativeAtZero = (f: Vec): number => {
    let acc = 0;
    for (let j = 0; j < N; j++) acc += w2[j] * f[j];
    return acc;
  };
  const fourthDerivativeAtZero = (f: Vec): number => (fourth === 'splineSquared' ? spline.fourthDerivativeAtLeftEnd(f) : parityFitDerivativesAtZero(x, f, 'even', 4, fitOut)[2]);

  const bandData = band.data;
  /** Entry (row, col) of the 7-wide band (kl = ku = 3), row-major. */
  const set = (row: number, col: number, v: number): void => { bandData[row * 7 + (col - row + 3)] = v; };
  const assemble = (g: number): void => {
    bandData.fill(0);
    // value rows
    set(0, 0, 1); set(0, 1, -g * n);
    for (let i = 1; i < N - 1; i++) {
      const r = 2 * i;
      const kh = kappa[i] / h[i];
      set(r, 2 * i, 1 + g * kh);
      set(r, 2 * i + 2, -g * kh);
      set(r, 2 * i + 1, -g * (1 - (kappa[i] * h[i]) / 3));
      set(r, 2 * i + 3, (g * kappa[i] * h[i]) / 6);
    }
    set(2 * (N - 1), 2 * (N - 1), 1);
    // moment rows (scaled by 1/6): even end, interior, natural end
    set(1, 1, h[0] / 3); set(1, 3, h[0] / 6); set(1, 0, 1 / h[0]); set(1, 2, -1 / h[0]);
    for (let i = 1; i < N - 1; i++) {
      const r = 2 * i + 1;
      set(r, 2 * i - 1, h[i - 1] / 6);
      set(r, 2 * i + 1, (h[i - 1] + h[i]) / 3);
      set(r, 2 * i + 3, h[i] / 6);
      set(r, 2 * i - 2, -1 / h[i - 1]);
      set(r, 2 * i, 1 / h[i - 1] + 1 / h[i]);
      set(r, 2 * i + 2, -1 / h[i]);
    }
    set(2 * N - 1, 2 * N - 1, 1);
  };

  /**
   * n = 1: with M = S'' at the nodes (moment equations T M = ΔY, even/natural ends), Y = r + gM
   * gives the tridiagonal, diagonally dominant system (T − gΔ) Y = T r.
   */
  let triFactorization: TridiagonalFactorization | null = null;
  const solveMomentForm = (g: number, r: Vec, out: Vec): void => {
    triDiag[0] = h[0] / 3 + g / h[0];
    triUpper[0] = h[0] / 6 - g / h[0];
    triRhs[0] = (h[0] / 3) * r[0] + (h[0] / 6) * r[1];
    for (let i = 1; i < N - 1; i++) {
      const hl = h[i - 1];
      const hr = h[i];
      triLower[i] = hl / 6 - g / hl;
      triDiag[i] = (hl + hr) / 3 + g * (1 / hl + 1 / hr);
      triUpper[i] = hr / 6 - g / hr;
      triRhs[i] = (hl * r[i - 1] + 2 * (hl + hr) * r[i] + hr * r[i + 1]) / 6;
    }
    triLower[N - 1] = 0;
    triDiag[N - 1] = 1;
    triRhs[N - 1] = r[N - 1];
    if (triFactorization === null) triFactorization = new TridiagonalFactorization(triLower, triDiag, triUpper);
    else triFactorization.factor(triLower, triDiag, triUpper);
    triFactorization.solve(triRhs, out);
  };

  return {
    size: N,
    directions: 1,
    modulations: 2,
    hasDiffusion,
    dim: n,
    grid,
    spline,
    secondDerivativeAtZero,
    fourthDerivativeAtZero,
    evaluate(u: Vec, lambdas: Vec, fields: Vec[], reaction: Vec, diffusion: Vec | null): void {
      spline.derivativesStrided(u, 1, 0, d1, 1, 0, diffusion === null ? null : d2, 1, 0);
      const gu = fields[0];
      const gl = fields[1];
      for (let i = 0; i < evolved; i++) {
        const ui = u[i];
        gu[i] = ui;
        gl[i] = -x[i] * d1[i];
        reaction[i] = ui * ui;
      }
      if (evolved < N) { gu[N - 1] = 0; gl[N - 1] = 0; reaction[N - 1] = 0; }
      if (diffusion !== null) {
        const lam = lambdas[0];
        diffusion[0] = lam * n * d2[0];
        for (let i = 1; i < N - 1; i++) diffusion[i] = lam * (d2[i] + kappa[i] * d1[i]);
        diffusion[N - 1] = 0;
      }
    },
    solveImplicit(kGamma: number, lambdas: Vec, rhs: Vec, out: Vec): void {
      const g = kGamma * lambdas[0];
      if (n === 1) {
        solveMomentForm(g, rhs, out);
        return;
      }
      assemble(g);
      lu = lu === null ? new BandedLUFactorization(band) : lu.factor(band);
      for (let i = 0; i < N; i++) { rhs2[2 * i] = rhs[i]; rhs2[2 * i + 1] = 0; }
      rhs2[2 * N - 1] = 0;
      lu.solveStrided(rhs2, 1, 0, rhs2, 1, 0);
      for (let i = 0; i < N; i++) out[i] = rhs2[2 * i];
    },
    normalization(f: Vec, out: Vec): void {
      out[0] = f[0];
      out[1] = secondDerivativeAtZero(f);
    },
    thesisModulations(u: Vec, lambdas: Vec, out: Vec): void {
      const lam = hasDiffusion ? lambdas[0] : 0;
      const u0 = u[0];
      const u2 = secondDerivativeAtZero(u);
      const u4 = lam === 0 ? 0 : fourthDerivativeAtZero(u);
      heatModulationsFromTaylorUnchecked(u0, u2, u4, lam, n, out);
    },
    advectiveStepBound(c: Vec): number {
      const cl = Math.abs(c[1]);
      return cl === 0 ? Infinity : ratioMin / cl;
    },
    diffusiveStepBound(lambdas: Vec): number {
      return hasDiffusion ? (hMin * hMin) / (2 * n * lambdas[0]) : Infinity;
    },
    inRegime(u: Vec): boolean {
      const u0 = u[0];
      if (!(u0 > 0)) return false;
      const floor = -1e-2 * u0; // the exact solution is positive (maximum principle): losing positivity means instability
      for (let i = 1; i < N; i++) if (u[i] > maxRatio * u0 || u[i] < floor) return false;
      return true;
    },
  };
}

/**
 * The thesis's normalization formulas in closed form (thesis §2.4 for n = 1; radial nD [D]
 * from (2.2.5) with (Δf)_rr(0) = (n+2)f''''(0)/3):
 * `c_u = −û(0) − nλû_rr(0)/û(0)`, `c_l = c_u/2 + û(0) + (n+2)λû_rrrr(0)/(6û_rr(0))`.
 * Writes `[c_u, c_l]` to `out` and returns it. O(1).
 *
 * @example
 * ```ts
 * // thesis initial data (1 + z²/8 + z⁴/10)⁻¹: û(0) = 1, û''(0) = −1/4, û''''(0) = −2.025
 * heatModulationsFromTaylor(1, -0.25, -2.025, 1, 1); // [−0.75, 4.675]
 * ```
 */
export function heatModulationsFromTaylor(u0: number, u2: number, u4: number, lambda: number, dim: number, out: Vec = new Float64Array(2)): Vec {
  checkFinite('u0', u0);
  if (u0 === 0) throw new InvalidArgumentError('u0', 'a finite number ≠ 0 (the amplitude û(0))', u0);
  checkFinite('u2', u2);
  checkFinite('u4', u4);
  checkNonNegative('lambda', lambda);
  if (lambda !== 0 && u2 === 0) throw new InvalidArgumentError('u2', 'a finite number ≠ 0 when lambda > 0 (û_zz(0) divides)', u2);
  checkInteger('dim', dim, 1);
  checkVec('out', out, 2);
  return heatModulationsFromTaylorUnchecked(u0, u2, u4, lambda, dim, out);
}

/** {@link heatModulationsFromTaylor} without the checks (the model's per-stage call). */
function heatModulationsFromTaylorUnchecked(u0: number, u2: number, u4: number, lambda: number, dim: number, out: Vec): Vec {
  const cu = -u0 - (dim * lambda * u2) / u0;
  out[0] = cu;
  out[1] = cu / 2 + u0 + (lambda === 0 ? 0 : ((dim + 2) * lambda * u4) / (6 * u2));
  return out;
}
