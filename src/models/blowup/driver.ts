/**
 * The dynamic-rescaling driver (thesis §2.4, spec §3.1): advances the augmented state
 * `(û, log λ_1..log λ_d, log Ĉ_u, t)` of a rescaled equation
 *
 *     û_τ = Σ_p c_p G_p(û) + N(û) + Σ_i λ_i D_i û,     (★, thesis (2.2.5) L1650–1658)
 *     (log λ_i)_τ = c_u + 2c_l^i,   (log Ĉ_u)_τ = c_u,   t_τ = Ĉ_u = exp(log Ĉ_u),
 *
 * with one Runge–Kutta method, recomputing the modulation constants `c = (c_u, c_l^1, …)` at
 * every stage from the normalisation conditions ℓ_q(û_τ) = 0 (q = 0..P−1).
 *
 * **Discrete-consistent normalisation** (default): at stage i the constants solve the P×P system
 * `Σ_p c_p ℓ_q(G_p(Y_i)) = −ℓ_q(N(Y_i)) − ℓ_q(I_i)`, where I_i is the diffusion increment the
 * scheme actually adds at that stage (for an implicit stage `I_i = (Y_i − X_i)/(kγ)`, X_i the
 * explicit predictor). Since the explicit and implicit parts share the weights b,
 * `ℓ_q(y_{n+1}) = ℓ_q(y_n) + k Σ_i b_i (ℓ_q(E_i) + ℓ_q(I_i)) = ℓ_q(y_n)`: the normalised values
 * (û(0), (D2û)(0), …) are preserved to round-off for any step size. **Thesis normalisation**
 * (`'thesis'`): the model's closed formulas (thesis L2484–2490, L2539–2560) at each stage.
 * **Frozen** modulation: c from the first stage reused in all stages (the sequential update the
 * thesis text suggests, L2504); invariants then hold only to first order in k.
 *
 * Steps: explicit schemes use `k = cfl·min(advective bound, diffusive bound)`; IMEX schemes use
 * an embedded error estimate (I-controller) capped by `cfl·advective bound`. Cost per step:
 * `stages × (one model.evaluate + P+2 functionals + one implicit solve)`.
 *
 * ## Adding a model
 * Implement {@link RescalingModel} (field layout, G_p, N, D, ℓ_q, step bounds) and call
 * {@link runRescaled}. See docs/blowup.md, "How to add a new model to the driver".
 *
 * @module
 */
import { checkFinite, checkInteger, checkOneOf, checkPositive, checkVec } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { RunWatch, type LongRunOptions } from '../../core/progress';
import type { SolveStatus } from '../../core/status';
import type { Vec } from '../../core/types';
import { ark3Imex, rk4Explicit, type RescalingScheme } from './schemes';

/**
 * A rescaled model the driver can advance. Field length `size`; `directions` scale factors λ_i;
 * `modulations` constants c_p (c_0 = c_u; c_i = c_l^i for i = 1..directions in the heat family).
 *
 * @example
 * ```ts
 * const model = radialHeatModel(grid, { dim: 1 }); // implements RescalingModel
 * const run = runRescaled(model, { u0, logLambda0: [0], logAmplitude0: 0, tauEnd: 10 });
 * ```
 */
