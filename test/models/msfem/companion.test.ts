import { describe, expect, it } from '@jest/globals';
import { companionComparison, companionMarkdown } from '../../../src/models/msfem/experiments/companion';
import type { MsfemCaseReport } from '../../../src/models/msfem/experiments/cases';

// our thesis-scale periodic run (docs/msfem.md, "Thesis scale"): N_c = N_f = 32, m = 1..7
const periodic: MsfemCaseReport = {
  case: 'periodic',
  coarse: 32,
  fine: 32,
  modes: [1, 2, 3, 4, 5, 6, 7],
  eH: [6.62e-2, 1.68e-2, 6.56e-3, 1.07e-3, 2.52e-4, 6.58e-5, 2.83e-5],
  eL2: [4.27e-3, 3.45e-4, 7.16e-5, 6.76e-6, 1.54e-6, 3.17e-7, 1.18e-7],
  dofs: [4929, 6913, 8897, 10881, 12865, 14849, 16833],
  fineEnergy: 0.018871206,
  offlineSeconds: 0,
  onlineSeconds: 0,
  referenceSeconds: 0,
  status: 'success',
  message: '',
};

describe('companion comparison (spec check 15)', () => {
  it('converts the stored energy errors by (u_refᵀK u_ref)^{1/4} and applies the factor-2 band per m', () => {
    const rows = companionComparison(periodic)!;
    expect(rows.map((r) => r.m)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // stored 2.45e-2 / 0.018871206^{1/4} = 6.610e-2 (the fourth root is 0.370636…)
    expect(rows[0].companionEH).toBeCloseTo(2.45e-2 / Math.sqrt(Math.sqrt(0.018871206)), 15);
    expect(rows[0].companionEH).toBeCloseTo(6.61e-2, 4);
    expect(rows[0].companionEL2).toBe(4.27e-3);
    expect(rows[6].companionRatio).toBeCloseTo(2.3e-5 / 2.45e-2, 15);
    // m = 6: e_L2 1.95× smaller (inside), m = 7: e_H 2.2× and e_L2 2.7× smaller (outside)
    expect(rows.map((r) => r.withinFactor2)).toEqual([true, true, true, true, true, true, false]);
    const md = companionMarkdown(periodic, rows);
    expect(md.split('\n').filter((l) => l.startsWith('| 7 |'))[0]).toMatch(/\| no \|$/);
  });

  it('has nothing to compare for other meshes, the Helmholtz case, or a failed reference', () => {
    expect(companionComparison({ ...periodic, coarse: 8, fine: 16 })).toBeUndefined();
    expect(companionComparison({ ...periodic, case: 'helmholtz' })).toBeUndefined();
    expect(companionComparison({ ...periodic, fineEnergy: NaN })).toBeUndefined();
    expect(companionComparison({ ...periodic, modes: [2, 3], eH: [1, 1], eL2: [1, 1] })).toBeUndefined();
  });
});
