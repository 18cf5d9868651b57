import { Rng } from '../../src/random/rng';
import { lemireInteger, LEMIRE_MAX_RANGE } from '../../src/random/lemireInteger';
import { InvalidArgumentError } from '../../src/core/errors';

/** Wilson–Hilferty normal approximation of a chi-square statistic with k degrees of freedom. */
function chiSquareZ(x: number, k: number): number {
  const c = 2 / (9 * k);
  return (Math.cbrt(x / k) - (1 - c)) / Math.sqrt(c);
}

describe('lemireInteger (multiply-and-reject)', () => {
  test('accept/reject and value agree with exact 64-bit integer arithmetic (BigInt reference)', () => {
    const rng = new Rng('lemire-exact');
    let mismatches = 0;
    let rejections = 0;
    for (const m of [1, 3, 1000, 262143, 2096129, LEMIRE_MAX_RANGE]) {
      const threshold = BigInt(2 ** 32 % m);
      for (let k = 0; k < 20000; k++) {
        const w = rng.nextUint32();
        const product = BigInt(w) * BigInt(m);
        const low = product & 0xffffffffn;
        const expected = low < threshold ? -1 : Number(product >> 32n);
        let used = 0;
        const source = { nextUint32: () => (used++ === 0 ? w : 0xffffffff) };
        const got = lemireInteger(source, m);
        // a rejected first word makes the function draw again; the second word 2³²−1 is always accepted
        if ((used === 1 ? got : -1) !== expected) mismatches++;
        if (expected < 0) rejections++;
      }
    }
    expect(mismatches).toBe(0);
    expect(rejections).toBeGreaterThan(0); // m = 2096129: 2³² mod m = 2095104, rejection probability 4.9e−4
  });

  test('uniform on {0..m−1}: chi-square |z| < 5 for m = 6, 7, 1000', () => {
    const rng = new Rng('lemire-chi2');
    for (const m of [6, 7, 1000]) {
      const N = 200 * Math.max(m, 50);
      const counts = new Float64Array(m);
      for (let k = 0; k < N; k++) counts[lemireInteger(rng, m)]++;
      let x = 0;
      for (let j = 0; j < m; j++) x += (counts[j] - N / m) ** 2 / (N / m);
      expect(Math.abs(chiSquareZ(x, m - 1))).toBeLessThan(5);
    }
  });

  test('rejects ranges outside [1, 2^21]', () => {
    const rng = new Rng(1);
    expect(() => lemireInteger(rng, 0)).toThrow(InvalidArgumentError);
    expect(() => lemireInteger(rng, LEMIRE_MAX_RANGE + 1)).toThrow(InvalidArgumentError);
    expect(() => lemireInteger(rng, 2.5)).toThrow(InvalidArgumentError);
  });
});
