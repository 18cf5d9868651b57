/**
 * The Keller–Segel reproduction (thesis §1.1.3): self-similar profiles for a list of (μ, j0)
 * pairs by the phase-portrait ODE, and one physical-time blowup from data on a scaled profile
 * with its rate `ρ(0,t)(T − t) → Q(0) = 1/(1−μ)`, and the rescaled dynamics near Q (thesis
 * L975–1030) with and without the modulations of the unstable directions. Used by `singularis reproduce keller-segel` and
 * the bench; not exported from the model's subpath.
 *
 * @module
 */
import type { RunOptions } from '../../../core/run';
import { kellerSegelAdmissibility, kellerSegelProfile } from '../kellerSegelProfile';
import { kellerSegelPhysical, scaledProfileData } from '../kellerSegelPhysical';
import { kellerSegelRescaled, kellerSegelTrackedRange } from '../kellerSegelRescaled';

/** Settings of {@link runKellerSegelExperiment}. */
export interface KellerSegelExperimentSettings {
  /** μ values (every μ is paired with every j0). */
  mus: number[];
  /** j0 values. */
  j0s: number[];
  /** The (μ, j0) of the physical-time run (must be admissible). */
  physical: {
    /** μ of the run. */
    mu: number;
    /** j0 of the run. */
    j0: number;
    /** Grid nodes. */
    n: number;
    /** Stop at ρ(0,t) = amplitudeTarget·ρ(0,0). */
    amplitudeRatio: number;
    /** Profile width L of the data Q(r/L)/T0 with T0 = 1 (diffusion relative size T0/L²). */
    width: number;
  } | null;
  /** The rescaled-dynamics runs (null: skipped). */
  rescaled?: {
    /** μ. */
    mu: number;
    /** j0. */
    j0: number;
    /** Grid nodes in y. */
    n: number;
    /** Final rescaled time τ. */
    tauEnd: number;
    /** ν(0) = λ(0)^{2−4β}. */
    nu0: number;
  } | null;
  /** Radii at which the profiles are sampled for the figures. */
  radii: number[];
  /**
   * Run options for each solver call (signal, progress): `label` names the part, `[from, to]` its share
   * of the whole experiment. Default: none.
   */
  runOptions?: (label: string, from: number, to: number) => RunOptions;
  /** Polled between parts: once true, no new part is started and the parts done so far are returned. */
  aborted?: () => boolean;
}

/** One profile entry of the JSON result. */
export interface KellerSegelProfileEntry {
  /** μ. */
  mu: number;
  /** j0. */
  j0: number;
  /** β (null when μ ∉ [0, 1/3)). */
  beta: number | null;
  /** Q(1), Q(2), Q(10) (null for inadmissible pairs). */
  Q1: number | null;
  /** Q(2). */
  Q2: number | null;
  /** Q(10). */
  Q10: number | null;
  /** Far-field slope at r = 1e6 (→ −1/β). */
  farSlope: number | null;
  /** −1/β. */
  farSlopeLimit: number | null;
  /** Admissibility (μ < 1/3, j0 > 3(1−μ)/(1−3μ)). */
  admissible: boolean;
  /** Why not admissible. */
  reason: string;
  /** Run status of the profile ODE. */
  status: string;
  /** Profile samples (r, Q) at the requested radii for the figures. */
  samples: { r: number; Q: number }[];
  /** The trajectory in the phase plane (Q, m), subsampled. */
  phase: { Q: number; m: number }[];
}

/** Result of {@link runKellerSegelExperiment}. */
export interface KellerSegelExperimentResult {
  /** One entry per (μ, j0) pair. */
  profiles: KellerSegelProfileEntry[];
  /** The physical-time run (null when skipped). */
  physical: {
    /** μ, j0 of the run. */
    mu: number;
    /** j0. */
    j0: number;
    /** Status of the run. */
    status: string;
    /** How the run ended (empty on success). */
    message: string;
    /** Blowup-time estimate from the last pair of levels. */
    blowupTime: number;
    /** Last rate estimate × (1 − μ) (→ 1). */
    rateToQ0: number;
    /** Rate estimates × (1−μ) by level. */
    rates: { amplitude: number; rateToQ0: number }[];
    /** max relative mass-balance defect. */
    maxBalanceDefect: number;
    /** Steps and rejections. */
    steps: number;
    /** Rejected steps. */
    rejected: number;
    /** (T − t)ρ(y(T−t)^β L) against Q(y) at the final time. */
    selfSimilar: { y: number; computed: number; profile: number }[];
    /** ρ(0,t) against T − t (for the log–log figure). */
    amplitude: { timeToBlowup: number; amplitude: number }[];
  } | null;
  /** The rescaled-dynamics runs (null when skipped). */
  rescaled: KellerSegelRescaledEntry | null;
}

