/**
 * The multiscale problem of thesis §4.2, (4.2.1): `−∇·(A∇u) + V u = f` on (0,1)², `u = 0` on Γ1,
 * `A∇u·ν = βu` on Γ2, discretized on the two-level mesh of §4.4 (lines 5043–5060): N_c coarse cells
 * per side, N_f fine elements per coarse cell per side, coefficients piecewise constant per fine
 * element (sampled at element centers), β per fine boundary edge. Validation and the global fine
 * matrices live here.
 *
 * @module
 */
import { checkInteger } from '../../core/check';
import { InvalidArgumentError, InvalidTypeError } from '../../core/errors';
import { type ComplexField, expandField, type RealField, sampleCells, sampleSide } from '../../fem/coefficients';
import { assembleQ1Complex, assembleQ1Mass, assembleQ1Norm, assembleQ1Real, type Q1Coefficients } from '../../fem/q1Assembly';
import { q1Load } from '../../fem/q1Load';
import { GRID_SIDES, StructuredGrid2D, type GridSide } from '../../grid/structuredGrid2d';
import { CoarseCells } from '../../grid/structuredSubGrid';
import type { ComplexCsrMatrix, CsrMatrix } from '../../linalg/sparse/csr';

/** A real field given as a constant, per-fine-element values, or a function sampled at element centers. */
export type MsfemRealField = RealField | ((x: number, y: number) => number);

/** A complex field: real, or `{ re, im }` whose parts are {@link MsfemRealField}s. */
export type MsfemComplexField = MsfemRealField | {
  /** Real part. */
  re: MsfemRealField;
  /** Imaginary part (default 0). */
  im?: MsfemRealField;
};

/** Boundary condition of one side of the unit square: Dirichlet (Γ1), Neumann or Robin (Γ2). */
export type MsfemSide = 'D' | 'N' | 'R';

/**
 * The problem of {@link expMsfem}: coefficients, sides, mesh sizes and method options.
 */
export interface MsfemProblem {
  /** Coarse cells per side N_c = 1/H (integer ≥ 3: with N_c = 2 an oversampling patch covers Ω). */
  coarse: number;
  /** Fine elements per coarse cell per side N_f = H/h (integer ≥ 2). */
  fine: number;
  /** A > 0: constant, one value per fine element (id j·n + i, n = N_c·N_f), or a function. */
  diffusion: MsfemRealField;
  /** V (complex allowed): e.g. `−k²ñ(x)` for Helmholtz; default 0. */
  potential?: MsfemComplexField;
  /** β per Robin side (complex allowed; per fine boundary edge, constant, or function of the edge midpoint). */
  robin?: Partial<Record<GridSide, MsfemComplexField>>;
  /** Side conditions (default all `'D'`); every `'R'` side needs a `robin` entry and vice versa. */
  boundary?: Partial<Record<GridSide, MsfemSide>>;
  /** Source f: constant, per fine element, or function (midpoint rule, thesis §4.4). */
  source: MsfemRealField;
  /** Numbers of edge eigenfunctions m to sweep (default 1..7, each capped at N_f − 1). */
  modes?: readonly number[];
  /** `'exp'` (default: + edge bubbles as free DOFs + cell bubbles), `'h-bubble'` (+ cell bubbles), `'oh'` (no bubbles). */
  variant?: 'exp' | 'h-bubble' | 'oh';
  /**
   * With `variant: 'exp'`: the oversampled edge bubbles as extra free DOFs (`'freeDof'`, default, as the
   * authors' code) or summed into the thesis's u_n, which enters with coefficient 1 (`'fixed'`, thesis
   * (4.3.10)–(4.3.11)).
   */
  edgeBubble?: 'freeDof' | 'fixed';
  /**
   * `'petrov'` (default; bilinear, test space S̄), `'ritz'` (sesquilinear on S) or `'ritzConj'`
   * (sesquilinear on S + S̄, twice the DOFs; complex problems only) — thesis Remark 4.3.4.
   */
  galerkin?: 'petrov' | 'ritz' | 'ritzConj';
  /**
   * `'reduced'` (default: the (N_f−1)-size EVD of `G_e N_e`, with `G_e` from the Schur-complement
   * shortcut when the problem is real with K_nrm = K_op, else from the harmonic basis) or `'direct'`
   * (generalized EVD on the harmonic space; a test oracle).
   */
  eigenForm?: 'reduced' | 'direct';
  /**
   * Coarse layers of the oversampling domain ω_e (default 1: thesis Figs. 4.1–4.2); at most
   * ⌈N_c/2⌉ − 1, so that no patch covers Ω.
   */
  oversamplingLayers?: number;
  /** Compute the fine reference solution and the errors e_H, e_L2 (default true). */
  reference?: boolean;
}

