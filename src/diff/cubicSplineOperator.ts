/**
 * Cubic-spline differentiation as an operator: built once per grid (the tridiagonal slope system
 * is factored once), then applied many times in O(n) with no allocation per call, giving the
 * interpolating spline's 1st/2nd/3rd derivatives at the nodes. Also applies along one axis of a
 * row-major 2-D array, and gives the fourth derivative at an even (symmetric) left end as D2∘D2.
 *
 * Accuracy for smooth f (interpolation error theory, e.g. Hall & Meyer 1976; end conditions that
 * are exact for f, such as even symmetry, clamped with the true slope, not-a-knot, periodic):
 * values O(h⁴); nodal slopes O(h⁴) on uniform and on smoothly mapped grids (the local O(h³) term
 * is proportional to h_i − h_{i−1} = O(h²)), O(h³) on arbitrary meshes; nodal second derivative
 * O(h²); third derivative O(h) (it is piecewise constant). A natural end condition where f'' ≠ 0
 * adds an O(h²) boundary layer to S'' (and O(h³) to S').
 *
 * Scaling: the slope system is solved in units where the largest spacing is about 1 (spacings
 * multiplied by an exact power of two), and derivatives of order k are scaled back by 2^(−k·e). For
 * ordinary grids this is bit-identical to the unscaled arithmetic; for node spacings near the ends
 * of the double range (1e±150 and beyond) it keeps full accuracy where powers h², h³ of the
 * spacings would overflow or underflow. A derivative whose true value is not representable
 * overflows to ±Infinity.
 *
 * @module
 */
import { checkInteger, checkVec } from '../core/check';
import { pow2Exponent, scaleByPow2 } from '../core/pow2';
import { InvalidArgumentError } from '../core/errors';
import type { Vec } from '../core/types';
import { CyclicTridiagonalFactorization, TridiagonalFactorization } from '../linalg/tridiagonal';
import { CubicSpline } from './cubicSpline';
import { resolveNodes, type NodesLike } from './nodes';
import { checkEndConditionPair, resolveEndCondition, type ResolvedEndCondition, type SplineEndCondition } from './splineEndConditions';
import { Grid1D } from '../grid/grid1d';

/**
 * End conditions of a {@link CubicSplineOperator}.
 *
 * @example
 * ```ts
 * const options: CubicSplineOptions = { left: 'even', right: 'natural' };
 * ```
 */
export interface CubicSplineOptions {
  /** Condition at x_0. Default: the grid's declared symmetry (`'even'`/`'odd'`) or `'notAKnot'`. */
  left?: SplineEndCondition;
  /** Condition at x_{n−1}. Default `'notAKnot'` (`'periodic'` when left is periodic). */
  right?: SplineEndCondition;
}

/**
 * Factored cubic-spline derivative operator on fixed nodes (see the module doc for accuracy).
 * Periodic splines read values[0..n−2] and take values[n−1] = values[0].
 *
 * @example
 * ```ts
 * const grid = mappedGrid(sinhMap({ length: 1e5 }), 300, { symmetry: 'even' });
 * const op = cubicSplineOperator(grid, { left: 'even', right: 'natural' });
 * const d1 = new Float64Array(300), d2 = new Float64Array(300);
 * op.derivatives(u, d1, d2); // O(n), no allocation
 * const u4 = op.fourthDerivativeAtLeftEnd(u);
 * ```
 */
export class CubicSplineOperator {
  /** Number of nodes. */
  readonly n: number;
  /** Node coordinates (owned copy or the grid's array; read-only). */
  readonly x: Vec;
  /** Resolved left end condition. */
  readonly left: ResolvedEndCondition;
  /** Resolved right end condition. */
  readonly right: ResolvedEndCondition;
  /** Spacings in scaled units, ĥ_i = (x_{i+1} − x_i)·2^(−exponent) (module doc, "Scaling"). */
  private readonly h: Vec;
  /** The power of two the spacings are scaled by. */
  private readonly exponent: number;
  /** 2^(−exponent): one factor of it turns a scaled derivative order into real units. */
  private readonly unit: number;
  private readonly periodic: boolean;
  private readonly solver: TridiagonalFactorization | CyclicTridiagonalFactorization;
  private readonly rhs: Vec;
  private readonly slopes: Vec;
  private readonly work: Vec;

