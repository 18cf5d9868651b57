/**
 * Blowup of the 2-D complex Ginzburg–Landau equation by modulated dynamic rescaling with a matrix
 * scale (thesis §1.1.2, L873–893; model in `cgl2dModel.ts`), no symmetry assumed, with the
 * diagnostics along τ: the modulation rates, the eigenvalues of `Q·τ` (the 2-D analogues of the
 * heat laws λ_iτ → 1), H, the phase at the origin, the distance to the normalized candidate
 * profile and the blowup time `T = t + H^{p−1}/|c₀|`.
 *
 * **Candidate law [derived, as in 1-D].** With the Hessian `S` of Re Ψ at the origin fixed by the
 * normalization, the Masmoudi–Zaag amplitude in normalized variables is
 * `u₀(1 + zᵀBz)^{−1/(p−1)}`, `B = −(p−1)S/(2u₀)`; matching `x = Rz` with
 * `ξ = x/√((T−t)|log(T−t)|)` gives `Q·τ → b·u₀^{p−1}B⁻¹` (= I for the heat equation and the thesis
 * data), whose eigenvalues are reported as `QtauPredicted`.
 *
 * @module
 */
import { checkFinite, checkPositive, checkVec } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { checkRunOptions, drive, type RunOptions, type RunResult, type Stepper } from '../../core/run';
import type { Vec } from '../../core/types';
import type { RescaledState, RescaledStepControls } from './driverTypes';
import { initRescaled } from './rescaledStepper';
import { heatHistoryTimes, MappedStepper, resolveHeatGrid } from './heatRunSetup';
import { mirroredNodes, resolveCglParameters, type CglParameters, type CglResolvedParameters } from './cglModel';
import { cgl2dModel } from './cgl2dModel';
import type { CglGridSpec } from './cglBlowup';

/** Complex initial data in 2-D as two real functions. */
export interface Cgl2dComplexData {
  /** Re Ψ(x, y, 0). */
  re: (x: number, y: number) => number;
  /** Im Ψ(x, y, 0) (must vanish at the origin). */
  im: (x: number, y: number) => number;
}

/** The problem of {@link cglBlowup2D}. */
export interface Cgl2dBlowupProblem extends CglParameters, Omit<RescaledStepControls, 'sampleAt'> {
  /** Final rescaled time τ > 0. */
  tauEnd: number;
  /** Half grid on [0, L] per direction, mirrored to [−L, L] (default n = 20, length 4000, scale 1). */
  grid?: CglGridSpec;
  /** Ψ(x, y, 0): a real function, `{ re, im }`, or values `[Re…, Im…]` (node (i, j) at i·n + j); default the thesis datum `(1 + (x²+y²)/8 + x⁴/100)⁻¹`. */
  initialData?: ((x: number, y: number) => number) | Cgl2dComplexData | Vec;
  /** `'imex'` (default) or `'rk4'`. */
  scheme?: 'imex' | 'rk4';
  /** Rescaled times of the diagnostics (default 16 per decade from 0.01). */
  historyAt?: ArrayLike<number>;
  /** Defect-correction sweeps of the implicit stage solve (default 2). */
  implicitCorrections?: number;
}

/** Diagnostics along τ. */
export interface Cgl2dBlowupHistory {
  /** τ. */
  tau: Vec;
  /** c₀ = (p−1)H_τ/H (→ −1). */
  c0: Vec;
  /** c₁₁ (→ ½). */
  c11: Vec;
  /** c₁₂ (shear rate). */
  c12: Vec;
  /** c₂₂ (→ ½). */
  c22: Vec;
  /** c_x (translation rate, x). */
  cx: Vec;
  /** c_y (translation rate, y). */
  cy: Vec;
  /** c_θ; the phase at the origin turns at −c_θ (→ δ/(p−1)·u₀^{p−1}). */
  ctheta: Vec;
  /** Phase at the origin relative to τ = 0, `−∫c_θ` (trapezoid rule over the samples). */
  phase: Vec;
  /** Q₁₁. */
  Q11: Vec;
  /** Q₁₂. */
  Q12: Vec;
  /** Q₂₂. */
  Q22: Vec;
  /** Smaller eigenvalue of Q·τ. */
  QtauMin: Vec;
  /** Larger eigenvalue of Q·τ. */
  QtauMax: Vec;
  /** (c₀ + 1)τ. */
  lawU: Vec;
  /** log H. */
  logH: Vec;
  /** Physical time t(τ). */
  t: Vec;
  /** `t + H^{p−1}/|c₀|`. */
  blowupTime: Vec;
  /** sup |Û − Ū| over the grid, Û = |Ψ|, Ū = u₀(1 + zᵀBz)^{−1/(p−1)} (module doc). */
  supDiff: Vec;
  /** Re Ψ(0) (conserved). */
  u0: Vec;
  /** Im Ψ(0) (conserved, 0). */
  imag0: Vec;
}

