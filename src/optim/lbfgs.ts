/**
 * Limited-memory BFGS (two-loop recursion, Nocedal & Wright Alg. 7.4) with the strong-Wolfe line
 * search, in the form of PyTorch's `LBFGS(line_search_fn='strong_wolfe')`.
 *
 * @module
 */
import { checkInteger, checkNonNegative, checkPositive } from '../core/check';
import type { Vec } from '../core/types';
import { runMinimizer } from './driver';
import { StrongWolfeLineSearch, type LineSearchOptions } from './lineSearch';
import { checkProblem, dot, resolveStopping, type IterativeMinimizer, type Objective, type OptimizeResult, type StepReport, type StoppingOptions } from './types';

/** Options of {@link LbfgsMinimizer} / {@link lbfgs}. */
export interface LbfgsOptions extends StoppingOptions {
  /** Number of stored pairs (s, y) (default 10). */
  memory?: number;
  /** Learning rate: the first trial step of every line search after the first iteration (default 1). */
  lr?: number;
  /** Line-search constants (default c1 = 1e-4, c2 = 0.9, 25 evaluations). */
  lineSearch?: LineSearchOptions;
  /**
   * Pairs with y·s ≤ curvatureTolerance are not stored (absolute, default 1e-32 as pykan sets it).
   * PyTorch's default 1e-10 is scale-dependent: once f is small every pair is rejected and the
   * method degrades to steepest descent (on an ill-conditioned quadratic it then stalls).
   */
  curvatureTolerance?: number;
}

/**
 * L-BFGS as a step-by-step minimizer. Direction d = −H_k g by the two-loop recursion over the last m
 * pairs with H_0 = (s·y)/(y·y) I; the first iteration (and any iteration after a memory reset) uses
 * d = −g with trial step min(1, 1/‖g‖₁)·lr, later ones start the line search at lr.
 * A pair is stored only if y·s > `curvatureTolerance`. When d is not a descent direction or the line
 * search makes no progress, the memory is cleared and steepest descent is tried once; if that fails too
 * the step reports `diverged` (or `nonFinite` when every trial was NaN/∞). O(mn) per iteration plus the
 * line search; memory 2mn + O(n).
 *
 * @example
 * ```ts
 * const opt = new LbfgsMinimizer(fg, x0, { memory: 10 });
 * for (let k = 0; k < 20 && opt.step().status === undefined; k++);
 * ```
 */
export class LbfgsMinimizer implements IterativeMinimizer {
  readonly x: Vec;
  readonly g: Vec;
  f: number;
  iterations = 0;
  nfev = 0;
  /** Number of pairs currently stored. */
  stored = 0;
  private fg: Objective;
  private readonly memory: number;
  private readonly lr: number;
  private readonly curvatureTolerance: number;
  private readonly S: Vec[];
  private readonly Y: Vec[];
  private readonly rho: Float64Array;
  private readonly alpha: Float64Array;
  private head = 0; // index of the oldest pair
  private readonly d: Vec;
  private readonly search: StrongWolfeLineSearch;
  private maxFevPerSearch: number;

  /**
   * @param fg - objective writing the gradient
   * @param x0 - starting point (copied)
   * @param options - memory, lr, line-search constants
   */
  constructor(fg: Objective, x0: Vec, options: LbfgsOptions = {}) {
    const x = checkProblem(fg, x0);
    const n = x.length;
    this.memory = checkInteger('options.memory', options.memory ?? 10, 1);
    this.lr = checkPositive('options.lr', options.lr ?? 1);
    this.curvatureTolerance = checkNonNegative('options.curvatureTolerance', options.curvatureTolerance ?? 1e-32);
    this.search = new StrongWolfeLineSearch(n, options.lineSearch);
    this.S = Array.from({ length: this.memory }, () => new Float64Array(n));
    this.Y = Array.from({ length: this.memory }, () => new Float64Array(n));
    this.rho = new Float64Array(this.memory);
    this.alpha = new Float64Array(this.memory);
    this.d = new Float64Array(n);
    this.maxFevPerSearch = Number.MAX_SAFE_INTEGER;
    this.fg = fg;
    this.x = Float64Array.from(x);
    this.g = new Float64Array(n);
    this.nfev = 1;
    this.f = fg(this.x, this.g);
  }

  /** Forget the stored pairs (the next step is steepest descent). */
  resetMemory(): void {
    this.stored = 0;
    this.head = 0;
  }

  /** Replace the objective (e.g. after resampling), re-evaluate at x and clear the memory. */
  setObjective(fg: Objective): void {
    checkProblem(fg, this.x);
    this.fg = fg;
    this.resetMemory();
    this.nfev++;
    this.f = fg(this.x, this.g);
  }

  /** Cap the evaluations of the next line searches (used by drivers enforcing `maxFev`). */
  limitEvaluations(maxPerSearch: number): void {
    this.maxFevPerSearch = Math.max(1, maxPerSearch);
  }

