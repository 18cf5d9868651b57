/**
 * Strong-Wolfe line search: bracketing with cubic extrapolation followed by zoom with safeguarded
 * cubic interpolation (Nocedal & Wright, Numerical Optimization, 2nd ed., Alg. 3.5/3.6), in the form
 * of PyTorch's `LBFGS(line_search_fn='strong_wolfe')`.
 *
 * @module
 */
import { checkInRange, checkInteger, checkNonNegative, checkPositive } from '../core/check';
import { InvalidArgumentError } from '../core/errors';
import { allFinite } from '../core/status';
import type { Vec } from '../core/types';
import { dot, maxAbs, type Objective } from './types';

/** Parameters of {@link StrongWolfeLineSearch}. */
export interface LineSearchOptions {
  /** Sufficient-decrease constant c1 in (0, 1) (default 1e-4). */
  c1?: number;
  /** Curvature constant c2 in (c1, 1) (default 0.9). */
  c2?: number;
  /** Maximum objective evaluations per search (default 25). */
  maxEvaluations?: number;
  /** Stop zooming when the bracket times ‖d‖_∞ is below this (default 1e-9, as in PyTorch). */
  tolChange?: number;
}

/** Outcome of one line search. */
export interface LineSearchResult {
  /** Accepted step t (0 when no acceptable point was found). */
  step: number;
  /** φ(t) = f(x + t d). */
  f: number;
  /** φ′(t) = ∇f(x + t d)·d. */
  slope: number;
  /** Evaluations used. */
  nfev: number;
  /**
   * `'wolfe'`: both strong Wolfe conditions hold; `'decrease'`: only sufficient decrease holds
   * (budget or bracket tolerance reached); `'noProgress'`: no point with f < f(x) was found;
   * `'nonFinite'`: every trial point was NaN/∞.
   */
  status: 'wolfe' | 'decrease' | 'noProgress' | 'nonFinite';
}

/**
 * Minimizer of the cubic interpolating (x1, f1, g1), (x2, f2, g2), clamped to [lo, hi]; the midpoint
 * when the cubic has no minimizer or any input is not finite.
 */
function cubicMinimizer(x1: number, f1: number, g1: number, x2: number, f2: number, g2: number, lo: number, hi: number): number {
  const d1 = g1 + g2 - (3 * (f1 - f2)) / (x1 - x2);
  const d2sq = d1 * d1 - g1 * g2;
  if (!(d2sq >= 0)) return 0.5 * (lo + hi);
  const d2 = Math.sqrt(d2sq);
  const t = x1 <= x2 ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2)) : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
  if (!Number.isFinite(t)) return 0.5 * (lo + hi);
  return Math.min(Math.max(t, lo), hi);
}

/**
 * A reusable strong-Wolfe line search on φ(t) = f(x + t d) for a descent direction d:
 * find t with f(x + td) ≤ f(x) + c1 t ∇f·d and |∇f(x + td)·d| ≤ c2 |∇f(x)·d|.
 *
 * Phase 1 brackets by cubic extrapolation in [t + 0.01(t − t_prev), 10t]; phase 2 zooms with cubic
 * interpolation, moving the trial 10% inside the bracket when it lands too close to an end twice
 * (PyTorch's insufficient-progress safeguard). Non-finite trial values count as "too far" and the
 * search falls back to bisection, so it survives objectives that blow up away from x.
 * Work arrays are allocated once (O(n) memory); each evaluation costs one `fg` call plus O(n).
 * After {@link StrongWolfeLineSearch.search}, `x` and `g` hold the accepted point and its gradient.
 *
 * @example
 * ```ts
 * const ls = new StrongWolfeLineSearch(n);
 * const r = ls.search(fg, x, f0, g0, d, 1);
 * if (r.status === 'wolfe') x.set(ls.x);
 * ```
 */
export class StrongWolfeLineSearch {
  /** Dimension. */
  readonly n: number;
  /** Accepted point x + t d after a search. */
  readonly x: Vec;
  /** Gradient at the accepted point after a search. */
  readonly g: Vec;
  private readonly c1: number;
  private readonly c2: number;
  private readonly maxEvaluations: number;
  private readonly tolChange: number;
  private readonly gTrial: Vec;
  private readonly gLow: Vec;

  /**
   * @param n - dimension (integer ≥ 1)
   * @param options - constants c1 < c2, evaluation budget, bracket tolerance
   */
  constructor(n: number, options: LineSearchOptions = {}) {
    this.n = checkInteger('n', n, 1);
    this.c1 = checkInRange('options.c1', options.c1 ?? 1e-4, 0, 1);
    this.c2 = checkInRange('options.c2', options.c2 ?? 0.9, 0, 1);
    if (!(this.c1 > 0 && this.c1 < this.c2 && this.c2 < 1)) {
      throw new InvalidArgumentError('options.c2', `a number in (c1, 1) with c1 = ${this.c1} in (0, 1)`, this.c2);
    }
    this.maxEvaluations = checkInteger('options.maxEvaluations', options.maxEvaluations ?? 25, 1);
    this.tolChange = checkNonNegative('options.tolChange', options.tolChange ?? 1e-9);
    this.x = new Float64Array(n);
    this.g = new Float64Array(n);
    this.gTrial = new Float64Array(n);
    this.gLow = new Float64Array(n);
  }

