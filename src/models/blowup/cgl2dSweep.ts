/**
 * Line solves of the 2-D complex Ginzburg–Landau rescaled model (`cgl2dModel.ts`): the exact
 * inverse of `I − g(1+iβ)D2` along one grid line for the natural cubic spline on the line's nodes
 * (both end nodes kept: outflow rows), in the moment form `(T − g(1+iβ)Δ)Y = T X` (T the spline's
 * tridiagonal moment matrix, Δ the divided-difference matrix), solved by the complex Thomas
 * algorithm without pivoting (the Hermitian part `T + gΔ-stiffness` is positive definite). The
 * same system as the 1-D model's stage solve (`cglModel.ts`), applied along strided lines of a
 * split `[Re…, Im…]` field. Internal to the blowup family.
 *
 * @module
 */
import type { Vec } from '../../core/types';
import { ComplexThomasFactorization } from '../../linalg/complexThomas';

/**
 * `(I − g(1+iβ)D2)⁻¹` along lines of n nodes with spacings h (natural spline, end rows identity).
 * Factor once per (g, β), then solve any number of lines. O(n) per line, no allocation.
 *
 * @example
 * ```ts
 * const sweep = new ComplexSplineSweep(spacings, 0.2);
 * sweep.factor(1e-3);
 * sweep.solveLine(field, nodes, stride, offset); // Re at field[offset + k·stride], Im at +nodes
 * ```
 */
export class ComplexSplineSweep {
  private readonly n: number;
  private readonly lowerRe: Float64Array;
  private readonly lowerIm: Float64Array;
  private readonly diagRe: Float64Array;
  private readonly diagIm: Float64Array;
  private readonly upperRe: Float64Array;
  private readonly upperIm: Float64Array;
  private readonly rhsRe: Float64Array;
  private readonly rhsIm: Float64Array;
  private readonly thomas: ComplexThomasFactorization;
  private g = Number.NaN;

  /**
   * @param h - the n − 1 spacings of the line's nodes
   * @param beta - the dispersion β of `(1 + iβ)`
   */
  constructor(private readonly h: Vec, private readonly beta: number) {
    const n = h.length + 1;
    this.n = n;
    this.lowerRe = new Float64Array(n);
    this.lowerIm = new Float64Array(n);
    this.diagRe = new Float64Array(n);
    this.diagIm = new Float64Array(n);
    this.upperRe = new Float64Array(n);
    this.upperIm = new Float64Array(n);
    this.rhsRe = new Float64Array(n);
    this.rhsIm = new Float64Array(n);
    this.thomas = new ComplexThomasFactorization(n);
  }

  /** Factor `T − g(1+iβ)Δ` (kept when g is unchanged). O(n). */
  factor(g: number): void {
    if (g === this.g) return;
    const { n, h, lowerRe, lowerIm, diagRe, diagIm, upperRe, upperIm } = this;
    const gi = g * this.beta;
    diagRe[0] = 1; diagRe[n - 1] = 1;
    for (let i = 1; i < n - 1; i++) {
      const hl = h[i - 1];
      const hr = h[i];
      lowerRe[i] = hl / 6 - g / hl; lowerIm[i] = -gi / hl;
      diagRe[i] = (hl + hr) / 3 + g * (1 / hl + 1 / hr); diagIm[i] = gi * (1 / hl + 1 / hr);
      upperRe[i] = hr / 6 - g / hr; upperIm[i] = -gi / hr;
    }
    this.thomas.factor(lowerRe, lowerIm, diagRe, diagIm, upperRe, upperIm);
    this.g = g;
  }

  /**
   * Solve in place on the line `f[offset + k·stride]` (real part) and `f[imOffset + offset + k·stride]`
   * (imaginary part), k = 0..n−1. The end nodes are returned unchanged.
   */
  solveLine(f: Vec, imOffset: number, stride: number, offset: number): void {
    const { n, h, rhsRe, rhsIm } = this;
    const o2 = offset + imOffset;
    rhsRe[0] = f[offset]; rhsIm[0] = f[o2];
    const last = (n - 1) * stride;
    rhsRe[n - 1] = f[offset + last]; rhsIm[n - 1] = f[o2 + last];
    for (let i = 1, p = stride; i < n - 1; i++, p += stride) {
      const hl = h[i - 1];
      const hr = h[i];
      rhsRe[i] = (hl * f[offset + p - stride] + 2 * (hl + hr) * f[offset + p] + hr * f[offset + p + stride]) / 6;
      rhsIm[i] = (hl * f[o2 + p - stride] + 2 * (hl + hr) * f[o2 + p] + hr * f[o2 + p + stride]) / 6;
    }
    this.thomas.solve(rhsRe, rhsIm, rhsRe, rhsIm);
    for (let i = 0, p = 0; i < n; i++, p += stride) { f[offset + p] = rhsRe[i]; f[o2 + p] = rhsIm[i]; }
  }
}
