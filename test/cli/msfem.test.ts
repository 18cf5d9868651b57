import { describe, expect, it } from '@jest/globals';
import { msfemExperiment, parseModes } from '../../src/cli/msfem';

describe('singularis reproduce msfem', () => {
  it('parses mode lists', () => {
    expect(parseModes('1-4')).toEqual([1, 2, 3, 4]);
    expect(parseModes('1,3,5-6')).toEqual([1, 3, 5, 6]);
    expect(parseModes('0-2')).toBeUndefined();
    expect(parseModes('a')).toBeUndefined();
  });

  it('rejects bad flags with exit code 2 before any work (figures need vega, which jest cannot load; the full run is exercised by the CLI)', async () => {
    const err = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect(await msfemExperiment(['--case', 'nope'])).toBe(2);
      expect(await msfemExperiment(['--galerkin', 'ritz-conj'])).toBe(2); // periodic is real: S + S̄ = S
      expect(await msfemExperiment(['--galerkin', 'galerkin'])).toBe(2);
      expect(await msfemExperiment(['--coarse', '1'])).toBe(2);
      expect(await msfemExperiment(['--modes', '3-1'])).toBe(2);
    } finally {
      process.stderr.write = err;
    }
  });
});
