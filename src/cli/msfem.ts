/**
 * `singularis reproduce msfem`: the three ExpMsFEM experiments of thesis §4.4 — e_H and e_L2
 * against the number m of edge modes (one curve per N_c, as Figs. 4.3, 4.4, 4.6), a picture of the
 * coefficient field, a markdown summary and a one-line JSON result. The experiment code lives in
 * `models/msfem/experiments`; this file only parses flags and writes the report.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { MSFEM_CASES, msfemCaseProblem, runMsfemCase, type MsfemCaseName, type MsfemCaseOptions, type MsfemCaseReport } from '../models/msfem/experiments/cases';
import { lineChart, renderSvg, type Rows } from './plot';
import { Report, printJsonLine } from './report';
import { formatTable, sci } from './table';

const USAGE = `Usage: singularis reproduce msfem [options]

  --case periodic|high-contrast|helmholtz   thesis §4.4.1 / §4.4.2 / §4.4.3 (default periodic)
  --coarse LIST        N_c = 1/H, comma-separated for one curve each (default 8; thesis 32)
  --fine LIST          N_f = H/h, one value or one per N_c (default 16; thesis 32)
  --modes SPEC         m values, e.g. 1-7 or 1,2,4 (default 1-7, capped at N_f − 1)
  --contrast M         high-contrast value (default 1024)
  --k K                Helmholtz wavenumber (default 32, the thesis's "k = 25" read as 2⁵)
  --variant exp|h-bubble|oh                 method variant (default exp)
  --galerkin petrov|ritz|ritz-conj          Galerkin form (default petrov; ritz-conj: S + S̄, complex cases only)
  --workers N          accepted for compatibility; local problems run serially in this version
  --quick              N_c = 4, N_f = 8, m = 1-4 (seconds)
  --out DIR            report folder (default msfem-report)
  --json               print one JSON object as the last line of stdout
`;

/** Parse `1-7` or `1,2,4` into a list of positive integers; undefined when malformed. */
export function parseModes(spec: string): number[] | undefined {
  const out: number[] = [];
  for (const part of spec.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (m === null) return undefined;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (a < 1 || b < a) return undefined;
    for (let k = a; k <= b; k++) out.push(k);
  }
  return out.length > 0 ? out : undefined;
}

function parseList(spec: string): number[] | undefined {
  const out = spec.split(',').map((s) => Number(s.trim()));
  return out.every((v) => Number.isInteger(v) && v >= 2) ? out : undefined;
}

/** Heat map of a coefficient on a 96 × 96 sample of the unit square (log₁₀ for the high-contrast case). */
async function fieldFigure(options: MsfemCaseOptions): Promise<string> {
  const p = msfemCaseProblem({ ...options, coarse: 2, fine: 2 });
  const a = p.diffusion as (x: number, y: number) => number;
  const rows: Rows = [];
  const n = 96;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = a((i + 0.5) / n, (j + 0.5) / n);
      rows.push({ x: i / n, y: j / n, value: options.case === 'high-contrast' ? Math.log10(v) : v });
    }
  }
  return renderSvg({
    title: options.case === 'high-contrast' ? 'log₁₀ A' : 'A',
    width: 320,
    height: 320,
    data: { values: rows },
    mark: { type: 'rect' },
    encoding: {
      x: { field: 'x', type: 'quantitative', bin: { maxbins: n }, title: 'x₁' },
      y: { field: 'y', type: 'quantitative', bin: { maxbins: n }, title: 'x₂' },
      color: { field: 'value', type: 'quantitative', aggregate: 'mean', title: '' },
    },
  });
}

/**
 * Run the experiment; returns the process exit code (0 on success, 1 when a run stopped early,
 * 2 on bad arguments).
 * @example
 * ```ts
 * await msfemExperiment(['--case', 'periodic', '--quick', '--json']);
 * ```
 */
