import { flag, kebab, parseFlags, tokenize } from '../../src/cli/framework/flags';
import { UsageError } from '../../src/cli/framework/usageError';

const specs = {
  balls: flag.integer({ min: 4, max: 1000, default: 100, quick: 10, help: 'balls' }),
  grid: flag.integer({ min: 9, max: 1e6, default: (f) => 8 * ((f.balls as number) - 1) + 1, defaultText: '8(n − 1) + 1', help: 'grid' }),
  shift: flag.number({ min: -1, max: 1, default: 0, help: 'shift' }),
  tau: flag.number({ min: 0, minExclusive: true, max: 1e7, default: 1, help: 'τ' }),
  wall: flag.choice(['dirichlet', 'zeroFlux'] as const, { default: 'dirichlet', help: 'wall' }),
  times: flag.numberList({ min: 0, max: 1, default: [], help: 'times' }),
  direct: flag.boolean({ default: true, help: 'direct check' }),
  quick: flag.boolean({ default: false, help: 'quick' }),
  pdeMaxSteps: flag.integer({ min: 1, max: 1e9, default: 1e8, help: 'budget' }),
  seed: flag.seed({ default: 7, help: 'seed' }),
};

const message = (argv: string[]): string => {
  try {
    parseFlags(argv, specs);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
};

describe('declarative flags', () => {
  test('defaults, dependent defaults (declaration order) and --quick values', () => {
    expect(parseFlags([], specs).values).toEqual({ balls: 100, grid: 793, shift: 0, tau: 1, wall: 'dirichlet', times: [], direct: true, quick: false, pdeMaxSteps: 1e8, seed: 7 });
    expect(parseFlags(['--quick'], specs).values).toMatchObject({ balls: 10, grid: 73 });
    expect(parseFlags(['--quick', '--balls', '20'], specs).values).toMatchObject({ balls: 20, grid: 153 });
    expect(parseFlags(['--grid', '11'], specs).given).toEqual(new Set(['grid']));
  });

  test('values starting with a dash are values, in both spellings; kebab-case names; --no- switches', () => {
    expect(parseFlags(['--shift', '-0.5', '--times=0,0.25', '--no-direct', '--pde-max-steps', '1e3'], specs).values).toMatchObject({ shift: -0.5, times: [0, 0.25], direct: false, pdeMaxSteps: 1000 });
    expect(parseFlags(['--shift=-1'], specs).values.shift).toBe(-1);
    expect(kebab('pdeMaxSteps')).toBe('pde-max-steps');
    expect(parseFlags(['--seed', 'alpha'], specs).values.seed).toBe('alpha');
    expect(parseFlags(['--seed', '12'], specs).values.seed).toBe(12);
  });

  test.each([
    [['--balls', '3'], '--balls must be an integer in [4, 1000] (got "3")'],
    [['--balls', '-3'], '--balls must be an integer in [4, 1000] (got "-3")'],
    [['--balls', '10.5'], '--balls must be an integer in [4, 1000] (got "10.5")'],
    [['--balls', ''], '--balls must be an integer in [4, 1000] (got "")'],
    [['--balls', '0x10'], '--balls must be an integer in [4, 1000] (got "0x10")'],
    [['--shift', '-1.5'], '--shift must be a number in [-1, 1] (got "-1.5")'],
    [['--tau', '0'], '--tau must be a number in (0, 1e7] (got "0")'],
    [['--tau', 'Infinity'], '--tau must be a number in (0, 1e7] (got "Infinity")'],
    [['--tau', 'NaN'], '--tau must be a number in (0, 1e7] (got "NaN")'],
    [['--tau', '1e308'], '--tau must be a number in (0, 1e7] (got "1e308")'],
    [['--tau', '1e'], '--tau must be a number in (0, 1e7] (got "1e")'],
    [['--wall', 'Dirichlet'], '--wall must be one of dirichlet, zeroFlux (got "Dirichlet")'],
    [['--times', '0.5,x'], '--times must be comma-separated numbers in [0, 1] (got "x" in "0.5,x")'],
    [['--seed', '-1'], '--seed must be a non-negative integer or a word (got "-1")'],
    [['--direct=false'], '--direct is a switch and takes no value (got "false")'],
    [['--balls'], '--balls needs a value: an integer in [4, 1000], for example --balls 100'],
    [['--bals', '5'], 'unknown flag --bals (did you mean --balls?)'],
    [['--frobnicate'], 'unknown flag --frobnicate'],
    [['--balls', '5', '--balls', '6'], '--balls is given more than once'],
    [['5'], 'unexpected argument "5" (flags start with --)'],
    [['--no-wall'], 'unknown flag --no-wall'],
  ])('%j is refused: %s', (argv, expected) => {
    expect(message(argv)).toBe(expected);
  });

  test('tokenize keeps the text given', () => {
    expect([...tokenize(['--shift', '-0', '--quick'], specs).values]).toEqual([['shift', '-0'], ['quick', true]]);
  });
});
