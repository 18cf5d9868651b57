/**
 * Dense quasi-Newton minimization (BFGS and self-scaled SSBroyden1) with the strong-Wolfe line
 * search, a dense inverse Hessian H (n² doubles) and the restart logic used when the objective
 * changes (resampled collocation points): symmetrize H, test it by Cholesky, reset to I on failure.
 *
 * @module
 */
import { checkOneOf } from '../core/check';
import { allFinite } from '../core/status';
import type { Vec } from '../core/types';
import { choleskyFactor, symmetrize } from '../linalg/dense';
import type { DenseMatrix } from '../core/types';
import { runMinimizer } from './driver';
import { StrongWolfeLineSearch, type LineSearchOptions } from './lineSearch';
import { selfScaledBroydenUpdate, ssBroyden1Parameters } from './selfScaledBroyden';
import { checkProblem, dot, resolveStopping, type IterativeMinimizer, type Objective, type OptimizeResult, type StepReport, type StoppingOptions } from './types';

/** Which inverse-Hessian update to use. */
export type QuasiNewtonUpdate = 'bfgs' | 'ssbroyden1';

/** Options of {@link DenseQuasiNewtonMinimizer} / {@link quasiNewton}. */
export interface QuasiNewtonOptions extends StoppingOptions {
  /** Update rule (default `'ssbroyden1'`). */
  update?: QuasiNewtonUpdate;
  /** Line-search constants (default c1 = 1e-4, c2 = 0.9, 25 evaluations). */
  lineSearch?: LineSearchOptions;
  /** Apply the a ≤ 1e−14 guard of SSBroyden1 (default true; false reproduces the reference NaN semantics). */
  guardSmallA?: boolean;
}

/** What the last `step()` did to H. */
export interface UpdateRecord {
  /** `updated` with the given τ, φ; `skipped` (yᵀs ≤ 0 or yᵀHy ≤ 0); `fallback` (SSBroyden1 gave a non-finite or non-positive τ, BFGS used); `reset` (H ← I). */
  kind: 'updated' | 'skipped' | 'fallback' | 'reset' | 'none';
  /** Scaling parameter τ of the update (1 for BFGS; NaN when no update was made). */
  tau: number;
  /** Broyden-family parameter φ of the update (1 for BFGS; NaN when no update was made). */
  phi: number;
}

/**
 * Dense BFGS / SSBroyden1 as a step-by-step minimizer: d = −Hg, strong-Wolfe search from
 * t0 = min(1, 1.01·2(f_k − f_{k−1})/(g·d)) (1 if not positive; f_{−1} = f_0 + ‖g_0‖₂/2, SciPy's rule),
 * s = t d, y = g_{k+1} − g_k, then H is updated by {@link selfScaledBroydenUpdate} with τ = φ = 1 (BFGS)
 * or {@link ssBroyden1Parameters}. Updates with yᵀs ≤ 0 are skipped; a non-descent direction or a
 * line search without progress resets H to I once before reporting `diverged`/`nonFinite`.
 * O(n²) per iteration plus the line search; memory n² + O(n).
 *
 * @example
 * ```ts
 * const opt = new DenseQuasiNewtonMinimizer(loss, theta0, { update: 'ssbroyden1' });
 * for (let k = 0; k < 20000; k++) {
 *   if (k > 0 && k % 1000 === 0) opt.restart(resampledLoss()); // symmetrize, Cholesky check, reset
 *   if (opt.step().status !== undefined) break;
 * }
 * ```
 */
export class DenseQuasiNewtonMinimizer implements IterativeMinimizer {
  readonly x: Vec;
  readonly g: Vec;
  f: number;
  iterations = 0;
  nfev = 0;
  /** The inverse-Hessian approximation, row-major n×n (may be overwritten by the caller). */
  readonly inverseHessian: Vec;
  /** What the last step did to H. */
  lastUpdate: UpdateRecord = { kind: 'none', tau: NaN, phi: NaN };
  /** Counts of skipped updates, BFGS fallbacks and resets of H to I. */
  readonly counters: {
    /** Updates skipped because yᵀs ≤ 0 or yᵀHy ≤ 0. */
    skipped: number;
    /** Updates where SSBroyden1 gave an unusable τ and BFGS was used. */
    fallbacks: number;
    /** Updates where the small-`a` guard (θ = 0, φ = 1) applied. */
    guarded: number;
    /** Resets of H to the identity. */
    resets: number;
  } = { skipped: 0, fallbacks: 0, guarded: 0, resets: 0 };
  private fg: Objective;
  private readonly rule: QuasiNewtonUpdate;
  private readonly guardSmallA: boolean;
  private readonly search: StrongWolfeLineSearch;
  private readonly d: Vec;
  private readonly s: Vec;
  private readonly y: Vec;
  private readonly work: Vec;
  private choleskyWork: DenseMatrix | undefined;
  private readonly hessianView: DenseMatrix;
  private fOld: number;
  private maxFevPerSearch = Number.MAX_SAFE_INTEGER;

