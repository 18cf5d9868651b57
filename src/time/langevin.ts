/**
 * Underdamped Langevin dynamics
 * `dq = M⁻¹p dt`, `dp = −∇U(q) dt − γp dt + √(2γ/β) M^{1/2} dW`
 * with a diagonal mass matrix, integrated by the BAOAB splitting of Leimkuhler and Matthews
 * (Appl. Math. Res. Express 2013; *Molecular Dynamics*, Springer 2015, §7.3).
 *
 * @module
 */
import { checkAllFinite, checkFunction, checkInteger, checkPositive, checkVec } from '../core/check';
import { InvalidTypeError } from '../core/errors';
import { RunWatch, type LongRunOptions } from '../core/progress';
import { allFinite, type SolveStatus } from '../core/status';
import type { RandomSource, Vec } from '../core/types';

/**
 * What {@link BaoabLangevin} accepts.
 * @example
 * ```ts
 * const spec: LangevinSpec = { gradPotential(q, out) { out.set(q); }, dim: 2, friction: 1, beta: 1, dt: 0.1 };
 * const sampler = new BaoabLangevin(spec);
 * ```
 */
export interface LangevinSpec {
  /** Gradient of the potential: `out ← ∇U(q)`. */
  gradPotential(q: Vec, out: Vec): void;
  /** Number of position coordinates. */
  dim: number;
  /** Friction γ > 0 (1/time). */
  friction: number;
  /** Inverse temperature β > 0. */
  beta: number;
  /** Time step h > 0. */
  dt: number;
  /** Diagonal mass matrix: a positive number or one positive entry per coordinate (default 1). */
  mass?: number | Float64Array;
}

/**
 * Options of {@link BaoabLangevin.run}.
 * @example
 * ```ts
 * let sum = 0;
 * sampler.run(q, p, 1000, rng, { onStep: (k, q) => { sum += q[0] * q[0]; } });
 * ```
 */
export interface LangevinRunOptions extends LongRunOptions {
  /** Called after every step with the step index (1-based) and the current state (read-only). */
  onStep?: (step: number, q: Vec, p: Vec) => void;
}

/**
 * Result of {@link BaoabLangevin.run}.
 * @example
 * ```ts
 * const r: LangevinRunResult = sampler.run(q, p, 1000, rng);
 * r.status; r.stats.ngrad;
 * ```
 */
export interface LangevinRunResult {
  /** `'success'`, `'aborted'` or `'nonFinite'` (the state holds the last finite values). */
  status: SolveStatus;
  /** Steps completed and gradient evaluations. */
  stats: {
    /** Steps completed. */
    nsteps: number;
    /** Gradient evaluations. */
    ngrad: number;
  };
}

/**
 * BAOAB for underdamped Langevin dynamics with diagonal mass:
 * ```
 *   B: p ← p − (h/2)∇U(q)        A: q ← q + (h/2)M⁻¹p
 *   O: p ← e^{−γh} p + √((1 − e^{−2γh})/β) M^{1/2} ξ,  ξ ~ N(0, I)
 *   A: q ← q + (h/2)M⁻¹p         B: p ← p − (h/2)∇U(q)
 * ```
 * The O step is the exact Ornstein–Uhlenbeck flow. Configurational averages have O(h²) bias
 * and the q-marginal is exact for harmonic U (any stable h < 2/ω). One gradient per step: the
 * force at the end of a step is reused at the start of the next when q was not changed in
 * between (checked by comparing against a saved copy, O(dim)).
 *
 * @example
 * ```ts
 * const sampler = new BaoabLangevin({ gradPotential: (q, g) => { g[0] = q[0]; }, dim: 1, friction: 1, beta: 2, dt: 0.1 });
 * const q = new Float64Array(1), p = new Float64Array(1);
 * sampler.run(q, p, 10000, rng, { onStep: (k, q) => acc.push(q[0]) });
 * ```
 */
export class BaoabLangevin {
  /** Number of coordinates. */
  readonly dim: number;
  /** Time step. */
  readonly dt: number;
  private readonly grad: (q: Vec, out: Vec) => void;
  private readonly invMass: Vec;
  private readonly noiseScale: Vec;
  private readonly damping: number;
  private readonly force: Vec;
  private readonly forceAt: Vec;
  private forceValid = false;
  private ngrad = 0;

