/**
 * A stateful Adam / AdamW update for mini-batch training loops on flat parameters (PyTorch's
 * `torch.optim.Adam` with coupled L2 weight decay and `torch.optim.AdamW` with decoupled decay),
 * and the learning-rate schedules of the neural-operator examples: step decay (`StepLR`) and
 * cosine annealing (`CosineAnnealingLR`).
 *
 * @module
 */
import { checkInRange, checkInteger, checkNonNegative, checkPositive } from '../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../core/errors';

/** Options of {@link AdamWOptimizer}. */
export interface AdamWOptions {
  /** (β1, β2) in [0, 1) (default [0.9, 0.999]). */
  betas?: [number, number];
  /** ε added to √v̂ (default 1e-8). */
  eps?: number;
  /** Weight decay λ ≥ 0 (default 0.01 when decoupled, 0 otherwise — the PyTorch defaults). */
  weightDecay?: number;
  /** Decoupled decay (AdamW, default true) or L2 added to the gradient (Adam with weight_decay). */
  decoupled?: boolean;
}

/**
 * The mutable state of an {@link AdamWOptimizer}: with the same options and learning rates, the next
 * steps depend on nothing else (the parameters θ are the caller's).
 * @example
 * ```ts
 * const saved = opt.state();
 * JSON.stringify({ t: saved.t, m: Array.from(saved.m), v: Array.from(saved.v) });
 * ```
 */
export interface AdamWState {
  /** Steps taken. */
  t: number;
  /** First-moment estimate. */
  m: Float64Array;
  /** Second-moment estimate (entries ≥ 0). */
  v: Float64Array;
}

/**
 * Adam with weight decay as a plain update θ ← step(θ, g, lr), for loops that own their
 * mini-batches. Per step t (1-based): decoupled θ ← θ(1 − lr·λ) or coupled g ← g + λθ; then
 * m ← β1 m + (1−β1) g, v ← β2 v + (1−β2) g², θ ← θ − lr·m̂/(√v̂ + ε). O(n) per step, 2 state
 * vectors, no allocation per step.
 *
 * @example
 * ```ts
 * const opt = new AdamWOptimizer(theta.length, { weightDecay: 1e-4 });
 * for (let epoch = 0; epoch < 30; epoch++) {
 *   const lr = cosineAnnealingLr(1e-2, epoch, 30);
 *   for (const batch of batches) { gradient(theta, batch, g); opt.step(theta, g, lr); }
 * }
 * ```
 */
export class AdamWOptimizer {
  /** Parameter count. */
  readonly n: number;
  /** Steps taken. */
  t = 0;
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private readonly b1: number;
  private readonly b2: number;
  private readonly eps: number;
  private readonly wd: number;
  private readonly decoupled: boolean;

  /**
   * @param n - number of parameters
   * @param options - see {@link AdamWOptions}
   */
  constructor(n: number, options: AdamWOptions = {}) {
    this.n = checkInteger('n', n, 1);
    const [b1, b2] = options.betas ?? [0.9, 0.999];
    this.b1 = checkInRange('options.betas[0]', b1, 0, 0.999999);
    this.b2 = checkInRange('options.betas[1]', b2, 0, 0.999999999);
    this.eps = checkPositive('options.eps', options.eps ?? 1e-8);
    this.decoupled = options.decoupled ?? true;
    this.wd = checkNonNegative('options.weightDecay', options.weightDecay ?? (this.decoupled ? 0.01 : 0));
    this.m = new Float64Array(n);
    this.v = new Float64Array(n);
  }

