/**
 * Complex tridiagonal LU without pivoting (the Thomas algorithm) for matrices whose Hermitian part
 * is positive definite — e.g. `T + g(1 + iβ)K` with T, K symmetric positive (semi)definite, the
 * implicit stage matrices of complex diffusion `ψ_t = (1 + iβ)ψ_xx` — for which LU without pivoting
 * exists and is stable (Golub & Van Loan, *Matrix Computations*, §4.4 on "positive definite"
 * nonsymmetric systems). Refactors in place (no allocation after construction): the use case is a
 * new shift at every Runge–Kutta stage. Split storage: real and imaginary parts in separate arrays.
 * For indefinite systems use {@link ComplexTridiagonalFactorization} (partial pivoting).
 *
 * @module
 */
import { checkInteger } from '../core/check';
import { NumericalError } from '../core/errors';
import type { Vec } from '../core/types';

/**
 * Factor-once/solve-many complex tridiagonal LU without pivoting, split real/imaginary storage.
 * O(n) to factor and to solve, no allocation after construction.
 *
 * @example
 * ```ts
 * const f = new ComplexThomasFactorization(n);
 * f.factor(lowerRe, lowerIm, diagRe, diagIm, upperRe, upperIm); // lower[i] multiplies x[i−1], upper[i] x[i+1]
 * f.solve(rhsRe, rhsIm, xRe, xIm);                                // out may alias rhs
 * ```
 */
export class ComplexThomasFactorization {
  /** System size. */
  readonly n: number;
  private readonly lr: Vec;
  private readonly li: Vec;
  private readonly ur: Vec;
  private readonly ui: Vec;
  private readonly pr: Vec; // 1/pivot
  private readonly pi: Vec;

  /** @param n - system size (≥ 1) */
  constructor(n: number) {
    this.n = checkInteger('n', n, 1);
    this.lr = new Float64Array(n);
    this.li = new Float64Array(n);
    this.ur = new Float64Array(n);
    this.ui = new Float64Array(n);
    this.pr = new Float64Array(n);
    this.pi = new Float64Array(n);
  }

  /**
   * Factor the matrix with sub-diagonal `lower` (entry i multiplies x[i−1]; entry 0 unused),
   * diagonal and super-diagonal `upper` (entry i multiplies x[i+1]; entry n−1 unused).
   * @throws NumericalError with reason `'singular'` on a zero or non-finite pivot
   */
  factor(lowerRe: Vec, lowerIm: Vec, diagRe: Vec, diagIm: Vec, upperRe: Vec, upperIm: Vec): this {
    const { n, lr, li, ur, ui, pr, pi } = this;
    let prevUr = 0;
    let prevUi = 0;
    let prevPr = 0;
    let prevPi = 0;
    for (let i = 0; i < n; i++) {
      let dr = diagRe[i];
      let di = diagIm[i];
      if (i > 0) {
        // multiplier m = lower[i] / pivot[i−1]; diag −= m·upper[i−1]
        const ar = lowerRe[i];
        const ai = lowerIm[i];
        const mr = ar * prevPr - ai * prevPi;
        const mi = ar * prevPi + ai * prevPr;
        lr[i] = mr;
        li[i] = mi;
        dr -= mr * prevUr - mi * prevUi;
        di -= mr * prevUi + mi * prevUr;
      }
      const mod = dr * dr + di * di;
      if (!(mod > 0) || !Number.isFinite(mod)) throw new NumericalError('singular', `zero or non-finite pivot at row ${i}`);
      pr[i] = dr / mod;
      pi[i] = -di / mod;
      ur[i] = i < n - 1 ? upperRe[i] : 0;
      ui[i] = i < n - 1 ? upperIm[i] : 0;
      prevUr = ur[i];
      prevUi = ui[i];
      prevPr = pr[i];
      prevPi = pi[i];
    }
    return this;
  }

  /** Solve with the last factorization; the outputs may alias the inputs. O(n). */
  solve(rhsRe: Vec, rhsIm: Vec, outRe: Vec, outIm: Vec): void {
    const { n, lr, li, ur, ui, pr, pi } = this;
    let yr = rhsRe[0];
    let yi = rhsIm[0];
    outRe[0] = yr;
    outIm[0] = yi;
    for (let i = 1; i < n; i++) {
      const br = rhsRe[i] - (lr[i] * yr - li[i] * yi);
      const bi = rhsIm[i] - (lr[i] * yi + li[i] * yr);
      outRe[i] = br;
      outIm[i] = bi;
      yr = br;
      yi = bi;
    }
    let xr = 0;
    let xi = 0;
    for (let i = n - 1; i >= 0; i--) {
      const sr = outRe[i] - (ur[i] * xr - ui[i] * xi);
      const si = outIm[i] - (ur[i] * xi + ui[i] * xr);
      xr = sr * pr[i] - si * pi[i];
      xi = sr * pi[i] + si * pr[i];
      outRe[i] = xr;
      outIm[i] = xi;
    }
  }
}
