/** Shared helpers for the quadrature tests. */

/** Least-squares slope of log(err) against log(h): the observed order of convergence. */
export function observedOrder(h: readonly number[], err: readonly number[]): number {
  const lx = h.map(Math.log);
  const ly = err.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i] - mx) * (ly[i] - my);
    den += (lx[i] - mx) ** 2;
  }
  return num / den;
}

/** Nodes x_i = X(i/N), i = 0..N, for a mapping X of [0, 1]. */
export function mappedNodes(N: number, map: (s: number) => number): Float64Array {
  const x = new Float64Array(N + 1);
  for (let i = 0; i <= N; i++) x[i] = map(i / N);
  return x;
}

/** Smooth stretching of [0, 1] onto [0, 1] with spacing ratio ≈ e² between the ends. */
export const stretched = (s: number): number => Math.expm1(2 * s) / Math.expm1(2);
