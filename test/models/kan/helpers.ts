/** Shared helpers of the KAN core tests: data sets and a sine symbolic function. */
import type { DenseMatrix } from '../../../src/core/types';
import type { SymbolicFunction } from '../../../src/models/kan/index';
import { Rng } from '../../../src/random/rng';

/** n points uniform in [−1, 1]^d with labels f(x), drawn from `new Rng(seed)`. */
export function sampleDataset(n: number, d: number, f: (x: Float64Array) => number, seed: number): [DenseMatrix, DenseMatrix] {
  const rng = new Rng(seed);
  const X = new Float64Array(n * d);
  const Y = new Float64Array(n);
  const x = new Float64Array(d);
  for (let s = 0; s < n; s++) {
    for (let i = 0; i < d; i++) x[i] = X[s * d + i] = 2 * rng.uniform() - 1;
    Y[s] = f(x);
  }
  return [{ rows: n, cols: d, data: X }, { rows: n, cols: 1, data: Y }];
}

/** f(x1, x2) = exp(sin(πx1) + x2²), the thesis/pykan running example. */
export const expSinSquare = (x: Float64Array): number => Math.exp(Math.sin(Math.PI * x[0]) + x[1] * x[1]);

/** sin with its three derivatives. */
export const SINE: SymbolicFunction = {
  name: 'sin',
  jet(u, out, o) {
    const s = Math.sin(u);
    const c = Math.cos(u);
    out[o] = s;
    out[o + 1] = c;
    out[o + 2] = -s;
    out[o + 3] = -c;
  },
};
