/**
 * Shared vocabulary of the Krylov solvers: operators, preconditioners, options, results, and the
 * real/complex "vector space" through which one implementation of each method serves both fields.
 *
 * Stopping rule (all methods): ‖b − A x‖₂ ≤ max(rtol·‖b‖₂, atol), checked on the recurrence
 * residual and confirmed on the true residual before `status: 'success'` is returned; if the
 * recurrence residual has drifted, the iteration restarts from the current iterate with the true
 * residual (residual replacement), at most {@link MAX_RESIDUAL_REPLACEMENTS} times.
 *
 * @module
 */
import { checkFunction, checkInteger, checkNonNegative, checkVec } from '../../core/check';
import { InvalidTypeError } from '../../core/errors';
import { RunWatch, type LongRunOptions } from '../../core/progress';
import type { SolveStatus } from '../../core/status';
import type { Vec } from '../../core/types';
import { daxpy, ddot, dnrm2 } from '../dense';
import { zaxpy, zdotc, zdotu, znrm2 } from '../complex';
import { checkCsrMatrix, type ComplexCsrMatrix, type CsrMatrix } from './csr';
import { complexCsrMatVecStrided, csrMatVecStrided } from './csrMatVec';

/**
 * A matrix-free linear operator of order n: `apply(x, out)` writes `out = A x` (vectors of
 * length n, or 2n interleaved for complex solvers). `out` never aliases `x`.
 */
export interface LinearOperator {
  /** Number of (complex) unknowns. */
  readonly n: number;
  /** Write A x into out. */
  apply(x: Vec, out: Vec): void;
}

/**
 * A preconditioner M ≈ A: `apply(r, z)` writes `z = M⁻¹ r` (z may alias r). Real solvers pass
 * length-n vectors, complex solvers interleaved length-2n vectors.
 */
export interface Preconditioner {
  /** Write M⁻¹ r into z. */
  apply(r: Vec, z: Vec): void;
}

/** Options shared by every Krylov solver (plus `signal`, `onProgress`, `progressEvery`). */
export interface KrylovOptions extends LongRunOptions {
  /** Relative tolerance on ‖b − A x‖₂ / ‖b‖₂ (default 1e-10). */
  rtol?: number;
  /** Absolute tolerance on ‖b − A x‖₂ (default 0). */
  atol?: number;
  /** Iteration budget (default 10·n). */
  maxIterations?: number;
  /** Initial guess (default 0); not modified. */
  x0?: Vec;
  /** Preconditioner (default none). */
  preconditioner?: Preconditioner;
}

/** Result of a Krylov solve. */
export interface KrylovResult {
  /** Final iterate (the last finite one when `status` is `'nonFinite'`). */
  x: Vec;
  /** Iterations performed (matrix–vector products for CG/COCG, half that for BiCGSTAB). */
  iterations: number;
  /** True residual norm ‖b − A x‖₂ of the returned x. */
  residualNorm: number;
  /** ‖b‖₂, so that `residualNorm / rhsNorm` is the relative residual. */
  rhsNorm: number;
  /** Outcome; breakdowns are `'diverged'` with the reason in `breakdown`. */
  status: SolveStatus;
  /** Why the method stopped early, when it did (e.g. `'indefinite operator: pᵀAp <= 0'`). */
  breakdown?: string;
}

/** Number of residual replacements before a stagnating solve gives up. */
export const MAX_RESIDUAL_REPLACEMENTS = 5;

/**
 * The field-dependent operations a Krylov method needs. Scalars are complex pairs written into
 * a length-2 array; for the real space the imaginary parts are always 0. @internal
 */
