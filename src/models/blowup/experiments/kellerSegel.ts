/**
 * The Keller–Segel reproduction (thesis §1.1.3): self-similar profiles for a list of (μ, j0)
 * pairs by the phase-portrait ODE, and one physical-time blowup from data on a scaled profile
 * with its rate `ρ(0,t)(T − t) → Q(0) = 1/(1−μ)`. Used by `singularis reproduce keller-segel` and
 * the bench; not exported from the model's subpath.
 *
 * @module
 */
import type { RunOptions } from '../../../core/run';
import { kellerSegelAdmissibility, kellerSegelProfile } from '../kellerSegelProfile';
import { kellerSegelPhysical, scaledProfileData } from '../kellerSegelPhysical';

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
  const profileShare = settings.physical === null ? 1 : 0.3;
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
    }, options('physical-time run', profileShare, 1));
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
  return { profiles, physical };
}
