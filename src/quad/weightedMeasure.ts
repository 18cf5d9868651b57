/**
 * Weighted measures on a grid: quadrature weights times a weight function ρ(x) (optionally singular
 * at 0) times the radial factor |x|^{d−1}, combined once into one weight vector, and the L^p norms
 * and inner products built on it.
 *
 * @module
 */
import { checkFunction, checkInteger, checkOneOf, checkStrictlyIncreasing, checkVec } from '../core/check';
import { InvalidArgumentError } from '../core/errors';
import type { Vec } from '../core/types';
import { checkPowerWeight, evaluatePowerWeight, powerWeightMoment, powerWeightMomentConverges, type PowerWeight } from './powerWeight';
import { weightedSum } from './rule';
import { scaleByPow2 } from '../core/pow2';
import { fieldScale, maxAbsOnSupport, scaledPowerSum } from './scaledSums';

/** A weight ρ: a {@link PowerWeight}, a function of x, or its values at the nodes. */
export type WeightSpec = PowerWeight | ((x: number) => number) | Vec;

/** How to treat a node where the weight is infinite (x = 0 for |x|^{−α}). */
export type SingularityTreatment = 'error' | 'skipOrigin';

/** Options of {@link WeightedMeasure}. */
export interface WeightedMeasureOptions {
  /** Weight ρ (default ρ ≡ 1). */
  weight?: WeightSpec;
  /** Radial dimension d ≥ 1: multiply by |x|^{d−1} (default 1, no factor). */
  radialDimension?: number;
  /**
   * Multiply by the area of the unit sphere |S^{d−1}| = 2π^{d/2}/Γ(d/2) (2, 2π, 4π for d = 1, 2, 3), so
   * that for a radial f the result is the integral over ℝ^d (for d = 1, the even extension). Default false.
   */
  sphereArea?: boolean;
  /**
   * `'skipOrigin'`: a node at x = 0 whose weight is infinite gets combined weight 0, i.e. the integrand
   * ρf is taken to vanish there (true when f = O(|x|^m) with m larger than the singularity order; the
   * error is then O(h^{1+γ}) for an integrand ~ x^γ near 0, see the guide). `'error'` (default) throws.
   */
  singularity?: SingularityTreatment;
  /**
   * Highest Taylor order supported by {@link WeightedMeasure.integrateWithTaylor} (power weights
   * only; default 0 = none).
   */
  taylorOrder?: number;
}

/** Require p ∈ [1, ∞) or p = Infinity. */
export function checkExponent(p: unknown, name = 'p'): number {
  if (typeof p !== 'number' || !(p === Infinity || (Number.isFinite(p) && p >= 1))) {
    throw new InvalidArgumentError(name, 'a number >= 1 or Infinity', p);
  }
  return p;
}

/** |S^{d−1}| by the recurrence S_{d+2} = 2π S_d / d from S_1 = 2, S_2 = 2π. */
function unitSphereArea(d: number): number {
  let s = d % 2 === 1 ? 2 : 2 * Math.PI;
  for (let k = d % 2 === 1 ? 1 : 2; k < d; k += 2) s *= (2 * Math.PI) / k;
  return s;
}

/**
 * A measure dμ = ρ(x)|x|^{d−1}dx discretized on fixed nodes: combined weights
 * c_i = w_i·ρ(x_i)·|x_i|^{d−1} (w = trapezoid, Simpson or any rule's weights), built once and
 * applied as dot products. Integrals, inner products and L^p norms are O(n) with compensated
 * summation and no allocation. Works unchanged on flattened 2-D fields with tensor-product weights
 * (see {@link tensorProductWeights}).
 *
 * Taylor subtraction (power weights): with f(x) = Σ_{m<M} t_m x^m + O(x^M) near 0,
 * ∫ρf = Σ_i c_i (f_i − T(x_i)) + Σ_m t_m ∫ρ x^m; the exact moments are precomputed, so
 * {@link WeightedMeasure.integrateWithTaylor} costs one dot product plus M terms and converges like
 * an integrand ~ x^{M+e}.
 *
 * @example
 * ```ts
 * const z = uniformNodes(0, 10, 401);
 * const mu = new WeightedMeasure(z, simpsonWeights(z), { weight: powerWeight(1, -6), singularity: 'skipOrigin' });
 * const e = mu.lpNorm(u, 2); // (∫ u² z^{-6} dz)^{1/2} for u = O(z^4)
 * ```
 */
