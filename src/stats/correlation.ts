/**
 * Correlations: Pearson's coefficient of two sequences, the lag-k correlation within one
 * sequence, and the classical autocorrelation function.
 *
 * Two conventions exist for "lag-k correlation" and both are provided:
 * - {@link lagCorrelation}(x, k) = Pearson correlation of the pairs (xᵢ, xᵢ₊ₖ), i < n − k, each
 *   subsequence with its own mean and norm (what one plots as corr(W(1..n−k), W(1+k..n)));
 * - {@link autocorrelation}(x, k) = Σᵢ(xᵢ − x̄)(xᵢ₊ₖ − x̄)/Σᵢ(xᵢ − x̄)², the standard (biased, positive
 *   semidefinite) ACF estimator of Box & Jenkins.
 * All are two-pass on data shifted by their first value (the shifted mean, with one correction
 * sweep, first), so a large common offset costs no accuracy: at an offset of 1e15 they equal the
 * statistics of the stored data minus the offset to 1e−14 (a plain two-pass with the representable
 * mean, half an ulp of the offset off, was wrong by 1e−4 to 3e−3 there), and deviations beyond
 * 2^±200 are scaled by a power of two (exact), so data of any representable size give their
 * correlation (squares of 1e±160 underflowed or overflowed to NaN or wrong values before).
 * For white noise both have standard deviation ≈ 1/√n; the sample correlation of m i.i.d. normal
 * pairs has density (1 − r²)^{(m−4)/2}/B(½, (m−2)/2) and standard deviation 1/√(m − 1).
 *
 * @module
 */
import { checkInteger, checkVec } from '../core/check';
import { InvalidArgumentError } from '../core/errors';
import { deviationScale } from './deviationScale';

/** The shift of the centering passes: the first value when finite (non-finite data stay non-finite). */
const shiftOf = (v: number): number => (Number.isFinite(v) ? v : 0);

function checkView(name: string, x: Float64Array, n: number, stride: number, offset: number): void {
  checkVec(name, x);
  checkInteger(`stride${name.toUpperCase()}`, stride, 1);
  checkInteger(`offset${name.toUpperCase()}`, offset, 0);
  if (offset + (n - 1) * stride >= x.length) throw new InvalidArgumentError(`${name}.length`, `> ${offset + (n - 1) * stride}`, x.length);
}

/**
 * Pearson correlation of x[offsetX + k·strideX] and y[offsetY + k·strideY], k < n (two-pass on
 * data shifted by the first values: means first, then centered sums). NaN when either sequence is constant. O(n), no allocation.
 *
 * @example
 * ```ts
 * pearsonCorrelationStrided(3, x, 1, 0, y, 1, 0);
 * ```
 */
export function pearsonCorrelationStrided(n: number, x: Float64Array, strideX: number, offsetX: number, y: Float64Array, strideY: number, offsetY: number): number {
  checkInteger('n', n, 2);
  checkView('x', x, n, strideX, offsetX);
  checkView('y', y, n, strideY, offsetY);
  // shift by the first values: x − kx is exact under a dominant common offset (Sterbenz), so the
  // centered values are accurate relative to the spread, not to the offset (see the module doc)
  const kx = shiftOf(x[offsetX]);
  const ky = shiftOf(y[offsetY]);
  let sx = 0;
  let sy = 0;
  let ax = 0;
  let ay = 0;
  for (let k = 0, i = offsetX, j = offsetY; k < n; k++, i += strideX, j += strideY) {
    const dx = x[i] - kx;
    const dy = y[j] - ky;
    sx += dx;
    sy += dy;
    if (Math.abs(dx) > ax) ax = Math.abs(dx);
    if (Math.abs(dy) > ay) ay = Math.abs(dy);
  }
  // deviations of size beyond 2^±200 are scaled by powers of two (exact; r is scale-invariant)
  const { u1: ux1, u2: ux2 } = deviationScale(ax);
  const { u1: uy1, u2: uy2 } = deviationScale(ay);
  let mx = sx / n;
  let my = sy / n;
  let cx = 0;
  let cy = 0;
  for (let k = 0, i = offsetX, j = offsetY; k < n; k++, i += strideX, j += strideY) {
    cx += x[i] - kx - mx;
    cy += y[j] - ky - my;
  }
  mx += cx / n;
  my += cy / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let k = 0, i = offsetX, j = offsetY; k < n; k++, i += strideX, j += strideY) {
    const dx = (x[i] - kx - mx) * ux1 * ux2;
    const dy = (y[j] - ky - my) * uy1 * uy2;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  const r = sxy / Math.sqrt(sxx * syy);
  return r > 1 ? 1 : r < -1 ? -1 : r;
}

/**
 * Pearson correlation of two equally long sequences. O(n).
 * @example
 * ```ts
 * pearsonCorrelation(new Float64Array([1, 2, 3]), new Float64Array([2, 4, 7])); // 0.9933
 * ```
 */
export function pearsonCorrelation(x: Float64Array, y: Float64Array): number {
  checkVec('x', x);
  checkVec('y', y, x.length);
  return pearsonCorrelationStrided(x.length, x, 1, 0, y, 1, 0);
}

/**
 * Lag-k correlation within a sequence: Pearson correlation of (x[0..n−k), x[k..n)). O(n).
 * @param k - lag, an integer in [1, n − 2]
 * @example
 * ```ts
 * lagCorrelation(w, 1); // ≈ 0 ± 1/√n for white noise
 * ```
 */
export function lagCorrelation(x: Float64Array, k: number): number {
  checkVec('x', x);
  checkInteger('k', k, 1, Math.max(1, x.length - 2));
  return pearsonCorrelationStrided(x.length - k, x, 1, 0, x, 1, k);
}

/**
 * Classical autocorrelation r_k = Σᵢ₌₀^{n−k−1}(xᵢ − x̄)(xᵢ₊ₖ − x̄) / Σᵢ(xᵢ − x̄)² for k = 0..maxLag,
 * written to out[k]. O(n·maxLag).
 * @param maxLag - largest lag, an integer in [0, n − 1]
 * @example
 * ```ts
 * const acf = autocorrelation(w, 50); // acf[0] = 1
 * ```
 */
export function autocorrelation(x: Float64Array, maxLag: number, out: Float64Array = new Float64Array(maxLag + 1)): Float64Array {
  checkVec('x', x);
  const n = x.length;
  checkInteger('n', n, 2);
  checkInteger('maxLag', maxLag, 0, n - 1);
  checkVec('out', out, maxLag + 1);
  const shift = shiftOf(x[0]);
  let s = 0;
  let a = 0;
  for (let i = 0; i < n; i++) {
    s += x[i] - shift;
    if (Math.abs(x[i] - shift) > a) a = Math.abs(x[i] - shift);
  }
  let mean = s / n;
  let c = 0;
  for (let i = 0; i < n; i++) c += x[i] - shift - mean;
  mean += c / n;
  // deviations of size beyond 2^±200 are scaled by a power of two (exact; r_k is scale-invariant)
  const { u1, u2 } = deviationScale(a);
  const dev = (i: number): number => (x[i] - shift - mean) * u1 * u2;
  let c0 = 0;
  for (let i = 0; i < n; i++) c0 += dev(i) * dev(i);
  for (let k = 0; k <= maxLag; k++) {
    let ck = 0;
    for (let i = 0; i + k < n; i++) ck += dev(i) * dev(i + k);
    out[k] = ck / c0;
  }
  return out;
}
