/**
 * The Hou–Li / weak-advection reproduction (thesis Appendix A): c_u,∞(a) on a sweep of a with
 * grid refinement, its convergence rate in τ, the blowup time from the rescaled run and from a
 * direct physical solve, Hölder (§A.4) and viscous (§A.5) runs, and the damping lemma (Lemma A.6.1).
 * Used by `singularis reproduce hou-li` and the bench; not exported from `singularis/blowup`.
 *
 * @module
 */
import type { RunOptions } from '../../../core/run';
import type { Vec } from '../../../core/types';
import { lemmaA61, type LemmaA61Result } from '../lemmaA61';
import { weakAdvectionBlowup, type WeakAdvectionResult } from '../weakAdvection';
import { holderPsiX0 } from '../weakAdvectionDiagnostics';
import { weakAdvectionPhysical } from '../weakAdvectionPhysical';

/** Settings of {@link houLiExperiment}. */
export interface HouLiExperimentOptions {
  /** Advection strengths (default 0.6, 0.65, …, 0.95). */
  a?: number[];
  /** Finest grid (nodes; default 800); the order is measured on n/4, n/2, n. */
  grid?: number;
  /** Final τ (default 300). */
  tau?: number;
  /** Stop a run once its residual ‖∂_τ(ũ, ω̃)‖_∞ is below this (default 1e-10). */
  residualTol?: number;
  /** Hölder exponents α for runs at a = 1 (default none). */
  alpha?: number[];
  /** Viscosity for a viscous run at each a (default none). */
  nu?: number;
  /** Lemma truncations (default 50, 100, 200, 400). */
  lemmaN?: number[];
  /** Skip the direct physical solves. */
  noDirect?: boolean;
  /** Called with a one-line status message as the work proceeds. */
  log?: (line: string) => void;
  /**
   * Run options for each solver call (signal, progress): `label` names the part, `[from, to]` is its
   * share of the whole experiment. Default: none.
   */
  runOptions?: (label: string, from: number, to: number) => RunOptions;
  /** Polled between parts: once true, no new part is started and the parts done so far are returned. */
  aborted?: () => boolean;
}

/** One a-value of the sweep. */
export interface HouLiSweepEntry {
  /** a. */
  a: number;
  /** c_u/ũ_x(0) at the end of the finest run. */
  cuFinal: number;
  /** c_u,∞: the finest run's value extrapolated in τ with the measured rate (equal to cuFinal once converged). */
  cuInf: number;
  /**
   * How `cuInf` was obtained: `'converged'` (final residual ≤ 10·residualTol), `'extrapolated'` (still
   * converging exponentially at rate λ > 0, and the τ-extrapolation c + (dc/dτ)/λ moves c_u by at most
   * 1e−3 relative: slow convergence, e.g. a = 0.7), or `'notConverged'` (no such regime by τ_end, e.g.
   * the focusing drift of a ≤ 0.65, where c_u → 0 like 1/τ: `cuInf` is then the last estimate, not a limit).
   */
  convergence: 'converged' | 'extrapolated' | 'notConverged';
  /** c_u,∞/(2(a − 1)) (→ 1 as a → 1 by the thesis's claim). */
  ratio: number;
  /** c_u at the end of the runs on n/4, n/2, n. */
  cuByGrid: number[];
  /** The grids. */
  grids: number[];
  /** Observed order log2((c1 − c0)/(c2 − c1)) (NaN-free: 0 when undefined). */
  order: number;
  /** Richardson estimate c2 + (c2 − c1)/(2^p − 1) with p = 2. */
  cuRichardson: number;
  /** Exponential convergence rate λ of the residual over the last 30% of the finest run. */
  rate: number;
  /** Blowup time t(∞) of the finest run. */
  blowupTime: number;
  /** Blowup time of the direct physical solve on the finest grid (NaN-free: −1 when skipped). */
  directBlowupTime: number;
  /** Final residual. */
  residual: number;
  /** Final τ. */
  tau: number;
  /** Status of the finest run. */
  status: string;
  /** Cusp exponent near π and its prediction. */
  cusp: [number, number];
  /** Accepted steps of the finest run. */
  steps: number;
}

