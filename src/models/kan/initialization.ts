/**
 * Initialization of KAN parameters (thesis §3.7.1 (2), thesis §3.7.1) and the pykan-compatible
 * variants, plus `createKan` = structure + initialization.
 *
 * | scheme | w_s | spline coefficients | w_b |
 * |---|---|---|---|
 * | `'thesis'` (default) | 1 [T thesis §3.7.1] | c_m ~ N(0, σ²), σ = 0.1 [T thesis §3.7.1] | U(−1, 1)/√n_in ("Xavier" [T thesis §3.7.1], as pykan ≥ 0.2.5) |
 * | `'pykan005'` | 1 | min-norm least-squares fit of (U[0,1) − ½)·0.1/G at the G+1 grid points | 1/√n_in + 0.1·(2ξ − 1), ξ ~ N(0, 1) |
 * | `'pykan'` (0.2.5 / HEAD) | 1/√n_in | same fit with noise scale 0.3 | U(−1, 1)/√n_in |
 *
 * Draw order (bit-reproducible for a seed): layer by layer; within a layer first every edge's
 * coefficient draws (edge index e = j·n_in + i, then m or grid point), then every edge's w_b draw.
 *
 * @module
 */
import { checkOneOf, checkPositive } from '../../core/check';
import { InvalidTypeError } from '../../core/errors';
import type { Vec } from '../../core/types';
import { fitBSplineLeastSquares } from '../../diff/bsplineFit';
import { Rng } from '../../random/rng';
import type { Seed } from '../../random/seed';
import { KanNetwork, type KanStructure } from './network';

/** Initialization schemes, see the module table. */
export type KanInitScheme = 'thesis' | 'pykan005' | 'pykan';

/**
 * Options of {@link initializeKan}.
 *
 * @example
 * ```ts
 * initializeKan(net, { scheme: 'pykan005', seed: 42 });
 * ```
 */
export interface KanInitOptions {
  /** Scheme (default `'thesis'`). */
  scheme?: KanInitScheme;
  /** Seed of a fresh {@link Rng} (default 0); ignored when `rng` is given. */
  seed?: Seed;
  /** Generator to draw from (advanced in place). */
  rng?: Rng;
  /** σ of the thesis scheme's N(0, σ²) coefficients (default 0.1). */
  coefficientSigma?: number;
  /** Noise scale of the pykan schemes (default 0.1 for 'pykan005', 0.3 for 'pykan'). */
  noiseScale?: number;
}

/**
 * Result of {@link initializeKan}: how many edges' pykan-style coefficient fits were
 * rank-deficient (always all of them: G+1 data for G+k unknowns, resolved by the minimum-norm
 * solution exactly as torch's `lstsq`), for transparency.
 *
 * @example
 * ```ts
 * const { minimumNormFits } = initializeKan(net, { scheme: 'pykan' });
 * ```
 */
export interface KanInitReport {
  /** Edges whose coefficients came from an underdetermined minimum-norm fit (0 for 'thesis'). */
  minimumNormFits: number;
}

/**
 * Fill the parameters of `net` (spline edges, node biases reset to 0, symbolic affine maps set to
 * (1, 0, 1, 0)) according to a scheme (module table). O(params) for 'thesis'; O(edges·G·(G+k)²)
 * for the pykan schemes (a small QR per edge).
 *
 * @example
 * ```ts
 * const net = new KanNetwork({ shape: [2, 5, 1], intervals: 5 });
 * initializeKan(net, { seed: 1 });
 * ```
 */
export function initializeKan(net: KanNetwork, options: KanInitOptions = {}): KanInitReport {
  if (!(net instanceof KanNetwork)) throw new InvalidTypeError('net', 'a KanNetwork', net);
  const scheme = checkOneOf('options.scheme', options.scheme ?? 'thesis', ['thesis', 'pykan005', 'pykan'] as const);
  const sigma = checkPositive('options.coefficientSigma', options.coefficientSigma ?? 0.1);
  const noiseScale = checkPositive('options.noiseScale', options.noiseScale ?? (scheme === 'pykan' ? 0.3 : 0.1));
  if (options.rng !== undefined && !(options.rng instanceof Rng)) throw new InvalidTypeError('options.rng', 'an Rng', options.rng);
  const rng = options.rng ?? new Rng(options.seed ?? 0);
  let minimumNormFits = 0;
  for (const layer of net.layers) {
    const E = layer.edgeCount;
    const nb = layer.basisSize;
    const G = layer.intervals;
    const k = layer.degree;
    const invSqrtIn = 1 / Math.sqrt(layer.inDim);
    if (scheme === 'thesis') {
      for (let t = 0; t < E * nb; t++) layer.coefficients[t] = sigma * rng.normal();
    } else {
      const noise = new Float64Array(G + 1);
      for (let e = 0; e < E; e++) {
        const i = e % layer.inDim;
        const basis = layer.bases[i];
        const sites: Vec = basis.knots.subarray(k, k + G + 1);
        for (let g = 0; g <= G; g++) noise[g] = ((rng.uniform() - 0.5) * noiseScale) / G;
        const fit = fitBSplineLeastSquares(basis, sites, noise, { method: 'qr' });
        layer.coefficients.set(fit.coefficients, e * nb);
        if (fit.status === 'rankDeficient') minimumNormFits++;
      }
    }
    for (let e = 0; e < E; e++) {
      if (scheme === 'pykan005') layer.baseScale[e] = invSqrtIn + 0.1 * (2 * rng.normal() - 1);
      else layer.baseScale[e] = invSqrtIn * (2 * rng.uniform() - 1);
      layer.splineScale[e] = scheme === 'pykan' ? invSqrtIn : 1;
      layer.symbolicAffine[4 * e] = 1;
      layer.symbolicAffine[4 * e + 1] = 0;
      layer.symbolicAffine[4 * e + 2] = 1;
      layer.symbolicAffine[4 * e + 3] = 0;
    }
    if (layer.bias !== null) layer.bias.fill(0);
  }
  return { minimumNormFits };
}

/**
 * Options of {@link createKan}: the structure ({@link KanStructure}) plus the initialization
 * ({@link KanInitOptions}).
 *
 * @example
 * ```ts
 * const opts: KanOptions = { shape: [2, 5, 1], intervals: 3, degree: 3, seed: 42 };
 * ```
 */
export interface KanOptions extends KanStructure, KanInitOptions {}

/**
 * Build and initialize a KAN (thesis §3.2, §3.7.1). Default: G = 3, k = 3, grid [−1, 1], silu
 * base, no node bias, thesis initialization with seed 0.
 *
 * @example
 * ```ts
 * const net = createKan({ shape: [2, 5, 1], intervals: 5, seed: 42 });
 * const y = evaluateKan(net, { rows: 1, cols: 2, data: new Float64Array([0.3, -0.2]) });
 * ```
 */
export function createKan(options: KanOptions): KanNetwork {
  if (typeof options !== 'object' || options === null) throw new InvalidTypeError('options', 'an object with a shape', options);
  const net = new KanNetwork(options);
  initializeKan(net, options);
  return net;
}
