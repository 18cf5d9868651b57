/**
 * Symbolic fitting of one KAN edge: given samples (x_s, y_s) of an activation, find
 * y ≈ c·f(a·x + b) + d for a library function f (thesis §3.2.4, thesis §3.2.4; the algorithm is
 * pykan's `fit_params`, externally sourced): a grid search with zooming over the inner affine map
 * (a, b) maximizing the squared correlation R², then ordinary least squares for the outer (c, d).
 *
 * @module
 */
import { checkAllFinite, checkInteger, checkNonNegative, checkVec } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { Vec } from '../../core/types';
import { DEFAULT_SYMBOLIC_NAMES, resolveSymbolicFunctions, type LibraryFunction } from './symbolicLibrary';

/** Options of {@link fitSymbolicEdge}; defaults are pykan's. */
export interface SymbolicFitOptions {
  /** Search interval of a (default [−10, 10]). */
  aRange?: [number, number];
  /** Search interval of b (default [−10, 10]). */
  bRange?: [number, number];
  /** Grid points per axis (default 101). */
  gridNumber?: number;
  /** Sweeps; each zooms into the neighboring cells of the best pair (default 3). */
  iterations?: number;
  /**
   * ε in R² = (Σ(f−f̄)(y−ȳ))² / (Σ(f−f̄)²·Σ(y−ȳ)² + ε) (default 1e-4, pykan). The absolute ε
   * penalizes nearly constant candidates such as cos(0.001·x) that would otherwise match any
   * smooth curve up to a huge c.
   */
  denominatorEpsilon?: number;
}

/** Result of {@link fitSymbolicEdge}: y ≈ c·f(a·x + b) + d. */
export interface SymbolicEdgeFit {
  /** Library name of f. */
  name: string;
  /** Inner scale. */
  a: number;
  /** Inner shift. */
  b: number;
  /** Outer scale (least squares). */
  c: number;
  /** Outer shift (least squares). */
  d: number;
  /** R² of the selected (a, b) with the ε of the options (0 when f is non-finite on a sample). */
  r2: number;
  /** Root-mean-square residual of the final fit. */
  rmse: number;
}

/** {@link SymbolicFitOptions} validated and with every default filled in (`resolveSymbolicFitOptions`). */
export interface ResolvedFitOptions {
  /** Search interval [lo, hi] of the inner scale a (lo < hi). */
  aRange: [number, number];
  /** Search interval [lo, hi] of the inner shift b (lo < hi). */
  bRange: [number, number];
  /** Grid points per axis of the (a, b) search (≥ 3). */
  gridNumber: number;
  /** Zooming sweeps of the grid search (≥ 1). */
  iterations: number;
  /** ε added to the denominator of R² (from `denominatorEpsilon`, ≥ 0). */
  epsilon: number;
}

function checkRange(name: string, r: unknown): [number, number] {
  if (!Array.isArray(r) || r.length !== 2) throw new InvalidTypeError(name, 'a pair [lo, hi]', r);
  checkAllFinite(name, r);
  if (!(r[0] < r[1])) throw new InvalidArgumentError(name, 'an interval [lo, hi] with lo < hi', `[${r[0]}, ${r[1]}]`);
  return [r[0], r[1]];
}

/** Validate {@link SymbolicFitOptions} (throws naming the option). */
export function resolveSymbolicFitOptions(options: SymbolicFitOptions = {}): ResolvedFitOptions {
  return {
    aRange: checkRange('options.aRange', options.aRange ?? [-10, 10]),
    bRange: checkRange('options.bRange', options.bRange ?? [-10, 10]),
    gridNumber: checkInteger('options.gridNumber', options.gridNumber ?? 101, 3),
    iterations: checkInteger('options.iterations', options.iterations ?? 3, 1),
    epsilon: checkNonNegative('options.denominatorEpsilon', options.denominatorEpsilon ?? 1e-4),
  };
}

function checkSamples(x: unknown, y: unknown): [Vec, Vec] {
  const xs = checkVec('x', x);
  const ys = checkVec('y', y, xs.length);
  checkInteger('x.length', xs.length, 2);
  checkAllFinite('x', xs);
  checkAllFinite('y', ys);
  return [xs, ys];
}

