/**
 * B-spline bases of any degree k on a nondecreasing knot vector t_0 ≤ … ≤ t_{m−1}
 * (Cox–de Boor recursion in the stable triangular form of de Boor's BSPLVB, derivatives as in
 * Piegl & Tiller, The NURBS Book, Algorithm A2.3). There are nb = m − k − 1 basis functions;
 * B_i is supported on [t_i, t_{i+k+1}] and Σ_i B_i(x) = 1 on the "domain" [t_k, t_nb].
 *
 * Evaluation convention (documented choice):
 * - intervals are half-open, x ∈ [t_j, t_{j+1}), as in pykan's `B_batch` and de Boor;
 * - EXCEPT at the right end of the domain, x = t_nb, which is attached to the last non-empty
 *   interval to its left, so the partition of unity holds on the CLOSED domain [t_k, t_nb]
 *   (for extended uniform grids: [t_0, t_G] in pykan's numbering). This differs from pykan only
 *   where the basis is discontinuous at t_nb (degree 0, or a knot of multiplicity k+1 there):
 *   pykan returns all zeros at x = t_G for k = 0;
 * - outside [t_0, t_{m−1}) every basis function is 0 (so for k ≥ 1 the last knot itself gives
 *   all zeros, exactly as pykan); in the extension zones [t_0, t_k) and (t_nb, t_{m−1}) the
 *   functions are the ordinary B-splines (they do not sum to 1 there).
 *
 * @module
 */
import { checkFinite, checkInteger, checkVec } from '../core/check';
import { InvalidArgumentError } from '../core/errors';
import type { Vec } from '../core/types';

/**
 * A B-spline basis of degree k on a knot vector. Local evaluation touches only the k+1
 * functions that can be nonzero: O(k²) per point (O(k²·d) with d derivatives), O(1) interval
 * lookup on uniform knots and O(log m) binary search otherwise; no allocation per call.
 *
 * @example
 * ```ts
 * const basis = uniformExtendedBSplineBasis(-1, 1, 5, 3); // G = 5 intervals, cubic, 8 functions
 * const vals = new Float64Array(4);
 * const start = basis.evaluate(0.3, vals); // B_start..B_start+3 at 0.3
 * ```
 */
export class BSplineBasis {
  /** Degree k (order k+1). */
  readonly degree: number;
  /** The knot vector (owned copy). */
  readonly knots: Vec;
  /** Number of basis functions nb = knots.length − k − 1. */
  readonly size: number;
  /** The domain [t_k, t_nb] on which the basis is a partition of unity (closed). */
  readonly domain: readonly [number, number];
  /** True when the knots are equally spaced (O(1) interval lookup). */
  readonly uniform: boolean;
  private readonly padded: Vec; // knots with k extra distinct knots on each side
  private readonly rightEndInterval: number; // interval index used at x = t_nb
  private readonly left: Vec;
  private readonly right: Vec;
  private readonly ndu: Vec; // (k+1)×(k+1)
  private readonly a: Vec; // 2×(k+1)
  private readonly local: Vec; // (k+1)·(k+1) derivative table
  private readonly valueScratch: Vec; // (k+1)·(k+1), for splineValue

