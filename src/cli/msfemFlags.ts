/**
 * Flags of `singularis reproduce msfem` (thesis §4.4): declarations, cross-flag checks and the work
 * estimate, apart from the experiment's run so that they load without the worker machinery.
 *
 * @module
 */
import { MSFEM_CASES } from '../models/msfem/experiments/cases';
import { flag, type FlagValues } from './framework/flags';
import { UsageError } from './framework/usageError';

/** Parse `1-7` or `1,2,4` into a list of positive integers; undefined when malformed. */
export function parseModes(spec: string): number[] | undefined {
  const out: number[] = [];
  for (const part of spec.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (m === null) return undefined;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (a < 1 || b < a || b > 1024) return undefined;
    for (let k = a; k <= b; k++) out.push(k);
  }
  return out.length > 0 ? out : undefined;
}

/** The flag declarations. */
export const flags = {
  case: flag.choice(MSFEM_CASES, { default: 'periodic', example: 'helmholtz', help: 'experiment: periodic (thesis §4.4.1), high-contrast (§4.4.2), helmholtz (§4.4.3)' }),
  coarse: flag.numberList({ min: 3, max: 64, default: [8], quick: [4], example: '4,8', help: 'coarse cells per side N_c = 1/H, one error curve each (integers ≥ 3: with N_c = 2 an oversampling patch covers Ω; thesis 32)' }),
  fine: flag.numberList({ min: 2, max: 64, default: [16], quick: [8], example: '32', help: 'fine elements per coarse cell per side N_f = H/h: one value, or one per N_c (integers; thesis 32)' }),
  modes: flag.string({ what: 'a list of m values such as 1-7 or 1,2,4', default: '1-7', quick: '1-4', example: '1,2,4-6', help: 'edge eigenfunctions per coarse edge m (each capped at N_f − 1)' }),
  contrast: flag.number({ min: 1, max: 1e8, default: 1024, example: '16384', help: 'contrast M of the high-contrast case (A = M in the disks)' }),
  k: flag.number({ min: 0, minExclusive: true, max: 1e4, default: 32, example: '16', help: 'wavenumber k of the Helmholtz case (the thesis\'s "k = 25" read as 2⁵)' }),
  variant: flag.choice(['exp', 'h-bubble', 'oh'] as const, { default: 'exp', help: 'method: exp (edge and cell bubbles), h-bubble (cell bubbles), oh (no bubbles, O(H))' }),
  galerkin: flag.choice(['petrov', 'ritz', 'ritz-conj'] as const, { default: 'petrov', help: 'Galerkin form: petrov (ΦᵀKΦ), ritz (ΦᴴKΦ), ritz-conj (on S + S̄; helmholtz only)' }),
  workers: flag.integer({ min: 1, max: 256, default: 1, example: '2', help: 'worker threads for the cell and edge problems (results identical for any number)' }),
};

/** Parsed flags. */
export type Flags = FlagValues<typeof flags>;

/** N_c with its N_f for each curve. */
export function meshes(f: Flags): { coarse: number; fine: number }[] {
  return f.coarse.map((coarse, q) => ({ coarse, fine: f.fine.length === 1 ? f.fine[0] : f.fine[q] }));
}

/** Cross-flag checks (integers, list lengths, modes, ritz-conj only for Helmholtz). */
export function check(f: Flags): void {
  const bad = (name: string, list: number[]) => {
    const v = list.find((x) => !Number.isInteger(x));
    if (v !== undefined) throw new UsageError(`--${name} must be comma-separated integers in [${name === 'coarse' ? 3 : 2}, 64] (got "${v}")`);
    if (list.length === 0) throw new UsageError(`--${name} needs at least one value`);
  };
  bad('coarse', f.coarse);
  bad('fine', f.fine);
  if (f.fine.length !== 1 && f.fine.length !== f.coarse.length) throw new UsageError(`--fine takes one value or one per --coarse value (got ${f.fine.length} values for ${f.coarse.length})`);
  if (parseModes(f.modes) === undefined) throw new UsageError(`--modes must be a list of m values in [1, 1024] such as 1-7 or 1,2,4 (got "${f.modes}")`);
  if (f.galerkin === 'ritz-conj' && f.case !== 'helmholtz') throw new UsageError(`--galerkin ritz-conj needs --case helmholtz (a real problem's S + S̄ = S; got --case ${f.case})`);
}

/** Work ~ N_c²·N_f³ per mesh (local problems) plus the fine reference ~ (N_c N_f)³ / 16; Helmholtz patches cost about 4×. */
export function estimate(f: Flags): number {
  return meshes(f).reduce((w, { coarse, fine }) => w + (coarse * coarse * fine ** 3 + (coarse * fine) ** 3 / 16) * (f.case === 'helmholtz' ? 4 : 1), 0);
}

