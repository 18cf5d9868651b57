/**
 * Writes one report into its (temporary) folder: for every figure the Vega-Lite specification
 * (`.vl.json`), a caption file (`.caption.md`), the SVG and, when a rasterizer is available, a PNG;
 * `summary.md` with a status line; `result.json` with the same object `--json` prints.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFigureSpec, checkRenderedFigure } from './figures';
import type { ExperimentOutcome } from './experiment';
import { PLOTTING_HINT, PNG_HINT, renderFigure } from './render';

/** The JSON object of a run (`result.json` and the `--json` line). */
export interface RunRecord {
  /** Experiment name. */
  experiment: string;
  /** How the run ended. */
  status: ExperimentOutcome['status'];
  /** One sentence on how it ended. */
  message: string;
  /** singularis version. */
  version: string;
  /** The seed used (null for deterministic experiments). */
  seed: number | string | null;
  /** Every flag value used (defaults and `--quick` values filled in). */
  flags: Record<string, unknown>;
  /** The parts that completed. */
  completed: string[];
  /** Wall-clock seconds. */
  seconds: number;
  /** Absolute path of the report folder. */
  report: string;
  /** Figure files written (SVG, or .vl.json when vega is missing). */
  figures: string[];
  /** Problems found by the figure checks (empty when every figure is readable). */
  figureProblems: string[];
  /** The experiment's own result. */
  result: Record<string, unknown>;
}

/** Notes for the terminal produced while writing (missing renderer, figure problems). */
export interface WriteNotes {
  /** Lines to print on stderr. */
  notes: string[];
}

/**
 * Render and write everything; returns the record with `figures`/`figureProblems` filled in.
 * @example
 * ```ts
 * const record = await writeReport(tempDir, title, outcome, baseRecord);
 * ```
 */
export async function writeReport(dir: string, title: string, outcome: ExperimentOutcome, base: Omit<RunRecord, 'figures' | 'figureProblems'>): Promise<{ record: RunRecord } & WriteNotes> {
  const notes: string[] = [];
  const figures: string[] = [];
  const figureProblems: string[] = [];
  const sections: string[] = [];
  let plottingMissing = false;
  let pngMissing = false;
  for (const fig of outcome.figures) {
    for (const p of checkFigureSpec(fig)) figureProblems.push(`${fig.name}: ${p}`);
    writeFileSync(join(dir, `${fig.name}.vl.json`), `${JSON.stringify(fig.spec)}\n`);
    writeFileSync(join(dir, `${fig.name}.caption.md`), `${fig.caption.trim()}\n`);
    const rendered = plottingMissing ? null : await renderFigure(fig.spec);
    if (rendered === null) {
      plottingMissing = true;
      figures.push(`${fig.name}.vl.json`);
      sections.push(`Figure \`${fig.name}.vl.json\` (not rendered). ${fig.caption.trim()}\n`);
      continue;
    }
    for (const p of checkRenderedFigure(fig, rendered.svg)) figureProblems.push(`${fig.name}: ${p}`);
    writeFileSync(join(dir, `${fig.name}.svg`), rendered.svg);
    if (rendered.png !== null) writeFileSync(join(dir, `${fig.name}.png`), rendered.png);
    else pngMissing = true;
    figures.push(`${fig.name}.svg`);
    sections.push(`![${fig.name}](${fig.name}.svg)\n\n*${fig.caption.trim()}*\n`);
  }
  if (plottingMissing) notes.push(PLOTTING_HINT);
  else if (pngMissing && outcome.figures.length > 0) notes.push(PNG_HINT);
  for (const p of figureProblems) notes.push(`figure check: ${p}`);
  const files: string[] = [];
  for (const file of outcome.files ?? []) {
    const reserved = file.name === 'result.json' || file.name === 'summary.md' || outcome.figures.some((fig) => file.name.startsWith(`${fig.name}.`));
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(file.name) || reserved) throw new Error(`report file name "${file.name}" is not a plain, unused file name`);
    writeFileSync(join(dir, file.name), file.content);
    files.push(`- \`${file.name}\`: ${file.description}`);
  }
  const record: RunRecord = { ...base, figures, figureProblems };
  const statusLine = outcome.status === 'success'
    ? `Status: **success** (${base.seconds.toFixed(1)} s, singularis ${base.version}).`
    : `Status: **${outcome.status}** — ${outcome.message}${outcome.completed.length > 0 ? ` Completed: ${outcome.completed.join(', ')}.` : ' Nothing completed.'} This is a partial report.`;
  const flagsLine = `Flags: \`${Object.entries(base.flags).filter(([k]) => !['json', 'quiet', 'force', 'yes', 'help'].includes(k)).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`).join(' ')}\``;
  writeFileSync(join(dir, 'summary.md'), `# ${title}\n\n${statusLine}\n\n${flagsLine}\n\n${outcome.summary.trim()}\n\n${files.length > 0 ? `Files:\n\n${files.join('\n')}\n\n` : ''}${sections.join('\n')}`);
  writeFileSync(join(dir, 'result.json'), `${JSON.stringify(record, null, 2)}\n`);
  return { record, notes };
}
