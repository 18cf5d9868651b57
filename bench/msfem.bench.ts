/**
 * ExpMsFEM experiments of thesis §4.4 at bench scale, with the offline/online split and the fine
 * reference solve, and (for the periodic and high-contrast cases at N_c = N_f = 32) the comparison
 * with the authors' stored numbers (spec §8, energy errors converted from their
 * `sqrt(eᵀKe/sqrt(uᵀKu))` by dividing by (uᵀKu)^{1/4} of our own fine solution).
 * Times are measured under load; the process's CPU time is printed too (on a shared machine it is
 * what one idle core would need, wall time is larger).
 *
 * Run: npx tsx bench/msfem.bench.ts [case=all] [N_c=8] [N_f=16] [modes=1-7]
 *      npx tsx bench/msfem.bench.ts periodic 32 32 1-7      # thesis scale
 */
import { MSFEM_CASES, runMsfemCase, type MsfemCaseName } from '../src/models/msfem/experiments/cases';
import { MSFEM_COMPANION as COMPANION } from '../src/models/msfem/experiments/companion';

const which = process.argv[2] ?? 'all';
const coarse = Number(process.argv[3] ?? 8);
const fine = Number(process.argv[4] ?? 16);
const [m0, m1] = (process.argv[5] ?? '1-7').split('-').map(Number);
const modes = Array.from({ length: m1 - m0 + 1 }, (_, k) => m0 + k);
const cases: MsfemCaseName[] = which === 'all' ? [...MSFEM_CASES] : [which as MsfemCaseName];

for (const c of cases) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let last = 0;
  const { report } = runMsfemCase(
    { case: c, coarse, fine, modes, contrast: 2 ** 10 },
    {
      onProgress: (i) => {
        const now = performance.now();
        if (now - last > 30000) {
          last = now;
          process.stderr.write(`  ${c}: ${(100 * i.fraction).toFixed(0)}% after ${((now - t0) / 1000).toFixed(0)} s, rss ${(process.memoryUsage().rss / 2 ** 30).toFixed(2)} GiB\n`);
        }
      },
    },
  );
  const total = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  console.log(`\n${c}: N_c = ${coarse}, N_f = ${fine} (h = 1/${coarse * fine}); ${report.status} ${report.message}`);
  console.log(`  CPU time of the process (all threads) ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (what one idle core would take; wall time under load is larger)`);
  console.log(`  total ${total.toFixed(1)} s: offline ${report.offlineSeconds.toFixed(1)} s, online ${report.onlineSeconds.toFixed(1)} s, fine reference ${report.referenceSeconds.toFixed(1)} s; rss ${(process.memoryUsage().rss / 2 ** 30).toFixed(2)} GiB`);
  console.log(`  fine energy u_refᵀK_nrm u_ref = ${report.fineEnergy.toPrecision(8)}`);
  const comp = coarse === 32 && fine === 32 ? COMPANION[c] : undefined;
  console.log('  m   DOFs     e_H        e_L2' + (comp ? '      | companion e_H (converted)  e_L2   ratios e_H(m)/e_H(1) ours / companion' : ''));
  report.modes.forEach((m, i) => {
    let line = `  ${m}  ${String(report.dofs[i]).padStart(6)}  ${report.eH[i].toExponential(2)}  ${report.eL2[i].toExponential(2)}`;
    if (comp !== undefined && m <= 7) {
      const eHc = comp.Hsaved[m - 1] / report.fineEnergy ** 0.25;
      const r0 = comp.Hsaved[0] / report.fineEnergy ** 0.25;
      line += `  | ${eHc.toExponential(2)}  ${comp.L[m - 1].toExponential(2)}   ${(report.eH[i] / report.eH[0]).toExponential(2)} / ${(eHc / r0).toExponential(2)}`;
    }
    console.log(line);
  });
}
