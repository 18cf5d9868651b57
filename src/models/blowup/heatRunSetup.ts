/**
 * Option plumbing shared by the high-level heat solvers (`heatBlowupRadial`, `heatBlowup2D`):
 * the default sinh-mapped even grid and the merged diagnostic / snapshot times.
 *
 * @module
 */
import { checkFinite, checkInteger, checkPositive } from '../../core/check';
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
 * The diagnostic times of a run: `sampleAt` (default 16 per decade from τ = 0.01) merged with the
 * snapshot times, restricted to (0, tauEnd], sorted, duplicates removed; plus the sorted
 * snapshot times.
 */
export function heatSampleTimes(
  tauEnd: number,
  sampleAt: ArrayLike<number> | undefined,
  snapshotAt: ArrayLike<number> | undefined,
): { samples: number[]; snapshots: number[] } {
  const snapshots = snapshotAt === undefined ? [] : Array.from(snapshotAt, (v, i) => checkFinite(`options.snapshotAt[${i}]`, v));
  const base = sampleAt === undefined ? logSpacedTimes(tauEnd) : Array.from(sampleAt, (v, i) => checkFinite(`options.sampleAt[${i}]`, v));
  const all = base.concat(snapshots).filter((v) => v > 0 && v <= tauEnd).sort((x, y) => x - y);
  const samples: number[] = [];
  for (const v of all) if (samples.length === 0 || v > samples[samples.length - 1] * (1 + 1e-12)) samples.push(v);
  return { samples, snapshots: snapshots.sort((a, b) => a - b) };
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
