/**
 * An independent computation of the blowup time of the weak-advection / Hou–Li model: the physical
 * (unrescaled) system, thesis (A.1.5),
 *
 *     u_t + 2aψu_x = 2uψ_x + νu_xx,   ω_t + 2aψω_x = (u²)_x + νω_xx,   −ψ_xx = ω,
 *
 * on the same kind of grid of [0, π], integrated with adaptive DOPRI5 (no rescaling, no modulation)
 * until the amplitude u_x(0) has grown by `amplitudeMax`. Near T the amplitude behaves like
 * K/(T − t), so `T ≈ t + ℓ(u)/ℓ(u_t)` (ℓ the discrete u_x(0)), an estimate whose error is
 * O((T − t)·|c_u(τ) − c_u,∞|): compare it with the rescaled `∫C_u dτ`.
 *
 * @module
 */
import { checkFinite, checkInteger, checkPositive } from '../../core/check';
import { InvalidTypeError } from '../../core/errors';
import { checkRunOptions, emptyRunStats, type RunOptions, type RunResult, type RunStats } from '../../core/run';
import { RunWatch } from '../../core/progress';
import type { Vec } from '../../core/types';
import { dopri5 } from '../../time/dopri5';
import { init } from '../../time/integrator';
import { odeProblem } from '../../time/problem';
import { weakAdvectionOperator } from './weakAdvectionOperator';
import { defaultWeakAdvectionData, resolveWeakAdvectionParameters, sampleWeakAdvectionData, weakAdvectionNodes, type WeakAdvectionData, type WeakAdvectionGridSpec, type WeakAdvectionParameters } from './weakAdvectionSetup';

/** The problem of {@link weakAdvectionPhysical}. */
export interface WeakAdvectionPhysicalProblem extends WeakAdvectionParameters {
  /** Nodes of [0, π] (as for the rescaled solver; default 400 nodes clustered at π). */
  grid?: WeakAdvectionGridSpec;
  /** Physical data u(x, 0), ω(x, 0) (default (sin x, sin x)). */
  initialData?: WeakAdvectionData;
  /** Stop once u_x(0) exceeds this multiple of its initial value (default 1e3). */
  amplitudeMax?: number;
  /** Give up (status `'success'`, T = Infinity: no blowup seen) at this time (default 1e3). */
  tMax?: number;
  /** DOPRI5 relative tolerance (default 1e-9). */
  rtol?: number;
  /** DOPRI5 absolute tolerance relative to the initial max|ω| (default 1e-11). */
  atol?: number;
  /** Step budget (default 1e6). */
  maxSteps?: number;
}

/** Final state of {@link weakAdvectionPhysical}. */
export interface WeakAdvectionPhysicalFinal {
  /** Physical time reached. */
  t: number;
  /** Nodes. */
  x: Vec;
  /** u at the nodes. */
  u: Vec;
  /** ω at the nodes. */
  omega: Vec;
  /** Discrete u_x(0) (grown by `amplitudeMax` at a blowup). */
  slope: number;
  /** Blowup-time estimate t + ℓ(u)/ℓ(u_t) (Infinity when the amplitude did not grow). */
  blowupTime: number;
}

/** History of {@link weakAdvectionPhysical} (every accepted step). */
export interface WeakAdvectionPhysicalHistory {
  /** Physical time. */
  t: Float64Array;
  /** u_x(0). */
  slope: Float64Array;
  /** The running blowup-time estimate t + ℓ(u)/ℓ(u_t). */
  blowupTime: Float64Array;
}

/** Result of {@link weakAdvectionPhysical}. */
export type WeakAdvectionPhysicalResult = RunResult<WeakAdvectionPhysicalFinal, WeakAdvectionPhysicalFinal, RunStats, WeakAdvectionPhysicalHistory>;

/**
 * Integrate the physical weak-advection system (thesis (A.1.5); a = 1: Hou–Li (A.1.4)) with DOPRI5
 * until u_x(0) has grown by `amplitudeMax`, and estimate the blowup time (see the module doc).
 * Same validation as the rescaled solver. Cost O(n) per stage, 6 stages per step; the number of
 * steps grows like log(amplitudeMax)/(CFL-limited step in τ).
 *
 * @example
 * ```ts
 * const r = weakAdvectionPhysical({ a: 0.9, grid: { n: 400 } });
 * r.final.blowupTime; // ≈ the rescaled ∫C_u dτ
 * ```
 */
