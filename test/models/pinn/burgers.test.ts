import { BurgersLoss, compareWithClosedForm, initTrainProfile, parseCheckpoint, trainProfile, trainProfileAsync, validateCheckpoint, type BurgersProfileProblem, type ProfileCheckpoint } from '../../../src/models/pinn/index';
import { initializeMlpFanIn, Mlp } from '../../../src/nn/index';
import { Rng } from '../../../src/random/rng';

function lossFixture(asymptotics: 'exact' | 'weak', lambda: number) {
  const net = initializeMlpFanIn(new Mlp([1, 8, 8, 1]), new Rng(4));
  const loss = new BurgersLoss(net, lambda, asymptotics);
  return { net, loss };
}

describe('Burgers profile loss (thesis eq. (B.4.1), (B.4.4))', () => {
  test('check 5: R and dR/dz assembled from the jets match finite differences of R in z', () => {
    for (const asymptotics of ['exact', 'weak'] as const) {
      const { net, loss } = lossFixture(asymptotics, 0.5);
      const R = (z: number) => {
        const e = loss.model.evaluate([z]);
        const U = e.u[0];
        return -0.5 * U + (1.5 * Math.sinh(z) + U) * e.uz[0] / Math.cosh(z);
      };
      for (const z of [0.4, 1.3, 3, 9]) {
        // single-point loss: L_i = R², L_s = (dR/dz)² with weights 1, 1 isolates both
        const single = new BurgersLoss(net, 0.5, asymptotics, { interior: 1, smoothness: 0, boundary: 0 });
        single.setPoints([z], 30);
        single.evaluate(net.params, new Float64Array(net.params.length));
        expect(Math.sqrt(single.parts.interior)).toBeCloseTo(Math.abs(R(z)), 12);
        const h = 1e-4;
        const dR = (R(z + h) - R(z - h)) / (2 * h);
        expect(Math.abs(Math.sqrt(single.parts.smoothness) - Math.abs(dR))).toBeLessThan(1e-6 * Math.max(1, Math.abs(dR)));
      }
    }
  });

  test('loss gradient (U, U_z, U_zz, dR/dz and the boundary term) matches central differences for both asymptotics and λ = ½, 0.4', () => {
    for (const [asymptotics, lambda] of [['exact', 0.5], ['weak', 0.5], ['exact', 0.4], ['weak', 0.4]] as const) {
      const { net, loss } = lossFixture(asymptotics, lambda);
      const rng = new Rng(8);
      loss.setPoints(Float64Array.from({ length: 12 }, () => 6 * rng.uniform()), 6);
      const theta = Float64Array.from(net.params);
      const g = new Float64Array(theta.length);
      const scratch = new Float64Array(theta.length);
      loss.evaluate(theta, g);
      let gmax = 0;
      for (const v of g) gmax = Math.max(gmax, Math.abs(v));
      let worst = 0;
      for (let i = 0; i < theta.length; i++) {
        const t = Float64Array.from(theta);
        const h = 1e-6;
        t[i] = theta[i] + h;
        const fp = loss.evaluate(t, scratch);
        t[i] = theta[i] - h;
        const fm = loss.evaluate(t, scratch);
        worst = Math.max(worst, Math.abs((fp - fm) / (2 * h) - g[i]));
      }
      expect(worst / gmax).toBeLessThan(1e-6);
    }
  });
});