  /**
   * @param nodes - a grid or strictly increasing nodes
   * @param options - end conditions
   */
  constructor(nodes: NodesLike, options: CubicSplineOptions = {}) {
    const x = resolveNodes('nodes', nodes, 2);
    const n = x.length;
    const gridSymmetry = nodes instanceof Grid1D ? nodes.symmetry : 'none';
    const left = resolveEndCondition('options.left', options.left ?? (gridSymmetry === 'none' ? 'notAKnot' : gridSymmetry));
    const right = resolveEndCondition('options.right', options.right ?? (left.kind === 'periodic' ? 'periodic' : 'notAKnot'));
    checkEndConditionPair(left, right, n);
    this.n = n;
    this.x = x;
    this.left = left;
    this.right = right;
    this.periodic = left.kind === 'periodic';
    const { h, exponent } = scaledSpacings('nodes', x);
    this.h = h;
    this.exponent = exponent;
    this.unit = scaleByPow2(1, -exponent);
    const size = this.periodic ? n - 1 : n;
    const lower = new Float64Array(size);
    const diag = new Float64Array(size);
    const upper = new Float64Array(size);
    for (let i = 1; i < size - 1; i++) {
      lower[i] = h[i];
      diag[i] = 2 * (h[i - 1] + h[i]);
      upper[i] = h[i - 1];
    }
    if (this.periodic) {
      const last = n - 2; // row of m_{n−2}; h_{−1} = h_{n−2}
      lower[0] = h[0]; diag[0] = 2 * (h[last] + h[0]); upper[0] = h[last];
      lower[last] = h[last]; diag[last] = 2 * (h[last - 1] + h[last]); upper[last] = h[last - 1];
      this.solver = new CyclicTridiagonalFactorization(lower, diag, upper);
    } else {
      setEndRow(left, h[0], n > 2 ? h[1] : 0, diag, upper, 0);
      setEndRow(right, h[n - 2], n > 2 ? h[n - 3] : 0, diag, lower, n - 1);
      this.solver = new TridiagonalFactorization(lower, diag, upper);
    }
    this.rhs = new Float64Array(size);
    this.slopes = new Float64Array(n);
    this.work = new Float64Array(n);
  }

  /**
   * Strided kernel: spline derivatives of the values `f[offsetF + i·strideF]`. Writes S'(x_i)
   * to d1, and S''(x_i), S'''(x_i) to d2, d3 when given (pass `null` to skip). Outputs must not
   * alias the input. O(n), no allocation. Hot path: lengths and strides are not validated here
   * (the contiguous methods validate).
   *
   * S''' is piecewise constant; its nodal value is the linear interpolation of the two adjacent
   * interval values between interval midpoints (linear extrapolation at the ends; 0 at an
   * `'even'` end, where the reflected S''' is odd).
   */
  derivativesStrided(
    f: Vec, strideF: number, offsetF: number,
    d1: Vec | null, stride1: number, offset1: number,
    d2: Vec | null = null, stride2 = 1, offset2 = 0,
    d3: Vec | null = null, stride3 = 1, offset3 = 0,
  ): void {
    const m = this.computeSlopes(f, strideF, offsetF, false);
    const n = this.n;
    const h = this.h;
    const unit = this.unit;
    if (d1 !== null) for (let i = 0, io = offset1; i < n; i++, io += stride1) d1[io] = m[i] * unit;
    if (d2 !== null) {
      let fi = f[offsetF];
      for (let i = 0, jf = offsetF + strideF, io = offset2; i < n - 1; i++, jf += strideF, io += stride2) {
        const fn = this.periodic && i === n - 2 ? f[offsetF] : f[jf];
        d2[io] = ((6 * (fn - fi) / h[i] - 4 * m[i] - 2 * m[i + 1]) / h[i]) * unit * unit;
        fi = fn;
      }
      const last = n - 2;
      const fPrev = f[offsetF + last * strideF];
      const fLast = this.periodic ? f[offsetF] : f[offsetF + (n - 1) * strideF];
      d2[offset2 + (n - 1) * stride2] = this.periodic ? d2[offset2] : ((-6 * (fLast - fPrev) / h[last] + 2 * m[last] + 4 * m[n - 1]) / h[last]) * unit * unit;
    }
    if (d3 !== null) this.thirdDerivativeAtNodes(f, strideF, offsetF, m, d3, stride3, offset3);
  }

