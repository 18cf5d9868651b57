import { describe, expect, it } from '@jest/globals';
import { expMsfem, type MsfemProblem } from '../../../src/models/msfem/index';
import { msfemCaseProblem } from '../../../src/models/msfem/experiments/cases';

// With m = N_f − 2 eigenfunctions plus the edge bubble, every edge's N_f − 1 fine DOFs are spanned,
// so the multiscale space contains the fine solution and u_ms equals it to round-off (thesis
// lines 5145–5149). N_c = 4, N_f = 6.
const small = { coarse: 4, fine: 6 } as const;

function exactAt(problem: MsfemProblem, modes: number[]): { eH: number[]; eL2: number[] } {
  const r = expMsfem({ ...problem, modes });
  expect(r.status).toBe('success');
  return r.final;
}

describe('ExpMsFEM exactness at the rank limit (spec check 7)', () => {
  const cases: [string, MsfemProblem][] = [
    ['(a) periodic', msfemCaseProblem({ case: 'periodic', ...small, modes: [4] })],
    ['(b) high contrast 2⁶', msfemCaseProblem({ case: 'high-contrast', ...small, modes: [4], contrast: 64, radius: 0.04 })],
    ['(c) Helmholtz Petrov', msfemCaseProblem({ case: 'helmholtz', ...small, modes: [4], k: 8, galerkin: 'petrov' })],
    ['(d) Helmholtz Ritz (sesquilinear)', msfemCaseProblem({ case: 'helmholtz', ...small, modes: [4], k: 8, galerkin: 'ritz' })],
    [
      '(e) mixed D/N/R with complex V and β',
      {
        ...small,
        diffusion: (x, y) => 1 + 0.5 * Math.sin(17 * x * y),
        potential: { re: (x) => -30 * (1 + x), im: 5 },
        boundary: { bottom: 'D', right: 'R', top: 'N', left: 'R' },
        robin: { right: { re: -1, im: 6 }, left: { re: 0.5, im: (x, y) => 4 + y } },
        source: (x, y) => x - y * y + 1,
      },
    ],
  ];
  for (const [name, problem] of cases) {
    it(`${name}: e_H, e_L2 ≤ 1e-12 at m = N_f − 2 with the edge bubble, and at m = N_f − 1 (rank handling)`, () => {
      const { eH, eL2 } = exactAt(problem, [4, 5]);
      for (const e of [...eH, ...eL2]) expect(e).toBeLessThan(1e-12);
    });
  }

  it('without edge bubbles (H+bubble) the rank limit m = N_f − 1 is exact too; at m = 1 it is not', () => {
    const p = msfemCaseProblem({ case: 'periodic', ...small, modes: [1, 5], variant: 'h-bubble' });
    const { eH } = exactAt(p, [1, 5]);
    expect(eH[0]).toBeGreaterThan(1e-3);
    expect(eH[1]).toBeLessThan(1e-12);
  });
});
