/**
 * Option plumbing shared by the high-level heat solvers (`heatBlowupRadial`, `heatBlowup2D`):
 * the default sinh-mapped even grid, the history times and the stepper wrapper.
 *
 * @module
 */
import { checkInteger, checkPositive } from '../../core/check';
import { checkSaveAt, type RunStats, type Stepper } from '../../core/run';
import type { SolveStatus } from '../../core/status';
import { InvalidTypeError } from '../../core/errors';
import { Grid1D, mappedGrid } from '../../grid/grid1d';
import { sinhMap } from '../../grid/maps';

/** A grid starting at 0, or the parameters of the sinh map `z = A sinh(bs)` on [0, length]. */
export type HeatGridSpec = Grid1D | {
  /** Number of nodes. */
  n?: number;
  /** Domain length L. */
  length?: number;
  /** Scale A of the sinh map (the spacing near 0 is about A·b/(n−1)). */
  scale?: number;
};

/**
 * Resolve a {@link HeatGridSpec} to an even-symmetric grid, with the solver's defaults for the
 * node count and the length. Throws named errors for bad specs.
 */
export function resolveHeatGrid(grid: HeatGridSpec | undefined, defaults: { n: number; length: number }): Grid1D {
  if (grid instanceof Grid1D) return grid;
  if (grid !== undefined && (grid === null || typeof grid !== 'object')) throw new InvalidTypeError('options.grid', 'a Grid1D or { n, length, scale }', grid);
  const spec = grid ?? {};
  const n = checkInteger('options.grid.n', spec.n ?? defaults.n, 8);
  const length = checkPositive('options.grid.length', spec.length ?? defaults.length);
  const scale = checkPositive('options.grid.scale', spec.scale ?? 1);
  return mappedGrid(sinhMap({ length, scale }), n, { symmetry: 'even' });
}

/**
 * The diagnostic (history) times of a run: `historyAt` checked by the one ordering rule
 * (finite, strictly increasing, in [0, tauEnd]; never sorted), default 16 per decade from
 * τ = 0.01 up to (excluding) tauEnd.
 */
export function heatHistoryTimes(tauEnd: number, historyAt: ArrayLike<number> | undefined): Float64Array {
  if (historyAt === undefined) return Float64Array.from(logSpacedTimes(tauEnd));
  return checkSaveAt('problem.historyAt', historyAt, 0, tauEnd);
}

/**
 * A {@link Stepper} that advances an inner stepper and maps its result: the high-level solvers
 * built on the rescaling driver are this over `initRescaled`.
 */
export class MappedStepper<R0, R> implements Stepper<R> {
  constructor(private readonly inner: Stepper<R0>, private readonly map: (r: R0) => R) {}
  /** The inner run's status. */
  get status(): SolveStatus | 'running' { return this.inner.status; }
  /** The inner run's time. */
  get t(): number { return this.inner.t; }
  /** The inner run's fraction done. */
  get fraction(): number { return this.inner.fraction; }
  /** The inner run's counters. */
  get stats(): RunStats { return this.inner.stats; }
  /** One step of the inner run. */
  step(): boolean { return this.inner.step(); }
  /** Stop the inner run. */
  stop(status: SolveStatus, message: string): void { this.inner.stop(status, message); }
  /** The inner run's progress extras. */
  progressExtras(): Record<string, number> { return this.inner.progressExtras?.() ?? {}; }
  /** The mapped result. */
  result(): R { return this.map(this.inner.result()); }
}

/** 16 times per decade from 0.01 up to (excluding) tauEnd. */
function logSpacedTimes(tauEnd: number): number[] {
  const out: number[] = [];
  for (let e = -32; ; e++) {
    const v = Math.pow(10, e / 16);
    if (v >= tauEnd) break;
    out.push(v);
  }
  return out;
}