/** Everything the CLI reports. */
export interface HouLiExperimentResult {
  /** The sweep. */
  sweep: HouLiSweepEntry[];
  /** The finest run of the a-value closest to 0.9 (profiles and histories for the figures); undefined if not reached. */
  showcase: WeakAdvectionResult | undefined;
  /** The finest run of every a (histories for c_u(τ)). */
  runs: WeakAdvectionResult[];
  /** Hölder runs at a = 1. */
  holder: { alpha: number; cuAlpha: number; cuInitial: number; cuFinal: number; blowupTime: number; profileTime: number; status: string }[];
  /** Viscous runs. */
  viscous: { a: number; nu: number; maxCu: number; cuFinal: number; blowupTime: number; status: string }[];
  /** The lemma (null when the run was stopped before it). */
  lemma: LemmaA61Result | null;
  /** First part that did not end with status success (its label, status and message), or null. */
  failure: { part: string; status: string; message: string } | null;
}

function decayRate(tau: Vec, res: Vec): number {
  const L = tau.length;
  if (L < 4) return 0;
  const t0 = tau[0] + 0.7 * (tau[L - 1] - tau[0]);
  let sx = 0, sy = 0, sxx = 0, sxy = 0, m = 0;
  for (let i = 0; i < L; i++) {
    if (tau[i] < t0 || !(res[i] > 0)) continue;
    const y = Math.log(res[i]);
    sx += tau[i]; sy += y; sxx += tau[i] * tau[i]; sxy += tau[i] * y; m++;
  }
  const den = m * sxx - sx * sx;
  return m >= 3 && den > 0 ? -(m * sxy - sx * sy) / den : 0;
}

/** c_∞ ≈ c + (dc/dτ)/λ from the last two history entries (c(τ) = c_∞ + B e^{−λτ}). */
function extrapolate(tau: Vec, c: Vec, rate: number): number {
  const L = tau.length;
  if (L < 2 || !(rate > 0)) return c[L - 1];
  const dc = (c[L - 1] - c[L - 2]) / (tau[L - 1] - tau[L - 2]);
  return c[L - 1] + dc / rate;
}

/**
 * Run the experiment (see the module doc). Cost: three rescaled runs and one direct solve per a;
 * about a minute per a at n = 800, τ = 300 on one core.
 *
 * @example
 * ```ts
 * const r = houLiExperiment({ a: [0.9, 0.95], grid: 200, tau: 40, lemmaN: [50, 100] });
 * r.sweep[0].cuInf; r.lemma.lambdaMin;
 * ```
 */
