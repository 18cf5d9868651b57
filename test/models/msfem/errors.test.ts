import { describe, expect, it } from '@jest/globals';
import { assembleQ1Mass, assembleQ1Norm } from '../../../src/fem/index';
import { StructuredGrid2D } from '../../../src/grid/structuredGrid2d';
import { quadraticForm, relativeErrors } from '../../../src/models/msfem/errors';

describe('relative errors of thesis (4.4.1)', () => {
  it('e_H = sqrt(eᴴKe/uᴴKu) for a known e = αu, |α| = 0.5 (not the companion code’s sqrt(eᴴKe/sqrt(uᴴKu)))', () => {
    const grid = new StructuredGrid2D(6, 6);
    const K = assembleQ1Norm(grid, { diffusion: 3, potential: { re: -2, im: 1 } });
    const M = assembleQ1Mass(grid);
    const xy = grid.nodeCoordinates();
    const u = new Float64Array(2 * grid.nodeCount);
    for (let n = 0; n < grid.nodeCount; n++) {
      u[2 * n] = 10 * Math.sin(3 * xy[2 * n]) * xy[2 * n + 1];
      u[2 * n + 1] = 7 * xy[2 * n] * xy[2 * n];
    }
    // u_ms = u − αu with α = 0.3 + 0.4i, so e = αu and both relative errors are exactly 0.5
    const ums = new Float64Array(u.length);
    for (let n = 0; n < grid.nodeCount; n++) {
      const [a, b] = [u[2 * n], u[2 * n + 1]];
      ums[2 * n] = a - (0.3 * a - 0.4 * b);
      ums[2 * n + 1] = b - (0.3 * b + 0.4 * a);
    }
    const { eH, eL2 } = relativeErrors(K, M, u, ums, 2);
    expect(eH).toBeCloseTo(0.5, 14);
    expect(eL2).toBeCloseTo(0.5, 14);
    const energy = quadraticForm(K, u, 2);
    expect(Math.abs(energy - 1)).toBeGreaterThan(0.5);
    const quirky = Math.sqrt((0.25 * energy) / Math.sqrt(energy));
    expect(Math.abs(quirky - eH)).toBeGreaterThan(0.1);
  });
});