  /**
   * Spline derivatives at the nodes: returns d1 (S'), and fills d2Out (S'') and d3Out (S''')
   * when given. O(n); no allocation when d1Out is given.
   *
   * @example
   * ```ts
   * op.derivatives(u, d1, d2);
   * ```
   */
  derivatives(values: Vec, d1Out?: Vec, d2Out?: Vec, d3Out?: Vec): Vec {
    const n = this.n;
    checkVec('values', values, n);
    const d1 = d1Out === undefined ? new Float64Array(n) : checkVec('d1Out', d1Out, n);
    if (d2Out !== undefined) checkVec('d2Out', d2Out, n);
    if (d3Out !== undefined) checkVec('d3Out', d3Out, n);
    this.derivativesStrided(values, 1, 0, d1, 1, 0, d2Out ?? null, 1, 0, d3Out ?? null, 1, 0);
    return d1;
  }

  /** Spline first derivative at the nodes. O(n). */
  firstDerivative(values: Vec, out?: Vec): Vec {
    return this.derivatives(values, out);
  }

  /** Spline second derivative at the nodes. O(n). */
  secondDerivative(values: Vec, out?: Vec): Vec {
    checkVec('values', values, this.n);
    const d2 = out === undefined ? new Float64Array(this.n) : checkVec('out', out, this.n);
    this.derivativesStrided(values, 1, 0, null, 1, 0, d2, 1, 0);
    return d2;
  }

  /**
   * Apply along one axis of a row-major `[rows, cols]` array (see `TensorGrid2D`): axis 0 needs
   * `rows = n` and differentiates every column; axis 1 needs `cols = n` and differentiates every
   * row. Outputs have the field's layout. O(rows·cols), no allocation.
   *
   * @example
   * ```ts
   * opX.derivativesAlongAxis(u, [nx, ny], 0, ux, uxx); // ∂x, ∂xx on u[i*ny + j]
   * ```
   */
  derivativesAlongAxis(field: Vec, shape: readonly [number, number], axis: 0 | 1, d1Out: Vec | null, d2Out?: Vec, d3Out?: Vec): void {
    const rows = checkInteger('shape[0]', shape[0], 1);
    const cols = checkInteger('shape[1]', shape[1], 1);
    checkInteger('axis', axis, 0, 1);
    const size = rows * cols;
    checkVec('field', field, size);
    if (d1Out !== null) checkVec('d1Out', d1Out, size);
    if (d2Out !== undefined) checkVec('d2Out', d2Out, size);
    if (d3Out !== undefined) checkVec('d3Out', d3Out, size);
    const along = axis === 0 ? rows : cols;
    if (along !== this.n) throw new InvalidArgumentError(`shape[${axis}]`, `${this.n} (the operator's node count)`, along);
    const lines = axis === 0 ? cols : rows;
    const stride = axis === 0 ? cols : 1;
    const lineStep = axis === 0 ? 1 : cols;
    for (let k = 0, off = 0; k < lines; k++, off += lineStep) {
      this.derivativesStrided(field, stride, off, d1Out, stride, off, d2Out ?? null, stride, off, d3Out ?? null, stride, off);
    }
  }

  /**
   * Fourth derivative at the left end for even data, `(D2(D2 f))(x_0)`: the spline second
   * derivative applied twice. The inner D2 f is even as well, so the second application uses the
   * same condition types with homogeneous values (S' = 0 at the even end; a prescribed right-end
   * value is replaced by 0, i.e. natural stays natural). Requires `left: 'even'`. Accuracy
   * O(h²) on smoothly mapped grids (measured in the tests). O(n), no allocation.
   *
   * @example
   * ```ts
   * const u4 = op.fourthDerivativeAtLeftEnd(u); // û_zzzz(0)
   * ```
   */
  fourthDerivativeAtLeftEnd(values: Vec): number {
    if (this.left.label !== 'even') throw new InvalidArgumentError('options.left', "'even' for fourthDerivativeAtLeftEnd", this.left.label);
    checkVec('values', values, this.n);
    const g = this.work;
    this.derivativesStrided(values, 1, 0, null, 1, 0, g, 1, 0);
    const m = this.computeSlopes(g, 1, 0, true);
    const h0 = this.h[0];
    return scaleByPow2((6 * (g[1] - g[0]) / h0 - 4 * m[0] - 2 * m[1]) / h0, -2 * this.exponent);
  }