/**
 * Squared correlation between f(a·x + b) and y with the ε-regularized denominator; 0 when f is
 * non-finite on any sample. One pass with sums shifted by the first value (no cancellation for
 * offsets large against the spread). O(n).
 */
function correlationR2(f: (u: number) => number, x: Vec, yc: Vec, syy: number, a: number, b: number, eps: number): number {
  const n = x.length;
  const shift = f(a * x[0] + b);
  if (shift - shift !== 0) return 0;
  let sf = 0;
  let sff = 0;
  let sfy = 0;
  for (let s = 0; s < n; s++) {
    const v = f(a * x[s] + b) - shift;
    if (v - v !== 0) return 0; // NaN or ±∞: outside the domain of f
    sf += v;
    sff += v * v;
    sfy += v * yc[s];
  }
  const varF = Math.max(0, sff - (sf * sf) / n);
  const r2 = (sfy * sfy) / (varF * syy + eps);
  return r2 === r2 ? r2 : 0;
}

/** Outer least squares y ≈ c·g + d for g = f(a·x + b) (two passes); c = 0 when g is constant. */
function outerLeastSquares(f: (u: number) => number, x: Vec, y: Vec, a: number, b: number): { c: number; d: number; rmse: number } {
  const n = x.length;
  let gm = 0;
  let ym = 0;
  for (let s = 0; s < n; s++) {
    gm += f(a * x[s] + b);
    ym += y[s];
  }
  gm /= n;
  ym /= n;
  let sgg = 0;
  let sgy = 0;
  for (let s = 0; s < n; s++) {
    const g = f(a * x[s] + b) - gm;
    sgg += g * g;
    sgy += g * (y[s] - ym);
  }
  const finite = Number.isFinite(gm) && Number.isFinite(sgg) && sgg > 0;
  const c = finite ? sgy / sgg : 0;
  const d = finite ? ym - c * gm : ym;
  let sse = 0;
  for (let s = 0; s < n; s++) {
    const r = y[s] - (c === 0 ? d : c * f(a * x[s] + b) + d);
    sse += r * r;
  }
  return { c, d, rmse: Math.sqrt(sse / n) };
}

/**
 * Fit y ≈ c·f(a·x + b) + d for one library function (pykan `fit_params`).
 *
 * Sweep a `gridNumber × gridNumber` grid of (a, b) over `aRange × bRange`, keep the pair with the
 * largest ε-regularized R² (first maximum in a-major order), and zoom: per axis, the next range is
 * the two neighboring grid points of the best one, or the boundary cell when the best one lies on
 * the boundary (pykan keeps the full range of an interior axis when the other axis hits the
 * boundary; zooming each axis independently is never worse). After `iterations` sweeps, (c, d) solve
 * the 2×2 normal equations. Candidates that are NaN/∞ on any sample (log or √ of a non-positive
 * argument, 1/0) score R² = 0 and are never selected while a finite one exists; if none is finite
 * the fit degenerates to the constant c = 0, d = ȳ. Functions flagged `affineInvariant` (`x`, `0`)
 * skip the search (a = 1, b = 0).
 *
 * Cost: iterations·gridNumber²·n evaluations of f (3·101²·n ≈ 3·10⁴·n).
 *
 * @param x - edge inputs (pre-activations), length n ≥ 2, finite
 * @param y - edge outputs (post-activations), length n, finite
 * @param fn - a library name (`'sin'`) or a {@link LibraryFunction}
 * @example
 * ```ts
 * const x = Float64Array.from({ length: 100 }, (_, s) => -1 + (2 * s) / 99);
 * const y = x.map((v) => 5 * Math.sin(3 * v + 2) + 0.7);
 * fitSymbolicEdge(x, y, 'sin'); // { a ≈ 3, b ≈ 2, c ≈ 5, d ≈ 0.7, r2 ≈ 1 }
 * ```
 */
export function fitSymbolicEdge(x: Vec, y: Vec, fn: string | LibraryFunction, options: SymbolicFitOptions = {}): SymbolicEdgeFit {
  const [xs, ys] = checkSamples(x, y);
  const f = typeof fn === 'string' ? resolveSymbolicFunctions([fn], 'fn')[0] : checkLibraryFunction(fn);
  const opt = resolveSymbolicFitOptions(options);
  return fitChecked(xs, ys, f, opt);
}

