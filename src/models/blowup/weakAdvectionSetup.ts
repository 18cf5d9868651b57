/**
 * Validation and setup shared by the rescaled and the physical weak-advection solvers: the grid of
 * [0, π] (clustered at π, optionally at 0), the odd initial data, and the model parameters.
 *
 * @module
 */
import { checkAllFinite, checkFinite, checkInRange, checkInteger, checkNonNegative, checkOneOf, checkStrictlyIncreasing, checkVec } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import type { Vec } from '../../core/types';
import { Grid1D } from '../../grid/grid1d';

/**
 * The grid of a weak-advection run: a {@link Grid1D} or node array with x[0] = 0 and x[n−1] = π,
 * or the parameters of the map of {@link weakAdvectionNodes} (clustered at π, optionally at 0).
 */
export type WeakAdvectionGridSpec =
  | Grid1D
  | Vec
  | {
      /** Number of nodes, integer ≥ 8 (default 400). */
      n?: number;
      /** Clustering exponent p ∈ [1, 6] at π (default 3; 1 = uniform). */
      exponent?: number;
      /** Refinement at x = 0, where the normalization and c_u live (and Hölder data): exponent q ∈ [1, 4] (default 2; 1 = none). */
      zeroExponent?: number;
    };

/** The model parameters shared by the solvers. */
export interface WeakAdvectionParameters {
  /** Advection strength a ∈ (0, 1] (a = 1: Hou–Li, thesis (A.1.4); a < 1: weak advection, (A.1.5)). */
  a: number;
  /** Hölder exponent α ∈ (0, 1] of the data at x = 0 (thesis §A.4; default 1 = smooth data). */
  alpha?: number;
  /** Viscosity ν ≥ 0 (thesis §A.5; default 0). */
  nu?: number;
}

/** Initial data ũ(x, 0), ω̃(x, 0) on [0, π]: functions (checked for oddness about 0 and π) or nodal arrays. */
export interface WeakAdvectionData {
  /** ũ(x, 0). */
  u: ((x: number) => number) | Vec;
  /** ω̃(x, 0). */
  omega: ((x: number) => number) | Vec;
}

/**
 * The nodes of a weak-advection run on [0, π]. A given {@link Grid1D} or node array must be strictly
 * increasing with x[0] = 0 and x[n−1] = π (to 4 ulps; then set exactly). Otherwise the map
 * `x = π(1 − (1 − σ(s))^p)`, s = i/(n−1), with σ(s) = s for q = 1 (the power map clustered at π,
 * where the rescaled profile forms a cusp, thesis §A) or `σ(s) = s^q(q − (q−1)s)` for q > 1
 * (σ' = s^{q−1}(q² − (q²−1)s) > 0, σ'(1) = 1), which also refines x = 0 like s^q (Hölder data,
 * thesis §A.4) and leaves the clustering at π unchanged.
 *
 * @example
 * ```ts
 * const x = weakAdvectionNodes({ n: 400, exponent: 3, zeroExponent: 2 }); // π(1 − (1 − σ)³), σ = s²(2 − s)
 * ```
 */
export function weakAdvectionNodes(spec: WeakAdvectionGridSpec | undefined): Vec {
  if (spec instanceof Grid1D) return checkHouLiNodes('problem.grid', Float64Array.from(spec.x));
  if (spec instanceof Float64Array || Array.isArray(spec)) return checkHouLiNodes('problem.grid', Float64Array.from(spec as ArrayLike<number>));
  if (spec !== undefined && (spec === null || typeof spec !== 'object')) throw new InvalidTypeError('problem.grid', 'a Grid1D, a node array or { n, exponent, zeroExponent }', spec);
  const o = spec ?? {};
  const n = checkInteger('problem.grid.n', o.n ?? 400, 8, 1 << 22);
  const p = checkInRange('problem.grid.exponent', o.exponent ?? 3, 1, 6);
  const q = checkInRange('problem.grid.zeroExponent', o.zeroExponent ?? 2, 1, 4);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = i / (n - 1);
    const sig = q === 1 ? s : Math.pow(s, q) * (q - (q - 1) * s);
    x[i] = Math.PI * (1 - Math.pow(1 - sig, p));
  }
  x[0] = 0;
  x[n - 1] = Math.PI;
  return checkHouLiNodes('problem.grid', x);
}

function checkHouLiNodes(name: string, x: Vec): Vec {
  const n = x.length;
  if (n < 8) throw new InvalidArgumentError(`${name}.length`, 'at least 8 nodes', n);
  checkAllFinite(name, x);
  checkStrictlyIncreasing(name, x, 8);
  if (x[0] !== 0) throw new InvalidArgumentError(`${name}[0]`, '0 (the grid must contain the endpoint x = 0)', x[0]);
  const last = x[n - 1];
  if (Math.abs(last - Math.PI) > 4 * Number.EPSILON * Math.PI) throw new InvalidArgumentError(`${name}[n-1]`, 'π (the grid must contain the endpoint x = π)', last);
  x[n - 1] = Math.PI;
  return x;
}