export interface RescalingModel {
  /** Length of the discrete field û. */
  readonly size: number;
  /** Number d of scale factors λ_i (1 in 1D and radial nD, 2 for the 2-D tensor model). */
  readonly directions: number;
  /** Number P of modulation constants = number of normalisation functionals. */
  readonly modulations: number;
  /** False when the model has no diffusion (Riccati toy): no implicit solves are made. */
  readonly hasDiffusion: boolean;
  /**
   * Explicit terms at the field `u` with scale factors `lambdas`: `fields[p] ← G_p(u)`
   * (e.g. `û` for c_u and `−z_i∂_iû` for c_l^i), `reaction ← N(u)` (e.g. `û²`) and, when
   * `diffusion` is non-null, `diffusion ← Σ_i λ_i D_i u`. Entries at nodes where no equation is
   * imposed (outflow boundary) must be 0 in every output. No allocation.
   */
  evaluate(u: Vec, lambdas: Vec, fields: Vec[], reaction: Vec, diffusion: Vec | null): void;
  /**
   * `out ← (I − kGamma·Σ_i λ_i D_i)⁻¹ rhs` (the same D_i as in `evaluate`; approximate
   * factorisations are allowed, the invariants stay exact). Rows without an equation: `out = rhs`.
   */
  solveImplicit(kGamma: number, lambdas: Vec, rhs: Vec, out: Vec): void;
  /** The P linear normalisation functionals: `out[q] ← ℓ_q(f)`. */
  normalisation(f: Vec, out: Vec): void;
  /** Optional closed-form (thesis) modulation formulas: `out ← c(u, λ)`. */
  thesisModulations?(u: Vec, lambdas: Vec, out: Vec): void;
  /** Largest stable step for the transport part, given the modulation constants (∞ if none). */
  advectiveStepBound(c: Vec): number;
  /** Largest stable step for an explicit diffusion, given λ (∞ without diffusion). */
  diffusiveStepBound(lambdas: Vec): number;
  /** Optional: `(log λ_i)_τ` from c (default `c_0 + 2c_i`, the parabolic scaling of (★)). */
  scaleRates?(c: Vec, out: Vec): void;
  /** Optional: false when the field has left the self-similar regime (ends the run with `'diverged'`). */
  inRegime?(u: Vec, lambdas: Vec): boolean;
}

/** How the modulation constants are obtained at each stage (see the module doc). */
export type NormalisationMode = 'discrete' | 'thesis';
/** `'augmented'`: c recomputed at every stage; `'frozen'`: c of the first stage for the whole step. */
export type ModulationUpdate = 'augmented' | 'frozen';

/** A read-only view of the driver's state passed to `onSample`. */
export interface RescaledState {
  /** Rescaled time τ. */
  tau: number;
  /** The field û (a view into the driver's storage: copy it to keep it). */
  u: Vec;
  /** log λ_i. */
  logLambda: Vec;
  /** log Ĉ_u. */
  logAmplitude: number;
  /** Physical time t(τ) = ∫₀^τ Ĉ_u. */
  t: number;
  /** Modulation constants at this state (c_u, c_l^1, …). */
  c: Vec;
  /** Normalisation functionals ℓ_q(û) at this state. */
  invariants: Vec;
  /** Accepted steps so far. */
  steps: number;
}

/**
 * Step control shared by {@link runRescaled} and the high-level solvers built on it
 * (`heatBlowup1D`, `heatBlowupRadial`, `heatBlowup2D`).
 */
export interface RescaledStepControls {
  /** Normalisation (default `'discrete'`). */
  normalisation?: NormalisationMode;
  /** Modulation update within a step (default `'augmented'`). */
  modulation?: ModulationUpdate;
  /** Fraction of the stability bounds used (default 0.4 for explicit schemes — stable; 0.6 is not — and 1.4 for IMEX, whose explicit part is unstable on the spline advection above ≈ 1.55). */
  cfl?: number;
  /** Fixed step (overrides the step rule and the error control; still shortened to hit sample times). */
  dt?: number;
  /** Relative tolerance of the embedded error control (default 1e-6). */
  rtol?: number;
  /** Absolute tolerance of the embedded error control (default 1e-9). */
  atol?: number;
  /** Maximum number of attempted steps (default 1e7). */
  maxSteps?: number;
  /** Rescaled times (increasing, in (0, tauEnd]) at which `onSample` is called; τ = 0 and τ = tauEnd always are. */
  sampleAt?: ArrayLike<number>;
}

/** Options of {@link runRescaled}. */
export interface RescaledRunOptions extends LongRunOptions, RescaledStepControls {
  /** Initial field (copied), length `model.size`. */
  u0: Vec;
  /** Initial log λ_i (length `model.directions`). */
  logLambda0: ArrayLike<number>;
  /** Initial log Ĉ_u (default 0). */
  logAmplitude0?: number;
  /** Final rescaled time τ > 0. */
  tauEnd: number;
  /** Scheme: `'imex'` (ARK3(2)4L[2]SA, default when the model has diffusion), `'rk4'`, or a tableau. */
  scheme?: 'imex' | 'rk4' | RescalingScheme;
  /** Called at τ = 0, at each `sampleAt` time and at the end (also when the run stops early). */
  onSample?: (state: RescaledState) => void;
  /** `'diverged'` when some λ_i exceeds this (the diffusion wins: no blowup); default 1e8. */
  lambdaMax?: number;
}

