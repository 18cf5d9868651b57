import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BoussinesqLoss, parseBoussinesqCheckpoint, trainBoussinesqProfile, type BoussinesqCheckpoint, boussinesqParameterCount, boussinesqResiduals, omegaAnsatzJets, parityJets2d } from '../../../src/models/pinn/index';
import { AdamMinimizer } from '../../../src/optim/adam';
import { BoussinesqSmoothness } from '../../../src/models/pinn/boussinesqSmoothness';
import { initializeMlpFanIn, Mlp } from '../../../src/nn/index';
import { Rng } from '../../../src/random/rng';

const fixture = JSON.parse(readFileSync(join(__dirname, '../../fixtures/pinn/boussinesq_manufactured.json'), 'utf8')) as {
  points: { y: [number, number]; lambda: number; fields: number[]; forcing: number[] }[];
};

describe('Boussinesq profile (thesis Appendix B.4) — check 14 smoke test', () => {
  test('parameter count of the reference networks: 6 × 4,771 + λ = 28,627', () => {
    expect(boussinesqParameterCount(30, 7)).toBe(28627);
  });

  test('residual assembly in z vanishes on a manufactured field (equations 4–6 exactly, 1–3 up to the sympy forcing)', () => {
    const r = new Float64Array(6);
    for (const p of fixture.points) {
      const z1 = Math.asinh(p.y[0]);
      const z2 = Math.asinh(p.y[1]);
      // y-derivatives → z-derivatives: f_{z_i} = cosh z_i · f_{y_i}
      const jets = Float64Array.from(p.fields, (v, i) => (i % 3 === 0 ? v : i % 3 === 1 ? Math.cosh(z1) * v : Math.cosh(z2) * v));
      boussinesqResiduals(z1, z2, p.lambda, jets, r);
      const scale = Math.max(1, ...p.fields.map(Math.abs));
      for (let e = 0; e < 3; e++) expect(Math.abs(r[e] - p.forcing[e])).toBeLessThan(1e-13 * scale * (1 + Math.abs(p.y[0]) + Math.abs(p.y[1])));
      for (let e = 3; e < 6; e++) expect(Math.abs(r[e])).toBeLessThan(1e-14 * scale);
    }
  });

  test('parity in z1 is exact (bitwise) and ∂y1Ω(0, 0) = −1 holds for any parameters', () => {
    const rng = new Rng(2);
    const n1 = initializeMlpFanIn(new Mlp([2, 8, 8, 1], 'silu'), rng);
    const n2 = initializeMlpFanIn(new Mlp([2, 8, 8, 1], 'silu'), rng);
    const a = new Float64Array(3);
    const b = new Float64Array(3);
    for (const parity of ['odd', 'even'] as const) {
      parityJets2d(n1, parity, 0.7, 1.3, a, 0);
      parityJets2d(n1, parity, -0.7, 1.3, b, 0);
      const s = parity === 'odd' ? -1 : 1;
      expect([b[0], b[1], b[2]]).toEqual([s * a[0], -s * a[1], s * a[2]]);
    }
    for (let trial = 0; trial < 3; trial++) {
      initializeMlpFanIn(n1, rng);
      initializeMlpFanIn(n2, rng);
      omegaAnsatzJets(n1, n2, 0, 0, a, 0);
      expect(a[0]).toBe(0);
      expect(a[1]).toBe(-1); // cosh 0 = 1, so ∂y1 = ∂z1 at the origin
      omegaAnsatzJets(n1, n2, 0.4, 0.9, a, 0);
      omegaAnsatzJets(n1, n2, -0.4, 0.9, b, 0);
      expect(b[0]).toBe(-a[0]); // Ω odd in z1, bitwise
    }
    expect(() => parityJets2d(new Mlp([1, 3, 1]), 'odd', 0, 0, a, 0)).toThrow(/net\.widths/);
  });

  test('interior loss: value equals the residuals assembled from parityJets2d/omegaAnsatzJets; gradient (all nets + λ) matches central differences; Adam steps with a λ group lower it', () => {
    const rng = new Rng(6);
    const nets = Array.from({ length: 6 }, () => initializeMlpFanIn(new Mlp([2, 4, 4, 1], 'silu'), rng));
    const loss = new BoussinesqLoss(nets, { interior: 1 });
    const pts = Float64Array.from({ length: 16 }, () => 3 * rng.uniform());
    loss.setPoints(pts);
    const theta = new Float64Array(loss.size);
    let o = 0;
    for (const net of nets) { theta.set(net.params, o); o += net.params.length; }
    theta[loss.size - 1] = 3;
    const g = new Float64Array(loss.size);
    const f = loss.evaluate(theta, g);
    // independent assembly
    let ref = 0;
    const F = new Float64Array(15);
    const r = new Float64Array(6);
    const parities = ['odd', 'even', 'odd', 'even'] as const;
    for (let j = 0; j < 8; j++) {
      const z1 = pts[2 * j], z2 = pts[2 * j + 1];
      omegaAnsatzJets(nets[0], nets[1], z1, z2, F, 0);
      for (let k = 2; k < 6; k++) parityJets2d(nets[k], parities[k - 2], z1, z2, F, 3 * (k - 1));
      boussinesqResiduals(z1, z2, 3, F, r);
      ref += r.reduce((a, v) => a + v * v, 0) / (8 * 6); // mean over the 8 points and the six residuals
    }
    expect(Math.abs(f - ref)).toBeLessThan(1e-13 * ref);
    expect(loss.parts.interior).toBe(f);
    // default weights of (B.4.1): 0.1 on the interior mean, 1 on the boundary
    const weighted = new BoussinesqLoss(nets);
    weighted.setPoints(pts);
    expect(Math.abs(weighted.evaluate(theta, new Float64Array(loss.size)) - 0.1 * ref)).toBeLessThan(1e-13 * ref);
    // boundary terms: U2 = 0 on z2 = 0; Φ = Ψ = 0 and ∇_y U = 0 on the far sides (here z_max = 3)
    loss.setPoints(pts, [0.5, 0, 2.2, 0], [3, 1.1, 0.4, 3, 3, 2.5]);
    const fb = loss.evaluate(theta, g);
    expect(fb).toBeGreaterThan(f);
    let gmax = 0;
    for (const v of g) gmax = Math.max(gmax, Math.abs(v));
    let worst = 0;
    const scratch = new Float64Array(loss.size);
    for (let i = 0; i < loss.size; i++) {
      const t = Float64Array.from(theta);
      t[i] = theta[i] + 1e-6;
      const fp = loss.evaluate(t, scratch);
      t[i] = theta[i] - 1e-6;
      const fm = loss.evaluate(t, scratch);
      worst = Math.max(worst, Math.abs((fp - fm) / 2e-6 - g[i]));
    }
    expect(worst / gmax).toBeLessThan(1e-6);
    const adam = new AdamMinimizer((x, gr) => loss.evaluate(x, gr), theta, { lr: 1e-3, groups: [{ start: loss.size - 1, end: loss.size, lr: 0.1, betas: [0.9, 0.9] }] });
    for (let k = 0; k < 30; k++) adam.step();
    expect(adam.f).toBeLessThan(0.9 * fb);
  });

  test('training driver: Adam (λ group) then SSBroyden1 or L-BFGS with resampling lowers the loss and moves λ; the full configuration has 28,627 parameters', () => {
    for (const method of ['ssbroyden1', 'lbfgs'] as const) {
      const r = trainBoussinesqProfile({ adamEpochs: 20, quasiNewtonIterations: 20, resampleEvery: 10, interior: 40, sides: 8, hidden: [5, 5], method });
      expect(r.status).toBe('success');
      expect(r.history.loss.length).toBe(40);
      expect(r.history.phase[19]).toBe(0);
      expect(r.history.phase[20]).toBe(1);
      expect(r.history.loss[39]).toBeLessThan(r.history.loss[0]);
      expect(r.final.lambda).not.toBe(3);
      expect(r.final.theta.every(Number.isFinite)).toBe(true);
    }
    const full = trainBoussinesqProfile({ full: true, interior: 4, sides: 2, adamEpochs: 0, quasiNewtonIterations: 0 });
    expect(full.stats.parameters).toBe(28627);
    expect(() => trainBoussinesqProfile({ hidden: [0] })).toThrow(/hidden/);
    expect(() => trainBoussinesqProfile({ lambda0: 0 })).toThrow(/lambda0/);
  });
});