  /**
   * The interpolating spline itself, for evaluation anywhere (value and derivatives).
   * O(n); allocates the spline's coefficient arrays.
   *
   * @example
   * ```ts
   * const s = op.fit(u);
   * s.value(0.3); s.derivative(0.3, 2);
   * ```
   */
  fit(values: Vec): CubicSpline {
    checkVec('values', values, this.n);
    const scaled = this.computeSlopes(values, 1, 0, false);
    const m = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) m[i] = scaled[i] * this.unit;
    const y = Float64Array.from(values);
    if (this.periodic) y[this.n - 1] = y[0];
    return new CubicSpline(this.x, y, m, this.periodic);
  }

  /** Assemble the right-hand side and solve for the nodal slopes (into the scratch array). */
  private computeSlopes(f: Vec, strideF: number, offsetF: number, homogeneous: boolean): Vec {
    const n = this.n;
    const h = this.h;
    const rhs = this.rhs;
    const m = this.slopes;
    const last = this.periodic ? n - 2 : n - 1;
    const fPrev = f[offsetF];
    let fCur = f[offsetF + strideF];
    let deltaPrev = (fCur - fPrev) / h[0];
    for (let i = 1, jf = offsetF + 2 * strideF; i < n - 1; i++, jf += strideF) {
      const fNext = this.periodic && i === n - 2 ? f[offsetF] : f[jf];
      const delta = (fNext - fCur) / h[i];
      rhs[i] = 3 * (h[i] * deltaPrev + h[i - 1] * delta);
      deltaPrev = delta;
      fCur = fNext;
    }
    const delta0 = (f[offsetF + strideF] - f[offsetF]) / h[0];
    if (this.periodic) {
      // δ_{n−2} = (f_0 − f_{n−2})/h_{n−2} closes the period
      const deltaLast = (f[offsetF] - f[offsetF + (n - 2) * strideF]) / h[n - 2];
      rhs[0] = 3 * (h[0] * deltaLast + h[n - 2] * delta0);
      this.solver.solve(rhs, m);
      m[n - 1] = m[0];
      return m;
    }
    const deltaN = n > 2 ? deltaPrev : delta0;
    const delta1 = n > 2 ? (f[offsetF + 2 * strideF] - f[offsetF + strideF]) / h[1] : 0;
    const deltaN1 = n > 2 ? (f[offsetF + (n - 2) * strideF] - f[offsetF + (n - 3) * strideF]) / h[n - 3] : 0;
    rhs[0] = endRhs(this.left, homogeneous, h[0], n > 2 ? h[1] : 0, delta0, delta1, -1, this.exponent);
    rhs[last] = endRhs(this.right, homogeneous, h[n - 2], n > 2 ? h[n - 3] : 0, deltaN, deltaN1, 1, this.exponent);
    this.solver.solve(rhs, m);
    return m;
  }

  /** S''' on interval i: 6(m_i + m_{i+1} − 2δ_i)/h_i². */
  private intervalThird(f: Vec, strideF: number, offsetF: number, m: Vec, i: number): number {
    const fi = f[offsetF + i * strideF];
    const fn = this.periodic && i === this.n - 2 ? f[offsetF] : f[offsetF + (i + 1) * strideF];
    const h = this.h[i];
    return (6 * (m[i] + m[i + 1] - (2 * (fn - fi)) / h)) / (h * h);
  }

  private thirdDerivativeAtNodes(f: Vec, strideF: number, offsetF: number, m: Vec, d3: Vec, stride3: number, offset3: number): void {
    const n = this.n;
    const lastIndex = offset3 + (n - 1) * stride3;
    this.thirdDerivativeScaled(f, strideF, offsetF, m, d3, stride3, offset3, lastIndex);
    const unit = this.unit;
    for (let i = 0, io = offset3; i < n; i++, io += stride3) d3[io] = d3[io] * unit * unit * unit;
  }

  /** Nodal S''' in scaled units (see {@link CubicSplineOperator.derivativesStrided}). */
  private thirdDerivativeScaled(f: Vec, strideF: number, offsetF: number, m: Vec, d3: Vec, stride3: number, offset3: number, lastIndex: number): void {
    const n = this.n;
    const h = this.h;
    const t0 = this.intervalThird(f, strideF, offsetF, m, 0);
    if (n === 2) {
      d3[offset3] = this.left.label === 'even' ? 0 : t0;
      d3[lastIndex] = this.right.label === 'even' ? 0 : t0;
      return;
    }
    let tPrev = t0;
    let tBeforeLast = t0;
    let t1 = t0;
    for (let i = 1, io = offset3 + stride3; i < n - 1; i++, io += stride3) {
      const t = this.intervalThird(f, strideF, offsetF, m, i);
      if (i === 1) t1 = t;
      d3[io] = (h[i] * tPrev + h[i - 1] * t) / (h[i - 1] + h[i]);
      tBeforeLast = tPrev;
      tPrev = t;
    }
    if (this.periodic) {
      // node 0 sits between the closing interval n−2 and interval 0
      const value = (h[0] * tPrev + h[n - 2] * t0) / (h[0] + h[n - 2]);
      d3[offset3] = value;
      d3[lastIndex] = value;
      return;
    }
    d3[offset3] = endThird(this.left.label, t0, t1, h[0], h[1]);
    d3[lastIndex] = endThird(this.right.label, tPrev, tBeforeLast, h[n - 2], h[n - 3]);
  }
}

