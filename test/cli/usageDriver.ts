/**
 * Runs many `singularis reproduce …` / `singularis demo …` command lines that must be refused
 * before any work, in one Node process (bundled and started by cli.test.ts), and
 * prints one JSON line per case: the exit code and what went to stdout and stderr. Every case here
 * is refused by the shared layer before an experiment starts, so the whole batch takes about as
 * long as one process start.
 */
import { runDemo } from '../../src/cli/demo';
import { experiments } from '../../src/cli/experiments';
import { reproduceCommand } from '../../src/cli/framework/reproduce';

interface Case {
  argv: string[];
}

async function main(): Promise<void> {
  const cases = JSON.parse(process.argv[2]) as Case[];
  const results: { argv: string[]; code: number; stdout: string; stderr: string }[] = [];
  const realOut = process.stdout.write.bind(process.stdout);
  const realErr = process.stderr.write.bind(process.stderr);
  for (const c of cases) {
    let stdout = '';
    let stderr = '';
    process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write;
    let code: number;
    try {
      code = c.argv[0] === 'demo' ? await runDemo(c.argv.slice(1)) : await reproduceCommand(c.argv, experiments);
    } finally {
      process.stdout.write = realOut;
      process.stderr.write = realErr;
    }
    results.push({ argv: c.argv, code, stdout, stderr });
  }
  realOut(`${JSON.stringify(results)}\n`);
}

void main();
