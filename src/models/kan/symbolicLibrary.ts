/**
 * The library of one-dimensional functions an edge of a KAN may be snapped to (thesis §3.2.4,
 * thesis §3.2.4: "symbolic snapping"). The thesis gives no list; names, complexities and the default
 * selection follow the public reference implementation pykan (`SYMBOLIC_LIB`, externally sourced).
 *
 * Every entry evaluates the plain mathematical function: outside its domain it returns NaN or ±∞
 * (log of a non-positive number, √ of a negative one, 1/0). Callers treat a non-finite value as
 * "this candidate does not fit" (see `fitSymbolicEdge`), so nothing non-finite leaks into a fit.
 *
 * @module
 */
import { InvalidArgumentError } from '../../core/errors';
import type { Vec } from '../../core/types';
import type { SymbolicFunction } from './functions';

/** How a function transforms under x → −x; used to normalize signs when printing formulas. */
export type SymbolicParity = 'odd' | 'even' | 'none';

/**
 * One library function f: a {@link SymbolicFunction} (value and three derivatives, so a symbolic
 * edge can be trained and used in physics-informed losses) plus a fast scalar `value`, pykan's
 * complexity and the algebraic properties used to simplify printed formulas.
 */
export interface LibraryFunction extends SymbolicFunction {
  /** f(u); NaN or ±∞ outside the domain. */
  readonly value: (u: number) => number;
  /** pykan's complexity score (used with `weightSimple`). */
  readonly complexity: number;
  /** f(−u) = −f(u) (odd), f(−u) = f(u) (even) or neither. */
  readonly parity: SymbolicParity;
  /**
   * Degree p when f(s·u) = |s|^p·f(u) up to the parity sign for s ≠ 0 (powers, |·|, sgn, √):
   * a formula may pull a scale out of the argument. `undefined` when f is not homogeneous.
   */
  readonly homogeneity?: number;
  /**
   * True when c·f(a·x + b) + d spans the same functions for every a ≠ 0 (`x`, `0`): no search over
   * (a, b) is needed.
   */
  readonly affineInvariant?: boolean;
}

type Jet = (u: number, out: Vec, o: number) => void;

function entry(
  name: string,
  value: (u: number) => number,
  jet: Jet,
  complexity: number,
  parity: SymbolicParity,
  extra: { homogeneity?: number; affineInvariant?: boolean } = {},
): LibraryFunction {
  return Object.freeze({ name, value, jet, complexity, parity, ...extra });
}

function write(out: Vec, o: number, f0: number, f1: number, f2: number, f3: number): void {
  out[o] = f0;
  out[o + 1] = f1;
  out[o + 2] = f2;
  out[o + 3] = f3;
}

/** Jet of u^p: coefficients that vanish are written as exact zeros (no 0·∞ at u = 0). */
function powerJet(p: number): Jet {
  const c1 = p;
  const c2 = p * (p - 1);
  const c3 = p * (p - 1) * (p - 2);
  return (u, out, o) =>
    write(out, o, Math.pow(u, p), c1 === 0 ? 0 : c1 * Math.pow(u, p - 1), c2 === 0 ? 0 : c2 * Math.pow(u, p - 2), c3 === 0 ? 0 : c3 * Math.pow(u, p - 3));
}

function power(name: string, p: number, value: (u: number) => number, complexity: number): LibraryFunction {
  const parity: SymbolicParity = Number.isInteger(p) ? (Math.abs(p) % 2 === 1 ? 'odd' : 'even') : 'none';
  return entry(name, value, powerJet(p), complexity, parity, { homogeneity: p });
}

const sq = (u: number) => u * u;
const sigmoid = (u: number) => (u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u)));
const sign = (u: number) => (u > 0 ? 1 : u < 0 ? -1 : u);

