/**
 * BiCGSTAB (van der Vorst, SIAM J. Sci. Stat. Comput. 13, 1992) for general non-singular systems,
 * real and complex, with right preconditioning as in Barrett et al., "Templates for the Solution
 * of Linear Systems" (1994), §2.3.8:
 *
 *   ρ = (r̂, r), β = (ρ/ρ₋)(α/ω), p = r + β(p − ωv), p̂ = M⁻¹p, v = A p̂, α = ρ/(r̂, v),
 *   s = r − αv, ŝ = M⁻¹s, t = A ŝ, ω = (t, s)/(t, t), x += αp̂ + ωŝ, r = s − ωt,
 *
 * where (x, y) = xᴴy (the Euclidean dot in the real case). The residual r is that of the
 * unpreconditioned system, so the stopping rule ‖b − A x‖₂ ≤ max(rtol‖b‖₂, atol) needs no
 * correction. Cost per iteration: two products with A, two preconditioner applications, four
 * inner products, six axpys.
 *
 * Breakdowns: ρ ≈ 0 (the shadow residual r̂ became orthogonal to r), (r̂, v) = 0, or ω = 0
 * (stagnation) restart the method from the current iterate with r̂ = r, at most
 * {@link MAX_RESIDUAL_REPLACEMENTS} times, after which `status: 'diverged'` is returned with the
 * reason; (t, t) = 0 with s ≠ 0 means A·M⁻¹ is singular and is reported at once.
 *
 * @module
 */
import type { Vec } from '../../core/types';
import type { ComplexCsrMatrix, CsrMatrix } from './csr';
import {
  complexDivide,
  convergenceFraction,
  finishKrylov,
  type KrylovOptions,
  type KrylovResult,
  type KrylovSpace,
  krylovSpace,
  type LinearOperator,
  MAX_RESIDUAL_REPLACEMENTS,
  resolveKrylovOptions,
  scaleAdd,
  trueResidual,
} from './krylov';

const BREAKDOWN_EPSILON = 2.220446049250313e-16;

function finitePair(a: Float64Array): boolean {
  return Number.isFinite(a[0]) && Number.isFinite(a[1]);
}

