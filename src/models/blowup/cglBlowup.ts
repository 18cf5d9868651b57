/**
 * Blowup of the 1-D complex Ginzburg–Landau equation by modulated dynamic rescaling (thesis
 * §1.1.2, L829–927; model in `cglModel.ts`), with the diagnostics along τ: the modulation rates,
 * the analogue of the heat laws `Qτ` (the eigenvalue of Q·τ in 1-D), H, the phase rate at the
 * origin, the distance to the Masmoudi–Zaag candidate profile, and the blowup time `T = t(∞)`.
 *
 * **Masmoudi–Zaag candidate** (Masmoudi & Zaag 2008, as quoted in the spec; checked here, not
 * assumed): `ψ ≈ (T−t)^{−(1+iδ)/(p−1)}(p−1 + b|ξ|²)^{−(1+iδ)/(p−1)}` up to a constant phase and the
 * `|log(T−t)|^{−iμ̃}` factor, `ξ = x/√((T−t)|log(T−t)|)`, `b = (p−1)²/(4(p − δ² − βδ(p+1)))`. In the
 * normalized variables (U(0) = u₀, U_zz(0) = u₂ fixed) its amplitude is `u₀(1 + αz²)^{−1/(p−1)}`,
 * `α = −(p−1)u₂/(2u₀)`, and matching `H^{p−1} = (p−1)u₀^{p−1}(T−t)`, `R² ∝ (T−t)|log(T−t)|` gives the
 * law **`Qτ → b·u₀^{p−1}/α`** (= 1 for the heat equation, b = 1/8, u₀ = 1, u₂ = −¼): the prediction the
 * runs test.
 *
 * @module
 */
import { checkFinite, checkInteger, checkPositive, checkVec } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { checkRunOptions, type RunOptions, type RunResult, type RunStats } from '../../core/run';
import type { Vec } from '../../core/types';
import { runRescaled, type RescaledState, type RescaledStepControls } from './driver';
import { cglModel, mirroredNodes, resolveCglParameters, type CglParameters, type CglResolvedParameters } from './cglModel';
import { resolveHeatGrid } from './heatRunSetup';
import type { Grid1D } from '../../grid/grid1d';

/** A half grid on [0, L] starting at 0 (mirrored to [−L, L]), or sinh-map parameters. */
export type CglGridSpec = Grid1D | {
  /** Half-grid nodes (≥ 8; default 300). */
  n?: number;
  /** Half length L (default 1e5). */
  length?: number;
  /** Sinh-map scale A (default 1). */
  scale?: number;
};

/** Complex initial data as two real functions of z. */
export interface CglComplexData {
  /** Re Ψ(z, 0). */
  re: (z: number) => number;
  /** Im Ψ(z, 0) (must vanish at z = 0). */
  im: (z: number) => number;
}

/** Extra counters of {@link cglBlowup1D}. */
export interface CglBlowupStats {
  /** Steps rejected by the error control (= nreject). */
  rejectedSteps: number;
}

/** The problem of {@link cglBlowup1D}. */
export interface CglBlowupProblem extends CglParameters, RescaledStepControls {
  /** Final rescaled time τ > 0. */
  tauEnd: number;
  /** Half grid on [0, L] (mirrored to [−L, L]) or sinh-map parameters (default n = 300, length 1e5, scale 1). */
  grid?: CglGridSpec;
  /** Initial rescaled data Ψ(z, 0): a real function, a pair of functions `{ re, im }`, or values `[Re…, Im…]` on the mirrored nodes (default the heat data `(1 + z²/8 + z⁴/10)⁻¹`). */
  initialData?: ((z: number) => number) | CglComplexData | Vec;
  /** H(0)^{p−1} = Ĉ(0) > 0 (default 1); physical data `ψ(x,0) = Ψ(x/R(0), 0)/H(0)`. */
  amplitudeScale?: number;
  /** R(0) > 0 (default 1); Q(0) = H(0)^{p−1}/R(0)². */
  lengthScale?: number;
  /** `'imex'` (default) or `'rk4'`. */
  scheme?: 'imex' | 'rk4';
  /** 'diverged' when Q exceeds this (diffusion wins; default 1e8). */
  lambdaMax?: number;
}

