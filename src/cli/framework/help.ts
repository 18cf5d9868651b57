/**
 * The common flags every experiment gets, `--help` texts and the experiment listing.
 * @module
 */
import { acceptedText, describeDefault, flag, kebab, valueText, type FlagSpec, type FlagSpecs } from './flags';
import type { AnyExperiment } from './experiment';

/** Flags the layer adds to every experiment (their names are reserved). */
export function commonFlags(name: string) {
  return {
    out: flag.string({ what: 'a folder', default: `${name}-report`, example: `${name}-report`, help: 'report folder (created; must not hold another run\'s report unless --force)' }),
    quick: flag.boolean({ default: false, help: 'small sizes that run in seconds (a smoke test of the whole pipeline)' }),
    json: flag.boolean({ default: false, help: 'stdout: exactly one JSON object (status, flags, version, seed, result); tables go to stderr' }),
    quiet: flag.boolean({ default: false, help: 'no progress and no tables (errors and a failure line still print)' }),
    force: flag.boolean({ default: false, help: 'replace a report of an earlier run in --out' }),
    yes: flag.boolean({ default: false, help: 'run a request estimated far beyond the default work without asking' }),
    help: flag.boolean({ default: false, help: 'show this help' }),
  };
}

/** Names of the common flags. */
export const COMMON_FLAG_NAMES = Object.keys(commonFlags('x'));

function placeholder(spec: FlagSpec): string {
  switch (spec.kind) {
    case 'choice':
      return spec.choices.join('|');
    case 'integer':
      return 'n';
    case 'number':
      return 'x';
    case 'numberList':
      return 'x,y,…';
    case 'string':
      return 'text';
    default:
      return spec.kind;
  }
}

function flagLines(name: string, spec: FlagSpec): string {
  const cli = `--${kebab(name)}`;
  if (spec.kind === 'boolean') return `  ${spec.default === true ? `--no-${kebab(name)}` : cli}\n      ${spec.help}${spec.default === true ? ` (on by default; --no-${kebab(name)} turns it off)` : ''}`;
  const details = [`accepts ${acceptedText(spec)}`, `default ${describeDefault(spec) === '' ? '(none)' : describeDefault(spec)}`];
  if (spec.quick !== undefined) details.push(`--quick: ${typeof spec.quick === 'function' ? (spec.quickText ?? 'scaled down') : valueText(spec.quick)}`);
  details.push(`e.g. ${cli} ${spec.example ?? describeDefault(spec)}`);
  return `  ${cli} <${placeholder(spec)}>\n      ${spec.help}\n      ${details.join('; ')}`;
}

/** `singularis reproduce <name> --help`. */
export function experimentHelp(def: AnyExperiment): string {
  const own = Object.entries(def.flags as FlagSpecs).map(([n, s]) => flagLines(n, s)).join('\n');
  const common = Object.entries(commonFlags(def.name)).map(([n, s]) => flagLines(n, s as FlagSpec)).join('\n');
  return [
    `Usage: singularis reproduce ${def.name} [options]`,
    '',
    `${def.title}`,
    def.description,
    '',
    'Options:',
    own,
    '',
    'Common options:',
    common,
    '',
    `--quick: ${def.quickNote}`,
    '',
    'Examples:',
    `  singularis reproduce ${def.name} --quick`,
    ...def.examples.map((e) => `  singularis reproduce ${def.name} ${e}`),
    '',
    'Exit codes: 0 success; 1 the run failed (status and message printed); 2 usage error; 130/143 interrupted (partial report marked aborted).',
    '',
  ].join('\n');
}

/** `singularis reproduce` without a name. */
export function experimentListing(defs: AnyExperiment[]): string {
  const rows: [string, string][] = defs.flatMap((d) => [[d.name, d.title], [`${d.name} --quick`, d.quickNote]] as [string, string][]);
  return ['Usage: singularis reproduce <experiment> [options]', '', 'Experiments:', table(rows), '', 'Details: singularis reproduce <experiment> --help', ''].join('\n');
}

function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map((r) => r[0].length));
  return rows.map(([l, r]) => `  ${l.padEnd(width)}  ${r}`).join('\n');
}
