/**
 * The step-by-step form of the dynamic-rescaling driver (thesis §2.4): {@link initRescaled}
 * validates and builds a {@link RescaledStepper}, `step()` takes one accepted step of the additive
 * Runge–Kutta scheme on the augmented state `(û, log λ, log Ĉ_u, t)`, and `result()` returns the
 * shared run result. `runRescaled` is `drive` over it. See `driver.ts` for the method.
 *
 * @module
 */
import type { RunStats } from '../../core/run';
import { checkFinite, checkInteger, checkOneOf, checkPositive, checkVec } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { checkRunOptions, checkSaveAt, type RunOptions, type SavedState, type Stepper } from '../../core/run';
import type { SolveStatus } from '../../core/status';
import type { Vec } from '../../core/types';
import { additiveRkCombination } from '../../time/additiveRk';
import { StepSizeController } from '../../time/stepController';
import type { RescaledHistory, RescaledRunOptions, RescaledRunResult, RescalingModel } from './driverTypes';
import { modelNormalization, resolveScheme, scaleRates, solveNormalization } from './modulationSolve';
import type { RescalingScheme } from './schemes';

/**
 * A dynamic-rescaling run advanced by hand. `t` is the rescaled time τ (the physical time is
 * `physicalTime`). The step controls `cfl`, `rtol`, `atol`, `dt` and `lambdaMax` may be changed
 * between steps.
 *
 * @example
 * ```ts
 * const run = initRescaled(model, { u0, logLambda0: [0], tauEnd: 50 });
 * while (run.step()) if (run.t > 10) run.rtol = 1e-8; // tighten mid-run
 * run.result().final.t; // physical time reached
 * ```
 */
export class RescaledStepper implements Stepper<RescaledRunResult> {
  /** Fraction of the stability bounds used. */
  cfl: number;
  /** Relative tolerance of the error control. */
  rtol: number;
  /** Absolute tolerance of the error control. */
  atol: number;
  /** Fixed step (0: step rule / error control). */
  dt: number;
  /** λ above which the run ends with `'diverged'`. */
  lambdaMax: number;
  /** Counters so far (`nfev` counts stage evaluations). */
  readonly stats: RunStats = { nsteps: 0, naccept: 0, nreject: 0, nfev: 0 };
  private statusValue: SolveStatus | 'running' = 'running';
  private messageValue = '';
  private tau = 0;
  private k: number;
  private nextSample = 0;
  private readonly model: RescalingModel;
  private readonly problem: RescaledRunOptions;
  private readonly scheme: RescalingScheme;
  private readonly normalization: (f: Vec, out: Vec) => void;
  private readonly thesis: boolean;
  private readonly frozen: boolean;
  private readonly adaptive: boolean;
  private readonly controller: StepSizeController;
  private readonly tauEnd: number;
  private readonly maxSteps: number;
  private readonly samples: Float64Array;
  private readonly saveTimes: Float64Array;
  private readonly saved: SavedState<Vec>[] = [];
  private readonly history: RescaledHistory = { tau: [], t: [], logAmplitude: [], c0: [] };
  private readonly size: number;
  private readonly d: number;
  private readonly P: number;
  private readonly y: Float64Array;
  private readonly yNew: Float64Array;
  private readonly stageY: Float64Array;
  private readonly yField: Float64Array;
  private readonly stageField: Float64Array;
  private readonly E: Float64Array[];
  private readonly I: Float64Array[];
  private readonly fields: Float64Array[];
  private readonly reaction: Float64Array;
  private readonly lambdas: Float64Array;
  private readonly c: Float64Array;
  private readonly cFirst: Float64Array;
  private readonly rates: Float64Array;
  private readonly system: Float64Array;
  private readonly ell: Float64Array;
  private readonly invariants: Float64Array;
  private readonly extras = { c0: 0 };