/** The rescaled-dynamics part of {@link KellerSegelExperimentResult}. */
export interface KellerSegelRescaledEntry {
  /** μ. */
  mu: number;
  /** j0. */
  j0: number;
  /** Grid nodes. */
  n: number;
  /** ν(0). */
  nu0: number;
  /** Final τ asked for. */
  tauEnd: number;
  /** Status of the modulated run. */
  status: string;
  /** How it ended. */
  message: string;
  /** The tolerance of the tracked ranges: sup|Ψ − Q| ≤ 0.2 (above the viscous correction ≈ 200ν(0) at ν(0) = 1e-3). */
  trackedTolerance: number;
  /** τ up to which sup|Ψ − Q| ≤ trackedTolerance (the modulated run). */
  trackedRange: number;
  /** The same for the run without the unstable modulations. */
  trackedRangeFree: number;
  /** Status of the run without the unstable modulations. */
  statusFree: string;
  /** sup|Ψ − Q| at the end. */
  finalDeviation: number;
  /** sup|Ψ − Q|/ν at the end (the viscous correction's size). */
  deviationOverNu: number;
  /** max |c_u + 1| over the run. */
  maxCuError: number;
  /** c_l − β at the end. */
  clMinusBeta: number;
  /** a_{j0−1} over its law 2j0(2j0+1)ν(−[Ψ]_{j0}) at the end. */
  aTopOverLaw: number;
  /** Blowup time estimate (C(0) = 1: the inviscid value is 1). */
  blowupTime: number;
  /** Accepted steps of the modulated run. */
  steps: number;
  /** Samples along τ for the figures. */
  series: { tau: number; deviation: number; deviationFree: number | null; nu: number; cuPlusOne: number; clMinusBeta: number; aTop: number; aTopLaw: number }[];
}

/**
 * Run the Keller–Segel experiment (profiles and the physical-time check). Throws only for bad
 * settings (the physical pair must be admissible).
 *
 * @example
 * ```ts
 * runKellerSegelExperiment({ mus: [0], j0s: [4, 5], physical: null, radii: [0.5, 1, 2] });
 * ```
 */
