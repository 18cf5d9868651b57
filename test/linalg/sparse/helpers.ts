/** Shared helpers for the sparse tests: a seeded generator, dense views and fixture loading. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyCsrMatrix } from '../../../src/linalg/sparse/csr';

/** Deterministic uniform numbers in [-0.5, 0.5) (LCG). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296) - 0.5;
}

/** Dense row-major copy (interleaved for complex) of a CSR matrix. */
export function toDense(A: AnyCsrMatrix): Float64Array {
  const w = A.field === 'complex' ? 2 : 1;
  const out = new Float64Array(w * A.rows * A.cols);
  for (let i = 0; i < A.rows; i++) {
    for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) {
      for (let c = 0; c < w; c++) out[w * (i * A.cols + A.colIndex[p]) + c] += A.values[w * p + c];
    }
  }
  return out;
}

export function norm2(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

export function diffNorm(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - y[i]) ** 2;
  return Math.sqrt(s);
}

export { logLogSlope } from '../../../src/stats/powerLaw';

/** Sum of |A||x| row-wise maximum, the scale for componentwise/normwise residual checks. */
export function absProductNorm(A: AnyCsrMatrix, x: Float64Array): number {
  const w = A.field === 'complex' ? 2 : 1;
  let s = 0;
  for (let i = 0; i < A.rows; i++) {
    let row = 0;
    for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) {
      const j = A.colIndex[p];
      const a = w === 1 ? Math.abs(A.values[p]) : Math.hypot(A.values[2 * p], A.values[2 * p + 1]);
      const xv = w === 1 ? Math.abs(x[j]) : Math.hypot(x[2 * j], x[2 * j + 1]);
      row += a * xv;
    }
    s += row * row;
  }
  return Math.sqrt(s);
}

export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, '../../fixtures/linalg/sparse', name), 'utf8')) as T;
}
