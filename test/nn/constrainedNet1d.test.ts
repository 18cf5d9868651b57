import { SinhCoordinate } from '../../src/grid/sinhCoordinate';
import { ConstrainedNet1d, farFieldJets, initializeMlpFanIn, Mlp, powerJet, taylorAnsatzJets } from '../../src/nn/index';
import { Rng } from '../../src/random/rng';

const map = new SinhCoordinate();

/** Central differences of a scalar function: first and second derivative. */
function fd(f: (z: number) => number, z: number, h: number): [number, number] {
  return [(f(z + h) - f(z - h)) / (2 * h), (f(z + h) - 2 * f(z) + f(z - h)) / (h * h)];
}

describe('sinh coordinate (thesis B.2, y = sinh z)', () => {
  test('sinh(30) ≈ 5.343e12, inverse, and the chain rules both ways against a known function', () => {
    expect(map.y(30)).toBeCloseTo(5.343237290762231e12, -1);
    expect(map.z(map.y(7.25))).toBeCloseTo(7.25, 13);
    const scaled = new SinhCoordinate(2, 3);
    const out = new Float64Array(2);
    for (const m of [map, scaled]) {
      for (const z of [-3, 0.2, 4, 29]) {
        // f(y) = y²/(1+y²)^(1/2): f_y, f_yy known; compose f(y(z)) and differentiate numerically in z
        const y = m.y(z);
        const fy = (y * (y * y + 2)) / Math.pow(1 + y * y, 1.5);
        const fyy = (2 - y * y) / Math.pow(1 + y * y, 2.5);
        m.toZ(z, fy, fyy, out);
        const [fz, fzz] = fd((s) => { const v = m.y(s); return (v * v) / Math.sqrt(1 + v * v); }, z, 1e-4);
        expect(Math.abs(out[0] - fz)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fz)));
        expect(Math.abs(out[1] - fzz)).toBeLessThan(1e-4 * Math.max(1, Math.abs(fzz)));
        m.toY(z, out[0], out[1], out);
        expect(out[0]).toBeCloseTo(fy, 12);
        expect(Math.abs(out[1] - fyy)).toBeLessThan(1e-12 * Math.max(1, Math.abs(fyy)) + 1e-9 * Math.abs(fy));
      }
    }
  });
});