function checkLibraryFunction(fn: unknown): LibraryFunction {
  if (typeof fn !== 'object' || fn === null || typeof (fn as LibraryFunction).value !== 'function') {
    throw new InvalidTypeError('fn', 'a library name or a LibraryFunction', fn);
  }
  return fn as LibraryFunction;
}

/**
 * R² on the grid a_i = aLo + i·da, b_j = bLo + j·db into grid[i·m + j]. sin/cos use
 * sin(a·x + b) = cos b·sin(a·x) + sin b·cos(a·x) and exp uses exp(a·x + b) = e^b·exp(a·x): the
 * centered sums of the two (one) basis columns per a give every b in O(1), so a sweep costs O(m·n)
 * transcendental evaluations instead of O(m²·n). Other functions are evaluated directly.
 */
function fillR2Grid(f: LibraryFunction, x: Vec, yc: Vec, syy: number, aLo: number, da: number, bLo: number, db: number, m: number, eps: number, grid: Vec): void {
  const kind = f.name === 'sin' ? 1 : f.name === 'cos' ? 2 : f.name === 'exp' ? 3 : 0;
  if (kind === 0) {
    for (let i = 0; i < m; i++) {
      const a = aLo + i * da;
      for (let j = 0; j < m; j++) grid[i * m + j] = correlationR2(f.value, x, yc, syy, a, bLo + j * db, eps);
    }
    return;
  }
  const n = x.length;
  for (let i = 0; i < m; i++) {
    const a = aLo + i * da;
    if (kind === 3) {
      const { variance, covariance, finite } = centeredMoments(Math.exp, x, yc, a, 0);
      for (let j = 0; j < m; j++) {
        const s = Math.exp(bLo + j * db);
        const r2 = finite ? (s * s * covariance * covariance) / (s * s * variance * syy + eps) : 0;
        grid[i * m + j] = r2 === r2 && r2 !== Infinity ? r2 : 0;
      }
      continue;
    }
    let ms = 0;
    let mc = 0;
    for (let t = 0; t < n; t++) {
      ms += Math.sin(a * x[t]);
      mc += Math.cos(a * x[t]);
    }
    ms /= n;
    mc /= n;
    let ss = 0;
    let sc = 0;
    let cc = 0;
    let sy = 0;
    let cy = 0;
    for (let t = 0; t < n; t++) {
      const S = Math.sin(a * x[t]) - ms;
      const C = Math.cos(a * x[t]) - mc;
      ss += S * S;
      sc += S * C;
      cc += C * C;
      sy += S * yc[t];
      cy += C * yc[t];
    }
    for (let j = 0; j < m; j++) {
      const b = bLo + j * db;
      const cb = Math.cos(b);
      const sb = Math.sin(b);
      const p = kind === 1 ? cb : -sb; // f = p·sin(a·x) + q·cos(a·x)
      const q = kind === 1 ? sb : cb;
      const variance = Math.max(0, p * p * ss + 2 * p * q * sc + q * q * cc);
      const covariance = p * sy + q * cy;
      grid[i * m + j] = (covariance * covariance) / (variance * syy + eps);
    }
  }
}

/** Σ(g − ḡ)² and Σ(g − ḡ)·yc for g = f(a·x + b) (two passes); finite = false if g is not. */
function centeredMoments(f: (u: number) => number, x: Vec, yc: Vec, a: number, b: number): { variance: number; covariance: number; finite: boolean } {
  const n = x.length;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += f(a * x[t] + b);
  mean /= n;
  if (!Number.isFinite(mean)) return { variance: 0, covariance: 0, finite: false };
  let variance = 0;
  let covariance = 0;
  for (let t = 0; t < n; t++) {
    const g = f(a * x[t] + b) - mean;
    variance += g * g;
    covariance += g * yc[t];
  }
  return { variance, covariance, finite: Number.isFinite(variance) };
}

