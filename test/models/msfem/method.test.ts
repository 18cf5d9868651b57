import { describe, expect, it } from '@jest/globals';
import { InvalidArgumentError } from '../../../src/core/errors';
import { expMsfem, initExpMsfem } from '../../../src/models/msfem/index';
import { msfemCaseProblem } from '../../../src/models/msfem/experiments/cases';

const ratio = (e: number[], i: number, j: number) => e[j] / e[i];

describe('ExpMsFEM behaviour (spec checks 6, 9, 10–13)', () => {
  it('nestedness: the error at m from a sweep equals the error of a single-m run', () => {
    const p = msfemCaseProblem({ case: 'periodic', coarse: 4, fine: 8, modes: [1, 2, 3, 4] });
    const sweep = expMsfem(p).final;
    const single = expMsfem({ ...p, modes: [3] }).final;
    expect(single.eH[0]).toBe(sweep.eH[2]);
    expect(single.eL2[0]).toBe(sweep.eL2[2]);
  });

  it('decay (periodic, N_c = 8, N_f = 16): e_H, e_L2 decrease in m and e_H(6)/e_H(1) < 1e-2; O(H) plateaus', () => {
    const p = msfemCaseProblem({ case: 'periodic', coarse: 8, fine: 16, modes: [1, 2, 4, 6] });
    const exp = expMsfem(p).final;
    for (let k = 1; k < exp.eH.length; k++) {
      expect(exp.eH[k]).toBeLessThan(exp.eH[k - 1]);
      expect(exp.eL2[k]).toBeLessThan(exp.eL2[k - 1]);
    }
    expect(ratio(exp.eH, 0, 3)).toBeLessThan(1e-2);
    // negative control (Remark 4.3.4): without bubbles the error stalls at O(H) (N_c = 4, N_f = 8)
    const q = msfemCaseProblem({ case: 'periodic', coarse: 4, fine: 8, modes: [1, 4, 6] });
    const oh = expMsfem({ ...q, variant: 'oh' }).final;
    const ex = expMsfem(q).final;
    expect(ratio(oh.eH, 1, 2)).toBeGreaterThan(0.7);
    expect(oh.eH[2]).toBeGreaterThan(0.1 / 4);
    expect(oh.eH[2]).toBeLessThan(10 / 4);
    expect(oh.eH[2]).toBeGreaterThan(1e6 * ex.eH[2]);
  });

  it('decay (high contrast M = 2¹⁰, thesis radius, N_c = 8, N_f = 16): e_H, e_L2 decrease in m; e_H(6)/e_H(1) < 1e-2', () => {
    const hc = expMsfem(msfemCaseProblem({ case: 'high-contrast', coarse: 8, fine: 16, modes: [1, 2, 4, 6] })).final;
    for (let k = 1; k < hc.eH.length; k++) {
      expect(hc.eH[k]).toBeLessThan(hc.eH[k - 1]);
      expect(hc.eL2[k]).toBeLessThan(hc.eL2[k - 1]);
    }
    expect(ratio(hc.eH, 0, 3)).toBeLessThan(1e-2); // observed 5.3e-4
  });

  it('decay (Helmholtz at kH = 1: k = 8, N_c = 8, N_f = 8): e_H, e_L2 decrease over m = 1..5 by more than 10²', () => {
    const helm = expMsfem(msfemCaseProblem({ case: 'helmholtz', coarse: 8, fine: 8, modes: [1, 2, 3, 4, 5], k: 8 })).final;
    for (let k = 1; k < helm.eH.length; k++) {
      expect(helm.eH[k]).toBeLessThan(helm.eH[k - 1]);
      expect(helm.eL2[k]).toBeLessThan(helm.eL2[k - 1]);
    }
    expect(ratio(helm.eH, 0, 4)).toBeLessThan(1e-2); // observed 7.5e-3
  });

  it('resolution limit (periodic, h = 1/64): at m = 6 the smaller H (N_f = 8) is exact, the larger (N_f = 16) is not', () => {
    const small = expMsfem(msfemCaseProblem({ case: 'periodic', coarse: 8, fine: 8, modes: [6] })).final.eH[0];
    const large = expMsfem(msfemCaseProblem({ case: 'periodic', coarse: 4, fine: 16, modes: [6] })).final.eH[0];
    expect(small).toBeLessThan(1e-12);
    expect(large).toBeGreaterThan(1e-6);
  });

  it('bubble term: zero to round-off in the real Petrov assembly, not in the complex Ritz one', () => {
    const real = expMsfem(msfemCaseProblem({ case: 'periodic', coarse: 4, fine: 6, modes: [2] })).final;
    expect(real.bubbleTermRatio).toBeLessThan(1e-12);
    const petrov = expMsfem(msfemCaseProblem({ case: 'helmholtz', coarse: 4, fine: 6, modes: [2], k: 8, galerkin: 'petrov' })).final;
    expect(petrov.bubbleTermRatio).toBeLessThan(1e-12);
    const ritz = expMsfem(msfemCaseProblem({ case: 'helmholtz', coarse: 4, fine: 6, modes: [2], k: 8, galerkin: 'ritz' })).final;
    expect(ritz.bubbleTermRatio).toBeGreaterThan(1e-6);
  });

  it('Helmholtz: Petrov and Ritz decay at the same exponential rate over m = 1..5 (least-squares slopes within 25%)', () => {
    const base = { case: 'helmholtz', coarse: 4, fine: 8, modes: [1, 2, 3, 4, 5], k: 8 } as const;
    const petrov = expMsfem(msfemCaseProblem({ ...base, galerkin: 'petrov' })).final.eH;
    const ritz = expMsfem(msfemCaseProblem({ ...base, galerkin: 'ritz' })).final.eH;
    // slope of log e_H against m (least squares over m = 1..5); observed −1.31 (Petrov), −1.25 (Ritz)
    const slope = (e: number[]): number => {
      const n = e.length;
      const mx = (n - 1) / 2;
      const my = e.reduce((s, v) => s + Math.log(v), 0) / n;
      let sxy = 0;
      let sxx = 0;
      e.forEach((v, k) => {
        sxy += (k - mx) * (Math.log(v) - my);
        sxx += (k - mx) ** 2;
      });
      return sxy / sxx;
    };
    for (const e of [petrov, ritz]) {
      for (let k = 1; k < e.length; k++) expect(e[k]).toBeLessThan(e[k - 1]);
      expect(slope(e)).toBeLessThan(-1); // at least a factor e per mode
    }
    expect(Math.abs(slope(petrov) / slope(ritz) - 1)).toBeLessThan(0.25);
    // and the same level: within a factor 3 at every m (observed ≤ 1.83, at m = 1)
    petrov.forEach((e, k) => expect(Math.max(e / ritz[k], ritz[k] / e)).toBeLessThan(3));
  });

  it("edge bubble as a free DOF is never worse in energy than the thesis's fixed u_n (real SPD: Galerkin = energy projection)", () => {
    const p = msfemCaseProblem({ case: 'periodic', coarse: 4, fine: 6, modes: [1, 2, 3] });
    const free = expMsfem(p).final.eH;
    const fixed = expMsfem({ ...p, edgeBubble: 'fixed' }).final.eH;
    const hb = expMsfem({ ...p, variant: 'h-bubble' }).final.eH;
    free.forEach((e, k) => {
      expect(e).toBeLessThanOrEqual(fixed[k] * (1 + 1e-10));
      expect(fixed[k]).toBeLessThan(hb[k]);
    });
  });

  it("'ritzConj' (S + S̄) is never worse than 'ritz' (S) and rejects real problems", () => {
    const base = { case: 'helmholtz', coarse: 4, fine: 6, modes: [1, 2, 3], k: 8 } as const;
    const ritz = expMsfem(msfemCaseProblem({ ...base, galerkin: 'ritz' })).final.eH;
    const conj = expMsfem(msfemCaseProblem({ ...base, galerkin: 'ritzConj' })).final;
    conj.eH.forEach((e, k) => expect(e).toBeLessThanOrEqual(ritz[k] * (1 + 1e-9)));
    expect(conj.dofs[0]).toBeGreaterThan(66);
    expect(() => expMsfem(msfemCaseProblem({ case: 'periodic', coarse: 4, fine: 4, modes: [1], galerkin: 'ritzConj' }))).toThrow(/galerkin/);
  });

  it('contrast robustness (49 disks of the thesis radius 0.015, N_c = N_f = 8): max_M e / min_M e < 1.5 for M = 2⁶, 2¹⁰, 2¹⁴, m = 1..5', () => {
    const runs = [2 ** 6, 2 ** 10, 2 ** 14].map((M) => expMsfem(msfemCaseProblem({ case: 'high-contrast', coarse: 8, fine: 8, modes: [1, 2, 3, 4, 5], contrast: M })).final);
    for (let m = 0; m < 5; m++) {
      for (const norm of ['eH', 'eL2'] as const) {
        const col = runs.map((r) => r[norm][m]);
        expect(Math.max(...col) / Math.min(...col)).toBeLessThan(1.5); // observed ≤ 1.07
      }
    }
  });
});

