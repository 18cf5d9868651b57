/**
 * Declarative command-line flags: each flag states its type, default, accepted range, help text
 * and an example value, and the same declaration drives parsing, validation (before any work),
 * `--help` and the `--quick` variant.
 *
 * Flags are written in camelCase in the declaration and kebab-case on the command line
 * (`maxSteps` ↔ `--max-steps`). Values are taken as given: a value may start with a dash
 * (`--dim -1`, `--shift -0.5`), so negative numbers need no `=`.
 *
 * @module
 */
import { UsageError } from './usageError';

/** A flag value computed from the other flags (resolved in declaration order). */
export type Derived<T> = T | ((flags: Readonly<Record<string, unknown>>) => T);

/** What every flag declaration has. */
interface FlagBase<K extends string, T> {
  /** The flag's type. */
  kind: K;
  /** One line saying what the flag controls (units, meaning). */
  help: string;
  /** Default value, or a function of the flags declared before it. */
  default: Derived<T>;
  /** How `--help` describes a computed default (required when `default` is a function). */
  defaultText?: string;
  /** The value under `--quick` (when omitted, `--quick` keeps the default). */
  quick?: Derived<T>;
  /** How `--help` describes a computed `--quick` value. */
  quickText?: string;
  /** An example value for `--help` (defaults to the default). */
  example?: string;
}

/** An integer in `[min, max]`. Accepts `1e3`-style text when the value is integral. */
export interface IntegerFlag extends FlagBase<'integer', number> {
  /** Smallest accepted value. */
  min: number;
  /** Largest accepted value. */
  max: number;
}

/** A finite number in `[min, max]` (or `(min, max]` with `minExclusive`). */
export interface NumberFlag extends FlagBase<'number', number> {
  /** Lower bound. */
  min: number;
  /** Upper bound (inclusive). */
  max: number;
  /** When true the lower bound itself is refused. */
  minExclusive?: boolean;
}

/** One of a fixed list of words. */
export interface ChoiceFlag<C extends string = string> extends FlagBase<'choice', C> {
  /** The accepted words. */
  choices: readonly C[];
}

/** A switch: `--name` sets it, `--no-name` clears it. */
export type BooleanFlag = FlagBase<'boolean', boolean>;

/** Free text (non-empty), for example a path. */
export interface StringFlag extends FlagBase<'string', string> {
  /** The text's meaning, for messages (`a folder`). */
  what: string;
}

/** Comma-separated finite numbers, each in `[min, max]`; empty text gives an empty list. */
export interface NumberListFlag extends FlagBase<'numberList', number[]> {
  /** Lower bound of every entry. */
  min: number;
  /** Upper bound of every entry. */
  max: number;
}

/** A random seed: a non-negative safe integer, or any non-empty word. */
export type SeedFlag = FlagBase<'seed', number | string>;

/** Any flag declaration. */
export type FlagSpec = IntegerFlag | NumberFlag | ChoiceFlag | BooleanFlag | StringFlag | NumberListFlag | SeedFlag;

/** Flag declarations by camelCase name. */
export type FlagSpecs = Record<string, FlagSpec>;

/** The parsed type of one flag. */
export type FlagValue<S> = S extends ChoiceFlag<infer C>
  ? C
  : S extends IntegerFlag | NumberFlag
    ? number
    : S extends BooleanFlag
      ? boolean
      : S extends NumberListFlag
        ? number[]
        : S extends SeedFlag
          ? number | string
          : string;

/** Parsed values of a set of flags. */
export type FlagValues<S extends FlagSpecs> = { [K in keyof S]: FlagValue<S[K]> };

/**
 * Builders that keep literal types (choices) and make declarations short.
 * @example
 * ```ts
 * const flags = {
 *   balls: flag.integer({ min: 4, max: 100000, default: 1000, quick: 60, help: 'number of balls n' }),
 *   wall: flag.choice(['dirichlet', 'zeroFlux'] as const, { default: 'dirichlet', help: 'PDE wall mode' }),
 * };
 * ```
 */