/** The validated problem with its fine mesh, coefficient arrays and global matrices. */
export interface MsfemSetup {
  /** N_c. */
  coarse: number;
  /** N_f. */
  fine: number;
  /** The fine grid (N_c·N_f elements per side). */
  grid: StructuredGrid2D;
  /** Coarse cells over the fine grid. */
  cells: CoarseCells;
  /** Side conditions with 'D'/'N'/'R'. */
  sides: Record<GridSide, MsfemSide>;
  /** Diffusion per fine element. */
  a: Float64Array;
  /** Potential per fine element (real and imaginary parts). */
  v: {
    /** Real parts. */
    re: Float64Array;
    /** Imaginary parts. */
    im: Float64Array;
  };
  /** β per fine boundary edge of each Robin side. */
  beta: Partial<Record<GridSide, {
    /** Real parts. */
    re: Float64Array;
    /** Imaginary parts. */
    im: Float64Array;
  }>>;
  /** Source per fine element. */
  f: Float64Array;
  /** True when V or β has a nonzero imaginary part. */
  complex: boolean;
  /** True when V ≡ 0 (constants have zero energy on patches away from Γ1 and Robin sides). */
  zeroPotential: boolean;
  /** True when the problem is real with V ≥ 0 and no Robin side, so K_nrm = K_op (Schur shortcut allowed). */
  normIsOperator: boolean;
  /** Method options, resolved. */
  modes: number[];
  /** Variant. */
  variant: 'exp' | 'h-bubble' | 'oh';
  /** Edge bubble as a free DOF or fixed in u_n. */
  edgeBubble: 'freeDof' | 'fixed';
  /** Galerkin form. */
  galerkin: 'petrov' | 'ritz' | 'ritzConj';
  /** Eigenproblem form. */
  eigenForm: 'reduced' | 'direct';
  /** Oversampling layers. */
  layers: number;
  /** Whether to compute the reference. */
  reference: boolean;
}

function fieldOnCells(name: string, grid: StructuredGrid2D, field: MsfemRealField, positive: boolean): Float64Array {
  if (typeof field === 'function') return expandField(name, sampleCells(grid, field), grid.elementCount, positive);
  return expandField(name, field, grid.elementCount, positive);
}

function complexOn(name: string, field: MsfemComplexField, count: number, sample: (f: (x: number, y: number) => number) => Float64Array): { re: Float64Array; im: Float64Array } {
  const part = (n: string, p: MsfemRealField | undefined): Float64Array => {
    if (p === undefined) return new Float64Array(count);
    if (typeof p === 'function') return expandField(n, sample(p), count);
    return expandField(n, p, count);
  };
  if (typeof field === 'number' || field instanceof Float64Array || typeof field === 'function') return { re: part(name, field), im: new Float64Array(count) };
  if (field === null || typeof field !== 'object') throw new InvalidTypeError(name, 'a number, a Float64Array, a function or { re, im }', field);
  return { re: part(`${name}.re`, field.re), im: part(`${name}.im`, field.im) };
}

/**
 * Validate a {@link MsfemProblem} completely and build the fine mesh and coefficient arrays. O(fine
 * elements).
 *
 * @throws InvalidArgumentError / InvalidTypeError naming the argument
 * @example
 * ```ts
 * // check a problem before a long run, and look at the sampled coefficient per fine element
 * const setup = setupMsfem({ coarse: 4, fine: 8, diffusion: (x, y) => 2 + Math.sin(9 * x), source: 1, modes: [1, 2, 3] });
 * setup.a.length; // (N_c·N_f)² = 1024 fine elements
 * ```
 */