/** Final state. */
export interface Cgl2dBlowupState {
  /** τ. */
  tau: number;
  /** Re Ψ (node (i, j) at i·n + j). */
  re: Vec;
  /** Im Ψ. */
  im: Vec;
}

/** Result of {@link cglBlowup2D}. */
export interface Cgl2dBlowupResult extends RunResult<Cgl2dBlowupState, Vec, object, Cgl2dBlowupHistory> {
  /** Parameters. */
  params: CglResolvedParameters;
  /** Nodes per direction on [−L, L] (the same along x and y). */
  z: Vec;
  /** Final τ. */
  tau: number;
  /** Final blowup-time estimate. */
  blowupTime: number;
  /** Final eigenvalues of Q·τ, ascending. */
  Qtau: [number, number];
  /** Candidate limit of the eigenvalues of Q·τ (`b·u₀^{p−1}·eig(B⁻¹)`, NaN outside the Masmoudi–Zaag regime). */
  QtauPredicted: [number, number];
  /** Masmoudi–Zaag b (NaN outside its regime). */
  b: number;
  /** Final H. */
  H: number;
}

/** Eigenvalues (ascending) of the symmetric 2×2 matrix [[a, b], [b, c]]. */
function sym2Eigen(a: number, b: number, c: number): [number, number] {
  const m = 0.5 * (a + c);
  const r = Math.hypot(0.5 * (a - c), b);
  return [m - r, m + r];
}

/**
 * Set up the run of {@link cglBlowup2D} without stepping it (`t` is τ).
 * @example
 * ```ts
 * const run = initCglBlowup2D({ beta: 0.1, delta: 0.2, tauEnd: 20 });
 * while (run.step()) {}
 * run.result().Qtau;
 * ```
 */
export function initCglBlowup2D(problem: Cgl2dBlowupProblem, runOptions: RunOptions = {}): Stepper<Cgl2dBlowupResult> {
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'an object { tauEnd, … }', problem);
  const params = resolveCglParameters(problem);
  checkRunOptions(runOptions);
  const tauEnd = checkPositive('problem.tauEnd', problem.tauEnd);
  const z = mirroredNodes(resolveHeatGrid(problem.grid, { n: 20, length: 4000 }));
  const n = z.length;
  const N = n * n;
  const c = (n - 1) / 2;
  const o = c * n + c;
  const model = cgl2dModel(z, z, params, { implicitCorrections: problem.implicitCorrections });
  const u0 = resolveData2d(problem.initialData, z);
  if (!(u0[o] > 0)) throw new InvalidArgumentError('problem.initialData(0, 0)', 'a positive real value at the origin', u0[o]);
  if (u0[N + o] !== 0) throw new InvalidArgumentError('problem.initialData(0, 0)', 'real at the origin (Im Ψ(0) = 0 is the phase normalization)', u0[N + o]);
  const samples = heatHistoryTimes(tauEnd, problem.historyAt);
  const { p, beta, delta } = params;
  const den = p - delta * delta - beta * delta * (p + 1);
  const b = den > 0 ? ((p - 1) * (p - 1)) / (4 * den) : Number.NaN;

  const rec: Record<keyof Cgl2dBlowupHistory, number[]> = {
    tau: [], c0: [], c11: [], c12: [], c22: [], cx: [], cy: [], ctheta: [], phase: [], Q11: [], Q12: [], Q22: [],
    QtauMin: [], QtauMax: [], lawU: [], logH: [], t: [], blowupTime: [], supDiff: [], u0: [], imag0: [],
  };
  const Q = new Float64Array(3);
  let B: number[] | null = null;
  let predicted: [number, number] = [Number.NaN, Number.NaN];
  const onSample = (s: RescaledState): void => {
    const { tau } = s;
    const cc = s.c;
    const a0 = s.invariants[0];
    if (B === null) {
      const f = -(p - 1) / (2 * a0);
      B = [f * s.invariants[4], f * s.invariants[5], f * s.invariants[6]];
      const det = B[0] * B[2] - B[1] * B[1];
      const e = sym2Eigen(B[2] / det, -B[1] / det, B[0] / det);
      const scale = b * Math.pow(a0, p - 1);
      predicted = [scale * e[0], scale * e[1]];
    }
    let sup = 0;
    for (let i = 0, k = 0; i < n; i++) {
      const x = z[i];
      for (let j = 0; j < n; j++, k++) {
        const y = z[j];
        const form = B[0] * x * x + 2 * B[1] * x * y + B[2] * y * y;
        const bar = a0 * Math.pow(1 + form, -1 / (p - 1));
        sup = Math.max(sup, Math.abs(Math.hypot(s.u[k], s.u[N + k]) - bar));
      }
    }
    const k11 = Math.exp(s.logLambda[0]);
    const k22 = Math.exp(s.logLambda[1]);
    const k12 = s.logLambda[2] * k22;
    Q[0] = k11 * k11 + k12 * k12; Q[1] = k12 * k22; Q[2] = k22 * k22;
    const [e1, e2] = sym2Eigen(Q[0] * tau, Q[1] * tau, Q[2] * tau);
    const Cp = Math.exp(s.logLambda[3]);
    const k = rec.tau.length;
    rec.phase.push(k === 0 ? 0 : rec.phase[k - 1] - 0.5 * (tau - rec.tau[k - 1]) * (cc[6] + rec.ctheta[k - 1]));
    rec.tau.push(tau); rec.c0.push(cc[0]); rec.c11.push(cc[1]); rec.c12.push(cc[2]); rec.c22.push(cc[3]);
    rec.cx.push(cc[4]); rec.cy.push(cc[5]); rec.ctheta.push(cc[6]);
    rec.Q11.push(Q[0]); rec.Q12.push(Q[1]); rec.Q22.push(Q[2]); rec.QtauMin.push(e1); rec.QtauMax.push(e2);
    rec.lawU.push((cc[0] + 1) * tau); rec.logH.push(s.logLambda[3] / (p - 1)); rec.t.push(s.t);
    rec.blowupTime.push(cc[0] < 0 ? s.t + Cp / -cc[0] : Infinity);
    rec.supDiff.push(sup); rec.u0.push(a0); rec.imag0.push(s.invariants[1]);
  };
  const inner = initRescaled(model, {
    u0, logLambda0: [0, 0, 0, 0], logAmplitude0: 0, tauEnd,
    scheme: problem.scheme, normalization: 'discrete', modulation: problem.modulation,
    cfl: problem.cfl, dt: problem.dt, rtol: problem.rtol, atol: problem.atol, maxSteps: problem.maxSteps,
    sampleAt: samples, onSample,
  }, { saveAt: runOptions.saveAt });
  return new MappedStepper(inner, (run): Cgl2dBlowupResult => {
    const history = Object.fromEntries(Object.entries(rec).map(([key, v]) => [key, Float64Array.from(v)])) as unknown as Cgl2dBlowupHistory;
    const last = history.tau.length - 1;
    return {
      status: run.status, message: run.message,
      stats: { nsteps: run.stats.nsteps, naccept: run.stats.naccept, nreject: run.stats.nreject, nfev: run.stats.nfev },
      final: { tau: run.final.tau, re: run.final.u.slice(0, N), im: run.final.u.slice(N) },
      saved: run.saved, history, params, z,
      tau: run.final.tau,
      blowupTime: history.blowupTime[last],
      Qtau: [history.QtauMin[last], history.QtauMax[last]],
      QtauPredicted: predicted,
      b,
      H: Math.exp(history.logH[last]),
    };
  });
}