export const flag = {
  /** An integer flag. */
  integer: (o: Omit<IntegerFlag, 'kind'>): IntegerFlag => ({ kind: 'integer', ...o }),
  /** A number flag. */
  number: (o: Omit<NumberFlag, 'kind'>): NumberFlag => ({ kind: 'number', ...o }),
  /** A choice flag. */
  choice: <C extends string>(choices: readonly C[], o: Omit<ChoiceFlag<C>, 'kind' | 'choices'>): ChoiceFlag<C> => ({ kind: 'choice', choices, ...o }),
  /** A boolean switch. */
  boolean: (o: Omit<BooleanFlag, 'kind'>): BooleanFlag => ({ kind: 'boolean', ...o }),
  /** A text flag. */
  string: (o: Omit<StringFlag, 'kind'>): StringFlag => ({ kind: 'string', ...o }),
  /** A comma-separated list of numbers. */
  numberList: (o: Omit<NumberListFlag, 'kind'>): NumberListFlag => ({ kind: 'numberList', ...o }),
  /** A seed flag. */
  seed: (o: Omit<SeedFlag, 'kind'>): SeedFlag => ({ kind: 'seed', ...o }),
};

/** `maxSteps` → `max-steps`. */
export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Short human text of a number for ranges (1e6 rather than 1000000). */
export function formatNumber(v: number): string {
  if (v === Number.MAX_SAFE_INTEGER) return '2^53 − 1';
  if (Math.abs(v) >= 1e5 && Number.isInteger(Math.log10(Math.abs(v)))) return `${v < 0 ? '-' : ''}1e${Math.log10(Math.abs(v))}`;
  return String(v);
}

/** The accepted values of a flag, as the messages and `--help` say them. */
export function acceptedText(spec: FlagSpec): string {
  switch (spec.kind) {
    case 'integer':
      return `an integer in [${formatNumber(spec.min)}, ${formatNumber(spec.max)}]`;
    case 'number':
      return `a number in ${spec.minExclusive ? '(' : '['}${formatNumber(spec.min)}, ${formatNumber(spec.max)}]`;
    case 'choice':
      return `one of ${spec.choices.join(', ')}`;
    case 'boolean':
      return 'a switch (no value)';
    case 'string':
      return `${spec.what} (non-empty)`;
    case 'numberList':
      return `comma-separated numbers in [${formatNumber(spec.min)}, ${formatNumber(spec.max)}]`;
    case 'seed':
      return 'a non-negative integer or a word';
  }
}

function parseNumberText(text: string): number {
  const t = text.trim();
  return NUMBER_TEXT.test(t) ? Number(t) : Number.NaN;
}

/** Convert and check the text given for one flag; throws {@link UsageError} naming the flag. */
export function convertFlag(name: string, spec: FlagSpec, text: string): unknown {
  const fail = (): never => {
    throw new UsageError(`--${kebab(name)} must be ${acceptedText(spec)} (got ${JSON.stringify(text)})`);
  };
  switch (spec.kind) {
    case 'integer': {
      const v = parseNumberText(text);
      if (!Number.isSafeInteger(v) || v < spec.min || v > spec.max) fail();
      return v;
    }
    case 'number': {
      const v = parseNumberText(text);
      if (!Number.isFinite(v) || v > spec.max || v < spec.min || (spec.minExclusive === true && v === spec.min)) fail();
      return v;
    }
    case 'choice':
      if (!(spec.choices as readonly string[]).includes(text)) fail();
      return text;
    case 'boolean':
      return fail();
    case 'string':
      if (text.trim() === '') fail();
      return text;
    case 'numberList':
      return text
        .split(',')
        .filter((s) => s.trim() !== '')
        .map((s) => {
          const v = parseNumberText(s);
          if (!Number.isFinite(v) || v < spec.min || v > spec.max) {
            throw new UsageError(`--${kebab(name)} must be ${acceptedText(spec)} (got ${JSON.stringify(s.trim())} in ${JSON.stringify(text)})`);
          }
          return v;
        });
    case 'seed': {
      const t = text.trim();
      if (t === '') fail();
      if (/^[+-]?\d+$/.test(t)) {
        const v = Number(t);
        if (!Number.isSafeInteger(v) || v < 0) fail();
        return v;
      }
      return t;
    }
  }
}

