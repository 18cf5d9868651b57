import { BandedDiffusionSolver, solveDiffusion } from '../../src/fem/index';

describe('BandedDiffusionSolver', () => {
  it('matches the general Q1 diffusion solver to round-off for a rough cellwise coefficient', () => {
    for (const n of [4, 16]) {
      const a = new Float64Array(n * n).map((_, c) => Math.exp(0.8 * Math.sin(c)));
      const u1 = new BandedDiffusionSolver(n).solve(a, 1);
      const u2 = solveDiffusion({ n, diffusion: a, source: 1 }).u;
      let d = 0;
      for (let k = 0; k < u1.length; k++) d = Math.max(d, Math.abs(u1[k] - u2[k]));
      expect(d).toBeLessThan(1e-14);
    }
  });

  it('converges at second order to the Fourier series of the torsion function (a ≡ 1, f = 1)', () => {
    // u(x, y) = Σ_{k,l odd} 16/(π⁴ k l (k² + l²)) sin(kπx) sin(lπy)
    let exact = 0;
    for (let k = 1; k < 400; k += 2) for (let l = 1; l < 400; l += 2) exact += (16 / (Math.PI ** 4 * k * l * (k * k + l * l))) * Math.sin((k * Math.PI) / 4) * Math.sin((l * Math.PI) / 2);
    const errs = [8, 16, 32, 64].map((n) => {
      const s = new BandedDiffusionSolver(n);
      return Math.abs(s.evaluate(s.solve(new Float64Array(n * n).fill(1), 1), 0.25, 0.5) - exact);
    });
    for (let k = 0; k + 1 < errs.length; k++) {
      expect(errs[k] / errs[k + 1]).toBeGreaterThan(3.5);
      expect(errs[k] / errs[k + 1]).toBeLessThan(4.5);
    }
  });

  it('rejects a non-positive coefficient', () => {
    const a = new Float64Array(16).fill(1);
    a[5] = 0;
    expect(() => new BandedDiffusionSolver(4).solve(a, 1)).toThrow(/a\[5\]/);
  });
});