describe('Boussinesq checkpoints', () => {
  test.each(['ssbroyden1', 'lbfgs'] as const)('%s: checkpoint → JSON → resume is bit-identical to the uninterrupted run; foreign or mismatched checkpoints are refused', (method) => {
    const base = { adamEpochs: 6, quasiNewtonIterations: 12, resampleEvery: 4, interior: 30, sides: 6, hidden: [4, 4], method, seed: 3 } as const;
    const saved: BoussinesqCheckpoint[] = [];
    const whole = trainBoussinesqProfile({ ...base, checkpointEvery: 4, onCheckpoint: (c) => saved.push(JSON.parse(JSON.stringify(c))) });
    expect(whole.status).toBe('success');
    // Adam epoch 4 (checkpointEvery epochs), then the switch from Adam and quasi-Newton iterations 4 and 8
    expect(saved.map((c) => [c.phase, c.epochs, c.iterations])).toEqual([['adam', 4, 0], ['quasiNewton', 6, 0], ['quasiNewton', 6, 4], ['quasiNewton', 6, 8]]);
    expect(saved[1].history.loss).toHaveLength(6); // taken at the switch from Adam
    for (const c of saved) {
      const resumed = trainBoussinesqProfile({ ...base, resume: parseBoussinesqCheckpoint(JSON.stringify(c)) });
      expect(resumed.status).toBe('success');
      expect(Array.from(resumed.final.theta)).toEqual(Array.from(whole.final.theta));
      expect(resumed.history).toEqual(whole.history);
      expect(resumed.final.loss).toBe(whole.final.loss);
    }
    // a longer budget continues from the same state
    const longer = trainBoussinesqProfile({ ...base, quasiNewtonIterations: 16, resume: saved[3] });
    expect(longer.history.loss.slice(0, 18)).toEqual(whole.history.loss);
    expect(() => trainBoussinesqProfile({ ...base, seed: 4, resume: saved[2] })).toThrow(/problem\.seed/);
    expect(() => trainBoussinesqProfile({ ...base, quasiNewtonIterations: 5, resume: saved[3] })).toThrow(/quasiNewtonIterations/);
    expect(() => parseBoussinesqCheckpoint(JSON.stringify({ ...saved[2], format: 'other' }))).toThrow(/checkpoint\.format/);
    expect(() => parseBoussinesqCheckpoint(JSON.stringify({ ...saved[2], theta: saved[2].theta.slice(1) }))).toThrow(/checkpoint\.theta\.length/);
    expect(() => parseBoussinesqCheckpoint('{"format"')).toThrow(/checkpoint/);
    expect(() => trainBoussinesqProfile({ ...base, checkpointEvery: 3 })).toThrow(/checkpointEvery/);
  });
});

