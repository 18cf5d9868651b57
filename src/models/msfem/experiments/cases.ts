/**
 * The three experiments of thesis §4.4 as {@link MsfemProblem}s, and a runner that returns the
 * error table (e_H, e_L2 against m) used by the CLI (`singularis reproduce msfem`) and the benches.
 *
 * * `'periodic'` (§4.4.1): A the five-scale field (4.4.2), V = 0, Dirichlet, f = −1.
 * * `'high-contrast'` (§4.4.2): A = M in 49 disks of radius 0.015, 1 elsewhere; f = x⁴ − y³ + 1.
 * * `'helmholtz'` (§4.4.3): A = |ξ| + 0.5 (seed 1), V = −k²ṽ (ṽ seed 2), β = i k b̃ (b̃ seed 3) on
 *   x = 0 and x = 1 (Robin), u = 0 on y = 0, Neumann on y = 1, f = x⁴ − y³ + 1; k = 32 (the thesis's
 *   "k = 25" read as 2⁵).
 *
 * @module
 */
import type { RunOptions } from '../../../core/run';
import { InvalidArgumentError } from '../../../core/errors';
import { expMsfem, type MsfemResult } from '../expMsfem';
import type { MsfemProblem } from '../problem';
import { highContrastDisks, periodicFiveScale, roughField } from './fields';

/** The experiment names. */
export type MsfemCaseName = 'periodic' | 'high-contrast' | 'helmholtz';

/** The experiment names, in thesis order. */
export const MSFEM_CASES: readonly MsfemCaseName[] = ['periodic', 'high-contrast', 'helmholtz'];

/** Options of an experiment. */
export interface MsfemCaseOptions {
  /** Which experiment. */
  case: MsfemCaseName;
  /** N_c (thesis 32). */
  coarse: number;
  /** N_f (thesis 32). */
  fine: number;
  /** m values (thesis 1..7). */
  modes: readonly number[];
  /** Contrast M of the high-contrast case (default 2¹⁰). */
  contrast?: number;
  /** Disk radius of the high-contrast case (default 0.015, thesis). */
  radius?: number;
  /** Right-hand side of the high-contrast case: thesis `x⁴ − y³ + 1` (default) or the companion code's −1. */
  highContrastSource?: 'thesis' | 'minus-one';
  /** Wavenumber k of the Helmholtz case (default 32). */
  k?: number;
  /** Potential of the Helmholtz case: `V = −k²ṽ` (`'linear'`, default) or `−k²ṽ²` (`'squared'`, companion code). */
  potential?: 'linear' | 'squared';
  /** Method variant. */
  variant?: MsfemProblem['variant'];
  /** Galerkin form. */
  galerkin?: MsfemProblem['galerkin'];
}

/** The problem of an experiment. */
export function msfemCaseProblem(options: MsfemCaseOptions): MsfemProblem {
  const base = { coarse: options.coarse, fine: options.fine, modes: options.modes, variant: options.variant, galerkin: options.galerkin };
  const f = (x: number, y: number): number => x ** 4 - y ** 3 + 1;
  switch (options.case) {
    case 'periodic':
      return { ...base, diffusion: periodicFiveScale, source: -1 };
    case 'high-contrast':
      return { ...base, diffusion: highContrastDisks(options.contrast ?? 2 ** 10, options.radius ?? 0.015), source: options.highContrastSource === 'minus-one' ? -1 : f };
    case 'helmholtz': {
      const k = options.k ?? 32;
      if (!(k > 0) || !Number.isFinite(k)) throw new InvalidArgumentError('options.k', 'a finite number > 0', k);
      const A = roughField(1);
      const v = roughField(2);
      const b = roughField(3);
      const sq = options.potential === 'squared';
      return {
        ...base,
        diffusion: A,
        potential: (x, y) => -k * k * (sq ? v(x, y) ** 2 : v(x, y)),
        boundary: { bottom: 'D', top: 'N', left: 'R', right: 'R' },
        robin: { left: { re: 0, im: (x, y) => k * b(x, y) }, right: { re: 0, im: (x, y) => k * b(x, y) } },
        source: f,
      };
    }
    default:
      throw new InvalidArgumentError('options.case', MSFEM_CASES.join(', '), options.case);
  }
}

/** The table of one experiment run (the CLI's JSON line). */
export interface MsfemCaseReport {
  /** Experiment. */
  case: MsfemCaseName;
  /** N_c. */
  coarse: number;
  /** N_f. */
  fine: number;
  /** m values. */
  modes: number[];
  /** e_H per m. */
  eH: number[];
  /** e_L2 per m. */
  eL2: number[];
  /** Global DOFs per m. */
  dofs: number[];
  /** `u_refᴴ K_nrm u_ref`. */
  fineEnergy: number;
  /** Offline seconds. */
  offlineSeconds: number;
  /** Online seconds. */
  onlineSeconds: number;
  /** Fine reference seconds. */
  referenceSeconds: number;
  /** Run status. */
  status: MsfemResult['status'];
  /** Run message. */
  message: string;
}

/** Tabulate the result of one experiment run (however it was run: serially or on workers). */
export function msfemCaseReport(options: MsfemCaseOptions, result: MsfemResult): MsfemCaseReport {
  const { final, stats } = result;
  return {
    case: options.case,
    coarse: options.coarse,
    fine: options.fine,
    modes: final.modes,
    eH: final.eH,
    eL2: final.eL2,
    dofs: final.dofs,
    fineEnergy: final.fineEnergy,
    offlineSeconds: stats.offlineSeconds,
    onlineSeconds: stats.onlineSeconds,
    referenceSeconds: stats.referenceSeconds,
    status: result.status,
    message: result.message,
  };
}

/** Run one experiment and tabulate it. */
export function runMsfemCase(options: MsfemCaseOptions, runOptions: RunOptions = {}): { report: MsfemCaseReport; result: MsfemResult } {
  const result = expMsfem(msfemCaseProblem(options), runOptions);
  return { result, report: msfemCaseReport(options, result) };
}
