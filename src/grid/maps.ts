/**
 * Grid maps: smooth, strictly increasing maps s ∈ [0, 1] → z with exact metric terms z'(s) and
 * z''(s). A mapped grid places node i at z(s_i), s_i = i/(n−1); the metric terms let derivative
 * operators work in the computational coordinate s (∂_z = ∂_s / z'(s)) and let quadrature rules
 * use the exact Jacobian.
 *
 * @module
 */
import { checkFinite, checkFunction, checkInRange, checkOneOf, checkPositive } from '../core/check';
import { InvalidArgumentError } from '../core/errors';

/**
 * A map s ∈ [0, 1] → z ∈ [domain[0], domain[1]] with exact first and second derivatives.
 * `z(0) = domain[0]`, `z(1) = domain[1]`, and z must be strictly increasing on [0, 1].
 *
 * @example
 * ```ts
 * const map: GridMap = sinhMap({ length: 100 });
 * map.z(0.5); map.dzds(0.5); map.d2zds2(0.5);
 * ```
 */
export interface GridMap {
  /** Short description used in messages and reports, e.g. `"sinh(A=1, L=100000)"`. */
  readonly name: string;
  /** The image interval `[z(0), z(1)]`. */
  readonly domain: readonly [number, number];
  /** The map z(s). */
  z(s: number): number;
  /** Its first derivative z'(s) (the Jacobian dz/ds). */
  dzds(s: number): number;
  /** Its second derivative z''(s). */
  d2zds2(s: number): number;
}

/**
 * Which end(s) of the interval a clustering map refines.
 *
 * @example
 * ```ts
 * tanhMap({ length: 1, strength: 2, clusterAt: 'both' satisfies ClusterSide });
 * ```
 */
export type ClusterSide = 'left' | 'right' | 'both';

const CLUSTER_SIDES: readonly ClusterSide[] = ['left', 'right', 'both'];

/**
 * The affine map z = start + length·s (uniform nodes).
 *
 * @param start - z(0), finite
 * @param length - z(1) − z(0), finite and > 0
 * @example
 * ```ts
 * const map = linearMap(-1, 2); // [−1, 1]
 * ```
 */
export function linearMap(start: number, length: number): GridMap {
  checkFinite('start', start);
  checkPositive('length', length);
  return {
    name: `linear(start=${start}, length=${length})`,
    domain: [start, start + length],
    z: (s) => start + length * s,
    dzds: () => length,
    d2zds2: () => 0,
  };
}

/**
 * The sinh map `z = start + A·sinh(b·s)` with `b = asinh(L/A)`, so that z(1) = start + L.
 * Fine near the start (`h ≈ A·b/(n−1)`) and geometric far away (`h/z ≈ b/(n−1)`), which
 * matches profiles with algebraic decay. The blowup solvers' default is A = 1 on [0, 10⁵].
 *
 * z'(s) = A·b·cosh(b s), z''(s) = A·b²·sinh(b s).
 *
 * @param options.length - L > 0, the length of the domain
 * @param options.scale - A > 0 (default 1): the region |z| ≲ A is resolved almost uniformly
 * @param options.start - z(0) (default 0)
 * @example
 * ```ts
 * const grid = mappedGrid(sinhMap({ length: 1e5, scale: 1 }), 300, { symmetry: 'even' });
 * ```
 */
export function sinhMap(options: { length: number; scale?: number; start?: number }): GridMap {
  const length = checkPositive('options.length', options.length);
  const scale = checkPositive('options.scale', options.scale ?? 1);
  const start = checkFinite('options.start', options.start ?? 0);
  const b = Math.asinh(length / scale);
  return {
    name: `sinh(A=${scale}, L=${length})`,
    domain: [start, start + length],
    z: (s) => start + scale * Math.sinh(b * s),
    dzds: (s) => scale * b * Math.cosh(b * s),
    d2zds2: (s) => scale * b * b * Math.sinh(b * s),
  };
}

/**
 * The algebraic (power) map. With `clusterAt: 'left'`: `z = start + L·s^p`; with
 * `clusterAt: 'right'`: `z = start + L·(1 − (1−s)^p)` (e.g. p = 3 on [0, π] is the Hou–Li grid
 * clustered at π). Requires p = 1 (uniform) or p ∈ [2, 16]: for p > 1 the Jacobian vanishes at the
 * clustered end (nodes there are spaced like `L·(i/(n−1))^p`), and for 1 < p < 2 z'' would be
 * infinite there, so those exponents are rejected.
 *
 * @param options.length - L > 0
 * @param options.exponent - p = 1 or p in [2, 16]
 * @param options.clusterAt - `'left'` (default) or `'right'`
 * @param options.start - z(0) (default 0)
 * @example
 * ```ts
 * const grid = mappedGrid(powerMap({ length: Math.PI, exponent: 3, clusterAt: 'right' }), 201);
 * ```
 */