/** Validated parameters. */
export interface ResolvedParameters {
  /** a ∈ (0, 1]. */
  a: number;
  /** α ∈ (0, 1]. */
  alpha: number;
  /** ν ≥ 0. */
  nu: number;
}

/**
 * Validate a, α, ν: a ∈ (0, 1], α ∈ (0, 1], ν ≥ 0 (finite), each named in the error.
 * @example
 * ```ts
 * resolveWeakAdvectionParameters({ a: 0.9 }); // { a: 0.9, alpha: 1, nu: 0 }
 * ```
 */
export function resolveWeakAdvectionParameters(p: WeakAdvectionParameters): ResolvedParameters {
  const a = checkFinite('problem.a', p.a);
  if (!(a > 0 && a <= 1)) throw new InvalidArgumentError('problem.a', 'a number in (0, 1] (weak advection requires a ≤ 1)', a);
  const alpha = checkFinite('problem.alpha', p.alpha ?? 1);
  if (!(alpha > 0 && alpha <= 1)) throw new InvalidArgumentError('problem.alpha', 'a number in (0, 1]', alpha);
  const nu = checkNonNegative('problem.nu', p.nu ?? 0);
  return { a, alpha, nu };
}

/**
 * Default data: `(sin x, sin x)` for α = 1, the Hölder profile `(sin^{(1+α)/2} x, sin^α x)` of thesis
 * §A.4 otherwise (on [0, π], where sin ≥ 0).
 * @example
 * ```ts
 * const d = defaultWeakAdvectionData(1); (d.u as (x: number) => number)(1); // sin 1
 * ```
 */
export function defaultWeakAdvectionData(alpha: number): WeakAdvectionData {
  if (alpha === 1) return { u: Math.sin, omega: Math.sin };
  const g = (1 + alpha) / 2;
  return {
    u: (x) => Math.sign(Math.sin(x)) * Math.pow(Math.abs(Math.sin(x)), g),
    omega: (x) => Math.sign(Math.sin(x)) * Math.pow(Math.abs(Math.sin(x)), alpha),
  };
}

/** Initial data sampled at the nodes (copies, exactly 0 at both ends). */
export interface SampledWeakAdvectionData {
  /** ũ at the nodes. */
  u: Vec;
  /** ω̃ at the nodes. */
  omega: Vec;
}

/**
 * Sample and check initial data on the nodes: finite; functions must be odd about 0 (f(−x) = −f(x)
 * at the nodes) and vanish at π (odd 2π-periodic); arrays must vanish at both ends. Tolerance
 * `1e-12·max|f|`. Returns copies.
 * @example
 * ```ts
 * const { u, omega } = sampleWeakAdvectionData(grid.x, { u: Math.sin, omega: Math.sin });
 * ```
 */
export function sampleWeakAdvectionData(x: Vec, data: WeakAdvectionData): SampledWeakAdvectionData {
  if (data === null || typeof data !== 'object') throw new InvalidTypeError('problem.initialData', 'an object { u, omega }', data);
  return { u: sampleOne('problem.initialData.u', x, data.u), omega: sampleOne('problem.initialData.omega', x, data.omega) };
}

function sampleOne(name: string, x: Vec, f: ((x: number) => number) | Vec): Vec {
  const n = x.length;
  let v: Vec;
  let odd = new Float64Array(n);
  if (typeof f === 'function') {
    v = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      v[i] = f(x[i]);
      odd[i] = f(-x[i]) + v[i];
    }
  } else {
    v = Float64Array.from(checkVec(name, f as Vec, n));
    odd = new Float64Array(n);
  }
  let scale = 0;
  for (let i = 0; i < n; i++) {
    if (typeof v[i] !== 'number' || !Number.isFinite(v[i])) throw new InvalidArgumentError(`${name}[${i}]`, 'a finite number', v[i]);
    scale = Math.max(scale, Math.abs(v[i]));
  }
  const tol = 1e-12 * Math.max(scale, 1e-300);
  if (!(scale > 0)) throw new InvalidArgumentError(name, 'data that are not identically zero', 0);
  for (let i = 0; i < n; i++) {
    if (!(Math.abs(odd[i]) <= tol)) throw new InvalidArgumentError(name, 'an odd function (f(−x) = −f(x))', `f(${-x[i]}) + f(${x[i]}) = ${odd[i]}`);
  }
  if (!(Math.abs(v[0]) <= tol)) throw new InvalidArgumentError(`${name}(0)`, '0 (odd data)', v[0]);
  if (!(Math.abs(v[n - 1]) <= tol)) throw new InvalidArgumentError(`${name}(π)`, '0 (odd 2π-periodic data vanish at π)', v[n - 1]);
  v[0] = 0;
  v[n - 1] = 0;
  return v;
}

/** Check a scheme name. */
export function resolveScheme(value: unknown): 'rk4' | 'ssprk3' {
  return checkOneOf('problem.scheme', value ?? 'rk4', ['rk4', 'ssprk3'] as const);
}