/**
 * Nodal S''' at an end: 0 at an even end (the reflected S''' is odd), the end interval's value at
 * an odd end (the reflected S''' is even), otherwise linear extrapolation from the midpoints of
 * the last two intervals.
 */
function endThird(label: string, tEnd: number, tNext: number, hEnd: number, hNext: number): number {
  if (label === 'even') return 0;
  if (label === 'odd') return tEnd;
  return tEnd + ((tEnd - tNext) * hEnd) / (hEnd + hNext);
}

/** Fill the matrix entries of an end row. `other` is `upper` for the left end, `lower` for the right. */
function setEndRow(c: ResolvedEndCondition, hEnd: number, hNext: number, diag: Vec, other: Vec, row: number): void {
  if (c.kind === 'slope') { diag[row] = 1; other[row] = 0; }
  else if (c.kind === 'secondDerivative') { diag[row] = 2; other[row] = 1; }
  else { diag[row] = hNext; other[row] = hEnd + hNext; } // notAKnot
}

/**
 * Right-hand side of an end row. `side` = −1 (left) or +1 (right); δ_end is the end interval's
 * divided difference and δ_next the neighboring one.
 */
function endRhs(c: ResolvedEndCondition, homogeneous: boolean, hEnd: number, hNext: number, deltaEnd: number, deltaNext: number, side: number, exponent: number): number {
  const v = homogeneous ? 0 : c.value;
  // prescribed values in scaled units: a slope scales like 2^e, a second derivative like 2^(2e)
  if (c.kind === 'slope') return scaleByPow2(v, exponent);
  if (c.kind === 'secondDerivative') return 3 * deltaEnd + (side * hEnd * scaleByPow2(v, 2 * exponent)) / 2;
  return ((3 * hEnd + 2 * hNext) * hNext * deltaEnd + hEnd * hEnd * deltaNext) / (hEnd + hNext);
}

/**
 * Node spacings scaled by a power of two so that the largest is in [1/2, 2), and that power.
 * Rejects spacings that overflow (nodes spanning more than the double range) and spacing ratios
 * beyond 2^1000, where the scaled spline system would underflow.
 */
function scaledSpacings(name: string, x: Vec): { h: Vec; exponent: number } {
  const n = x.length;
  const h = new Float64Array(n - 1);
  let hMax = 0;
  for (let i = 0; i < n - 1; i++) {
    h[i] = x[i + 1] - x[i];
    if (!(h[i] <= Number.MAX_VALUE)) throw new InvalidArgumentError(`${name}[${i + 1}] − ${name}[${i}]`, 'a spacing representable as a finite double (the nodes span more than the double range)', h[i]);
    if (h[i] > hMax) hMax = h[i];
  }
  const exponent = pow2Exponent(hMax);
  for (let i = 0; i < n - 1; i++) {
    h[i] = scaleByPow2(h[i], -exponent);
    if (!(h[i] >= 2 ** -1000)) throw new InvalidArgumentError(`${name}[${i + 1}] − ${name}[${i}]`, `a spacing at least 2^−1000 times the largest spacing ${hMax}`, scaleByPow2(h[i], exponent));
  }
  return { h, exponent };
}

/**
 * Build a {@link CubicSplineOperator} on a grid or node array.
 *
 * @example
 * ```ts
 * const op = cubicSplineOperator(grid, { left: 'even', right: 'natural' });
 * ```
 */
export function cubicSplineOperator(nodes: NodesLike, options: CubicSplineOptions = {}): CubicSplineOperator {
  return new CubicSplineOperator(nodes, options);
}