export interface KrylovSpace {
  /** Number of (complex) unknowns. */
  readonly n: number;
  /** Doubles per unknown (1 real, 2 complex). */
  readonly width: 1 | 2;
  /** The solver's bilinear/sesquilinear form (x, y) into out2. */
  dot(x: Vec, y: Vec, out2: Float64Array): Float64Array;
  /** Euclidean norm. */
  norm(x: Vec): number;
  /** y ← a·x + y. */
  axpy(aRe: number, aIm: number, x: Vec, y: Vec): void;
  /** out ← A x. */
  multiply(x: Vec, out: Vec): void;
  /** z ← M⁻¹ r (copy when unpreconditioned). */
  precondition(r: Vec, z: Vec): void;
}

/** Which form `dot` uses in the complex space. */
export type ComplexForm = 'bilinear' | 'sesquilinear';

function makeMultiply(A: CsrMatrix | ComplexCsrMatrix | LinearOperator, width: 1 | 2): { n: number; multiply: (x: Vec, out: Vec) => void } {
  const field = (A as { field?: string }).field;
  if (field === 'real' || field === 'complex') {
    const M = A as CsrMatrix | ComplexCsrMatrix;
    if (field !== (width === 1 ? 'real' : 'complex')) throw new InvalidTypeError('A', `a ${width === 1 ? 'real' : 'complex'} CSR matrix or LinearOperator`, field);
    checkCsrMatrix('A', M, field);
    if (M.rows !== M.cols) throw new InvalidTypeError('A', 'a square matrix', `${M.rows}×${M.cols}`);
    if (width === 1) return { n: M.rows, multiply: (x, out) => void csrMatVecStrided(M as CsrMatrix, x, 1, 0, out, 1, 0) };
    return { n: M.rows, multiply: (x, out) => void complexCsrMatVecStrided(M as ComplexCsrMatrix, x, 1, 0, out, 1, 0) };
  }
  if (typeof A !== 'object' || A === null) throw new InvalidTypeError('A', 'a CSR matrix or a LinearOperator', A);
  const op = A as LinearOperator;
  checkInteger('A.n', op.n, 0);
  checkFunction('A.apply', op.apply);
  return { n: op.n, multiply: (x, out) => op.apply(x, out) };
}

/**
 * Build the space for a real (width 1, Euclidean dot) or complex (width 2, bilinear xᵀy or
 * sesquilinear xᴴy) solver. @internal
 */
export function krylovSpace(A: CsrMatrix | ComplexCsrMatrix | LinearOperator, width: 1 | 2, form: ComplexForm, preconditioner?: Preconditioner): KrylovSpace {
  const { n, multiply } = makeMultiply(A, width);
  if (preconditioner !== undefined) {
    if (typeof preconditioner !== 'object' || preconditioner === null) throw new InvalidTypeError('options.preconditioner', 'an object with apply(r, z)', preconditioner);
    checkFunction('options.preconditioner.apply', preconditioner.apply);
  }
  const precondition = preconditioner === undefined ? (r: Vec, z: Vec) => void z.set(r) : (r: Vec, z: Vec) => preconditioner.apply(r, z);
  if (width === 1) {
    return {
      n,
      width,
      dot: (x, y, out2) => {
        out2[0] = ddot(n, x, 1, 0, y, 1, 0);
        out2[1] = 0;
        return out2;
      },
      norm: (x) => dnrm2(n, x, 1, 0),
      axpy: (aRe, _aIm, x, y) => void daxpy(n, aRe, x, 1, 0, y, 1, 0),
      multiply,
      precondition,
    };
  }
  const dot = form === 'bilinear' ? zdotu : zdotc;
  return {
    n,
    width,
    dot: (x, y, out2) => dot(n, x, 1, 0, y, 1, 0, out2),
    norm: (x) => znrm2(n, x, 1, 0),
    axpy: (aRe, aIm, x, y) => void zaxpy(n, aRe, aIm, x, 1, 0, y, 1, 0),
    multiply,
    precondition,
  };
}

/** Validated options of a Krylov solve. @internal */
export interface ResolvedKrylovOptions {
  x: Vec;
  rtol: number;
  atol: number;
  maxIterations: number;
  watch: RunWatch;
}