export function houLiExperiment(options: HouLiExperimentOptions = {}): HouLiExperimentResult {
  const as = options.a ?? [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
  const n = options.grid ?? 800;
  const tau = options.tau ?? 300;
  const residualTol = options.residualTol ?? 1e-10;
  const log = options.log ?? (() => undefined);
  const grids = [Math.max(8, Math.round(n / 4)), Math.max(8, Math.round(n / 2)), n];
  const sweep: HouLiSweepEntry[] = [];
  const runs: WeakAdvectionResult[] = [];
  const showA = as.reduce((best, a) => (Math.abs(a - 0.9) < Math.abs(best - 0.9) ? a : best), as[0]);
  let showcase: WeakAdvectionResult | undefined;
  const stop = options.aborted ?? (() => false);
  const parts = as.length * (grids.length + (options.noDirect ? 0 : 1)) + (options.alpha?.length ?? 0) + (options.nu === undefined ? 0 : as.length) + 1;
  let part = 0;
  const runOptions = (label: string): RunOptions => {
    const from = part / parts;
    part++;
    return options.runOptions?.(label, from, part / parts) ?? {};
  };
  let failure: HouLiExperimentResult['failure'] = null;
  const note = (label: string, r: { status: string; message: string }) => {
    if (r.status !== 'success' && failure === null) failure = { part: label, status: r.status, message: r.message };
  };
  for (const a of as) {
    if (stop()) break;
    const byGrid: WeakAdvectionResult[] = [];
    for (const [k, g] of grids.entries()) {
      if (stop()) break;
      const saveAt = k === 2 && a === showA ? [0, 1, 3, 10, tau].filter((v, i, arr) => v <= tau && (i === 0 || v > arr[i - 1])) : undefined;
      const label = `a = ${a}, n = ${g}`;
      const r = weakAdvectionBlowup({ a, tauEnd: tau, grid: { n: g }, residualTol, historyEvery: 8 }, { ...runOptions(label), saveAt });
      note(label, r);
      log(`${label}: ${r.status} at τ = ${r.final.tau.toFixed(2)}, c_u = ${r.final.cuNormalized.toFixed(10)}, residual ${r.final.residual.toExponential(2)}`);
      byGrid.push(r);
    }
    if (byGrid.length < grids.length || byGrid[2].status === 'aborted') break;
    const fine = byGrid[2];
    runs.push(fine);
    if (a === showA) showcase = fine;
    const c = byGrid.map((r) => r.final.cuNormalized);
    const q = (c[1] - c[0]) / (c[2] - c[1]);
    const order = q > 0 && Number.isFinite(q) ? Math.log2(q) : 0;
    const rate = decayRate(fine.history.tau, fine.history.residual);
    const converged = fine.final.residual <= residualTol * 10;
    const cuInf = converged ? fine.final.cuNormalized : extrapolate(fine.history.tau, fine.history.cuNormalized, rate);
    const convergence: HouLiSweepEntry['convergence'] = converged ? 'converged'
      : rate > 0 && Math.abs(cuInf - fine.final.cuNormalized) <= 1e-3 * Math.abs(cuInf) ? 'extrapolated' : 'notConverged';
    let direct = -1;
    if (!options.noDirect && !stop()) {
      const label = `a = ${a}, direct physical solve`;
      const p = weakAdvectionPhysical({ a, grid: { n } }, runOptions(label));
      note(label, p);
      direct = p.status === 'success' ? p.final.blowupTime : -1;
      log(`a = ${a}: direct physical solve ${p.status}, T = ${direct}`);
    }
    sweep.push({
      a, cuFinal: fine.final.cuNormalized, cuInf, convergence, ratio: cuInf / (2 * (a - 1)), cuByGrid: c, grids, order,
      cuRichardson: c[2] + (c[2] - c[1]) / 3, rate, blowupTime: fine.final.blowupTime, directBlowupTime: direct,
      residual: fine.final.residual, tau: fine.final.tau, status: fine.status,
      cusp: [fine.final.cuspExponent, fine.final.cuspPrediction], steps: fine.stats.naccept,
    });
  }
  const holder: HouLiExperimentResult['holder'] = [];
  for (const alpha of options.alpha ?? []) {
    if (stop()) break;
    const label = `Hölder α = ${alpha}`;
    const r = weakAdvectionBlowup({ a: 1, alpha, tauEnd: tau, grid: { n, zeroExponent: 2 }, residualTol }, runOptions(label));
    note(label, r);
    const cuAlpha = (alpha - 1) * holderPsiX0(alpha);
    log(`Hölder α = ${alpha}: ${r.status}, c_u = ${r.final.cu}, c_u,α = ${cuAlpha}`);
    holder.push({ alpha, cuAlpha, cuInitial: r.history.cu[0], cuFinal: r.final.cu, blowupTime: r.final.blowupTime, profileTime: -1 / cuAlpha, status: r.status });
  }
  const viscous: HouLiExperimentResult['viscous'] = [];
  for (const a of options.nu === undefined ? [] : as) {
    if (stop()) break;
    // Explicit diffusion limits the step by h_min²/(νC_u): a moderate grid (p = 2) and τ ≤ 20 keep this to seconds.
    const label = `viscous a = ${a}`;
    const r = weakAdvectionBlowup({ a, nu: options.nu, amplitude0: (a - 1) ** 2, tauEnd: Math.min(tau, 20), grid: { n: Math.min(n, 100), exponent: 2 } }, runOptions(label));
    note(label, r);
    const maxCu = r.history.cu.reduce((m, v) => Math.max(m, v), -Infinity);
    log(`viscous a = ${a}, ν = ${options.nu}: ${r.status}, max c_u = ${maxCu} (a − 1 = ${a - 1})`);
    viscous.push({ a, nu: options.nu as number, maxCu, cuFinal: r.final.cu, blowupTime: r.final.blowupTime, status: r.status });
  }
  let lemma: LemmaA61Result | null = null;
  if (!stop()) {
    log('Lemma A.6.1 …');
    lemma = lemmaA61(options.lemmaN ?? [50, 100, 200, 400]);
  }
  return { sweep, showcase, runs, holder, viscous, lemma, failure };
}
