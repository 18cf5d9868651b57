import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { choleskyFactor } from '../../../src/linalg/index';
import { dampingFormMatrix, dampingFormQuadrature, lemmaA61 } from '../../../src/models/blowup/index';
import { Rng } from '../../../src/random/index';

const fixture = JSON.parse(readFileSync(join(__dirname, '../../fixtures/blowup/lemmaA61.json'), 'utf8')) as { N: number[]; lambdaMin: number[] };

function quadraticForm(F: { rows: number; data: Float64Array }, x: Float64Array): number {
  const n = F.rows;
  let s = 0;
  for (let i = 0; i < n; i++) { let r = 0; for (let j = 0; j < n; j++) r += F.data[i * n + j] * x[j]; s += x[i] * r; }
  return s;
}

describe('thesis (A.2.5) / Lemma A.6.1: the damping form F^(N)', () => {
  test('assembled exactly symmetric', () => {
    const F = dampingFormMatrix(60);
    const n = F.rows;
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(F.data[i * n + j]).toBe(F.data[j * n + i]);
  });

  test('sign convention: −dE1 by quadrature equals the printed form at (a, −c), not at (a, c); orthonormal bases (energy = |x|²)', () => {
    const rng = new Rng(11);
    for (const N of [1, 3, 12, 30]) {
      const F = dampingFormMatrix(N, 0);
      const a = Float64Array.from({ length: N }, () => rng.normal());
      const c = Float64Array.from({ length: N }, () => rng.normal());
      const q = dampingFormQuadrature(a, c);
      const plus = new Float64Array(2 * N), minus = new Float64Array(2 * N);
      for (let k = 0; k < N; k++) { plus[k] = minus[k] = a[k]; plus[N + k] = c[k]; minus[N + k] = -c[k]; }
      const scale = quadraticForm(F, minus);
      expect(Math.abs(-q.dE1 - scale)).toBeLessThan(1e-12 * (1 + Math.abs(scale)) * N);
      let norm2 = 0;
      for (let k = 0; k < 2 * N; k++) norm2 += plus[k] ** 2;
      expect(Math.abs(q.energy - norm2)).toBeLessThan(1e-12 * norm2 * N);
      expect(q.coefficientError).toBeLessThan(1e-12 * N * 10);
      if (N >= 3) expect(Math.abs(-q.dE1 - quadraticForm(F, plus))).toBeGreaterThan(1e-3);
    }
  });

  test('λ_min(F^(N)) for N = 50, 100, 200 matches the independent numpy/LAPACK fixture to 1e-12', () => {
    const r = lemmaA61([50, 100, 200]);
    for (let k = 0; k < 3; k++) {
      expect(r.N[k]).toBe(fixture.N[k]);
      expect(Math.abs(r.lambdaMin[k] - fixture.lambdaMin[k])).toBeLessThan(1e-12);
    }
    // Converged in N: λ_min ≈ 0.0034405, sharp damping ≈ 0.163440 > 0.16 (Proposition A.2.4 holds) —
    // but the thesis's λ_min(F^(200)) > 0.01 does NOT: Cholesky of F − 0.01·I fails, and the tail
    // condition λ_min ≥ 2/N needs N ≥ 582 with damping 0.16 (or damping ≤ 0.1534 at N = 200).
    expect(r.sharpDamping).toBeGreaterThan(0.16);
    expect(Math.abs(r.sharpDamping - 0.1634405)).toBeLessThan(1e-6);
    expect(r.choleskyAtEpsilon).toEqual([false, false, false]);
    expect(r.tailCondition).toEqual([false, false, false]);
    expect(r.tailConditionMinN).toBe(582);
    const n = 2 * 200;
    const F = dampingFormMatrix(200);
    for (let i = 0; i < n; i++) F.data[i * n + i] -= 0.003;
    expect(choleskyFactor(F).status).toBe('success'); // F − 0.003·I ≻ 0 (λ_min = 0.00344)
    // The largest damping for which the tail condition holds at N = 200, confirmed by Cholesky.
    const shiftedCholesky = (d: number) => {
      const G = dampingFormMatrix(200, d);
      for (let i = 0; i < n; i++) G.data[i * n + i] -= 2 / 200;
      return choleskyFactor(G).status;
    };
    expect(Math.abs(r.dampingForTailAt200 - 0.1534405)).toBeLessThan(1e-6);
    expect(shiftedCholesky(r.dampingForTailAt200 - 1e-6)).toBe('success');
    expect(shiftedCholesky(r.dampingForTailAt200 + 1e-6)).toBe('notPositiveDefinite');
  });
});
