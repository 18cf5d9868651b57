/** Shared helpers for the linalg tests: a deterministic LCG, norms, and observed-order fits. */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { DenseMatrix } from '../../src/core/types';

export const EPS = 2.220446049250313e-16;

/** Numerical Recipes LCG: uniform values in [-0.5, 0.5). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296) - 0.5;
}

export function randomMatrix(rows: number, cols: number, rnd: () => number): DenseMatrix {
  const data = new Float64Array(rows * cols);
  for (let k = 0; k < data.length; k++) data[k] = rnd();
  return { rows, cols, data };
}

export function randomVec(n: number, rnd: () => number): Float64Array {
  return new Float64Array(n).map(() => rnd());
}

export function maxAbs(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]));
  return m;
}

export function maxAbsDiff(x: ArrayLike<number>, y: ArrayLike<number>): number {
  expect(x.length).toBe(y.length);
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
  return m;
}

/** ‖A‖∞ of a dense row-major matrix. */
export function normInf(A: DenseMatrix): number {
  let m = 0;
  for (let i = 0; i < A.rows; i++) {
    let s = 0;
    for (let j = 0; j < A.cols; j++) s += Math.abs(A.data[i * A.cols + j]);
    m = Math.max(m, s);
  }
  return m;
}

/** The observed order of convergence (least-squares log–log slope). */
export { logLogSlope as observedOrder } from '../../src/stats/powerLaw';

/** The committed reference values (see test/fixtures/linalg/make_linalg_fixtures.py). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadFixtures(): any {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'linalg', 'linalg_fixtures.json'), 'utf8'));
}