describe('ExpMsFEM run idiom and input checks', () => {
  it('reports progress, stops on abort with status aborted, and steps by hand', () => {
    const p = msfemCaseProblem({ case: 'periodic', coarse: 3, fine: 4, modes: [1, 2] });
    const fractions: number[] = [];
    const r = expMsfem(p, { onProgress: (i) => fractions.push(i.fraction) });
    expect(r.status).toBe('success');
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(r.history.m).toEqual([1, 2]);
    expect(r.stats.cells).toBe(9);
    expect(r.stats.edges).toBe(12);
    const controller = new AbortController();
    let calls = 0;
    const aborted = expMsfem(p, { signal: controller.signal, onProgress: () => (++calls === 3 ? controller.abort() : undefined) });
    expect(aborted.status).toBe('aborted');
    expect(aborted.final.modes.length).toBeLessThan(2);
    const run = initExpMsfem(p);
    let steps = 0;
    while (run.step()) steps++;
    expect(steps).toBe(1 + 9 + 12 + 2);
    expect(run.result().final.eH).toEqual(r.final.eH);
  });

  it('rejects bad input by name before any work', () => {
    const ok = { coarse: 4, fine: 4, diffusion: 1, source: 1 };
    expect(() => expMsfem({ ...ok, fine: 1 })).toThrow(/problem\.fine/);
    expect(() => expMsfem({ ...ok, coarse: 1 })).toThrow(/problem\.coarse/);
    expect(() => expMsfem({ ...ok, diffusion: -1 })).toThrow(InvalidArgumentError);
    expect(() => expMsfem({ ...ok, diffusion: (x) => (x > 0.5 ? NaN : 1) })).toThrow(/problem\.diffusion\[/);
    expect(() => expMsfem({ ...ok, boundary: { left: 'R' } })).toThrow(/problem\.robin\.left/);
    expect(() => expMsfem({ ...ok, robin: { top: 1 } })).toThrow(/problem\.boundary\.top/);
    expect(() => expMsfem({ ...ok, boundary: { bottom: 'N', right: 'N', top: 'N', left: 'N' } })).toThrow(/pure Neumann/);
    expect(() => expMsfem({ ...ok, oversamplingLayers: 5 })).toThrow(/oversamplingLayers/);
    expect(() => expMsfem({ ...ok, modes: [0] })).toThrow(/modes\[0\]/);
    expect(() => msfemCaseProblem({ case: 'helmholtz', coarse: 4, fine: 4, modes: [1], k: -1 })).toThrow(/options\.k/);
  });
});