/** Validate options and right-hand side before any work; copies x0. @internal */
export function resolveKrylovOptions(space: KrylovSpace, b: Vec, options: KrylovOptions): ResolvedKrylovOptions {
  const length = space.width * space.n;
  checkVec('b', b, length);
  const rtol = options.rtol === undefined ? 1e-10 : checkNonNegative('options.rtol', options.rtol);
  const atol = options.atol === undefined ? 0 : checkNonNegative('options.atol', options.atol);
  const maxIterations = options.maxIterations === undefined ? Math.max(10 * space.n, 10) : checkInteger('options.maxIterations', options.maxIterations, 0);
  const x = options.x0 === undefined ? new Float64Array(length) : Float64Array.from(checkVec('options.x0', options.x0, length));
  if (options.progressEvery !== undefined) checkInteger('options.progressEvery', options.progressEvery, 1);
  if (options.onProgress !== undefined) checkFunction('options.onProgress', options.onProgress);
  return { x, rtol, atol, maxIterations, watch: new RunWatch(options) };
}

/** Fraction of the way from ‖r₀‖ to the tolerance on a log scale, for progress reports. @internal */
export function convergenceFraction(initial: number, current: number, tolerance: number): number {
  if (!(initial > tolerance) || tolerance <= 0) return current <= tolerance ? 1 : NaN;
  const f = Math.log(initial / current) / Math.log(initial / tolerance);
  return f < 0 ? 0 : f > 1 ? 1 : f;
}

/** r ← b − A x (one product with A); returns ‖r‖₂. @internal */
export function trueResidual(space: KrylovSpace, b: Vec, x: Vec, r: Vec): number {
  space.multiply(x, r);
  for (let i = 0; i < r.length; i++) r[i] = b[i] - r[i];
  return space.norm(r);
}

/** p ← z + β·p for complex β = betaRe + i·betaIm (width 2) or real β (width 1). @internal */
export function scaleAdd(width: 1 | 2, z: Vec, betaRe: number, betaIm: number, p: Vec): void {
  if (width === 1) {
    for (let i = 0; i < p.length; i++) p[i] = z[i] + betaRe * p[i];
    return;
  }
  for (let i = 0; i < p.length; i += 2) {
    const pr = p[i];
    const pi = p[i + 1];
    p[i] = z[i] + betaRe * pr - betaIm * pi;
    p[i + 1] = z[i + 1] + betaRe * pi + betaIm * pr;
  }
}

/** Complex quotient a/b written into out2 ([re, im]); Smith's algorithm avoids overflow. @internal */
export function complexDivide(aRe: number, aIm: number, bRe: number, bIm: number, out2: Float64Array): Float64Array {
  if (Math.abs(bRe) >= Math.abs(bIm)) {
    const ratio = bIm / bRe;
    const denom = bRe + bIm * ratio;
    out2[0] = (aRe + aIm * ratio) / denom;
    out2[1] = (aIm - aRe * ratio) / denom;
  } else {
    const ratio = bRe / bIm;
    const denom = bRe * ratio + bIm;
    out2[0] = (aRe * ratio + aIm) / denom;
    out2[1] = (aIm * ratio - aRe) / denom;
  }
  return out2;
}

/** Assemble a {@link KrylovResult}, recomputing the true residual of x in `scratch`. @internal */
export function finishKrylov(space: KrylovSpace, b: Vec, x: Vec, scratch: Vec, iterations: number, rhsNorm: number, status: SolveStatus, watch: RunWatch, breakdown?: string, knownResidual?: number): KrylovResult {
  const residualNorm = knownResidual ?? trueResidual(space, b, x, scratch);
  watch.finish(iterations, status === 'success' ? 1 : NaN, undefined, { residualNorm });
  const result: KrylovResult = { x, iterations, residualNorm, rhsNorm, status };
  if (breakdown !== undefined) result.breakdown = breakdown;
  return result;
}