export function setupMsfem(problem: MsfemProblem): MsfemSetup {
  if (problem === null || typeof problem !== 'object') throw new InvalidTypeError('problem', 'an object', problem);
  const coarse = checkInteger('problem.coarse', problem.coarse, 2, 4096);
  const fine = checkInteger('problem.fine', problem.fine, 2, 4096);
  const grid = new StructuredGrid2D(coarse * fine, coarse * fine);
  const cells = new CoarseCells(grid, fine);
  const a = fieldOnCells('problem.diffusion', grid, problem.diffusion, true);
  const v = complexOn('problem.potential', problem.potential ?? 0, grid.elementCount, (fn) => sampleCells(grid, fn));
  const sides: Record<GridSide, MsfemSide> = { bottom: 'D', right: 'D', top: 'D', left: 'D' };
  const bnd = problem.boundary ?? {};
  if (bnd === null || typeof bnd !== 'object') throw new InvalidTypeError('problem.boundary', 'an object of side conditions', bnd);
  for (const side of GRID_SIDES) {
    const c = bnd[side] ?? 'D';
    if (c !== 'D' && c !== 'N' && c !== 'R') throw new InvalidArgumentError(`problem.boundary.${side}`, "'D', 'N' or 'R'", c);
    sides[side] = c;
  }
  const beta: MsfemSetup['beta'] = {};
  const robin = problem.robin ?? {};
  if (typeof robin !== 'object') throw new InvalidTypeError('problem.robin', 'an object of β fields per Robin side', robin);
  for (const side of GRID_SIDES) {
    const data = robin[side];
    if (sides[side] === 'R' && data === undefined) throw new InvalidArgumentError(`problem.robin.${side}`, `a β field, since boundary.${side} is 'R'`, undefined);
    if (sides[side] !== 'R' && data !== undefined) throw new InvalidArgumentError(`problem.boundary.${side}`, `'R', since problem.robin.${side} is given`, sides[side]);
    if (data !== undefined) beta[side] = complexOn(`problem.robin.${side}`, data, fine * coarse, (fn) => sampleSide(grid, side, fn));
  }
  let zeroPotential = true;
  let complex = false;
  for (let e = 0; e < grid.elementCount; e++) {
    if (v.re[e] !== 0 || v.im[e] !== 0) zeroPotential = false;
    if (v.im[e] !== 0) complex = true;
  }
  for (const side of GRID_SIDES) {
    const b = beta[side];
    if (b !== undefined) for (let k = 0; k < b.im.length; k++) if (b.im[k] !== 0) complex = true;
  }
  let nonNegative = true;
  for (let e = 0; e < grid.elementCount; e++) if (v.re[e] < 0) nonNegative = false;
  const normIsOperator = !complex && nonNegative && Object.keys(beta).length === 0;
  const hasDirichlet = GRID_SIDES.some((s) => sides[s] === 'D');
  if (!hasDirichlet && zeroPotential && GRID_SIDES.every((s) => sides[s] !== 'R')) {
    throw new InvalidArgumentError('problem.boundary', "at least one 'D' or 'R' side when V ≡ 0 (pure Neumann is singular)", bnd);
  }
  const f = fieldOnCells('problem.source', grid, problem.source, false);
  if (problem.modes !== undefined && !Array.isArray(problem.modes)) throw new InvalidTypeError('problem.modes', 'an array of positive integers', problem.modes);
  const modes = (problem.modes ?? [1, 2, 3, 4, 5, 6, 7]).map((m, k) => Math.min(checkInteger(`problem.modes[${k}]`, m, 1), fine - 1));
  if (modes.length === 0) throw new InvalidArgumentError('problem.modes', 'a non-empty list of positive integers', problem.modes);
  const variant = problem.variant ?? 'exp';
  if (!['exp', 'h-bubble', 'oh'].includes(variant)) throw new InvalidArgumentError('problem.variant', "'exp', 'h-bubble' or 'oh'", variant);
  const galerkin = problem.galerkin ?? 'petrov';
  if (galerkin !== 'petrov' && galerkin !== 'ritz' && galerkin !== 'ritzConj') throw new InvalidArgumentError('problem.galerkin', "'petrov', 'ritz' or 'ritzConj'", galerkin);
  if (galerkin === 'ritzConj' && !complex) throw new InvalidArgumentError('problem.galerkin', "'petrov' or 'ritz' for a real problem ('ritzConj' doubles a real basis into a singular one)", galerkin);
  const edgeBubble = problem.edgeBubble ?? 'freeDof';
  if (edgeBubble !== 'freeDof' && edgeBubble !== 'fixed') throw new InvalidArgumentError('problem.edgeBubble', "'freeDof' or 'fixed'", edgeBubble);
  const eigenForm = problem.eigenForm ?? 'reduced';
  if (eigenForm !== 'reduced' && eigenForm !== 'direct') throw new InvalidArgumentError('problem.eigenForm', "'reduced' or 'direct'", eigenForm);
  // an oversampling patch must leave part of Ω outside it, or it has no prescribed nodes (no sides interior
  // to Ω) and U(ω_e) is empty: the patch of a central edge covers Ω once 2·layers ≥ N_c (N_c = 2: always)
  if (coarse < 3) throw new InvalidArgumentError('problem.coarse', 'an integer ≥ 3 (with N_c = 2 every oversampling patch is the whole square and has no prescribed nodes)', coarse);
  const maxLayers = Math.ceil(coarse / 2) - 1;
  if (problem.reference !== undefined && typeof problem.reference !== 'boolean') throw new InvalidTypeError('problem.reference', 'true or false', problem.reference);
  const layers = checkInteger('problem.oversamplingLayers', problem.oversamplingLayers ?? 1, 1, maxLayers);
  return { coarse, fine, grid, cells, sides, a, v, beta, f, complex, zeroPotential, normIsOperator, modes, variant, edgeBubble, galerkin, eigenForm, layers, reference: problem.reference ?? true };
}

