import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { solveQ1Dirichlet } from '../../../src/fem/index';
import { quadraticForm, setupMsfem } from '../../../src/models/msfem/index';
import { globalMatrices } from '../../../src/models/msfem/problem';
import { msfemCaseProblem } from '../../../src/models/msfem/experiments/cases';

const fixture = JSON.parse(readFileSync(join(__dirname, '../../fixtures/msfem/fine_energies.json'), 'utf8'));

function energies(kase: 'periodic' | 'high-contrast', n: number): { energy: number; mass: number } {
  const setup = setupMsfem(msfemCaseProblem({ case: kase, coarse: n / 8, fine: 8, modes: [1], contrast: 2 ** 10 }));
  const { Kop, Knrm, M, F } = globalMatrices(setup);
  const dir = setup.grid.classifyNodes({ bottom: 'D', right: 'D', top: 'D', left: 'D' }).dirichlet;
  const { u } = solveQ1Dirichlet(setup.grid, Kop, F, dir);
  return { energy: quadraticForm(Knrm, u, 1), mass: quadraticForm(M, u, 1) };
}

describe('fine reference energies (spec check 17) against an independent scipy assembly', () => {
  for (const kase of ['periodic', 'high-contrast'] as const) {
    it(`${kase}: u_refᵀK u_ref and u_refᵀM u_ref at h = 1/32, 1/64, 1/128 to 1e-10`, () => {
      const ours = [32, 64, 128].map((n) => energies(kase, n));
      ours.forEach((e, k) => {
        const ref = fixture[kase][String(32 * 2 ** k)];
        expect(Math.abs(e.energy / ref.energy - 1)).toBeLessThan(1e-10);
        expect(Math.abs(e.mass / ref.mass - 1)).toBeLessThan(1e-10);
      });
      if (kase === 'periodic') {
        // converging in h: successive differences shrink through h = 1/1024 (h ≤ 1/256 from the fixture)
        const seq = [...ours.map((e) => e.energy), ...['256', '512', '1024'].map((n) => fixture.periodic[n].energy)];
        for (let k = 2; k < seq.length; k++) expect(Math.abs(seq[k] - seq[k - 1])).toBeLessThan(Math.abs(seq[k - 1] - seq[k - 2]));
      }
    });
  }
});
