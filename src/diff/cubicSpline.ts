/**
 * A fitted cubic spline in Hermite form (nodes, values, nodal slopes), evaluable anywhere.
 * On interval i, with h = x_{i+1} − x_i, δ = (y_{i+1} − y_i)/h, t = x − x_i and u = t/h ∈ [0, 1]:
 * `S(x) = y_i + t·(m_i + u·(C2_i + u·C3_i))`, `C2 = 3δ − 2m_i − m_{i+1}`, `C3 = m_i + m_{i+1} − 2δ`
 * (the usual c2 = C2/h, c3 = C3/h² written without powers of h, so that any representable node
 * spacing evaluates accurately: 1e−150 and 1e150 as well as 1).
 *
 * @module
 */
import { checkFinite, checkInteger, checkVec } from '../core/check';
import type { Vec } from '../core/types';
import { locateInterval } from '../grid/grid1d';

/**
 * A piecewise-cubic C² interpolant. Usually obtained from `CubicSplineOperator.fit`. Outside
 * [x_0, x_{n−1}] a non-periodic spline extrapolates with its end cubic; a periodic spline wraps.
 * Evaluation costs O(log n) (binary search) per point, no allocation.
 *
 * @example
 * ```ts
 * const s = cubicSplineOperator(x, { left: 'natural', right: 'natural' }).fit(y);
 * s.value(0.25); s.derivative(0.25, 1); s.evaluate(xs, out, 2);
 * ```
 */
export class CubicSpline {
  /** Number of nodes. */
  readonly n: number;
  /** Nodes (shared with the operator; read-only). */
  readonly x: Vec;
  /** Nodal values. */
  readonly values: Vec;
  /** Nodal slopes S'(x_i). */
  readonly slopes: Vec;
  /** Whether the spline is periodic with period x_{n−1} − x_0. */
  readonly periodic: boolean;
  private readonly c2: Vec;
  private readonly c3: Vec;
  private readonly h: Vec;

  /**
   * @param x - strictly increasing nodes (not copied)
   * @param values - nodal values (not copied)
   * @param slopes - nodal slopes (copied)
   * @param periodic - wrap evaluation points into the period
   */
  constructor(x: Vec, values: Vec, slopes: Vec, periodic = false) {
    const n = x.length;
    checkInteger('x.length', n, 2);
    checkVec('values', values, n);
    checkVec('slopes', slopes, n);
    this.n = n;
    this.x = x;
    this.values = values;
    this.slopes = Float64Array.from(slopes);
    this.periodic = periodic;
    this.c2 = new Float64Array(n - 1);
    this.c3 = new Float64Array(n - 1);
    this.h = new Float64Array(n - 1);
    for (let i = 0; i < n - 1; i++) {
      const h = x[i + 1] - x[i];
      const delta = (values[i + 1] - values[i]) / h;
      this.h[i] = h;
      this.c2[i] = 3 * delta - 2 * slopes[i] - slopes[i + 1];
      this.c3[i] = slopes[i] + slopes[i + 1] - 2 * delta;
    }
  }

  /** S(at). */
  value(at: number): number {
    return this.derivative(at, 0);
  }

  /**
   * The derivative of the given order (0 = value) at one point; orders above 3 are 0.
   * At a node, the interval to the right is used (S''' is one-sided there).
   */
  derivative(at: number, order = 0): number {
    checkFinite('at', at);
    checkInteger('order', order, 0);
    return this.evaluateOne(at, order);
  }

  /**
   * Vectorized evaluation of derivative `order` (0..3; higher gives 0) at every entry of xs.
   * O(len·log n), no allocation when `out` is given.
   *
   * @example
   * ```ts
   * const ys = spline.evaluate(xs, new Float64Array(xs.length));
   * ```
   */
  evaluate(xs: Vec, out?: Vec, order = 0): Vec {
    checkVec('xs', xs);
    checkInteger('order', order, 0);
    const result = out === undefined ? new Float64Array(xs.length) : checkVec('out', out, xs.length);
    for (let k = 0; k < xs.length; k++) result[k] = this.evaluateOne(xs[k], order);
    return result;
  }

  private evaluateOne(at: number, order: number): number {
    const x = this.x;
    const n = this.n;
    let xe = at;
    if (this.periodic && (xe < x[0] || xe > x[n - 1])) {
      const period = x[n - 1] - x[0];
      xe = x[0] + (((xe - x[0]) % period) + period) % period;
    }
    const i = locateInterval(x, n, xe);
    const t = xe - x[i];
    const h = this.h[i];
    const u = t / h;
    const m = this.slopes[i];
    const c2 = this.c2[i];
    const c3 = this.c3[i];
    switch (order) {
      case 0: return this.values[i] + t * (m + u * (c2 + u * c3));
      case 1: return m + u * (2 * c2 + 3 * u * c3);
      case 2: return (2 * c2 + 6 * u * c3) / h;
      case 3: return (6 * c3) / h / h;
      default: return 0;
    }
  }
}