/**
 * Whether V vanishes on every listed fine element (all of Ω when `elementToParent` is undefined): then
 * constants have zero energy on a patch that touches neither Γ1 nor a Robin side (spec §3 step 2c),
 * whatever V is elsewhere. O(elements).
 */
export function potentialVanishesOn(setup: MsfemSetup, elementToParent: Int32Array | undefined): boolean {
  if (setup.zeroPotential) return true;
  if (elementToParent === undefined) return false;
  const { re, im } = setup.v;
  for (let k = 0; k < elementToParent.length; k++) if (re[elementToParent[k]] !== 0 || im[elementToParent[k]] !== 0) return false;
  return true;
}

/**
 * The Q1 coefficients of a (sub-)grid cut from the fine grid: element coefficients gathered through
 * `elementToParent`, Robin β on the sides that lie on a Robin side of Ω.
 */
export function localCoefficients(setup: MsfemSetup, elementToParent: Int32Array | undefined, range: { i0: number; i1: number; j0: number; j1: number } | undefined): Q1Coefficients {
  const n = setup.grid.nx;
  const gather = (src: Float64Array): Float64Array => (elementToParent === undefined ? src : Float64Array.from(elementToParent, (e) => src[e]));
  const r = range ?? { i0: 0, i1: n, j0: 0, j1: n };
  const robin: Partial<Record<GridSide, ComplexField>> = {};
  for (const side of GRID_SIDES) {
    const b = setup.beta[side];
    if (b === undefined) continue;
    const on = side === 'bottom' ? r.j0 === 0 : side === 'top' ? r.j1 === n : side === 'left' ? r.i0 === 0 : r.i1 === n;
    if (!on) continue;
    const [s, e] = side === 'bottom' || side === 'top' ? [r.i0, r.i1] : [r.j0, r.j1];
    robin[side] = { re: b.re.slice(s, e), im: b.im.slice(s, e) };
  }
  return { diffusion: gather(setup.a), potential: { re: gather(setup.v.re), im: gather(setup.v.im) }, robin };
}

/** Global fine matrices of spec §2: operator K_op (real or complex), norm K_nrm, mass M, load F (real). */
export function globalMatrices(setup: MsfemSetup): {
  /** Operator K_op (real, or complex for complex V/β). */
  Kop: CsrMatrix | ComplexCsrMatrix;
  /** Energy-norm matrix K_nrm. */
  Knrm: CsrMatrix;
  /** Mass matrix. */
  M: CsrMatrix;
  /** Load vector (real). */
  F: Float64Array;
} {
  const coeffs = localCoefficients(setup, undefined, undefined);
  const Kop = setup.complex ? assembleQ1Complex(setup.grid, coeffs) : assembleQ1Real(setup.grid, { ...coeffs, potential: (coeffs.potential as { re: Float64Array }).re, robin: realRobin(coeffs) });
  return { Kop, Knrm: assembleQ1Norm(setup.grid, coeffs), M: assembleQ1Mass(setup.grid), F: q1Load(setup.grid, setup.f) };
}

function realRobin(coeffs: Q1Coefficients): Partial<Record<GridSide, RealField>> {
  const out: Partial<Record<GridSide, RealField>> = {};
  for (const side of GRID_SIDES) {
    const b = coeffs.robin?.[side] as ComplexField | undefined;
    if (b !== undefined) out[side] = b.re;
  }
  return out;
}