  /** Use {@link initRescaled}. */
  constructor(model: RescalingModel, problem: RescaledRunOptions, runOptions: RunOptions = {}) {
    if (model === null || typeof model !== 'object') throw new InvalidTypeError('model', 'a RescalingModel', model);
    if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('options', 'an options object { u0, logLambda0, tauEnd, … }', problem);
    checkRunOptions(runOptions);
    const size = checkInteger('model.size', model.size, 1);
    const d = checkInteger('model.directions', model.directions, 0);
    const P = checkInteger('model.modulations', model.modulations, 1);
    this.normalization = modelNormalization(model);
    const u0 = checkVec('options.u0', problem.u0, size);
    for (let i = 0; i < size; i++) checkFinite(`options.u0[${i}]`, u0[i]);
    if (problem.logLambda0 === undefined || problem.logLambda0 === null || problem.logLambda0.length !== d) throw new InvalidTypeError('options.logLambda0', `an array of length ${d}`, problem.logLambda0);
    for (let i = 0; i < d; i++) checkFinite(`options.logLambda0[${i}]`, problem.logLambda0[i]);
    const logAmplitude0 = checkFinite('options.logAmplitude0', problem.logAmplitude0 ?? 0);
    this.tauEnd = checkPositive('options.tauEnd', problem.tauEnd);
    this.scheme = resolveScheme(problem.scheme, model.hasDiffusion);
    const mode = checkOneOf('options.normalization', problem.normalization ?? problem.normalisation ?? 'discrete', ['discrete', 'thesis'] as const);
    if (mode === 'thesis' && typeof model.thesisModulations !== 'function') throw new InvalidArgumentError('options.normalization', "'discrete' (the model has no thesis formulas)", 'thesis');
    this.thesis = mode === 'thesis';
    this.frozen = checkOneOf('options.modulation', problem.modulation ?? 'augmented', ['augmented', 'frozen'] as const) === 'frozen';
    this.adaptive = this.scheme.bEmbedded !== null && problem.dt === undefined;
    this.cfl = checkPositive('options.cfl', problem.cfl ?? (this.scheme.implicitA === null ? 0.4 : 1.4));
    this.dt = problem.dt === undefined ? 0 : checkPositive('options.dt', problem.dt);
    this.rtol = checkPositive('options.rtol', problem.rtol ?? 1e-6);
    this.atol = checkPositive('options.atol', problem.atol ?? 1e-9);
    this.maxSteps = checkInteger('options.maxSteps', problem.maxSteps ?? 1e7, 1);
    this.lambdaMax = checkPositive('options.lambdaMax', problem.lambdaMax ?? 1e8);
    const sampleAt = checkSaveAt('options.sampleAt', problem.sampleAt, 0, this.tauEnd);
    this.saveTimes = checkSaveAt('runOptions.saveAt', runOptions.saveAt, 0, this.tauEnd);
    this.samples = mergeTimes(sampleAt, this.saveTimes);
    this.controller = new StepSizeController({ order: this.scheme.order, noGrowthAfterReject: false });
    this.model = model;
    this.problem = problem;
    this.size = size;
    this.d = d;
    this.P = P;
    this.k = this.dt;

    const dim = size + d + 2;
    const S = this.scheme.b.length;
    this.y = new Float64Array(dim);
    this.y.set(u0);
    for (let i = 0; i < d; i++) this.y[size + i] = problem.logLambda0[i];
    this.y[size + d] = logAmplitude0;
    this.E = Array.from({ length: S }, () => new Float64Array(dim));
    this.I = Array.from({ length: S }, () => new Float64Array(size));
    this.stageY = new Float64Array(dim);
    this.yField = this.y.subarray(0, size);
    this.stageField = this.stageY.subarray(0, size);
    this.yNew = new Float64Array(dim);
    this.fields = Array.from({ length: P }, () => new Float64Array(size));
    this.reaction = new Float64Array(size);
    this.lambdas = new Float64Array(d);
    this.c = new Float64Array(P);
    this.cFirst = new Float64Array(P);
    this.rates = new Float64Array(d);
    this.system = new Float64Array(P * (P + 1));
    this.ell = new Float64Array(P);
    this.invariants = new Float64Array(P);

    if (!this.evaluateStage(this.y, this.yField, 0, true)) {
      this.end('diverged', 'the normalization system is singular at τ = 0');
      return;
    }
    this.sample();
    while (this.nextSample < this.samples.length && this.samples[this.nextSample] <= 0) this.nextSample++;
  }

