/**
 * Gaussian elimination with partial pivoting for small dense systems stored as an augmented
 * row-major matrix `[A | b]` (n rows, n + 1 columns), in place and allocation-free: the kernel
 * the dynamic-rescaling driver calls at every Runge–Kutta stage to get its modulation constants.
 *
 * @module
 */
import { checkInteger, checkVec } from '../core/check';

/**
 * Solve `A x = b` for a small dense system given as the augmented row-major matrix
 * `aug = [A | b]` (n rows of n + 1 entries; overwritten by the elimination). Partial pivoting.
 *
 * Returns false, leaving `x` unspecified, when the system is numerically singular: a pivot that is
 * zero, not finite, or smaller than `n·ε·max|A|` (ε = 2⁻⁵²) — relative to the largest entry of A,
 * so the test does not depend on the scaling of the system. O(n³), no allocation.
 *
 * @param n - system size, an integer ≥ 1
 * @param aug - n·(n+1) entries, row-major `[A | b]` (overwritten)
 * @param x - output, length ≥ n
 * @returns true when solved, false when singular to working precision
 * @example
 * ```ts
 * const aug = Float64Array.of(2, 1, 3,  1, 3, 5); // 2x + y = 3, x + 3y = 5
 * const x = new Float64Array(2);
 * solveSmallDense(2, aug, x); // true, x = [0.8, 1.4]
 * ```
 */
export function solveSmallDense(n: number, aug: Float64Array, x: Float64Array): boolean {
  checkInteger('n', n, 1);
  checkVec('aug', aug, n * (n + 1));
  checkVec('x', x);
  if (x.length < n) checkVec('x', x, n);
  return solveSmallDenseUnchecked(n, aug, x);
}

/**
 * {@link solveSmallDense} without the argument checks, for hot loops that checked once.
 * @example
 * ```ts
 * // [A | b] for 2x + y = 3, x + 3y = 5, row-major n×(n+1)
 * const x = new Float64Array(2);
 * solveSmallDenseUnchecked(2, Float64Array.of(2, 1, 3, 1, 3, 5), x); // true, x = [0.8, 1.4]
 * ```
 */
export function solveSmallDenseUnchecked(n: number, aug: Float64Array, x: Float64Array): boolean {
  const w = n + 1;
  let scale = 0;
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) { const v = Math.abs(aug[r * w + c]); if (v > scale) scale = v; }
  if (!(scale > 0) || !Number.isFinite(scale)) return false;
  const tiny = n * 2.220446049250313e-16 * scale;
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(aug[r * w + col]) > Math.abs(aug[piv * w + col])) piv = r;
    const big = Math.abs(aug[piv * w + col]);
    if (!(big > tiny) || !Number.isFinite(big)) return false;
    if (piv !== col) for (let t = 0; t < w; t++) { const tmp = aug[col * w + t]; aug[col * w + t] = aug[piv * w + t]; aug[piv * w + t] = tmp; }
    for (let r = col + 1; r < n; r++) {
      const f = aug[r * w + col] / aug[col * w + col];
      if (f !== 0) for (let t = col; t < w; t++) aug[r * w + t] -= f * aug[col * w + t];
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let acc = aug[r * w + n];
    for (let t = r + 1; t < n; t++) acc -= aug[r * w + t] * x[t];
    x[r] = acc / aug[r * w + r];
  }
  return true;
}
