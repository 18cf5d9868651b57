/**
 * The comparison of thesis §4.4's experiments at the thesis scale (H = 1/32, h = 1/1024) with the stored
 * outputs of the authors' MATLAB companion code (the Exp rows of the periodic and high-contrast M = 2¹⁰
 * runs, m = 1..7). The companion's elliptic scripts store the energy error as `sqrt(eᵀKe/sqrt(uᵀKu))`
 * instead of the relative error of thesis (4.4.1), so its values are divided by `(u_refᵀK u_ref)^{1/4}`
 * of our own fine reference before comparison; its relative L² errors are compared as stored. Used by
 * `bench/msfem.bench.ts` and `bench/msfemCompanion.bench.ts` (which writes the table into docs/).
 *
 * @module
 */
import type { MsfemCaseName, MsfemCaseReport } from './cases';

/** Stored companion errors for m = 1..7 at N_c = N_f = 32. */
export interface CompanionErrors {
  /** Relative L² errors as stored. */
  L: readonly number[];
  /** Energy errors as stored, `sqrt(eᵀKe/sqrt(uᵀKu))`. */
  Hsaved: readonly number[];
}

/** The companion code's stored Exp errors (periodic; high contrast with M = 2¹⁰), m = 1..7. */
export const MSFEM_COMPANION: Partial<Record<MsfemCaseName, CompanionErrors>> = {
  periodic: { L: [4.27e-3, 3.5e-4, 8.12e-5, 7.97e-6, 1.66e-6, 6.18e-7, 3.17e-7], Hsaved: [2.45e-2, 6.3e-3, 2.6e-3, 4.66e-4, 1.01e-4, 4.24e-5, 2.3e-5] },
  'high-contrast': { L: [3.22e-4, 1.51e-5, 2.47e-6, 2.49e-7, 7.75e-8, 2.44e-8, 7.5e-9], Hsaved: [5.94e-3, 6.95e-4, 2.11e-4, 2.16e-5, 9.75e-6, 3.63e-6, 1.34e-6] },
};

/** One row of the comparison (one m). */
export interface CompanionRow {
  /** Number of edge eigenfunctions. */
  m: number;
  /** Global DOFs of our run. */
  dofs: number;
  /** Our e_H. */
  eH: number;
  /** The companion's e_H, converted. */
  companionEH: number;
  /** Our e_L2. */
  eL2: number;
  /** The companion's e_L2. */
  companionEL2: number;
  /** Our e_H(m)/e_H(1). */
  ratio: number;
  /** The companion's e_H(m)/e_H(1). */
  companionRatio: number;
  /** Both errors within a factor 2 of the companion's (spec check of the comparison). */
  withinFactor2: boolean;
}

/**
 * The rows of the comparison for a run at N_c = N_f = 32 whose modes start at m = 1; `undefined` when no
 * companion numbers exist for that case or mesh. O(m).
 * @example
 * ```ts
 * const rows = companionComparison(report); // report of runMsfemCase({ case: 'periodic', coarse: 32, fine: 32, modes: [1, 2, 3] })
 * ```
 */
export function companionComparison(report: MsfemCaseReport): CompanionRow[] | undefined {
  const comp = MSFEM_COMPANION[report.case];
  if (comp === undefined || report.coarse !== 32 || report.fine !== 32 || report.modes[0] !== 1 || !(report.fineEnergy > 0)) return undefined;
  const scale = report.fineEnergy ** 0.25;
  const rows: CompanionRow[] = [];
  report.modes.forEach((m, i) => {
    if (m > comp.L.length) return;
    const companionEH = comp.Hsaved[m - 1] / scale;
    const within = (a: number, b: number): boolean => Math.max(a / b, b / a) <= 2;
    rows.push({
      m,
      dofs: report.dofs[i],
      eH: report.eH[i],
      companionEH,
      eL2: report.eL2[i],
      companionEL2: comp.L[m - 1],
      ratio: report.eH[i] / report.eH[0],
      companionRatio: comp.Hsaved[m - 1] / comp.Hsaved[0],
      withinFactor2: within(report.eH[i], companionEH) && within(report.eL2[i], comp.L[m - 1]),
    });
  });
  return rows;
}

/**
 * The comparison as a Markdown table (one row per m), with a header line naming the case and the fine
 * energy used for the conversion.
 * @example
 * ```ts
 * const md = companionMarkdown(report, companionComparison(report)!);
 * ```
 */
export function companionMarkdown(report: MsfemCaseReport, rows: readonly CompanionRow[]): string {
  const e = (v: number): string => v.toExponential(2);
  const lines = [
    `${report.case}, N_c = ${report.coarse}, N_f = ${report.fine} (h = 1/${report.coarse * report.fine}); fine energy u_refᵀK_nrm u_ref = ${report.fineEnergy.toPrecision(8)}; companion e_H converted by its fourth root.`,
    '',
    '| m | DOFs | e_H (ours) | e_H (companion, converted) | e_L2 (ours) | e_L2 (companion) | e_H(m)/e_H(1) ours / companion | within 2× |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.m} | ${r.dofs} | ${e(r.eH)} | ${e(r.companionEH)} | ${e(r.eL2)} | ${e(r.companionEL2)} | ${e(r.ratio)} / ${e(r.companionRatio)} | ${r.withinFactor2 ? 'yes' : 'no'} |`),
  ];
  return lines.join('\n') + '\n';
}