  /**
   * @param fg - objective writing the gradient
   * @param x0 - starting point (copied)
   * @param options - update rule, line-search constants, guard
   */
  constructor(fg: Objective, x0: Vec, options: QuasiNewtonOptions = {}) {
    const x = checkProblem(fg, x0);
    const n = x.length;
    this.rule = checkOneOf('options.update', options.update ?? 'ssbroyden1', ['bfgs', 'ssbroyden1'] as const);
    this.guardSmallA = options.guardSmallA ?? true;
    this.search = new StrongWolfeLineSearch(n, options.lineSearch);
    this.inverseHessian = setIdentity(new Float64Array(n * n), n);
    this.hessianView = { rows: n, cols: n, data: this.inverseHessian };
    this.d = new Float64Array(n);
    this.s = new Float64Array(n);
    this.y = new Float64Array(n);
    this.work = new Float64Array(n);
    this.fg = fg;
    this.x = Float64Array.from(x);
    this.g = new Float64Array(n);
    this.nfev = 1;
    this.f = fg(this.x, this.g);
    this.fOld = this.f + Math.sqrt(dot(this.g, this.g)) / 2;
  }

  /** Cap the evaluations of the next line searches (used by drivers enforcing `maxFev`). */
  limitEvaluations(maxPerSearch: number): void {
    this.maxFevPerSearch = Math.max(1, maxPerSearch);
  }

  /**
   * Restart as after resampling: optionally switch to a new objective, symmetrize H ← (H + Hᵀ)/2,
   * attempt a Cholesky factorization and reset H to I when it fails, re-evaluate f and ∇f at x and
   * reset the line-search memory (f_{−1} = f + ‖g‖₂/2). O(n³/3) for the Cholesky test.
   * @returns true when H was reset to the identity
   */
  restart(fg?: Objective): boolean {
    if (fg !== undefined) {
      checkProblem(fg, this.x);
      this.fg = fg;
    }
    const n = this.x.length;
    symmetrize(this.hessianView, this.hessianView);
    this.choleskyWork ??= { rows: n, cols: n, data: new Float64Array(n * n) };
    const reset = choleskyFactor(this.hessianView, { out: this.choleskyWork }).status !== 'success';
    if (reset) {
      setIdentity(this.inverseHessian, n);
      this.counters.resets++;
    }
    this.nfev++;
    this.f = this.fg(this.x, this.g);
    this.fOld = this.f + Math.sqrt(dot(this.g, this.g)) / 2;
    return reset;
  }

  /** One quasi-Newton iteration (see the class documentation). */
  step(): StepReport {
    const n = this.x.length;
    const H = this.inverseHessian;
    const previousF = this.f;
    let wasReset = false;
    for (;;) {
      const d = this.d;
      for (let i = 0; i < n; i++) {
        let v = 0;
        const row = i * n;
        for (let j = 0; j < n; j++) v -= H[row + j] * this.g[j];
        d[i] = v;
      }
      const slope = dot(this.g, d, n);
      if (!(slope < 0)) {
        if (wasReset) return this.fail('diverged', 'no descent direction even with H = I (zero or non-finite gradient)', previousF);
        this.resetH();
        wasReset = true;
        continue;
      }
      let t0 = Math.min(1, (1.01 * 2 * (this.f - this.fOld)) / slope);
      if (!(t0 > 0)) t0 = 1;
      const r = this.search.search(this.fg, this.x, this.f, this.g, d, t0, this.maxFevPerSearch);
      this.nfev += r.nfev;
      if (r.step === 0 && r.nfev >= this.maxFevPerSearch) {
        return { status: 'maxSteps', message: 'evaluation budget exhausted inside the line search', previousF, stepNorm: 0 };
      }
      this.maxFevPerSearch -= r.nfev;
      if (r.step === 0) {
        if (!wasReset && !this.isIdentity()) {
          this.resetH();
          wasReset = true;
          continue;
        }
        return r.status === 'nonFinite'
          ? this.fail('nonFinite', 'every line-search trial was NaN/∞; x is the last finite iterate', previousF)
          : this.fail('diverged', 'line search found no decrease along steepest descent (precision limit?)', previousF);
      }
      let stepNorm = 0;
      for (let i = 0; i < n; i++) {
        this.s[i] = this.search.x[i] - this.x[i];
        this.y[i] = this.search.g[i] - this.g[i];
        stepNorm = Math.max(stepNorm, Math.abs(this.s[i]));
      }
      this.updateInverseHessian(r.step);
      this.fOld = this.f;
      this.x.set(this.search.x);
      this.g.set(this.search.g);
      this.f = r.f;
      this.iterations++;
      return { previousF, stepNorm };
    }
  }

