/**
 * The `singularis` command.
 *
 *   singularis demo                      primitives showcase: convergence tables
 *   singularis reproduce                 list the experiments and their --quick variants
 *   singularis reproduce <experiment>    reproduce a figure set from the source documents
 *   singularis --help | --version
 *
 * Exit codes (every subcommand): 0 success, 1 failed run, 2 usage error, 130/143 interrupted.
 * The same file is the entry of the worker thread that runs an experiment (see framework/worker.ts).
 *
 * @module cli
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { runDemo } from './demo';
import { experiments, findExperiment } from './experiments';
import { reproduceCommand, usageFailure } from './framework/reproduce';
import { mergeCommand } from './framework/merge';
import { guardPipes, writeErr, writeOut } from './framework/terminal';
import { EXIT, UsageError } from './framework/usageError';
import { libraryVersion } from './framework/version';
import { runInWorker, type WorkerData } from './framework/worker';

const USAGE = `Usage: singularis <command> [options]

Commands:
  demo                        Print convergence tables that verify the numerical primitives.
  reproduce                   List the experiments of the source documents and their --quick variants.
  reproduce <experiment>      Reproduce one experiment into a report folder (see: singularis reproduce <experiment> --help).
  merge <folder>... --out D   Merge the shard files of a sharded run and finish its report (see: singularis merge --help).

Options:
  -h, --help                  Show this help.
  -v, --version               Show the version.

Exit codes: 0 success; 1 a run failed; 2 usage error; 130/143 interrupted by SIGINT/SIGTERM.
`;

async function main(argv: string[]): Promise<number> {
  guardPipes();
  const [command, ...rest] = argv;
  switch (command) {
    case '-v':
    case '--version':
      writeOut(`${libraryVersion()}\n`);
      return EXIT.success;
    case '-h':
    case '--help':
      writeOut(USAGE);
      return EXIT.success;
    case undefined:
      writeErr(USAGE);
      return EXIT.usage;
    case 'demo':
      return runDemo(rest);
    case 'reproduce':
      return reproduceCommand(rest, experiments);
    case 'merge':
      return mergeCommand(rest, experiments);
    default:
      return usageFailure('singularis', new UsageError(`unknown command ${JSON.stringify(command)}`), argv, USAGE);
  }
}

if (!isMainThread && (workerData as WorkerData | undefined)?.kind === 'singularis-reproduce') {
  void runInWorker(workerData as WorkerData, findExperiment);
} else {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      writeErr(`singularis: status error — ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = EXIT.failure;
    },
  );
}