/** Edit distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}

/** The raw result of tokenizing: text given per flag (booleans as true/false). */
export interface GivenFlags {
  /** Text (or boolean) given per camelCase flag name. */
  values: Map<string, string | boolean>;
}

/**
 * Split `argv` into flags by the declarations: `--name value`, `--name=value`, `--flag`,
 * `--no-flag`, `-h`. A non-boolean flag always takes the next argument as its value, even when it
 * starts with a dash. Unknown flags, positional arguments, repeated flags and missing values are
 * usage errors.
 */
export function tokenize(argv: readonly string[], specs: FlagSpecs): GivenFlags {
  const byCli = new Map<string, string>();
  for (const name of Object.keys(specs)) byCli.set(kebab(name), name);
  const values = new Map<string, string | boolean>();
  const set = (name: string, value: string | boolean) => {
    if (values.has(name)) throw new UsageError(`--${kebab(name)} is given more than once`);
    values.set(name, value);
  };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === '-h') {
      set('help', true);
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      throw new UsageError(`unexpected argument ${JSON.stringify(arg)} (flags start with --)`);
    }
    const eq = arg.indexOf('=');
    const cli = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    let name = byCli.get(cli);
    let negated = false;
    if (name === undefined && cli.startsWith('no-') && specs[byCli.get(cli.slice(3)) ?? '']?.kind === 'boolean') {
      name = byCli.get(cli.slice(3));
      negated = true;
    }
    if (name === undefined) {
      const known = [...byCli.keys()];
      const best = known.map((c) => [c, distance(c, cli)] as const).sort((a, b) => a[1] - b[1])[0];
      const hint = best !== undefined && best[1] <= Math.max(2, Math.floor(cli.length / 3)) ? ` (did you mean --${best[0]}?)` : '';
      throw new UsageError(`unknown flag --${cli}${hint}`);
    }
    const spec = specs[name];
    if (spec.kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${cli} is a switch and takes no value (got ${JSON.stringify(arg.slice(eq + 1))})`);
      set(name, !negated);
      continue;
    }
    if (eq >= 0) {
      set(name, arg.slice(eq + 1));
      continue;
    }
    if (k + 1 >= argv.length) {
      throw new UsageError(`--${cli} needs a value: ${acceptedText(spec)}, for example --${cli} ${spec.example ?? describeDefault(spec)}`);
    }
    set(name, argv[++k]);
  }
  return { values };
}

/** The default as `--help` shows it. */
export function describeDefault(spec: FlagSpec): string {
  if (typeof spec.default === 'function') return spec.defaultText ?? 'computed';
  return valueText(spec.default);
}

/** A value as command-line text. */
export function valueText(v: unknown): string {
  if (Array.isArray(v)) return v.join(',');
  if (typeof v === 'number') return formatNumber(v);
  return String(v);
}

/**
 * Parse and validate `argv` against `specs`: every given value is converted and range-checked,
 * then missing flags take their defaults (or their `--quick` values when `quick` is set), in
 * declaration order so that a default may depend on earlier flags.
 * @returns the values and the names of the flags the user gave explicitly
 * @throws UsageError naming the flag, the accepted values and the text given
 */
export function parseFlags<S extends FlagSpecs>(argv: readonly string[], specs: S, quickFlag = 'quick'): { values: FlagValues<S>; given: Set<string> } {
  const { values: given } = tokenize(argv, specs);
  const out: Record<string, unknown> = {};
  for (const [name, text] of given) {
    const spec = specs[name];
    out[name] = spec.kind === 'boolean' ? text : convertFlag(name, spec, text as string);
  }
  const quick = out[quickFlag] === true;
  const ordered: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    if (name in out) {
      ordered[name] = out[name];
      continue;
    }
    const source = quick && spec.quick !== undefined ? spec.quick : spec.default;
    ordered[name] = typeof source === 'function' ? (source as (f: Record<string, unknown>) => unknown)({ ...out, ...ordered }) : source;
  }
  return { values: ordered as FlagValues<S>, given: new Set(given.keys()) };
}
