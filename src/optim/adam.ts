/**
 * Adam (Kingma & Ba 2015) with parameter groups and a step-decay learning-rate schedule, in
 * PyTorch's form (`torch.optim.Adam` + `StepLR`).
 *
 * @module
 */
import { checkInRange, checkInteger, checkNonNegative, checkPositive } from '../core/check';
import { InvalidArgumentError } from '../core/errors';
import { allFinite } from '../core/status';
import type { Vec } from '../core/types';
import { runMinimizer } from './driver';
import { checkProblem, resolveStopping, type IterativeMinimizer, type Objective, type OptimizeResult, type StepReport, type StoppingOptions } from './types';

/** Hyper-parameters of one Adam parameter group. */
export interface AdamGroup {
  /** First parameter index of the group (inclusive). */
  start: number;
  /** End index (exclusive). */
  end: number;
  /** Learning rate (default: the optimiser's `lr`). */
  lr?: number;
  /** (β1, β2) in [0, 1) (default: the optimiser's `betas`). */
  betas?: [number, number];
  /** ε added to √v̂ (default: the optimiser's `eps`). */
  eps?: number;
}

/** Options of {@link AdamMinimizer} / {@link adam}. */
export interface AdamOptions extends StoppingOptions {
  /** Default learning rate (default 1e-3). */
  lr?: number;
  /** Default (β1, β2) (default [0.9, 0.999]). */
  betas?: [number, number];
  /** Default ε (default 1e-8). */
  eps?: number;
  /** Groups with their own hyper-parameters; indices not covered use the defaults. Ranges must not overlap. */
  groups?: AdamGroup[];
  /** Step decay: every `stepSize` iterations multiply every learning rate by `gamma` (PyTorch StepLR). */
  schedule?: {
    /** Iterations between decays. */
    stepSize: number;
    /** Multiplicative decay factor. */
    gamma: number;
  };
}

/**
 * Adam as a step-by-step minimiser. Per iteration k (1-based), per parameter i in group G:
 * m ← β1 m + (1−β1) g, v ← β2 v + (1−β2) g², x ← x − lr_G(k)·(m/(1−β1^k)) / (√v/√(1−β2^k) + ε)
 * with lr_G(k) = lr_G·γ^{⌊(k−1)/stepSize⌋}; then f and ∇f are evaluated at the new x.
 * A non-finite f or gradient rejects the step: x keeps the last finite iterate and `step()` reports
 * `nonFinite`. O(n) per step plus one evaluation; 4 work vectors.
 *
 * `setObjective` swaps the objective (e.g. after resampling collocation points) keeping the moments.
 *
 * @example
 * ```ts
 * // networks at lr 1e-3, the last parameter (λ) at lr 0.1 with betas (0.9, 0.9), ×0.9 at 5000
 * const opt = new AdamMinimizer(loss, theta0, {
 *   groups: [{ start: n - 1, end: n, lr: 0.1, betas: [0.9, 0.9] }],
 *   schedule: { stepSize: 5000, gamma: 0.9 },
 * });
 * for (let k = 0; k < 10000; k++) opt.step();
 * ```
 */
export class AdamMinimizer implements IterativeMinimizer {
  readonly x: Vec;
  readonly g: Vec;
  f: number;
  iterations = 0;
  nfev = 0;
  private fg: Objective;
  private readonly m: Vec;
  private readonly v: Vec;
  private readonly xTrial: Vec;
  private readonly gTrial: Vec;
  /** Per-parameter group index into the hyper-parameter arrays. */
  private readonly groupOf: Int32Array;
  private readonly lr: Float64Array;
  private readonly beta1: Float64Array;
  private readonly beta2: Float64Array;
  private readonly eps: Float64Array;
  private readonly stepSize: number;
  private readonly gamma: number;
  /** Per-group step scalars of the current iteration: lr/(1−β1^k) and 1/√(1−β2^k). */
  private readonly stepScale: Float64Array;
  private readonly bias2Scale: Float64Array;

