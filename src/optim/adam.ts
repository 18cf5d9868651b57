/**
 * Adam (Kingma & Ba 2015) with parameter groups and a step-decay learning-rate schedule, in
 * PyTorch's form (`torch.optim.Adam` + `StepLR`).
 *
 * @module
 */
import { checkInRange, checkInteger, checkNonNegative, checkPositive } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';
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
  /** Learning rate (default: the optimizer's `lr`). */
  lr?: number;
  /** (β1, β2) in [0, 1) (default: the optimizer's `betas`). */
  betas?: [number, number];
  /** ε added to √v̂ (default: the optimizer's `eps`). */
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
  /**
   * Continue from a {@link AdamState} taken by {@link AdamMinimizer.state} of a minimizer with the same
   * hyper-parameters: x, ∇f, f, the moments and the counters are restored instead of evaluating f at
   * `x0` (which then only fixes the dimension). The continuation is bit-identical to the uninterrupted run.
   */
  resume?: AdamState;
}

/**
 * The complete mutable state of an {@link AdamMinimizer} between two iterations: with the same objective and
 * hyper-parameters (learning rates, betas, eps, groups, schedule — not part of the state), the next
 * iterations depend on nothing else. Plain data (typed arrays and numbers), copied on the way out and in.
 *
 * @example
 * ```ts
 * const s = opt.state();
 * const json = JSON.stringify({ ...s, x: Array.from(s.x), g: Array.from(s.g), m: Array.from(s.m), v: Array.from(s.v) });
 * ```
 */
export interface AdamState {
  /** Current iterate x (the last finite one). */
  x: Float64Array;
  /** ∇f at x as last evaluated (the gradient the next iteration uses; after `setObjective`, of the new objective). */
  g: Float64Array;
  /** f at x as last evaluated. */
  f: number;
  /** First-moment estimate m. */
  m: Float64Array;
  /** Second-moment estimate v (entries ≥ 0). */
  v: Float64Array;
  /** Iterations done k (the bias corrections and the step-decay schedule use k + 1 next). */
  iterations: number;
  /** Objective evaluations so far. */
  nfev: number;
}

/**
 * Check a Float64Array of length n with finite entries (≥ 0 if `nonNegative`); named errors otherwise.
 * O(n).
 */
function checkStateVector(name: string, value: unknown, n: number, nonNegative = false): Float64Array {
  if (!(value instanceof Float64Array) || value.length !== n) throw new InvalidTypeError(name, `a Float64Array of length ${n}`, value);
  for (let i = 0; i < n; i++) {
    const x = value[i];
    if (!Number.isFinite(x) || (nonNegative && x < 0)) throw new InvalidArgumentError(`${name}[${i}]`, nonNegative ? 'a finite number >= 0' : 'a finite number', x);
  }
  return value;
}

/**
 * Adam as a step-by-step minimizer. Per iteration k (1-based), per parameter i in group G:
 * m ← β1 m + (1−β1) g, v ← β2 v + (1−β2) g², x ← x − lr_G(k)·(m/(1−β1^k)) / (√v/√(1−β2^k) + ε)
 * with lr_G(k) = lr_G·γ^{⌊(k−1)/stepSize⌋}; then f and ∇f are evaluated at the new x.
 * A non-finite f or gradient rejects the step: x keeps the last finite iterate and `step()` reports
 * `nonFinite`. O(n) per step plus one evaluation; 4 work vectors.
 *
 * `setObjective` swaps the objective (e.g. after resampling collocation points) keeping the moments.
 * `state()` copies out everything that changes between iterations ({@link AdamState}) and `restore` (or
 * the `resume` option) puts it back, so a run can be checkpointed between any two iterations and
 * continued bit-identically.
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
  f = Number.NaN;
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
    if (options.resume !== undefined) {
      this.restore(options.resume, 'options.resume');
    } else {
      this.nfev = 1;
      this.f = fg(this.x, this.g);
    }
  }

  /**
   * A copy of the state between iterations (x, ∇f, f, m, v, iterations, nfev). O(n).
   * @example
   * ```ts
   * for (let k = 0; k < 500; k++) opt.step();
   * const saved = opt.state(); // later: new AdamMinimizer(fg, x0, { ...sameOptions, resume: saved })
   * ```
   */
  state(): AdamState {
    return {
      x: Float64Array.from(this.x), g: Float64Array.from(this.g), f: this.f, m: Float64Array.from(this.m), v: Float64Array.from(this.v),
      iterations: this.iterations, nfev: this.nfev,
    };
  }

  /**
   * Overwrite the state with a copy of `state` (taken by {@link AdamMinimizer.state} of a minimizer of the
   * same dimension and hyper-parameters); no evaluation. Throws `InvalidTypeError` for a missing field or
   * a vector that is not a Float64Array of length n, `InvalidArgumentError` for a non-finite entry, a
   * negative v, a non-finite f or bad counters, naming the field (`state.m[3]`…); nothing is changed
   * then. O(n).
   * @param state - the state to restore
   * @param name - the argument name used in errors (default `state`)
   * @example
   * ```ts
   * const opt = new AdamMinimizer(fg, x0, options);
   * opt.restore(saved); // continues exactly where the minimizer that produced `saved` stopped
   * ```
   */
  restore(state: AdamState, name = 'state'): void {
    if (state === null || typeof state !== 'object' || Array.isArray(state) || ArrayBuffer.isView(state)) throw new InvalidTypeError(name, 'an AdamState object', state);
    const n = this.x.length;
    const x = checkStateVector(`${name}.x`, state.x, n);
    const g = checkStateVector(`${name}.g`, state.g, n);
    const m = checkStateVector(`${name}.m`, state.m, n);
    const v = checkStateVector(`${name}.v`, state.v, n, true);
    const f = state.f;
    if (typeof f !== 'number' || !Number.isFinite(f)) throw new InvalidArgumentError(`${name}.f`, 'a finite number', f);
    const iterations = checkInteger(`${name}.iterations`, state.iterations, 0);
    const nfev = checkInteger(`${name}.nfev`, state.nfev, 1);
    this.x.set(x);
    this.g.set(g);
    this.m.set(m);
    this.v.set(v);
    this.f = f;
    this.iterations = iterations;
    this.nfev = nfev;
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
 * Minimize with Adam until gtol/ftol/xtol, `maxIterations` (default 1000) or `maxFev`; see
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
