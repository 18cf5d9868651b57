import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';
import {
  extendedCoordinates, fillGridGhosts, fillSymmetricGhosts, fillSymmetricGhostsStrided, linearMap, locateInterval,
  mappedGrid, powerMap, sinhMap, tanhMap, tensorGrid2D, uniformGrid, userMap, type GridMap,
} from '../../src/grid/index';

/** Central difference of a function in s with step δ (O(δ²) + rounding ε|z|/δ). */
function centralDiff(f: (s: number) => number, s: number, d: number): number {
  return (f(s + d) - f(s - d)) / (2 * d);
}

const maps: Array<[string, GridMap]> = [
  ['sinh default (A=1, L=1e5)', sinhMap({ length: 1e5 })],
  ['sinh A=0.5 shifted', sinhMap({ length: 30, scale: 0.5, start: -2 })],
  ['power left p=3', powerMap({ length: 2, exponent: 3 })],
  ['power right p=3 on [0,π]', powerMap({ length: Math.PI, exponent: 3, clusterAt: 'right' })],
  ['tanh both', tanhMap({ length: 1, strength: 2.5 })],
  ['tanh left', tanhMap({ length: 4, strength: 2, clusterAt: 'left' })],
  ['tanh right', tanhMap({ length: 4, strength: 1.5, clusterAt: 'right', start: 1 })],
  ['user cubic', userMap({ z: (s) => s ** 3 + s, dzds: (s) => 3 * s * s + 1, d2zds2: (s) => 6 * s })],
];

describe('grid maps: exact metric terms', () => {
  test.each(maps)('%s: z(0), z(1) hit the domain; z\', z\'\' agree with central differences of z, z\'', (_name, map) => {
    const [a, b] = map.domain;
    expect(Math.abs(map.z(0) - a)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(a)));
    expect(Math.abs(map.z(1) - b)).toBeLessThanOrEqual(1e-12 * Math.abs(b));
    const d = 1e-5;
    for (const s of [0.1, 0.37, 0.5, 0.81, 0.95]) {
      const scale1 = Math.abs(map.dzds(s)) + (b - a) * 1e-3;
      expect(Math.abs(centralDiff(map.z, s, d) - map.dzds(s)) / scale1).toBeLessThan(1e-6);
      const scale2 = Math.abs(map.d2zds2(s)) + Math.abs(map.dzds(s));
      expect(Math.abs(centralDiff(map.dzds, s, d) - map.d2zds2(s)) / scale2).toBeLessThan(1e-6);
    }
  });

  test('sinh map matches the blowup specification: b = asinh(L/A), h_min ≈ A·b/(n−1), h/z → b/(n−1)', () => {
    const n = 300;
    const g = mappedGrid(sinhMap({ length: 1e5 }), n, { symmetry: 'even' });
    const b = Math.asinh(1e5);
    expect(g.x[0]).toBe(0);
    expect(g.x[n - 1]).toBe(1e5);
    expect(Math.abs(g.spacing[0] / Math.sinh(b / (n - 1)) - 1)).toBeLessThan(1e-12);
    expect(g.spacing[n - 2] / g.x[n - 2]).toBeCloseTo(Math.expm1(b / (n - 1)), 2);
    expect(g.dxds[0]).toBeCloseTo(b, 12);
    expect(g.d2xds2[0]).toBe(0); // odd map: the even reflection of the grid is smooth
  });
});