function bicgstabCore(space: KrylovSpace, b: Vec, options: KrylovOptions): KrylovResult {
  const { x, rtol, atol, maxIterations, watch } = resolveKrylovOptions(space, b, options);
  const progressExtra = { residualNorm: 0 };
  const length = space.width * space.n;
  const r = new Float64Array(length);
  const shadow = new Float64Array(length);
  const p = new Float64Array(length);
  const v = new Float64Array(length);
  const s = new Float64Array(length);
  const t = new Float64Array(length);
  const pHat = new Float64Array(length);
  const sHat = new Float64Array(length);
  const rho = new Float64Array(2);
  const rhoPrevious = new Float64Array(2);
  const alpha = new Float64Array(2);
  const omega = new Float64Array(2);
  const beta = new Float64Array(2);
  const ratio = new Float64Array(2);
  const work = new Float64Array(2);
  const rhsNorm = space.norm(b);
  const tolerance = Math.max(rtol * rhsNorm, atol);
  let residualNorm = trueResidual(space, b, x, r);
  const initialNorm = residualNorm;
  let iterations = 0;
  let restarts = 0;
  let lastBreakdown = '';
  const done = (status: KrylovResult['status'], breakdown?: string, known?: number) =>
    finishKrylov(space, b, x, t, iterations, rhsNorm, status, watch, breakdown, known);
  if (!Number.isFinite(residualNorm)) return done('nonFinite', 'the initial residual is not finite');
  let fresh = true;
  let shadowNorm = 0;
  const restart = (reason: string): boolean => {
    lastBreakdown = reason;
    fresh = true;
    return ++restarts <= MAX_RESIDUAL_REPLACEMENTS;
  };
  for (;;) {
    if (fresh) {
      shadow.set(r);
      shadowNorm = residualNorm;
    }
    if (residualNorm <= tolerance) {
      const trueNorm = trueResidual(space, b, x, t);
      if (trueNorm <= tolerance) return done('success', undefined, trueNorm);
      r.set(t);
      residualNorm = trueNorm;
      if (!restart('stagnation: the true residual stays above the tolerance (tolerance below attainable accuracy)')) return done('diverged', lastBreakdown, trueNorm);
      continue;
    }
    if (iterations >= maxIterations) return done('maxSteps');
    progressExtra.residualNorm = residualNorm;
    if (watch.tick(iterations, convergenceFraction(initialNorm, residualNorm, tolerance), undefined, progressExtra)) return done('aborted');
    space.dot(shadow, r, rho);
    if (!finitePair(rho)) return done('nonFinite', 'the residual is not finite');
    if (Math.hypot(rho[0], rho[1]) <= BREAKDOWN_EPSILON * shadowNorm * residualNorm) {
      if (fresh || !restart('BiCGSTAB breakdown: (r̂, r) = 0')) return done('diverged', 'BiCGSTAB breakdown: (r̂, r) = 0');
      continue;
    }
    if (fresh) {
      p.set(r);
      fresh = false;
    } else {
      complexDivide(rho[0], rho[1], rhoPrevious[0], rhoPrevious[1], ratio);
      complexDivide(alpha[0], alpha[1], omega[0], omega[1], work);
      beta[0] = ratio[0] * work[0] - ratio[1] * work[1];
      beta[1] = ratio[0] * work[1] + ratio[1] * work[0];
      if (!finitePair(beta)) return done('nonFinite', 'β is not finite');
      space.axpy(-omega[0], -omega[1], v, p);
      scaleAdd(space.width, r, beta[0], beta[1], p);
    }
    space.precondition(p, pHat);
    space.multiply(pHat, v);
    space.dot(shadow, v, work);
    if (!finitePair(work)) return done('nonFinite', 'A M⁻¹ p is not finite');
    if (work[0] === 0 && work[1] === 0) {
      if (!restart('BiCGSTAB breakdown: (r̂, A M⁻¹p) = 0')) return done('diverged', lastBreakdown);
      continue;
    }
    complexDivide(rho[0], rho[1], work[0], work[1], alpha);
    if (!finitePair(alpha)) return done('nonFinite', 'α is not finite');
    s.set(r);
    space.axpy(-alpha[0], -alpha[1], v, s);
    const sNorm = space.norm(s);
    if (sNorm <= tolerance) {
      space.axpy(alpha[0], alpha[1], pHat, x);
      r.set(s);
      residualNorm = sNorm;
      iterations++;
      continue;
    }
    space.precondition(s, sHat);
    space.multiply(sHat, t);
    space.dot(t, t, work);
    const tt = work[0];
    if (!Number.isFinite(tt)) return done('nonFinite', 'A M⁻¹ s is not finite');
    if (tt === 0) return done('diverged', 'BiCGSTAB breakdown: A M⁻¹ s = 0 with s ≠ 0 (singular operator)');
    space.dot(t, s, work);
    omega[0] = work[0] / tt;
    omega[1] = work[1] / tt;
    space.axpy(alpha[0], alpha[1], pHat, x);
    space.axpy(omega[0], omega[1], sHat, x);
    r.set(s);
    space.axpy(-omega[0], -omega[1], t, r);
    residualNorm = space.norm(r);
    iterations++;
    if (!Number.isFinite(residualNorm)) return done('nonFinite', 'the residual is not finite');
    rhoPrevious.set(rho);
    if (omega[0] === 0 && omega[1] === 0) {
      if (!restart('BiCGSTAB stagnation: ω = 0')) return done('diverged', lastBreakdown);
    }
  }
}

/**
 * Solve a real non-symmetric system `A x = b` by right-preconditioned BiCGSTAB. `A` is a real
 * {@link CsrMatrix} or a {@link LinearOperator}. Same options and stopping rule as
 * {@link conjugateGradient}; `iterations` counts BiCGSTAB steps (two products with A each).
 *
 * @example
 * ```ts
 * const { x, status, residualNorm } = bicgstab(A, b, { rtol: 1e-12, preconditioner: jacobiPreconditioner(A) });
 * ```
 */
export function bicgstab(A: CsrMatrix | LinearOperator, b: Vec, options: KrylovOptions = {}): KrylovResult {
  return bicgstabCore(krylovSpace(A, 1, 'sesquilinear', options.preconditioner), b, options);
}

/**
 * Solve a complex non-singular system `A x = b` (interleaved vectors) by right-preconditioned
 * BiCGSTAB with the Hermitian inner product. Works for any complex A (Hermitian, complex
 * symmetric or general); for complex symmetric A {@link cocg} needs one product per iteration
 * instead of two.
 *
 * @example
 * ```ts
 * const { x, status } = complexBicgstab(H, f, { preconditioner: complexJacobiPreconditioner(H) });
 * ```
 */
export function complexBicgstab(A: ComplexCsrMatrix | LinearOperator, b: Vec, options: KrylovOptions = {}): KrylovResult {
  return bicgstabCore(krylovSpace(A, 2, 'sesquilinear', options.preconditioner), b, options);
}
