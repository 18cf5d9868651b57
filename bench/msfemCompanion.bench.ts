/**
 * Spec check 15: ExpMsFEM at the thesis scale (H = 1/32, h = 1/1024, m = 1..7) against the authors'
 * stored outputs for the periodic and high-contrast (M = 2¹⁰) Exp rows, with the companion's energy
 * errors converted by our own (u_refᵀK u_ref)^{1/4}. Writes the table of each case into
 * `docs/msfem-companion-<case>.md` (only at N_c = N_f = 32, where companion numbers exist) and prints it.
 * Long: about 45 minutes per case on one loaded core, 4 GiB.
 *
 * Run: npx tsx bench/msfemCompanion.bench.ts [periodic|high-contrast|both=both] [N_c=32] [N_f=32]
 *      npx tsx bench/msfemCompanion.bench.ts periodic 4 4     # smoke run: prints, writes nothing
 */
import { writeFileSync } from 'node:fs';
import { runMsfemCase, type MsfemCaseName } from '../src/models/msfem/experiments/cases';
import { companionComparison, companionMarkdown } from '../src/models/msfem/experiments/companion';

const which = process.argv[2] ?? 'both';
const coarse = Number(process.argv[3] ?? 32);
const fine = Number(process.argv[4] ?? 32);
const cases: MsfemCaseName[] = which === 'both' ? ['periodic', 'high-contrast'] : [which as MsfemCaseName];

for (const c of cases) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let last = t0;
  const { report } = runMsfemCase(
    { case: c, coarse, fine, modes: [1, 2, 3, 4, 5, 6, 7], contrast: 2 ** 10 },
    {
      onProgress: (i) => {
        const now = performance.now();
        if (now - last > 60000) {
          last = now;
          process.stderr.write(`  ${c}: ${(100 * i.fraction).toFixed(0)}% after ${((now - t0) / 1000).toFixed(0)} s\n`);
        }
      },
    },
  );
  const cpu = process.cpuUsage(cpu0);
  const timing = `${report.status}; wall ${((performance.now() - t0) / 1000).toFixed(0)} s under load (offline ${report.offlineSeconds.toFixed(0)} s, online ${report.onlineSeconds.toFixed(0)} s, fine reference ${report.referenceSeconds.toFixed(0)} s), CPU ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s, peak RSS ${(process.resourceUsage().maxRSS / 2 ** 20).toFixed(2)} GiB`;
  const rows = report.status === 'success' ? companionComparison(report) : undefined;
  if (rows === undefined) {
    console.log(`${c} N_c = ${coarse}, N_f = ${fine}: ${timing}; no companion numbers for this mesh (or the run failed: ${report.message}), nothing written`);
    console.log(`  e_H ${report.eH.map((v) => v.toExponential(2)).join(' ')}`);
    continue;
  }
  const md = `# ExpMsFEM against the companion code: ${c}\n\nWritten by \`npx tsx bench/msfemCompanion.bench.ts ${c}\` on ${new Date().toISOString().slice(0, 10)} (spec check 15; see docs/msfem.md). ${timing}.\n\n${companionMarkdown(report, rows)}`;
  console.log(md); // printed first: the table survives a failed write
  const file = new URL(`../docs/msfem-companion-${c}.md`, import.meta.url);
  writeFileSync(file, md);
  console.log(`written to ${file}`);
}
