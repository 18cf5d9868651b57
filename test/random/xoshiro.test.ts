import { readFileSync } from 'fs';
import { join } from 'path';
import { Rng, streams } from '../../src/random/rng';
import { seedState } from '../../src/random/seed';
import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';

interface Case {
  seed: number | string;
  state: number[];
  next: number[];
  uniform: number[];
  integer: Record<string, number[]>;
  jumpStates: number[][];
  longJumpState: number[];
}
const fixture = JSON.parse(readFileSync(join(__dirname, '../fixtures/random/xoshiro.json'), 'utf8')) as { cases: Case[] };

describe('xoshiro128** against the independent Python implementation (fixture)', () => {
  test.each(fixture.cases.map((c) => [JSON.stringify(c.seed), c] as const))('seed %s: SplitMix64 state, outputs, doubles, integers, jumps', (_, c) => {
    expect(Array.from(seedState(c.seed))).toEqual(c.state);
    const rng = new Rng(c.seed);
    expect(c.next.map(() => rng.nextUint32())).toEqual(c.next);
    const u = new Rng(c.seed);
    expect(c.uniform.map(() => u.uniform())).toEqual(c.uniform);
    for (const [n, values] of Object.entries(c.integer)) {
      const g = new Rng(c.seed);
      expect(values.map(() => g.integer(Number(n)))).toEqual(values);
    }
    c.jumpStates.forEach((state, k) => expect(Array.from(Rng.stream(c.seed, k + 1).state())).toEqual(state));
    expect(Array.from(new Rng(c.seed).longJump().state())).toEqual(c.longJumpState);
  });
  test('SplitMix64 of seed 0 gives its well-known first output 0xe220a8397b1dcdaf', () => {
    const s = seedState(0);
    expect(s[1].toString(16) + s[0].toString(16).padStart(8, '0')).toBe('e220a8397b1dcdaf');
  });
});

describe('reproducibility and serialisation', () => {
  test('same seed gives the same stream; different seeds differ', () => {
    const a = new Rng('run-17');
    const b = new Rng('run-17');
    const c = new Rng('run-18');
    const xa = Array.from({ length: 100 }, () => a.normal());
    expect(Array.from({ length: 100 }, () => b.normal())).toEqual(xa);
    expect(Array.from({ length: 100 }, () => c.normal())).not.toEqual(xa);
  });
  test('toJSON / fromJSON and state / restore continue the exact sequence', () => {
    const rng = new Rng(99);
    for (let k = 0; k < 1037; k++) rng.normal();
    const json = JSON.parse(JSON.stringify(rng));
    const copy = Rng.fromJSON(json);
    const saved = rng.state();
    const draw = (g: Rng): number[] => [g.uniform(), g.normal(), g.integer(1000), g.uniformOpen(), g.nextUint32(), g.integer(2 ** 40)];
    const expected = Array.from({ length: 200 }, () => draw(rng)).flat();
    expect(Array.from({ length: 200 }, () => draw(copy)).flat()).toEqual(expected);
    const restored = new Rng(0).restore(saved);
    expect(Array.from({ length: 200 }, () => draw(restored)).flat()).toEqual(expected);
    const cloned = Rng.fromState(saved).clone();
    expect(Array.from({ length: 200 }, () => draw(cloned)).flat()).toEqual(expected);
  });
  test('streams(seed, start) walks Rng.stream(seed, k) in order', () => {
    const it = streams(7);
    for (let k = 0; k < 6; k++) expect(Array.from((it.next().value as Rng).state())).toEqual(Array.from(Rng.stream(7, k).state()));
    const from3 = streams(7, 3).next().value as Rng;
    expect(Array.from(from3.state())).toEqual(Array.from(Rng.stream(7, 3).state()));
  });
  test('ensemble results do not depend on how members are split across workers', () => {
    const members = 12;
    const simulate = (rng: Rng): number => {
      let s = 0;
      for (let k = 0; k < 50; k++) s += rng.normal() * rng.uniform();
      return s;
    };
    const it = streams('ensemble');
    const serial = Array.from({ length: members }, () => simulate(it.next().value as Rng));
    const parts: number[] = [];
    for (const [start, end] of [[0, 5], [5, 9], [9, 12]]) {
      const worker = streams('ensemble', start);
      for (let m = start; m < end; m++) parts.push(simulate(worker.next().value as Rng));
    }
    expect(parts).toEqual(serial);
  });
});

describe('argument checks', () => {
  test('invalid seeds, states, bounds and stream indices throw before any work', () => {
    expect(() => new Rng(1.5)).toThrow(InvalidArgumentError);
    expect(() => new Rng(NaN)).toThrow(InvalidArgumentError);
    expect(() => new Rng({} as unknown as number)).toThrow(InvalidTypeError);
    expect(() => Rng.stream(1, -1)).toThrow(/k must be an integer >= 0/);
    expect(() => streams(1, 0.5)).toThrow(InvalidArgumentError);
    const rng = new Rng(1);
    expect(() => rng.integer(0)).toThrow(/n must be an integer in \[1, 9007199254740992\]/);
    expect(() => rng.integer(2.5)).toThrow(InvalidArgumentError);
    expect(() => rng.restore([0, 0, 0, 0])).toThrow(/not all zero/);
    expect(() => rng.restore([1, 2, 3])).toThrow(InvalidTypeError);
    expect(() => rng.restore([1, 2, 3, 2 ** 32])).toThrow(InvalidArgumentError);
    expect(() => Rng.fromJSON({ algorithm: 'mt19937', state: [1, 2, 3, 4] } as never)).toThrow(InvalidTypeError);
    expect(() => rng.fillNormal(new Float64Array(4), 3, 2, 0)).toThrow(InvalidArgumentError);
  });
});
