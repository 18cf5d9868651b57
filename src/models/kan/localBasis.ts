/**
 * Fast local evaluation of a B-spline basis on UNIFORM knots — the hot kernel of every KAN pass.
 * Same contract and conventions as `BSplineBasis.evaluateDerivatives` (src/diff): the interval
 * comes from `basis.findInterval` (half-open, right end of the domain attached to the last
 * interval, zero outside the knots), and the same window of k+1 functions is returned; only the
 * arithmetic differs: on uniform knots the Cox–de Boor recursion reduces to the cardinal form
 * N^p_r = ((u + p − r)·N^{p−1}_{r−1} + (r + 1 − u)·N^{p−1}_r)/p with u = (x − t_j)/h, and
 * derivatives are divided differences (1/h)(N^{p−1}_{r−1} − N^{p−1}_r). Non-uniform bases fall back
 * to `evaluateDerivatives`. O(k² + k·maxDerivative), no allocation; several times faster than the
 * general NURBS-Book algorithm for k = 3 (see bench/kan.bench.ts).
 *
 * @module
 */
import type { Vec } from '../../core/types';
import { checkFinite } from '../../core/check';
import { InvalidTypeError } from '../../core/errors';
import { BSplineBasis } from '../../diff/bsplineBasis';

/**
 * Values and derivatives up to `maxDerivative` of the k+1 basis functions starting at the
 * returned index: `out[d·(k+1) + r] = B^{(d)}_{start+r}(x)` (exactly the layout and window of
 * `BSplineBasis.evaluateDerivatives`). `work` needs (k+1)² entries. No argument checks (hot path).
 *
 * @example
 * ```ts
 * const basis = uniformExtendedBSplineBasis(-1, 1, 5, 3);
 * const out = new Float64Array(2 * 4), work = new Float64Array(16);
 * const start = localBasisDerivatives(basis, 0.3, 1, out, work); // B and B′ of B_start..B_start+3
 * ```
 */
export function localBasisDerivatives(basis: BSplineBasis, x: number, maxDerivative: number, out: Vec, work: Vec): number {
  if (!(basis instanceof BSplineBasis)) throw new InvalidTypeError('basis', 'a BSplineBasis', basis);
  checkFinite('x', x);
  if (!basis.uniform) return basis.evaluateDerivatives(x, maxDerivative, out);
  const k = basis.degree;
  const p1 = k + 1;
  const nb = basis.size;
  const total = (maxDerivative + 1) * p1;
  for (let q = 0; q < total; q++) out[q] = 0;
  const j = basis.findInterval(x);
  const t = basis.knots;
  if (j < 0) return x < t[0] ? 0 : nb - p1;
  const h = t[j + 1] - t[j];
  const u = (x - t[j]) / h;
  if (k === 3) return cubicWindow(j, u, h, nb, maxDerivative, out);
  // work[p·p1 + r] = N^p_r(u), the degree-p functions nonzero on interval j (index r ↔ B_{j−p+r})
  work[0] = 1;
  for (let p = 1; p <= k; p++) {
    const prev = (p - 1) * p1;
    const row = p * p1;
    const inv = 1 / p;
    for (let r = 0; r <= p; r++) {
      const left = r > 0 ? work[prev + r - 1] : 0;
      const right = r < p ? work[prev + r] : 0;
      work[row + r] = ((u + p - r) * left + (r + 1 - u) * right) * inv;
    }
  }
  let start = j - k;
  if (start < 0) start = 0;
  if (start > nb - p1) start = nb - p1;
  const shift = start - (j - k);
  const dmax = maxDerivative < k ? maxDerivative : k;
  for (let d = 0; d <= dmax; d++) {
    // degree k − d values differenced d times: reuse row k − d of the table in place
    const row = (k - d) * p1;
    let len = k - d + 1;
    for (let step = 0; step < d; step++) {
      work[row + len] = work[row + len - 1];
      for (let r = len - 1; r > 0; r--) work[row + r] = work[row + r - 1] - work[row + r];
      work[row] = -work[row];
      len++;
    }
    const scale = d === 0 ? 1 : Math.pow(h, -d);
    for (let r = 0; r < p1; r++) {
      const src = r + shift;
      if (src >= 0 && src <= k) out[d * p1 + r] = work[row + src] * scale;
    }
  }
  return start;
}

/**
 * The cubic case in closed form (spec check 2): b0 = (1−u)³/6, b1 = (3u³ − 6u² + 4)/6,
 * b2 = (−3u³ + 3u² + 3u + 1)/6, b3 = u³/6 and their u-derivatives scaled by h^{−d}; written into the
 * window of `BSplineBasis.evaluateDerivatives` (start = j − 3 clamped to [0, nb − 4]).
 */
function cubicWindow(j: number, u: number, h: number, nb: number, maxDerivative: number, out: Vec): number {
  let start = j - 3;
  if (start < 0) start = 0;
  if (start > nb - 4) start = nb - 4;
  const shift = start - (j - 3);
  const v = 1 - u;
  const u2 = u * u;
  const u3 = u2 * u;
  const sixth = 1 / 6;
  writeShifted(out, 0, shift, v * v * v * sixth, (3 * u3 - 6 * u2 + 4) * sixth, (-3 * u3 + 3 * u2 + 3 * u + 1) * sixth, u3 * sixth);
  if (maxDerivative >= 1) {
    const g = 0.5 / h;
    writeShifted(out, 4, shift, -v * v * g, (3 * u2 - 4 * u) * g, (-3 * u2 + 2 * u + 1) * g, u2 * g);
  }
  if (maxDerivative >= 2) {
    const g = 1 / (h * h);
    writeShifted(out, 8, shift, v * g, (3 * u - 2) * g, (1 - 3 * u) * g, u * g);
  }
  if (maxDerivative >= 3) {
    const g = 1 / (h * h * h);
    writeShifted(out, 12, shift, -g, 3 * g, -3 * g, g);
  }
  return start;
}

/** out[o + r] = value_{r+shift} for the four local values (entries shifted out of range stay 0). */
function writeShifted(out: Vec, o: number, shift: number, a0: number, a1: number, a2: number, a3: number): void {
  if (shift === 0) {
    out[o] = a0;
    out[o + 1] = a1;
    out[o + 2] = a2;
    out[o + 3] = a3;
    return;
  }
  for (let r = 0; r < 4; r++) {
    const src = r + shift;
    if (src >= 0 && src <= 3) out[o + r] = src === 0 ? a0 : src === 1 ? a1 : src === 2 ? a2 : a3;
  }
}