  /**
   * @param knots - nondecreasing finite knots, at least 2k+2 of them, with t_k < t_nb
   * @param degree - k, an integer in [0, 20]
   */
  constructor(knots: Vec, degree: number) {
    checkVec('knots', knots);
    const k = checkInteger('degree', degree, 0, 20);
    const m = knots.length;
    checkInteger('knots.length', m, 2 * k + 2);
    for (let i = 0; i < m; i++) {
      checkFinite(`knots[${i}]`, knots[i]);
      if (i > 0 && knots[i] < knots[i - 1]) throw new InvalidArgumentError('knots', `nondecreasing (fails at index ${i})`, knots[i]);
    }
    const nb = m - k - 1;
    if (!(knots[nb] > knots[k])) throw new InvalidArgumentError('knots', `such that t_k < t_nb (t_${k} = t_${nb} = ${knots[k]})`, knots[k]);
    this.degree = k;
    this.knots = Float64Array.from(knots);
    this.size = nb;
    this.domain = [knots[k], knots[nb]];
    // halves of the span when t_{m−1} − t_0 overflows (the padded span is checked below)
    const span = knots[m - 1] - knots[0];
    const spacing = span <= Number.MAX_VALUE ? span / (m - 1) : knots[m - 1] / (m - 1) - knots[0] / (m - 1);
    let uniform = true;
    for (let i = 1; i < m && uniform; i++) {
      if (Math.abs(knots[i] - knots[i - 1] - spacing) > 1e-12 * Math.abs(spacing) + 1e-14 * Math.abs(knots[i])) uniform = false;
    }
    this.uniform = uniform;
    const padded = new Float64Array(m + 2 * k);
    for (let i = 0; i < m; i++) padded[k + i] = knots[i];
    for (let j = 1; j <= k; j++) {
      padded[k - j] = knots[0] - j * spacing;
      padded[k + m - 1 + j] = knots[m - 1] + j * spacing;
    }
    // evaluation on a non-empty [t_j, t_{j+1}) forms differences (x − t, t − x, t − t) of the padded
    // knots j+1 … j+2k, bounded by their span: it must be a finite double (else NaN values)
    for (let j = 0; j + 1 < m; j++) {
      if (knots[j] < knots[j + 1] && !(padded[j + 2 * k] - padded[j + 1] <= Number.MAX_VALUE)) {
        throw new InvalidArgumentError('knots', `knots whose local spans t_{j+k} − t_{j−k+1} (with ${k} padding knots at each end, at the average spacing) stay within the double range (fails at j = ${j})`, `[${knots[0]}, ${knots[m - 1]}]`);
      }
    }
    this.padded = padded;
    let r = nb - 1;
    while (!(knots[r] < knots[nb])) r--;
    this.rightEndInterval = r;
    this.left = new Float64Array(k + 1);
    this.right = new Float64Array(k + 1);
    this.ndu = new Float64Array((k + 1) * (k + 1));
    this.a = new Float64Array(2 * (k + 1));
    this.local = new Float64Array((k + 1) * (k + 1));
    this.valueScratch = new Float64Array((k + 1) * (k + 1));
  }