describe('Boussinesq smoothness term (mixed second derivatives through a 3-input first layer)', () => {
  test('value = mean over points and residuals of |∇_z R_e|² from central differences of the residual assembly; gradient (all nets + λ) matches central differences', () => {
    const rng = new Rng(8);
    const nets = Array.from({ length: 6 }, () => initializeMlpFanIn(new Mlp([2, 4, 3, 1], 'silu'), rng));
    const smooth = new BoussinesqSmoothness(nets, 1);
    const pts = Float64Array.from({ length: 12 }, () => 2.5 * rng.uniform());
    smooth.setPoints(pts);
    const size = nets.reduce((a, net) => a + net.params.length, 0) + 1;
    const theta = new Float64Array(size);
    let o = 0;
    for (const net of nets) { theta.set(net.params, o); o += net.params.length; }
    theta[size - 1] = 2.2;
    const g = new Float64Array(size);
    const f = smooth.evaluate(theta, g);
    // independent value: ∂R/∂z_i by central differences of boussinesqResiduals on parityJets2d/omegaAnsatzJets
    const parities = ['odd', 'even', 'odd', 'even'] as const;
    const residualsAt = (z1: number, z2: number) => {
      const F = new Float64Array(15);
      omegaAnsatzJets(nets[0], nets[1], z1, z2, F, 0);
      for (let k = 2; k < 6; k++) parityJets2d(nets[k], parities[k - 2], z1, z2, F, 3 * (k - 1));
      return boussinesqResiduals(z1, z2, 2.2, F, new Float64Array(6));
    };
    let ref = 0;
    const h = 1e-5;
    for (let j = 0; j < 6; j++) {
      const z1 = pts[2 * j], z2 = pts[2 * j + 1];
      for (const [a, b] of [[h, 0], [0, h]]) {
        const p = residualsAt(z1 + a, z2 + b), m = residualsAt(z1 - a, z2 - b);
        for (let e = 0; e < 6; e++) ref += ((p[e] - m[e]) / (2 * h)) ** 2 / (6 * 6); // mean over 6 points and 6 residuals
      }
    }
    expect(Math.abs(f - ref)).toBeLessThan(1e-8 * ref); // central differences with h = 1e-5: error ~1e-10
    expect(smooth.value).toBe(f);
    let gmax = 0;
    for (const v of g) gmax = Math.max(gmax, Math.abs(v));
    let worst = 0;
    for (let i = 0; i < size; i++) {
      const t = Float64Array.from(theta);
      t[i] = theta[i] + 1e-6;
      const fp = smooth.evaluate(t, new Float64Array(size));
      t[i] = theta[i] - 1e-6;
      const fm = smooth.evaluate(t, new Float64Array(size));
      worst = Math.max(worst, Math.abs((fp - fm) / 2e-6 - g[i]));
    }
    expect(worst / gmax).toBeLessThan(1e-6);
  });
});
