/**
 * Report folders of experiments written before the shared CLI layer (kept so that they compile
 * while they are ported; see docs/cli.md). New experiments return their outcome to the layer,
 * which writes the report atomically with checked figures and captions.
 *
 * @deprecated use `defineExperiment` (src/cli/framework/experiment.ts)
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Accumulates the files of one report and writes them into `dir`.
 * @deprecated the shared layer writes reports (docs/cli.md)
 */
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

/**
 * Print the machine-readable result as the last line of stdout.
 * @deprecated the shared layer prints the `--json` object (docs/cli.md)
 */
export function printJsonLine(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