  /**
   * @param fg - objective writing the gradient
   * @param x0 - starting point (copied)
   * @param options - hyper-parameters, groups and schedule (stopping options are used by {@link adam})
   */
  constructor(fg: Objective, x0: Vec, options: AdamOptions = {}) {
    const x = checkProblem(fg, x0);
    const n = x.length;
    const lr = checkPositive('options.lr', options.lr ?? 1e-3);
    const betas = options.betas ?? [0.9, 0.999];
    const b1 = checkInRange('options.betas[0]', betas[0], 0, 1 - Number.EPSILON);
    const b2 = checkInRange('options.betas[1]', betas[1], 0, 1 - Number.EPSILON);
    const eps = checkNonNegative('options.eps', options.eps ?? 1e-8);
    const groups = options.groups ?? [];
    const count = groups.length + 1;
    this.lr = new Float64Array(count).fill(lr);
    this.beta1 = new Float64Array(count).fill(b1);
    this.beta2 = new Float64Array(count).fill(b2);
    this.eps = new Float64Array(count).fill(eps);
    this.groupOf = new Int32Array(n);
    this.stepScale = new Float64Array(count);
    this.bias2Scale = new Float64Array(count);
    groups.forEach((grp, j) => {
      const name = `options.groups[${j}]`;
      const start = checkInteger(`${name}.start`, grp.start, 0, n - 1);
      const end = checkInteger(`${name}.end`, grp.end, start + 1, n);
      this.lr[j + 1] = checkPositive(`${name}.lr`, grp.lr ?? lr);
      this.beta1[j + 1] = checkInRange(`${name}.betas[0]`, (grp.betas ?? betas)[0], 0, 1 - Number.EPSILON);
      this.beta2[j + 1] = checkInRange(`${name}.betas[1]`, (grp.betas ?? betas)[1], 0, 1 - Number.EPSILON);
      this.eps[j + 1] = checkNonNegative(`${name}.eps`, grp.eps ?? eps);
      for (let i = start; i < end; i++) {
        if (this.groupOf[i] !== 0) throw new InvalidArgumentError(`${name}`, `a range not overlapping group ${this.groupOf[i] - 1}`, `[${start}, ${end})`);
        this.groupOf[i] = j + 1;
      }
    });
    if (options.schedule !== undefined) {
      this.stepSize = checkInteger('options.schedule.stepSize', options.schedule.stepSize, 1);
      this.gamma = checkPositive('options.schedule.gamma', options.schedule.gamma);
    } else {
      this.stepSize = Number.MAX_SAFE_INTEGER;
      this.gamma = 1;
    }
    this.fg = fg;
    this.x = Float64Array.from(x);
    this.g = new Float64Array(n);
    this.m = new Float64Array(n);
    this.v = new Float64Array(n);
    this.xTrial = new Float64Array(n);
    this.gTrial = new Float64Array(n);
    this.nfev = 1;
    this.f = fg(this.x, this.g);
  }

  /** Learning rate of group `group` (0 = default group) at iteration k (1-based). */
  learningRate(group: number, k: number): number {
    return this.lr[group] * Math.pow(this.gamma, Math.floor((k - 1) / this.stepSize));
  }

  /**
   * Replace the objective (e.g. new collocation points) and re-evaluate f, ∇f at the current x;
   * the Adam moments and the iteration counter are kept.
   */
  setObjective(fg: Objective): void {
    checkProblem(fg, this.x);
    this.fg = fg;
    this.nfev++;
    this.f = fg(this.x, this.g);
  }

  /** One Adam iteration (see the class documentation). */
  step(): StepReport {
    const n = this.x.length;
    const k = this.iterations + 1;
    const previousF = this.f;
    const x = this.x;
    const g = this.g;
    const xt = this.xTrial;
    let stepNorm = 0;
    for (let grp = 0; grp < this.lr.length; grp++) {
      this.stepScale[grp] = this.learningRate(grp, k) / (1 - Math.pow(this.beta1[grp], k));
      this.bias2Scale[grp] = 1 / Math.sqrt(1 - Math.pow(this.beta2[grp], k));
    }
    // per-group scalars are looked up per parameter through integer indices (no closures)
    for (let i = 0; i < n; i++) {
      const grp = this.groupOf[i];
      const b1 = this.beta1[grp];
      const b2 = this.beta2[grp];
      const mi = b1 * this.m[i] + (1 - b1) * g[i];
      const vi = b2 * this.v[i] + (1 - b2) * g[i] * g[i];
      this.m[i] = mi;
      this.v[i] = vi;
      const denom = Math.sqrt(vi) * this.bias2Scale[grp] + this.eps[grp];
      const dx = (this.stepScale[grp] * mi) / denom;
      xt[i] = x[i] - dx;
      stepNorm = Math.max(stepNorm, Math.abs(dx));
    }
    this.nfev++;
    const f = this.fg(xt, this.gTrial);
    this.iterations = k;
    if (!Number.isFinite(f) || !allFinite(this.gTrial)) {
      return { status: 'nonFinite', message: `objective or gradient not finite at iteration ${k}; x is the last finite iterate`, previousF, stepNorm: 0 };
    }
    x.set(xt);
    g.set(this.gTrial);
    this.f = f;
    return { previousF, stepNorm };
  }
}

/**
 * Minimise with Adam until gtol/ftol/xtol, `maxIterations` (default 1000) or `maxFev`; see
 * {@link AdamMinimizer} for the update. ftol and xtol default to 0 (off), as Adam's steps are
 * not monotone. Returns the standard {@link OptimizeResult}.
 *
 * @example
 * ```ts
 * const r = adam((x, g) => { g[0] = 2 * (x[0] - 3); return (x[0] - 3) ** 2; }, new Float64Array([0]),
 *   { lr: 0.1, maxIterations: 2000, gtol: 1e-6 });
 * r.x[0]; // ≈ 3
 * ```
 */
export function adam(fg: Objective, x0: Vec, options: AdamOptions = {}): OptimizeResult {
  const stop = resolveStopping(options);
  const opt = new AdamMinimizer(fg, x0, options);
  return runMinimizer(opt, stop, options);
}
