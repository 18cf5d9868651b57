/**
 * Quadrature rules as weight vectors: a rule on nodes x_0 < … < x_{n-1} is a weight vector w with
 * ∫ f ≈ Σ_i w_i f(x_i). Weights are built once per grid and applied as a dot product, so the
 * same grid can integrate many fields at n multiply–adds each.
 *
 * @module
 */
import { checkInteger, checkVec } from '../core/check';
import type { Vec } from '../core/types';

/** Nodes and weights of a quadrature rule: ∫ f ≈ Σ_i `weights[i]·f(nodes[i])`. */
export interface QuadratureRule {
  /** Quadrature nodes (strictly increasing). */
  readonly nodes: Vec;
  /** Quadrature weights, one per node. */
  readonly weights: Vec;
}

/**
 * Strided weighted sum Σ_{i<n} w[ow + i·sw]·f[of + i·sf] (the kernel every rule and norm uses).
 * Compensated (Kahan–Babuška/Neumaier) summation, so the rounding error is O(ε) relative to
 * Σ|w_i f_i| independently of n. O(n), no allocation.
 *
 * @param n - number of terms
 * @param w - weights; element i at `w[ow + i*sw]`
 * @param sw - stride of `w`
 * @param ow - offset of `w`
 * @param f - values; element i at `f[of + i*sf]`
 * @param sf - stride of `f`
 * @param of - offset of `f`
 * @returns the weighted sum
 * @example
 * ```ts
 * const w = trapezoidWeights(x);
 * const integral = weightedSum(x.length, w, 1, 0, fx, 1, 0);
 * ```
 */
export function weightedSum(n: number, w: Vec, sw: number, ow: number, f: ArrayLike<number>, sf: number, of: number): number {
  let sum = 0;
  let comp = 0;
  for (let i = 0, iw = ow, jf = of; i < n; i++, iw += sw, jf += sf) {
    const term = w[iw] * f[jf];
    const t = sum + term;
    comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
  }
  return sum + comp;
}

/**
 * Apply a quadrature rule (or a bare weight vector) to sampled values: Σ_i w_i f_i.
 * Checks that the lengths agree. O(n).
 *
 * @param rule - a {@link QuadratureRule} or a weight vector
 * @param values - f at the nodes
 * @returns the approximation of ∫ f
 * @example
 * ```ts
 * const rule = gaussLegendre(8, 0, 1);
 * const fx = rule.nodes.map((x) => Math.exp(x));
 * integrate(rule, fx); // e - 1 to round-off
 * ```
 */
export function integrate(rule: QuadratureRule | Vec, values: ArrayLike<number>): number {
  const w = rule instanceof Float64Array ? rule : checkVec('rule.weights', rule.weights);
  checkInteger('values.length', values.length, w.length, w.length);
  return weightedSum(w.length, w, 1, 0, values, 1, 0);
}
