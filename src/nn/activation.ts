/**
 * Smooth activation functions of the dense networks with their derivatives up to order 3, the
 * ingredients of forward input jets (orders 1, 2) and of the reverse pass through them.
 *
 * tanh: t = tanh z, σ′ = 1 − t², σ″ = −2tσ′, σ‴ = σ′(6t² − 2).
 * silu: s = 1/(1 + e^{−z}), p = s(1 − s): σ = zs, σ′ = s + zp, σ″ = 2p + zp(1 − 2s),
 * σ‴ = 3p(1 − 2s) + zp((1 − 2s)² − 2p).
 *
 * @module
 */
import { checkOneOf } from '../core/check';

/**
 * Hidden-layer activation of an {@link Mlp}: `'tanh'` or `'silu'` (x·sigmoid(x)).
 * @example
 * ```ts
 * const activation: MlpActivation = 'silu';
 * new Mlp([2, 16, 1], activation);
 * ```
 */
export type MlpActivation = 'tanh' | 'silu';

/**
 * The accepted activation names.
 * @example
 * ```ts
 * for (const a of MLP_ACTIVATIONS) new Mlp([1, 8, 1], a); // 'tanh', 'silu'
 * ```
 */
export const MLP_ACTIVATIONS: readonly MlpActivation[] = Object.freeze(['tanh', 'silu'] as MlpActivation[]);

/**
 * Validate an activation name (throws `InvalidArgumentError` naming `name`).
 * @example
 * ```ts
 * checkActivation('activation', 'tanh'); // 'tanh'
 * ```
 */
export function checkActivation(name: string, value: unknown): MlpActivation {
  return checkOneOf(name, value, MLP_ACTIVATIONS);
}

/**
 * σ(z), σ′(z), σ″(z), σ‴(z) for the n pre-activations `z[zOffset + r·zStride]`, r = 0 … n−1, written
 * to `out[outOffset + 4r + m]` (m = derivative order). Only the first `orders + 1` entries of each
 * quadruple are computed (orders ∈ {0, 1, 2, 3}). O(n), no allocation.
 *
 * @example
 * ```ts
 * const out = new Float64Array(4);
 * activationJets('tanh', new Float64Array([0.5]), 1, 0, 1, 3, out, 0); // tanh, sech², …
 * ```
 */
export function activationJets(
  kind: MlpActivation,
  z: Float64Array,
  n: number,
  zOffset: number,
  zStride: number,
  orders: number,
  out: Float64Array,
  outOffset: number,
): Float64Array {
  if (kind === 'tanh') {
    for (let r = 0; r < n; r++) {
      const t = Math.tanh(z[zOffset + r * zStride]);
      const o = outOffset + 4 * r;
      out[o] = t;
      if (orders < 1) continue;
      const d1 = 1 - t * t;
      out[o + 1] = d1;
      if (orders < 2) continue;
      out[o + 2] = -2 * t * d1;
      if (orders < 3) continue;
      out[o + 3] = d1 * (6 * t * t - 2);
    }
  } else {
    for (let r = 0; r < n; r++) {
      const x = z[zOffset + r * zStride];
      const s = 1 / (1 + Math.exp(-x));
      const o = outOffset + 4 * r;
      out[o] = x * s;
      if (orders < 1) continue;
      const p = s * (1 - s);
      out[o + 1] = s + x * p;
      if (orders < 2) continue;
      const q = 1 - 2 * s;
      out[o + 2] = 2 * p + x * p * q;
      if (orders < 3) continue;
      out[o + 3] = 3 * p * q + x * p * (q * q - 2 * p);
    }
  }
  return out;
}