  /** d = −H g by the two-loop recursion (H_0 = γI, γ = s·y/y·y of the newest pair). */
  private direction(): void {
    const n = this.x.length;
    const d = this.d;
    for (let i = 0; i < n; i++) d[i] = -this.g[i];
    const count = this.stored;
    for (let j = count - 1; j >= 0; j--) {
      const k = (this.head + j) % this.memory;
      const a = this.rho[k] * dot(this.S[k], d, n);
      this.alpha[k] = a;
      const y = this.Y[k];
      for (let i = 0; i < n; i++) d[i] -= a * y[i];
    }
    if (count > 0) {
      const newest = (this.head + count - 1) % this.memory;
      const gamma = 1 / (this.rho[newest] * dot(this.Y[newest], this.Y[newest], n));
      for (let i = 0; i < n; i++) d[i] *= gamma;
    }
    for (let j = 0; j < count; j++) {
      const k = (this.head + j) % this.memory;
      const b = this.rho[k] * dot(this.Y[k], d, n);
      const coef = this.alpha[k] - b;
      const s = this.S[k];
      for (let i = 0; i < n; i++) d[i] += coef * s[i];
    }
  }

  /** One L-BFGS iteration (see the class documentation). */
  step(): StepReport {
    const n = this.x.length;
    const previousF = this.f;
    for (let attempt = 0; attempt < 2; attempt++) {
      const steepest = this.stored === 0;
      this.direction();
      const slope = dot(this.g, this.d, n);
      if (!(slope < 0)) {
        if (steepest) return { status: 'diverged', message: 'steepest-descent direction has no descent (zero or non-finite gradient)', previousF, stepNorm: 0 };
        this.resetMemory();
        continue;
      }
      let l1 = 0;
      for (let i = 0; i < n; i++) l1 += Math.abs(this.g[i]);
      const t0 = steepest && this.iterations === 0 ? Math.min(1, 1 / l1) * this.lr : this.lr;
      const r = this.search.search(this.fg, this.x, this.f, this.g, this.d, t0, this.maxFevPerSearch);
      this.nfev += r.nfev;
      if (r.step === 0 && r.nfev >= this.maxFevPerSearch) {
        return { status: 'maxSteps', message: 'evaluation budget exhausted inside the line search', previousF, stepNorm: 0 };
      }
      this.maxFevPerSearch -= r.nfev;
      if (r.step === 0) {
        if (!steepest) {
          this.resetMemory();
          continue;
        }
        this.iterations++;
        return r.status === 'nonFinite'
          ? { status: 'nonFinite', message: 'every line-search trial was NaN/∞; x is the last finite iterate', previousF, stepNorm: 0 }
          : { status: 'diverged', message: 'line search found no decrease along steepest descent (precision limit?)', previousF, stepNorm: 0 };
      }
      // store the pair s = t d, y = g_new − g in the oldest slot
      const slot = this.stored < this.memory ? (this.head + this.stored) % this.memory : this.head;
      const s = this.S[slot];
      const y = this.Y[slot];
      let ys = 0;
      let stepNorm = 0;
      for (let i = 0; i < n; i++) {
        s[i] = this.search.x[i] - this.x[i];
        y[i] = this.search.g[i] - this.g[i];
        ys += y[i] * s[i];
        stepNorm = Math.max(stepNorm, Math.abs(s[i]));
      }
      if (ys > this.curvatureTolerance) {
        this.rho[slot] = 1 / ys;
        if (this.stored < this.memory) this.stored++;
        else this.head = (this.head + 1) % this.memory;
      }
      this.x.set(this.search.x);
      this.g.set(this.search.g);
      this.f = r.f;
      this.iterations++;
      return { previousF, stepNorm };
    }
    this.iterations++;
    return { status: 'diverged', message: 'no descent direction after a memory reset', previousF, stepNorm: 0 };
  }
}

/**
 * Minimize with L-BFGS (see {@link LbfgsMinimizer}) until ‖∇f‖_∞ ≤ gtol (default 1e-8),
 * ftol/xtol (default off), `maxIterations` (default 1000) or `maxFev` (default 20·maxIterations).
 *
 * @example
 * ```ts
 * const rosen = (x: Float64Array, g: Float64Array) => {
 *   g[0] = -400 * x[0] * (x[1] - x[0] ** 2) - 2 * (1 - x[0]); g[1] = 200 * (x[1] - x[0] ** 2);
 *   return 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
 * };
 * lbfgs(rosen, new Float64Array([-1.2, 1])).x; // ≈ [1, 1]
 * ```
 */
export function lbfgs(fg: Objective, x0: Vec, options: LbfgsOptions = {}): OptimizeResult {
  const stop = resolveStopping(options);
  const opt = new LbfgsMinimizer(fg, x0, options);
  return runMinimizer(opt, stop, options);
}
