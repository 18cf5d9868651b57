/**
 * One-dimensional grids: uniform and mapped non-uniform. A grid owns its node coordinates, the
 * spacings and the exact metric terms of its map, and declares an optional parity (even/odd
 * symmetry about x = 0) that derivative operators and ghost-fill helpers use.
 *
 * @module
 */
import { checkAllFinite, checkFinite, checkInteger, checkOneOf, checkPositive, checkStrictlyIncreasing } from '../core/check';
import { InvalidArgumentError } from '../core/errors';
import type { Vec } from '../core/types';
import { linearMap, type GridMap } from './maps';

/**
 * Parity of the fields on a grid that starts at 0: `'even'` means f(−x) = f(x), `'odd'` means
 * f(−x) = −f(x), `'none'` declares nothing.
 *
 * @example
 * ```ts
 * const g = uniformGrid(11, { symmetry: 'odd' satisfies GridSymmetry });
 * ```
 */
export type GridSymmetry = 'none' | 'even' | 'odd';

/**
 * The accepted {@link GridSymmetry} values.
 *
 * @example
 * ```ts
 * GRID_SYMMETRIES.includes('even'); // true
 * ```
 */
export const GRID_SYMMETRIES: readonly GridSymmetry[] = ['none', 'even', 'odd'];

/**
 * Options shared by the grid factories.
 *
 * @example
 * ```ts
 * mappedGrid(sinhMap({ length: 10 }), 64, { symmetry: 'even' });
 * ```
 */
export interface GridOptions {
  /** Declared parity about x = 0 (default `'none'`); anything else requires the grid to start at 0. */
  symmetry?: GridSymmetry;
}

/**
 * A 1-D grid of n ≥ 2 strictly increasing nodes `x[i] = z(s_i)`, `s_i = i/(n−1)`, built from a
 * {@link GridMap}. Arrays are owned by the grid; treat them as read-only.
 *
 * @example
 * ```ts
 * const g = mappedGrid(sinhMap({ length: 1e5 }), 300, { symmetry: 'even' });
 * g.x[0];        // 0
 * g.spacing[0];  // ≈ A·b/299
 * g.dxds[i];     // exact z'(s_i)
 * ```
 */
export class Grid1D {
  /** Number of nodes. */
  readonly n: number;
  /** Node coordinates, strictly increasing; `x[0] = domain[0]`, `x[n−1] = domain[1]` exactly. */
  readonly x: Vec;
  /** Computational coordinates `s[i] = i/(n−1)`. */
  readonly s: Vec;
  /** Spacings `spacing[i] = x[i+1] − x[i]`, length n−1. */
  readonly spacing: Vec;
  /** Exact Jacobian `z'(s_i)` at the nodes. */
  readonly dxds: Vec;
  /** Exact `z''(s_i)` at the nodes. */
  readonly d2xds2: Vec;
  /** The interval `[x[0], x[n−1]]`. */
  readonly domain: readonly [number, number];
  /** `domain[1] − domain[0]`. */
  readonly length: number;
  /** Declared parity about x = 0. */
  readonly symmetry: GridSymmetry;
  /** The map the nodes came from. */
  readonly map: GridMap;
  /** True for grids built by {@link uniformGrid}. */
  readonly isUniform: boolean;

  /** Prefer {@link uniformGrid} and {@link mappedGrid}; this constructor does the validation. */
  constructor(map: GridMap, n: number, options: GridOptions = {}, isUniform = false) {
    checkInteger('n', n, 2);
    const symmetry = checkOneOf('options.symmetry', options.symmetry ?? 'none', GRID_SYMMETRIES);
    const [a, b] = map.domain;
    checkFinite('map.domain[0]', a);
    checkFinite('map.domain[1]', b);
    if (!(b > a)) throw new InvalidArgumentError('map.domain', `an interval [a, b] with b > a = ${a}`, b);
    if (symmetry !== 'none' && a !== 0) {
      throw new InvalidArgumentError('options.symmetry', `'none' unless the grid starts at 0 (it starts at ${a})`, symmetry);
    }
    const x = new Float64Array(n);
    const s = new Float64Array(n);
    const dxds = new Float64Array(n);
    const d2xds2 = new Float64Array(n);
    const ds = 1 / (n - 1);
    for (let i = 0; i < n; i++) {
      const si = i === n - 1 ? 1 : i * ds;
      s[i] = si;
      x[i] = isUniform ? a + (b - a) * si : map.z(si);
      dxds[i] = map.dzds(si);
      d2xds2[i] = map.d2zds2(si);
    }
    x[0] = a;
    x[n - 1] = b;
    checkStrictlyIncreasing(`nodes of map ${map.name}`, x, 2);
    checkAllFinite(`z'(s) of map ${map.name}`, dxds);
    checkAllFinite(`z''(s) of map ${map.name}`, d2xds2);
    const spacing = new Float64Array(n - 1);
    for (let i = 0; i < n - 1; i++) spacing[i] = x[i + 1] - x[i];
    this.n = n;
    this.x = x;
    this.s = s;
    this.spacing = spacing;
    this.dxds = dxds;
    this.d2xds2 = d2xds2;
    this.domain = [a, b];
    this.length = b - a;
    this.symmetry = symmetry;
    this.map = map;
    this.isUniform = isUniform;
  }

