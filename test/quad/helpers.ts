/** Shared helpers for the quadrature tests. */

/** The observed order of convergence (least-squares log–log slope). */
export { logLogSlope as observedOrder } from '../../src/stats/powerLaw';

/** Nodes x_i = X(i/N), i = 0..N, for a mapping X of [0, 1]. */
export function mappedNodes(N: number, map: (s: number) => number): Float64Array {
  const x = new Float64Array(N + 1);
  for (let i = 0; i <= N; i++) x[i] = map(i / N);
  return x;
}

/** Smooth stretching of [0, 1] onto [0, 1] with spacing ratio ≈ e² between the ends. */
export const stretched = (s: number): number => Math.expm1(2 * s) / Math.expm1(2);
