/**
 * Usage errors and the exit codes of the `singularis` command.
 * @module
 */

/** Exit codes shared by every subcommand. */
export const EXIT = {
  /** The run finished with status `success`. */
  success: 0,
  /** The run ended with another status (`maxSteps`, `nonFinite`, `diverged`, or an error). */
  failure: 1,
  /** Bad flags, a bad `--out`, or a request refused before any work. */
  usage: 2,
  /** Interrupted by SIGINT (128 + 2, as shells report it); a partial report was written. */
  interrupted: 130,
  /** Stopped by SIGTERM (128 + 15); a partial report was written. */
  terminated: 143,
} as const;

/**
 * A mistake in the command line (or an `--out` that cannot be used), found before any work.
 * The command prints the message with the usage hint and exits with {@link EXIT}.usage.
 * @example
 * ```ts
 * throw new UsageError('--balls must be an integer in [4, 1e6] (got "3")');
 * ```
 */
export class UsageError extends Error {
  /** @param message - names the flag, the accepted values and the text given */
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
