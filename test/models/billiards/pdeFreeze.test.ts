/**
 * Mean-field PDE: freezing in the reversed orientation, none in the printed one (spec §0 item 2,
 * §9 checks 13, 14, 16), and invalid input.
 */
import { meanFieldPde } from '../../../src/models/billiards/pde';
import { InvalidArgumentError, InvalidTypeError } from '../../../src/core/errors';
import fixture from '../../fixtures/billiards/energy_fixture.json';

describe('printed orientation (already sorted)', () => {
  it('nothing freezes up to twice the reversed freeze time, and max σ sits on the plateau max μ0′/λ', () => {
    const run = meanFieldPde({ n: 1000, nodes: 401 }, { tEnd: 7e-3, saveAt: [1.20162e-4] });
    expect(run.status).toBe('success');
    expect(run.freeze.status).toBe('noFreeze');
    expect(run.freeze.time).toBeNull();
    // at the paper's T ≈ 9.5/λ² σ has relaxed to the quasi-equilibrium σ ≈ μ_z/λ while μ barely
    // moved: observed 0.017846 (401 nodes), 0.017848 (801) vs max μ0′/λ = 0.0179032 (fixture)
    const plateau = fixture.quasiEquilibriumMaxSigma;
    expect(Math.abs(run.saved[0].state.maxSigma - plateau) / plateau).toBeLessThan(0.01);
  });
});

describe('reversed orientation (sort and freeze)', () => {
  it('λT(0.01) is of order one and nearly independent of λ ∈ {100, 300, 1000}; both wall modes agree', () => {
    // one scheme for every λ (at λ = 1000 the cell Péclet number 1.25 would switch 'auto' to upwind)
    // observed λT at 401 nodes: 0.9559, 0.9654, 0.9737 (Dirichlet); zero-flux within 5e-4
    const lambdaT: number[] = [];
    for (const lambda of [100, 300, 1000]) {
      const t = (['dirichlet', 'zeroFlux'] as const).map((walls) => {
        const run = meanFieldPde({ lambda, nodes: 401, orientation: 'reversed', walls, advection: 'centered' }, { tEnd: 1.6 / lambda, stopAtFreeze: true });
        expect(run.status).toBe('success');
        expect(run.freeze.status).toBe('frozen');
        return run.freeze.time!;
      });
      expect(Math.abs(t[0] - t[1]) / t[0]).toBeLessThan(0.01);
      lambdaT.push(lambda * t[0]);
    }
    for (const v of lambdaT) {
      expect(v).toBeGreaterThan(0.7);
      expect(v).toBeLessThan(1.3);
    }
    const mean = lambdaT.reduce((a, b) => a + b, 0) / lambdaT.length;
    expect((Math.max(...lambdaT) - Math.min(...lambdaT)) / mean).toBeLessThan(0.1);
  });

  it('stopAtFreeze ends the run right after the crossing; without it the detector finds the same T', () => {
    const spec = { n: 1000, nodes: 201, orientation: 'reversed' as const };
    const stopped = meanFieldPde(spec, { tEnd: 6e-3, stopAtFreeze: true, seriesEvery: 1 });
    const full = meanFieldPde(spec, { tEnd: 6e-3, seriesEvery: 1 });
    expect(stopped.t).toBeLessThan(6e-3);
    expect(full.t).toBe(6e-3);
    expect(stopped.freeze.time).toBe(full.freeze.time);
    expect(full.freeze.time! * full.lambda).toBeGreaterThan(0.9);
  });
});

