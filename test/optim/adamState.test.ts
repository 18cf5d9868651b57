import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';
import { AdamMinimizer, AdamWOptimizer, cosineAnnealingLr, type AdamOptions, type AdamState } from '../../src/optim/index';
import type { Objective } from '../../src/optim/types';
import { rosenbrock, rosenbrockStart } from './problems';

/** Bitwise equality of two Float64Arrays (distinguishes −0 from 0 and NaN payloads). */
const sameBytes = (a: Float64Array, b: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

/** Rosenbrock shifted by a cycle-dependent offset: a stand-in for resampled collocation points. */
const shifted = (c: number): Objective => {
  const s = 0.01 * Math.sin(c);
  return (x, g) => rosenbrock(Float64Array.from(x, (v) => v - s), g);
};

const n = 6;
const options: AdamOptions = { lr: 0.02, groups: [{ start: 4, end: 6, lr: 0.05, betas: [0.8, 0.9], eps: 1e-10 }], schedule: { stepSize: 15, gamma: 0.5 } };

/** N iterations, the objective swapped before each (as the PINN trainers resample every epoch). */
function run(opt: AdamMinimizer, from: number, to: number): void {
  for (let k = from; k < to; k++) {
    opt.setObjective(shifted(k));
    expect(opt.step().status).toBeUndefined();
  }
}

const toJson = (s: AdamState) => JSON.stringify({ ...s, x: Array.from(s.x), g: Array.from(s.g), m: Array.from(s.m), v: Array.from(s.v) });
const fromJson = (text: string): AdamState => {
  const o = JSON.parse(text) as Record<string, number[] | number>;
  return { x: Float64Array.from(o.x as number[]), g: Float64Array.from(o.g as number[]), m: Float64Array.from(o.m as number[]), v: Float64Array.from(o.v as number[]), f: o.f as number, iterations: o.iterations as number, nfev: o.nfev as number };
};

describe('AdamMinimizer state and resume', () => {
  test.each([0, 1, 14, 17, 39])('snapshot after %i of 40 iterations (across the step decays at 15 and 30), JSON round trip, resume in a fresh minimiser: bit-identical x, g, m, v, f and counters', (k) => {
    const whole = new AdamMinimizer(shifted(-1), rosenbrockStart(n), options);
    run(whole, 0, 40);
    const first = new AdamMinimizer(shifted(-1), rosenbrockStart(n), options);
    run(first, 0, k);
    const saved = fromJson(toJson(first.state()));
    let calls = 0;
    const counting: Objective = (x, g) => { calls++; return shifted(k - 1)(x, g); };
    // x0 only fixes the dimension: a wrong start must not matter
    const resumed = new AdamMinimizer(counting, new Float64Array(n).fill(7), { ...options, resume: saved });
    expect(calls).toBe(0); // no evaluation on resume
    expect(resumed.iterations).toBe(k);
    run(resumed, k, 40);
    const a = whole.state(), b = resumed.state();
    for (const key of ['x', 'g', 'm', 'v'] as const) expect(sameBytes(a[key], b[key])).toBe(true);
    expect(Object.is(a.f, b.f)).toBe(true);
    expect([b.iterations, b.nfev]).toEqual([a.iterations, a.nfev]);
    // the trajectory moved: the test compares a non-trivial run
    expect(sameBytes(a.x, rosenbrockStart(n))).toBe(false);
  });

  test('restore() on an existing minimiser continues identically; state() returns copies', () => {
    const whole = new AdamMinimizer(rosenbrock, rosenbrockStart(n), options);
    for (let k = 0; k < 25; k++) whole.step();
    const first = new AdamMinimizer(rosenbrock, rosenbrockStart(n), options);
    for (let k = 0; k < 10; k++) first.step();
    const saved = first.state();
    saved.x[0] += 1; // mutating the copy leaves the minimizer alone
    expect(first.x[0]).not.toBe(saved.x[0]);
    saved.x[0] -= 1;
    const other = new AdamMinimizer(rosenbrock, rosenbrockStart(n), options);
    for (let k = 0; k < 3; k++) other.step();
    other.restore(first.state());
    for (let k = 10; k < 25; k++) other.step();
    expect(sameBytes(other.x, whole.x)).toBe(true);
    expect(other.nfev).toBe(whole.nfev);
  });

  test('a different continuation is detected: restoring without the moments (m = v = 0) changes the trajectory', () => {
    const whole = new AdamMinimizer(rosenbrock, rosenbrockStart(n), options);
    for (let k = 0; k < 20; k++) whole.step();
    const first = new AdamMinimizer(rosenbrock, rosenbrockStart(n), options);
    for (let k = 0; k < 10; k++) first.step();
    const s = first.state();
    const resumed = new AdamMinimizer(rosenbrock, rosenbrockStart(n), { ...options, resume: { ...s, m: new Float64Array(n), v: new Float64Array(n) } });
    for (let k = 10; k < 20; k++) resumed.step();
    expect(sameBytes(resumed.x, whole.x)).toBe(false);
  });

  test('bad states throw named errors and leave the minimiser unchanged', () => {
    const opt = new AdamMinimizer(rosenbrock, rosenbrockStart(n), options);
    for (let k = 0; k < 5; k++) opt.step();
    const good = opt.state();
    const before = toJson(opt.state());
    const bad: [Partial<Record<keyof AdamState, unknown>> | null, typeof InvalidTypeError | typeof InvalidArgumentError, RegExp][] = [
      [{ m: new Float64Array(n - 1) }, InvalidTypeError, /state\.m must be a Float64Array of length 6/],
      [{ x: Array.from(good.x) }, InvalidTypeError, /state\.x must be a Float64Array of length 6/],
      [{ g: undefined }, InvalidTypeError, /state\.g/],
      [{ v: Float64Array.from(good.v, (t, i) => (i === 2 ? Number.NaN : t)) }, InvalidArgumentError, /state\.v\[2\] must be a finite number >= 0/],
      [{ v: Float64Array.from(good.v, (t, i) => (i === 3 ? -1e-300 : t)) }, InvalidArgumentError, /state\.v\[3\] must be a finite number >= 0/],
      [{ m: Float64Array.from(good.m, (t, i) => (i === 0 ? Infinity : t)) }, InvalidArgumentError, /state\.m\[0\] must be a finite number/],
      [{ f: Number.NaN }, InvalidArgumentError, /state\.f must be a finite number/],
      [{ iterations: -1 }, InvalidArgumentError, /state\.iterations must be an integer >= 0/],
      [{ iterations: 2.5 }, InvalidArgumentError, /state\.iterations/],
      [{ nfev: 0 }, InvalidArgumentError, /state\.nfev must be an integer >= 1/],
    ];
    for (const [patch, type, message] of bad) {
      const state = { ...good, ...patch } as AdamState;
      expect(() => opt.restore(state)).toThrow(type);
      expect(() => opt.restore(state)).toThrow(message);
      expect(toJson(opt.state())).toBe(before);
    }
    expect(() => opt.restore(null as unknown as AdamState)).toThrow(/state must be an AdamState object/);
    expect(() => new AdamMinimizer(rosenbrock, rosenbrockStart(n + 2), { resume: good })).toThrow(/options\.resume\.x must be a Float64Array of length 8/);
  });
});

describe('AdamWOptimizer state and restore', () => {
  const grad = (th: Float64Array, g: Float64Array, t: number) => {
    for (let i = 0; i < th.length; i++) g[i] = 2 * (th[i] - Math.cos(i + 0.1 * t)) + 0.3 * th[(i + 1) % th.length];
  };
  test('snapshot at step 13 of 30 under cosine annealing, JSON round trip, restore in a fresh optimizer: bit-identical θ and moments', () => {
    const opts = { weightDecay: 1e-3, betas: [0.85, 0.99] as [number, number] };
    const thWhole = Float64Array.from({ length: 5 }, (_, i) => i - 2);
    const g = new Float64Array(5);
    const whole = new AdamWOptimizer(5, opts);
    for (let t = 0; t < 30; t++) { grad(thWhole, g, t); whole.step(thWhole, g, cosineAnnealingLr(0.05, t, 30)); }
    const th = Float64Array.from({ length: 5 }, (_, i) => i - 2);
    const first = new AdamWOptimizer(5, opts);
    for (let t = 0; t < 13; t++) { grad(th, g, t); first.step(th, g, cosineAnnealingLr(0.05, t, 30)); }
    const s = first.state();
    const o = JSON.parse(JSON.stringify({ t: s.t, m: Array.from(s.m), v: Array.from(s.v) })) as { t: number; m: number[]; v: number[] };
    const fresh = new AdamWOptimizer(5, opts);
    fresh.restore({ t: o.t, m: Float64Array.from(o.m), v: Float64Array.from(o.v) });
    expect(fresh.t).toBe(13);
    for (let t = 13; t < 30; t++) { grad(th, g, t); fresh.step(th, g, cosineAnnealingLr(0.05, t, 30)); }
    expect(sameBytes(th, thWhole)).toBe(true);
    expect(sameBytes(fresh.state().m, whole.state().m)).toBe(true);
    expect(sameBytes(fresh.state().v, whole.state().v)).toBe(true);
  });

  test('bad states throw named errors', () => {
    const opt = new AdamWOptimizer(3);
    const ok = { t: 2, m: new Float64Array(3), v: new Float64Array(3) };
    expect(() => opt.restore({ ...ok, m: new Float64Array(2) })).toThrow(InvalidTypeError);
    expect(() => opt.restore({ ...ok, m: new Float64Array(2) })).toThrow(/state\.m must be a Float64Array of length 3/);
    expect(() => opt.restore({ ...ok, v: Float64Array.of(0, -1, 0) })).toThrow(/state\.v\[1\] must be a finite number >= 0/);
    expect(() => opt.restore({ ...ok, m: Float64Array.of(0, 0, Number.NaN) })).toThrow(InvalidArgumentError);
    expect(() => opt.restore({ ...ok, t: -1 })).toThrow(/state\.t must be an integer >= 0/);
    expect(() => opt.restore(undefined as unknown as typeof ok)).toThrow(/state must be an AdamWState object/);
    expect(opt.t).toBe(0);
  });
});