/** Result of {@link runRescaled}. */
export interface RescaledRunResult {
  /** `'success'`, or why the run stopped early (`'diverged'`: left the self-similar regime). */
  status: SolveStatus;
  /** Final τ reached. */
  tau: number;
  /** Final field (copy). */
  u: Vec;
  /** Final log λ_i. */
  logLambda: Vec;
  /** Final log Ĉ_u. */
  logAmplitude: number;
  /** Final physical time t(τ). */
  t: number;
  /** Modulation constants at the final state. */
  c: Vec;
  /** Accepted and rejected steps, and stage evaluations. */
  stats: {
    /** Accepted steps. */
    steps: number;
    /** Steps rejected by the adaptive error control (0 with a fixed step). */
    rejected: number;
    /** Stage evaluations (model and modulation constants), rejected steps included. */
    stages: number;
  };
  /** Reason for an early stop (empty on success). */
  message: string;
}

/**
 * Advance a {@link RescalingModel} from τ = 0 to `tauEnd` (see the module doc for the scheme).
 * Invalid options throw `InvalidArgumentError`/`InvalidTypeError` before any work; problems met
 * during the run are reported through `status`. Memory O(stages·size).
 *
 * @example
 * ```ts
 * const model = radialHeatModel(mappedGrid(sinhMap({ length: 1e5 }), 300, { symmetry: 'even' }), { dim: 1 });
 * const run = runRescaled(model, { u0, logLambda0: [0], tauEnd: 100, onSample: (s) => console.log(s.tau, s.c[0]) });
 * run.status; run.t; // 'success', physical time reached
 * ```
 */
