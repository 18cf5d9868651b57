/**
 * The `singularis` command.
 *
 *   singularis demo                      primitives showcase: convergence tables
 *   singularis reproduce <experiment>    reproduce a figure set from the source documents
 *   singularis --help | --version
 *
 * @module cli
 */
import { parseArgs } from 'node:util';
import { runDemo } from './demo';
import { experiments } from './experiments';

const USAGE = `Usage: singularis <command> [options]

Commands:
  demo                        Print convergence tables that verify the numerical primitives.
  reproduce <experiment>      Reproduce an experiment of the source documents (--out DIR, --json).
                              Experiments: ${Object.keys(experiments).join(', ') || '(none yet)'}

Options:
  -h, --help                  Show this help.
  -v, --version               Show the version.
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
  });
  const [command, ...rest] = positionals;
  if (values.version) {
    process.stdout.write(`${__SINGULARIS_VERSION__}\n`);
    return 0;
  }
  if (values.help || command === undefined) {
    process.stdout.write(USAGE);
    return command === undefined && !values.help ? 1 : 0;
  }
  switch (command) {
    case 'demo':
      return runDemo(argv.slice(argv.indexOf('demo') + 1));
    case 'reproduce': {
      const name = rest[0];
      const experiment = name === undefined ? undefined : experiments[name];
      if (!experiment) {
        process.stderr.write(`singularis reproduce: unknown experiment ${JSON.stringify(name)}; available: ${Object.keys(experiments).join(', ') || '(none yet)'}\n`);
        return 2;
      }
      return experiment(argv.slice(argv.indexOf(name as string) + 1));
    }
    default:
      process.stderr.write(`singularis: unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`singularis: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