  /**
   * One update in place.
   * @param theta - parameters (length n), updated
   * @param grad - gradient at theta (length n; not modified)
   * @param lr - learning rate > 0 for this step
   */
  step(theta: Float64Array, grad: Float64Array, lr: number): void {
    if (!(theta instanceof Float64Array) || theta.length !== this.n) throw new InvalidTypeError('theta', `a Float64Array of length ${this.n}`, theta);
    if (!(grad instanceof Float64Array) || grad.length !== this.n) throw new InvalidTypeError('grad', `a Float64Array of length ${this.n}`, grad);
    checkPositive('lr', lr);
    this.t++;
    const { m, v, b1, b2, eps, wd } = this;
    const c1 = 1 - Math.pow(b1, this.t), c2 = Math.sqrt(1 - Math.pow(b2, this.t));
    const decay = this.decoupled ? 1 - lr * wd : 1;
    const l2 = this.decoupled ? 0 : wd;
    for (let i = 0; i < this.n; i++) {
      const g = grad[i] + l2 * theta[i];
      m[i] = b1 * m[i] + (1 - b1) * g;
      v[i] = b2 * v[i] + (1 - b2) * g * g;
      theta[i] = theta[i] * decay - (lr * (m[i] / c1)) / (Math.sqrt(v[i]) / c2 + eps);
    }
  }

  /**
   * A copy of the moments and the step count. O(n).
   * @example
   * ```ts
   * const saved = opt.state(); // later: fresh.restore(saved), then fresh.step(θ, g, lr) continues bit-identically
   * ```
   */
  state(): AdamWState {
    return { t: this.t, m: Float64Array.from(this.m), v: Float64Array.from(this.v) };
  }

  /**
   * Overwrite the moments and the step count with copies from `state` (from {@link AdamWOptimizer.state}
   * of an optimizer with the same n and options). `InvalidTypeError` if `m`/`v` are not Float64Arrays of
   * length n, `InvalidArgumentError` for a non-finite entry, a negative v or a bad `t`, naming the
   * field; nothing is changed then. O(n).
   * @param state - the state to restore
   * @example
   * ```ts
   * const fresh = new AdamWOptimizer(theta.length, { weightDecay: 1e-4 });
   * fresh.restore(saved);
   * ```
   */
  restore(state: AdamWState): void {
    if (state === null || typeof state !== 'object' || Array.isArray(state) || ArrayBuffer.isView(state)) throw new InvalidTypeError('state', 'an AdamWState object', state);
    const t = checkInteger('state.t', state.t, 0);
    for (const [key, nonNegative] of [['m', false], ['v', true]] as const) {
      const a = state[key] as unknown;
      if (!(a instanceof Float64Array) || a.length !== this.n) throw new InvalidTypeError(`state.${key}`, `a Float64Array of length ${this.n}`, a);
      for (let i = 0; i < this.n; i++) {
        if (!Number.isFinite(a[i]) || (nonNegative && a[i] < 0)) throw new InvalidArgumentError(`state.${key}[${i}]`, nonNegative ? 'a finite number >= 0' : 'a finite number', a[i]);
      }
    }
    this.t = t;
    this.m.set(state.m);
    this.v.set(state.v);
  }

  /** Clear the moments and the step count. */
  reset(): void {
    this.t = 0;
    this.m.fill(0);
    this.v.fill(0);
  }
}

/**
 * Step decay (PyTorch `StepLR`): lr0·γ^⌊epoch/stepSize⌋.
 * @example
 * ```ts
 * stepLr(1e-3, 250, 100, 0.5); // 2.5e-4
 * ```
 */
export function stepLr(lr0: number, epoch: number, stepSize: number, gamma: number): number {
  checkPositive('lr0', lr0);
  checkInteger('epoch', epoch, 0);
  checkInteger('stepSize', stepSize, 1);
  checkInRange('gamma', gamma, 0, 1);
  return lr0 * Math.pow(gamma, Math.floor(epoch / stepSize));
}

/**
 * Cosine annealing (PyTorch `CosineAnnealingLR`, closed form):
 * η_min + (lr0 − η_min)(1 + cos(π·epoch/tMax))/2 (periodic in epoch with period 2·tMax, as PyTorch).
 * @example
 * ```ts
 * cosineAnnealingLr(1e-2, 15, 30); // 5e-3
 * ```
 */
export function cosineAnnealingLr(lr0: number, epoch: number, tMax: number, etaMin = 0): number {
  checkPositive('lr0', lr0);
  checkInteger('epoch', epoch, 0);
  checkInteger('tMax', tMax, 1);
  checkInRange('etaMin', etaMin, 0, lr0);
  return etaMin + ((lr0 - etaMin) * (1 + Math.cos((Math.PI * epoch) / tMax))) / 2;
}