export function runRescaled(model: RescalingModel, options: RescaledRunOptions): RescaledRunResult {
  const size = checkInteger('model.size', model.size, 1);
  const d = checkInteger('model.directions', model.directions, 0);
  const P = checkInteger('model.modulations', model.modulations, 1);
  const u0 = checkVec('options.u0', options.u0, size);
  for (let i = 0; i < size; i++) checkFinite(`options.u0[${i}]`, u0[i]);
  if (options.logLambda0 === undefined || options.logLambda0.length !== d) throw new InvalidTypeError('options.logLambda0', `an array of length ${d}`, options.logLambda0);
  for (let i = 0; i < d; i++) checkFinite(`options.logLambda0[${i}]`, options.logLambda0[i]);
  const logAmplitude0 = checkFinite('options.logAmplitude0', options.logAmplitude0 ?? 0);
  const tauEnd = checkPositive('options.tauEnd', options.tauEnd);
  const scheme = resolveScheme(options.scheme, model.hasDiffusion);
  const normalisation = checkOneOf('options.normalisation', options.normalisation ?? 'discrete', ['discrete', 'thesis'] as const);
  if (normalisation === 'thesis' && typeof model.thesisModulations !== 'function') throw new InvalidArgumentError('options.normalisation', "'discrete' (the model has no thesis formulas)", 'thesis');
  const frozen = checkOneOf('options.modulation', options.modulation ?? 'augmented', ['augmented', 'frozen'] as const) === 'frozen';
  const adaptive = scheme.bEmbedded !== null && options.dt === undefined;
  const cfl = checkPositive('options.cfl', options.cfl ?? (scheme.implicitA === null ? 0.4 : 1.4));
  const fixedDt = options.dt === undefined ? 0 : checkPositive('options.dt', options.dt);
  const rtol = checkPositive('options.rtol', options.rtol ?? 1e-6);
  const atol = checkPositive('options.atol', options.atol ?? 1e-9);
  const maxSteps = checkInteger('options.maxSteps', options.maxSteps ?? 1e7, 1);
  const lambdaMax = checkPositive('options.lambdaMax', options.lambdaMax ?? 1e8);
  const samples = resolveSamples(options.sampleAt, tauEnd);

  const dim = size + d + 2;
  const S = scheme.b.length;
  const iLogCu = size + d;
  const iT = size + d + 1;
  const y = new Float64Array(dim);
  y.set(u0);
  for (let i = 0; i < d; i++) y[size + i] = options.logLambda0[i];
  y[iLogCu] = logAmplitude0;
  const E = Array.from({ length: S }, () => new Float64Array(dim));
  const I = Array.from({ length: S }, () => new Float64Array(size));
  const stageY = new Float64Array(dim);
  const yField = y.subarray(0, size);
  const stageField = stageY.subarray(0, size);
  const yNew = new Float64Array(dim);
  const fields = Array.from({ length: P }, () => new Float64Array(size));
  const reaction = new Float64Array(size);
  const lambdas = new Float64Array(d);
  const c = new Float64Array(P);
  const cFirst = new Float64Array(P);
  const rates = new Float64Array(d);
  const system = new Float64Array(P * (P + 1));
  const ell = new Float64Array(P);
  const invariants = new Float64Array(P);
  const watch = new RunWatch(options);
  const progressExtra = { c0: 0 };

  let tau = 0;
  let k = fixedDt;
  let steps = 0;
  let rejected = 0;
  let stageCount = 0;
  let status: SolveStatus = 'success';
  let message = '';
  let nextSample = 0;

  /**
   * Stage evaluation at state `state` whose field part is the view `u` (already final): fills E[s]
   * (and I[s] when explicit).
   */
  const evaluateStage = (state: Vec, u: Vec, s: number, explicitDiffusion: boolean): boolean => {
    stageCount++;
    for (let i = 0; i < d; i++) lambdas[i] = Math.exp(state[size + i]);
    model.evaluate(u, lambdas, fields, reaction, explicitDiffusion && model.hasDiffusion ? I[s] : null);
    if (!model.hasDiffusion && explicitDiffusion) I[s].fill(0);
    if (frozen && s > 0) {
      c.set(cFirst);
    } else if (normalisation === 'thesis') {
      (model.thesisModulations as NonNullable<RescalingModel['thesisModulations']>)(u, lambdas, c);
    } else if (!solveNormalisation(model, fields, reaction, I[s], P, system, ell, c)) {
      return false;
    }
    if (s === 0) cFirst.set(c);
    const e = E[s];
    const g0 = fields[0];
    for (let j = 0; j < size; j++) e[j] = c[0] * g0[j] + reaction[j];
    for (let p = 1; p < P; p++) {
      const cp = c[p];
      const gp = fields[p];
      for (let j = 0; j < size; j++) e[j] += cp * gp[j];
    }
    scaleRates(model, c, rates);
    for (let i = 0; i < d; i++) e[size + i] = rates[i];
    e[iLogCu] = c[0];
    e[iT] = Math.exp(state[iLogCu]);
    for (let p = 0; p < P; p++) if (!Number.isFinite(c[p])) return false;
    return true;
  };

  const sample = (): void => {
    if (options.onSample === undefined) return;
    model.normalisation(yField, invariants);
    options.onSample({ tau, u: y.subarray(0, size), logLambda: y.subarray(size, size + d), logAmplitude: y[iLogCu], t: y[iT], c: cFirst, invariants, steps });
  };

  if (!evaluateStage(y, yField, 0, true)) {
    return finish('diverged', 'the normalisation system is singular at τ = 0');
  }
  sample();
  while (nextSample < samples.length && samples[nextSample] <= 0) nextSample++;
  let attempts = 0;
  while (tau < tauEnd) {
    if (attempts >= maxSteps) { status = 'maxSteps'; message = `maxSteps = ${maxSteps} reached`; break; }
    attempts++;
    for (let i = 0; i < d; i++) lambdas[i] = Math.exp(y[size + i]);
    const advective = model.advectiveStepBound(cFirst);
    let kMax = cfl * advective;
    if (scheme.implicitA === null) kMax = Math.min(kMax, cfl * model.diffusiveStepBound(lambdas));
    if (fixedDt > 0) k = fixedDt;
    else if (!adaptive) k = kMax;
    else {
      if (k === 0) k = Math.min(kMax, 1e-4, tauEnd);
      k = Math.min(k, kMax);
    }
    if (!(k > 0) || !Number.isFinite(k)) { status = 'diverged'; message = `step size ${k} is not positive`; break; }
    const target = nextSample < samples.length ? samples[nextSample] : tauEnd;
    let kStep = k;
    let hitsTarget = false;
    if (tau + kStep >= target * (1 - 1e-12) || target - (tau + kStep) < 1e-8 * kStep) { kStep = target - tau; hitsTarget = true; }
    if (kStep < 1e-14 * Math.max(1, tau)) { status = 'diverged'; message = `step size underflow at τ = ${tau}`; break; }

    // stages 1..S−1 (stage 0 = current state, already evaluated)
    let ok = true;
    for (let s = 1; s < S && ok; s++) {
      const Ae = scheme.explicitA[s];
      stageY.set(y);
      for (let j = 0; j < s; j++) {
        const a = kStep * Ae[j];
        if (a !== 0) { const ej = E[j]; for (let q = 0; q < dim; q++) stageY[q] += a * ej[q]; }
      }
      if (scheme.implicitA === null) {
        for (let j = 0; j < s; j++) {
          const a = kStep * Ae[j];
          if (a !== 0) { const ij = I[j]; for (let q = 0; q < size; q++) stageY[q] += a * ij[q]; }
        }
        ok = evaluateStage(stageY, stageField, s, true);
      } else {
        const Ai = scheme.implicitA[s];
        for (let j = 0; j < s; j++) {
          const a = kStep * Ai[j];
          if (a !== 0) { const ij = I[j]; for (let q = 0; q < size; q++) stageY[q] += a * ij[q]; }
        }
        const kGamma = kStep * Ai[s];
        const Is = I[s];
        if (model.hasDiffusion && kGamma !== 0) {
          for (let i = 0; i < d; i++) lambdas[i] = Math.exp(stageY[size + i]);
          Is.set(stageField);
          model.solveImplicit(kGamma, lambdas, Is, stageField);
          for (let q = 0; q < size; q++) Is[q] = (stageField[q] - Is[q]) / kGamma;
          ok = evaluateStage(stageY, stageField, s, false);
        } else {
          ok = evaluateStage(stageY, stageField, s, true);
        }
      }
    }
    if (!ok) { status = 'diverged'; message = `the normalisation system became singular near τ = ${tau}`; break; }

    // combination and error estimate
    yNew.set(y);
    let errSq = 0;
    for (let s = 0; s < S; s++) {
      const a = kStep * scheme.b[s];
      const es = E[s];
      const is = I[s];
      for (let q = 0; q < size; q++) yNew[q] += a * (es[q] + is[q]);
      for (let q = size; q < dim; q++) yNew[q] += a * es[q];
    }
    if (adaptive) {
      const be = scheme.bEmbedded as readonly number[];
      for (let q = 0; q < dim; q++) {
        let diff = 0;
        for (let s = 0; s < S; s++) diff += (scheme.b[s] - be[s]) * (q < size ? E[s][q] + I[s][q] : E[s][q]);
        diff *= kStep;
        const magnitude = q < size || q === iT ? Math.max(Math.abs(y[q]), Math.abs(yNew[q])) : 1;
        const sc = atol + rtol * magnitude;
        errSq += (diff / sc) * (diff / sc);
      }
      const err = Math.sqrt(errSq / dim);
      const factor = err === 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(err, -1 / scheme.order)));
      if (!(err <= 1)) {
        rejected++;
        k = kStep * Math.min(factor, 0.9);
        if (!Number.isFinite(err)) k = kStep * 0.25;
        continue;
      }
      k = hitsTarget ? Math.max(k, kStep * factor) : kStep * factor;
    }
    let finite = true;
    for (let q = 0; q < dim; q++) if (!Number.isFinite(yNew[q])) { finite = false; break; }
    if (!finite) { status = 'nonFinite'; message = `non-finite state after the step from τ = ${tau}`; break; }
    y.set(yNew);
    tau = hitsTarget ? target : tau + kStep;
    steps++;
    if (!evaluateStage(y, yField, 0, true)) { status = 'diverged'; message = `the normalisation system became singular at τ = ${tau}`; break; }
    for (let i = 0; i < d; i++) lambdas[i] = Math.exp(y[size + i]);
    let lambdaTooLarge = false;
    for (let i = 0; i < d; i++) if (lambdas[i] > lambdaMax) lambdaTooLarge = true;
    if (lambdaTooLarge) { status = 'diverged'; message = `λ exceeded lambdaMax = ${lambdaMax} at τ = ${tau}: the diffusion wins (no self-similar blowup)`; break; }
    if (model.inRegime !== undefined && !model.inRegime(yField, lambdas)) { status = 'diverged'; message = `the solution left the self-similar regime at τ = ${tau}`; break; }
    if (hitsTarget && nextSample < samples.length && target === samples[nextSample]) {
      nextSample++;
      if (tau < tauEnd) sample();
    }
    progressExtra.c0 = cFirst[0];
    if (watch.aborted || watch.tick(steps, tau / tauEnd, tau, progressExtra)) { if (tau < tauEnd) { status = 'aborted'; message = 'aborted by the signal'; } break; }
  }
  return finish(status, message);

  function finish(st: SolveStatus, msg: string): RescaledRunResult {
    sample();
    watch.finish(steps, tau / tauEnd, tau);
    return {
      status: st,
      tau,
      u: y.slice(0, size),
      logLambda: y.slice(size, size + d),
      logAmplitude: y[iLogCu],
      t: y[iT],
      c: Float64Array.from(cFirst),
      stats: { steps, rejected, stages: stageCount },
      message: msg,
    };
  }
}