  /** `'running'` until the run ends. */
  get status(): SolveStatus | 'running' { return this.statusValue; }
  /** Rescaled time τ. */
  get t(): number { return this.tau; }
  /** Fraction τ/tauEnd. */
  get fraction(): number { return this.tau / this.tauEnd; }
  /** Physical time t(τ). */
  get physicalTime(): number { return this.y[this.size + this.d + 1]; }
  /** The current field û (a view: copy to keep). */
  get u(): Vec { return this.yField; }
  /** The current log λ_i (a view). */
  get logLambda(): Vec { return this.y.subarray(this.size, this.size + this.d); }
  /** The current log Ĉ_u. */
  get logAmplitude(): number { return this.y[this.size + this.d]; }
  /** The modulation constants at the current state (a view). */
  get modulations(): Vec { return this.cFirst; }

  /** `c0` = c_u, reported to `onProgress`. */
  progressExtras(): Record<string, number> {
    this.extras.c0 = this.cFirst[0];
    return this.extras;
  }

  /** End the run now (status other than `'running'`). */
  stop(status: SolveStatus, message: string): void {
    if (this.statusValue === 'running') this.end(status, message);
  }

  /** Take one accepted step (rejected attempts included); false once the run has ended. */
  step(): boolean {
    if (this.statusValue !== 'running') return false;
    if (this.tau >= this.tauEnd) { this.end('success', ''); return false; }
    const { size, d, scheme, y, yNew, E, I, lambdas, model } = this;
    const dim = y.length;
    for (;;) {
      if (this.stats.nsteps >= this.maxSteps) { this.end('maxSteps', `maxSteps = ${this.maxSteps} reached`); return false; }
      this.stats.nsteps++;
      this.scaleValues(y);
      let kMax = this.cfl * model.advectiveStepBound(this.cFirst);
      if (scheme.implicitA === null) kMax = Math.min(kMax, this.cfl * model.diffusiveStepBound(lambdas));
      let k = this.k;
      if (this.dt > 0) k = this.dt;
      else if (!this.adaptive) k = kMax;
      else {
        if (k === 0) k = Math.min(kMax, 1e-4, this.tauEnd);
        k = Math.min(k, kMax);
      }
      this.k = k;
      if (!(k > 0) || !Number.isFinite(k)) { this.end('diverged', `step size ${k} is not positive`); return false; }
      const target = this.nextSample < this.samples.length ? this.samples[this.nextSample] : this.tauEnd;
      let kStep = k;
      let hitsTarget = false;
      if (this.tau + kStep >= target * (1 - 1e-12) || target - (this.tau + kStep) < 1e-8 * kStep) { kStep = target - this.tau; hitsTarget = true; }
      if (kStep < 1e-14 * Math.max(1, this.tau)) { this.end('diverged', `step size underflow at τ = ${this.tau}`); return false; }

      if (!this.stages(kStep)) { this.end('diverged', `the normalization system became singular near τ = ${this.tau}`); return false; }

      // combination and error estimate
      additiveRkCombination(scheme, kStep, y, E, I, size, yNew);
      if (this.adaptive) {
        const err = this.errorNorm(kStep);
        if (!(err <= 1)) {
          this.stats.nreject++;
          this.k = kStep * this.controller.reject(err);
          continue;
        }
        const factor = this.controller.accept(err);
        this.k = hitsTarget ? Math.max(this.k, kStep * factor) : kStep * factor;
      }
      for (let q = 0; q < dim; q++) {
        if (!Number.isFinite(yNew[q])) { this.end('nonFinite', `non-finite state after the step from τ = ${this.tau}`); return false; }
      }
      y.set(yNew);
      this.tau = hitsTarget ? target : this.tau + kStep;
      this.stats.naccept++;
      if (!this.evaluateStage(y, this.yField, 0, true)) { this.end('diverged', `the normalization system became singular at τ = ${this.tau}`); return false; }
      this.scaleValues(y);
      for (let i = 0; i < d; i++) {
        if (lambdas[i] > this.lambdaMax) { this.end('diverged', `λ exceeded lambdaMax = ${this.lambdaMax} at τ = ${this.tau}: the diffusion wins (no self-similar blowup)`); return false; }
      }
      if (model.inRegime !== undefined && !model.inRegime(this.yField, lambdas)) { this.end('diverged', `the solution left the self-similar regime at τ = ${this.tau}`); return false; }
      if (hitsTarget && this.nextSample < this.samples.length && target === this.samples[this.nextSample]) {
        this.nextSample++;
        if (this.tau < this.tauEnd) this.sample();
      }
      if (this.tau >= this.tauEnd) this.end('success', '');
      return true;
    }
  }