  /** Smallest spacing. O(n). */
  minSpacing(): number {
    let m = Infinity;
    for (let i = 0; i < this.n - 1; i++) if (this.spacing[i] < m) m = this.spacing[i];
    return m;
  }

  /** Largest spacing. O(n). */
  maxSpacing(): number {
    let m = 0;
    for (let i = 0; i < this.n - 1; i++) if (this.spacing[i] > m) m = this.spacing[i];
    return m;
  }

  /**
   * Index i of the interval `[x[i], x[i+1]]` containing `value`, clamped to [0, n−2]
   * (points left of the domain give 0, right of it n−2). Binary search, O(log n).
   */
  locate(value: number): number {
    return locateInterval(this.x, this.n, value);
  }
}

/**
 * Index i in [0, n−2] with `x[i] ≤ value < x[i+1]` for sorted `x` (clamped at both ends; the
 * right end x[n−1] belongs to interval n−2). Binary search, O(log n), no allocation.
 *
 * @example
 * ```ts
 * locateInterval(new Float64Array([0, 1, 3]), 3, 2.5); // 1
 * ```
 */
export function locateInterval(x: ArrayLike<number>, n: number, value: number): number {
  if (!(value > x[0])) return 0;
  if (value >= x[n - 1]) return n - 2;
  let lo = 0;
  let hi = n - 1; // invariant x[lo] <= value < x[hi]
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (x[mid] <= value) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * A uniform grid of n nodes `x_i = start + i·length/(n−1)` (n−1 intervals; note n counts
 * nodes, so "N intervals" is `uniformGrid(N + 1)`). Metric: z' = length, z'' = 0. O(n).
 *
 * @param n - number of nodes, an integer ≥ 2
 * @param options.start - x_0 (default 0)
 * @param options.length - x_{n−1} − x_0, > 0 (default 1)
 * @param options.symmetry - declared parity about 0 (requires start = 0)
 * @example
 * ```ts
 * const g = uniformGrid(3201, { length: 1 }); // dx = 1/3200
 * ```
 */
export function uniformGrid(n: number, options: GridOptions & { start?: number; length?: number } = {}): Grid1D {
  checkInteger('n', n, 2);
  const start = checkFinite('options.start', options.start ?? 0);
  const length = checkPositive('options.length', options.length ?? 1);
  return new Grid1D(linearMap(start, length), n, options, true);
}

/**
 * A non-uniform grid `x_i = map.z(i/(n−1))` with exact metric arrays from the map
 * (see `sinhMap`, `powerMap`, `tanhMap`, `userMap`). Verifies that the produced nodes are
 * strictly increasing and the metric is finite. O(n) map evaluations.
 *
 * @param map - the map s ∈ [0,1] → z
 * @param n - number of nodes, an integer ≥ 2
 * @param options.symmetry - declared parity about 0 (requires map.domain[0] = 0)
 * @example
 * ```ts
 * const g = mappedGrid(tanhMap({ length: 1, strength: 2 }), 101);
 * ```
 */
export function mappedGrid(map: GridMap, n: number, options: GridOptions = {}): Grid1D {
  if (map === null || typeof map !== 'object') throw new InvalidArgumentError('map', 'a GridMap object', map);
  return new Grid1D(map, n, options, false);
}