export function runKellerSegelExperiment(settings: KellerSegelExperimentSettings): KellerSegelExperimentResult {
  const profiles: KellerSegelProfileEntry[] = [];
  const stop = settings.aborted ?? (() => false);
  // the profiles are quick ODE solves; the physical-time run gets the larger share of the progress
  const pairs = settings.mus.length * settings.j0s.length;
  const hasRescaled = settings.rescaled !== undefined && settings.rescaled !== null;
  const end = hasRescaled ? 0.8 : 1;
  const profileShare = settings.physical === null ? end : 0.3;
  const options = (label: string, from: number, to: number): RunOptions => settings.runOptions?.(label, from, to) ?? {};
  let k = 0;
  sweep: for (const mu of settings.mus) {
    for (const j0 of settings.j0s) {
      if (stop()) break sweep;
      const from = (profileShare * k) / pairs;
      k++;
      const adm = kellerSegelAdmissibility(mu, j0);
      if (!adm.admissible) {
        profiles.push({ mu, j0, beta: Number.isFinite(adm.beta) ? adm.beta : null, Q1: null, Q2: null, Q10: null, farSlope: null, farSlopeLimit: null, admissible: false, reason: adm.reason, status: 'rejected', samples: [], phase: [] });
        continue;
      }
      const p = kellerSegelProfile({ mu, j0 }, options(`profile μ = ${mu}, j0 = ${j0}`, from, (profileShare * k) / pairs));
      const h = p.history;
      const phase: { Q: number; m: number }[] = [];
      for (let i = 0; i < h.Q.length; i += Math.max(1, Math.floor(h.Q.length / 200))) phase.push({ Q: h.Q[i], m: h.m[i] });
      profiles.push({
        mu, j0, beta: p.beta, Q1: p.profileAt(1), Q2: p.profileAt(2), Q10: p.profileAt(10), farSlope: p.farSlope, farSlopeLimit: p.farSlopeLimit,
        admissible: true, reason: '', status: p.status, samples: settings.radii.map((r) => ({ r, Q: p.profileAt(r) })), phase,
      });
    }
  }
  let physical: KellerSegelExperimentResult['physical'] = null;
  if (settings.physical !== null && !stop()) {
    const { mu, j0, n, amplitudeRatio, width } = settings.physical;
    const p = kellerSegelProfile({ mu, j0 }, options('physical-time run: profile', profileShare, profileShare));
    const q0 = 1 / (1 - mu);
    const run = kellerSegelPhysical({
      mu, initialData: scaledProfileData((y) => p.profileAt(y), 1, width),
      grid: { n, length: 20 * width, scale: width / 2000 }, amplitudeTarget: amplitudeRatio * q0,
    }, options('physical-time run', profileShare, end));
    const T = run.blowupTime;
    const t = run.final.t;
    const ell = width * Math.pow(T - t, p.beta);
    const r = run.r;
    const rho = run.final.rho;
    const at = (x: number): number => {
      let i = 0;
      while (i < r.length - 2 && r[i + 1] < x) i++;
      const th = (x - r[i]) / (r[i + 1] - r[i]);
      return rho[i] * (1 - th) + rho[i + 1] * th;
    };
    const amplitude: { timeToBlowup: number; amplitude: number }[] = [];
    const h = run.history;
    const stride = Math.max(1, Math.floor(h.t.length / 300));
    for (let i = 0; i < h.t.length; i += stride) if (T - h.t[i] > 0) amplitude.push({ timeToBlowup: T - h.t[i], amplitude: h.amplitude[i] });
    physical = {
      mu, j0, status: run.status, message: run.message, blowupTime: T, rateToQ0: run.rateToQ0,
      rates: Array.from(run.rates.rate, (v, i) => ({ amplitude: run.rates.amplitude[i], rateToQ0: v * (1 - mu) })),
      maxBalanceDefect: run.maxBalanceDefect, steps: run.stats.naccept, rejected: run.stats.nreject,
      selfSimilar: [0.5, 0.9, 1, 1.1, 1.5, 2].map((y) => ({ y, computed: (T - t) * at(y * ell), profile: p.profileAt(y) })),
      amplitude,
    };
  }
  let rescaled: KellerSegelRescaledEntry | null = null;
  if (hasRescaled && !stop()) rescaled = runRescaledPart(settings.rescaled as NonNullable<KellerSegelExperimentSettings['rescaled']>, (label, a, b) => options(label, end + (1 - end) * a, end + (1 - end) * b));
  return { profiles, physical, rescaled };
}

/** The modulated run and the run without the unstable modulations (same data, same grid). */
function runRescaledPart(s: NonNullable<KellerSegelExperimentSettings['rescaled']>, options: (label: string, from: number, to: number) => RunOptions): KellerSegelRescaledEntry {
  const historyAt = Array.from({ length: Math.round(4 * s.tauEnd) - 1 }, (_, i) => (i + 1) / 4);
  const problem = { mu: s.mu, j0: s.j0, tauEnd: s.tauEnd, nu0: s.nu0, grid: { n: s.n }, historyAt, maxSteps: 1e5 };
  const held = kellerSegelRescaled(problem, options('rescaled dynamics', 0, 0.6));
  const free = kellerSegelRescaled({ ...problem, modulateUnstable: false }, options('rescaled dynamics without the unstable modulations', 0.6, 1));
  const h = held.history;
  const last = h.tau.length - 1;
  let maxCu = 0;
  for (let i = 0; i < h.cu.length; i++) maxCu = Math.max(maxCu, Math.abs(h.cu[i] + 1));
  const freeAt = new Map<number, number>();
  for (let i = 0; i < free.history.tau.length; i++) freeAt.set(free.history.tau[i], free.history.deviation[i]);
  return {
    mu: s.mu, j0: s.j0, n: s.n, nu0: s.nu0, tauEnd: s.tauEnd, status: held.status, message: held.message,
    trackedTolerance: 0.2, trackedRange: kellerSegelTrackedRange(h, 0.2), trackedRangeFree: kellerSegelTrackedRange(free.history, 0.2), statusFree: free.status,
    finalDeviation: h.deviation[last], deviationOverNu: h.deviation[last] / h.nu[last], maxCuError: maxCu, clMinusBeta: h.clMinusBeta[last],
    aTopOverLaw: h.aTop[last] / h.aTopLaw[last], blowupTime: h.blowupTime[last], steps: held.stats.naccept,
    series: Array.from(h.tau, (tau, i) => ({
      tau, deviation: h.deviation[i], deviationFree: freeAt.get(tau) ?? null, nu: h.nu[i], cuPlusOne: h.cu[i] + 1, clMinusBeta: h.clMinusBeta[i], aTop: h.aTop[i], aTopLaw: h.aTopLaw[i],
    })),
  };
}