describe('(B) as printed', () => {
  it('bAsPrinted with λ is the corrected system with λ/√2, bit for bit, and differs from the corrected one with λ', () => {
    const common = { nodes: 201, orientation: 'reversed' as const };
    const lambda = 281.8;
    const printed = meanFieldPde({ ...common, lambda, bAsPrinted: true, dt: 1e-6 }, { tEnd: 1e-3 });
    const scaled = meanFieldPde({ ...common, lambda: lambda / Math.SQRT2, dt: 1e-6 }, { tEnd: 1e-3 });
    const corrected = meanFieldPde({ ...common, lambda, dt: 1e-6 }, { tEnd: 1e-3 });
    expect(printed.lambda).toBe(lambda / Math.SQRT2);
    expect(Array.from(printed.final.mu)).toEqual(Array.from(scaled.final.mu));
    expect(Array.from(printed.final.w)).toEqual(Array.from(scaled.final.w));
    let diff = 0;
    for (let i = 0; i < 201; i++) diff = Math.max(diff, Math.abs(printed.final.mu[i] - corrected.final.mu[i]));
    expect(diff).toBeGreaterThan(1e-2);
  });
});

describe('invalid input throws named errors before any work', () => {
  const ok = { n: 1000, nodes: 101 };
  it.each([
    [{ lambda: 0, nodes: 101 }, { tEnd: 1e-4 }, InvalidArgumentError],
    [{ lambda: -3, nodes: 101 }, { tEnd: 1e-4 }, InvalidArgumentError],
    [{ lambda: NaN, nodes: 101 }, { tEnd: 1e-4 }, InvalidArgumentError],
    [{ nodes: 101 }, { tEnd: 1e-4 }, InvalidArgumentError],
    [{ n: 1000, lambda: 2 }, { tEnd: 1e-4 }, InvalidArgumentError],
    [{ n: 3 }, { tEnd: 1e-4 }, InvalidArgumentError],
    [{ n: 1000, nodes: 8 }, { tEnd: 1e-4 }, InvalidArgumentError],
    [{ n: 1000, nodes: 100.5 }, { tEnd: 1e-4 }, InvalidArgumentError],
    [{ ...ok, scheme: 'A' }, { tEnd: 1e-4 }, InvalidArgumentError],
    [{ ...ok, walls: 'open' }, { tEnd: 1e-4 }, InvalidArgumentError],
    [{ ...ok, stepper: 'rk4' }, { tEnd: 1e-4 }, InvalidArgumentError],
    [{ ...ok, orientation: 'upsideDown' }, { tEnd: 1e-4 }, InvalidArgumentError],
    [{ ...ok, scheme: 'C', bAsPrinted: true }, { tEnd: 1e-4 }, InvalidArgumentError],
    [{ ...ok, dt: 0 }, { tEnd: 1e-4 }, InvalidArgumentError],
    [{ ...ok, mean: () => NaN }, { tEnd: 1e-4 }, InvalidArgumentError],
    [{ ...ok, sigma: () => -1 }, { tEnd: 1e-4 }, InvalidArgumentError],
    [{ ...ok, mean: 3 }, { tEnd: 1e-4 }, InvalidTypeError],
    [ok, {}, InvalidArgumentError],
    [ok, { tEnd: -1 }, InvalidArgumentError],
    [ok, { tEnd: Infinity }, InvalidArgumentError],
    [ok, { saveAt: [1e-4, -1e-4] }, InvalidArgumentError],
    [ok, { saveAt: [2e-4, 1e-4] }, InvalidArgumentError],
    [ok, { saveAt: [NaN] }, InvalidArgumentError],
    [ok, { saveAt: [2e-4], tEnd: 1e-4 }, InvalidArgumentError],
    [ok, { tEnd: 1e-4, freezeFraction: 1 }, InvalidArgumentError],
    [ok, { tEnd: 1e-4, maxSteps: 0 }, InvalidArgumentError],
    [ok, { tEnd: 1e-4, negativeWTolerance: -1 }, InvalidArgumentError],
  ])('%j %j', (spec, options, error) => {
    let progress = 0;
    expect(() => meanFieldPde(spec as never, { ...options, onProgress: () => progress++ } as never)).toThrow(error as never);
    expect(progress).toBe(0);
  });

  it('maxSteps stops with a status', () => {
    const run = meanFieldPde({ n: 1000, nodes: 101 }, { tEnd: 1e-3, maxSteps: 5 });
    expect(run.status).toBe('maxSteps');
    expect(run.stats.nsteps).toBe(5);
  });
});
