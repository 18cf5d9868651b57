import { InvalidArgumentError } from '../../../src/core/errors';
import { DEFAULT_SYMBOLIC_NAMES, HELLO_KAN_SYMBOLIC_NAMES, resolveSymbolicFunctions, symbolicLibrary } from '../../../src/models/kan/symbolicLibrary';

describe('symbolic library', () => {
  it('jets: value = value(), derivatives 1–3 match central differences of the previous order', () => {
    const lib = symbolicLibrary();
    const points = [0.37, 0.81, -0.45, 1.6];
    const h = 1e-5;
    const jet = new Float64Array(4);
    const lo = new Float64Array(4);
    const hi = new Float64Array(4);
    for (const f of lib.values()) {
      for (const u of points) {
        f.jet(u, jet, 0);
        const v = f.value(u);
        if (!Number.isFinite(v)) continue; // outside the domain (log, sqrt, arcsin, … of some points)
        expect([f.name, Math.abs(jet[0] - v) <= 1e-15 * Math.abs(v)]).toEqual([f.name, true]);
        f.jet(u - h, lo, 0);
        f.jet(u + h, hi, 0);
        for (let q = 1; q < 4; q++) {
          const fd = (hi[q - 1] - lo[q - 1]) / (2 * h);
          // central difference error h²/6·|f^{(q+2)}| plus rounding ε·|f|/h
          expect([f.name, q, Math.abs(fd - jet[q]) <= 1e-6 * Math.max(1, Math.abs(jet[q]), Math.abs(jet[q - 1]))]).toEqual([f.name, q, true]);
        }
      }
    }
  });

  it('parity and homogeneity flags are true identities', () => {
    for (const f of symbolicLibrary().values()) {
      for (const u of [0.3, 0.9, 1.7]) {
        if (!Number.isFinite(f.value(u))) continue;
        if (f.parity === 'odd') expect(f.value(-u)).toBeCloseTo(-f.value(u), 12);
        if (f.parity === 'even') expect(f.value(-u)).toBeCloseTo(f.value(u), 12);
        if (f.homogeneity !== undefined) expect(f.value(2.5 * u)).toBeCloseTo(Math.pow(2.5, f.homogeneity) * f.value(u), 10);
      }
    }
  });

  it('default lists resolve; unknown names throw', () => {
    expect(resolveSymbolicFunctions(DEFAULT_SYMBOLIC_NAMES)).toHaveLength(24);
    expect(resolveSymbolicFunctions(HELLO_KAN_SYMBOLIC_NAMES).map((f) => f.name)).toEqual(['x', 'x^2', 'x^3', 'x^4', 'exp', 'log', 'sqrt', 'tanh', 'sin', 'abs']);
    expect(() => resolveSymbolicFunctions(['sin', 'J0'])).toThrow(InvalidArgumentError);
    expect(() => resolveSymbolicFunctions([])).toThrow(InvalidArgumentError);
  });
});
