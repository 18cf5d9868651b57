/**
 * Hermitian eigendecomposition via the real symmetric embedding: A V = V Λ and VᴴV = I to
 * round-off, real symmetric input reproduces the real EVD, degenerate eigenspaces get orthonormal
 * bases, and eigenvalues/eigenspaces agree with numpy.linalg.eigh (LAPACK zheevd).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { InvalidArgumentError, InvalidTypeError, NumericalError } from '../../src/core/errors';
import { type ComplexMatrix, hermitianEigenDecomposition, symmetricEigenDecomposition } from '../../src/linalg/index';
import { EPS, lcg, maxAbsDiff } from './linalgTestUtils';

function randomHermitian(n: number, seed: number): ComplexMatrix {
  const rnd = lcg(seed);
  const data = new Float64Array(2 * n * n);
  for (let i = 0; i < n; i++) {
    data[2 * (i * n + i)] = rnd();
    for (let j = i + 1; j < n; j++) {
      const re = rnd();
      const im = rnd();
      data[2 * (i * n + j)] = re;
      data[2 * (i * n + j) + 1] = im;
      data[2 * (j * n + i)] = re;
      data[2 * (j * n + i) + 1] = -im;
    }
  }
  return { n, data };
}

/** Columns i, j of V: (Vᴴ V)_{ij} and the residual max |A V − V Λ| (entrywise moduli). */
function checks(A: ComplexMatrix, values: Float64Array, V: ComplexMatrix): { orth: number; resid: number } {
  const n = A.n;
  let orth = 0;
  let resid = 0;
  for (let p = 0; p < n; p++) {
    for (let q = 0; q < n; q++) {
      let re = 0;
      let im = 0;
      for (let i = 0; i < n; i++) {
        const ar = V.data[2 * (i * n + p)];
        const ai = -V.data[2 * (i * n + p) + 1];
        const br = V.data[2 * (i * n + q)];
        const bi = V.data[2 * (i * n + q) + 1];
        re += ar * br - ai * bi;
        im += ar * bi + ai * br;
      }
      orth = Math.max(orth, Math.hypot(re - (p === q ? 1 : 0), im));
    }
    for (let i = 0; i < n; i++) {
      let re = -values[p] * V.data[2 * (i * n + p)];
      let im = -values[p] * V.data[2 * (i * n + p) + 1];
      for (let j = 0; j < n; j++) {
        const ar = A.data[2 * (i * n + j)];
        const ai = A.data[2 * (i * n + j) + 1];
        const vr = V.data[2 * (j * n + p)];
        const vi = V.data[2 * (j * n + p) + 1];
        re += ar * vr - ai * vi;
        im += ar * vi + ai * vr;
      }
      resid = Math.max(resid, Math.hypot(re, im));
    }
  }
  return { orth, resid };
}

/** Spectral projector Σ_{k∈cols} v_k v_kᴴ as interleaved n×n. */
function projector(V: ArrayLike<number>, n: number, cols: number[]): Float64Array {
  const P = new Float64Array(2 * n * n);
  for (const k of cols) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const ar = V[2 * (i * n + k)];
        const ai = V[2 * (i * n + k) + 1];
        const br = V[2 * (j * n + k)];
        const bi = -V[2 * (j * n + k) + 1];
        P[2 * (i * n + j)] += ar * br - ai * bi;
        P[2 * (i * n + j) + 1] += ar * bi + ai * br;
      }
    }
  }
  return P;
}

