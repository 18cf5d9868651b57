/**
 * Tables and slow paths of the 256-layer ziggurat for the standard normal distribution
 * (Marsaglia & Tsang, J. Stat. Softw. 5(8), 2000), in the double-precision form of Doornik
 * ("An improved ziggurat method to generate normal random samples", 2005): the layer index, the
 * sign and the 53-bit abscissa come from disjoint random bits, which removes the correlation
 * defect of the original 32-bit version.
 *
 * Layout, for the unnormalized density f(x) = exp(−x²/2) and N = 256 layers of equal area v:
 * `x[0] = v/f(r)` (the base strip including the tail), `x[1] = r`,
 * `x[i+1] = f⁻¹(f(x[i]) + v/x[i])`, `x[N] = 0`. Layer i is the rectangle [0, x[i]] × [f(x[i]), f(x[i+1])];
 * a point with |u·x[i]| < x[i+1] lies under the curve (probability 98.5% overall); otherwise a
 * wedge test against f, and for i = 0 Marsaglia's exact tail sampler beyond r.
 *
 * @module
 */

// Builtins bound once: global lookups are slow in sandboxed contexts (vm modules, test runners).
const { exp, log } = Math;

/**
 * Number of layers.
 * @example
 * ```ts
 * ZIGGURAT_LAYERS; // 256
 * ```
 */
export const ZIGGURAT_LAYERS = 256;
/**
 * Right end of the base strip for 256 layers, r = 3.654152885361008771645… (solved with mpmath).
 * @example
 * ```ts
 * Math.exp(-0.5 * ZIGGURAT_R ** 2); // density at the base strip's edge
 * ```
 */
export const ZIGGURAT_R = 3.654152885361009; // 3.654152885361008771645…
/**
 * Area of each layer, v = r·f(r) + ∫_r^∞ f = 0.004928673233974655347…
 * @example
 * ```ts
 * ZIGGURAT_V * ZIGGURAT_LAYERS; // ≈ 1.26, the area covered by the layers
 * ```
 */
export const ZIGGURAT_V = 0.004928673233974655; // 0.004928673233974655347…

/** Precomputed layer data (immutable once built). */
export interface ZigguratTables {
  /** Layer widths x[0..N], x[N] = 0. */
  readonly x: Float64Array;
  /** Ratios x[i+1]/x[i], i < N: the fast-path acceptance threshold for u ∈ [0, 1). */
  readonly ratio: Float64Array;
  /** Density values f(x[i]), i ≤ N. */
  readonly f: Float64Array;
}

let cachedTables: ZigguratTables | undefined;

/**
 * The ziggurat tables, built on first use (257 exp/log evaluations) and then shared; building is
 * deterministic, so the cache is an immutable constant, not state.
 *
 * @example
 * ```ts
 * const { x, ratio } = zigguratTables();
 * ```
 */
export function zigguratTables(): ZigguratTables {
  if (cachedTables) return cachedTables;
  const n = ZIGGURAT_LAYERS;
  const r = ZIGGURAT_R;
  const v = ZIGGURAT_V;
  const x = new Float64Array(n + 1);
  const f = new Float64Array(n + 1);
  x[0] = v / exp(-0.5 * r * r);
  x[1] = r;
  for (let i = 1; i < n - 1; i++) x[i + 1] = Math.sqrt(-2 * log(v / x[i] + exp(-0.5 * x[i] * x[i])));
  x[n] = 0;
  for (let i = 0; i <= n; i++) f[i] = exp(-0.5 * x[i] * x[i]);
  const ratio = new Float64Array(n);
  for (let i = 0; i < n; i++) ratio[i] = x[i + 1] / x[i];
  cachedTables = { x, ratio, f };
  return cachedTables;
}

/** The minimal generator interface the slow paths need. */
export interface UniformSource {
  /** A uniform double in [0, 1). */
  uniform(): number;
}

/**
 * A sample of the standard normal conditioned on Z > r (Marsaglia 1964): repeat
 * ξ = −log(U₁)/r, η = −log(U₂) until 2η ≥ ξ², return r + ξ. Acceptance ≈ 0.92 at r = 3.65.
 *
 * @param rng - uniform source
 * @param r - the tail start (> 0)
 * @example
 * ```ts
 * const z = normalTail(rng, 3.654152885361009); // z > 3.654…
 * ```
 */
export function normalTail(rng: UniformSource, r: number): number {
  for (;;) {
    const xi = -log(1 - rng.uniform()) / r; // 1 − U ∈ (0, 1]
    const eta = -log(1 - rng.uniform());
    if (eta + eta >= xi * xi) return r + xi;
  }
}

/**
 * The slow path of the ziggurat for layer i and abscissa x = u·x[i] (|x| ≥ x[i+1]): returns
 * the accepted |value|, or −1 to ask the caller to draw again.
 * Layer 0 draws from the tail; other layers accept x with probability
 * (f(x) − f(x[i]))/(f(x[i+1]) − f(x[i])) (the wedge test).
 *
 * @example
 * ```ts
 * const t = zigguratTables();
 * zigguratSlowPath(rng, t, 5, 0.99 * t.x[5]); // accepted value or -1
 * ```
 */
export function zigguratSlowPath(rng: UniformSource, tables: ZigguratTables, i: number, x: number): number {
  if (i === 0) return normalTail(rng, ZIGGURAT_R);
  const f = tables.f;
  const y = f[i] + rng.uniform() * (f[i + 1] - f[i]);
  return y < exp(-0.5 * x * x) ? x : -1;
}