function fitChecked(x: Vec, y: Vec, f: LibraryFunction, opt: ResolvedFitOptions): SymbolicEdgeFit {
  const n = x.length;
  let ym = 0;
  for (let s = 0; s < n; s++) ym += y[s];
  ym /= n;
  const yc = new Float64Array(n);
  let syy = 0;
  for (let s = 0; s < n; s++) {
    yc[s] = y[s] - ym;
    syy += yc[s] * yc[s];
  }
  const value = f.value;
  let aBest = 1;
  let bBest = 0;
  let r2Best: number;
  if (f.affineInvariant) {
    r2Best = correlationR2(value, x, yc, syy, 1, 0, opt.epsilon);
  } else {
    const m = opt.gridNumber;
    let [aLo, aHi] = opt.aRange;
    let [bLo, bHi] = opt.bRange;
    const grid = new Float64Array(m * m);
    r2Best = -1;
    for (let it = 0; it < opt.iterations; it++) {
      const da = (aHi - aLo) / (m - 1);
      const db = (bHi - bLo) / (m - 1);
      fillR2Grid(f, x, yc, syy, aLo, da, bLo, db, m, opt.epsilon, grid);
      let iBest = 0;
      let jBest = 0;
      r2Best = -1;
      for (let q = 0; q < m * m; q++) {
        if (grid[q] > r2Best) {
          r2Best = grid[q];
          iBest = Math.floor(q / m);
          jBest = q - iBest * m;
        }
      }
      aBest = aLo + iBest * da;
      bBest = bLo + jBest * db;
      const ia = Math.min(Math.max(iBest, 1), m - 2);
      const jb = Math.min(Math.max(jBest, 1), m - 2);
      [aLo, aHi] = iBest === 0 ? [aLo, aLo + da] : iBest === m - 1 ? [aHi - da, aHi] : [aLo + (ia - 1) * da, aLo + (ia + 1) * da];
      [bLo, bHi] = jBest === 0 ? [bLo, bLo + db] : jBest === m - 1 ? [bHi - db, bHi] : [bLo + (jb - 1) * db, bLo + (jb + 1) * db];
    }
  }
  const { c, d, rmse } = outerLeastSquares(value, x, y, aBest, bBest);
  return { name: f.name, a: aBest, b: bBest, c, d, r2: Math.max(r2Best, 0), rmse };
}

/** Options of {@link suggestSymbolic}. */
export interface SuggestSymbolicOptions extends SymbolicFitOptions {
  /** Candidate names (default: every entry of `DEFAULT_SYMBOLIC_NAMES`). */
  library?: readonly string[];
  /**
   * w in the ranking loss w·complexity + (1 − w)·log2(1 + 1e-5 − R²) (pykan's default is 0.8; the
   * default here is 0, i.e. pure R² ranking, because a complexity weight snaps visible but
   * "complex" shapes to simpler wrong ones).
   */
  weightSimple?: number;
}

/** One ranked candidate of {@link suggestSymbolic}. */
export interface SymbolicCandidate extends SymbolicEdgeFit {
  /** Library complexity of f. */
  complexity: number;
  /** Ranking loss (lower is better). */
  loss: number;
}

/**
 * Fit every library function to one edge and rank them (pykan `suggest_symbolic`):
 * loss = w·complexity + (1 − w)·log2(1 + 1e-5 − R²), ascending; ties keep library order.
 * Cost: library size × the cost of {@link fitSymbolicEdge}.
 * @example
 * ```ts
 * const ranked = suggestSymbolic(x, y, { library: ['x^2', 'sin', 'exp'] });
 * ranked[0].name; // best candidate
 * ```
 */
export function suggestSymbolic(x: Vec, y: Vec, options: SuggestSymbolicOptions = {}): SymbolicCandidate[] {
  const [xs, ys] = checkSamples(x, y);
  const fns = options.library === undefined ? resolveSymbolicFunctions(DEFAULT_SYMBOLIC_NAMES) : resolveSymbolicFunctions(options.library, 'options.library');
  const w = options.weightSimple ?? 0;
  if (typeof w !== 'number' || !(w >= 0 && w <= 1)) throw new InvalidArgumentError('options.weightSimple', 'a number in [0, 1]', w);
  const opt = resolveSymbolicFitOptions(options);
  const ranked = fns.map((f, order) => {
    const fit = fitChecked(xs, ys, f, opt);
    const loss = w * f.complexity + (1 - w) * Math.log2(1 + 1e-5 - fit.r2);
    return { candidate: { ...fit, complexity: f.complexity, loss }, order };
  });
  ranked.sort((p, q) => p.candidate.loss - q.candidate.loss || p.order - q.order);
  return ranked.map((r) => r.candidate);
}