export class WeightedMeasure {
  /** Number of nodes. */
  readonly n: number;
  /** The nodes. */
  readonly nodes: Vec;
  /** Combined weights c_i = w_i ρ(x_i)|x_i|^{d−1}(·|S^{d−1}|). */
  readonly weights: Vec;
  private readonly taylorDefects: Vec;

  /**
   * @param nodes - the coordinate ρ and the radial factor are functions of, one per quadrature point
   *   (1-D: the grid; flattened 2-D fields: e.g. the radius |x| of each point, or any array when
   *   `weight` is given as values)
   * @param baseWeights - quadrature weights on the nodes (length n)
   * @param options - weight, radial dimension, singular treatment, Taylor order
   * @throws InvalidArgumentError for an infinite/NaN weight value at a node (unless skipped at 0), or a
   *   combined weight that is not a finite double (e.g. |x|^(d−1) of nodes near 1e160 in 3-D)
   */
  constructor(nodes: Vec, baseWeights: Vec, options: WeightedMeasureOptions = {}) {
    checkVec('nodes', nodes);
    const n = nodes.length;
    checkInteger('nodes.length', n, 1);
    checkVec('baseWeights', baseWeights, n);
    const d = checkInteger('options.radialDimension', options.radialDimension ?? 1, 1, 64);
    const singularity = checkOneOf('options.singularity', options.singularity ?? 'error', ['error', 'skipOrigin'] as const);
    const taylorOrder = checkInteger('options.taylorOrder', options.taylorOrder ?? 0, 0, 32);
    const spec = options.weight;
    let rhoAt: (i: number) => number;
    if (spec === undefined) rhoAt = () => 1;
    else if (spec instanceof Float64Array) {
      checkVec('options.weight', spec, n);
      rhoAt = (i) => spec[i];
    } else if (typeof spec === 'function') {
      checkFunction('options.weight', spec);
      rhoAt = (i) => spec(nodes[i]);
    } else {
      const pw = checkPowerWeight('options.weight', spec);
      rhoAt = (i) => evaluatePowerWeight(pw, nodes[i]);
    }
    if (taylorOrder > 0 && (spec === undefined || spec instanceof Float64Array || typeof spec === 'function')) {
      throw new InvalidArgumentError('options.taylorOrder', '0 unless options.weight is a PowerWeight (exact moments are needed)', taylorOrder);
    }
    const area = options.sphereArea === true ? unitSphereArea(d) : 1;
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = nodes[i];
      if (x === 0 && singularity === 'skipOrigin') continue;
      const rho = rhoAt(i);
      if (!Number.isFinite(rho)) {
        throw new InvalidArgumentError(`weight(nodes[${i}] = ${x})`, "finite (use singularity: 'skipOrigin' for a singular weight at 0)", rho);
      }
      c[i] = baseWeights[i] * rho * (d === 1 ? 1 : Math.pow(Math.abs(x), d - 1)) * area;
      if (!Number.isFinite(c[i])) {
        throw new InvalidArgumentError(`weights at nodes[${i}] = ${x}`, 'a finite combined weight w·ρ·|x|^(d−1) (nodes, weights and the radial factor leave the double range)', c[i]);
      }
    }
    this.n = n;
    this.nodes = nodes;
    this.weights = c;
    this.taylorDefects = new Float64Array(taylorOrder);
    if (taylorOrder > 0) {
      checkStrictlyIncreasing('nodes', nodes, 2);
      if (!(nodes[0] >= 0)) throw new InvalidArgumentError('nodes[0]', 'a number >= 0 when options.taylorOrder > 0', nodes[0]);
      const pw = spec as PowerWeight;
      for (let m = 0; m < taylorOrder; m++) {
        if (nodes[0] === 0 && !powerWeightMomentConverges(pw, m, d - 1)) {
          this.taylorDefects[m] = NaN; // ∫ρx^m diverges at 0: the Taylor coefficient t_m must vanish
          continue;
        }
        let discrete = 0;
        for (let i = 0; i < n; i++) discrete += c[i] === 0 ? 0 : c[i] * Math.pow(nodes[i], m);
        this.taylorDefects[m] = area * powerWeightMoment(pw, m, nodes[0], nodes[n - 1], d - 1) - discrete;
      }
    }
  }

  /**
   * ∫ f dμ ≈ Σ_i c_i f_i, f read at `f[offset + i*stride]`. O(n).
   * @example
   * ```ts
   * mu.integrate(f);
   * ```
   */
  integrate(f: ArrayLike<number>, stride = 1, offset = 0): number {
    this.checkField('f', f, stride, offset);
    return weightedSum(this.n, this.weights, 1, 0, f, stride, offset);
  }

  /**
   * ∫ f dμ using Taylor data f(x) = Σ_{m<M} t_m x^m + O(x^M) at 0: Σ_i c_i f_i + Σ_m t_m δ_m with
   * δ_m = ∫ρx^m − Σ_i c_i x_i^m precomputed (M ≤ `options.taylorOrder`). Exact when f is a polynomial
   * of degree < M. Coefficients t_m whose moment ∫ρx^m diverges at 0 must be 0 (otherwise the
   * integral itself diverges and an InvalidArgumentError names the entry). O(n + M).
   * @example
   * ```ts
   * const mu = new WeightedMeasure(z, trapezoidWeights(z), { weight: powerWeight(1, -1.5), singularity: 'skipOrigin', taylorOrder: 3 });
   * mu.integrateWithTaylor(f, new Float64Array([0, 0, 1])); // f = z² + O(z³)
   * ```
   */
  integrateWithTaylor(f: ArrayLike<number>, taylor: ArrayLike<number>): number {
    checkInteger('taylor.length', taylor.length, 0, this.taylorDefects.length);
    let s = this.integrate(f);
    for (let m = 0; m < taylor.length; m++) {
      if (taylor[m] === 0) continue;
      const defect = this.taylorDefects[m];
      if (Number.isNaN(defect)) throw new InvalidArgumentError(`taylor[${m}]`, '0 (the weighted moment of this order diverges at 0)', taylor[m]);
      s += taylor[m] * defect;
    }
    return s;
  }

  /**
   * ⟨f, g⟩_μ = ∫ f g dμ ≈ Σ_i c_i f_i g_i. O(n).
   * @example
   * ```ts
   * mu.inner(f, g);
   * ```
   */
  inner(f: ArrayLike<number>, g: ArrayLike<number>): number {
    this.checkField('f', f, 1, 0);
    this.checkField('g', g, 1, 0);
    const c = this.weights;
    let sum = 0;
    let comp = 0;
    for (let i = 0; i < this.n; i++) {
      const term = c[i] * f[i] * g[i];
      const t = sum + term;
      comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
      sum = t;
    }
    return sum + comp;
  }

  /**
   * ‖f‖_{L^p(μ)} = (Σ_i c_i |f_i|^p)^{1/p} for 1 ≤ p < ∞; `p = Infinity` gives max |f_i| over nodes
   * with c_i ≠ 0. Requires nonnegative weights for a true norm. Computed on f scaled by a power of
   * two near max|f|, so fields of any representable size (1e−300 … 1e300) give their norm, not 0 or
   * Infinity (bit-identical to the unscaled sum for p = 1, 2 where that one is exact). O(n).
   * @example
   * ```ts
   * mu.lpNorm(f, 2);
   * ```
   */
  lpNorm(f: ArrayLike<number>, p = 2, stride = 1, offset = 0): number {
    this.checkField('f', f, stride, offset);
    checkExponent(p);
    const c = this.weights;
    if (p === Infinity) {
      let m = 0;
      for (let i = 0, j = offset; i < this.n; i++, j += stride) if (c[i] !== 0) m = Math.max(m, Math.abs(f[j]));
      return m;
    }
    // scaled by a power of two near max|f| so that |f|^p neither underflows nor overflows (scaledSums.ts)
    const scale = fieldScale(maxAbsOnSupport(c, this.n, f, stride, offset));
    const sum = scaledPowerSum(c, this.n, f, stride, offset, p, scale);
    return scaleByPow2(p === 2 ? Math.sqrt(sum) : p === 1 ? sum : Math.pow(sum, 1 / p), scale.exponent);
  }

  private checkField(name: string, f: ArrayLike<number>, stride: number, offset: number): void {
    checkInteger('stride', stride, 1);
    checkInteger('offset', offset, 0);
    const need = offset + (this.n - 1) * stride + 1;
    if (f.length < need) throw new InvalidArgumentError(`${name}.length`, `>= ${need} (n = ${this.n}, stride ${stride}, offset ${offset})`, f.length);
  }
}