describe('hard-constraint jets', () => {
  test('powerJet including real powers and the limits at 0', () => {
    const o = new Float64Array(3);
    powerJet(2, 3.5, o, 0);
    expect(o[0]).toBeCloseTo(Math.pow(2, 3.5), 13);
    expect(o[1]).toBeCloseTo(3.5 * Math.pow(2, 2.5), 13);
    expect(o[2]).toBeCloseTo(8.75 * Math.pow(2, 1.5), 13);
    expect(Array.from(powerJet(0, 3.5, o, 0))).toEqual([0, 0, 0]);
    expect(Array.from(powerJet(0, 1, o, 0))).toEqual([0, 1, 0]);
    expect(Array.from(powerJet(0, 2, o, 0))).toEqual([0, 0, 2]);
  });

  test('check 5: q = −y^a (y/(1+y))^15 and its z-derivatives match finite differences, to y ≈ 5e12, without overflow', () => {
    const law = { coefficient: -1, exponent: 1 / 3, cutoffPower: 15 };
    const out = new Float64Array(3);
    const q = (z: number) => { const y = Math.sinh(z); return -Math.pow(y, 1 / 3) * Math.pow(y / (1 + y), 15); };
    for (const z of [0.05, 0.5, 1, 2.5, 8, 20, 27.6, 30]) {
      farFieldJets(law, map, z, out, 0);
      expect(Math.abs(out[0] - q(z))).toBeLessThan(1e-13 * Math.abs(q(z)));
      // the direct y-space formulas: q_y = qℓ′, q_yy = q(ℓ′² − (a+15)/y² + 15/(1+y)²), then the chain rule
      const y = Math.sinh(z);
      const l1 = 1 / 3 / y + 15 / (y * (1 + y));
      const qy = q(z) * l1;
      const qyy = q(z) * (l1 * l1 - (1 / 3 + 15) / (y * y) + 15 / ((1 + y) * (1 + y)));
      expect(Math.abs(out[1] - qy * Math.cosh(z))).toBeLessThan(1e-12 * Math.abs(out[1]));
      expect(Math.abs(out[2] - (qyy * Math.cosh(z) ** 2 + qy * y))).toBeLessThan(1e-10 * Math.abs(out[2]));
      if (z < 0.4) continue;
      const h = 1e-4;
      const [qz, qzz] = fd(q, z, h);
      expect(Math.abs(out[1] - qz)).toBeLessThan(1e-6 * Math.abs(qz) + 1e-300);
      expect(Math.abs(out[2] - qzz)).toBeLessThan(1e-4 * Math.abs(qzz) + 1e-300);
      expect(out.every(Number.isFinite)).toBe(true);
    }
    // far field: q → −y^{1/3}, q_z → −(1/3) y^{1/3} coth z, no overflow at z = 30 (direct y^{15.33} ≈ 1e195)
    farFieldJets(law, map, 30, out, 0);
    expect(out[0] / -Math.cbrt(Math.sinh(30))).toBeCloseTo(1, 10);
    expect(out[1] / out[0]).toBeCloseTo(1 / 3, 10);
    // odd extension and the origin
    const neg = new Float64Array(3);
    farFieldJets(law, map, -2, neg, 0);
    farFieldJets(law, map, 2, out, 0);
    expect([neg[0], neg[1], neg[2]]).toEqual([-out[0], out[1], -out[2]]);
    expect(Array.from(farFieldJets(law, map, 0, out, 0))).toEqual([0, 0, 0]);
    // at y ≈ 5e12 with a large cutoff power the log form still works where the direct form overflows
    farFieldJets({ coefficient: 1, exponent: 0.5, cutoffPower: 40 }, map, 30, out, 0);
    expect(Number.isFinite(out[0]) && Number.isFinite(out[2])).toBe(true);
    expect(Math.pow(Math.sinh(30), 40.5)).toBe(Infinity);
  });

  test('check 7: the weak Burgers ansatz −z + z³ + z⁴U1 has Û(0) = 0, Û′(0) = −1, Û‴(0) = 6 from the jets', () => {
    const net = initializeMlpFanIn(new Mlp([1, 6, 6, 1]), new Rng(3));
    const model = new ConstrainedNet1d(net, { parity: 'odd', taylor: { variable: 'z', linear: -1, terms: [{ power: 3, coefficient: 1 }], multiplierPower: 4 } });
    const h = 1e-2;
    model.setPoints([0, h, 2 * h, -h, -2 * h]);
    model.forward();
    expect(model.u[0]).toBe(0);
    expect(model.uz[0]).toBe(-1);
    expect(model.uzz[0]).toBe(0);
    // U‴(0) from the second-derivative jets: (Û_zz(h) − Û_zz(−h))/(2h) = 6 + O(h²) (z⁴U1 contributes only O(h²) as U1 is odd)
    const third = (model.uzz[1] - model.uzz[3]) / (2 * h);
    expect(Math.abs(third - 6)).toBeLessThan(50 * h * h);
    // in y: −y + y³ gives Û_z(0) = −1, Û_zz(0) = 0
    const inY = new ConstrainedNet1d(net, { parity: 'odd', taylor: { variable: 'y', linear: -1, terms: [{ power: 3, coefficient: 1 }], multiplierPower: 4 } });
    inY.setPoints([0]);
    inY.forward();
    expect([inY.u[0], inY.uz[0], inY.uzz[0]]).toEqual([0, -1, 0]);
    const jets = taylorAnsatzJets({ variable: 'y', linear: -1, terms: [], multiplierPower: 0 }, map, 1.3, new Float64Array(6), 0);
    expect(jets[1]).toBeCloseTo(-Math.cosh(1.3), 14);
    expect(jets[2]).toBeCloseTo(-Math.sinh(1.3), 14);
  });

  test('check 6: the parity wrapper is bitwise odd / even under z → −z', () => {
    const net = initializeMlpFanIn(new Mlp([1, 7, 7, 1]), new Rng(5));
    for (const parity of ['odd', 'even'] as const) {
      for (const halfParity of [true, false]) {
        const model = new ConstrainedNet1d(net, { parity, halfParity });
        const z = [0.1, 1.7, 12, 29.5];
        model.setPoints([...z, ...z.map((v) => -v)]);
        model.forward();
        const s = parity === 'odd' ? -1 : 1;
        for (let j = 0; j < z.length; j++) {
          expect(model.u[j + z.length]).toBe(s * model.u[j]);
          expect(model.uz[j + z.length]).toBe(-s * model.uz[j]);
          expect(model.uzz[j + z.length]).toBe(s * model.uzz[j]);
        }
      }
    }
  });

  test('check 5 (jets): Û_z, Û_zz of the constrained network match finite differences of Û in z', () => {
    const net = initializeMlpFanIn(new Mlp([1, 10, 10, 1]), new Rng(9));
    const model = new ConstrainedNet1d(net, { parity: 'odd', halfParity: false, farField: { coefficient: -1, exponent: 2 / 7, cutoffPower: 15 } });
    const u = (z: number) => model.evaluate([z]).u[0];
    for (const z of [0.3, 1.1, 4, 15]) {
      const e = model.evaluate([z]);
      const [uz, uzz] = fd(u, z, 1e-3);
      expect(Math.abs(e.uz[0] - uz)).toBeLessThan(1e-6 * Math.max(1, Math.abs(uz)));
      expect(Math.abs(e.uzz[0] - uzz)).toBeLessThan(1e-4 * Math.max(1, Math.abs(uzz)));
    }
  });

  test('reverse mode through the jets: ∂L/∂θ of L = Σ w1·Û + w2·Û_z² + w3·Û·Û_zz + w4·B matches central differences', () => {
    const net = initializeMlpFanIn(new Mlp([1, 8, 8, 1]), new Rng(11));
    const model = new ConstrainedNet1d(net, { parity: 'odd', taylor: { variable: 'z', linear: -1, terms: [{ power: 3.5, coefficient: 1 }], multiplierPower: 4 }, farField: { coefficient: -1, exponent: 1 / 3, cutoffPower: 15 } });
    const z = [0.2, 0.9, 1.7, 2.4];
    model.setPoints(z);
    const lossAt = (theta: Float64Array, grad?: Float64Array): number => {
      net.params.set(theta);
      model.forward();
      let L = 0;
      for (let j = 0; j < z.length; j++) {
        L += 0.3 * model.u[j] + 0.2 * model.uz[j] ** 2 + 0.1 * model.u[j] * model.uzz[j] + 0.7 * model.base[j];
        model.uBar[j] = 0.3 + 0.1 * model.uzz[j];
        model.uzBar[j] = 0.4 * model.uz[j];
        model.uzzBar[j] = 0.1 * model.u[j];
        model.baseBar[j] = 0.7;
      }
      if (grad) model.backward(grad);
      return L;
    };
    const theta = Float64Array.from(net.params);
    const g = new Float64Array(theta.length);
    lossAt(theta, g);
    let gmax = 0;
    for (const v of g) gmax = Math.max(gmax, Math.abs(v));
    let worst = 0;
    for (let i = 0; i < theta.length; i++) {
      const t = Float64Array.from(theta);
      const h = 1e-6;
      t[i] = theta[i] + h;
      const fp = lossAt(t);
      t[i] = theta[i] - h;
      const fm = lossAt(t);
      worst = Math.max(worst, Math.abs((fp - fm) / (2 * h) - g[i]));
    }
    expect(worst / gmax).toBeLessThan(1e-6);
  });

  test('bad input: widths that are not [1, …, 1], invalid constraints', () => {
    expect(() => new ConstrainedNet1d(new Mlp([2, 4, 1]))).toThrow(/net\.widths/);
    expect(() => new ConstrainedNet1d(new Mlp([1, 4, 2]))).toThrow(RangeError);
    expect(() => new ConstrainedNet1d(new Mlp([1, 4, 1]), { parity: 'odd-ish' as never })).toThrow(/parity/);
    expect(() => new ConstrainedNet1d(new Mlp([1, 4, 1]), { farField: { coefficient: -1, exponent: 0.3, cutoffPower: 1 } })).toThrow(/cutoffPower/);
    expect(() => new ConstrainedNet1d(new Mlp([1, 4, 1]), { taylor: { variable: 'x' as never, linear: -1, terms: [], multiplierPower: 4 } })).toThrow(/variable/);
    expect(() => new ConstrainedNet1d(new Mlp([1, 4, 1])).forward()).toThrow(/setPoints/);
  });
});
