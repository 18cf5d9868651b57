/**
 * Mean-field PDE cross-validation (spec §4.3, §9 check 15): schemes B and C, three grids, three
 * explicit steps and the IMEX stepper agree within discretization errors whose observed orders
 * are asserted. Reversed orientation, n = 1000 (λ ≈ 281.8), compared at t = 2e-3 (mid-sort) and
 * at the freeze.
 */
import { meanFieldPde, type MeanFieldPdeResult, type MeanFieldPdeSpec } from '../../../src/models/billiards/pde';

const tc = 2e-3;
const base: MeanFieldPdeSpec = { n: 1000, orientation: 'reversed' };
const run = (spec: Partial<MeanFieldPdeSpec>): MeanFieldPdeResult => meanFieldPde({ ...base, ...spec }, { tEnd: 4e-3, saveAt: [tc], stopAtFreeze: true });

/** sup_i |fine[stride·i] − coarse[i]| over the coarse nodes. */
function supDiff(fine: Float64Array, coarse: Float64Array, stride = 1): number {
  let m = 0;
  for (let i = 0; i < coarse.length; i++) m = Math.max(m, Math.abs(fine[i * stride] - coarse[i]));
  return m;
}

describe('schemes B and C on three grids', () => {
  const grids = [401, 801, 1601];
  const results: Record<string, MeanFieldPdeResult> = {};
  beforeAll(() => {
    for (const nodes of grids) for (const scheme of ['B', 'C'] as const) results[scheme + nodes] = run({ nodes, scheme });
  });

  it('B and C differ by O(dx²): observed order 2 in μ and σ, freeze times within 1e-5 relative', () => {
    // observed sup|μ_B − μ_C|: 1.45e-3, 3.57e-4, 8.84e-5 (orders 2.03, 2.01)
    const dMu = grids.map((g) => supDiff(results['B' + g].saved[0].state.mu, results['C' + g].saved[0].state.mu));
    const dSigma = grids.map((g) => supDiff(results['B' + g].saved[0].state.sigma, results['C' + g].saved[0].state.sigma));
    for (const d of [dMu, dSigma]) {
      for (let k = 0; k + 1 < d.length; k++) expect(Math.abs(Math.log2(d[k] / d[k + 1]) - 2)).toBeLessThan(0.15);
    }
    for (const g of grids) {
      const tb = results['B' + g].freeze.time!;
      const tcC = results['C' + g].freeze.time!;
      expect(Math.abs(tb - tcC) / tb).toBeLessThan(1e-5 * (g === 401 ? 3 : 1));
    }
  });

  it('grid refinement converges at second order (Richardson ratios ≈ 4) for both schemes', () => {
    // observed sup|μ_N − μ_2N| on the coarse nodes: B 2.88e-3, 7.75e-4 (ratio 3.72); C 3.98e-3, 1.04e-3
    for (const scheme of ['B', 'C']) {
      const [a, b, c] = grids.map((g) => results[scheme + g]);
      const d1 = supDiff(b.saved[0].state.mu, a.saved[0].state.mu, 2);
      const d2 = supDiff(c.saved[0].state.mu, b.saved[0].state.mu, 2);
      expect(Math.log2(d1 / d2)).toBeGreaterThan(1.8);
      expect(Math.log2(d1 / d2)).toBeLessThan(2.2);
      const t1 = Math.abs(b.freeze.time! - a.freeze.time!);
      const t2 = Math.abs(c.freeze.time! - b.freeze.time!);
      expect(Math.log2(t1 / t2)).toBeGreaterThan(1.7);
      expect(Math.log2(t1 / t2)).toBeLessThan(2.3); // O(dx²): observed 2.02–2.03
      // the freeze time itself is converged to ~1.5e-4 relative at 1601 nodes
      expect(t2 / c.freeze.time!).toBeLessThan(2e-4);
    }
  });
});

describe('time integration', () => {
  it('explicit Euler converges at first order to the IMEX ARS(2,2,2) solution, which is converged in dt', () => {
    const nodes = 401;
    const dx = 1 / (nodes - 1);
    const lambda = 999 / (2 * Math.sqrt(Math.PI));
    const imex = run({ nodes, stepper: 'imex' });
    const imexHalf = run({ nodes, stepper: 'imex', dt: 0.125 / (lambda * lambda) });
    expect(imex.stats.nlinsolve).toBeGreaterThan(0);
    // IMEX at the default 0.25/λ² vs half that step: 5.2e-5 (second-order integrator)
    const dImex = supDiff(imexHalf.saved[0].state.mu, imex.saved[0].state.mu);
    expect(dImex).toBeLessThan(1e-4);
    // explicit at 0.25, 0.125, 0.0625 dx²: 3.5e-3, 1.8e-3, 8.8e-4 from IMEX — error ∝ dt
    const d = [0.25, 0.125, 0.0625].map((f) => supDiff(run({ nodes, dt: f * dx * dx }).saved[0].state.mu, imexHalf.saved[0].state.mu));
    for (let k = 0; k + 1 < d.length; k++) expect(Math.abs(Math.log2(d[k] / d[k + 1]) - 1)).toBeLessThan(0.1);
    // and the remaining difference is far above the IMEX dt error, so the comparison is meaningful
    expect(d[2]).toBeGreaterThan(5 * dImex);
    expect(Math.abs(imex.freeze.time! - imexHalf.freeze.time!) / imex.freeze.time!).toBeLessThan(1e-4);
  });

  it('IMEX and explicit agree for scheme C and zero-flux walls as well: explicit error ∝ dt', () => {
    for (const spec of [{ scheme: 'C' as const }, { walls: 'zeroFlux' as const }, { scheme: 'C' as const, walls: 'zeroFlux' as const }]) {
      const nodes = 201;
      const dx = 1 / (nodes - 1);
      // IMEX reference at 1/16 of its default step (its O(dt²) error is then ~1e-6, negligible)
      const imex = run({ nodes, ...spec, stepper: 'imex', dt: 0.0625 / (281.8127 * 281.8127) });
      const d = [0.125, 0.0625].map((f) => {
        const explicit = run({ nodes, ...spec, dt: f * dx * dx });
        expect(Math.abs(explicit.freeze.time! - imex.freeze.time!) / imex.freeze.time!).toBeLessThan(2e-3);
        return supDiff(explicit.saved[0].state.mu, imex.saved[0].state.mu);
      });
      expect(Math.abs(Math.log2(d[0] / d[1]) - 1)).toBeLessThan(0.15);
    }
  });

  it('snapshot times are hit exactly', () => {
    const times = [1e-4, 3.3e-4, 1e-3 / 3];
    for (const stepper of ['explicit', 'imex'] as const) {
      const r = meanFieldPde({ ...base, nodes: 101, stepper, tEnd: 5e-4 }, { saveAt: times });
      expect(r.saved.map((s) => s.t)).toEqual(times);
      expect(r.t).toBe(5e-4);
    }
    // unordered times are an error, never sorted silently
    expect(() => meanFieldPde({ ...base, nodes: 101, tEnd: 5e-4 }, { saveAt: [3.3e-4, 1e-4] })).toThrow(RangeError);
  });
});
