import { createHash } from 'node:crypto';
import { createMatrix } from '../../../src/linalg/dense';
import { InvalidArgumentError, InvalidTypeError } from '../../../src/core/errors';
import { farthestParticleUnchecked } from '../../../src/models/sampling/divergence';
import { aldi, ekhmc, eks, farthestParticle, covarianceOperator, initEkhmc, lowDimensionalInitialEnsemble, lowDimensionalProblem, runSamplerAsync, type InverseProblem, type SamplerResult } from '../../../src/models/sampling/index';

/** SHA-256 (first 16 hex digits) of the final ensemble, the mean history, step sizes and tr C_q history. */
function fingerprint(r: SamplerResult): string {
  const h = createHash('sha256');
  h.update(Buffer.from(r.final.data.buffer));
  for (const m of r.history.mean) h.update(Buffer.from(m.buffer));
  h.update(Buffer.from(Float64Array.from(r.history.stepSize).buffer));
  h.update(Buffer.from(Float64Array.from(r.history.covarianceTrace).buffer));
  return h.digest('hex').slice(0, 16);
}

const low = lowDimensionalProblem();
// EKHMC with γ = 1 on the thesis's low-dimensional problem (§C.6.1) with I = 10, seed 8: the ensemble
// is thrown out after ≈ 70 iterations (u1 of particle 0 at 183 and tr C_q = 3.4·10⁸ at iteration 100),
// with finite forward outputs throughout, so before the divergence check the run ended 'success'.
const blowup = { ...low, ensemble: lowDimensionalInitialEnsemble(10, 8), gamma: 1, iterations: 100, seed: 8 };