describe('hermitianEigenDecomposition', () => {
  it('gives the 2×2 example exactly: [[2, i], [−i, 2]] has eigenvalues 1, 3', () => {
    const { values, vectors } = hermitianEigenDecomposition({ n: 2, data: new Float64Array([2, 0, 0, 1, 0, -1, 2, 0]) });
    expect(maxAbsDiff(values, [1, 3])).toBeLessThan(8 * EPS);
    // eigenvector of 1: (1, i)/√2 with the phase convention (first largest entry real positive)
    expect(maxAbsDiff([vectors.data[0], vectors.data[1], vectors.data[4], vectors.data[5]], [Math.SQRT1_2, 0, 0, Math.SQRT1_2])).toBeLessThan(8 * EPS);
  });

  it.each([[1], [6], [25]])('random Hermitian n=%i: A V = V Λ and VᴴV = I to round-off, ascending', (n) => {
    const A = randomHermitian(n, 40 + n);
    const { values, vectors } = hermitianEigenDecomposition(A);
    for (let k = 1; k < n; k++) expect(values[k]).toBeGreaterThanOrEqual(values[k - 1]);
    const { orth, resid } = checks(A, values, vectors);
    // ‖A‖₂ ≤ n/2 for entries in [−½, ½]; backward-stable EVD: residual ≲ c·n·ε·‖A‖₂
    expect(orth).toBeLessThan(16 * n * EPS);
    expect(resid).toBeLessThan(16 * n * EPS * Math.max(1, n / 2));
  });

  it('reproduces the real symmetric EVD for real input (real vectors up to sign)', () => {
    const n = 8;
    const rnd = lcg(5);
    const S = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) S[i * n + j] = S[j * n + i] = rnd();
    const ref = symmetricEigenDecomposition({ rows: n, cols: n, data: S });
    const A = { n, data: new Float64Array(2 * n * n) };
    for (let k = 0; k < n * n; k++) A.data[2 * k] = S[k];
    const { values, vectors } = hermitianEigenDecomposition(A);
    expect(maxAbsDiff(values, ref.values)).toBeLessThan(16 * n * EPS);
    for (let k = 0; k < n; k++) {
      let dot = 0;
      for (let i = 0; i < n; i++) {
        expect(Math.abs(vectors.data[2 * (i * n + k) + 1])).toBeLessThan(64 * n * EPS); // real after phase fix
        dot += vectors.data[2 * (i * n + k)] * ref.vectors.data[i * n + k];
      }
      expect(Math.abs(Math.abs(dot) - 1)).toBeLessThan(64 * n * EPS);
    }
  });

  it('agrees with numpy.linalg.eigh: eigenvalues and spectral projectors (degenerate eigenspaces included)', () => {
    const fixture = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'linalg', 'hermitian_eigen_fixture.json'), 'utf8'));
    for (const c of fixture.cases) {
      const n: number = c.n;
      const A = { n, data: new Float64Array(c.a) };
      const { values, vectors } = hermitianEigenDecomposition(A);
      const scale = Math.max(...c.values.map(Math.abs));
      expect(maxAbsDiff(values, c.values)).toBeLessThan(64 * n * EPS * scale);
      const { orth, resid } = checks(A, values, vectors);
      expect(orth).toBeLessThan(64 * n * EPS);
      expect(resid).toBeLessThan(64 * n * EPS * scale);
      // group equal eigenvalues; projectors onto each eigenspace are unique (phases and bases are not)
      for (let s = 0; s < n;) {
        let e = s + 1;
        while (e < n && c.values[e] - c.values[e - 1] < 1e-8 * scale) e++;
        const cols = Array.from({ length: e - s }, (_, t) => s + t);
        // projector error ≤ ε·‖A‖/gap (Davis–Kahan); gaps here are ≥ 1e-2·scale
        expect(maxAbsDiff(projector(vectors.data, n, cols), projector(c.vectors, n, cols))).toBeLessThan(1e-11);
        s = e;
      }
    }
  });

  it('returns an orthonormal basis for the fully degenerate identity spectrum', () => {
    const n = 5;
    const I = { n, data: new Float64Array(2 * n * n) };
    for (let i = 0; i < n; i++) I.data[2 * (i * n + i)] = 1;
    const r = hermitianEigenDecomposition(I);
    expect(Array.from(r.values)).toEqual([1, 1, 1, 1, 1]);
    expect(checks(I, r.values, r.vectors).orth).toBeLessThan(16 * n * EPS);
  });

  it('rejects bad input with named errors', () => {
    expect(() => hermitianEigenDecomposition({ n: 2, data: new Float64Array(4) })).toThrow(InvalidTypeError);
    expect(() => hermitianEigenDecomposition({ n: 0, data: new Float64Array(0) })).toThrow(InvalidArgumentError);
    expect(() => hermitianEigenDecomposition(null as unknown as ComplexMatrix)).toThrow(InvalidTypeError);
    expect(() => hermitianEigenDecomposition({ n: 1, data: new Float64Array([Number.NaN, 0]) })).toThrow(NumericalError);
  });
});
