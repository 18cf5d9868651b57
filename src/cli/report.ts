/**
 * Report folders written by `singularis reproduce`: figures, a markdown summary and the JSON
 * result, plus the one-line JSON on stdout that `--json` promises.
 *
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Accumulates the files of one report and writes them into `dir`. */
export class Report {
  /** Absolute path of the report folder. */
  readonly dir: string;
  private readonly sections: string[] = [];

  /** @param dir - the folder (created if missing) */
  constructor(dir: string) {
    this.dir = resolve(dir);
    mkdirSync(this.dir, { recursive: true });
  }

  /** Write an SVG figure and reference it from the summary under `caption`. */
  figure(name: string, svg: string, caption: string): void {
    writeFileSync(join(this.dir, name), svg);
    this.sections.push(`![${caption}](${name})\n\n*${caption}*\n`);
  }

  /** Append markdown text to the summary. */
  text(markdown: string): void {
    this.sections.push(markdown);
  }

  /** Write `summary.md` (titled) and `result.json`; returns the summary path. */
  finish(title: string, result: unknown): string {
    const path = join(this.dir, 'summary.md');
    writeFileSync(path, `# ${title}\n\n${this.sections.join('\n')}\n`);
    writeFileSync(join(this.dir, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
    return path;
  }
}

/** Print the machine-readable result as the last line of stdout. */
export function printJsonLine(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
