/**
 * Sparsity regularization of pykan 0.0.5 `train()` (externally sourced: the thesis only mentions
 * "sparsity regularizations", thesis §3.2.4):
 *
 * reg = Σ_l [ λ_L1·Σ_e A_l[e] + λ_ent·(−Σ_e p_e log₂(p_e + 10⁻⁴)) ] + λ_coef·Σ_edges mean_m |c_m|
 *       + λ_coefdiff·Σ_edges mean_m |c_{m+1} − c_m|,   p = A_l/Σ A_l,
 *
 * with the edge activation scales A_l[j,i] = mean_s |φ_{l,j,i}(x_s)| / (t_G − t_0 + 10⁻⁴); the
 * training objective is MSE + λ·reg. Defaults as pykan: λ = 0 (off), λ_L1 = 1, λ_ent = 2,
 * λ_coef = λ_coefdiff = 0 (small_mag_threshold/small_reg_factor = 1e−16/1 make pykan's
 * "nonlinear" map the identity).
 *
 * @module
 */
import { checkNonNegative } from '../../core/check';
import type { Vec } from '../../core/types';
import { baseGridRange } from './activations';
import type { KanNetwork } from './network';
import type { KanWorkspace } from './workspace';

/**
 * Weights of the regularization (pykan 0.0.5 names in parentheses).
 *
 * @example
 * ```ts
 * const reg: RegularizationOptions = { lamb: 1e-3 }; // λ_L1 = 1, λ_ent = 2 by default
 * ```
 */
export interface RegularizationOptions {
  /** Overall weight λ (`lamb`, default 0: off). */
  lamb?: number;
  /** L1 weight (`lamb_l1`, default 1). */
  lambL1?: number;
  /** Entropy weight (`lamb_entropy`, default 2). */
  lambEntropy?: number;
  /** Coefficient-magnitude weight (`lamb_coef`, default 0). */
  lambCoef?: number;
  /** Coefficient-difference weight (`lamb_coefdiff`, default 0). */
  lambCoefDiff?: number;
}

/** Validated regularization weights. */
export interface ResolvedRegularization {
  /** Overall weight λ of reg in the objective MSE + λ·reg (0: off). */
  lamb: number;
  /** Weight λ_L1 of the summed edge activation scales A_l[e]. */
  lambL1: number;
  /** Weight λ_ent of the entropy of the normalized scales p = A_l/Σ A_l. */
  lambEntropy: number;
  /** Weight λ_coef of the mean coefficient magnitude mean_m |c_m| per edge. */
  lambCoef: number;
  /** Weight λ_coefdiff of the mean coefficient difference mean_m |c_{m+1} − c_m| per edge. */
  lambCoefDiff: number;
}

/**
 * Validate and default {@link RegularizationOptions} (each weight finite and ≥ 0).
 *
 * @example
 * ```ts
 * resolveRegularization({ lamb: 0.01 }).lambEntropy; // 2
 * ```
 */
export function resolveRegularization(options: RegularizationOptions): ResolvedRegularization {
  return {
    lamb: checkNonNegative('options.lamb', options.lamb ?? 0),
    lambL1: checkNonNegative('options.lambL1', options.lambL1 ?? 1),
    lambEntropy: checkNonNegative('options.lambEntropy', options.lambEntropy ?? 2),
    lambCoef: checkNonNegative('options.lambCoef', options.lambCoef ?? 0),
    lambCoefDiff: checkNonNegative('options.lambCoefDiff', options.lambCoefDiff ?? 0),
  };
}

const EPS_ENTROPY = 1e-4;
const LN2 = Math.LN2;

/**
 * The regularization value reg (module formula) after a forward pass with `statistics: true` on
 * `ws`. When `grad` is given, adds λ·∂reg/∂params for the coefficient terms into it and writes the
 * sign weights λ·∂reg/∂A_e / (B·(range + 10⁻⁴)) into `ws.edgeSignWeight` so that a following
 * `backwardKan(…, { accumulate: true })` adds the activation terms; without `grad` the sign
 * weights are cleared. Returns reg (not multiplied by λ). O(edges·(G + k)).
 *
 * @example
 * ```ts
 * forwardKan(net, X, ws, { statistics: true });
 * const reg = regularizationTerm(net, ws, resolveRegularization({ lamb: 1e-3 }), grad);
 * ```
 */
export function regularizationTerm(net: KanNetwork, ws: KanWorkspace, weights: ResolvedRegularization, grad?: Vec): number {
  let reg = 0;
  const B = ws.batch;
  for (let l = 0; l < net.depth; l++) {
    const layer = net.layers[l];
    const E = layer.edgeCount;
    const mean = ws.edgeAbsMean[l];
    let total = 0;
    for (let e = 0; e < E; e++) total += mean[e] / (baseGridRange(layer, e % layer.inDim) + 1e-4);
    let entropy = 0;
    let pg = 0; // Σ p_m g_m with g_m = ∂H/∂p_m
    if (total > 0) {
      for (let e = 0; e < E; e++) {
        const p = mean[e] / (baseGridRange(layer, e % layer.inDim) + 1e-4) / total;
        entropy -= p * Math.log2(p + EPS_ENTROPY);
        pg += p * entropyDerivative(p);
      }
    }
    reg += weights.lambL1 * total + weights.lambEntropy * entropy;
    if (grad === undefined) {
      ws.edgeSignWeight[l] = null;
    } else {
      let w = ws.edgeSignWeight[l];
      if (w === null || w.length !== E) w = ws.edgeSignWeight[l] = new Float64Array(E);
      for (let e = 0; e < E; e++) {
        const scale = baseGridRange(layer, e % layer.inDim) + 1e-4;
        let dRdA = weights.lambL1;
        if (total > 0) dRdA += (weights.lambEntropy * (entropyDerivative(mean[e] / scale / total) - pg)) / total;
        w[e] = (weights.lamb * dRdA) / (B * scale);
      }
    }
    reg += coefficientTerms(layer.coefficients, layer.basisSize, weights, grad, layer.offsets.coefficients);
  }
  return reg;
}

/** ∂/∂p of −p·log₂(p + ε). */
function entropyDerivative(p: number): number {
  return -(Math.log2(p + EPS_ENTROPY) + p / ((p + EPS_ENTROPY) * LN2));
}

/** λ_coef Σ mean|c| + λ_coefdiff Σ mean|Δc| of one layer, with its gradient (× λ) into grad. */
function coefficientTerms(c: Vec, nb: number, weights: ResolvedRegularization, grad: Vec | undefined, offset: number): number {
  if (weights.lambCoef === 0 && weights.lambCoefDiff === 0) return 0;
  let value = 0;
  const edges = c.length / nb;
  for (let e = 0; e < edges; e++) {
    const o = e * nb;
    for (let m = 0; m < nb; m++) {
      value += (weights.lambCoef * Math.abs(c[o + m])) / nb;
      if (grad !== undefined) grad[offset + o + m] += (weights.lamb * weights.lambCoef * Math.sign(c[o + m])) / nb;
    }
    if (nb > 1) {
      for (let m = 0; m + 1 < nb; m++) {
        const diff = c[o + m + 1] - c[o + m];
        value += (weights.lambCoefDiff * Math.abs(diff)) / (nb - 1);
        if (grad !== undefined) {
          const g = (weights.lamb * weights.lambCoefDiff * Math.sign(diff)) / (nb - 1);
          grad[offset + o + m + 1] += g;
          grad[offset + o + m] -= g;
        }
      }
    }
  }
  return value;
}