  /** Apply the configured update with s, y of the accepted step of length α = `step`. */
  private updateInverseHessian(step: number): void {
    const n = this.x.length;
    const H = this.inverseHessian;
    const { s, y, work } = this;
    const ys = dot(y, s, n);
    if (!(ys > 0)) {
      this.counters.skipped++;
      this.lastUpdate = { kind: 'skipped', tau: NaN, phi: NaN };
      return;
    }
    for (let i = 0; i < n; i++) {
      let v = 0;
      const row = i * n;
      for (let j = 0; j < n; j++) v += H[row + j] * y[j];
      work[i] = v;
    }
    const yHy = dot(y, work, n);
    if (!(yHy > 0)) {
      this.counters.skipped++;
      this.lastUpdate = { kind: 'skipped', tau: NaN, phi: NaN };
      return;
    }
    let tau = 1;
    let phi = 1;
    let kind: UpdateRecord['kind'] = 'updated';
    if (this.rule === 'ssbroyden1') {
      const h = yHy / ys;
      const b = (-step * dot(s, this.g, n)) / ys; // b = sᵀBs/yᵀs with Bs = −α g_k
      const p = ssBroyden1Parameters(b * h - 1, b, h, n, this.guardSmallA);
      if (p.guarded) this.counters.guarded++;
      if (Number.isFinite(p.tau) && p.tau > 0 && Number.isFinite(p.phi)) {
        tau = p.tau;
        phi = p.phi;
      } else {
        kind = 'fallback';
        this.counters.fallbacks++;
      }
    }
    selfScaledBroydenUpdate(H, n, s, y, tau, phi, work, true);
    if (!allFinite(H, n * n)) {
      this.resetH();
      return;
    }
    this.lastUpdate = { kind, tau, phi };
  }

  private resetH(): void {
    setIdentity(this.inverseHessian, this.x.length);
    this.counters.resets++;
    this.lastUpdate = { kind: 'reset', tau: NaN, phi: NaN };
  }

  private isIdentity(): boolean {
    const n = this.x.length;
    const H = this.inverseHessian;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (H[i * n + j] !== (i === j ? 1 : 0)) return false;
    return true;
  }

  private fail(status: 'diverged' | 'nonFinite', message: string, previousF: number): StepReport {
    this.iterations++;
    return { status, message, previousF, stepNorm: 0 };
  }
}

/**
 * Minimize with dense BFGS or SSBroyden1 (see {@link DenseQuasiNewtonMinimizer}) until ‖∇f‖_∞ ≤ gtol
 * (default 1e-8), ftol/xtol (default off), `maxIterations` (default 1000) or `maxFev`. Memory n², so
 * intended for n up to a few thousand; use {@link lbfgs} beyond.
 *
 * @example
 * ```ts
 * const r = quasiNewton(rosenbrock, new Float64Array([-1.2, 1]), { update: 'ssbroyden1', gtol: 1e-10 });
 * r.status; // 'success'
 * ```
 */
export function quasiNewton(fg: Objective, x0: Vec, options: QuasiNewtonOptions = {}): OptimizeResult {
  const stop = resolveStopping(options);
  return runMinimizer(new DenseQuasiNewtonMinimizer(fg, x0, options), stop, options);
}

/** Overwrite the row-major n×n matrix A with the identity. O(n²). */
function setIdentity(A: Vec, n: number): Vec {
  A.fill(0, 0, n * n);
  for (let i = 0; i < n; i++) A[i * n + i] = 1;
  return A;
}