describe('Grid1D', () => {
  test('uniform grid: nodes, spacing, metric, exact end points', () => {
    const g = uniformGrid(11, { start: -1, length: 2 });
    expect(g.n).toBe(11);
    expect(g.domain).toEqual([-1, 1]);
    expect(g.length).toBe(2);
    expect(g.isUniform).toBe(true);
    for (let i = 0; i < 10; i++) expect(g.spacing[i]).toBeCloseTo(0.2, 14);
    expect(g.x[10]).toBe(1);
    expect(Array.from(g.dxds)).toEqual(new Array(11).fill(2));
    expect(Array.from(g.d2xds2)).toEqual(new Array(11).fill(0));
    expect(g.minSpacing()).toBeCloseTo(0.2, 14);
    expect(g.maxSpacing()).toBeCloseTo(0.2, 14);
  });

  test('mapped grid spacings are consistent with the metric: h_i = z\'(s_{i+1/2})·Δs·(1 + O(Δs²))', () => {
    const worst: number[] = [];
    for (const n of [51, 101, 201]) {
      const g = mappedGrid(tanhMap({ length: 1, strength: 2 }), n);
      const ds = 1 / (n - 1);
      let w = 0;
      for (let i = 0; i < n - 1; i++) {
        const mid = g.map.dzds((i + 0.5) * ds) * ds;
        w = Math.max(w, Math.abs(g.spacing[i] - mid) / g.spacing[i]);
      }
      worst.push(w);
    }
    // midpoint rule for ∫ z' ds: relative error ∝ Δs², so halving Δs divides it by 4
    expect(Math.log2(worst[0] / worst[1])).toBeGreaterThan(1.9);
    expect(Math.log2(worst[1] / worst[2])).toBeLessThan(2.1);
    expect(Math.log2(worst[1] / worst[2])).toBeGreaterThan(1.9);
  });

  test('locate / locateInterval', () => {
    const g = mappedGrid(sinhMap({ length: 100 }), 41);
    for (const v of [0, 1e-3, 0.5, 7.3, 99.99]) {
      const i = g.locate(v);
      expect(g.x[i] <= v && v < g.x[i + 1]).toBe(true);
    }
    expect(g.locate(100)).toBe(39);
    expect(g.locate(-5)).toBe(0);
    expect(locateInterval(new Float64Array([0, 1, 3]), 3, 2.5)).toBe(1);
  });

  test('validation: n, length, symmetry, monotone maps', () => {
    expect(() => uniformGrid(1)).toThrow(InvalidArgumentError);
    expect(() => uniformGrid(2.5)).toThrow(/n must be an integer >= 2/);
    expect(() => uniformGrid(10, { length: 0 })).toThrow(/options.length/);
    expect(() => uniformGrid(10, { length: Infinity })).toThrow(InvalidArgumentError);
    expect(() => uniformGrid(10, { start: 1, symmetry: 'even' })).toThrow(/starts at 0/);
    expect(() => sinhMap({ length: -1 })).toThrow(InvalidArgumentError);
    expect(() => powerMap({ length: 1, exponent: 0.5 })).toThrow(/exponent/);
    expect(() => powerMap({ length: 1, exponent: 1.5 })).toThrow(/exponent/);
    expect(() => tanhMap({ length: 1, strength: 0 })).toThrow(/strength/);
    expect(() => uniformGrid(5, { symmetry: 'sideways' as never })).toThrow(/symmetry/);
    // a non-monotone user map: z = sin(3πs/2)... decreasing on part of [0, 1]
    const bad = userMap({ z: (s) => s + 0.3 * Math.sin(8 * s), dzds: (s) => 1 + 2.4 * Math.cos(8 * s), d2zds2: (s) => -19.2 * Math.sin(8 * s) });
    expect(() => mappedGrid(bad, 50)).toThrow(/strictly increasing/);
    expect(() => userMap({ z: (s) => -s, dzds: () => -1, d2zds2: () => 0 })).toThrow(/map.z\(1\)/);
    expect(() => userMap({ z: 3 as never, dzds: () => 1, d2zds2: () => 0 })).toThrow(InvalidTypeError);
    expect(linearMap(0, 1).d2zds2(0.3)).toBe(0);
  });
});

describe('even/odd symmetry ghosts', () => {
  test('fillSymmetricGhosts reproduces f(−x) = ±f(x) for even and odd functions', () => {
    const g = mappedGrid(sinhMap({ length: 10 }), 21, { symmetry: 'even' });
    const ghosts = 3;
    const xe = extendedCoordinates(g, ghosts);
    expect(xe.length).toBe(24);
    for (let j = 1; j <= ghosts; j++) expect(xe[ghosts - j]).toBe(-g.x[j]);
    const even = g.x.map((x) => Math.cos(x) + x * x);
    const odd = g.x.map((x) => Math.sin(x) + x ** 3);
    const ee = fillGridGhosts(g, ghosts, even);
    const oe = fillSymmetricGhosts('odd', ghosts, odd);
    for (let k = 0; k < xe.length; k++) {
      expect(ee[k]).toBeCloseTo(Math.cos(xe[k]) + xe[k] * xe[k], 12);
      expect(oe[k]).toBeCloseTo(Math.sin(xe[k]) + xe[k] ** 3, 12);
    }
  });

  test('strided kernel works on a column of a row-major array', () => {
    // 4×3 array, column 1 = [0, 1, 2, 3]; extension written into a strided output
    const field = new Float64Array([9, 0, 9, 9, 1, 9, 9, 2, 9, 9, 3, 9]);
    const out = new Float64Array(12);
    fillSymmetricGhostsStrided(4, 2, -1, field, 3, 1, out, 2, 0);
    expect(Array.from(out.filter((_, i) => i % 2 === 0))).toEqual([-2, -1, 0, 1, 2, 3]);
  });

  test('validation', () => {
    const g = uniformGrid(5);
    expect(() => fillGridGhosts(g, 1, new Float64Array(5))).toThrow(/grid.symmetry/);
    expect(() => fillSymmetricGhosts('even', 5, new Float64Array(5))).toThrow(/ghosts/);
    expect(() => extendedCoordinates(uniformGrid(5, { start: 1 }), 1)).toThrow(/grid.domain\[0\]/);
  });
});

describe('TensorGrid2D', () => {
  test('row-major layout, line offsets/strides, fill', () => {
    const g0 = uniformGrid(4, { length: 3 });
    const g1 = mappedGrid(tanhMap({ length: 1, strength: 1 }), 3);
    const t = tensorGrid2D(g0, g1);
    expect(t.shape).toEqual([4, 3]);
    expect(t.strides).toEqual([3, 1]);
    expect(t.index(2, 1)).toBe(7);
    const u = t.fill((x, y) => 10 * x + y);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 3; j++) expect(u[i * 3 + j]).toBe(10 * g0.x[i] + g1.x[j]);
    expect(t.line(0, 2)).toEqual({ offset: 2, stride: 3 });
    expect(t.line(1, 3)).toEqual({ offset: 9, stride: 1 });
    expect(() => t.line(1, 4)).toThrow(InvalidArgumentError);
    expect(() => tensorGrid2D(g0, {} as never)).toThrow(InvalidTypeError);
  });
});
