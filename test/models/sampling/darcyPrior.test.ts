import { darcyKlBasis, darcyLogPermeability, darcyMetrics } from '../../../src/models/sampling/index';
import { Rng } from '../../../src/random/rng';

describe('Darcy KL prior (thesis (C.6.9); spec check 11)', () => {
  const kl = darcyKlBasis({ modes: 6 });
  it('index set without the constant mode and λ_l = (π²|l|² + τ²)^−α', () => {
    expect(kl.dimension).toBe(35);
    expect(darcyKlBasis().dimension).toBe(255);
    expect(darcyKlBasis({ includeConstant: true }).dimension).toBe(256);
    const k = Array.from(kl.l1).findIndex((a, i) => a === 2 && kl.l2[i] === 1);
    expect(kl.eigenvalues[k]).toBeCloseTo((Math.PI ** 2 * 5 + 9) ** -2, 16);
  });

  it('the separable evaluation equals the direct sum Σ u_l √λ_l cos(πl₁x)cos(πl₂y)', () => {
    const rng = new Rng(1);
    const u = rng.fillNormal(new Float64Array(kl.dimension));
    const n = 8;
    const f = darcyLogPermeability(kl, u, n);
    for (const [i, j] of [[0, 0], [3, 5], [7, 2]]) {
      const x = (i + 0.5) / n;
      const y = (j + 0.5) / n;
      let s = 0;
      for (let k = 0; k < kl.dimension; k++) s += u[k] * Math.sqrt(kl.eigenvalues[k]) * Math.cos(Math.PI * kl.l1[k] * x) * Math.cos(Math.PI * kl.l2[k] * y);
      expect(f[j * n + i]).toBeCloseTo(s, 13);
    }
  });

  it('prior draws u ~ N(0, I) give Var log a(x) = Σ λ_l φ_l(x)² within 4 standard errors', () => {
    const rng = new Rng(2);
    const n = 4;
    const draws = 6000;
    const u = new Float64Array(kl.dimension);
    const sum = new Float64Array(n * n);
    const sq = new Float64Array(n * n);
    const f = new Float64Array(n * n);
    for (let s = 0; s < draws; s++) {
      rng.fillNormal(u);
      darcyLogPermeability(kl, u, n, f);
      for (let c = 0; c < n * n; c++) {
        sum[c] += f[c];
        sq[c] += f[c] * f[c];
      }
    }
    for (const c of [0, 5, 15]) {
      const x = ((c % n) + 0.5) / n;
      const y = (Math.floor(c / n) + 0.5) / n;
      let v = 0;
      for (let k = 0; k < kl.dimension; k++) v += kl.eigenvalues[k] * (Math.cos(Math.PI * kl.l1[k] * x) * Math.cos(Math.PI * kl.l2[k] * y)) ** 2;
      const m = sum[c] / draws;
      const sample = sq[c] / draws - m * m;
      expect(Math.abs(sample - v)).toBeLessThan(4 * v * Math.sqrt(2 / draws));
      expect(Math.abs(m)).toBeLessThan(4 * Math.sqrt(v / draws));
    }
  });

  it('metrics d_H⁻² and d_L² of (C.6.10)–(C.6.11)', () => {
    const ev = new Float64Array([4, 1]);
    const E = new Float64Array([1, 0, 0, 2]); // two particles
    const m = darcyMetrics(E, 2, [0, 0], ev);
    expect(m.l2).toBeCloseTo(Math.sqrt((1 + 4) / 2), 15);
    expect(m.hMinus2).toBeCloseTo(Math.sqrt((4 + 4) / 2), 15);
  });
});
