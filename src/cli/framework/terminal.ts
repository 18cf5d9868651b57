/**
 * The command's output contract: stdout carries the answer (one JSON object under `--json`, the
 * human tables otherwise); stderr carries tables under `--json`, progress, warnings and errors.
 * Progress redraws one line in place on a terminal and prints one line every few seconds
 * otherwise; `--quiet` silences progress and tables. A closed pipe (`| head`) ends output quietly.
 *
 * @module
 */

/** Seconds between progress lines when stderr is not a terminal. */
const LOG_INTERVAL_MS = 5000;
/** Milliseconds between redraws on a terminal. */
const TTY_INTERVAL_MS = 200;

let pipeGuarded = false;
const closed = { stdout: false, stderr: false };

/** Make EPIPE on stdout/stderr end that stream's output silently instead of crashing. */
export function guardPipes(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  for (const name of ['stdout', 'stderr'] as const) {
    process[name].on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') closed[name] = true;
      else throw err;
    });
  }
}

function write(name: 'stdout' | 'stderr', text: string): void {
  if (closed[name] || text === '') return;
  try {
    process[name].write(text);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EPIPE') closed[name] = true;
    else throw err;
  }
}

/** Print to stdout (dropped once the reader has gone). */
export function writeOut(text: string): void {
  write('stdout', text);
}

/** Print to stderr. */
export function writeErr(text: string): void {
  write('stderr', text);
}

/** Output of one command run, honoring `--json` and `--quiet`. */
export class Terminal {
  private readonly json: boolean;
  private readonly quiet: boolean;
  private readonly tty: boolean;
  private lastDraw = 0;
  private drawn = false;
  private shown = 0;
  private readonly started = Date.now();

  /** @param options - `json`: tables go to stderr; `quiet`: no progress, no tables */
  constructor(options: { json: boolean; quiet: boolean }) {
    this.json = options.json;
    this.quiet = options.quiet;
    this.tty = process.stderr.isTTY === true;
    guardPipes();
  }

  /** Human-readable output (tables, sentences). */
  human(text: string): void {
    if (this.quiet) return;
    this.clearLine();
    const line = text.endsWith('\n') ? text : `${text}\n`;
    if (this.json) writeErr(line);
    else writeOut(line);
  }

  /** A warning or error line on stderr (never silenced). */
  error(text: string): void {
    this.clearLine();
    writeErr(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** A note on stderr (silenced by `--quiet`). */
  note(text: string): void {
    if (this.quiet) return;
    this.error(text);
  }

  /** Progress of the whole run: first report at once, then throttled. */
  progress(label: string, fraction: number): void {
    if (this.quiet) return;
    const now = Date.now();
    const interval = this.tty ? TTY_INTERVAL_MS : LOG_INTERVAL_MS;
    if (this.lastDraw !== 0 && now - this.lastDraw < interval) return;
    this.lastDraw = now;
    const f = Math.max(this.shown, Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0)));
    this.shown = f;
    const elapsed = (now - this.started) / 1000;
    const eta = f > 0.01 ? ` ETA ${Math.round((elapsed * (1 - f)) / f)}s` : '';
    const text = `${label} ${(100 * f).toFixed(1)}% ${elapsed.toFixed(0)}s elapsed${eta}`;
    if (this.tty) {
      const width = 24;
      const filled = Math.round(f * width);
      writeErr(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`);
      this.drawn = true;
    } else {
      writeErr(`progress: ${text}\n`);
    }
  }

  /** Erase the in-place progress line before other output. */
  clearLine(): void {
    if (this.drawn) {
      writeErr('\r\x1b[2K');
      this.drawn = false;
    }
  }

  /** Print the machine-readable result: exactly one JSON object on stdout. */
  jsonResult(value: unknown): void {
    this.clearLine();
    writeOut(`${JSON.stringify(value)}\n`);
  }
}