describe('divergence of the ensemble samplers', () => {
  it('EKHMC with γ = 1 on the low-dimensional problem ends diverged, naming the iteration, the quantity and the particle', () => {
    const r = ekhmc(blowup);
    expect(r.status).toBe('diverged');
    // default progressEvery 64: checked at iterations 64 (still inside) and 100
    expect(r.message).toMatch(/^EKHMC: diverged at iteration 100: particle \d+ is at squared prior distance ‖q − m0‖²_Γ0\/N = \S+, beyond divergenceThreshold 10000 × \S+ .*checked every 64 iterations\); the ensemble of iteration 100 is returned$/);
    expect(r.stats.naccept).toBe(100);
    // the named particle is the farthest one of the returned ensemble (prior N(0, 10²I₂))
    const d = Array.from({ length: 10 }, (_, i) => (r.final.data[2 * i] ** 2 + r.final.data[2 * i + 1] ** 2) / 200);
    const far = d.indexOf(Math.max(...d));
    expect(r.message).toContain(`particle ${far} is at squared prior distance ‖q − m0‖²_Γ0/N = ${d[far].toPrecision(4)}`);
    // disabled, the same run is bit for bit the old 'success' (fingerprint computed before the check existed,
    // recomputed once when the ensemble Kalman algebra began centering on the first particle: the final
    // ensembles of the two centrings differ by 1.6e-13 relative, round-off amplified by the blowup)
    const off = ekhmc({ ...blowup, divergenceThreshold: Infinity });
    expect(off.status).toBe('success');
    expect(fingerprint(off)).toBe('fbb732d70c733c00');
    expect(Array.from(off.final.data)).toEqual(Array.from(r.final.data));
  });

  it('checked every iteration, the run stops at the first iteration past the bound with that ensemble', () => {
    const r = ekhmc(blowup, { progressEvery: 1 });
    expect(r.status).toBe('diverged');
    const k = r.stats.naccept;
    expect(r.message).toContain(`diverged at iteration ${k}:`);
    expect(r.message).toContain('checked every 1 iterations');
    // replay without the check: the bound (10⁴ × the initial farthest particle) is first exceeded at k
    const run = initEkhmc({ ...blowup, divergenceThreshold: Infinity });
    const stat = (q: Float64Array) => Math.max(...Array.from({ length: 10 }, (_, i) => (q[2 * i] ** 2 + q[2 * i + 1] ** 2) / 200));
    const bound = 1e4 * Math.max(1, stat(run.ensemble().data));
    let first = -1;
    for (let j = 1; j <= 100 && run.step(); j++) {
      if (first < 0 && stat(run.ensemble().data) > bound) {
        first = j;
        expect(Array.from(run.ensemble().data)).toEqual(Array.from(r.final.data));
      }
    }
    expect(first).toBe(k);
    expect(k).toBeGreaterThan(64);
    expect(k).toBeLessThan(100);
    expect(r.history.iteration.at(-1)).toBe(k);
  });

  it('the asynchronous runner reports the same divergence', async () => {
    const sync = ekhmc(blowup);
    const r = await runSamplerAsync(initEkhmc(blowup), async (q, I, out) => {
      const x = new Float64Array(2);
      for (let i = 0; i < I; i++) {
        low.forward!(q.subarray(2 * i, 2 * i + 2), x);
        out.set(x, 2 * i);
      }
    });
    expect(r.status).toBe('diverged');
    expect(r.message).toBe(sync.message);
  });

  it('converging runs are unaffected: bit-identical to the runs before the check existed, also when checked every iteration', () => {
    // fingerprints of the low-dimensional runs (I = 50, seed 1, 100 iterations) computed before the change
    // (recomputed once when the ensemble Kalman algebra began centering on the first particle: final
    // ensembles of the two centrings agree to 4e-14 absolute at a scale of 100, i.e. round-off)
    const base = { ...low, ensemble: lowDimensionalInitialEnsemble(50, 1), iterations: 100, seed: 1 };
    const cases: [string, () => SamplerResult, string][] = [
      ['EKHMC γ = 100', () => ekhmc({ ...base, gamma: 100 }, { progressEvery: 1 }), 'bca4452ab6990870'],
      ['EKS', () => eks(base), '2ea960747b84f7b3'],
      ['ALDI', () => aldi(base, { progressEvery: 1 }), '88e897978de7bfec'],
    ];
    for (const [name, run, hash] of cases) {
      const r = run();
      expect([name, r.status]).toEqual([name, 'success']);
      expect([name, fingerprint(r)]).toEqual([name, hash]);
    }
  });

  it('EKS and ALDI check too: a threshold below the distance the ensemble travels ends diverged, the default does not', () => {
    // y = q + η, Γ = 0.01, prior N(0, 1), initial ensemble at the prior mean (reference max(1, ·) = 1):
    // the ensemble travels towards the posterior mean ≈ 49.5, past 10² but not 10⁴ prior variances
    const ensemble = createMatrix(20, 1, Float64Array.from({ length: 20 }, (_, i) => (i - 9.5) / 20));
    const far: InverseProblem = { dimension: 1, data: [50], noise: 0.01, prior: { covariance: 1 }, forward: (q, out) => { out[0] = q[0]; } };
    for (const [name, run] of [['EKS', eks], ['ALDI', aldi]] as const) {
      const r = run({ ...far, ensemble, iterations: 40, seed: 3, divergenceThreshold: 100 });
      expect(r.status).toBe('diverged');
      const d = Array.from(r.final.data, (x) => x * x);
      const k = d.indexOf(Math.max(...d));
      expect(d[k]).toBeGreaterThan(100);
      expect(d[k]).toBeLessThan(1e4);
      expect(r.message).toBe(`${name}: diverged at iteration 40: particle ${k} is at squared prior distance ‖q − m0‖²_Γ0/N = ${d[k].toPrecision(4)}, beyond divergenceThreshold 100 × 1.000 (the larger of 1 and the initial ensemble's farthest particle; checked every 64 iterations); the ensemble of iteration 40 is returned`);
      const ok = run({ ...far, ensemble, iterations: 40, seed: 3 });
      expect(ok.status).toBe('success');
      expect(Array.from(ok.final.data)).toEqual(Array.from(r.final.data));
    }
  });

  it('bad thresholds are named errors before any forward evaluation', () => {
    let calls = 0;
    const counting = { ...low, forward: (q: Float64Array, out: Float64Array) => { calls++; low.forward!(q, out); }, ensemble: lowDimensionalInitialEnsemble(5, 1), iterations: 5 };
    const cases: [unknown, typeof InvalidArgumentError | typeof InvalidTypeError][] = [[1, InvalidArgumentError], [0.5, InvalidArgumentError], [-Infinity, InvalidArgumentError], [NaN, InvalidArgumentError], ['1e4', InvalidTypeError], [null, InvalidTypeError]];
    for (const [value, kind] of cases) {
      for (const run of [ekhmc, eks, aldi]) {
        calls = 0;
        expect(() => run({ ...counting, divergenceThreshold: value as number })).toThrow(kind);
        expect(() => run({ ...counting, divergenceThreshold: value as number })).toThrow(/problem\.divergenceThreshold must be a number > 1 \(Infinity disables the check\)/);
        expect(calls).toBe(0);
      }
    }
  });

  it('farthestParticle uses the full prior covariance and validates its input', () => {
    // Γ0 = [[4, 2], [2, 2]], Γ0⁻¹ = [[0.5, −0.5], [−0.5, 1]]: ‖(2, 0)‖² = 2, ‖(0, 2)‖² = 4, ‖(2, 2)‖² = 2
    const prior = covarianceOperator('prior', createMatrix(2, 2, new Float64Array([4, 2, 2, 2])), 2);
    const m0 = new Float64Array([1, 1]);
    const q = new Float64Array([3, 1, 1, 3, 3, 3]); // minus the mean (1, 1): (2, 0), (0, 2), (2, 2)
    const r = farthestParticle(q, 3, 2, m0, prior);
    expect(r.particle).toBe(1);
    expect(r.distance).toBeCloseTo(2, 14);
    expect(() => farthestParticle(q, 2, 2, m0, prior)).toThrow(InvalidTypeError); // 6 ≠ 2·2 entries
    expect(() => farthestParticle(q, 3, 2, new Float64Array(3), prior)).toThrow(/priorMean/);
    expect(() => farthestParticle(q, 3, 2, m0, covarianceOperator('prior', 1, 3))).toThrow(/prior must be a covariance operator of dimension 2/);
    expect(() => farthestParticle(q, 3, 2, m0, {} as never)).toThrow(InvalidTypeError);
    expect(() => farthestParticle(q, NaN, 2, m0, prior)).toThrow(InvalidArgumentError);
    q[4] = Infinity;
    expect(() => farthestParticle(q, 3, 2, m0, prior)).toThrow(/positions\[4\] must be a finite number/);
    // the samplers' unchecked form names the first non-finite particle instead
    expect(farthestParticleUnchecked(q, 3, 2, m0, prior, new Float64Array(2)).particle).toBe(2);
  });
});
