/**
 * The time plan of the Section 3 reproduction of "From pinned billiard balls to partial
 * differential equations" (Monte Carlo against the mean-field PDE, Figs. 2–5): the horizon T, the
 * output times of Fig. 5 and of the white-noise diagnostics, the PDE end time and the Monte Carlo
 * output times (snapshots plus a scan for the freeze detector).
 *
 * T is the PDE freeze time when the (reversed) data freeze, otherwise the probe horizon
 * `PROBE_LAMBDA_T/λ` (reversed orientation, small λ) or the paper's horizon `PAPER_T` (orientation
 * as printed, which is already sorted and never freezes).
 *
 * Reproduction code: used by `singularis reproduce billiards`, not exported from
 * `singularis/billiards`.
 *
 * @module
 */
import type { Orientation } from '../initialData';

/** The paper's horizon T (§3), used when nothing freezes in the orientation as printed. */
export const PAPER_T = 1.20162e-4;
/** Probe horizon of the reversed orientation in units of 1/λ (freeze at λT ≈ 0.96 for λ ≳ 35). */
export const PROBE_LAMBDA_T = 3;
/** Output times of Fig. 5 as fractions of T. */
export const FIG5_FRACTIONS: readonly number[] = [0.01, 0.2, 0.4, 0.6, 0.8, 0.99];
/** Time of the white-noise diagnostics (Figs. 2–4) as a fraction of T. */
export const WHITE_NOISE_FRACTION = 0.37;
/** Number of Monte Carlo output times of the freeze scan. */
const SCAN_POINTS = 60;

/** Which horizon T is: the PDE freeze time, the probe horizon or the paper's horizon. */
export type HorizonKind = 'freeze' | 'probe' | 'paper';

/** The time plan of one reproduction run (see {@link section3Schedule}). */
export interface Section3Schedule {
  /** The horizon T. */
  T: number;
  /** Which horizon T is. */
  horizon: HorizonKind;
  /** Output times of Fig. 5 (`FIG5_FRACTIONS · T`). */
  fig5Times: number[];
  /** Time of the white-noise diagnostics (`WHITE_NOISE_FRACTION · T`). */
  whiteNoiseTime: number;
  /** Fig. 5 times, the white-noise time and the extra times, sorted, without repeats. */
  snapshotTimes: number[];
  /** End time of the PDE run with snapshots (1.5 T past a freeze, else T, at least the last snapshot). */
  pdeEnd: number;
  /** Output times of the Monte Carlo ensemble: the snapshots plus 60 scan times up to the PDE end, strictly increasing. */
  monteCarloTimes: number[];
}

/**
 * The end time of the PDE probe run that looks for the freeze: `PROBE_LAMBDA_T/λ` in the reversed
 * orientation, the paper's horizon otherwise.
 *
 * @example
 * ```ts
 * probeHorizon('reversed', lambdaForBalls(60)); // 3/λ
 * ```
 */
export function probeHorizon(orientation: Orientation, lambda: number): number {
  return orientation === 'reversed' ? PROBE_LAMBDA_T / lambda : PAPER_T;
}

/**
 * The time plan once the probe run is done: `pdeFreeze` is its freeze time (null when nothing
 * froze) and `extraTimes` are further snapshot times asked for by the user.
 *
 * @example
 * ```ts
 * const plan = section3Schedule('reversed', lambda, probe.freeze.time, []);
 * plan.T; plan.snapshotTimes; plan.monteCarloTimes;
 * ```
 */
export function section3Schedule(orientation: Orientation, lambda: number, pdeFreeze: number | null, extraTimes: readonly number[]): Section3Schedule {
  const horizon: HorizonKind = pdeFreeze !== null ? 'freeze' : orientation === 'reversed' ? 'probe' : 'paper';
  const T = pdeFreeze ?? probeHorizon(orientation, lambda);
  const fig5Times = FIG5_FRACTIONS.map((fr) => fr * T);
  const whiteNoiseTime = WHITE_NOISE_FRACTION * T;
  const snapshotTimes = [...new Set([...fig5Times, whiteNoiseTime, ...extraTimes])].sort((a, b) => a - b);
  const pdeEnd = Math.max(snapshotTimes[snapshotTimes.length - 1], pdeFreeze === null ? T : 1.5 * T);
  const scanEnd = pdeFreeze === null ? T : 1.5 * T;
  const scan = Array.from({ length: SCAN_POINTS }, (_, k) => ((k + 1) / SCAN_POINTS) * scanEnd);
  // output times must be strictly increasing (the library does not sort them)
  const monteCarloTimes = [...new Set([...snapshotTimes, ...scan])].sort((a, b) => a - b);
  return { T, horizon, fig5Times, whiteNoiseTime, snapshotTimes, pdeEnd, monteCarloTimes };
}