  /**
   * Search along d from x (f0 = f(x), g0 = ∇f(x)) starting with trial step t0 > 0.
   * @param maxEvaluations - optional tighter budget for this search (e.g. the remaining `maxFev`)
   * @returns the accepted step and its status; `this.x`, `this.g` hold the accepted point
   */
  search(fg: Objective, x: Vec, f0: number, g0: Vec, d: Vec, t0: number, maxEvaluations = this.maxEvaluations): LineSearchResult {
    checkPositive('t0', t0);
    const n = this.n;
    const c1 = this.c1;
    const c2 = this.c2;
    const budget = Math.max(1, Math.min(maxEvaluations, this.maxEvaluations));
    const slope0 = dot(g0, d, n);
    const dNorm = maxAbs(d, n);
    const gT = this.gTrial;
    const gLow = this.gLow; // gradient at the low end (the high end's gradient is never needed)
    let nfev = 0;

    const evaluate = (t: number): number => {
      const xt = this.x;
      for (let i = 0; i < n; i++) xt[i] = x[i] + t * d[i];
      nfev++;
      const f = fg(xt, gT);
      return Number.isFinite(f) && allFinite(gT, n) ? f : NaN;
    };
    const armijoFails = (t: number, f: number, fRef: number): boolean => !(f <= f0 + c1 * t * slope0) || !(f < fRef);

    // low = best point satisfying sufficient decrease so far (starts at t = 0)
    let tLow = 0;
    let fLow = f0;
    let sLow = slope0;
    gLow.set(g0.subarray(0, n));
    let tHigh = NaN;
    let fHigh = NaN;
    let sHigh = NaN;
    let done = false;
    let sawFinite = false;

    // Phase 1: bracketing
    let t = t0;
    let tPrev = 0;
    let fPrev = f0;
    let sPrev = slope0;
    let f = evaluate(t);
    let s = dot(gT, d, n);
    let bracketed = false;
    for (;;) {
      if (!Number.isNaN(f)) sawFinite = true;
      if (!(f <= f0 + c1 * t * slope0) || (nfev > 1 && !(f < fPrev))) {
        // [tPrev, t] brackets; tPrev is the low end (it satisfied sufficient decrease)
        tHigh = t;
        fHigh = Number.isNaN(f) ? Infinity : f;
        sHigh = s;
        bracketed = true;
        break;
      }
      // sufficient decrease holds at t: t becomes the low end
      tLow = t;
      fLow = f;
      sLow = s;
      gLow.set(gT);
      if (Math.abs(s) <= -c2 * slope0) {
        done = true;
        break;
      }
      if (s >= 0) {
        tHigh = tPrev;
        fHigh = fPrev;
        sHigh = sPrev;
        bracketed = true;
        break;
      }
      if (nfev >= budget) break;
      const tNext = cubicMinimizer(tPrev, fPrev, sPrev, t, f, s, t + 0.01 * (t - tPrev), 10 * t);
      tPrev = t;
      fPrev = f;
      sPrev = s;
      t = tNext;
      f = evaluate(t);
      s = dot(gT, d, n);
    }

    // Phase 2: zoom inside [low, high]
    let insufficientProgress = false;
    while (bracketed && !done && nfev < budget) {
      if (Math.abs(tHigh - tLow) * dNorm < this.tolChange) break;
      const lo = Math.min(tLow, tHigh);
      const hi = Math.max(tLow, tHigh);
      let tz = Number.isFinite(fHigh) && Number.isFinite(sHigh) ? cubicMinimizer(tLow, fLow, sLow, tHigh, fHigh, sHigh, lo, hi) : 0.5 * (lo + hi);
      const eps = 0.1 * (hi - lo);
      if (Math.min(hi - tz, tz - lo) < eps) {
        if (insufficientProgress || tz >= hi || tz <= lo) {
          tz = Math.abs(tz - hi) < Math.abs(tz - lo) ? hi - eps : lo + eps;
          insufficientProgress = false;
        } else insufficientProgress = true;
      } else insufficientProgress = false;
      const fz = evaluate(tz);
      const sz = dot(gT, d, n);
      if (!Number.isNaN(fz)) sawFinite = true;
      if (armijoFails(tz, fz, fLow)) {
        tHigh = tz;
        fHigh = Number.isNaN(fz) ? Infinity : fz;
        sHigh = sz;
      } else {
        if (Math.abs(sz) <= -c2 * slope0) done = true;
        else if (sz * (tHigh - tLow) >= 0) {
          tHigh = tLow;
          fHigh = fLow;
          sHigh = sLow;
        }
        tLow = tz;
        fLow = fz;
        sLow = sz;
        gLow.set(gT);
      }
    }

    // the answer is the low end
    for (let i = 0; i < n; i++) this.x[i] = x[i] + tLow * d[i];
    this.g.set(gLow);
    let status: LineSearchResult['status'];
    if (tLow === 0) status = sawFinite ? 'noProgress' : 'nonFinite';
    else status = done ? 'wolfe' : 'decrease';
    return { step: tLow, f: fLow, slope: sLow, nfev, status };
  }
}