export function weakAdvectionPhysical(problem: WeakAdvectionPhysicalProblem, runOptions: RunOptions = {}): WeakAdvectionPhysicalResult {
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'a problem object', problem);
  checkRunOptions(runOptions);
  const { a, alpha, nu } = resolveWeakAdvectionParameters(problem);
  const x = weakAdvectionNodes(problem.grid);
  const n = x.length;
  const data = sampleWeakAdvectionData(x, problem.initialData ?? defaultWeakAdvectionData(alpha));
  const amplitudeMax = checkPositive('problem.amplitudeMax', problem.amplitudeMax ?? 1e3);
  const tMax = checkPositive('problem.tMax', problem.tMax ?? 1e3);
  const rtol = checkPositive('problem.rtol', problem.rtol ?? 1e-9);
  const atolRel = checkFinite('problem.atol', problem.atol ?? 1e-11);
  const maxSteps = checkInteger('problem.maxSteps', problem.maxSteps ?? 1e6, 1);
  const op = weakAdvectionOperator(x, { a, alpha, nu, normalization: 'none' });
  let maxW = 0;
  for (let i = 0; i < n; i++) maxW = Math.max(maxW, Math.abs(data.omega[i]));
  const y0 = new Float64Array(2 * n);
  y0.set(data.u, 0);
  y0.set(data.omega, n);
  const slope0 = op.slope(data.u);
  const rhs = (_t: number, y: Vec, dy: Vec): void => {
    op.evaluate(y.subarray(0, n), y.subarray(n), 0, dy.subarray(0, n), dy.subarray(n));
  };
  const integrator = init(odeProblem({ rhs, y0, tspan: [0, tMax] }), dopri5({ rtol, atol: Math.max(atolRel, 0) * maxW || 1e-300 }));
  const dy = new Float64Array(2 * n);
  const estimate = (y: Vec, t: number): number => {
    rhs(t, y, dy);
    const s = op.slope(y), ds = op.slope(dy);
    return ds > 0 ? t + s / ds : Infinity;
  };
  const hist = { t: [0], slope: [slope0], blowupTime: [estimate(y0, 0)] };
  const watch = new RunWatch(runOptions);
  let status: RunResult<unknown>['status'] = 'success';
  let message = '';
  let steps = 0;
  for (;;) {
    if (steps >= maxSteps) { status = 'maxSteps'; message = `step budget ${maxSteps} exhausted at t = ${integrator.t}`; break; }
    if (!integrator.step()) {
      if (integrator.status === 'success') message = `no blowup seen up to t = ${tMax}`;
      else { status = integrator.status === 'running' ? 'diverged' : integrator.status; message = `DOPRI5 stopped (${integrator.status}) at t = ${integrator.t}`; }
      break;
    }
    steps++;
    const y = integrator.y;
    const s = op.slope(y);
    hist.t.push(integrator.t);
    hist.slope.push(s);
    hist.blowupTime.push(estimate(y, integrator.t));
    if (s > amplitudeMax * slope0) { message = `u_x(0) grew by ${amplitudeMax} at t = ${integrator.t}`; break; }
    if (watch.tick(steps, integrator.t / tMax, integrator.t)) { status = 'aborted'; message = `aborted at t = ${integrator.t}`; break; }
  }
  const y = integrator.y;
  const last = hist.t.length - 1;
  const final: WeakAdvectionPhysicalFinal = {
    t: integrator.t, x: Float64Array.from(x), u: y.slice(0, n), omega: y.slice(n, 2 * n), slope: op.slope(y),
    blowupTime: message.startsWith('no blowup') ? Infinity : hist.blowupTime[last],
  };
  const st = integrator.stats;
  const stats: RunStats = { ...emptyRunStats(), nsteps: st.nsteps, naccept: st.naccept, nreject: st.nreject, nfev: st.nfev };
  return {
    status, message, stats, final, saved: [],
    history: { t: Float64Array.from(hist.t), slope: Float64Array.from(hist.slope), blowupTime: Float64Array.from(hist.blowupTime) },
  };
}