  /**
   * Interval index j with x ∈ [t_j, t_{j+1}) (the module's convention), or −1 when every basis
   * function vanishes at x. O(1) on uniform knots, O(log m) otherwise.
   */
  findInterval(x: number): number {
    const t = this.knots;
    const m = t.length;
    if (x === this.domain[1]) return this.rightEndInterval;
    if (!(x >= t[0] && x < t[m - 1])) return -1;
    let j: number;
    if (this.uniform) {
      j = Math.floor(((x - t[0]) / (t[m - 1] - t[0])) * (m - 1));
      if (j > m - 2) j = m - 2;
      while (j > 0 && x < t[j]) j--;
      while (j < m - 2 && x >= t[j + 1]) j++;
      return j;
    }
    let lo = 0;
    let hi = m - 1; // t[lo] <= x < t[hi]
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (t[mid] <= x) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Values of the k+1 basis functions B_start..B_start+k at x into `valuesOut[0..k]`; returns
   * start ∈ [0, size−k−1]. Functions that vanish at x (and all of them outside the support)
   * get 0, so `Σ_r c[start+r]·valuesOut[r]` is always the spline value. O(k²).
   *
   * @example
   * ```ts
   * const start = basis.evaluate(x, vals);
   * let s = 0; for (let r = 0; r <= basis.degree; r++) s += coef[start + r] * vals[r];
   * ```
   */
  evaluate(x: number, valuesOut: Vec): number {
    return this.evaluateDerivatives(x, 0, valuesOut);
  }

  /**
   * Values and derivatives up to `maxDerivative` of the k+1 basis functions starting at the
   * returned index: `out[d·(k+1) + r] = B^(d)_{start+r}(x)`, d = 0..maxDerivative (orders above k
   * are 0). At x = t_nb derivatives are one-sided from the left (module convention).
   * O(k² + k·maxDerivative·k), no allocation.
   *
   * @param x - evaluation point
   * @param maxDerivative - highest derivative order, an integer ≥ 0
   * @param out - output of length (maxDerivative+1)·(k+1)
   */
  evaluateDerivatives(x: number, maxDerivative: number, out: Vec): number {
    const k = this.degree;
    const p1 = k + 1;
    const nd = maxDerivative;
    const nb = this.size;
    const total = (nd + 1) * p1;
    if (!(nd >= 0 && nd === Math.floor(nd))) checkInteger('maxDerivative', nd, 0);
    if (!(out instanceof Float64Array) || out.length < total) checkVec('out', out, total);
    for (let q = 0; q < total; q++) out[q] = 0;
    const j = this.findInterval(x);
    if (j < 0) return x < this.knots[0] ? 0 : nb - p1;
    const local = this.local;
    const dmax = nd < k ? nd : k;
    this.localDerivatives(x, j + k, dmax, local);
    // local[d·(k+1) + r] is B^(d)_{j−k+r}; shift into the valid window [start, start+k]
    let start = j - k;
    if (start < 0) start = 0;
    if (start > nb - p1) start = nb - p1;
    const shift = start - (j - k);
    for (let r = 0; r < p1; r++) {
      const src = r + shift;
      if (src < 0 || src > k) continue;
      for (let d = 0; d <= dmax; d++) out[d * p1 + r] = local[d * p1 + src];
    }
    return start;
  }

  /** Σ_i c_i B_i^(order)(x) for coefficients c of length `size`. O(k²). */
  splineValue(coefficients: Vec, x: number, order = 0): number {
    checkVec('coefficients', coefficients, this.size);
    checkInteger('order', order, 0);
    return this.splineValueUnchecked(coefficients, x, order);
  }

  /**
   * Vectorized {@link splineValue}: `out[s] = Σ_i c_i B_i^(order)(xs[s])`. O(len·k²), no
   * allocation when `out` is given.
   */
  splineValues(coefficients: Vec, xs: Vec, out?: Vec, order = 0): Vec {
    checkVec('coefficients', coefficients, this.size);
    checkVec('xs', xs);
    checkInteger('order', order, 0);
    const result = out === undefined ? new Float64Array(xs.length) : checkVec('out', out, xs.length);
    for (let s = 0; s < xs.length; s++) result[s] = this.splineValueUnchecked(coefficients, xs[s], order);
    return result;
  }

  private splineValueUnchecked(c: Vec, x: number, order: number): number {
    const k = this.degree;
    if (order > k) return 0;
    const table = this.valueScratch;
    const start = this.evaluateDerivatives(x, order, table);
    let acc = 0;
    for (let r = 0, q = order * (k + 1); r <= k; r++, q++) acc += c[start + r] * table[q];
    return acc;
  }

  /**
   * NURBS Book A2.3 on the padded knots: span index `span` (padded numbering) with
   * padded[span] ≤ x < padded[span+1]; writes B^(d)_{span−k+r} for d ≤ nd into out[d(k+1)+r].
   */
  private localDerivatives(x: number, span: number, nd: number, out: Vec): void {
    const p = this.degree;
    const p1 = p + 1;
    const U = this.padded;
    const left = this.left;
    const right = this.right;
    const ndu = this.ndu;
    const a = this.a;
    ndu[0] = 1;
    for (let j = 1; j <= p; j++) {
      left[j] = x - U[span + 1 - j];
      right[j] = U[span + j] - x;
      let saved = 0;
      for (let r = 0; r < j; r++) {
        ndu[j * p1 + r] = right[r + 1] + left[j - r]; // lower triangle: knot differences
        const temp = ndu[r * p1 + j - 1] / ndu[j * p1 + r];
        ndu[r * p1 + j] = saved + right[r + 1] * temp; // upper triangle: basis values
        saved = left[j - r] * temp;
      }
      ndu[j * p1 + j] = saved;
    }
    for (let j = 0; j <= p; j++) out[j] = ndu[j * p1 + p];
    for (let r = 0; r <= p; r++) {
      let s1 = 0;
      let s2 = p1;
      a[0] = 1;
      for (let kk = 1; kk <= nd; kk++) {
        let d = 0;
        const rk = r - kk;
        const pk = p - kk;
        if (r >= kk) {
          a[s2] = a[s1] / ndu[(pk + 1) * p1 + rk];
          d = a[s2] * ndu[rk * p1 + pk];
        }
        const j1 = rk >= -1 ? 1 : -rk;
        const j2 = r - 1 <= pk ? kk - 1 : p - r;
        for (let j = j1; j <= j2; j++) {
          a[s2 + j] = (a[s1 + j] - a[s1 + j - 1]) / ndu[(pk + 1) * p1 + rk + j];
          d += a[s2 + j] * ndu[(rk + j) * p1 + pk];
        }
        if (r <= pk) {
          a[s2 + kk] = -a[s1 + kk - 1] / ndu[(pk + 1) * p1 + r];
          d += a[s2 + kk] * ndu[r * p1 + pk];
        }
        out[kk * p1 + r] = d;
        const tmp = s1; s1 = s2; s2 = tmp;
      }
    }
    let factor = p;
    for (let kk = 1; kk <= nd; kk++) {
      for (let j = 0; j <= p; j++) out[kk * p1 + j] *= factor;
      factor *= p - kk;
    }
  }
}

/**
 * A B-spline basis on an arbitrary nondecreasing knot vector (see {@link BSplineBasis}).
 *
 * @example
 * ```ts
 * // clamped cubic basis on [0, 1] with one interior knot
 * const basis = bsplineBasis(new Float64Array([0, 0, 0, 0, 0.5, 1, 1, 1, 1]), 3); // 5 functions
 * ```
 */
export function bsplineBasis(knots: Vec, degree: number): BSplineBasis {
  return new BSplineBasis(knots, degree);
}

/**
 * The extended uniform knot vector of pykan/efficient-kan: G intervals on [a, b]
 * (h = (b − a)/G) extended by k knots on each side, t_{−k} … t_{G+k} (G + 2k + 1 knots), giving
 * G + k basis functions of degree k; the partition of unity holds on the closed [a, b].
 * O(G + k).
 *
 * @param start - a
 * @param end - b > a
 * @param intervals - G, an integer ≥ 1
 * @param degree - k, an integer in [0, 20]
 * @example
 * ```ts
 * const basis = uniformExtendedBSplineBasis(-1, 1, 5, 3);
 * basis.size; // 8
 * ```
 */
export function uniformExtendedBSplineBasis(start: number, end: number, intervals: number, degree: number): BSplineBasis {
  checkFinite('start', start);
  checkFinite('end', end);
  if (!(end > start)) throw new InvalidArgumentError('end', `a finite number > start = ${start}`, end);
  const G = checkInteger('intervals', intervals, 1);
  const k = checkInteger('degree', degree, 0, 20);
  const span = end - start;
  const h = span <= Number.MAX_VALUE ? span / G : end / G - start / G; // halves when b − a overflows
  const knots = new Float64Array(G + 2 * k + 1);
  for (let i = 0; i < knots.length; i++) knots[i] = start + (i - k) * h;
  knots[k] = start;
  knots[k + G] = end;
  // the extended knots, and the k padding spacings beyond them, must be finite with a finite span
  if (!(start - 2 * k * h >= -Number.MAX_VALUE && end + 2 * k * h <= Number.MAX_VALUE && (end + 2 * k * h) - (start - 2 * k * h) <= Number.MAX_VALUE)) {
    throw new InvalidArgumentError('[start, end]', `an interval whose ${k}-extended knots (${k} spacings (end − start)/${G} beyond each end, and ${k} more for the evaluation) span less than the double range`, `[${start}, ${end}]`);
  }
  return new BSplineBasis(knots, k);
}
