import { describe, expect, it } from '@jest/globals';
import { flag, parseFlags } from '../../src/cli/framework/flags';
import { check, estimate, flags as specs, parseModes } from '../../src/cli/msfemFlags';

/** Parse and cross-check flags as the shared layer does (the full runs are in cli.test.ts). */
function flags(argv: string[]) {
  const { values } = parseFlags(argv, { ...specs, quick: flag.boolean({ default: false, help: 'quick sizes' }) });
  check(values);
  return values;
}

describe('singularis reproduce msfem: flags', () => {
  it('parses mode lists', () => {
    expect(parseModes('1-4')).toEqual([1, 2, 3, 4]);
    expect(parseModes('1,3,5-6')).toEqual([1, 3, 5, 6]);
    expect(parseModes('0-2')).toBeUndefined();
    expect(parseModes('3-1')).toBeUndefined();
    expect(parseModes('a')).toBeUndefined();
    expect(parseModes('1-2000')).toBeUndefined();
  });

  it('defaults and --quick sizes', () => {
    expect(flags([])).toMatchObject({ case: 'periodic', coarse: [8], fine: [16], modes: '1-7', variant: 'exp', galerkin: 'petrov', workers: 1 });
    expect(flags(['--quick'])).toMatchObject({ coarse: [4], fine: [8], modes: '1-4' });
  });

  it('refuses bad cross-flag combinations naming the flags', () => {
    expect(() => flags(['--galerkin', 'ritz-conj'])).toThrow(/--galerkin ritz-conj needs --case helmholtz/); // periodic is real: S + S̄ = S
    expect(() => flags(['--case', 'helmholtz', '--galerkin', 'ritz-conj'])).not.toThrow();
    expect(() => flags(['--coarse', '3.5'])).toThrow(/--coarse must be comma-separated integers in \[3, 64\] \(got "3.5"\)/);
    expect(() => flags(['--fine', '2.5'])).toThrow(/--fine must be comma-separated integers in \[2, 64\] \(got "2.5"\)/);
    expect(() => flags(['--coarse', '4,8', '--fine', '8,16,32'])).toThrow(/--fine takes one value or one per --coarse value/);
    expect(() => flags(['--modes', '3-1'])).toThrow(/--modes must be a list of m values/);
    expect(() => flags(['--coarse', '2'])).toThrow(/--coarse must be comma-separated numbers in \[3, 64\]/); // N_c = 2: a patch covers Ω
  });

  it('the work estimate grows with the mesh: the thesis scale is far beyond the defaults, --quick far below', () => {
    const at = (argv: string[]) => estimate(flags(argv));
    expect(at(['--coarse', '32', '--fine', '32']) / at([])).toBeGreaterThan(50);
    expect(at(['--quick']) / at([])).toBeLessThan(0.1);
    expect(at(['--case', 'helmholtz']) / at([])).toBeGreaterThan(1);
  });
});
