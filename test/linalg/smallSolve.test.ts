import { solveSmallDense } from '../../src/linalg/smallSolve';
import { InvalidArgumentError, InvalidTypeError } from '../../src/core/errors';

/** [A | b] row-major for b = A·x. */
function augmented(A: number[][], x: number[]): Float64Array {
  const n = A.length;
  const out = new Float64Array(n * (n + 1));
  for (let i = 0; i < n; i++) {
    let b = 0;
    for (let j = 0; j < n; j++) { out[i * (n + 1) + j] = A[i][j]; b += A[i][j] * x[j]; }
    out[i * (n + 1) + n] = b;
  }
  return out;
}

describe('solveSmallDense (partial pivoting, scaled singularity test)', () => {
  test('solves a system that needs pivoting (zero leading entry) to round-off', () => {
    const A = [[0, 2, 1], [1, 1, 1], [3, -1, 2]];
    const x = [1.5, -2, 0.25];
    const out = new Float64Array(3);
    expect(solveSmallDense(3, augmented(A, x), out)).toBe(true);
    for (let i = 0; i < 3; i++) expect(Math.abs(out[i] - x[i])).toBeLessThan(1e-14);
  });

  test('the singularity test is relative: a system scaled by 1e-200 or 1e200 is solved alike', () => {
    const A = [[4, 1], [2, 3]];
    const x = [1, -1];
    for (const s of [1e-200, 1, 1e200]) {
      const out = new Float64Array(2);
      expect(solveSmallDense(2, augmented(A.map((r) => r.map((v) => v * s)), x), out)).toBe(true);
      expect(Math.abs(out[0] - 1)).toBeLessThan(1e-14);
      expect(Math.abs(out[1] + 1)).toBeLessThan(1e-14);
    }
  });

  test('exactly and numerically singular systems are reported, not solved into huge or NaN values', () => {
    const out = new Float64Array(3);
    // rank 2 exactly
    expect(solveSmallDense(3, augmented([[1, 2, 3], [2, 4, 6], [1, 0, 1]], [1, 1, 1]), out)).toBe(false);
    // singular up to one ulp: the eliminated pivot is 2⁻⁵² > 0 (a test "pivot > 0" would accept it and
    // return values of size 1/ε), but it is below n·ε·max|A| = 2⁻⁵¹
    const e = Math.pow(2, -52);
    expect(solveSmallDense(2, augmented([[1, 1], [1, 1 + e]], [1, 1]), new Float64Array(2))).toBe(false);
    // a relative gap of 1e-12 (well above n·ε) is still solved
    expect(solveSmallDense(2, augmented([[1, 1], [1, 1 + 1e-12]], [1, 1]), new Float64Array(2))).toBe(true);
    // non-finite and all-zero matrices
    expect(solveSmallDense(2, Float64Array.of(NaN, 1, 1, 1, 1, 1), new Float64Array(2))).toBe(false);
    expect(solveSmallDense(2, new Float64Array(6), new Float64Array(2))).toBe(false);
  });

  test('bad shapes throw named errors', () => {
    expect(() => solveSmallDense(0, new Float64Array(0), new Float64Array(0))).toThrow(InvalidArgumentError);
    expect(() => solveSmallDense(2, new Float64Array(5), new Float64Array(2))).toThrow(InvalidTypeError);
    expect(() => solveSmallDense(2, new Float64Array(6), new Float64Array(1))).toThrow(InvalidTypeError);
  });
});