export function powerMap(options: { length: number; exponent: number; clusterAt?: 'left' | 'right'; start?: number }): GridMap {
  const length = checkPositive('options.length', options.length);
  const p = checkInRange('options.exponent', options.exponent, 1, 16);
  if (p > 1 && p < 2) throw new InvalidArgumentError('options.exponent', '1 or a number in [2, 16] (z\'\' is infinite at the clustered end for 1 < p < 2)', p);
  const side = checkOneOf('options.clusterAt', options.clusterAt ?? 'left', ['left', 'right'] as const);
  const start = checkFinite('options.start', options.start ?? 0);
  const name = `power(p=${p}, ${side}, L=${length})`;
  if (side === 'left') {
    return {
      name,
      domain: [start, start + length],
      z: (s) => start + length * Math.pow(s, p),
      dzds: (s) => length * p * Math.pow(s, p - 1),
      d2zds2: (s) => (p === 1 ? 0 : length * p * (p - 1) * Math.pow(s, p - 2)),
    };
  }
  return {
    name,
    domain: [start, start + length],
    z: (s) => start + length * (1 - Math.pow(1 - s, p)),
    dzds: (s) => length * p * Math.pow(1 - s, p - 1),
    d2zds2: (s) => (p === 1 ? 0 : -length * p * (p - 1) * Math.pow(1 - s, p - 2)),
  };
}

/**
 * The tanh clustering map with strength β > 0 (larger β clusters harder; ratio of largest to
 * smallest spacing ≈ cosh²β):
 * - `'both'`: `z = start + (L/2)·(1 + tanh(β(2s−1))/tanh β)` (refined at both ends);
 * - `'left'`: `z = start + L·(1 − tanh(β(1−s))/tanh β)`;
 * - `'right'`: `z = start + L·tanh(β s)/tanh β`.
 *
 * @param options.length - L > 0
 * @param options.strength - β in (0, 20]
 * @param options.clusterAt - `'both'` (default), `'left'` or `'right'`
 * @param options.start - z(0) (default 0)
 * @example
 * ```ts
 * const grid = mappedGrid(tanhMap({ length: 1, strength: 2, clusterAt: 'left' }), 101);
 * ```
 */
export function tanhMap(options: { length: number; strength: number; clusterAt?: ClusterSide; start?: number }): GridMap {
  const length = checkPositive('options.length', options.length);
  const beta = checkInRange('options.strength', options.strength, 0, 20);
  if (beta === 0) throw new InvalidArgumentError('options.strength', 'a finite number in (0, 20]', beta);
  const side = checkOneOf('options.clusterAt', options.clusterAt ?? 'both', CLUSTER_SIDES);
  const start = checkFinite('options.start', options.start ?? 0);
  const tb = Math.tanh(beta);
  const name = `tanh(beta=${beta}, ${side}, L=${length})`;
  const domain: [number, number] = [start, start + length];
  // With u = u(s) affine, z = start + c0 + c1·tanh(u); z' = c1·u'·sech²u; z'' = −2c1·u'²·sech²u·tanh u.
  let c0: number;
  let c1: number;
  let u0: number;
  let du: number;
  if (side === 'both') {
    c0 = length / 2; c1 = length / (2 * tb); u0 = -beta; du = 2 * beta;
  } else if (side === 'left') {
    c0 = length; c1 = length / tb; u0 = -beta; du = beta; // tanh(β(s−1)) = −tanh(β(1−s))
  } else {
    c0 = 0; c1 = length / tb; u0 = 0; du = beta;
  }
  return {
    name,
    domain,
    z: (s) => start + c0 + c1 * Math.tanh(u0 + du * s),
    dzds: (s) => {
      const c = Math.cosh(u0 + du * s);
      return (c1 * du) / (c * c);
    },
    d2zds2: (s) => {
      const u = u0 + du * s;
      const c = Math.cosh(u);
      return (-2 * c1 * du * du * Math.tanh(u)) / (c * c);
    },
  };
}

/**
 * A user-supplied map. The caller provides z(s), z'(s) and z''(s); the domain is
 * `[z(0), z(1)]`. Monotonicity is verified on the nodes when a grid is built
 * ({@link mappedGrid}); consistency of the derivatives is the caller's responsibility.
 *
 * @param map.z - z(s) on [0, 1]
 * @param map.dzds - z'(s)
 * @param map.d2zds2 - z''(s)
 * @param map.name - optional description
 * @example
 * ```ts
 * // cubic clustering at 0: z = s³ + s (z' > 0 everywhere)
 * const map = userMap({ z: (s) => s ** 3 + s, dzds: (s) => 3 * s * s + 1, d2zds2: (s) => 6 * s });
 * ```
 */
export function userMap(map: { z: (s: number) => number; dzds: (s: number) => number; d2zds2: (s: number) => number; name?: string }): GridMap {
  checkFunction('map.z', map.z);
  checkFunction('map.dzds', map.dzds);
  checkFunction('map.d2zds2', map.d2zds2);
  const z0 = checkFinite('map.z(0)', map.z(0));
  const z1 = checkFinite('map.z(1)', map.z(1));
  if (!(z1 > z0)) throw new InvalidArgumentError('map.z(1)', `a finite number > map.z(0) = ${z0}`, z1);
  return { name: map.name ?? 'user', domain: [z0, z1], z: map.z, dzds: map.dzds, d2zds2: map.d2zds2 };
}