  /** The result so far (final once `status` is not `'running'`). */
  result(): RescaledRunResult {
    const { size, d, y } = this;
    const final = {
      tau: this.tau,
      u: y.slice(0, size),
      logLambda: y.slice(size, size + d),
      logAmplitude: y[size + d],
      t: y[size + d + 1],
      c: Float64Array.from(this.cFirst),
    };
    const st = this.statusValue === 'running' ? 'aborted' : this.statusValue;
    const message = this.statusValue === 'running' ? `still running at τ = ${this.tau}` : this.messageValue;
    return {
      status: st,
      message,
      stats: { ...this.stats, steps: this.stats.naccept, rejected: this.stats.nreject, stages: this.stats.nfev },
      final,
      saved: this.saved.slice(),
      history: { tau: this.history.tau.slice(), t: this.history.t.slice(), logAmplitude: this.history.logAmplitude.slice(), c0: this.history.c0.slice() },
      ...final,
    };
  }

  private end(status: SolveStatus, message: string): void {
    this.statusValue = status;
    this.messageValue = message;
    this.sample();
  }

  /** Stages 1..S−1 of a step of size kStep (stage 0 = the current state, already evaluated). */
  private stages(kStep: number): boolean {
    const { size, scheme, y, stageY, stageField, E, I, lambdas, model } = this;
    const dim = y.length;
    const S = scheme.b.length;
    for (let s = 1; s < S; s++) {
      const Ae = scheme.explicitA[s];
      stageY.set(y);
      for (let j = 0; j < s; j++) {
        const a = kStep * Ae[j];
        if (a !== 0) { const ej = E[j]; for (let q = 0; q < dim; q++) stageY[q] += a * ej[q]; }
      }
      let ok: boolean;
      if (scheme.implicitA === null) {
        for (let j = 0; j < s; j++) {
          const a = kStep * Ae[j];
          if (a !== 0) { const ij = I[j]; for (let q = 0; q < size; q++) stageY[q] += a * ij[q]; }
        }
        ok = this.evaluateStage(stageY, stageField, s, true);
      } else {
        const Ai = scheme.implicitA[s];
        for (let j = 0; j < s; j++) {
          const a = kStep * Ai[j];
          if (a !== 0) { const ij = I[j]; for (let q = 0; q < size; q++) stageY[q] += a * ij[q]; }
        }
        const kGamma = kStep * Ai[s];
        const Is = I[s];
        if (model.hasDiffusion && kGamma !== 0) {
          this.scaleValues(stageY);
          Is.set(stageField);
          model.solveImplicit(kGamma, lambdas, Is, stageField);
          for (let q = 0; q < size; q++) Is[q] = (stageField[q] - Is[q]) / kGamma;
          ok = this.evaluateStage(stageY, stageField, s, false);
        } else {
          ok = this.evaluateStage(stageY, stageField, s, true);
        }
      }
      if (!ok) return false;
    }
    return true;
  }

  /** Scaled RMS norm of the embedded error estimate of the candidate `yNew`. */
  private errorNorm(kStep: number): number {
    const { size, d, scheme, y, yNew, E, I } = this;
    const dim = y.length;
    const S = scheme.b.length;
    const be = scheme.bEmbedded as readonly number[];
    const iT = size + d + 1;
    let errSq = 0;
    for (let q = 0; q < dim; q++) {
      let diff = 0;
      for (let s = 0; s < S; s++) diff += (scheme.b[s] - be[s]) * (q < size ? E[s][q] + I[s][q] : E[s][q]);
      diff *= kStep;
      const magnitude = q < size || q === iT ? Math.max(Math.abs(y[q]), Math.abs(yNew[q])) : 1;
      const sc = this.atol + this.rtol * magnitude;
      errSq += (diff / sc) * (diff / sc);
    }
    return Math.sqrt(errSq / dim);
  }