/**
 * Blowup of 2-D CGL by modulated dynamic rescaling with the matrix scale Q (module doc; thesis
 * §1.1.2). Diagnostics at `historyAt`; `runOptions.saveAt` (rescaled times) saves the field
 * `[Re…, Im…]`. Cost O(n²) per stage on the (2n−1)² mirrored grid.
 *
 * @throws InvalidArgumentError for p ≤ 1, non-finite parameters or data, Re Ψ(0) ≤ 0 or Im Ψ(0) ≠ 0
 * @example
 * ```ts
 * const r = cglBlowup2D({ beta: 0.1, delta: 0.2, tauEnd: 50, grid: { n: 20 } });
 * r.Qtau; r.QtauPredicted; r.blowupTime;
 * ```
 */
export function cglBlowup2D(problem: Cgl2dBlowupProblem, runOptions: RunOptions = {}): Cgl2dBlowupResult {
  return drive(initCglBlowup2D(problem, runOptions), runOptions);
}

function resolveData2d(data: Cgl2dBlowupProblem['initialData'], z: Vec): Float64Array {
  const n = z.length;
  const N = n * n;
  const out = new Float64Array(2 * N);
  if (data === undefined || typeof data === 'function') {
    const f = data ?? ((x: number, y: number) => 1 / (1 + (x * x + y * y) / 8 + (x * x * x * x) / 100));
    for (let i = 0, k = 0; i < n; i++) for (let j = 0; j < n; j++, k++) out[k] = f(z[i], z[j]);
  } else if (data instanceof Float64Array || Array.isArray(data)) {
    out.set(checkVec('problem.initialData', data, 2 * N));
  } else if (typeof data === 'object' && data !== null && typeof data.re === 'function' && typeof data.im === 'function') {
    for (let i = 0, k = 0; i < n; i++) for (let j = 0; j < n; j++, k++) { out[k] = data.re(z[i], z[j]); out[N + k] = data.im(z[i], z[j]); }
  } else {
    throw new InvalidTypeError('problem.initialData', 'a function (x, y), { re, im } functions or a Float64Array of length 2n²', data);
  }
  for (let k = 0; k < 2 * N; k++) checkFinite(`problem.initialData[${k}]`, out[k]);
  return out;
}
