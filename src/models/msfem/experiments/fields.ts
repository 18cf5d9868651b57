/**
 * Coefficient fields of the three experiments of thesis §4.4: the five-scale periodic field
 * (4.4.2), the 49-disk high-contrast field (§4.4.2) and the seeded rough field `|ξ| + 0.5` with ξ
 * bilinear on a 2⁷ × 2⁷ grid of i.i.d. normals ((4.4.3), thesis §4.4.3).
 *
 * @module
 */
import { checkInteger, checkPositive } from '../../../core/check';
import { Mulberry32 } from '../../../random/mulberry32';

const EPS = [1 / 5, 1 / 13, 1 / 17, 1 / 31, 1 / 65];

/**
 * The five-scale periodic coefficient of thesis (4.4.2) (ε = 1/5, 1/13, 1/17, 1/31, 1/65).
 *
 * @example
 * ```ts
 * periodicFiveScale(0.3, 0.7); // ∈ [0.1, 2.3]
 * ```
 */
export function periodicFiveScale(x: number, y: number): number {
  const s = Math.sin;
  const c = Math.cos;
  const t = 2 * Math.PI;
  const [e1, e2, e3, e4, e5] = EPS;
  return (
    ((1.1 + s((t * x) / e1)) / (1.1 + s((t * y) / e1)) +
      (1.1 + s((t * y) / e2)) / (1.1 + c((t * x) / e2)) +
      (1.1 + c((t * x) / e3)) / (1.1 + s((t * y) / e3)) +
      (1.1 + s((t * y) / e4)) / (1.1 + c((t * x) / e4)) +
      (1.1 + c((t * x) / e5)) / (1.1 + s((t * y) / e5)) +
      s(4 * x * x * y * y) +
      1) /
    6
  );
}

/**
 * The high-contrast coefficient of thesis §4.4.2: `M` inside the disks of radius `radius` (thesis
 * 0.015) centered at the 49 points `{0.2, 0.3, …, 0.8}²`, 1 elsewhere.
 *
 * @example
 * ```ts
 * const A = highContrastDisks(2 ** 10);
 * A(0.2, 0.2); // 1024
 * ```
 */
export function highContrastDisks(contrast: number, radius = 0.015): (x: number, y: number) => number {
  checkPositive('contrast', contrast);
  checkPositive('radius', radius);
  const r2 = radius * radius;
  return (x, y) => {
    for (let i = 2; i <= 8; i++) {
      const dx = x - i / 10;
      if (dx * dx > r2) continue;
      for (let j = 2; j <= 8; j++) {
        const dy = y - j / 10;
        if (dx * dx + dy * dy < r2) return contrast;
      }
    }
    return 1;
  };
}

/**
 * The (2⁷+1)² nodal normals ξ_{i,j} of the rough field: mulberry32(seed), Box–Muller cosine branch,
 * i (x index) as the outer loop. Entry (i, j) at `i·(cells+1) + j`.
 *
 * @example
 * ```ts
 * const xi = roughFieldNodes(1);  // length 129²
 * ```
 */
export function roughFieldNodes(seed: number, cells = 128): Float64Array {
  checkInteger('cells', cells, 1);
  const g = new Mulberry32(seed);
  const out = new Float64Array((cells + 1) * (cells + 1));
  for (let i = 0; i <= cells; i++) for (let j = 0; j <= cells; j++) out[i * (cells + 1) + j] = g.normal();
  return out;
}

/**
 * The rough field of thesis (4.4.3): `|ξ(x)| + 0.5` with ξ the bilinear interpolant of
 * {@link roughFieldNodes} on the 2⁷ × 2⁷ grid (`'thesis'`, absolute value after interpolation), or the
 * interpolant of the nodal `|ξ_ij| + 0.5` (`'companion'`, as the authors' code). The cell index is
 * clamped to 2⁷ − 1 at x = 1.
 *
 * @example
 * ```ts
 * const A = roughField(1);
 * A(0.5, 0.5); // ≥ 0.5
 * ```
 */
export function roughField(seed: number, form: 'thesis' | 'companion' = 'thesis', cells = 128): (x: number, y: number) => number {
  const xi = roughFieldNodes(seed, cells);
  const w = cells + 1;
  return (x, y) => {
    const i = Math.min(Math.max(Math.floor(cells * x), 0), cells - 1);
    const j = Math.min(Math.max(Math.floor(cells * y), 0), cells - 1);
    const s = cells * x - i;
    const t = cells * y - j;
    const v = (k: number): number => (form === 'thesis' ? xi[k] : Math.abs(xi[k]) + 0.5);
    const val = (1 - s) * (1 - t) * v(i * w + j) + s * (1 - t) * v((i + 1) * w + j) + (1 - s) * t * v(i * w + j + 1) + s * t * v((i + 1) * w + j + 1);
    return form === 'thesis' ? Math.abs(val) + 0.5 : val;
  };
}
