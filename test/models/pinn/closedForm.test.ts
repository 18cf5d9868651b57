import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { burgersProfile, burgersProfileCardano, burgersProfileSlope } from '../../../src/models/pinn/index';

const fixture = JSON.parse(readFileSync(join(__dirname, '../../fixtures/pinn/burgers_profiles.json'), 'utf8')) as {
  cases: { lambda: number; C: number; points: [number, number][] }[];
};

describe('closed-form Burgers profiles (thesis eq. (B.4.5))', () => {
  test('check 1: Cardano and the monotone root agree for λ = ½; U(2) = −1, U(10) = −2; λ = 0.4 gives U(2) = −1', () => {
    let worst = 0;
    for (let k = 0; k <= 400; k++) {
      const y = Math.pow(10, -6 + (18.7 * k) / 400);
      for (const C of [1, 7 / 6]) {
        const a = burgersProfileCardano(y, C);
        const b = burgersProfile(y, 0.5, C);
        worst = Math.max(worst, Math.abs(a - b) / Math.max(1, Math.abs(b))); // Cardano cancels for small y: compare absolutely there
      }
    }
    expect(worst).toBeLessThan(1e-14);
    expect(burgersProfile(2, 0.5)).toBeCloseTo(-1, 15);
    expect(burgersProfile(10, 0.5)).toBeCloseTo(-2, 15);
    expect(burgersProfileCardano(2)).toBeCloseTo(-1, 15);
    expect(burgersProfileCardano(10)).toBeCloseTo(-2, 14);
    expect(burgersProfile(2, 0.4)).toBeCloseTo(-1, 15);
    expect(burgersProfile(-2, 0.4)).toBe(-burgersProfile(2, 0.4));
    expect(burgersProfile(0, 0.4)).toBe(-0);
  });

  test('agrees with the mpmath fixture to 4 ulps-ish (λ = ½, C = 1 and 7/6; λ = 0.4)', () => {
    for (const c of fixture.cases) {
      for (const [y, u] of c.points) expect(Math.abs(burgersProfile(y, c.lambda, c.C) - u)).toBeLessThanOrEqual(4e-16 * Math.abs(u));
    }
  });

  test('check 2: residual −λU + ((1+λ)y + U)U_y ≤ 1e-13 relative on a sinh grid over z ∈ [0, 30]', () => {
    for (const lambda of [0.5, 0.4]) {
      let worst = 0;
      for (let i = 1; i <= 600; i++) {
        const y = Math.sinh((30 * i) / 600);
        const U = burgersProfile(y, lambda);
        const Uy = burgersProfileSlope(U, lambda);
        const terms = [lambda * Math.abs(U), Math.abs(((1 + lambda) * y + U) * Uy)];
        const R = -lambda * U + ((1 + lambda) * y + U) * Uy;
        worst = Math.max(worst, Math.abs(R) / Math.max(...terms));
      }
      expect(worst).toBeLessThan(1e-13);
    }
  });

  test('check 3: far field U(y)/(−y^{λ/(1+λ)}) → 1 as y → 1e12', () => {
    for (const lambda of [0.5, 0.4]) {
      const a = lambda / (1 + lambda);
      const ratio = (y: number) => burgersProfile(y, lambda) / -Math.pow(y, a);
      // y = s + s^p ⇒ U/(−y^a) = 1 − y^{(1−p)/p}/p + …: the deviation follows that leading term
      const p = 1 + 1 / lambda;
      for (const y of [1e8, 1e10, 1e12]) {
        const lead = Math.pow(y, (1 - p) / p) / p;
        expect(1 - ratio(y)).toBeGreaterThan(0.99 * lead);
        expect(1 - ratio(y)).toBeLessThan(1.01 * lead);
      }
      expect(Math.abs(ratio(1e12) - 1)).toBeLessThan(1e-4);
    }
  });

  test('check 4: the C = 7/6 profile in z is −z + z³ + O(z⁵)', () => {
    const c3 = (z: number) => (burgersProfile(Math.sinh(z), 0.5, 7 / 6) + z) / (z * z * z);
    // (U + z)/z³ = 1 + O(z²): the error falls by ~4 when z halves
    const e1 = Math.abs(c3(0.02) - 1);
    const e2 = Math.abs(c3(0.01) - 1);
    expect(e1).toBeLessThan(1e-2);
    expect(e1 / e2).toBeGreaterThan(3.5);
    expect(e1 / e2).toBeLessThan(4.5);
    // with C = 1 the cubic coefficient is 1 − 1/6 instead of 1
    expect(Math.abs((burgersProfile(Math.sinh(0.01), 0.5, 1) + 0.01) / 1e-6 - 5 / 6)).toBeLessThan(1e-3);
  });

  test('bad input throws named errors', () => {
    expect(() => burgersProfile(1, 0)).toThrow(/lambda/);
    expect(() => burgersProfile(1, -0.5)).toThrow(RangeError);
    expect(() => burgersProfile(NaN, 0.5)).toThrow(/y/);
    expect(() => burgersProfile(1, 0.5, 0)).toThrow(/C/);
  });
});