  /** @param spec - potential, friction, temperature, step and mass */
  constructor(spec: LangevinSpec) {
    if (spec === null || typeof spec !== 'object') throw new InvalidTypeError('spec', 'an object { gradPotential, dim, friction, beta, dt }', spec);
    checkFunction('gradPotential', spec.gradPotential);
    const dim = checkInteger('dim', spec.dim, 1);
    const friction = checkPositive('friction', spec.friction);
    const beta = checkPositive('beta', spec.beta);
    const dt = checkPositive('dt', spec.dt);
    const mass = new Float64Array(dim);
    if (spec.mass === undefined || typeof spec.mass === 'number') {
      mass.fill(spec.mass === undefined ? 1 : checkPositive('mass', spec.mass));
    } else {
      checkVec('mass', spec.mass, dim);
      checkAllFinite('mass', spec.mass);
      for (let i = 0; i < dim; i++) mass[i] = checkPositive(`mass[${i}]`, spec.mass[i]);
    }
    this.dim = dim;
    this.dt = dt;
    this.grad = spec.gradPotential;
    this.damping = Math.exp(-friction * dt);
    const ouScale = Math.sqrt(-Math.expm1(-2 * friction * dt) / beta);
    this.invMass = mass.map((m) => 1 / m);
    this.noiseScale = mass.map((m) => ouScale * Math.sqrt(m));
    this.force = new Float64Array(dim);
    this.forceAt = new Float64Array(dim);
  }

  /** Evaluate ∇U at q unless it was evaluated there already. */
  private gradientAt(q: Vec): Vec {
    const n = this.dim;
    if (this.forceValid) {
      const at = this.forceAt;
      let same = true;
      for (let i = 0; i < n; i++) {
        if (at[i] !== q[i]) {
          same = false;
          break;
        }
      }
      if (same) return this.force;
    }
    this.grad(q, this.force);
    this.ngrad++;
    this.forceAt.set(q);
    this.forceValid = true;
    return this.force;
  }

  /** One BAOAB step in place on `(q, p)`. O(dim) plus one gradient evaluation (amortised). */
  step(q: Vec, p: Vec, rng: RandomSource): void {
    const n = this.dim;
    const h = this.dt;
    const halfH = 0.5 * h;
    const { invMass, noiseScale, damping } = this;
    let g = this.gradientAt(q);
    for (let i = 0; i < n; i++) {
      p[i] -= halfH * g[i];
      q[i] += halfH * invMass[i] * p[i];
      p[i] = damping * p[i] + noiseScale[i] * rng.normal();
      q[i] += halfH * invMass[i] * p[i];
    }
    g = this.gradientAt(q);
    for (let i = 0; i < n; i++) p[i] -= halfH * g[i];
  }

  /**
   * Run `nSteps` steps in place on `(q, p)`, calling `onStep` after each. Checks the signal and
   * reports progress every `progressEvery` steps; stops with `'nonFinite'` when the state
   * becomes non-finite (restoring the last finite state).
   */
  run(q: Vec, p: Vec, nSteps: number, rng: RandomSource, options: LangevinRunOptions = {}): LangevinRunResult {
    checkVec('q', q, this.dim);
    checkVec('p', p, this.dim);
    checkInteger('nSteps', nSteps, 0);
    if (rng === null || typeof rng !== 'object' || typeof rng.normal !== 'function') {
      throw new InvalidTypeError('rng', 'a RandomSource { uniform(), normal() }', rng);
    }
    if (options.onStep !== undefined) checkFunction('options.onStep', options.onStep);
    const watch = new RunWatch(options);
    const qSaved = new Float64Array(this.dim);
    const pSaved = new Float64Array(this.dim);
    const ngrad0 = this.ngrad;
    let status: SolveStatus = 'success';
    let k = 0;
    for (; k < nSteps; k++) {
      if (watch.tick(k, k / nSteps, k * this.dt)) {
        status = 'aborted';
        break;
      }
      qSaved.set(q);
      pSaved.set(p);
      this.step(q, p, rng);
      if (!allFinite(q) || !allFinite(p)) {
        q.set(qSaved);
        p.set(pSaved);
        this.forceValid = false;
        status = 'nonFinite';
        break;
      }
      options.onStep?.(k + 1, q, p);
    }
    watch.finish(k, nSteps === 0 ? 1 : k / nSteps, k * this.dt);
    return { status, stats: { nsteps: k, ngrad: this.ngrad - ngrad0 } };
  }
}
