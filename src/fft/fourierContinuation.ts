/**
 * Fourier continuation by Legendre polynomial matching (FC-Legendre): a non-periodic signal on n
 * equispaced points is extended by `nAdditional` points into a smooth periodic signal, so that
 * FFT-based derivatives stay accurate up to the boundary. The thesis (§1.2.1, App. B.2.1) names
 * Fourier continuation as the tool of FC-PINO for singularity formation but gives no algorithm;
 * this construction follows the public description of FC-Legendre in the neuraloperator library
 * (Maust et al., arXiv 2211.15960) — see docs/neural-operator.md.
 *
 * @module
 */
import { checkInRange, checkInteger } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
import { createMatrix } from '../linalg/dense';
import { pseudoInverse } from '../linalg/mlMatrixAdapter';

/** Options of {@link FcLegendre}. */
export interface FcLegendreOptions {
  /** Matching points per side d (default 5); polynomials of degree ≤ 2d − 1 are continued exactly. */
  matchingPoints?: number;
  /** Number of added points (even, default 50); half go to each side. */
  nAdditional?: number;
  /** Relative singular-value cut-off of the pseudo-inverse (default 1e-15). */
  rcond?: number;
}

/**
 * Orthonormal Legendre polynomials P̃_j(x) = √((2j+1)/2)·P_j(x), j = 0..degree, at x, by the
 * three-term recurrence. O(degree).
 * @param x - evaluation point (any real; orthonormal on [−1, 1])
 * @param degree - highest degree ≥ 0
 * @param out - receives degree + 1 values
 * @example
 * ```ts
 * normalizedLegendre(0.5, 2); // [√½, √(3/2)·0.5, √(5/2)·(−0.125)]
 * ```
 */
export function normalizedLegendre(x: number, degree: number, out: Float64Array = new Float64Array(degree + 1)): Float64Array {
  checkInteger('degree', degree, 0);
  let p0 = 1, p1 = x;
  out[0] = Math.SQRT1_2;
  if (degree >= 1) out[1] = Math.sqrt(1.5) * x;
  for (let j = 2; j <= degree; j++) {
    const p2 = ((2 * j - 1) * x * p1 - (j - 1) * p0) / j;
    out[j] = Math.sqrt((2 * j + 1) / 2) * p2;
    p0 = p1; p1 = p2;
  }
  return out;
}

/**
 * FC-Legendre continuation along one axis. The extension matrix E (nAdditional × 2d) is
 * E = Q·X⁺ with X = [P̃_j(g_i)] on the fit grid (the first and last d of 2d + nAdditional
 * equispaced points on [−1, 1]) and Q = [P̃_j] on the middle nAdditional points. Applied to the
 * boundary vector b = [x_{n−d} … x_{n−1}, x_0 … x_{d−1}], e = E·b bridges the right end back to
 * the left end; the extension is [e_{c..}, x, e_{..c}] with c = nAdditional/2 (data in the middle).
 * Construction O(d³ + nAdditional·d²); `extend` O(n + nAdditional·d) with no allocation when
 * `out` is given.
 *
 * @example
 * ```ts
 * const fc = new FcLegendre({ matchingPoints: 4, nAdditional: 40 });
 * const ext = fc.extend(samples);          // length samples.length + 40
 * const back = fc.restrict(ext);           // equals samples exactly
 * ```
 */
export class FcLegendre {
  /** Matching points per side d. */
  readonly matchingPoints: number;
  /** Added points (even). */
  readonly nAdditional: number;
  /** The extension matrix E, row-major nAdditional × 2d. */
  readonly matrix: Float64Array;

  /** @param options - see {@link FcLegendreOptions} */
  constructor(options: FcLegendreOptions = {}) {
    const d = checkInteger('options.matchingPoints', options.matchingPoints ?? 5, 1, 20);
    const nAdd = checkInteger('options.nAdditional', options.nAdditional ?? 50, 2);
    if (nAdd % 2 !== 0) throw new InvalidArgumentError('options.nAdditional', 'an even integer >= 2', nAdd);
    const rcond = checkInRange('options.rcond', options.rcond ?? 1e-15, 0, 1);
    this.matchingPoints = d;
    this.nAdditional = nAdd;
    const total = 2 * d + nAdd;
    const grid = (j: number): number => -1 + (2 * j) / (total - 1);
    const deg = 2 * d - 1;
    const X = createMatrix(2 * d, 2 * d);
    const row = new Float64Array(2 * d);
    for (let i = 0; i < 2 * d; i++) {
      const g = grid(i < d ? i : nAdd + i);
      normalizedLegendre(g, deg, row);
      X.data.set(row, i * 2 * d);
    }
    const Xp = pseudoInverse(X, rcond);
    this.matrix = new Float64Array(nAdd * 2 * d);
    for (let r = 0; r < nAdd; r++) {
      normalizedLegendre(grid(d + r), deg, row);
      for (let c = 0; c < 2 * d; c++) {
        let s = 0;
        for (let t = 0; t < 2 * d; t++) s += row[t] * Xp.data[t * 2 * d + c];
        this.matrix[r * 2 * d + c] = s;
      }
    }
  }

  /**
   * Extend n ≥ d samples (read at offset + j·stride) to n + nAdditional samples written to `out`
   * (contiguous): `[e_{nAdd−c} … e_{nAdd−1}, x_0 … x_{n−1}, e_0 … e_{c−1}]`.
   */
  extend(x: Float64Array, out?: Float64Array, n: number = x.length, offset = 0, stride = 1): Float64Array {
    const d = this.matchingPoints, nAdd = this.nAdditional, c = nAdd / 2, E = this.matrix;
    if (!(x instanceof Float64Array)) throw new InvalidTypeError('x', 'a Float64Array', x);
    checkInteger('n', n, d);
    if (offset + (n - 1) * stride >= x.length) throw new InvalidTypeError('x', `a Float64Array of length > ${offset + (n - 1) * stride}`, x.length);
    const o = out ?? new Float64Array(n + nAdd);
    if (!(o instanceof Float64Array) || o.length < n + nAdd) throw new InvalidTypeError('out', `a Float64Array of length >= ${n + nAdd}`, o);
    for (let j = 0; j < n; j++) o[c + j] = x[offset + j * stride];
    for (let r = 0; r < nAdd; r++) {
      let s = 0;
      const base = r * 2 * d;
      for (let t = 0; t < d; t++) s += E[base + t] * o[c + n - d + t] + E[base + d + t] * o[c + t];
      if (r < c) o[c + n + r] = s;
      else o[r - c] = s;
    }
    return o;
  }

  /** Drop nAdditional/2 points on each side of an extended signal (the inverse of {@link FcLegendre.extend}). */
  restrict(ext: Float64Array, out?: Float64Array): Float64Array {
    const nAdd = this.nAdditional;
    if (!(ext instanceof Float64Array) || ext.length <= nAdd) throw new InvalidTypeError('ext', `a Float64Array of length > ${nAdd}`, ext);
    const n = ext.length - nAdd;
    const o = out ?? new Float64Array(n);
    o.set(ext.subarray(nAdd / 2, nAdd / 2 + n));
    return o;
  }
}