/** Diagnostics along τ (one entry per sample). */
export interface CglBlowupHistory {
  /** τ. */
  tau: Vec;
  /** c₀ = (p−1)H_τ/H (→ −1). */
  c0: Vec;
  /** c_l = −R_τ/R (→ ½). */
  cl: Vec;
  /** c_v = V_τ/R (→ 0 for even data). */
  cv: Vec;
  /** c_θ: the gauge rate; the phase at the origin turns at −c_θ relative to θ(V,t) (→ −δ/(p−1)). */
  ctheta: Vec;
  /** Phase at the origin `Θ(0,τ) − Θ(0,0) = −∫₀^τ c_θ` (trapezoid rule over the samples: approximate). */
  phase: Vec;
  /** Q = H^{p−1}/R². */
  Q: Vec;
  /** Qτ (the eigenvalue of Q·τ in 1-D; → b·u₀^{p−1}/α by the Masmoudi–Zaag candidate). */
  Qtau: Vec;
  /** (c₀ + 1)τ (the analogue of the heat law (c_u + 1)τ → ¼). */
  lawU: Vec;
  /** (½ − c_l)τ (→ 5/8 for the heat equation). */
  lawL: Vec;
  /** log H. */
  logH: Vec;
  /** Physical time t(τ). */
  t: Vec;
  /** Blowup-time estimate `t + H^{p−1}/|c₀|`. */
  blowupTime: Vec;
  /** sup_z |Û − Ū|, Û = |Ψ|, Ū = u₀(1 + αz²)^{−1/(p−1)} (the normalized candidate amplitude). */
  supDiff: Vec;
  /** Re Ψ(0) (conserved). */
  u0: Vec;
  /** Im Ψ(0) (conserved, 0). */
  imag0: Vec;
  /** (D2 Re Ψ)(0) (conserved). */
  u2: Vec;
}

/** Final state of a CGL rescaled run. */
export interface CglBlowupState {
  /** τ. */
  tau: number;
  /** Re Ψ at the nodes. */
  re: Vec;
  /** Im Ψ at the nodes. */
  im: Vec;
}

/** Result of {@link cglBlowup1D}. */
export interface CglBlowupResult extends RunResult<CglBlowupState, CglBlowupState, CglBlowupStats, CglBlowupHistory> {
  /** Parameters. */
  params: CglResolvedParameters;
  /** Nodes z on [−L, L]. */
  z: Vec;
  /** Final τ. */
  tau: number;
  /** Final blowup-time estimate. */
  blowupTime: number;
  /** Final Qτ. */
  Qtau: number;
  /** The Masmoudi–Zaag prediction of lim Qτ for these data (`b·u₀^{p−1}/α`), NaN when p − δ² − βδ(p+1) ≤ 0. */
  QtauPredicted: number;
  /** b of the candidate. */
  b: number;
}

/**
 * The Masmoudi–Zaag constant `b = (p−1)²/(4(p − δ² − βδ(p+1)))` (NaN when the denominator is ≤ 0). O(1).
 * @example
 * ```ts
 * masmoudiZaagB(2, 0, 0); // 1/8
 * ```
 */
export function masmoudiZaagB(p: number, beta: number, delta: number): number {
  if (!(checkFinite('p', p) > 1)) throw new InvalidArgumentError('p', 'a finite number > 1', p);
  checkFinite('beta', beta);
  checkFinite('delta', delta);
  const den = p - delta * delta - beta * delta * (p + 1);
  if (!(den > 0)) throw new InvalidArgumentError('(p, beta, delta)', 'parameters with p − δ² − βδ(p + 1) > 0 (the Masmoudi–Zaag regime)', den);
  return ((p - 1) * (p - 1)) / (4 * den);
}

/** {@link masmoudiZaagB} where it is defined, NaN outside the Masmoudi–Zaag regime (internal). */
function masmoudiZaagBOrNaN(p: number, beta: number, delta: number): number {
  const den = p - delta * delta - beta * delta * (p + 1);
  return den > 0 ? ((p - 1) * (p - 1)) / (4 * den) : Number.NaN;
}