function resolveScheme(scheme: RescaledRunOptions['scheme'], hasDiffusion: boolean): RescalingScheme {
  if (scheme === undefined) return hasDiffusion ? ark3Imex : rk4Explicit;
  if (scheme === 'imex') return ark3Imex;
  if (scheme === 'rk4') return rk4Explicit;
  if (typeof scheme === 'object' && scheme !== null && Array.isArray(scheme.b) && Array.isArray(scheme.explicitA)) return scheme;
  throw new InvalidArgumentError('options.scheme', "'imex', 'rk4' or a RescalingScheme", scheme);
}

function resolveSamples(sampleAt: ArrayLike<number> | undefined, tauEnd: number): Float64Array {
  if (sampleAt === undefined) return new Float64Array(0);
  const out = new Float64Array(sampleAt.length);
  for (let i = 0; i < sampleAt.length; i++) {
    const v = checkFinite(`options.sampleAt[${i}]`, sampleAt[i]);
    if (v < 0 || v > tauEnd || (i > 0 && !(v > out[i - 1]))) throw new InvalidArgumentError('options.sampleAt', 'strictly increasing times in [0, tauEnd]', v);
    out[i] = v;
  }
  return out;
}

function scaleRates(model: RescalingModel, c: Vec, out: Vec): void {
  if (model.scaleRates !== undefined) { model.scaleRates(c, out); return; }
  for (let i = 0; i < out.length; i++) out[i] = c[0] + 2 * c[1 + i];
}

