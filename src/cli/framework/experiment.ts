/**
 * The contract between `singularis reproduce` and one experiment: the experiment declares its
 * flags, a work estimate and a `run` that uses the context's signal and progress, and returns its
 * outcome (status, JSON result, markdown summary, figure specifications). The shared layer does
 * everything else: parsing, validation, `--help`, `--quick`, output-folder checks, the work
 * estimate, interrupts, progress, atomic reports, figures and captions, `--json`. See docs/cli.md.
 *
 * @module
 */
import type { FlagSpecs, FlagValues } from './flags';
import type { FigureSpec } from './figures';
import type { RunOptions } from '../../core/run';

/** How a reproduction ended: a library run status, or `'error'` for an exception. */
export type OutcomeStatus = 'success' | 'maxSteps' | 'aborted' | 'nonFinite' | 'diverged' | 'error';

/** What an experiment's `run` returns; written to the report whatever the status. */
export interface ExperimentOutcome {
  /** `'success'` only when every part completed successfully. */
  status: OutcomeStatus;
  /** One sentence: how the run ended (which part failed or was interrupted, and why). */
  message: string;
  /** The JSON result (numbers the reader checks), written to `result.json` and `--json`. */
  result: Record<string, unknown>;
  /** Markdown body of `summary.md` (the layer adds title, status line and figures). */
  summary: string;
  /** Figures to render (each with a caption); only those whose data was completed. */
  figures: FigureSpec[];
  /** Names of the parts that completed (said in partial reports). */
  completed: string[];
  /**
   * In shard mode only: the shard file to write into `--out` instead of a report (see
   * {@link ExperimentDefinition.shardOf}). The layer writes it atomically under `name`.
   */
  shardFile?: {
    /** File name inside `--out`, e.g. `billiards-shard-2-of-8.json`. */
    name: string;
    /** The file's text (`serializeShard`). */
    text: string;
  };
  /**
   * Extra files for the report folder (for example trained parameters), written next to
   * `result.json`; `name` is a plain file name (letters, digits, `-`, `_`, `.`), not a name the
   * report uses itself.
   */
  files?: ReportFile[];
}

/** The shard a run computes: index i of count N, and where that came from (a flag or the scheduler). */
export interface ShardAssignment {
  /** 0-based shard index. */
  index: number;
  /** Number of shards. */
  count: number;
  /** `--shard` or the scheduler's variables, for the message saying which shard was taken. */
  source: string;
}

/** One extra file of a report. */
export interface ReportFile {
  /** Plain file name (`fno-burgers.json`). */
  name: string;
  /** Its text. */
  content: string;
  /** One line for the summary: what the file holds. */
  description: string;
}

/** What the layer hands to `run`. */
export interface ExperimentContext<F> {
  /** Validated flags (defaults and `--quick` values filled in). */
  flags: F;
  /** True under `--quick`. */
  quick: boolean;
  /** Fires on SIGINT/SIGTERM; pass it on to every solver (via {@link runOptions}). */
  signal: AbortSignal;
  /** True once the signal has fired: stop starting new parts and return what is done. */
  readonly aborted: boolean;
  /**
   * Run options for one solver call of the experiment: the signal, and progress reports labelled
   * `label` that map the solver's fraction into `[from, to]` of the whole experiment.
   */
  runOptions(label: string, from?: number, to?: number): RunOptions;
  /** Report progress of a part that is not a library solver (fraction of the whole in [0, 1]). */
  progress(label: string, fraction: number): void;
  /** Human-readable output (tables): stdout, or stderr under `--json`; silent under `--quiet`. */
  log(text: string): void;
  /** In shard mode: the shard to compute (the experiment returns `shardFile` and no figures). */
  shard?: ShardAssignment;
  /** Under `singularis merge`: the shard files (text and file name), to merge instead of computing the sharded part. */
  shardTexts?: { source: string; text: string }[];
  /**
   * Under `singularis merge --stage <name> --shard i/N`: the later sharded stage to compute shard
   * `shard` of, from the merged shards of `shardTexts` (the run returns `shardFile` of that stage).
   */
  stage?: string;
}

/**
 * One `singularis reproduce <name>` experiment.
 * @typeParam S - its flag declarations
 */
export interface ExperimentDefinition<S extends FlagSpecs = FlagSpecs> {
  /** Command-line name (`heat-blowup`). */
  name: string;
  /** Title of the report and of the listing. */
  title: string;
  /** A few lines: what it reproduces (source section and figures) and what the report holds. */
  description: string;
  /** Its flags (the common ones — out, json, quiet, force, yes, quick, help — are added by the layer). */
  flags: S;
  /** What `--quick` does, in a few words (shown in the listing and in `--help`). */
  quickNote: string;
  /** Example argument lists for `--help` (each a string of flags). */
  examples: string[];
  /**
   * Work in arbitrary units for given flags; the layer compares it with the work at the defaults
   * and asks for `--yes` when a request is far beyond them.
   */
  estimate(flags: FlagValues<S>): number;
  /** Checks across flags after each flag is valid; throw a `UsageError` naming the flags. */
  check?(flags: FlagValues<S>): void;
  /**
   * Experiments whose main cost is a sum over independent runs may be sharded across machines:
   * return the shard this invocation computes (from a `--shard i/N` flag or a scheduler's
   * environment), or null for a whole run. In shard mode `--out` is a folder collecting shard files
   * and the run returns `shardFile`; `singularis merge` later merges the files and finishes the run.
   */
  shardOf?(flags: FlagValues<S>, env: Record<string, string | undefined>): ShardAssignment | null;
  /**
   * Later sharded stages (name → one line for `singularis merge --help`): passes that need the merged
   * first-round result and are themselves sums over independent blocks. `singularis merge DIR --stage
   * <name> --shard i/N --out DIR2` merges the first round and writes shard i/N of the stage; a final
   * `singularis merge DIR DIR2 --out REPORT` uses the stage's shards instead of computing the stage.
   * Stage shard files carry `meta.stage` (the name) and `meta.parent` (the first round's fingerprint).
   */
  stages?: Readonly<Record<string, string>>;
  /** Do the work. Must honor `ctx.signal` and return a partial outcome when it fires. */
  run(ctx: ExperimentContext<FlagValues<S>>): Promise<ExperimentOutcome>;
}

/** An experiment of any flag set (the registry's element type). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyExperiment = ExperimentDefinition<any>;

/**
 * Identity function that types an experiment declaration.
 * @example
 * ```ts
 * export const myExperiment = defineExperiment({ name: 'my', title: '…', flags: { … }, … });
 * ```
 */
export function defineExperiment<S extends FlagSpecs>(definition: ExperimentDefinition<S>): ExperimentDefinition<S> {
  return definition;
}
