/**
 * Scalar functions with derivatives up to order 3 ("jets"), the building blocks of KAN edges:
 * the residual base function b(x) of φ(x) = w_b·b(x) + w_s·spline(x) (thesis (3.7.1)–(3.7.2)), and
 * the interface of the symbolic functions f in a symbolic edge y = c·f(a·x + b) + d.
 *
 * Order 3 is needed because reverse-mode gradients of second input derivatives (PINN losses)
 * differentiate φ″ once more.
 *
 * @module
 */
import { checkFunction, checkOneOf } from '../../core/check';
import { InvalidTypeError } from '../../core/errors';
import type { Vec } from '../../core/types';

/**
 * A scalar function with its first three derivatives. `jet(x, out, offset)` writes
 * f(x), f′(x), f″(x), f‴(x) into `out[offset..offset+3]`; it must not allocate.
 *
 * @example
 * ```ts
 * const cube: ScalarJet = {
 *   name: 'x^3',
 *   jet(x, out, o) { out[o] = x * x * x; out[o + 1] = 3 * x * x; out[o + 2] = 6 * x; out[o + 3] = 6; },
 * };
 * ```
 */
export interface ScalarJet {
  /** Short name used in formulas and reports, e.g. `"silu"` or `"sin"`. */
  readonly name: string;
  /** Write f, f′, f″, f‴ at x into out[offset..offset+3]. */
  jet(x: number, out: Vec, offset: number): void;
}

/**
 * The residual base function b(x) of an edge (thesis (3.7.2): silu "in most cases").
 * Any {@link ScalarJet} can serve as a custom base.
 *
 * @example
 * ```ts
 * createKan({ shape: [2, 5, 1], base: 'identity' });
 * ```
 */
export type BaseFunction = ScalarJet;

/**
 * A function of the symbolic library for a symbolic edge y = c·f(a·x + b) + d. It is a
 * {@link ScalarJet} (value and three derivatives of f at u = a·x + b); libraries may add fields
 * (formula strings, complexity) in their own interfaces extending this one.
 *
 * @example
 * ```ts
 * const sine: SymbolicFunction = {
 *   name: 'sin',
 *   jet(u, out, o) { const s = Math.sin(u), c = Math.cos(u); out[o] = s; out[o + 1] = c; out[o + 2] = -s; out[o + 3] = -c; },
 * };
 * ```
 */
export type SymbolicFunction = ScalarJet;

/**
 * silu(x) = x·σ(x), σ(x) = 1/(1 + e^{−x}) (thesis (3.7.2)), with derivatives (s = σ(x),
 * p = s(1 − s)): silu′ = s + x·p, silu″ = 2p + x·p(1 − 2s), silu‴ = 3p(1 − 2s) + x·p((1 − 2s)² − 2p).
 * σ is evaluated without overflow for either sign of x. O(1).
 *
 * @example
 * ```ts
 * const out = new Float64Array(4);
 * SILU.jet(0, out, 0); // [0, 0.5, 0.5, 0]
 * ```
 */
export const SILU: BaseFunction = Object.freeze({
  name: 'silu',
  jet(x: number, out: Vec, o: number): void {
    let s: number;
    if (x >= 0) s = 1 / (1 + Math.exp(-x));
    else {
      const e = Math.exp(x);
      s = e / (1 + e);
    }
    const p = s * (1 - s);
    const q = 1 - 2 * s;
    out[o] = x * s;
    out[o + 1] = s + x * p;
    out[o + 2] = 2 * p + x * p * q;
    out[o + 3] = 3 * p * q + x * p * (q * q - 2 * p);
  },
});

/**
 * b(x) = x (a purely linear residual branch). O(1).
 *
 * @example
 * ```ts
 * createKan({ shape: [1, 1], base: IDENTITY_BASE });
 * ```
 */
export const IDENTITY_BASE: BaseFunction = Object.freeze({
  name: 'identity',
  jet(x: number, out: Vec, o: number): void {
    out[o] = x;
    out[o + 1] = 1;
    out[o + 2] = 0;
    out[o + 3] = 0;
  },
});

/**
 * b(x) = 0: edges are pure splines, φ = w_s·spline. O(1).
 *
 * @example
 * ```ts
 * createKan({ shape: [1, 1], base: 'zero' });
 * ```
 */
export const ZERO_BASE: BaseFunction = Object.freeze({
  name: 'zero',
  jet(_x: number, out: Vec, o: number): void {
    out[o] = 0;
    out[o + 1] = 0;
    out[o + 2] = 0;
    out[o + 3] = 0;
  },
});

/** Names accepted for the built-in base functions. */
export type BaseFunctionName = 'silu' | 'identity' | 'zero';

/**
 * Resolve a base-function option: a built-in name or a custom {@link ScalarJet}. Throws
 * `InvalidArgumentError` for an unknown name, `InvalidTypeError` for an object without `jet`.
 *
 * @example
 * ```ts
 * resolveBaseFunction('silu') === SILU; // true
 * ```
 */
export function resolveBaseFunction(base: BaseFunctionName | BaseFunction | undefined): BaseFunction {
  if (base === undefined) return SILU;
  if (typeof base === 'string') {
    const name = checkOneOf('options.base', base, ['silu', 'identity', 'zero'] as const);
    return name === 'silu' ? SILU : name === 'identity' ? IDENTITY_BASE : ZERO_BASE;
  }
  if (typeof base !== 'object' || base === null) throw new InvalidTypeError('options.base', "'silu' | 'identity' | 'zero' or an object with jet()", base);
  checkFunction('options.base.jet', (base as BaseFunction).jet);
  return base;
}
