import { describe, expect, it, jest } from '@jest/globals';
import { InvalidArgumentError, InvalidTypeError, NumericalError } from '../../../src/core/errors';
import { complexMatrix } from '../../../src/linalg/complexDense';
import { expMsfem, initExpMsfem, setupMsfem, type MsfemProblem } from '../../../src/models/msfem/index';
import { msfemEdgeResult } from '../../../src/models/msfem/tasks';
import { msfemCaseProblem } from '../../../src/models/msfem/experiments/cases';
import { highContrastDisks } from '../../../src/models/msfem/experiments/fields';

const ok: MsfemProblem = { coarse: 4, fine: 4, diffusion: 1, source: 1, modes: [1] };

/** Expect `expMsfem(problem)` to throw `type` with a message matching `name`, before any progress report. */
function rejects(problem: MsfemProblem, type: typeof InvalidArgumentError | typeof InvalidTypeError, name: RegExp): void {
  const onProgress = jest.fn();
  expect(() => expMsfem(problem, { onProgress })).toThrow(type);
  expect(() => expMsfem(problem, { onProgress })).toThrow(name);
  expect(() => initExpMsfem(problem)).toThrow(type);
  expect(onProgress).not.toHaveBeenCalled();
}

describe('ExpMsFEM bad input throws named errors before any work (issue "Done means")', () => {
  it('N_f < 2, N_c < 3 and non-integer mesh sizes', () => {
    for (const fine of [1, 0, -3, 2.5, NaN, Infinity]) rejects({ ...ok, fine }, InvalidArgumentError, /problem\.fine/);
    for (const coarse of [1, 2, 3.5, NaN]) rejects({ ...ok, coarse }, InvalidArgumentError, /problem\.coarse/);
    expect(expMsfem({ ...ok, fine: 2, coarse: 3 }).status).toBe('success');
  });

  it('a coefficient that is not positive or not finite where it must be', () => {
    const n = 16;
    const bad = new Float64Array(n * n).fill(1);
    bad[37] = 0;
    for (const diffusion of [0, -1, NaN, Infinity]) rejects({ ...ok, diffusion }, InvalidArgumentError, /problem\.diffusion/);
    rejects({ ...ok, diffusion: bad }, InvalidArgumentError, /problem\.diffusion\[37\]/);
    rejects({ ...ok, diffusion: (x) => (x > 0.5 ? -2 : 1) }, InvalidArgumentError, /problem\.diffusion\[/);
    rejects({ ...ok, diffusion: new Float64Array(n * n - 1).fill(1) }, InvalidTypeError, /problem\.diffusion/);
    // V, β and f may have any sign but must be finite
    rejects({ ...ok, potential: NaN }, InvalidArgumentError, /problem\.potential/);
    rejects({ ...ok, potential: { re: 0, im: (x) => (x < 0.1 ? Infinity : 0) } }, InvalidArgumentError, /problem\.potential\.im\[/);
    rejects({ ...ok, source: (x, y) => (y > 0.9 ? NaN : 1) }, InvalidArgumentError, /problem\.source\[/);
    rejects({ ...ok, boundary: { left: 'R' }, robin: { left: { re: NaN } } }, InvalidArgumentError, /problem\.robin\.left\.re/);
    // the experiments' own parameters
    for (const contrast of [0, -4, NaN]) expect(() => highContrastDisks(contrast)).toThrow(/contrast/);
    expect(() => highContrastDisks(64, 0)).toThrow(/radius/);
  });

  it('a patch that does not fit: an oversampling patch that covers Ω (no prescribed nodes)', () => {
    // the patch of a central edge covers Ω once 2·layers ≥ N_c, so layers ≤ ⌈N_c/2⌉ − 1
    rejects({ ...ok, coarse: 2 }, InvalidArgumentError, /problem\.coarse.*whole square/);
    rejects({ ...ok, coarse: 4, oversamplingLayers: 2 }, InvalidArgumentError, /problem\.oversamplingLayers.*\[1, 1\]/);
    rejects({ ...ok, coarse: 3, oversamplingLayers: 2 }, InvalidArgumentError, /problem\.oversamplingLayers/);
    rejects({ ...ok, coarse: 5, oversamplingLayers: 3 }, InvalidArgumentError, /problem\.oversamplingLayers.*\[1, 2\]/);
    rejects({ ...ok, oversamplingLayers: 0 }, InvalidArgumentError, /problem\.oversamplingLayers/);
    // the largest layer count that fits runs, and at the rank limit it is still exact
    const r = expMsfem({ ...ok, coarse: 5, fine: 4, diffusion: (x, y) => 1 + x * y, oversamplingLayers: 2, modes: [2] });
    expect(r.status).toBe('success');
    expect(r.final.eH[0]).toBeLessThan(1e-12);
  });

  it('k ≤ 0 or not finite in the Helmholtz experiment', () => {
    for (const k of [0, -1, NaN, Infinity]) {
      expect(() => msfemCaseProblem({ case: 'helmholtz', coarse: 4, fine: 4, modes: [1], k })).toThrow(InvalidArgumentError);
      expect(() => msfemCaseProblem({ case: 'helmholtz', coarse: 4, fine: 4, modes: [1], k })).toThrow(/options\.k/);
    }
  });

  it('inconsistent boundary specs', () => {
    rejects({ ...ok, boundary: { left: 'R' } }, InvalidArgumentError, /problem\.robin\.left/);
    rejects({ ...ok, robin: { top: 1 } }, InvalidArgumentError, /problem\.boundary\.top/);
    rejects({ ...ok, boundary: { bottom: 'N', right: 'N', top: 'N', left: 'N' } }, InvalidArgumentError, /pure Neumann/);
    rejects({ ...ok, boundary: { bottom: 'X' as 'D' } }, InvalidArgumentError, /problem\.boundary\.bottom/);
    rejects({ ...ok, modes: [] }, InvalidArgumentError, /problem\.modes/);
    rejects({ ...ok, modes: [2, 0] }, InvalidArgumentError, /problem\.modes\[1\]/);
    rejects({ ...ok, modes: 3 as unknown as number[] }, InvalidTypeError, /problem\.modes/);
    rejects({ ...ok, robin: 5 as unknown as MsfemProblem['robin'] }, InvalidTypeError, /problem\.robin/);
    rejects({ ...ok, reference: 'yes' as unknown as boolean }, InvalidTypeError, /problem\.reference/);
    // pure Neumann is fine when V ≠ 0 makes the problem definite
    expect(expMsfem({ ...ok, potential: 3, boundary: { bottom: 'N', right: 'N', top: 'N', left: 'N' } }).status).toBe('success');
  });
});

/**
 * A fine-element pair (a, V) whose contribution to the diagonal of the Q1 operator vanishes exactly in
 * floating point at h = 1/8: a·K̂₀₀ = q·2t and V·M̂₀₀ = −128t·(q/64) round to ±2·fl(qt), with
 * t = fl(1/3), q = fl(t²). With N_f = 2 a cell's only free node is its center, so its local Dirichlet
 * problem is the 1 × 1 matrix [0]: exactly singular.
 */
function singularCells(cells: number[]): { diffusion: Float64Array; potential: Float64Array } {
  const t = 1 / 3;
  const n = 8;
  const diffusion = new Float64Array(n * n).fill(1);
  const potential = new Float64Array(n * n);
  for (const c of cells) {
    const [ci, cj] = [c % 4, Math.floor(c / 4)];
    for (const j of [2 * cj, 2 * cj + 1]) {
      for (const i of [2 * ci, 2 * ci + 1]) {
        diffusion[j * n + i] = t * t;
        potential[j * n + i] = -128 * t;
      }
    }
  }
  return { diffusion, potential };
}

describe('an ill-posed local problem reports which cell or edge and why', () => {
  it('an exactly singular cell problem: status nonFinite naming the cell, and no work after it', () => {
    const r = expMsfem({ coarse: 4, fine: 2, ...singularCells([5]), source: 1, modes: [1] });
    expect(r.status).toBe('nonFinite');
    expect(r.message).toMatch(/^cell 5: the local Dirichlet problem is singular \(LDLᵀ pivot 0 .* is 0/);
    expect(r.stats.cells).toBe(5);
    expect(r.stats.edges).toBe(0);
    expect(r.final.modes).toEqual([]);
    // the same coefficients away from cell 5 are harmless: a sanity check of the construction
    expect(expMsfem({ coarse: 4, fine: 2, diffusion: 1, potential: singularCells([5]).potential.map(() => 0), source: 1, modes: [1] }).status).toBe('success');
  });

  it('an exactly singular edge patch, and a failure of the edge eigenproblem, name the edge', () => {
    const setup = setupMsfem({ coarse: 4, fine: 2, ...singularCells(Array.from({ length: 16 }, (_, c) => c)), source: 1, modes: [1] });
    const unit = complexMatrix(1, 1, new Float64Array([1, 0]));
    expect(() => msfemEdgeResult(setup, 6, [unit, unit])).toThrow(/^edge 6: the local Dirichlet problem is singular/);
    // N_e = 0 (not positive definite): the reduced eigenproblem's Cholesky fails, and says for which edge
    const periodic = setupMsfem({ coarse: 4, fine: 4, diffusion: 1, source: 1, modes: [1] });
    const zero = complexMatrix(3, 3);
    let err: unknown;
    try {
      msfemEdgeResult(periodic, 6, [zero, zero]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NumericalError);
    expect((err as Error).message).toMatch(/^edge 6: .*Cholesky/);
  });
});