  /**
   * Stage evaluation at `state` whose field part is the view `u` (already final): fills E[s]
   * (and I[s] when explicit).
   */
  private evaluateStage(state: Vec, u: Vec, s: number, explicitDiffusion: boolean): boolean {
    const { size, d, P, model, lambdas, fields, reaction, c, cFirst, rates } = this;
    this.stats.nfev++;
    this.scaleValues(state);
    model.evaluate(u, lambdas, fields, reaction, explicitDiffusion && model.hasDiffusion ? this.I[s] : null);
    if (!model.hasDiffusion && explicitDiffusion) this.I[s].fill(0);
    if (this.frozen && s > 0) {
      c.set(cFirst);
    } else if (this.thesis) {
      (model.thesisModulations as NonNullable<RescalingModel['thesisModulations']>)(u, lambdas, c);
    } else if (!solveNormalization(this.normalization, fields, reaction, this.I[s], P, this.system, this.ell, c)) {
      return false;
    }
    if (s === 0) cFirst.set(c);
    const e = this.E[s];
    const g0 = fields[0];
    for (let j = 0; j < size; j++) e[j] = c[0] * g0[j] + reaction[j];
    for (let p = 1; p < P; p++) {
      const cp = c[p];
      const gp = fields[p];
      for (let j = 0; j < size; j++) e[j] += cp * gp[j];
    }
    scaleRates(model, c, rates, lambdas);
    for (let i = 0; i < d; i++) e[size + i] = rates[i];
    e[size + d] = c[0];
    e[size + d + 1] = Math.exp(state[size + d]);
    for (let p = 0; p < P; p++) if (!Number.isFinite(c[p])) return false;
    return true;
  }

  /** `lambdas ← λ` from the stored scale variables of `state` (default `exp`; a model may map them itself). */
  private scaleValues(state: Vec): void {
    const { size, d, lambdas, model } = this;
    if (model.scaleValues !== undefined) { model.scaleValues(state, size, lambdas); return; }
    for (let i = 0; i < d; i++) lambdas[i] = Math.exp(state[size + i]);
  }

  /** Record the history, the saved state (at a `saveAt` time) and call `onSample`. */
  private sample(): void {
    const { size, d, y } = this;
    const tau = this.tau;
    const h = this.history;
    if (h.tau.length > 0 && h.tau[h.tau.length - 1] === tau) return;
    h.tau.push(tau); h.t.push(y[size + d + 1]); h.logAmplitude.push(y[size + d]); h.c0.push(this.cFirst[0]);
    const j = this.saved.length;
    if (j < this.saveTimes.length && this.saveTimes[j] === tau) this.saved.push({ t: tau, state: y.slice(0, size) });
    if (this.problem.onSample === undefined) return;
    this.normalization(this.yField, this.invariants);
    this.problem.onSample({ tau, u: this.yField, logLambda: y.subarray(size, size + d), logAmplitude: y[size + d], t: y[size + d + 1], c: this.cFirst, invariants: this.invariants, steps: this.stats.naccept });
  }
}

/**
 * Validate and set up a dynamic-rescaling run without stepping it (thesis §2.4; the scheme of
 * `driver.ts`). The returned {@link RescaledStepper} is advanced with `step()`; `drive(stepper,
 * runOptions)` runs it to the end exactly as `runRescaled(model, options, runOptions)` does.
 * `runOptions.saveAt` are rescaled times τ in [0, tauEnd] (strictly increasing). O(stages·size) memory.
 *
 * @example
 * ```ts
 * const run = initRescaled(radialHeatModel(grid, { dim: 1 }), { u0, logLambda0: [0], tauEnd: 20 });
 * while (run.step()) { if (run.t > 5) run.cfl = 1; }
 * run.result().status; // 'success'
 * ```
 */
export function initRescaled(model: RescalingModel, options: RescaledRunOptions, runOptions: RunOptions = {}): RescaledStepper {
  return new RescaledStepper(model, options, runOptions);
}

/** The union of two strictly increasing time lists, strictly increasing. */
function mergeTimes(a: Float64Array, b: Float64Array): Float64Array {
  const out: number[] = [];
  let i = 0, j = 0;
  while (i < a.length || j < b.length) {
    const v = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (out.length === 0 || v > out[out.length - 1]) out.push(v);
  }
  return Float64Array.from(out);
}