/**
 * Blowup of 1-D CGL by modulated dynamic rescaling (module doc). `saveAt` (second argument) are
 * rescaled times τ at which `(Re Ψ, Im Ψ)` are recorded. The history is sampled 16 times per
 * decade of τ (or at `sampleAt`).
 *
 * @throws InvalidArgumentError for p ≤ 1, non-finite parameters, a grid without the origin, Re Ψ(0,0) ≤ 0 or Im Ψ(0,0) ≠ 0
 * @example
 * ```ts
 * const r = cglBlowup1D({ beta: 0.1, delta: 0.1, tauEnd: 100 });
 * r.Qtau; r.QtauPredicted; r.blowupTime;
 * ```
 */
export function cglBlowup1D(problem: CglBlowupProblem, runOptions?: RunOptions): CglBlowupResult {
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'an object { tauEnd, … }', problem);
  const params = resolveCglParameters(problem);
  const tauEnd = checkPositive('problem.tauEnd', problem.tauEnd);
  const options = checkRunOptions(runOptions);
  const half = resolveHeatGrid(problem.grid, { n: 300, length: 1e5 });
  const z = mirroredNodes(half);
  const n = z.length;
  const model = cglModel(z, params);
  const c = model.origin;
  const u0 = resolveData(problem.initialData, z);
  if (!(u0[c] > 0)) throw new InvalidArgumentError('problem.initialData(0)', 'a positive real value at the origin', u0[c]);
  if (u0[n + c] !== 0) throw new InvalidArgumentError('problem.initialData(0)', 'real at the origin (Im Ψ(0) = 0 is the phase normalization)', u0[n + c]);
  const amplitudeScale = checkPositive('problem.amplitudeScale', problem.amplitudeScale ?? 1);
  const lengthScale = checkPositive('problem.lengthScale', problem.lengthScale ?? 1);
  const saveAt = options.saveAt === undefined ? [] : Array.from(options.saveAt, (v, i) => checkFinite(`runOptions.saveAt[${i}]`, v));
  for (let i = 0; i < saveAt.length; i++) if (!(saveAt[i] > 0 && saveAt[i] <= tauEnd) || (i > 0 && !(saveAt[i] > saveAt[i - 1]))) throw new InvalidArgumentError(`runOptions.saveAt[${i}]`, 'strictly increasing rescaled times in (0, tauEnd]', saveAt[i]);
  const base: number[] = [];
  if (problem.sampleAt !== undefined) for (let i = 0; i < problem.sampleAt.length; i++) base.push(checkFinite(`problem.sampleAt[${i}]`, problem.sampleAt[i]));
  else for (let e = -32; ; e++) { const v = Math.pow(10, e / 16); if (v >= tauEnd) break; base.push(v); }
  const samples = Array.from(new Set(base.concat(saveAt).filter((v) => v > 0 && v <= tauEnd))).sort((a, b) => a - b);

  const p = params.p;
  const b = masmoudiZaagBOrNaN(p, params.beta, params.delta);
  const rec: Record<keyof CglBlowupHistory, number[]> = { tau: [], c0: [], cl: [], cv: [], ctheta: [], phase: [], Q: [], Qtau: [], lawU: [], lawL: [], logH: [], t: [], blowupTime: [], supDiff: [], u0: [], imag0: [], u2: [] };
  const saved: { t: number; state: CglBlowupState }[] = [];
  let saveIndex = 0;
  let alpha = Number.NaN;
  let QtauPredicted = Number.NaN;
  const onSample = (s: RescaledState): void => {
    const tau = s.tau;
    const [c0, cl, cv, ct] = s.c;
    const Q = Math.exp(s.logLambda[0]);
    const a0 = s.invariants[0];
    if (Number.isNaN(alpha)) {
      alpha = (-(p - 1) * s.invariants[3]) / (2 * a0);
      QtauPredicted = (b * Math.pow(a0, p - 1)) / alpha;
    }
    let sup = 0;
    for (let i = 0; i < n; i++) {
      const mod = Math.hypot(s.u[i], s.u[n + i]);
      const bar = a0 * Math.pow(1 + alpha * z[i] * z[i], -1 / (p - 1));
      sup = Math.max(sup, Math.abs(mod - bar));
    }
    const Cp = Math.exp(s.logAmplitude);
    const k = rec.tau.length;
    rec.phase.push(k === 0 ? 0 : rec.phase[k - 1] - 0.5 * (tau - rec.tau[k - 1]) * (ct + rec.ctheta[k - 1]));
    rec.tau.push(tau); rec.c0.push(c0); rec.cl.push(cl); rec.cv.push(cv); rec.ctheta.push(ct);
    rec.Q.push(Q); rec.Qtau.push(Q * tau); rec.lawU.push((c0 + 1) * tau); rec.lawL.push((0.5 - cl) * tau);
    rec.logH.push(s.logAmplitude / (p - 1)); rec.t.push(s.t); rec.blowupTime.push(c0 < 0 ? s.t + Cp / -c0 : Infinity);
    rec.supDiff.push(sup); rec.u0.push(a0); rec.imag0.push(s.invariants[1]); rec.u2.push(s.invariants[3]);
    while (saveIndex < saveAt.length && saveAt[saveIndex] < tau * (1 - 1e-12)) saveIndex++;
    if (saveIndex < saveAt.length && Math.abs(saveAt[saveIndex] - tau) <= 1e-12 * Math.max(1, tau)) {
      saved.push({ t: tau, state: { tau, re: s.u.slice(0, n), im: s.u.slice(n, 2 * n) } });
      saveIndex++;
    }
  };
  const logC0 = (p - 1) * Math.log(amplitudeScale);
  const run = runRescaled(model, {
    u0, logLambda0: [logC0 - 2 * Math.log(lengthScale), logC0], logAmplitude0: logC0, tauEnd,
    scheme: problem.scheme, normalization: 'discrete', modulation: problem.modulation, cfl: problem.cfl, dt: problem.dt,
    rtol: problem.rtol, atol: problem.atol, maxSteps: problem.maxSteps, lambdaMax: problem.lambdaMax,
    sampleAt: samples, onSample, signal: options.signal, onProgress: options.onProgress, progressEvery: options.progressEvery,
  });
  const history = Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, Float64Array.from(v)])) as unknown as CglBlowupHistory;
  const last = history.tau.length - 1;
  const stats: RunStats & CglBlowupStats = { nsteps: run.stats.steps + run.stats.rejected, naccept: run.stats.steps, nreject: run.stats.rejected, nfev: run.stats.stages, rejectedSteps: run.stats.rejected };
  return {
    status: run.status,
    message: run.message,
    stats,
    final: { tau: run.tau, re: run.u.slice(0, n), im: run.u.slice(n, 2 * n) },
    saved,
    history,
    params,
    z,
    tau: run.tau,
    blowupTime: history.blowupTime[last],
    Qtau: history.Qtau[last],
    QtauPredicted,
    b,
  };
}

function resolveData(data: CglBlowupProblem['initialData'], z: Vec): Vec {
  const n = z.length;
  const out = new Float64Array(2 * n);
  if (data === undefined || typeof data === 'function') {
    const f = data ?? ((x: number) => 1 / (1 + (x * x) / 8 + (x * x * x * x) / 10));
    for (let i = 0; i < n; i++) out[i] = f(z[i]);
  } else if (data instanceof Float64Array || Array.isArray(data)) {
    out.set(checkVec('problem.initialData', data, 2 * n));
  } else if (typeof data === 'object' && data !== null && typeof data.re === 'function' && typeof data.im === 'function') {
    for (let i = 0; i < n; i++) { out[i] = data.re(z[i]); out[n + i] = data.im(z[i]); }
  } else {
    throw new InvalidTypeError('problem.initialData', 'a function, { re, im } functions or a Float64Array of length 2n', data);
  }
  for (let i = 0; i < 2 * n; i++) if (!Number.isFinite(out[i])) throw new InvalidArgumentError(`problem.initialData[${i}]`, 'a finite number', out[i]);
  checkInteger('nodes', n, 9);
  return out;
}