/**
 * Solve `Σ_p c_p ℓ_q(G_p) = −ℓ_q(N) − ℓ_q(I)` (P×P, Gaussian elimination with partial pivoting).
 * Returns false when the system is singular.
 */
function solveNormalisation(model: RescalingModel, fields: Vec[], reaction: Vec, diffusion: Vec, P: number, A: Vec, ell: Vec, c: Vec): boolean {
  const w = P + 1;
  for (let p = 0; p < P; p++) {
    model.normalisation(fields[p], ell);
    for (let q = 0; q < P; q++) A[q * w + p] = ell[q];
  }
  model.normalisation(reaction, ell);
  for (let q = 0; q < P; q++) A[q * w + P] = -ell[q];
  model.normalisation(diffusion, ell);
  for (let q = 0; q < P; q++) A[q * w + P] -= ell[q];
  for (let col = 0; col < P; col++) {
    let piv = col;
    for (let r = col + 1; r < P; r++) if (Math.abs(A[r * w + col]) > Math.abs(A[piv * w + col])) piv = r;
    const big = Math.abs(A[piv * w + col]);
    if (!(big > 0) || !Number.isFinite(big)) return false;
    if (piv !== col) for (let t = 0; t < w; t++) { const tmp = A[col * w + t]; A[col * w + t] = A[piv * w + t]; A[piv * w + t] = tmp; }
    for (let r = col + 1; r < P; r++) {
      const f = A[r * w + col] / A[col * w + col];
      if (f !== 0) for (let t = col; t < w; t++) A[r * w + t] -= f * A[col * w + t];
    }
  }
  for (let r = P - 1; r >= 0; r--) {
    let acc = A[r * w + P];
    for (let t = r + 1; t < P; t++) acc -= A[r * w + t] * c[t];
    c[r] = acc / A[r * w + r];
  }
  return true;
}