export async function msfemExperiment(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        case: { type: 'string', default: 'periodic' }, coarse: { type: 'string' }, fine: { type: 'string' }, modes: { type: 'string' },
        contrast: { type: 'string', default: '1024' }, k: { type: 'string', default: '32' }, variant: { type: 'string', default: 'exp' },
        galerkin: { type: 'string', default: 'petrov' }, workers: { type: 'string', default: '1' }, quick: { type: 'boolean', default: false },
        out: { type: 'string', default: 'msfem-report' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) { process.stdout.write(USAGE); return 0; }
  const kase = values.case as MsfemCaseName;
  const coarse = parseList(values.coarse ?? (values.quick ? '4' : '8'));
  const fineList = parseList(values.fine ?? (values.quick ? '8' : '16'));
  const modes = parseModes(values.modes ?? (values.quick ? '1-4' : '1-7'));
  const contrast = Number(values.contrast);
  const k = Number(values.k);
  const variant = values.variant as MsfemCaseOptions['variant'];
  const galerkin = (values.galerkin === 'ritz-conj' ? 'ritzConj' : values.galerkin) as MsfemCaseOptions['galerkin'];
  const bad =
    !MSFEM_CASES.includes(kase) || coarse === undefined || fineList === undefined || modes === undefined || !(contrast > 0) || !(k > 0) ||
    !['exp', 'h-bubble', 'oh'].includes(variant as string) || !['petrov', 'ritz', 'ritzConj'].includes(galerkin as string) || (galerkin === 'ritzConj' && kase !== 'helmholtz') ||
    (fineList.length !== 1 && fineList.length !== coarse.length) || !(Number(values.workers) >= 1);
  if (bad) {
    process.stderr.write(`invalid arguments\n${USAGE}`);
    return 2;
  }
  const reports: MsfemCaseReport[] = [];
  const started = Date.now();
  for (let q = 0; q < coarse.length; q++) {
    const fine = fineList.length === 1 ? fineList[0] : fineList[q];
    let last = 0;
    const onProgress = (info: { fraction: number }) => {
      const now = Date.now();
      if (now - last < 1000) return;
      last = now;
      process.stderr.write(`\rN_c = ${coarse[q]}, N_f = ${fine}: ${(100 * info.fraction).toFixed(1)}%   `);
    };
    const { report } = runMsfemCase({ case: kase, coarse: coarse[q], fine, modes, contrast, k, variant, galerkin }, { onProgress });
    process.stderr.write(`\rN_c = ${coarse[q]}, N_f = ${fine}: ${report.status} in ${(report.offlineSeconds + report.onlineSeconds + report.referenceSeconds).toFixed(1)} s\n`);
    reports.push(report);
  }
  const rows: Rows = [];
  for (const r of reports) {
    r.modes.forEach((m, i) => {
      rows.push({ m, error: r.eH[i], series: `e_H, N_c = ${r.coarse}` });
      rows.push({ m, error: r.eL2[i], series: `e_L2, N_c = ${r.coarse}` });
    });
  }
  const report = new Report(values.out);
  const fig = { periodic: '4.3', 'high-contrast': '4.4', helmholtz: '4.6' }[kase];
  report.figure('errors.svg', await lineChart(rows.filter((r) => Number(r.error) > 0), { x: 'm', y: 'error', series: 'series', logY: true, points: true, title: `ExpMsFEM ${kase}: relative errors against m (cf. Fig. ${fig})` }), `e_H and e_L2 against m (cf. thesis Fig. ${fig})`);
  report.figure('coefficient.svg', await fieldFigure({ case: kase, coarse: 2, fine: 2, modes: [1], contrast }), 'The coefficient A');
  const table = formatTable(
    ['N_c', 'N_f', 'm', 'DOFs', 'e_H', 'e_L2'],
    reports.flatMap((r) => r.modes.map((m, i) => [String(r.coarse), String(r.fine), String(m), String(r.dofs[i]), sci(r.eH[i]), sci(r.eL2[i])])),
  );
  const timing = reports.map((r) => `N_c = ${r.coarse}, N_f = ${r.fine}: offline ${r.offlineSeconds.toFixed(2)} s, online ${r.onlineSeconds.toFixed(2)} s, fine reference ${r.referenceSeconds.toFixed(2)} s; ${r.status} ${r.message}`).join('\n\n');
  report.text(`Case ${kase}, variant ${variant}, ${galerkin} Galerkin${kase === 'helmholtz' ? `, k = ${k}` : kase === 'high-contrast' ? `, M = ${contrast}` : ''}.\n\n\`\`\`\n${table}\n\`\`\`\n\n${timing}\n`);
  const first = reports[0];
  const result = { ...first, runs: reports, variant, galerkin, seconds: (Date.now() - started) / 1000 };
  const summary = report.finish(`ExpMsFEM — ${kase}`, result);
  process.stdout.write(`${table}\nreport: ${summary}\n`);
  if (values.json) printJsonLine(result);
  return reports.every((r) => r.status === 'success') ? 0 : 1;
}
