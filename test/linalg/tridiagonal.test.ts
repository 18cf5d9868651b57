import { solveTridiagonal, solveCyclicTridiagonal, TridiagonalFactorization } from '../../src/linalg/tridiagonal';
import { NumericalError } from '../../src/core/errors';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296) - 0.5;
}

function randomDominant(n: number, rnd: () => number) {
  const lo = new Float64Array(n), d = new Float64Array(n), up = new Float64Array(n);
  for (let i = 0; i < n; i++) { lo[i] = rnd(); up[i] = rnd(); d[i] = 2 + Math.abs(lo[i]) + Math.abs(up[i]) + rnd(); }
  return { lo, d, up };
}

describe('tridiagonal solvers', () => {
  test('Thomas: residual at round-off on a random diagonally dominant system', () => {
    const rnd = lcg(7);
    const n = 200;
    const { lo, d, up } = randomDominant(n, rnd);
    const b = new Float64Array(n).map(() => rnd());
    const x = solveTridiagonal(lo, d, up, b);
    let maxRes = 0;
    for (let i = 0; i < n; i++) {
      const r = (i > 0 ? lo[i] * x[i - 1] : 0) + d[i] * x[i] + (i < n - 1 ? up[i] * x[i + 1] : 0) - b[i];
      maxRes = Math.max(maxRes, Math.abs(r));
    }
    expect(maxRes).toBeLessThan(1e-14);
  });

  test('cyclic: residual at round-off including the corner entries', () => {
    const rnd = lcg(11);
    const n = 50;
    const { lo, d, up } = randomDominant(n, rnd);
    const b = new Float64Array(n).map(() => rnd());
    const x = solveCyclicTridiagonal(lo, d, up, b);
    let maxRes = 0;
    for (let i = 0; i < n; i++) {
      const r = lo[i] * x[(i - 1 + n) % n] + d[i] * x[i] + up[i] * x[(i + 1) % n] - b[i];
      maxRes = Math.max(maxRes, Math.abs(r));
    }
    expect(maxRes).toBeLessThan(1e-14);
  });

  test('strided in-place solve along a column equals the contiguous solve', () => {
    const rnd = lcg(3);
    const n = 17, cols = 5;
    const { lo, d, up } = randomDominant(n, rnd);
    const f = new TridiagonalFactorization(lo, d, up);
    const field = new Float64Array(n * cols).map(() => rnd());
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = field[i * cols + 2];
    const ref = f.solve(col);
    f.solveStrided(field, cols, 2, field, cols, 2);
    for (let i = 0; i < n; i++) expect(field[i * cols + 2]).toBe(ref[i]);
  });

  test('a zero pivot is reported as NumericalError, and bad shapes as TypeError', () => {
    const z = new Float64Array(3);
    expect(() => solveTridiagonal(z, z, z, z)).toThrow(NumericalError);
    expect(() => solveTridiagonal(new Float64Array(2), new Float64Array(3), new Float64Array(3), new Float64Array(3))).toThrow(TypeError);
  });
});

describe('TridiagonalFactorization.factor', () => {
  test('refactoring in place equals a fresh factorization bit for bit', () => {
    const rnd = lcg(5);
    const n = 40;
    const a = randomDominant(n, rnd);
    const b = randomDominant(n, rnd);
    const rhs = new Float64Array(n).map(() => rnd());
    const f = new TridiagonalFactorization(a.lo, a.d, a.up);
    const x1 = f.factor(b.lo, b.d, b.up).solve(rhs);
    const x2 = new TridiagonalFactorization(b.lo, b.d, b.up).solve(rhs);
    expect(Array.from(x1)).toEqual(Array.from(x2));
    expect(() => f.factor(b.lo, new Float64Array(n + 1), b.up)).toThrow(TypeError);
  });
});