describe('trainProfile (thesis B.4, SSBroyden1 with resampling restarts)', () => {
  const reduced: BurgersProfileProblem = { equation: 'burgers', lambda: 0.5, asymptotics: 'exact', batch: 200, iterations: 150, resampleEvery: 1000, seed: 0 };

  test('check 11: reduced exact run (λ = ½, B = 200, 150 iterations) reaches loss < 1e-5 and approaches the C = 1 profile', () => {
    const progress: number[] = [];
    const r = trainProfile(reduced, { progressEvery: 50, onProgress: (p) => progress.push(Number(p.loss)) });
    expect(r.status).toBe('success');
    expect(r.stats.nsteps).toBe(150);
    expect(r.stats.restarts).toBe(0);
    expect(r.history.loss.length).toBe(151);
    expect(r.final.loss).toBeLessThan(1e-5);
    expect(r.history.loss[0] / r.final.loss).toBeGreaterThan(1e3);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    const cmp = compareWithClosedForm(reduced, r.final.params, { points: 201 });
    expect(cmp.member).toBe(1);
    expect(cmp.maxAbsErr).toBeLessThan(1e-2);
  });

  test('checkpoint at restarts → JSON → resume is bit-identical; saveAt and abort', () => {
    const small: BurgersProfileProblem = { equation: 'burgers', lambda: 0.4, asymptotics: 'weak', batch: 40, iterations: 30, resampleEvery: 10, widths: [1, 6, 6, 1], checkpointEvery: 10 };
    const texts: string[] = [];
    const full = trainProfile({ ...small, onCheckpoint: (c) => texts.push(JSON.stringify(c)) }, { saveAt: [5, 30] });
    expect(texts.length).toBe(2);
    expect(full.saved.map((s) => s.t)).toEqual([5, 30]);
    const cp = parseCheckpoint(texts[1]);
    expect(cp.iterations).toBe(20);
    const resumed = trainProfile({ ...small, resume: cp });
    expect(Array.from(resumed.final.params)).toEqual(Array.from(full.final.params));
    expect(resumed.history.loss).toEqual(full.history.loss);
    expect(resumed.stats.nfev).toBe(full.stats.nfev);
    const controller = new AbortController();
    controller.abort();
    const aborted = trainProfile(small, { signal: controller.signal });
    expect(aborted.status).toBe('aborted');
    const stepper = initTrainProfile(small);
    expect(stepper.step()).toBe(true);
    expect(stepper.t).toBe(1);
  });

  test('trainProfileAsync gives the same result and sees an abort fired from a timer mid-run', async () => {
    const small: BurgersProfileProblem = { equation: 'burgers', lambda: 0.5, asymptotics: 'exact', batch: 30, iterations: 20, resampleEvery: 10, widths: [1, 5, 5, 1] };
    const sync = trainProfile(small);
    const asyncRun = await trainProfileAsync(small, { progressEvery: 3 });
    expect(Array.from(asyncRun.final.params)).toEqual(Array.from(sync.final.params));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 0);
    const aborted = await trainProfileAsync({ ...small, iterations: 100000 }, { signal: controller.signal, progressEvery: 1 });
    expect(aborted.status).toBe('aborted');
    expect(aborted.stats.nsteps).toBeGreaterThan(0);
    expect(aborted.stats.nsteps).toBeLessThan(100000);
    expect(aborted.final.params.every(Number.isFinite)).toBe(true);
  });

  test('a non-finite loss stops the run with status nonFinite and finite last-good parameters', () => {
    // |R| ~ y^{1/3} ≈ 1e101 at z = 700 squares to 1e202; a weight of 1e300 overflows the loss
    const r = trainProfile({ equation: 'burgers', lambda: 0.5, asymptotics: 'exact', batch: 10, iterations: 5, zMax: 700, widths: [1, 4, 1], weights: { interior: 1e300 } });
    expect(r.message).toMatch(/not finite/);
    expect(r.status).toBe('nonFinite');
    expect(r.final.params.every(Number.isFinite)).toBe(true);
  });

  test('a loss that turns non-finite mid-run stops with nonFinite, finite parameters and the checkpoints taken before', () => {
    const texts: string[] = [];
    const run = initTrainProfile({ equation: 'burgers', lambda: 0.5, asymptotics: 'exact', batch: 20, iterations: 40, resampleEvery: 5, checkpointEvery: 5, widths: [1, 4, 1], onCheckpoint: (c) => texts.push(JSON.stringify(c)) });
    while (run.t < 7 && run.step()) { /* to iteration 7 */ }
    expect(run.t).toBe(7);
    run.loss.weights.interior = Infinity; // from now on every evaluation of the loss is +∞
    while (run.step()) { /* until it stops */ }
    const r = run.result();
    expect(r.status).toBe('nonFinite');
    expect(r.final.params.every(Number.isFinite)).toBe(true);
    expect(texts.length).toBe(1);
    expect(parseCheckpoint(texts[0]).params.every(Number.isFinite)).toBe(true);
  });

  test('bad input throws named errors before work; corrupt or foreign checkpoints are rejected', () => {
    const ok: BurgersProfileProblem = { equation: 'burgers', lambda: 0.5, asymptotics: 'exact', batch: 10, iterations: 1 };
    expect(() => trainProfile({ ...ok, lambda: 0 })).toThrow(/problem\.lambda/);
    expect(() => trainProfile({ ...ok, lambda: -1 })).toThrow(RangeError);
    expect(() => trainProfile({ ...ok, batch: 0 })).toThrow(/problem\.batch/);
    expect(() => trainProfile({ ...ok, widths: [2, 20, 1] })).toThrow(/problem\.widths/);
    expect(() => trainProfile({ ...ok, asymptotics: 'strong' as never })).toThrow(/asymptotics/);
    expect(() => trainProfile({ ...ok, checkpointEvery: 7, resampleEvery: 5 })).toThrow(/checkpointEvery/);
    expect(() => trainProfile(ok, { saveAt: [2] })).toThrow(/saveAt/);
    expect(() => parseCheckpoint('{"not": "json"')).toThrow(/checkpoint/);
    expect(() => parseCheckpoint(JSON.stringify({ format: 'something-else', version: 1 }))).toThrow(/checkpoint\.format/);
    const texts: string[] = [];
    trainProfile({ ...ok, batch: 8, widths: [1, 3, 1], iterations: 4, resampleEvery: 2, checkpointEvery: 2, onCheckpoint: (c) => texts.push(JSON.stringify(c)) });
    const good = JSON.parse(texts[0]) as ProfileCheckpoint;
    expect(() => validateCheckpoint({ ...good, version: 99 })).toThrow(/checkpoint\.version/);
    expect(() => validateCheckpoint({ ...good, params: good.params.slice(1) })).toThrow(/checkpoint\.params/);
    expect(() => validateCheckpoint({ ...good, inverseHessian: [...good.inverseHessian.slice(1), 'x'] })).toThrow(/checkpoint\.inverseHessian/);
    expect(() => trainProfile({ ...ok, batch: 8, widths: [1, 3, 1], iterations: 4, resampleEvery: 2, resume: { ...good, problem: { ...good.problem, lambda: 0.4 } } })).toThrow(/problem\.lambda/);
  });
});