function buildLibrary(): ReadonlyMap<string, LibraryFunction> {
  const list: LibraryFunction[] = [
    entry('x', (u) => u, (u, out, o) => write(out, o, u, 1, 0, 0), 1, 'odd', { homogeneity: 1, affineInvariant: true }),
    power('x^2', 2, (u) => u * u, 2),
    power('x^3', 3, (u) => u * u * u, 3),
    power('x^4', 4, (u) => sq(u * u), 3),
    power('x^5', 5, (u) => sq(u * u) * u, 3),
    power('1/x', -1, (u) => 1 / u, 2),
    power('1/x^2', -2, (u) => 1 / (u * u), 2),
    power('1/x^3', -3, (u) => 1 / (u * u * u), 3),
    power('1/x^4', -4, (u) => 1 / sq(u * u), 4),
    power('1/x^5', -5, (u) => 1 / (sq(u * u) * u), 5),
    power('sqrt', 0.5, (u) => Math.sqrt(u), 2),
    power('x^1.5', 1.5, (u) => u * Math.sqrt(u), 4),
    power('1/sqrt(x)', -0.5, (u) => 1 / Math.sqrt(u), 2),
    entry('exp', Math.exp, (u, out, o) => { const e = Math.exp(u); write(out, o, e, e, e, e); }, 2, 'none'),
    entry('log', Math.log, (u, out, o) => write(out, o, Math.log(u), 1 / u, -1 / (u * u), 2 / (u * u * u)), 2, 'none'),
    entry('abs', Math.abs, (u, out, o) => write(out, o, Math.abs(u), sign(u), 0, 0), 3, 'even', { homogeneity: 1 }),
    entry('sin', Math.sin, (u, out, o) => { const s = Math.sin(u), c = Math.cos(u); write(out, o, s, c, -s, -c); }, 2, 'odd'),
    entry('cos', Math.cos, (u, out, o) => { const s = Math.sin(u), c = Math.cos(u); write(out, o, c, -s, -c, s); }, 2, 'even'),
    entry('tan', Math.tan, (u, out, o) => { const t = Math.tan(u), q = 1 + t * t; write(out, o, t, q, 2 * t * q, 2 * q * (1 + 3 * t * t)); }, 3, 'odd'),
    entry('tanh', Math.tanh, (u, out, o) => { const t = Math.tanh(u), q = 1 - t * t; write(out, o, t, q, -2 * t * q, (6 * t * t - 2) * q); }, 3, 'odd'),
    entry('sgn', sign, (u, out, o) => write(out, o, sign(u), 0, 0, 0), 3, 'odd', { homogeneity: 0 }),
    entry('arcsin', Math.asin, (u, out, o) => { const q = 1 / Math.sqrt(1 - u * u); write(out, o, Math.asin(u), q, u * q * q * q, (1 + 2 * u * u) * q ** 5); }, 4, 'odd'),
    entry('arccos', Math.acos, (u, out, o) => { const q = 1 / Math.sqrt(1 - u * u); write(out, o, Math.acos(u), -q, -u * q * q * q, -(1 + 2 * u * u) * q ** 5); }, 4, 'none'),
    entry('arctan', Math.atan, (u, out, o) => { const q = 1 / (1 + u * u); write(out, o, Math.atan(u), q, -2 * u * q * q, (6 * u * u - 2) * q * q * q); }, 4, 'odd'),
    entry('arctanh', Math.atanh, (u, out, o) => { const q = 1 / (1 - u * u); write(out, o, Math.atanh(u), q, 2 * u * q * q, (2 + 6 * u * u) * q * q * q); }, 4, 'odd'),
    entry('0', () => 0, (_u, out, o) => write(out, o, 0, 0, 0, 0), 0, 'even', { affineInvariant: true }),
    entry('gaussian', (u) => Math.exp(-u * u), (u, out, o) => { const g = Math.exp(-u * u); write(out, o, g, -2 * u * g, (4 * u * u - 2) * g, (12 * u - 8 * u * u * u) * g); }, 3, 'even'),
    entry('sigmoid', sigmoid, (u, out, o) => { const s = sigmoid(u), p = s * (1 - s), q = 1 - 2 * s; write(out, o, s, p, p * q, p * q * q - 2 * p * p); }, 4, 'none'),
    entry('cosh', Math.cosh, (u, out, o) => { const c = Math.cosh(u), s = Math.sinh(u); write(out, o, c, s, c, s); }, 5, 'even'),
  ];
  return new Map(list.map((f) => [f.name, f]));
}

let library: ReadonlyMap<string, LibraryFunction> | undefined;

/**
 * Every function known to the symbolic fitter, by name (built lazily on first use).
 * Names: `x, x^2 … x^5, 1/x … 1/x^5, sqrt, x^1.5, 1/sqrt(x), exp, log, abs, sin, cos, tan, tanh,
 * sgn, arcsin, arccos, arctan, arctanh, 0, gaussian` (= exp(−x²)), `sigmoid, cosh`.
 * @example
 * ```ts
 * symbolicLibrary().get('sin')!.value(Math.PI / 2); // 1
 * ```
 */
export function symbolicLibrary(): ReadonlyMap<string, LibraryFunction> {
  if (library === undefined) library = buildLibrary();
  return library;
}

/**
 * pykan 0.0.5's default `SYMBOLIC_LIB` (the candidates `autoSymbolic` tries by default):
 * `x, x^2, x^3, x^4, 1/x, 1/x^2, 1/x^3, 1/x^4, sqrt, 1/sqrt(x), exp, log, abs, sin, tan, tanh,
 * sigmoid, sgn, arcsin, arctan, arctanh, 0, gaussian, cosh`.
 * @example
 * ```ts
 * const library = symbolicLibrary(DEFAULT_SYMBOLIC_NAMES.filter((name) => name !== 'tan'));
 * ```
 */
export const DEFAULT_SYMBOLIC_NAMES: readonly string[] = Object.freeze([
  'x', 'x^2', 'x^3', 'x^4', '1/x', '1/x^2', '1/x^3', '1/x^4', 'sqrt', '1/sqrt(x)', 'exp', 'log', 'abs', 'sin',
  'tan', 'tanh', 'sigmoid', 'sgn', 'arcsin', 'arctan', 'arctanh', '0', 'gaussian', 'cosh',
]);

/**
 * The library used in pykan's `hellokan` tutorial for f = exp(sin(πx₁) + x₂²):
 * `x, x^2, x^3, x^4, exp, log, sqrt, tanh, sin, abs`.
 * @example
 * ```ts
 * const snapped = autoSymbolic(net, data.trainInput, { library: symbolicLibrary(HELLO_KAN_SYMBOLIC_NAMES) });
 * ```
 */
export const HELLO_KAN_SYMBOLIC_NAMES: readonly string[] = Object.freeze(['x', 'x^2', 'x^3', 'x^4', 'exp', 'log', 'sqrt', 'tanh', 'sin', 'abs']);

/**
 * Look up library functions by name; throws `InvalidArgumentError` naming the unknown entry.
 * @example
 * ```ts
 * const [sin, sq] = resolveSymbolicFunctions(['sin', 'x^2']);
 * ```
 */
export function resolveSymbolicFunctions(names: readonly string[], argument = 'library'): LibraryFunction[] {
  const lib = symbolicLibrary();
  if (!Array.isArray(names) || names.length === 0) throw new InvalidArgumentError(argument, 'a non-empty array of library names', names);
  return names.map((name, i) => {
    const f = typeof name === 'string' ? lib.get(name) : undefined;
    if (f === undefined) throw new InvalidArgumentError(`${argument}[${i}]`, `one of ${[...lib.keys()].join(', ')}`, name);
    return f;
  });
}
